package syntax

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func mustDefault(t testing.TB) *Parser {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatalf("embedded model: %v", err)
	}
	return p
}

// TestParseRelations checks the analyses the event coder relies on.
func TestParseRelations(t *testing.T) {
	p := mustDefault(t)
	tests := []struct {
		sentence string
		want     []string // "dependent relation head" triples that must appear
	}{
		{"Rebels seized the town on Monday.", []string{"Rebels nsubj seized", "town obj seized", "Monday obl seized"}},
		{"The town was captured by government forces.", []string{"town nsubj:pass captured", "forces obl:agent captured", "was aux:pass captured"}},
		{"Israeli troops withdrew from the village.", []string{"troops nsubj withdrew", "village obl withdrew", "from case village"}},
		{"Police arrested two men and a woman.", []string{"Police nsubj arrested", "men obj arrested", "woman conj men"}},
		{"The president met the prime minister in Paris.", []string{"president nsubj met", "minister obj met", "Paris obl met"}},
	}
	for _, tc := range tests {
		toks := p.Parse(tc.sentence)
		got := map[string]bool{}
		for _, tk := range toks {
			head := "ROOT"
			if tk.Head > 0 {
				head = toks[tk.Head-1].Form
			}
			got[tk.Form+" "+tk.DepRel+" "+head] = true
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%q: missing %q\n%s", tc.sentence, w, conllu(toks))
			}
		}
	}
}

// TestParseTags spot-checks tags and lemmas.
func TestParseTags(t *testing.T) {
	p := mustDefault(t)
	toks := p.Parse("Soldiers didn't fire on the protesters, officials said.")
	want := []struct{ form, upos, xpos, lemma string }{
		{"Soldiers", "NOUN", "NNS", "soldier"}, {"did", "AUX", "VBD", "do"}, {"n't", "PART", "RB", "not"},
		{"fire", "VERB", "VB", "fire"}, {"on", "ADP", "IN", "on"}, {"the", "DET", "DT", "the"},
		{"protesters", "NOUN", "NNS", "protester"}, {",", "PUNCT", ",", ","}, {"officials", "NOUN", "NNS", "official"},
		{"said", "VERB", "VBD", "say"}, {".", "PUNCT", ".", "."},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d:\n%s", len(toks), len(want), conllu(toks))
	}
	for i, w := range want {
		tk := toks[i]
		if tk.Form != w.form || tk.UPOS != w.upos || tk.XPOS != w.xpos || tk.Lemma != w.lemma {
			t.Errorf("token %d: got %s/%s/%s/%s, want %s/%s/%s/%s", i, tk.Form, tk.UPOS, tk.XPOS, tk.Lemma, w.form, w.upos, w.xpos, w.lemma)
		}
	}
}

func conllu(toks []Token) string {
	var b bytes.Buffer
	WriteCoNLLU(&b, Sentence{Words: toks})
	return b.String()
}

// checkTree verifies the invariants every analysis keeps: offsets that slice
// the sentence to the form, heads in range, exactly one root and no cycle.
func checkTree(t *testing.T, sentence string, toks []Token) {
	t.Helper()
	roots := 0
	for i, tk := range toks {
		if tk.Start < 0 || tk.End > len(sentence) || tk.Start >= tk.End || sentence[tk.Start:tk.End] != tk.Form {
			t.Fatalf("token %d %q: offsets [%d,%d) do not slice the sentence", i, tk.Form, tk.Start, tk.End)
		}
		if i > 0 && tk.Start < toks[i-1].End {
			t.Fatalf("token %d overlaps the previous one", i)
		}
		if tk.Head < 0 || tk.Head > len(toks) || tk.Head == i+1 {
			t.Fatalf("token %d: head %d out of range", i, tk.Head)
		}
		if tk.Head == 0 {
			roots++
			if tk.DepRel != "root" {
				t.Fatalf("root token %d labelled %q", i, tk.DepRel)
			}
		} else if tk.DepRel == "root" || tk.DepRel == "" {
			t.Fatalf("token %d: relation %q under head %d", i, tk.DepRel, tk.Head)
		}
		if tk.UPOS == "" || tk.XPOS == "" || tk.Lemma == "" {
			t.Fatalf("token %d: empty tag or lemma %+v", i, tk)
		}
		h, steps := tk.Head, 0
		for h != 0 {
			h = toks[h-1].Head
			if steps++; steps > len(toks) {
				t.Fatalf("token %d: cycle", i)
			}
		}
	}
	if len(toks) > 0 && roots != 1 {
		t.Fatalf("%d roots", roots)
	}
}

func TestParseInvariants(t *testing.T) {
	p := mustDefault(t)
	long := strings.Repeat("The army said that rebels attacked the base near the river, ", 200) // 2,200 words
	tests := []struct {
		name, sentence string
		wantNil        bool
	}{
		{"empty", "", true},
		{"spaces", " \t\n ", true},
		{"control only", "\x00\x01\x1b", true},
		{"one word", "Yes", false},
		{"punctuation", "?!...", false},
		{"news", "Syrian government forces on Tuesday recaptured the town of Busra al-Harir, state media said.", false},
		{"long", long, false},
		{"non-English", "Вооружённые силы России заявили, что 北京 是 中国 的 首都。", false},
		{"invalid UTF-8", "Rebels \xff\xfe seized \xc3 the town.", false},
		{"control chars", "Rebels\x00seized\x07the\x1btown.", false},
		{"huge word", strings.Repeat("x", 100000), false},
		{"too many words", strings.Repeat("a ", MaxWords+1), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := p.Parse(tc.sentence)
			if tc.wantNil {
				if toks != nil {
					t.Fatalf("got %d tokens, want nil", len(toks))
				}
				return
			}
			if len(toks) == 0 {
				t.Fatal("no tokens")
			}
			checkTree(t, tc.sentence, toks)
		})
	}
}

// TestConcurrentParse runs the shared model from many goroutines; the
// results must equal the sequential ones (run with -race to check more).
func TestConcurrentParse(t *testing.T) {
	p := mustDefault(t)
	sents := []string{
		"Rebels seized the town on Monday.",
		"The town was captured by government forces after heavy fighting.",
		"Officials said at least 12 people were killed in the attack, which nobody claimed.",
		strings.Repeat("Troops advanced and the rebels retreated; ", 80),
	}
	want := make([][]Token, len(sents))
	for i, s := range sents {
		want[i] = p.Parse(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				for i, s := range sents {
					if got := p.Parse(s); !reflect.DeepEqual(got, want[i]) {
						errs <- fmt.Sprintf("goroutine result differs for %q", s)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestCoNLLURoundTrip(t *testing.T) {
	in := "# sent_id = 1\n# text = Rebels seized it.\n" +
		"1\tRebels\trebel\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n" +
		"2\tseized\tseize\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3-4\tit.\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\tSpaceAfter=No\n" +
		"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	s, err := ReadCoNLLU(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 1 || len(s[0].Words) != 4 || s[0].Words[2].SpaceAfter || s[0].Words[0].Head != 2 {
		t.Fatalf("read %+v", s)
	}
	var b bytes.Buffer
	if err := WriteCoNLLU(&b, s[0]); err != nil {
		t.Fatal(err)
	}
	again, err := ReadCoNLLU(&b)
	if err != nil || !reflect.DeepEqual(again, s) {
		t.Fatalf("round trip changed the sentence: %v\n%+v\n%+v", err, again, s)
	}
	for _, bad := range []string{"1\tonly\tthree\n", "2\tx\tx\tX\tX\t_\t0\troot\t_\t_\n", "1\tx\tx\tX\tX\t_\tq\troot\t_\t_\n"} {
		if _, err := ReadCoNLLU(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadCoNLLU(%q) accepted a malformed line", bad)
		}
	}
}

// TestTrainSmallSlice trains on a slice of EWT and checks that the trainer
// still learns: accuracy on a slice of dev must clear floors that an
// untrained or broken trainer cannot.
func TestTrainSmallSlice(t *testing.T) {
	train := readShared(t, "en_ewt-ud-train.conllu")[:1200]
	dev := readShared(t, "en_ewt-ud-dev.conllu")[:400]
	p, err := Train(train, TrainOptions{TaggerEpochs: 4, ParserEpochs: 4, Folds: 2, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(p, dev)
	t.Logf("1,200 training sentences: UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f", sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS)
	floors := []struct {
		name       string
		got, floor float64
	}{{"UPOS", sc.UPOS, 90}, {"XPOS", sc.XPOS, 88}, {"lemma", sc.Lemma, 94}, {"UAS", sc.UAS, 72}, {"LAS", sc.LAS, 65}}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s %.2f below the floor of %.0f", f.name, f.got, f.floor)
		}
	}
	// Saving and loading keeps every analysis.
	var b bytes.Buffer
	if err := p.Save(&b); err != nil {
		t.Fatal(err)
	}
	q, err := Load(&b)
	if err != nil {
		t.Fatal(err)
	}
	if sc2 := Evaluate(q, dev); sc2.LAS != sc.LAS || sc2.UPOS != sc.UPOS || sc2.Lemma != sc.Lemma {
		t.Errorf("reloaded model scores differently: %+v vs %+v", sc2, sc)
	}
	// Training is deterministic.
	p2, err := Train(train[:300], TrainOptions{TaggerEpochs: 2, ParserEpochs: 2, Folds: 2, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	p3, _ := Train(train[:300], TrainOptions{TaggerEpochs: 2, ParserEpochs: 2, Folds: 2, Seed: 7})
	var b2, b3 bytes.Buffer
	p2.Save(&b2)
	p3.Save(&b3)
	if !bytes.Equal(b2.Bytes(), b3.Bytes()) {
		t.Error("two trainings with the same seed wrote different models")
	}
}

// TestShippedModelDev guards the embedded model: its dev scores must stay
// near those reported in README.md.
func TestShippedModelDev(t *testing.T) {
	dev := readShared(t, "en_ewt-ud-dev.conllu")
	sc := Evaluate(mustDefault(t), dev)
	t.Logf("EWT dev: UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f", sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS)
	if sc.UPOS < 94.5 || sc.UAS < 84 || sc.LAS < 80.5 || sc.Lemma < 96 {
		t.Errorf("shipped model below its floors on dev: %+v", sc)
	}
}
