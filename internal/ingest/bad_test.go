package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// TestReadBadInput: each bad input gets one clear error naming it, and a
// container keeps what it could read.
func TestReadBadInput(t *testing.T) {
	dir := t.TempDir()
	gzWARC, err := os.ReadFile(td("crawl.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	plainWARC, err := os.ReadFile(td("crawl.warc"))
	if err != nil {
		t.Fatal(err)
	}
	// Cut the gzipped crawl inside its last member (the resource record),
	// and the plain one inside the Arabic page's body.
	cutGz := gzWARC[:len(gzWARC)-40]
	cutPlain := plainWARC[:bytes.Index(plainWARC, []byte("charset=windows-1256"))+60]
	pdf := append([]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), make([]byte, 64)...)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")

	tests := []struct {
		name  string
		file  string // in dir, or testdata/... when data is nil
		data  []byte
		docs  int
		errs  []string // substrings of each error, in order
		kind  error    // of the last error, if set
		quick bool     // must fail without reading the file
	}{
		{name: "binary pdf", file: "report.txt", data: pdf, errs: []string{"report.txt: binary file (application/pdf), not an article"}, kind: ErrBinary},
		{name: "binary png", file: "photo", data: png, errs: []string{"photo: binary file (image/png), not an article"}, kind: ErrBinary},
		{name: "nul bytes", file: "data.txt", data: []byte("abc\x00\x01\x02def"), errs: []string{"binary file (application/octet-stream)"}, kind: ErrBinary},
		{name: "invalid utf-8 text", file: "testdata/latin1.txt", errs: []string{"latin1.txt: not valid UTF-8 text (byte offset 3); re-save it as UTF-8"}, kind: ErrEncoding},
		{name: "undeclared legacy html", file: "page.html", data: []byte("<html><body><p>\xe3\xd8\xc7\xd1</p></body></html>"),
			errs: []string{"page.html: not valid UTF-8 and declares no charset (byte offset 15)"}, kind: ErrEncoding},
		{name: "utf-8 declared, 1256 sent", file: "lying.html", data: append([]byte(`<html><head><meta charset="utf-8"></head><body><p>`), bytes.Repeat([]byte("\xe3\xd8\xc7\xd1 "), 50)...),
			errs: []string{"lying.html: declares UTF-8 in <meta charset> but is not valid UTF-8"}, kind: ErrEncoding},
		{name: "empty", file: "empty.txt", data: []byte{}, errs: []string{"empty.txt: empty"}, kind: ErrEmpty},
		{name: "blank", file: "blank.html", data: []byte(" \n\t\n"), errs: []string{"blank.html: empty"}, kind: ErrEmpty},
		{name: "truncated warc.gz", file: "cut.warc.gz", data: cutGz, docs: 3,
			errs: []string{"cut.warc.gz: truncated WARC: record 9 is cut short, after record 8 (urn:uuid:00000000-0000-4000-8000-000000000008) ("}},
		{name: "truncated warc", file: "cut.warc", data: cutPlain, docs: 2,
			errs: []string{"cut.warc: truncated WARC: record 8 is cut short, after record 7 (urn:uuid:00000000-0000-4000-8000-000000000007) ("}},
		{name: "not a warc", file: "junk.warc", data: []byte("WARC/1.1\r\nWARC-Type: response\r\n\r\nno length"),
			errs: []string{"junk.warc: corrupt WARC at record 1: parsing Content-Length"}},
		{name: "broken feed", file: "feed.xml", data: []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti`),
			errs: []string{"feed.xml: parse feed"}},
		{name: "empty feed", file: "feed.rss", data: []byte(`<rss version="2.0"><channel><title>x</title></channel></rss>`),
			errs: []string{"feed.rss: feed has no items"}},
		{name: "pretty json", file: "articles.json", data: []byte("{\n  \"title\": \"x\",\n  \"text\": \"y\"\n}\n"),
			errs: []string{"articles.json: a JSON document spread over lines"}},
		{name: "json array", file: "articles.json", data: []byte(`[{"title":"x","text":"y"}]`), errs: []string{"articles.json: a JSON array"}},
		{name: "jsonl bad date and types", file: "d.jsonl", data: []byte(`{"text":"a","date":"last Tuesday"}` + "\n" + `{"text":"b","authors":7}` + "\n" + `{"text":5}` + "\n" + "{\"text\":\"caf\xe9\"}\n"),
			errs: []string{`d.jsonl:1: field "date" is "last Tuesday"`, `d.jsonl:2: field "authors": want a string or a list`, `d.jsonl:3: field "text" is a JSON number, want a string`, "d.jsonl:4: not valid UTF-8 (byte offset 12 in the line)"}},
		{name: "sitemap", file: "sitemap.xml", data: []byte(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`),
			errs: []string{"sitemap.xml: an XML document with root <urlset>"}},
		{name: "10 MB single line", file: "huge.txt", data: bytes.Repeat([]byte("a"), 10<<20),
			errs: []string{"huge.txt: is 10.0 MiB, over the 8 MiB limit for one document"}, kind: ErrTooLarge, quick: true},
		{name: "missing", file: "nowhere.txt", errs: []string{"nowhere.txt: no such file or directory"}},
		{name: "directory", file: "testdata", errs: []string{"testdata: is a directory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.file
			if tt.data != nil {
				path = writeFile(t, dir, tt.file, tt.data)
			} else if tt.name == "missing" {
				path = filepath.Join(dir, tt.file)
			}
			start := time.Now()
			docs, errs := collect(t, path, Options{})
			if tt.quick && time.Since(start) > time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			if len(docs) != tt.docs {
				t.Errorf("got %d docs, want %d", len(docs), tt.docs)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors = %q, want %d like %q", errs, len(tt.errs), tt.errs)
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), tt.errs[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, e, tt.errs[i])
				}
			}
			if tt.kind != nil && !errors.Is(errs[len(errs)-1], tt.kind) {
				t.Errorf("error %v is not %v", errs[len(errs)-1], tt.kind)
			}
		})
	}
}

// A JSONL line over the limit is refused without loading it, and the next
// line still reads.
func TestReadJSONLLongLine(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	b.WriteString(`{"text":"first"}` + "\n")
	b.WriteString(`{"text":"`)
	b.Write(bytes.Repeat([]byte("x"), 2<<20))
	b.WriteString(`"}` + "\n")
	b.WriteString(`{"text":"third"}` + "\n")
	p := writeFile(t, dir, "long.jsonl", b.Bytes())
	docs, errs := collect(t, p, Options{MaxDocBytes: 1 << 20})
	if len(docs) != 2 || string(docs[1].Content) != "third" || docs[1].Name != p+":3" {
		t.Errorf("docs = %v", docs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "long.jsonl:2: is 2.0 MiB, over the 1 MiB limit for one document") {
		t.Errorf("errors = %v", errs)
	}
}

// A gzipped document is limited by its decompressed size, so a small bomb
// does not fill memory.
func TestReadGzipBomb(t *testing.T) {
	dir := t.TempDir()
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write(bytes.Repeat([]byte("boom "), 4<<20))
	zw.Close()
	p := writeFile(t, dir, "bomb.txt.gz", zb.Bytes())
	_, errs := collect(t, p, Options{MaxDocBytes: 1 << 20})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "is over the 1 MiB limit for one document") {
		t.Errorf("errors = %v", errs)
	}
}

// Blank lines after the last record are not a truncation, however the
// stream is split into reads; a partial record is.
func TestReadWARCTrailingBlank(t *testing.T) {
	raw, err := os.ReadFile(td("crawl.warc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		tail string
		err  string
	}{
		{tail: "\r\n"}, {tail: "\n"}, {tail: "\r\n\r\n"}, {tail: " \t\r\n  "},
		{tail: "WARC/1.1\r\n", err: "truncated WARC: record 10 is cut short, after record 9"},
		{tail: "\r\nWARC/1.1\r\nWARC-Type: response\r\n", err: "truncated WARC: record 10 is cut short"},
	} {
		data := append(append([]byte{}, raw...), tt.tail...)
		for _, oneByte := range []bool{false, true} {
			var src io.Reader = bytes.NewReader(data)
			if oneByte {
				src = iotest.OneByteReader(src)
			}
			var docs int
			var errs []string
			r := &reader{ctx: context.Background(), yield: func(d Doc, err error) bool {
				if err != nil {
					errs = append(errs, err.Error())
				} else {
					docs++
				}
				return true
			}}
			r.readSource(&source{name: "t.warc", r: bufio.NewReader(src), size: -1, extName: "t.warc"})
			if docs != len(warcPages) {
				t.Errorf("tail %q (one byte %v): %d docs", tt.tail, oneByte, docs)
			}
			switch {
			case tt.err == "" && len(errs) > 0:
				t.Errorf("tail %q (one byte %v): errors %q", tt.tail, oneByte, errs)
			case tt.err != "" && (len(errs) != 1 || !strings.Contains(errs[0], tt.err)):
				t.Errorf("tail %q (one byte %v): errors %q, want %q", tt.tail, oneByte, errs, tt.err)
			}
		}
	}
}
