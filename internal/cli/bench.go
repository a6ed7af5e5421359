package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/sitrep-dev/sitrep/data"
	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/store"
	"github.com/sitrep-dev/sitrep/internal/text"
)

func init() {
	register(&Command{
		Name:    "bench",
		Summary: "measure the pipeline's speed on the bundled sample articles",
		Usage:   "[flags]",
		Help: `Runs the bundled sample articles through every stage, on one goroutine, for
--seconds, and prints articles/s and sentences/s: cleaning and splitting alone,
the whole analysis (coding and geocoding included), and storing into a fresh
SQLite file. Figures are per core; the ingest command runs one worker per core.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			seconds := fs.Float64("seconds", 3, "how long to run each measurement")
			return func(ctx context.Context, env *Env, args []string) error {
				if *seconds <= 0 {
					return usageError("--seconds must be positive, got %g", *seconds)
				}
				dir, err := os.MkdirTemp("", "sitrep-bench-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				samples := filepath.Join(dir, "samples")
				if err := os.CopyFS(samples, mustSub(data.Samples, "samples")); err != nil {
					return err
				}
				var docs []ingest.Doc
				inputs, _ := ingest.Expand([]string{samples})
				for _, in := range inputs {
					ingest.Read(ctx, in, ingest.Options{}, func(d ingest.Doc, err error) bool {
						if err == nil {
							docs = append(docs, d)
						}
						return true
					})
				}
				if len(docs) == 0 {
					return fmt.Errorf("no sample documents")
				}
				p, err := newPipeline(false)
				if err != nil {
					return err
				}
				budget := time.Duration(*seconds * float64(time.Second))
				fmt.Fprintf(env.Stdout, "%d sample documents, %s, GOMAXPROCS %d, %.0fs per measurement\n",
					len(docs), runtime.Version(), runtime.GOMAXPROCS(0), *seconds)

				measure := func(name string, step func(ingest.Doc) (int, error)) error {
					var n, sents int
					start := time.Now()
					for time.Since(start) < budget && ctx.Err() == nil {
						s, err := step(docs[n%len(docs)])
						if err != nil {
							return fmt.Errorf("%s: %w", name, err)
						}
						n++
						sents += s
					}
					el := time.Since(start).Seconds()
					fmt.Fprintf(env.Stdout, "  %-26s %9.0f articles/s  %10.0f sentences/s\n", name, float64(n)/el, float64(sents)/el)
					return nil
				}
				if err := measure("clean + split", func(d ingest.Doc) (int, error) {
					a, err := p.Extractor.Extract(d)
					return len(text.Split(a.BodyText())), err
				}); err != nil {
					return err
				}
				if err := measure("full analysis", func(d ingest.Doc) (int, error) {
					an, err := p.Analyze(d)
					if err != nil {
						return 0, err
					}
					return len(an.Sentences), nil
				}); err != nil {
					return err
				}
				st, err := store.Open(filepath.Join(dir, "bench.db"))
				if err != nil {
					return err
				}
				defer st.Close()
				copies := 0
				return measure("analysis + store", func(d ingest.Doc) (int, error) {
					copies++
					d.URL = fmt.Sprintf("bench://%d", copies) // a new article each time, so every Put writes
					an, err := p.Analyze(d)
					if err != nil {
						return 0, err
					}
					_, err = st.Put(ctx, an)
					return len(an.Sentences), err
				})
			}
		},
	})
}
