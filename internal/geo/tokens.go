package geo

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-dev/sitrep/internal/geo/names"
)

// tokKind tells words from the punctuation the recogniser cares about.
type tokKind uint8

const (
	tokWord   tokKind = iota
	tokHyphen         // a hyphen joining two words with no space: "Al-Harra", "US-backed"
	tokComma
	tokPunct // any other punctuation; Char says which
)

// token is one word or punctuation mark of a sentence. Offsets are bytes in
// the sentence text; the key lives in the tokenizer's key buffer.
type token struct {
	start, end     int32
	keyOff, keyEnd int32
	kind           tokKind
	char           byte // for tokPunct: the ASCII mark, or 0
	cap            bool // begins with an upper-case letter
	upper          bool // every letter upper case ("US", "ISIS")
	digit          bool // begins with a digit
	abbr           bool // ends with its own period: "U.S.", "Ga.", "St."
	space          bool // white space before it
	initial        bool // first word of the sentence, a line, or a quotation
}

// periodAbbrevs are the words whose following period belongs to them: titles,
// generic place words, months, and the AP abbreviations of US states and
// Canadian provinces ("Gainesville, Ga.").
var periodAbbrevs = map[string]bool{}

func init() {
	for _, w := range []string{
		"st", "ste", "ft", "mt", "pt", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "brig", "sgt", "capt", "maj", "cpl", "pvt",
		"adm", "cmdr", "sen", "rep", "gov", "pres", "rev", "prof", "det", "insp", "supt", "jr", "sr", "no", "vs", "inc",
		"co", "corp", "ltd", "ave", "blvd", "rd", "hwy", "pkwy", "ln", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
		"oct", "nov", "dec", "ala", "ariz", "ark", "calif", "cal", "colo", "conn", "del", "fla", "ga", "ill", "ind",
		"kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nebr", "nev", "okla",
		"ore", "oreg", "pa", "penn", "tenn", "tex", "vt", "va", "wash", "wis", "wisc", "wyo", "alta", "man", "nfld",
		"ont", "que", "sask", "qld", "vic", "tas", "mex", "dak",
	} {
		periodAbbrevs[w] = true
	}
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// tokenize appends the tokens of s to toks and their keys to kb.
func tokenize(s string, toks []token, kb []byte) ([]token, []byte) {
	space := true
	initial := true
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0':
			space = true
			i += n
			continue
		case r == '\n' || r == '\r':
			// a line break starts a new line of text only after the end of
			// one: some sources wrap lines inside sentences
			space = true
			if len(toks) == 0 || toks[len(toks)-1].kind == tokPunct && toks[len(toks)-1].char != ',' {
				initial = true
			}
			i += n
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end, abbr := scanWord(s, i)
			t := token{start: int32(i), end: int32(end), kind: tokWord, space: space, initial: initial, abbr: abbr}
			t.cap = unicode.IsUpper(r)
			t.digit = unicode.IsDigit(r)
			t.upper = t.cap && isAllUpper(s[i:end])
			t.keyOff = int32(len(kb))
			kb = names.AppendKey(kb, s[i:end])
			t.keyEnd = int32(len(kb))
			toks = append(toks, t)
			i = end
			space, initial = false, false
			continue
		case isHyphen(r) && !space && i+n < len(s) && len(toks) > 0 && toks[len(toks)-1].kind == tokWord:
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
				toks = append(toks, token{start: int32(i), end: int32(i + n), kind: tokHyphen})
				i += n
				continue
			}
		}
		t := token{start: int32(i), end: int32(i + n), kind: tokPunct, space: space}
		if r == ',' {
			t.kind = tokComma
		} else if r < utf8.RuneSelf {
			t.char = byte(r)
		}
		switch r {
		case '"', '“', '(', ':', '[', '‘', '«':
			initial = true // a quotation or a list may open with a capital
		}
		toks = append(toks, t)
		space = false
		i += n
	}
	return toks, kb
}

// scanWord returns the end of the word starting at i and whether it ends
// with a period of its own. A word keeps inner apostrophes ("Ma'arrat",
// "Dar‘ā") but not a possessive ("Russia's"), and periods of abbreviations
// ("U.S.", "W.Va.", "St.").
func scanWord(s string, i int) (end int, abbr bool) {
	end = i
	run := 0 // letters since the last period
	dotted := false
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			end += n
			run++
			continue
		case names.IsApostrophe(r):
			next := end + n
			if next < len(s) {
				nr, _ := utf8.DecodeRuneInString(s[next:])
				if unicode.IsLetter(nr) && !isPossessive(s, next) && !isContraction(s, next) {
					end = next
					continue
				}
			}
		case r == '.':
			next := end + 1
			if run <= 3 && next < len(s) {
				if nr, _ := utf8.DecodeRuneInString(s[next:]); unicode.IsLetter(nr) && unicode.IsUpper(nr) {
					// "U.S", "W.Va": an abbreviation chain goes on
					end, run, dotted = next, 0, true
					continue
				}
			}
			if dotted || run == 1 && unicode.IsUpper(firstRune(s[i:])) || isPeriodAbbrev(s[i:end]) {
				return next, true
			}
		}
		break
	}
	return end, false
}

// isPossessive reports an "s" after an apostrophe that ends the word.
func isPossessive(s string, at int) bool {
	if at >= len(s) || s[at] != 's' && s[at] != 'S' {
		return false
	}
	if at+1 == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[at+1:])
	return !unicode.IsLetter(r)
}

// isContraction reports an English clitic after an apostrophe: "I've",
// "they're", "we'll", "don't".
func isContraction(s string, at int) bool {
	for _, c := range [...]string{"ve", "re", "ll", "d", "m", "t"} {
		if len(s) >= at+len(c) && (s[at:at+len(c)] == c) {
			if at+len(c) == len(s) {
				return true
			}
			r, _ := utf8.DecodeRuneInString(s[at+len(c):])
			if !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

func isAllUpper(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}

// isPeriodAbbrev looks a short ASCII word up in periodAbbrevs, lower-cased
// without allocating.
func isPeriodAbbrev(w string) bool {
	if len(w) > 8 {
		return false
	}
	var b [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return periodAbbrevs[string(b[:len(w)])]
}
