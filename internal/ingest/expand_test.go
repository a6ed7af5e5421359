package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"a.txt", "b.html", "sub/c.jsonl", "sub/deeper/d.warc.gz", "sub/e.warc", "notes", "dump.jsonl.gz", "feed.xml",
		// skipped by a walk
		".hidden.txt", ".git/config", "sub/.cache/x.html", "logo.png", "photo.JPG", "site.zip", "sitrep.db", "sitrep.db-wal",
		"old.tar.gz", "style.css", "index.cdx", "draft.txt~",
	} {
		writeFile(t, dir, name, []byte("x"))
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "emptydir"), 0o755); err != nil {
		t.Fatal(err)
	}
	j := func(p string) string { return filepath.Join(dir, p) }

	inputs, errs := Expand([]string{
		dir,
		j("a.txt"),                   // again: deduplicated
		j("sub") + "/../a.txt",       // same file by another name
		j("logo.png"),                // named explicitly: kept
		"https://example.org/news/1", // URL kept as is
		"https://example.org/news/1", // once
		j("missing.txt"),             // reported
		"ftp://example.org/x.txt",    // reported
		j("emptydir"),                // reported
	})
	want := []string{
		j("a.txt"), j("b.html"), j("dump.jsonl.gz"), j("feed.xml"), j("link.txt"), j("logo.png"), j("notes"),
		j("sub/c.jsonl"), j("sub/deeper/d.warc.gz"), j("sub/e.warc"),
		"https://example.org/news/1",
	}
	slices.Sort(want)
	if !slices.Equal(inputs, want) {
		t.Errorf("inputs:\n got %q\nwant %q", inputs, want)
	}
	wantErrs := []string{
		j("missing.txt") + ": no such file or directory",
		`ftp://example.org/x.txt: unsupported URL scheme "ftp" (want http or https)`,
		j("emptydir") + ": directory holds no input files (hidden files and non-article extensions are skipped)",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %q, want %q", errs, wantErrs)
	}
	for i, e := range errs {
		if e.Error() != wantErrs[i] {
			t.Errorf("error %d = %q, want %q", i, e, wantErrs[i])
		}
	}
}

// A directory named through a symbolic link is walked.
func TestExpandSymlinkRoot(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "real/a.txt", []byte("x"))
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Fatal(err)
	}
	inputs, errs := Expand([]string{link})
	if len(errs) > 0 || len(inputs) != 1 || !strings.HasSuffix(inputs[0], filepath.Join("link", "a.txt")) {
		t.Errorf("inputs %q, errors %v", inputs, errs)
	}
}

// TestExpandSkipsNonArticles: a folder's readme, licence and source code
// are not news, but a markdown or text scrape is.
func TestExpandSkipsNonArticles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"README.md", "LICENSE", "select.go", "config.yaml", "story.md", "report.txt", "page.html"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, errs := Expand([]string{dir})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var names []string
	for _, in := range inputs {
		names = append(names, filepath.Base(in))
	}
	if got := strings.Join(names, " "); got != "page.html report.txt story.md" {
		t.Errorf("inputs %s", got)
	}
}
