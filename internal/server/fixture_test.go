package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/store"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// The fixture is written through store.Put, the path the pipeline uses, so
// the server is tested against exactly what ingest stores.

var (
	syriaBody = []string{
		"DARAA 📍 The Syrian Arab Army (SAA) liberated the town of Busra al-Ḥarir in eastern Daraa on Monday, according to pro-government sources. Rebels denied the claim.",
		"Russian aircraft struck rebel positions near Nawa — west of Daraa city. The Jordanian government called for restraint.",
	}
	ammanBodyV1 = []string{"Protesters gathered in Amman on Tuesday."}
	ammanBodyV2 = []string{"Protesters gathered in Amman on Tuesday.", "Police dispersed them after two hours."}
)

// span finds the nth (from 0) occurrence of sub in the body and returns it
// in code points, the unit every stored offset uses.
func span(t testing.TB, body []string, sub string, nth int) event.Span {
	t.Helper()
	full := strings.Join(body, article.ParagraphSeparator)
	from := 0
	for i := 0; ; i++ {
		k := strings.Index(full[from:], sub)
		if k < 0 {
			t.Fatalf("%q not in body", sub)
		}
		if i == nth {
			start := utf8.RuneCountInString(full[:from+k])
			return event.Span{Start: start, End: start + utf8.RuneCountInString(sub), Text: sub}
		}
		from += k + len(sub)
	}
}

// sentences splits each paragraph after ". " the way a test can rely on.
func sentences(body []string) []text.Sentence {
	var out []text.Sentence
	byteOff, cpOff := 0, 0
	for p, para := range body {
		if p > 0 {
			byteOff += len(article.ParagraphSeparator)
			cpOff += utf8.RuneCountInString(article.ParagraphSeparator)
		}
		rest := para
		for rest != "" {
			n := strings.Index(rest, ". ")
			if n < 0 {
				n = len(rest)
			} else {
				n++
			}
			s := rest[:n]
			cps := utf8.RuneCountInString(s)
			out = append(out, text.Sentence{Index: len(out), Paragraph: p, Start: byteOff, End: byteOff + len(s),
				CharStart: cpOff, CharEnd: cpOff + cps, Text: s})
			byteOff += len(s)
			cpOff += cps
			rest = rest[n:]
			if strings.HasPrefix(rest, " ") {
				rest = rest[1:]
				byteOff++
				cpOff++
			}
		}
	}
	return out
}

func sentenceSpan(sents []text.Sentence, i int) event.Span {
	return event.Span{Start: sents[i].CharStart, End: sents[i].CharEnd, Text: sents[i].Text}
}

func place(name, cc string, lat, lon float64) *event.Place {
	return &event.Place{Name: name, CountryCode: cc, Lat: lat, Lon: lon, GeoNameID: int64(len(name)) * 1000}
}

// fixture writes two articles (one in two revisions) with five events:
// three pinned (exact, near, exact), one known only to its country, and one
// of the older revision of the Amman report. The first body has a character
// outside the BMP before its spans, so a client that slices UTF-16 units
// instead of code points highlights the wrong words.
func fixture(t testing.TB, path string) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()

	b := syriaBody
	ss := sentences(b)
	if len(ss) != 4 {
		t.Fatalf("fixture: %d sentences", len(ss))
	}
	syria := store.Analysis{
		Article: article.Article{
			URL: "https://www.globalresearch.ca/syria-daraa-offensive/1", Title: "Syrian army advances in Daraa",
			Publisher: "Global Research", Published: time.Date(2018, 6, 26, 0, 0, 0, 0, time.UTC), Authors: []string{"A. Writer"},
			OriginalSource: &article.Origin{Name: "Al-Masdar News", URL: "https://www.almasdarnews.com/a/1"},
			Tags:           []article.Tag{{Kind: "country", Name: "Syria"}}, Language: "en", Body: b,
			Boilerplate: []article.Block{{Kind: article.Donation, Text: "Support independent media: donate now."}},
			Input:       article.Input{Name: "syria.html", Format: "html"},
		},
		Sentences: ss,
		Pipeline:  "test",
		Events: []event.Event{
			{
				Sentence: 0, SentenceSpan: sentenceSpan(ss, 0),
				Source: event.Actor{Text: "The Syrian Arab Army (SAA)", Code: "SYRMIL", Country: "SYR", Sector: "MIL",
					Spans: []event.Span{span(t, b, "The Syrian Arab Army (SAA)", 0)}},
				Action: event.Action{Text: "liberated", Lemma: "liberate", Span: span(t, b, "liberated", 0), CAMEO: "192",
					PLOVER: "SEIZE", ACLEDType: "Battles", ACLEDSubType: "Government regains territory", QuadClass: 4},
				Attribution: event.Attribution{Modality: event.Reported, Source: "pro-government sources",
					Cue: ptr(span(t, b, "according to", 0))},
				Location: &event.Location{Name: "Busra al-Ḥarir", Span: ptr(span(t, b, "Busra al-Ḥarir", 0)),
					Place: place("Busra al-Harir", "SY", 32.842, 36.338), Precision: event.GeoExact},
				When:       event.When{Date: "2018-06-25", Precision: event.Day, Basis: "text", Span: ptr(span(t, b, "Monday", 0))},
				Confidence: 0.9, Coder: "test/1",
			},
			{
				Sentence: 2, SentenceSpan: sentenceSpan(ss, 2),
				Source: event.Actor{Text: "Russian aircraft", Code: "RUSMIL", Country: "RUS", Sector: "MIL",
					Spans: []event.Span{span(t, b, "Russian aircraft", 0)}},
				Target: &event.Actor{Text: "rebel positions", Code: "SYRREB", Country: "SYR", Sector: "REB",
					Spans: []event.Span{span(t, b, "rebel positions", 0)}},
				Action: event.Action{Text: "struck", Lemma: "strike", Span: span(t, b, "struck", 0), CAMEO: "195",
					PLOVER: "ATTACK", ACLEDType: "Explosions/Remote violence", ACLEDSubType: "Air/drone strike", QuadClass: 4},
				Attribution: event.Attribution{Modality: event.Asserted},
				Location: &event.Location{Name: "Nawa", Span: ptr(span(t, b, "Nawa", 0)), Anchor: "Nawa",
					Place: place("Nawa", "SY", 32.889, 36.043), Precision: event.GeoNear},
				When:       event.When{Date: "2018-06-26", Precision: event.Day, Basis: "dateline"},
				Confidence: 0.8, Coder: "test/1",
			},
			{
				Sentence: 3, SentenceSpan: sentenceSpan(ss, 3),
				Source: event.Actor{Text: "The Jordanian government", Code: "JORGOV", Country: "JOR", Sector: "GOV",
					Spans: []event.Span{span(t, b, "The Jordanian government", 0)}},
				Action: event.Action{Text: "called for", Lemma: "call for", Span: span(t, b, "called for", 0), CAMEO: "020",
					PLOVER: "DEMAND", QuadClass: 1},
				Attribution: event.Attribution{Modality: event.Statement},
				Location: &event.Location{Name: "Jordan", Place: place("Jordan", "JO", 31.0, 36.0),
					Precision: event.GeoCountry},
				When:       event.When{Date: "2018-06-26", Precision: event.Day, Basis: "dateline"},
				Confidence: 0.7, Coder: "test/1",
			},
		},
	}
	syria.Toponyms = []event.Toponym{
		{Span: span(t, b, "Busra al-Ḥarir", 0), Sentence: 0, Kind: "name", Precision: event.GeoExact,
			Place: place("Busra al-Harir", "SY", 32.842, 36.338)},
		{Span: span(t, b, "Daraa", 0), Sentence: 0, Kind: "name", Precision: event.GeoAdmin1,
			Place: place("Daraa", "SY", 32.9, 36.1)},
		{Span: span(t, b, "Nawa", 0), Sentence: 2, Kind: "unknown", Precision: event.GeoUnresolved},
	}
	if _, err := st.Put(ctx, &syria); err != nil {
		t.Fatal(err)
	}
	for _, body := range [][]string{ammanBodyV1, ammanBodyV2} {
		ss := sentences(body)
		an := store.Analysis{
			Article: article.Article{URL: "https://en.wikinews.org/wiki/Amman_protest", Title: "Protest in Amman",
				Publisher: "Wikinews", Published: time.Date(2018, 6, 27, 0, 0, 0, 0, time.UTC), Authors: []string{},
				Tags: []article.Tag{}, Body: body, Boilerplate: []article.Block{},
				Input: article.Input{Name: "amman.html", Format: "html"}},
			Sentences: ss,
			Pipeline:  "test",
			Events: []event.Event{{
				Sentence: 0, SentenceSpan: sentenceSpan(ss, 0),
				Source: event.Actor{Text: "Protesters", Code: "JOROPP", Country: "JOR", Sector: "OPP",
					Spans: []event.Span{span(t, body, "Protesters", 0)}},
				Action: event.Action{Text: "gathered", Lemma: "gather", Span: span(t, body, "gathered", 0), CAMEO: "141",
					PLOVER: "PROTEST", ACLEDType: "Protests", ACLEDSubType: "Peaceful protest", QuadClass: 3},
				Attribution: event.Attribution{Modality: event.Asserted},
				Location: &event.Location{Name: "Amman", Span: ptr(span(t, body, "Amman", 0)),
					Place: place("Amman", "JO", 31.955, 35.945), Precision: event.GeoExact},
				When:       event.When{Date: "2018-06-27", Precision: event.Day, Basis: "text", Span: ptr(span(t, body, "Tuesday", 0))},
				Confidence: 0.9, Coder: "test/1",
			}},
		}
		if _, err := st.Put(ctx, &an); err != nil {
			t.Fatal(err)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// newTestServer stores the fixture, opens it read-only as `sitrep serve`
// does, and serves it on a loopback port.
func newTestServer(t testing.TB) *httptest.Server {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	fixture(t, path)
	st, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(New(st))
	t.Cleanup(func() {
		ts.Close()
		st.Close()
	})
	return ts
}

// bulk stores n generated events spread over the Middle East and a year,
// many per article so that writing 100k of them takes seconds, not minutes.
func bulk(tb testing.TB, path string, n int) {
	tb.Helper()
	st, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	kinds := []struct{ cameo, plover, acled, sub string }{
		{"192", "SEIZE", "Battles", "Armed clash"},
		{"195", "ATTACK", "Explosions/Remote violence", "Air/drone strike"},
		{"141", "PROTEST", "Protests", "Peaceful protest"},
		{"020", "DEMAND", "", ""},
		{"182", "ASSAULT", "Violence against civilians", "Attack"},
	}
	mods := []event.Modality{event.Asserted, event.Reported, event.Statement}
	const perArticle = 1000
	body := []string{"Generated report. Forces clashed near the town."}
	ss := sentences(body)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for a := 0; a*perArticle < n; a++ {
		an := store.Analysis{
			Article: article.Article{URL: fmt.Sprintf("https://example.org/bulk/%d", a), Title: fmt.Sprintf("Bulk report %d", a),
				Publisher: []string{"Wire A", "Wire B", "Daily C"}[a%3], Authors: []string{}, Tags: []article.Tag{},
				Body: body, Boilerplate: []article.Block{}, Input: article.Input{Name: "bulk", Format: "text"}},
			Sentences: ss,
			Pipeline:  "bench",
		}
		for i := 0; i < perArticle && a*perArticle+i < n; i++ {
			k := a*perArticle + i
			kind := kinds[k%len(kinds)]
			lat, lon := 29+float64((k*7919)%1000)/100, 34+float64((k*104729)%1200)/100
			ev := event.Event{
				Sentence: i, SentenceSpan: sentenceSpan(ss, 1),
				Source: event.Actor{Text: "Forces", Code: "SYRMIL", Country: "SYR", Spans: []event.Span{{Start: 18, End: 24, Text: "Forces"}}},
				Action: event.Action{Text: "clashed", Span: event.Span{Start: 25, End: 32, Text: "clashed"}, CAMEO: kind.cameo,
					PLOVER: kind.plover, ACLEDType: kind.acled, ACLEDSubType: kind.sub},
				Attribution: event.Attribution{Modality: mods[k%len(mods)]},
				Location: &event.Location{Name: "the town", Place: place(fmt.Sprintf("Town %d", k%500), "SY", lat, lon),
					Precision: event.GeoExact},
				When:       event.When{Date: start.AddDate(0, 0, k%365).Format("2006-01-02"), Precision: event.Day, Basis: "dateline"},
				Confidence: 0.5, Coder: "bench/1",
			}
			an.Events = append(an.Events, ev)
		}
		if _, err := st.Put(context.Background(), &an); err != nil {
			tb.Fatal(err)
		}
	}
}
