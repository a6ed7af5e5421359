// Package geo is sitrep's offline geocoder: it finds the toponyms of an
// article with an embedded GeoNames gazetteer, resolves them with the
// article's context (other places, demonyms, actors' countries), and gives
// every event a location with an honest precision.
//
// The gazetteer is built by gazbuild from GeoNames dumps (data/gazetteer,
// "sitrep gazetteer build"); the curated layers (regions, aliases, demonyms)
// are embedded beside it. See README.md for the figures and commands.
package geo

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/geo/names"
	"github.com/sitrep-dev/sitrep/internal/text"
)

// Geocoder implements pipeline.Geocoder. It is safe for concurrent use.
type Geocoder struct {
	g    *Gazetteer
	pool sync.Pool
}

// work is the reusable state of one article.
type work struct {
	sc sentenceScan
	ms []mention // in sentence order
	r  *resolver
}

// sentences is the range [lo, hi) of w.ms in sentences [from, to): the
// mentions are in sentence order, so an event looks only at its own
// sentences, however many places the article names.
func (w *work) sentences(from, to int) (lo, hi int) {
	lo = sort.Search(len(w.ms), func(k int) bool { return int(w.ms[k].sent) >= from })
	hi = sort.Search(len(w.ms), func(k int) bool { return int(w.ms[k].sent) >= to })
	return lo, hi
}

// New returns a geocoder over g.
func New(g *Gazetteer) *Geocoder {
	gc := &Geocoder{g: g}
	gc.pool.New = func() any { return &work{r: newResolver(g)} }
	return gc
}

// Default returns a geocoder over the default gazetteer: the file named by
// $SITREP_GAZETTEER, else the embedded one, loaded once per process.
func Default() (*Geocoder, error) {
	g, err := DefaultGazetteer()
	if err != nil {
		return nil, err
	}
	return New(g), nil
}

// Gazetteer returns the geocoder's gazetteer.
func (gc *Geocoder) Gazetteer() *Gazetteer { return gc.g }

// Toponym is one place name of an article as the geocoder read it.
type Toponym = event.Toponym

var kindNames = [...]string{kindName: "name", kindDemonym: "demonym", kindUnknown: "unknown", kindStreet: "street"}

// analyse recognises and resolves the toponyms of the sentences; actor
// countries (ISO 3166-1 alpha-3 or alpha-2) count as context.
func (gc *Geocoder) analyse(w *work, sentences []text.Sentence, actorCountries, actorNames []string) {
	g := gc.g
	w.ms = w.ms[:0]
	w.sc.persons = append(w.sc.persons[:0], actorNames...)
	clear(w.sc.alone)
	for si := range sentences {
		w.ms = g.recognize(&w.sc, sentences[si].Text, int32(si), w.ms)
	}
	w.ms = g.dropPersons(&w.sc, w.ms)
	w.r.reset()
	for _, c := range actorCountries {
		if co := g.Country(c); co != nil {
			if idx, ok := g.ccIdx[co.ISO2]; ok && !containsU16(w.r.actorCCs, idx) {
				w.r.actorCCs = append(w.r.actorCCs, idx)
			}
		}
	}
	w.r.resolve(w.ms)
	gc.placeNear(w)
	w.ms = dropUnplaced(w.ms)
}

// dropUnplaced removes the gazetteer matches the resolver would not place
// and nothing in the sentence calls a place ("Celine Dion": a village in
// one country, a hamlet in another): kept, they would only be noise.
// Unknown names, streets and names the sentence marks as places stay.
func dropUnplaced(ms []mention) []mention {
	remap := make([]int32, len(ms))
	out := ms[:0]
	for i := range ms {
		m := ms[i]
		if m.kind == kindName && m.place < 0 && m.anchor < 0 && !m.listed && !m.relative && !m.locative && m.want == wantAny {
			remap[i] = -1
			continue
		}
		remap[i] = int32(len(out))
		out = append(out, m)
	}
	for i := range out {
		// an anchor is a resolved mention, never dropped
		if out[i].anchor >= 0 {
			out[i].anchor = remap[out[i].anchor]
		}
		if out[i].next >= 0 {
			out[i].next = remap[out[i].next]
		}
	}
	return out
}

// dropPersons removes, once the whole article is read, the one-word names
// that turned out to be people's: a surname seen after a first name or
// speaking ("Walsh said"), and a first name whose next word stands alone
// elsewhere ("Vladimir Putin" ... "Putin said").
func (g *Gazetteer) dropPersons(sc *sentenceScan, ms []mention) []mention {
	if len(sc.persons) == 0 && len(sc.alone) == 0 {
		return ms
	}
	persons := map[string]bool{}
	for _, p := range sc.persons {
		persons[p] = true
	}
	remap := make([]int32, len(ms))
	out := ms[:0]
	for i := range ms {
		m := ms[i]
		drop := false
		if m.kind == kindName && m.ti == m.tj {
			top := &g.Places[m.cands[0].place]
			if persons[m.key] && top.level == levelSite && top.Pop < 1_000_000 && !m.locative {
				drop = true
			}
			if m.nextCap != "" && sc.alone[m.nextCap] > 0 && top.level < levelCountry {
				drop = true
			}
		}
		if drop {
			remap[i] = -1
			continue
		}
		remap[i] = int32(len(out))
		out = append(out, m)
	}
	for i := range out {
		if out[i].next >= 0 {
			out[i].next = remap[out[i].next]
		}
	}
	return out
}

func containsU16(s []uint16, v uint16) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// precision of a resolved place.
func precisionOf(p *Place) event.GeoPrecision {
	switch {
	case p.level >= levelCountry:
		return event.GeoCountry
	case p.level == levelAdmin1 || p.Curated:
		// a curated region's point is an approximate centre: an area
		return event.GeoAdmin1
	case p.Class == 'P' || p.Class == 'A' || p.Class == 'S':
		return event.GeoExact
	}
	// a valley, a river, a hill range: an area, not a point
	return event.GeoAdmin1
}

// placeNear gives the unresolved names of a sentence a place near its
// anchor: the place a relative phrase names ("north of Daraa city"), else,
// for names the sentence calls places (a list after "the settlements of", a
// street), the nearest resolved place in the sentence.
func (gc *Geocoder) placeNear(w *work) {
	g := gc.g
	ms := w.ms
	for i := 0; i < len(ms); {
		j := i
		for j < len(ms) && ms[j].sent == ms[i].sent {
			j++
		}
		anchor := int32(-1)
		for k := i; k < j; k++ {
			m := &ms[k]
			if m.relative && m.place >= 0 && g.Places[m.place].level <= levelAdmin1 {
				anchor = int32(k)
				break
			}
		}
		for k := i; k < j; k++ {
			m := &ms[k]
			if m.place >= 0 || m.kind == kindDemonym {
				continue
			}
			// a gazetteer name the resolver turned down is placed only if
			// the sentence calls it a place ("the villages of X"), not
			// because some place is named beside it ("Molotov cocktails
			// near Athens")
			if m.kind == kindName && !m.listed && !m.relative && m.want == wantAny {
				continue
			}
			a := anchor
			if a < 0 && (m.listed || m.kind == kindStreet || m.want == wantSettlement || m.relative) {
				a = nearestResolved(g, ms[i:j], k-i)
				if a >= 0 {
					a += int32(i)
				}
			}
			if a >= 0 && a != int32(k) {
				m.anchor = a
			}
		}
		i = j
	}
}

// nearestResolved returns the index in ms of the resolved, sub-country
// mention closest to ms[k], or -1.
func nearestResolved(g *Gazetteer, ms []mention, k int) int32 {
	best, bestD := int32(-1), int32(1<<30)
	for i := range ms {
		m := &ms[i]
		if i == k || m.place < 0 || m.kind == kindDemonym || g.Places[m.place].level > levelAdmin1 {
			continue
		}
		d := m.start - ms[k].start
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = int32(i), d
		}
	}
	return best
}

// toponym converts mention k to its exported form.
func (gc *Geocoder) toponym(w *work, sentences []text.Sentence, k int) Toponym {
	m := &w.ms[k]
	s := sentences[m.sent]
	t := Toponym{Span: s.Span(int(m.start), int(m.end)), Sentence: int(m.sent), Kind: kindNames[m.kind], Precision: event.GeoUnresolved}
	switch {
	case m.place >= 0:
		p := &gc.g.Places[m.place]
		t.Place = gc.g.EventPlace(p)
		t.Precision = precisionOf(p)
		if m.extended && p.Class == 'P' {
			// "Walker County" placed at a town called Walker
			t.Precision, t.Anchor = event.GeoNear, p.Name
		}
		if m.kind == kindDemonym && t.Precision == event.GeoExact {
			t.Precision = event.GeoAdmin1
		}
		t.Score = m.score
	case m.anchor >= 0:
		a := &w.ms[m.anchor]
		t.Place = gc.g.EventPlace(&gc.g.Places[a.place])
		t.Precision = event.GeoNear
		as := sentences[a.sent]
		t.Anchor = as.Text[a.start:a.end]
	}
	return t
}

// Toponyms returns every toponym of the sentences, resolved with the
// article's context. actorCountries (ISO3 or ISO2 codes of the article's
// actors) may be nil.
func (gc *Geocoder) Toponyms(sentences []text.Sentence, actorCountries []string) []Toponym {
	w := gc.pool.Get().(*work)
	defer gc.pool.Put(w)
	gc.analyse(w, sentences, actorCountries, nil)
	out := make([]Toponym, len(w.ms))
	for k := range w.ms {
		out[k] = gc.toponym(w, sentences, k)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// Locate implements pipeline.Geocoder: it reads the toponyms of the whole
// article and gives every event a location — the place named in the
// event's sentence nearest its action, else the article's main place at the
// precision of its province or country — with the sentence's other place
// names in Others.
func (gc *Geocoder) Locate(a *article.Article, sentences []text.Sentence, events []event.Event) []event.Toponym {
	return gc.LocateAll(a, sentences, events)
}

// LocateAll is Locate that also returns every toponym of the article, as
// Toponyms would, from the same single pass: for a store that keeps the
// places an article names beside its events.
func (gc *Geocoder) LocateAll(a *article.Article, sentences []text.Sentence, events []event.Event) []Toponym {
	w := gc.pool.Get().(*work)
	defer gc.pool.Put(w)
	var actors []string
	for i := range events {
		actors = appendActorCountries(actors, &events[i].Source)
		if events[i].Target != nil {
			actors = appendActorCountries(actors, events[i].Target)
		}
	}
	actors = gc.titleCountries(w, a, actors)
	var names []string
	for i := range events {
		names = appendActorNames(names, &events[i].Source)
		if events[i].Target != nil {
			names = appendActorNames(names, events[i].Target)
		}
	}
	gc.analyse(w, sentences, actors, names)
	fallback := gc.mainPlace(w, sentences)
	for i := range events {
		ev := &events[i]
		loc := gc.eventLocation(w, sentences, ev)
		if loc == nil {
			loc = gc.datelinePlace(w, sentences, ev.Sentence)
		}
		if loc == nil {
			loc = gc.anaphoricPlace(w, sentences, ev.Sentence)
		}
		if loc == nil {
			loc = gc.recentPlace(w, sentences, ev.Sentence)
		}
		if loc == nil {
			loc = fallback(ev)
		}
		ev.Location = loc
		gc.placeCountry(&ev.Source, loc)
		if ev.Target != nil {
			gc.placeCountry(ev.Target, loc)
		}
	}
	out := make([]Toponym, len(w.ms))
	for k := range w.ms {
		out[k] = gc.toponym(w, sentences, k)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// placeCountry gives an actor the dictionaries left without a country the
// country of the event's place, as a best effort marked country_from:
// "place": opposition groups protesting in Harare are Zimbabwean, gunmen in
// Baghdad Iraqi, and a local official no dictionary names most likely
// local (a visiting foreigner is the exception the mark warns of).
// International actors (IGO, NGO, IMG, MNC codes) stay without one.
func (gc *Geocoder) placeCountry(a *event.Actor, loc *event.Location) {
	if a.Country != "" || loc == nil || loc.Place == nil || loc.Place.CountryCode == "" {
		return
	}
	if len(a.Members) > 0 {
		return // a compound keeps its members' own countries
	}
	if len(a.Code) >= 3 {
		switch a.Code[:3] {
		case "IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UNO":
			return
		}
	}
	c := gc.g.countries[loc.Place.CountryCode]
	if c == nil || c.ISO3 == "" {
		return
	}
	a.Country, a.CountryFrom = c.ISO3, "place"
}

// titleCountries adds to out the countries the article's title names
// outright (a country or a demonym): "Militants Are on Full Retreat in
// Southern Syria" says the article is about Syria. Ambiguous town names in a
// title are left to the body.
func (gc *Geocoder) titleCountries(w *work, a *article.Article, out []string) []string {
	if a == nil || a.Title == "" {
		return out
	}
	g := gc.g
	ms := g.recognize(&w.sc, a.Title, 0, w.ms[:0])
	for i := range ms {
		m := &ms[i]
		switch {
		case m.kind == kindDemonym:
			out = append(out, g.Places[m.demonym].CC)
		case m.kind == kindName && len(m.cands) > 0 && g.Places[m.cands[0].place].level == levelCountry:
			out = append(out, g.Places[m.cands[0].place].CC)
		}
	}
	w.ms = ms[:0]
	return out
}

// recentLookback is how many sentences back an event without a place of
// its own may take one from: "some units in the area" is the area the
// article just named.
const recentLookback = 3

// recentPlace is the province of the last settlement (or failing one, the
// last region) named shortly before the event's sentence, or nil.
func (gc *Geocoder) recentPlace(w *work, sentences []text.Sentence, sent int) *event.Location {
	g := gc.g
	// the latest settlement, else the latest province or region
	best, bestLevel := -1, levelCountry
	lo, hi := w.sentences(sent-recentLookback, sent)
	for k := lo; k < hi; k++ {
		m := &w.ms[k]
		if m.place < 0 || m.kind == kindDemonym {
			continue
		}
		if l := g.Places[m.place].level; l <= bestLevel && l <= levelAdmin1 {
			best, bestLevel = k, l
		}
	}
	if best < 0 {
		return nil
	}
	return gc.areaLocation(w, sentences, best)
}

// actorNouns after a place name make it name an actor, not a location:
// "the Damascus government", "US officials", "Kabul's police".
var actorNouns = map[string]bool{"government": true, "regime": true, "authorities": true, "military": true, "army": true,
	"forces": true, "troops": true, "officials": true, "official": true, "police": true, "administration": true,
	"ministry": true, "leadership": true, "spokesman": true, "spokeswoman": true, "embassy": true, "envoy": true,
	"delegation": true, "parliament": true, "president": true, "leaders": true, "navy": true, "air": true, "statement": true}

// actorModifier reports whether the words after a place name (rest) make it
// an actor's modifier.
func actorModifier(rest string) bool {
	rest = strings.TrimPrefix(rest, "'s")
	rest = strings.TrimPrefix(rest, "’s")
	rest = strings.TrimLeft(rest, " ")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	return actorNouns[strings.ToLower(rest[:end])]
}

// insideCue reports whether span sp lies in the event's attribution cue.
func insideCue(ev *event.Event, sp event.Span) bool {
	c := ev.Attribution.Cue
	return c != nil && sp.Start >= c.Start && sp.End <= c.End
}

// datelinePlace places an event of the lead sentence, right after the
// dateline ("KABUL, Aug. 5 - A car bomb killed ..."), at the dateline's
// city when the sentence names no place: the wire's convention.
func (gc *Geocoder) datelinePlace(w *work, sentences []text.Sentence, sent int) *event.Location {
	if sent != 1 || len(sentences) < 2 || !strings.HasSuffix(sentences[0].Text, "-") && !strings.HasSuffix(sentences[0].Text, "—") && !strings.HasSuffix(sentences[0].Text, "–") {
		return nil // the text splitter makes a dateline sentence 0, ending in its dash
	}
	lo, hi := w.sentences(0, 1)
	for k := lo; k < hi; k++ {
		m := &w.ms[k]
		if m.dateline && m.place >= 0 && m.kind == kindName {
			t := gc.toponym(w, sentences, k)
			sp := t.Span
			return &event.Location{Name: sp.Text, Span: &sp, Place: t.Place, Precision: t.Precision}
		}
	}
	return nil
}

// settlementNouns, after "the", refer back to the last settlement named
// that is no larger than the noun says: "the ISIS-held town of Hajin ...
// the SDF has entered the town"; a village is not a capital city.
var settlementNouns = map[string]int64{"town": 1_000_000, "city": 1 << 40, "village": 50_000, "settlement": 50_000, "capital": 1 << 40, "camp": 1 << 40}

// anaphoricPlace places an event whose sentence says "the town" (and names
// no place) at the settlement the article named last, within the lookback,
// at that settlement's own precision: the text says it is the same town.
func (gc *Geocoder) anaphoricPlace(w *work, sentences []text.Sentence, sent int) *event.Location {
	if sent < 0 || sent >= len(sentences) {
		return nil
	}
	s := sentences[sent].Text
	at := anaphorAt(s)
	if at < 0 {
		return nil
	}
	noun := s[at+len("the "):]
	if i := strings.IndexFunc(noun, func(r rune) bool { return r < 'a' || r > 'z' }); i >= 0 {
		noun = noun[:i]
	}
	maxPop := settlementNouns[noun]
	g := gc.g
	best := -1
	lo, hi := w.sentences(sent-recentLookback, sent)
	for k := lo; k < hi; k++ {
		m := &w.ms[k]
		if m.place < 0 || m.kind != kindName {
			continue
		}
		p := &g.Places[m.place]
		if p.level == levelSite && p.Pop <= maxPop && (noun != "capital" || strings.HasPrefix(p.Code, "PPLC")) {
			best = k // the latest one wins
		}
	}
	if best < 0 {
		return nil
	}
	t := gc.toponym(w, sentences, best)
	if t.Precision != event.GeoExact {
		return nil
	}
	end := at + len("the ")
	for end < len(s) && s[end] >= 'a' && s[end] <= 'z' {
		end++
	}
	sp := sentences[sent].Span(at, end)
	return &event.Location{Name: sp.Text, Span: &sp, Place: t.Place, Precision: t.Precision, Anchor: t.Span.Text}
}

// anaphorAt is the byte offset of "the town" (or city, village...) in s
// when it is not introducing a name ("the town of X"), else -1.
func anaphorAt(s string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], "the ")
		if i < 0 {
			return -1
		}
		i += from
		from = i + 4
		if i > 0 && isLetterByte(s[i-1]) {
			continue
		}
		j := i + 4
		for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
			j++
		}
		if _, ok := settlementNouns[s[i+4:j]]; !ok || j < len(s) && isLetterByte(s[j]) {
			continue
		}
		if strings.HasPrefix(s[j:], " of ") {
			continue
		}
		return i
	}
	return -1
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// areaLocation locates an event by the province (or country) of mention k,
// at that coarser precision: the article names the place, the sentence does
// not.
func (gc *Geocoder) areaLocation(w *work, sentences []text.Sentence, k int) *event.Location {
	g := gc.g
	m := &w.ms[k]
	s := sentences[m.sent]
	sp := s.Span(int(m.start), int(m.end))
	p := &g.Places[m.place]
	area := p
	if p.level < levelAdmin1 {
		if i, ok := g.admin1Pl[p.CC+"."+p.Admin1]; ok && p.Admin1 != "" {
			area = &g.Places[i]
		} else if c := g.countries[p.CC]; c != nil && c.place >= 0 {
			area = &g.Places[c.place]
		}
	}
	// named for the area it stands for, by the place the article named
	// ("Nawa" two sentences back places "some units in the area" in the
	// province of Daraa, not in Nawa)
	loc := &event.Location{Name: area.Name, Span: &sp, Place: g.EventPlace(area), Precision: precisionOf(area), Anchor: sp.Text}
	if loc.Precision == event.GeoExact {
		loc.Precision = event.GeoAdmin1
	}
	if area == p {
		loc.Anchor = ""
	}
	return loc
}

// appendActorNames adds the name keys of the people and organisations the
// coder found acting ("President Bush" gives "bush"), so that the same word
// elsewhere in the article is not taken for a village of that name. Actors
// coded as a country or a region of one add nothing, and a name of a
// country's or a province's size is never dropped for it ("the Government
// of Iraq"): dropPersons spares places of that size.
func appendActorNames(out []string, a *event.Actor) []string {
	for i := range a.Members {
		out = appendActorNames(out, &a.Members[i])
	}
	if a.Code == "" || a.Sector == "" || len(a.Code) <= 3 {
		return out // a country, or a region of one ("Gaza", "Rafah" are PSEGZA)
	}
	for _, sp := range a.Spans {
		words := strings.Fields(sp.Text)
		if len(words) == 0 {
			continue
		}
		last := strings.Trim(words[len(words)-1], ".,;:()\"'’")
		if r, _ := utf8.DecodeRuneInString(last); !unicode.IsUpper(r) {
			continue
		}
		out = append(out, names.Key(last))
	}
	return out
}

func appendActorCountries(out []string, a *event.Actor) []string {
	if a.Country != "" {
		out = append(out, a.Country)
	}
	for i := range a.Members {
		out = appendActorCountries(out, &a.Members[i])
	}
	return out
}

// rank orders precisions from finest: the event takes the finest place its
// sentence gives, the nearest to its action among equals.
func rank(p event.GeoPrecision) int {
	switch p {
	case event.GeoExact, event.GeoNear:
		return 0
	case event.GeoAdmin1:
		return 1
	case event.GeoCountry:
		return 2
	}
	return 3
}

// eventLocation is the location the event's own sentence gives, or nil.
func (gc *Geocoder) eventLocation(w *work, sentences []text.Sentence, ev *event.Event) *event.Location {
	best := -1
	bestRank, bestDist := 4, 1<<30
	at := ev.Action.Span.Start
	if ev.Target != nil && len(ev.Target.Spans) > 0 {
		at = (at + ev.Target.Spans[0].Start) / 2
	}
	var tops []Toponym
	var idx []int
	lo, hi := w.sentences(ev.Sentence, ev.Sentence+1)
	for k := lo; k < hi; k++ {
		t := gc.toponym(w, sentences, k)
		tops = append(tops, t)
		idx = append(idx, k)
	}
	s := sentences[ev.Sentence].Text
	for i, t := range tops {
		r := rank(t.Precision)
		if r > 2 || w.ms[idx[i]].kind == kindDemonym {
			continue // "Syrian forces": an actor's adjective, not where it happened
		}
		if m := &w.ms[idx[i]]; actorModifier(s[m.end:]) || insideCue(ev, t.Span) {
			continue // "the Damascus government", "according to the US military"
		}
		d := t.Span.Start - at
		if d < 0 {
			d = -d + 1 // a place after the action reads as its location
		}
		if r < bestRank || r == bestRank && d < bestDist {
			best, bestRank, bestDist = i, r, d
		}
	}
	if best < 0 {
		return nil
	}
	t := tops[best]
	sp := t.Span
	loc := &event.Location{Name: sp.Text, Span: &sp, Place: t.Place, Precision: t.Precision, Anchor: t.Anchor}
	for i, o := range tops {
		if i != best && w.ms[idx[i]].kind != kindDemonym {
			loc.Others = append(loc.Others, o.Span)
		}
	}
	sort.SliceStable(loc.Others, func(i, j int) bool { return loc.Others[i].Start < loc.Others[j].Start })
	return loc
}

// mainPlace returns the fallback for events whose sentence names no place:
// the article's most named place, at the precision of its province (or
// country), or an unresolved location when the article names none.
func (gc *Geocoder) mainPlace(w *work, sentences []text.Sentence) func(*event.Event) *event.Location {
	g := gc.g
	counts := map[int32]int{}
	first := map[int32]int{}
	var countryCount = map[uint16]int{}
	for k := range w.ms {
		m := &w.ms[k]
		if m.place < 0 {
			continue
		}
		p := &g.Places[m.place]
		countryCount[p.cc]++
		if m.kind == kindDemonym || p.level > levelAdmin1 {
			continue
		}
		if _, ok := first[m.place]; !ok {
			first[m.place] = k
		}
		counts[m.place]++
	}
	bestPl, bestN := int32(-1), 0
	for pl, n := range counts {
		if n > bestN || n == bestN && first[pl] < first[bestPl] {
			bestPl, bestN = pl, n
		}
	}
	var loc *event.Location
	switch {
	case bestPl >= 0:
		loc = gc.areaLocation(w, sentences, first[bestPl])
	default:
		bestC, bestN := uint16(0), 0
		for c, n := range countryCount {
			if c != 0 && (n > bestN || n == bestN && c < bestC) {
				bestC, bestN = c, n
			}
		}
		if co := g.countries[g.ccs[bestC]]; bestC != 0 && co != nil && co.place >= 0 {
			loc = &event.Location{Name: co.Name, Place: g.EventPlace(&g.Places[co.place]), Precision: event.GeoCountry}
		}
	}
	return func(*event.Event) *event.Location {
		if loc == nil {
			return &event.Location{Precision: event.GeoUnresolved}
		}
		c := *loc
		return &c
	}
}
