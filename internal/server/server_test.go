package server

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/export"
	"github.com/sitrep-dev/sitrep/internal/store"
)

type eventsPage struct {
	Events []export.Record `json:"events"`
	Count  int             `json:"count"`
	Next   *int64          `json:"next"`
}

func get(t *testing.T, base, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func getJSON(t *testing.T, base, path string, want int, v any) {
	t.Helper()
	resp, b := get(t, base, path)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, want, b)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: content type %q", path, ct)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, b)
	}
}

func events(t *testing.T, base, query string) eventsPage {
	t.Helper()
	var p eventsPage
	getJSON(t, base, "/api/events?"+query, http.StatusOK, &p)
	if p.Count != len(p.Events) {
		t.Fatalf("%s: count %d but %d events", query, p.Count, len(p.Events))
	}
	return p
}

func TestEventsFilters(t *testing.T) {
	ts := newTestServer(t)
	all := events(t, ts.URL, "")
	if len(all.Events) != 5 || all.Next != nil {
		t.Fatalf("all events: %d, next %v", len(all.Events), all.Next)
	}
	for _, e := range all.Events {
		if e.Article.ArticleID == "" || e.Article.Title == "" || e.ID == "" {
			t.Fatalf("event without id or article: %+v", e)
		}
	}
	if got := all.Events[0].Article.OriginalSource; !strings.Contains(string(got), "Al-Masdar") {
		t.Errorf("original source not carried: %s", got)
	}
	cases := []struct {
		query string
		want  int
	}{
		{"from=2018-06-26&to=2018-06-26", 2},
		{"from=2018-06-27", 2},
		{"to=2018-06-25", 1},
		{"bbox=35.9,31.9,36.0,32.0", 2},                    // Amman, both revisions
		{"bbox=35,32,37,33", 2},                            // Busra al-Harir and near Nawa; Jordan has no point
		{"bbox=170,-90,-170,90", 0},                        // across the antimeridian
		{"bbox=-180,-90,180,90", 4},                        // every pinned event, not the country-only one
		{"country=sy", 2},                                  // place country, case-insensitive
		{"country=JO", 3},                                  // includes the country-only event
		{"actor=SYR", 2},                                   // source SYRMIL and target SYRREB
		{"actor=jordanian", 1},                             // text substring
		{"actor=Rebel+POSITIONS", 1},                       // target text, any case
		{"type=19", 2},                                     // CAMEO prefix
		{"type=attack", 1},                                 // PLOVER
		{"type=Protests", 2},                               // ACLED type
		{"type=" + url.QueryEscape("Air/drone strike"), 1}, // ACLED sub-event type
		{"modality=statement", 1},
		{"modality=reported", 1},
		{"source=global", 3},
		{"source=masdar", 3}, // the original of a republication
		{"source=Wikinews", 2},
		{"q=restraint", 1},
		{"q=daraa", 2},
		{"q=harir", 1}, // diacritics folded: the text says Ḥarir
		{"q=lib*", 1},
		{"q=" + url.QueryEscape(`"daraa"`), 2},
		{"q=daraa+OR+restraint", 0}, // FTS syntax in input is taken as words: no sentence has "or"
		{"q=russian+rebel", 1},
		{"q=nothinglikethis", 0},
		{"latest=true", 4},
		{"latest=false", 5},
		{"country=SY&type=19&modality=asserted", 1},
	}
	for _, c := range cases {
		if got := len(events(t, ts.URL, c.query).Events); got != c.want {
			t.Errorf("%s: %d events, want %d", c.query, got, c.want)
		}
	}
}

func TestEventsPaging(t *testing.T) {
	ts := newTestServer(t)
	seen := map[string]bool{}
	q := "limit=2"
	pages := 0
	for {
		p := events(t, ts.URL, q)
		pages++
		for _, e := range p.Events {
			if seen[e.ID] {
				t.Fatalf("event %s on two pages", e.ID)
			}
			seen[e.ID] = true
		}
		if p.Next == nil {
			break
		}
		if len(p.Events) != 2 {
			t.Fatalf("page of %d with a next cursor", len(p.Events))
		}
		q = "limit=2&after=" + strconv.FormatInt(*p.Next, 10)
	}
	if len(seen) != 5 || pages != 3 {
		t.Fatalf("paged %d events in %d pages, want 5 in 3", len(seen), pages)
	}
	// A full last page has no next: the server looks one row ahead.
	if p := events(t, ts.URL, "limit=5"); p.Next != nil {
		t.Fatalf("limit=5 of 5: next %d", *p.Next)
	}
}

// TestEventsSorted pages through the events in date order both ways: each
// page continues where the last stopped, across events of the same date.
func TestEventsSorted(t *testing.T) {
	ts := newTestServer(t)
	for _, sort := range []string{"date", "-date"} {
		whole := events(t, ts.URL, "sort="+sort)
		var paged []string
		q := "limit=2&sort=" + sort
		for {
			p := events(t, ts.URL, q)
			for _, e := range p.Events {
				paged = append(paged, e.ID)
			}
			if p.Next == nil {
				break
			}
			q = "limit=2&sort=" + sort + "&after=" + strconv.FormatInt(*p.Next, 10)
		}
		if len(whole.Events) != 5 || len(paged) != 5 {
			t.Fatalf("sort=%s: %d events at once, %d paged; want 5", sort, len(whole.Events), len(paged))
		}
		dates := map[string]bool{}
		for i, e := range whole.Events {
			dates[e.When.Date] = true
			if paged[i] != e.ID {
				t.Errorf("sort=%s: paged order %v differs from one page's at %d", sort, paged, i)
			}
			if i == 0 {
				continue
			}
			prev := whole.Events[i-1].When.Date
			if sort == "date" && e.When.Date < prev || sort == "-date" && e.When.Date > prev {
				t.Errorf("sort=%s: %s after %s", sort, e.When.Date, prev)
			}
		}
		if len(dates) < 2 || len(dates) == 5 {
			t.Fatalf("fixture dates %v: want some dates shared and some not", dates)
		}
	}
}

func TestEventsFormats(t *testing.T) {
	ts := newTestServer(t)
	resp, b := get(t, ts.URL, "/api/events?format=csv&limit=3")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || strings.Join(recs[0], ",") != strings.Join(export.Columns, ",") {
		t.Fatalf("csv: %d rows, header %v", len(recs), recs[0])
	}
	if resp.Header.Get("X-Next-After") == "" {
		t.Errorf("csv page of 3 of 5 has no X-Next-After")
	}

	resp, b = get(t, ts.URL, "/api/events?format=geojson")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/geo+json" {
		t.Fatalf("geojson: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry *struct {
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatalf("geojson: %v", err)
	}
	for _, f := range fc.Features {
		if _, ok := f.Properties["confidence"].(float64); !ok {
			t.Errorf("confidence %v is not a number", f.Properties["confidence"])
		}
	}
	nulls := 0
	for _, f := range fc.Features {
		if f.Geometry == nil {
			nulls++
			if f.Properties["geo_precision"] != "country" {
				t.Errorf("unpinned feature of precision %q", f.Properties["geo_precision"])
			}
		}
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 5 || nulls != 1 {
		t.Fatalf("geojson: %s with %d features, %d without geometry", fc.Type, len(fc.Features), nulls)
	}
}

func TestBadRequests(t *testing.T) {
	ts := newTestServer(t)
	for _, q := range []string{
		"from=2018-13-01", "to=yesterday", "from=2018-06-27&to=2018-06-25",
		"bbox=1,2,3", "bbox=a,b,c,d", "bbox=0,50,10,40", "bbox=-200,0,0,10", "bbox=0,-95,1,1",
		"limit=0", "limit=1001", "limit=ten", "after=-1", "after=x",
		"format=xml", "modality=maybe", "country=SYR", "country=1A", "latest=perhaps",
		"q=***", "q=%22%22", "contry=SY", "limit=1&limit=2", "sort=newest",
		"actor=" + strings.Repeat("x", 201),
	} {
		var e map[string]string
		getJSON(t, ts.URL, "/api/events?"+q, http.StatusBadRequest, &e)
		if e["error"] == "" {
			t.Errorf("%s: 400 without an error message", q)
		}
	}
	var e map[string]string
	getJSON(t, ts.URL, "/api/stats?limit=5", http.StatusBadRequest, &e)
	getJSON(t, ts.URL, "/api/stats?bbox=x", http.StatusBadRequest, &e)
	getJSON(t, ts.URL, "/api/articles/x?rev=1", http.StatusBadRequest, &e)
}

func TestNotFound(t *testing.T) {
	ts := newTestServer(t)
	for _, p := range []string{"/api/events/nope", "/api/articles/nope", "/api/nothing", "/nothing.html"} {
		var e map[string]string
		getJSON(t, ts.URL, p, http.StatusNotFound, &e)
		if e["error"] == "" {
			t.Errorf("%s: 404 without an error message", p)
		}
	}
	all := events(t, ts.URL, "")
	var e map[string]string
	getJSON(t, ts.URL, "/api/articles/"+all.Events[0].ArticleID+"?revision=nope", http.StatusNotFound, &e)

	resp, err := http.Post(ts.URL+"/api/events", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/events: %d", resp.StatusCode)
	}
}

func TestEventDetail(t *testing.T) {
	ts := newTestServer(t)
	all := events(t, ts.URL, "q=liberated")
	id := all.Events[0].ID
	var d struct {
		Event    event.Event        `json:"event"`
		Sentence *store.SentenceRow `json:"sentence"`
		Article  store.Source       `json:"article"`
	}
	getJSON(t, ts.URL, "/api/events/"+id, http.StatusOK, &d)
	if d.Event.ID != id || d.Sentence == nil || d.Article.Publisher != "Global Research" {
		t.Fatalf("detail: %+v", d)
	}
	if d.Sentence.Text != d.Event.SentenceSpan.Text || d.Sentence.Start != d.Event.SentenceSpan.Start {
		t.Fatalf("sentence %+v vs span %+v", d.Sentence, d.Event.SentenceSpan)
	}
	// The offsets are code points into the body the article endpoint returns.
	var a store.ArticleView
	getJSON(t, ts.URL, "/api/articles/"+d.Article.ArticleID, http.StatusOK, &a)
	body := []rune(a.Body)
	for _, sp := range []event.Span{d.Event.Action.Span, *d.Event.Location.Span, d.Event.Source.Spans[0], d.Event.SentenceSpan} {
		if got := string(body[sp.Start:sp.End]); got != sp.Text {
			t.Errorf("body[%d:%d] = %q, span says %q", sp.Start, sp.End, got, sp.Text)
		}
	}
}

func TestArticle(t *testing.T) {
	ts := newTestServer(t)
	amman := events(t, ts.URL, "source=wikinews")
	var a store.ArticleView
	getJSON(t, ts.URL, "/api/articles/"+amman.Events[0].ArticleID, http.StatusOK, &a)
	if len(a.Revisions) != 2 || a.RevisionSeq != 2 || !strings.Contains(a.Body, "Police dispersed") {
		t.Fatalf("newest revision not shown: %d revisions, seq %d, body %q", len(a.Revisions), a.RevisionSeq, a.Body)
	}
	if len(a.Events) != 1 {
		t.Fatalf("%d events of the shown revision", len(a.Events))
	}
	old := a.Revisions[0].ID
	getJSON(t, ts.URL, "/api/articles/"+a.ID+"?revision="+old, http.StatusOK, &a)
	if a.RevisionSeq != 1 || strings.Contains(a.Body, "Police") {
		t.Fatalf("revision 1: seq %d body %q", a.RevisionSeq, a.Body)
	}
	// A revision id finds its article too.
	getJSON(t, ts.URL, "/api/articles/"+old, http.StatusOK, &a)
	if a.RevisionID != old {
		t.Fatalf("by revision id: got revision %s", a.RevisionID)
	}

	syria := events(t, ts.URL, "source=global")
	getJSON(t, ts.URL, "/api/articles/"+syria.Events[0].ArticleID, http.StatusOK, &a)
	if !strings.Contains(string(a.Boilerplate), "donate now") || !strings.Contains(string(a.OriginalSource), "Al-Masdar") ||
		a.Publisher != "Global Research" || a.Published != "2018-06-26" || a.Input["format"] != "html" || len(a.Events) != 3 {
		t.Fatalf("article metadata: %+v", a)
	}
	// every place name of the body, resolved or not, in text order
	var names []string
	for _, tp := range a.Toponyms {
		names = append(names, tp.Span.Text+"/"+string(tp.Precision))
	}
	if got := strings.Join(names, " "); got != "Busra al-Ḥarir/exact Daraa/admin1 Nawa/unresolved" {
		t.Errorf("toponyms %s", got)
	}
	if a.Toponyms[0].Place == nil || a.Toponyms[0].Place.CountryCode != "SY" || a.Toponyms[2].Place != nil {
		t.Errorf("toponym places %+v", a.Toponyms)
	}
}

func TestStats(t *testing.T) {
	ts := newTestServer(t)
	var s store.Stats
	getJSON(t, ts.URL, "/api/stats", http.StatusOK, &s)
	if s.Total != 5 || s.Mapped != 4 {
		t.Fatalf("total %d mapped %d", s.Total, s.Mapped)
	}
	want := []store.Count{{Key: "2018-06-25", Count: 1}, {Key: "2018-06-26", Count: 2}, {Key: "2018-06-27", Count: 2}}
	if len(s.ByDay) != 3 || s.ByDay[0] != want[0] || s.ByDay[1] != want[1] || s.ByDay[2] != want[2] {
		t.Errorf("by day: %v", s.ByDay)
	}
	if s.ByType[0] != (store.Count{Key: "Protests", Count: 2}) || len(s.ByType) != 4 {
		t.Errorf("by type: %v", s.ByType)
	}
	if s.ByCountry[0] != (store.Count{Key: "JO", Count: 3}) || s.ByModality[0] != (store.Count{Key: "asserted", Count: 3}) {
		t.Errorf("by country %v, by modality %v", s.ByCountry, s.ByModality)
	}
	getJSON(t, ts.URL, "/api/stats?country=SY&q=daraa", http.StatusOK, &s)
	if s.Total != 2 {
		t.Errorf("filtered stats: total %d", s.Total)
	}
}

func TestAssets(t *testing.T) {
	ts := newTestServer(t)
	for path, want := range map[string]string{
		"/":                                 "text/html",
		"/assets/app.js":                    "text/javascript",
		"/assets/app.css":                   "text/css",
		"/assets/vendor/leaflet/leaflet.js": "text/javascript",
		"/assets/vendor/world/countries-110m.geojson": "",
		"/api/openapi.yaml":                           "application/yaml",
	} {
		resp, b := get(t, ts.URL, path)
		if resp.StatusCode != 200 || len(b) == 0 || !strings.HasPrefix(resp.Header.Get("Content-Type"), want) {
			t.Errorf("GET %s: %d, %d bytes, %s", path, resp.StatusCode, len(b), resp.Header.Get("Content-Type"))
		}
	}
}

// The server's handle must refuse writes, whatever a handler might try.
func TestReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.db")
	fixture(t, path)
	st, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	New(st)
	if _, err := st.DB().Exec(`INSERT INTO meta(key, value) VALUES ('x', 'y')`); err == nil {
		t.Fatal("read-only store accepted a write")
	}
}
