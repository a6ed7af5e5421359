package coder

import (
	"math"
	"regexp"
	"strings"

	"github.com/sitrep-dev/sitrep/internal/actor"
	"github.com/sitrep-dev/sitrep/internal/event"
)

// events codes every verb of the sentence.
func (a *analysis) events() []event.Event {
	var out []event.Event
	held, heldText, heldAt := a.heldBy(0, len(a.toks))
	for k, vm := range a.verbs {
		left, right := a.limits(k)
		right = a.beforeSubordinate(vm.j, a.beforeAttribution(k, right))
		a.matchPatterns(vm, left, right)
		var tr *treeRoles
		if a.tree != nil {
			tr = a.rolesOf(vm)
		}
		if tr != nil {
			vm.passive = tr.passive
		}
		// source side
		participle := strings.HasSuffix(a.toks[vm.h].Lower, "ing") && vm.auxStart == vm.i
		if tr == nil && participle && vm.i > 0 && a.toks[vm.i-1].Word() {
			// "refugees fleeing the war": a participle right after a noun
			// modifies that noun, whose referent is its subject
			participle = false
			if m := a.mAt[vm.i-1]; m >= 0 {
				vm.patSrc = m
			} else {
				vm.src = nil
				continue
			}
		}
		coord := vm.auxStart > 0 && (a.toks[vm.auxStart-1].Lower == "and" || a.toks[vm.auxStart-1].Lower == "but")
		var subj []int
		var extra []span
		if vm.patSrc >= 0 {
			subj = []int{vm.patSrc}
		} else if tr != nil && len(tr.subj) > 0 {
			subj, extra = tr.subj, tr.extra
			vm.parsed = true
		}
		// The parse named a subject no dictionary knows ("six of the
		// victims", "the crowd"): the nearest actor is not it. Only a pronoun
		// takes the subject of the verb before ("X said it would ...").
		parsedSubject := tr != nil && tr.subjDep >= 0 && subj == nil
		pronoun := parsedSubject && a.tree.deps[tr.subjDep].UPOS == "PRON"
		if subj == nil && k > 0 && vm.infinitive && !parsedSubject {
			subj, extra = a.verbs[k-1].src, a.verbs[k-1].srcExtra
		}
		if subj == nil && !(k > 0 && (participle || coord || vm.infinitive)) && !parsedSubject {
			subj, extra = a.subject(k, left)
		}
		if subj == nil && k > 0 && (!parsedSubject && (participle || coord || vm.infinitive || a.pronounSubject(vm, left)) || pronoun) {
			// "X said it would ...", "X attacked Y, killing ...": the
			// subject carries over from the verb before
			for p := k - 1; p >= 0; p-- {
				if a.verbs[p].src != nil {
					subj, extra = a.verbs[p].src, a.verbs[p].srcExtra
					break
				}
			}
		}
		vm.src, vm.srcExtra = subj, extra
		if vm.code == "" || vm.code == "---" {
			continue
		}
		if tr != nil && (tr.governed || tr.modifier) || vm.infinitive && k > 0 && a.governed(k) {
			continue // "agreed to provide aid": one event, the governing verb's
		}
		if tr == nil && coord && k > 1 && a.toks[vm.h].Lower == vm.v.lemma && a.verbs[k-1].infinitive && a.governed(k-1) && a.sharedObjectGap(k) {
			continue // "promised to free the prisoners and open the border": the second infinitive too
		}
		if g := a.complementOf(k); g >= 0 {
			gv := a.verbs[g]
			if !gv.report {
				continue // "demanded that the US cancel ...": the content of the demand
			}
			if d, ok := a.deontic(vm); ok && len(gv.src) > 0 {
				// "X said Y must Z": X demands that Y do Z
				out = append(out, a.demandEvent(gv, vm, subj, d))
				continue
			}
		}
		// roles
		var src, tgt []int
		var srcExtra []span
		if vm.passive {
			tgt = subj
			if tr != nil && len(tr.agent) > 0 {
				src = tr.agent
			} else if b := a.byAgent(vm.j, right); b >= 0 {
				src = a.conjRight(b, right)
			}
		} else {
			src, srcExtra = subj, extra
			t := vm.patTgt
			if t < 0 && tr != nil && tr.obj >= 0 && !(vm.code == "010" && contentObject[vm.v.lemma]) {
				t, vm.parsed = tr.obj, true
			}
			a.locTarget = false
			if t < 0 && !(tr != nil && vm.report) {
				// a reporting verb's addressee is its object ("told X"); the
				// words after "said" are what was said, and the parse says so
				t = a.objectMention(k, vm.j, right, vm.code)
				if tr != nil && a.locTarget && placePreps[a.locPrep] && !strings.HasPrefix(vm.code, "04") {
					// "protested in Kabul", "torched cars in Paris": where it
					// happened, which the parse shows is no object -- but the
					// country a visitor "arrived in" is the host of the visit
					t = -1
				}
			}
			if t < 0 && k+1 < len(a.verbs) && a.sharedObject(vm, a.verbs[k+1]) {
				// "shot and wounded Gondor": the object of the second verb
				_, r2 := a.limits(k + 1)
				t = a.objectMention(k+1, a.verbs[k+1].j, r2, vm.code)
			}
			if t >= 0 && a.locTarget && len(src) > 1 && symmetric(vm.code) {
				t = -1 // "A and B met in C": A met B
			}
			if t >= 0 && vm.report && !a.onlyDeterminers(vm.j, a.ms[t].Start) {
				t = -1 // "said that police ...": the complement is not the addressee
			}
			if t >= 0 {
				tgt = a.conjRight(t, right)
			}
		}
		var tgtActor *event.Actor
		if len(tgt) > 0 {
			ta := a.actorOf(tgt, nil)
			tgtActor = &ta
		} else if !vm.passive {
			// "the ISIS-held town": the holder is the target; "the town" in a
			// later sentence refers back to it.
			if held != nil && heldAt >= vm.j && heldAt < right {
				ta := a.mentionActor(*held, heldText, heldAt)
				tgtActor = &ta
			} else if a.ctx.Memory != nil && a.ctx.Memory.holder != nil && a.anaphor(vm.j, right) {
				m := *a.ctx.Memory.holder
				ta := event.Actor{Text: a.ctx.Memory.holderText, Code: m.Code, Country: m.Country, Sector: m.Sector}
				tgtActor = &ta
			}
		}
		var srcActor event.Actor
		switch {
		case len(src) > 0:
			srcActor = a.actorOf(src, srcExtra)
		case violent(vm.code) && tgtActor != nil && tgtActor.Code != "" && a.agentless(vm, tr):
			// "three soldiers were killed in a bombing", "a roadside bomb
			// killed two": the attack happened though no one is named; the
			// perpetrator is kept unknown, as ACLED's unidentified groups
			srcActor = a.unnamedAgent(vm, tr)
		case violent(vm.code) && tgtActor == nil && explosionLemmas[vm.v.lemma] && a.weaponSubject(vm, tr):
			// "a bomb exploded in Lahore": an explosion is an event with or
			// without victims (ACLED's remote explosive)
			srcActor = a.unnamedAgent(vm, tr)
		default:
			continue // no one acts and no one is hurt: nothing to code
		}
		if tgtActor != nil && srcActor.Code != "" && tgtActor.Code == srcActor.Code && len(srcActor.Members) == 0 && len(tgtActor.Members) == 0 {
			tgtActor = nil // an actor does not act on itself
		}
		if vm.report && tgtActor == nil {
			continue // a bare "X said" is attribution, not an event
		}
		if vm.pat == nil && genericVerbs[vm.v.lemma] && (tgtActor == nil || tgtActor.Code == "") && !a.governsInfinitive(k, tr) {
			// "the embassy is taking measures", "Kenya is preparing for
			// Wednesday": a verb of many senses codes by its CAMEO pattern
			// or when it has someone to act on, not by its default alone
			continue
		}
		if strings.HasPrefix(vm.code, "01") && (tgtActor == nil || tgtActor.Sector == "MED" || strings.HasSuffix(tgtActor.Code, "MED")) {
			// "X told reporters", "X repeated that ...": comment addressed to
			// no one, or to the press, is how news is sourced, not an event
			continue
		}
		mutual := false
		if tgtActor == nil && len(src) > 1 && (symmetric(vm.code) || a.reciprocalObject(vm.j, right)) {
			// "A and B met": A met B and B met A
			srcActor = a.actorOf(src[:1], nil)
			ta := a.actorOf(src[1:], nil)
			tgtActor = &ta
			mutual = true
		}
		if tgtActor == nil && !mutual && vm.pat == nil && sessionLemmas[vm.v.lemma] && len(srcActor.Members) == 0 {
			continue // "the cabinet met on Sunday": a body in session consults no one
		}
		if srcActor.Code == "" && srcActor.Text != "" && (tgtActor == nil || tgtActor.Code == "") {
			continue // nothing coded on either side: an unknown name alone says too little
		}
		code, back := vm.code, ""
		if i := strings.IndexByte(code, ':'); i >= 0 {
			code, back = code[:i], code[i+1:]
		}
		if code == "" && back != "" && tgtActor != nil {
			// only the reciprocal event: the target acts on the source
			code, back = back, ""
			s := srcActor
			srcActor, tgtActor = *tgtActor, &s
		}
		if !validCode(code) {
			continue
		}
		att := a.modality(k)
		if a.conditionClause(vm, att) {
			continue // "... unless Gondor withdraws its troops": the condition, not an event
		}
		ev := event.Event{
			Sentence:     a.s.Index,
			SentenceSpan: a.s.Span(0, len(a.s.Text)),
			Source:       srcActor,
			Target:       tgtActor,
			Attribution:  att,
			Coder:        a.c.coderTag(),
		}
		code = a.byWeapon(code)
		if assemblyLemmas[vm.v.lemma] && protestWords.MatchString(srcActor.Text) {
			code = "141" // "protesters gathered outside parliament": a demonstration, not a meeting
		}
		if tr != nil {
			if at, ok := a.allegation(tr); ok {
				ev.Attribution = at
			} else if cue, ok := a.negatedGovernor(tr.head); ok && ev.Attribution.Modality != event.Negated {
				ev.Attribution = event.Attribution{Modality: event.Negated, Cue: &cue}
			}
		}
		ev.Action = a.action(vm, code)
		ploverIntent(&ev)
		acledByActors(&ev)
		ev.Confidence = a.confidence(vm, &ev)
		out = append(out, ev)
		if back == "" && mutual {
			back = code
		}
		if validCode(back) && tgtActor != nil {
			rev := ev
			s := srcActor
			rev.Source, rev.Target = *tgtActor, &s
			rev.Action = a.action(vm, back)
			ploverIntent(&rev)
			out = append(out, rev)
		}
	}
	if a.ctx.Memory != nil {
		// the subject of this sentence's first verb, for a "he"/"she" in the
		// next one; nothing when the sentence has none (no guessing further back)
		a.ctx.Memory.lastActor = ""
		for _, v := range a.verbs {
			if len(v.src) > 0 {
				m := a.ms[v.src[0]]
				if m.Code != "" {
					a.ctx.Memory.lastActor = a.tokSpan(m.Start, m.End).Text
				}
				break
			}
		}
	}
	if a.ctx.Memory != nil && held != nil {
		a.ctx.Memory.holder = held
		a.ctx.Memory.holderText = heldText
	}
	return out
}

// beforeAttribution ends verb k's clause, for its target, at the comma of
// a trailing attribution: in "... blew up power lines, the news agency
// reported" the agency is who tells, not whom the act was done to.
func (a *analysis) beforeAttribution(k, right int) int {
	vm := a.verbs[k]
	for n := k + 1; n < len(a.verbs); n++ {
		rv := a.verbs[n]
		if rv.modifier {
			continue
		}
		if !rv.report || rv.auxStart != right || strings.HasSuffix(a.toks[rv.h].Lower, "ing") {
			return right
		}
		for x := right - 1; x >= vm.j && x >= right-8; x-- {
			if t := a.toks[x].Text; t == "," || t == "”" || t == "\"" {
				return x
			}
		}
		return right
	}
	return right
}

// subordinators open a clause of its own inside a verb's stretch of the
// sentence: "demonstrated in Serbia, where 24 people were killed".
var subordinators = setOf(`where which who whom whose when while whereas because although though unless`)

// beforeSubordinate ends the stretch [from, right) searched for a verb's
// target before a relative or subordinate clause opens whose verb ends the
// stretch: that clause's subject is not the verb's object.
func (a *analysis) beforeSubordinate(from, right int) int {
	opens := false // the stretch ends where another verb's group begins
	for _, v := range a.verbs {
		opens = opens || v.auxStart == right
	}
	for x := from; x < right && opens; x++ {
		if subordinators[a.toks[x].Lower] {
			return x
		}
	}
	return right
}

// reciprocalObject reports whether the object after a verb is shared by
// the members of its compound subject: "postponed their meeting", "accused
// each other", "recognised one another".
func (a *analysis) reciprocalObject(from, right int) bool {
	if from >= right {
		return false
	}
	switch a.toks[from].Lower {
	case "their":
		return true
	case "each", "one":
		return from+1 < right && (a.toks[from+1].Lower == "other" || a.toks[from+1].Lower == "another")
	}
	return false
}

// conditionClause reports whether verb vm is the predicate of an "if" or
// "unless" clause, as its modality's cue shows: what a condition supposes
// ("if Osgiliath attacks", "unless the rebels disarm") is no event the
// sentence reports, hypothetical or otherwise; the clause it conditions is.
func (a *analysis) conditionClause(vm *vmatch, att event.Attribution) bool {
	if att.Modality != event.Hypothetical || att.Cue == nil {
		return false
	}
	switch strings.ToLower(att.Cue.Text) {
	case "if", "unless":
		return att.Cue.Start < a.tokSpan(vm.auxStart, vm.auxStart+1).Start
	}
	return false
}

// sharedObjectGap reports whether verb k follows the object of verb k-1
// with no clause break between: "to free the prisoners and open".
func (a *analysis) sharedObjectGap(k int) bool {
	for x := a.verbs[k-1].j; x < a.verbs[k].auxStart; x++ {
		switch a.toks[x].Lower {
		case ",", ";", ":", "that", "which", "who", "but", "while":
			return false
		}
	}
	return true
}

// governsInfinitive reports whether verb k takes an infinitive complement
// ("plans to expel", "decided to withdraw"), whose action its code stands for.
func (a *analysis) governsInfinitive(k int, tr *treeRoles) bool {
	if tr != nil {
		for _, c := range a.tree.children[tr.head] {
			if a.tree.deps[c].DepRel == "xcomp" && a.tree.deps[c].UPOS == "VERB" {
				return true
			}
		}
		return false
	}
	return k+1 < len(a.verbs) && a.verbs[k+1].infinitive && a.governed(k+1)
}

// sessionLemmas are the verbs of a body sitting on its own ("the cabinet
// met", "parliament convened") when no one else is named.
var sessionLemmas = setOf(`meet convene sit`)

// assemblyLemmas gather a crowd; done by protesters they are a protest.
var assemblyLemmas = setOf(`gather assemble rally march converge mass`)

var protestWords = regexp.MustCompile(`(?i)\b(protesters?|protestors?|demonstrators?|marchers|crowds?|activists|strikers|opposition supporters)\b`)

// placePreps introduce where something happened, not whom it was done to
// ("fired at Seoul", "an attack by X" do name a target).
var placePreps = setOf(`in inside within throughout across around near outside along`)

// genericVerbs have so many senses that CAMEO's default code for them is
// more often wrong than right: "take", "go", "call", "consider", "hope".
var genericVerbs = setOf(`call take go come leave consider want give plan suggest arrive gather enter think decide lead hear seek conduct provide serve see hope need increase admit suspect prepare travel control face fly expect open break hold keep bring put make get move set turn remain stay begin start continue use show help find`)

// violent codes are material conflict: unconventional violence (18),
// fighting (19), mass violence (20).
func violent(code string) bool {
	return strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

// attackNouns are the weapons and attacks that stand as the subject of an
// attack whose perpetrator the sentence does not name.
var attackNouns = setOf(`bomb bombs bombing bombings blast blasts explosion explosions attack attacks strike strikes airstrike airstrikes air-strike raid raids shelling shell shells rocket rockets missile missiles mortar mortars mine mines landmine landmines ied ieds grenade grenades gunfire fire fighting clashes clash battle bomber bombers drone drones shooting shootings ambush`)

// explosionLemmas are the verbs of a device going off.
var explosionLemmas = setOf(`explode detonate blast`)

// weaponSubject reports whether verb vm's subject is a weapon or an attack
// ("a bomb", "the blast").
func (a *analysis) weaponSubject(vm *vmatch, tr *treeRoles) bool {
	if tr != nil {
		return !tr.passive && tr.subjDep >= 0 && attackNouns[strings.ToLower(a.tree.deps[tr.subjDep].Form)]
	}
	return !vm.passive && vm.auxStart > 0 && attackNouns[a.toks[vm.auxStart-1].Lower]
}

// harmLemmas are the verbs whose victims make an event even when no one is
// named as the perpetrator.
var harmLemmas = setOf(`kill wound injure hurt shoot abduct kidnap attack target behead execute massacre bomb shell murder assassinate torture maim slaughter ambush hit strike`)

// agentless reports whether verb vm's event has a victim but no named
// perpetrator: a passive without a "by" agent ("were killed in a
// bombing"), or an attack or weapon as subject ("a roadside bomb killed").
func (a *analysis) agentless(vm *vmatch, tr *treeRoles) bool {
	if !harmLemmas[vm.v.lemma] {
		return false // "were taken to a clinic" is no attack, whatever its code
	}
	if tr == nil {
		if vm.passive {
			return a.byAgent(vm.j, len(a.toks)) < 0
		}
		return vm.auxStart > 0 && attackNouns[a.toks[vm.auxStart-1].Lower]
	}
	if tr.passive {
		return len(tr.agent) == 0 && a.tree.agentOf(tr.head) < 0
	}
	if tr.subjDep < 0 {
		return false
	}
	return attackNouns[strings.ToLower(a.tree.deps[tr.subjDep].Form)]
}

// unnamedAgent is the unknown perpetrator of an agentless attack: for
// "a roadside bombing killed", the cause as written; for a passive, nobody.
func (a *analysis) unnamedAgent(vm *vmatch, tr *treeRoles) event.Actor {
	if tr == nil && !vm.passive {
		// "a car bomb killed": the weapon and its modifiers up to a determiner
		from := vm.auxStart - 1
		for from > 0 && a.toks[from-1].Word() && !auxWords[a.toks[from-1].Lower] && !prepositions[a.toks[from-1].Lower] && from > vm.auxStart-4 {
			from--
			if determiners[a.toks[from].Lower] {
				break
			}
		}
		ts := a.tokSpan(from, vm.auxStart)
		return event.Actor{Text: ts.Text, Code: "UAF", Spans: []event.Span{ts}}
	}
	if tr == nil || tr.passive || tr.subjDep < 0 {
		return event.Actor{Code: "UAF"}
	}
	sp, ok := a.depSpan(tr.subjDep)
	if !ok {
		return event.Actor{Code: "UAF"}
	}
	ts := a.tokSpan(sp.from, sp.to)
	return event.Actor{Text: ts.Text, Code: "UAF", Spans: []event.Span{ts}}
}

// civilianSectors are the PLOVER/Phoenix sectors of people who do not fight.
var civilianSectors = setOf(`CVL REF EDU MED HLH BUS LAB AGR REL`)

// acledByActors refines the ACLED-style type by who acts on whom, as ACLED
// does: a seizure by state forces is "Government regains territory"; armed
// force against civilians (not by remote means, which ACLED ranks higher)
// is violence against civilians; an attack on soldiers or police is a
// battle.
func acledByActors(ev *event.Event) {
	act := &ev.Action
	code := act.CAMEO
	tgtSector := ""
	if ev.Target != nil {
		tgtSector = ev.Target.Sector
	}
	switch {
	case code == "192" && isState(ev.Source.Sector):
		act.ACLEDSubType = "Government regains territory"
	case (code == "19" || code == "190" || code == "193") && civilianSectors[tgtSector]:
		act.ACLEDType, act.ACLEDSubType = "Violence against civilians", "Attack"
	case (code == "18" || code == "180" || code == "182" || code == "1823") && (tgtSector == "MIL" || tgtSector == "COP" || tgtSector == "REB" || tgtSector == "UAF"):
		act.ACLEDType, act.ACLEDSubType = "Battles", "Armed clash"
	}
}

func isState(sector string) bool {
	switch sector {
	case "GOV", "MIL", "COP", "SPY":
		return true
	}
	return false
}

// anaphor reports whether [from, to) refers back to a place: "the town", "it".
func (a *analysis) anaphor(from, to int) bool {
	for x := from; x < to && x < from+4; x++ {
		w := a.toks[x].Lower
		if w == "it" || (anaphors[w] && x > 0 && a.toks[x-1].Lower == "the") {
			return true
		}
	}
	return false
}

func (a *analysis) confidence(vm *vmatch, ev *event.Event) float64 {
	c := 0.4
	if ev.Source.Code != "" {
		c += 0.2
	}
	if ev.Target != nil && ev.Target.Code != "" {
		c += 0.15
	}
	if vm.pat != nil {
		c += 0.1
	}
	if vm.parsed {
		c += 0.1
	}
	if c > 0.95 {
		c = 0.95
	}
	return math.Round(c*100) / 100
}

func (a *analysis) action(vm *vmatch, code string) event.Action {
	sp := a.tokSpan(vm.auxStart, vm.j)
	// leave a leading "to" out of the verb text
	if a.toks[vm.auxStart].Lower == "to" && vm.auxStart+1 < vm.j {
		sp = a.tokSpan(vm.auxStart+1, vm.j)
	}
	ci := a.c.lx.info(code)
	return event.Action{
		Text:         sp.Text,
		Lemma:        vm.v.lemma,
		Span:         sp,
		CAMEO:        code,
		PLOVER:       ci.plover,
		PLOVERMode:   ci.mode,
		ACLEDType:    ci.acledType,
		ACLEDSubType: ci.acledSub,
		QuadClass:    ci.quad,
	}
}

// actorOf builds an event actor from conjunct mentions and uncoded extras.
func (a *analysis) actorOf(ids []int, extras []span) event.Actor {
	first, last := a.ms[ids[0]], a.ms[ids[len(ids)-1]]
	end := last.End
	for _, e := range extras {
		if e.to > end {
			end = e.to
		}
	}
	act := event.Actor{Text: a.tokSpan(first.Start, end).Text}
	for _, id := range ids {
		m := a.ms[id]
		sp := a.tokSpan(m.Start, m.End)
		act.Spans = append(act.Spans, sp)
		if act.Code == "" && m.Code != "" {
			act.Code, act.Country, act.Sector = m.Code, m.Country, m.Sector
		}
		if act.Country == "" && m.Country != "" {
			act.Country = m.Country
		}
	}
	for _, e := range extras {
		act.Spans = append(act.Spans, a.tokSpan(e.from, e.to))
	}
	if len(ids) == 1 && len(first.Codes) > 1 {
		// a hyphenated chain: "the Syrian-Russian-Iranian alliance"
		sp := a.tokSpan(first.Start, first.End)
		for _, c := range first.Codes {
			act.Members = append(act.Members, event.Actor{Text: sp.Text, Code: c, Country: a.countryOf(c), Spans: []event.Span{sp}})
		}
	}
	if len(ids) > 1 {
		shared := a.sharedAgent(ids)
		for _, id := range ids {
			m := a.ms[id]
			sp := a.tokSpan(m.Start, m.End)
			mem := event.Actor{Text: sp.Text, Code: m.Code, Country: m.Country, Sector: m.Sector, Spans: []event.Span{sp}}
			if shared != "" && m.Kind == actor.Named && len(m.Code) == 3 {
				mem.Code, mem.Sector = m.Code+shared, shared
			}
			act.Members = append(act.Members, mem)
		}
	}
	return act
}

// sharedAgent is the agent a compound's first conjunct names before its
// country, which the bare countries after it share: "the ambassadors of
// Arnor, Osgiliath and Gondor" are three countries' envoys, "lawmakers in
// Fornost and Gondor" two countries' lawmakers ("" when none).
func (a *analysis) sharedAgent(ids []int) string {
	m := a.ms[ids[0]]
	if m.Kind != actor.Agent || len(m.Code) != 6 {
		return "" // a state's code and one agent's ("ARNGOV")
	}
	for x := m.Start + 1; x < m.End-1; x++ {
		switch a.toks[x].Lower {
		case "of", "in", "from":
			return m.Code[3:]
		}
	}
	return ""
}

func (a *analysis) mentionActor(m actor.Mention, textOf string, at int) event.Actor {
	sp := a.tokSpan(at, at+1)
	return event.Actor{Text: textOf, Code: m.Code, Country: m.Country, Sector: m.Sector, Spans: []event.Span{sp}}
}

// matchPatterns refines a verb's code by the most specific pattern of its
// block that matches the clause.
func (a *analysis) matchPatterns(vm *vmatch, left, right int) {
	pats := a.c.lx.patterns[vm.v.block]
	bestW := 0
	for pi := range pats {
		p := &pats[pi]
		if p.weight <= bestW || !p.applies(vm.v) {
			continue
		}
		src, tgt := -1, -1
		if !a.matchForward(p.post, vm.j, right, &src, &tgt) {
			continue
		}
		if !a.matchBackward(p.pre, left, vm.i, &src, &tgt) {
			continue
		}
		bestW = p.weight
		vm.pat, vm.code, vm.patSrc, vm.patTgt = p, p.code, src, tgt
	}
}

func (a *analysis) wordAt(w string, x int) bool {
	t := a.toks[x].Lower
	if len(t) < len(w) || t[:len(w)] != w && !(len(w) > 3 && w[len(w)-1] == 'y') {
		return false
	}
	switch rest := t[len(w):]; {
	case t[:len(w)] == w && (rest == "" || rest == "s" || rest == "es"):
		return true
	case len(w) > 3 && w[len(w)-1] == 'y' && len(t) == len(w)+2 && t[:len(w)-1] == w[:len(w)-1] && t[len(w)-1:] == "ies":
		return true
	}
	return false
}

// elemAt matches one pattern element at token x, returning its length.
func (a *analysis) elemAt(e pelem, x int) int {
	if e.word != "" {
		if a.wordAt(e.word, x) {
			return 1
		}
		return 0
	}
	for _, ph := range a.c.lx.synsets[e.set] {
		if x+len(ph) > len(a.toks) {
			continue
		}
		ok := true
		for k, w := range ph {
			if !a.wordAt(w, x+k) {
				ok = false
				break
			}
		}
		if ok {
			return len(ph)
		}
	}
	return 0
}

// mentionNear is the first mention starting within three tokens of pos and
// ending by right, -1 if none.
func (a *analysis) mentionNear(pos, right int) int {
	for x, m := range a.ms {
		if m.Start >= pos && m.Start <= pos+3 && m.End <= right {
			return x
		}
	}
	return -1
}

func (a *analysis) matchForward(els []pelem, from, right int, src, tgt *int) bool {
	pos := from
	for _, e := range els {
		if e.compound {
			// "agreed with A and B": the target, coordinated
			found := a.mentionNear(pos, right)
			if found < 0 {
				return false
			}
			group := a.conjRight(found, right)
			if len(group) < 2 {
				return false
			}
			*tgt = found
			pos = a.ms[group[len(group)-1]].End
			continue
		}
		if e.source || e.target {
			found := a.mentionNear(pos, right)
			if found < 0 {
				return false
			}
			if e.source {
				*src = found
			} else {
				*tgt = found
			}
			pos = a.ms[found].End
			continue
		}
		ok := false
		for x := pos; x < right && x < pos+7; x++ {
			if n := a.elemAt(e, x); n > 0 {
				pos, ok = x+n, true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func (a *analysis) matchBackward(els []pelem, left, before int, src, tgt *int) bool {
	pos := before // exclusive
	for k := len(els) - 1; k >= 0; k-- {
		e := els[k]
		if e.compound {
			// "A and B agreed": a coordinated subject, which the subject
			// rules then take whole
			found := -1
			for x := len(a.ms) - 1; x >= 0; x-- {
				if m := a.ms[x]; m.End <= pos && m.End >= pos-3 && m.Start >= left {
					found = x
					break
				}
			}
			if found < 0 {
				return false
			}
			group := a.conjLeft(found)
			if len(group) < 2 {
				return false
			}
			pos = a.ms[group[0]].Start
			continue
		}
		if e.source || e.target {
			found := -1
			for x := len(a.ms) - 1; x >= 0; x-- {
				m := a.ms[x]
				if m.End <= pos && m.End >= pos-3 && m.Start >= left {
					found = x
					break
				}
			}
			if found < 0 {
				return false
			}
			if e.source {
				*src = found
			} else {
				*tgt = found
			}
			pos = a.ms[found].Start
			continue
		}
		ok := false
		for x := pos - 1; x >= left && x >= pos-5; x-- {
			if n := a.elemAt(e, x); n > 0 && x+n <= pos {
				pos, ok = x, true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// symmetric codes relate the conjuncts of a compound subject to each other
// when no other target is given: meetings, agreements, cooperation.
func symmetric(code string) bool {
	return strings.HasPrefix(code, "04") || strings.HasPrefix(code, "03") || strings.HasPrefix(code, "06")
}

// validCode accepts CAMEO codes: two to four digits.
func validCode(code string) bool {
	if len(code) < 2 || len(code) > 4 {
		return false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// governed reports whether infinitive verb k complements the coded verb
// right before it ("offered to negotiate", "agreed to lift").
func (a *analysis) governed(k int) bool {
	prev := a.verbs[k-1]
	if prev.code == "" || prev.code == "---" || prev.report {
		return false
	}
	for x := prev.j; x < a.verbs[k].auxStart; x++ {
		switch a.toks[x].Lower {
		case ",", ";", ":", "that", "which", "who", "if", "unless", "when", "after", "before", "while", "as":
			return false
		}
	}
	return true
}

var pronouns = setOf(`he she it they we i`)

// pronounSubject reports whether verb vm's subject is a personal pronoun.
func (a *analysis) pronounSubject(vm *vmatch, left int) bool {
	x := vm.auxStart - 1
	return x >= left && x >= 0 && pronouns[a.toks[x].Lower]
}

func (a *analysis) countryOf(code string) string {
	if len(code) >= 3 && a.c.actors.IsCountry(code[:3]) {
		return code[:3]
	}
	return ""
}

// ploverIntent codes an announced future action the PLOVER way: "X will
// visit Y", "X plans to give Y aid" is an AGREE (a commitment to
// cooperate), "X will expel Y" a THREATEN. Conditionals ("if ...") keep
// their type. The CAMEO code keeps the action as written.
func ploverIntent(ev *event.Event) {
	at := ev.Attribution
	if at.Modality != event.Hypothetical || at.Cue == nil || ev.Action.PLOVER == "" {
		return
	}
	switch strings.ToLower(at.Cue.Text) {
	case "if", "once", "unless", "whether", "lest", "could", "might", "may", "should", "must", "can":
		return
	}
	switch ev.Action.PLOVER {
	case "AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT":
		return // already a verbal act
	}
	switch ev.Action.QuadClass {
	case 1, 2:
		ev.Action.PLOVER, ev.Action.PLOVERMode = "AGREE", ""
	case 3, 4:
		ev.Action.PLOVER, ev.Action.PLOVERMode = "THREATEN", ""
	}
}

// sharedObject reports whether verb vm and the next verb share one object:
// only "and" / "or" / "," stand between them ("shot and wounded X").
func (a *analysis) sharedObject(vm, next *vmatch) bool {
	if next.auxStart <= vm.j {
		return false
	}
	for x := vm.j; x < next.auxStart; x++ {
		switch a.toks[x].Lower {
		case "and", "or", ",":
		default:
			return false
		}
	}
	return true
}

var demandRoots = setOf(`02 10 11 12 13`)

// complementOf returns the verb whose clausal complement holds verb k:
// a reporting verb ("said (that) ...") or a coded demand, appeal,
// criticism, rejection or threat ("demanded that ..."); -1 if none.
func (a *analysis) complementOf(k int) int {
	vm := a.verbs[k]
	for g := k - 1; g >= 0; g-- {
		gv := a.verbs[g]
		demand := len(gv.code) >= 2 && demandRoots[gv.code[:2]]
		if !gv.report && !demand {
			continue
		}
		that := false
		for x := gv.j; x < vm.auxStart; x++ {
			switch a.toks[x].Lower {
			case ";", ":":
				return -1
			case "that":
				that = true
			case ",":
				if !that {
					return -1 // "X said, ..." / an appositive: not a plain complement
				}
			}
		}
		if that || gv.report {
			return g
		}
		return -1
	}
	return -1
}

// deontic reports whether verb vm carries an obligation ("must", "should",
// "has to"), and the cue token.
func (a *analysis) deontic(vm *vmatch) (int, bool) {
	for x := vm.auxStart; x < vm.h; x++ {
		switch a.toks[x].Lower {
		case "must", "should":
			return x, true
		}
	}
	return -1, false
}

// demandEvent is "X said Y must Z" coded as X demanding (CAMEO 10) of Y.
func (a *analysis) demandEvent(gv, vm *vmatch, subj []int, cueAt int) event.Event {
	src := a.actorOf(gv.src, gv.srcExtra)
	var tgt *event.Actor
	if len(subj) > 0 {
		t := a.actorOf(subj, nil)
		tgt = &t
	}
	code := "100"
	act := a.action(vm, code)
	act.Lemma = vm.v.lemma
	ev := event.Event{
		Sentence:     a.s.Index,
		SentenceSpan: a.s.Span(0, len(a.s.Text)),
		Source:       src,
		Target:       tgt,
		Action:       act,
		Attribution:  event.Attribution{Modality: event.Statement, Cue: spanPtr(a.tokSpan(cueAt, cueAt+1))},
		Coder:        a.c.coderTag(),
	}
	ev.Confidence = a.confidence(vm, &ev)
	return ev
}

func (a *analysis) onlyDeterminers(from, to int) bool {
	if to-from > 2 {
		return false
	}
	for x := from; x < to; x++ {
		if !determiners[a.toks[x].Lower] {
			return false
		}
	}
	return true
}

// weaponCues name, in order of precedence, the means of an attack and the
// CAMEO code that says it: a suicide bomber is more than a bomb, a car bomb
// more than a blast. Each cue is a lower-case word or two-word phrase.
var weaponCues = []struct {
	code  string
	words []string
}{
	{"1831", []string{"suicide bomb", "suicide bomber", "suicide bombers", "suicide bombing", "suicide attack", "suicide attacker", "blew himself", "blew herself", "blew themselves", "explosives vest", "suicide vest"}},
	{"1832", []string{"car bomb", "car bombs", "car bombing", "vehicle bomb", "truck bomb", "booby-trapped car", "vbied"}},
	{"1833", []string{"roadside bomb", "roadside bombs", "roadside bombing", "roadside blast", "ied", "ieds", "landmine", "landmines", "land mine", "improvised explosive"}},
	{"195", []string{"airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids", "warplane", "warplanes", "jets", "fighter jets", "aircraft", "helicopter", "helicopters", "gunships", "drone", "drones", "bombers"}},
	{"194", []string{"shelling", "shelled", "shells", "artillery", "mortar", "mortars", "rocket", "rockets", "missile", "missiles", "tank", "tanks"}},
	{"183", []string{"bomb", "bombs", "bombing", "bombings", "blast", "explosion", "explosions", "explosive", "explosives", "grenade", "grenades"}},
	{"193", []string{"gunmen", "gunman", "gunfire", "opened fire", "shot", "shooting", "shootings", "rifles", "machine guns", "firefight"}},
}

// byWeapon refines a generic code of violence by the weapon the sentence
// names: "killed" is 190 until "in a car bomb explosion" makes it 1832, "an
// air strike" 195. ACLED's sub-event types follow from these codes. Codes
// that already say something specific (an abduction, a seizure, a
// blockade) are kept; a bombing (183, which CAMEO's weapon patterns give to
// any "missiles killed") yields to the more specific means cued before it:
// aircraft, artillery, a car or roadside bomb.
func (a *analysis) byWeapon(code string) string {
	switch code {
	case "18", "180", "182", "1823", "183", "19", "190", "193":
	default:
		return code
	}
	for _, cue := range weaponCues {
		if cue.code == code {
			return code
		}
		for _, w := range cue.words {
			if a.hasPhrase(w) {
				if code == "193" && cue.code == "183" {
					return code // gunmen who also threw a grenade: still a shooting
				}
				return cue.code
			}
		}
	}
	return code
}

// hasPhrase reports whether the sentence holds the words of phrase, in
// order, as whole tokens.
func (a *analysis) hasPhrase(phrase string) bool {
	words := strings.Fields(phrase)
	for i := 0; i+len(words) <= len(a.toks); i++ {
		ok := true
		for k, w := range words {
			if a.toks[i+k].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// allegation is the attribution of an act that is only alleged: "Iran
// accused the Romanians of hijacking a ship" reports Iran's claim, it does
// not assert the hijacking.
func (a *analysis) allegation(tr *treeRoles) (event.Attribution, bool) {
	h := tr.head
	m := a.tree.child(h, "mark")
	if m < 0 || !strings.EqualFold(a.tree.deps[m].Form, "of") {
		return event.Attribution{}, false
	}
	g := a.tree.accuser(h)
	if g < 0 {
		return event.Attribution{}, false
	}
	src := ""
	if s := a.tree.child(g, "nsubj"); s >= 0 {
		from, to := a.tree.subtree(s)
		src = strings.TrimSpace(a.s.Text[a.tree.deps[from].Start:a.tree.deps[to].End])
	}
	d := a.tree.deps[g]
	cue := a.s.Span(d.Start, d.End)
	return event.Attribution{Modality: event.Reported, Source: src, Cue: &cue}, true
}

// negatedGovernor finds a negation on the verbs an infinitive hangs from:
// in "X is not going to sign a truce" the "not" is on "going", the event
// is "sign". It returns the negation's span.
func (a *analysis) negatedGovernor(h int) (event.Span, bool) {
	for steps := 0; steps < 3; steps++ {
		if a.tree.rel(h) != "xcomp" {
			return event.Span{}, false
		}
		h = a.tree.head(h)
		if h < 0 {
			return event.Span{}, false
		}
		for _, c := range a.tree.children[h] {
			if d := a.tree.deps[c]; (d.DepRel == "advmod" || d.DepRel == "neg") && negWords[strings.ToLower(d.Form)] {
				return a.s.Span(d.Start, d.End), true
			}
		}
	}
	return event.Span{}, false
}

// contentObject are the verbs of saying whose direct object, in a plain
// statement (010), is what was said, never whom it was said to ("said
// Israel's strikes were ...", "announced Canada's partnership"): an
// addressee comes with "to". (A claim can still accuse its object.)
var contentObject = setOf(`say state claim add allege insist note confirm announce declare`)
