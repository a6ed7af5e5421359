package gazbuild

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, filepath.Join("testdata", n))
	}
	return out
}

// buildFixture builds the fictional Examplia gazetteer and returns its place
// rows by id, its country rows and its admin1 rows.
func buildFixture(t *testing.T, opt BuildOptions) (places map[string][]string, countries, admin1 []string) {
	t.Helper()
	var buf bytes.Buffer
	if err := Build(fixture("dump.txt", "countryInfo.txt", "admin1.txt", "admin2.txt"), &buf, opt); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, Magic+"\n") {
		t.Fatalf("output does not start with %q: %.60q", Magic, out)
	}
	places = map[string][]string{}
	var ids []string
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		switch f[0] {
		case "C":
			countries = append(countries, line)
		case "A1":
			admin1 = append(admin1, line)
		default:
			if len(f) != 10 {
				t.Fatalf("place row has %d columns: %q", len(f), line)
			}
			places[f[0]] = f
			ids = append(ids, f[0])
		}
	}
	for i := 1; i < len(ids); i++ {
		if len(ids[i]) < len(ids[i-1]) || len(ids[i]) == len(ids[i-1]) && ids[i] < ids[i-1] {
			t.Errorf("place rows not sorted by id: %s after %s", ids[i], ids[i-1])
		}
	}
	return places, countries, admin1
}

func TestBuildFixture(t *testing.T) {
	places, countries, admin1 := buildFixture(t, BuildOptions{Note: "test note\nsecond line"})

	if len(countries) != 2 || !strings.HasPrefix(countries[0], "C\tXA\tXAA\tExamplia\t200\t2500000\tXB") {
		t.Errorf("countries = %q", countries)
	}
	if len(admin1) != 3 || admin1[0] != "A1\tXA.01\tAlif\t300" {
		t.Errorf("admin1 = %q", admin1)
	}
	// spots (class S) are not kept by default
	if _, ok := places["104"]; ok {
		t.Error("hotel kept")
	}
	for _, c := range []struct {
		id, field string
		col       int
		want      string
	}{
		// the country keeps its dump point, takes countryInfo's short name and population
		{"200", "name", 1, "Examplia"},
		{"200", "population", 8, "2500000"},
		{"200", "class.code", 2, "A.PCLI"},
		// the admin1 from the dump takes the table's name and the sum of its towns' people
		{"300", "name", 1, "Alif"},
		{"300", "population", 8, "120800"},
		{"300", "lat", 6, "34.1"},
		// the admin1 only the table names sits at the mean point of its towns
		{"301", "name", 1, "Gamma Governorate"},
		{"301", "lat", 6, "35.1"},
		{"301", "lon", 7, "37.1"},
		{"301", "population", 8, "8000"},
		{"301", "class.code", 2, "A.ADM1"},
		// so does an admin2
		{"401", "class.code", 2, "A.ADM2"},
		{"401", "admin2", 5, "021"},
		{"100", "class.code", 2, "P.PPLA"},
		{"100", "admin1", 4, "01"},
	} {
		f, ok := places[c.id]
		if !ok {
			t.Errorf("place %s missing", c.id)
			continue
		}
		if f[c.col] != c.want {
			t.Errorf("place %s %s = %q, want %q", c.id, c.field, f[c.col], c.want)
		}
	}
	// an admin1 with no towns and no point is left out rather than guessed
	if _, ok := places["302"]; ok {
		t.Error("admin1 without towns or point was given a place")
	}
}

func TestBuildAltNames(t *testing.T) {
	places, _, _ := buildFixture(t, BuildOptions{})
	alts := func(id string) map[string]bool {
		m := map[string]bool{}
		for _, a := range strings.Split(places[id][9], "|") {
			if a != "" {
				m[a] = true
			}
		}
		return m
	}
	a := alts("100")
	for name, want := range map[string]bool{
		"Alif": true, "Alif Town": true, // Latin-script alternates stay
		"ألف":  false, // other scripts go
		"alif": false, // lower-case machine romanisations go
		"QRA":  false, // an airport-style code of a town under a million goes
	} {
		if a[name] != want {
			t.Errorf("alternate %q of 100 kept=%v, want %v (have %v)", name, a[name], want, a)
		}
	}
	b := alts("101")
	if !b["Beta City"] || b["Bēta"] {
		// "Bēta" folds to the main name's key and is dropped as a duplicate
		t.Errorf("alternates of 101 = %v", b)
	}
	// generic words are stripped from division names: "Gamma Governorate" -> "Gamma"
	if g := alts("301"); !g["Gamma"] {
		t.Errorf("alternates of 301 = %v, want the name without Governorate", g)
	}
	if d := alts("401"); !d["Gamma"] {
		t.Errorf("alternates of 401 = %v, want the name without District", d)
	}
	// the dump's official name of the admin1 stays as an alternate
	if m := alts("300"); !m["Muhafazat Alif"] {
		t.Errorf("alternates of 300 = %v", m)
	}
}

func TestBuildFeatures(t *testing.T) {
	places, _, _ := buildFixture(t, BuildOptions{Features: []string{"P", "S.HTL"}})
	if _, ok := places["104"]; !ok {
		t.Error("S.HTL asked for but not kept")
	}
	if _, ok := places["200"]; ok {
		t.Error("country kept though only P and S.HTL were asked for")
	}
}

func TestBuildRejectsUnknownInput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(p, []byte("hello\tworld\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Build([]string{p}, &bytes.Buffer{}, BuildOptions{})
	if err == nil || !strings.Contains(err.Error(), "notes.txt:1") {
		t.Errorf("err = %v, want a message naming notes.txt:1", err)
	}
	if err := Build([]string{filepath.Join(dir, "missing.txt")}, &bytes.Buffer{}, BuildOptions{}); err == nil {
		t.Error("missing file: no error")
	}
}

func TestBuildFileGzip(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.tsv.gz")
	if err := BuildFile(fixture("dump.txt", "countryInfo.txt"), out, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Error("output is not gzip")
	}
}

func TestStripGeneric(t *testing.T) {
	for in, want := range map[string]string{
		"Kandahar Province":    "Kandahar",
		"Muhafazat Idlib":      "Idlib",
		"Donetsk Oblast":       "Donetsk",
		"Provincia de Córdoba": "Córdoba",
		"Laurel County":        "", // counties keep their word
		"Idlib":                "",
	} {
		if got := stripGeneric(in); got != want {
			t.Errorf("stripGeneric(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordCounter(t *testing.T) {
	wc := NewWordCounter()
	conllu := "# text = x\n1\tPolice\t_\n2\tsaid\t_\n\n1\tThe\t_\n2\tpolice\t_\n3\tin\t_\n4\tTurkey\t_\n\n1\tthe\t_\n2\tpolice\t_\n3\tleft\t_\n"
	if err := wc.AddCoNLLU(strings.NewReader(conllu)); err != nil {
		t.Fatal(err)
	}
	wc.AddText("Officers of the police came. Then the police went home.")
	got := strings.Join(wc.Common(3), " ")
	if got != "police the" {
		t.Errorf("Common(3) = %q, want \"police the\"", got)
	}
}
