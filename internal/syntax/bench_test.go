package syntax

import (
	"bufio"
	"bytes"
	"encoding/json"
	"runtime"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/data"
	syntaxdata "github.com/sitrep-dev/sitrep/data/syntax"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// newsSentences are the sentences of the shipped Wikinews sample articles
// (CC BY 2.5), split as the pipeline splits them.
func newsSentences(b *testing.B) []string {
	f, err := data.Samples.Open("samples/wikinews-selection.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		for _, s := range text.Split(rec.Text) {
			out = append(out, s.Text)
		}
	}
	return out
}

// BenchmarkParse measures tokenize + tag + lemmatize + parse on news
// sentences; sentences/s is per core when run with -cpu 1.
func BenchmarkParse(b *testing.B) {
	p := mustDefault(b)
	sents := newsSentences(b)
	words := 0
	for _, s := range sents {
		words += len(Tokenize(s))
	}
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	n := 0
	for i := 0; i < b.N; i++ {
		p.Parse(sents[i%len(sents)])
		n++
	}
	el := time.Since(start).Seconds()
	b.ReportMetric(float64(n)/el, "sentences/s")
	if c := (cpuTime() - cpu).Seconds(); c > 0 {
		b.ReportMetric(float64(n)/c, "sentences/cpu-s")
	}
	b.ReportMetric(float64(words)/float64(len(sents)), "words/sentence")
}

// BenchmarkParseParallel is the same from GOMAXPROCS goroutines.
func BenchmarkParseParallel(b *testing.B) {
	p := mustDefault(b)
	sents := newsSentences(b)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			p.Parse(sents[i%len(sents)])
			i++
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "sentences/s")
}

// BenchmarkLoad decodes the embedded model and reports the memory it holds:
// the Go heap (lexicons, lemma tables) plus the weight tables, which are
// mapped outside the heap; the model's resident memory is their sum.
func BenchmarkLoad(b *testing.B) {
	var heap uint64
	var weights int
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		p, err := Load(bytes.NewReader(syntaxdata.Model))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		heap = after.HeapAlloc - before.HeapAlloc
		weights = p.WeightBytes()
		runtime.KeepAlive(p)
	}
	b.ReportMetric(float64(heap)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(weights)/(1<<20), "weights-MiB")
	b.ReportMetric(float64(len(syntaxdata.Model))/(1<<20), "file-MiB")
}
