package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// exported is the part of an exported event record these tests read.
type exported struct {
	ID           string `json:"id"`
	ArticleID    string `json:"article_id"`
	SentenceSpan struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	} `json:"sentence_span"`
	Source actorRec  `json:"source"`
	Target *actorRec `json:"target"`
	Action struct {
		Text         string `json:"text"`
		Lemma        string `json:"lemma"`
		CAMEO        string `json:"cameo"`
		PLOVER       string `json:"plover"`
		ACLEDType    string `json:"acled_type"`
		ACLEDSubType string `json:"acled_subtype"`
	} `json:"action"`
	Attribution struct {
		Modality string `json:"modality"`
		Source   string `json:"source"`
	} `json:"attribution"`
	Location *struct {
		Name  string `json:"name"`
		Place *struct {
			GeoNameID   int64   `json:"geonameid"`
			Name        string  `json:"name"`
			Lat         float64 `json:"lat"`
			Lon         float64 `json:"lon"`
			CountryCode string  `json:"country_code"`
		} `json:"place"`
		Precision string `json:"precision"`
		Anchor    string `json:"anchor"`
	} `json:"location"`
	When struct {
		Date      string `json:"date"`
		Precision string `json:"precision"`
		Basis     string `json:"basis"`
	} `json:"when"`
	Article struct {
		Title          string `json:"title"`
		Publisher      string `json:"publisher"`
		OriginalSource *struct {
			Name string `json:"name"`
		} `json:"original_source"`
	} `json:"article"`
}

type actorRec struct {
	Text    string     `json:"text"`
	Code    string     `json:"code"`
	Country string     `json:"country"`
	Sector  string     `json:"sector"`
	Members []actorRec `json:"members"`
}

// codes lists the actor's code and its members' codes.
func (a *actorRec) codes() []string {
	if a == nil {
		return nil
	}
	out := []string{a.Code}
	for _, m := range a.Members {
		out = append(out, m.Code)
	}
	return out
}

func anyHasPrefix(codes []string, prefix string) bool {
	for _, c := range codes {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

// ingestSample ingests the sample article through the binary and returns
// its exported events.
func ingestSample(t *testing.T, extra ...string) []exported {
	t.Helper()
	db := filepath.Join(t.TempDir(), "s.db")
	args := append([]string{"ingest", "--quiet", "--db", db}, extra...)
	if r := run(t, append(args, sample)...); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	r := run(t, "export", "--db", db, "--format", "json")
	if r.code != 0 {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	var evs []exported
	if err := json.Unmarshal([]byte(r.stdout), &evs); err != nil {
		t.Fatalf("export is not a JSON array of events: %v", err)
	}
	return evs
}

// TestSampleEvents is the acceptance case of ../shared/samples/EXPECTED.md,
// run through ingest -> clean -> code -> geocode -> store -> export: the four
// events with their actors, modality, places and dates, and neither of the
// two non-events.
func TestSampleEvents(t *testing.T) {
	evs := ingestSample(t)
	find := func(what string, ok func(e exported) bool) *exported {
		t.Helper()
		for i := range evs {
			if ok(evs[i]) {
				return &evs[i]
			}
		}
		t.Errorf("no event: %s", what)
		return nil
	}

	if e := find("SAA and allies seize territory from HTS and the FSA", func(e exported) bool {
		return e.Source.Code == "SYRMIL" && strings.HasPrefix(e.Action.CAMEO, "19") && anyHasPrefix(e.Target.codes(), "SYRREB")
	}); e != nil {
		if e.Action.ACLEDSubType != "Government regains territory" || e.Action.Lemma != "liberate" || e.Attribution.Modality != "asserted" {
			t.Errorf("seizure: %+v %+v", e.Action, e.Attribution)
		}
		if !strings.Contains(e.Source.Text, "allies") {
			t.Errorf("seizure source %q lost its allies", e.Source.Text)
		}
		if e.When.Date != "2018-07-17" || e.When.Basis != "dateline" {
			t.Errorf("seizure dated %+v, want on or before the original's 2018-07-17", e.When)
		}
		// the liberated villages are in no gazetteer: kept by name, placed
		// near the city the sentence gives
		if l := e.Location; l == nil || l.Precision != "near" || l.Anchor != "Daraa" || l.Place == nil || l.Place.GeoNameID != 170905 ||
			!strings.Contains("Al-Harra Nimer Umm al-Awsaj Harra Ahmar", l.Name) {
			t.Errorf("seizure located %+v, want a liberated settlement near Daraa", l)
		}
	}
	if e := find("FSA units request a ceasefire", func(e exported) bool {
		return strings.HasPrefix(e.Source.Code, "SYRREB") && strings.HasPrefix(e.Action.CAMEO, "02")
	}); e != nil {
		if e.Attribution.Modality != "reported" || !strings.Contains(e.Attribution.Source, "reports") {
			t.Errorf("ceasefire request attribution %+v, want reported by reports", e.Attribution)
		}
		if l := e.Location; l == nil || l.Place == nil || l.Place.CountryCode != "SY" || l.Precision != "admin1" {
			t.Errorf("ceasefire request located %+v, want the province of the area just named", l)
		}
		for _, c := range []string{"SYR", "RUS", "IRN"} {
			if !anyHasPrefix(e.Target.codes(), c) {
				t.Errorf("ceasefire request target lacks %s: %v", c, e.Target.codes())
			}
		}
	}
	if e := find("Trump meets Putin", func(e exported) bool {
		return e.Source.Code == "USAGOV" && e.Target != nil && e.Target.Code == "RUSGOV" && strings.HasPrefix(e.Action.CAMEO, "04")
	}); e != nil {
		if e.When.Date != "2018-07-16" || e.When.Precision != "day" || e.When.Basis != "text" {
			t.Errorf("meeting dated %+v, want 2018-07-16 exact from the text", e.When)
		}
		if e.Attribution.Modality != "asserted" {
			t.Errorf("meeting modality %s", e.Attribution.Modality)
		}
		if l := e.Location; l == nil || l.Place == nil || l.Place.GeoNameID != 658225 || l.Precision != "exact" || l.Place.CountryCode != "FI" {
			t.Errorf("meeting located %+v, want Helsinki", l)
		}
	}
	if e := find("SDF fight IS in Hajin", func(e exported) bool {
		return strings.Contains(e.Source.Text, "SDF") && strings.HasPrefix(e.Action.CAMEO, "19") && e.Target != nil && strings.Contains(e.Target.Code, "IS")
	}); e != nil {
		if e.Attribution.Modality != "reported" || e.Attribution.Source != "pro-Kurdish sources" {
			t.Errorf("SDF attribution %+v, want reported by pro-Kurdish sources", e.Attribution)
		}
		if l := e.Location; l == nil || l.Place == nil || l.Place.GeoNameID != 174506 || l.Precision != "exact" {
			t.Errorf("SDF located %+v, want Hajin", l)
		}
	}
	for _, e := range evs {
		s := e.SentenceSpan.Text
		if strings.Contains(s, "Once it falls") || strings.Contains(s, "not yet been reached") {
			t.Errorf("non-event stored: %s %s in %q", e.Action.Text, e.Attribution.Modality, s)
		}
		for _, w := range []string{"PayPal", "BTC", "Copyright", "fair use", "Disclaimer"} {
			if strings.Contains(s, w) {
				t.Errorf("event from boilerplate: %q", s)
			}
		}
		if e.Article.Publisher != "Global Research" || e.Article.OriginalSource == nil || e.Article.OriginalSource.Name != "South Front" {
			t.Errorf("event %s lost its provenance: %+v", e.ID, e.Article)
		}
	}
}

// TestSampleAllModalities: with --all, what the default leaves out is kept
// and labelled, never passed off as asserted.
func TestSampleAllModalities(t *testing.T) {
	def := ingestSample(t)
	all := ingestSample(t, "--all")
	if len(all) < len(def) {
		t.Fatalf("--all stored %d events, fewer than the default %d", len(all), len(def))
	}
	for _, e := range all {
		switch e.Attribution.Modality {
		case "asserted", "reported", "statement", "hypothetical", "negated":
		default:
			t.Errorf("event %q has modality %q", e.Action.Text, e.Attribution.Modality)
		}
	}
	for _, e := range def {
		if m := e.Attribution.Modality; m == "hypothetical" || m == "negated" {
			t.Errorf("default run stored a %s event: %q", m, e.SentenceSpan.Text)
		}
	}
}

// TestSampleToponyms: every place name of the article is stored with the
// revision, resolved or not, not only those that place an event.
func TestSampleToponyms(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if r := run(t, "ingest", "--quiet", "--db", db, sample); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	conn := openDB(t, db)
	for _, tc := range []struct {
		text string
		id   int64
	}{{"Daraa", 170905}, {"Nawa", 166365}, {"Hajin", 174506}, {"Helsinki", 658225}} {
		if n := count(t, conn, fmt.Sprintf("SELECT count(*) FROM toponyms WHERE text = '%s' AND geonameid = %d", tc.text, tc.id)); n == 0 {
			t.Errorf("no stored toponym %s = %d", tc.text, tc.id)
		}
	}
	if n := count(t, conn, "SELECT count(*) FROM toponyms WHERE text = 'Umm al-Awsaj' AND precision = 'near' AND anchor = 'Daraa'"); n != 1 {
		t.Errorf("Umm al-Awsaj stored %d times near Daraa, want once", n)
	}
	// nothing from the removed boilerplate
	if n := count(t, conn, "SELECT count(*) FROM toponyms WHERE text LIKE '%Globalization%' OR text LIKE '%PayPal%'"); n != 0 {
		t.Errorf("%d toponyms from boilerplate", n)
	}
}

// TestSampleStoredArticle: what ingest stores of the sample article is what
// ../shared/samples/EXPECTED.md asks for: metadata, the republication link,
// tags, the body from its first to its last paragraph, and the removed
// boilerplate kept with its kinds.
func TestSampleStoredArticle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if r := run(t, "ingest", "--quiet", "--db", db, sample); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	conn := openDB(t, db)
	var title, publisher, published, authors, origin, tags, body, boiler string
	if err := conn.QueryRow(`SELECT title, publisher, published, authors, original_source, tags, body, boilerplate FROM revisions`).
		Scan(&title, &publisher, &published, &authors, &origin, &tags, &body, &boiler); err != nil {
		t.Fatal(err)
	}
	if title != "Video: Militants Are on Full Retreat in Southern Syria" || publisher != "Global Research" || published != "2018-07-18" {
		t.Errorf("metadata: %q %q %q", title, publisher, published)
	}
	if authors != `["South Front"]` || !strings.Contains(origin, `"name":"South Front"`) || !strings.Contains(origin, `"published":"2018-07-17`) {
		t.Errorf("authors %s, original source %s", authors, origin)
	}
	for _, tag := range []string{`"region","name":"Middle East \u0026 North Africa"`, `"theme","name":"Intelligence"`,
		`"theme","name":"US NATO War Agenda"`, `"report","name":"SYRIA"`} {
		if !strings.Contains(tags, tag) {
			t.Errorf("tags %s lack %s", tags, tag)
		}
	}
	paras := strings.Split(body, "\n\n")
	if !strings.HasPrefix(paras[0], "The Syrian Arab Army (SAA) and its allies have liberated") || !strings.HasSuffix(paras[len(paras)-1], "Clashes are ongoing.") {
		t.Errorf("body runs from %.40q to %.40q", paras[0], paras[len(paras)-1])
	}
	for _, w := range []string{"share buttons", "PayPal", "13iYp9CDYZwgSnFXNtpEKgRRqaoxHPr2MH", "Copyright", "Disclaimer", "fair use", "publications@globalresearch.ca", "Become a Member"} {
		if strings.Contains(body, w) {
			t.Errorf("body keeps boilerplate %q", w)
		}
		if !strings.Contains(boiler, w) {
			t.Errorf("removed boilerplate lacks %q", w)
		}
	}
	for _, kind := range []string{"share", "donation", "copyright", "disclaimer", "fair-use", "contact", "navigation"} {
		if !strings.Contains(boiler, `"kind":"`+kind+`"`) {
			t.Errorf("no %s block among the removed boilerplate", kind)
		}
	}
}
