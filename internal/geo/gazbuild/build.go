// Package gazbuild converts GeoNames files (the dumps, countryInfo and the
// admin code tables) into sitrep's gazetteer file, and counts the words
// English writes in lower case. It runs at generation time (go generate in
// data/gazetteer) and behind "sitrep gazetteer build"; it never reads
// ../shared on its own.
package gazbuild

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-dev/sitrep/internal/geo/names"
)

// The gazetteer file (what Build writes and Load reads) is gzip-compressed
// TSV, one record a line, '#' comments:
//
//	C   ISO2 ISO3 NAME GEONAMEID POPULATION NEIGHBOURS   a country (countryInfo)
//	A1  CC.CODE NAME GEONAMEID                          a first-level division name
//	ID  NAME CLASS.CODE CC ADMIN1 ADMIN2 LAT LON POPULATION ALTNAMES
//	                                                    a place; ALTNAMES joined by "|"
//
// Places are sorted by GeoNames id so that a regenerated file diffs cleanly.

// Magic is the first line of every gazetteer file.
const Magic = "# sitrep gazetteer v1"

// BuildOptions tunes Build.
type BuildOptions struct {
	// Features keeps a place when its class ("P") or class.code ("T.MTS") is
	// listed; nil keeps DefaultFeatures.
	Features []string
	// Note is written into the file header (sources and licences).
	Note string
}

// DefaultFeatures are the GeoNames feature classes and codes a news
// geoparser needs: every populated place, countries and administrative
// divisions, and the regions, terrain and water bodies news names. Spots,
// roads, buildings and the like (classes S, R, U, V) are left out.
var DefaultFeatures = []string{
	"P",
	"A.PCL", "A.PCLI", "A.PCLD", "A.PCLF", "A.PCLS", "A.PCLIX", "A.PCLH", "A.TERR", "A.ZN",
	"A.ADM1", "A.ADM2", "A.ADMD",
	"L.CONT", "L.RGN", "L.RGNE", "L.AREA", "L.MILB",
	"T.ISL", "T.ISLS", "T.ATOL", "T.PEN", "T.MT", "T.MTS", "T.VAL", "T.DSRT", "T.PLAT", "T.PLN", "T.HLLS",
	"H.OCN", "H.SEA", "H.GULF", "H.BAY", "H.STRT", "H.CHNM", "H.CHN", "H.LK", "H.STM",
}

// dumpRecord is one GeoNames dump row, reduced to what sitrep keeps.
type dumpRecord struct {
	ID             int64
	Name           string
	Alt            []string
	Lat, Lon       float64
	Class          byte
	Code           string
	CC             string
	Admin1, Admin2 string
	Pop            int64
}

type countryInfo struct {
	ISO2, ISO3, Name string
	ID, Pop          int64
	Neighbours       string
}

type adminName struct {
	Code, Name, ASCII string
	ID                int64
}

// builder collects the inputs of one Build.
type builder struct {
	opt       BuildOptions
	features  map[string]bool
	places    map[int64]*dumpRecord
	countries []countryInfo
	admin1    []adminName
	admin2    []adminName
}

// Build reads GeoNames files and writes a gazetteer to w. Each input is
// recognised by its content: a dump in the 19-column GeoNames format
// (allCountries.txt, cities500.txt, a country file, no-country.txt),
// countryInfo.txt, admin1CodesASCII.txt or admin2Codes.txt; a path ending in
// .gz is decompressed. Divisions and countries named by the tables but with
// no point in any dump are placed at the mean point of their populated
// places, and their population is the sum of those places'.
func Build(paths []string, w io.Writer, opt BuildOptions) error {
	b := &builder{opt: opt, places: map[int64]*dumpRecord{}, features: map[string]bool{}}
	feats := opt.Features
	if feats == nil {
		feats = DefaultFeatures
	}
	for _, f := range feats {
		b.features[strings.ToUpper(strings.TrimSpace(f))] = true
	}
	for _, p := range paths {
		if err := b.readFile(p); err != nil {
			return err
		}
	}
	b.complete()
	return b.write(w)
}

// BuildFile is Build into a gzip file at out.
func BuildFile(paths []string, out string, opt BuildOptions) error {
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("gazetteer build: %w", err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err := Build(paths, zw, opt); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("gazetteer build %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("gazetteer build %s: %w", out, err)
	}
	return nil
}

func openMaybeGzip(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

// inputKind tells the GeoNames file formats apart by their first data line.
type inputKind int

const (
	kindUnknown inputKind = iota
	kindDump
	kindCountryInfo
	kindAdmin1
	kindAdmin2
)

func sniffKind(line string) inputKind {
	f := strings.Split(line, "\t")
	switch {
	case len(f) >= 15 && isDigits(f[0]) && isFloat(f[4]) && isFloat(f[5]):
		return kindDump
	case len(f) >= 17 && len(f[0]) == 2 && len(f[1]) == 3:
		return kindCountryInfo
	case len(f) == 4 && isDigits(f[3]) && strings.Count(f[0], ".") == 1:
		return kindAdmin1
	case len(f) == 4 && isDigits(f[3]) && strings.Count(f[0], ".") == 2:
		return kindAdmin2
	}
	return kindUnknown
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isFloat(s string) bool { _, err := strconv.ParseFloat(s, 64); return err == nil }

func (b *builder) readFile(path string) error {
	rc, err := openMaybeGzip(path)
	if err != nil {
		return fmt.Errorf("gazetteer build: %w", err)
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	kind := kindUnknown
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if kind == kindUnknown {
			if kind = sniffKind(line); kind == kindUnknown {
				return fmt.Errorf("gazetteer build: %s:%d: not a GeoNames dump, countryInfo or admin code table", filepath.Base(path), n)
			}
		}
		f := strings.Split(line, "\t")
		switch kind {
		case kindDump:
			r, err := parseDumpFields(f)
			if err != nil {
				return fmt.Errorf("gazetteer build: %s:%d: %w", filepath.Base(path), n, err)
			}
			if b.keep(r) {
				b.add(r)
			}
		case kindCountryInfo:
			if len(f) < 17 {
				return fmt.Errorf("gazetteer build: %s:%d: short countryInfo row", filepath.Base(path), n)
			}
			id, _ := strconv.ParseInt(f[16], 10, 64)
			pop, _ := strconv.ParseInt(f[7], 10, 64)
			nb := ""
			if len(f) > 17 {
				nb = f[17]
			}
			b.countries = append(b.countries, countryInfo{ISO2: f[0], ISO3: f[1], Name: f[4], ID: id, Pop: pop, Neighbours: nb})
		case kindAdmin1, kindAdmin2:
			if len(f) != 4 {
				return fmt.Errorf("gazetteer build: %s:%d: admin code rows have 4 columns", filepath.Base(path), n)
			}
			id, _ := strconv.ParseInt(f[3], 10, 64)
			a := adminName{Code: f[0], Name: f[1], ASCII: f[2], ID: id}
			if kind == kindAdmin1 {
				b.admin1 = append(b.admin1, a)
			} else {
				b.admin2 = append(b.admin2, a)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer build: %s: %w", path, err)
	}
	return nil
}

// parseDumpFields reads the 19 GeoNames dump columns: id, name, asciiname,
// alternatenames, latitude, longitude, feature class, feature code, country
// code, cc2, admin1..admin4, population, elevation, dem, timezone, date.
func parseDumpFields(f []string) (*dumpRecord, error) {
	if len(f) < 15 {
		return nil, fmt.Errorf("dump rows have 19 columns, got %d", len(f))
	}
	id, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("geonameid %q: %w", f[0], err)
	}
	lat, err1 := strconv.ParseFloat(f[4], 64)
	lon, err2 := strconv.ParseFloat(f[5], 64)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("bad point %q %q", f[4], f[5])
	}
	pop, _ := strconv.ParseInt(f[14], 10, 64)
	r := &dumpRecord{ID: id, Name: f[1], Lat: lat, Lon: lon, Code: f[7], CC: f[8], Admin1: f[10], Admin2: f[11], Pop: pop}
	if f[6] != "" {
		r.Class = f[6][0]
	}
	if f[2] != "" && f[2] != f[1] {
		r.Alt = append(r.Alt, f[2])
	}
	if f[3] != "" {
		r.Alt = append(r.Alt, strings.Split(f[3], ",")...)
	}
	return r, nil
}

func (b *builder) keep(r *dumpRecord) bool {
	return b.features[string(r.Class)] || b.features[string(r.Class)+"."+r.Code]
}

// add merges r into the places read so far: a place given by two inputs
// keeps the first point and the union of names.
func (b *builder) add(r *dumpRecord) {
	old, ok := b.places[r.ID]
	if !ok {
		b.places[r.ID] = r
		return
	}
	old.Alt = append(old.Alt, r.Name)
	old.Alt = append(old.Alt, r.Alt...)
	if old.Pop == 0 {
		old.Pop = r.Pop
	}
	if old.Admin1 == "" {
		old.Admin1 = r.Admin1
	}
}

// complete fills what the dumps lack from the tables: country and admin1
// names, and points for divisions that no dump gave.
func (b *builder) complete() {
	type acc struct {
		lat, lon float64
		n        int
		pop      int64
	}
	byCountry := map[string]*acc{}
	byAdmin1 := map[string]*acc{}
	byAdmin2 := map[string]*acc{}
	add := func(m map[string]*acc, k string, r *dumpRecord) {
		a := m[k]
		if a == nil {
			a = &acc{}
			m[k] = a
		}
		a.lat += r.Lat
		a.lon += r.Lon
		a.n++
		a.pop += r.Pop
	}
	// in id order, so that the float sums and the output do not depend on
	// map order
	ids := make([]int64, 0, len(b.places))
	for id := range b.places {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		r := b.places[id]
		if r.Class != 'P' || r.CC == "" {
			continue
		}
		add(byCountry, r.CC, r)
		if r.Admin1 != "" {
			add(byAdmin1, r.CC+"."+r.Admin1, r)
			if r.Admin2 != "" {
				add(byAdmin2, r.CC+"."+r.Admin1+"."+r.Admin2, r)
			}
		}
	}
	// fill places a table names: the record if a dump gave it, else one at
	// the mean point of its populated places.
	fill := func(id int64, name, ascii, class, code, cc, a1, a2 string, a *acc, pop int64) {
		if id == 0 {
			return
		}
		r, ok := b.places[id]
		if !ok {
			if a == nil || a.n == 0 || !b.features[class] && !b.features[class+"."+code] {
				return
			}
			r = &dumpRecord{ID: id, Name: name, Class: class[0], Code: code, CC: cc, Admin1: a1, Admin2: a2,
				Lat: round5(a.lat / float64(a.n)), Lon: round5(a.lon / float64(a.n))}
			b.places[id] = r
		} else if name != "" && name != r.Name {
			// the table's short name ("Daraa") reads better than the dump's
			// official one ("Muḩāfaz̧at Dar‘ā"), which stays an alternate.
			r.Alt = append(r.Alt, r.Name)
			r.Name = name
		}
		if ascii != "" && ascii != name {
			r.Alt = append(r.Alt, ascii)
		}
		if r.Pop == 0 {
			r.Pop = pop
			if r.Pop == 0 && a != nil {
				r.Pop = a.pop
			}
		}
	}
	for _, c := range b.countries {
		fill(c.ID, c.Name, "", "A", "PCLI", c.ISO2, "", "", byCountry[c.ISO2], c.Pop)
	}
	for _, t := range b.admin1 {
		cc, a1, _ := strings.Cut(t.Code, ".")
		fill(t.ID, t.Name, t.ASCII, "A", "ADM1", cc, a1, "", byAdmin1[t.Code], 0)
	}
	for _, t := range b.admin2 {
		parts := strings.SplitN(t.Code, ".", 3)
		fill(t.ID, t.Name, t.ASCII, "A", "ADM2", parts[0], parts[1], parts[2], byAdmin2[t.Code], 0)
	}
	for _, r := range b.places {
		r.Alt = cleanAltNames(r)
	}
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

// adminGeneric are the generic words of division names ("Muhafazat Idlib",
// "Kandahar Province", "Donetsk Oblast"): a name without them is added as an
// alternate, since news writes "Idlib" and "Donetsk". County and Parish stay:
// "Laurel County" is how a county is named and "Laurel" is a town.
var adminGeneric = map[string]bool{
	"muhafazat": true, "muhafazah": true, "mohafazat": true, "mintaqat": true, "wilayat": true, "wilayah": true,
	"vilayati": true, "velayat": true, "ostan": true, "ostan e": true, "province": true, "provincia": true,
	"provincia de": true, "provincia di": true, "province of": true, "provinsi": true, "governorate": true,
	"oblast": true, "oblast'": true, "kray": true, "krai": true, "respublika": true, "republic of": true,
	"region": true, "regiao": true, "region de": true, "regione": true, "departamento": true, "departamento de": true,
	"departement": true, "departement de": true, "department": true, "district": true, "distrito": true,
	"state": true, "estado": true, "estado de": true, "state of": true, "prefecture": true, "gobolka": true,
	"municipality": true, "emirate of": true, "autonomous region": true, "autonomous oblast": true,
	"voivodeship": true, "wojewodztwo": true, "canton": true, "kanton": true, "shahrestan": true,
}

// stripArticle returns name without a leading Arabic article ("Al Anbar"
// -> "Anbar", "Ar-Raqqah" -> "Raqqah"), or "" when it has none.
func stripArticle(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] == ' ' || name[i] == '-' {
			if i > 0 && names.IsArabicArticle(names.Key(name[:i])) && len(name)-i > 4 {
				return name[i+1:]
			}
			return ""
		}
	}
	return ""
}

// directionOnly are what is left of "North Region", "Central Province":
// words, not names.
var directionOnly = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq("north south east west central northern southern eastern western northeast northwest " +
		"southeast southwest north east north west south east south west far north upper lower middle capital coast coastal " +
		"interior inner outer greater islands lakes highlands lowlands mountain river") {
		directionOnly[w] = true
	}
	directionOnly["far north"] = true
	directionOnly["far west"] = true
}

// stripGeneric returns name without a leading or trailing generic word, or ""
// when it has none.
func stripGeneric(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	for n := 2; n >= 1; n-- {
		if len(words) <= n {
			continue
		}
		if adminGeneric[names.Key(strings.Join(words[:n], " "))] {
			return strings.Join(words[n:], " ")
		}
		if adminGeneric[names.Key(strings.Join(words[len(words)-n:], " "))] {
			return strings.Join(words[:len(words)-n], " ")
		}
	}
	return ""
}

// cleanAltNames keeps the alternate names a reader of Latin-script news can
// meet: Latin script only, no codes with digits, no airport-style
// abbreviations except for big places, each key once and not the main name's.
func cleanAltNames(r *dumpRecord) []string {
	seen := map[string]bool{names.Key(r.Name): true}
	var out []string
	addName := func(a string) {
		a = strings.TrimSpace(a)
		if !usableAltName(a, r.Pop) {
			return
		}
		k := names.Key(a)
		if len(k) < 2 || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, a)
	}
	all := append([]string{r.Name}, r.Alt...)
	for _, a := range all[1:] {
		addName(a)
	}
	// "Al Anbar", "Ar Raqqah", "As Suwayda": news often drops the article
	if r.Class == 'A' && strings.HasPrefix(r.Code, "ADM") || r.Class == 'P' && r.Pop >= 20_000 {
		for _, a := range all {
			if s := stripArticle(a); s != "" {
				addName(s)
			}
		}
	}
	if r.Class == 'A' && strings.HasPrefix(r.Code, "ADM") {
		for _, a := range all {
			// "West Region" stays whole: "West" alone is no name
			if s := stripGeneric(a); s != "" && !directionOnly[names.Key(s)] {
				addName(s)
			}
		}
	}
	return out
}

func usableAltName(a string, pop int64) bool {
	if a == "" || len(a) > 60 || strings.ContainsAny(a, "|\t") {
		return false
	}
	letters, upper := 0, 0
	for _, r := range a {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			return false
		case unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '.', r == '(', r == ')', r == '&', names.IsApostrophe(r):
		default:
			return false
		}
	}
	// all-lower-case alternates are GeoNames' machine romanisations of
	// Arabic, Persian or Chinese script ("hjyn", "he er xin ji"): news
	// capitalises names, so they never match and only cost memory.
	if letters < 2 || upper == 0 {
		return false
	}
	// "NYC", "LA" name a big city; "KBL", "OPO" are airport codes of small ones.
	if letters <= 4 && upper == letters && pop < 1_000_000 {
		return false
	}
	return utf8.ValidString(a)
}

func (b *builder) write(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintln(bw, Magic)
	fmt.Fprintln(bw, "# Generated by 'sitrep gazetteer build' (internal/geo/build.go); do not edit by hand.")
	for _, line := range strings.Split(strings.TrimSpace(b.opt.Note), "\n") {
		if line != "" {
			fmt.Fprintln(bw, "# "+line)
		}
	}
	fmt.Fprintln(bw, "# C ISO2 ISO3 NAME GEONAMEID POPULATION NEIGHBOURS | A1 CC.CODE NAME GEONAMEID |")
	fmt.Fprintln(bw, "# GEONAMEID NAME CLASS.CODE CC ADMIN1 ADMIN2 LAT LON POPULATION ALTNAMES(|)")
	sort.Slice(b.countries, func(i, j int) bool { return b.countries[i].ISO2 < b.countries[j].ISO2 })
	for _, c := range b.countries {
		fmt.Fprintf(bw, "C\t%s\t%s\t%s\t%d\t%d\t%s\n", c.ISO2, c.ISO3, c.Name, c.ID, c.Pop, c.Neighbours)
	}
	sort.Slice(b.admin1, func(i, j int) bool { return b.admin1[i].Code < b.admin1[j].Code })
	for _, a := range b.admin1 {
		fmt.Fprintf(bw, "A1\t%s\t%s\t%d\n", a.Code, a.Name, a.ID)
	}
	ids := make([]int64, 0, len(b.places))
	for id := range b.places {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		r := b.places[id]
		fmt.Fprintf(bw, "%d\t%s\t%c.%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", r.ID, r.Name, r.Class, r.Code, r.CC, r.Admin1, r.Admin2,
			strconv.FormatFloat(r.Lat, 'f', -1, 64), strconv.FormatFloat(r.Lon, 'f', -1, 64), r.Pop, strings.Join(r.Alt, "|"))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gazetteer build: write: %w", err)
	}
	return nil
}
