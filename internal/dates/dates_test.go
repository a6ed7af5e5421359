package dates

import (
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
)

func TestFind(t *testing.T) {
	ref := time.Date(2018, 7, 18, 14, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		text string
		want string // date of the first mention, "" for none
		prec event.DatePrecision
	}{
		{"On July 16, US President Donald Trump met Putin.", "2018-07-16", event.Day},
		{"On 16 July the talks began.", "2018-07-16", event.Day},
		{"It happened on December 30.", "2017-12-30", event.Day}, // after the dateline: last year
		{"The accord of March 2011 held.", "2011-03-01", event.Month},
		{"Signed on 2014-02-03 in Geneva.", "2014-02-03", event.Day},
		{"Troops withdrew on Monday.", "2018-07-16", event.Day},
		{"Clashes resumed yesterday.", "2018-07-17", event.Day},
		{"Fighting eased last week.", "2018-07-09", event.Week},
		{"Prices rose earlier this month.", "2018-07-01", event.Month},
		{"the 1974 disengagement agreement", "", ""},
		{"The ceasefire of 1974 was signed in 1974.", "1974-01-01", event.Year},
		{"May God help them.", "", ""},
		{"No date here at all.", "", ""},
		{"On February 30 nothing happened.", "", ""},
		{"He was kidnapped in late March.", "2018-03-01", event.Month},
		{"Talks collapsed in early December.", "2017-12-01", event.Month},
		{"The ceasefire held until mid-2016.", "2016-01-01", event.Year},
		{"The base was shelled two days ago.", "2018-07-16", event.Day},
		{"Rebels took the town three weeks ago.", "2018-06-27", event.Week},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := Find(tt.text, ref)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("want no date, got %+v", got)
				}
				return
			}
			if len(got) == 0 {
				t.Fatalf("no date found, want %s", tt.want)
			}
			if d := got[0].Date.Format("2006-01-02"); d != tt.want || got[0].Precision != tt.prec {
				t.Fatalf("got %s (%s), want %s (%s)", d, got[0].Precision, tt.want, tt.prec)
			}
			if tt.text[got[0].Start:got[0].End] != got[0].Text {
				t.Fatalf("offsets %d..%d do not match %q", got[0].Start, got[0].End, got[0].Text)
			}
		})
	}
}

func TestParseAndTrailing(t *testing.T) {
	for _, s := range []string{"July 18, 2018", "18 July 2018", "2018-07-18", "2018-07-18T10:00:00Z", "Jul. 18, 2018"} {
		got, ok := Parse(s)
		if !ok || got.Format("2006-01-02") != "2018-07-18" {
			t.Errorf("Parse(%q) = %v, %v", s, got, ok)
		}
	}
	if _, ok := Parse("July 2018 and more"); ok {
		t.Error("Parse accepted trailing words")
	}
	before, d, ok := Trailing("Global Research, July 18, 2018")
	if !ok || before != "Global Research" || d.Format("2006-01-02") != "2018-07-18" {
		t.Errorf("Trailing = %q %v %v", before, d, ok)
	}
	before, d, ok = Trailing("South Front 17 July 2018")
	if !ok || before != "South Front" || d.Format("2006-01-02") != "2018-07-17" {
		t.Errorf("Trailing = %q %v %v", before, d, ok)
	}
}

func TestOpensDate(t *testing.T) {
	for w, want := range map[string]bool{"2016": true, "May": true, "Sept.": true, "monday": true, "late": true,
		"rebels": false, "Marines": false, "": false, ",": false} {
		if got := OpensDate(w); got != want {
			t.Errorf("OpensDate(%q) = %v, want %v", w, got, want)
		}
	}
}
