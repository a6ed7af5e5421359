// Package pipeline composes sitrep's stages into the one chain every
// document goes through:
//
//	ingest.Doc -> article (clean body, metadata) -> sentences -> events
//	(actors, action, modality) -> places -> dates -> store
//
// Each stage is a small interface so that a better stage replaces an older
// one without the others noticing.
package pipeline

import (
	"strings"
	"time"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/dates"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/store"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// Extractor cleans a raw document into an article.
type Extractor interface {
	Extract(ingest.Doc) (article.Article, error)
}

// Coder finds the events of an article's sentences, one slice per
// sentence. It sees the whole article in order because a sentence leans on
// the ones before it ("the SDF" defined earlier, "the town", "he said").
// Reference is the date dated actors are read against ("President Trump"
// is USAGOV only from 2017).
type Coder interface {
	CodeArticle(reference time.Time, sentences []text.Sentence) [][]event.Event
}

// Geocoder finds the places of an article, gives each event its location
// and returns every place name the article has.
type Geocoder interface {
	Locate(a *article.Article, sentences []text.Sentence, events []event.Event) []event.Toponym
}

// Pipeline is the composed chain. Coder and Geocoder may be nil: the article
// and its sentences are still stored.
type Pipeline struct {
	Extractor Extractor
	Coder     Coder
	Geocoder  Geocoder
	// All keeps hypothetical and negated events (labelled as such).
	All bool
	// Version names the stages, recorded with every revision.
	Version string
	// DefaultDate dates the articles that give no date of their own (a
	// user's --date); zero leaves them undated.
	DefaultDate time.Time
}

// Analyze runs one document through every stage but the store.
func (p *Pipeline) Analyze(doc ingest.Doc) (*store.Analysis, error) {
	a, err := p.Extract(doc)
	if err != nil {
		return nil, err
	}
	return p.AnalyzeArticle(a), nil
}

// Extract is the first stage alone: the clean article, dated by
// DefaultDate when it gives no date.
func (p *Pipeline) Extract(doc ingest.Doc) (article.Article, error) {
	a, err := p.Extractor.Extract(doc)
	if err != nil {
		return a, err
	}
	if a.Published.IsZero() {
		a.Published = p.DefaultDate
	}
	return a, nil
}

// AnalyzeArticle runs a clean article through the stages after extraction.
func (p *Pipeline) AnalyzeArticle(a article.Article) *store.Analysis {
	sentences := text.Split(a.BodyText())
	ref := ReferenceDate(&a)
	var events []event.Event
	if p.Coder != nil {
		for i, coded := range p.Coder.CodeArticle(ref, sentences) {
			s := sentences[i]
			var found []dates.Mention // the sentence's dates, read once for all its events
			for k, ev := range coded {
				if !p.All && !ev.Attribution.Modality.Emitted() {
					continue
				}
				if k == 0 || found == nil {
					found = dateMentions(s, ref)
				}
				ev.Sentence = s.Index
				ev.SentenceSpan = s.Span(0, len(s.Text))
				ev.When = whenFrom(found, s, ev, ref)
				events = append(events, ev)
			}
		}
	}
	var toponyms []event.Toponym
	if p.Geocoder != nil {
		toponyms = p.Geocoder.Locate(&a, sentences, events)
	}
	return &store.Analysis{Article: a, Sentences: sentences, Events: events, Toponyms: toponyms, Pipeline: p.Version}
}

// ReferenceDate is the date an article's relative dates are read against:
// the original publication when the article is a republication, since a
// syndicated "yesterday" is the original's yesterday.
func ReferenceDate(a *article.Article) time.Time {
	if o := a.OriginalSource; o != nil && !o.Published.IsZero() {
		return o.Published
	}
	return a.Published
}

// When dates an event from its sentence: the date expression nearest the
// action, else the reference date as an "on or before" bound.
func When(s text.Sentence, ev event.Event, ref time.Time) event.When {
	return whenFrom(dateMentions(s, ref), s, ev, ref)
}

// dateMentions are the dates of a sentence that may date its events.
func dateMentions(s text.Sentence, ref time.Time) []dates.Mention {
	mentions := []dates.Mention{}
	for _, m := range dates.Find(s.Text, ref) {
		if !boundsAPeriod(s.Text[:m.Start], m.Text) {
			mentions = append(mentions, m)
		}
	}
	return mentions
}

func whenFrom(mentions []dates.Mention, s text.Sentence, ev event.Event, ref time.Time) event.When {
	if ev.DateScope != nil {
		mentions = inScope(mentions, ev.DateScope)
	}
	if len(mentions) > 0 {
		actionAt := s.Offset(ev.Action.Span.Start)
		best := mentions[0]
		for _, m := range mentions[1:] {
			if abs(m.Start-actionAt) < abs(best.Start-actionAt) {
				best = m
			}
		}
		span := s.Span(best.Start, best.End)
		return event.When{Date: best.Date.Format("2006-01-02"), Precision: best.Precision, Basis: "text", Span: &span}
	}
	if ref.IsZero() {
		return event.When{Precision: event.Year, Basis: "unknown"}
	}
	return event.When{Date: ref.Format("2006-01-02"), Precision: event.Day, Basis: "dateline"}
}

// boundsAPeriod reports whether the words before a date make it the bound
// of a period rather than the day of the event: "killed since 1993", "held
// until March" do not date the killing or the holding.
func boundsAPeriod(before, mention string) bool {
	before = strings.ToLower(strings.TrimRight(before, " "))
	mention = strings.ToLower(mention)
	for _, w := range []string{"since", "until", "till", "before", "by the end of", "from"} {
		if strings.HasSuffix(before, " "+w) || before == w || strings.HasPrefix(mention, w+" ") {
			return true
		}
	}
	// "have died since civil war broke out in 1993", "the first visit by a
	// Kremlin leader since Stalin during a summit in 1943": a date a few
	// words into a since- or until-phrase dates the start or end of the
	// period, not the event
	clause := before
	if i := strings.LastIndexAny(clause, ",;:()\"—–"); i >= 0 {
		clause = clause[i+1:]
	}
	words := strings.Fields(clause)
	for i := len(words) - 1; i >= max(0, len(words)-periodReach); i-- {
		if w := words[i]; w != "since" && w != "until" && w != "till" {
			continue
		}
		// "held since 2016 attacked in June": the phrase had its own date
		return i+1 == len(words) || !dates.OpensDate(words[i+1])
	}
	// "Vieira, born in 1939, came to power": a life's date, not the event's
	return strings.HasSuffix(before, " born") || strings.HasSuffix(before, " born in") || strings.HasSuffix(before, " born on")
}

// periodReach is how many words before a date a "since" or "until" still
// opens the phrase the date is in.
const periodReach = 8

// inScope keeps the date mentions that overlap the event's clauses.
func inScope(mentions []dates.Mention, scope [][2]int) []dates.Mention {
	var out []dates.Mention
	for _, m := range mentions {
		for _, r := range scope {
			if m.Start < r[1] && r[0] < m.End {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
