package actor

import (
	"testing"
)

func TestFind(t *testing.T) {
	d, err := Load(Phoenix)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		date int32
		want []string // code of each mention, "?" for unknown
	}{
		{"The Syrian Arab Army (SAA) and its allies have liberated the town", 20180717, []string{"SYRMIL"}},
		{"US President Donald Trump and his Russian counterpart Vladimir Putin held talks", 20180716, []string{"USAGOV", "RUSGOV"}},
		{"Donald Trump spoke at a rally", 20100101, []string{"USAELI"}},
		{"The Kenyan police arrested three men", 20150101, []string{"KENCOP", "PPL"}},
		{"Militants attacked a checkpoint", 20150101, []string{"UAF"}},
		{"Zorblax Liberation Front fighters raided the camp", 20150101, []string{"UAF"}},
		{"Acme Holdings sued the state", 20150101, []string{"?"}},
		{"talks with the Syrian-Russian-Iranian alliance", 20180101, []string{"SYR"}},
		// the force an "X-led" state leads is its own; a backed one is not
		{"Vietnamese-led forces shelled the camps", 19850101, []string{"VNMMIL"}},
		{"US-backed rebels shelled the camps", 20150101, []string{"REB"}},
		// country abbreviations news uses
		{"The DRC accused Rwanda of backing the rebels", 20150101, []string{"COD", "RWA", "REB"}},
		{"the PRC warned Taiwan", 20150101, []string{"CHN", "TWN"}},
		// the country named after a person outweighs a namesake's entry
		{"King Hassan of Morocco received the envoy", 19900101, []string{"MARELI", "GOV"}},
		// names with apostrophes are split as text is ("workers" "'")
		{"The Kurdistan Workers' Party attacked the post", 20150101, []string{"TURREB"}},
		{"the People's Republic of China protested", 20150101, []string{"CHN"}},
		// "official", "military" before a noun describe a thing
		{"Kenya lodged an official protest with Somalia", 20150101, []string{"KEN", "SOM"}},
		{"Kenya suspended military aid to Somalia", 20150101, []string{"KEN", "SOM"}},
		{"military sources said", 20150101, []string{"MIL"}},
		{"senior military officials met", 20150101, []string{"MIL"}},
		// a subordinating conjunction ends an actor phrase
		{"expel Somali diplomats unless Somali militants free them", 20150101, []string{"SOMGOV", "SOMUAF"}},
	}
	for _, c := range cases {
		toks := Tokenize(c.text)
		ms := d.Find(toks, c.date, nil)
		var got []string
		for _, m := range ms {
			code := m.Code
			if code == "" {
				code = "?"
			}
			got = append(got, code)
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: got %v want %v", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: got %v want %v", c.text, got, c.want)
				break
			}
		}
	}
	// a member of a union that broke up is coded under the union's prefix
	// ("SCGMNE", "USRGEO"); its country is the member
	for _, c := range []struct {
		text    string
		date    int32
		country string
	}{
		{"Montenegro closed the border crossing", 20040101, "MNE"},
		{"Georgia recalled its ambassador", 19900101, "GEO"},
		{"Croatia recalled its ambassador", 19900101, "HRV"},
	} {
		ms := d.Find(Tokenize(c.text), c.date, nil)
		if len(ms) == 0 || ms[0].Country != c.country {
			t.Errorf("%q: got %+v, want country %s", c.text, ms, c.country)
		}
	}
}
