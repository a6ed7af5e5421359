package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
)

func sniffSeeds(f *testing.F) {
	for _, name := range []string{"article.txt", "page.html", "feed.rss", "feed.atom", "dump.jsonl", "arabic-1256.html", "latin1.txt", "utf16.txt", "crawl.warc"} {
		b, err := os.ReadFile(td(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), sniffLen)], name)
	}
	for _, s := range []string{"", "{", "[1]", "<", "<?xml", "<!-- x", "<!DOCTYPE rss>", "\xef\xbb\xbf<html>", "\xff\xfe<\x00", "%PDF-1.4", "\x1f\x8b\x08", "WARC/1.0\r\n", "{\"a\":1}\n{", "<?xml?><urlset/>"} {
		f.Add([]byte(s), "x")
	}
}

func FuzzSniff(f *testing.F) {
	sniffSeeds(f)
	f.Fuzz(func(t *testing.T, head []byte, name string) {
		format, err := sniff(head, name, "")
		again, err2 := sniff(head, name, "")
		if format != again || (err == nil) != (err2 == nil) {
			t.Fatalf("not deterministic: %q/%v then %q/%v", format, err, again, err2)
		}
		if err != nil {
			if format != "" {
				t.Fatalf("format %q with error %v", format, err)
			}
			return
		}
		switch format {
		case Text, HTML, Feed, WARC, JSONL:
		default:
			t.Fatalf("unknown format %q", format)
		}
		if bytes.HasPrefix(head, []byte("WARC/")) && format != WARC {
			t.Fatalf("WARC header sniffed as %s", format)
		}
		utf16 := bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE)
		if format != WARC && !utf16 && bytes.IndexByte(head, 0) >= 0 {
			t.Fatalf("NUL bytes sniffed as %s", format)
		}
	})
}

// FuzzRead runs arbitrary bytes through every reader: it must not panic,
// and whatever it yields must be a non-empty UTF-8 document or an
// *InputError.
func FuzzRead(f *testing.F) {
	sniffSeeds(f)
	for _, name := range []string{"crawl.warc.gz", "crawl.warc"} {
		b, err := os.ReadFile(td(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, name)
	}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		const limit = 1 << 16
		r := &reader{ctx: context.Background(), opts: Options{MaxDocBytes: limit}}
		r.yield = func(d Doc, err error) bool {
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Name == "" {
					t.Fatalf("error %v is not an *InputError with a name", err)
				}
				return true
			}
			if d.Format != Text && d.Format != HTML {
				t.Fatalf("doc format %q", d.Format)
			}
			if len(bytes.TrimSpace(d.Content)) == 0 && d.Container != Feed && d.Container != JSONL {
				t.Fatalf("empty document from %s", d.Container)
			}
			if !isUTF8(d.Content) {
				t.Fatalf("document is not UTF-8: %q", d.Content)
			}
			return true
		}
		r.readSource(&source{name: "fuzz", r: bufio.NewReader(bytes.NewReader(data)), size: int64(len(data)), extName: name})
	})
}
