package dictconv

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
)

// CodeInfo is one CAMEO code with its mappings.
type CodeInfo struct {
	Code, Name   string
	Quad         int
	PLOVER, Mode string
	ACLEDType    string
	ACLEDSubType string
}

// ParseCAMEO2PLOVER reads the PLOVER conversion table:
// "CODE: TYPE, mode, context # name".
func ParseCAMEO2PLOVER(r io.Reader) (map[string]CodeInfo, error) {
	out := map[string]CodeInfo{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "~") {
			continue
		}
		i := strings.Index(t, ":")
		if i < 0 {
			continue
		}
		code := strings.TrimSpace(t[:i])
		if !isDigits(code) {
			continue
		}
		rest, name := t[i+1:], ""
		if j := strings.Index(rest, "#"); j >= 0 {
			rest, name = rest[:j], strings.TrimSpace(rest[j+1:])
		}
		f := strings.Split(rest, ",")
		ci := CodeInfo{Code: code, Name: name, Quad: QuadClass(code)}
		if len(f) > 0 {
			ci.PLOVER = strings.TrimSpace(f[0])
		}
		if len(f) > 1 {
			ci.Mode = strings.TrimSpace(f[1])
		}
		if len(code) == 2 {
			// "08: CONCEDE" then "08: RETREAT": the first root label wins.
			if _, dup := out[code]; dup {
				continue
			}
		}
		ci.ACLEDType, ci.ACLEDSubType = ACLED(code)
		out[code] = ci
	}
	return out, sc.Err()
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// QuadClass is the CAMEO quad class of a code: 1 verbal cooperation (01-05),
// 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material
// conflict (14-20).
func QuadClass(code string) int {
	if len(code) < 2 || !isDigits(code[:2]) {
		return 0
	}
	root := int(code[0]-'0')*10 + int(code[1]-'0')
	switch {
	case root >= 1 && root <= 5:
		return 1
	case root <= 8:
		return 2
	case root <= 13:
		return 3
	case root <= 20:
		return 4
	}
	return 0
}

// ACLED gives the ACLED-style event type and sub-event type of a CAMEO
// code, by the most specific prefix rule; "" when the code has no ACLED
// counterpart (most verbal events). Territorial seizures (192) are
// refined at coding time by the seizing actor ("Government regains
// territory" for state forces, "Non-state actor overtakes territory").
func ACLED(code string) (string, string) {
	rules := []struct{ prefix, typ, sub string }{
		{"057", "Strategic developments", "Agreement"},
		{"0871", "Strategic developments", "Agreement"},
		{"0861", "Strategic developments", "Agreement"},
		{"0874", "Strategic developments", "Non-violent transfer of territory"},
		{"14", "Protests", "Peaceful protest"},
		{"145", "Riots", "Violent demonstration"},
		{"152", "Strategic developments", "Other"},
		{"154", "Strategic developments", "Other"},
		{"171", "Strategic developments", "Looting/property destruction"},
		{"1711", "Strategic developments", "Looting/property destruction"},
		{"1712", "Strategic developments", "Looting/property destruction"},
		{"173", "Strategic developments", "Arrests"},
		{"175", "Protests", "Excessive force against protesters"},
		{"18", "Violence against civilians", "Attack"},
		{"181", "Violence against civilians", "Abduction/forced disappearance"},
		{"1821", "Violence against civilians", "Sexual violence"},
		{"183", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"1831", "Explosions/Remote violence", "Suicide bomb"},
		{"1832", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"1833", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"19", "Battles", "Armed clash"},
		{"191", "Strategic developments", "Other"},
		{"192", "Battles", "Non-state actor overtakes territory"},
		{"194", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
		{"195", "Explosions/Remote violence", "Air/drone strike"},
		{"20", "Violence against civilians", "Attack"},
		{"2041", "Explosions/Remote violence", "Chemical weapon"},
		{"2042", "Explosions/Remote violence", "Chemical weapon"},
	}
	best := -1
	for i, r := range rules {
		if strings.HasPrefix(code, r.prefix) && (best < 0 || len(r.prefix) > len(rules[best].prefix)) {
			best = i
		}
	}
	if best < 0 {
		return "", ""
	}
	return rules[best].typ, rules[best].sub
}

// FillCodes adds every code that occurs in the verb dictionaries but not in
// the PLOVER table, inheriting the PLOVER type of its nearest listed prefix.
// CAMEO's appeals (02) are absent from the 2021 table: PLOVER folds them
// with demands (10) into REQUEST, so they are filled in as REQUEST here.
// Plain statements (01) have no PLOVER type and stay without one.
func FillCodes(info map[string]CodeInfo, codes []string) {
	if _, ok := info["02"]; !ok {
		info["02"] = CodeInfo{Code: "02", Name: "Appeal", Quad: 1, PLOVER: "REQUEST"}
	}
	for _, c := range codes {
		if !isDigits(c) {
			continue
		}
		if _, ok := info[c]; ok {
			continue
		}
		ci := CodeInfo{Code: c, Quad: QuadClass(c)}
		for p := len(c) - 1; p >= 2; p-- {
			if parent, ok := info[c[:p]]; ok {
				ci.PLOVER, ci.Mode = parent.PLOVER, parent.Mode
				break
			}
		}
		ci.ACLEDType, ci.ACLEDSubType = ACLED(c)
		info[c] = ci
	}
}

// WriteCodes writes cameo.codes.tsv.
func WriteCodes(w io.Writer, header string, info map[string]CodeInfo) error {
	bw := bufio.NewWriter(w)
	writeHeader(bw, header)
	bw.WriteString("# CODE\tNAME\tQUAD\tPLOVER\tMODE\tACLED_TYPE\tACLED_SUBTYPE\n")
	keys := make([]string, 0, len(info))
	for k := range info {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := info[k]
		fmt.Fprintf(bw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", c.Code, c.Name, c.Quad, c.PLOVER, c.Mode, c.ACLEDType, c.ACLEDSubType)
	}
	return bw.Flush()
}

// Country is one row of the NGEC country list.
type Country struct {
	ISO3, Name string
	Adjectives []string
}

// ParseCountries reads NGEC countries.csv (CCA2,Name,CCA3,Nationality).
func ParseCountries(r io.Reader) ([]Country, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	var out []Country
	for i, row := range rows {
		if i == 0 || len(row) < 4 {
			continue
		}
		c := Country{ISO3: strings.TrimSpace(row[2]), Name: strings.TrimSpace(row[1])}
		for _, a := range strings.Split(row[3], ",") {
			if a = strings.TrimSpace(a); a != "" {
				c.Adjectives = append(c.Adjectives, a)
			}
		}
		if len(c.ISO3) == 3 {
			out = append(out, c)
		}
	}
	return out, nil
}

// WriteCountries writes countries.tsv.
func WriteCountries(w io.Writer, header string, cs []Country) error {
	bw := bufio.NewWriter(w)
	writeHeader(bw, header)
	bw.WriteString("# ISO3\tNAME\tDEMONYMS\n")
	for _, c := range cs {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", c.ISO3, c.Name, strings.Join(c.Adjectives, "|"))
	}
	return bw.Flush()
}
