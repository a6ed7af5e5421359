package geo

import (
	"math"

	"github.com/sitrep-dev/sitrep/internal/geo/names"
)

// Resolution scores every candidate place of every distinct name in the
// article and keeps the best, in a few rounds: each round's choices become
// the next round's context. A candidate's score is its prior (population,
// feature class) plus
//   - how well the name matched (own name, alternate, abbreviation, skeleton);
//   - what the surrounding words ask for ("the town of", "province");
//   - country context: the share of the article's other names, demonyms and
//     actors that point at its country;
//   - province context: the share that point at its first-level division;
//   - closeness to the other places the article names;
//   - containment: "Gainesville, Ga." puts Gainesville in Georgia.

const (
	maxCandidates = 48
	rounds        = 3
	earthKm       = 6371.0
	eponymKm      = 100.0
	// admin2Boost scales the county share: one county among a whole
	// article's names is already strong evidence
	admin2Boost = 3
	// datelineWeight: the place an article is filed from ("ALEPPO, Syria -")
	// counts twice as context
	datelineWeight = 2
)

// group is one distinct name of the article: every mention of "Aleppo"
// resolves the same way.
type group struct {
	kind      mentionKind
	fuzzy     bool
	want      want
	cands     []posting
	demonym   int32
	count     int
	weight    float32 // how much the group counts as context: 2 for a dateline
	multiWord bool    // some mention of it has several words
	key       string
	prob      []float32 // softmax of the scores, per candidate
	score     []float32
	base      []float32 // prior + match + want + eponym, per candidate
	best      int32     // index into cands, -1 if none
	// pairs: groups that may contain this one, or that this one may contain
	partners []pairLink
}

type pairLink struct {
	other int32
	inner bool // this group is the inner one ("Gainesville" of "Gainesville, Ga.")
}

// resolver holds the per-article state; reused through a pool.
type resolver struct {
	g        *Gazetteer
	groups   []group
	ctxC     []float32 // by country index
	ownC     []float32 // scratch: one group's own contribution
	ctxA1    map[int32]float32
	ctxA2    map[int32]float32
	total    float32
	actorCCs []uint16
	bestPl   []int32   // per group: current best place, -1
	bestP    []float32 // its probability
}

func newResolver(g *Gazetteer) *resolver {
	return &resolver{g: g, ctxC: make([]float32, len(g.ccs)), ownC: make([]float32, len(g.ccs)), ctxA1: map[int32]float32{}, ctxA2: map[int32]float32{}}
}

func (r *resolver) reset() {
	r.groups = r.groups[:0]
	clear(r.ctxC)
	clear(r.ctxA1)
	clear(r.ctxA2)
	r.total = 0
	r.actorCCs = r.actorCCs[:0]
}

// resolve groups the mentions by name, scores them and writes each
// mention's place.
func (r *resolver) resolve(ms []mention) {
	g := r.g
	byKey := map[string]int32{}
	for i := range ms {
		m := &ms[i]
		if m.kind == kindStreet || m.kind == kindUnknown && len(m.cands) == 0 {
			m.group = -1
			continue
		}
		k := m.key
		if m.kind == kindDemonym {
			k = "\x00d" + k
		} else if m.fuzzy {
			k = "\x00f" + k
		}
		gi, ok := byKey[k]
		if !ok {
			gi = int32(len(r.groups))
			byKey[k] = gi
			cands := m.cands
			if len(cands) > maxCandidates {
				cands = cands[:maxCandidates]
			}
			r.groups = append(r.groups, group{kind: m.kind, fuzzy: m.fuzzy, cands: cands, demonym: m.demonym, best: -1, weight: 1, key: m.key})
		}
		gr := &r.groups[gi]
		gr.count++
		if m.dateline {
			gr.weight = datelineWeight
		}
		if m.ti != m.tj {
			gr.multiWord = true
		}
		if gr.want == wantAny {
			gr.want = m.want
		}
		m.group = gi
	}
	for i := range ms {
		m := &ms[i]
		if m.group < 0 || m.next < 0 || ms[m.next].group < 0 || ms[m.next].group == m.group {
			continue
		}
		a, b := m.group, ms[m.next].group
		r.groups[a].partners = append(r.groups[a].partners, pairLink{other: b, inner: true})
		r.groups[b].partners = append(r.groups[b].partners, pairLink{other: a, inner: false})
	}
	for gi := range r.groups {
		gr := &r.groups[gi]
		n := len(gr.cands)
		gr.prob = growF(gr.prob, n)
		gr.score = growF(gr.score, n)
		gr.base = growF(gr.base, n)
		r.baseScores(gr)
	}
	if cap(r.bestPl) < len(r.groups) {
		r.bestPl = make([]int32, len(r.groups))
		r.bestP = make([]float32, len(r.groups))
	}
	r.bestPl, r.bestP = r.bestPl[:len(r.groups)], r.bestP[:len(r.groups)]

	for round := 0; round < rounds; round++ {
		r.buildContext(round)
		for gi := range r.groups {
			r.scoreGroup(int32(gi), round)
		}
		for gi := range r.groups {
			r.pickBest(int32(gi))
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.group < 0 {
			continue
		}
		gr := &r.groups[m.group]
		if gr.kind == kindDemonym {
			m.place = gr.demonym
			m.score = 1
			continue
		}
		if gr.best >= 0 && r.acceptable(gr) {
			m.place = gr.cands[gr.best].place
			m.score = gr.prob[gr.best]
		}
	}
	_ = g
}

func growF(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// buildContext sums, per country and province, the probability mass the
// groups put there. In round 0 the probabilities are the priors'.
func (r *resolver) buildContext(round int) {
	g := r.g
	clear(r.ctxC)
	clear(r.ctxA1)
	clear(r.ctxA2)
	r.total = 0
	for gi := range r.groups {
		gr := &r.groups[gi]
		gw := gr.weight
		if gr.kind == kindDemonym {
			p := &g.Places[gr.demonym]
			r.ctxC[p.cc] += gw
			if p.a1 >= 0 {
				r.ctxA1[p.a1] += gw
			}
			r.total += gw
			continue
		}
		if round == 0 {
			softmaxPrior(g, gr)
		}
		for ci, ps := range gr.cands {
			p := &g.Places[ps.place]
			w := gr.prob[ci] * gw
			r.ctxC[p.cc] += w
			if p.a1 >= 0 {
				r.ctxA1[p.a1] += w
			}
			if p.a2 >= 0 {
				r.ctxA2[p.a2] += w
			}
		}
		r.total += gw
	}
	for _, c := range r.actorCCs {
		r.ctxC[c] += g.weights.Actor
		r.total += g.weights.Actor
	}
	// a country's neighbours share in its mass: Israel makes Gaza and
	// Lebanon likelier, Syria makes Turkey and Iraq likelier
	if nw := g.weights.Neighbour; nw > 0 {
		copy(r.ownC, r.ctxC)
		for c, mass := range r.ownC {
			if mass == 0 {
				continue
			}
			for _, nb := range g.neighbours[c] {
				r.ctxC[nb] += nw * mass
			}
		}
		clear(r.ownC)
	}
}

// baseScores sets the context-free part of each candidate's score: prior,
// match and what the words ask for. A province or district that shares its
// name with its own seat ("Aleppo", "Daraa", "Quebec") yields to the city
// unless the text says "province": news names the city.
func (r *resolver) baseScores(gr *group) {
	g := r.g
	w := &g.weights
	for ci, ps := range gr.cands {
		p := &g.Places[ps.place]
		gr.base[ci] = p.prior + matchWeight(w, ps.kind, gr.fuzzy) + wantWeight(w, p, gr.want)
		if gr.want != wantArea && p.Class == 'A' && (p.level == levelAdmin1 || p.level == levelAdmin2) && p.a1 >= 0 {
			for _, qs := range gr.cands {
				q := &g.Places[qs.place]
				seat := p.level == levelAdmin1 && (q.Code == "PPLA" || q.Code == "PPLC") || p.level == levelAdmin2 && q.Code == "PPLA2" && q.a2 == p.a2
				// only where the area is small enough that its seat stands for it:
				// "Quebec" alone is mostly the province, "Aleppo" the city
				if seat && q.a1 == p.a1 && distanceKm(p, q) < eponymKm {
					gr.base[ci] += w.Eponym
					break
				}
			}
		}
	}
}

// softmaxPrior sets a group's probabilities from the base scores alone.
func softmaxPrior(g *Gazetteer, gr *group) {
	copy(gr.score, gr.base)
	softmax(gr.score, gr.prob)
}

func matchWeight(w *Weights, k matchKind, fuzzy bool) float32 {
	v := float32(0)
	switch k {
	case matchAlt:
		v = w.AltName
	case matchAlias:
		v = w.Alias
	}
	if fuzzy {
		v += w.Fuzzy
	}
	return v
}

// wantWeight rewards a candidate of the kind the words ask for.
func wantWeight(wt *Weights, p *Place, w want) float32 {
	switch w {
	case wantSettlement:
		if p.Class == 'P' {
			return wt.WantMatch
		}
		return wt.WantClash
	case wantArea:
		if p.Class == 'A' && p.level == levelAdmin1 || p.level == levelAdmin2 && p.Class == 'A' || p.Class == 'L' {
			return wt.WantMatch
		}
		if p.Class == 'P' {
			return wt.WantClash
		}
	case wantTerrain:
		switch p.Class {
		case 'T', 'H', 'L':
			return wt.WantMatch
		case 'P':
			return wt.WantClash
		}
	}
	return 0
}

func softmax(score, prob []float32) {
	if len(score) == 0 {
		return
	}
	mx := score[0]
	for _, s := range score {
		mx = max(mx, s)
	}
	var sum float32
	for i, s := range score {
		e := float32(math.Exp(float64(s - mx)))
		prob[i] = e
		sum += e
	}
	for i := range prob {
		prob[i] /= sum
	}
}

// scoreGroup rescores one group's candidates against the context without
// the group's own contribution.
func (r *resolver) scoreGroup(gi int32, round int) {
	g := r.g
	w := &g.weights
	gr := &r.groups[gi]
	if gr.kind == kindDemonym || len(gr.cands) == 0 {
		return
	}
	// the group's own contribution to the context, to subtract
	gw := gr.weight
	for ci, ps := range gr.cands {
		r.ownC[g.Places[ps.place].cc] += gr.prob[ci] * gw
	}
	others := r.total - gw
	for ci, ps := range gr.cands {
		p := &g.Places[ps.place]
		s := gr.base[ci]
		if others > 0 {
			if p.cc != 0 {
				s += w.CountryCtx * clamp01((r.ctxC[p.cc]-r.ownC[p.cc])/others)
			}
			if p.a1 >= 0 {
				ownA := float32(0)
				for cj, qs := range gr.cands {
					if g.Places[qs.place].a1 == p.a1 {
						ownA += gr.prob[cj] * gw
					}
				}
				s += w.Admin1Ctx * clamp01((r.ctxA1[p.a1]-ownA)/others)
			}
			if p.a2 >= 0 && w.Admin2Ctx != 0 {
				ownA := float32(0)
				for cj, qs := range gr.cands {
					if g.Places[qs.place].a2 == p.a2 {
						ownA += gr.prob[cj] * gw
					}
				}
				// a county named beside a town in it: "Paris ... Henry County"
				s += w.Admin2Ctx * clamp01((r.ctxA2[p.a2]-ownA)*admin2Boost/others)
			}
		}
		if round > 0 && p.level <= levelAdmin2 {
			s += w.Proximity * r.proximity(gi, p)
		}
		if round > 0 && len(gr.partners) > 0 {
			s += w.Pair * r.pairBonus(gr, p)
		}
		gr.score[ci] = s
	}
	for _, ps := range gr.cands {
		r.ownC[g.Places[ps.place].cc] = 0
	}
	softmax(gr.score, gr.prob)
}

func clamp01(x float32) float32 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}

// proximity is how close a candidate lies to the other groups' current
// choices: 1 on top of one, falling off over Weights.ProxKm.
func (r *resolver) proximity(gi int32, p *Place) float32 {
	g := r.g
	km := float64(g.weights.ProxKm)
	cut := float32(4 * km / earthKm)
	cutoff2 := cut * cut
	best := float32(0)
	for hi, pl := range r.bestPl {
		if int32(hi) == gi || pl < 0 {
			continue
		}
		q := &g.Places[pl]
		if q.level > levelAdmin1 {
			continue
		}
		// the chord stands in for the arc: equal below a few hundred km,
		// and pairs farther apart than 4 fall-off lengths count for nothing
		dx, dy, dz := p.x-q.x, p.y-q.y, p.z-q.z
		c2 := dx*dx + dy*dy + dz*dz
		if c2 > cutoff2 {
			continue
		}
		d := earthKm * math.Sqrt(float64(c2))
		v := r.bestP[hi] * float32(math.Exp(-d/km))
		best = max(best, v)
	}
	return best
}

// pairBonus rewards containment between the groups of "Town, State" pairs.
func (r *resolver) pairBonus(gr *group, p *Place) float32 {
	g := r.g
	best := float32(0)
	for _, link := range gr.partners {
		o := &r.groups[link.other]
		if o.kind == kindDemonym {
			continue
		}
		for cj, qs := range o.cands {
			q := &g.Places[qs.place]
			var ok bool
			if link.inner {
				ok = contains(q, p)
			} else {
				ok = contains(p, q)
			}
			if ok {
				best = max(best, o.prob[cj])
			}
		}
	}
	return best
}

// contains reports whether area a contains place b by their codes.
func contains(a, b *Place) bool {
	if a == b || a.CC == "" || a.CC != b.CC {
		return false
	}
	switch a.level {
	case levelCountry:
		return b.level < levelCountry
	case levelAdmin1:
		return a.Class == 'A' && a.a1 >= 0 && a.a1 == b.a1 && b.level < levelAdmin1
	case levelAdmin2:
		return a.Class == 'A' && a.a2 >= 0 && a.a2 == b.a2 && b.level < levelAdmin2
	}
	return false
}

func (r *resolver) pickBest(gi int32) {
	gr := &r.groups[gi]
	gr.best = -1
	r.bestPl[gi], r.bestP[gi] = -1, 0
	if gr.kind == kindDemonym {
		r.bestPl[gi], r.bestP[gi] = gr.demonym, 1
		return
	}
	var bs float32 = -math.MaxFloat32
	for ci := range gr.cands {
		if gr.score[ci] > bs {
			bs, gr.best = gr.score[ci], int32(ci)
		}
	}
	if gr.best >= 0 {
		r.bestPl[gi], r.bestP[gi] = gr.cands[gr.best].place, gr.prob[gr.best]
	}
}

// acceptable decides whether a group's best candidate is good enough to
// name, or whether the name is better left unresolved: a skeleton match or
// a small place far from everything else the article names is more likely a
// place the gazetteer lacks.
func (r *resolver) acceptable(gr *group) bool {
	g := r.g
	p := &g.Places[gr.cands[gr.best].place]
	others := r.total - gr.weight
	share := float32(0)
	if others > 0 && p.cc != 0 {
		own := float32(0)
		for cj, qs := range gr.cands {
			if g.Places[qs.place].cc == p.cc {
				own += gr.prob[cj] * gr.weight
			}
		}
		share = (r.ctxC[p.cc] - own) / others
	}
	if gr.fuzzy && share < 0.2 {
		return false
	}
	if p.level == levelSite && p.Pop < smallPlace && others >= 2 && share < 0.05 {
		return false
	}
	if gr.want == wantTerrain && p.Class == 'P' && share < 0.2 {
		return false
	}
	// an old or foreign name of a town abroad ("Molotov" for Perm, "Trident"
	// for Trento) is more likely something else; a spelling of its own name
	// ("Fallujah" for Al Fallūjah, "Andijan" for Andijon) is not
	if gr.cands[gr.best].kind == matchAlt && p.level == levelSite && p.Pop < 1_000_000 && share < 0.2 && !gr.multiWord &&
		!names.Similar(gr.key, names.Key(p.Name)) {
		return false
	}
	return true
}

// smallPlace is the population under which a settlement needs its
// country's support in the article to be believed.
const smallPlace = 2000
