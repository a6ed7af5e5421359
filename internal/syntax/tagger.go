package syntax

import "slices"

// The tagger is a greedy left-to-right averaged perceptron over joint
// UPOS+XPOS classes (EWT has about a hundred such pairs), with word, affix,
// shape and two-word context features and the two previous predicted tags.

const (
	tagNone = 1 // atom for "no word here" (before the start, after the end)
	tagBOS  = 2
	tagEOS  = 3
)

// tagFeatures writes the features of word i into buf and returns them.
// prev1 and prev2 are the atoms (class+4) of the two previous predicted tags.
func tagFeatures(buf []uint32, info []wordInfo, i int, prev1, prev2 uint64) []uint32 {
	w := &info[i]
	at := func(j int) *wordInfo {
		if j < 0 || j >= len(info) {
			return &noWord
		}
		return &info[j]
	}
	p1, p2, n1, n2 := at(i-1), at(i-2), at(i+1), at(i+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	buf = buf[:0]
	buf = append(buf,
		f1(1, 0),
		f1(2, w.lower),
		f1(3, w.form),
		f1(4, w.suf[0]), f1(5, w.suf[1]), f1(6, w.suf[2]), f1(7, w.suf[3]),
		f1(8, w.pre[0]), f1(9, w.pre[1]), f1(10, w.pre[2]),
		f2(11, w.shape, first),
		f1(12, p1.lower), f1(13, n1.lower), f1(14, p2.lower), f1(15, n2.lower),
		f1(16, prev1), f2(17, prev2, prev1), f2(18, prev1, w.lower),
		f1(19, p1.suf[2]), f1(20, n1.suf[2]), f1(21, n1.shape), f1(22, p1.shape),
		f2(23, p1.lower, w.lower), f2(24, w.lower, n1.lower),
		f2(25, prev1, w.suf[2]), f2(26, n1.lower, n2.lower), f2(27, prev1, n1.lower),
		f2(28, w.suf[1], n1.suf[1]), f2(29, prev1, w.shape),
		f1(30, w.amb), f1(31, n1.amb), f1(32, n2.amb), f2(33, prev1, n1.amb),
		f2(34, w.amb, n1.amb), f2(35, prev1, w.amb),
	)
	return buf
}

// noWord stands for positions outside the sentence.
var noWord = wordInfo{form: tagNone, lower: tagNone, pre: [3]uint64{tagNone, tagNone, tagNone},
	suf: [4]uint64{tagNone, tagNone, tagNone, tagNone}, shape: tagNone, amb: tagNone, fixed: -1}

func tagAtom(class int) uint64 { return uint64(class) + 4 }

// tagFeatures2 adds, for the second pass, the first pass's tags of the next
// two words: the right context a left-to-right tagger cannot otherwise see.
func tagFeatures2(buf []uint32, info []wordInfo, i int, prev1, prev2 uint64, first []int32) []uint32 {
	next1, next2 := uint64(tagEOS), uint64(tagEOS)
	if i+1 < len(first) {
		next1 = tagAtom(int(first[i+1]))
	}
	if i+2 < len(first) {
		next2 = tagAtom(int(first[i+2]))
	}
	w := &info[i]
	buf = tagFeatures(buf, info, i, prev1, prev2)
	return append(buf,
		f1(40, next1), f2(41, next1, next2), f2(42, next1, w.lower), f2(43, prev1, next1),
		f2(44, next1, w.suf[2]), f3(45, prev1, next1, w.shape), f2(46, tagAtom(int(first[i])), next1),
	)
}

// tagSentence2 is the second pass over the first pass's tags.
func tagSentence2(l *linear, info []wordInfo, first, tags []int32, buf []uint32, scores []int32) {
	prev1, prev2 := uint64(tagBOS), uint64(tagBOS)
	for i := range info {
		if c := info[i].fixed; c >= 0 {
			tags[i] = c
			prev2, prev1 = prev1, tagAtom(int(c))
			continue
		}
		feats := tagFeatures2(buf, info, i, prev1, prev2, first)
		s := scores[:l.nClass]
		clear(s)
		l.add(feats, s)
		best := argmax(s)
		tags[i] = int32(best)
		prev2, prev1 = prev1, tagAtom(best)
	}
}

// tagSentence predicts the joint tag class of every word into tags.
func tagSentence(l *linear, info []wordInfo, tags []int32, buf []uint32, scores []int32) {
	prev1, prev2 := uint64(tagBOS), uint64(tagBOS)
	for i := range info {
		if c := info[i].fixed; c >= 0 {
			tags[i] = c
			prev2, prev1 = prev1, tagAtom(int(c))
			continue
		}
		feats := tagFeatures(buf, info, i, prev1, prev2)
		s := scores[:l.nClass]
		clear(s)
		l.add(feats, s)
		best := argmax(s)
		tags[i] = int32(best)
		prev2, prev1 = prev1, tagAtom(best)
	}
}

func argmax(s []int32) int {
	best := 0
	for c := 1; c < len(s); c++ {
		if s[c] > s[best] {
			best = c
		}
	}
	return best
}

// lexicon holds, for words seen often enough in training, their ambiguity
// class and, when they always had one tag, that tag, which the tagger then
// assigns without scoring.
type lexicon map[uint64]lexEntryTags

type lexEntryTags struct {
	amb   uint64
	fixed int32
}

// Thresholds for the lexicon: a word needs lexMinCount occurrences to have
// an ambiguity class (rarer words look like unseen ones), a tag lexMinShare
// of them to count, and fixedMinCount occurrences all with one tag to be
// tagged from the lexicon.
const (
	lexMinCount   = 2
	lexMinShare   = 0.05
	fixedMinCount = 30
)

func (lx lexicon) apply(info []wordInfo) {
	for i := range info {
		info[i].amb, info[i].fixed = 0, -1
		if e, ok := lx[info[i].lower]; ok {
			info[i].amb, info[i].fixed = e.amb, e.fixed
		}
	}
}

// lexTags is a lexicon entry as saved: the word's tags in class order.
type lexTags struct {
	key   uint64
	tags  []int32
	fixed bool
}

func buildLexicon(entries []lexTags) lexicon {
	lx := make(lexicon, len(entries))
	for _, e := range entries {
		h := uint64(0x51ed)
		for _, t := range e.tags {
			h = mix(h, uint64(t)+1)
		}
		le := lexEntryTags{amb: h | 1, fixed: -1}
		if e.fixed && len(e.tags) == 1 {
			le.fixed = e.tags[0]
		}
		lx[e.key] = le
	}
	return lx
}

// countLexicon derives the lexicon entries from gold-tagged sentences.
func countLexicon(data []trainSent, nClass int) []lexTags {
	counts := map[uint64][]int{}
	for _, d := range data {
		for j := range d.info {
			k := d.info[j].lower
			c := counts[k]
			if c == nil {
				c = make([]int, nClass)
				counts[k] = c
			}
			c[d.gold[j]]++
		}
	}
	keys := make([]uint64, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []lexTags
	for _, k := range keys {
		c := counts[k]
		total := 0
		for _, n := range c {
			total += n
		}
		if total < lexMinCount {
			continue
		}
		e := lexTags{key: k}
		for t, n := range c {
			if n > 0 && float64(n) >= lexMinShare*float64(total) {
				e.tags = append(e.tags, int32(t))
			}
		}
		e.fixed = total >= fixedMinCount && len(e.tags) == 1 && c[e.tags[0]] == total
		out = append(out, e)
	}
	return out
}
