package geo

// Weights are the resolver's weights, in log10-population units: a bonus of
// 1 is worth a place ten times as populous. They were set by hand from what
// a news reader expects (a country before a town of the same name, a
// capital before a village, a place in the article's country before one
// abroad), then adjusted with a coarse search on one half of each
// development set and checked on the other half (see README.md).
type Weights struct {
	// prior: population and feature class
	Pop      float32 // per log10 of population
	AdminPop float32 // added to an area's log population: its people live in its towns too
	Country  float32
	World    float32 // continents, multi-country regions, seas
	Admin1   float32
	Admin2   float32
	Terrain  float32 // valleys, rivers, hills
	Capital  float32
	PPLA     float32
	PPLA2    float32
	MinorPPL float32 // sections of cities, abandoned places
	Curated  float32
	Eponym   float32 // a province named like its own capital, when the text does not say "province"

	// how the name matched
	AltName float32
	Alias   float32
	Fuzzy   float32

	// context
	CountryCtx float32 // times the share of the article's other names in the candidate's country
	Neighbour  float32 // share of a country's mass that its neighbours receive
	Admin1Ctx  float32 // times the share in its first-level division
	Admin2Ctx  float32 // times (three times) the share in its second-level division
	Proximity  float32 // times closeness to the other places' current choices
	ProxKm     float32 // the distance over which closeness falls to 1/e
	Pair       float32 // "Town, State" containment
	WantMatch  float32 // the words ask for this kind of place ("the town of")
	WantClash  float32 // ... for another kind
	Actor      float32 // one actor country, next to one place name
}

// DefaultWeights are the weights the geocoder ships with.
var DefaultWeights = Weights{
	Pop: 1.5, AdminPop: -1.0,
	Country: 3.0, World: 2.5, Admin1: 0.5, Admin2: 0.0, Terrain: -0.5,
	Capital: 1.5, PPLA: 0.0, PPLA2: 0.4, MinorPPL: 0.0, Curated: 0.5, Eponym: -2.0,
	AltName: -2.3, Alias: 0.0, Fuzzy: -1.5,
	CountryCtx: 5.0, Neighbour: 0.3, Admin1Ctx: 3.5, Admin2Ctx: 2.0, Proximity: 3.5, ProxKm: 190,
	Pair: 4.0, WantMatch: 1.5, WantClash: -1.5, Actor: 0.5,
}
