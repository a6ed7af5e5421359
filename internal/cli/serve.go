package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/sitrep-dev/sitrep/internal/server"
	"github.com/sitrep-dev/sitrep/internal/store"
)

func init() {
	serveHook = serve
	register(&Command{
		Name:    "serve",
		Summary: "serve the JSON API and the web map over a store",
		Usage:   "[flags]",
		Help: `Serves the events in the store: a web map (open the printed address in a
browser) and a read-only JSON API under /api (documented in
internal/server/openapi.yaml and served at /api/openapi.yaml). The store is
opened read-only, so the server can run while 'sitrep ingest' adds to it.
Everything the page needs is built in; no network access is required.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			db := fs.String("db", defaultDB, "SQLite database `file`")
			addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usageError("unexpected arguments %q", args)
				}
				if _, err := os.Stat(*db); err != nil {
					return fmt.Errorf("no store at %s: run 'sitrep ingest' first (%w)", *db, err)
				}
				return serve(ctx, env, *db, *addr)
			}
		},
	})
}

func serve(ctx context.Context, env *Env, db, addr string) error {
	st, err := store.OpenReadOnly(db)
	if err != nil {
		return err
	}
	defer st.Close()
	return server.Run(ctx, st, addr, func(url string) {
		fmt.Fprintf(env.Stdout, "serving %s on %s (Ctrl-C to stop)\n", db, url)
	})
}
