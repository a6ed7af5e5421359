// Package export writes stored events in formats other tools read: JSON
// (the full record), CSV (one flat row per event, columns named after what
// GDELT and ACLED users look for) and GeoJSON (points for events placed at a
// town or near one; null geometry for those known only to a province or
// country, which must not be drawn as a pin in its middle).
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/store"
)

// Writer writes rows in one format. Close finishes the document.
type Writer interface {
	Write(store.Row) error
	Close() error
}

// Formats lists the names New accepts.
var Formats = []string{"json", "jsonl", "csv", "geojson"}

// New returns a writer of the named format.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "json":
		return &jsonWriter{w: w, array: true}, nil
	case "jsonl":
		return &jsonWriter{w: w}, nil
	case "csv":
		cw := csv.NewWriter(w)
		return &csvWriter{w: cw}, cw.Write(Columns)
	case "geojson":
		return &geoWriter{w: w}, nil
	}
	return nil, fmt.Errorf("unknown export format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// Record is the JSON export shape: the event record and the article it
// was read in.
type Record struct {
	event.Event
	Article store.Source `json:"article"`
}

type jsonWriter struct {
	w     io.Writer
	array bool
	n     int
}

func (j *jsonWriter) Write(r store.Row) error {
	b, err := json.Marshal(Record{Event: r.Event, Article: r.Source})
	if err != nil {
		return err
	}
	sep := "\n"
	if j.array {
		sep = ",\n"
		if j.n == 0 {
			sep = "[\n"
		}
	}
	if j.array {
		_, err = fmt.Fprintf(j.w, "%s%s", sep, b)
	} else {
		_, err = fmt.Fprintf(j.w, "%s\n", b)
	}
	j.n++
	return err
}

func (j *jsonWriter) Close() error {
	if !j.array {
		return nil
	}
	if j.n == 0 {
		_, err := io.WriteString(j.w, "[]\n")
		return err
	}
	_, err := io.WriteString(j.w, "\n]\n")
	return err
}

// Columns are the CSV header, documented in the README.
var Columns = []string{
	"event_id", "event_date", "date_precision", "date_basis",
	"source_actor", "source_code", "source_country", "source_country_from", "source_sector",
	"action", "cameo", "plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type", "quad_class",
	"target_actor", "target_code", "target_country", "target_country_from", "target_sector",
	"modality", "attributed_to",
	"location", "place", "geonameid", "latitude", "longitude", "country_code", "admin1", "geo_precision",
	"sentence", "sentence_start", "sentence_end", "confidence", "coder",
	"article_id", "revision_id", "url", "title", "publisher", "published", "original_source",
}

func flatten(r store.Row) []string {
	e := r.Event
	target := event.Actor{}
	if e.Target != nil {
		target = *e.Target
	}
	var loc, place, gid, lat, lon, cc, adm1, prec string
	if l := e.Location; l != nil {
		loc, prec = l.Name, string(l.Precision)
		if p := l.Place; p != nil {
			place, cc, adm1 = p.Name, p.CountryCode, p.Admin1
			if p.GeoNameID != 0 {
				gid = strconv.FormatInt(p.GeoNameID, 10)
			}
			if l.Precision == event.GeoExact || l.Precision == event.GeoNear {
				lat, lon = ftoa(p.Lat), ftoa(p.Lon)
			}
		}
	}
	var origin string
	if len(r.Source.OriginalSource) > 0 {
		var o struct{ Name string }
		if json.Unmarshal(r.Source.OriginalSource, &o) == nil {
			origin = o.Name
		}
	}
	quad := ""
	if e.Action.QuadClass != 0 {
		quad = strconv.Itoa(e.Action.QuadClass)
	}
	return []string{
		e.ID, e.When.Date, string(e.When.Precision), e.When.Basis,
		e.Source.Text, e.Source.Code, e.Source.Country, e.Source.CountryFrom, e.Source.Sector,
		e.Action.Text, e.Action.CAMEO, e.Action.PLOVER, e.Action.PLOVERMode, e.Action.ACLEDType, e.Action.ACLEDSubType, quad,
		target.Text, target.Code, target.Country, target.CountryFrom, target.Sector,
		string(e.Attribution.Modality), e.Attribution.Source,
		loc, place, gid, lat, lon, cc, adm1, prec,
		e.SentenceSpan.Text, strconv.Itoa(e.SentenceSpan.Start), strconv.Itoa(e.SentenceSpan.End), ftoa(e.Confidence), e.Coder,
		r.Source.ArticleID, r.Source.RevisionID, r.Source.URL, r.Source.Title, r.Source.Publisher, r.Source.Published, origin,
	}
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) Write(r store.Row) error { return c.w.Write(flatten(r)) }
func (c *csvWriter) Close() error            { c.w.Flush(); return c.w.Error() }

type geoWriter struct {
	w io.Writer
	n int
}

// numericColumns are written as JSON numbers in GeoJSON properties.
var numericColumns = map[string]bool{"quad_class": true, "geonameid": true, "latitude": true, "longitude": true,
	"sentence_start": true, "sentence_end": true, "confidence": true}

func (g *geoWriter) Write(r store.Row) error {
	props := make(map[string]any, len(Columns))
	for i, v := range flatten(r) {
		if v == "" {
			continue
		}
		if numericColumns[Columns[i]] {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				props[Columns[i]] = f
				continue
			}
		}
		props[Columns[i]] = v
	}
	var geometry any
	if l := r.Event.Location; l != nil && l.Place != nil && (l.Precision == event.GeoExact || l.Precision == event.GeoNear) {
		geometry = map[string]any{"type": "Point", "coordinates": []float64{l.Place.Lon, l.Place.Lat}}
	}
	b, err := json.Marshal(map[string]any{"type": "Feature", "id": r.Event.ID, "geometry": geometry, "properties": props})
	if err != nil {
		return err
	}
	sep := ",\n"
	if g.n == 0 {
		sep = `{"type":"FeatureCollection","features":[` + "\n"
	}
	g.n++
	_, err = fmt.Fprintf(g.w, "%s%s", sep, b)
	return err
}

func (g *geoWriter) Close() error {
	if g.n == 0 {
		_, err := io.WriteString(g.w, `{"type":"FeatureCollection","features":[]}`+"\n")
		return err
	}
	_, err := io.WriteString(g.w, "\n]}\n")
	return err
}
