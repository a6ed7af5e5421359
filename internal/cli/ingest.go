package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/pipeline"
	"github.com/sitrep-dev/sitrep/internal/store"
)

const defaultDB = "sitrep.db"

func init() {
	register(&Command{
		Name:    "ingest",
		Summary: "read articles into the store: text, HTML, RSS/Atom, WARC, JSONL, URLs",
		Usage:   "[flags] PATH|DIR|URL...",
		Help: `Each input is cleaned (boilerplate removed and kept, labelled), split into
sentences, coded into events, geocoded and stored in one transaction per
article. Directories are read recursively. The format is sniffed from the
content: plain text or markdown scrapes, HTML pages, RSS/Atom feeds, WARC
archives (.warc, .warc.gz) and JSONL dumps of {"url","title","date","text"|"html"}.

Re-ingesting an unchanged article changes nothing and costs only its
cleaning; a changed one is stored as a new revision beside the old. With
--recode (or --all) unchanged articles are coded again and the events this run
finds beside the stored ones are added. A bad input is reported with its name
and the run goes on; the exit status is 1 if any input failed.

Set SITREP_GAZETTEER to a gazetteer built by 'sitrep gazetteer build' to
geocode with it instead of the embedded one.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			db := fs.String("db", defaultDB, "SQLite database `file` (created if missing)")
			quiet := fs.Bool("quiet", false, "print only errors: no progress bar, no summary")
			all := fs.Bool("all", false, "also store hypothetical and negated events, labelled (implies --recode)")
			recode := fs.Bool("recode", false, "analyse articles already stored again and add the events this run finds beside theirs (a newer sitrep, --all); nothing stored is changed")
			workers := fs.Int("workers", 0, "documents analysed in parallel (0: one per CPU)")
			maxBytes := fs.Int64("max-doc-bytes", 0, "size limit of one document in bytes (0: 8 MiB)")
			date := fs.String("date", "", "publication `date` YYYY-MM-DD for documents that give none (relative dates and dated actors are read against it)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) == 0 {
					return usageError("no inputs given")
				}
				if *workers < 0 || *maxBytes < 0 {
					return usageError("--workers and --max-doc-bytes cannot be negative")
				}
				var fallback time.Time
				if *date != "" {
					var err error
					if fallback, err = time.Parse("2006-01-02", *date); err != nil {
						return usageError("bad --date %q: want YYYY-MM-DD", *date)
					}
				}
				st, err := store.Open(*db)
				if err != nil {
					return err
				}
				defer st.Close()
				p, err := newPipeline(*all)
				if err != nil {
					return err
				}
				p.DefaultDate = fallback
				opts := pipeline.RunOptions{
					Ingest:  ingest.Options{MaxDocBytes: *maxBytes},
					Workers: *workers,
					Errors:  env.Stderr,
					Recode:  *recode || *all,
				}
				if !*quiet && isTerminal(env.Stderr) {
					opts.Progress = env.Stderr
				}
				sum, err := p.Ingest(ctx, st, args, opts)
				if ctx.Err() != nil {
					// what was stored is whole and stays: say so, and how to go on
					printSummary(env, *db, sum)
					return fmt.Errorf("interrupted: %d articles stored before the stop are kept; run the same command again to take the rest", sum.NewArticles+sum.NewRevisions)
				}
				if err != nil {
					return err
				}
				if !*quiet {
					printSummary(env, *db, sum)
				}
				if sum.Failed > 0 {
					return fmt.Errorf("%w: %d input(s) or record(s) could not be read (see above); the others are stored", ErrPartial, sum.Failed)
				}
				return nil
			}
		},
	})
}

func printSummary(env *Env, db string, s pipeline.Summary) {
	recoded := ""
	if s.Recoded > 0 {
		recoded = fmt.Sprintf(", %d recoded", s.Recoded)
	}
	fmt.Fprintf(env.Stderr, "%d inputs, %d documents: %d new articles, %d new revisions, %d unchanged%s, %d events stored, %d failed (%.1fs) -> %s\n",
		s.Inputs, s.Documents, s.NewArticles, s.NewRevisions, s.Unchanged, recoded, s.Events, s.Failed, s.Elapsed.Seconds(), db)
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
