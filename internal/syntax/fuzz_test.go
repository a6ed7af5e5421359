package syntax

import (
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the whole analysis: it must not panic,
// must keep the tree invariants and must stay within MaxWords.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		"Rebels seized the town.",
		strings.Repeat("word ", 2000),
		"\x00\x01\x02\x1b[31m\x7f",
		"bad \xff\xfe\xfd utf8 \xc3",
		"Москва 北京 القاهرة तेल",
		"don't can't U.S. $5 3.5% e-mail http://x.y/z a@b.cd ... -- '' “”",
		"((((((((((]]]]]]",
		strings.Repeat("-", 500),
	} {
		f.Add(seed)
	}
	p, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := p.Parse(s)
		if toks == nil {
			return
		}
		checkTree(t, s, toks)
	})
}
