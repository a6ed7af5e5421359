package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// absentCase is a sentence written for these tests and a CAMEO code prefix
// that no event of it may carry (a reading the coder must not make).
type absentCase struct {
	text string
	code string
}

// runAbsent codes each case parsed and shallow, as runFeature does, and
// fails on any event whose code starts with the case's prefix.
func runAbsent(t *testing.T, cases []absentCase) {
	t.Helper()
	parsed, base := bothCoders(t)
	for _, c := range []struct {
		name string
		c    *Coder
	}{{"parsed", parsed}, {"shallow", base}} {
		t.Run(c.name, func(t *testing.T) {
			for _, tc := range cases {
				s := text.Sentence{Text: tc.text, End: len(tc.text), CharEnd: len([]rune(tc.text))}
				for _, e := range c.c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, s) {
					if e.Attribution.Modality != event.Negated && strings.HasPrefix(e.Action.CAMEO, tc.code) {
						t.Errorf("%q: unwanted %s>%s:%s (%s)", tc.text, e.Source.Code, tgtCode(e), e.Action.CAMEO, e.Attribution.Modality)
					}
				}
			}
		})
	}
}

func TestPatternsOfTheirOwnVerb(t *testing.T) {
	// the CAMEO block of "demand" holds "press on" (fight on, 190): a
	// phrasal pattern written for one verb of a block does not code its
	// synonyms; a pattern with a content word does ("breach the
	// ceasefire", written for "breach", codes "violated the ceasefire")
	runFeature(t, []featureCase{
		{"Kenya demanded that Somalia end its curbs on food imports.", "KEN", "", "10", event.Statement, ""},
		{"Sudanese rebels violated the ceasefire near the border.", "SDNREB", "", "196", event.Asserted, ""},
	})
	runAbsent(t, []absentCase{
		{"Kenya demanded that Somalia end its curbs on food imports.", "19"},
	})
}

func TestSiblingSubjectsInOneMention(t *testing.T) {
	// a parser may give both nouns of "Iraqi aircraft including helicopter
	// gunships" the relation nsubj; they are one actor, not two members
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := *base
	s := "Iraqi aircraft including helicopter gunships killed ten Kurdish villagers."
	c.SetParser(fakeParser{s: conll(s, "Iraqi/ADJ/2/amod", "aircraft/NOUN/6/nsubj", "including/VERB/5/case", "helicopter/NOUN/5/compound",
		"gunships/NOUN/6/nsubj", "killed/VERB/0/root", "ten/NUM/9/nummod", "Kurdish/ADJ/9/amod", "villagers/NOUN/6/obj", "./PUNCT/6/punct")})
	evs := c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, text.Sentence{Text: s, End: len(s)})
	if len(evs) == 0 || !strings.HasPrefix(evs[0].Source.Code, "IRQ") {
		t.Fatalf("no IRQ event: %+v", evs)
	}
	if n := len(evs[0].Source.Members); n > 1 {
		t.Errorf("source split into %d members: %+v", n, evs[0].Source.Members)
	}
}

func TestConditionClauses(t *testing.T) {
	// what an "if"/"unless" clause supposes is not an event; the clause it
	// conditions still is
	const s1 = "Ethiopia will attack Eritrea unless the Eritrean army withdraws its troops from the border."
	const s2 = "Kenya said it would expel Somali diplomats unless Somali militants released the hostages."
	runFeature(t, []featureCase{
		{s1, "ETH", "ERI", "19", event.Hypothetical, ""},
		{s2, "KEN", "SOM", "", event.Hypothetical, ""},
	})
	runAbsent(t, []absentCase{{s1, "08"}, {s2, "08"}})
}
