// Package data embeds the data sitrep ships that no single stage owns: the
// sample articles the demo ingests. Stage dictionaries and indexes live beside
// their sources in data/ and are compiled into the stage that reads them.
package data

import "embed"

//go:generate go run ./samples/select.go -corpus ../../shared/corpus/wikinews-conflict.jsonl -every 7 -out samples/wikinews-selection.jsonl

// Samples holds the demo articles: the motivating Global Research scrape and
// a selection of Wikinews conflict reports (CC BY 2.5, credited in NOTICE).
//
//go:embed samples/*.txt samples/*.jsonl
var Samples embed.FS
