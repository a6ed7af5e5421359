// Package coder turns sentences into coded events: who did what to whom,
// with CAMEO, PLOVER and ACLED-style types, the modality the article gives
// the event (asserted, reported by whom, hypothetical, negated, statement),
// and the character spans of every part.
//
// The analysis is shallow and fast: dictionary actors and verbs over a
// simple tokenisation, clause boundaries from verbs and punctuation, passive
// voice from auxiliaries, compound actors from coordination, and
// preposition-led targets ("from X" for seizures, "with X" for meetings).
// When a dependency parse is available (SetParser) subject, object and
// passive agent come from it and the shallow rules fill the gaps.
package coder

import (
	"strings"
	"sync"
	"time"

	"github.com/sitrep-dev/sitrep/internal/actor"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// Name and Version identify the coder in every event it produces.
const (
	Name    = "sitrep-coder"
	Version = "0.1.0"
)

// Context is what the coder needs besides the sentence.
type Context struct {
	// Published is the date dated actor entries are read against
	// ("President Trump" is USAGOV from 2017-01-20).
	Published time.Time
	// Memory, when set, carries discourse state from sentence to sentence of
	// one article ("the ISIS-held town ... the town"); pass the same Memory
	// for the sentences of an article, in order.
	Memory *Memory
}

// Memory is the discourse state of one article.
type Memory struct {
	holder     *actor.Mention // the holder of the last "X-held" place
	holderText string
	acronyms   map[string]actor.Mention // "SDF" defined by "Syrian Democratic Forces (SDF)"
	lastActor  string                   // the last coded source, for "He said ..." in the next sentence
}

// Coder codes sentences. It is safe for concurrent use.
type Coder struct {
	actors *actor.Dict
	lx     *lexicon
	set    string
	parser Parser
}

var (
	defOnce sync.Once
	def     *Coder
	defErr  error
)

// Default returns the coder with sitrep's shipped real-world dictionaries,
// built once per process.
func Default() (*Coder, error) {
	defOnce.Do(func() { def, defErr = New(actor.Phoenix) })
	return def, defErr
}

// New builds a coder over a dictionary set: "phoenix" (real-world news) or
// "validate" (the PETRARCH validation-suite dictionaries).
func New(set string) (*Coder, error) {
	ad, err := actor.Load(set)
	if err != nil {
		return nil, err
	}
	lx, err := loadLexicon(set)
	if err != nil {
		return nil, err
	}
	return &Coder{actors: ad, lx: lx, set: set}, nil
}

// Code returns the events of one sentence, hypothetical and negated ones
// included (labelled); callers drop those unless asked to keep them.
func (c *Coder) Code(ctx Context, s text.Sentence) []event.Event {
	if len(s.Text) == 0 || len(s.Text) > 5000 {
		return nil
	}
	a := c.analyse(ctx, s)
	if a == nil {
		return nil
	}
	evs := dedupe(a.events())
	if a.tree != nil {
		for i := range evs {
			evs[i].DateScope = a.tree.dateScope(s.Offset(evs[i].Action.Span.Start))
		}
	}
	return evs
}

// dedupe keeps one event per (source, target, code) in a sentence: two
// verbs saying the same thing ("established ties with and opened an embassy
// in") are one coded mention.
func dedupe(evs []event.Event) []event.Event {
	if len(evs) < 2 {
		return evs
	}
	seen := map[string]int{}
	out := evs[:0]
	for _, e := range evs {
		t := ""
		if e.Target != nil {
			t = e.Target.Code + "/" + e.Target.Text
		}
		key := e.Source.Code + "/" + e.Source.Text + "|" + t + "|" + e.Action.CAMEO
		if i, ok := seen[key]; ok {
			if e.Confidence > out[i].Confidence {
				out[i] = e
			}
			continue
		}
		seen[key] = len(out)
		out = append(out, e)
	}
	// "established ties with and opened an embassy in X": the same act by
	// the same source, once without its target and once with it, is one
	// event -- the one that names the target
	kept := make([]event.Event, 0, len(out))
	for i, e := range out {
		if e.Target == nil && subsumed(out, i) {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// subsumed reports whether another event of evs has event i's source and
// code and a target.
func subsumed(evs []event.Event, i int) bool {
	e := evs[i]
	for j, o := range evs {
		if j != i && o.Target != nil && o.Source.Code == e.Source.Code && o.Source.Text == e.Source.Text && o.Action.CAMEO == e.Action.CAMEO {
			return true
		}
	}
	return false
}

// coderTag is the Coder field of every event.
func (c *Coder) coderTag() string { return Name + " " + Version + " (" + c.set + ")" }

var auxWords = setOf(`be is are was were been being am 's 're have has had having do does did will would can could may might must shall should 'll 'd wo ca`)
var modalWords = setOf(`will would could may might must shall should can 'll wo ca`)
var beWords = setOf(`be is are was were been being am get got gets`)
var negWords = setOf(`not n't never no`)
var determiners = setOf(`a an the this these those its his her their our my your some any no each every another such`)
var condWords = setOf(`if once unless whether lest`)
var locPreps = setOf(`in at near inside outside across around throughout within into onto over under off beside between among along of`)
var reportLemmas = setOf(`say tell report claim state announce add allege insist confirm deny note`)
var adverbLike = setOf(`also already still yet just reportedly allegedly recently again once fully partly partially largely finally now then later soon never not n't jointly reluctantly quickly formally officially apparently`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// CodeArticle codes the sentences of one article in order, carrying the
// discourse memory (acronyms, "the town", "he said") from one to the next,
// and returns the events of each sentence, hypothetical and negated ones
// included. The pipeline can call it once per article instead of Code.
func (c *Coder) CodeArticle(published time.Time, sentences []text.Sentence) [][]event.Event {
	ctx := Context{Published: published, Memory: &Memory{}}
	out := make([][]event.Event, len(sentences))
	for i, s := range sentences {
		out[i] = c.Code(ctx, s)
	}
	return out
}
