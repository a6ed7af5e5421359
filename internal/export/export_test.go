package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/store"
)

func rows() []store.Row {
	pinned := event.Event{ID: "a", Source: event.Actor{Text: "gunmen", Code: "UAF", Country: "IRQ", CountryFrom: "place"},
		Action: event.Action{Text: "shot", CAMEO: "193", QuadClass: 4}, Attribution: event.Attribution{Modality: event.Asserted},
		Location:   &event.Location{Name: "Baghdad", Place: &event.Place{GeoNameID: 98182, Name: "Baghdad", Lat: 33.34, Lon: 44.4, CountryCode: "IQ"}, Precision: event.GeoExact},
		Confidence: 0.8, SentenceSpan: event.Span{Start: 0, End: 10, Text: "Gunmen shot"}}
	country := pinned
	country.ID = "b"
	country.Location = &event.Location{Name: "Iraq", Place: &event.Place{GeoNameID: 99237, Name: "Iraq", Lat: 33, Lon: 44, CountryCode: "IQ"}, Precision: event.GeoCountry}
	return []store.Row{{Seq: 1, Event: pinned}, {Seq: 2, Event: country}}
}

func write(t *testing.T, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := New(format, &b)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows() {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(write(t, "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || len(recs[0]) != len(Columns) {
		t.Fatalf("%d rows of %d columns", len(recs), len(recs[0]))
	}
	col := map[string]int{}
	for i, c := range recs[0] {
		col[c] = i
	}
	if r := recs[1]; r[col["source_country"]] != "IRQ" || r[col["source_country_from"]] != "place" || r[col["latitude"]] != "33.34" {
		t.Errorf("pinned row %v", r)
	}
	// a country-only place has no coordinates: it must not become a pin
	if r := recs[2]; r[col["latitude"]] != "" || r[col["geo_precision"]] != "country" {
		t.Errorf("country row has coordinates: %v", r)
	}
}

func TestGeoJSON(t *testing.T) {
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry   *struct{ Coordinates []float64 } `json:"geometry"`
			Properties map[string]any                   `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(write(t, "geojson"), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
		t.Fatalf("%s with %d features", fc.Type, len(fc.Features))
	}
	f := fc.Features[0]
	if f.Geometry == nil || f.Geometry.Coordinates[0] != 44.4 || f.Properties["confidence"] != 0.8 || f.Properties["geonameid"] != float64(98182) {
		t.Errorf("pinned feature %+v", f)
	}
	if fc.Features[1].Geometry != nil {
		t.Error("a country-only event has a point")
	}
}

func TestEmptyJSON(t *testing.T) {
	var b bytes.Buffer
	w, _ := New("json", &b)
	w.Close()
	if b.String() != "[]\n" {
		t.Errorf("empty export %q", b.String())
	}
	if _, err := New("xml", &b); err == nil {
		t.Error("xml accepted")
	}
}
