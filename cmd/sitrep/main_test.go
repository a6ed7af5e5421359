package main

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// These tests build the real binary and drive it as a user would.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sitrep-bin-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "sitrep")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build sitrep: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

const sample = "../../data/samples/globalresearch-2018-07-18-southern-syria.txt"

func TestArticleCommand(t *testing.T) {
	r := run(t, "article", sample)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var a struct {
		Title          string   `json:"title"`
		Authors        []string `json:"authors"`
		Publisher      string   `json:"publisher"`
		Published      string   `json:"published"`
		OriginalSource struct {
			Name      string `json:"name"`
			Published string `json:"published"`
		} `json:"original_source"`
		Tags        []struct{ Kind, Name string } `json:"tags"`
		Body        []string                      `json:"body"`
		Boilerplate []struct{ Kind, Text string } `json:"boilerplate"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("output is not one JSON article: %v\n%s", err, r.stdout)
	}
	if a.Title != "Video: Militants Are on Full Retreat in Southern Syria" || a.Publisher != "Global Research" ||
		!strings.HasPrefix(a.Published, "2018-07-18") || strings.Join(a.Authors, ",") != "South Front" ||
		a.OriginalSource.Name != "South Front" || !strings.HasPrefix(a.OriginalSource.Published, "2018-07-17") {
		t.Errorf("metadata wrong: %+v", a)
	}
	if len(a.Tags) != 4 || len(a.Body) != 9 || !strings.HasSuffix(a.Body[8], "Clashes are ongoing.") {
		t.Errorf("tags %v, %d paragraphs", a.Tags, len(a.Body))
	}
	kinds := map[string]bool{}
	for _, b := range a.Boilerplate {
		kinds[b.Kind] = true
	}
	for _, k := range []string{"share", "donation", "copyright", "disclaimer", "fair-use", "contact", "navigation"} {
		if !kinds[k] {
			t.Errorf("no %s boilerplate block", k)
		}
	}
}

func openDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestIngestIsIdempotentAndKeepsRevisions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if r := run(t, "ingest", "--db", db, sample); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	if r := run(t, "ingest", "--db", db, sample); r.code != 0 || !strings.Contains(r.stderr, "1 unchanged") {
		t.Fatalf("re-ingest: exit %d: %s", r.code, r.stderr)
	}
	conn := openDB(t, db)
	if n := count(t, conn, "SELECT count(*) FROM revisions"); n != 1 {
		t.Fatalf("%d revisions after re-ingesting the same file", n)
	}
	// A corrected version of the same article becomes a second revision.
	orig, _ := os.ReadFile(sample)
	fixed := filepath.Join(dir, "corrected.txt")
	os.WriteFile(fixed, bytes.Replace(orig, []byte("Clashes are ongoing."), []byte("Clashes are ongoing, the source said."), 1), 0o644)
	if r := run(t, "ingest", "--db", db, fixed); r.code != 0 || !strings.Contains(r.stderr, "1 new revisions") {
		t.Fatalf("ingest corrected: exit %d: %s", r.code, r.stderr)
	}
	if n := count(t, conn, "SELECT count(*) FROM revisions"); n != 2 {
		t.Fatalf("%d revisions, want 2", n)
	}
	if n := count(t, conn, "SELECT count(*) FROM articles"); n != 1 {
		t.Fatalf("%d articles, want 1", n)
	}
	if n := count(t, conn, "SELECT count(DISTINCT revision_id) FROM sentences"); n != 2 {
		t.Fatalf("sentences kept for %d revisions, want both", n)
	}
}

func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if r := run(t, "ingest", "--db", db, sample, "../../data/samples/wikinews-selection.jsonl"); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	conn := openDB(t, db)
	events := count(t, conn, "SELECT count(*) FROM events")

	r := run(t, "export", "--db", db, "--format", "json")
	var recs []map[string]any
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &recs) != nil {
		t.Fatalf("json export: exit %d %s\n%.300s", r.code, r.stderr, r.stdout)
	}
	if len(recs) != events {
		t.Errorf("json export has %d records, store has %d events", len(recs), events)
	}
	r = run(t, "export", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if r.code != 0 || err != nil || len(rows) != events+1 || rows[0][0] != "event_id" {
		t.Fatalf("csv export: exit %d, %v, %d rows", r.code, err, len(rows))
	}
	r = run(t, "export", "--db", db, "--format", "geojson")
	var fc struct {
		Type     string           `json:"type"`
		Features []map[string]any `json:"features"`
	}
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &fc) != nil || fc.Type != "FeatureCollection" || len(fc.Features) != events {
		t.Fatalf("geojson export: exit %d %s", r.code, r.stderr)
	}
	if r := run(t, "export", "--db", db, "--format", "xml"); r.code != 2 || !strings.Contains(r.stderr, "xml") {
		t.Errorf("unknown format: exit %d, %s", r.code, r.stderr)
	}
	if r := run(t, "export", "--db", filepath.Join(dir, "missing.db")); r.code != 1 || !strings.Contains(r.stderr, "missing.db") {
		t.Errorf("missing store: exit %d, %s", r.code, r.stderr)
	}
}

// TestBadInputs: each bad input gets an error naming it, the good inputs are
// stored, the exit status is non-zero and the database stays intact.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	write := func(name string, b []byte) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, _ := os.ReadFile(sample)
	write("good.txt", good)
	write("binary.txt", append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...))
	write("latin1.txt", []byte("Rebels seized the town of Ma\xe2arrat on Monday, officials said.\n"))
	write("huge.txt", bytes.Repeat([]byte("word "), 2_100_000)) // 10 MB on one line
	write("dump.jsonl", []byte(`{"url":"https://example.org/a","title":"Army retakes hill","date":"2020-05-01","text":"The army retook the hill on Friday, officials said."}
{"url": "https://example.org/b", "title": broken
{"url":"https://example.org/c","title":"Protest in the capital","date":"2020-05-02","text":"Thousands protested in the capital on Saturday."}
`))
	write("truncated.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n"))
	db := filepath.Join(dir, "s.db")
	r := run(t, "ingest", "--db", db, in)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	for _, name := range []string{"binary.txt", "latin1.txt", "huge.txt", "dump.jsonl:2", "truncated.warc"} {
		if !strings.Contains(r.stderr, name) {
			t.Errorf("no error naming %s in:\n%s", name, r.stderr)
		}
	}
	conn := openDB(t, db)
	if n := count(t, conn, "SELECT count(*) FROM articles"); n != 3 {
		t.Errorf("%d articles stored, want the 3 good ones; stderr:\n%s", n, r.stderr)
	}
	var ok string
	conn.QueryRow("PRAGMA integrity_check").Scan(&ok)
	if ok != "ok" {
		t.Errorf("integrity_check: %s", ok)
	}
}

// TestKillDuringIngest kills the process mid-run: the database must open,
// pass an integrity check, hold only whole articles, and take the rest of the
// input on a second run.
func TestKillDuringIngest(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../data/samples/wikinews-selection.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	// Many distinct articles, so the run is still going when it is killed.
	var big bytes.Buffer
	lines := bytes.Split(bytes.TrimSpace(src), []byte("\n"))
	for i := 0; i < 30; i++ {
		for j, l := range lines {
			var rec map[string]any
			json.Unmarshal(l, &rec)
			rec["url"] = fmt.Sprintf("https://example.org/copy/%d/%d", i, j)
			b, _ := json.Marshal(rec)
			big.Write(b)
			big.WriteByte('\n')
		}
	}
	input := filepath.Join(dir, "big.jsonl")
	os.WriteFile(input, big.Bytes(), 0o644)
	db := filepath.Join(dir, "s.db")

	cmd := exec.Command(binary, "ingest", "--quiet", "--db", db, input)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > 256<<10 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	conn := openDB(t, db)
	var ok string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check after kill: %q %v", ok, err)
	}
	stored := count(t, conn, "SELECT count(*) FROM revisions")
	if n := count(t, conn, "SELECT count(*) FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.revision_id = r.id)"); n != 0 {
		t.Errorf("%d revisions stored without their sentences", n)
	}
	total := len(lines) * 30
	if stored == total {
		t.Skip("the run finished before the kill; nothing to check")
	}
	conn.Close()
	if r := run(t, "ingest", "--quiet", "--db", db, input); r.code != 0 {
		t.Fatalf("second run: exit %d: %s", r.code, r.stderr)
	}
	conn = openDB(t, db)
	if n := count(t, conn, "SELECT count(*) FROM revisions"); n != total {
		t.Errorf("after the second run %d revisions, want %d (killed at %d)", n, total, stored)
	}
}

func TestHelpAndUsage(t *testing.T) {
	r := run(t, "--help")
	for _, c := range []string{"ingest", "article", "export", "demo"} {
		if !strings.Contains(r.stdout, c) {
			t.Errorf("overview lacks %s", c)
		}
	}
	if r := run(t, "ingest", "--help"); r.code != 0 || !strings.Contains(r.stdout, "--db") {
		t.Errorf("ingest --help: exit %d\n%s", r.code, r.stdout)
	}
	if r := run(t, "nonsense"); r.code != 2 {
		t.Errorf("unknown command: exit %d", r.code)
	}
	if r := run(t, "ingest"); r.code != 2 {
		t.Errorf("ingest without inputs: exit %d", r.code)
	}
}

// TestUntitledFilesAreArticles: two files that give no title, URL or date
// are two articles, not two revisions of one.
func TestUntitledFilesAreArticles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("rebels shelled the town overnight and residents fled to the hills nearby.\n"), 0o644)
	os.WriteFile(b, []byte("the army retook the airport after two days of heavy fighting with militants.\n"), 0o644)
	db := filepath.Join(dir, "s.db")
	if r := run(t, "ingest", "--db", db, a, b); r.code != 0 || !strings.Contains(r.stderr, "2 new articles") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
}

// TestOddStorePaths: a store path with URI characters is the file named, and
// a missing directory is said to be missing.
func TestOddStorePaths(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "runs #1?.db")
	if r := run(t, "ingest", "--quiet", "--db", db, sample); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("store not written where asked: %v", err)
	}
	if r := run(t, "export", "--db", db, "--format", "csv"); r.code != 0 || strings.Count(r.stdout, "\n") < 5 {
		t.Errorf("export from %q: exit %d, %d lines: %s", db, r.code, strings.Count(r.stdout, "\n"), r.stderr)
	}
	r := run(t, "ingest", "--db", filepath.Join(dir, "missing", "s.db"), sample)
	if r.code != 1 || !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("missing directory: exit %d: %s", r.code, r.stderr)
	}
}

// TestRecodeWithAll: an article stored without --all gets its hypothetical
// events when ingested again with --all, and nothing else changes.
func TestRecodeWithAll(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "plan.txt")
	os.WriteFile(in, []byte("Pakistan will expel Afghan refugees next year, officials said on Monday.\n"), 0o644)
	db := filepath.Join(dir, "s.db")
	if r := run(t, "ingest", "--db", db, "--date", "2019-03-04", in); r.code != 0 || !strings.Contains(r.stderr, "0 events stored") {
		t.Fatalf("first run: exit %d: %s", r.code, r.stderr)
	}
	if r := run(t, "ingest", "--db", db, "--date", "2019-03-04", "--all", in); r.code != 0 || !strings.Contains(r.stderr, "1 recoded") {
		t.Fatalf("--all run: exit %d: %s", r.code, r.stderr)
	}
	conn := openDB(t, db)
	if n := count(t, conn, "SELECT count(*) FROM events WHERE modality = 'hypothetical'"); n != 1 {
		t.Errorf("%d hypothetical events after --all", n)
	}
	if n := count(t, conn, "SELECT count(*) FROM revisions"); n != 1 {
		t.Errorf("%d revisions, want 1", n)
	}
	if r := run(t, "ingest", "--db", db, "--date", "2019-03-04", "--all", in); r.code != 0 || !strings.Contains(r.stderr, "1 unchanged") {
		t.Fatalf("second --all run: exit %d: %s", r.code, r.stderr)
	}
}

// TestFirstCopy: the same text at two addresses is two articles, and
// --first-copy counts its events once.
func TestFirstCopy(t *testing.T) {
	dir := t.TempDir()
	rec := `{"url":"https://a.example/%d","title":"Army retakes town","date":"2020-05-01","text":"Government troops recaptured the town of Kafr Nabl from rebels on Friday, state media said."}`
	os.WriteFile(filepath.Join(dir, "d.jsonl"), []byte(fmt.Sprintf(rec, 1)+"\n"+fmt.Sprintf(rec, 2)+"\n"), 0o644)
	db := filepath.Join(dir, "s.db")
	if r := run(t, "ingest", "--db", db, filepath.Join(dir, "d.jsonl")); r.code != 0 || !strings.Contains(r.stderr, "2 new articles") {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	all := strings.Count(run(t, "export", "--db", db, "--format", "jsonl").stdout, "\n")
	first := strings.Count(run(t, "export", "--db", db, "--format", "jsonl", "--first-copy").stdout, "\n")
	if all == 0 || first*2 != all {
		t.Errorf("%d events in all, %d in first copies", all, first)
	}
}
