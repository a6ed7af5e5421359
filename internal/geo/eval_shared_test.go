package geo

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedGeo is where the project's reference gold sets live beside the repo.
var sharedGeo = filepath.Join("..", "..", "..", "shared", "eval", "geo")

func openShared(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedGeo, name))
	if err != nil {
		t.Skipf("gold set %s not available (../shared absent): %v", name, err)
	}
	return f
}

var testGeocoder *Geocoder

func defaultGeocoder(t testing.TB) *Geocoder {
	t.Helper()
	if testGeocoder == nil {
		g, err := LoadEmbedded()
		if err != nil {
			t.Fatal(err)
		}
		testGeocoder = New(g)
	}
	return testGeocoder
}

// TestEvalShared runs the dev gold sets and logs the figures; it fails only
// on errors (the figures are reported, not asserted, see README.md).
func TestEvalShared(t *testing.T) {
	gc := defaultGeocoder(t)
	for _, name := range []string{"trnews.jsonl", "lgl.jsonl"} {
		for _, goldSpans := range []bool{false, true} {
			f := openShared(t, name)
			var errw *os.File
			if p := os.Getenv("GEO_ERRORS"); p != "" && !goldSpans {
				errw, _ = os.Create(p + "." + name + ".txt")
			}
			opt := EvalOptions{GoldSpans: goldSpans}
			if errw != nil {
				opt.Errors = errw
			}
			sc, err := Evaluate(gc, f, opt)
			f.Close()
			if errw != nil {
				errw.Close()
			}
			if err != nil {
				t.Fatal(err)
			}
			for half := range 2 {
				f := openShared(t, name)
				h, err := Evaluate(gc, f, EvalOptions{GoldSpans: goldSpans, Filter: func(i int, _ string) bool { return i%2 == half }})
				f.Close()
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%-13s gold-spans=%-5v half %d: F1 %.3f acc161 %.3f", name, goldSpans, half, h.F1, h.Acc161)
			}
			t.Logf("%-13s gold-spans=%-5v P %.3f R %.3f F1 %.3f | acc161 %.3f (all %.3f) located %d/%d mean %.0f km median %.1f km AUC %.3f | %.0f top/s",
				name, goldSpans, sc.P, sc.R, sc.F1, sc.Acc161, sc.Acc161All, sc.Located, sc.MatchedWithCoords, sc.MeanKm, sc.MedianKm, sc.AUC, sc.ToponymsPerSec)
		}
	}
}
