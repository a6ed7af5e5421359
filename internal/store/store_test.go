package store

import (
	"context"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

func analysis(url, body string) *Analysis {
	a := article.Article{URL: url, Title: "Army retakes town", Publisher: "Wire", Published: time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC),
		Authors: []string{}, Tags: []article.Tag{}, Boilerplate: []article.Block{}, Body: []string{body},
		Input: article.Input{Name: "t", Format: "text"}}
	ss := text.Split(a.BodyText())
	ev := event.Event{Sentence: 0, SentenceSpan: ss[0].Span(0, len(ss[0].Text)),
		Source:      event.Actor{Text: "Government troops", Code: "MIL"},
		Action:      event.Action{Text: "recaptured", Span: ss[0].Span(18, 28), CAMEO: "192"},
		Attribution: event.Attribution{Modality: event.Asserted}, When: event.When{Date: "2020-05-01", Precision: event.Day, Basis: "dateline"},
		Location: &event.Location{Name: "Kafr Nabl", Place: &event.Place{GeoNameID: 1, Name: "Kafr Nabl", CountryCode: "SY", Lat: 35.6, Lon: 36.6}, Precision: event.GeoExact},
		Coder:    "test/1"}
	tops := []event.Toponym{{Span: ss[0].Span(41, 50), Kind: "name", Precision: event.GeoExact, Place: ev.Location.Place}}
	return &Analysis{Article: a, Sentences: ss, Events: []event.Event{ev}, Toponyms: tops, Pipeline: "test"}
}

// tempStore opens a fresh store in the test's temporary directory.
func tempStore(t *testing.T) *Store {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestPutRevisionsAndCopies(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	body := "Government troops recaptured the town of Kafr Nabl on Friday."
	for _, tc := range []struct {
		an   *Analysis
		want Outcome
	}{
		{analysis("https://a.example/1", body), NewArticle},
		{analysis("https://a.example/1", body), Unchanged},                   // the same again
		{analysis("https://a.example/1", body+" Rebels fled."), NewRevision}, // a correction
		{analysis("https://b.example/mirror", body), NewArticle},             // a copy elsewhere
	} {
		got, err := st.Put(ctx, tc.an)
		if err != nil || got != tc.want {
			t.Fatalf("Put %s: %v %v, want %v", tc.an.Article.URL, got, err, tc.want)
		}
	}
	c, _ := st.Count(ctx)
	if c.Articles != 2 || c.Revisions != 3 || c.Events != 3 {
		t.Errorf("counts %+v", c)
	}
	n := 0
	if err := st.EachEvent(ctx, Query{Filter: Filter{FirstCopy: true}}, func(Row) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("first copies hold %d events, want 2 (the mirror counts once)", n)
	}
	n = 0
	st.EachEvent(ctx, Query{Filter: Filter{Latest: true}}, func(Row) error { n++; return nil })
	if n != 2 {
		t.Errorf("latest revisions hold %d events, want 2", n)
	}
	rev, _ := analysis("https://a.example/1", body).AssignIDs()
	tops, err := st.Toponyms(ctx, rev)
	if err != nil || len(tops) != 1 || tops[0].Span.Text != "Kafr Nabl" || tops[0].Place == nil || tops[0].Place.CountryCode != "SY" {
		t.Errorf("toponyms %+v %v", tops, err)
	}
}

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		query string
		err   string // substring of the error, "" for none
	}{
		{"from=2020-01-01&to=2020-02-01&country=sy&modality=reported&type=19&bbox=35,32,37,33", ""},
		{"from=2020", "from must be a date"},
		{"from=2020-02-01&to=2020-01-01", "is after"},
		{"country=SYR", "alpha-2"},
		{"modality=likely", "modality must be one of"},
		{"bbox=1,2,3", "bbox must be"},
		{"bbox=0,50,10,40", "is above maxLat"},
		{"latest=maybe", "latest must be true or false"},
		{"q=%22%22", "no word"},
	} {
		v, _ := url.ParseQuery(tc.query)
		q, err := ParseQuery(v)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.query, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want %q", tc.query, err, tc.err)
		case tc.err == "" && (q.Country != "SY" || q.BBox == nil || q.Type != "19"):
			t.Errorf("%s: parsed %+v", tc.query, q)
		}
	}
}

func TestEscapePath(t *testing.T) {
	if got := escapePath("runs #1?/50%.db"); got != "runs %231%3f/50%25.db" {
		t.Errorf("escapePath = %q", got)
	}
}

// TestDateOrderPaging stores events out of date order and pages through
// them two at a time in each order: every page continues from the (date,
// seq) of the last event of the one before, across events of one date.
func TestDateOrderPaging(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	dates := []string{"2020-05-03", "2020-05-01", "2020-05-03", "2020-05-02", "2020-05-01"}
	for i, d := range dates {
		an := analysis("https://a.example/"+d+"/"+string(rune('a'+i)), "Government troops recaptured the town of Kafr Nabl on Friday, officials said "+d+".")
		an.Events[0].When.Date = d
		if _, err := st.Put(ctx, an); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		order Order
		want  []string // stored index of each event, in order
	}{
		{ByStored, []string{"0", "1", "2", "3", "4"}},
		{ByDate, []string{"1", "4", "3", "0", "2"}},
		{ByDateDesc, []string{"2", "0", "3", "4", "1"}},
	} {
		var got []string
		var after int64
		for pages := 0; pages < 10; pages++ {
			q := Query{Filter: Filter{Order: tc.order, After: after, Limit: 2}}
			n := 0
			err := st.QueryEvents(ctx, q, func(r RawRow) error {
				got = append(got, strconv.FormatInt(r.Seq-1, 10))
				after = r.Seq
				n++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n < 2 {
				break
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("order %q: events %v, want %v", tc.order, got, tc.want)
		}
	}
	if _, err := ParseQuery(url.Values{"sort": {"newest"}}); err == nil {
		t.Error("sort=newest accepted")
	}
	if q, err := ParseQuery(url.Values{"sort": {"-date"}}); err != nil || q.Order != ByDateDesc {
		t.Errorf("sort=-date: %+v %v", q.Order, err)
	}
}
