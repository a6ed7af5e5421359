package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"two sentences", "The army advanced. Rebels withdrew.", []string{"The army advanced.", "Rebels withdrew."}},
		{"title before name", "Gen. Smith met Mr. Jones in Kabul. Talks failed.", []string{"Gen. Smith met Mr. Jones in Kabul.", "Talks failed."}},
		{"initial", "George W. Bush spoke on Monday.", []string{"George W. Bush spoke on Monday."}},
		{"acronym mid-sentence", "The U.S. Army said so.", []string{"The U.S. Army said so."}},
		{"acronym at end", "Troops left the U.S. The base closed.", []string{"Troops left the U.S.", "The base closed."}},
		{"date abbreviation", "It began on Jan. 5 in Homs.", []string{"It began on Jan. 5 in Homs."}},
		{"decimal and domain", "Prices rose 3.5 percent, said example.com today.", []string{"Prices rose 3.5 percent, said example.com today."}},
		{"quote closes", `He said "we will win." Then he left.`, []string{`He said "we will win."`, "Then he left."}},
		{"question and exclamation", "Why now? Nobody knows! Clashes continue.", []string{"Why now?", "Nobody knows!", "Clashes continue."}},
		{"lower-case continuation", "It was 5 p.m. local time.", []string{"It was 5 p.m. local time."}},
		{"paragraphs never merge", "First line without stop\n\nSecond paragraph.", []string{"First line without stop", "Second paragraph."}},
		{"ellipsis", "They waited... Then the shelling began.", []string{"They waited...", "Then the shelling began."}},
		{"empty", "", nil},
		{"blank paragraphs", "\n\n  \n\nOne.", []string{"One."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.body)
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("Split(%q)\n got %q\nwant %q", tt.body, texts, tt.want)
			}
		})
	}
}

// TestSplitOffsets checks that byte and code-point offsets point at the
// sentence in the body, including after multi-byte characters.
func TestSplitOffsets(t *testing.T) {
	body := "Al-Ḥarrah fell — reports said.  Über 10 died.\n\nNext « paragraph » here."
	sents := Split(body)
	if len(sents) != 3 {
		t.Fatalf("got %d sentences: %+v", len(sents), sents)
	}
	runes := []rune(body)
	for i, s := range sents {
		if body[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: byte span %q != text %q", i, body[s.Start:s.End], s.Text)
		}
		if string(runes[s.CharStart:s.CharEnd]) != s.Text {
			t.Errorf("sentence %d: char span %q != text %q", i, string(runes[s.CharStart:s.CharEnd]), s.Text)
		}
		if s.Index != i {
			t.Errorf("sentence %d has index %d", i, s.Index)
		}
	}
	if sents[2].Paragraph != 1 {
		t.Errorf("third sentence in paragraph %d, want 1", sents[2].Paragraph)
	}
	sp := sents[1].Span(0, len("Über"))
	if sp.Text != "Über" || string(runes[sp.Start:sp.End]) != "Über" {
		t.Errorf("Span: %+v", sp)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("The army advanced. Rebels withdrew.\n\nU.S. troops left.")
	f.Add("\xff\xfe. A.")
	f.Fuzz(func(t *testing.T, body string) {
		prevEnd := 0
		for _, s := range Split(body) {
			if s.Start < prevEnd || s.End > len(body) || body[s.Start:s.End] != s.Text {
				t.Fatalf("bad sentence %+v in %q", s, body)
			}
			if s.CharEnd-s.CharStart != utf8.RuneCountInString(s.Text) {
				t.Fatalf("char span of %q is %d..%d", s.Text, s.CharStart, s.CharEnd)
			}
			prevEnd = s.End
		}
	})
}

func TestDatelineAndLongRuns(t *testing.T) {
	for _, tc := range []struct {
		body  string
		first string // text of the first sentence
	}{
		{"KABUL, Aug. 5, 2021 - A car bomb exploded near the airport. Three people died.", "KABUL, Aug. 5, 2021 -"},
		{"BAMAKO, March 3 (Reuters) - Islamist militants attacked a base.", "BAMAKO, March 3 (Reuters) -"},
		{"NEW DELHI — Police detained 40 protesters.", "NEW DELHI —"},
		{"ALEPPO, Syria - Rebels shelled the city.", "ALEPPO, Syria -"},
		// no dateline: a sentence that merely starts with a capitalised word
		{"The army - backed by militias - advanced. Then it stopped.", "The army - backed by militias - advanced."},
		{"US troops - some 500 - landed.", "US troops - some 500 - landed."},
	} {
		got := Split(tc.body)
		if len(got) == 0 || got[0].Text != tc.first {
			t.Errorf("%q: first sentence %q, want %q", tc.body, got[0].Text, tc.first)
		}
	}
	// a run of text with no sentence end is cut, every piece within bounds
	// and together covering the run
	long := strings.Repeat("word ", 3000)
	got := Split(long)
	if len(got) < 2 {
		t.Fatalf("a %d-byte run stayed %d sentence(s)", len(long), len(got))
	}
	total := 0
	for _, s := range got {
		if len(s.Text) > MaxSentenceBytes {
			t.Errorf("sentence of %d bytes", len(s.Text))
		}
		if long[s.Start:s.End] != s.Text {
			t.Errorf("offsets %d..%d do not slice the body", s.Start, s.End)
		}
		total += len(strings.Fields(s.Text))
	}
	if total != 3000 {
		t.Errorf("pieces hold %d words, want 3000", total)
	}
}

func TestSentenceOffset(t *testing.T) {
	body := "Début. Vučić eased the rules."
	ss := Split(body)
	if len(ss) != 2 {
		t.Fatalf("%d sentences", len(ss))
	}
	s := ss[1]
	for _, w := range []string{"Vučić", "eased", "rules"} {
		at := strings.Index(s.Text, w)
		span := s.Span(at, at+len(w))
		if got := s.Offset(span.Start); got != at {
			t.Errorf("Offset(%d) = %d, want %d (%q)", span.Start, got, at, w)
		}
	}
	if got := s.Offset(s.CharEnd + 5); got != len(s.Text) {
		t.Errorf("past the end: %d, want %d", got, len(s.Text))
	}
}
