// Package ingest finds the documents in what a user hands sitrep — files,
// directories, URLs; plain text, HTML, RSS/Atom feeds, WARC archives, JSONL
// dumps — and yields each as a Doc of UTF-8 text or HTML with what the
// container said about it. It does not clean or interpret the content: that
// is package article's job.
package ingest

import (
	"fmt"
	"time"
)

// Format names a kind of input or content.
type Format string

const (
	Text  Format = "text"  // plain text or a markdown scrape
	HTML  Format = "html"  // an HTML page or fragment
	Feed  Format = "rss"   // an RSS feed, or any feed while sniffing (container)
	Atom  Format = "atom"  // an Atom feed (container of the documents read from it)
	WARC  Format = "warc"  // a WARC archive (container)
	JSONL Format = "jsonl" // one JSON article per line (container)
)

// Doc is one document to be turned into an article.
type Doc struct {
	// Name identifies the document in messages and provenance: a path, a
	// URL, "dump.jsonl:12" or "crawl.warc.gz#<WARC-Record-ID>".
	Name string
	// Format is the format of Content: Text or HTML.
	Format Format
	// Container is the format of the input the document came in.
	Container Format
	// URL is the document's own address, when known.
	URL string
	// Content is the document, decoded to UTF-8.
	Content []byte
	// Hints are metadata the container gave (feed item, JSONL fields); the
	// extractor prefers them to what it guesses from the content.
	Hints Hints
	// Fetched is when the content was captured (WARC-Date, HTTP fetch),
	// zero if unknown. It is not the publication date.
	Fetched time.Time
}

// Hints carry metadata from the container.
type Hints struct {
	Title     string
	Published time.Time
	Authors   []string
	Tags      []string
	Publisher string
}

// InputError is a failure to read one input (or one record of it); the run
// goes on with the others.
type InputError struct {
	Name string // the input, e.g. "dump.jsonl:12"
	Err  error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Name, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }
