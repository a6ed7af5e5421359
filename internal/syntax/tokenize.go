package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one token of raw text: [Start, End) byte offsets into the sentence.
type Span struct{ Start, End int }

// Tokenize splits a sentence into words the way UD English-EWT does:
// punctuation apart, clitics split ("don't" -> "do" "n't", "Iran's" -> "Iran"
// "'s", "cannot" -> "can" "not"), hyphenated compounds split except after
// prefixes such as "non-" and "e-", while abbreviations ("U.S.", "Mr."),
// numbers ("1,000.5", "10:30"), URLs and e-mail addresses stay whole.
// Whitespace and control characters separate tokens and are never part of
// one; invalid UTF-8 bytes are kept inside the word they occur in, so every
// byte that is not a separator belongs to exactly one token.
func Tokenize(s string) []Span {
	return appendTokens(nil, s)
}

func appendTokens(out []Span, s string) []Span {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSeparator(r, n) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isSeparator(r, n) {
				break
			}
			j += n
		}
		out = splitChunk(out, s, i, j)
		i = j
	}
	return out
}

func isSeparator(r rune, n int) bool {
	if r == utf8.RuneError && n == 1 {
		return false // an invalid byte is part of a word
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff'
}

// splitChunk tokenizes the whitespace-free chunk s[a:b].
func splitChunk(out []Span, s string, a, b int) []Span {
	// Leading punctuation: quotes, brackets, dashes, one run at a time.
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if r == '.' && a+1 < b && s[a+1] == '.' {
			// "...Now": a leading ellipsis
		} else if !isLeadingPunct(r) || (r == '\'' || r == '#') && a+n < b && isWordByte(s[a+n]) {
			break // '73, #hashtag
		}
		e := runEnd(s, a, b, r)
		out = append(out, Span{a, e})
		a = e
	}
	if a >= b {
		return out
	}
	if isURL(s[a:b]) {
		// trailing sentence punctuation is not part of an address
		e := b
		for e > a+1 && strings.ContainsRune(".,;:!?)]}>\"'", rune(s[e-1])) {
			e--
		}
		out = append(out, Span{a, e})
		return peelRuns(out, s, e, b)
	}
	// Trailing punctuation, peeled from the end and emitted after the core.
	var tail [8]Span
	nt := 0
	for b > a && nt < len(tail) {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if r == '.' {
			if keepsPeriod(s[a:b]) {
				break
			}
		} else if !isTrailingPunct(r) {
			break
		}
		st := b - n
		for st > a {
			r2, n2 := utf8.DecodeLastRuneInString(s[a:st])
			if r2 != r {
				break
			}
			st -= n2
		}
		if st == a && r != '.' && r != '\'' {
			break // the chunk is only punctuation: handled below as runs
		}
		if st == a {
			break
		}
		tail[nt] = Span{st, b}
		nt++
		b = st
	}
	out = splitCore(out, s, a, b)
	for k := nt - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// peelRuns emits s[a:b] as runs of identical punctuation.
func peelRuns(out []Span, s string, a, b int) []Span {
	for a < b {
		r, _ := utf8.DecodeRuneInString(s[a:b])
		e := runEnd(s, a, b, r)
		out = append(out, Span{a, e})
		a = e
	}
	return out
}

// runEnd returns the end of the run of rune r starting at a ("...", "--",
// "!!!" are one token in EWT); other characters are single tokens.
func runEnd(s string, a, b int, r rune) int {
	_, n := utf8.DecodeRuneInString(s[a:b])
	e := a + n
	if !strings.ContainsRune(".-!?*=_~#<>$", r) {
		return e
	}
	for e < b {
		r2, n2 := utf8.DecodeRuneInString(s[e:b])
		if r2 != r {
			break
		}
		e += n2
	}
	return e
}

// splitCore splits a chunk without leading or trailing punctuation at inner
// punctuation, hyphens and clitics.
func splitCore(out []Span, s string, a, b int) []Span {
	start := a
	i := a
	for i < b {
		r, n := utf8.DecodeRuneInString(s[i:b])
		if !splitsInside(s, a, b, i, r, n) {
			i += n
			continue
		}
		if i > start {
			out = splitClitics(out, s, start, i)
		}
		e := runEnd(s, i, b, r)
		out = append(out, Span{i, e})
		i = e
		start = e
	}
	if start < b {
		out = splitClitics(out, s, start, b)
	}
	return out
}

// splitsInside reports whether the punctuation rune r at s[i] is a token of
// its own inside the chunk s[a:b].
func splitsInside(s string, a, b, i int, r rune, n int) bool {
	if r == utf8.RuneError && n == 1 {
		return false
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		return false
	}
	prevDigit := i > a && isDigitByte(s[i-1])
	nextDigit := i+n < b && isDigitByte(s[i+n])
	switch r {
	case '.':
		// U.S.A stays whole, "past...and" splits at the ellipsis
		return i+1 < b && s[i+1] == '.' || i > a && s[i-1] == '.'
	case '/':
		// 9/11 and w/ stay whole, and/or splits
		return !(prevDigit && nextDigit) && !(i == a+1 && (s[a] == 'w' || s[a] == 'W'))
	case '\'', '’', '&', '_', '@', '\\', '+':
		return false // O'Brien, AT&T, file_name
	case ',', ':':
		return !(prevDigit && nextDigit) // 1,000 and 10:30 stay whole
	case '-', '‐', '‑':
		return splitsHyphen(s[a:b], i-a)
	case '$', '€', '£', '¥', '%', '#':
		return true
	}
	return true
}

// hyphenPrefixes are the first parts that EWT keeps joined to the rest.
var hyphenPrefixes = setOf("e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro",
	"multi", "ex", "sub", "semi", "cross", "neo", "psycho", "socio", "counter", "intra", "vice",
	"micro", "inter", "ultra", "mega", "macro", "pseudo", "quasi", "infra", "trans", "uni", "bi", "tri")

func splitsHyphen(w string, at int) bool {
	if at == 0 || at >= len(w)-1 {
		return true
	}
	if allDigitsHyphens(w) {
		// phone numbers and codes stay whole, ranges ("10-15") split
		parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' })
		return !(len(parts) > 2 || (len(parts) == 2 && max(len(parts[0]), len(parts[1])) >= 4))
	}
	first := w[:at]
	if k := strings.LastIndexAny(first, "-‐‑"); k >= 0 {
		first = first[k+1:]
	}
	return !hyphenPrefixes[strings.ToLower(first)]
}

func allDigitsHyphens(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) && w[i] != '-' {
			return false
		}
	}
	return true
}

// cliticWords are split whole: "cannot" -> "can" "not", "gonna" -> "gon" "na".
var cliticWords = map[string]int{"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "dont": 2,
	"didnt": 3, "doesnt": 4, "isnt": 2, "arent": 3, "wasnt": 3, "werent": 4, "couldnt": 5,
	"shouldnt": 6, "wouldnt": 5, "havent": 4, "hasnt": 3, "hadnt": 3}

// splitClitics emits s[a:b], splitting off n't and 's-type clitics.
func splitClitics(out []Span, s string, a, b int) []Span {
	w := s[a:b]
	lw := strings.ToLower(w)
	if k, ok := cliticWords[lw]; ok {
		return append(out, Span{a, a + k}, Span{a + k, b})
	}
	for _, suf := range []string{"n't", "n’t"} {
		if len(lw) > len(suf) && strings.HasSuffix(lw, suf) {
			cut := b - len(suf)
			if lw == "can't" || lw == "can’t" {
				cut = a + 2 // "ca" "n't", as EWT has it
			}
			return append(out, Span{a, cut}, Span{cut, b})
		}
	}
	for _, suf := range []string{"'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m"} {
		if len(lw) > len(suf) && strings.HasSuffix(lw, suf) {
			cut := b - len(suf)
			if r, _ := utf8.DecodeLastRuneInString(s[a:cut]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				return append(out, Span{a, cut}, Span{cut, b})
			}
		}
	}
	return append(out, Span{a, b})
}

func isLeadingPunct(r rune) bool {
	return strings.ContainsRune("\"'`([{<“‘«„*-–—…¿¡#", r)
}

func isTrailingPunct(r rune) bool {
	return strings.ContainsRune(",;:!?)]}>\"'”’»…*-–—%", r)
}

// abbreviations keep their period (lower case, without it).
var abbreviations = setOf("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt",
	"sgt", "capt", "cpl", "maj", "adm", "gov", "sen", "rep", "rev", "vs", "etc", "inc", "ltd", "co",
	"corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "ft", "mt", "ave",
	"blvd", "dept", "est", "fig", "approx", "al", "vol", "pp", "op", "cf", "messrs", "mme", "hon",
	"univ", "assn", "bros", "rd", "pl", "sq", "wk", "yr", "yrs", "hr", "hrs", "min", "max")

// keepsPeriod reports whether a chunk ending in "." keeps it: abbreviations,
// initials and dotted acronyms, but not "...".
func keepsPeriod(w string) bool {
	core := w[:len(w)-1]
	if core == "" || strings.HasSuffix(core, ".") {
		return false
	}
	if strings.Contains(core, ".") {
		// U.S., i.e., a.m.: letters separated by periods
		for _, r := range core {
			if r != '.' && !unicode.IsLetter(r) {
				return false
			}
		}
		return true
	}
	if utf8.RuneCountInString(core) == 1 {
		r, _ := utf8.DecodeRuneInString(core)
		return unicode.IsUpper(r)
	}
	if core == "No" || core == "Nos" {
		return true // "No. 5"; a lower-case "no." ends a sentence
	}
	return abbreviations[strings.ToLower(core)]
}

func isURL(c string) bool {
	lc := strings.ToLower(c)
	if strings.Contains(lc, "://") || strings.HasPrefix(lc, "www.") {
		return true
	}
	at := strings.IndexByte(c, '@')
	return at > 0 && strings.Contains(c[at:], ".") && !strings.ContainsAny(c, "()\"")
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(c byte) bool {
	return isDigitByte(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
