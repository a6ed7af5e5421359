package geo

// Places the gazetteer does not name are still toponyms when the words
// around them say so: a list after "the settlements of", a name before
// "Street" or "County", a name after "north of". They are kept by name; the
// resolver places them near an anchor when the sentence gives one.

// capRun returns the end (last token) of the run of capitalised words, with
// connectors and hyphens inside, that starts at i; -1 if i does not start one.
func (sc *sentenceScan) capRun(i int) int {
	n := len(sc.toks)
	if i >= n || sc.toks[i].kind != tokWord || !sc.toks[i].cap && !sc.articleStart(i) {
		return -1
	}
	end := i
	for j := i + 1; j < n; j++ {
		t := &sc.toks[j]
		if t.kind == tokHyphen {
			if j+1 < n && sc.toks[j+1].kind == tokWord && !sc.toks[j+1].space && (sc.toks[j+1].cap || sc.isWord(j+1, connectors)) {
				continue
			}
			break
		}
		if t.kind != tokWord || sc.covered[j] != 0 {
			break
		}
		if t.cap || t.digit && j > i && sc.isWord(i, roadPrefixes) {
			end = j
			continue
		}
		// a connector inside a name, followed by more of the name:
		// "Umm al-Awsaj", "Isle of Man"; "and" only joins the gazetteer's
		// names, never a list
		if sc.isWord(j, connectors) && sc.word(j) != "&" && sc.word(j) != "in" && sc.word(j) != "on" && sc.word(j) != "the" &&
			j+1 < n && (sc.toks[j+1].kind == tokHyphen || sc.toks[j+1].kind == tokWord && sc.toks[j+1].cap) {
			continue
		}
		break
	}
	// a run cannot end on a connector or hyphen
	for end > i && (sc.toks[end].kind != tokWord || !sc.toks[end].cap && !sc.toks[end].digit) {
		end--
	}
	return end
}

// uncovered reports whether no mention covers tokens i..j.
func (sc *sentenceScan) uncovered(i, j int) bool {
	for k := i; k <= j; k++ {
		if sc.covered[k] != 0 {
			return false
		}
	}
	return true
}

// plausibleName filters runs that are not names of places: a lone common
// word, a person's title, a month or weekday.
func (g *Gazetteer) plausibleName(sc *sentenceScan, i, j int) bool {
	if i == j {
		w := sc.word(i)
		if g.common[w] || personTitles[w] || calendarWords[w] || len(w) < 3 || sc.toks[i].upper && len(w) <= 5 {
			return false
		}
	}
	if p := i - 1; p >= 0 && sc.isWord(p, personTitles) {
		return false
	}
	// "Prime Minister", "Law School": offices and institutions
	for k := i; k <= j; k++ {
		if sc.isWord(k, personTitles) || sc.toks[k].kind == tokWord && g.notPlaces[sc.word(k)] {
			return false
		}
	}
	return true
}

var calendarWords = wordSet("monday tuesday wednesday thursday friday saturday sunday january february march april may june july " +
	"august september october november december today jan feb mar apr jun jul aug sep sept oct nov dec")

// patterns adds the toponyms that the gazetteer missed but the sentence
// marks as places, and returns ms.
func (g *Gazetteer) patterns(sc *sentenceScan, sent int32, ms []mention, first int) []mention {
	n := len(sc.toks)
	add := func(m mention) {
		m.sent = sent
		m.place, m.anchor, m.next = -1, -1, -1
		m.start, m.end = sc.toks[m.ti].start, sc.toks[m.tj].end
		m.key = string(sc.text[m.start:m.end])
		ms = append(ms, m)
		for k := m.ti; k <= m.tj; k++ {
			sc.covered[k] = int32(len(ms) - first)
		}
	}
	// lists after a place noun: "the settlements of A, B, C and the hills of D and E"
	for i := 0; i+1 < n; i++ {
		w, isNoun := placeNouns[sc.word(i)]
		if !isNoun || sc.toks[i].cap || sc.word(i+1) != "of" {
			continue
		}
		j := i + 2
		for j < n {
			if sc.word(j) == "the" {
				j++
				continue
			}
			if nw, ok := placeNouns[sc.word(j)]; ok && sc.word(j+1) == "of" {
				w = nw
				j += 2
				continue
			}
			var end int
			if c := sc.covered[j]; c != 0 {
				m := &ms[first+int(c)-1]
				m.listed = true
				if m.want == wantAny {
					m.want = w
				}
				end = int(m.tj)
			} else if end = sc.capRun(j); end >= 0 && g.plausibleName(sc, j, end) {
				add(mention{kind: kindUnknown, want: w, listed: true, ti: int32(j), tj: int32(end)})
			} else {
				break
			}
			j = end + 1
			// separators: ",", "and", "or", ", and"
			sep := false
			for j < n && (sc.toks[j].kind == tokComma || sc.word(j) == "&" || sc.word(j) == "or") {
				j++
				sep = true
			}
			if !sep {
				break
			}
		}
	}
	// runs ending in a street or area word, or after a relative cue
	for i := 0; i < n; i++ {
		if sc.covered[i] != 0 {
			continue
		}
		end := sc.capRun(i)
		if end < 0 {
			continue
		}
		if !sc.uncovered(i, end) {
			i = end
			continue
		}
		last, firstW := sc.word(end), sc.word(i)
		switch {
		case end > i && streetSuffixes[last],
			end == i+1 && roadPrefixes[firstW] && sc.toks[end].digit:
			add(mention{kind: kindStreet, ti: int32(i), tj: int32(end)})
		case end > i && (areaWords[last] || areaPrefixes[firstW]) && g.plausibleName(sc, i, end):
			m := mention{kind: kindUnknown, want: wantTerrain, ti: int32(i), tj: int32(end)}
			if areaSuffixes[last] {
				m.want = wantArea
			}
			// "Khabur Valley", "Tartus Governorate": the gazetteer may know
			// the name without its generic word
			core := end - 1
			if areaPrefixes[firstW] {
				core = end
			}
			from := i
			if areaPrefixes[firstW] {
				from = i + 1
			}
			if core >= from {
				sc.key = sc.key[:0]
				for k := from; k <= core; k++ {
					if sc.toks[k].kind != tokWord {
						continue
					}
					if len(sc.key) > 0 {
						sc.key = append(sc.key, ' ')
					}
					sc.key = append(sc.key, sc.tkey(k)...)
				}
				if ps := g.lookup(sc.key); ps != nil && !g.common[string(sc.key)] {
					m.kind, m.cands = kindName, ps
				}
			}
			add(m)
		case sc.relativeBefore(i) && g.plausibleName(sc, i, end):
			add(mention{kind: kindUnknown, want: wantSettlement, ti: int32(i), tj: int32(end)})
		}
		if end > i {
			i = end
		}
	}
	return ms
}

// relativeBefore reports a relative cue before token i: "north of", "near",
// "the outskirts of", "north-east of", "10 km south of".
func (sc *sentenceScan) relativeBefore(i int) bool {
	p := i - 1
	if sc.word(p) == "the" {
		p--
	}
	// "near the town of X": skip a place noun and its "of"
	if sc.word(p) == "of" {
		if _, ok := placeNouns[sc.word(p-1)]; ok {
			p -= 2
			if sc.word(p) == "the" {
				p--
			}
		}
	}
	if sc.isWord(p, nearWords) {
		return true
	}
	if sc.word(p) == "of" {
		q := p - 1
		if sc.isWord(q, directions) {
			return true
		}
		// "north-east of": the hyphen splits the direction
		if q-2 >= 0 && sc.toks[q-1].kind == tokHyphen && sc.isWord(q-2, directions) {
			return true
		}
	}
	return false
}

// contexts marks, for the mentions of one sentence, the relative phrases,
// the place nouns before them and the "Town, State" pairs.
func (g *Gazetteer) contexts(sc *sentenceScan, ms []mention) {
	for k := range ms {
		m := &ms[k]
		i := int(m.ti)
		if sc.relativeBefore(i) {
			m.relative = true
		}
		if m.want == wantAny && sc.word(i-1) == "of" {
			if w, ok := placeNouns[sc.word(i-2)]; ok {
				m.want = w
			}
		}
		// "Gainesville, Ga.", "Paris, Texas": the next mention after a comma
		j := int(m.tj) + 1
		if j < len(sc.toks) && sc.toks[j].kind == tokComma && j+1 < len(sc.toks) {
			if c := sc.covered[j+1]; c != 0 && int(c)-1 < len(ms) {
				m.next = int32(c) - 1
			}
		}
	}
}
