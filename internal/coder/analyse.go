package coder

import (
	"strings"

	"github.com/sitrep-dev/sitrep/internal/actor"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// vmatch is one verb (phrase) found in a sentence.
type vmatch struct {
	i, j       int // tokens of the verb phrase [i, j)
	h          int // the verb word
	v          *verb
	code       string
	pat        *pattern
	patSrc     int // mention index a "$" marker captured, -1
	patTgt     int // mention index a "+" marker captured, -1
	auxStart   int // first token of the auxiliary chain
	passive    bool
	infinitive bool
	report     bool
	modifier   bool   // the parse reads it as a participle describing a noun ("roads leading into X")
	src        []int  // chosen source mentions (conjuncts)
	srcExtra   []span // uncoded conjuncts ("and its allies")
	parsed     bool   // roles came from a dependency parse
}

type span struct{ from, to int } // token range

type analysis struct {
	c     *Coder
	ctx   Context
	s     text.Sentence
	toks  []actor.Token
	ms    []actor.Mention
	mAt   []int
	verbs []*vmatch
	date  int32
	tree  *tree // dependency parse, nil when unavailable
	// locTarget is set when the last objectMention fell back to an actor
	// inside a locative phrase.
	locTarget bool
	locPrep   string // the preposition before it
}

func (c *Coder) analyse(ctx Context, s text.Sentence) *analysis {
	a := &analysis{c: c, ctx: ctx, s: s, date: actor.DateKey(ctx.Published)}
	a.toks = actor.Tokenize(s.Text)
	if len(a.toks) == 0 || c.actors.Discarded(a.toks) {
		return nil
	}
	if c.parser != nil {
		a.tree = c.parse(s.Text, a.toks)
	}
	cand := make([]bool, len(a.toks))
	for i := range a.toks {
		cand[i] = a.verbPos(i, cand)
	}
	a.ms = c.actors.Find(a.toks, a.date, func(i int) bool { return cand[i] })
	a.acronyms()
	a.possessives()
	a.nameCountries()
	a.mAt = make([]int, len(a.toks))
	for i := range a.mAt {
		a.mAt[i] = -1
	}
	for k, m := range a.ms {
		for i := m.Start; i < m.End && i < len(a.toks); i++ {
			a.mAt[i] = k
		}
	}
	// a bare base form right after a state actor is a noun compound: "a
	// key U.S. ally", "the Israel lobby" (a singular subject takes "-s")
	for i := range cand {
		if !cand[i] || a.tree != nil || i == 0 {
			continue
		}
		m := a.mAt[i-1]
		if m < 0 || a.ms[m].Kind != actor.Named || len(a.ms[m].Code) != 3 {
			continue
		}
		if st := a.ms[m].Start; st > 0 && (a.toks[st-1].Lower == "and" || a.toks[st-1].Lower == "the" && st > 1 && a.toks[st-2].Lower == "and") || strings.HasSuffix(a.toks[a.ms[m].End-1].Lower, "s") {
			continue // "Fornost and Gondor welcome", "The Philippines agree": plural subjects
		}
		for _, v := range a.c.lx.forms[a.toks[i].Lower] {
			if v.lemma == a.toks[i].Lower && !strings.HasSuffix(v.lemma, "ed") && !strings.HasSuffix(v.lemma, "s") {
				cand[i] = false
			}
		}
	}
	// a third-person "-s" form needs a subject right before it: "iris
	// scans", "company plans" are nouns; "Israel says", "he says" verbs
	for i := range cand {
		if !cand[i] || a.tree != nil || i == 0 {
			continue
		}
		w := a.toks[i].Lower
		if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || w == "says" {
			continue
		}
		p := a.toks[i-1]
		if a.mAt[i-1] < 0 && p.Word() && !p.Cap() && !pronouns[p.Lower] && !adverbLike[p.Lower] && !strings.HasSuffix(p.Lower, "ly") && p.Lower != "who" && p.Lower != "which" && p.Lower != "that" {
			cand[i] = false
		}
	}
	// "a face-to-face meeting", "some other points": a determiner or
	// quantifier before a few modifiers makes a noun phrase; an actor word
	// in between is the subject noun ("the army attacked").
	for i := range cand {
		if !cand[i] || a.tree != nil {
			continue
		}
		if i > 0 && attackNouns[a.toks[i-1].Lower] && strings.HasSuffix(a.toks[i].Lower, "ed") {
			continue // "a car bomb killed": the weapon is the subject noun
		}
		for x := i - 1; x >= 0 && x >= i-3; x-- {
			w := a.toks[x].Lower
			if m := a.mAt[x]; m >= 0 {
				// "all official contact": a determiner before an agent word
				// makes a noun phrase of a bare or plural form after it
				st := a.ms[m].Start
				for st > 0 && st > a.ms[m].Start-3 && (a.toks[st-1].Text == "-" || strings.Contains(a.toks[st-1].Lower, "-") || a.toks[st-1].Lower == "anti" || a.toks[st-1].Lower == "pro" || isNumber(a.toks[st-1].Lower)) {
					st-- // "an anti- Gondor parade", "a nine-month prison sentence"
				}
				detBefore := st > 0 && (determiners[a.toks[st-1].Lower] || quantifiers[a.toks[st-1].Lower])
				base := false
				for _, v := range a.c.lx.forms[a.toks[i].Lower] {
					if v.lemma == a.toks[i].Lower && !strings.HasSuffix(v.lemma, "ed") {
						base = true
					}
				}
				if detBefore && (base || a.ms[m].Kind == actor.Agent && !strings.HasSuffix(a.toks[i].Lower, "ed") && a.toks[i].Lower != "said") {
					cand[i] = false
				}
				break
			}
			if determiners[w] || quantifiers[w] {
				cand[i] = false
				break
			}
			if !a.toks[x].Word() && w != "-" || auxWords[w] || prepositions[w] || cand[x] || w == "and" || w == "to" || a.toks[x].Cap() {
				break
			}
		}
	}
	for i := 0; i < len(a.toks); i++ {
		if !cand[i] || a.mAt[i] >= 0 {
			continue
		}
		if a.goingTo(i) {
			continue // "is going to sign": a future, the event is "sign"
		}
		if vm := a.matchVerb(i); vm != nil {
			if a.tree != nil {
				if d := a.tree.dep(a.toks[vm.h]); d >= 0 {
					switch a.tree.deps[d].DepRel {
					case "acl":
						x := a.tree.participleTag(d)
						vm.modifier = (x == "VBG" || x == "VBN") && !a.tree.misparsedMain(d) && !a.tree.alleged(d)
					case "amod", "compound":
						// "the surrounding area", "opposition controlled Osh"
						vm.modifier = !a.tree.misparsedMain(d)
					}
				}
			}
			a.verbs = append(a.verbs, vm)
			i = vm.j - 1
		}
	}
	return a
}

var reportForms = setOf(`say says said saying tell tells told report reports reported claim claims claimed state states stated announce announces announced add adds added`)

var quantifiers = setOf(`other many several few more most all both various numerous two three four five dozens hundreds thousands`)

var clauseOpeners = setOf(`, ; and but meanwhile however that while "`)

var prepositions = setOf(`in on at after before for with from by of during against amid over about into onto under without despite following toward towards through across near upon since until`)

// verbPos decides whether token i can be a verb: a known verb form not
// preceded by a determiner or a preposition and not capitalised mid-sentence.
func (a *analysis) verbPos(i int, cand []bool) bool {
	t := a.toks[i]
	if auxWords[t.Lower] || !t.Word() || t.Lower == "according" {
		return false
	}
	if len(a.verbForms(i)) == 0 {
		return false
	}
	if a.tree != nil {
		if up := a.tree.upos(t); up != "" {
			return up == "VERB"
		}
	}
	if i > 0 && t.Cap() && !allUpper(t.Text) {
		return false
	}
	if i == 0 {
		return false // sentence-initial words are rarely finite verbs in news
	}
	prev := a.toks[i-1].Lower
	if determiners[prev] || prev == "'s" || prev == "'" {
		return false
	}
	ing := strings.HasSuffix(t.Lower, "ing")
	// a base form right after a comma is not a finite verb: ", state media said"
	if (prev == "," || prev == ";") && t.Lower != "said" && !strings.HasSuffix(t.Lower, "ed") && !ing && !strings.HasSuffix(t.Lower, "s") {
		return false
	}
	// a plural at the start of a clause is a subject noun: "reports appeared"
	if strings.HasSuffix(t.Lower, "s") && !strings.HasSuffix(t.Lower, "ss") && clauseOpeners[prev] {
		return false
	}
	if prepositions[prev] && !ing {
		return false
	}
	if cand[i-1] && !ing {
		// "held talks": a verb does not follow a verb -- but in "allies
		// recaptured", "state television reported" the past tense is the
		// verb and the word before it a noun.
		if strings.HasSuffix(t.Lower, "ed") && !strings.HasSuffix(prev, "ed") && !auxWords[prev] {
			cand[i-1] = false
			return true
		}
		return false
	}
	if i+1 < len(a.toks) && (a.toks[i+1].Lower == "of" || a.toks[i+1].Lower == "between") && !strings.HasSuffix(t.Lower, "ed") && !ing {
		return false // "clashes between", "the attack of"
	}
	if i > 1 && a.toks[i-1].Cap() == false && isAdjLike(prev) {
		return false
	}
	return true
}

func isAdjLike(w string) bool {
	for _, s := range []string{"ful", "ous", "ive", "ical", "less"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return false
}

func allUpper(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// goingTo reports whether token i is the "going" of "be going to V".
func (a *analysis) goingTo(i int) bool {
	if a.toks[i].Lower != "going" || i+1 >= len(a.toks) || a.toks[i+1].Lower != "to" {
		return false
	}
	for p := i - 1; p >= 0 && p >= i-3; p-- {
		w := a.toks[p].Lower
		if beWords[w] || w == "'s" || w == "'re" || w == "'m" {
			return true
		}
		if !negWords[w] && !adverbLike[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

// verbForms are the dictionary verbs token i can be: by its form, or, for
// a form the dictionary does not list ("withdrawn", "stolen"), by the
// parser's lemma when the parser reads it as a verb.
func (a *analysis) verbForms(i int) []*verb {
	t := a.toks[i]
	if vs := a.c.lx.forms[t.Lower]; len(vs) > 0 {
		return vs
	}
	if a.tree == nil {
		return nil
	}
	if d := a.tree.dep(t); d >= 0 && a.tree.deps[d].End == t.End && a.tree.deps[d].UPOS == "VERB" {
		return a.c.lx.lemmas[strings.ToLower(a.tree.deps[d].Lemma)]
	}
	return nil
}

// matchVerb finds the longest verb phrase headed at token i and its code.
func (a *analysis) matchVerb(i int) *vmatch {
	t := a.toks[i]
	var best *verb
	bestEnd, bestStart := 0, 0
	for _, v := range a.verbForms(i) {
		start, end, ok := a.phraseAt(v, i)
		if !ok {
			continue
		}
		if best == nil || len(v.words) > len(best.words) {
			best, bestEnd, bestStart = v, end, start
		}
	}
	if best == nil {
		return nil
	}
	vm := &vmatch{i: bestStart, j: bestEnd, h: i, v: best, code: best.code, patSrc: -1, patTgt: -1}
	vm.auxStart = bestStart
	for k := bestStart - 1; k >= 0; k-- {
		w := a.toks[k].Lower
		if auxWords[w] || adverbLike[w] || negWords[w] || w == "to" || strings.HasSuffix(w, "ly") && !a.toks[k].Cap() {
			vm.auxStart = k
			if w == "to" {
				vm.infinitive = true
				break
			}
			continue
		}
		break
	}
	hasBe := false
	for k := vm.auxStart; k < bestStart; k++ {
		if beWords[a.toks[k].Lower] {
			hasBe = true
		}
	}
	f := t.Lower
	participle := (f != best.lemma || strings.HasSuffix(f, "ed") || strings.HasSuffix(f, "en")) && !strings.HasSuffix(f, "ing") && !(strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss"))
	// after a form of "be", a base-looking form is an irregular participle
	// ("were hurt", "was hit", "was set on fire")
	vm.passive = hasBe && (participle || !strings.HasSuffix(f, "ing") && !(strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss")))
	// a reduced passive: "Comoros, backed by African Union forces, ..."
	if !hasBe && participle && vm.auxStart == bestStart && bestEnd < len(a.toks) && a.toks[bestEnd].Lower == "by" && bestStart > 0 && a.toks[bestStart-1].Text == "," {
		vm.passive = true
	}
	if vm.passive && bestEnd < len(a.toks) && a.toks[bestEnd].Lower == "to" {
		vm.passive = false // "is prepared to", "is committed to": the subject acts
	}
	vm.report = reportLemmas[best.lemma] || reportForms[t.Lower]
	return vm
}

// phraseAt checks a verb phrase's other words around its head at token i.
func (a *analysis) phraseAt(v *verb, i int) (int, int, bool) {
	start := i - v.head
	if start < 0 {
		return 0, 0, false
	}
	for k := 0; k < v.head; k++ {
		if a.toks[start+k].Lower != v.words[k] {
			return 0, 0, false
		}
	}
	end := i + 1
	for k := v.head + 1; k < len(v.words); k++ {
		found := false
		gap := 2 // "took full control" is "take control"
		if v.words[k] == "and" || v.words[k] == "or" {
			gap = 0 // "arrested protesters and ..." is no "arrest and"
		}
		for g := end; g < len(a.toks) && g <= end+gap; g++ {
			if a.toks[g].Lower == v.words[k] {
				end, found = g+1, true
				break
			}
			if !a.toks[g].Word() {
				break
			}
		}
		if !found {
			return 0, 0, false
		}
	}
	return start, end, true
}

// limits gives the clause around verb k: [left, right) in tokens.
func (a *analysis) limits(k int) (int, int) {
	vm := a.verbs[k]
	left, right := 0, len(a.toks)
	for p := k - 1; p >= 0; p-- {
		if !a.verbs[p].modifier {
			left = a.verbs[p].j
			break
		}
	}
	for n := k + 1; n < len(a.verbs); n++ {
		// a participle that only describes a noun ("the roads leading into
		// Mordor") does not end the clause of the verb before it
		if !a.verbs[n].modifier {
			right = a.verbs[n].auxStart
			break
		}
	}
	for x := vm.auxStart - 1; x >= left; x-- {
		if w := a.toks[x].Text; w == ";" || w == ":" || w == "—" {
			left = x + 1
			break
		}
	}
	for x := vm.j; x < right; x++ {
		if w := a.toks[x].Text; w == ";" || w == ":" || w == "—" {
			right = x
			break
		}
	}
	return left, right
}

// prevWord is the lower-cased token before position i, "" at the start.
func (a *analysis) prevWord(i int) string {
	if i <= 0 {
		return ""
	}
	return a.toks[i-1].Lower
}

// subject finds the source-side mentions of verb k, right to left.
func (a *analysis) subject(k int, left int) ([]int, []span) {
	vm := a.verbs[k]
	limit := vm.auxStart
	// an appositive between subject and verb: "Gollum, centre of a row
	// between X and Y, called on ..." -- the subject is before the first comma
	if limit-1 > left && a.toks[limit-1].Text == "," {
		for p := limit - 2; p > left; p-- {
			if a.toks[p].Text == "," {
				if q := a.mentionEndingAt(p, left); q >= 0 {
					return a.conjLeft(q), nil
				}
				break
			}
		}
	}
	for x := len(a.ms) - 1; x >= 0; x-- {
		m := a.ms[x]
		if m.End > limit || m.Start < left {
			continue
		}
		p := a.prepBefore(m.Start)
		if prepositions[p] || p == "to" || a.inParens(m.Start) {
			continue
		}
		// a mention followed by a preposition phrase that holds another
		// mention ("militants in Syria") is found as Syria first: skipped
		// above as the object of "in".
		return a.conjLeft(x), a.extraRight(a.ms[x].End, vm.auxStart)
	}
	return nil, nil
}

// conjLeft collects "A, B and C" conjuncts ending with mention x.
func (a *analysis) conjLeft(x int) []int {
	out := []int{x}
	real := false
	for y := x - 1; y >= 0; y-- {
		ok, conj := a.conjGap(a.ms[y].End, a.ms[out[0]].Start)
		if !ok {
			break
		}
		real = real || conj
		out = append([]int{y}, out...)
	}
	if !real {
		return []int{x} // "Syria, Russia said": commas alone do not coordinate
	}
	return out
}

// conjRight collects conjuncts starting with mention x.
func (a *analysis) conjRight(x int, right int) []int {
	out := []int{x}
	real := false
	for y := x + 1; y < len(a.ms) && a.ms[y].End <= right; y++ {
		ok, conj := a.conjGap(a.ms[out[len(out)-1]].End, a.ms[y].Start)
		if !ok {
			break
		}
		real = real || conj
		out = append(out, y)
		if conj {
			break // "A, B and C": C is the last conjunct
		}
	}
	if !real {
		return []int{x}
	}
	return out
}

// conjGap reports whether tokens [from, to) may join two conjuncts (ok) and
// whether they hold a coordinating conjunction (conj): "and", "or", "nor",
// "as well as", "along with", with commas, articles and a few modifiers
// ("and the evil Gondor").
func (a *analysis) conjGap(from, to int) (ok, conj bool) {
	if to <= from || to-from > 5 {
		return false, false
	}
	for x := from; x < to; x++ {
		w := a.toks[x].Lower
		switch w {
		case "and", "&", "or", "nor", "as", "well", "along", "together":
			conj = true
		case ",", "the", "with", "its", "their", "his", "her", "neither", "either", "both":
		default:
			if !a.toks[x].Word() || a.toks[x].Cap() || prepositions[w] || auxWords[w] || w == "to" || w == "that" || x-from > 0 && !conj {
				return false, false
			}
		}
	}
	return true, conj
}

// extraRight finds an uncoded conjunct after a subject: "... and its allies".
func (a *analysis) extraRight(end, limit int) []span {
	if end >= limit || a.toks[end].Lower != "and" || end+1 >= limit {
		return nil
	}
	switch a.toks[end+1].Lower {
	case "its", "their", "his", "her", "other", "allied", "the":
	default:
		return nil
	}
	n := limit - end - 1
	if n < 1 || n > 3 {
		return nil
	}
	for x := end + 1; x < limit; x++ {
		if !a.toks[x].Word() || auxWords[a.toks[x].Lower] {
			if x == end+1 {
				return nil
			}
			return []span{{end + 1, x}}
		}
	}
	return []span{{end + 1, limit}}
}

// objectMention finds the target-side mention of verb k in [from, right).
func (a *analysis) objectMention(k, from, right int, code string) int {
	prefer := ""
	switch {
	case strings.HasPrefix(code, "19"), strings.HasPrefix(code, "17"), strings.HasPrefix(code, "0841"):
		prefer = "from"
	case strings.HasPrefix(code, "04"), strings.HasPrefix(code, "06"):
		prefer = "with"
	case strings.HasPrefix(code, "07"), strings.HasPrefix(code, "0331"), strings.HasPrefix(code, "0332"):
		prefer = "to" // "gave a million dollars to X"
	}
	first, loc := -1, -1
	for x, m := range a.ms {
		if m.Start < from || m.End > right {
			continue
		}
		p := a.prepBefore(m.Start)
		if prefer != "" && p == prefer {
			return x
		}
		if first >= 0 {
			continue
		}
		if locPreps[p] || p == "by" {
			if loc < 0 && m.Code != "" {
				loc, a.locPrep = x, p
			}
			continue
		}
		if m.Kind == actor.Unknown && m.Start-from > 3 {
			continue
		}
		if prefer == "from" && p != "from" {
			// for seizures the direct object is usually a place: keep
			// looking for "from X", fall back to the first actor.
		}
		first = x
	}
	if first < 0 && loc >= 0 {
		// only a place-like actor after the verb ("in Bree"): a weak target
		a.locTarget = true
		return loc
	}
	return first
}

// byAgent finds the "by X" agent of a passive in [from, right).
func (a *analysis) byAgent(from, right int) int {
	for x, m := range a.ms {
		if m.Start < from || m.End > right {
			continue
		}
		if a.prevWord(m.Start) == "by" || (m.Start >= 2 && a.toks[m.Start-2].Lower == "by" && determiners[a.prevWord(m.Start)]) {
			return x
		}
	}
	return -1
}

// heldBy finds "X-held"/"X-controlled" in [from, right) and the actor X.
func (a *analysis) heldBy(from, right int) (*actor.Mention, string, int) {
	for x := from; x < right; x++ {
		w := a.toks[x].Text
		lw := a.toks[x].Lower
		for _, suf := range []string{"-held", "-controlled", "-occupied", "-run"} {
			if strings.HasSuffix(lw, suf) {
				pre := w[:len(w)-len(suf)]
				ptoks := actor.Tokenize(pre)
				ms := a.c.actors.Find(ptoks, a.date, nil)
				if len(ms) > 0 && ms[0].Code != "" {
					m := ms[0]
					return &m, pre, x
				}
			}
		}
	}
	return nil, "", -1
}

var anaphors = setOf(`it town city village area settlement base district`)

func (a *analysis) tokSpan(from, to int) event.Span {
	if to <= from {
		return a.s.Span(a.toks[from].Start, a.toks[from].Start)
	}
	return a.s.Span(a.toks[from].Start, a.toks[to-1].End)
}

// prepBefore is the word before a mention, skipping determiners and
// lower-case modifiers: "in the Finnish capital" gives "in".
func (a *analysis) prepBefore(i int) string {
	for x := i - 1; x >= 0 && x >= i-3; x-- {
		w := a.toks[x].Lower
		if determiners[w] || (a.toks[x].Word() && !a.toks[x].Cap() && !prepositions[w] && !auxWords[w] && w != "to" && w != "and" && w != "that" && x > i-2) {
			continue
		}
		return w
	}
	return ""
}

// acronyms learns "Full Name (ACR)" definitions into the discourse memory
// and codes later unknown mentions of ACR with the full name's code.
func (a *analysis) acronyms() {
	mem := a.ctx.Memory
	if mem == nil {
		return
	}
	for k := range a.ms {
		m := &a.ms[k]
		if m.Kind == actor.Unknown && m.End-m.Start == 1 {
			if def, ok := mem.acronyms[a.toks[m.Start].Text]; ok {
				m.Code, m.Country, m.Sector, m.Kind = def.Code, def.Country, def.Sector, def.Kind
			}
			continue
		}
		if m.Code == "" || m.End-m.Start < 4 || a.toks[m.End-1].Text != ")" {
			continue
		}
		acr := a.toks[m.End-2]
		if a.toks[m.End-3].Text == "(" && allUpper(acr.Text) && len(acr.Text) >= 2 && len(acr.Text) <= 8 {
			if mem.acronyms == nil {
				mem.acronyms = map[string]actor.Mention{}
			}
			mem.acronyms[acr.Text] = *m
		}
	}
}

// possessives gives "its forces", "their leaders" the country of the
// nearest earlier actor with one: "Bosnian Serbs said their forces ...".
func (a *analysis) possessives() {
	for k := range a.ms {
		m := &a.ms[k]
		if m.Kind != actor.Agent || m.Country != "" || m.Start == 0 {
			continue
		}
		switch a.toks[m.Start-1].Lower {
		case "its", "their":
		default:
			continue
		}
		for j := k - 1; j >= 0; j-- {
			if c := a.ms[j].Country; c != "" {
				m.Code, m.Country = c+m.Code, c
				break
			}
		}
	}
}

// nameCountries gives a named actor whose dictionary code is regional
// ("MEAREB" for the Palestinian Islamic Jihad) the country its own name
// opens with: "Palestinian ...", "Egyptian ...". International bodies (IGO,
// NGO, IMG, MNC codes) keep none.
func (a *analysis) nameCountries() {
	for k := range a.ms {
		m := &a.ms[k]
		if m.Country != "" || m.Kind != actor.Named || len(m.Code) < 3 || m.End-m.Start < 2 {
			continue
		}
		switch m.Code[:3] {
		case "IGO", "NGO", "IMG", "MNC", "NGM", "UNO":
			continue
		}
		first := a.toks[m.Start : m.Start+1]
		if fs := a.c.actors.Find(first, a.date, nil); len(fs) == 1 && len(fs[0].Code) == 3 && a.c.actors.IsCountry(fs[0].Code) {
			m.Country = fs[0].Code
		}
	}
}

// mentionEndingAt finds a mention ending right at token p (exclusive end),
// not before left.
func (a *analysis) mentionEndingAt(p, left int) int {
	for x, m := range a.ms {
		if m.End == p && m.Start >= left && !prepositions[a.prepBefore(m.Start)] {
			return x
		}
	}
	return -1
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// inParens reports whether token i sits inside parentheses.
func (a *analysis) inParens(i int) bool {
	for x := i - 1; x >= 0 && x >= i-6; x-- {
		switch a.toks[x].Text {
		case "(":
			return true
		case ")":
			return false
		}
	}
	return false
}
