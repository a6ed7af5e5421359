package geo

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/sitrep-dev/sitrep/data"
	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/pipeline"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// the geocoder is the pipeline's Geocoder stage
var _ pipeline.Geocoder = (*Geocoder)(nil)

const sampleName = "samples/globalresearch-2018-07-18-southern-syria.txt"

// sampleArticle cleans the motivating article as the pipeline does.
func sampleArticle(t testing.TB) (*article.Article, []text.Sentence) {
	t.Helper()
	raw, err := fs.ReadFile(data.Samples, sampleName)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Extractor{}.Extract(ingest.Doc{Name: sampleName, Format: ingest.Text, Container: ingest.Text, Content: raw})
	if err != nil {
		t.Fatal(err)
	}
	return &a, text.Split(a.BodyText())
}

// fakeEvent puts an event in the sentence containing verb, with its action
// on the verb, as the coder would.
func fakeEvent(t *testing.T, sentences []text.Sentence, verb string) event.Event {
	t.Helper()
	for _, s := range sentences {
		if i := strings.Index(s.Text, verb); i >= 0 {
			return event.Event{Sentence: s.Index, SentenceSpan: s.Span(0, len(s.Text)), Action: event.Action{Text: verb, Span: s.Span(i, i+len(verb))}}
		}
	}
	t.Fatalf("no sentence with %q", verb)
	return event.Event{}
}

// GeoNames ids of the sample's places.
const (
	idDaraaCity     = 170905 // Dar‘ā, PPLA, SY
	idDaraaProvince = 170903 // Muḩāfaz̧at Dar‘ā, ADM1, SY
	idNawa          = 166365 // Nawá, PPLA3, SY
	idHajin         = 174506 // Hajīn, PPLA3, SY
	idHelsinki      = 658225 // Helsinki, PPLC, FI
)

func TestSampleArticleLocations(t *testing.T) {
	gc := defaultGeocoder(t)
	a, sentences := sampleArticle(t)
	events := []event.Event{
		fakeEvent(t, sentences, "have liberated"),
		fakeEvent(t, sentences, "have requested"),
		fakeEvent(t, sentences, "held a face-to-face meeting"),
		fakeEvent(t, sentences, "have resumed their advance"),
		fakeEvent(t, sentences, "has entered"),
	}
	events[0].Source.Country = "SYR"
	tops := gc.LocateAll(a, sentences, events)
	if len(tops) < 20 {
		t.Errorf("LocateAll returned %d toponyms", len(tops))
	}
	for i, ev := range events {
		if ev.Location == nil {
			t.Fatalf("event %d has no location", i)
		}
	}

	// 1: the liberated settlements are not in the gazetteer: kept by name, near Daraa
	l := events[0].Location
	if l.Name != "Al-Harra" || l.Precision != event.GeoNear || l.Anchor != "Daraa" || l.Place == nil || l.Place.GeoNameID != idDaraaCity {
		t.Errorf("liberation: got %+v place %+v, want Al-Harra near Daraa (%d)", l, l.Place, idDaraaCity)
	}
	others := spanTexts(l.Others)
	for _, want := range []string{"Nimer", "Umm al-Awsaj", "Daraa"} {
		if !strings.Contains(others, "|"+want+"|") {
			t.Errorf("liberation: Others %s lacks %s", others, want)
		}
	}
	// 2: "some FSA units in the area": the province of the place just named (Nawa)
	l = events[1].Location
	if l.Precision != event.GeoAdmin1 || l.Place == nil || l.Place.GeoNameID != idDaraaProvince {
		t.Errorf("ceasefire request: got %+v place %+v, want Daraa province at admin1", l, l.Place)
	}
	// 3: Helsinki
	l = events[2].Location
	if l.Name != "Helsinki" || l.Precision != event.GeoExact || l.Place == nil || l.Place.GeoNameID != idHelsinki || l.Place.CountryCode != "FI" {
		t.Errorf("summit: got %+v place %+v, want Helsinki exact", l, l.Place)
	}
	// 4: Hajin in the Euphrates Valley
	l = events[3].Location
	if l.Name != "Hajin" || l.Precision != event.GeoExact || l.Place == nil || l.Place.GeoNameID != idHajin {
		t.Errorf("SDF advance: got %+v place %+v, want Hajin exact", l, l.Place)
	}
	if !strings.Contains(spanTexts(l.Others), "|Euphrates Valley|") {
		t.Errorf("SDF advance: Others %v lacks the Euphrates Valley", l.Others)
	}
	// 5: "the SDF has entered the town": the town just named, not its province
	l = events[4].Location
	if l.Name != "the town" || l.Precision != event.GeoExact || l.Place == nil || l.Place.GeoNameID != idHajin || l.Anchor != "Hajin" {
		t.Errorf("SDF entry: got %+v place %+v, want the town = Hajin exact", l, l.Place)
	}
	for _, ev := range events {
		if sp := ev.Location.Span; sp != nil {
			body := []rune(a.BodyText())
			if got := string(body[sp.Start:sp.End]); got != sp.Text {
				t.Errorf("span %+v reads %q in the body", sp, got)
			}
		}
	}
}

func spanTexts(spans []event.Span) string {
	var b strings.Builder
	b.WriteByte('|')
	for _, s := range spans {
		b.WriteString(s.Text)
		b.WriteByte('|')
	}
	return b.String()
}

func TestSampleArticleToponyms(t *testing.T) {
	gc := defaultGeocoder(t)
	_, sentences := sampleArticle(t)
	tops := gc.Toponyms(sentences, []string{"SYR"})
	byName := map[string]Toponym{}
	for _, tp := range tops {
		if _, dup := byName[tp.Span.Text]; !dup {
			byName[tp.Span.Text] = tp
		}
	}
	for _, c := range []struct {
		name string
		id   int64
		prec event.GeoPrecision
	}{
		{"Daraa", idDaraaCity, event.GeoExact},
		{"Nawa", idNawa, event.GeoExact},
		{"Hajin", idHajin, event.GeoExact},
		{"Helsinki", idHelsinki, event.GeoExact},
	} {
		tp, ok := byName[c.name]
		if !ok || tp.Place == nil || tp.Place.GeoNameID != c.id || tp.Precision != c.prec {
			t.Errorf("%s: got %+v (place %+v), want GeoNames %d %s", c.name, tp, tp.Place, c.id, c.prec)
		}
	}
	for _, name := range []string{"Al-Harra", "Nimer", "Umm al-Awsaj"} {
		tp, ok := byName[name]
		if !ok || tp.Precision != event.GeoNear || tp.Anchor != "Daraa" || tp.Place == nil || tp.Place.GeoNameID != idDaraaCity {
			t.Errorf("%s: got %+v, want kept by name, near Daraa", name, tp)
		}
	}
	for _, c := range []struct{ name, code string }{{"Golan Heights", "PLAT"}, {"Euphrates Valley", "VAL"}} {
		tp, ok := byName[c.name]
		if !ok || tp.Place == nil || tp.Place.Name != c.name || tp.Place.FeatureCode != c.code || tp.Place.CountryCode != "SY" {
			t.Errorf("%s: got %+v (place %+v), want the curated region entry", c.name, tp, tp.Place)
		}
		if tp.Precision == event.GeoExact {
			t.Errorf("%s: a region is an area, not an exact point", c.name)
		}
	}
	// none of the boilerplate or the actors' adjectives becomes a place
	if tp, ok := byName["Free"]; ok {
		t.Errorf("\"Free\" (of the Free Syrian Army) taken for a place: %+v", tp)
	}
}

// TestPlaceCountry: an actor no dictionary gave a country takes the country
// of the event's place, marked; an international one does not, and a
// dictionary's country stands.
func TestPlaceCountry(t *testing.T) {
	gc := defaultGeocoder(t)
	loc := &event.Location{Place: &event.Place{CountryCode: "IQ"}, Precision: event.GeoExact}
	for _, tc := range []struct {
		actor event.Actor
		want  string
	}{
		{event.Actor{Text: "gunmen", Code: "UAF"}, "IRQ"},
		{event.Actor{Code: "UAF"}, "IRQ"},
		{event.Actor{Text: "opposition groups", Code: "OPP"}, "IRQ"},
		{event.Actor{Text: "Jeff Flint"}, "IRQ"},                                    // named but unknown: a best effort, marked
		{event.Actor{Text: "the UN", Code: "IGOUNO"}, ""},                           // international
		{event.Actor{Text: "Syrian troops", Code: "SYRMIL", Country: "SYR"}, "SYR"}, // the dictionary's country stands
	} {
		a := tc.actor
		gc.placeCountry(&a, loc)
		if a.Country != tc.want {
			t.Errorf("%+v: country %q, want %q", tc.actor, a.Country, tc.want)
		}
		if tc.want != "" && tc.actor.Country == "" && a.CountryFrom != "place" {
			t.Errorf("%+v: country_from %q, want place", tc.actor, a.CountryFrom)
		}
	}
}
