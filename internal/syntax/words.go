package syntax

import (
	"unicode"
	"unicode/utf8"
)

// wordInfo holds the hashed views of one word that the tagger and parser
// features are built from, computed once per sentence without allocating.
type wordInfo struct {
	form  uint64 // exact form
	lower uint64 // lower case, digits folded to 0
	pre   [3]uint64
	suf   [4]uint64
	shape uint64 // character classes, runs collapsed: "Xx", "d,d", "x-x"
	amb   uint64 // ambiguity class: the tags the word had in training, 0 if rare
	fixed int32  // the word's only tag when frequent and unambiguous, else -1
}

// maxHashedBytes bounds the work per word: a 100 kB "word" (base64, a URL
// gone wrong) is hashed on its first bytes only.
const maxHashedBytes = 64

func (w *wordInfo) set(form string) {
	*w = wordInfo{form: hashString(form), fixed: -1}
	if len(form) > maxHashedBytes {
		form = form[:maxHashedBytes]
	}
	// lower case with digits folded, rune by rune; keep the first three and
	// last four runes for affixes
	var first [3]rune
	var last [4]rune // ring
	nr := 0
	lower := uint64(14695981039346656037)
	shape := uint64(14695981039346656037)
	prevClass := rune(-1)
	for i := 0; i < len(form); {
		r, n := utf8.DecodeRuneInString(form[i:])
		i += n
		class := r
		switch {
		case unicode.IsUpper(r):
			class = 'X'
			r = unicode.ToLower(r)
		case unicode.IsLetter(r):
			class = 'x'
		case unicode.IsDigit(r):
			class = 'd'
			r = '0'
		}
		lower = hashRune(lower, r)
		if class != prevClass {
			shape = hashRune(shape, class)
			prevClass = class
		}
		if nr < 3 {
			first[nr] = r
		}
		last[nr%4] = r
		nr++
	}
	w.lower = lower | 1
	w.shape = shape | 1
	for k := 0; k < 3 && k < nr; k++ {
		h := uint64(k + 1)
		for j := 0; j <= k; j++ {
			h = hashRune(h, first[j])
		}
		w.pre[k] = h | 1
	}
	for k := 0; k < 4 && k < nr; k++ {
		h := uint64(k + 11)
		for j := k; j >= 0; j-- {
			h = hashRune(h, last[(nr-1-j)%4])
		}
		w.suf[k] = h | 1
	}
}

func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= 1099511628211
	return h
}
