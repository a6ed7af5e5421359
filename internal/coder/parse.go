package coder

import (
	"slices"
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
	XPOS       string // Penn tag: tells a past participle (VBN) from a past tense (VBD)
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
	deps     []Dep
	byStart  map[int]int // byte offset -> dep index
	children [][]int     // dep index -> dependants, in order
	cl       *clauses    // for dating, on first use
}

func (c *Coder) parse(s string, toks []actor.Token) (t *tree) {
	defer func() {
		if recover() != nil {
			t = nil // a parser failure degrades to the shallow rules
		}
	}()
	deps := c.parser.Parse(s)
	if len(deps) == 0 || !hasPredicate(deps) {
		// no verb at all ("Gunmen shot and wounded ..." read as a noun
		// phrase): the parse has gone wrong, and the shallow rules do better
		return nil
	}
	t = &tree{deps: deps, byStart: make(map[int]int, len(deps)), children: make([][]int, len(deps))}
	for i, d := range deps {
		t.byStart[d.Start] = i
		if h := d.Head - 1; h >= 0 && h < len(deps) && h != i {
			t.children[h] = append(t.children[h], i)
			if d.DepRel == "obj" && isNominal(deps[h].UPOS) && c.lostVerb(deps, h, i) {
				// a noun with a direct object ("guerrillas" over "soldiers"
				// in "guerrillas wounded two soldiers", "wounded" read as an
				// adjective): the parse has lost the verb
				return nil
			}
		}
	}
	return t
}

// lostVerb reports whether noun h, parsed with the object o, is itself a
// verb form of the dictionary or has one between it and the object: the
// verb the parser read as a noun or an adjective.
func (c *Coder) lostVerb(deps []Dep, h, o int) bool {
	from, to := min(h, o), max(h, o)
	for x := from; x < to; x++ {
		if x == h || deps[x].UPOS == "ADJ" || deps[x].UPOS == "NOUN" {
			if len(c.lx.forms[strings.ToLower(deps[x].Form)]) > 0 {
				return true
			}
		}
	}
	return false
}

// hasPredicate reports whether a parse has a verb, and a finite one when it
// roots the sentence in a noun: a sentence that codes an event has one.
func hasPredicate(deps []Dep) bool {
	verb, finite, nominalRoot := false, false, false
	for _, d := range deps {
		verb = verb || d.UPOS == "VERB"
		switch d.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			finite = true
		}
		if d.Head == 0 && isNominal(d.UPOS) {
			nominalRoot = true
		}
	}
	// a noun as root and no finite verb anywhere ("Greece, like most
	// members, plans to impose ..." with "plans" read as a noun): the
	// parser has lost the main verb
	return verb && (finite || !nominalRoot)
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

// head is the dep index of i's head, -1 for the root.
func (t *tree) head(i int) int {
	h := t.deps[i].Head - 1
	if h < 0 || h >= len(t.deps) || h == i {
		return -1
	}
	return h
}

// rel is i's relation without its subtype ("obl:agent" -> "obl").
func (t *tree) rel(i int) string {
	r := t.deps[i].DepRel
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// child returns the first dependant of h with one of the relations, -1.
func (t *tree) child(h int, rels ...string) int {
	for _, c := range t.children[h] {
		for _, r := range rels {
			if t.deps[c].DepRel == r {
				return c
			}
		}
	}
	return -1
}

// caseOf is the lower-cased preposition marking nominal i ("from", "with"),
// joined for multi-word ones ("according to"); "" when none.
func (t *tree) caseOf(i int) string {
	var words []string
	for _, c := range t.children[i] {
		if t.deps[c].DepRel == "case" {
			words = append(words, strings.ToLower(t.deps[c].Form))
		} else if t.deps[c].DepRel == "fixed" && len(words) > 0 {
			words = append(words, strings.ToLower(t.deps[c].Form))
		}
	}
	for _, c := range t.children[i] {
		if t.deps[c].DepRel == "case" {
			for _, f := range t.children[c] {
				if t.deps[f].DepRel == "fixed" {
					words = append(words, strings.ToLower(t.deps[f].Form))
				}
			}
		}
	}
	return strings.Join(words, " ")
}

// passive reports whether verb i is passive: a passive subject or
// auxiliary, or a bare past participle modifying a noun ("militiamen armed
// with machetes") or conjoined to a passive verb ("were killed and wounded").
func (t *tree) passive(i int) bool {
	if t.child(i, "aux:pass") >= 0 {
		return true
	}
	if t.child(i, "nsubj:pass", "csubj:pass") >= 0 {
		// a passive subject needs a passive verb: "police arrested students"
		// tagged as passive is a parser slip when no "be" comes before the
		// participle and an object follows it
		if t.child(i, "obj") >= 0 {
			return false
		}
		for _, c := range t.children[i] {
			if t.rel(c) == "aux" && (t.deps[c].Lemma == "be" || t.deps[c].Lemma == "get") {
				return true
			}
		}
		return t.deps[i].XPOS == "VBN"
	}
	if t.participleTag(i) != "VBN" || t.child(i, "aux", "nsubj") >= 0 {
		return false
	}
	switch t.deps[i].DepRel {
	case "acl":
		return !t.misparsedMain(i)
	case "conj":
		if h := t.head(i); h >= 0 && t.deps[h].UPOS == "VERB" {
			return t.passive(h)
		}
	}
	return false
}

// misparsedMain reports whether verb i, parsed as a participle modifying a
// noun, is in truth the sentence's main verb: the noun it hangs from is the
// root, so the sentence would have no predicate at all ("Foreign ministers
// agreed on Saturday to ..." with "ministers" as root).
func (t *tree) misparsedMain(i int) bool {
	// climb to the root: "Thousands of people protested" with "Thousands"
	// as root hangs the verb from "people", itself under the root noun
	h := t.head(i)
	for steps := 0; h >= 0 && steps < 8; steps++ {
		if t.deps[h].DepRel == "root" {
			// a nominal root with "be" is the predicate ("... was
			// Kenyan"), so the sentence has one without a bare
			// participle in its subject (or on the root noun itself);
			// one with a subject or auxiliary of its own is a clause
			// ("after the schools were bombed")
			return isNominal(t.deps[h].UPOS) && !(t.deps[i].DepRel == "acl" && t.beRoot(h) && t.inSubjectOf(t.head(i), h) && t.child(i, "nsubj", "nsubj:pass", "aux", "aux:pass", "mark") < 0)
		}
		if !isNominal(t.deps[h].UPOS) {
			return false
		}
		h = t.head(h)
	}
	return false
}

// beRoot reports whether nominal h has a copula "be" ("was Kenyan").
func (t *tree) beRoot(h int) bool {
	for _, c := range t.children[h] {
		if t.rel(c) == "cop" && t.deps[c].Lemma == "be" {
			return true
		}
	}
	return false
}

// inSubjectOf reports whether dep n is root r itself or lies in r's
// subject.
func (t *tree) inSubjectOf(n, r int) bool {
	for steps := 0; n >= 0 && steps < 8; steps++ {
		if n == r {
			return true
		}
		if t.head(n) == r {
			return strings.HasPrefix(t.rel(n), "nsubj")
		}
		n = t.head(n)
	}
	return false
}

// subjectOf finds the dep index of verb i's subject, following the paths
// by which English leaves it unsaid: a conjoined verb shares its first
// conjunct's subject ("attacked and killed"), an infinitive complement its
// governor's ("agreed to provide") or object's ("urged X to"), a participle
// clause its main clause's ("..., killing 20"), a relative clause or a
// participle modifier the noun it modifies ("rebels who attacked", "forces
// loyal to", "militias fighting"). ok is false when the subject is absent.
// acted tells whether the found noun acts (false for the noun a passive
// participle modifies: "the town seized by rebels" is seized).
func (t *tree) subjectOf(i int, depth int) (subj int, ok bool) {
	if depth > 6 {
		return -1, false
	}
	if s := t.child(i, "nsubj", "nsubj:pass", "csubj", "nsubj:outer"); s >= 0 {
		if relativePronouns[strings.ToLower(t.deps[s].Form)] && strings.HasPrefix(t.deps[i].DepRel, "acl") {
			if h := t.head(i); h >= 0 && isNominal(t.deps[h].UPOS) {
				return h, true // "five people who were killed": the people
			}
		}
		return s, true
	}
	h := t.head(i)
	if h < 0 {
		return -1, false
	}
	switch t.rel(i) {
	case "conj":
		if isPredicate(t.deps[h].UPOS) {
			return t.subjectOf(h, depth+1)
		}
	case "xcomp":
		if o := t.child(h, "obj", "iobj"); o >= 0 && objectControl[t.deps[h].Lemma] {
			return o, true
		}
		return t.subjectOf(h, depth+1)
	case "advcl", "acl":
		if m := t.child(i, "mark"); m >= 0 && strings.EqualFold(t.deps[m].Form, "of") {
			// "accused the Romanians of hijacking": the accused act
			if g := t.accuser(i); g >= 0 {
				if o := t.child(g, "obj"); o >= 0 {
					return o, true
				}
			}
		}
	}
	switch t.rel(i) {
	case "advcl":
		if t.deps[i].XPOS == "VBG" && t.child(i, "mark") < 0 {
			// "..., killing at least 20": the main clause's actor, which
			// for a passive main clause is its agent
			if t.passive(h) {
				if ag := t.agentOf(h); ag >= 0 {
					return ag, true
				}
			}
			return t.subjectOf(h, depth+1)
		}
	case "acl":
		if isNominal(t.deps[h].UPOS) {
			return h, true
		}
	case "acl:relcl", "acl:rel":
		if isNominal(t.deps[h].UPOS) {
			return h, true
		}
	}
	if t.deps[i].DepRel == "acl:relcl" && isNominal(t.deps[h].UPOS) {
		return h, true
	}
	return -1, false
}

// accuseLemmas are the verbs whose "of" complement is an allegation:
// "accused X of hijacking", "suspected of smuggling".
var accuseLemmas = setOf(`accuse blame charge suspect convict indict allege`)

// alleged reports whether verb i is the "of V-ing" an accusation names.
func (t *tree) alleged(i int) bool {
	m := t.child(i, "mark")
	return m >= 0 && strings.EqualFold(t.deps[m].Form, "of") && t.accuser(i) >= 0
}

// accuser is the accusing verb an "of V-ing" complement hangs from
// (directly, or through the accused noun), -1 if none.
func (t *tree) accuser(i int) int {
	h := t.head(i)
	for steps := 0; h >= 0 && steps < 2; steps++ {
		if t.deps[h].UPOS == "VERB" && accuseLemmas[t.deps[h].Lemma] {
			return h
		}
		h = t.head(h)
	}
	return -1
}

// agentOf is the "by" agent of passive verb i, -1 when unsaid.
func (t *tree) agentOf(i int) int {
	if a := t.child(i, "obl:agent"); a >= 0 {
		if cs := t.caseOf(a); cs == "by" || cs == "" || attackNouns[strings.ToLower(t.deps[a].Form)] {
			return a
		}
		// "were killed in nationalist riots" parsed as an agent: English
		// marks the agent of a passive with "by" -- though an attack named
		// as the means ("killed in Turkish air raids") does carry its author
	}
	for _, c := range t.children[i] {
		if t.rel(c) == "obl" && t.caseOf(c) == "by" {
			return c
		}
	}
	return -1
}

var relativePronouns = setOf(`who which that whom`)

// objectControl verbs hand their object to an infinitive complement as its
// subject: "urged Gondor to withdraw" -- Gondor withdraws.
var objectControl = setOf(`urge ask call tell order force persuade encourage invite allow permit press pressure request implore warn advise convince compel require`)

func isNominal(upos string) bool {
	return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM" || upos == "X"
}

func isPredicate(upos string) bool { return upos == "VERB" || upos == "AUX" || upos == "ADJ" }

// conjuncts returns nominal i and the nominals coordinated with it, in
// order: "the SAA and its allies", "Hungary, Romania and Bulgaria".
func (t *tree) conjuncts(i int) []int {
	out := []int{i}
	for k := 0; k < len(out) && len(out) < 12; k++ {
		for _, c := range t.children[out[k]] {
			if t.deps[c].DepRel == "conj" && isNominal(t.deps[c].UPOS) && !t.clauseBetween(out[k], c) {
				out = append(out, c)
			}
		}
	}
	// a parser may attach a second subject as a sibling ("X and Y attacked"
	// with both as nsubj): the caller collects siblings itself
	if len(out) > 1 {
		sortInts(out)
	}
	return out
}

// clauseBetween reports whether a conditional or subordinating word stands
// between deps i and j: "in East Jerusalem if Hamas ..." joins no nouns.
func (t *tree) clauseBetween(i, j int) bool {
	for x := min(i, j) + 1; x < max(i, j); x++ {
		if w := strings.ToLower(t.deps[x].Form); condWords[w] || subordinators[w] {
			return true
		}
	}
	return false
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// subtree is the token range [from, to] of the words under i, without a
// relative clause, or an apposition or conjunct of i itself.
func (t *tree) subtree(i int) (from, to int) {
	from, to = i, i
	var walk func(n int)
	walk = func(n int) {
		for _, c := range t.children[n] {
			switch t.deps[c].DepRel {
			case "acl:relcl", "parataxis":
				continue
			case "conj", "cc", "appos", "punct":
				if n == i {
					continue // the phrase's own conjuncts are phrases of their own
				}
			}
			if c < from {
				from = c
			}
			if c > to {
				to = c
			}
			walk(c)
		}
	}
	walk(i)
	return from, to
}

// mentionOfDep finds the actor mention that stands for nominal i: the one
// covering it, else one inside its own modifiers ("the Syrian army"'s
// "Syrian", "ambassadors of Arnor", "Gondor's government"), nearest first.
func (a *analysis) mentionOfDep(i int) int {
	d := a.tree.deps[i]
	if x := a.mentionCovering(d.Start, d.End); x >= 0 {
		return x
	}
	best, bestDist := -1, 1<<30
	for _, c := range a.tree.children[i] {
		switch a.tree.deps[c].DepRel {
		case "compound", "amod", "nmod:poss", "flat", "flat:name", "appos", "nmod:npmod", "nmod:desc", "obl:npmod":
		case "nmod":
			// "ambassadors of Arnor", "troops from Gondor" name their actor;
			// "a meeting in the Finnish capital" does not
			if cs := a.tree.caseOf(c); cs != "of" && cs != "from" {
				continue
			}
		default:
			continue
		}
		from, to := a.tree.subtree(c)
		for x, m := range a.ms {
			ms, me := a.toks[m.Start].Start, a.toks[m.End-1].End
			if ms >= a.tree.deps[from].Start && me <= a.tree.deps[to].End {
				dist := c - i
				if dist < 0 {
					dist = -dist
				}
				if a.tree.deps[c].DepRel == "appos" || a.tree.deps[c].DepRel == "nmod" {
					dist += 10 // prefer a modifier inside the noun phrase
				}
				if dist < bestDist {
					best, bestDist = x, dist
				}
				break
			}
		}
	}
	if best < 0 {
		best = a.mentionInPremodifiers(i)
	}
	return best
}

// mentionInPremodifiers finds a mention spread over several modifiers
// before nominal i, which no one modifier holds: "Israeli army bulldozers"
// has "Israeli" and "army" as two dependants of "bulldozers".
func (a *analysis) mentionInPremodifiers(i int) int {
	lo := -1
	for _, c := range a.tree.children[i] {
		if c > i {
			break
		}
		switch a.tree.deps[c].DepRel {
		case "compound", "amod", "nmod:poss", "flat", "flat:name":
			if from, _ := a.tree.subtree(c); lo < 0 || from < lo {
				lo = from
			}
		}
	}
	if lo < 0 {
		return -1
	}
	start, end := a.tree.deps[lo].Start, a.tree.deps[i].Start
	best := -1
	for x, m := range a.ms {
		if a.toks[m.Start].Start >= start && a.toks[m.End-1].End <= end {
			best = x // the nearest to the noun
		}
	}
	return best
}

// mentionCovering is the mention whose tokens cover bytes [start, end).
func (a *analysis) mentionCovering(start, end int) int {
	for x, m := range a.ms {
		if a.toks[m.Start].Start <= start && end <= a.toks[m.End-1].End {
			return x
		}
	}
	return -1
}

// actorsAt turns nominal i and its conjuncts into mentions and, for
// conjuncts no dictionary knows ("its allies"), token spans kept as text.
// Coordination inside the phrase ("the ambassadors of Arnor, Osgiliath and
// Gondor", "Hungarian and Romanian officials") is read off the words, as
// the shallow rules do, within the phrase's bounds.
func (a *analysis) actorsAt(i int) ([]int, []span) {
	var ms []int
	var extras []span
	seen := map[int]bool{}
	add := func(x int) {
		if !seen[x] {
			seen[x] = true
			ms = append(ms, x)
		}
	}
	conj := a.tree.conjuncts(i)
	lo, hi := len(a.tree.deps), -1
	for _, c := range conj {
		from, to := a.tree.subtree(c)
		lo, hi = min(lo, from), max(hi, to)
		for _, ap := range a.tree.children[c] {
			if a.tree.deps[ap].DepRel == "appos" { // "old foes Gondor and Osgiliath"
				from, to := a.tree.subtree(ap)
				for _, cc := range a.tree.conjuncts(ap)[1:] {
					_, t2 := a.tree.subtree(cc)
					to = max(to, t2)
				}
				lo, hi = min(lo, from), max(hi, to)
			}
		}
	}
	start, end := a.tree.deps[lo].Start, a.tree.deps[hi].End
	inside := func(x int) bool {
		m := a.ms[x]
		return a.toks[m.Start].Start >= start && a.toks[m.End-1].End <= end
	}
	for _, c := range conj {
		if x := a.mentionOfDep(c); x >= 0 {
			add(x)
			continue
		}
		if c != i && len(ms) > 0 {
			if sp, ok := a.depSpan(c); ok {
				extras = append(extras, sp)
			}
		}
	}
	if len(ms) > 0 {
		last := -1
		for x := range a.ms {
			if inside(x) && (seen[x] || last >= 0 && x > last) {
				last = x
			}
		}
		if last >= 0 {
			// only a real coordination that takes in a mention already found
			group := a.conjLeft(last)
			joined := false
			for _, y := range group {
				joined = joined || seen[y]
			}
			if len(group) > 1 && joined {
				for _, y := range group {
					if inside(y) {
						add(y)
					}
				}
			}
		}
	}
	sortInts(ms)
	return ms, extras
}

// depSpan is the coder-token range of nominal i's phrase.
func (a *analysis) depSpan(i int) (span, bool) {
	from, to := a.tree.subtree(i)
	start, end := a.tree.deps[from].Start, a.tree.deps[to].End
	sp := span{-1, -1}
	for x, tok := range a.toks {
		if tok.Start >= start && sp.from < 0 {
			sp.from = x
		}
		if tok.End <= end {
			sp.to = x + 1
		}
	}
	if sp.from < 0 || sp.to <= sp.from {
		return span{}, false
	}
	return sp, true
}

// treeRoles is what the parse says of one verb.
type treeRoles struct {
	head     int // dep index of the verb
	passive  bool
	subj     []int // source mentions (target when passive)
	subjDep  int   // dep index of the subject noun, -1
	extra    []span
	agent    []int // the "by" agent of a passive
	obj      int   // target mention, -1
	governed bool  // the verb is the content of another coded verb ("agreed to provide")
	modifier bool  // the verb only describes a noun or a purpose ("forces fighting", "to topple")
}

// rolesOf reads verb vm's roles from the parse; nil when its head word is
// not a verb in the parse or does not align with it.
func (a *analysis) rolesOf(vm *vmatch) *treeRoles {
	h := a.tree.dep(a.toks[vm.h])
	if h < 0 || a.tree.deps[h].End != a.toks[vm.h].End {
		return nil
	}
	r := &treeRoles{head: h, obj: -1, subjDep: -1, passive: a.tree.passive(h)}
	if s, ok := a.tree.subjectOf(h, 0); ok {
		r.subjDep = s
		r.subj, r.extra = a.actorsAt(s)
		// a parser sometimes gives "X and Y did" two subjects side by side
		for _, c := range a.tree.children[h] {
			if c != s && (a.tree.deps[c].DepRel == "nsubj" || a.tree.deps[c].DepRel == "nsubj:pass") {
				ms, ex := a.actorsAt(c)
				// both halves of one name ("Russian aircraft including
				// helicopter gunships") may fall in the same mention
				ms = slices.DeleteFunc(ms, func(x int) bool { return slices.Contains(r.subj, x) })
				if len(ms) > 0 {
					r.subj = append(r.subj, ms...)
					sortInts(r.subj)
				} else if len(r.subj) > 0 {
					if sp, ok := a.depSpan(c); ok {
						ex = append(ex, sp)
					}
				}
				r.extra = append(r.extra, ex...)
			}
		}
		if a.tree.deps[h].DepRel == "acl" && r.passive {
			// "the town seized by rebels": the noun is what was seized
			r.passive = true
		}
	}
	if r.passive {
		if ag := a.tree.agentOf(h); ag >= 0 {
			r.agent, _ = a.actorsAt(ag)
		}
	}
	r.obj = a.treeObject(h, vm.code)
	r.governed, r.modifier = a.dependentVerb(h, vm.code, 0)
	if a.tree.naming(h) {
		r.modifier = true // "called the bombing a crime": a name, no contact
	}
	return r
}

// namingLemmas are the verbs that, with a second complement, name or
// describe their object rather than act on it.
var namingLemmas = setOf(`call dub name term nickname`)

// naming reports whether verb i names its object: a noun or adjective
// predicated of it ("called Pakistan a valuable ally", "called the order
// swift") or a reflexive object ("a group calling itself X").
func (t *tree) naming(i int) bool {
	if !namingLemmas[t.deps[i].Lemma] {
		return false
	}
	for _, c := range t.children[i] {
		switch t.rel(c) {
		case "xcomp", "obl:unmarked":
			if u := t.deps[c].UPOS; u == "NOUN" || u == "PROPN" || u == "ADJ" {
				return true
			}
		case "obj":
			if f := strings.ToLower(t.deps[c].Form); strings.HasSuffix(f, "self") || strings.HasSuffix(f, "selves") {
				return true
			}
		}
	}
	return false
}

// dependentVerb reports whether verb h is the content of another coded verb
// (governed: "agreed to provide") or only describes a noun, a purpose or an
// attack's toll (modifier), by its relation to its governor. A verb
// conjoined to another is what that verb is: "promised to democratize the
// country and establish the rule of law", "shelled the camps, killing or
// wounding 50".
func (a *analysis) dependentVerb(h int, code string, depth int) (governed, modifier bool) {
	gov := a.tree.head(h)
	if gov < 0 {
		return false, false
	}
	switch a.tree.deps[h].DepRel {
	case "xcomp":
		return a.codedVerbAt(gov), false
	case "conj":
		if x := a.tree.deps[h].XPOS; (x == "VBN" || x == "VBD") && h > 0 && isNominal(a.tree.deps[h-1].UPOS) && a.tree.child(h, "cc", "punct", "nsubj", "nsubj:pass", "aux", "aux:pass") < 0 {
			// "return weapons and equipment seized last year from X": a
			// conjunct with no conjunction, subject or auxiliary of its
			// own right after a noun is a participle describing the noun
			return false, true
		}
		if depth < 3 && a.tree.deps[h].UPOS == "VERB" && a.tree.deps[gov].UPOS == "VERB" {
			return a.dependentVerb(gov, code, depth+1)
		}
	case "acl":
		// "lorries passing through", "a meeting aimed at": a participle
		// that describes a noun, not an event the sentence reports
		x := a.tree.participleTag(h)
		return false, (x == "VBG" || x == "VBN") && !a.tree.misparsedMain(h) && !a.tree.alleged(h)
	case "amod", "compound":
		return false, !a.tree.misparsedMain(h) // "the surrounding area", "celebrating soldiers"
	case "advcl":
		if a.tree.deps[h].XPOS == "VBN" && h < gov && a.tree.child(h, "nsubj") >= 0 && a.tree.child(h, "aux", "aux:pass", "mark", "obj", "cop") < 0 && a.tree.child(gov, "nsubj", "nsubj:pass", "expl") < 0 && !a.tree.commaBetween(h, gov) {
			// "the three men arrested in Spain are accused of ...": a past
			// participle with a subject but no auxiliary, before a verb
			// left without one, is no finite clause; it describes the
			// noun parsed as its subject, which is the main verb's
			return false, true
		}
		if a.tree.describes(gov) && a.tree.child(h, "mark") >= 0 {
			// "talks aimed at ending the war": what the describing
			// participle says of its noun, not a deed of its own (a
			// bare ", killing 20" hung there belongs to the main clause)
			return false, true
		} else if m := a.tree.child(h, "mark"); m >= 0 && strings.EqualFold(a.tree.deps[m].Form, "to") {
			// "... to topple his government": a purpose, not a deed
			return false, true
		} else if m < 0 && a.tree.deps[h].XPOS == "VBG" && (violent(code) && a.violentVerbAt(gov) || a.sameRootAt(gov, code)) {
			// "shelled Juba, killing 20 people": the toll of the same
			// attack, not a second one; "lodged a protest, charging its
			// neighbour with ...": the same complaint, spelled out
			return false, true
		}
	}
	return false, false
}

// commaBetween reports whether a comma stands between deps i and j (i < j).
func (t *tree) commaBetween(i, j int) bool {
	for x := i + 1; x < j && x < len(t.deps); x++ {
		if t.deps[x].Form == "," {
			return true
		}
	}
	return false
}

// describes reports whether verb i is a participle that only describes a
// noun ("talks aimed at", "lorries passing through"), as rolesOf reads it.
func (t *tree) describes(i int) bool {
	if t.deps[i].DepRel != "acl" || t.deps[i].UPOS != "VERB" {
		return false
	}
	x := t.participleTag(i)
	return (x == "VBG" || x == "VBN") && !t.misparsedMain(i) && !t.alleged(i)
}

// participleTag is verb i's part-of-speech tag, except that a past tense
// ("VBD") modifying a noun with no subject of its own is read as the past
// participle it must be: in "one of the soldiers killed in the attack was
// ..." the soldiers were killed, they did not kill.
func (t *tree) participleTag(i int) string {
	x := t.deps[i].XPOS
	if x == "VBD" && t.deps[i].DepRel == "acl" && t.child(i, "nsubj", "nsubj:pass", "aux", "aux:pass", "obj") < 0 && t.head(i) >= 0 && isNominal(t.deps[t.head(i)].UPOS) {
		return "VBN"
	}
	return x
}

// violentVerbAt reports whether dep i is the head of a verb of this
// sentence coded as violence.
func (a *analysis) violentVerbAt(i int) bool {
	for _, v := range a.verbs {
		if a.tree.dep(a.toks[v.h]) == i {
			return violent(v.code)
		}
	}
	return false
}

// sameRootAt reports whether dep i heads a verb of this sentence whose CAMEO
// code has the root (first two digits) of code.
func (a *analysis) sameRootAt(i int, code string) bool {
	if len(code) < 2 {
		return false
	}
	for _, v := range a.verbs {
		if a.tree.dep(a.toks[v.h]) == i {
			return len(v.code) >= 2 && v.code[:2] == code[:2]
		}
	}
	return false
}

// codedVerbAt reports whether dep i is the head of a coded, non-reporting
// verb of this sentence.
func (a *analysis) codedVerbAt(i int) bool {
	for _, v := range a.verbs {
		if a.tree.dep(a.toks[v.h]) == i {
			return v.code != "" && v.code != "---" && !v.report
		}
	}
	return false
}

// treeObject takes verb h's target from the parse: for seizures a "from"
// phrase, for meetings and talks a "with" phrase, for gifts a "to" phrase,
// else the direct object, else an "against/on/to" phrase; an object noun
// that is no actor lends its own "with/against/to" modifier ("restore
// ties with Gondor", "sanctions against Osgiliath").
func (a *analysis) treeObject(h int, code string) int {
	prefer := preferredCase(code)
	obj, preferred, weak := -1, -1, -1
	var objDep = -1
	for _, c := range a.tree.children[h] {
		switch a.tree.rel(c) {
		case "obj", "iobj":
			if objDep < 0 {
				objDep = c
			}
			if x := a.mentionOfDep(c); x >= 0 && obj < 0 {
				obj = x
			}
		case "obl":
			if a.tree.deps[c].DepRel == "obl:agent" {
				continue
			}
			cs := a.tree.caseOf(c)
			x := a.mentionOfDep(c)
			if x < 0 {
				continue
			}
			if cs == prefer && preferred < 0 {
				preferred = x
			}
			switch cs {
			case "against", "on", "to", "toward", "towards", "with", "at":
				if weak < 0 {
					weak = x
				}
			}
		}
	}
	if preferred < 0 && prefer == "from" {
		// "liberated the villages north of the city from X": the parser
		// may hang the "from" phrase on a noun of the clause
		preferred = a.descendantWithCase(h, "from")
	}
	if preferred >= 0 {
		return preferred
	}
	if obj >= 0 && a.ms[obj].Kind != actor.Unknown {
		return obj
	}
	if objDep >= 0 {
		// the object is a thing: its modifier may name the target
		for _, c := range a.tree.children[objDep] {
			if a.tree.rel(c) != "nmod" {
				continue
			}
			switch a.tree.caseOf(c) {
			case "with", "against", "to", "toward", "towards", "for", "on", "between":
				if x := a.mentionOfDep(c); x >= 0 {
					return x
				}
			}
		}
	}
	if obj >= 0 {
		return obj
	}
	return weak
}

// descendantWithCase finds an actor marked by preposition cs anywhere in
// verb h's own clause (not inside a clause of its own).
func (a *analysis) descendantWithCase(h int, cs string) int {
	stack := append([]int(nil), a.tree.children[h]...)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch a.tree.rel(n) {
		case "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "nsubj":
			continue
		case "conj":
			if !isNominal(a.tree.deps[n].UPOS) {
				continue
			}
		}
		if isNominal(a.tree.deps[n].UPOS) && a.tree.caseOf(n) == cs {
			if x := a.mentionOfDep(n); x >= 0 {
				return x
			}
		}
		stack = append(stack, a.tree.children[n]...)
	}
	return -1
}

// preferredCase is the preposition that marks the target of a CAMEO code's
// verb in English: seized from, met with, gave to.
func preferredCase(code string) string {
	switch {
	case strings.HasPrefix(code, "19"), strings.HasPrefix(code, "17"), strings.HasPrefix(code, "0841"), strings.HasPrefix(code, "0874"):
		return "from"
	case strings.HasPrefix(code, "04"), strings.HasPrefix(code, "06"):
		return "with"
	case strings.HasPrefix(code, "07"), strings.HasPrefix(code, "0331"), strings.HasPrefix(code, "0332"):
		return "to"
	}
	return ""
}
