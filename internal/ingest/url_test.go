package ingest

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func TestReadURL(t *testing.T) {
	arabic, err := charmap.Windows1256.NewEncoder().Bytes([]byte("<html><body><p>" + arabicText + "</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	file := func(name string) []byte {
		b, err := os.ReadFile(td(name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var mu sync.Mutex
	agents := map[string]bool{}
	mux := http.NewServeMux()
	serve := func(path, contentType string, body []byte) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			agents[r.UserAgent()] = true
			mu.Unlock()
			if contentType != "" {
				w.Header().Set("Content-Type", contentType)
			}
			w.Write(body)
		})
	}
	// The charset is only in the header, as many servers send it.
	serve("/ar/page", "text/html; charset=windows-1256", arabic)
	serve("/feed", "application/rss+xml", file("feed.rss"))
	serve("/notes", "text/plain; charset=utf-8", []byte("Two soldiers were wounded near Kidal, the army said.\n"))
	serve("/crawl.warc.gz", "application/warc", file("crawl.warc.gz"))
	serve("/big", "text/plain", bytes.Repeat([]byte("z"), 2<<20))
	serve("/pdf", "application/pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
	mux.Handle("/old", http.RedirectHandler("/ar/page", http.StatusMovedPermanently))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		path   string
		docs   int
		format Format
		url    string // of the first doc; the input URL if empty
		name   string // of the first doc; the input URL if empty
		text   string // in the first doc
		errs   []string
	}{
		{path: "/ar/page", docs: 1, format: HTML, text: arabicText},
		{path: "/old", docs: 1, format: HTML, url: srv.URL + "/ar/page", text: arabicText},
		{path: "/notes", docs: 1, format: Text, text: "Kidal"},
		{path: "/feed", docs: 2, format: HTML, url: "https://wire.example.com/2018/09/04/idlib", name: srv.URL + "/feed#wire-2018-0904-idlib", text: "Idlib",
			errs: []string{"/feed#wire-empty: feed item has no content"}},
		{path: "/crawl.warc.gz", docs: 4, format: HTML, url: warcPages[0].url, name: srv.URL + "/crawl.warc.gz#" + warcPages[0].id, text: warcPages[0].want},
		{path: "/missing", errs: []string{"/missing: fetch: HTTP 404 Not Found"}},
		{path: "/big", errs: []string{"/big: is over the 1 MiB limit for one document"}},
		{path: "/pdf", errs: []string{"/pdf: binary file (application/pdf), not an article"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			input := srv.URL + tt.path
			before := time.Now()
			docs, errs := collect(t, input, Options{MaxDocBytes: 1 << 20})
			if len(docs) != tt.docs {
				t.Fatalf("got %d docs, want %d (errors %v)", len(docs), tt.docs, errs)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors = %v, want %q", errs, tt.errs)
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), tt.errs[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, e, tt.errs[i])
				}
			}
			if tt.docs == 0 {
				return
			}
			d := docs[0]
			wantURL, wantName := tt.url, tt.name
			if wantURL == "" {
				wantURL = input
			}
			if wantName == "" {
				wantName = input
			}
			if d.URL != wantURL || d.Name != wantName || d.Format != tt.format {
				t.Errorf("doc = %s %s %s, want %s %s %s", d.Name, d.URL, d.Format, wantName, wantURL, tt.format)
			}
			if !strings.Contains(string(d.Content), tt.text) {
				t.Errorf("content lacks %q:\n%s", tt.text, d.Content)
			}
			// A WARC's records keep their capture date; a fetched
			// document gets the fetch time.
			if d.Container != WARC && (d.Fetched.Before(before.Add(-time.Second)) || d.Fetched.After(time.Now())) {
				t.Errorf("Fetched = %v, want the time of the fetch", d.Fetched)
			}
		})
	}
	if len(agents) != 1 || !agents[UserAgent] {
		t.Errorf("user agents = %v, want %q", agents, UserAgent)
	}
}

func TestReadURLUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL + "/gone"
	srv.Close()
	_, errs := collect(t, u, Options{HTTPClient: &http.Client{Timeout: 2 * time.Second}})
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), u+": fetch: ") || strings.Count(errs[0].Error(), u) != 1 {
		t.Errorf("errors = %v", errs)
	}
}
