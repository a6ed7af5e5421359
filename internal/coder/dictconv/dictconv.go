// Package dictconv converts the PETRARCH/TABARI-format dictionaries (Phoenix
// actors, agents, discards, CAMEO verb patterns), the PLOVER CAMEO->PLOVER
// table and the NGEC country list into sitrep's own readable TSV formats under
// data/dicts. It runs at generation time only (go generate in data/dicts);
// nothing here reads ../shared at run time.
//
// Output formats (one record a line, '#' comments, tab-separated):
//
//	*.actors.tsv   CODES <TAB> NAMES
//	               CODES: "CODE" or "CODE FROM-TO" / "CODE >FROM" / "CODE <TO"
//	               joined by ";" (dates YYYYMMDD, undated code = the default);
//	               NAMES: lower-case phrases joined by "|"; a phrase ending in
//	               "*" matches any word beginning with its last word.
//	*.agents.tsv   CODE <TAB> NAMES  (CODE begins with "~": a sector suffix)
//	*.verbs.tsv    BLOCK <TAB> CODE <TAB> PHRASE <TAB> FORMS
//	               PHRASE marks the verb word with "+", e.g. "+set free";
//	               FORMS: inflected forms of the verb word joined by "|".
//	*.patterns.tsv BLOCK <TAB> CODE <TAB> PATTERN [<TAB> VERBS]  (PETRARCH
//	               pattern syntax, lower-cased: words before and after "*",
//	               "&SET" synsets, "$" source and "+" target markers; "---" =
//	               no event); VERBS: the verb words the dictionary's comment
//	               names as the pattern's own ("press" for "press on"),
//	               joined by "|", empty when it names none
//	*.synsets.tsv  &NAME <TAB> PHRASES
//	*.discards.tsv PHRASE
//	cameo.codes.tsv CODE <TAB> NAME <TAB> QUAD <TAB> PLOVER <TAB> MODE <TAB> ACLED TYPE <TAB> ACLED SUBTYPE
//	countries.tsv  ISO3 <TAB> NAME <TAB> ADJECTIVES/DEMONYMS
package dictconv

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// DatedCode is one code of an actor, valid in [From, To] (YYYYMMDD; "" open).
type DatedCode struct {
	Code     string
	From, To string
}

func (d DatedCode) String() string {
	switch {
	case d.From != "" && d.To != "":
		return d.Code + " " + d.From + "-" + d.To
	case d.From != "":
		return d.Code + " >" + d.From
	case d.To != "":
		return d.Code + " <" + d.To
	}
	return d.Code
}

// Actor is one dictionary entry: its names and codes.
type Actor struct {
	Names []string
	Codes []DatedCode
}

var bracket = regexp.MustCompile(`\[([^\]]*)\]`)

func stripComment(line string) string {
	if i := strings.Index(line, "#"); i >= 0 {
		line = line[:i]
	}
	return line
}

// normName turns a TABARI phrase ("PRESIDENT_VLADIMIR_PUTIN_", "ARGENTIN")
// into sitrep's form ("president vladimir putin", "argentin*").
func normName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "+")
	exact := strings.HasSuffix(s, "_")
	s = strings.ReplaceAll(s, "_", " ")
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if s == "" {
		return ""
	}
	if !exact {
		s += "*"
	}
	return s
}

// parseDate turns TABARI dates (YYMMDD or YYYYMMDD) into YYYYMMDD.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 6 {
		yy := (int(s[0]-'0'))*10 + int(s[1]-'0')
		if yy <= 30 {
			return "20" + s
		}
		return "19" + s
	}
	return s
}

func parseCode(inner string) (DatedCode, bool) {
	f := strings.Fields(inner)
	if len(f) == 0 {
		return DatedCode{}, false
	}
	d := DatedCode{Code: strings.ToUpper(f[0])}
	rest := strings.Join(f[1:], "")
	switch {
	case rest == "":
	case strings.HasPrefix(rest, ">"):
		d.From = parseDate(rest[1:])
	case strings.HasPrefix(rest, "<"):
		d.To = parseDate(rest[1:])
	case strings.Contains(rest, "-"):
		p := strings.SplitN(rest, "-", 2)
		d.From, d.To = parseDate(p[0]), parseDate(p[1])
	}
	return d, true
}

// ParseActors reads a TABARI/PETRARCH .actors file. A block starts with a
// primary name (optionally with its code in brackets); "+" lines add
// synonyms; bare names before any code line also add synonyms (old format);
// indented "[CODE dates]" lines add dated codes.
func ParseActors(r io.Reader) ([]Actor, error) {
	var out []Actor
	var cur *Actor
	flush := func() {
		if cur != nil && len(cur.Names) > 0 && len(cur.Codes) > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		raw := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(raw), "<!") {
			continue
		}
		line := stripComment(raw)
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		codes := bracket.FindAllStringSubmatch(t, -1)
		name := strings.TrimSpace(bracket.ReplaceAllString(t, ""))
		indented := line[0] == ' ' || line[0] == '\t'
		switch {
		case name == "" && len(codes) > 0: // code line
			if cur == nil {
				continue
			}
			for _, c := range codes {
				if d, ok := parseCode(c[1]); ok {
					cur.Codes = append(cur.Codes, d)
				}
			}
		case strings.HasPrefix(name, "+") || (indented && cur != nil):
			if cur == nil {
				continue
			}
			if n := normName(name); n != "" {
				cur.Names = append(cur.Names, n)
			}
			for _, c := range codes {
				if d, ok := parseCode(c[1]); ok {
					cur.Codes = append(cur.Codes, d)
				}
			}
		default:
			// A bare name right after a primary with no code yet is a synonym
			// (old TABARI blocks list names one per line before the codes).
			if cur != nil && len(cur.Codes) == 0 {
				if n := normName(name); n != "" {
					cur.Names = append(cur.Names, n)
				}
				for _, c := range codes {
					if d, ok := parseCode(c[1]); ok {
						cur.Codes = append(cur.Codes, d)
					}
				}
				continue
			}
			flush()
			cur = &Actor{}
			if n := normName(name); n != "" {
				cur.Names = append(cur.Names, n)
			}
			for _, c := range codes {
				if d, ok := parseCode(c[1]); ok {
					cur.Codes = append(cur.Codes, d)
				}
			}
		}
	}
	flush()
	return out, sc.Err()
}

// WriteActors writes actors in sitrep's actors.tsv format.
func WriteActors(w io.Writer, header string, actors []Actor) error {
	bw := bufio.NewWriter(w)
	writeHeader(bw, header)
	bw.WriteString("# CODES\tNAMES\n")
	for _, a := range actors {
		cs := make([]string, len(a.Codes))
		for i, c := range a.Codes {
			cs[i] = c.String()
		}
		fmt.Fprintf(bw, "%s\t%s\n", strings.Join(cs, ";"), strings.Join(dedup(a.Names), "|"))
	}
	return bw.Flush()
}

func writeHeader(w *bufio.Writer, header string) {
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		w.WriteString("# " + l + "\n")
	}
}

func dedup(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Agent is a generic actor word ("army") that takes a sector code suffix.
type Agent struct {
	Code  string // e.g. "~MIL"
	Names []string
}

var substDef = regexp.MustCompile(`^!([A-Z]+)!\s*=\s*(.*)$`)

// ParseAgents reads a PETRARCH .agents file: "NAME {PLURALS} [~CODE]", with
// "!X! = A, B" substitution macros. Plurals are generated when not given.
func ParseAgents(r io.Reader) ([]Agent, error) {
	subst := map[string][]string{}
	var out []Agent
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		raw := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(raw), "<!") {
			continue
		}
		t := strings.TrimSpace(stripComment(raw))
		if t == "" {
			continue
		}
		if m := substDef.FindStringSubmatch(t); m != nil {
			for _, v := range strings.Split(m[2], ",") {
				if v = strings.TrimSpace(v); v != "" {
					subst[m[1]] = append(subst[m[1]], v)
				}
			}
			continue
		}
		codes := bracket.FindAllStringSubmatch(t, -1)
		if len(codes) == 0 {
			continue
		}
		code := strings.ToUpper(strings.TrimSpace(codes[0][1]))
		body := strings.TrimSpace(bracket.ReplaceAllString(t, ""))
		var plurals []string
		if i := strings.Index(body, "{"); i >= 0 {
			j := strings.Index(body, "}")
			if j > i {
				plurals = strings.Fields(body[i+1 : j])
			}
			body = strings.TrimSpace(body[:i])
		}
		names := expandSubst([]string{body}, subst)
		var all []string
		for _, n := range names {
			all = append(all, agentName(n))
		}
		if len(plurals) == 0 {
			for _, n := range names {
				all = append(all, agentName(pluralize(n)))
			}
		}
		for _, p := range expandSubst(plurals, subst) {
			all = append(all, agentName(p))
		}
		out = append(out, Agent{Code: code, Names: dedup(all)})
	}
	return out, sc.Err()
}

func agentName(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func expandSubst(names []string, subst map[string][]string) []string {
	var out []string
	for _, n := range names {
		i := strings.Index(n, "!")
		if i < 0 {
			out = append(out, n)
			continue
		}
		j := strings.Index(n[i+1:], "!")
		if j < 0 {
			out = append(out, strings.ReplaceAll(n, "!", ""))
			continue
		}
		key := n[i+1 : i+1+j]
		vals, ok := subst[key]
		if !ok {
			out = append(out, n[:i]+n[i+j+2:])
			continue
		}
		for _, v := range vals {
			out = append(out, expandSubst([]string{n[:i] + v + n[i+j+2:]}, subst)...)
		}
	}
	return out
}

// pluralize forms a regular English plural of a phrase's last word.
func pluralize(s string) string {
	s = strings.TrimRight(s, "_")
	u := strings.ToUpper(s)
	switch {
	case strings.HasSuffix(u, "MAN"):
		return s[:len(s)-3] + "MEN"
	case strings.HasSuffix(u, "Y") && len(u) > 1 && !strings.ContainsRune("AEIOU", rune(u[len(u)-2])):
		return s[:len(s)-1] + "IES"
	case strings.HasSuffix(u, "S"), strings.HasSuffix(u, "X"), strings.HasSuffix(u, "CH"), strings.HasSuffix(u, "SH"):
		return s + "ES"
	}
	return s + "S"
}

// WriteAgents writes agents in sitrep's agents.tsv format.
func WriteAgents(w io.Writer, header string, agents []Agent) error {
	bw := bufio.NewWriter(w)
	writeHeader(bw, header)
	bw.WriteString("# CODE\tNAMES\n")
	for _, a := range agents {
		fmt.Fprintf(bw, "%s\t%s\n", a.Code, strings.Join(a.Names, "|"))
	}
	return bw.Flush()
}

// ParseDiscards reads a discards file: one phrase a line ("+" optional).
func ParseDiscards(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		raw := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(raw), "<!") {
			continue
		}
		t := strings.TrimSpace(stripComment(raw))
		t = strings.TrimPrefix(t, "+")
		t = strings.TrimSpace(bracket.ReplaceAllString(t, ""))
		if t == "" {
			continue
		}
		out = append(out, agentName(t))
	}
	return dedup(out), sc.Err()
}

// Verb is one verb (or verb phrase) of a verb block.
type Verb struct {
	Block  string // the block's head verb, e.g. "apprehend"
	Code   string // CAMEO code, "---" for none
	Phrase string // words, the verb marked with "+", e.g. "+set free"
	Forms  []string
}

// Pattern is one pattern line of a verb block.
type Pattern struct {
	Block   string
	Code    string
	Pattern string
	// Verbs are the words of the comment the CAMEO dictionary writes after
	// a pattern: the verb of the block the pattern was written for ("- *
	// ON [190] # PRESS" in the DEMAND block is "press on", not "demand
	// on"). Lower-case first words of each named verb; the coder checks
	// them against the block's verbs.
	Verbs []string
}

// Verbs is a parsed verb dictionary.
type Verbs struct {
	Synsets  map[string][]string
	Verbs    []Verb
	Patterns []Pattern
}

var blockHead = regexp.MustCompile(`^---\s*(\S+)\s*\[([^\]]*)\]\s*---`)

// ParseVerbs reads a PETRARCH verb dictionary (CAMEO.2.0.txt format).
func ParseVerbs(r io.Reader) (*Verbs, error) {
	v := &Verbs{Synsets: map[string][]string{}}
	var curSet string
	var block, blockCode string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		raw := sc.Text()
		ts := strings.TrimSpace(raw)
		if strings.HasPrefix(ts, "<!--") || strings.HasPrefix(ts, "~") {
			continue
		}
		if strings.HasPrefix(ts, "####") && strings.Contains(ts, "TRANSFORMATIONS") {
			break
		}
		t := strings.TrimSpace(stripComment(raw))
		if t == "" {
			continue
		}
		if m := blockHead.FindStringSubmatch(t); m != nil {
			block, blockCode = strings.ToLower(m[1]), firstCode(m[2])
			curSet = ""
			continue
		}
		if strings.HasPrefix(t, "&") {
			curSet = strings.TrimRight(strings.Fields(t)[0], "_")
			block = ""
			continue
		}
		if curSet != "" && strings.HasPrefix(t, "+") {
			v.Synsets[curSet] = append(v.Synsets[curSet], agentName(strings.TrimPrefix(t, "+")))
			continue
		}
		if block == "" {
			continue
		}
		if strings.HasPrefix(t, "-") {
			m := bracket.FindStringSubmatch(t)
			if m == nil {
				continue
			}
			code := firstCode(m[1])
			pat := strings.TrimSpace(strings.TrimPrefix(bracket.ReplaceAllString(t, ""), "-"))
			v.Patterns = append(v.Patterns, Pattern{Block: block, Code: code, Pattern: lowerPattern(pat), Verbs: patternVerbs(raw)})
			continue
		}
		// A verb line: WORD [code] {forms}
		code := blockCode
		if m := bracket.FindStringSubmatch(t); m != nil {
			code = firstCode(m[1])
		}
		body := strings.TrimSpace(bracket.ReplaceAllString(t, ""))
		var forms []string
		if i := strings.Index(body, "{"); i >= 0 {
			if j := strings.Index(body, "}"); j > i {
				forms = strings.Fields(body[i+1 : j])
			}
			body = strings.TrimSpace(body[:i])
		}
		f := strings.Fields(body)
		if len(f) == 0 {
			continue
		}
		phrase, head := verbPhrase(f[0])
		var fs []string
		for _, x := range forms {
			_, h := verbPhrase(x)
			if h != "" {
				fs = append(fs, h)
			}
		}
		if len(fs) == 0 {
			fs = inflect(head)
		} else {
			fs = append([]string{head}, fs...)
		}
		v.Verbs = append(v.Verbs, Verb{Block: block, Code: code, Phrase: phrase, Forms: dedup(fs)})
	}
	return v, sc.Err()
}

// patternVerbs reads the verbs a pattern line's comment names: "# PRESS",
// "# CONFIRM , REAFFIRM", "# CARRIED_OUT" (first word "carried"). Comments
// that are notes ("# tb 28 Apr 2006", "#  -PAS 12.01.12") name none: only
// words of capital letters count, and only when every word is one.
func patternVerbs(raw string) []string {
	i := strings.Index(raw, "#")
	if i < 0 {
		return nil
	}
	var out []string
	for _, f := range strings.FieldsFunc(raw[i+1:], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		w := strings.SplitN(f, "_", 2)[0]
		if w == "" || strings.ToUpper(w) != w || strings.ToLower(w) == w || strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-") != "" {
			return nil
		}
		w = strings.ToLower(w)
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func lowerPattern(p string) string {
	f := strings.Fields(p)
	for i, x := range f {
		if strings.Contains(x, "&") {
			// keep synset names upper-case, words lower-case
			parts := strings.Split(x, "_")
			for j, q := range parts {
				if !strings.HasPrefix(q, "&") && !strings.HasPrefix(strings.TrimLeft(q, "({"), "&") {
					parts[j] = strings.ToLower(q)
				}
			}
			f[i] = strings.Join(parts, "_")
			continue
		}
		f[i] = strings.ToLower(x)
	}
	return strings.Join(f, " ")
}

// verbPhrase turns "+SET_FREE" / "KLM_NOP_+RST" / "ARREST" into the phrase
// with the verb word marked, and the verb word itself.
func verbPhrase(s string) (phrase, head string) {
	s = strings.Trim(s, "_")
	words := strings.Split(strings.ToLower(s), "_")
	hi := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			hi = i
		}
	}
	for i := range words {
		words[i] = strings.TrimPrefix(words[i], "+")
	}
	head = words[hi]
	words[hi] = "+" + head
	var ws []string
	for _, w := range words {
		if w != "" && w != "+" {
			ws = append(ws, w)
		}
	}
	return strings.Join(ws, " "), head
}

// inflect generates the regular forms of an English verb: -s, -ed, -ing.
func inflect(v string) []string {
	out := []string{v}
	n := len(v)
	if n == 0 {
		return out
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	last := v[n-1]
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		out = append(out, v+"es")
	case last == 'y' && n > 1 && !vowel(v[n-2]):
		out = append(out, v[:n-1]+"ies")
	default:
		out = append(out, v+"s")
	}
	switch {
	case last == 'e':
		out = append(out, v+"d", v[:n-1]+"ing")
	case last == 'y' && n > 1 && !vowel(v[n-2]):
		out = append(out, v[:n-1]+"ied", v+"ing")
	default:
		out = append(out, v+"ed", v+"ing")
		// consonant-vowel-consonant: both doubled and plain forms
		if n >= 3 && !vowel(last) && vowel(v[n-2]) && !vowel(v[n-3]) && strings.IndexByte("wxy", last) < 0 {
			out = append(out, v+string(last)+"ed", v+string(last)+"ing")
		}
	}
	return out
}

// WriteVerbs writes the verbs, patterns and synsets files.
func WriteVerbs(verbs, patterns, synsets io.Writer, header string, v *Verbs) error {
	bw := bufio.NewWriter(verbs)
	writeHeader(bw, header)
	bw.WriteString("# BLOCK\tCODE\tPHRASE\tFORMS\n")
	for _, x := range v.Verbs {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", x.Block, x.Code, x.Phrase, strings.Join(x.Forms, "|"))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	bp := bufio.NewWriter(patterns)
	writeHeader(bp, header)
	bp.WriteString("# BLOCK\tCODE\tPATTERN\tVERBS\n")
	for _, p := range v.Patterns {
		fmt.Fprintf(bp, "%s\t%s\t%s\t%s\n", p.Block, p.Code, p.Pattern, strings.Join(p.Verbs, "|"))
	}
	if err := bp.Flush(); err != nil {
		return err
	}
	bs := bufio.NewWriter(synsets)
	writeHeader(bs, header)
	bs.WriteString("# &SET\tPHRASES\n")
	names := make([]string, 0, len(v.Synsets))
	for k := range v.Synsets {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(bs, "%s\t%s\n", k, strings.Join(dedup(v.Synsets[k]), "|"))
	}
	return bs.Flush()
}

// firstCode reads a verb code "[020]", "[175:140]" or "[:020]". A second
// code after ":" is the reciprocal event (target to source); it is kept.
func firstCode(s string) string {
	return strings.Join(strings.Fields(s), "")
}
