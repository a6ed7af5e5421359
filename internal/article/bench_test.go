package article

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// corpusTexts reads the bundled Wikinews selection (real conflict reports).
func corpusTexts(b *testing.B) []ingest.Doc {
	f, err := os.Open("../../data/samples/wikinews-selection.jsonl")
	if err != nil {
		b.Skip("bundled samples missing:", err)
	}
	defer f.Close()
	var docs []ingest.Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var r struct{ Title, Text, URL string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, ingest.Doc{Name: r.URL, Format: ingest.Text, URL: r.URL, Content: []byte(r.Text), Hints: ingest.Hints{Title: r.Title}})
	}
	sample, err := os.ReadFile("testdata/globalresearch-2018-07-18-southern-syria.txt")
	if err != nil {
		b.Fatal(err)
	}
	return append(docs, ingest.Doc{Name: "sample", Format: ingest.Text, Content: sample})
}

// asPage wraps an article in the kind of page a news site serves: head
// metadata, scripts, navigation, share bar, sidebar and footer.
func asPage(d ingest.Doc, i int) ingest.Doc {
	var p strings.Builder
	fmt.Fprintf(&p, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2020-01-%02dT08:00:00Z">
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script><style>body{font-family:serif}</style></head><body>
<header><nav><ul>`, html.EscapeString(d.Hints.Title), i%28+1)
	for _, s := range []string{"World", "Politics", "Business", "Tech", "Science", "Sport", "Opinion", "Video"} {
		fmt.Fprintf(&p, `<li><a href="/%s">%s</a></li>`, strings.ToLower(s), s)
	}
	fmt.Fprintf(&p, `</ul></nav></header><main><article><h1>%s</h1><div class="byline">By Staff Reporter</div>
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>`, html.EscapeString(d.Hints.Title))
	for _, para := range strings.Split(string(d.Content), "\n\n") {
		fmt.Fprintf(&p, "<p>%s</p>\n", html.EscapeString(para))
	}
	p.WriteString(`</article><aside><h3>Most read</h3><ul>`)
	for k := 0; k < 10; k++ {
		fmt.Fprintf(&p, `<li><a href="/story/%d">Another story headline number %d about events</a></li>`, k, k)
	}
	p.WriteString(`</ul></aside></main><footer><p>© 2020 Example News. All rights reserved.</p><p><a href="/about">About</a> <a href="/contact">Contact</a></p></footer></body></html>`)
	return ingest.Doc{Name: d.Name, Format: ingest.HTML, Content: []byte(p.String())}
}

// BenchmarkCleanAndSplitText is the text-scrape path of ingest: boilerplate
// classification, metadata, and sentence splitting. Reports articles/s.
func BenchmarkCleanAndSplitText(b *testing.B) {
	docs := corpusTexts(b)
	benchDocs(b, docs)
}

// BenchmarkCleanAndSplitHTML is the same for HTML pages (trafilatura first).
func BenchmarkCleanAndSplitHTML(b *testing.B) {
	texts := corpusTexts(b)
	docs := make([]ingest.Doc, len(texts))
	for i, d := range texts {
		docs[i] = asPage(d, i)
	}
	benchDocs(b, docs)
}

func benchDocs(b *testing.B, docs []ingest.Doc) {
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Content))
	}
	b.SetBytes(bytes / int64(len(docs)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		d := docs[n%len(docs)]
		n++
		a, err := Extractor{}.Extract(d)
		if err != nil {
			b.Fatal(err)
		}
		text.Split(a.BodyText())
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
