package cli

import (
	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/pipeline"
)

// Version is sitrep's release, recorded with every stored revision.
const Version = "0.1.0"

// newPipeline assembles the stages the binary ships.
func newPipeline(all bool) (*pipeline.Pipeline, error) {
	return &pipeline.Pipeline{
		Extractor: article.Extractor{},
		All:       all,
		Version:   "sitrep " + Version,
	}, nil
}
