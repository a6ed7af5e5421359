package geo

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/geo/gazbuild"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// TestUserGazetteer builds a gazetteer from the fictional fixture dump, as
// "sitrep gazetteer build" does, and geocodes with it.
func TestUserGazetteer(t *testing.T) {
	dir := filepath.Join("gazbuild", "testdata")
	out := filepath.Join(t.TempDir(), "user.tsv.gz")
	var in []string
	for _, f := range []string{"dump.txt", "countryInfo.txt", "admin1.txt", "admin2.txt"} {
		in = append(in, filepath.Join(dir, f))
	}
	if err := gazbuild.BuildFile(in, out, gazbuild.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	g, err := LoadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if c := g.Country("XAA"); c == nil || c.Name != "Examplia" || c.ISO2 != "XA" {
		t.Errorf("Country(XAA) = %+v", c)
	}
	if n := g.Admin1Name("XA", "01"); n != "Alif" {
		t.Errorf("Admin1Name = %q", n)
	}
	ps := g.Lookup("Alif")
	if len(ps) < 2 {
		t.Fatalf("Lookup(Alif) = %v", ps)
	}
	// the town and the province share the name; the curated layers still load
	if g.ByID(100) == nil || g.ByID(300) == nil || len(g.demonyms) == 0 {
		t.Error("places or curated layers missing")
	}
	tops := New(g).Toponyms(text.Split("Fighting was reported in Qaryat Alif and in Examplia."), nil)
	if len(tops) != 2 || tops[0].Place == nil || tops[0].Place.GeoNameID != 100 || tops[0].Precision != event.GeoExact ||
		tops[1].Place == nil || tops[1].Place.GeoNameID != 200 || tops[1].Precision != event.GeoCountry {
		t.Errorf("toponyms = %+v", tops)
	}
}

func TestLoadRejectsOtherFiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.tsv")
	if err := os.WriteFile(p, []byte("1\tfoo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(p); err == nil {
		t.Error("a file without the gazetteer header loaded")
	}
	if _, err := LoadFile(filepath.Join(t.TempDir(), "missing.tsv.gz")); err == nil {
		t.Error("a missing file loaded")
	}
}

func TestEmbeddedGazetteer(t *testing.T) {
	g := defaultGeocoder(t).Gazetteer()
	if len(g.Places) < 200_000 {
		t.Errorf("only %d places", len(g.Places))
	}
	for _, c := range []struct {
		name string
		id   int64
	}{
		{"Helsinki", 658225}, {"Syria", 163843}, {"Middle East", 6269133}, {"Ky.", 6254925},
	} {
		ps := g.Lookup(c.name)
		ok := false
		for _, p := range ps {
			ok = ok || p.ID == c.id
		}
		if c.name == "Ky." {
			// abbreviations with a period are only in the period index
			ps := g.lookup([]byte("ky."))
			ok = len(ps) > 0 && g.Places[ps[0].place].ID == c.id
		}
		if !ok {
			t.Errorf("%s does not find GeoNames %d", c.name, c.id)
		}
	}
	if d, ok := g.demonyms["syrian"]; !ok || g.Places[d].CC != "SY" {
		t.Error("demonym Syrian missing")
	}
	if c := g.Country("SYR"); c == nil || c.ISO2 != "SY" {
		t.Errorf("Country(SYR) = %+v", c)
	}
	if HaversineKm(33.5102, 36.29128, 32.61889, 36.10213) < 95 || HaversineKm(0, 0, 0, 1) > 112 {
		t.Error("HaversineKm off")
	}
}
