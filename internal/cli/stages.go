package cli

import (
	"fmt"
	"os"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/coder"
	"github.com/sitrep-dev/sitrep/internal/geo"
	"github.com/sitrep-dev/sitrep/internal/pipeline"
)

// Version is sitrep's release, recorded with every stored revision.
const Version = "0.1.0"

// newPipeline assembles the stages the binary ships.
func newPipeline(all bool) (*pipeline.Pipeline, error) {
	c, err := coderFor("phoenix", false)
	if err != nil {
		return nil, fmt.Errorf("load the event coder: %w", err)
	}
	gc, err := geo.Default()
	if err != nil {
		return nil, fmt.Errorf("load the gazetteer: %w", err)
	}
	return &pipeline.Pipeline{
		Extractor: article.Extractor{},
		Coder:     c,
		Geocoder:  gc,
		All:       all,
		Version:   "sitrep " + Version + "; " + coder.Name + " " + coder.Version + "; gazetteer " + gazetteerName(),
	}, nil
}

// gazetteerName says which gazetteer the pipeline places with, for the
// record kept with every revision.
func gazetteerName() string {
	if p := os.Getenv(geo.EnvGazetteer); p != "" {
		return p
	}
	return "embedded"
}
