//go:build ignore

// select.go picks the demo's Wikinews articles from the shared corpus: every
// Nth article, so the selection spans the corpus's years, keeping only the
// fields the JSONL ingester reads plus the licence and URL for credit.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

func main() {
	corpus := flag.String("corpus", "", "wikinews-conflict.jsonl")
	every := flag.Int("every", 7, "keep every Nth article")
	out := flag.String("out", "", "output JSONL")
	flag.Parse()
	if err := run(*corpus, *every, *out); err != nil {
		fmt.Fprintln(os.Stderr, "select:", err)
		os.Exit(1)
	}
}

func run(corpus string, every int, out string) error {
	in, err := os.Open(corpus)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n, kept := 0, 0
	for sc.Scan() {
		n++
		if (n-1)%every != 0 {
			continue
		}
		var a struct {
			URL     string `json:"url"`
			Title   string `json:"title"`
			Date    string `json:"date"`
			Text    string `json:"text"`
			Licence string `json:"licence"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", corpus, n, err)
		}
		rec := map[string]string{"url": a.URL, "title": a.Title, "date": a.Date, "text": a.Text,
			"publisher": "Wikinews", "licence": a.Licence + ", Wikinews contributors"}
		b, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		w.Write(b)
		w.WriteByte('\n')
		kept++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "select: kept %d of %d articles\n", kept, n)
	return w.Flush()
}
