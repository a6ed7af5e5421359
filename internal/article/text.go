package article

import (
	"regexp"
	"strings"
	"time"

	"github.com/sitrep-dev/sitrep/internal/dates"
)

// fromBlocks builds an article from the blocks of a scrape (or of an
// extracted HTML body): the body is the run of prose from the first prose
// block to the last; what stands before it is read as header metadata
// (title, byline, dateline, tags) and what stands after as footer; blocks
// anywhere that carry a strong boilerplate cue are removed with their kind.
func fromBlocks(blocks []block, a *Article, haveTitle bool) {
	first, last := -1, -1
	for i, b := range blocks {
		if kind, strong := classify(b.text()); strong && kind != "" {
			continue
		}
		if isProse(b) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	foundProse := first >= 0
	if first < 0 {
		// No prose at all: keep every block that has no cue as body, so a
		// short item (a feed summary, a one-line bulletin) is not lost.
		first, last = 0, len(blocks)-1
	}
	h := header{a: a, haveTitle: haveTitle}
	for i, b := range blocks {
		switch {
		case i < first:
			h.read(b, i == 0)
		case i > last:
			h.readFooter(b)
		default:
			kind, strong := classify(b.text())
			if strong || (b.linkOnly && len(b.lines) > 0) {
				if kind == "" {
					kind = Navigation
				}
				a.Boilerplate = append(a.Boilerplate, Block{Kind: kind, Text: b.text()})
				h.footerMetadata(b.text())
				continue
			}
			a.Body = append(a.Body, b.text())
		}
	}
	h.finish()
	if !foundProse && len(strings.Fields(strings.Join(a.Body, " "))) < minWords {
		// A few stray words (a menu item, a caption) are not an article.
		for _, b := range a.Body {
			a.Boilerplate = append(a.Boilerplate, Block{Kind: Navigation, Text: b})
		}
		a.Body = nil
	}
}

// minWords is the least text a document without prose paragraphs must have
// to count as an article (a one-line bulletin has about this many).
const minWords = 4

type header struct {
	a         *Article
	haveTitle bool
	datelines []dateline
	origin    string // name from an "original source" cue
	originAt  time.Time
}

type dateline struct {
	name string
	date time.Time
}

var (
	nameSeparator = regexp.MustCompile(`\s*(?:,|\band\b|&)\s*`)
	bylineRE      = regexp.MustCompile(`(?i)^(?:by|written by|author|authors|posted by)\s*:?\s+(.+)$`)
	// originRE finds a syndication statement and the outlet it names.
	originRE  = regexp.MustCompile(`(?i)(?:original source of this article is|originally (?:published|appeared) (?:by|at|on|in)|first (?:published|appeared) (?:by|at|on|in)|republished (?:from|with permission (?:from|of))|cross-?posted from|reprinted (?:from|with permission (?:from|of)))\s+(?:the\s+)?([^.,;|]+?)(?:\s+on\s+([^.;|]+?))?\s*(?:[.,;|]|$)`)
	tagLabels = map[string]string{
		"region": "region", "regions": "region",
		"theme": "theme", "themes": "theme", "topic": "theme", "topics": "theme", "subject": "theme", "subjects": "theme",
		"in-depth report": "report", "report": "report", "series": "report", "dossier": "report", "special report": "report",
		"tag": "keyword", "tags": "keyword", "keyword": "keyword", "keywords": "keyword",
		"category": "category", "categories": "category", "section": "category", "filed under": "category",
	}
)

func (h *header) read(b block, isFirst bool) {
	t := b.text()
	kind, strong := classify(t)
	switch {
	case strong:
		h.a.Boilerplate = append(h.a.Boilerplate, Block{Kind: kind, Text: t})
	case h.readTags(b):
	case h.readByline(b):
	case h.readDateline(t):
	case strings.EqualFold(t, h.a.Title):
		h.a.Boilerplate = append(h.a.Boilerplate, Block{Kind: Metadata, Text: t}) // the headline repeated
	case isFirst && !h.haveTitle && len(strings.Fields(t)) <= 30:
		h.a.Title = t
		h.haveTitle = true
	default:
		if kind == "" {
			kind = Navigation
		}
		h.a.Boilerplate = append(h.a.Boilerplate, Block{Kind: kind, Text: t})
	}
}

func (h *header) readTags(b block) bool {
	t := b.text()
	i := strings.Index(t, ":")
	if i <= 0 || i > 30 {
		return false
	}
	kind, ok := tagLabels[strings.ToLower(strings.TrimSpace(t[:i]))]
	if !ok {
		return false
	}
	var values []string
	if len(b.links) > 0 {
		values = b.links
	} else {
		for _, v := range strings.FieldsFunc(t[i+1:], func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
			values = append(values, v)
		}
	}
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			h.a.Tags = append(h.a.Tags, Tag{Kind: kind, Name: v})
		}
	}
	h.a.Boilerplate = append(h.a.Boilerplate, Block{Kind: Metadata, Text: t})
	return true
}

func (h *header) readByline(b block) bool {
	m := bylineRE.FindStringSubmatch(b.text())
	if m == nil || len(strings.Fields(m[1])) > 12 {
		return false
	}
	names := b.links
	if len(names) == 0 {
		names = nameSeparator.Split(m[1], -1)
	}
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" && !containsFold(h.a.Authors, n) {
			h.a.Authors = append(h.a.Authors, n)
		}
	}
	h.a.Boilerplate = append(h.a.Boilerplate, Block{Kind: Metadata, Text: b.text()})
	return true
}

// readDateline takes "Publisher, July 18, 2018" or "Outlet 17 July 2018".
func (h *header) readDateline(t string) bool {
	name, d, ok := dates.Trailing(t)
	if !ok || len(strings.Fields(name)) > 6 {
		return false
	}
	h.datelines = append(h.datelines, dateline{name: name, date: d})
	h.a.Boilerplate = append(h.a.Boilerplate, Block{Kind: Metadata, Text: t})
	return true
}

func (h *header) readFooter(b block) {
	// Footers mix kinds line by line ("The original source ..." above
	// "Copyright ..."), so they are classified per line.
	for _, line := range b.lines {
		h.footerMetadata(line)
		kind, _ := classify(line)
		if kind == "" {
			if originRE.MatchString(line) {
				kind = Metadata
			} else {
				kind = Navigation
			}
		}
		h.a.Boilerplate = append(h.a.Boilerplate, Block{Kind: kind, Text: line})
	}
}

// footerMetadata picks syndication and authorship statements out of a
// removed block.
func (h *header) footerMetadata(t string) {
	if m := originRE.FindStringSubmatch(t); m != nil && h.origin == "" {
		h.origin = strings.TrimSpace(m[1])
		if d, ok := dates.Parse(m[2]); ok {
			h.originAt = d
		}
	}
}

func (h *header) finish() {
	a := h.a
	// The first dateline is the publisher's; a later one naming the
	// original outlet dates the original publication.
	if len(h.datelines) > 0 {
		if a.Publisher == "" && h.datelines[0].name != "" {
			a.Publisher = h.datelines[0].name
		}
		if a.Published.IsZero() {
			a.Published = h.datelines[0].date
		}
	}
	if h.origin != "" && !strings.EqualFold(h.origin, a.Publisher) {
		o := &Origin{Name: h.origin, Published: h.originAt}
		for _, d := range h.datelines {
			if o.Published.IsZero() && strings.EqualFold(d.name, o.Name) {
				o.Published = d.date
			}
		}
		a.OriginalSource = o
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
