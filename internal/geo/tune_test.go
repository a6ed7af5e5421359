package geo

import (
	"bytes"
	"os"
	"reflect"
	"strconv"
	"testing"
)

// TestTuneWeights is a development aid, run with GEO_TUNE=1: a coordinate
// search over the resolver weights on the odd-numbered records of the dev
// sets, reporting the even-numbered ones as the check. It changes nothing;
// the chosen weights are copied into DefaultWeights by hand.
func TestTuneWeights(t *testing.T) {
	if os.Getenv("GEO_TUNE") == "" {
		t.Skip("set GEO_TUNE=1 to search the resolver weights")
	}
	gc := defaultGeocoder(t)
	sets := map[string][]byte{}
	for _, name := range []string{"trnews.jsonl", "lgl.jsonl"} {
		b, err := os.ReadFile(sharedGeo + "/" + name)
		if err != nil {
			t.Skip(err)
		}
		sets[name] = b
	}
	score := func(half int) (float64, string) {
		total := 0.0
		desc := ""
		for _, name := range []string{"trnews.jsonl", "lgl.jsonl"} {
			sc, err := Evaluate(gc, bytes.NewReader(sets[name]), EvalOptions{Filter: func(i int, _ string) bool { return i%2 == half }})
			if err != nil {
				t.Fatal(err)
			}
			total += sc.Acc161
			desc += name + " " + ftoa(sc.Acc161) + " "
		}
		return total / 2, desc
	}
	w := gc.g.Weights()
	base, _ := score(1)
	_, check := score(0)
	t.Logf("start: tune %.4f, check %s", base, check)
	v := reflect.ValueOf(&w).Elem()
	for pass := 0; pass < 2; pass++ {
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			orig := f.Float()
			bestV := orig
			for _, d := range []float64{-1, -0.5, 0.5, 1} {
				nv := orig + d
				if orig != 0 && (v.Type().Field(i).Name == "ProxKm") {
					nv = orig * (1 + d/2)
				}
				f.SetFloat(nv)
				gc.g.SetWeights(w)
				s, _ := score(1)
				if s > base+0.0005 {
					base, bestV = s, nv
				}
			}
			f.SetFloat(bestV)
			gc.g.SetWeights(w)
			if bestV != orig {
				_, check = score(0)
				t.Logf("%s %.2f -> %.2f: tune %.4f, check %s", v.Type().Field(i).Name, orig, bestV, base, check)
			}
		}
	}
	t.Logf("final %+v", w)
	gc.g.SetWeights(DefaultWeights)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }
