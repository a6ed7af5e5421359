// Package event defines sitrep's event record: one coded mention of a
// real-world event in one sentence of one article revision, with the evidence
// that supports it. Mentions are never overwritten; incidents (the same
// real-world event across reports) are built from them later.
//
// Every Span offset is in Unicode code points into the article body, the
// convention of GDELT's mention offsets and of the geoparsing gold sets, so a
// browser or a Python user can slice the body without knowing UTF-8.
package event

// Span is a stretch of the article body: [Start, End) in code points.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Modality says how the article holds the event to be true.
type Modality string

const (
	Asserted     Modality = "asserted"     // stated as fact by the outlet
	Reported     Modality = "reported"     // attributed to someone else ("according to ...")
	Hypothetical Modality = "hypothetical" // conditional or future ("once it falls")
	Negated      Modality = "negated"      // said not to have happened
	Statement    Modality = "statement"    // a verbal act: said, called for, warned
)

// Emitted reports whether events of this modality are stored by default;
// hypothetical and negated ones only with --all.
func (m Modality) Emitted() bool { return m != Hypothetical && m != Negated }

// Actor is one side of an event, as written and as coded.
type Actor struct {
	Text    string `json:"text"`              // as written, e.g. "The Syrian Arab Army (SAA) and its allies"
	Code    string `json:"code,omitempty"`    // CAMEO-style code, e.g. "SYRMIL"; empty when unknown
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-3, best effort
	// CountryFrom is "place" when no dictionary gave the actor a country and
	// it was taken from where the event happened ("gunmen" in Baghdad: Iraq,
	// as ACLED's "Unidentified Armed Group (Iraq)"); empty otherwise.
	CountryFrom string `json:"country_from,omitempty"`
	Sector      string `json:"sector,omitempty"` // PLOVER sector, e.g. "MIL", "GOV", "REB"
	Spans       []Span `json:"spans,omitempty"`  // one per conjunct of a compound actor
	// Members are the conjuncts of a compound actor ("Hungary and Romania"),
	// each coded on its own; empty for a simple actor.
	Members []Actor `json:"members,omitempty"`
}

// Action is what happened, as written and in the three coding schemes.
type Action struct {
	Text         string `json:"text"`            // the verb phrase as written ("have liberated")
	Lemma        string `json:"lemma,omitempty"` // normalised verb ("liberate")
	Span         Span   `json:"span"`
	CAMEO        string `json:"cameo"`                   // e.g. "192"
	PLOVER       string `json:"plover,omitempty"`        // event type, e.g. "SEIZE"
	PLOVERMode   string `json:"plover_mode,omitempty"`   // e.g. "occupy"
	ACLEDType    string `json:"acled_type,omitempty"`    // e.g. "Battles"
	ACLEDSubType string `json:"acled_subtype,omitempty"` // e.g. "Government regains territory"
	QuadClass    int    `json:"quad_class,omitempty"`    // 1 verbal coop .. 4 material conflict
}

// Attribution is who the article says reported the event.
type Attribution struct {
	Modality Modality `json:"modality"`
	Source   string   `json:"source,omitempty"` // "pro-Kurdish sources", "reports"
	Cue      *Span    `json:"cue,omitempty"`    // the words that set the modality
}

// Place is a gazetteer entry.
type Place struct {
	GeoNameID   int64   `json:"geonameid,omitempty"`
	Name        string  `json:"name"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	CountryCode string  `json:"country_code,omitempty"` // ISO 3166-1 alpha-2, as GeoNames
	Admin1      string  `json:"admin1,omitempty"`       // first-level division name
	FeatureCode string  `json:"feature_code,omitempty"` // GeoNames feature code, e.g. "PPLA"
}

// GeoPrecision says how closely the Place locates the event.
type GeoPrecision string

const (
	GeoExact      GeoPrecision = "exact"      // the named place itself
	GeoNear       GeoPrecision = "near"       // an unlisted place near the anchor
	GeoAdmin1     GeoPrecision = "admin1"     // only the province is known
	GeoCountry    GeoPrecision = "country"    // only the country is known: never draw a pin
	GeoUnresolved GeoPrecision = "unresolved" // a name with no gazetteer match
)

// Toponym is one place name of an article, resolved or not: every one is
// kept with the article, not only those that place an event, so that an
// article can be found by the places it names and events re-placed later.
type Toponym struct {
	Span      Span         `json:"span"`
	Sentence  int          `json:"sentence"`
	Kind      string       `json:"kind"` // name, demonym, unknown, street
	Place     *Place       `json:"place,omitempty"`
	Precision GeoPrecision `json:"precision"`
	Anchor    string       `json:"anchor,omitempty"` // for "near": the name it was placed by
	Score     float32      `json:"score,omitempty"`  // the resolver's probability for its choice
}

// Location is where the event happened.
type Location struct {
	Name      string       `json:"name"` // as written
	Span      *Span        `json:"span,omitempty"`
	Place     *Place       `json:"place,omitempty"`
	Precision GeoPrecision `json:"precision"`
	Anchor    string       `json:"anchor,omitempty"` // for "near": the place it was placed by
	Others    []Span       `json:"others,omitempty"` // further place names the sentence gives
}

// DatePrecision is how exactly an event date is known.
type DatePrecision string

const (
	Day   DatePrecision = "day"
	Week  DatePrecision = "week"
	Month DatePrecision = "month"
	Year  DatePrecision = "year"
)

// When is the event date, kept apart from the publication and ingest dates.
type When struct {
	Date      string        `json:"date"` // YYYY-MM-DD, the start of the period
	Precision DatePrecision `json:"precision"`
	// Basis is "text" when the sentence gave a date and "dateline" when the
	// publication date stands in for it ("on or before").
	Basis string `json:"basis"`
	Span  *Span  `json:"span,omitempty"`
}

// Event is one coded mention.
type Event struct {
	ID           string      `json:"id"`
	ArticleID    string      `json:"article_id"`
	RevisionID   string      `json:"revision_id"`
	Sentence     int         `json:"sentence"` // index of the sentence in the body
	SentenceSpan Span        `json:"sentence_span"`
	Source       Actor       `json:"source"`
	Target       *Actor      `json:"target,omitempty"`
	Action       Action      `json:"action"`
	Attribution  Attribution `json:"attribution"`
	Location     *Location   `json:"location,omitempty"`
	When         When        `json:"when"`
	Confidence   float64     `json:"confidence"`
	Coder        string      `json:"coder"` // coder name and version that produced it
	// DateScope, when the coder had a parse, holds the byte ranges of the
	// sentence whose words may date the event: the action's own clause and
	// the clauses joined to it by coordination, complement or reporting,
	// not the clauses of other verbs ("after the army issued a report on
	// May 12"). Nil when unknown. The date stage reads it; it is not stored.
	DateScope [][2]int `json:"-"`
}
