package syntax

import (
	"bytes"
	"fmt"
	"os"
	"sync"

	syntaxdata "github.com/sitrep-dev/sitrep/data/syntax"
)

var (
	defaultOnce   sync.Once
	defaultParser *Parser
	defaultErr    error
)

// Default returns the model embedded in the binary, decoded on first use
// and shared by every caller after that.
func Default() (*Parser, error) {
	defaultOnce.Do(func() {
		defaultParser, defaultErr = Load(bytes.NewReader(syntaxdata.Model))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("embedded syntax model: %w", defaultErr)
		}
	})
	return defaultParser, defaultErr
}

// LoadFile reads a model file written by Save (or "sitrep train syntax").
func LoadFile(path string) (*Parser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}
