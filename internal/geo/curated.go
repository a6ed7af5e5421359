package geo

import (
	"bufio"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"

	"github.com/sitrep-dev/sitrep/data/gazetteer"
	"github.com/sitrep-dev/sitrep/internal/geo/names"
)

// The curated layers are read from the embedded data whatever gazetteer file
// is loaded, so a user's bigger gazetteer keeps the regions, abbreviations
// and demonyms.

// readTSV calls fn with the tab-separated fields of every non-comment line.
func readTSV(name string, fn func(line int, f []string) error) error {
	file, err := gazetteer.FS.Open(name)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("gazetteer: %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// readCurated adds the regions layer and the aliases to the index.
func (g *Gazetteer) readCurated(ix *indexer) error {
	err := readTSV("regions.tsv", func(_ int, f []string) error {
		if len(f) < 7 {
			return fmt.Errorf("regions rows have 7 columns, got %d", len(f))
		}
		lat, err1 := strconv.ParseFloat(f[5], 64)
		lon, err2 := strconv.ParseFloat(f[6], 64)
		class, code, ok := strings.Cut(f[2], ".")
		if err1 != nil || err2 != nil || !ok || len(class) != 1 {
			return fmt.Errorf("bad point or feature code")
		}
		p := Place{Name: f[0], Lat: lat, Lon: lon, Class: class[0], Code: code, CC: f[3], Admin1: f[4], Curated: true}
		// a region stands for many places: give it the weight of its
		// province, or of a small country when it spans several
		p.Pop = 300_000
		idx := g.addPlace(p)
		ix.add(p.Name, idx, matchPrimary)
		if f[1] != "" {
			for a := range strings.SplitSeq(f[1], "|") {
				ix.add(a, idx, matchAlt)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	g.linkCountries()
	return readTSV("aliases.tsv", func(_ int, f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("alias rows have 2 columns")
		}
		idx := g.placeByKey(f[0])
		if idx < 0 {
			return nil // a place this gazetteer lacks
		}
		for a := range strings.SplitSeq(f[1], "|") {
			if strings.HasSuffix(a, ".") {
				// an abbreviation: indexed with its period so that "GA" in
				// capitals does not match "Ga."
				ix.addKey(names.AppendAbbrev(nil, a), idx, matchAlias)
				continue
			}
			ix.add(a, idx, matchAlias)
		}
		return nil
	})
}

// linkCountries points each country at its PCL entry and indexes the
// admin1 entries by code.
func (g *Gazetteer) linkCountries() {
	for i := range g.Places {
		p := &g.Places[i]
		switch p.level {
		case levelCountry:
			if c := g.countries[p.CC]; c != nil && (c.place < 0 || c.ID == p.ID) {
				c.place = int32(i)
			}
		case levelAdmin1:
			if p.Class == 'A' && p.Admin1 != "" {
				k := p.CC + "." + p.Admin1
				if _, ok := g.admin1Pl[k]; !ok {
					g.admin1Pl[k] = int32(i)
				}
			}
		}
	}
}

// placeByKey finds the place a curated row names: an ISO2 country code,
// CC.ADMIN1, a GeoNames id, or =NAME (the most likely place of that name).
func (g *Gazetteer) placeByKey(key string) int32 {
	switch {
	case strings.HasPrefix(key, "="):
		if ps := g.lookup(names.AppendKey(nil, key[1:])); len(ps) > 0 {
			return ps[0].place
		}
	case isDigitsOnly(key):
		id, _ := strconv.ParseInt(key, 10, 64)
		if i := g.indexOf(id); i >= 0 {
			return i
		}
	case strings.Contains(key, "."):
		if i, ok := g.admin1Pl[key]; ok {
			return i
		}
	default:
		if c := g.countries[key]; c != nil {
			return c.place
		}
	}
	return -1
}

func isDigitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// readDemonyms and readCommonWords run after the index is frozen, since a
// demonym may name its place by name.
func (g *Gazetteer) readDemonyms() error {
	return readTSV("demonyms.tsv", func(_ int, f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("demonym rows have 2 columns")
		}
		idx := g.placeByKey(f[0])
		if idx < 0 {
			return nil
		}
		for d := range strings.SplitSeq(f[1], "|") {
			if k := names.Key(d); k != "" {
				g.demonyms[k] = idx
			}
		}
		return nil
	})
}

func (g *Gazetteer) readCommonWords() error {
	b, err := fs.ReadFile(gazetteer.FS, "common-words.txt")
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if line != "" && line[0] != '#' {
			g.common[line] = true
		}
	}
	gn, err := fs.ReadFile(gazetteer.FS, "given-names.txt")
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	for line := range strings.SplitSeq(string(gn), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		for w := range strings.FieldsSeq(line) {
			g.givenNames[names.Key(w)] = true
		}
	}
	return readTSV("notplaces.tsv", func(_ int, f []string) error {
		for _, n := range f {
			if k := names.Key(n); k != "" {
				g.notPlaces[k] = true
			}
		}
		return nil
	})
}

// placePrior is what a place is worth before any context: the log of its
// population plus a bonus for the kinds of place news names most (countries,
// provinces, capitals). A mention of "Paris" is Paris, France until the
// article says otherwise.
func placePrior(p *Place, w *Weights) float32 {
	pop := float32(math.Log10(1 + float64(effectivePop(p))))
	var bonus float32
	switch p.level {
	case levelCountry:
		bonus = w.Country
	case levelWorld:
		bonus = w.World
	case levelAdmin1:
		bonus = w.Admin1 + w.AdminPop
	case levelAdmin2:
		bonus = w.Admin2 + w.AdminPop
		if p.Class == 'H' || p.Class == 'T' {
			bonus = w.Terrain
		}
	default:
		switch p.Code {
		case "PPLC":
			bonus = w.Capital
		case "PPLA":
			bonus = w.PPLA
		case "PPLA2":
			bonus = w.PPLA2
		case "PPLX", "PPLL", "PPLQ", "PPLH", "PPLW":
			bonus = w.MinorPPL
		}
	}
	if p.Curated {
		bonus += w.Curated
	}
	return w.Pop*pop + bonus
}

// effectivePop stands in for a missing population: GeoNames writes 0 when
// it has no figure, and a district seat with no figure is still a town.
func effectivePop(p *Place) int64 {
	if p.Pop > 0 || p.Class != 'P' {
		return p.Pop
	}
	switch p.Code {
	case "PPLA":
		return 50_000
	case "PPLA2":
		return 20_000
	case "PPLA3":
		return 5_000
	case "PPLA4", "PPLA5":
		return 2_000
	}
	return 500
}
