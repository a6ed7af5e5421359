package ingest

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		head, name, contentType string
		want                    Format
		err                     string
	}{
		{head: "WARC/1.0\r\nWARC-Type: warcinfo\r\n", name: "x.bin", want: WARC},
		{head: `<?xml version="1.0"?>` + "\n<!-- feed -->\n<rss version=\"2.0\">", want: Feed},
		{head: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">`, want: Feed},
		{head: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`, want: Feed},
		{head: `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"><rss>`, want: Feed},
		{head: `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, want: Feed},
		{head: "<!DOCTYPE html>\n<html>", name: "page.txt", want: HTML},
		{head: `<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">`, want: HTML},
		{head: "  <p>Fragment of a page</p>", want: HTML},
		{head: "https://example.org/story\n\n<div class=\"story\"><p>Text</p></div>", want: HTML},
		{head: "Notes on markup: a <div> wraps the story.", name: "notes.md", want: Text},
		{head: "Plain story text.", name: "story.html", want: HTML},
		{head: "Plain story text.", contentType: "text/html; charset=utf-8", want: HTML},
		{head: "Plain story text.", want: Text},
		{head: "<Reuters> BAGHDAD - Clashes erupted.", want: Text},
		{head: `{"url":"https://x","text":"y"}`, want: JSONL},
		{head: `{"url":"https://x","text":"y"}`, name: "dump.txt", want: JSONL},
		{head: "{ braces open this note }", want: Text},
		{head: "{\n  \"a\": 1\n}", name: "a.json", want: JSONL},
		{head: `[{"text":"y"}]`, name: "a.json", err: "a JSON array"},
		{head: "[Reuters] Clashes erupted.", want: Text},
		{head: `<?xml version="1.0"?><urlset>`, err: "an XML document with root <urlset>"},
		{head: `<?xml version="1.0"?><channel>`, name: "odd.rss", want: Feed},
		{head: "\xff\xfeH\x00i\x00", name: "a.txt", want: Text},
		{head: "\xef\xbb\xbf<html><body>", want: HTML},
		{head: "%PDF-1.5\n", err: "binary file (application/pdf)"},
		{head: "GIF89a\x01\x00", err: "binary file (image/gif)"},
		{head: "PK\x03\x04\x14\x00", err: "binary file (application/zip)"},
		{head: "text\x00with nul", err: "binary file (application/octet-stream)"},
		{head: "", err: "empty"},
	}
	for _, tt := range tests {
		got, err := sniff([]byte(tt.head), tt.name, tt.contentType)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("sniff(%q, %q) = %s, %v; want error %q", tt.head, tt.name, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("sniff(%q, %q, %q) = %s, %v; want %s", tt.head, tt.name, tt.contentType, got, err, tt.want)
		}
	}
}

func TestContentDecoder(t *testing.T) {
	const page = "<p>Decoded page</p>"
	var gz, zl, fl bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Write([]byte(page))
	gw.Close()
	zw := zlib.NewWriter(&zl)
	zw.Write([]byte(page))
	zw.Close()
	fw, _ := flate.NewWriter(&fl, flate.DefaultCompression)
	fw.Write([]byte(page))
	fw.Close()
	for _, tt := range []struct {
		encoding string
		body     []byte
	}{{"", []byte(page)}, {"identity", []byte(page)}, {"gzip", gz.Bytes()}, {"x-gzip", gz.Bytes()}, {"deflate", zl.Bytes()}, {"deflate", fl.Bytes()}} {
		r, err := contentDecoder(bytes.NewReader(tt.body), tt.encoding)
		if err != nil {
			t.Errorf("%s: %v", tt.encoding, err)
			continue
		}
		got, err := io.ReadAll(r)
		if err != nil || string(got) != page {
			t.Errorf("%s: got %q, %v", tt.encoding, got, err)
		}
	}
	if _, err := contentDecoder(bytes.NewReader(nil), "br"); err == nil || !strings.Contains(err.Error(), `unsupported Content-Encoding "br"`) {
		t.Errorf("br: err = %v", err)
	}
}

// A feed in a legacy encoding is decoded by its XML declaration.
func TestReadFeedLegacyEncoding(t *testing.T) {
	feed, err := charmap.Windows1256.NewEncoder().Bytes([]byte(`<?xml version="1.0" encoding="windows-1256"?>
<rss version="2.0"><channel><title>وكالة</title><item><title>درعا</title><link>https://ar.example.org/1</link><description>` + arabicText + `</description></item></channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, t.TempDir(), "ar.xml", feed)
	docs, errs := collect(t, p, Options{})
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	if d := docs[0]; string(d.Content) != arabicText || d.Hints.Title != "درعا" || d.Hints.Publisher != "وكالة" || d.Format != Text || d.Name != p+"#1" {
		t.Errorf("doc = %+v", d)
	}
}

func TestDecodeHTMLDeclaredUTF8WithStrayBytes(t *testing.T) {
	page := []byte(`<html><head><meta charset="utf-8"></head><body><p>` + strings.Repeat("Clashes in the north. ", 20) + "caf\xe9</p></body></html>")
	out, err := decodeHTML(page, "")
	if err != nil {
		t.Fatal(err)
	}
	if !isUTF8(out) || !bytes.Contains(out, []byte("caf\uFFFD")) {
		t.Errorf("stray byte not replaced: %q", out)
	}
}

func TestDecodeHTMLMisdeclaredLatin1(t *testing.T) {
	page := []byte("<html><body><p>Café owners in Zürich</p></body></html>")
	out, err := decodeHTML(page, "text/html; charset=ISO-8859-1")
	if err != nil || !bytes.Equal(out, page) {
		t.Errorf("valid UTF-8 declared Latin-1 = %q, %v; want it unchanged", out, err)
	}
	latin1, _ := charmap.ISO8859_1.NewEncoder().Bytes(page)
	out, err = decodeHTML(latin1, "text/html; charset=ISO-8859-1")
	if err != nil || !bytes.Equal(out, page) {
		t.Errorf("real Latin-1 = %q, %v", out, err)
	}
}
