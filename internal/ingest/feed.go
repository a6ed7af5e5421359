package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
)

func (r *reader) readFeed(src *source) {
	limit := r.opts.maxDoc()
	feedLimit := feedSizeFactor * limit
	if src.size > feedLimit {
		r.fail(src.name, tooLarge(src.size, feedLimit, "a feed"))
		return
	}
	data, over, err := readAllLimited(src.r, feedLimit)
	if err != nil {
		r.fail(src.name, fmt.Errorf("read: %w", err))
		return
	}
	if over {
		r.fail(src.name, tooLarge(src.size, feedLimit, "a feed"))
		return
	}
	// gofeed honours the XML declaration's encoding itself.
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		r.fail(src.name, fmt.Errorf("parse feed: %w", err))
		return
	}
	if len(feed.Items) == 0 {
		r.fail(src.name, errors.New("feed has no items"))
		return
	}
	base := feedBase(feed, src.url)
	publisher := strings.TrimSpace(feed.Title)
	for i, item := range feed.Items {
		if r.interrupted(src.name) {
			return
		}
		id := strings.TrimSpace(item.GUID)
		if id == "" {
			id = strconv.Itoa(i + 1)
		}
		name := src.name + "#" + id
		doc, err := feedDoc(item, base, limit)
		if err != nil {
			if !r.fail(name, err) {
				return
			}
			continue
		}
		doc.Name = name
		if feed.FeedType == "atom" {
			doc.Container = Atom
		}
		if doc.URL == "" && strings.Contains(id, ":") {
			// an entry without a link is known by its id ("urn:uuid:...",
			// "tag:example.org,2020:1"), which feeds keep stable
			doc.URL = id
		}
		doc.Hints.Publisher = publisher
		doc.Fetched = src.fetched
		if !r.emit(doc) {
			return
		}
	}
}

func feedDoc(item *gofeed.Item, base *url.URL, limit int64) (Doc, error) {
	content := item.Content // content:encoded or Atom <content>: the full text
	if strings.TrimSpace(content) == "" {
		content = item.Description
	}
	if strings.TrimSpace(content) == "" {
		return Doc{}, errors.New("feed item has no content (neither content:encoded nor description)")
	}
	if n := int64(len(content)); n > limit {
		return Doc{}, tooLarge(n, limit, "one document")
	}
	d := Doc{Container: Feed, Format: Text, Content: bytes.ToValidUTF8([]byte(content), []byte("\uFFFD"))}
	if looksLikeMarkup(content) {
		d.Format = HTML
	}
	link := strings.TrimSpace(item.Link)
	if link == "" && len(item.Links) > 0 {
		link = strings.TrimSpace(item.Links[0])
	}
	d.URL = resolve(base, link)
	d.Hints.Title = strings.TrimSpace(item.Title)
	switch {
	case item.PublishedParsed != nil:
		d.Hints.Published = item.PublishedParsed.UTC()
	case item.UpdatedParsed != nil:
		d.Hints.Published = item.UpdatedParsed.UTC()
	}
	people := item.Authors
	if len(people) == 0 && item.Author != nil {
		people = []*gofeed.Person{item.Author}
	}
	for _, p := range people {
		if p == nil {
			continue
		}
		if n := strings.TrimSpace(p.Name); n != "" {
			d.Hints.Authors = append(d.Hints.Authors, n)
		} else if e := strings.TrimSpace(p.Email); e != "" {
			d.Hints.Authors = append(d.Hints.Authors, e)
		}
	}
	seen := map[string]bool{}
	for _, c := range item.Categories {
		c = strings.TrimSpace(c)
		if c != "" && !seen[strings.ToLower(c)] {
			seen[strings.ToLower(c)] = true
			d.Hints.Tags = append(d.Hints.Tags, c)
		}
	}
	return d, nil
}

// feedBase is what relative item links resolve against: the site the feed
// names, else where the feed came from.
func feedBase(feed *gofeed.Feed, fetchedFrom string) *url.URL {
	for _, s := range []string{feed.Link, feed.FeedLink, fetchedFrom} {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.IsAbs() {
			return u
		}
	}
	return nil
}

func resolve(base *url.URL, link string) string {
	if link == "" || base == nil {
		return link
	}
	u, err := url.Parse(link)
	if err != nil || u.IsAbs() {
		return link
	}
	return base.ResolveReference(u).String()
}

var markupRE = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*[\s/>]|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);`)

// looksLikeMarkup says whether feed content is HTML (tags or entities) rather
// than plain text, which many feeds put in <description>.
func looksLikeMarkup(s string) bool {
	return markupRE.MatchString(s)
}
