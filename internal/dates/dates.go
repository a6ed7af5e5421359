// Package dates finds dates in text and resolves them against the article's
// dateline: "On July 16" in an article published 2018-07-18 is 2018-07-16,
// "on Monday" is the Monday before publication, "last month" is a month.
package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
)

// Mention is a date expression in a text.
type Mention struct {
	Start, End int // byte offsets into the text
	Text       string
	Date       time.Time // start of the period, UTC midnight
	Precision  event.DatePrecision
	Relative   bool // resolved against the reference date rather than stated in full
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var agoNumbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// OpensDate reports whether word can start a date: a number, a month or
// its abbreviation, a weekday, or "last", "early", "late", "mid".
func OpensDate(word string) bool {
	w := strings.ToLower(strings.Trim(word, ".,"))
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	_, month := months[w]
	_, day := weekdays[w]
	return month || day || w == "last" || w == "early" || w == "late" || w == "mid"
}

const monthRE = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

// One alternation, longest forms first, so a match never stops inside a
// longer date. Named groups say which form matched.
var dateRE = regexp.MustCompile(`(?i)\b(?:` +
	`(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))` +
	`|(?P<pm>(?:early|late|mid)[\s-]+(?P<m5>` + monthRE + `)(?:,?\s+(?P<y5>\d{4}))?)` +
	`|(?P<py>(?:early|late|mid)[\s-]+(?P<y6>(?:19|20)\d{2}))` +
	`|(?P<ago>(?P<an>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<au>days?|weeks?|months?|years?)\s+ago)` +
	`|(?P<mdy>(?P<m1>` + monthRE + `)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{4}))?)` +
	`|(?P<dmy>(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>` + monthRE + `)(?:,?\s+(?P<y2>\d{4}))?)` +
	`|(?P<my>(?P<m3>` + monthRE + `)\s+(?P<y3>\d{4}))` +
	`|(?P<wd>(?:last\s+)?(?P<wdn>Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday))` +
	`|(?P<rel>yesterday|today|tonight|this\s+(?:morning|afternoon|evening|week|month|year)|last\s+(?:night|week|month|year)|earlier\s+this\s+(?:week|month|year))` +
	`|(?P<yr>(?:in|since|of|by)\s+(?P<y4>(?:19|20)\d{2}))` +
	`)\b`)

var groupIndex = func() map[string]int {
	m := map[string]int{}
	for i, n := range dateRE.SubexpNames() {
		if n != "" {
			m[n] = i
		}
	}
	return m
}()

// Find returns the date expressions in text, resolved against ref (the
// article's publication date). With a zero ref, only expressions that carry
// their own year are returned.
func Find(text string, ref time.Time) []Mention {
	if !mayHaveDate(text) {
		return nil
	}
	var out []Mention
	for _, loc := range dateRE.FindAllStringSubmatchIndex(text, -1) {
		g := func(name string) string {
			i := groupIndex[name]
			if loc[2*i] < 0 {
				return ""
			}
			return text[loc[2*i]:loc[2*i+1]]
		}
		m, ok := resolve(g, ref)
		if !ok {
			continue
		}
		m.Start, m.End = loc[0], loc[1]
		m.Text = text[loc[0]:loc[1]]
		out = append(out, m)
	}
	return out
}

// mayHaveDate is a cheap filter that spares most sentences the regexp.
func mayHaveDate(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' {
			return true
		}
	}
	l := strings.ToLower(text)
	for _, w := range []string{"day", "to", "ago", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "week", "month", "year", "night", "morning", "afternoon", "evening"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func resolve(g func(string) string, ref time.Time) (Mention, bool) {
	haveRef := !ref.IsZero()
	ref = day(ref)
	switch {
	case g("iso") != "":
		y, _ := strconv.Atoi(g("iy"))
		mo, _ := strconv.Atoi(g("im"))
		d, _ := strconv.Atoi(g("id"))
		return exact(y, time.Month(mo), d)
	case g("pm") != "":
		// "in late March": the month, not a day in it
		mo := months[strings.TrimSuffix(strings.ToLower(g("m5")), ".")]
		if ys := g("y5"); ys != "" {
			y, _ := strconv.Atoi(ys)
			return Mention{Date: time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), Precision: event.Month}, true
		}
		if !haveRef {
			return Mention{}, false
		}
		y := ref.Year()
		if mo > ref.Month() {
			y-- // a month after the dateline's is last year's
		}
		return Mention{Date: time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), Precision: event.Month, Relative: true}, true
	case g("py") != "":
		y, _ := strconv.Atoi(g("y6"))
		return Mention{Date: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: event.Year}, true
	case g("ago") != "":
		if !haveRef {
			return Mention{}, false
		}
		n := agoNumbers[strings.ToLower(g("an"))]
		if n == 0 {
			n, _ = strconv.Atoi(g("an"))
		}
		switch u := strings.TrimSuffix(strings.ToLower(g("au")), "s"); u {
		case "day":
			return Mention{Date: ref.AddDate(0, 0, -n), Precision: event.Day, Relative: true}, true
		case "week":
			return Mention{Date: ref.AddDate(0, 0, -7*n), Precision: event.Week, Relative: true}, true
		case "month":
			return Mention{Date: ref.AddDate(0, -n, 0), Precision: event.Month, Relative: true}, true
		default:
			return Mention{Date: ref.AddDate(-n, 0, 0), Precision: event.Year, Relative: true}, true
		}
	case g("mdy") != "" || g("dmy") != "":
		ms, ds, ys := g("m1"), g("d1"), g("y1")
		if g("dmy") != "" {
			ms, ds, ys = g("m2"), g("d2"), g("y2")
		}
		mo := months[strings.TrimSuffix(strings.ToLower(ms), ".")]
		d, _ := strconv.Atoi(ds)
		if mo == time.May && ys == "" && g("dmy") == "" && !haveRef {
			return Mention{}, false
		}
		if ys != "" {
			y, _ := strconv.Atoi(ys)
			return exact(y, mo, d)
		}
		if !haveRef {
			return Mention{}, false
		}
		m, ok := exact(nearestYear(ref, mo, d), mo, d)
		m.Relative = true
		return m, ok
	case g("my") != "":
		mo := months[strings.TrimSuffix(strings.ToLower(g("m3")), ".")]
		y, _ := strconv.Atoi(g("y3"))
		return Mention{Date: time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), Precision: event.Month}, true
	case g("wd") != "":
		if !haveRef {
			return Mention{}, false
		}
		want := weekdays[strings.ToLower(g("wdn"))]
		back := (int(ref.Weekday()) - int(want) + 7) % 7
		if strings.HasPrefix(strings.ToLower(g("wd")), "last") && back == 0 {
			back = 7
		}
		return Mention{Date: ref.AddDate(0, 0, -back), Precision: event.Day, Relative: true}, true
	case g("rel") != "":
		if !haveRef {
			return Mention{}, false
		}
		return relative(strings.Join(strings.Fields(strings.ToLower(g("rel"))), " "), ref)
	case g("yr") != "":
		y, _ := strconv.Atoi(g("y4"))
		return Mention{Date: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: event.Year}, true
	}
	return Mention{}, false
}

func relative(phrase string, ref time.Time) (Mention, bool) {
	weekStart := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7)) // Monday
	monthStart := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
	yearStart := time.Date(ref.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	m := Mention{Relative: true}
	switch phrase {
	case "yesterday", "last night":
		m.Date, m.Precision = ref.AddDate(0, 0, -1), event.Day
	case "today", "tonight", "this morning", "this afternoon", "this evening":
		m.Date, m.Precision = ref, event.Day
	case "this week", "earlier this week":
		m.Date, m.Precision = weekStart, event.Week
	case "last week":
		m.Date, m.Precision = weekStart.AddDate(0, 0, -7), event.Week
	case "this month", "earlier this month":
		m.Date, m.Precision = monthStart, event.Month
	case "last month":
		m.Date, m.Precision = monthStart.AddDate(0, -1, 0), event.Month
	case "this year", "earlier this year":
		m.Date, m.Precision = yearStart, event.Year
	case "last year":
		m.Date, m.Precision = yearStart.AddDate(-1, 0, 0), event.Year
	default:
		return m, false
	}
	return m, true
}

// nearestYear picks the year for a month and day given without one: news
// reports the past, so a date more than a week after the dateline is taken
// to be from the year before.
func nearestYear(ref time.Time, mo time.Month, d int) int {
	t := time.Date(ref.Year(), mo, d, 0, 0, 0, 0, time.UTC)
	if t.Sub(ref) > 7*24*time.Hour {
		return ref.Year() - 1
	}
	return ref.Year()
}

func exact(y int, mo time.Month, d int) (Mention, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000 || y > 2999 {
		return Mention{}, false
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Mention{}, false // "February 30"
	}
	return Mention{Date: t, Precision: event.Day}, true
}

func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Parse reads a whole string as one absolute date ("July 18, 2018",
// "17 July 2018", "2018-07-18", RFC 3339): the form of datelines and of
// metadata fields.
func Parse(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "20060102", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	for _, m := range Find(s, time.Time{}) {
		if m.Start == 0 && m.End == len(s) && m.Precision == event.Day {
			return m.Date, true
		}
	}
	return time.Time{}, false
}

// Trailing finds an absolute date at the very end of s ("Global Research,
// July 18, 2018" or "South Front 17 July 2018") and returns it with the text
// before it, trimmed of separators.
func Trailing(s string) (before string, t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	ms := Find(s, time.Time{})
	if len(ms) == 0 {
		return "", time.Time{}, false
	}
	m := ms[len(ms)-1]
	if m.End != len(s) || m.Precision != event.Day {
		return "", time.Time{}, false
	}
	return strings.TrimRight(strings.TrimSpace(s[:m.Start]), ",;:-–—| "), m.Date, true
}
