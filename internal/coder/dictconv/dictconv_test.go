package dictconv

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseActors(t *testing.T) {
	in := `# comment
KALMORIA_  [KLM]
+KALMORIAN
+PORT_VESK_ # capital

JOHN_EXAMPLE_  # an invented leader
+PRESIDENT_EXAMPLE_
	[KLMELI 700101-991231]
	[KLMGOV >20000101]
OLD_STYLE_NAME_
SECOND_NAME
	[XYZ]
`
	as, err := ParseActors(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 3 {
		t.Fatalf("got %d actors: %+v", len(as), as)
	}
	if !reflect.DeepEqual(as[0].Names, []string{"kalmoria", "kalmorian*", "port vesk"}) || as[0].Codes[0].Code != "KLM" {
		t.Errorf("first actor %+v", as[0])
	}
	want := []DatedCode{{"KLMELI", "19700101", "19991231"}, {"KLMGOV", "20000101", ""}}
	if !reflect.DeepEqual(as[1].Codes, want) {
		t.Errorf("dated codes %+v, want %+v", as[1].Codes, want)
	}
	if len(as[2].Names) != 2 || as[2].Names[1] != "second name*" {
		t.Errorf("old-style synonyms %+v", as[2])
	}
	var b bytes.Buffer
	if err := WriteActors(&b, "test", as); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "KLMELI 19700101-19991231;KLMGOV >20000101\tjohn example|president example\n") {
		t.Errorf("written:\n%s", b.String())
	}
}

func TestParseAgents(t *testing.T) {
	in := "!PERSON! = MAN, WOMAN\nSOLDIER [~MIL]\nPOLICE!PERSON! [~COP]\nBUSINESS {BUSINESSES} [~BUS]\nARMY [~MIL]\n"
	as, err := ParseAgents(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range as {
		for _, n := range a.Names {
			got[n] = a.Code
		}
	}
	for n, c := range map[string]string{"soldier": "~MIL", "soldiers": "~MIL", "policeman": "~COP", "policewoman": "~COP", "policemen": "~COP", "businesses": "~BUS", "armies": "~MIL"} {
		if got[n] != c {
			t.Errorf("%s: got %q want %q (all: %v)", n, got[n], c, got)
		}
	}
}

func TestParseVerbs(t *testing.T) {
	in := `&WEAPON_
+GUN
+ROCKET LAUNCHER

--- SEIZE [171] ---
SEIZE
TAKE {TAKES TAKING TOOK TAKEN}
+SET_FREE [084]
- * &WEAPON [1711] # SEIZE
- POLICE * [173]
- * CONTROL (OF) [---]
- * PRISONERS [084:041]
`
	v, err := ParseVerbs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Verbs) != 3 || v.Verbs[1].Phrase != "+take" || v.Verbs[2].Phrase != "+set free" || v.Verbs[2].Code != "084" {
		t.Fatalf("verbs %+v", v.Verbs)
	}
	if !reflect.DeepEqual(v.Verbs[0].Forms, []string{"seize", "seizes", "seized", "seizing"}) {
		t.Errorf("regular forms %v", v.Verbs[0].Forms)
	}
	if !reflect.DeepEqual(v.Verbs[1].Forms, []string{"take", "takes", "taking", "took", "taken"}) {
		t.Errorf("irregular forms %v", v.Verbs[1].Forms)
	}
	if len(v.Patterns) != 4 || v.Patterns[0].Pattern != "* &WEAPON" || v.Patterns[1].Pattern != "police *" || v.Patterns[3].Code != "084:041" {
		t.Errorf("patterns %+v", v.Patterns)
	}
	if len(v.Synsets["&WEAPON"]) != 2 || v.Synsets["&WEAPON"][1] != "rocket launcher" {
		t.Errorf("synsets %+v", v.Synsets)
	}
}

func TestCodes(t *testing.T) {
	in := "# header\n19: ASSAULT\n192: COERCE, seize, territory # Occupy territory\n14: PROTEST\n"
	info, err := ParseCAMEO2PLOVER(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if c := info["192"]; c.PLOVER != "COERCE" || c.Mode != "seize" || c.Name != "Occupy territory" || c.Quad != 4 {
		t.Errorf("192: %+v", c)
	}
	FillCodes(info, []string{"1951", "145"})
	if c := info["1951"]; c.PLOVER != "ASSAULT" || c.ACLEDSubType != "Air/drone strike" {
		t.Errorf("1951: %+v", c)
	}
	if c := info["145"]; c.ACLEDType != "Riots" {
		t.Errorf("145: %+v", c)
	}
	for code, q := range map[string]int{"010": 1, "057": 1, "073": 2, "112": 3, "145": 4, "190": 4} {
		if QuadClass(code) != q {
			t.Errorf("quad %s = %d, want %d", code, QuadClass(code), q)
		}
	}
}

// TestSharedDictionaries converts the real reference files when they are
// present (../shared is not part of the repository).
func TestSharedDictionaries(t *testing.T) {
	dir := "../../../../shared/data/dicts/petrarch2"
	f, err := os.Open(filepath.Join(dir, "Phoenix.Countries.actors.txt"))
	if err != nil {
		t.Skipf("reference dictionaries not available (%v): skipping", err)
	}
	defer f.Close()
	as, err := ParseActors(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) < 10000 {
		t.Errorf("only %d actors", len(as))
	}
	vf, err := os.Open(filepath.Join(dir, "CAMEO.2.0.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer vf.Close()
	v, err := ParseVerbs(vf)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Verbs) < 1000 || len(v.Patterns) < 3000 {
		t.Errorf("verbs %d patterns %d", len(v.Verbs), len(v.Patterns))
	}
}

// TestGeneratedUpToDate regenerates data/dicts from the reference files
// (when present) and checks the committed files are what the converter
// writes, so that edits go to the converter, not to generated files.
func TestGeneratedUpToDate(t *testing.T) {
	src := "../../../../shared/data/dicts"
	if _, err := os.Stat(src); err != nil {
		t.Skipf("reference dictionaries not available (%v): skipping", err)
	}
	out := t.TempDir()
	if err := Generate(src, out); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*"))
	if len(files) < 10 {
		t.Fatalf("only %d files generated", len(files))
	}
	for _, f := range files {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Join("../../../data/dicts", filepath.Base(f)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("data/dicts/%s is not what the converter writes: run go generate ./data/dicts", filepath.Base(f))
		}
	}
}
