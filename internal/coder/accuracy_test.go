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
	// pattern written for one verb of a block does not code its synonyms
	runFeature(t, []featureCase{
		{"Kenya demanded that Somalia end its curbs on food imports.", "KEN", "", "10", event.Statement, ""},
	})
	runAbsent(t, []absentCase{
		{"Kenya demanded that Somalia end its curbs on food imports.", "19"},
	})
}
