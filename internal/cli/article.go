package cli

import (
	"context"
	"encoding/json"
	"flag"

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
				return encodeEach(ctx, env, args[0], enc, "read", func(d ingest.Doc) ([]article.Article, error) {
					a, err := (article.Extractor{}).Extract(d)
					if err != nil {
						return nil, err
					}
					return []article.Article{a}, nil
				})
			}
		},
	})
}
