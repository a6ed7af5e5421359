package syntax

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// TrainOptions controls training. The zero value of a field means its default.
type TrainOptions struct {
	TaggerEpochs int    // passes over the data for the tagger (default 10)
	ParserEpochs int    // passes for the parser (default 15)
	Folds        int    // jackknife folds that give the parser realistic tags (default 5; 1 = gold tags)
	Seed         uint64 // shuffling and exploration seed (default 1)
	Explore      float64
	Dev          []Sentence // scored after every parser epoch when set
	Log          io.Writer  // progress, nil for none
}

func (o *TrainOptions) defaults() {
	if o.TaggerEpochs == 0 {
		o.TaggerEpochs = 10
	}
	if o.ParserEpochs == 0 {
		o.ParserEpochs = 15
	}
	if o.Folds == 0 {
		o.Folds = 5
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
}

// Train learns a model from gold sentences. It is deterministic for a given
// input and options.
func Train(train []Sentence, opt TrainOptions) (*Parser, error) {
	opt.defaults()
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	if len(train) == 0 {
		return nil, errors.New("train: no sentences")
	}
	var tags, labels []string
	tagID, labelID := map[string]int32{}, map[string]int32{}
	for _, s := range train {
		for _, t := range s.Words {
			jt := t.UPOS + "\t" + t.XPOS
			if _, ok := tagID[jt]; !ok {
				tagID[jt] = 0
				tags = append(tags, jt)
			}
			if _, ok := labelID[t.DepRel]; !ok {
				labelID[t.DepRel] = 0
				labels = append(labels, t.DepRel)
			}
		}
	}
	for _, must := range []string{"root", "punct", "parataxis"} {
		if _, ok := labelID[must]; !ok {
			labelID[must] = 0
			labels = append(labels, must)
		}
	}
	slices.Sort(tags)
	slices.Sort(labels)
	if len(tags) > 255 || len(labels) > 64 {
		return nil, fmt.Errorf("train: %d tag classes and %d labels exceed the model's limits (255, 64)", len(tags), len(labels))
	}
	for i, t := range tags {
		tagID[t] = int32(i)
	}
	for i, l := range labels {
		labelID[l] = int32(i)
	}

	// Sentence views shared by the stages.
	data := make([]trainSent, len(train))
	var obs []lemmaObs
	for i, s := range train {
		d := trainSent{info: make([]wordInfo, len(s.Words)), gold: make([]int32, len(s.Words)),
			heads: make([]int32, len(s.Words)+1), labels: make([]int32, len(s.Words)+1)}
		for j, t := range s.Words {
			d.info[j].set(t.Form)
			d.gold[j] = tagID[t.UPOS+"\t"+t.XPOS]
			d.heads[j+1] = int32(t.Head)
			d.labels[j+1] = labelID[t.DepRel]
			obs = append(obs, lemmaObs{form: t.Form, class: d.gold[j], lemma: t.Lemma, feats: t.Feats})
		}
		d.heads[0] = -1
		d.proj = projectivize(d.heads)
		data[i] = d
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	lexList := countLexicon(data, len(tags))
	lex := buildLexicon(lexList)
	for i := range data {
		lex.apply(data[i].info)
	}

	start := time.Now()
	tagger := trainTagger(data, len(tags), opt.TaggerEpochs, rng).average()
	logf("tagger: %d epochs, %d features, %s", opt.TaggerEpochs, tagger.nFeat, time.Since(start).Round(time.Second))
	lz := trainLemmatizer(obs, len(tags))
	logf("lemmatizer: %d suffix rules, %d exceptions, %d feature entries", len(lz.ruleList), len(lz.exactList), len(lz.featList))

	// Jackknifed tags: each fold tagged by a tagger that never saw it.
	pred := make([][]int32, len(data))
	if opt.Folds > 1 {
		for k := 0; k < opt.Folds; k++ {
			var in []trainSent
			for i := range data {
				if i%opt.Folds != k {
					in = append(in, data[i])
				}
			}
			// the fold's lexicon comes from the other folds only, or the
			// held-out words would look better known than new text's
			foldLex := buildLexicon(countLexicon(in, len(tags)))
			for i := range data {
				foldLex.apply(data[i].info)
			}
			tk := trainTagger(in, len(tags), opt.TaggerEpochs, rng).average()
			var buf []uint32
			scores := make([]int32, 256)
			correct, total := 0, 0
			for i := k; i < len(data); i += opt.Folds {
				pred[i] = make([]int32, len(data[i].info))
				tagSentence(tk, data[i].info, pred[i], buf, scores)
				for j, c := range pred[i] {
					if c == data[i].gold[j] {
						correct++
					}
					total++
				}
			}
			logf("jackknife fold %d/%d: tag accuracy %.2f%%", k+1, opt.Folds, 100*float64(correct)/float64(max(total, 1)))
		}
		for i := range data {
			lex.apply(data[i].info)
		}
	} else {
		for i := range data {
			pred[i] = data[i].gold
		}
	}

	// The second pass learns from first-pass tags as good as new text gets:
	// the jackknifed ones (gold when there are no folds).
	ts := time.Now()
	tagger2 := trainTagger2(data, pred, len(tags), opt.TaggerEpochs, rng).average()
	logf("tagger second pass: %d features, %s", tagger2.nFeat, time.Since(ts).Round(time.Second))
	p, err := newParser(tags, labels, tagger, buildLinear(nTrans, 1, nil), buildLinear(len(labels), 1, nil), lz)
	if err != nil {
		return nil, err
	}
	p.tagger2 = tagger2
	p.setLexicon(lexList)
	trans := newPerceptron(nTrans)
	lab := newPerceptron(len(labels))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	tr := &parserTrainer{p: p, trans: trans, lab: lab, rng: rng, explore: opt.Explore}
	for epoch := 0; epoch < opt.ParserEpochs; epoch++ {
		es := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tr.exploring = epoch >= 1
		tr.steps, tr.wrong = 0, 0
		for _, i := range order {
			if data[i].proj == nil {
				continue // not projectivizable without a second root
			}
			tr.sentence(&data[i], pred[i])
		}
		msg := fmt.Sprintf("parser epoch %d/%d: %.2f%% steps wrong, %s", epoch+1, opt.ParserEpochs,
			100*float64(tr.wrong)/float64(max(tr.steps, 1)), time.Since(es).Round(time.Second))
		if len(opt.Dev) > 0 && (epoch+1 == opt.ParserEpochs || opt.Log != nil) {
			p.trans, p.lab = trans.average(), lab.average()
			sc := Evaluate(p, opt.Dev)
			msg += fmt.Sprintf("; dev UPOS %.2f UAS %.2f LAS %.2f", sc.UPOS, sc.UAS, sc.LAS)
		}
		logf("%s", msg)
	}
	p.trans, p.lab = trans.average(), lab.average()
	logf("parser: %d transition features, %d label features; total %s", p.trans.nFeat, p.lab.nFeat, time.Since(start).Round(time.Second))
	return p, nil
}

type trainSent struct {
	info   []wordInfo
	gold   []int32 // tag classes
	heads  []int32 // 1-based, [0] unused
	labels []int32
	proj   []int32 // projective heads for the oracle, nil when impossible
}

func trainTagger(data []trainSent, nClass, epochs int, rng *rand.Rand) *perceptron {
	pc := newPerceptron(nClass)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	buf := make([]uint32, 0, 64)
	scores := make([]int32, nClass)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			d := &data[i]
			prev1, prev2 := uint64(tagBOS), uint64(tagBOS)
			for j := range d.info {
				if c := d.info[j].fixed; c >= 0 {
					prev2, prev1 = prev1, tagAtom(int(c))
					continue
				}
				buf = tagFeatures(buf, d.info, j, prev1, prev2)
				pc.scores(buf, scores)
				guess := argmax(scores)
				pc.update(buf, int(d.gold[j]), guess)
				pc.tick()
				prev2, prev1 = prev1, tagAtom(guess)
			}
		}
	}
	return pc
}

func trainTagger2(data []trainSent, first [][]int32, nClass, epochs int, rng *rand.Rand) *perceptron {
	pc := newPerceptron(nClass)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	buf := make([]uint32, 0, 64)
	scores := make([]int32, nClass)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			d := &data[i]
			prev1, prev2 := uint64(tagBOS), uint64(tagBOS)
			for j := range d.info {
				if c := d.info[j].fixed; c >= 0 {
					prev2, prev1 = prev1, tagAtom(int(c))
					continue
				}
				buf = tagFeatures2(buf, d.info, j, prev1, prev2, first[i])
				pc.scores(buf, scores)
				guess := argmax(scores)
				pc.update(buf, int(d.gold[j]), guess)
				pc.tick()
				prev2, prev1 = prev1, tagAtom(guess)
			}
		}
	}
	return pc
}

// projectivize lifts non-projective arcs to the head's head until the tree
// is projective; it returns nil when that would need a second root arc.
func projectivize(heads []int32) []int32 {
	h := slices.Clone(heads)
	n := len(h) - 1
	for iter := 0; iter < 4*n+4; iter++ {
		// find the shortest non-projective arc
		bd, bl := int32(-1), n+1
		for d := 1; d <= n; d++ {
			hd := int(h[d])
			lo, hi := min(hd, d), max(hd, d)
			if hi-lo >= bl {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(h, int32(hd), int32(k)) {
					bd, bl = int32(d), hi-lo
					break
				}
			}
		}
		if bd < 0 {
			return h
		}
		g := h[h[bd]]
		if g <= 0 {
			return nil
		}
		h[bd] = g
	}
	return nil
}

func dominates(h []int32, a, k int32) bool {
	for steps := 0; k > 0 && steps < len(h); steps++ {
		k = h[k]
		if k == a {
			return true
		}
	}
	return a == 0
}

// parserTrainer runs the dynamic-oracle training of Goldberg & Nivre (2012):
// at each step the model is updated towards the best-scoring transition that
// loses no reachable gold arc, and after the first epoch it mostly follows
// its own prediction, so it learns to recover from its mistakes.
type parserTrainer struct {
	p            *Parser
	trans, lab   *perceptron
	rng          *rand.Rand
	explore      float64
	exploring    bool
	st           parseState
	atoms        atoms
	feats, lfeat []uint32
	steps, wrong int
	deps         [][]int32
}

func (t *parserTrainer) sentence(d *trainSent, tags []int32) {
	n := len(d.info)
	root := int32(n + 1)
	a := &t.atoms
	a.word, a.tag = make([]uint64, n+2), make([]uint64, n+2)
	a.word[n+1], a.tag[n+1] = atomRoot, atomRoot
	for i := 1; i <= n; i++ {
		a.word[i] = d.info[i-1].lower
		a.tag[i] = tagAtom(int(tags[i-1]))
	}
	gh := make([]int32, n+2)
	copy(gh, d.proj)
	gh[0], gh[n+1] = -1, -1
	for i := 1; i <= n; i++ {
		if gh[i] == 0 {
			gh[i] = root
		}
	}
	if cap(t.deps) < n+2 {
		t.deps = make([][]int32, n+2)
	}
	t.deps = t.deps[:n+2]
	for i := range t.deps {
		t.deps[i] = t.deps[i][:0]
	}
	for i := 1; i <= n; i++ {
		t.deps[gh[i]] = append(t.deps[gh[i]], int32(i))
	}
	st := &t.st
	st.reset(n)
	var scores [nTrans]int32
	lscores := make([]int32, t.lab.nClass)
	for !st.done() {
		pred, gold := -1, -1
		var costs [nTrans]int
		minCost := 1 << 30
		t.feats = transFeatures(t.feats, st, a)
		t.trans.scores(t.feats, scores[:])
		for tr := 0; tr < nTrans; tr++ {
			if !st.legal(tr) {
				continue
			}
			costs[tr] = t.cost(st, gh, tr)
			minCost = min(minCost, costs[tr])
			if pred < 0 || scores[tr] > scores[pred] {
				pred = tr
			}
		}
		if pred < 0 {
			st.pop() // stuck: a headless word under a taken root
			continue
		}
		for tr := 0; tr < nTrans; tr++ {
			if st.legal(tr) && costs[tr] == minCost && (gold < 0 || scores[tr] > scores[gold]) {
				gold = tr
			}
		}
		t.steps++
		if costs[pred] > minCost {
			t.wrong++
			t.trans.update(t.feats, gold, pred)
		}
		t.trans.tick()
		next := gold
		followPred := t.exploring && t.rng.Float64() < t.explore
		if followPred {
			next = pred
		}
		l := int32(-1)
		if next == trLeft || next == trRight {
			h, c := st.b, st.s0()
			if next == trRight {
				h, c = st.s0(), st.b
			}
			if h == root {
				l = t.p.rootLabel
			} else {
				t.lfeat = labelFeatures(t.lfeat, st, a, h, c)
				t.lab.scores(t.lfeat, lscores)
				lscores[t.p.rootLabel] = math.MinInt32
				lp := int32(argmax(lscores))
				l = lp
				if gh[c] == h {
					gl := d.labels[c]
					t.lab.update(t.lfeat, int(gl), int(lp))
					t.lab.tick()
					if !followPred {
						l = gl
					}
				}
			}
		}
		st.apply(next, l)
	}
}

// cost counts the gold arcs that transition tr makes unreachable. The
// root is n+1; an arc to it is already lost once another word took it.
func (t *parserTrainer) cost(st *parseState, gh []int32, tr int) int {
	s0, b := st.s0(), st.b
	root := st.root()
	reachable := func(h int32) bool { return h != root || !st.rootSet }
	c := 0
	switch tr {
	case trLeft:
		if g := gh[s0]; g > b && reachable(g) {
			c++
		}
		for _, k := range t.deps[s0] {
			if k >= b {
				c++
			}
		}
	case trRight:
		if g := gh[b]; g != s0 && (st.inStack[g] || g > b && reachable(g)) {
			c++
		}
		for _, k := range t.deps[b] {
			if st.inStack[k] && st.head[k] < 0 {
				c++
			}
		}
	case trReduce:
		for _, k := range t.deps[s0] {
			if k >= b {
				c++
			}
		}
	case trShift:
		if st.inStack[gh[b]] {
			c++
		}
		for _, k := range t.deps[b] {
			if st.inStack[k] && st.head[k] < 0 {
				c++
			}
		}
	}
	return c
}
