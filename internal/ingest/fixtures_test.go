package ingest

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The fixtures in testdata that are binary or in legacy encodings are made
// here, so that what they contain is readable. Regenerate them with
//
//	go test ./internal/ingest/ -run TestFixtures -update
var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata")

// arabicText is what the Windows-1256 fixtures must decode to.
const arabicText = "قصف الجيش السوري مواقع المسلحين في درعا"

func generatedFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	enc1256 := func(s string) []byte {
		b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatalf("encode windows-1256: %v", err)
		}
		return b
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Ceasefire holds in Idlib, monitors say.\n"))
	if err != nil {
		t.Fatal(err)
	}
	latin1, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte("Café owners in Zürich protest.\n"))
	if err != nil {
		t.Fatal(err)
	}
	warcFile := buildWARC(t, false)
	return map[string][]byte{
		"arabic-1256.html": enc1256(`<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>درعا</title></head>
<body><article><h1>درعا</h1><p>` + arabicText + `</p></article></body></html>
`),
		"latin1.txt":    latin1,
		"utf16.txt":     utf16,
		"crawl.warc":    warcFile,
		"crawl.warc.gz": buildWARC(t, true),
	}
}

// TestFixtures checks the generated fixtures are current, or rewrites them
// with -update. Gzip output may differ between Go versions, so the .gz file
// is compared decompressed.
func TestFixtures(t *testing.T) {
	for name, want := range generatedFixtures(t) {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to generate)", err)
		}
		if filepath.Ext(name) == ".gz" {
			got, want = gunzipAll(t, got), gunzipAll(t, want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale; run go test -run TestFixtures -update", path)
		}
	}
}

func gunzipAll(t testing.TB, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// warcPages are the pages crawl.warc holds, by record ID, with text each
// must decode to.
var warcPages = []struct{ id, url, want string }{
	{"urn:uuid:00000000-0000-4000-8000-000000000003", "https://news.example.org/2018/07/18/daraa.html", "Syrian army units entered Busra al-Harir"},
	{"urn:uuid:00000000-0000-4000-8000-000000000004", "https://news.example.org/2018/07/19/quneitra.html", "Shelling was reported near Quneitra"},
	{"urn:uuid:00000000-0000-4000-8000-000000000008", "https://ar.example.org/daraa", arabicText},
	{"urn:uuid:00000000-0000-4000-8000-000000000009", "https://news.example.org/static/brief.html", "A resource record holding a page"},
}

const warcDate = "2018-07-19T06:30:00Z"

// buildWARC assembles a small crawl by hand: every kind of record a news
// crawl has, of which four hold pages. Gzipped, each record is a member
// of its own, as WARC writers do.
func buildWARC(t testing.TB, gz bool) []byte {
	t.Helper()
	id := func(n int) string { return fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", n) }
	record := func(n int, typ, uri, contentType string, block []byte) []byte {
		var b bytes.Buffer
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: %s\r\nWARC-Date: %s\r\n", typ, id(n), warcDate)
		if uri != "" {
			fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
		}
		fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
		b.Write(block)
		b.WriteString("\r\n\r\n")
		return b.Bytes()
	}
	httpResp := func(status, headers string, body []byte) []byte {
		proto := "HTTP/1.1 "
		if strings.Contains(headers, "Content-Encoding") {
			proto = "HTTP/2 " // as browser-based crawlers record it
		}
		return append([]byte(proto+status+"\r\n"+headers+"\r\n"), body...)
	}
	page := func(title, text string) []byte {
		return []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text + ".</p></article></body></html>")
	}

	// Page 2 is sent gzipped and chunked, as a crawler that keeps the
	// transfer as it was would store it.
	var zbody bytes.Buffer
	zw := gzip.NewWriter(&zbody)
	zw.Write(page("Quneitra", warcPages[1].want))
	zw.Close()
	var chunked bytes.Buffer
	z := zbody.Bytes()
	for len(z) > 0 {
		n := min(len(z), 64)
		fmt.Fprintf(&chunked, "%x\r\n%s\r\n", n, z[:n])
		z = z[n:]
	}
	chunked.WriteString("0\r\n\r\n")

	arabic, err := charmap.Windows1256.NewEncoder().Bytes([]byte("<html><head><title>درعا</title></head><body><p>" + arabicText + "</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	p1 := page("Daraa", warcPages[0].want)
	records := [][]byte{
		record(1, "warcinfo", "", "application/warc-fields", []byte("software: sitrep-test\r\nformat: WARC File Format 1.1\r\n")),
		record(2, "request", warcPages[0].url, "application/http; msgtype=request", []byte("GET /2018/07/18/daraa.html HTTP/1.1\r\nHost: news.example.org\r\n\r\n")),
		record(3, "response", warcPages[0].url, "application/http; msgtype=response",
			httpResp("200 OK", fmt.Sprintf("Content-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n", len(p1)), p1)),
		record(4, "response", warcPages[1].url, "application/http; msgtype=response",
			httpResp("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked.Bytes())),
		record(5, "response", "https://news.example.org/logo.png", "application/http; msgtype=response",
			httpResp("200 OK", "Content-Type: image/png\r\nContent-Length: 8\r\n", []byte("\x89PNG\r\n\x1a\n"))),
		record(6, "response", "https://news.example.org/old", "application/http; msgtype=response",
			httpResp("301 Moved Permanently", "Location: https://news.example.org/new\r\nContent-Type: text/html\r\nContent-Length: 0\r\n", nil)),
		record(7, "metadata", warcPages[0].url, "application/warc-fields", []byte("outlink: https://news.example.org/\r\n")),
		record(8, "response", warcPages[2].url, "application/http; msgtype=response",
			httpResp("200 OK", fmt.Sprintf("Content-Type: text/html; charset=windows-1256\r\nContent-Length: %d\r\n", len(arabic)), arabic)),
		record(9, "resource", warcPages[3].url, "text/html", page("Brief", warcPages[3].want)),
	}
	var out bytes.Buffer
	for _, rec := range records {
		if !gz {
			out.Write(rec)
			continue
		}
		zw := gzip.NewWriter(&out)
		zw.Write(rec)
		zw.Close()
	}
	return out.Bytes()
}
