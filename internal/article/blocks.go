package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A block is one paragraph of a scrape (lines between blank lines) after
// markdown markup has been reduced to its text.
type block struct {
	raw   string   // as in the input
	lines []string // cleaned lines
	links []string // texts of the links it held
	// linkOnly is true when every line was nothing but a link or an image.
	linkOnly bool
}

func (b block) text() string { return strings.Join(b.lines, " ") }

var (
	mdImage   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink    = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)`)
	autoLink  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdHeading = regexp.MustCompile(`^#{1,6}\s+`)
	blankLine = regexp.MustCompile(`\n[ \t]*\n`)
	mdEmph    = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
)

// splitBlocks cuts a scrape into blocks at blank lines.
func splitBlocks(s string) []block {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []block
	for _, para := range blankLine.Split(s, -1) {
		if strings.TrimSpace(para) == "" {
			continue
		}
		b := block{raw: strings.TrimSpace(para), linkOnly: true}
		for _, line := range strings.Split(para, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			withoutLinks := strings.TrimSpace(mdLink.ReplaceAllString(mdImage.ReplaceAllString(line, ""), ""))
			if strings.Trim(withoutLinks, " ,|·•-–—") != "" {
				b.linkOnly = false
			}
			for _, m := range mdLink.FindAllStringSubmatch(line, -1) {
				b.links = append(b.links, strings.TrimSpace(m[1]))
			}
			line = mdImage.ReplaceAllString(line, "")
			line = mdLink.ReplaceAllString(line, "$1")
			line = autoLink.ReplaceAllString(line, "$1")
			line = mdHeading.ReplaceAllString(line, "")
			if strings.Contains(line, "**") || strings.Contains(line, "__") {
				// the pattern is slow to fail on a long paragraph
				line = mdEmph.ReplaceAllString(line, "$2")
			}
			line = strings.Join(strings.Fields(line), " ")
			if line != "" {
				b.lines = append(b.lines, line)
			}
		}
		if len(b.lines) == 0 && !b.linkOnly {
			continue
		}
		if len(b.lines) == 0 {
			b.lines = []string{b.raw}
		}
		out = append(out, b)
	}
	return out
}

// cue is a pattern that marks boilerplate of a kind. Strong cues remove a
// block even in the middle of the body; weak ones only at its edges. Any of
// the keywords (lower case) must occur before the pattern is tried: most
// blocks are news prose that none of them touch, and regexp is slow.
type cue struct {
	kind     BlockKind
	keywords []string
	re       *regexp.Regexp
	strong   bool
}

// anyToken stands for "run the pattern only if the text has a long
// alphanumeric token", the shape of wallet addresses.
const anyToken = "\x00long-token"

var cues = []cue{
	// Payment handles and wallet addresses are never news prose.
	{Donation, []string{"paypal", "patreon", "liberapay", "ko-fi", "buymeacoffee", "subscribestar", "gofundme"},
		regexp.MustCompile(`(?i)\b(paypal|patreon|liberapay|ko-fi|buymeacoffee|subscribestar|gofundme)\b`), true},
	{Donation, []string{anyToken}, regexp.MustCompile(`\b(BTC|BCH|ETH|XMR|LTC|USDT|Bitcoin|Ethereum)\s*:?\s*(bc1|[13])?[a-zA-Z0-9]{25,}|\b0x[0-9a-fA-F]{40}\b|\b(bc1|[13])[a-km-zA-HJ-NP-Z1-9]{25,39}\b`), true},
	{Donation, []string{"support", "donat", "contribution", "patron", "supporter", "member"},
		regexp.MustCompile(`(?i)\b(please|kindly)\s+(support|donate|consider (supporting|donating))|\bmake a (donation|contribution)\b|\bdonate (now|today|here)\b|\bbecome a (patron|supporter|member)\b`), true},
	{FairUse, []string{"fair use", "copyrighted material"}, regexp.MustCompile(`(?i)"?fair use"?|\bcopyrighted material\b`), true},
	{Disclaimer, []string{"disclaimer", "sole responsibility", "views expressed", "necessarily"},
		regexp.MustCompile(`(?i)^disclaimer\b|\bsole responsibility of the author|\bviews expressed (in this article |here )?are (solely )?(those|the views) of|\bdo(es)? not necessarily (reflect|represent)\b`), true},
	{Copyright, []string{"©", "(c)", "copyright", "rights reserved", "permission"},
		regexp.MustCompile(`(?i)©|\(c\)\s*\d{4}|\bcopyright\b\s*(©|\d{4}|by\b)|\ball rights reserved\b|\bgrants? permission to (re-?post|cross-?post|republish)`), true},
	{Contact, []string{"inquiries", "enquiries", "contact", "@", "publication", "reprint", "syndication"},
		regexp.MustCompile(`(?i)\b(media|press) (inquiries|enquiries|contact)\b|\bcontact us\b|\b(send|email|e-mail) (us|your)\b.*@|\bfor (publication|reprint|syndication) (of|rights)\b`), true},
	{Share, []string{"share", "follow", "like us", "join us", "on our", "subscribe to", "join our"},
		regexp.MustCompile(`(?i)\bshare (buttons?|this (article|story|post))\b|\bclick the share\b|\b(follow|like|join) us on\b|\bon our (facebook|twitter|telegram|instagram) (page|channel|account)\b|\b(subscribe to|join) our (newsletter|telegram|channel)\b`), true},
	// one anchor outside the alternation: with an anchor per branch the
	// matcher tries the pattern at every offset of every block
	{Navigation, nil, regexp.MustCompile(`(?i)^(?:(articles|posts|more|stories) by\s*:|(read more|related|see also|also read|recommended|previous|next|tags|share)\s*:?\s*$|(read more|related( articles| stories)?|see also|also read)\s*:)`), true},
	{Contact, []string{"@"}, regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.-]+`), false},
	{Share, []string{"facebook", "twitter", "telegram", "whatsapp", "linkedin", "reddit", "vkontakte", "instagram", "youtube"},
		regexp.MustCompile(`(?i)\b(facebook|twitter|telegram|whatsapp|linkedin|reddit|vkontakte|instagram|youtube)\b`), false},
	{Navigation, []string{"sign up", "log in", "login", "subscribe", "newsletter", "comment", "menu", "home page", "click here"},
		regexp.MustCompile(`(?i)\b(sign up|log ?in|subscribe|newsletter|comments?|menu|home page|click here)\b`), false},
}

// classify returns the kind of boilerplate a block is, and whether the cue
// was strong; "" when no cue matched.
func classify(text string) (BlockKind, bool) {
	lower := strings.ToLower(text)
	longToken := hasLongToken(text)
	var weak BlockKind
	for _, c := range cues {
		if weak != "" && !c.strong {
			break // weak cues only name a kind; the first one found is enough
		}
		if !mayMatch(c.keywords, lower, longToken) || !c.matches(text, lower) {
			continue
		}
		if c.strong {
			return c.kind, true
		}
		weak = c.kind
	}
	return weak, false
}

// cueWindow is how far around a keyword a cue's pattern is tried: every
// pattern is built around its keywords, and running it over a whole long
// paragraph costs more than all the rest of the cleaning.
const cueWindow = 200

// matches runs the cue's pattern near each occurrence of its keywords, or
// over the whole text when the pattern is anchored or has no keywords.
func (c *cue) matches(text, lower string) bool {
	if len(text) <= 2*cueWindow || c.keywords == nil || c.keywords[0] == anyToken || strings.HasPrefix(c.re.String(), "(?i)^") || len(lower) != len(text) {
		return c.re.MatchString(text)
	}
	for _, k := range c.keywords {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], k)
			if i < 0 {
				break
			}
			i += from
			lo, hi := max(0, i-cueWindow), min(len(text), i+len(k)+cueWindow)
			if c.re.MatchString(text[lo:hi]) {
				return true
			}
			from = i + len(k)
		}
	}
	return false
}

func mayMatch(keywords []string, lower string, longToken bool) bool {
	if keywords == nil {
		return true
	}
	for _, k := range keywords {
		if k == anyToken {
			if longToken {
				return true
			}
		} else if strings.Contains(lower, k) {
			return true
		}
	}
	return false
}

// hasLongToken reports a run of 25 or more ASCII letters and digits.
func hasLongToken(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			run++
			if run >= 25 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// isProse reports whether a block reads like body text: sentences with
// terminal punctuation, not a label line or a list of links.
func isProse(b block) bool {
	if b.linkOnly {
		return false
	}
	t := b.text()
	words := len(strings.Fields(t))
	if words < 3 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, " *"))
	first, _ := utf8.DecodeRuneInString(t)
	endsSentence := strings.ContainsRune(".!?\"”’)", last)
	startsSentence := unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“‘'(", first)
	if words < 15 && labelLine.MatchString(t) {
		return false
	}
	return startsSentence && (endsSentence || words >= 25)
}

// labelLine matches "Label: values" metadata lines such as "Region: ...".
var labelLine = regexp.MustCompile(`^([A-Z][\w-]*(?:[ -][\w-]+){0,2})\s*:\s*\S`)
