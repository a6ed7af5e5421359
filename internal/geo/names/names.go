// Package names turns place names into the keys sitrep's gazetteer and recogniser compare:
// case and diacritics folded, punctuation normalised, and a coarser skeleton
// for the usual variants of romanised Arabic names.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names are compared by key: lower case, Latin diacritics folded ("Dar‘ā" ->
// "dara", "Bogotá" -> "bogota"), apostrophes and periods dropped ("U.S." ->
// "us"), every other run of non-letters one space, and the abbreviations of
// the generic words Saint, Fort and Mount written one way. The same function
// keys the gazetteer and the text, so the two only have to agree with
// themselves.

// foldTable maps a lower-case precomposed Latin letter to its base letters.
// Written from the Unicode Latin-1 Supplement, Latin Extended-A/B and Latin
// Extended Additional blocks (the letters GeoNames romanisations use: ḩ ţ ş
// ā ī ū ...); combining marks are dropped separately.
var foldTable = func() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ",
		"b":  "ḃḅḇƀ",
		"c":  "çćĉċčḉ",
		"d":  "ďđḋḍḏḑḓð",
		"e":  "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ",
		"f":  "ḟƒ",
		"g":  "ĝğġģǧǵḡ",
		"h":  "ĥħḣḥḧḩḫẖ",
		"i":  "ìíîïĩīĭįıǐȉȋḭḯỉị",
		"j":  "ĵǰ",
		"k":  "ķǩḱḳḵ",
		"l":  "ĺļľŀłḷḹḻḽ",
		"m":  "ḿṁṃ",
		"n":  "ñńņňŉǹṅṇṉṋŋ",
		"o":  "òóôõöøōŏőǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợơ",
		"p":  "ṕṗ",
		"r":  "ŕŗřȑȓṙṛṝṟ",
		"s":  "śŝşšșṡṣṥṧṩſ",
		"t":  "ţťŧțṫṭṯṱẗ",
		"u":  "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự",
		"v":  "ṽṿ",
		"w":  "ŵẁẃẅẇẉẘ",
		"x":  "ẋẍ",
		"y":  "ýÿŷẏẙỳỵỷỹȳ",
		"z":  "źżžẑẓẕƶ",
		"ss": "ß",
		"ae": "æǣǽ",
		"oe": "œ",
		"th": "þ",
		"ij": "ĳ",
	}
	t := map[rune]string{}
	for base, letters := range groups {
		for _, r := range letters {
			t[r] = base
		}
	}
	return t
}()

// IsApostrophe reports the marks that romanisations use for ayin, hamza and
// elision ("Dar‘ā", "Ma'arrat", "Hawai‘i"): dropped, not a word break.
func IsApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´', '′', 'ʹ':
		return true
	}
	return false
}

// genericAbbrev writes the generic words that have common abbreviations one
// way, so "St. Louis", "Saint Louis" and "St Louis" share a key.
var genericAbbrev = map[string]string{
	"saint": "st", "sainte": "ste", "fort": "ft", "mount": "mt", "and": "&",
}

// AppendKey appends the key of s to dst. Tokens are separated by one space.
func AppendKey(dst []byte, s string) []byte {
	start := len(dst)
	wordStart := len(dst)
	space := false // a separator is pending
	flushWord := func() {
		if w, ok := genericAbbrev[string(dst[wordStart:])]; ok {
			dst = append(dst[:wordStart], w...)
		}
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r == '.' || IsApostrophe(r):
			continue
		case r == '&':
		case r < utf8.RuneSelf:
			space = true
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = true
			continue
		}
		if space && len(dst) > start {
			flushWord()
			dst = append(dst, ' ')
			wordStart = len(dst)
		}
		space = false
		if f, ok := foldTable[r]; ok {
			dst = append(dst, f...)
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	if len(dst) > wordStart {
		flushWord()
	}
	return dst
}

// Key is the comparison key of a name (see AppendKey).
func Key(s string) string { return string(AppendKey(nil, s)) }

// arabicArticles are the forms of the Arabic definite article as romanised,
// including the assimilated ones ("ar-Raqqah", "as-Suwayda", "ad-Dana").
var arabicArticles = map[string]bool{
	"al": true, "el": true, "il": true, "ul": true,
	"ad": true, "ed": true, "adh": true, "an": true, "en": true,
	"ar": true, "er": true, "as": true, "es": true, "ash": true, "esh": true,
	"at": true, "et": true, "ath": true, "az": true, "ez": true, "dh": true,
}

// AppendSkeleton appends a coarser key that merges the usual variants of
// romanised Arabic (and Persian, Pashto, Kurdish) names: the article dropped
// (Al-Harra = Harra, Umm al-Awsaj = Umm Awsaj), a final -h after a vowel
// dropped (Raqqah = Raqqa), doubled letters single (Hajjin = Hajin,
// Daraa = Dara), "ei" as "ay" (Deir = Dayr), "ou" as "u" and "q" as "k". It
// is only consulted when the exact key finds nothing.
func AppendSkeleton(dst []byte, key string) []byte {
	start := len(dst)
	for w := range strings.FieldsSeq(key) {
		if arabicArticles[w] && strings.ContainsRune(key, ' ') {
			continue
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		wordStart := len(dst)
		if len(w) > 3 && w[len(w)-1] == 'h' && isVowel(w[len(w)-2]) {
			w = w[:len(w)-1]
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case c == 'q':
				c = 'k'
			case c == 'o' && i+1 < len(w) && w[i+1] == 'u':
				c = 'u'
				i++
			case c == 'e' && i+1 < len(w) && w[i+1] == 'i':
				dst = appendCollapsed(dst, wordStart, 'a')
				c = 'y'
				i++
			}
			dst = appendCollapsed(dst, wordStart, c)
		}
	}
	return dst
}

// appendCollapsed appends c unless it repeats the previous letter of the
// current word.
func appendCollapsed(dst []byte, wordStart int, c byte) []byte {
	if len(dst) > wordStart && dst[len(dst)-1] == c {
		return dst
	}
	return append(dst, c)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// Skeleton is the coarse key of a name (see AppendSkeleton).
func Skeleton(s string) string { return string(AppendSkeleton(nil, Key(s))) }

// IsArabicArticle reports a romanised form of the Arabic article ("al",
// "ar", "ash" ...), as a key.
func IsArabicArticle(w string) bool { return arabicArticles[w] }

// AppendAbbrev appends the key of an abbreviation written with periods:
// lower case, spaces dropped, periods kept ("W. Va." -> "w.va.", "La." ->
// "la."), so that abbreviations only match abbreviations. It always ends in
// a period, which no other key does.
func AppendAbbrev(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == ' ':
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	if len(dst) == 0 || dst[len(dst)-1] != '.' {
		dst = append(dst, '.')
	}
	return dst
}

// Similar reports whether two keys are spellings of one name: equal
// skeletons once an article is dropped, or an edit distance of at most a
// third of the shorter skeleton ("andijan"/"andijon", "dharmsala"/"dharamsala").
func Similar(a, b string) bool {
	sa, sb := string(AppendSkeleton(nil, a)), string(AppendSkeleton(nil, b))
	if sa == sb || strings.HasSuffix(sa, " "+sb) || strings.HasSuffix(sb, " "+sa) {
		return true
	}
	n := min(len(sa), len(sb))
	return editDistance(sa, sb) <= n/3
}

// editDistance is the Levenshtein distance between two byte strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
