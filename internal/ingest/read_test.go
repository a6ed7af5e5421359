package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// collect reads an input whole.
func collect(t testing.TB, input string, opts Options) (docs []Doc, errs []error) {
	t.Helper()
	Read(context.Background(), input, opts, func(d Doc, err error) bool {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("%s: error %v is not an *InputError", input, err)
			}
			errs = append(errs, err)
			return true
		}
		docs = append(docs, d)
		return true
	})
	return docs, errs
}

// wantDoc is what a test checks of one document.
type wantDoc struct {
	name      string
	format    Format
	container Format
	url       string
	contains  string // in Content
	title     string
	published string // RFC 3339
	authors   string // joined with "|"
	tags      string // joined with "|"
	publisher string
	fetched   string // RFC 3339
}

func checkDoc(t *testing.T, d Doc, w wantDoc) {
	t.Helper()
	if d.Name != w.name {
		t.Errorf("Name = %q, want %q", d.Name, w.name)
	}
	if d.Format != w.format || d.Container != w.container {
		t.Errorf("%s: Format/Container = %s/%s, want %s/%s", d.Name, d.Format, d.Container, w.format, w.container)
	}
	if d.URL != w.url {
		t.Errorf("%s: URL = %q, want %q", d.Name, d.URL, w.url)
	}
	if !bytes.Contains(d.Content, []byte(w.contains)) {
		t.Errorf("%s: Content lacks %q:\n%s", d.Name, w.contains, d.Content)
	}
	if !isUTF8(d.Content) {
		t.Errorf("%s: Content is not UTF-8", d.Name)
	}
	h := d.Hints
	if h.Title != w.title {
		t.Errorf("%s: Title = %q, want %q", d.Name, h.Title, w.title)
	}
	if got := fmtTime(h.Published); got != w.published {
		t.Errorf("%s: Published = %s, want %s", d.Name, got, w.published)
	}
	if got := strings.Join(h.Authors, "|"); got != w.authors {
		t.Errorf("%s: Authors = %q, want %q", d.Name, got, w.authors)
	}
	if got := strings.Join(h.Tags, "|"); got != w.tags {
		t.Errorf("%s: Tags = %q, want %q", d.Name, got, w.tags)
	}
	if h.Publisher != w.publisher {
		t.Errorf("%s: Publisher = %q, want %q", d.Name, h.Publisher, w.publisher)
	}
	if got := fmtTime(d.Fetched); got != w.fetched {
		t.Errorf("%s: Fetched = %s, want %s", d.Name, got, w.fetched)
	}
}

func isUTF8(b []byte) bool { return invalidUTF8(b) < 0 }

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func td(name string) string { return filepath.Join("testdata", name) }

func TestRead(t *testing.T) {
	warcDocs := func(file string) []wantDoc {
		var out []wantDoc
		for _, p := range warcPages {
			out = append(out, wantDoc{name: td(file) + "#" + p.id, format: HTML, container: WARC, url: p.url, contains: p.want, fetched: warcDate})
		}
		return out
	}
	tests := []struct {
		input string
		docs  []wantDoc
		errs  []string // substrings, in order
	}{
		{input: td("article.txt"), docs: []wantDoc{{name: td("article.txt"), format: Text, container: Text, contains: "Government forces shelled villages east of Daraa"}}},
		{input: td("page.html"), docs: []wantDoc{{name: td("page.html"), format: HTML, container: HTML, contains: "Houthi rebels and government-aligned forces"}}},
		{input: td("utf16.txt"), docs: []wantDoc{{name: td("utf16.txt"), format: Text, container: Text, contains: "Ceasefire holds in Idlib"}}},
		{input: td("arabic-1256.html"), docs: []wantDoc{{name: td("arabic-1256.html"), format: HTML, container: HTML, contains: arabicText}}},
		{
			input: td("feed.rss"),
			docs: []wantDoc{
				{name: td("feed.rss") + "#wire-2018-0904-idlib", format: HTML, container: Feed, url: "https://wire.example.com/2018/09/04/idlib",
					contains: "<p>Russian and Syrian aircraft struck", title: "Airstrikes hit Idlib province", published: "2018-09-04T09:15:00Z",
					authors: "Jane Doe", tags: "Syria|Conflict", publisher: "Example Wire"},
				{name: td("feed.rss") + "#2", format: Text, container: Feed, url: "https://wire.example.com/2018/09/06/geneva",
					contains: "UN-backed talks", title: "Talks on Yemen open in Geneva", published: "2018-09-06T12:00:00Z", publisher: "Example Wire"},
			},
			errs: []string{"feed.rss#wire-empty: feed item has no content"},
		},
		{
			input: td("feed.atom"),
			docs: []wantDoc{{name: td("feed.atom") + "#urn:example:monitor:mogadishu", format: HTML, container: Atom, url: "https://monitor.example.net/2019/02/mogadishu",
				contains: "<p>A car bomb exploded", title: "Car bomb in Mogadishu", published: "2019-02-10T15:30:00Z", authors: "A. Hassan", tags: "Somalia", publisher: "Example Monitor"}},
		},
		{
			input: td("dump.jsonl"),
			docs: []wantDoc{
				{name: td("dump.jsonl") + ":1", format: Text, container: JSONL, url: "https://news.example.org/a", contains: "Abu Salim district",
					title: "Mortar fire in Tripoli", published: "2019-04-20T00:00:00Z", authors: "R. Ali|S. Ben", tags: "Libya", publisher: "Example News"},
				{name: td("dump.jsonl") + ":3", format: HTML, container: JSONL, url: "https://news.example.org/c", contains: "<p>Thousands marched",
					title: "Protest in Khartoum", published: "2019-04-22T09:30:00+02:00", authors: "M. Osman"},
				{name: td("dump.jsonl") + ":6", format: Text, container: JSONL, url: "https://news.example.org/e", contains: "Fighting broke out in Tigray",
					title: "Clashes in Tigray", published: "2020-11-04T00:00:00Z", tags: "Ethiopia"},
			},
			errs: []string{"dump.jsonl:2: malformed JSON", `dump.jsonl:4: no "text" or "html" field`},
		},
		{input: td("crawl.warc"), docs: warcDocs("crawl.warc")},
		{input: td("crawl.warc.gz"), docs: warcDocs("crawl.warc.gz")},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.input), func(t *testing.T) {
			docs, errs := collect(t, tt.input, Options{})
			if len(docs) != len(tt.docs) {
				for _, d := range docs {
					t.Logf("doc %s", d.Name)
				}
				t.Fatalf("got %d docs, want %d (errors: %v)", len(docs), len(tt.docs), errs)
			}
			for i := range docs {
				checkDoc(t, docs[i], tt.docs[i])
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors = %v, want %d: %q", errs, len(tt.errs), tt.errs)
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), tt.errs[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, e, tt.errs[i])
				}
			}
		})
	}
}

// TestReadDecodedMeta checks a decoded legacy page no longer claims its
// old charset, which would make a later parser decode it twice.
func TestReadDecodedMeta(t *testing.T) {
	docs, errs := collect(t, td("arabic-1256.html"), Options{})
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	c := string(docs[0].Content)
	if strings.Contains(strings.ToLower(c), "windows-1256") || !strings.Contains(c, "charset=utf-8") {
		t.Errorf("charset declaration not rewritten:\n%s", c)
	}
}

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadGzipped(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile(td("dump.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write(raw)
	zw.Close()
	p := writeFile(t, dir, "dump.jsonl.gz", zb.Bytes())
	docs, errs := collect(t, p, Options{})
	if len(docs) != 3 || len(errs) != 2 {
		t.Fatalf("got %d docs and errors %v, want 3 docs and 2 errors", len(docs), errs)
	}
	if docs[0].Name != p+":1" {
		t.Errorf("Name = %q", docs[0].Name)
	}
}

func TestReadStop(t *testing.T) {
	n := 0
	Read(context.Background(), td("crawl.warc.gz"), Options{}, func(d Doc, err error) bool {
		n++
		return false
	})
	if n != 1 {
		t.Errorf("yield called %d times after returning false, want 1", n)
	}
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var docs int
	var errs []error
	Read(ctx, td("dump.jsonl"), Options{}, func(d Doc, err error) bool {
		if err != nil {
			errs = append(errs, err)
			return true
		}
		docs++
		cancel() // stop after the first document
		return true
	})
	if docs != 1 {
		t.Errorf("read %d docs after cancelling, want 1", docs)
	}
	if len(errs) == 0 || !errors.Is(errs[len(errs)-1], context.Canceled) {
		t.Errorf("errors = %v, want the last to be context.Canceled", errs)
	}
}

// The project's sample article and corpus must read; they live outside the
// repository, so the test skips without them.
func TestReadSharedCorpus(t *testing.T) {
	sample := filepath.Join("..", "..", "..", "shared", "samples", "globalresearch-2018-07-18-southern-syria.txt")
	corpus := filepath.Join("..", "..", "..", "shared", "corpus", "wikinews-conflict.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared is absent")
	}
	docs, errs := collect(t, sample, Options{})
	if len(errs) > 0 || len(docs) != 1 || docs[0].Format != Text {
		t.Fatalf("sample: %d docs, errors %v", len(docs), errs)
	}
	docs, errs = collect(t, corpus, Options{})
	if len(errs) > 0 {
		t.Fatalf("corpus errors: %v", errs[:min(len(errs), 5)])
	}
	if len(docs) < 100 {
		t.Fatalf("corpus gave %d docs", len(docs))
	}
	for _, d := range docs {
		if d.URL == "" || d.Hints.Title == "" || d.Hints.Published.IsZero() || len(d.Content) == 0 {
			t.Fatalf("%s: missing url/title/date/text: %+v", d.Name, d.Hints)
		}
	}
}

// A WARC gzipped as a whole, rather than record by record, keeps all its
// records: gowarc alone would read only the first.
func TestReadWARCGzippedWhole(t *testing.T) {
	raw, err := os.ReadFile(td("crawl.warc"))
	if err != nil {
		t.Fatal(err)
	}
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write(raw)
	zw.Close()
	p := writeFile(t, t.TempDir(), "whole.warc.gz", zb.Bytes())
	docs, errs := collect(t, p, Options{})
	if len(errs) > 0 || len(docs) != len(warcPages) {
		t.Fatalf("got %d docs, errors %v; want %d docs", len(docs), errs, len(warcPages))
	}
	for i, d := range docs {
		if d.Name != p+"#"+warcPages[i].id || !strings.Contains(string(d.Content), warcPages[i].want) {
			t.Errorf("doc %d = %s: %q", i, d.Name, d.Content)
		}
	}
}
