package coder

import (
	"bufio"
	"encoding/json"
	"runtime"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/data"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// newsSentences are the sentences of the Wikinews demo selection shipped in
// data/samples (real news, CC BY 2.5 Wikinews contributors).
func newsSentences(tb testing.TB) []text.Sentence {
	f, err := data.Samples.Open("samples/wikinews-selection.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []text.Sentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil {
			out = append(out, text.Split(rec.Text)...)
		}
	}
	if len(out) == 0 {
		tb.Fatal("no sentences")
	}
	return out
}

// BenchmarkCode codes real news sentences on one core; it reports
// sentences/s (the target is 5,000 per core, syntax included when a parser
// is set).
func BenchmarkCode(b *testing.B) {
	c, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	benchCode(b, c)
}

// BenchmarkCodeParsed is BenchmarkCode as the pipeline codes: each
// sentence parsed by internal/syntax first, so it measures tagging,
// parsing and coding together.
func BenchmarkCodeParsed(b *testing.B) {
	parsed, _ := bothCoders(b)
	benchCode(b, parsed)
}

func benchCode(b *testing.B, c *Coder) {
	sents := newsSentences(b)
	ctx := Context{Published: time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Code(ctx, sents[i%len(sents)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// TestDictionaryMemory checks that the loaded dictionaries stay well under
// the 300 MB budget.
func TestDictionaryMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c, err := New("phoenix")
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("dictionaries: %.1f MB heap", mb)
	if mb > 300 {
		t.Errorf("dictionaries use %.0f MB, budget 300 MB", mb)
	}
	runtime.KeepAlive(c)
}
