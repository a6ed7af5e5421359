package geo

import (
	"math"
	"os"
	"strings"
	"testing"
)

// TestEvaluateScoring checks the scorer's arithmetic on a hand-made set:
// Damascus right, Paris taken for the French capital though the gold says
// Paris, Texas, a street without coordinates, and a lower-case "old mill"
// the recogniser does not find.
func TestEvaluateScoring(t *testing.T) {
	gc := defaultGeocoder(t)
	f, err := os.Open("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var errs strings.Builder
	sc, err := Evaluate(gc, f, EvalOptions{Errors: &errs})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Records != 2 || sc.Gold != 4 || sc.Predicted != 3 || sc.Matched != 3 {
		t.Fatalf("counts: %+v", sc)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(sc.P, 1) || !near(sc.R, 0.75) || !near(sc.F1, 2*0.75/1.75) {
		t.Errorf("P/R/F1 = %.3f %.3f %.3f", sc.P, sc.R, sc.F1)
	}
	// coordinates: Damascus, Paris and the mill; two recognised, one within 161 km
	if sc.GoldWithCoords != 3 || sc.MatchedWithCoords != 2 || sc.Located != 2 || !near(sc.Acc161, 0.5) || !near(sc.Acc161All, 1.0/3) {
		t.Errorf("resolution: %+v", sc)
	}
	if sc.MedianKm < 3000 || sc.MeanKm < 3000 {
		t.Errorf("errors in km: mean %.0f median %.0f", sc.MeanKm, sc.MedianKm)
	}
	for _, want := range []string{"MISS\t\"old mill\"", "FAR\t\"Paris\""} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("error listing lacks %q:\n%s", want, errs.String())
		}
	}

	// resolution alone: the gold spans are given
	f.Seek(0, 0)
	sc, err = Evaluate(gc, f, EvalOptions{GoldSpans: true})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Matched != 4 || !near(sc.R, 1) {
		t.Errorf("gold spans: %+v", sc)
	}
}
