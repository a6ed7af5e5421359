package coder

import (
	"strings"

	"github.com/sitrep-dev/sitrep/internal/actor"
)

// Dep is one token of a dependency parse, as internal/syntax produces it:
// byte offsets into the sentence, 1-based Head (0 = root), UD relations.
type Dep struct {
	Form       string
	Start, End int
	Lemma      string
	UPOS       string
	Head       int
	DepRel     string
}

// Parser gives the coder a dependency parse of one sentence. It may return
// nil (the sentence failed to parse): the coder then uses its shallow rules.
type Parser interface {
	Parse(sentence string) []Dep
}

// SetParser makes the coder use p for parts of speech and grammatical
// roles. Call before coding; nil turns parsing off.
func (c *Coder) SetParser(p Parser) { c.parser = p }

// tree maps the coder's tokens onto a parse.
type tree struct {
	deps    []Dep
	byStart map[int]int // byte offset -> dep index
}

func (c *Coder) parse(s string, toks []actor.Token) (t *tree) {
	defer func() {
		if recover() != nil {
			t = nil // a parser failure degrades to the shallow rules
		}
	}()
	deps := c.parser.Parse(s)
	if len(deps) == 0 {
		return nil
	}
	t = &tree{deps: deps, byStart: make(map[int]int, len(deps))}
	for i, d := range deps {
		t.byStart[d.Start] = i
	}
	return t
}

// upos is the parser's part of speech for a token, "" when unaligned.
func (t *tree) upos(tok actor.Token) string {
	if i, ok := t.byStart[tok.Start]; ok && t.deps[i].End == tok.End {
		return t.deps[i].UPOS
	}
	return ""
}

// dep returns the dep index of a token, -1 when unaligned.
func (t *tree) dep(tok actor.Token) int {
	if i, ok := t.byStart[tok.Start]; ok {
		return i
	}
	return -1
}

// treeSubject takes verb vm's subject from the dependency parse.
func (a *analysis) treeSubject(vm *vmatch) ([]int, []span) {
	h := a.tree.dep(a.toks[vm.h])
	if h < 0 {
		return nil, nil
	}
	for i, d := range a.tree.deps {
		if d.Head-1 != h {
			continue
		}
		if d.DepRel == "nsubj" || d.DepRel == "nsubj:pass" {
			if x := a.mentionAtByte(d, i); x >= 0 {
				vm.parsed = true
				return a.conjLeft(a.lastConj(x, i)), nil
			}
		}
	}
	return nil, nil
}

// treeObject takes verb vm's target from the parse: the object, or for
// seizures a "from" phrase, for meetings a "with" phrase.
func (a *analysis) treeObject(vm *vmatch, code string) int {
	h := a.tree.dep(a.toks[vm.h])
	if h < 0 {
		return -1
	}
	obj, from, with := -1, -1, -1
	for i, d := range a.tree.deps {
		if d.Head-1 != h {
			continue
		}
		switch d.DepRel {
		case "obj", "iobj":
			if x := a.mentionAtByte(d, i); x >= 0 && obj < 0 {
				obj = x
			}
		case "obl", "nmod":
			prep := a.caseOf(i)
			if x := a.mentionAtByte(d, i); x >= 0 {
				switch prep {
				case "from":
					from = x
				case "with":
					with = x
				case "against", "on", "to", "toward", "towards":
					if obj < 0 {
						obj = x
					}
				}
			}
		}
	}
	switch {
	case (strings.HasPrefix(code, "19") || strings.HasPrefix(code, "17")) && from >= 0:
		vm.parsed = true
		return from
	case (strings.HasPrefix(code, "04") || strings.HasPrefix(code, "06")) && with >= 0:
		vm.parsed = true
		return with
	case obj >= 0:
		vm.parsed = true
		return obj
	}
	return -1
}

func (a *analysis) caseOf(i int) string {
	for _, d := range a.tree.deps {
		if d.Head-1 == i && d.DepRel == "case" {
			return strings.ToLower(d.Form)
		}
	}
	return ""
}

// mentionAtByte finds the mention holding dependency token i or, failing
// that, any of its dependants (the head noun of "the Syrian army").
func (a *analysis) mentionAtByte(d Dep, i int) int {
	for x, m := range a.ms {
		if a.toks[m.Start].Start <= d.Start && d.End <= a.toks[m.End-1].End {
			return x
		}
	}
	for j, dd := range a.tree.deps {
		if dd.Head-1 == i && dd.DepRel != "conj" && dd.DepRel != "acl" && dd.DepRel != "acl:relcl" {
			for x, m := range a.ms {
				if a.toks[m.Start].Start <= dd.Start && dd.End <= a.toks[m.End-1].End {
					_ = j
					return x
				}
			}
		}
	}
	return -1
}

// lastConj follows conj dependants of dep i to the last conjunct mention.
func (a *analysis) lastConj(x, i int) int {
	last := x
	for _, d := range a.tree.deps {
		if d.Head-1 == i && d.DepRel == "conj" {
			for y, m := range a.ms {
				if a.toks[m.Start].Start <= d.Start && d.End <= a.toks[m.End-1].End && y > last {
					last = y
				}
			}
		}
	}
	return last
}
