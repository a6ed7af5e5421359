//go:build ignore

// gen converts the reference dictionaries in ../shared/data/dicts into
// sitrep's own formats in this directory. Run with "go generate" here.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sitrep-dev/sitrep/internal/coder/dictconv"
)

func main() {
	src := flag.String("src", "../../../shared/data/dicts", "reference dictionaries")
	out := flag.String("out", ".", "output directory")
	flag.Parse()
	if err := dictconv.Generate(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
