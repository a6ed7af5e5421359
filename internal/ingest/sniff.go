package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
)

// sniffLen is how much of an input the sniffer looks at. Feeds and pages
// often open with long comments or <head> boilerplate, so it is larger than
// the 512 bytes http.DetectContentType needs.
const sniffLen = 4096

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	gzipMagic  = []byte{0x1F, 0x8B}
)

// sniff decides what an input is from its first bytes (head), falling back
// on its name's extension and the Content-Type a server or archive gave
// (either may be empty). Content wins over the name because scrapers save
// pages under any name; the name only breaks ties the content leaves open.
// It returns an error for inputs that are not articles at all.
func sniff(head []byte, name, contentType string) (Format, error) {
	ext := extOf(name)
	mediaType, _, _ := mime.ParseMediaType(contentType)

	if bytes.HasPrefix(head, []byte("WARC/")) {
		return WARC, nil
	}
	if len(head) == 0 {
		return "", errEmpty
	}
	utf16 := bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE)
	if !utf16 {
		if err := checkBinary(head); err != nil {
			return "", err
		}
	}

	// From here on the input is text of some kind. Look at its first
	// meaningful characters; UTF-16 is too rare in article dumps to sniff
	// structure through, so it goes by extension and media type.
	body := head
	if utf16 {
		body = nil
	}
	body = bytes.TrimPrefix(body, bomUTF8)
	body = bytes.TrimLeft(body, " \t\r\n\f")

	if len(body) > 0 && body[0] == '{' {
		if f, ok := sniffJSON(body, ext, mediaType); ok {
			return f, nil
		}
	}
	if len(body) > 0 && body[0] == '[' && (ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || mediaType == "application/json") {
		return "", errors.New("a JSON array; sitrep reads JSON Lines (one article object per line)")
	}
	if len(body) > 0 && body[0] == '<' {
		root, isXML := rootElement(body)
		switch {
		case root == "rss" || root == "feed" || root == "rdf:rdf":
			return Feed, nil
		case htmlTags[root]:
			return HTML, nil
		case isXML && (ext == ".rss" || ext == ".atom" || isFeedType(mediaType)):
			// Named a feed but with an unusual root, or one beyond the
			// sniffed window: let the feed parser judge.
			return Feed, nil
		case isXML && root != "":
			return "", fmt.Errorf("an XML document with root <%s>, neither a feed nor a web page", root)
		case isXML:
			return "", fmt.Errorf("an XML document whose root element is not in its first %d bytes, not recognised as a feed or page", sniffLen)
		}
	}

	// Markup that does not start the text: a scraper's title line followed
	// by the page, or a fragment. A .txt or .md file is taken at its word
	// unless it starts with markup (handled above), since plain text may
	// quote a tag.
	switch ext {
	case ".txt", ".text", ".md", ".markdown":
		return Text, nil
	case ".html", ".htm", ".xhtml", ".shtml":
		return HTML, nil
	}
	switch mediaType {
	case "text/html", "application/xhtml+xml":
		return HTML, nil
	case "text/plain", "text/markdown":
		return Text, nil
	}
	if hasHTMLMarker(body) {
		return HTML, nil
	}
	return Text, nil
}

// sniffJSON classifies input starting with '{'.
func sniffJSON(body []byte, ext, mediaType string) (Format, bool) {
	line := body
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if bytes.Contains(line, []byte("jsonfeed.org/version")) {
		return Feed, true // JSON Feed, which gofeed reads
	}
	switch ext {
	case ".jsonl", ".ndjson", ".json":
		return JSONL, true
	}
	switch mediaType {
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json":
		return JSONL, true
	}
	// No name to go by: an object whose first key follows at once is a
	// JSON record, not prose that happens to open with a brace.
	rest := bytes.TrimLeft(body[1:], " \t\r\n")
	if len(rest) > 0 && rest[0] == '"' {
		return JSONL, true
	}
	return "", false
}

// checkBinary rejects content no text decoder should see: NUL bytes or a
// signature http.DetectContentType knows as non-text.
func checkBinary(head []byte) error {
	ct := http.DetectContentType(head)
	mt, _, _ := mime.ParseMediaType(ct)
	if mt == "" {
		mt = ct
	}
	if strings.HasPrefix(mt, "text/") || strings.HasSuffix(mt, "xml") || strings.HasSuffix(mt, "json") {
		if bytes.IndexByte(head, 0) >= 0 {
			return binaryError("application/octet-stream")
		}
		return nil
	}
	return binaryError(mt)
}

func binaryError(mediaType string) error {
	return &reasonError{msg: fmt.Sprintf("binary file (%s), not an article", mediaType), kind: ErrBinary}
}

// rootElement returns the lower-cased name of the first element in an XML or
// HTML prologue, skipping declarations, processing instructions and
// comments, and whether the input declared itself XML. A doctype counts as
// the element it names, so "<!DOCTYPE html>" is an html root.
func rootElement(b []byte) (name string, isXML bool) {
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case len(b) == 0 || b[0] != '<':
			return "", isXML
		case bytes.HasPrefix(b, []byte("<?")):
			if hasPrefixFold(b, "<?xml") {
				isXML = true
			}
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return "", isXML
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b[4:], []byte("-->"))
			if i < 0 {
				return "", isXML
			}
			b = b[4+i+3:]
		case hasPrefixFold(b, "<!doctype"):
			rest := bytes.TrimLeft(b[len("<!doctype"):], " \t\r\n")
			if n := tagName(rest); n != "" {
				return n, isXML
			}
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return "", isXML
			}
			b = b[i+1:]
		case bytes.HasPrefix(b, []byte("<!")):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return "", isXML
			}
			b = b[i+1:]
		default:
			return tagName(b[1:]), isXML
		}
	}
}

// tagName reads an element name (letters, digits, ':', '-', '_', '.') at
// the start of b, lower-cased.
func tagName(b []byte) string {
	i := 0
	for i < len(b) {
		c := b[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == ':' || c == '-' || c == '_' || c == '.') {
			i++
			continue
		}
		break
	}
	return strings.ToLower(string(b[:i]))
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// htmlTags are elements that, opening a document, make it a web page or an
// HTML fragment.
var htmlTags = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "link": true,
	"script": true, "style": true, "base": true, "noscript": true,
	"p": true, "div": true, "span": true, "article": true, "section": true, "main": true,
	"header": true, "footer": true, "nav": true, "aside": true, "figure": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"a": true, "b": true, "i": true, "em": true, "strong": true, "br": true, "hr": true,
	"img": true, "ul": true, "ol": true, "li": true, "table": true, "blockquote": true,
	"pre": true, "form": true, "iframe": true, "center": true, "font": true,
}

// htmlMarkers appearing near the start make a document HTML even when other
// text comes first, as in a scrape that prefixes the page with its URL.
var htmlMarkers = []string{"<!doctype html", "<html", "<head>", "<head ", "<body", "<p>", "<p ", "<div", "<article", "<br>", "<br/>", "<br />"}

func hasHTMLMarker(body []byte) bool {
	lower := bytes.ToLower(body[:min(len(body), 1024)])
	for _, m := range htmlMarkers {
		if bytes.Contains(lower, []byte(m)) {
			return true
		}
	}
	return false
}

func isFeedType(mediaType string) bool {
	switch mediaType {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return true
	}
	return false
}

// extOf returns the lower-cased extension of a file name or URL path,
// looking through a trailing ".gz".
func extOf(name string) string {
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	return path.Ext(name)
}
