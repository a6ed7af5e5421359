package syntax

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"", ""},
		{"Rebels seized the town.", "Rebels|seized|the|town|."},
		{"I don't know, he said.", "I|do|n't|know|,|he|said|."},
		{"Iran's army can't win; it cannot.", "Iran|'s|army|ca|n't|win|;|it|can|not|."},
		{"The U.S. and Mr. Smith met in Washington.", "The|U.S.|and|Mr.|Smith|met|in|Washington|."},
		{"Prices rose 3.5% to $1,000.50 at 10:30.", "Prices|rose|3.5|%|to|$|1,000.50|at|10:30|."},
		{"Al-Zaman reported (quoting officials) that \"it's over\".", "Al|-|Zaman|reported|(|quoting|officials|)|that|\"|it|'s|over|\"|."},
		{"See http://example.org/a-b, or mail a.b@example.org.", "See|http://example.org/a-b|,|or|mail|a.b@example.org|."},
		{"A non-violent e-mail from a well-known pre-war figure", "A|non-violent|e-mail|from|a|well|-|known|pre-war|figure"},
		{"Call 713-853-3989 for pages 10-15...", "Call|713-853-3989|for|pages|10|-|15|..."},
		{"Wait!!! Really?! Yes -- no.", "Wait|!!!|Really|?|!|Yes|--|no|."},
		{"the soldiers' guns", "the|soldiers|'|guns"},
		{"“Quoted,” she said’s", "“|Quoted|,|”|she|said|’s"},
		{"tab\there\x00nul\x1bctl", "tab|here|nul|ctl"},
		{"bad\xffbyte ok", "bad\xffbyte|ok"},
		{"Москва заявила, что", "Москва|заявила|,|что"},
		{"I'm gonna go", "I|'m|gon|na|go"},
	}
	for _, tc := range tests {
		var got []string
		for _, sp := range Tokenize(tc.in) {
			got = append(got, tc.in[sp.Start:sp.End])
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, g, tc.want)
		}
	}
}

// TestTokenizeEWT measures tokenization against the dev treebank's raw text.
func TestTokenizeEWT(t *testing.T) {
	sents := readShared(t, "en_ewt-ud-dev.conllu")
	var gold, pred, correct int
	for _, s := range sents {
		spans, ok := goldSpans(s)
		if !ok {
			continue
		}
		want := map[Span]bool{}
		for _, sp := range spans {
			want[sp] = true
		}
		got := Tokenize(s.Text)
		gold += len(spans)
		pred += len(got)
		for _, sp := range got {
			if want[sp] {
				correct++
			}
		}
	}
	p, r := float64(correct)/float64(pred), float64(correct)/float64(gold)
	f1 := 200 * p * r / (p + r)
	t.Logf("EWT dev word tokenization: precision %.2f recall %.2f F1 %.2f (%d words)", 100*p, 100*r, f1, gold)
	if f1 < 97 {
		t.Errorf("tokenization F1 %.2f below the floor of 97", f1)
	}
}

// goldSpans aligns the gold words of s with its text.
func goldSpans(s Sentence) ([]Span, bool) {
	var out []Span
	at := 0
	for _, w := range s.Words {
		for at < len(s.Text) && s.Text[at] == ' ' {
			at++
		}
		if !strings.HasPrefix(s.Text[at:], w.Form) {
			return nil, false
		}
		out = append(out, Span{at, at + len(w.Form)})
		at += len(w.Form)
	}
	return out, true
}
