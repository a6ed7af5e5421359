package coder

import (
	"strings"

	"github.com/sitrep-dev/sitrep/internal/event"
)

var verbalRoots = setOf(`01 02 03 05 10 11 12 13`)
var intentVerbs = setOf(`want wants wanted plan plans planned planning intend intends intended hope hopes hoped seek seeks sought aim aims aimed try tries tried expect expects expected likely ready prepared set going about vow vows vowed pledge pledges pledged promise promises promised threaten threatens threatened would could may might will`)
var failVerbs = setOf(`fail fails failed failing refuse refuses refused refusing declined decline declines declining unable yet`)
var reportNouns = setOf(`reports report sources source rumours rumors claims witnesses residents officials`)

// aspectual verbs say a complement's action goes on, begins or resumes.
var aspectual = setOf(`continue continues continued continuing begin begins began begun beginning start starts started starting resume resumes resumed resuming`)

// modality decides how the article holds verb k's event.
func (a *analysis) modality(k int) event.Attribution {
	vm := a.verbs[k]
	cue := func(from, to int) *event.Span {
		sp := a.tokSpan(from, to)
		return &sp
	}
	// negation in the verb group: "has not yet been reached", "did not
	// attack" -- unless the verb pattern itself spells the negation out
	// and codes it ("will not budge" as a refusal).
	for x := vm.auxStart; x < vm.h && !a.patternNegates(vm); x++ {
		if negWords[a.toks[x].Lower] {
			return event.Attribution{Modality: event.Negated, Cue: cue(x, x+1)}
		}
	}
	if vm.infinitive && vm.auxStart >= 1 {
		// "failed to reach", "refused to meet"; "not to attack"
		for x := vm.auxStart - 1; x >= 0 && x >= vm.auxStart-3; x-- {
			w := a.toks[x].Lower
			if negWords[w] || failVerbs[w] {
				return event.Attribution{Modality: event.Negated, Cue: cue(x, vm.auxStart+1)}
			}
		}
	}
	// conditionals and futures
	for x := vm.auxStart; x < vm.h; x++ {
		if modalWords[a.toks[x].Lower] {
			return event.Attribution{Modality: event.Hypothetical, Cue: cue(x, x+1)}
		}
	}
	if vm.infinitive && !(vm.auxStart > 0 && aspectual[a.toks[vm.auxStart-1].Lower]) {
		// "continued to send arms" sends them: an aspect verb's infinitive
		// happens, as the aspect verb is asserted
		return event.Attribution{Modality: event.Hypothetical, Cue: cue(vm.auxStart, vm.auxStart+1)}
	}
	for x := vm.auxStart - 1; x >= 0; x-- {
		w := a.toks[x].Lower
		if w == ";" || (w == "," && x+1 < len(a.toks) && !condWords[a.toks[x+1].Lower] && x < vm.auxStart-1 && a.segmentHasCond(x+1, vm.auxStart) < 0) {
			break
		}
		if condWords[w] {
			return event.Attribution{Modality: event.Hypothetical, Cue: cue(x, x+1)}
		}
	}
	// attribution
	if att, ok := a.reported(k); ok {
		return att
	}
	if len(vm.code) >= 2 && verbalRoots[vm.code[:2]] {
		return event.Attribution{Modality: event.Statement}
	}
	return event.Attribution{Modality: event.Asserted}
}

func (a *analysis) segmentHasCond(from, to int) int {
	for x := from; x < to; x++ {
		if condWords[a.toks[x].Lower] {
			return x
		}
	}
	return -1
}

// reported finds who the article says reported verb k's event.
func (a *analysis) reported(k int) (event.Attribution, bool) {
	vm := a.verbs[k]
	n := len(a.toks)
	// "according to X"
	for x := 0; x+1 < n; x++ {
		if a.toks[x].Lower == "according" && a.toks[x+1].Lower == "to" {
			end := x + 2
			for end < n && a.toks[end].Text != "," && a.toks[end].Text != "." && end < x+10 {
				end++
			}
			if vm.h >= x && vm.h < end {
				break
			}
			src := ""
			if end > x+2 {
				src = a.tokSpan(x+2, end).Text
			}
			return event.Attribution{Modality: event.Reported, Source: src, Cue: spanPtr(a.tokSpan(x, end))}, true
		}
	}
	// reporting verbs: "X said (that) ...", "..., X said"
	for r, rv := range a.verbs {
		if r == k || !rv.report {
			continue
		}
		if r < k {
			src := a.sayer(r)
			if pronouns[strings.ToLower(src)] && a.ctx.Memory != nil && a.ctx.Memory.lastActor != "" {
				src = a.ctx.Memory.lastActor // "He said ..." after a sentence about Trump
			}
			return event.Attribution{Modality: event.Reported, Source: src, Cue: spanPtr(a.tokSpan(rv.auxStart, rv.j))}, true
		}
		if r > k && rv.auxStart > 0 && !strings.HasSuffix(a.toks[rv.h].Lower, "ing") {
			// trailing attribution: ", a senior official said"
			for x := rv.auxStart - 1; x > vm.j && x >= rv.auxStart-8; x-- {
				if a.toks[x].Text == "," || a.toks[x].Text == "”" || a.toks[x].Text == "\"" {
					src := a.treeSayer(rv)
					if src != "" {
					} else if x+1 < rv.auxStart {
						src = a.tokSpan(x+1, rv.auxStart).Text
					} else if rv.j < n {
						src = a.sayerAfter(rv)
					}
					if x+1 < rv.auxStart && a.hasVerbIn(x+1, rv.auxStart) {
						break // a clause, not ", X said"
					}
					return event.Attribution{Modality: event.Reported, Source: src, Cue: spanPtr(a.tokSpan(x+1, rv.j))}, true
				}
			}
		}
	}
	// "reports appeared that ...", "sources say that ...", "reportedly"
	for x := 0; x < vm.h && x < n; x++ {
		w := a.toks[x].Lower
		if w == "reportedly" || w == "allegedly" || w == "purportedly" {
			return event.Attribution{Modality: event.Reported, Cue: spanPtr(a.tokSpan(x, x+1))}, true
		}
		if reportNouns[w] {
			for y := x + 1; y < vm.auxStart && y <= x+4; y++ {
				if a.toks[y].Lower == "that" {
					from := x
					for from > 0 && a.toks[from-1].Word() && !determiners[a.toks[from-1].Lower] && !prepositions[a.toks[from-1].Lower] && from > x-3 && a.toks[from-1].Lower != "meanwhile" {
						from--
					}
					return event.Attribution{Modality: event.Reported, Source: a.tokSpan(from, x+1).Text, Cue: spanPtr(a.tokSpan(from, y+1))}, true
				}
			}
		}
	}
	for x := vm.j; x < n; x++ {
		w := a.toks[x].Lower
		if w == "reportedly" || w == "allegedly" {
			return event.Attribution{Modality: event.Reported, Cue: spanPtr(a.tokSpan(x, x+1))}, true
		}
	}
	return event.Attribution{}, false
}

// treeSayer is the subject phrase of reporting verb rv as the parse gives
// it ("Znak.com", "a senior Bree official"), or "" without a parse.
func (a *analysis) treeSayer(rv *vmatch) string {
	if a.tree == nil {
		return ""
	}
	h := a.tree.dep(a.toks[rv.h])
	if h < 0 {
		return ""
	}
	s := a.tree.child(h, "nsubj", "nsubj:pass")
	if s < 0 {
		return ""
	}
	from, to := a.tree.subtree(s)
	for _, c := range a.tree.conjuncts(s)[1:] {
		_, t2 := a.tree.subtree(c)
		to = max(to, t2)
	}
	start, end := a.tree.deps[from].Start, a.tree.deps[to].End
	if start < 0 || end > len(a.s.Text) || start >= end {
		return ""
	}
	return strings.TrimSpace(a.s.Text[start:end])
}

// sayer is the text of reporting verb r's subject.
func (a *analysis) sayer(r int) string {
	rv := a.verbs[r]
	if s := a.treeSayer(rv); s != "" {
		return s
	}
	if len(rv.src) > 0 {
		m0, m1 := a.ms[rv.src[0]], a.ms[rv.src[len(rv.src)-1]]
		return a.tokSpan(m0.Start, m1.End).Text
	}
	// an uncoded subject: the words right before the verb group
	from := rv.auxStart
	for from > 0 && from > rv.auxStart-4 && a.toks[from-1].Word() && !prepositions[a.toks[from-1].Lower] && a.toks[from-1].Lower != "that" {
		from--
	}
	if from < rv.auxStart {
		return a.tokSpan(from, rv.auxStart).Text
	}
	return ""
}

// sayerAfter is the subject of an inverted ", said the minister".
func (a *analysis) sayerAfter(rv *vmatch) string {
	end := rv.j
	for end < len(a.toks) && a.toks[end].Word() && end < rv.j+6 {
		end++
	}
	if end > rv.j {
		return a.tokSpan(rv.j, end).Text
	}
	return ""
}

func spanPtr(s event.Span) *event.Span { return &s }

// patternNegates reports whether verb vm's pattern holds a negation word
// before the verb, so that the code already says "not".
func (a *analysis) patternNegates(vm *vmatch) bool {
	if vm.pat == nil {
		return false
	}
	for _, e := range vm.pat.pre {
		if negWords[e.word] || e.word == "didn't" || e.word == "won't" {
			return true
		}
		for _, ph := range a.c.lx.synsets[e.set] {
			for _, w := range ph {
				if negWords[w] {
					return true
				}
			}
		}
	}
	return false
}

// hasVerbIn reports whether a verb of the sentence starts in [from, to).
func (a *analysis) hasVerbIn(from, to int) bool {
	for _, v := range a.verbs {
		if v.h >= from && v.h < to {
			return true
		}
	}
	return false
}
