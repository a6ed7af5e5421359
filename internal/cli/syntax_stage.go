package cli

import (
	"github.com/sitrep-dev/sitrep/internal/coder"
	"github.com/sitrep-dev/sitrep/internal/syntax"
)

// syntaxStage gives the event coder dependency parses from internal/syntax:
//
//	p, err := syntax.Default()
//	if err == nil { c.SetParser(syntaxStage{p}) }
//
// A sentence without words or over syntax.MaxWords words parses to nil, and
// the coder then falls back to its shallow rules.
type syntaxStage struct{ p *syntax.Parser }

var _ coder.Parser = syntaxStage{}

func (s syntaxStage) Parse(sentence string) []coder.Dep {
	toks := s.p.Parse(sentence)
	if toks == nil {
		return nil
	}
	deps := make([]coder.Dep, len(toks))
	for i, t := range toks {
		deps[i] = coder.Dep{Form: t.Form, Start: t.Start, End: t.End, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Head: t.Head, DepRel: t.DepRel}
	}
	return deps
}
