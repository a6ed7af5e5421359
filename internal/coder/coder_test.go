package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// TestSampleArticle is the acceptance case: the four events of
// ../shared/samples/EXPECTED.md, with their modality, and neither non-event.
func TestSampleArticle(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	evs := codeBody(t, c, sampleBody(t), time.Date(2018, 7, 17, 0, 0, 0, 0, time.UTC))
	find := func(src, tgt, codePrefix string) *event.Event {
		for i := range evs {
			e := &evs[i]
			if !hasCode(e.Source, src) || e.Target == nil || !hasCode(*e.Target, tgt) {
				continue
			}
			if strings.HasPrefix(e.Action.CAMEO, codePrefix) {
				return e
			}
		}
		return nil
	}
	cases := []struct {
		name          string
		src, tgt, cam string
		modality      event.Modality
		attributed    string
	}{
		{"SAA and allies seize territory from HTS and FSA", "SYRMIL", "SYRREB", "192", event.Asserted, ""},
		{"FSA units request ceasefire from the Syrian-led alliance", "SYRREB", "SYR", "02", event.Reported, "reports"},
		{"Trump meets Putin", "USAGOV", "RUSGOV", "04", event.Asserted, ""},
		{"SDF enters IS-held Hajin", "SYRREB", "IMGMUSISI", "19", event.Reported, "pro-Kurdish sources"},
	}
	for _, tc := range cases {
		e := find(tc.src, tc.tgt, tc.cam)
		if e == nil {
			t.Errorf("%s: no %s -> %s %s* event", tc.name, tc.src, tc.tgt, tc.cam)
			continue
		}
		if e.Attribution.Modality != tc.modality {
			t.Errorf("%s: modality %s, want %s", tc.name, e.Attribution.Modality, tc.modality)
		}
		if tc.attributed != "" && !strings.Contains(e.Attribution.Source, tc.attributed) {
			t.Errorf("%s: attributed to %q, want %q", tc.name, e.Attribution.Source, tc.attributed)
		}
		if e.Action.Span.Text == "" || e.SentenceSpan.Text == "" {
			t.Errorf("%s: missing spans", tc.name)
		}
	}
	if e := find("SYRMIL", "SYRREB", "192"); e != nil {
		if e.Action.Lemma != "liberate" || e.Action.ACLEDSubType != "Government regains territory" {
			t.Errorf("seizure: lemma %q ACLED %q", e.Action.Lemma, e.Action.ACLEDSubType)
		}
		if !strings.Contains(e.Source.Text, "its allies") || !strings.Contains(e.Target.Text, "Free Syrian Army") {
			t.Errorf("seizure: source %q target %q", e.Source.Text, e.Target.Text)
		}
	}
	// The non-events: nothing emitted by default from the Nawa sentence
	// (hypothetical) or the reconciliation sentence (negated).
	body := sampleBody(t)
	for _, s := range text.Split(body) {
		if !strings.Contains(s.Text, "Once it falls") && !strings.Contains(s.Text, "has not yet been reached") {
			continue
		}
		for _, e := range c.Code(Context{Published: time.Date(2018, 7, 17, 0, 0, 0, 0, time.UTC)}, s) {
			if e.Attribution.Modality.Emitted() {
				t.Errorf("non-event emitted from %q: %s %s", s.Text, e.Action.Text, e.Attribution.Modality)
			}
		}
	}
	// spans point into the body
	for _, e := range evs {
		r := []rune(body)
		sp := e.Action.Span
		if sp.End > len(r) || string(r[sp.Start:sp.End]) != sp.Text {
			t.Errorf("action span %+v does not match the body", sp)
		}
	}
}

func hasCode(a event.Actor, code string) bool {
	if strings.HasPrefix(a.Code, code) {
		return true
	}
	for _, m := range a.Members {
		if strings.HasPrefix(m.Code, code) {
			return true
		}
	}
	return false
}
