// Package article turns a raw document (a text scrape, an HTML page, a feed
// item) into a clean article: metadata, body paragraphs, and the boilerplate
// that was removed, each block labelled with its kind.
package article

import (
	"strings"
	"time"
)

// Article is a cleaned document.
type Article struct {
	URL            string    `json:"url,omitempty"`
	Title          string    `json:"title"`
	Authors        []string  `json:"authors"`
	Publisher      string    `json:"publisher,omitempty"`
	Published      time.Time `json:"published,omitzero"`
	Language       string    `json:"language,omitempty"`
	OriginalSource *Origin   `json:"original_source,omitempty"`
	Tags           []Tag     `json:"tags"`
	Body           []string  `json:"body"` // paragraphs
	Boilerplate    []Block   `json:"boilerplate"`
	Input          Input     `json:"input"`
}

// Origin is the outlet an article was first published by, when the article
// is a republication ("The original source of this article is ...").
type Origin struct {
	Name      string    `json:"name"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

// Tag is a label the outlet gave the article: Kind is "region", "theme",
// "report", "category" or "keyword".
type Tag struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// BlockKind labels a removed block.
type BlockKind string

const (
	Share      BlockKind = "share"
	Donation   BlockKind = "donation"
	Copyright  BlockKind = "copyright"
	Disclaimer BlockKind = "disclaimer"
	FairUse    BlockKind = "fair-use"
	Contact    BlockKind = "contact"
	Navigation BlockKind = "navigation"
	Metadata   BlockKind = "metadata" // byline, dateline, tag lines: kept as fields, not body
)

// Block is one piece of removed boilerplate.
type Block struct {
	Kind BlockKind `json:"kind"`
	Text string    `json:"text"`
}

// Input records where the article came from.
type Input struct {
	Name   string `json:"name"`   // path, URL, or "file.warc.gz#record-id"
	Format string `json:"format"` // text, html, rss, warc, jsonl
}

// ParagraphSeparator joins Body into the text that offsets point into.
const ParagraphSeparator = "\n\n"

// BodyText is the body as one string: the text every offset refers to.
func (a Article) BodyText() string { return strings.Join(a.Body, ParagraphSeparator) }
