package coder

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// sampleBody returns the ten body paragraphs of the sample article.
func sampleBody(t testing.TB) string {
	raw, err := os.ReadFile("testdata/globalresearch-2018-07-18-southern-syria.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	from := strings.Index(s, "The Syrian Arab Army (SAA)")
	to := strings.Index(s, "Clashes are ongoing.")
	if from < 0 || to < 0 {
		t.Fatal("sample body not found")
	}
	return s[from : to+len("Clashes are ongoing.")]
}

func codeBody(t testing.TB, c *Coder, body string, published time.Time) []event.Event {
	ctx := Context{Published: published, Memory: &Memory{}}
	var out []event.Event
	for _, s := range text.Split(body) {
		out = append(out, c.Code(ctx, s)...)
	}
	return out
}

func TestSampleDump(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	evs := codeBody(t, c, sampleBody(t), time.Date(2018, 7, 17, 0, 0, 0, 0, time.UTC))
	for _, e := range evs {
		b, _ := json.Marshal(struct {
			S, T, V, C, M, A string
		}{e.Source.Text + "=" + e.Source.Code, tgt(e), e.Action.Text, e.Action.CAMEO, string(e.Attribution.Modality), e.Attribution.Source})
		t.Log(string(b))
	}
}

func tgt(e event.Event) string {
	if e.Target == nil {
		return ""
	}
	return e.Target.Text + "=" + e.Target.Code
}

func TestDebugSentence(t *testing.T) {
	sent := os.Getenv("SENT")
	if sent == "" {
		t.Skip("set SENT")
	}
	set := os.Getenv("SET")
	if set == "" {
		set = "phoenix"
	}
	c, err := New(set)
	if err != nil {
		t.Fatal(err)
	}
	s := text.Sentence{Text: sent, End: len(sent)}
	a := c.analyse(Context{Published: time.Date(2018, 7, 17, 0, 0, 0, 0, time.UTC)}, s)
	for _, m := range a.ms {
		t.Logf("mention %q %s %s %d", a.tokSpan(m.Start, m.End).Text, m.Code, m.Country, m.Kind)
	}
	for _, v := range a.verbs {
		t.Logf("verb %q block=%s code=%s aux=%d passive=%v", a.tokSpan(v.i, v.j).Text, v.v.block, v.code, v.auxStart, v.passive)
	}
	for _, e := range a.events() {
		t.Logf("EVENT %s -> %s : %s %s %s", e.Source.Text+"="+e.Source.Code, tgt(e), e.Action.Text, e.Action.CAMEO, e.Attribution.Modality)
	}
}
