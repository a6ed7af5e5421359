package syntax

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
)

// Token is one word of an analysed sentence.
type Token struct {
	Form       string
	Start, End int // byte offsets of Form in the sentence: sentence[Start:End] == Form
	Lemma      string
	UPOS, XPOS string
	Feats      string // UD morphological features, "" when none
	Head       int    // 1-based index of the head word, 0 for the root, -1 unknown
	DepRel     string // UD relation with subtype, e.g. "nsubj:pass"
	SpaceAfter bool
}

// Parser tags, lemmatizes and parses English sentences. It is immutable once
// loaded and safe for concurrent use.
type Parser struct {
	tags      []string // joint classes "UPOS\tXPOS"
	upos      []string
	xpos      []string
	punct     []bool // class is PUNCT
	labels    []string
	rootLabel int32
	fallback  [2]int32 // labels for extra roots: [0] punct, [1] parataxis
	tagger    *linear  // first pass, left context only
	tagger2   *linear  // second pass, with the first pass's right context
	trans     *linear
	lab       *linear
	lemmas    *lemmatizer
	lex       lexicon
	lexList   []lexTags
	pool      sync.Pool
}

// Limits on the work one sentence may cause. A sentence longer than
// ChunkWords words is parsed in consecutive pieces whose roots are joined to
// the first piece's root as parataxis; one longer than MaxWords words is
// refused (Parse returns nil), as no real sentence is that long.
const (
	ChunkWords = 256
	MaxWords   = 10000
)

type work struct {
	info   []wordInfo
	tags   []int32
	first  []int32
	atoms  atoms
	feats  []uint32
	scores []int32
	st     parseState
}

func (p *Parser) getWork() *work {
	if w, ok := p.pool.Get().(*work); ok {
		return w
	}
	return &work{feats: make([]uint32, 0, 128), scores: make([]int32, 256)}
}

// Parse tokenizes, tags, lemmatizes and parses one sentence. It returns nil
// for a sentence without words or with more than MaxWords words.
func (p *Parser) Parse(sentence string) []Token {
	spans := Tokenize(sentence)
	if len(spans) == 0 || len(spans) > MaxWords {
		return nil
	}
	toks := make([]Token, len(spans))
	for i, sp := range spans {
		toks[i] = Token{Form: sentence[sp.Start:sp.End], Start: sp.Start, End: sp.End,
			SpaceAfter: i+1 == len(spans) || spans[i+1].Start > sp.End}
	}
	p.analyse(toks)
	return toks
}

// ParseWords analyses a sentence given as its words (gold tokenization, as
// in evaluation). Offsets are into the words joined by single spaces.
func (p *Parser) ParseWords(words []string) []Token {
	if len(words) == 0 || len(words) > MaxWords {
		return nil
	}
	toks := make([]Token, len(words))
	off := 0
	for i, w := range words {
		toks[i] = Token{Form: w, Start: off, End: off + len(w), SpaceAfter: true}
		off += len(w) + 1
	}
	p.analyse(toks)
	return toks
}

// analyse fills in tags, lemmas, features and the tree of toks.
func (p *Parser) analyse(toks []Token) {
	w := p.getWork()
	defer p.pool.Put(w)
	n := len(toks)
	if cap(w.info) < n {
		w.info = make([]wordInfo, n, 2*n)
		w.tags = make([]int32, n, 2*n)
		w.first = make([]int32, n, 2*n)
	}
	w.info, w.tags, w.first = w.info[:n], w.tags[:n], w.first[:n]
	for i := range toks {
		w.info[i].set(toks[i].Form)
	}
	p.lex.apply(w.info)
	tagSentence(p.tagger, w.info, w.first, w.feats, w.scores)
	tagSentence2(p.tagger2, w.info, w.first, w.tags, w.feats, w.scores)
	for i := range toks {
		c := w.tags[i]
		toks[i].UPOS, toks[i].XPOS = p.upos[c], p.xpos[c]
		toks[i].Lemma = p.lemmas.lemma(toks[i].Form, c)
		toks[i].Feats = p.lemmas.features(toks[i].Form, c)
	}
	root := -1
	for from := 0; from < n; {
		to := chunkEnd(p, w.tags, from, n)
		r := p.parseChunk(w, toks, from, to)
		if root < 0 {
			root = r
		} else {
			toks[r].Head, toks[r].DepRel = root+1, p.labels[p.fallback[1]]
		}
		from = to
	}
}

// chunkEnd picks where the piece starting at from ends: the whole rest when
// it is short enough, else just after the last punctuation mark in the
// second half of the window.
func chunkEnd(p *Parser, tags []int32, from, n int) int {
	if n-from <= ChunkWords {
		return n
	}
	end := from + ChunkWords
	for i := end - 1; i > from+ChunkWords/2; i-- {
		if p.punct[tags[i]] {
			return i + 1
		}
	}
	return end
}

// parseChunk parses toks[from:to] as one tree and returns the index of its
// root in toks.
func (p *Parser) parseChunk(w *work, toks []Token, from, to int) int {
	n := to - from
	a := &w.atoms
	if cap(a.word) < n+2 {
		a.word, a.tag = make([]uint64, n+2, 2*n+4), make([]uint64, n+2, 2*n+4)
	}
	a.word, a.tag = a.word[:n+2], a.tag[:n+2]
	a.word[0], a.tag[0] = 0, 0
	a.word[n+1], a.tag[n+1] = atomRoot, atomRoot
	for i := 1; i <= n; i++ {
		a.word[i] = w.info[from+i-1].lower
		a.tag[i] = tagAtom(int(w.tags[from+i-1]))
	}
	st := &w.st
	st.reset(n)
	var ts [nTrans]int32
	for !st.done() {
		w.feats = transFeatures(w.feats, st, a)
		clear(ts[:])
		p.trans.add(w.feats, ts[:])
		best := -1
		for t := 0; t < nTrans; t++ {
			if st.legal(t) && (best < 0 || ts[t] > ts[best]) {
				best = t
			}
		}
		l := int32(-1)
		switch best {
		case -1:
			st.pop()
			continue
		case trLeft:
			l = p.label(w, st, a, st.b, st.s0())
		case trRight:
			l = p.label(w, st, a, st.s0(), st.b)
		}
		st.apply(best, l)
	}
	// Words left without a head: the first becomes the root if there is
	// none, the others hang from the root.
	rootIdx := st.root()
	root := int32(-1)
	for i := int32(1); i <= int32(n); i++ {
		if st.head[i] == rootIdx {
			root = i
			break
		}
	}
	for i := int32(1); i <= int32(n); i++ {
		if st.head[i] >= 0 {
			continue
		}
		if root < 0 {
			root = i
			st.head[i], st.label[i] = rootIdx, p.rootLabel
			continue
		}
		l := p.fallback[1]
		if p.punct[w.tags[from+int(i)-1]] {
			l = p.fallback[0]
		}
		st.head[i], st.label[i] = root, l
	}
	for i := 1; i <= n; i++ {
		t := &toks[from+i-1]
		if h := st.head[i]; h != rootIdx {
			t.Head = from + int(h)
		} else {
			t.Head = 0
		}
		t.DepRel = p.labels[st.label[i]]
	}
	return from + int(root) - 1
}

// label picks the relation of the arc h -> c; arcs from the root are "root"
// and no other arc is.
func (p *Parser) label(w *work, st *parseState, a *atoms, h, c int32) int32 {
	if h == st.root() {
		return p.rootLabel
	}
	w.feats = labelFeatures(w.feats, st, a, h, c)
	s := w.scores[:p.lab.nClass]
	clear(s)
	p.lab.add(w.feats, s)
	s[p.rootLabel] = math.MinInt32
	return int32(argmax(s))
}

const modelMagic = "sitrep-syntax-model-2\n"

// Save writes the model, gzip-compressed.
func (p *Parser) Save(out io.Writer) error {
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(zw, 1<<16)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { w.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	str := func(s string) { put(uint64(len(s))); w.WriteString(s) }
	strs := func(ss []string) {
		put(uint64(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	w.WriteString(modelMagic)
	strs(p.tags)
	strs(p.labels)
	for _, l := range []*linear{p.tagger, p.tagger2, p.trans, p.lab} {
		if err := l.write(w); err != nil {
			return err
		}
	}
	put(uint64(len(p.lexList)))
	for _, e := range p.lexList {
		binary.Write(w, binary.LittleEndian, e.key)
		put(uint64(len(e.tags)))
		for _, t := range e.tags {
			put(uint64(t))
		}
		fixed := uint64(0)
		if e.fixed {
			fixed = 1
		}
		put(fixed)
	}
	lz := p.lemmas
	strs(lz.tagFeats)
	put(uint64(len(lz.ruleList)))
	for _, r := range lz.ruleList {
		put(uint64(r.class))
		capitalized := uint64(0)
		if r.cap {
			capitalized = 1
		}
		put(capitalized)
		str(r.suffix)
		lower := uint64(0)
		if r.rule.lower {
			lower = 1
		}
		put(lower)
		put(uint64(r.rule.cut))
		str(r.rule.add)
	}
	for _, list := range [][]lexEntry{lz.exactList, lz.featList} {
		put(uint64(len(list)))
		for _, e := range list {
			str(e.form)
			put(uint64(e.class))
			str(e.value)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(in io.Reader) (p *Parser, err error) {
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	r := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("syntax model: not a sitrep syntax model")
	}
	defer func() {
		if e := recover(); e != nil {
			ee, ok := e.(error)
			if !ok {
				panic(e)
			}
			p, err = nil, fmt.Errorf("syntax model: %w", ee)
		}
	}()
	get := func() uint64 {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			panic(err)
		}
		return v
	}
	str := func() string {
		n := get()
		if n > 1<<20 {
			panic(errors.New("string too long"))
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			panic(err)
		}
		return string(b)
	}
	strs := func() []string {
		n := get()
		if n > 1<<24 {
			panic(errors.New("list too long"))
		}
		ss := make([]string, n)
		for i := range ss {
			ss[i] = str()
		}
		return ss
	}
	tags := strs()
	labels := strs()
	var ls [4]*linear
	for i := range ls {
		if ls[i], err = readLinear(r); err != nil {
			return nil, fmt.Errorf("syntax model: %w", err)
		}
	}
	nlex := get()
	lexList := make([]lexTags, 0, min(nlex, 1<<20))
	for range nlex {
		var e lexTags
		if err := binary.Read(r, binary.LittleEndian, &e.key); err != nil {
			return nil, fmt.Errorf("syntax model: %w", err)
		}
		nt := get()
		if nt > uint64(len(tags)) {
			return nil, errors.New("syntax model: bad lexicon entry")
		}
		for range nt {
			e.tags = append(e.tags, int32(get()))
		}
		e.fixed = get() == 1
		lexList = append(lexList, e)
	}
	lz := &lemmatizer{tagFeats: strs()}
	nr := get()
	for range nr {
		e := ruleEntry{class: int32(get())}
		e.cap = get() == 1
		e.suffix = str()
		e.rule.lower = get() == 1
		e.rule.cut = int(get())
		e.rule.add = str()
		lz.ruleList = append(lz.ruleList, e)
	}
	for k := 0; k < 2; k++ {
		n := get()
		list := make([]lexEntry, 0, n)
		for range n {
			list = append(list, lexEntry{form: str(), class: int32(get()), value: str()})
		}
		if k == 0 {
			lz.exactList = list
		} else {
			lz.featList = list
		}
	}
	lz.index()
	p, err = newParser(tags, labels, ls[0], ls[2], ls[3], lz)
	if err != nil {
		return nil, err
	}
	if ls[1].nClass != len(tags) {
		return nil, errors.New("syntax model: class counts do not match")
	}
	p.tagger2 = ls[1]
	p.setLexicon(lexList)
	return p, nil
}

func newParser(tags, labels []string, tagger, trans, lab *linear, lz *lemmatizer) (*Parser, error) {
	p := &Parser{tags: tags, labels: labels, tagger: tagger, trans: trans, lab: lab, lemmas: lz, rootLabel: -1}
	if tagger.nClass != len(tags) || lab.nClass != len(labels) || trans.nClass != nTrans {
		return nil, errors.New("syntax model: class counts do not match")
	}
	for _, t := range tags {
		u, x, _ := strings.Cut(t, "\t")
		p.upos, p.xpos = append(p.upos, u), append(p.xpos, x)
		p.punct = append(p.punct, u == "PUNCT")
	}
	p.fallback = [2]int32{-1, -1}
	for i, l := range labels {
		switch l {
		case "root":
			p.rootLabel = int32(i)
		case "punct":
			p.fallback[0] = int32(i)
		case "parataxis":
			p.fallback[1] = int32(i)
		}
	}
	if p.rootLabel < 0 || p.fallback[0] < 0 || p.fallback[1] < 0 {
		return nil, errors.New("syntax model: labels root, punct and parataxis are required")
	}
	return p, nil
}

func (p *Parser) setLexicon(entries []lexTags) {
	for _, e := range entries {
		for _, t := range e.tags {
			if int(t) >= len(p.tags) {
				return // a corrupt entry; validated by Load's caller
			}
		}
	}
	p.lexList = entries
	p.lex = buildLexicon(entries)
}

// WeightBytes is the memory of the weight tables, which live outside the Go
// heap on Linux (see hugeAlloc) and so do not show in heap statistics.
func (p *Parser) WeightBytes() int {
	n := 0
	for _, l := range []*linear{p.tagger, p.tagger2, p.trans, p.lab} {
		if l != nil {
			n += l.bytes()
		}
	}
	return n
}
