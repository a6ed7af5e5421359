package coder

import "strings"

// Which words of a sentence may date an event. A date in a clause with a
// subject of its own belongs to that clause: "withdrew in 1984 after a
// suicide bomber killed 241" dates the withdrawal, not the killing; "called
// for his resignation after the government issued a report on July 12"
// dates the report. Clauses joined by coordination ("attacked the base and
// killed ten on Monday"), a complement ("agreed to provide aid on Monday",
// "said on Monday that rebels attacked"), a reporting aside or a
// participle ("flew there on Monday, visiting the wounded") share their
// dates.

// clauseRels head a clause of their own.
var clauseRels = map[string]bool{"root": true, "ccomp": true, "xcomp": true, "advcl": true, "acl": true, "parataxis": true, "csubj": true}

// sharedRels join clauses that share their dates.
var sharedRels = map[string]bool{"conj": true, "ccomp": true, "xcomp": true, "parataxis": true}

// clauses is what dateScope needs of a parse, worked out once per sentence.
type clauses struct {
	head  []int // the head of the clause each dep is in
	group []int // clauses that share their dates have one group (union-find)
}

// clauseHead is the head of the clause dep i is in.
func (t *tree) clauseHead(i int) int {
	for steps := 0; i >= 0 && steps <= len(t.deps); steps++ {
		if t.isClauseHead(i) {
			return i
		}
		h := t.head(i)
		if h < 0 {
			return i
		}
		i = h
	}
	return i
}

func (t *tree) isClauseHead(i int) bool {
	r := t.rel(i)
	if clauseRels[r] || t.deps[i].Head == 0 {
		return true
	}
	// a conjoined predicate, not a conjoined noun ("the SAA and its allies")
	return r == "conj" && (t.deps[i].UPOS == "VERB" || t.deps[i].UPOS == "AUX")
}

func (t *tree) clauses() *clauses {
	if t.cl != nil {
		return t.cl
	}
	n := len(t.deps)
	cl := &clauses{head: make([]int, n), group: make([]int, n)}
	// leftmost word of each subtree, punctuation included, to see what a
	// clause opens with
	first := make([]int, n)
	for i := range first {
		first[i] = i
	}
	for j := range n {
		for k, steps := t.head(j), 0; k >= 0 && steps < n; k, steps = t.head(k), steps+1 {
			first[k] = min(first[k], j)
		}
	}
	for i := range n {
		cl.head[i] = t.clauseHead(i)
		cl.group[i] = i
	}
	find := func(i int) int {
		for cl.group[i] != i {
			cl.group[i] = cl.group[cl.group[i]]
			i = cl.group[i]
		}
		return i
	}
	for i := range n {
		if h := t.head(i); cl.head[i] == i && h >= 0 && t.sharesDates(i, first[i]) {
			cl.group[find(i)] = find(cl.head[h])
		}
	}
	for i := range n {
		cl.group[i] = find(i)
	}
	t.cl = cl
	return cl
}

// dateScope returns the byte ranges of the words that may date the event
// whose action starts at byte at; nil when the action is not in the parse.
// A date in a clause not joined to the action's, with a subject of its own,
// belongs to that clause's verb; one in a subjectless phrase ("Today,
// standing before the troops, I reaffirm") is too loosely attached to tell.
func (t *tree) dateScope(at int) [][2]int {
	a, ok := t.byStart[at]
	if !ok {
		return nil
	}
	cl := t.clauses()
	own := cl.group[cl.head[a]]
	var out [][2]int
	for i, d := range t.deps {
		if h := cl.head[i]; cl.group[h] != own && t.hasSubject(h) {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] >= d.Start-1 {
			out[n-1][1] = d.End
			continue
		}
		out = append(out, [2]int{d.Start, d.End})
	}
	return out
}

// dateSubordinators open adverbial clauses whose dates are their own; "while",
// "when" and "as" join clauses that happen together.
var dateSubordinators = setOf(`after before since until till because once if unless although though`)

// sharesDates reports whether the clause headed at i, whose first word is
// first, shares its dates with the clause it hangs from: a coordinated or
// complement clause, or a participle phrase without a subject of its own
// ("shelled Juba on Monday, killing 20"), unless it opens with a
// subordinator ("after a bomber killed 241" is adverbial even where the
// parser took it for a complement).
func (t *tree) sharesDates(i, first int) bool {
	if dateSubordinators[strings.ToLower(t.deps[first].Form)] {
		return false
	}
	switch r := t.rel(i); {
	case sharedRels[r]:
		return true
	case r == "advcl" || r == "acl" && t.deps[i].DepRel != "acl:relcl":
		return !t.hasSubject(i)
	}
	return false
}

// hasSubject reports whether clause head i has a subject of its own.
func (t *tree) hasSubject(i int) bool {
	for _, c := range t.children[i] {
		if r := t.rel(c); r == "nsubj" || r == "csubj" || r == "expl" {
			return true
		}
	}
	return false
}
