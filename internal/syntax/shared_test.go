package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedUD is where the treebank lies relative to this package: ../shared
// beside the repository, as on the development machines and in CI.
var sharedUD = filepath.Join("..", "..", "..", "shared", "data", "ud", "UD_English-EWT")

// readShared reads one file of the treebank or skips the test without it.
func readShared(t testing.TB, name string) []Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedUD, name))
	if err != nil {
		t.Skipf("UD English-EWT not available (%v): this test needs ../shared beside the repository", err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
