package gazbuild

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-dev/sitrep/internal/geo/names"
)

// WordCounter finds the words English writes in lower case: "police",
// "mission", "reading" are also the names of towns, and a recogniser must
// not take "Police said" for Police in Poland. It counts, per word, the
// lower-case uses; only the counts are kept, never the text.
type WordCounter struct {
	lower map[string]int
}

// NewWordCounter returns an empty counter.
func NewWordCounter() *WordCounter {
	return &WordCounter{lower: map[string]int{}}
}

func (wc *WordCounter) count(word string) {
	if r, _ := utf8.DecodeRuneInString(word); unicode.IsLower(r) {
		wc.lower[names.Key(word)]++
	}
}

// AddCoNLLU counts the word forms of a CoNLL-U treebank.
func (wc *WordCounter) AddCoNLLU(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) < 2 || strings.ContainsAny(f[0], "-.") {
			continue // multiword ranges and empty nodes
		}
		wc.count(f[1])
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("conllu: %w", err)
	}
	return nil
}

// AddText counts the words of plain text.
func (wc *WordCounter) AddText(body string) {
	for w := range strings.FieldsFuncSeq(body, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		wc.count(w)
	}
}

// Common returns the keys used in lower case at least minLower times,
// sorted: "police", "council", "university" are words even where a name
// capitalises them ("Gainesville Police", "University of Florida").
func (wc *WordCounter) Common(minLower int) []string {
	var out []string
	for w, n := range wc.lower {
		if n >= minLower && !strings.Contains(w, " ") {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}
