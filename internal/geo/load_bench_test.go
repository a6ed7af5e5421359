package geo

import (
	"bufio"
	"encoding/json"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-dev/sitrep/data"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// BenchmarkLoad measures loading the embedded gazetteer and reports the heap
// it keeps and the process's resident memory (targets: < 2 s, < 400 MB).
func BenchmarkLoad(b *testing.B) {
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = LoadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	if rss := residentMB(); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
	}
	b.ReportMetric(float64(len(g.Places)), "places")
	b.ReportMetric(float64(len(g.index)), "keys")
	runtime.KeepAlive(g)
}

// residentMB reads the resident set size on Linux; 0 elsewhere.
func residentMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

// benchArticles are the sentences of the shipped Wikinews sample articles.
func benchArticles(b *testing.B) [][]text.Sentence {
	f, err := data.Samples.Open("samples/wikinews-selection.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out [][]text.Sentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		out = append(out, text.Split(rec.Text))
	}
	return out
}

// BenchmarkToponyms recognises and resolves every toponym of 89 news
// articles; toponyms/s is per core when run with -cpu 1.
func BenchmarkToponyms(b *testing.B) {
	gc := defaultGeocoder(b)
	arts := benchArticles(b)
	n := 0
	for b.Loop() {
		for _, s := range arts {
			n += len(gc.Toponyms(s, nil))
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "toponyms/s")
}

// BenchmarkResolve resolves given toponym spans (the ones recognised in the
// same articles): resolution alone, as the target counts it.
func BenchmarkResolve(b *testing.B) {
	gc := defaultGeocoder(b)
	arts := benchArticles(b)
	spans := make([][]event.Span, len(arts))
	for i, s := range arts {
		for _, t := range gc.Toponyms(s, nil) {
			spans[i] = append(spans[i], t.Span)
		}
	}
	n := 0
	for b.Loop() {
		for i, s := range arts {
			n += len(gc.ResolveSpans(s, spans[i]))
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "resolutions/s")
}
