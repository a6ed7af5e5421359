package geo

import (
	"github.com/sitrep-dev/sitrep/internal/geo/names"
)

// mentionKind says what found a toponym.
type mentionKind uint8

const (
	kindName    mentionKind = iota // a gazetteer name
	kindDemonym                    // "Syrian", "Turkish": a mention of the country
	kindUnknown                    // a capitalised name the context calls a place ("the village of Nimer")
	kindStreet                     // a street or road ("Main Street", "Highway 19")
)

// want is what kind of place the words around a name ask for.
type want uint8

const (
	wantAny        want = iota
	wantSettlement      // "the town of X", "X city"
	wantArea            // "X province", "the region of X"
	wantTerrain         // "the hills of X", "X valley"
)

// mention is one toponym found in a sentence.
type mention struct {
	sent       int32 // index into the article's sentences
	start, end int32 // bytes in the sentence text
	kind       mentionKind
	want       want
	fuzzy      bool // matched by skeleton only
	alias      bool // matched an abbreviation's period form
	listed     bool // an item of a list after a place noun ("the settlements of A, B and C")
	relative   bool // the anchor of a relative phrase ("north of X", "near X")
	extended   bool // a name with an area word the gazetteer lacks ("Walker County")
	dateline   bool // opens the article: "ALEPPO, Syria (Reuters) -"
	locative   bool // after "in", "at", "near", "from": "in Washington" is the place
	cands      []posting
	demonym    int32
	key        string
	nextCap    string // the capitalised word right after a one-word name
	ti, tj     int32  // first and last token in the sentence
	group      int32
	next       int32 // the mention after a comma that may contain this one ("Gainesville, Ga."), or -1

	// resolution
	place     int32 // resolved place, -1 if none
	score     float32
	precision uint8
	anchor    int32 // for a near placement: the anchoring mention
}

// Word lists of the recogniser. Keys are as names.Key writes them.
var (
	// connectors may stand inside a multi-word name in lower case.
	connectors = wordSet("of the de del della di da do dos das du des la le les el al ul ad ar as ash at az an en ez es ed et y on upon sur am im bei von van der den und & au aux sous under in")

	// personTitles before a name make it a person's: "President Trump", "Gov. Perry".
	personTitles = wordSet("mr mrs ms miss dr sir dame lord lady president vice sen senator rep representative congressman congresswoman " +
		"gov governor mayor judge justice minister secretary chancellor premier king queen prince princess sheikh sheik shaikh emir " +
		"sultan imam ayatollah mullah rabbi pope cardinal bishop archbishop rev reverend father pastor brother sister general gen lt " +
		"col colonel maj major brig brigadier marshal lieutenant capt captain sgt sergeant cpl corporal pvt private admiral adm commander cmdr officer deputy detective det " +
		"trooper agent inspector superintendent coach professor prof dean ambassador spokesman spokeswoman spokesperson chief commissioner " +
		"councilman councilwoman councillor alderman sheriff attorney prosecutor actress actor singer author st-")

	// areaSuffixes after a name ask for a division or region and are part of
	// the toponym: "Deir ez-Zor province", "Idlib governorate".
	areaSuffixes = wordSet("province provinces governorate governorates region district oblast prefecture department municipality state county")

	// settlementSuffixes ask for a populated place: "Daraa city".
	settlementSuffixes = wordSet("city town village")

	// streetSuffixes end a street or road name.
	streetSuffixes = wordSet("street st road rd avenue ave boulevard blvd drive lane ln highway hwy parkway pkwy trail crescent terrace square bridge expressway freeway turnpike pike")

	// roadPrefixes take a number: "Highway 19", "Route 1", "Interstate 45".
	roadPrefixes = wordSet("highway hwy route interstate")

	// areaWords end a name the gazetteer may lack but that is a place all the
	// same: "Walker County", "Khabur Valley", "Flint Hills".
	areaWords = wordSet("county parish township province governorate district region valley river creek lake mountains mountain hills hill " +
		"island islands peninsula desert forest canyon bay gulf sea strait heights plateau plain plains basin delta gorge pass coast oasis " +
		"camp crossing airport")

	// areaPrefixes begin such a name: "Lake Lanier", "Mount Hermon".
	areaPrefixes = wordSet("lake mt cape camp port isle")

	// placeNouns before "of" introduce a place or a list of places: "the
	// settlements of Al-Harra, Nimer and Umm al-Awsaj".
	placeNouns = map[string]want{}

	// directions that, before "of", make a relative phrase: "north of Daraa".
	directions = wordSet("north south east west northeast northwest southeast southwest northern southern eastern western outskirts vicinity")

	// nearWords are relative cues on their own: "near Daraa", "outside Aleppo".
	nearWords = wordSet("near nearby outside around")

	// modifiers may stand capitalised before a name without being part of
	// another name: "Northern Syria", "Greater London", "Downtown Cairo".
	modifiers = wordSet("north south east west northern southern eastern western central northeast northwest southeast southwest " +
		"northeastern northwestern southeastern southwestern upper lower greater inner outer downtown metro metropolitan rural " +
		"coastal occupied mid the a an in at on from to of for by and or but with near then when while as since after before " +
		"across throughout inside outside")

	// languageCues before a demonym make it a language: "in French", "speak Russian".
	languageCues = wordSet("in into speak speaks spoke speaking translated fluent")
)

func init() {
	for w, k := range map[string]want{
		"town": wantSettlement, "towns": wantSettlement, "city": wantSettlement, "cities": wantSettlement,
		"village": wantSettlement, "villages": wantSettlement, "settlement": wantSettlement, "settlements": wantSettlement,
		"hamlet": wantSettlement, "hamlets": wantSettlement, "suburb": wantSettlement, "suburbs": wantSettlement,
		"neighbourhood": wantSettlement, "neighborhood": wantSettlement, "neighbourhoods": wantSettlement, "neighborhoods": wantSettlement,
		"camp": wantSettlement, "camps": wantSettlement, "port": wantSettlement, "capital": wantSettlement,
		"district": wantArea, "districts": wantArea, "province": wantArea, "provinces": wantArea, "governorate": wantArea,
		"region": wantArea, "regions": wantArea, "area": wantArea, "areas": wantArea, "municipality": wantArea, "county": wantArea, "state": wantArea,
		"hill": wantTerrain, "hills": wantTerrain, "mountain": wantTerrain, "mountains": wantTerrain, "island": wantTerrain,
		"islands": wantTerrain, "valley": wantTerrain, "heights": wantTerrain,
	} {
		placeNouns[w] = k
	}
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > start {
				m[s[start:i]] = true
			}
			start = i + 1
		}
	}
	return m
}

// sentenceScan is the recogniser's work on one sentence; its buffers are
// reused from sentence to sentence.
type sentenceScan struct {
	text string
	sent int32 // index of the sentence in the article
	toks []token
	kb   []byte // token keys
	key  []byte // the key of the span being tried
	sk   []byte // its skeleton
	// covered[i] is the mention index + 1 that covers token i, or 0
	covered []int32
	// article-wide: surnames seen ("Joe Walsh"), and capitalised words
	// standing alone inside sentences (a surname on its own: "Putin said")
	persons []string
	alone   map[string]int32
}

func (sc *sentenceScan) tkey(i int) []byte { t := &sc.toks[i]; return sc.kb[t.keyOff:t.keyEnd] }

func (sc *sentenceScan) word(i int) string {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != tokWord {
		return ""
	}
	return string(sc.tkey(i)) // compiled as a non-allocating map key where used
}

func (sc *sentenceScan) isWord(i int, set map[string]bool) bool {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != tokWord {
		return false
	}
	return set[string(sc.tkey(i))]
}

// recognize finds the toponyms of one sentence and appends them to ms.
func (g *Gazetteer) recognize(sc *sentenceScan, text string, sent int32, ms []mention) []mention {
	sc.text, sc.sent = text, sent
	sc.toks, sc.kb = tokenize(text, sc.toks[:0], sc.kb[:0])
	n := len(sc.toks)
	sc.covered = sc.covered[:0]
	for range n {
		sc.covered = append(sc.covered, 0)
	}
	first := len(ms)
	for i := 0; i < n; i++ {
		t := &sc.toks[i]
		if t.kind != tokWord || !t.cap && !sc.articleStart(i) {
			continue
		}
		m, end, ok := g.longestMatch(sc, i)
		if pe := g.personAt(sc, i); pe >= 0 && (!ok || end == i) {
			// "Jenny Palma", "Tyrise M. Bell": a person, whose surname is
			// remembered for the rest of the article
			sc.persons = append(sc.persons, string(sc.tkey(pe)))
			i = pe
			continue
		}
		if !ok {
			if end > i {
				i = end // skip a blocked name
			}
			continue
		}
		m.sent = sent
		if !g.accept(sc, &m, i, end) {
			continue
		}
		g.attachSuffix(sc, &m, &end)
		if nx := end + 1; nx < len(sc.toks) && sc.toks[nx].kind == tokWord && sc.toks[nx].cap && sc.toks[nx].space &&
			m.kind == kindName && (streetSuffixes[sc.word(nx)] || areaWords[sc.word(nx)]) {
			// "Hertford Road", "Walker County": a longer name the gazetteer
			// lacks. A street is kept by name; an area keeps the candidates
			// of its name, and a town found for it only places it near.
			w := sc.word(nx)
			switch {
			case streetSuffixes[w]:
				m.kind, m.cands = kindStreet, nil
			case areaSuffixes[w] || w == "parish" || w == "township":
				m.want, m.extended = wantArea, true
			default:
				m.want, m.extended = wantTerrain, true
			}
			m.end = sc.toks[nx].end
			m.key = sc.text[m.start:m.end]
			end = nx
		}
		m.ti, m.tj = int32(i), int32(end)
		m.locative = sc.isWord(i-1, locatives) || sc.word(i-1) == "the" && sc.isWord(i-2, locatives)
		if sent == 0 && (i == 0 || i == 2 && m.next < 0 && sc.toks[1].kind == tokComma && len(ms) > first) {
			// the dateline: the first words of the body, or the state or
			// country after them
			nx := end + 1
			m.dateline = sc.toks[i].upper || nx < len(sc.toks) && (sc.toks[nx].kind == tokComma || sc.toks[nx].char == '(' || sc.toks[nx].kind == tokPunct && sc.text[sc.toks[nx].start:sc.toks[nx].end] == "—")
		}
		ms = append(ms, m)
		for k := i; k <= end; k++ {
			sc.covered[k] = int32(len(ms) - first)
		}
		i = end
	}
	ms = g.patterns(sc, sent, ms, first)
	g.contexts(sc, ms[first:])
	sc.countAlone()
	for k := first; k < len(ms); k++ {
		if ms[k].next >= 0 {
			ms[k].next += int32(first)
		}
	}
	return ms
}

// articleStart reports a name that opens with a lower-case Arabic article
// joined by a hyphen: "al-Bab", "ar-Raqqa".
func (sc *sentenceScan) articleStart(i int) bool {
	if i+2 >= len(sc.toks) || sc.toks[i+1].kind != tokHyphen || !sc.toks[i+2].cap {
		return false
	}
	return names.IsArabicArticle(string(sc.tkey(i)))
}

// longestMatch tries every span starting at token i and keeps the longest
// that names a place or is a demonym. It returns the mention and the index
// of the span's last token.
func (g *Gazetteer) longestMatch(sc *sentenceScan, i int) (mention, int, bool) {
	var best mention
	bestEnd, blocked := -1, -1
	sc.key = sc.key[:0]
	words := 0
	n := len(sc.toks)
	for j := i; j < n && words < g.maxWords; j++ {
		t := &sc.toks[j]
		if t.kind == tokHyphen {
			if j+1 < n && sc.toks[j+1].kind == tokWord && !sc.toks[j+1].space {
				continue
			}
			break
		}
		if t.kind != tokWord {
			break
		}
		if j > i && !t.cap && !t.digit && !sc.isWord(j, connectors) {
			break
		}
		if j > i && !t.space && sc.toks[j-1].kind != tokHyphen {
			break
		}
		if len(sc.key) > 0 {
			sc.key = append(sc.key, ' ')
		}
		sc.key = append(sc.key, sc.tkey(j)...)
		words++
		if !t.cap {
			continue // a name ends on a capitalised word
		}
		var m mention
		found := false
		if t.abbr {
			// abbreviations are looked up as written, periods and all:
			// "La." is Louisiana, "L.A." is not
			sc.sk = names.AppendAbbrev(sc.sk[:0], sc.text[sc.toks[i].start:t.end])
			if ps := g.lookup(sc.sk); ps != nil {
				m, found = mention{kind: kindName, cands: ps, alias: true}, true
			}
		}
		if !found {
			if d, ok := g.demonyms[string(sc.key)]; ok {
				m, found = mention{kind: kindDemonym, demonym: d}, true
			} else if ps := g.lookup(sc.key); ps != nil {
				m, found = mention{kind: kindName, cands: ps}, true
			} else if len(sc.key) >= 4 {
				sc.sk = names.AppendSkeleton(sc.sk[:0], string(sc.key))
				if string(sc.sk) != string(sc.key) {
					if ps := g.lookupSkeleton(sc.sk); ps != nil {
						m, found = mention{kind: kindName, cands: ps, fuzzy: true}, true
					}
				}
			}
		}
		if found {
			best, bestEnd = m, j
			best.key = string(sc.key)
		} else if j > i && g.notPlaces[string(sc.key)] {
			blocked = j // "United Russia", "Wall Street": a name that is no place
		}
	}
	if blocked > bestEnd {
		return mention{}, blocked, false
	}
	if bestEnd < 0 {
		return mention{}, 0, false
	}
	best.start, best.end = sc.toks[i].start, sc.toks[bestEnd].end
	best.place, best.anchor, best.next = -1, -1, -1
	return best, bestEnd, true
}

// accept filters a gazetteer match that is more likely a word or part of a
// person's or organisation's name. Names inside organisations ("Georgia
// Bureau of Investigation", "Dublin Arts Council") stay: they name the place.
func (g *Gazetteer) accept(sc *sentenceScan, m *mention, i, end int) bool {
	first := &sc.toks[i]
	single := i == end
	if single && m.kind != kindDemonym && (calendarWords[m.key] || g.notPlaces[m.key] || personTitles[m.key] || modifiers[m.key]) {
		return false
	}
	if !single && g.notPlaces[m.key] {
		return false
	}
	top := &g.Places[m.demonym]
	if m.kind != kindDemonym {
		top = &g.Places[m.cands[0].place]
	}
	small := top.level == levelSite && top.Pop < 100_000
	// a person's title, or a capitalised word before it that is neither a
	// modifier, an acronym nor a common word: "President Trump", "Hillary
	// Clinton". The surname is remembered for the rest of the article.
	if p := i - 1; p >= 0 && sc.toks[p].kind == tokWord && m.kind != kindDemonym {
		pk := sc.word(p)
		pt := &sc.toks[p]
		if arabicGenerics[pk] && pt.cap && sc.covered[p] == 0 {
			return false // "Tell Zawiya", "Kafr Hamra": part of a longer name
		}
		if personTitles[pk] || pt.cap && !pt.upper && !modifiers[pk] && !g.common[pk] && sc.covered[p] == 0 {
			if single && top.level == levelSite {
				// a surname, whatever the size of the town it also names:
				// dropPersons spares only big cities when it stands alone
				sc.persons = append(sc.persons, m.key)
			}
			return false
		}
	}
	// "Wal-Mart", "Coca-Cola": half of a hyphenated name, unless the other
	// half is a place too ("Israel-Gaza", "Syrian-Russian")
	if single && m.kind != kindDemonym {
		if nx := end + 1; nx+1 < len(sc.toks) && sc.toks[nx].kind == tokHyphen && sc.toks[nx+1].cap && !g.placeWord(sc, nx+1) {
			return false
		}
		if p := i - 1; p-1 >= 0 && sc.toks[p].kind == tokHyphen && sc.toks[p-1].kind == tokWord && sc.toks[p-1].cap && !g.placeWord(sc, p-1) {
			return false
		}
	}
	// "Walsh said", "according to Steele": a small place that speaks is a
	// person, and so is a big one already seen as a surname ("Paul Durham
	// ... Durham added")
	if single && m.kind != kindDemonym && (sc.isWord(end+1, speechVerbs) || sc.isWord(i-1, speechVerbs) ||
		sc.word(i-1) == "to" && sc.word(i-2) == "according") {
		if small || sc.isPerson(m.key) {
			sc.persons = append(sc.persons, m.key)
			return false
		}
	}
	// followed by a capitalised word: a first name ("Vladimir Putin") if that
	// word stands alone elsewhere in the article; decided once the article
	// is read
	if nx := end + 1; single && nx < len(sc.toks) && sc.toks[nx].kind == tokWord && sc.toks[nx].space && sc.toks[nx].cap && !sc.toks[nx].upper {
		m.nextCap = sc.word(nx)
		// a village's name before a capitalised word that is neither a
		// place, a common word nor a place word is the first part of a
		// longer name ("Traian Basescu", "Bandeirantes Highway" aside)
		nk := sc.word(nx)
		if small && (top.Pop < 10_000 || m.cands[0].kind != matchPrimary && top.Pop < 200_000) && !m.locative && !g.common[nk] && !areaWords[nk] && !areaSuffixes[nk] &&
			!settlementSuffixes[nk] && !personTitles[nk] && !g.placeWord(sc, nx) && g.lookup(sc.tkey(nx)) == nil {
			return false
		}
	}
	if m.kind == kindDemonym {
		// "in French", "speaks Russian": the language
		if sc.isWord(i-1, languageCues) {
			nx := end + 1
			if nx >= len(sc.toks) || sc.toks[nx].kind != tokWord || !sc.toks[nx].cap && connectors[sc.word(nx)] {
				return false
			}
		}
		return true
	}
	// an ordinary word in capitals ("Police said", "Council members"): a
	// place only if it is a big one, and at the start of a sentence only a
	// country or a region of the world
	if single && g.common[m.key] && !m.alias {
		if first.initial {
			return top.level >= levelCountry && m.cands[0].kind != matchAlt
		}
		if top.level < levelAdmin1 && top.Pop < 200_000 || m.cands[0].kind != matchPrimary && top.level < levelCountry {
			return false
		}
	}
	// a lone word of one or two letters ("A", "Ga" without its period)
	if single && len(m.key) <= 2 && !first.upper && !m.alias {
		return false
	}
	// all-capitals short words are acronyms ("ISIS", "NATO") unless the
	// gazetteer knows them as such (US, UK, UAE)
	// ("KABUL, Aug. 5 -" opening the body is the dateline's city)
	datelineCity := sc.sent == 0 && i == 0 && end+1 < len(sc.toks) && sc.toks[end+1].kind == tokComma
	if single && first.upper && len(m.key) <= 5 && !m.alias && !datelineCity {
		ok := false
		for _, p := range m.cands {
			if p.kind == matchAlias || g.Places[p.place].level >= levelCountry {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if m.fuzzy && single && len(m.key) < 5 {
		return false
	}
	return true
}

// personAt returns the last token of a person's name starting at token i
// (a given name or a capitalised word with a middle initial, then a
// surname), or -1.
func (g *Gazetteer) personAt(sc *sentenceScan, i int) int {
	n := len(sc.toks)
	surname := func(j int) bool {
		if j >= n || sc.toks[j].kind != tokWord || !sc.toks[j].cap || !sc.toks[j].space || sc.toks[j].upper {
			return false
		}
		k := sc.word(j)
		return !g.common[k] && !areaWords[k] && !streetSuffixes[k] && !personTitles[k] && !g.isDemonym(k) && !calendarWords[k]
	}
	isInitial := func(j int) bool {
		return j < n && sc.toks[j].kind == tokWord && sc.toks[j].abbr && sc.toks[j].end-sc.toks[j].start == 2 && sc.toks[j].cap
	}
	j := i + 1
	switch {
	case g.givenNames[sc.word(i)] && (surname(j) || isInitial(j)):
	case isInitial(j) && surname(j+1) && !sc.toks[i].upper:
	default:
		return -1
	}
	for isInitial(j) {
		j++
	}
	if !surname(j) {
		return -1
	}
	// "Mary Ann Smith", "John Paul Jones"
	if surname(j+1) && g.givenNames[sc.word(j)] {
		j++
	}
	return j
}

// placeWord reports a token that is a place name or demonym on its own.
func (g *Gazetteer) placeWord(sc *sentenceScan, i int) bool {
	k := sc.tkey(i)
	if _, ok := g.demonyms[string(k)]; ok {
		return true
	}
	ps := g.lookup(k)
	return ps != nil && g.Places[ps[0].place].level >= levelAdmin1
}

// arabicGenerics begin Arabic place names: hill, head, valley, mountain,
// village, gate, spring, well, monastery, house, mother, father of ...
var arabicGenerics = wordSet("tell tal tall ras wadi jabal jebel jabel kafr kfar bab ain ein bir deir dayr khan qasr beit bayt umm abu " +
	"mazraat mazraa tallat khirbet khirbat nahr marj sheikh")

func (sc *sentenceScan) isPerson(k string) bool {
	for _, p := range sc.persons {
		if p == k {
			return true
		}
	}
	return false
}

// locatives before a name make it a place: "in Washington", "near Bush".
var locatives = wordSet("in at near outside from into across around throughout inside towards toward")

// speechVerbs after a name make it a speaker: "Walsh said".
var speechVerbs = wordSet("said says told added explained noted stated wrote asked argued insisted testified recalled")

// attachSuffix takes a following generic word into the toponym ("Daraa
// province") and notes what it asks for.
func (g *Gazetteer) attachSuffix(sc *sentenceScan, m *mention, end *int) {
	nx := *end + 1
	if nx >= len(sc.toks) || sc.toks[nx].kind != tokWord || !sc.toks[nx].space {
		return
	}
	w := sc.word(nx)
	switch {
	case areaSuffixes[w] && g.suffixFits(sc, m, nx):
		m.want = wantArea
		m.end = sc.toks[nx].end
		*end = nx
	case settlementSuffixes[w] && !sc.toks[nx].cap:
		m.want = wantSettlement
	}
}

func (g *Gazetteer) isDemonym(k string) bool { _, ok := g.demonyms[k]; return ok }

// suffixFits reports whether a generic area word after a name belongs to it:
// "Daraa province", "Idlib Governorate", but not "U.S. District Judge" or
// "Ohio State".
func (g *Gazetteer) suffixFits(sc *sentenceScan, m *mention, nx int) bool {
	if m.kind != kindName || g.Places[m.cands[0].place].level >= levelCountry {
		return false
	}
	if !sc.toks[nx].cap {
		return true
	}
	w := sc.word(nx)
	if w == "state" || w == "county" {
		return false
	}
	return nx+1 >= len(sc.toks) || sc.toks[nx+1].kind != tokWord || !sc.toks[nx+1].cap
}

// countAlone records the capitalised words that stand alone inside the
// sentence: not its first word, not beside another capitalised word, not
// part of a toponym.
func (sc *sentenceScan) countAlone() {
	if sc.alone == nil {
		sc.alone = map[string]int32{}
	}
	n := len(sc.toks)
	for i := range n {
		t := &sc.toks[i]
		if t.kind != tokWord || !t.cap || t.upper || t.initial || sc.covered[i] != 0 {
			continue
		}
		if i > 0 && sc.toks[i-1].kind == tokWord && sc.toks[i-1].cap || i+1 < n && sc.toks[i+1].kind == tokWord && sc.toks[i+1].cap {
			continue
		}
		sc.alone[string(sc.tkey(i))]++
	}
}
