package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/syntax"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// featureCase is one sentence written for these tests (not taken from any
// evaluation set) and the event expected from it.
type featureCase struct {
	text     string
	src, tgt string // code prefixes; tgt "" = no target expected; "-" = no event at all
	code     string // CAMEO prefix
	modality event.Modality
	attr     string // substring of the attributed source
}

// runFeature codes each case twice, as the pipeline does (roles from the
// dependency parser) and by the shallow rules alone (the fallback for a
// sentence that does not parse): both must get it right.
func runFeature(t *testing.T, cases []featureCase) {
	t.Helper()
	parsed, base := bothCoders(t)
	t.Run("parsed", func(t *testing.T) { runFeatureWith(t, parsed, cases) })
	t.Run("shallow", func(t *testing.T) { runFeatureWith(t, base, cases) })
}

// bothCoders returns the default coder with the dependency parser and
// without it (the shallow rules alone).
func bothCoders(t testing.TB) (parsed, shallow *Coder) {
	t.Helper()
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return withParser(t, base), base
}

// withParser returns a copy of coder base that parses with internal/syntax.
func withParser(t testing.TB, base *Coder) *Coder {
	t.Helper()
	p, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	withParse := *base
	withParse.SetParser(syntaxParser{p})
	return &withParse
}

// syntaxParser feeds the coder from internal/syntax, as the pipeline's
// adapter does.
type syntaxParser struct{ p *syntax.Parser }

func (s syntaxParser) Parse(sentence string) []Dep {
	toks := s.p.Parse(sentence)
	deps := make([]Dep, len(toks))
	for i, t := range toks {
		deps[i] = Dep{Form: t.Form, Start: t.Start, End: t.End, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Head: t.Head, DepRel: t.DepRel}
	}
	return deps
}

func runFeatureWith(t *testing.T, c *Coder, cases []featureCase) {
	t.Helper()
	for _, tc := range cases {
		s := text.Sentence{Text: tc.text, End: len(tc.text), CharEnd: len([]rune(tc.text))}
		evs := c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, s)
		if tc.src == "-" {
			for _, e := range evs {
				if e.Attribution.Modality.Emitted() {
					t.Errorf("%q: want no emitted event, got %s %s %s (%s)", tc.text, e.Source.Code, e.Action.CAMEO, tgtCode(e), e.Attribution.Modality)
				}
			}
			continue
		}
		var found *event.Event
		for i := range evs {
			e := &evs[i]
			if hasCode(e.Source, tc.src) && strings.HasPrefix(e.Action.CAMEO, tc.code) && (tc.tgt == "" || e.Target != nil && hasCode(*e.Target, tc.tgt)) {
				found = e
				break
			}
		}
		if found == nil {
			var got []string
			for _, e := range evs {
				got = append(got, e.Source.Code+">"+tgtCode(e)+":"+e.Action.CAMEO+"/"+string(e.Attribution.Modality))
			}
			t.Errorf("%q: no %s>%s:%s* event; got %v", tc.text, tc.src, tc.tgt, tc.code, got)
			continue
		}
		if found.Attribution.Modality != tc.modality {
			t.Errorf("%q: modality %s, want %s", tc.text, found.Attribution.Modality, tc.modality)
		}
		if tc.attr != "" && !strings.Contains(found.Attribution.Source, tc.attr) {
			t.Errorf("%q: attributed to %q, want %q", tc.text, found.Attribution.Source, tc.attr)
		}
	}
}

func tgtCode(e event.Event) string {
	if e.Target == nil {
		return ""
	}
	return e.Target.Code
}

func TestActiveVoice(t *testing.T) {
	runFeature(t, []featureCase{
		{"Turkish troops shelled Kurdish fighters near the border on Sunday.", "TURMIL", "", "19", event.Asserted, ""},
		{"Kenyan police arrested twelve Somali smugglers in Mombasa.", "KENCOP", "SOM", "17", event.Asserted, ""},
		{"Germany condemned Russia over the poisoning.", "DEU", "RUS", "11", event.Statement, ""},
	})
}

func TestPassiveVoice(t *testing.T) {
	runFeature(t, []featureCase{
		{"A police convoy was ambushed by Taliban insurgents outside Kandahar.", "AFGREB", "", "1", event.Asserted, ""},
		{"Three Pakistani diplomats were expelled by India on Tuesday.", "IND", "PAKGOV", "", event.Asserted, ""},
	})
}

func TestCompoundActors(t *testing.T) {
	runFeature(t, []featureCase{
		{"Russia and China held talks with Iran in Beijing.", "RUS", "IRN", "04", event.Asserted, ""},
		{"Russia and China held talks with Iran in Beijing.", "CHN", "IRN", "04", event.Asserted, ""},
		{"Egyptian and Sudanese officials met in Cairo on Thursday.", "EGY", "SDN", "04", event.Asserted, ""},
		{"The Iraqi army and its militia allies recaptured the town from Islamic State fighters.", "IRQMIL", "IMGMUSISI", "192", event.Asserted, ""},
	})
}

func TestNegation(t *testing.T) {
	runFeature(t, []featureCase{
		{"Israel did not attack Gaza overnight, the army said.", "-", "", "", "", ""},
		{"Ethiopia has never recognised the border ruling.", "-", "", "", "", ""},
		{"A ceasefire between the rebels and the government has not been agreed.", "-", "", "", "", ""},
	})
}

func TestHedgesAndReports(t *testing.T) {
	runFeature(t, []featureCase{
		{"According to local officials, Turkish troops shelled Kurdish fighters.", "TURMIL", "", "19", event.Reported, "local officials"},
		{"Saudi jets reportedly bombed Houthi positions near Sanaa.", "SAU", "YEMREB", "19", event.Reported, ""},
		{"Witnesses said that Sudanese soldiers attacked the protesters.", "SDNMIL", "", "", event.Reported, "Witnesses"},
		{"Venezuela arrested two opposition leaders, state television reported.", "VEN", "", "17", event.Reported, "state television"},
	})
}

func TestHypotheticals(t *testing.T) {
	runFeature(t, []featureCase{
		{"If the talks fail, Ethiopia will attack Eritrea.", "-", "", "", "", ""},
		{"Once the deadline passes, Turkish forces could enter Syria.", "-", "", "", "", ""},
		{"Pakistan plans to expel Afghan refugees next year.", "PAK", "", "03", event.Statement, ""},
		{"If the talks fail, Ethiopia will attack Eritrea.", "ETH", "ERI", "", event.Hypothetical, ""},
	})
}

func TestLoadedWording(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := "Syrian troops liberated the village from Nusra Front militants."
	evs := c.Code(Context{Published: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)}, text.Sentence{Text: s, End: len(s), CharEnd: len(s)})
	if len(evs) == 0 || evs[0].Action.CAMEO != "192" || evs[0].Action.Text != "liberated" || evs[0].Action.Lemma != "liberate" {
		t.Fatalf("liberated: got %+v", evs)
	}
	if evs[0].Target == nil || evs[0].Target.Code != "SYRREBMUS" {
		t.Errorf("target of a seizure is the 'from' actor: %+v", evs[0].Target)
	}
}

func TestAcronymsAndAnaphora(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := Context{Published: time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC), Memory: &Memory{}}
	var got []string
	body := "The Zorvanian Liberation Army (ZLA) clashed with Turkish troops. Later the ZLA attacked Iraqi police in Mosul. The ISIS-held village of Badush was shelled. Iraqi troops then entered the village."
	for _, s := range text.Split(body) {
		for _, e := range c.Code(ctx, s) {
			got = append(got, e.Source.Code+">"+tgtCode(e)+":"+e.Action.CAMEO)
		}
	}
	t.Logf("events: %v", got)
	has := func(p string) bool {
		for _, g := range got {
			if strings.HasPrefix(g, p) {
				return true
			}
		}
		return false
	}
	if !has("REB>TURMIL:") {
		t.Errorf("first sentence: want REB>TURMIL, got %v", got)
	}
	if !has("REB>IRQCOP:") {
		t.Errorf("acronym ZLA not resolved: %v", got)
	}
	if !has("IRQMIL>IMGMUSISI:19") {
		t.Errorf("'the village' not resolved to its holder: %v", got)
	}
}

func TestCoordinationAndPronouns(t *testing.T) {
	runFeature(t, []featureCase{
		// two verbs sharing one object
		{"Gunmen shot and wounded two Kenyan policemen near the border.", "UAF", "KENCOP", "1", event.Asserted, ""},
		// a participle clause keeps the subject of the main verb
		{"Nigerian troops raided the camp, arresting three Boko Haram commanders.", "NGAMIL", "NGAREB", "17", event.Asserted, ""},
		// "X said it would ...": the pronoun is the sayer
		{"Iran said it would expel two British diplomats.", "IRN", "GBRGOV", "", event.Hypothetical, ""},
	})
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := Context{Published: time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC), Memory: &Memory{}}
	var last []event.Event
	for _, s := range text.Split("Egyptian President Abdel Fattah al-Sisi met Sudanese officials in Cairo. He said that Ethiopia had rejected the proposal.") {
		last = c.Code(ctx, s)
	}
	if len(last) == 0 || last[0].Attribution.Modality != event.Reported || !strings.Contains(last[0].Attribution.Source, "Sisi") {
		t.Errorf("'He said' in the next sentence: %+v", last)
	}
}

func TestReducedPassiveAndNouns(t *testing.T) {
	runFeature(t, []featureCase{
		// a participle with "by" after a comma is passive: the agent acts
		{"Somalia, attacked by Ethiopian troops last year, has complained to the United Nations.", "ETHMIL", "SOM", "", event.Asserted, ""},
		// "-s" words after a common noun are nouns, not verbs
		{"Iran said that police scans of the crowd found no weapons.", "-", "", "", "", ""},
	})
}

func TestAgentlessAttacks(t *testing.T) {
	runFeature(t, []featureCase{
		// the victims are named, the attacker is not: still an attack
		{"Four soldiers were killed in a roadside bombing outside Kandahar on Tuesday.", "UAF", "MIL", "1833", event.Asserted, ""},
		{"A car bomb killed nine civilians at a crowded market.", "UAF", "CVL", "1832", event.Asserted, ""},
		// no harm, no attacker: nothing to code
		{"The wounded were taken to a hospital in the city.", "-", "", "", "", ""},
	})
}

func TestWeaponsAndACLEDTypes(t *testing.T) {
	runFeature(t, []featureCase{
		{"A suicide bomber killed 14 worshippers at a mosque.", "", "", "1831", event.Asserted, ""},
		{"Rebel gunmen killed three policemen at a checkpoint.", "", "COP", "193", event.Asserted, ""},
		{"Government jets killed four fighters in an air strike near the river.", "", "", "195", event.Asserted, ""},
	})
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, acledType, acledSub string }{
		{"Government troops killed five villagers during a raid.", "Violence against civilians", "Attack"},
		{"A car bomb killed nine civilians at a crowded market.", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"Rebel gunmen killed three policemen at a checkpoint.", "Battles", "Armed clash"},
		{"Government forces recaptured the town from the rebels.", "Battles", "Government regains territory"},
	} {
		s := text.Sentence{Text: tc.text, End: len(tc.text), CharEnd: len([]rune(tc.text))}
		evs := c.Code(Context{Published: time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)}, s)
		if len(evs) == 0 {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		if a := evs[0].Action; a.ACLEDType != tc.acledType || a.ACLEDSubType != tc.acledSub {
			t.Errorf("%q: ACLED %q / %q, want %q / %q", tc.text, a.ACLEDType, a.ACLEDSubType, tc.acledType, tc.acledSub)
		}
	}
}

// TestAllegations needs the parse: the shallow rules cannot tell whose act
// an accusation names.
func TestAllegations(t *testing.T) {
	parsed, _ := bothCoders(t)
	runFeatureWith(t, parsed, []featureCase{
		// the accused act is only alleged, and the accused does it
		{"Iran accused the Romanian crew of hijacking a tanker.", "ROU", "", "17", event.Reported, "Iran"},
		{"Kenya accused Somali militants of attacking the border post.", "SOM", "", "19", event.Reported, "Kenya"},
	})
}

func TestProtestsFuturesAndExplosions(t *testing.T) {
	runFeature(t, []featureCase{
		// protesters gathering is a demonstration
		{"Protesters gathered outside the parliament in Nairobi.", "OPP", "", "141", event.Asserted, ""},
		// "be going to" is a future: the event is the verb after it
		{"The rebels are not going to attack the base.", "REB", "", "19", event.Negated, ""},
		// a bomb going off is an event though no one is named
		{"A bomb exploded near the market.", "UAF", "", "183", event.Asserted, ""},
	})
}
