package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestGeoCommands(t *testing.T) {
	fixture := filepath.Join("..", "geo", "gazbuild", "testdata")
	dir := t.TempDir()
	gaz := filepath.Join(dir, "g.tsv.gz")
	out, errs, code := runCLI(t, "gazetteer", "build", "--out", gaz,
		filepath.Join(fixture, "dump.txt"), filepath.Join(fixture, "countryInfo.txt"), filepath.Join(fixture, "admin1.txt"))
	if code != 0 || !strings.Contains(out, "places") {
		t.Fatalf("gazetteer build: %d %q %q", code, out, errs)
	}
	art := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(art, []byte("Shelling hit Qaryat Alif overnight."), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runCLI(t, "geocode", "--gazetteer", gaz, art)
	if code != 0 {
		t.Fatalf("geocode: %d %q", code, errs)
	}
	var tp struct {
		Span      struct{ Text string }
		Precision string
		Place     struct {
			GeoNameID int64 `json:"geonameid"`
		}
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &tp); err != nil || tp.Span.Text != "Qaryat Alif" || tp.Place.GeoNameID != 100 || tp.Precision != "exact" {
		t.Errorf("geocode printed %q (%v)", out, err)
	}
	out, errs, code = runCLI(t, "eval", "geo", "--gold", filepath.Join("..", "geo", "testdata", "gold.jsonl"), "--json")
	if code != 0 {
		t.Fatalf("eval geo: %d %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var sc struct {
		F1     float64 `json:"f1"`
		Acc161 float64 `json:"acc161"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sc); err != nil || sc.F1 == 0 {
		t.Errorf("eval geo --json last line %q (%v)", lines[len(lines)-1], err)
	}
	if _, _, code := runCLI(t, "eval", "geo"); code != 2 {
		t.Errorf("eval geo without --gold: exit %d, want 2", code)
	}
}
