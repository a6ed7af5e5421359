// Package actor recognises actors in sentences: named actors from dated
// dictionaries ("President Trump" in 2018 is USAGOV), generic agents combined
// with countries ("Syrian army" is SYRMIL), and unknown capitalised names,
// kept with their text.
package actor

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-dev/sitrep/data/dicts"
)

// Code is one dated code of an actor; From and To are YYYYMMDD, 0 = open.
type Code struct {
	Code     string
	From, To int32
}

// Entry is one dictionary actor.
type Entry struct {
	Codes []Code
	Name  string // first name listed
}

// At picks the code valid on date d (YYYYMMDD; 0 = unknown): a dated code
// covering d, else the undated default, else the latest dated code.
func (e *Entry) At(d int32) string {
	def := ""
	var latest Code
	for _, c := range e.Codes {
		if c.From == 0 && c.To == 0 {
			if def == "" {
				def = c.Code
			}
			continue
		}
		if d != 0 && (c.From == 0 || d >= c.From) && (c.To == 0 || d <= c.To) {
			return c.Code
		}
		if c.To == 0 || c.To > latest.To || latest.Code == "" {
			latest = c
		}
	}
	if def != "" {
		return def
	}
	return latest.Code
}

type node struct {
	next  map[string]*node
	exact []int32            // entries ending here, exact last word
	stems map[string][]int32 // entries whose last word is a stem, keyed by it
}

func (n *node) child(w string) *node {
	if n.next == nil {
		n.next = map[string]*node{}
	}
	c := n.next[w]
	if c == nil {
		c = &node{}
		n.next[w] = c
	}
	return c
}

// trie maps word sequences to entry indexes.
type trie struct{ root node }

func (t *trie) add(name string, idx int32) {
	stem := strings.HasSuffix(name, "*")
	name = strings.TrimSuffix(name, "*")
	words := nameWords(name)
	if len(words) == 0 {
		return
	}
	// A stem shorter than 4 letters is matched exactly: "US*" must not
	// match "use".
	if stem && len(words[len(words)-1]) < 4 {
		stem = false
	}
	n := &t.root
	for _, w := range words[:len(words)-1] {
		n = n.child(w)
	}
	last := words[len(words)-1]
	if stem {
		if n.stems == nil {
			n.stems = map[string][]int32{}
		}
		n.stems[last] = append(n.stems[last], idx)
		// the stem itself is also an exact match
	}
	c := n.child(last)
	c.exact = append(c.exact, idx)
}

// nameWords splits a dictionary name into words as Tokenize splits text,
// so that "people's republic of china" and "kurdistan workers' party" meet
// the tokens of the sentences they occur in ("people" "'s", "workers" "'").
func nameWords(name string) []string {
	if !strings.ContainsAny(name, "'’") {
		return strings.Fields(name) // the common case, and the same split
	}
	var out []string
	for _, t := range Tokenize(name) {
		out = append(out, t.Lower)
	}
	return out
}

// longest returns the longest match starting at toks[i]: its length in
// tokens and the entry, or 0.
func (t *trie) longest(toks []Token, i int) (int, int32) {
	n := &t.root
	bestLen, best := 0, int32(-1)
	for j := i; j < len(toks) && n != nil; j++ {
		w := toks[j].Lower
		if n.stems != nil && toks[j].Cap() {
			for k := 4; k < len(w); k++ {
				if e, ok := n.stems[w[:k]]; ok {
					if j+1-i > bestLen {
						bestLen, best = j+1-i, e[0]
					}
				}
			}
		}
		c := n.next[w]
		if c == nil && len(w) > 3 && strings.HasSuffix(w, "s") {
			// a plural of an exact last word: "Algerians"
			if p := n.next[w[:len(w)-1]]; p != nil && len(p.exact) > 0 && j+1-i > bestLen {
				bestLen, best = j+1-i, p.exact[0]
			}
		}
		if c == nil {
			// possessive-less plural "armies'" etc. are separate tokens;
			// try a trailing-period-less form ("u.s" vs "u.s.")
			break
		}
		if len(c.exact) > 0 && j+1-i >= bestLen {
			bestLen, best = j+1-i, c.exact[0]
		}
		n = c
	}
	return bestLen, best
}

// Dict is a loaded set of actor dictionaries.
type Dict struct {
	actors    trie
	entries   []Entry
	agents    trie
	agentCode []string // agent index -> "~MIL"
	discards  trie
	countries map[string]string // ISO3 -> name
}

// Sets of dictionaries sitrep ships.
const (
	Phoenix  = "phoenix"  // Phoenix (petrarch2) + sitrep's own entries: real-world news
	Validate = "validate" // PETRARCH validation-suite dictionaries (fictional actors)
)

var (
	loadOnce sync.Map // set -> *loaded
)

type loaded struct {
	once sync.Once
	d    *Dict
	err  error
}

// Load returns the dictionary set, loading it once per process.
func Load(set string) (*Dict, error) {
	v, _ := loadOnce.LoadOrStore(set, &loaded{})
	l := v.(*loaded)
	l.once.Do(func() { l.d, l.err = load(set) })
	return l.d, l.err
}

func open(name string) (io.ReadCloser, error) {
	f, err := dicts.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		return struct {
			io.Reader
			io.Closer
		}{zr, f}, nil
	}
	return f, nil
}

// eachLine calls fn with the tab-separated fields of every non-comment line.
func eachLine(name string, fn func(f []string)) error {
	r, err := open(name)
	if err != nil {
		return err
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
	return sc.Err()
}

func load(set string) (*Dict, error) {
	d := &Dict{countries: map[string]string{}}
	var actorFiles, agentFiles, discardFiles []string
	switch set {
	case Phoenix, "":
		actorFiles = []string{"local.actors.tsv", "phoenix.actors.tsv.gz"}
		agentFiles = []string{"local.agents.tsv", "phoenix.agents.tsv"}
		discardFiles = []string{"phoenix.discards.tsv"}
	case Validate:
		// the validation actors first, real-world countries beneath them
		// (the suites use "Estonia", "Libya" as well as "Gondor")
		actorFiles = []string{"validate.actors.tsv", "phoenix.actors.tsv.gz"}
		agentFiles = []string{"validate.agents.tsv"}
		discardFiles = []string{"validate.discards.tsv"}
	default:
		return nil, fmt.Errorf("actor: unknown dictionary set %q", set)
	}
	if err := eachLine("countries.tsv", func(f []string) {
		if len(f) >= 2 {
			d.countries[f[0]] = f[1]
		}
	}); err != nil {
		return nil, err
	}
	for _, name := range actorFiles {
		err := eachLine(name, func(f []string) {
			if len(f) < 2 {
				return
			}
			e := Entry{Codes: parseCodes(f[0])}
			if len(e.Codes) == 0 {
				return
			}
			names := strings.Split(f[1], "|")
			e.Name = strings.TrimSuffix(names[0], "*")
			idx := int32(len(d.entries))
			d.entries = append(d.entries, e)
			for _, n := range names {
				if _, taken := d.exactEntry(n); taken {
					continue // earlier files (local) win
				}
				d.actors.add(n, idx)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	for _, name := range agentFiles {
		err := eachLine(name, func(f []string) {
			if len(f) < 2 {
				return
			}
			idx := int32(len(d.agentCode))
			d.agentCode = append(d.agentCode, f[0])
			for _, n := range strings.Split(f[1], "|") {
				d.agents.add(n, idx)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	for _, name := range discardFiles {
		r, err := open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			l := strings.TrimSpace(sc.Text())
			if l == "" || l[0] == '#' || timeShift(l) {
				continue
			}
			d.discards.add(l, 0)
		}
		r.Close()
	}
	return d, nil
}

func (d *Dict) exactEntry(name string) (int32, bool) {
	name = strings.TrimSuffix(name, "*")
	n := &d.actors.root
	for _, w := range strings.Fields(name) {
		n = n.next[w]
		if n == nil {
			return 0, false
		}
	}
	if len(n.exact) > 0 {
		return n.exact[0], true
	}
	return 0, false
}

func parseCodes(s string) []Code {
	var out []Code
	for _, part := range strings.Split(s, ";") {
		f := strings.Fields(part)
		if len(f) == 0 || f[0] == "---" {
			continue
		}
		c := Code{Code: f[0]}
		rest := strings.Join(f[1:], "")
		switch {
		case strings.HasPrefix(rest, ">"):
			c.From = atoi(rest[1:])
		case strings.HasPrefix(rest, "<"):
			c.To = atoi(rest[1:])
		case strings.Contains(rest, "-"):
			p := strings.SplitN(rest, "-", 2)
			c.From, c.To = atoi(p[0]), atoi(p[1])
		}
		out = append(out, c)
	}
	return out
}

func atoi(s string) int32 {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return int32(n)
}

// DateKey turns a time into the YYYYMMDD integer dated codes use.
func DateKey(t time.Time) int32 {
	if t.IsZero() {
		return 0
	}
	return int32(t.Year()*10000 + int(t.Month())*100 + t.Day())
}

// IsCountry reports whether code is an ISO3 country code known to sitrep.
func (d *Dict) IsCountry(code string) bool {
	_, ok := d.countries[code]
	return ok
}

// CountryName names an ISO3 code.
func (d *Dict) CountryName(code string) string { return d.countries[code] }

// Discarded reports whether the sentence holds a discard phrase (sports
// results and the like), which PETRARCH-style coders skip.
func (d *Dict) Discarded(toks []Token) bool {
	for i := range toks {
		if n, _ := d.discards.longest(toks, i); n > 0 {
			return true
		}
	}
	return false
}

var _ fs.FS = dicts.FS

// timeShift reports whether a discard phrase is a bare year or a time
// shift ("weeks ago", "years later"): sitrep keeps such sentences -- when
// an event happened is the date stage's business, not a reason to drop it.
func timeShift(p string) bool {
	if strings.HasSuffix(p, " ago") || strings.HasSuffix(p, " later") {
		return true
	}
	for _, c := range p {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
