package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text  string // as written
	Lower string // lower-cased
	Start int    // byte offset in the sentence
	End   int
}

// Cap reports whether the token starts with an upper-case letter.
func (t Token) Cap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// Word reports whether the token starts with a letter or digit.
func (t Token) Word() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Tokenize splits a sentence into words and punctuation with byte offsets.
// Words keep inner hyphens, apostrophes and periods ("al-Sham", "U.S.",
// "Syrian-Russian-Iranian"); a possessive "'s" and "n't" become tokens.
func Tokenize(s string) []Token {
	var out []Token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			out = append(out, mk(s, i, i+w))
			i += w
			continue
		}
		j := i
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += w
				continue
			}
			if (r == '-' || r == '\'' || r == '’' || r == '.' || r == '&') && j+w < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+w:])
				if isWordRune(r2) && !(r == '.' && !abbrevDot(s[i:j])) {
					j += w
					continue
				}
			}
			// "U.S." keeps its final period.
			if r == '.' && abbrevDot(s[i:j]) && strings.Contains(s[i:j], ".") {
				j += w
			}
			break
		}
		word := s[i:j]
		// split off possessive 's and n't
		lw := strings.ToLower(word)
		switch {
		case strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s"):
			k := strings.LastIndexAny(word, "'’")
			out = append(out, mk(s, i, i+k), mk(s, i+k, j))
		case strings.HasSuffix(lw, "n't") && len(lw) > 3:
			out = append(out, mk(s, i, j-3), mk(s, j-3, j))
		case (strings.HasSuffix(lw, "s'") || strings.HasSuffix(lw, "s’")) && len(lw) > 2:
			k := strings.LastIndexAny(word, "'’")
			out = append(out, mk(s, i, i+k), mk(s, i+k, j))
		default:
			out = append(out, mk(s, i, j))
		}
		i = j
	}
	return out
}

// abbrevDot reports whether a period after w continues an abbreviation like
// "U.S" or "U.N".
func abbrevDot(w string) bool {
	if w == "" {
		return false
	}
	parts := strings.Split(w, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func mk(s string, a, b int) Token {
	t := s[a:b]
	return Token{Text: t, Lower: strings.ToLower(strings.ReplaceAll(t, "’", "'")), Start: a, End: b}
}
