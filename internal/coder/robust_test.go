package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/text"
)

// TestRobustness: odd input codes to nothing or something, never panics.
func TestRobustness(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{
		"",
		" ",
		".",
		"\x00\x01\x02 attacked \xff\xfe Syria",
		"Syria attacked",
		"attacked Syria",
		"(((( Syria )))) ,,,, attacked ;;; Israel",
		strings.Repeat("Syria attacked Israel and ", 500),
		"Сирия атаковала Израиль.",
		"الجيش السوري هاجم",
		"and and and the the of of Syria's 's ' ' - -",
		"U.S. U.N. E.U. al-Sham-al-Sham-",
		"To free the prisoners and open the border, Kenya sent troops.", // an infinitive as the first verb
	}
	for _, in := range inputs {
		s := text.Sentence{Text: in, End: len(in)}
		start := time.Now()
		evs := c.Code(Context{Memory: &Memory{}}, s)
		if d := time.Since(start); d > time.Second {
			t.Errorf("%.40q took %v", in, d)
		}
		for _, e := range evs {
			if e.Action.Span.End < e.Action.Span.Start {
				t.Errorf("%.40q: bad span %+v", in, e.Action.Span)
			}
		}
	}
}

func FuzzCode(f *testing.F) {
	c, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("The Syrian army and its allies seized the town from rebels.")
	f.Add("Israel did not attack Gaza, officials said.")
	f.Fuzz(func(t *testing.T, in string) {
		c.Code(Context{Memory: &Memory{}}, text.Sentence{Text: in, End: len(in)})
	})
}
