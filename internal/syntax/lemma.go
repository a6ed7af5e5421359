package syntax

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lemmatizer looks a (form, tag) pair up in a table learned from the
// treebank and otherwise applies the suffix rule most often seen with that
// tag and the word's longest known ending ("-ies" NNS -> "-y"). The table
// holds only the words the rules get wrong, which keeps it small. Morphological
// features come the same way: the (word, tag) table, else the tag's usual
// features.

type lemmaRule struct {
	lower bool   // lower-case the form first
	cut   int    // bytes removed from the end
	add   string // appended
}

func (r lemmaRule) apply(form string) string {
	if r.lower {
		form = strings.ToLower(form)
	}
	if r.cut > len(form) || r.cut == len(form) && r.add == "" {
		return form
	}
	return form[:len(form)-r.cut] + r.add
}

// ruleFor returns the rule that turns form into lemma, lower-casing first
// only when that explains more of the lemma ("The" -> "the", not "Iran").
func ruleFor(form, lemma string) lemmaRule {
	keep := commonPrefix(form, lemma)
	lf := strings.ToLower(form)
	if lf != form && len(lf) == len(form) {
		if p := commonPrefix(lf, lemma); p > keep {
			return lemmaRule{lower: true, cut: len(lf) - p, add: lemma[p:]}
		}
	}
	return lemmaRule{cut: len(form) - keep, add: lemma[keep:]}
}

func commonPrefix(a, b string) int {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	return p
}

const maxSuffixRunes = 5

// suffixKeys hashes the last 0..5 lower-cased runes of form with the tag
// and whether the form is capitalized: a capitalized plural ("Soldiers") is
// lower-cased, a capitalized adjective ("Palestinian") is not, and rules
// learned apart for the two cases get both right.
func suffixKeys(form string, class int32, capitalized bool, keys *[maxSuffixRunes + 1]uint64) int {
	h := mix(hashSeed, uint64(class)+1)
	if capitalized {
		h = mix(h, 0xCA9)
	}
	keys[0] = h
	n := 1
	for e := len(form); e > 0 && n <= maxSuffixRunes; n++ {
		r, size := utf8.DecodeLastRuneInString(form[:e])
		e -= size
		h = mix(h, uint64(unicode.ToLower(r)))
		keys[n] = h
	}
	return n
}

func formKey(form string, class int32) uint64 { return mix(hashString(form), uint64(class)+1) }

type lemmatizer struct {
	rules     map[uint64]lemmaRule // suffix key -> rule
	exact     map[uint64]string    // formKey -> lemma the rules get wrong
	feats     map[uint64]string    // formKey of the lower-cased form -> features
	tagFeats  []string             // per tag class: the usual features
	ruleList  []ruleEntry          // for saving
	exactList []lexEntry
	featList  []lexEntry
}

type ruleEntry struct {
	class  int32
	cap    bool   // the rule is for capitalized forms
	suffix string // lower-cased, at most 5 runes
	rule   lemmaRule
}

// isCapitalized reports whether form starts with an upper-case letter.
func isCapitalized(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsUpper(r)
}

type lexEntry struct {
	form  string
	class int32
	value string
}

func (lz *lemmatizer) index() {
	lz.rules = make(map[uint64]lemmaRule, len(lz.ruleList))
	for _, e := range lz.ruleList {
		var keys [maxSuffixRunes + 1]uint64
		n := suffixKeys(e.suffix, e.class, e.cap, &keys)
		lz.rules[keys[n-1]] = e.rule
	}
	lz.exact = make(map[uint64]string, len(lz.exactList))
	for _, e := range lz.exactList {
		lz.exact[formKey(e.form, e.class)] = e.value
	}
	lz.feats = make(map[uint64]string, len(lz.featList))
	for _, e := range lz.featList {
		lz.feats[formKey(e.form, e.class)] = e.value
	}
}

// lemma of form with tag class.
func (lz *lemmatizer) lemma(form string, class int32) string {
	if l, ok := lz.exact[formKey(form, class)]; ok {
		return l
	}
	return lz.byRule(form, class)
}

func (lz *lemmatizer) byRule(form string, class int32) string {
	var keys [maxSuffixRunes + 1]uint64
	n := suffixKeys(form, class, isCapitalized(form), &keys)
	for k := n - 1; k >= 0; k-- {
		if r, ok := lz.rules[keys[k]]; ok {
			return r.apply(form)
		}
	}
	return form
}

func (lz *lemmatizer) features(form string, class int32) string {
	if len(lz.feats) > 0 {
		if f, ok := lz.feats[formKey(lowerASCII(form), class)]; ok {
			return f
		}
	}
	if int(class) < len(lz.tagFeats) {
		return lz.tagFeats[class]
	}
	return ""
}

// lowerASCII lower-cases form, allocating only when it has upper case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// trainLemmatizer learns rules and exceptions from (form, class, lemma,
// feats) observations.
func trainLemmatizer(obs []lemmaObs, nClass int) *lemmatizer {
	type typeKey struct {
		form  string
		class int32
	}
	lemmaCount := map[typeKey]map[string]int{}
	featCount := map[typeKey]map[string]int{}
	tagFeatCount := make([]map[string]int, nClass)
	for _, o := range obs {
		k := typeKey{o.form, o.class}
		if lemmaCount[k] == nil {
			lemmaCount[k] = map[string]int{}
		}
		lemmaCount[k][o.lemma]++
		lk := typeKey{lowerASCII(o.form), o.class}
		if featCount[lk] == nil {
			featCount[lk] = map[string]int{}
		}
		featCount[lk][o.feats]++
		if tagFeatCount[o.class] == nil {
			tagFeatCount[o.class] = map[string]int{}
		}
		tagFeatCount[o.class][o.feats]++
	}
	// Rules by type: each (form, class) votes once for its rule under each
	// of its endings, so frequent irregular words do not drown the pattern.
	type suffixKey struct {
		class  int32
		cap    bool
		suffix string
	}
	votes := map[suffixKey]map[lemmaRule]int{}
	types := make([]typeKey, 0, len(lemmaCount))
	for k := range lemmaCount {
		types = append(types, k)
	}
	sort.Slice(types, func(i, j int) bool {
		if types[i].form != types[j].form {
			return types[i].form < types[j].form
		}
		return types[i].class < types[j].class
	})
	best := func(m map[string]int) string {
		bs, bn := "", -1
		for s, n := range m {
			if n > bn || n == bn && s < bs {
				bs, bn = s, n
			}
		}
		return bs
	}
	for _, k := range types {
		rule := ruleFor(k.form, best(lemmaCount[k]))
		lf := []rune(strings.ToLower(k.form))
		for n := 0; n <= maxSuffixRunes && n <= len(lf); n++ {
			sk := suffixKey{k.class, isCapitalized(k.form), string(lf[len(lf)-n:])}
			if votes[sk] == nil {
				votes[sk] = map[lemmaRule]int{}
			}
			votes[sk][rule]++
		}
	}
	lz := &lemmatizer{tagFeats: make([]string, nClass)}
	skeys := make([]suffixKey, 0, len(votes))
	for k := range votes {
		skeys = append(skeys, k)
	}
	sort.Slice(skeys, func(i, j int) bool {
		if skeys[i].class != skeys[j].class {
			return skeys[i].class < skeys[j].class
		}
		if skeys[i].cap != skeys[j].cap {
			return !skeys[i].cap
		}
		return skeys[i].suffix < skeys[j].suffix
	})
	for _, sk := range skeys {
		var br lemmaRule
		bn := -1
		for r, n := range votes[sk] {
			if n > bn || n == bn && ruleLess(r, br) {
				br, bn = r, n
			}
		}
		lz.ruleList = append(lz.ruleList, ruleEntry{class: sk.class, cap: sk.cap, suffix: sk.suffix, rule: br})
	}
	for c, m := range tagFeatCount {
		if m != nil {
			lz.tagFeats[c] = best(m)
		}
	}
	lz.index()
	for _, k := range types {
		l := best(lemmaCount[k])
		if lz.byRule(k.form, k.class) != l {
			lz.exactList = append(lz.exactList, lexEntry{k.form, k.class, l})
		}
	}
	fkeys := make([]typeKey, 0, len(featCount))
	for k := range featCount {
		fkeys = append(fkeys, k)
	}
	sort.Slice(fkeys, func(i, j int) bool {
		if fkeys[i].form != fkeys[j].form {
			return fkeys[i].form < fkeys[j].form
		}
		return fkeys[i].class < fkeys[j].class
	})
	for _, k := range fkeys {
		if f := best(featCount[k]); f != lz.tagFeats[k.class] {
			lz.featList = append(lz.featList, lexEntry{k.form, k.class, f})
		}
	}
	lz.index()
	return lz
}

func ruleLess(a, b lemmaRule) bool {
	if a.cut != b.cut {
		return a.cut < b.cut
	}
	if a.add != b.add {
		return a.add < b.add
	}
	return !a.lower && b.lower
}

type lemmaObs struct {
	form  string
	class int32
	lemma string
	feats string
}
