package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/coder"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/geo"
	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/syntax"
	"github.com/sitrep-dev/sitrep/internal/text"
)

func init() {
	register(&Command{
		Name:    "code",
		Summary: "print the events of an article as JSON lines",
		Usage:   "[flags] FILE|URL",
		Help: `Runs an input through the whole analysis — cleaning, sentences, event coding,
places, dates — without storing it, and prints one event record per line in the
export's JSON shape: source, target, action (CAMEO, PLOVER, ACLED-style types),
attribution (asserted, reported by whom, statement; hypothetical and negated
only with --all), location, date, spans into the body and a confidence.
A feed, WARC or JSONL input codes every article in it.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			all := fs.Bool("all", false, "also print hypothetical and negated events (labelled)")
			date := fs.String("date", "", "publication `date` YYYY-MM-DD for documents that give none (default: none)")
			dicts := fs.String("dicts", "phoenix", "dictionary `set`: phoenix or petrarch-validate")
			noSyntax := fs.Bool("no-syntax", false, "find roles by the shallow rules alone, without the dependency parser")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) != 1 {
					return usageError("give exactly one FILE or URL")
				}
				var fallback time.Time
				if *date != "" {
					var err error
					if fallback, err = time.Parse("2006-01-02", *date); err != nil {
						return usageError("bad --date %q: want YYYY-MM-DD", *date)
					}
				}
				p, err := newPipeline(*all)
				if err != nil {
					return err
				}
				if p.Coder, err = coderFor(*dicts, *noSyntax); err != nil {
					return err
				}
				p.DefaultDate = fallback
				enc := json.NewEncoder(env.Stdout)
				enc.SetEscapeHTML(false)
				return encodeEach(ctx, env, args[0], enc, "coded", func(d ingest.Doc) ([]event.Event, error) {
					an, err := p.Analyze(d)
					if err != nil {
						return nil, err
					}
					an.AssignIDs()
					return an.Events, nil
				})
			}
		},
	})
	registerSub("eval", "score sitrep's stages on gold data", &Command{
		Name:    "events",
		Summary: "score the event coder on a gold JSONL set",
		Usage:   "--gold FILE.jsonl [--json] [--dicts petrarch-validate]",
		Help: `Runs the coder on each record's text and date and scores precision, recall
and F1 on exact (source, target, CAMEO code) triples, on CAMEO-root triples and
on the code alone; for PLOVER gold (event types with country codes) on
(source country, event type). Records with "noevents" expect none. The
records that do not pass are counted by cause (nothing coded, an event where
gold has none, wrong source, target or code, extra or missed events); --misses
lists them, one per line: id, cause, gold, coded, text. With --json the last
line printed is one JSON object of these figures (miss_causes included).`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			gold := fs.String("gold", "", "gold JSONL file")
			asJSON := fs.Bool("json", false, "print the figures as one JSON object on the last line")
			dicts := fs.String("dicts", "phoenix", "dictionary set: phoenix or petrarch-validate")
			emitted := fs.Bool("emitted", false, "count only events emitted by default (drop hypothetical ones too)")
			misses := fs.Bool("misses", false, "list the records that did not pass")
			dyad := fs.Bool("require-dyad", false, "count only events with a coded source and target, as PETRARCH does by default")
			noSyntax := fs.Bool("no-syntax", false, "find roles by the shallow rules alone, without the dependency parser")
			noGeo := fs.Bool("no-geo", false, "code without placing events, so actors get no country from their place")
			return func(ctx context.Context, env *Env, args []string) error {
				if *gold == "" {
					return usageError("--gold is required")
				}
				f, err := os.Open(*gold)
				if err != nil {
					return err
				}
				defer f.Close()
				c, err := coderFor(*dicts, *noSyntax)
				if err != nil {
					return err
				}
				opt := coder.EvalOptions{Emitted: *emitted, RequireDyad: *dyad}
				if !*noGeo {
					gc, err := geo.Default()
					if err != nil {
						return fmt.Errorf("load the gazetteer: %w", err)
					}
					opt.Locate = func(body string, sentences []text.Sentence, events []event.Event) {
						gc.Locate(&article.Article{Body: []string{body}}, sentences, events)
					}
				}
				if *misses {
					opt.Miss = env.Stdout
				}
				sc, err := coder.Evaluate(c, f, opt)
				if err != nil {
					return err
				}
				fmt.Fprintf(env.Stdout, "records %d, passed %d (%.1f%%), %.2fs, modalities %s\n", sc.Records, sc.Passed, 100*float64(sc.Passed)/float64(max(sc.Records, 1)), sc.Seconds, sc.Modalities)
				row := func(name string, p coder.PRF) {
					fmt.Fprintf(env.Stdout, "%-22s P %.3f  R %.3f  F1 %.3f  (tp %d, pred %d, gold %d)\n", name, p.P, p.R, p.F1, p.TP, p.Pred, p.Gold)
				}
				if sc.PLOVER != nil {
					row("source country+type", *sc.PLOVER)
				}
				if sc.Exact.Gold > 0 || sc.PLOVER == nil {
					row("exact triples", sc.Exact)
					row("root triples", sc.Root)
					row("code", sc.Code)
				}
				if len(sc.MissCauses) > 0 {
					causes := make([]string, 0, len(sc.MissCauses))
					for c := range sc.MissCauses {
						causes = append(causes, c)
					}
					sort.Slice(causes, func(i, j int) bool {
						if a, b := sc.MissCauses[causes[i]], sc.MissCauses[causes[j]]; a != b {
							return a > b
						}
						return causes[i] < causes[j]
					})
					fmt.Fprintf(env.Stdout, "records not passed, by cause:")
					for _, c := range causes {
						fmt.Fprintf(env.Stdout, " %s %d;", c, sc.MissCauses[c])
					}
					fmt.Fprintln(env.Stdout)
				}
				if sc.NotEnglish > 0 {
					fmt.Fprintf(env.Stdout, "note: %d of %d records are not in English; sitrep's coder reads English only\n", sc.NotEnglish, sc.Records)
				}
				if strings.Contains(strings.ToLower(filepath.Base(*gold)), "petrarch") && (*dicts == "phoenix" || *dicts == "") {
					fmt.Fprintln(env.Stdout, "note: the PETRARCH validation sets code fictional actors (Gondor, Arnor): score them with --dicts petrarch-validate")
				}
				if *asJSON {
					b, _ := json.Marshal(sc)
					fmt.Fprintln(env.Stdout, string(b))
				}
				return nil
			}
		},
	})
}

// coderFor builds the coder for a dictionary set name, reading roles from
// the dependency parser unless noSyntax (the shallow rules alone, for
// comparison).
func coderFor(set string, noSyntax bool) (*coder.Coder, error) {
	var base *coder.Coder
	var err error
	switch strings.ToLower(set) {
	case "", "phoenix", "default":
		base, err = coder.Default()
	case "petrarch-validate", "validate":
		base, err = coder.New("validate")
	default:
		return nil, usageError("unknown dictionary set %q (phoenix, petrarch-validate)", set)
	}
	if err != nil {
		return nil, err
	}
	c := *base // a copy: the shared default stays parser-free
	if !noSyntax {
		p, err := syntax.Default()
		if err != nil {
			return nil, fmt.Errorf("load the syntax model: %w", err)
		}
		c.SetParser(syntaxStage{p})
	}
	return &c, nil
}
