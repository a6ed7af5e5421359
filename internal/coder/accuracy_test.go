package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// absentCase is a sentence written for these tests and a CAMEO code prefix
// that no event of it may carry (a reading the coder must not make); with
// tgt, only events with a target of that code prefix are unwanted.
type absentCase struct {
	text string
	code string
	tgt  string
}

// runAbsent codes each case parsed and shallow, as runFeature does, and
// fails on any event whose code starts with the case's prefix.
func runAbsent(t *testing.T, cases []absentCase) {
	t.Helper()
	parsed, base := bothCoders(t)
	for _, c := range []struct {
		name string
		c    *Coder
	}{{"parsed", parsed}, {"shallow", base}} {
		t.Run(c.name, func(t *testing.T) {
			for _, tc := range cases {
				s := text.Sentence{Text: tc.text, End: len(tc.text), CharEnd: len([]rune(tc.text))}
				for _, e := range c.c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, s) {
					if e.Attribution.Modality != event.Negated && strings.HasPrefix(e.Action.CAMEO, tc.code) && (tc.tgt == "" || strings.HasPrefix(tgtCode(e), tc.tgt)) {
						t.Errorf("%q: unwanted %s>%s:%s (%s)", tc.text, e.Source.Code, tgtCode(e), e.Action.CAMEO, e.Attribution.Modality)
					}
				}
			}
		})
	}
}

// codeWithParse codes sentence s with the default dictionaries and a
// hand-written parse of it.
func codeWithParse(t *testing.T, s string, deps []Dep) []event.Event {
	t.Helper()
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := *base
	c.SetParser(fakeParser{s: deps})
	return c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, text.Sentence{Text: s, End: len(s)})
}

func TestPassiveAgentNeedsBy(t *testing.T) {
	// "killed in riots" hung as the agent of a passive: no agent without
	// "by", unless the phrase names an attack, which carries its author
	for _, c := range []struct{ noun, want string }{{"riots", ""}, {"raids", "TUR"}} {
		s := "Five people were killed in Turkish " + c.noun + " near the border, state radio said."
		evs := codeWithParse(t, s, conll(s, "Five/NUM/2/nummod", "people/NOUN/4/nsubj:pass", "were/AUX/4/aux:pass", "killed/VERB/12/ccomp",
			"in/ADP/7/case", "Turkish/ADJ/7/amod", c.noun+"/NOUN/4/obl:agent", "near/ADP/10/case", "the/DET/10/det", "border/NOUN/4/obl", ",/PUNCT/12/punct",
			"state/NOUN/12/compound", "radio/NOUN/15/nsubj", "said/VERB/0/root", "./PUNCT/15/punct"))
		if c.want == "" {
			for _, e := range evs {
				if strings.HasPrefix(e.Source.Code, "TUR") {
					t.Errorf("killed in Turkish %s: source %s from an \"in\" phrase", c.noun, e.Source.Code)
				}
			}
		} else if len(evs) == 0 || !strings.HasPrefix(evs[0].Source.Code, c.want) {
			t.Errorf("killed in Turkish %s: want source %s, got %+v", c.noun, c.want, evs)
		}
	}
}

func TestSiblingSubjectsInOneMention(t *testing.T) {
	// a parser may give both nouns of "Iraqi aircraft including helicopter
	// gunships" the relation nsubj; they are one actor, not two members
	s := "Iraqi aircraft including helicopter gunships killed ten Kurdish villagers."
	evs := codeWithParse(t, s, conll(s, "Iraqi/ADJ/2/amod", "aircraft/NOUN/6/nsubj", "including/VERB/5/case", "helicopter/NOUN/5/compound",
		"gunships/NOUN/6/nsubj", "killed/VERB/0/root", "ten/NUM/9/nummod", "Kurdish/ADJ/9/amod", "villagers/NOUN/6/obj", "./PUNCT/6/punct"))
	if len(evs) == 0 || !strings.HasPrefix(evs[0].Source.Code, "IRQ") {
		t.Fatalf("no IRQ event: %+v", evs)
	}
	if n := len(evs[0].Source.Members); n > 1 {
		t.Errorf("source split into %d members: %+v", n, evs[0].Source.Members)
	}
}

func TestLostVerbFallsBackToShallowRules(t *testing.T) {
	// a parse that hangs an object from a noun, the verb between them read
	// as an adjective, has lost the verb: the shallow rules code instead
	s := "Kurdish guerrillas wounded three Turkish soldiers near the border, police said."
	evs := codeWithParse(t, s, conll(s, "Kurdish/ADJ/2/amod", "guerrillas/NOUN/12/ccomp", "wounded/ADJ/6/amod", "three/NUM/6/nummod",
		"Turkish/ADJ/6/amod", "soldiers/NOUN/2/obj", "near/ADP/9/case", "the/DET/9/det", "border/NOUN/6/nmod", ",/PUNCT/12/punct",
		"police/NOUN/12/nsubj", "said/VERB/0/root", "./PUNCT/12/punct"))
	if len(evs) == 0 || evs[0].Target == nil || evs[0].Target.Code != "TURMIL" || !strings.HasPrefix(evs[0].Action.CAMEO, "1") {
		t.Errorf("want an attack on TURMIL, got %+v", evs)
	}
}

func TestNounRootWithoutFiniteVerb(t *testing.T) {
	// a parse rooted in a noun with no finite verb anywhere has lost the
	// main verb ("plans" read as a noun): the shallow rules code instead
	s := "Hungary, like several other members, plans to impose restrictions on Romanian workers."
	evs := codeWithParse(t, s, conll(s, "Hungary/PROPN/6/vocative", ",/PUNCT/1/punct", "like/ADP/6/case", "several/ADJ/6/amod", "other/ADJ/6/amod",
		"members/NOUN/0/root", ",/PUNCT/8/punct", "plans/NOUN/6/conj", "to/PART/10/mark", "impose/VERB/8/acl", "restrictions/NOUN/10/obj",
		"on/ADP/14/case", "Romanian/ADJ/14/amod", "workers/NOUN/11/nmod", "./PUNCT/6/punct"))
	if len(evs) == 0 || evs[0].Source.Code != "HUN" {
		t.Errorf("want an event by HUN, got %+v", evs)
	}
}

func TestConjoinedTollIsNoSecondAttack(t *testing.T) {
	// "killing or wounding twenty": both participles are the toll of the
	// shelling, as "killing" alone is
	s := "Turkish troops shelled the camps, killing or wounding twenty civilians."
	deps := conll(s, "Turkish/ADJ/2/amod", "troops/NOUN/3/nsubj", "shelled/VERB/0/root", "the/DET/5/det", "camps/NOUN/3/obj", ",/PUNCT/7/punct",
		"killing/VERB/3/advcl", "or/CCONJ/9/cc", "wounding/VERB/7/conj", "twenty/NUM/11/nummod", "civilians/NOUN/7/obj", "./PUNCT/3/punct")
	deps[2].XPOS, deps[6].XPOS, deps[8].XPOS = "VBD", "VBG", "VBG"
	evs := codeWithParse(t, s, deps)
	if len(evs) != 1 || evs[0].Action.Text != "shelled" {
		var got []string
		for _, e := range evs {
			got = append(got, e.Action.Text+":"+e.Action.CAMEO)
		}
		t.Errorf("want the shelling alone, got %v", got)
	}
}

// TestConjoinedParticipleAfterNoun needs the parse: the shallow rules
// cannot tell "equipment seized" (a description) from "allies seized" (a
// deed).
func TestConjoinedParticipleAfterNoun(t *testing.T) {
	// a verb parsed as a conjunct, right after a noun and with no
	// conjunction, subject or auxiliary of its own, describes the noun
	parsed, _ := bothCoders(t)
	s := "Somali rebels said they will return weapons and military equipment seized last year from Kenyan peacekeepers."
	for _, e := range parsed.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, text.Sentence{Text: s, End: len(s)}) {
		if strings.HasPrefix(e.Action.CAMEO, "19") {
			t.Errorf("the seizure is background, got %s>%s:%s", e.Source.Code, tgtCode(e), e.Action.CAMEO)
		}
	}
}

func TestNoCoordinationAcrossACondition(t *testing.T) {
	// a parse that joins "Somalia" and "Ethiopia" across "if" as conjuncts
	// coordinates nothing: who "backs the rebels" is not both
	s := "Kenya warned Somalia if Ethiopia, which backs the rebels, attacked."
	evs := codeWithParse(t, s, conll(s, "Kenya/PROPN/2/nsubj", "warned/VERB/0/root", "Somalia/PROPN/2/obj", "if/SCONJ/5/mark",
		"Ethiopia/PROPN/3/conj", ",/PUNCT/8/punct", "which/PRON/8/nsubj", "backs/VERB/3/acl:relcl", "the/DET/10/det", "rebels/NOUN/8/obj",
		",/PUNCT/12/punct", "attacked/VERB/2/advcl", "./PUNCT/2/punct"))
	for _, e := range evs {
		if len(e.Source.Members) > 1 {
			t.Errorf("a compound across \"if\": %+v", e.Source.Members)
		}
	}
}

// TestParticipleSpellingOutTheSameAct needs the parse, which tells the
// participle clause from a verb of its own.
func TestParticipleSpellingOutTheSameAct(t *testing.T) {
	// ", accusing its neighbour of ..." spells out the condemnation: one
	// complaint, not two
	parsed, _ := bothCoders(t)
	s := "Greece condemned Turkey on Monday, accusing its neighbour of violating Greek airspace."
	var got []string
	for _, e := range parsed.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, text.Sentence{Text: s, End: len(s)}) {
		if strings.HasPrefix(e.Action.CAMEO, "11") {
			got = append(got, e.Action.Text+":"+e.Action.CAMEO)
		}
	}
	if len(got) != 1 {
		t.Errorf("want one complaint, got %v", got)
	}
}

// ruleCase is a sentence written for these tests, the event it must give
// and, when not, a reading it must not make (a code prefix, and a target
// prefix when only that target is wrong).
type ruleCase struct {
	want            featureCase
	notCode, notTgt string
}

func TestRules(t *testing.T) {
	cases := []ruleCase{
		// the CAMEO block of "demand" holds "press on" (fight on, 190): a
		// phrasal pattern written for one verb of a block does not code its
		// synonyms; a pattern with a content word does ("breach the
		// ceasefire", written for "breach", codes "violated the ceasefire")
		{featureCase{"Kenya demanded that Somalia end its curbs on food imports.", "KEN", "", "10", event.Statement, ""}, "19", ""},
		{featureCase{"Sudanese rebels violated the ceasefire near the border.", "SDNREB", "", "196", event.Asserted, ""}, "", ""},
		// what an "if"/"unless" clause supposes is not an event; the clause
		// it conditions still is
		{featureCase{"Ethiopia will attack Eritrea unless the Eritrean army withdraws its troops from the border.", "ETH", "ERI", "19", event.Hypothetical, ""}, "08", ""},
		{featureCase{"Kenya said it would expel Somali diplomats unless Somali militants released the hostages.", "KEN", "SOM", "", event.Hypothetical, ""}, "08", ""},
		// ", the news agency reported": the teller of the event, not its target
		{featureCase{"Afghan rebels blew up two bridges near the capital, the Pakistani news agency reported.", "AFGREB", "", "1", event.Reported, "Pakistani news agency"}, "", "PAK"},
		{featureCase{"Somali militants attacked a convoy on the main road, Kenyan police said.", "SOM", "", "1", event.Reported, "Kenyan police"}, "", "KEN"},
		// an actor spread over two modifiers of the subject noun: "Turkish"
		// and "army" both hang from "bulldozers"
		{featureCase{"Turkish army bulldozers destroyed Kurdish homes near the border on Monday.", "TURMIL", "", "17", event.Asserted, ""}, "", ""},
		// both infinitives of "promised to X and Y" are the promise's content
		{featureCase{"Ethiopia promised to release the Eritrean prisoners and restore diplomatic ties with Eritrea.", "ETH", "", "03", event.Statement, ""}, "05", "ERI"},
		// what a describing participle says of its noun is no deed: "talks
		// aimed at ending the war" end nothing yet
		{featureCase{"Ethiopian rebels joined a round of talks aimed at ending the border war with Eritrea.", "ETHREB", "", "04", event.Asserted, ""}, "087", ""},
		// a generic bombing yields to the more specific means the sentence
		// names: aircraft make an air strike
		{featureCase{"Israeli aircraft and missiles killed three Hamas militants in Gaza on Monday.", "ISRMIL", "", "195", event.Asserted, ""}, "183", ""},
		// the subject of a relative clause ("where Turkish police ...") is not
		// the object of the verb before it
		{featureCase{"Kurdish students demonstrated in Turkey, where Turkish police arrested fifty people last year.", "EDU", "", "141", event.Asserted, ""}, "141", "TURCOP"},
		// an agent named before "of" belongs to every conjoined country
		{featureCase{"The foreign ministers of France, Germany and Italy condemned Russia on Monday.", "ITAGOV", "RUS", "11", event.Statement, ""}, "", ""},
		// "their talks", "each other": the members of a compound subject act
		// on one another
		{featureCase{"Ethiopia and Eritrea have postponed their border talks.", "ERI", "ETH", "", event.Asserted, ""}, "", ""},
		{featureCase{"Ethiopia and Eritrea accused each other of violating the ceasefire.", "ERI", "ETH", "11", event.Statement, ""}, "", ""},
		// an aspect verb's infinitive happens: "continued to expel" expels
		{featureCase{"Kenya continued to expel Somali refugees last year.", "KEN", "SOMREF", "174", event.Asserted, ""}, "", ""},
		// a body meeting alone consults no one; two parties meeting do
		{featureCase{"The Kenyan cabinet met on Sunday.", "-", "", "", "", ""}, "", ""},
		{featureCase{"Kenyan and Somali officials met on Sunday.", "SOM", "KEN", "04", event.Asserted, ""}, "", ""},
		// a pattern naming only the subject ("&MILITARY *": the military
		// took over) spells its own verb's sense, not its synonyms'
		{featureCase{"The Kenyan army captured two Somali fishermen.", "KENMIL", "SOM", "17", event.Asserted, ""}, "192", ""},
		// a dictionary phrase ending in "and" ("arrest and") is one
		// without a gap: "arrested journalists and ..." is an arrest
		{featureCase{"Kenyan police arrested two journalists and expelled a Somali diplomat.", "KENCOP", "MED", "17", event.Asserted, ""}, "171", ""},
	}
	var want []featureCase
	var unwanted []absentCase
	for _, c := range cases {
		want = append(want, c.want)
		if c.notCode != "" || c.notTgt != "" {
			unwanted = append(unwanted, absentCase{c.want.text, c.notCode, c.notTgt})
		}
	}
	runFeature(t, want)
	runAbsent(t, unwanted)
}

func TestCompoundPatternElement(t *testing.T) {
	// "%" in a PETRARCH pattern stands for a compound actor: the validation
	// dictionaries code "A and B agree" as a mutual agreement and "agreed
	// with A and B" by the "with" pattern
	base, err := New("validate")
	if err != nil {
		t.Fatal(err)
	}
	cases := []featureCase{
		{"Gondor and Osgiliath agree that the mountain pass should be reopened.", "OSG", "GON", "030", event.Statement, ""},
		{"Arnor has agreed with Gondor and Osgiliath on a new border.", "ARN", "OSG", "031", event.Statement, ""},
	}
	t.Run("parsed", func(t *testing.T) { runFeatureWith(t, withParser(t, base), cases) })
	t.Run("shallow", func(t *testing.T) { runFeatureWith(t, base, cases) })
}

func TestOneActWithAndWithoutItsTarget(t *testing.T) {
	// "established ties with and opened an embassy in X": one act, coded once
	// with its target
	s := "Kenya has established diplomatic ties with and opened an embassy in Somalia, the ministry said."
	parsed, shallow := bothCoders(t)
	for _, c := range []*Coder{parsed, shallow} {
		evs := c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, text.Sentence{Text: s, End: len(s)})
		if len(evs) != 1 || evs[0].Target == nil || !strings.HasPrefix(evs[0].Target.Code, "SOM") {
			var got []string
			for _, e := range evs {
				got = append(got, e.Source.Code+">"+tgtCode(e)+":"+e.Action.CAMEO)
			}
			t.Errorf("want one KEN>SOM event, got %v", got)
		}
	}
}

func TestRegionalNameTakesItsOwnCountry(t *testing.T) {
	// the dictionary codes the Palestinian Islamic Jihad regionally
	// (MEAREB); the name itself says whose it is
	s := "The Palestinian Islamic Jihad rejected the truce on Monday."
	parsed, shallow := bothCoders(t)
	for _, c := range []*Coder{parsed, shallow} {
		evs := c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, text.Sentence{Text: s, End: len(s)})
		if len(evs) == 0 || evs[0].Source.Country != "PSE" {
			t.Errorf("want a source in PSE, got %+v", evs)
		}
	}
}

func TestPastTenseModifierIsAParticiple(t *testing.T) {
	// a verb tagged past tense that modifies a noun and has no subject of
	// its own is a passive participle: the noun suffered the act
	runAbsent(t, []absentCase{
		{"Two of the border guards killed near the river were Ugandan.", "19", ""},
		{"Three of the rebels arrested in the raid were Kenyan.", "17", ""},
	})
}

func TestSubjectedParticipleBeforeMainVerb(t *testing.T) {
	// a parse slip: the participle of a reduced relative hung as an
	// adverbial clause with the noun as its subject; the detained did not
	// detain
	s := "The four Kenyans detained in Uganda are charged with smuggling."
	deps := conll(s, "The/DET/3/det", "four/NUM/3/nummod", "Kenyans/PROPN/4/nsubj", "detained/VERB/8/advcl", "in/ADP/6/case",
		"Uganda/PROPN/4/obl", "are/AUX/8/aux:pass", "charged/VERB/0/root", "with/ADP/10/case", "smuggling/NOUN/8/obl", "./PUNCT/8/punct")
	deps[3].XPOS, deps[7].XPOS = "VBN", "VBN"
	for _, e := range codeWithParse(t, s, deps) {
		if e.Action.Text == "detained" {
			t.Errorf("unwanted %s>%s:%s", e.Source.Code, tgtCode(e), e.Action.CAMEO)
		}
	}
	// with a comma and a subject-less main verb of its own, the clause is
	// the sentence's first act
	s = "Police clashed with students, and shops were looted."
	deps = conll(s, "Police/NOUN/2/nsubj", "clashed/VERB/9/advcl", "with/ADP/4/case", "students/NOUN/2/obl", ",/PUNCT/9/punct",
		"and/CCONJ/9/cc", "shops/NOUN/9/nsubj:pass", "were/AUX/9/aux:pass", "looted/VERB/0/root", "./PUNCT/9/punct")
	deps[1].XPOS, deps[8].XPOS = "VBN", "VBN"
	deps[6].DepRel = "conj" // no subject on the main verb: only the comma keeps the clause
	found := false
	for _, e := range codeWithParse(t, s, deps) {
		found = found || e.Action.Text == "clashed"
	}
	if !found {
		t.Errorf("%q: want the clash", s)
	}
}

func TestLightVerbIdiomsAreNoActs(t *testing.T) {
	// "take" with the noun of a light-verb idiom is no seizure or
	// abduction; "reside"/"inhabit" are no occupation
	runAbsent(t, []absentCase{
		{"The Kenyan defence minister has taken the role of acting foreign minister.", "1", ""},
		{"Ugandan soldiers were taking a rest near the border when the rebels struck.", "17", ""},
		{"Ugandan soldiers were taking a rest near the border when the rebels struck.", "18", ""},
		{"Ugandan soldiers were taking a rest near the border when the rebels struck.", "192", ""},
		{"Kenyan police have taken video footage of the camp.", "17", ""},
		{"The clash, in which Kenyan soldiers took part, took place near Kampala.", "19", ""},
		{"Nearly two million Somali refugees reside in Kenya.", "19", ""},
		{"Ethnic Somalis inhabit the north of Kenya.", "19", ""},
	})
}

// parsedCheck codes each of unwanted with the parsed coder and fails on
// any event bad reports; then codes want and fails unless some event
// satisfies good.
func parsedCheck(t *testing.T, unwanted []string, bad func(event.Event) bool, want string, good func(event.Event) bool) {
	t.Helper()
	parsed, _ := bothCoders(t)
	ctx := Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}
	for _, s := range unwanted {
		for _, e := range parsed.Code(ctx, text.Sentence{Text: s, End: len(s)}) {
			if bad(e) {
				t.Errorf("%q: unwanted %s>%s:%s", s, e.Source.Code, tgtCode(e), e.Action.CAMEO)
			}
		}
	}
	found := false
	for _, e := range parsed.Code(ctx, text.Sentence{Text: want, End: len(want)}) {
		found = found || good(e)
	}
	if !found {
		t.Errorf("%q: wanted event not coded", want)
	}
}

func TestNamingIsNoCall(t *testing.T) {
	// "call X a Y", "call X ADJ", "call itself X" name or describe X: no
	// telephone call (041) to anyone; a plain "called X" still is one
	isCall := func(e event.Event) bool { return strings.HasPrefix(e.Action.CAMEO, "04") }
	parsedCheck(t, []string{
		"Kenya called Uganda a reliable partner in the fight against piracy.",
		"Ethiopia called the Eritrean offer generous.",
		"The Ugandan government called the Kenyan decision a grave mistake.",
		"Rebels calling themselves the Lions of Gondor attacked a Kenyan convoy.",
	}, isCall, "The Kenyan president called the Ugandan president after the attack.", isCall)
}

func TestSaidContentIsNoAddressee(t *testing.T) {
	// the parser may hang the subject of what was said as the object of
	// "said"; a plain statement's object is its content, not its addressee
	parsedCheck(t, []string{
		"Kenya said Uganda's new border posts were a provocation.",
		"Ethiopia announced Eritrea's withdrawal from the talks.",
	}, func(e event.Event) bool { return e.Action.CAMEO == "010" && e.Target != nil },
		"Kenya told Uganda that the border would stay open.",
		func(e event.Event) bool {
			return strings.HasPrefix(e.Action.CAMEO, "01") && strings.HasPrefix(tgtCode(e), "UGA")
		})
}
