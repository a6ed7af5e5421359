package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net/url"
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
article it came from. The columns are documented in the README. The filters
are those of the API's /api/events and combine with AND.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			db := fs.String("db", defaultDB, "SQLite database `file`")
			format := fs.String("format", "json", "output format: "+strings.Join(export.Formats, ", "))
			out := fs.String("out", "", "write to this `file` instead of standard output")
			filters := map[string]*string{}
			for _, f := range []struct{ name, usage string }{
				{"from", "only events on or after this `date` (YYYY-MM-DD)"},
				{"to", "only events on or before this `date` (YYYY-MM-DD)"},
				{"country", "only events placed in this country: the place's ISO alpha-2 `code` (SY)"},
				{"modality", "only this `modality`: asserted, reported, statement, hypothetical, negated"},
				{"type", "only this event `type`: a CAMEO code prefix (19 = all fights), a PLOVER type (ASSAULT) or an ACLED type or sub-event type (Battles)"},
				{"actor", "only events with this `actor` on either side: a code prefix (SYR matches SYRMIL) or words of the actor as written"},
				{"bbox", "only events placed inside `minLon,minLat,maxLon,maxLat`"},
				{"source", "only events from this `outlet`: words of the publisher or of the original source of a republication"},
				{"q", "only events whose sentence, actors, action, place or attribution hold all these `words`"},
				{"sort", "`order`: stored (insertion order, the default), date (oldest first) or -date (newest first)"},
			} {
				filters[f.name] = fs.String(f.name, "", f.usage)
			}
			cameo := fs.String("cameo", "", "only this CAMEO `code` or prefix (same as --type with digits)")
			latest := fs.Bool("latest", false, "only events of each article's newest revision")
			firstCopy := fs.Bool("first-copy", false, "only the first stored copy of each text: copies at other addresses count once")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError("unexpected arguments %q", args)
				}
				v := url.Values{}
				for name, val := range filters {
					if *val != "" {
						v.Set(name, *val)
					}
				}
				if *cameo != "" {
					if v.Get("type") != "" {
						return usageError("give --cameo or --type, not both")
					}
					v.Set("type", *cameo)
				}
				if *latest {
					v.Set("latest", "true")
				}
				if *firstCopy {
					v.Set("first_copy", "true")
				}
				q, err := store.ParseQuery(v)
				if err != nil {
					return usageError("%v", err)
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
				if err := st.EachEvent(ctx, q, w.Write); err != nil {
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
