package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split cuts body into sentences. Paragraphs (separated by blank lines) never
// share a sentence. Inside a paragraph a sentence ends at . ! or ? (with any
// closing quotes or brackets) followed by space and a word that can open a
// sentence, unless the period belongs to an abbreviation, an initial or a
// number. Rules rather than the Punkt model: on news text they split as well
// and run an order of magnitude faster (see BenchmarkSplit).
func Split(body string) []Sentence {
	var out []Sentence
	chars := 0 // code points before pos
	pos := 0
	para := 0
	for pos < len(body) {
		end := strings.Index(body[pos:], "\n\n")
		if end < 0 {
			end = len(body)
		} else {
			end += pos
		}
		if strings.TrimSpace(body[pos:end]) != "" {
			out = splitParagraph(out, body, pos, end, chars, para)
			para++
		}
		chars += utf8.RuneCountInString(body[pos:end])
		pos = end
		for pos < len(body) && body[pos] == '\n' {
			pos++
			chars++
		}
	}
	return out
}

func splitParagraph(out []Sentence, body string, from, to, charsBefore, para int) []Sentence {
	p := body[from:to]
	chars := charsBefore
	last := 0 // byte offset in p after the previous sentence
	var emit func(start, end int)
	emit = func(start, end int) {
		for start < end && isSpaceByte(p[start]) {
			start++
		}
		for end > start && isSpaceByte(p[end-1]) {
			end--
		}
		if start == end {
			return
		}
		if end-start > MaxSentenceBytes {
			// text without sentence ends (a list, a table, a run-on scrape):
			// cut at a space so that no stage works on a megabyte "sentence"
			cut := start + MaxSentenceBytes
			if sp := strings.LastIndexByte(p[start+MaxSentenceBytes/2:cut], ' '); sp >= 0 {
				cut = start + MaxSentenceBytes/2 + sp
			} else {
				for cut > start && !utf8.RuneStart(p[cut]) {
					cut--
				}
			}
			emit(start, cut)
			emit(cut, end)
			return
		}
		chars += utf8.RuneCountInString(p[last:start])
		n := utf8.RuneCountInString(p[start:end])
		out = append(out, Sentence{
			Index: len(out), Paragraph: para,
			Start: from + start, End: from + end,
			CharStart: chars, CharEnd: chars + n,
			Text: p[start:end],
		})
		chars += n
		last = end
	}
	sentStart := 0
	if para == 0 {
		// "KABUL, Aug. 5, 2021 - A car bomb ...": the dateline is no part of
		// the first sentence (its place is not an actor, its date not the
		// event's)
		if n := datelineEnd(p); n > 0 {
			emit(0, n)
			sentStart = n
		}
	}
	for i := sentStart; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(p) && (p[end] == '.' || p[end] == '!' || p[end] == '?') {
			end++
		}
		end = skipClosers(p, end)
		if end < len(p) && !isSpaceByte(p[end]) {
			i = end - 1
			continue // "3.5", "U.S.-led", "example.com"
		}
		next := end
		for next < len(p) && isSpaceByte(p[next]) {
			next++
		}
		if next < len(p) && !canOpenSentence(p[next:]) {
			i = end - 1
			continue
		}
		if c == '.' && end-i == 1 && !periodEnds(p[sentStart:i], p[next:]) {
			continue
		}
		emit(sentStart, end)
		sentStart = end
		i = end - 1
	}
	emit(sentStart, len(p))
	return out
}

// MaxSentenceBytes bounds a sentence: longer runs are cut at a space.
const MaxSentenceBytes = 2000

// dateline matches a news dateline opening a body: a place in capitals,
// perhaps a region or country and a date, perhaps an agency, then a dash.
var dateline = regexp.MustCompile(`^[A-Z][A-Z'.\-]*(?: [A-Z][A-Z'.\-]*){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}){0,2}(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|,? \d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?)?(?: \([A-Za-z .]{2,30}\))? ?(?:-|–|—|--)\s+`)

// Dateline is the dateline opening a body's first paragraph ("KABUL, Aug.
// 5, 2021 -"), or "" if it has none.
func Dateline(body string) string { return body[:datelineEnd(body)] }

// datelineEnd is the length of the dateline opening paragraph p, 0 if none.
func datelineEnd(p string) int {
	loc := dateline.FindStringIndex(p)
	if loc == nil || loc[1] >= len(p) {
		return 0
	}
	// the place word must be all capitals ("KABUL", "NEW DELHI"), not the
	// first word of a sentence
	first := p[:strings.IndexAny(p+" ", " ,")]
	if len(first) < 3 || strings.ToUpper(first) != first {
		return 0
	}
	return loc[1]
}

func skipClosers(p string, i int) int {
	for i < len(p) {
		r, size := utf8.DecodeRuneInString(p[i:])
		switch r {
		case '"', '\'', ')', ']', '”', '’', '»':
			i += size
		default:
			return i
		}
	}
	return i
}

// canOpenSentence reports whether s starts like a sentence: a capital, a
// digit, or an opening quote or bracket.
func canOpenSentence(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '\'', '(', '[', '“', '‘', '«', '*', '-', '–', '—':
		rest := s[size:]
		if rest == "" {
			return true
		}
		return canOpenSentence(rest)
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || (!unicode.IsLetter(r) && !unicode.IsPunct(r))
}

// periodEnds decides whether a single period after the text before it ends
// the sentence, given the text after the following spaces.
func periodEnds(before, after string) bool {
	word := lastWord(before)
	if word == "" {
		return true
	}
	lower := strings.ToLower(word)
	if titles[lower] {
		return false // "Gen. Smith", "Mr. Putin"
	}
	nextWord := firstWord(after)
	if r, _ := utf8.DecodeRuneInString(word); utf8.RuneCountInString(word) == 1 && unicode.IsUpper(r) {
		return false // an initial: "George W. Bush"
	}
	if strings.Contains(word, ".") {
		// "U.S." or "a.m.": ends the sentence only before a word that
		// usually opens one.
		return sentenceStarters[strings.ToLower(nextWord)]
	}
	if abbreviations[lower] {
		if r, _ := utf8.DecodeRuneInString(nextWord); unicode.IsDigit(r) {
			return false // "Jan. 5", "No. 10"
		}
		return sentenceStarters[strings.ToLower(nextWord)]
	}
	return true
}

func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' {
			break
		}
		i -= size
	}
	return s[i:]
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, "\"'“‘([")
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

// titles precede a name and never end a sentence.
var titles = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
	"cmdr", "adm", "brig", "gov", "sen", "rep", "rev", "pres", "st", "hon", "amb", "sec", "cpl", "pvt", "fr", "sr", "jr", "messrs", "mt", "ft")

// abbreviations end a sentence only before a typical sentence opener.
var abbreviations = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"no", "nos", "vs", "etc", "approx", "dept", "est", "inc", "ltd", "co", "corp", "univ", "assn", "bros",
	"ave", "blvd", "rd", "fig", "vol", "pp", "ed", "eds", "cf", "al", "km", "mi", "min", "max", "govt")

// sentenceStarters are words that, capitalised after an abbreviation, most
// likely open a new sentence ("... in the U.S. The talks ...").
var sentenceStarters = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that",
	"these", "those", "there", "his", "her", "its", "their", "our", "in", "on", "at", "but", "and", "however",
	"meanwhile", "after", "before", "when", "while", "if", "as", "according", "some", "many", "most", "one",
	"two", "three", "on", "for", "since", "during", "last", "earlier", "later", "also", "officials", "police")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
