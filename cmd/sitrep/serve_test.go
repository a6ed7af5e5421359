package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeSample ingests the sample article, serves it with the real
// binary on a loopback port and checks the API a map user relies on.
func TestServeSample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if r := run(t, "ingest", "--quiet", "--db", db, sample); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	cmd := exec.Command(binary, "serve", "--db", db, "--addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var base string
	select {
	case l := <-lines:
		i := strings.Index(l, "http://")
		if i < 0 {
			t.Fatalf("serve printed %q, no address", l)
		}
		base = strings.TrimSuffix(strings.Fields(l[i:])[0], "/")
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	get := func(path string, want int) []byte {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want {
			t.Fatalf("GET %s: %d, want %d: %s", path, resp.StatusCode, want, b)
		}
		return b
	}
	type page struct {
		Events []exported `json:"events"`
	}
	events := func(q url.Values) []exported {
		t.Helper()
		var p page
		if err := json.Unmarshal(get("/api/events?"+q.Encode(), http.StatusOK), &p); err != nil {
			t.Fatal(err)
		}
		return p.Events
	}
	all := events(url.Values{})
	if len(all) < 4 {
		t.Fatalf("%d events served", len(all))
	}
	// filters narrow to the right events
	if evs := events(url.Values{"q": {"liberated"}}); len(evs) != 1 || evs[0].Source.Code != "SYRMIL" {
		t.Errorf("q=liberated: %d events", len(evs))
	}
	if evs := events(url.Values{"country": {"FI"}}); len(evs) == 0 || evs[0].Location.Place.GeoNameID != 658225 {
		t.Errorf("country=FI: %+v", evs)
	}
	for _, e := range events(url.Values{"modality": {"reported"}}) {
		if e.Attribution.Modality != "reported" {
			t.Errorf("modality=reported served a %s event", e.Attribution.Modality)
		}
	}
	for _, e := range events(url.Values{"bbox": {"35,32,37,33.5"}}) { // southern Syria
		if l := e.Location; l == nil || l.Place == nil || l.Place.Lon < 35 || l.Place.Lon > 37 {
			t.Errorf("bbox served an event at %+v", l)
		}
	}
	if evs := events(url.Values{"type": {"Battles"}}); len(evs) == 0 {
		t.Error("type=Battles: no event")
	}
	// one event with its sentence, the article with its boilerplate
	var detail struct {
		Event    exported `json:"event"`
		Sentence struct {
			Text string `json:"text"`
		} `json:"sentence"`
	}
	if err := json.Unmarshal(get("/api/events/"+all[0].ID, http.StatusOK), &detail); err != nil {
		t.Fatal(err)
	}
	if detail.Sentence.Text == "" || detail.Sentence.Text != detail.Event.SentenceSpan.Text {
		t.Errorf("event detail sentence %q", detail.Sentence.Text)
	}
	var art struct {
		Body        string `json:"body"`
		Boilerplate []struct{ Kind string }
		Toponyms    []struct{ Kind string }
	}
	if err := json.Unmarshal(get("/api/articles/"+detail.Event.ArticleID, http.StatusOK), &art); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(art.Body, "Clashes are ongoing.") || len(art.Boilerplate) == 0 || len(art.Toponyms) < 10 {
		t.Errorf("article: body ends %q, %d boilerplate blocks, %d toponyms", art.Body[len(art.Body)-30:], len(art.Boilerplate), len(art.Toponyms))
	}
	var stats struct {
		Total  int `json:"total"`
		ByType []struct {
			Key   string `json:"key"`
			Count int    `json:"count"`
		} `json:"by_type"`
	}
	if err := json.Unmarshal(get("/api/stats", http.StatusOK), &stats); err != nil || stats.Total != len(all) || len(stats.ByType) == 0 {
		t.Errorf("stats: %+v %v", stats, err)
	}
	// exports and errors
	if csv := string(get("/api/events?format=csv", http.StatusOK)); !strings.HasPrefix(csv, "event_id,") {
		t.Errorf("csv starts %.40q", csv)
	}
	if gj := string(get("/api/events?format=geojson", http.StatusOK)); !strings.Contains(gj, `"FeatureCollection"`) {
		t.Errorf("geojson %.60q", gj)
	}
	get("/api/events?from=yesterday", http.StatusBadRequest)
	get("/api/events?colour=red", http.StatusBadRequest)
	get("/api/events/nope", http.StatusNotFound)
	if page := string(get("/", http.StatusOK)); !strings.Contains(page, "leaflet") {
		t.Error("the map page does not load Leaflet")
	}
}
