package geo

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/geo/names"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// GoldRecord is one line of the geoparsing gold format (../shared/eval/geo):
// offsets in code points into Text.
type GoldRecord struct {
	ID       string     `json:"id"`
	Text     string     `json:"text"`
	Toponyms []GoldSpan `json:"toponyms"`
}

// GoldSpan is one gold toponym; Lat and Lon are nil when the annotators gave
// no coordinates (streets, buildings).
type GoldSpan struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Name      string   `json:"name"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	GeoNameID any      `json:"geonameid,omitempty"`
}

// EvalOptions tunes Evaluate.
type EvalOptions struct {
	// GoldSpans resolves the gold toponyms instead of recognising the text's:
	// resolution measured alone, as geoparsers with a separate NER step
	// report it.
	GoldSpans bool
	// Filter keeps only the records it returns true for (e.g. one half of a
	// set); nil keeps all.
	Filter func(index int, id string) bool
	// Errors, if set, receives one line per missed or mislocated toponym.
	Errors io.Writer
}

// GeoScore holds the figures of "sitrep eval geo".
type GeoScore struct {
	Records int `json:"records"`
	// recognition: span overlap, one gold toponym per prediction
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Matched   int     `json:"matched"`
	P         float64 `json:"precision"`
	R         float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// resolution, over the gold toponyms with coordinates
	GoldWithCoords int `json:"gold_with_coords"`
	// MatchedWithCoords are those recognised; Located those the geocoder
	// also gave a point (a resolved place or a near anchor).
	MatchedWithCoords int     `json:"matched_with_coords"`
	Located           int     `json:"located"`
	Acc161            float64 `json:"acc161"`     // share of MatchedWithCoords within 161 km (no point = miss)
	Acc161All         float64 `json:"acc161_all"` // share of GoldWithCoords within 161 km (end to end)
	MeanKm            float64 `json:"mean_km"`    // over Located
	MedianKm          float64 `json:"median_km"`  // over Located
	AUC               float64 `json:"auc"`        // area under the log-error curve over Located (lower is better)
	Seconds           float64 `json:"seconds"`
	ToponymsPerSec    float64 `json:"toponyms_per_sec"`
}

// Evaluate scores the geocoder on a gold JSONL stream.
func Evaluate(gc *Geocoder, r io.Reader, opt EvalOptions) (*GeoScore, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var recs []GoldRecord
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var rec GoldRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("eval geo: line %d: %w", line, err)
		}
		if opt.Filter == nil || opt.Filter(len(recs), rec.ID) {
			recs = append(recs, rec)
		} else {
			recs = append(recs, GoldRecord{ID: "\x00skip"})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval geo: %w", err)
	}
	out := &GeoScore{}
	var errs []float64
	within := 0
	start := time.Now()
	for _, rec := range recs {
		if rec.ID == "\x00skip" {
			continue
		}
		out.Records++
		sentences := text.Split(rec.Text)
		var tops []Toponym
		if opt.GoldSpans {
			tops = gc.ResolveSpans(sentences, goldSpans(rec))
		} else {
			tops = gc.Toponyms(sentences, nil)
		}
		out.Gold += len(rec.Toponyms)
		out.Predicted += len(tops)
		used := make([]bool, len(tops))
		for _, gt := range rec.Toponyms {
			hasCoords := gt.Lat != nil && gt.Lon != nil
			if hasCoords {
				out.GoldWithCoords++
			}
			k := -1
			for i, t := range tops {
				if !used[i] && t.Span.Start < gt.End && gt.Start < t.Span.End {
					k = i
					break
				}
			}
			if k < 0 {
				if opt.Errors != nil {
					fmt.Fprintf(opt.Errors, "%s\tMISS\t%q\t%q\n", rec.ID, gt.Name, around(rec.Text, gt.Start, gt.End))
				}
				continue
			}
			used[k] = true
			out.Matched++
			if !hasCoords {
				continue
			}
			out.MatchedWithCoords++
			t := tops[k]
			if t.Place == nil {
				if opt.Errors != nil {
					fmt.Fprintf(opt.Errors, "%s\tNOPOINT\t%q\t%s\n", rec.ID, gt.Name, t.Kind)
				}
				continue
			}
			out.Located++
			d := HaversineKm(*gt.Lat, *gt.Lon, t.Place.Lat, t.Place.Lon)
			errs = append(errs, d)
			if d <= 161 {
				within++
			} else if opt.Errors != nil {
				fmt.Fprintf(opt.Errors, "%s\tFAR\t%q\t%.0fkm\tgot %s (%s %s %s)\n", rec.ID, gt.Name, d, t.Place.Name, t.Place.CountryCode, t.Place.FeatureCode, t.Precision)
			}
		}
		if opt.Errors != nil {
			for i, t := range tops {
				if !used[i] {
					fmt.Fprintf(opt.Errors, "%s\tEXTRA\t%q\t%s\t%q\n", rec.ID, t.Span.Text, t.Kind, around(rec.Text, t.Span.Start, t.Span.End))
				}
			}
		}
	}
	out.Seconds = time.Since(start).Seconds()
	if out.Seconds > 0 {
		out.ToponymsPerSec = float64(out.Predicted) / out.Seconds
	}
	out.P = ratio(out.Matched, out.Predicted)
	out.R = ratio(out.Matched, out.Gold)
	if out.P+out.R > 0 {
		out.F1 = 2 * out.P * out.R / (out.P + out.R)
	}
	out.Acc161 = ratio(within, out.MatchedWithCoords)
	out.Acc161All = ratio(within, out.GoldWithCoords)
	if len(errs) > 0 {
		sort.Float64s(errs)
		var sum, auc float64
		for _, e := range errs {
			sum += e
			auc += math.Log(1+e) / math.Log(20039)
		}
		out.MeanKm = sum / float64(len(errs))
		out.MedianKm = errs[len(errs)/2]
		if len(errs)%2 == 0 {
			out.MedianKm = (errs[len(errs)/2-1] + errs[len(errs)/2]) / 2
		}
		out.AUC = auc / float64(len(errs))
	}
	return out, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func goldSpans(rec GoldRecord) []event.Span {
	out := make([]event.Span, len(rec.Toponyms))
	for i, t := range rec.Toponyms {
		out[i] = event.Span{Start: t.Start, End: t.End, Text: t.Name}
	}
	return out
}

// ResolveSpans resolves given toponym spans (code points into the body the
// sentences come from) with each other as context, skipping recognition.
func (gc *Geocoder) ResolveSpans(sentences []text.Sentence, spans []event.Span) []Toponym {
	w := gc.pool.Get().(*work)
	defer gc.pool.Put(w)
	g := gc.g
	w.ms = w.ms[:0]
	var key, sk []byte
	for _, sp := range spans {
		si, from, to, ok := sentenceBytes(sentences, sp)
		if !ok {
			continue
		}
		s := sentences[si].Text[from:to]
		m := mention{sent: int32(si), start: int32(from), end: int32(to), place: -1, anchor: -1, next: -1}
		key = names.AppendKey(key[:0], s)
		m.key = string(key)
		if d, ok := g.demonyms[m.key]; ok {
			m.kind, m.demonym = kindDemonym, d
		} else if ps := g.lookup(names.AppendAbbrev(sk[:0], s)); len(s) > 0 && s[len(s)-1] == '.' && ps != nil {
			m.kind, m.cands, m.alias = kindName, ps, true
		} else if ps := g.lookup(key); ps != nil {
			m.kind, m.cands = kindName, ps
		} else if sk = names.AppendSkeleton(sk[:0], m.key); string(sk) != m.key && g.lookupSkeleton(sk) != nil {
			m.kind, m.cands, m.fuzzy = kindName, g.lookupSkeleton(sk), true
		} else {
			m.kind = kindUnknown
		}
		w.ms = append(w.ms, m)
	}
	w.r.reset()
	w.r.resolve(w.ms)
	gc.placeNear(w)
	out := make([]Toponym, len(w.ms))
	for k := range w.ms {
		out[k] = gc.toponym(w, sentences, k)
	}
	return out
}

// sentenceBytes finds the sentence holding a body span and the span's byte
// offsets in it.
func sentenceBytes(sentences []text.Sentence, sp event.Span) (int, int, int, bool) {
	for i := range sentences {
		s := &sentences[i]
		if sp.Start < s.CharStart || sp.Start >= s.CharEnd {
			continue
		}
		from := byteOffset(s.Text, sp.Start-s.CharStart)
		to := byteOffset(s.Text, min(sp.End, s.CharEnd)-s.CharStart)
		return i, from, to, from < to
	}
	return 0, 0, 0, false
}

// byteOffset converts a code-point offset in s to bytes.
func byteOffset(s string, chars int) int {
	i := 0
	for n := 0; n < chars && i < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// around returns the text around a code-point span, for error listings.
func around(s string, start, end int) string {
	r := []rune(s)
	a, b := max(0, start-40), min(len(r), end+40)
	return string(r[a:start]) + "[" + string(r[start:min(end, len(r))]) + "]" + string(r[min(end, len(r)):b])
}
