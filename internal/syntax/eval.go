package syntax

import (
	"sort"
	"strings"
	"time"
)

// Scores are accuracies in percent on gold tokenization. LAS compares the
// full relation with its subtype ("nsubj:pass"); LASUniversal only the part
// before the colon, as the CoNLL 2018 shared task scored it.
type Scores struct {
	Sentences          int                 `json:"sentences"`
	Words              int                 `json:"words"`
	UPOS               float64             `json:"upos"`
	XPOS               float64             `json:"xpos"`
	UFeats             float64             `json:"ufeats"`
	Lemma              float64             `json:"lemma"`
	UAS                float64             `json:"uas"`
	LAS                float64             `json:"las"`
	LASUniversal       float64             `json:"las_universal"`
	SentencesPerSecond float64             `json:"sentences_per_second"`
	Relations          map[string]RelScore `json:"relations"`
}

// RelScore scores one relation: LAS is the share of gold words with this
// relation whose head and relation are both right (recall); Precision the
// share of predicted ones that are right.
type RelScore struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	LAS       float64 `json:"las"`
	Precision float64 `json:"precision"`
	F1        float64 `json:"f1"`
}

// Evaluate analyses every gold sentence from its words and scores the result.
func Evaluate(p *Parser, gold []Sentence) Scores {
	start := time.Now()
	out := make([][]Token, len(gold))
	words := make([]string, 0, 64)
	for i, s := range gold {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		out[i] = p.ParseWords(words)
	}
	elapsed := time.Since(start)
	sc := Score(gold, out)
	if elapsed > 0 {
		sc.SentencesPerSecond = float64(len(gold)) / elapsed.Seconds()
	}
	return sc
}

// Score compares predicted analyses with gold sentences word by word.
func Score(gold []Sentence, pred [][]Token) Scores {
	type counts struct{ gold, pred, correct int }
	rel := map[string]*counts{}
	get := func(l string) *counts {
		c := rel[l]
		if c == nil {
			c = &counts{}
			rel[l] = c
		}
		return c
	}
	var n, upos, xpos, feats, lemma, uas, las, lasU int
	sc := Scores{Sentences: len(gold)}
	for i, s := range gold {
		for j, g := range s.Words {
			n++
			gr := get(g.DepRel)
			gr.gold++
			if pred[i] == nil || j >= len(pred[i]) {
				continue
			}
			p := pred[i][j]
			if p.UPOS == g.UPOS {
				upos++
			}
			if p.XPOS == g.XPOS {
				xpos++
			}
			if p.Feats == g.Feats {
				feats++
			}
			if p.Lemma == g.Lemma {
				lemma++
			}
			get(p.DepRel).pred++
			if p.Head == g.Head {
				uas++
				if p.DepRel == g.DepRel {
					las++
					gr.correct++
				}
				if universal(p.DepRel) == universal(g.DepRel) {
					lasU++
				}
			}
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	sc.Words = n
	sc.UPOS, sc.XPOS, sc.UFeats, sc.Lemma = pct(upos, n), pct(xpos, n), pct(feats, n), pct(lemma, n)
	sc.UAS, sc.LAS, sc.LASUniversal = pct(uas, n), pct(las, n), pct(lasU, n)
	sc.Relations = map[string]RelScore{}
	for l, c := range rel {
		r := RelScore{Gold: c.gold, Predicted: c.pred, LAS: pct(c.correct, c.gold), Precision: pct(c.correct, c.pred)}
		if r.LAS+r.Precision > 0 {
			r.F1 = 2 * r.LAS * r.Precision / (r.LAS + r.Precision)
		}
		sc.Relations[l] = r
	}
	return sc
}

func universal(l string) string {
	u, _, _ := strings.Cut(l, ":")
	return u
}

// RelationNames lists the relations of s, most frequent in gold first.
func (s Scores) RelationNames() []string {
	names := make([]string, 0, len(s.Relations))
	for l := range s.Relations {
		names = append(names, l)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := s.Relations[names[i]], s.Relations[names[j]]
		if a.Gold != b.Gold {
			return a.Gold > b.Gold
		}
		return names[i] < names[j]
	})
	return names
}
