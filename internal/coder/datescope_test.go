package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/text"
)

// TestDateScope checks which words may date an event: its own clause and
// the clauses that share its dates, not another verb's clause.
func TestDateScope(t *testing.T) {
	c, _ := bothCoders(t)
	for _, tc := range []struct {
		sentence, action, date string
		inScope                bool
	}{
		{"Rebels besieged the town and abducted ten soldiers on Monday.", "besieged", "Monday", true},
		{"U.S. forces withdrew in 1984 after a suicide bomber killed 241 Marines.", "withdrew", "1984", true},
		{"U.S. forces withdrew in 1984 after a suicide bomber killed 241 Marines.", "killed", "1984", false},
		{"Protesters demanded the resignation of the minister after the army arrested a journalist on July 12.", "demanded", "July 12", false},
		{"Protesters demanded the resignation of the minister after the army arrested a journalist on July 12.", "arrested", "July 12", true},
		{"Officials said on Monday that rebels had attacked the town.", "attacked", "Monday", true},
		{"The government agreed to send aid to the refugees on Friday.", "agreed", "Friday", true},
		// subjectless phrases share the time of the clause they hang from
		{"Today, standing before the troops, the president condemned the attack.", "condemned", "Today", true},
		{"The president flew to the port on Monday, visiting the wounded.", "visiting", "Monday", true},
		// a relative clause with its own subject keeps its date
		{"The rebels condemned the comments he made in a speech on September 12.", "condemned", "September 12", false},
	} {
		s := text.Sentence{Text: tc.sentence, End: len(tc.sentence), CharEnd: len([]rune(tc.sentence))}
		evs := c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, s)
		found := false
		for _, e := range evs {
			if !strings.Contains(e.Action.Text, tc.action) {
				continue
			}
			found = true
			at := strings.Index(tc.sentence, tc.date)
			in := false
			for _, r := range e.DateScope {
				if at < r[1] && r[0] < at+len(tc.date) {
					in = true
				}
			}
			if e.DateScope == nil || in != tc.inScope {
				t.Errorf("%q, %s: %q in scope %v, want %v (scope %v)", tc.sentence, tc.action, tc.date, in, tc.inScope, e.DateScope)
			}
		}
		if !found {
			t.Errorf("%q: no event for %q", tc.sentence, tc.action)
		}
	}
}
