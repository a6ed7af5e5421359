package article

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-dev/sitrep/internal/dates"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// Extractor turns raw documents into clean articles.
type Extractor struct{}

// ErrNoContent means a document held no article text.
var ErrNoContent = errors.New("no article text found")

// Extract cleans one document. Metadata the container supplied (feed item,
// JSONL fields) wins over what the content suggests.
func (Extractor) Extract(doc ingest.Doc) (Article, error) {
	a := Article{
		URL:   doc.URL,
		Input: Input{Name: doc.Name, Format: string(doc.Container)},
	}
	if a.Input.Format == "" {
		a.Input.Format = string(doc.Format)
	}
	haveTitle := doc.Hints.Title != ""
	var err error
	switch doc.Format {
	case ingest.HTML:
		err = fromHTML(doc, &a, haveTitle)
	default:
		fromBlocks(splitBlocks(string(doc.Content)), &a, haveTitle)
	}
	if err != nil {
		return Article{}, fmt.Errorf("extract %s: %w", doc.Name, err)
	}
	applyHints(&a, doc.Hints)
	if a.Published.IsZero() && len(a.Body) > 0 {
		a.Published = datelineDate(a.Body[0])
	}
	if a.Title != "" && len(a.Body) > 0 && strings.EqualFold(strings.TrimSpace(a.Body[0]), a.Title) {
		a.Body = a.Body[1:] // the page repeated its headline as the first paragraph
	}
	if len(a.Body) == 0 {
		return Article{}, fmt.Errorf("extract %s: %w", doc.Name, ErrNoContent)
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if a.Tags == nil {
		a.Tags = []Tag{}
	}
	if a.Boilerplate == nil {
		a.Boilerplate = []Block{}
	}
	return a, nil
}

func applyHints(a *Article, h ingest.Hints) {
	if h.Title != "" {
		a.Title = strings.TrimSpace(h.Title)
	}
	if !h.Published.IsZero() {
		a.Published = h.Published
	}
	if len(h.Authors) > 0 {
		a.Authors = nil
		for _, n := range h.Authors {
			if n = strings.TrimSpace(n); n != "" && !containsFold(a.Authors, n) {
				a.Authors = append(a.Authors, n)
			}
		}
	}
	if h.Publisher != "" {
		a.Publisher = h.Publisher
	}
	for _, t := range h.Tags {
		if t = strings.TrimSpace(t); t != "" {
			a.Tags = append(a.Tags, Tag{Kind: "category", Name: t})
		}
	}
}

// datelineDate is the full date a body's dateline gives ("KABUL, Aug. 5,
// 2021 -"), zero when it has none or gives no year: a wire story's dateline
// is its publication date when nothing else says so.
func datelineDate(first string) time.Time {
	d := text.Dateline(first)
	if d == "" {
		return time.Time{}
	}
	for _, m := range dates.Find(d, time.Time{}) {
		if !m.Relative && m.Precision == event.Day {
			return m.Date
		}
	}
	return time.Time{}
}
