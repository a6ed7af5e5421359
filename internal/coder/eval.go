package coder

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// GoldRecord is one record of an event gold set (JSON lines).
type GoldRecord struct {
	ID       string      `json:"id"`
	Date     string      `json:"date"` // YYYYMMDD
	Text     string      `json:"text"`
	Events   []GoldEvent `json:"events"`
	NoEvents any         `json:"noevents,omitempty"`
	Ontology string      `json:"ontology,omitempty"`
	Lang     string      `json:"lang,omitempty"`
}

// GoldEvent is one gold event: CAMEO codes, or for PLOVER sets a PLOVER
// event type with country codes.
type GoldEvent struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// PRF is precision, recall and F1 over counted matches.
type PRF struct {
	P    float64 `json:"p"`
	R    float64 `json:"r"`
	F1   float64 `json:"f1"`
	TP   int     `json:"tp"`
	Pred int     `json:"pred"`
	Gold int     `json:"gold"`
}

func (s *PRF) add(tp, pred, gold int) { s.TP += tp; s.Pred += pred; s.Gold += gold }

func (s *PRF) finish() {
	if s.Pred > 0 {
		s.P = float64(s.TP) / float64(s.Pred)
	}
	if s.Gold > 0 {
		s.R = float64(s.TP) / float64(s.Gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
}

// Scores are the figures of one evaluation.
type Scores struct {
	Records    int     `json:"records"`
	Passed     int     `json:"passed"`           // records whose exact triples all match
	Exact      PRF     `json:"exact"`            // (source, target, CAMEO code)
	Root       PRF     `json:"root"`             // (source, target, CAMEO root)
	Code       PRF     `json:"code"`             // CAMEO code alone
	PLOVER     *PRF    `json:"plover,omitempty"` // (source country, PLOVER type)
	Seconds    float64 `json:"seconds"`
	Modalities string  `json:"modalities"`
	NotEnglish int     `json:"not_english,omitempty"` // records in another language: the coder reads English only
	Dyads      bool    `json:"require_dyad,omitempty"`
	// MissCauses counts the records that did not pass by what went wrong
	// (see missCause).
	MissCauses map[string]int `json:"miss_causes,omitempty"`
}

// EvalOptions tune an evaluation.
type EvalOptions struct {
	// Emitted counts only events emitted by default (not hypothetical or
	// negated); otherwise every coded event counts, since the gold sets
	// were coded without modality.
	Emitted bool
	// Miss, when set, receives one line per record that did not pass.
	Miss io.Writer
	// RequireDyad counts only events with both a source and a target, as
	// PETRARCH does by default (require_dyad = true).
	RequireDyad bool
	// Locate, when set, places each record's events as the pipeline does
	// (the geocoder), so that actors without a dictionary country take
	// their place's country.
	Locate func(text string, sentences []text.Sentence, events []event.Event)
}

// Evaluate runs the coder over gold records and scores it.
func Evaluate(c *Coder, r io.Reader, opt EvalOptions) (*Scores, error) {
	sc := &Scores{Modalities: "all", Dyads: opt.RequireDyad, MissCauses: map[string]int{}}
	if opt.Emitted {
		sc.Modalities = "emitted"
	}
	var plover PRF
	sawPLOVER := false
	start := time.Now()
	br := bufio.NewScanner(r)
	br.Buffer(make([]byte, 1<<20), 1<<24)
	for br.Scan() {
		line := strings.TrimSpace(br.Text())
		if line == "" {
			continue
		}
		var rec GoldRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("record %d: %w", sc.Records+1, err)
		}
		sc.Records++
		if rec.Lang != "" && rec.Lang != "en" {
			sc.NotEnglish++
		}
		date, _ := time.Parse("20060102", rec.Date)
		ctx := Context{Published: date, Memory: &Memory{}}
		var coded []event.Event
		sentences := text.Split(rec.Text)
		for _, s := range sentences {
			for _, e := range c.Code(ctx, s) {
				e.Sentence = s.Index
				coded = append(coded, e)
			}
		}
		if opt.Locate != nil && len(coded) > 0 {
			opt.Locate(rec.Text, sentences, coded)
		}
		var evs []event.Event
		{
			for _, e := range coded {
				if opt.Emitted && !e.Attribution.Modality.Emitted() {
					continue
				}
				if e.Attribution.Modality == event.Negated {
					continue
				}
				if opt.RequireDyad && (e.Target == nil || e.Target.Code == "" || e.Source.Code == "") {
					continue
				}
				evs = append(evs, e)
			}
		}
		gold := rec.Events
		if rec.NoEvents != nil {
			gold = nil
		}
		isPLOVER := false
		for _, g := range gold {
			if g.Code != "" && (g.Code[0] < '0' || g.Code[0] > '9') {
				isPLOVER = true
			}
		}
		if isPLOVER {
			sawPLOVER = true
			var pred, want []string
			for _, e := range evs {
				if e.Action.PLOVER == "" {
					continue // no PLOVER counterpart (plain statements)
				}
				typ := e.Action.PLOVER
				if strings.HasPrefix(rec.Ontology, "PLOVER-0.") {
					typ = ploverV05(typ, e.Action.PLOVERMode, e.Action.CAMEO)
				}
				for _, s := range members(e.Source) {
					pred = append(pred, countryOf(s)+"|"+typ)
				}
			}
			for _, g := range gold {
				want = append(want, g.Source+"|"+g.Code)
			}
			tp := overlap(pred, want)
			plover.add(tp, len(pred), len(want))
			if tp == len(pred) && tp == len(want) {
				sc.Passed++
				continue
			}
			cause := missCause(pred, want)
			sc.MissCauses[cause]++
			if opt.Miss != nil {
				fmt.Fprintf(opt.Miss, "%s\t%s\tgold=%v\tgot=%v\t%s\n", rec.ID, cause, want, pred, rec.Text)
			}
			continue
		}
		var pe, pr, pc, ge, gr, gc []string
		for _, e := range evs {
			tgts := []event.Actor{{}}
			if e.Target != nil {
				tgts = members(*e.Target)
			}
			for _, s := range members(e.Source) {
				for _, t := range tgts {
					pe = append(pe, s.Code+"|"+t.Code+"|"+e.Action.CAMEO)
					pr = append(pr, s.Code+"|"+t.Code+"|"+root(e.Action.CAMEO))
					pc = append(pc, e.Action.CAMEO)
				}
			}
		}
		for _, g := range gold {
			g.Source, g.Target = agentOnly(g.Source), agentOnly(g.Target)
			ge = append(ge, g.Source+"|"+g.Target+"|"+g.Code)
			gr = append(gr, g.Source+"|"+g.Target+"|"+root(g.Code))
			gc = append(gc, g.Code)
		}
		tp := overlap(pe, ge)
		sc.Exact.add(tp, len(pe), len(ge))
		sc.Root.add(overlap(pr, gr), len(pr), len(gr))
		sc.Code.add(overlap(pc, gc), len(pc), len(gc))
		if tp == len(pe) && tp == len(ge) {
			sc.Passed++
			continue
		}
		cause := missCause(pe, ge)
		sc.MissCauses[cause]++
		if opt.Miss != nil {
			fmt.Fprintf(opt.Miss, "%s\t%s\tgold=%v\tgot=%v\t%s\n", rec.ID, cause, ge, pe, rec.Text)
		}
	}
	if err := br.Err(); err != nil {
		return nil, err
	}
	sc.Exact.finish()
	sc.Root.finish()
	sc.Code.finish()
	if sawPLOVER {
		plover.finish()
		sc.PLOVER = &plover
	}
	sc.Seconds = time.Since(start).Seconds()
	return sc, nil
}

// Causes of a record that did not pass, from its coded and gold tuples
// ("source|target|code" or "country|type"): the first that applies.
const (
	CauseNoEvent     = "no event coded"
	CauseSpurious    = "event where gold has none"
	CauseCode        = "wrong code"
	CauseSource      = "wrong source"
	CauseTarget      = "wrong target"
	CauseExtra       = "extra events"
	CauseMissing     = "some events missed"
	CauseSeveralPart = "several parts wrong"
)

// missCause names what went wrong in a record: nothing coded, something
// coded where gold has nothing, or, for the first gold tuple no coded one
// matches, the one part in which the nearest coded tuple differs; when
// every gold tuple was found the record has extra events.
func missCause(got, want []string) string {
	switch {
	case len(want) == 0:
		return CauseSpurious
	case len(got) == 0:
		return CauseNoEvent
	}
	unmatchedGot := map[string]int{}
	for _, g := range got {
		unmatchedGot[g]++
	}
	var missed []string
	for _, w := range want {
		if unmatchedGot[w] > 0 {
			unmatchedGot[w]--
		} else {
			missed = append(missed, w)
		}
	}
	if len(missed) == 0 {
		return CauseExtra
	}
	parts := strings.Split(missed[0], "|")
	// which part differs, for coded tuples that differ in exactly one
	off := map[int]bool{}
	for g, n := range unmatchedGot {
		if n == 0 {
			continue
		}
		gp := strings.Split(g, "|")
		if len(gp) != len(parts) {
			continue
		}
		diff, at := 0, -1
		for i := range parts {
			if parts[i] != gp[i] {
				diff++
				at = i
			}
		}
		if diff == 1 {
			off[at] = true
		}
	}
	names := []string{CauseSource, CauseTarget, CauseCode}
	if len(parts) == 2 {
		names = []string{CauseSource, CauseCode} // country|type
	}
	for i, name := range names {
		if off[i] {
			return name
		}
	}
	if len(missed) < len(want) {
		return CauseMissing
	}
	return CauseSeveralPart
}

func members(a event.Actor) []event.Actor {
	if len(a.Members) > 0 {
		return a.Members
	}
	return []event.Actor{a}
}

func root(code string) string {
	if len(code) >= 2 {
		return code[:2]
	}
	return code
}

// overlap counts the multiset intersection of two lists.
func overlap(a, b []string) int {
	m := map[string]int{}
	for _, x := range b {
		m[x]++
	}
	n := 0
	for _, x := range a {
		if m[x] > 0 {
			m[x]--
			n++
		}
	}
	return n
}

// countryOf is an actor's country for country-level scoring; international
// actors without one score by their code's first three letters ("IGO").
func countryOf(a event.Actor) string {
	if a.Country != "" {
		return a.Country
	}
	if len(a.Code) >= 3 {
		return a.Code[:3]
	}
	return a.Code
}

// ploverV05 names a PLOVER (2021) event type as the 0.5 drafts did, which
// the PLOVER gold standard records use: REQUEST was DEMAND, ACCUSE was
// DISAPPROVE or (mode investigate) INVESTIGATE, and fighting (CAMEO 19) was
// FIGHT apart from ASSAULT.
func ploverV05(typ, mode, cameo string) string {
	switch typ {
	case "REQUEST":
		return "DEMAND"
	case "ACCUSE":
		if mode == "investigate" {
			return "INVESTIGATE"
		}
		return "DISAPPROVE"
	case "ASSAULT":
		if strings.HasPrefix(cameo, "19") {
			return "FIGHT"
		}
	}
	return typ
}

// agentOnly writes a gold agent without a country ("~MIL", "---MIL") as
// sitrep does: the sector code alone ("MIL").
func agentOnly(code string) string {
	code = strings.TrimPrefix(code, "~")
	return strings.TrimPrefix(code, "---")
}
