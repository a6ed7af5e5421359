package geo

import (
	"os"
	"testing"

	"github.com/sitrep-dev/sitrep/internal/text"
)

// TestDebugText prints the toponyms of $GEO_TEXT (a development aid).
func TestDebugText(t *testing.T) {
	s := os.Getenv("GEO_TEXT")
	if s == "" {
		t.Skip("set GEO_TEXT")
	}
	gc := defaultGeocoder(t)
	for _, tp := range gc.Toponyms(text.Split(s), nil) {
		name := ""
		if tp.Place != nil {
			name = tp.Place.Name + " " + tp.Place.CountryCode + " " + tp.Place.FeatureCode
		}
		t.Logf("%q %s %s %s anchor=%q %.2f", tp.Span.Text, tp.Kind, tp.Precision, name, tp.Anchor, tp.Score)
	}
}
