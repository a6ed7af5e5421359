package article

import (
	"bytes"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/sitrep-dev/sitrep/internal/ingest"
)

// minBody is the body length below which trafilatura's result is taken to
// have missed the article and readability gets a try.
const minBody = 200

// fromHTML extracts the main content with go-trafilatura and falls back to
// readeck's go-readability when trafilatura finds too little. The extracted
// paragraphs then go through the same block classifier as text scrapes, which
// removes what both libraries leave in (donation appeals, share notes).
func fromHTML(doc ingest.Doc, a *Article, haveTitle bool) error {
	pageURL, _ := url.Parse(doc.URL)
	opts := trafilatura.Options{OriginalURL: pageURL, ExcludeComments: true, ExcludeTables: false, EnableLog: false}
	res, terr := trafilatura.Extract(bytes.NewReader(doc.Content), opts)
	var blocks []block
	if terr == nil && res != nil {
		blocks = htmlBlocks(res.ContentNode)
		m := res.Metadata
		a.Title = strings.TrimSpace(m.Title)
		for _, n := range strings.Split(m.Author, ";") {
			if n = strings.TrimSpace(n); n != "" {
				a.Authors = append(a.Authors, n)
			}
		}
		a.Publisher = strings.TrimSpace(m.Sitename)
		a.Published = m.Date
		a.Language = m.Language
		if a.URL == "" {
			a.URL = m.URL
		}
		for _, c := range m.Categories {
			a.Tags = append(a.Tags, Tag{Kind: "category", Name: c})
		}
		for _, t := range m.Tags {
			a.Tags = append(a.Tags, Tag{Kind: "keyword", Name: t})
		}
	}
	// trafilatura's fallback for small pages joins all paragraphs into one
	// ("...on its website.The army ..."): a short result in one or two
	// blocks is checked against readability, which keeps them apart
	if blocksLen(blocks) < minBody || len(blocks) <= 2 && blocksLen(blocks) < 4*minBody {
		art, rerr := readability.FromReader(bytes.NewReader(doc.Content), pageURL)
		if rerr == nil && art.Node != nil {
			if fb := htmlBlocks(art.Node); blocksLen(fb) > blocksLen(blocks) || len(fb) > len(blocks) && 5*blocksLen(fb) >= 4*blocksLen(blocks) {
				blocks = fb
				if a.Title == "" {
					a.Title = strings.TrimSpace(art.Title())
				}
				if len(a.Authors) == 0 && art.Byline() != "" {
					a.Authors = []string{strings.TrimSpace(art.Byline())}
				}
				if a.Publisher == "" {
					a.Publisher = art.SiteName()
				}
				if a.Published.IsZero() {
					if t, err := art.PublishedTime(); err == nil {
						a.Published = t
					}
				}
			}
		} else if terr != nil {
			return terr
		}
	}
	fromBlocks(blocks, a, haveTitle || a.Title != "")
	return nil
}

func blocksLen(bs []block) int {
	n := 0
	for _, b := range bs {
		n += len(b.text())
	}
	return n
}

var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "li": true,
	"blockquote": true, "pre": true, "td": true, "th": true, "dd": true, "dt": true, "figcaption": true,
	"div": true, "section": true, "article": true, "main": true, "header": true, "footer": true,
	"table": true, "tr": true, "ul": true, "ol": true, "dl": true, "figure": true, "br": true, "hr": true,
	"body": true, "html": true, "caption": true, "address": true, "aside": true, "nav": true,
}

// htmlBlocks flattens an extracted content tree into paragraph blocks: text
// between block-level boundaries, with the texts of the links it holds.
func htmlBlocks(root *html.Node) []block {
	if root == nil {
		return nil
	}
	var out []block
	var text, linkText strings.Builder
	var links []string
	flush := func() {
		t := strings.Join(strings.Fields(text.String()), " ")
		lt := strings.Join(strings.Fields(linkText.String()), " ")
		if t != "" {
			out = append(out, block{raw: t, lines: []string{t}, links: links, linkOnly: lt == t})
		}
		text.Reset()
		linkText.Reset()
		links = nil
	}
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			text.WriteString(n.Data)
			if inLink {
				linkText.WriteString(n.Data)
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "svg", "button", "form":
				return
			}
		}
		isBlock := n.Type == html.ElementNode && blockTags[n.Data]
		if isBlock {
			flush()
		}
		if n.Type == html.ElementNode && n.Data == "a" {
			before := linkText.Len()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, true)
			}
			if t := strings.TrimSpace(linkText.String()[before:]); t != "" {
				links = append(links, strings.Join(strings.Fields(t), " "))
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
		if isBlock {
			flush()
		}
	}
	walk(root, false)
	flush()
	return out
}
