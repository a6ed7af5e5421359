package geo

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-dev/sitrep/data/gazetteer"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/geo/gazbuild"
	"github.com/sitrep-dev/sitrep/internal/geo/names"
)

// Place is one gazetteer entry, held compactly: the resolver touches
// hundreds of thousands of them.
type Place struct {
	ID       int64 // GeoNames id; 0 for a curated entry without one
	Name     string
	Lat, Lon float64
	Class    byte   // GeoNames feature class: A, P, L, T, H, S
	Code     string // GeoNames feature code, e.g. "PPLA"
	CC       string // ISO 3166-1 alpha-2
	Admin1   string // first-level division code within CC
	Admin2   string
	Pop      int64
	Curated  bool // from the hand-written regions layer
	level    level
	cc       uint16 // index of CC in Gazetteer.ccs (0 = none)
	a1, a2   int32  // indexes of the admin1 and admin2 areas (-1 = none)
	prior    float32
	x, y, z  float32 // unit vector, for fast distances
}

// level ranks how large an area a place stands for.
type level uint8

const (
	levelSite    level = iota // a settlement or a point feature
	levelAdmin2               // a county, district, valley, hill range inside one province
	levelAdmin1               // a province, or a region of one country
	levelCountry              // a country or territory
	levelWorld                // a continent, a multi-country region, a sea
)

// Country is one countryInfo row.
type Country struct {
	ISO2, ISO3, Name string
	ID               int64
	Pop              int64
	Neighbours       []string
	place            int32 // index of its PCL entry, -1 if none
}

// posting is one (name, place) pair of the index.
type posting struct {
	place int32
	kind  matchKind
}

// matchKind says how a name matched its place.
type matchKind uint8

const (
	matchPrimary matchKind = iota // the place's own name
	matchAlt                      // one of its alternate names
	matchAlias                    // an abbreviation or short form from the curated aliases
)

// span is a range of postings.
type span struct{ off, n uint32 }

// Gazetteer is a loaded, indexed gazetteer. It is read-only after Load and
// safe for concurrent use.
type Gazetteer struct {
	Places    []Place
	countries map[string]*Country // by ISO2
	iso3      map[string]string   // ISO3 -> ISO2
	admin1    map[string]string   // "CC.CODE" -> name
	admin1Pl  map[string]int32    // "CC.CODE" -> ADM1 place
	byID      map[int64]int32     // places not in id order (curated, or a second file row); the rest by binary search
	sortedN   int                 // Places[:sortedN] are sorted by ID

	index     map[string]uint32 // key -> keySpans index
	keySpans  []span            // postings of each key
	skeleton  map[string]uint32 // skeleton key -> skelSpans index (fuzzy)
	skelSpans []span
	postings  []posting
	maxWords  int // longest name, in words

	ccs        []string // country codes by index; ccs[0] = ""
	ccIdx      map[string]uint16
	demonyms   map[string]int32 // key -> place (a country, a region, a state)
	common     map[string]bool  // keys that are ordinary English words too
	weights    Weights
	neighbours [][]uint16      // by country index
	notPlaces  map[string]bool // names that news uses for other things ("White House", "Passover")
	givenNames map[string]bool // "jenny", "george": the word after one is a surname
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// EnvGazetteer names the environment variable that points sitrep at a
// gazetteer built with "sitrep gazetteer build" instead of the embedded one.
const EnvGazetteer = "SITREP_GAZETTEER"

// DefaultGazetteer loads the gazetteer once: the file named by
// $SITREP_GAZETTEER if set, else the embedded one.
func DefaultGazetteer() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		if p := os.Getenv(EnvGazetteer); p != "" {
			defaultGaz, defaultErr = LoadFile(p)
			return
		}
		defaultGaz, defaultErr = LoadEmbedded()
	})
	return defaultGaz, defaultErr
}

// LoadEmbedded loads the gazetteer compiled into the binary.
func LoadEmbedded() (*Gazetteer, error) {
	b, err := fs.ReadFile(gazetteer.FS, gazetteer.Places)
	if err != nil {
		return nil, fmt.Errorf("embedded gazetteer: %w", err)
	}
	return LoadBytes(b)
}

// LoadFile loads a gazetteer written by "sitrep gazetteer build" (gzip or
// plain) and adds the embedded curated layers to it.
func LoadFile(path string) (*Gazetteer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	g, err := LoadBytes(b)
	if err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", path, err)
	}
	return g, nil
}

// Load reads a gazetteer file from r (see LoadBytes).
func Load(r io.Reader) (*Gazetteer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return LoadBytes(b)
}

// LoadBytes reads a gazetteer file (gzip-compressed or not) and the embedded
// curated layers: regions, aliases, demonyms and common words. The file is
// decompressed into one string that the place names point into, so loading
// allocates little besides the index.
func LoadBytes(b []byte) (*Gazetteer, error) {
	data, err := decompress(b)
	if err != nil {
		return nil, err
	}
	g := &Gazetteer{
		weights:   DefaultWeights,
		countries: map[string]*Country{}, iso3: map[string]string{}, admin1: map[string]string{},
		admin1Pl: map[string]int32{}, demonyms: map[string]int32{}, common: map[string]bool{}, notPlaces: map[string]bool{}, givenNames: map[string]bool{},
	}
	rows := strings.Count(data, "\n")
	g.Places = make([]Place, 0, rows+1024)
	g.byID = map[int64]int32{}
	ix := newIndexer(rows * 2)
	if err := g.readPlaces(data, ix); err != nil {
		return nil, err
	}
	if err := g.readCurated(ix); err != nil {
		return nil, err
	}
	g.finish(ix)
	if err := g.readDemonyms(); err != nil {
		return nil, err
	}
	if err := g.readCommonWords(); err != nil {
		return nil, err
	}
	return g, nil
}

// decompress returns the text of a gazetteer file, gunzipped if need be.
// The gzip trailer gives the size, so the text is read into one buffer.
func decompress(b []byte) (string, error) {
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return string(b), nil
	}
	size := 0
	if len(b) >= 8 {
		size = int(binary.LittleEndian.Uint32(b[len(b)-4:]))
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("gazetteer: %w", err)
	}
	var sb strings.Builder
	sb.Grow(size + 1)
	if _, err := io.Copy(&sb, zr); err != nil {
		return "", fmt.Errorf("gazetteer: decompress: %w", err)
	}
	return sb.String(), nil
}

// indexer collects (key, place, kind) triples before they are frozen into
// the postings.
type indexer struct {
	keyID   map[string]uint32
	keys    []string
	entries []uint64 // keyID<<32 | place<<2 | kind
	buf     []byte
}

func newIndexer(n int) *indexer {
	return &indexer{keyID: make(map[string]uint32, n), keys: make([]string, 0, n), entries: make([]uint64, 0, n)}
}

func (ix *indexer) add(name string, place int32, kind matchKind) {
	ix.buf = names.AppendKey(ix.buf[:0], name)
	ix.addKey(ix.buf, place, kind)
}

func (ix *indexer) addKey(key []byte, place int32, kind matchKind) {
	if len(key) < 2 {
		return
	}
	id, ok := ix.keyID[string(key)]
	if !ok {
		id = uint32(len(ix.keys))
		k := string(key)
		ix.keyID[k] = id
		ix.keys = append(ix.keys, k)
	}
	ix.entries = append(ix.entries, uint64(id)<<32|uint64(place)<<2|uint64(kind))
}

// fields splits a line into at most len(dst) tab-separated fields without
// allocating.
func fields(line string, dst []string) []string {
	dst = dst[:0]
	for len(dst) < cap(dst)-1 {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			break
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
	return append(dst, line)
}

func (g *Gazetteer) readPlaces(data string, ix *indexer) error {
	var fb [12]string
	n := 0
	first := true
	for len(data) > 0 {
		n++
		var line string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, ""
		}
		line = strings.TrimSuffix(line, "\r")
		if first {
			if !strings.HasPrefix(line, gazbuild.Magic) {
				return fmt.Errorf("gazetteer: not a sitrep gazetteer (build one with 'sitrep gazetteer build')")
			}
			first = false
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		f := fields(line, fb[:0:11])
		switch f[0] {
		case "C":
			if len(f) < 7 {
				return fmt.Errorf("gazetteer: line %d: short country row", n)
			}
			id, _ := strconv.ParseInt(f[4], 10, 64)
			pop, _ := strconv.ParseInt(f[5], 10, 64)
			c := &Country{ISO2: f[1], ISO3: f[2], Name: f[3], ID: id, Pop: pop, place: -1}
			if f[6] != "" {
				c.Neighbours = strings.Split(f[6], ",")
			}
			g.countries[c.ISO2] = c
			g.iso3[c.ISO3] = c.ISO2
		case "A1":
			if len(f) < 4 {
				return fmt.Errorf("gazetteer: line %d: short admin1 row", n)
			}
			g.admin1[f[1]] = f[2]
		default:
			if len(f) < 10 {
				return fmt.Errorf("gazetteer: line %d: place rows have 10 columns, got %d", n, len(f))
			}
			id, err1 := strconv.ParseInt(f[0], 10, 64)
			lat, err2 := strconv.ParseFloat(f[6], 64)
			lon, err3 := strconv.ParseFloat(f[7], 64)
			pop, _ := strconv.ParseInt(f[8], 10, 64)
			if err1 != nil || err2 != nil || err3 != nil || len(f[2]) < 2 || f[2][1] != '.' {
				return fmt.Errorf("gazetteer: line %d: bad place row", n)
			}
			p := Place{ID: id, Name: f[1], Lat: lat, Lon: lon, Class: f[2][0], Code: f[2][2:],
				CC: f[3], Admin1: f[4], Admin2: f[5], Pop: pop}
			idx := g.addPlace(p)
			ix.add(p.Name, idx, matchPrimary)
			for alts := f[9]; alts != ""; {
				var a string
				a, alts, _ = strings.Cut(alts, "|")
				ix.add(a, idx, matchAlt)
			}
		}
	}
	if first {
		return fmt.Errorf("gazetteer: empty file")
	}
	return nil
}

func (g *Gazetteer) addPlace(p Place) int32 {
	idx := int32(len(g.Places))
	p.level = levelOf(&p)
	lat, lon := p.Lat*math.Pi/180, p.Lon*math.Pi/180
	p.x = float32(math.Cos(lat) * math.Cos(lon))
	p.y = float32(math.Cos(lat) * math.Sin(lon))
	p.z = float32(math.Sin(lat))
	g.Places = append(g.Places, p)
	// rows of a built file come sorted by id: they are found by binary
	// search, and only the others need the map
	if p.ID != 0 && int(idx) == g.sortedN && (idx == 0 || g.Places[idx-1].ID < p.ID) {
		g.sortedN++
	} else if p.ID != 0 {
		if g.indexOf(p.ID) < 0 {
			g.byID[p.ID] = idx
		}
	}
	return idx
}

// levelOf classifies a place by its feature code.
func levelOf(p *Place) level {
	switch p.Class {
	case 'A':
		switch {
		case strings.HasPrefix(p.Code, "PCL") || p.Code == "TERR":
			return levelCountry
		case p.Code == "ADM1" || p.Code == "ADM1H":
			return levelAdmin1
		case p.Code == "ZN" && p.CC == "":
			return levelWorld
		}
		return levelAdmin2
	case 'L':
		switch {
		case p.Code == "CONT" || p.CC == "":
			return levelWorld
		case p.Code == "RGN" || p.Code == "RGNE":
			return levelAdmin1
		}
		return levelAdmin2
	case 'H':
		if p.CC == "" || p.Code == "OCN" || p.Code == "SEA" {
			return levelWorld
		}
		return levelAdmin2
	case 'T':
		if p.CC == "" {
			return levelWorld
		}
		switch p.Code {
		case "MTS", "DSRT", "PEN", "PLAT", "PLN", "ISLS":
			return levelAdmin1
		}
		return levelAdmin2
	}
	return levelSite
}

// finish freezes the index: postings grouped by key, each group ordered by
// prior so that the resolver can stop early; the skeleton index; the
// country and admin1 lookups.
func (g *Gazetteer) finish(ix *indexer) {
	g.ccs = []string{""}
	g.ccIdx = map[string]uint16{"": 0}
	a1 := map[string]int32{}
	a2 := map[string]int32{}
	for i := range g.Places {
		p := &g.Places[i]
		p.prior = placePrior(p, &g.weights)
		c, ok := g.ccIdx[p.CC]
		if !ok {
			c = uint16(len(g.ccs))
			g.ccs = append(g.ccs, p.CC)
			g.ccIdx[p.CC] = c
		}
		p.cc = c
		p.a1, p.a2 = -1, -1
		if p.CC != "" && p.Admin1 != "" && p.level <= levelAdmin1 {
			p.a1 = intern32(a1, p.CC+"."+p.Admin1)
			if p.Admin2 != "" && p.level <= levelAdmin2 {
				p.a2 = intern32(a2, p.CC+"."+p.Admin1+"."+p.Admin2)
			}
		}
	}
	slices.SortFunc(ix.entries, func(a, b uint64) int {
		if ka, kb := a>>32, b>>32; ka != kb {
			if ka < kb {
				return -1
			}
			return 1
		}
		ia, ib := int32(a>>2&0x3fffffff), int32(b>>2&0x3fffffff)
		pa, pb := g.Places[ia].prior, g.Places[ib].prior
		switch {
		case pa > pb:
			return -1
		case pa < pb:
			return 1
		case ia != ib:
			return int(ia - ib)
		}
		return int(a&3) - int(b&3)
	})
	g.postings = make([]posting, 0, len(ix.entries)+len(ix.entries)/4)
	// the indexer's key map becomes the index: key -> key id -> postings
	g.index = ix.keyID
	keySpan := make([]span, len(ix.keys))
	g.keySpans = keySpan
	for i := 0; i < len(ix.entries); {
		k := ix.entries[i] >> 32
		off := uint32(len(g.postings))
		lastPlace := int32(-1)
		for ; i < len(ix.entries) && ix.entries[i]>>32 == k; i++ {
			e := ix.entries[i]
			pl := int32(e >> 2 & 0x3fffffff)
			if pl == lastPlace {
				continue // the same place under two spellings of one key
			}
			g.postings = append(g.postings, posting{place: pl, kind: matchKind(e & 3)})
			lastPlace = pl
		}
		sp := span{off: off, n: uint32(len(g.postings)) - off}
		key := ix.keys[k]
		keySpan[k] = sp
		if w := strings.Count(key, " ") + 1; w > g.maxWords {
			g.maxWords = w
		}
	}
	g.neighbours = make([][]uint16, len(g.ccs))
	for i, cc := range g.ccs {
		if c := g.countries[cc]; c != nil {
			for _, nb := range c.Neighbours {
				if j, ok := g.ccIdx[nb]; ok {
					g.neighbours[i] = append(g.neighbours[i], j)
				}
			}
		}
	}
	// The skeleton index: keys grouped by skeleton, their postings copied
	// together and ordered by prior.
	skelID := make(map[string]uint32, len(ix.keys)/2)
	var skelKeys []string
	var pairs []uint64 // skeletonID<<32 | keyID
	var buf []byte
	for k, key := range ix.keys {
		buf = names.AppendSkeleton(buf[:0], key)
		if len(buf) < 3 || string(buf) == key {
			continue
		}
		id, ok := skelID[string(buf)]
		if !ok {
			id = uint32(len(skelKeys))
			sk := string(buf)
			skelID[sk] = id
			skelKeys = append(skelKeys, sk)
		}
		pairs = append(pairs, uint64(id)<<32|uint64(k))
	}
	slices.Sort(pairs)
	g.skeleton = skelID
	g.skelSpans = make([]span, len(skelKeys))
	for i := 0; i < len(pairs); {
		id := pairs[i] >> 32
		off := uint32(len(g.postings))
		for ; i < len(pairs) && pairs[i]>>32 == id; i++ {
			sp := keySpan[uint32(pairs[i])]
			g.postings = append(g.postings, g.postings[sp.off:sp.off+sp.n]...)
		}
		sub := g.postings[off:]
		if len(sub) > 1 {
			slices.SortStableFunc(sub, func(a, b posting) int {
				pa, pb := g.Places[a.place].prior, g.Places[b.place].prior
				switch {
				case pa > pb:
					return -1
				case pa < pb:
					return 1
				}
				return 0
			})
		}
		g.skelSpans[id] = span{off: off, n: uint32(len(sub))}
	}
	if g.maxWords > maxNameWords {
		g.maxWords = maxNameWords
	}
}

// maxNameWords caps how many words a name may have in the recogniser's
// search; longer gazetteer names ("United Kingdom of Great Britain and
// Northern Ireland") still match by their short forms.
const maxNameWords = 8

// lookup returns the postings of an exact key.
func (g *Gazetteer) lookup(key []byte) []posting {
	id, ok := g.index[string(key)]
	if !ok {
		return nil
	}
	s := g.keySpans[id]
	return g.postings[s.off : s.off+s.n]
}

// lookupSkeleton returns the postings of a skeleton key.
func (g *Gazetteer) lookupSkeleton(sk []byte) []posting {
	id, ok := g.skeleton[string(sk)]
	if !ok {
		return nil
	}
	s := g.skelSpans[id]
	return g.postings[s.off : s.off+s.n]
}

// Lookup returns the places a name can stand for, most likely first by
// prior alone.
func (g *Gazetteer) Lookup(name string) []*Place {
	var out []*Place
	for _, p := range g.lookup(names.AppendKey(nil, name)) {
		out = append(out, &g.Places[p.place])
	}
	return out
}

// ByID returns the place with a GeoNames id.
func (g *Gazetteer) ByID(id int64) *Place {
	if i := g.indexOf(id); i >= 0 {
		return &g.Places[i]
	}
	return nil
}

// indexOf returns the index of the place with a GeoNames id, or -1.
func (g *Gazetteer) indexOf(id int64) int32 {
	lo, hi := 0, g.sortedN
	for lo < hi {
		m := (lo + hi) / 2
		if g.Places[m].ID < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < g.sortedN && g.Places[lo].ID == id {
		return int32(lo)
	}
	if i, ok := g.byID[id]; ok {
		return i
	}
	return -1
}

// Country returns the country with an ISO 3166-1 alpha-2 or alpha-3 code.
func (g *Gazetteer) Country(code string) *Country {
	if len(code) == 3 {
		code = g.iso3[code]
	}
	return g.countries[code]
}

// Admin1Name is the name of a first-level division ("SY", "06" -> "Daraa").
func (g *Gazetteer) Admin1Name(cc, code string) string {
	if code == "" {
		return ""
	}
	return g.admin1[cc+"."+code]
}

// EventPlace converts a gazetteer entry to the event record's form.
func (g *Gazetteer) EventPlace(p *Place) *event.Place {
	return &event.Place{
		GeoNameID: p.ID, Name: p.Name, Lat: p.Lat, Lon: p.Lon,
		CountryCode: p.CC, Admin1: g.Admin1Name(p.CC, p.Admin1), FeatureCode: p.Code,
	}
}

// distanceKm is the great-circle distance between two places.
func distanceKm(a, b *Place) float64 {
	dot := float64(a.x*b.x + a.y*b.y + a.z*b.z)
	if dot > 1 {
		dot = 1
	} else if dot < -1 {
		dot = -1
	}
	return 6371 * math.Acos(dot)
}

// HaversineKm is the great-circle distance between two points in degrees.
func HaversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371 * math.Asin(math.Min(1, math.Sqrt(a)))
}

// intern32 numbers the distinct keys of m in order of first use.
func intern32(m map[string]int32, k string) int32 {
	if v, ok := m[k]; ok {
		return v
	}
	v := int32(len(m))
	m[k] = v
	return v
}

// SetWeights replaces the resolver's weights and recomputes the priors
// (for tuning; not safe while the gazetteer is in use).
func (g *Gazetteer) SetWeights(w Weights) {
	g.weights = w
	for i := range g.Places {
		g.Places[i].prior = placePrior(&g.Places[i], &g.weights)
	}
}

// Weights returns the resolver's weights.
func (g *Gazetteer) Weights() Weights { return g.weights }
