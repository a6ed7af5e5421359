package cli

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"

	"github.com/sitrep-dev/sitrep/data"
	"github.com/sitrep-dev/sitrep/internal/pipeline"
	"github.com/sitrep-dev/sitrep/internal/store"
)

// serveHook, when set by the server's file, serves the store after the
// demo has filled it.
var serveHook func(ctx context.Context, env *Env, db, addr string) error

func init() {
	register(&Command{
		Name:    "demo",
		Summary: "ingest the bundled sample articles and show what sitrep found",
		Usage:   "[flags]",
		Help: `Ingests the articles that ship inside the binary (a republished Global Research
report on southern Syria, and a selection of Wikinews conflict reports) into a
fresh store, prints a summary, and serves the map when the web UI is built in.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			db := fs.String("db", "", "store `file` (default: a new file in a temporary directory)")
			addr := fs.String("addr", "127.0.0.1:8080", "address to serve the map on")
			noServe := fs.Bool("no-serve", false, "ingest and summarise only; do not start the web server")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError("unexpected arguments %q", args)
				}
				if !*noServe && serveHook != nil {
					// find out now, not after the ingest, that the port is taken
					ln, err := net.Listen("tcp", *addr)
					if err != nil {
						return fmt.Errorf("cannot serve the map on %s: %w (choose another with --addr, or --no-serve)", *addr, err)
					}
					ln.Close()
				}
				dir, err := os.MkdirTemp("", "sitrep-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				samples := filepath.Join(dir, "samples")
				if err := os.CopyFS(samples, mustSub(data.Samples, "samples")); err != nil {
					return fmt.Errorf("unpack samples: %w", err)
				}
				path := *db
				if path == "" {
					path = filepath.Join(dir, "sitrep.db")
				}
				st, err := store.Open(path)
				if err != nil {
					return err
				}
				defer st.Close()
				p, err := newPipeline(false)
				if err != nil {
					return err
				}
				sum, err := p.Ingest(ctx, st, []string{samples}, pipeline.RunOptions{Errors: env.Stderr})
				if err != nil {
					return err
				}
				shown := path
				if *db == "" {
					shown = "a temporary store (removed on exit; keep one with --db FILE)"
				}
				printSummary(env, shown, sum)
				if err := printDemoSummary(ctx, env, st); err != nil {
					return err
				}
				if *noServe || serveHook == nil {
					if serveHook == nil && !*noServe {
						fmt.Fprintln(env.Stdout, "(this build has no web UI; export with 'sitrep export --db FILE')")
					}
					return nil
				}
				return serveHook(ctx, env, path, *addr)
			}
		},
	})
}

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}

func printDemoSummary(ctx context.Context, env *Env, st *store.Store) error {
	c, err := st.Count(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "store: %d articles, %d revisions, %d sentences, %d events\n", c.Articles, c.Revisions, c.Sentences, c.Events)
	for _, b := range []struct{ title, column string }{
		{"by ACLED-style event type (conflict events)", "acled_type"},
		{"by PLOVER event type", "plover"},
		{"by modality", "modality"},
	} {
		rows, err := st.DB().QueryContext(ctx, `SELECT `+b.column+`, count(*) FROM events WHERE `+b.column+` IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 8`)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s:\n", b.title)
		for rows.Next() {
			var kind string
			var n int
			if err := rows.Scan(&kind, &n); err != nil {
				rows.Close()
				return err
			}
			fmt.Fprintf(env.Stdout, "  %-40s %d\n", kind, n)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}
