// Command sitrep turns news articles into a geocoded database of political and
// conflict events. Every subcommand lives in internal/cli; this file only hands
// over the arguments and turns the outcome into an exit status.
package main

import (
	"os"

	"github.com/sitrep-dev/sitrep/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
