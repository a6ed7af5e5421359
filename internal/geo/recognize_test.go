package geo

import (
	"strings"
	"testing"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

func TestTokenize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Rebels entered Al-Harra.", "Rebels|entered|Al|-|Harra|."},
		{"the U.S.-led coalition", "the|U.S.|-|led|coalition"},
		{"near Gainesville, Ga., on Friday", "near|Gainesville|,|Ga.|,|on|Friday"},
		{"Russia’s envoy and Ma'arrat al-Nu'man", "Russia|’|s|envoy|and|Ma'arrat|al|-|Nu'man"},
		{"I've seen St. Louis and W.Va. roads", "I|'|ve|seen|St.|Louis|and|W.Va.|roads"},
		{"It ended. Then", "It|ended|.|Then"},
	} {
		toks, _ := tokenize(c.in, nil, nil)
		var parts []string
		for _, tk := range toks {
			parts = append(parts, c.in[tk.start:tk.end])
		}
		if got := strings.Join(parts, "|"); got != c.want {
			t.Errorf("tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// found describes a toponym for the table tests: text, kind, and the
// country of its place ("" when unresolved).
func found(tops []Toponym) string {
	var b strings.Builder
	for _, tp := range tops {
		cc := ""
		if tp.Place != nil {
			cc = tp.Place.CountryCode
			if cc == "" {
				cc = "-"
			}
		}
		b.WriteString(tp.Span.Text + "/" + tp.Kind + "/" + cc + "/" + string(tp.Precision) + " ")
	}
	return strings.TrimSpace(b.String())
}

func TestRecogniseAndResolve(t *testing.T) {
	gc := defaultGeocoder(t)
	for _, c := range []struct {
		name, text, want string
	}{
		{"city in context", "Government forces shelled Aleppo on Monday, residents in Syria said.",
			"Aleppo/name/SY/exact Syria/name/SY/country"},
		{"demonym", "Turkish troops crossed the border.", "Turkish/demonym/TR/country"},
		{"language is no demonym", "The statement was issued in French.", ""},
		{"ordinary words in capitals", "Police said the Council would meet on Thursday.", ""},
		{"person with a title", "President Lincoln spoke. Senator Warren agreed.", ""},
		{"given name and surname", "Officer Paul Durham said the road was closed. Durham added that nobody was hurt.", ""},
		{"place inside an organisation", "The Georgia Bureau of Investigation opened an inquiry in Atlanta.",
			"Georgia/name/US/admin1 Atlanta/name/US/exact"},
		{"town and state", "She grew up in Paris, Texas, and moved to Dallas.",
			"Paris/name/US/exact Texas/name/US/admin1 Dallas/name/US/exact"},
		{"AP state abbreviation", "The fire started near Athens, Ga., late on Sunday.",
			"Athens/name/US/exact Ga./name/US/admin1"},
		{"Paris alone", "Thousands marched through Paris against the reform.", "Paris/name/FR/exact"},
		{"hyphenated adjectives", "The US-backed fighters and the Syrian-Russian talks.",
			"US/name/US/country Syrian/demonym/SY/country Russian/demonym/RU/country"},
		{"half of a brand", "A Wal-Mart store opened.", ""},
		{"province suffix", "Fighting spread across Deir ez-Zor province.", "Deir ez-Zor province/name/SY/admin1"},
		{"article variants", "Jets struck ar-Raqqa and Al-Bab.", "ar-Raqqa/name/SY/exact Al-Bab/name/SY/exact"},
		{"street", "The shop on Hertford Road in London was closed.", "Hertford Road/street/GB/near London/name/GB/exact"},
		{"unknown villages near an anchor", "Troops took the villages of Tell Zawiya and Kfar Hamra west of Homs.",
			"Tell Zawiya/unknown/SY/near Kfar Hamra/unknown/SY/near Homs/name/SY/exact"},
		{"curated region", "Shelling hit the Golan Heights and the Bekaa Valley.",
			"Golan Heights/name/SY/admin1 Bekaa Valley/name/LB/admin1"},
		{"region of the world", "Diplomats toured the Middle East and Europe.",
			"Middle East/name/-/country Europe/name/-/country"},
		{"acronym is no place", "ISIS and NATO issued statements.", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := found(gc.Toponyms(text.Split(c.text), nil))
			if got != c.want {
				t.Errorf("%q\n got: %s\nwant: %s", c.text, got, c.want)
			}
		})
	}
}

func TestContextDisambiguates(t *testing.T) {
	gc := defaultGeocoder(t)
	for _, c := range []struct {
		name, text, place, cc, admin1 string
	}{
		{"Georgia the country", "Russian tanks rolled through Georgia towards Tbilisi.", "Georgia", "GE", ""},
		{"Georgia the state", "Storms hit Georgia; roads near Atlanta and Savannah flooded.", "Georgia", "US", "Georgia"},
		{"Alexandria in Egypt", "Protesters gathered in Cairo and Alexandria.", "Alexandria", "EG", ""},
		{"Alexandria in Virginia", "Commuters from Arlington and Alexandria, Va., were delayed.", "Alexandria", "US", "Virginia"},
		{"Lebanon the country", "Israeli jets flew over Lebanon and Beirut.", "Lebanon", "LB", ""},
		{"Tripoli in Lebanon", "Clashes broke out in Tripoli, north of Beirut.", "Tripoli", "LB", ""},
		{"Tripoli in Libya", "Militias in Benghazi and Tripoli agreed a truce.", "Tripoli", "LY", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			tops := gc.Toponyms(text.Split(c.text), nil)
			for _, tp := range tops {
				if tp.Span.Text != c.place {
					continue
				}
				if tp.Place == nil || tp.Place.CountryCode != c.cc || c.admin1 != "" && tp.Place.Admin1 != c.admin1 {
					t.Errorf("%q: %s resolved to %+v, want %s %s", c.text, c.place, tp.Place, c.cc, c.admin1)
				}
				return
			}
			t.Errorf("%q: %s not found in %s", c.text, c.place, found(tops))
		})
	}
}

func TestActorCountriesAreContext(t *testing.T) {
	gc := defaultGeocoder(t)
	s := text.Split("Fighters attacked a checkpoint in Tripoli.")
	// with no context, Tripoli is the Libyan capital; an article whose actors are
	// Lebanese reads it as the Lebanese city
	if tp := gc.Toponyms(s, nil)[0]; tp.Place == nil || tp.Place.CountryCode != "LY" {
		t.Errorf("no context: %+v", tp.Place)
	}
	if tp := gc.Toponyms(s, []string{"LBN", "LBN"})[0]; tp.Place == nil || tp.Place.CountryCode != "LB" {
		t.Errorf("Lebanese actors: %+v", tp.Place)
	}
}

func TestLocateFallbacks(t *testing.T) {
	gc := defaultGeocoder(t)
	body := "Heavy fighting was reported in Idlib on Tuesday.\n\nThe army said it had repelled the attack.\n\nOfficials in Syria gave no figures. Nobody commented."
	sentences := text.Split(body)
	if len(sentences) != 4 {
		t.Fatalf("sentences: %d", len(sentences))
	}
	ev := func(i int) event.Event {
		s := sentences[i]
		return event.Event{Sentence: s.Index, Action: event.Action{Span: s.Span(0, 3)}}
	}
	events := []event.Event{ev(0), ev(1), ev(3)}
	gc.Locate(nil, sentences, events)
	if l := events[0].Location; l.Name != "Idlib" || l.Precision != event.GeoExact {
		t.Errorf("own sentence: %+v", l)
	}
	// the next sentence names no place: the province of the one just named
	if l := events[1].Location; l.Precision != event.GeoAdmin1 || l.Place == nil || l.Place.FeatureCode != "ADM1" || l.Place.CountryCode != "SY" {
		t.Errorf("previous sentence: %+v (%+v)", l, l.Place)
	}
	// far from any named town, the article's main place at province precision
	if l := events[2].Location; l.Precision != event.GeoAdmin1 || l.Place == nil || l.Place.CountryCode != "SY" {
		t.Errorf("article fallback: %+v (%+v)", l, l.Place)
	}

	// an article that names only a country: country precision, never a pin
	sentences = text.Split("Officials in Chad said talks would resume. They gave no date.")
	events = []event.Event{{Sentence: 1, Action: event.Action{Span: sentences[1].Span(0, 4)}}}
	gc.Locate(nil, sentences, events)
	if l := events[0].Location; l.Precision != event.GeoCountry || l.Place == nil || l.Place.CountryCode != "TD" {
		t.Errorf("country only: %+v", l)
	}
	// and one that names nothing
	sentences = text.Split("They said nothing more.")
	events = []event.Event{{Sentence: 0}}
	gc.Locate(nil, sentences, events)
	if l := events[0].Location; l == nil || l.Precision != event.GeoUnresolved || l.Place != nil {
		t.Errorf("nothing: %+v", l)
	}
}

// TestConcurrentUse runs one geocoder from several goroutines (run with
// -race to check the pooled state).
func TestConcurrentUse(t *testing.T) {
	gc := defaultGeocoder(t)
	texts := []string{
		"Clashes broke out in Tripoli, north of Beirut.",
		"Militias in Benghazi and Tripoli agreed a truce.",
		"She grew up in Paris, Texas, and moved to Dallas.",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = found(gc.Toponyms(text.Split(s), nil))
	}
	done := make(chan string)
	for w := range 4 {
		go func() {
			for k := range 50 {
				i := (w + k) % len(texts)
				if got := found(gc.Toponyms(text.Split(texts[i]), nil)); got != want[i] {
					done <- got + " != " + want[i]
					return
				}
			}
			done <- ""
		}()
	}
	for range 4 {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

func TestAnaphorAt(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"Rebels have entered the town.", 20},
		{"the city fell", 0},
		{"They reached the town of Kafr Nabl.", -1},
		{"Gather at the towns' edge.", -1},
		{"Bathe the townsfolk.", -1},
		{"Clashes are ongoing.", -1},
		{"In the capital, crowds gathered.", 3},
	} {
		if got := anaphorAt(tc.s); got != tc.want {
			t.Errorf("anaphorAt(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
