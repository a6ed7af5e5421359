package pipeline

import (
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// TestWhen dates events from their sentence against the dateline.
func TestWhen(t *testing.T) {
	ref := time.Date(2018, 7, 17, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		sentence, action string
		date             string
		prec             event.DatePrecision
		basis            string
	}{
		{"On July 16, Trump met Putin in Helsinki.", "met", "2018-07-16", event.Day, "text"},
		{"Rebels shelled the town on Monday.", "shelled", "2018-07-16", event.Day, "text"},
		{"Rebels shelled the town.", "shelled", "2018-07-17", event.Day, "dateline"},
		// a period's bound does not date the event
		{"More than 300 people have been killed since 1993.", "killed", "2018-07-17", event.Day, "dateline"},
		{"The army will hold the city until March.", "hold", "2018-07-17", event.Day, "dateline"},
		{"Vieira, born in 1939, came to power in 1980.", "came", "1980-01-01", event.Year, "text"},
		{"Some 300,000 people have died since civil war broke out in 1993.", "died", "2018-07-17", event.Day, "dateline"},
		{"It is the first visit since Stalin came to a wartime summit in 1943.", "visit", "2018-07-17", event.Day, "dateline"},
		{"Fighting has raged since rebels attacked on Monday.", "raged", "2018-07-17", event.Day, "dateline"},
		// a since-phrase closed by a comma leaves the date to the event
		{"Since the truce, rebels shelled the town on Monday.", "shelled", "2018-07-16", event.Day, "text"},
		{"Troops that have held the pass since 2016 attacked it again in June 2018.", "attacked", "2018-06-01", event.Month, "text"},
		// the date nearest the action wins
		{"After talks in May 2011, troops withdrew on Friday.", "withdrew", "2018-07-13", event.Day, "text"},
	} {
		s := text.Sentence{Text: tc.sentence, End: len(tc.sentence)}
		at := 0
		for i := range tc.sentence {
			if len(tc.sentence[i:]) >= len(tc.action) && tc.sentence[i:i+len(tc.action)] == tc.action {
				at = i
				break
			}
		}
		ev := event.Event{Action: event.Action{Span: s.Span(at, at+len(tc.action))}}
		w := When(s, ev, ref)
		if w.Date != tc.date || w.Precision != tc.prec || w.Basis != tc.basis {
			t.Errorf("%q: got %+v, want %s (%s, %s)", tc.sentence, w, tc.date, tc.prec, tc.basis)
		}
	}
}
