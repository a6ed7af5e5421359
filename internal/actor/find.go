package actor

import "strings"

// Kind says how a mention was recognised.
type Kind int

const (
	Named   Kind = iota // a dictionary actor (possibly with an agent)
	Agent               // a generic agent, possibly with a country ("Syrian army")
	Unknown             // a capitalised name no dictionary knows
)

// Mention is one actor in a sentence, over tokens [Start, End).
type Mention struct {
	Start, End int
	Code       string // CAMEO-style, "" when unknown
	Country    string // ISO3, best effort
	Sector     string // e.g. "MIL", "GOV", "REB"
	Kind       Kind
	// Parts are the token ranges of a hyphenated or "X's Y" combination;
	// only set for compounds inside one noun phrase.
	Codes []string // several codes for a hyphenated chain ("Syrian-Russian")
}

type piece struct {
	start, end int
	kind       int // 1 actor, 2 agent, 3 capword, 4 chain
	entry      int32
	codes      []string
}

// stop are capitalised-when-initial words that never start an actor.
var stop = setOf(`a an the this that these those it its it's he she they we i you his her their our my your
on in at by for from with to of and or but as after before during since until while when once if
however meanwhile moreover also although though because so then there here according regarding
following despite amid among between about over under into onto upon than
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
mr mrs ms dr sir
who whom whose which what where why how all some many most several both each every other another
no not yes one two three four five six seven eight nine ten`)

// function words never bridge two parts of an actor phrase.
var noBridge = setOf(`a an the this that these those it its he she they we i you his her their our my your
on in at by for from with to and or but as after before during since until while when once if
is are was were be been being has have had do does did will would can could may might must shall should
not n't no who whom whose which what where why how said says say told according than then there here also
unless whereas although though because whether lest`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Find returns the actor mentions of a tokenised sentence on date (YYYYMMDD,
// 0 unknown). isVerb, when not nil, marks tokens the caller knows to be
// verbs, which end a noun phrase.
func (d *Dict) Find(toks []Token, date int32, isVerb func(i int) bool) []Mention {
	if isVerb == nil {
		isVerb = func(int) bool { return false }
	}
	var ps []piece
	for i := 0; i < len(toks); {
		la, ea := d.actors.longest(toks, i)
		lg, ag := d.agents.longest(toks, i)
		if isVerb(i) {
			// "Turkish forces", "the police": an agent word right after an
			// actor or a determiner is a noun, even if it could be a verb.
			after := len(ps) > 0 && ps[len(ps)-1].end == i || i > 0 && (toks[i-1].Lower == "the" || toks[i-1].Lower == "its" || toks[i-1].Lower == "their")
			if !(lg > 0 && after) {
				i++
				continue
			}
			la = 0
		}
		switch {
		case la > 0 && la >= lg && !(la == 1 && stop[toks[i].Lower] && !toks[i].Cap()):
			ps = append(ps, piece{start: i, end: i + la, kind: 1, entry: ea})
			i += la
		case lg > 0 && d.agentCode[ag] == "---":
			i += lg // a place noun the agent list should not hold
		case lg == 1 && la == 0 && adjectival[toks[i].Lower] && i+1 < len(toks) && modifiedNoun(toks[i+1]) && !isVerb(i+1) && !d.agentAt(toks, i+1):
			// "an official protest", "military equipment": the word
			// describes a thing, it names no one
			i++
		case lg > 0:
			ps = append(ps, piece{start: i, end: i + lg, kind: 2, entry: ag})
			i += lg
		default:
			t := toks[i]
			if code := d.leader(t, date); code != "" {
				// "Vietnamese-led forces", "the Saudi-led coalition": the
				// force is the leader's (backing, "US-backed rebels", is not)
				ps = append(ps, piece{start: i, end: i + 1, kind: 4, codes: []string{code}})
				i++
				continue
			}
			if strings.Contains(t.Lower, "-") {
				if codes := d.chain(t, date); len(codes) > 0 {
					end := i + 1
					// "the Syrian-Russian-Iranian alliance"
					if end < len(toks) && toks[end].Word() && !toks[end].Cap() && !noBridge[toks[end].Lower] && !isVerb(end) {
						end++
					}
					ps = append(ps, piece{start: i, end: end, kind: 4, codes: codes})
					i = end
					continue
				}
			}
			// a capitalised word opening the sentence is a name only when
			// the next word is capitalised too ("Ignoring", "Officers" are not)
			initial := i == 0 || !toks[i-1].Word() && toks[i-1].Text != "'" && toks[i-1].Text != ")"
			if initial && !(i+1 < len(toks) && toks[i+1].Cap() && toks[i+1].Word()) && !allCaps(t.Text) {
				i++
				continue
			}
			if t.Cap() && t.Word() && !stop[t.Lower] && !(i == 0 && noBridge[t.Lower]) && !isHeld(t.Lower) {
				ps = append(ps, piece{start: i, end: i + 1, kind: 3})
			}
			i++
		}
	}
	// group pieces into noun phrases
	var out []Mention
	for k := 0; k < len(ps); {
		g := []piece{ps[k]}
		k++
		for k < len(ps) && d.bridge(toks, g[len(g)-1], ps[k], isVerb) {
			g = append(g, ps[k])
			k++
		}
		m, ok := d.resolve(g, date)
		if !ok {
			continue
		}
		if e := absorbParen(toks, m.End); e > m.End {
			m.End = e
			for k < len(ps) && ps[k].start < e {
				k++
			}
		}
		out = append(out, m)
	}
	return out
}

// adjectival agent words also serve as adjectives before a noun.
var adjectival = map[string]bool{"official": true, "military": true}

// modifiedNoun reports whether t can be the noun an adjectival agent word
// describes: a lower-case word other than a function word or a source of
// news ("military sources said" names the military).
func modifiedNoun(t Token) bool {
	if !t.Word() || t.Cap() || noBridge[t.Lower] || stop[t.Lower] {
		return false
	}
	switch t.Lower {
	case "sources", "source", "officials", "official", "leaders", "chiefs", "commanders":
		return false
	}
	return true
}

// agentAt reports whether an agent phrase starts at toks[i].
func (d *Dict) agentAt(toks []Token, i int) bool {
	n, _ := d.agents.longest(toks, i)
	return n > 0
}

func isHeld(w string) bool {
	for _, s := range []string{"-held", "-controlled", "-backed", "-led", "-allied", "-occupied", "-supported", "-run"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// leader codes "X-led" when X is a state: the country that leads.
func (d *Dict) leader(t Token, date int32) string {
	if !strings.HasSuffix(t.Lower, "-led") || len(t.Text) <= 4 {
		return ""
	}
	p := t.Text[:len(t.Text)-4]
	pt := []Token{{Text: p, Lower: strings.ToLower(p)}}
	n, e := d.actors.longest(pt, 0)
	if n == 0 {
		return ""
	}
	if c := d.entries[e].At(date); len(c) == 3 && d.IsCountry(c) {
		return c
	}
	return ""
}

// chain codes a hyphenated chain of country words ("Syrian-Russian-Iranian").
func (d *Dict) chain(t Token, date int32) []string {
	parts := strings.Split(t.Text, "-")
	if len(parts) < 2 {
		return nil
	}
	var codes []string
	for _, p := range parts {
		pt := []Token{{Text: p, Lower: strings.ToLower(p)}}
		n, e := d.actors.longest(pt, 0)
		if n == 0 {
			return nil
		}
		codes = append(codes, d.entries[e].At(date))
	}
	return codes
}

// bridge reports whether piece b continues the noun phrase ending with a.
func (d *Dict) bridge(toks []Token, a, b piece, isVerb func(int) bool) bool {
	gap := toks[a.end:b.start]
	if len(gap) > 2 {
		return false
	}
	if len(gap) == 0 {
		// two capitalised words, or actor/agent words, side by side
		return true
	}
	for gi, t := range gap {
		i := a.end + gi
		switch {
		case t.Lower == "'s" || t.Lower == "'":
			continue
		case t.Lower == "of" && len(gap) <= 2 && (a.kind == 2 || b.kind == 1 || b.kind == 3):
			continue
		case (t.Lower == "from" || t.Lower == "in") && a.kind == 2 && b.kind == 1 && d.isCountryPiece(b) && (gi == len(gap)-1 || gi == len(gap)-2 && gap[gi+1].Lower == "the"):
			// "soldiers from Gondor", "rebels in the Ivory Coast",
			// "opposition groups in Zimbabwe"
			continue
		case t.Lower == "the" && gi > 0 && (gap[gi-1].Lower == "in" || gap[gi-1].Lower == "from"):
			continue
		case t.Lower == "the" && gi > 0 && gap[gi-1].Lower == "of":
			continue
		case isVerb(i) || noBridge[t.Lower] || !t.Word():
			return false
		case t.Cap():
			continue
		default:
			// a lower-case modifier ("counterpart", "prime") between two
			// actor words; only one, and never a past tense ("captured")
			if len(gap) > 1 || a.kind == 3 && b.kind == 3 || strings.HasSuffix(t.Lower, "ed") {
				return false
			}
		}
	}
	return true
}

// resolve codes a noun phrase made of pieces.
func (d *Dict) resolve(g []piece, date int32) (Mention, bool) {
	m := Mention{Start: g[0].start, End: g[len(g)-1].end}
	var named, country, agent string
	namedLen, namedAt, countryAt := 0, -1, -1
	for k, p := range g {
		switch p.kind {
		case 1:
			c := d.entries[p.entry].At(date)
			if c == "" {
				continue
			}
			if d.IsCountry(c) && len(c) == 3 {
				if country == "" {
					country, countryAt = c, k
				}
				continue
			}
			if l := p.end - p.start; l >= namedLen {
				named, namedLen, namedAt = c, l, k
			}
		case 2:
			// the last agent is the head noun: "Community foreign ministers"
			agent = strings.TrimPrefix(d.agentCode[p.entry], "~")
		case 4:
			m.Codes = p.codes
			if country == "" {
				country = p.codes[0]
			}
		}
	}
	if countryAt > namedAt && namedAt >= 0 && len(named) >= 6 && d.IsCountry(named[:3]) && named[:3] != country {
		// "King Hassan of Morocco": the country the phrase names after a
		// person outweighs the one a bare name's entry gives (a namesake)
		named = country + named[3:]
	}
	switch {
	case named != "" && len(named) == 3 && agent != "":
		// "Gondor's government": a state-level actor takes the agent
		m.Code, m.Kind = named+agent, Agent
	case named != "":
		m.Code, m.Kind = named, Named
	case country != "" && agent != "":
		m.Code, m.Kind = country+agent, Agent
	case country != "":
		m.Code, m.Kind = country, Named
	case agent != "":
		m.Code, m.Kind = agent, Agent
	default:
		m.Kind = Unknown
	}
	if len(m.Code) >= 3 && d.IsCountry(m.Code[:3]) {
		m.Country = m.Code[:3]
		if len(m.Code) >= 6 {
			m.Sector = m.Code[3:6]
		}
	} else if len(m.Code) >= 6 && federations[m.Code[:3]] && d.IsCountry(m.Code[3:6]) {
		// "SCGSRB" is Serbia as a member of Serbia and Montenegro: the
		// country is the member, which the federation no longer contains
		m.Country = m.Code[3:6]
		if len(m.Code) >= 9 {
			m.Sector = m.Code[6:9]
		}
	} else if country != "" {
		m.Country = country
	}
	if m.Sector == "" && m.Kind == Agent && len(m.Code) >= 3 && m.Country == "" {
		m.Sector = m.Code[:3]
	}
	if m.Sector == "" && m.Country == "" && len(m.Code) >= 6 {
		m.Sector = m.Code[3:6] // IGO/IMG-style codes: IMGMUS...
	}
	return m, true
}

// federations are the Phoenix codes of unions that have broken up (USSR,
// Yugoslavia, Serbia and Montenegro), which prefix the codes of their
// former members: "USRGEO", "YUGHRV", "SCGMNE".
var federations = map[string]bool{"USR": true, "SUN": true, "YUG": true, "SCG": true}

// absorbParen extends a mention over a short parenthesis right after it:
// "the Syrian Arab Army (SAA)".
func absorbParen(toks []Token, end int) int {
	if end >= len(toks) || toks[end].Text != "(" {
		return end
	}
	for j := end + 1; j < len(toks) && j <= end+8; j++ {
		if toks[j].Text == ")" {
			return j + 1
		}
	}
	return end
}

// isCountryPiece reports whether an actor piece is a state-level actor
// (a three-letter code).
func (d *Dict) isCountryPiece(p piece) bool {
	return p.kind == 1 && len(d.entries[p.entry].At(0)) == 3
}

func allCaps(s string) bool {
	return len(s) > 1 && strings.ToUpper(s) == s && strings.ToLower(s) != s
}
