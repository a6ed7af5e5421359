package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/text"
)

// fakeParser returns hand-written parses (UD) for known sentences and nil
// for any other, as a parser that fails would.
type fakeParser map[string][]Dep

func (f fakeParser) Parse(s string) []Dep { return f[s] }

// conll builds deps from "form/UPOS/head/deprel" items, computing offsets.
func conll(s string, items ...string) []Dep {
	var out []Dep
	pos := 0
	for _, it := range items {
		p := strings.Split(it, "/")
		i := strings.Index(s[pos:], p[0])
		start := pos + i
		head := 0
		for _, c := range p[2] {
			head = head*10 + int(c-'0')
		}
		out = append(out, Dep{Form: p[0], Start: start, End: start + len(p[0]), Lemma: strings.ToLower(p[0]), UPOS: p[1], Head: head, DepRel: p[3]})
		pos = start + len(p[0])
	}
	return out
}

func TestWithParser(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := *base // a copy with its own parser
	s1 := "Fighters loyal to Kiev shelled Russian positions near Donetsk."
	// the shallow rules would take "Kiev" (object of "to") as nothing and
	// "Fighters" as the subject; the parse says so explicitly
	fp := fakeParser{
		s1: conll(s1, "Fighters/NOUN/5/nsubj", "loyal/ADJ/1/amod", "to/ADP/4/case", "Kiev/PROPN/2/obl", "shelled/VERB/0/root",
			"Russian/ADJ/7/amod", "positions/NOUN/5/obj", "near/ADP/9/case", "Donetsk/PROPN/5/obl", "./PUNCT/5/punct"),
	}
	c.SetParser(fp)
	for _, in := range []string{s1, "Ukrainian troops shelled Russian positions near Donetsk."} {
		evs := c.Code(Context{Published: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)}, text.Sentence{Text: in, End: len(in)})
		if len(evs) == 0 {
			t.Errorf("%q: no event (parsed=%v)", in, fp[in] != nil)
			continue
		}
		e := evs[0]
		if !strings.HasPrefix(e.Action.CAMEO, "19") {
			t.Errorf("%q: code %s", in, e.Action.CAMEO)
		}
		if fp[in] != nil && e.Source.Text != "Fighters" {
			t.Errorf("%q: source %q from the parse", in, e.Source.Text)
		}
	}
	// a parser that panics degrades to the shallow rules
	c.SetParser(panicParser{})
	in := "Ukrainian troops shelled Russian positions near Donetsk."
	if evs := c.Code(Context{}, text.Sentence{Text: in, End: len(in)}); len(evs) == 0 {
		t.Error("no event after a parser panic")
	}
}

type panicParser struct{}

func (panicParser) Parse(string) []Dep { panic("boom") }
