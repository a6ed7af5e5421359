package article

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-dev/sitrep/internal/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func extractFile(t *testing.T, name string, format ingest.Format) Article {
	t.Helper()
	content, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extractor{}.Extract(ingest.Doc{Name: name, Format: format, Container: format, Content: content})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestGolden compares the whole extraction of each fixture with a reviewed
// golden file.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		file   string
		format ingest.Format
	}{
		{"globalresearch-2018-07-18-southern-syria.txt", ingest.Text},
		{"wire-report.html", ingest.HTML},
	} {
		t.Run(tc.file, func(t *testing.T) {
			a := extractFile(t, tc.file, tc.format)
			got, _ := json.MarshalIndent(a, "", "  ")
			golden := filepath.Join("testdata", strings.TrimSuffix(tc.file, filepath.Ext(tc.file))+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
				t.Errorf("extraction differs from %s (run with -update and review the diff):\n%s", golden, got)
			}
		})
	}
}

// TestSampleArticle checks the acceptance facts of the sample article
// directly, so that a golden file updated by mistake cannot hide a loss.
func TestSampleArticle(t *testing.T) {
	a := extractFile(t, "globalresearch-2018-07-18-southern-syria.txt", ingest.Text)
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("title", a.Title, "Video: Militants Are on Full Retreat in Southern Syria")
	check("authors", strings.Join(a.Authors, ";"), "South Front")
	check("publisher", a.Publisher, "Global Research")
	check("published", a.Published.Format("2006-01-02"), "2018-07-18")
	if a.OriginalSource == nil {
		t.Fatal("no original source: the republication link was lost")
	}
	check("original source", a.OriginalSource.Name, "South Front")
	check("original published", a.OriginalSource.Published.Format("2006-01-02"), "2018-07-17")
	var tags []string
	for _, tg := range a.Tags {
		tags = append(tags, tg.Kind+":"+tg.Name)
	}
	check("tags", strings.Join(tags, "|"), "region:Middle East & North Africa|theme:Intelligence|theme:US NATO War Agenda|report:SYRIA")

	// The scrape has nine blank-line separated paragraphs of article text.
	if len(a.Body) != 9 {
		t.Errorf("body has %d paragraphs, want 9", len(a.Body))
	}
	if !strings.HasPrefix(a.Body[0], "The Syrian Arab Army (SAA) and its allies have liberated") {
		t.Errorf("body starts %q", a.Body[0])
	}
	if !strings.HasSuffix(a.Body[len(a.Body)-1], "Clashes are ongoing.") {
		t.Errorf("body ends %q", a.Body[len(a.Body)-1])
	}
	body := a.BodyText()
	for _, leak := range []string{"share buttons", "PayPal", "13iYp9CDYZwgSnFXNtpEKgRRqaoxHPr2MH", "0x962b", "Copyright", "Facebook",
		"Become a Member", "Articles by", "Disclaimer", "fair use", "publications@globalresearch.ca", "Region:", "By South Front"} {
		if strings.Contains(body, leak) {
			t.Errorf("boilerplate %q reached the body", leak)
		}
	}
	kinds := map[BlockKind]string{}
	for _, b := range a.Boilerplate {
		kinds[b.Kind] += b.Text + "\n"
	}
	for kind, sample := range map[BlockKind]string{
		Share: "share buttons", Donation: "BTC", Copyright: "Copyright ©", Disclaimer: "Disclaimer:",
		FairUse: "fair use", Contact: "media inquiries", Navigation: "Articles by",
	} {
		if !strings.Contains(kinds[kind], sample) {
			t.Errorf("no %s block holding %q; %s blocks: %q", kind, sample, kind, kinds[kind])
		}
	}
}

func TestHTMLArticle(t *testing.T) {
	a := extractFile(t, "wire-report.html", ingest.HTML)
	if a.Title != "Shelling hits market in northern town" {
		t.Errorf("title %q", a.Title)
	}
	if a.Publisher != "The Daily Wire Desk" || a.Published.Format("2006-01-02") != "2021-03-04" {
		t.Errorf("publisher %q published %v", a.Publisher, a.Published)
	}
	body := a.BodyText()
	if !strings.Contains(body, "killing at least seven civilians") || !strings.Contains(body, "aid groups say food and fuel") {
		t.Errorf("article text missing from body: %q", body)
	}
	for _, leak := range []string{"PayPal", "Related stories", "All rights reserved", "Share on Facebook", "Politics"} {
		if strings.Contains(body, leak) {
			t.Errorf("boilerplate %q reached the body", leak)
		}
	}
	found := false
	for _, b := range a.Boilerplate {
		if b.Kind == Donation && strings.Contains(b.Text, "PayPal") {
			found = true
		}
	}
	if !found {
		t.Errorf("donation appeal not kept as labelled boilerplate: %+v", a.Boilerplate)
	}
}

// TestClassify covers boilerplate cues as they appear on many sites.
func TestClassify(t *testing.T) {
	tests := []struct {
		text   string
		kind   BlockKind
		strong bool
	}{
		{"Support our reporting: send BTC to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", Donation, true},
		{"ETH 0x52908400098527886E0F7030069857D2E4169EE7", Donation, true},
		{"Donate today and keep us independent.", Donation, true},
		{"© 2020 Example Media Ltd. All rights reserved.", Copyright, true},
		{"The views expressed in this article are those of the author and do not necessarily reflect our editorial policy.", Disclaimer, true},
		{"This site contains copyrighted material the use of which has not been authorized, under fair use.", FairUse, true},
		{"For press inquiries, write to desk@example.com", Contact, true},
		{"Follow us on Telegram for breaking updates", Share, true},
		{"Read more: Ceasefire talks stall in Geneva", Navigation, true},
		{"Rebels shelled the airport on Monday, officials said.", "", false},
		{"The copyright dispute went to court in Paris.", "", false},
		{"Militants posted the video on Twitter.", Share, false},
	}
	for _, tt := range tests {
		kind, strong := classify(tt.text)
		if kind != tt.kind || strong != tt.strong {
			t.Errorf("classify(%q) = %q,%v; want %q,%v", tt.text, kind, strong, tt.kind, tt.strong)
		}
	}
}

// A cue word in the middle of the body must not cut the article short.
func TestWeakCueInsideBody(t *testing.T) {
	text := "Headline about a protest\n\nPolice dispersed the crowd in the capital on Sunday.\n\nOrganisers said the protest was announced on Facebook and Twitter.\n\nThe march ended near parliament.\n"
	a, err := Extractor{}.Extract(ingest.Doc{Name: "t", Format: ingest.Text, Content: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Body) != 3 {
		t.Fatalf("body %q, want 3 paragraphs", a.Body)
	}
}

func TestNoContent(t *testing.T) {
	_, err := Extractor{}.Extract(ingest.Doc{Name: "empty.html", Format: ingest.HTML, Content: []byte("<html><body><nav><a href='/'>Home</a></nav></body></html>")})
	if err == nil {
		t.Fatal("want an error for a page with no article text")
	}
}

// TestSmallPageParagraphs: a short page whose paragraphs touch in the markup
// keeps them apart (trafilatura's small-page fallback joins them).
func TestSmallPageParagraphs(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>Cairo</title></head><body><article>` +
		`<p>Police arrested ten protesters in Cairo on Friday, the interior ministry said in a statement on its website.</p>` +
		`<p>The army deployed tanks in Alexandria on Saturday as thousands gathered in the main square.</p></article></body></html>`
	a, err := Extractor{}.Extract(ingest.Doc{Name: "cairo.html", Format: ingest.HTML, Container: ingest.HTML, Content: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Body) != 2 || !strings.HasSuffix(a.Body[0], "website.") || !strings.HasPrefix(a.Body[1], "The army") {
		t.Errorf("body %q", a.Body)
	}
}
