package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/ingest"
)

func init() {
	register(&Command{
		Name:    "article",
		Summary: "print the cleaned article(s) of an input as JSON",
		Usage:   "[flags] FILE|URL",
		Help: `Prints what sitrep makes of an input before coding: title, authors, publisher,
published, original_source {name, published} for republications, tags, the
body as paragraphs, and the boilerplate it removed, each block with its kind
(share, donation, copyright, disclaimer, fair-use, contact, navigation,
metadata). A feed, WARC or JSONL input prints one JSON object per line.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			compact := fs.Bool("compact", false, "one line per article instead of indented JSON")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) != 1 {
					return usageError("give exactly one FILE or URL")
				}
				enc := json.NewEncoder(env.Stdout)
				enc.SetEscapeHTML(false)
				if !*compact {
					enc.SetIndent("", "  ")
				}
				failed := 0
				var encErr error
				ingest.Read(ctx, args[0], ingest.Options{}, func(d ingest.Doc, err error) bool {
					if err == nil {
						var a article.Article
						if a, err = (article.Extractor{}).Extract(d); err == nil {
							encErr = enc.Encode(a)
							return encErr == nil
						}
					}
					failed++
					fmt.Fprintf(env.Stderr, "error: %v\n", err)
					return true
				})
				if encErr != nil {
					return encErr
				}
				if failed > 0 {
					return fmt.Errorf("%w: %d document(s) could not be read", ErrPartial, failed)
				}
				return nil
			}
		},
	})
}
