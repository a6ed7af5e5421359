package coder

import (
	"bufio"
	"compress/gzip"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep-dev/sitrep/data/dicts"
)

// verb is one verb or verb phrase of the verb dictionary.
type verb struct {
	block string
	code  string   // "---" = not an event by itself (patterns may code it)
	words []string // phrase words; words[head] is the verb (any form)
	head  int
	lemma string
	local bool
}

// pelem is one element of a verb pattern.
type pelem struct {
	word     string // a literal word
	set      string // "&NAME" synset
	source   bool   // "$": the source actor sits here
	target   bool   // "+": the target actor sits here
	compound bool   // "%": a compound actor ("A and B") sits here
}

type pattern struct {
	code      string
	pre, post []pelem
	weight    int
	owners    []string       // verb words the dictionary names as the pattern's own
	only      map[*verb]bool // the block's verbs those words are forms of; nil = every verb of the block
}

// applies reports whether pattern p may refine verb v: a phrasal pattern
// written for one verb of a synonym block ("press on" in the block of
// "demand") is not a pattern of the others.
func (p *pattern) applies(v *verb) bool { return p.only == nil || p.only[v] }

// codeInfo is a CAMEO code and its mappings.
type codeInfo struct {
	name, plover, mode, acledType, acledSub string
	quad                                    int
}

// lexicon is the verb side of the dictionaries.
type lexicon struct {
	forms    map[string][]*verb // inflected verb word -> verbs
	lemmas   map[string][]*verb // base form -> verbs, for forms the dictionary does not list
	patterns map[string][]pattern
	synsets  map[string][][]string // &NAME -> phrases (word lists)
	codes    map[string]codeInfo
}

func openDict(name string) (io.ReadCloser, error) {
	f, err := dicts.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		return struct {
			io.Reader
			io.Closer
		}{zr, f}, nil
	}
	return f, nil
}

func eachLine(name string, fn func(f []string)) error {
	r, err := openDict(name)
	if err != nil {
		return err
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		fn(strings.Split(l, "\t"))
	}
	return sc.Err()
}

func loadLexicon(set string) (*lexicon, error) {
	lx := &lexicon{forms: map[string][]*verb{}, lemmas: map[string][]*verb{}, patterns: map[string][]pattern{}, synsets: map[string][][]string{}, codes: map[string]codeInfo{}}
	prefixes := []string{"local", "cameo"}
	if set == "validate" {
		prefixes = []string{"validate"}
	}
	for _, p := range prefixes {
		if err := eachLine(p+".synsets.tsv", func(f []string) {
			if len(f) < 2 {
				return
			}
			for _, ph := range strings.Split(f[1], "|") {
				if w := strings.Fields(ph); len(w) > 0 {
					lx.synsets[f[0]] = append(lx.synsets[f[0]], w)
				}
			}
		}); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for _, p := range prefixes {
		local := p == "local"
		if err := eachLine(p+".verbs.tsv", func(f []string) {
			if len(f) < 4 {
				return
			}
			v := &verb{block: f[0], code: f[1], local: local}
			for i, w := range strings.Fields(f[2]) {
				if strings.HasPrefix(w, "+") {
					v.head = i
					w = w[1:]
				}
				v.words = append(v.words, w)
			}
			if len(v.words) == 0 {
				return
			}
			forms := strings.Split(f[3], "|")
			v.lemma = forms[0]
			key := strings.Join(v.words, " ")
			if seen[key] {
				return // an earlier (local) entry wins
			}
			seen[key] = true
			for _, fm := range forms {
				if fm != "" {
					lx.forms[fm] = append(lx.forms[fm], v)
				}
			}
			lx.lemmas[v.lemma] = append(lx.lemmas[v.lemma], v)
		}); err != nil {
			return nil, err
		}
		if err := eachLine(p+".patterns.tsv", func(f []string) {
			if len(f) < 3 {
				return
			}
			pt, ok := parsePattern(f[1], f[2])
			if ok && len(f) > 3 && f[3] != "" {
				pt.owners = strings.Split(f[3], "|")
			}
			if ok {
				lx.patterns[f[0]] = append(lx.patterns[f[0]], pt)
			}
		}); err != nil {
			return nil, err
		}
	}
	lx.ownPatterns()
	if err := eachLine("cameo.codes.tsv", func(f []string) {
		if len(f) < 7 {
			return
		}
		q, _ := strconv.Atoi(f[2])
		lx.codes[f[0]] = codeInfo{name: f[1], quad: q, plover: f[3], mode: f[4], acledType: f[5], acledSub: f[6]}
	}); err != nil {
		return nil, err
	}
	return lx, nil
}

// particles are the closed-class words that make phrasal verbs: "press
// on", "push into", "call off".
var particles = setOf(`on in into out off up down ahead away back over through along around about for to with against from at by upon toward towards across after onto`)

// phrasal reports whether pattern p is made of particles alone ("* on",
// "* (into)"): such a pattern spells one verb's idiom ("press on" is to
// fight on), while one with a content word ("* ceasefire") means the same
// with every synonym of its block.
func (p *pattern) phrasal() bool {
	n := 0
	for _, els := range [][]pelem{p.pre, p.post} {
		for _, e := range els {
			if e.set != "" || e.word != "" && !particles[e.word] {
				return false
			}
			if e.word != "" {
				n++
			}
		}
	}
	return n > 0
}

// subjectOnly reports whether pattern p names only what comes before the
// verb ("&MILITARY *": the military took over; "panic *": panic seized
// them): it says nothing of what the verb is done to, so it spells that
// verb's own sense, not one its synonyms share ("the army arrested" is no
// takeover).
func (p *pattern) subjectOnly() bool { return len(p.pre) > 0 && len(p.post) == 0 }

// ownPatterns ties each phrasal or subject-only pattern whose dictionary comment names
// verbs of its block to those verbs. A comment naming no verb of the block
// (a verb of another block, a note) leaves the pattern to the whole block.
func (lx *lexicon) ownPatterns() {
	for block, pats := range lx.patterns {
		for i := range pats {
			p := &pats[i]
			if !p.phrasal() && !p.subjectOnly() {
				continue
			}
			for _, w := range p.owners {
				for _, v := range lx.forms[w] {
					if v.block != block {
						continue
					}
					if p.only == nil {
						p.only = map[*verb]bool{}
					}
					p.only[v] = true
				}
			}
		}
	}
}

func parsePattern(code, s string) (pattern, bool) {
	p := pattern{code: code}
	s = strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ", "_", " ").Replace(s)
	before := true
	star := false
	for _, w := range strings.Fields(s) {
		var e pelem
		switch {
		case w == "*":
			before, star = false, true
			continue
		case w == "$":
			e.source = true
		case w == "+":
			e.target = true
		case w == "%":
			e.compound = true
		case w == "^" || w == "|" || w == "@":
			continue
		case strings.HasPrefix(w, "&"):
			e.set = strings.TrimRight(w, "_")
		default:
			// "suggested+" style: trailing markers on a word
			w = strings.Trim(w, "+$")
			if w == "" {
				continue
			}
			e.word = w
		}
		if e.word != "" || e.set != "" || e.compound {
			p.weight++
		}
		if before {
			p.pre = append(p.pre, e)
		} else {
			p.post = append(p.post, e)
		}
	}
	if !star || p.weight == 0 {
		return p, false
	}
	return p, true
}

func (lx *lexicon) info(code string) codeInfo {
	if ci, ok := lx.codes[code]; ok {
		return ci
	}
	for n := len(code) - 1; n >= 2; n-- {
		if ci, ok := lx.codes[code[:n]]; ok {
			ci.name = ""
			return ci
		}
	}
	return codeInfo{}
}
