package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/sitrep-dev/sitrep/internal/export"
	"github.com/sitrep-dev/sitrep/internal/store"
)

func init() {
	register(&Command{
		Name:    "export",
		Summary: "write stored events as JSON, JSON lines, CSV or GeoJSON",
		Usage:   "[flags]",
		Help: `Writes the events in the store to standard output (or --out). Every record
carries its evidence: the sentence with its character offsets in the article
body, the modality and who it is attributed to, the place as written and as
resolved with its precision, the date with its precision and basis, and the
article it came from. The columns are documented in the README.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			db := fs.String("db", defaultDB, "SQLite database `file`")
			format := fs.String("format", "json", "output format: "+strings.Join(export.Formats, ", "))
			out := fs.String("out", "", "write to this `file` instead of standard output")
			var f store.Filter
			fs.StringVar(&f.From, "from", "", "only events on or after this `date` (YYYY-MM-DD)")
			fs.StringVar(&f.To, "to", "", "only events on or before this `date` (YYYY-MM-DD)")
			fs.StringVar(&f.Country, "country", "", "only events placed in this country (ISO alpha-2 `code`)")
			fs.StringVar(&f.Modality, "modality", "", "only this modality: asserted, reported, statement, hypothetical, negated")
			fs.StringVar(&f.CAMEO, "cameo", "", "only this CAMEO `code` or prefix (19 = all fights)")
			fs.BoolVar(&f.Latest, "latest", false, "only events of each article's newest revision")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError("unexpected arguments %q", args)
				}
				if !slices.Contains(export.Formats, *format) {
					return usageError("unknown --format %q (want one of %s)", *format, strings.Join(export.Formats, ", "))
				}
				if _, err := os.Stat(*db); err != nil {
					return fmt.Errorf("no store at %s: run 'sitrep ingest' first (%w)", *db, err)
				}
				st, err := store.OpenReadOnly(*db)
				if err != nil {
					return err
				}
				defer st.Close()
				dst := env.Stdout
				var file *os.File
				if *out != "" {
					if file, err = os.Create(*out); err != nil {
						return err
					}
					defer file.Close()
					dst = file
				}
				bw := bufio.NewWriter(dst)
				w, err := export.New(*format, bw)
				if err != nil {
					return err
				}
				if err := st.EachEvent(ctx, f, w.Write); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				if err := w.Close(); err != nil {
					return err
				}
				if err := bw.Flush(); err != nil {
					return err
				}
				if file != nil {
					return file.Close()
				}
				return nil
			}
		},
	})
}
