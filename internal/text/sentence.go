// Package text splits an article body into sentences that keep their place in
// the body, so every later stage can point back at the words it used.
package text

import (
	"unicode/utf8"

	"github.com/sitrep-dev/sitrep/internal/event"
)

// Sentence is one sentence of a body. Start and End are byte offsets into the
// body (for Go slicing); CharStart is the same start in code points, the unit
// of event.Span.
type Sentence struct {
	Index     int    `json:"index"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	CharStart int    `json:"char_start"`
	CharEnd   int    `json:"char_end"`
	Text      string `json:"text"`
}

// Span turns a byte range [from, to) of s.Text into a body span in code points.
func (s Sentence) Span(from, to int) event.Span {
	from = clamp(from, 0, len(s.Text))
	to = clamp(to, from, len(s.Text))
	start := s.CharStart + utf8.RuneCountInString(s.Text[:from])
	return event.Span{Start: start, End: start + utf8.RuneCountInString(s.Text[from:to]), Text: s.Text[from:to]}
}

// Offset turns a body position in code points, as event.Span gives it, into
// a byte offset into s.Text (len(s.Text) past its end).
func (s Sentence) Offset(char int) int {
	n := s.CharStart
	for i := range s.Text {
		if n >= char {
			return i
		}
		n++
	}
	return len(s.Text)
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
