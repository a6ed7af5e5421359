package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func benchRead(b *testing.B, input string) {
	if _, err := os.Stat(input); err != nil {
		b.Skip(err)
	}
	var docs, bytes int
	for b.Loop() {
		Read(context.Background(), input, Options{}, func(d Doc, err error) bool {
			if err != nil {
				b.Fatal(err)
			}
			docs++
			bytes += len(d.Content)
			return true
		})
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
	b.SetBytes(int64(bytes / max(b.N, 1)))
}

func BenchmarkReadJSONLCorpus(b *testing.B) {
	benchRead(b, filepath.Join("..", "..", "..", "shared", "corpus", "wikinews-conflict.jsonl"))
}

func BenchmarkReadWARCGz(b *testing.B) { benchRead(b, td("crawl.warc.gz")) }

func BenchmarkReadHTML(b *testing.B) { benchRead(b, td("page.html")) }
