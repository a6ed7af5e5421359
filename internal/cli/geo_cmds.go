package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/geo"
	"github.com/sitrep-dev/sitrep/internal/geo/gazbuild"
	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/text"
)

const gazetteerFlagHelp = "gazetteer file built with 'sitrep gazetteer build' (default: $" + geo.EnvGazetteer + ", else the embedded one)"

// geocoderFor loads the gazetteer a command asked for.
func geocoderFor(path string) (*geo.Geocoder, error) {
	if path == "" {
		return geo.Default()
	}
	g, err := geo.LoadFile(path)
	if err != nil {
		return nil, err
	}
	return geo.New(g), nil
}

func init() {
	registerSub("gazetteer", "build or query the offline gazetteer", &Command{
		Name:    "build",
		Summary: "build a gazetteer file from GeoNames dumps",
		Usage:   "[--out FILE] [--features LIST] FILE...",
		Help: `Reads GeoNames files in their original tab format and writes a sitrep gazetteer
(gzip-compressed TSV). Each FILE is recognised by its content:
  - a dump in the 19-column format: allCountries.txt, cities500.txt, a country
    file (SY.txt), no-country.txt; plain or gzip-compressed (.gz);
  - countryInfo.txt (country names, ISO codes, populations, neighbours);
  - admin1CodesASCII.txt and admin2Codes.txt (division names: a division no
    dump gives a point is placed at the mean of its populated places).
Give the tables with the dumps, e.g.

  sitrep gazetteer build --out world.tsv.gz allCountries.txt countryInfo.txt \
      admin1CodesASCII.txt admin2Codes.txt

then use it with --gazetteer world.tsv.gz or SITREP_GAZETTEER=world.tsv.gz.
The curated layers shipped with sitrep (regions, abbreviations, demonyms) are
added to any gazetteer at load time. Memory grows with the file: the embedded
cities500-based gazetteer (230,000 places) keeps about 90 MB; allCountries
with the default features holds tens of times more - restrict it with
--features (e.g. --features P,A.PCLI,A.ADM1,A.ADM2) if memory is short.
GeoNames data is CC BY 4.0: credit "GeoNames (geonames.org)".`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			out := fs.String("out", "gazetteer.tsv.gz", "file to write")
			features := fs.String("features", "", "comma-separated feature classes or class.codes to keep (default: populated places, countries, ADM1/ADM2, regions, terrain, water bodies)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) == 0 {
					return usageError("give at least one GeoNames file")
				}
				opt := gazbuild.BuildOptions{Note: "Built from " + strings.Join(args, ", ") + ". GeoNames (geonames.org), CC BY 4.0."}
				if *features != "" {
					opt.Features = strings.Split(*features, ",")
				}
				if err := gazbuild.BuildFile(args, *out, opt); err != nil {
					return err
				}
				g, err := geo.LoadFile(*out)
				if err != nil {
					return fmt.Errorf("gazetteer build: the written file does not load: %w", err)
				}
				fmt.Fprintf(env.Stdout, "wrote %s: %d places\n", *out, len(g.Places))
				return nil
			}
		},
	})
	registerSub("gazetteer", "build or query the offline gazetteer", &Command{
		Name:    "lookup",
		Summary: "list the places a name can stand for",
		Usage:   "[--gazetteer FILE] NAME...",
		Help: `Prints, for each NAME, the gazetteer entries it matches (by name, alternate name
or abbreviation), most likely first by population and feature class alone, as
JSON lines: GeoNames id, name, point, country, admin1, feature code.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			gaz := fs.String("gazetteer", "", gazetteerFlagHelp)
			limit := fs.Int("n", 10, "at most this many entries per name")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) == 0 {
					return usageError("give at least one NAME")
				}
				gc, err := geocoderFor(*gaz)
				if err != nil {
					return err
				}
				g := gc.Gazetteer()
				enc := json.NewEncoder(env.Stdout)
				enc.SetEscapeHTML(false)
				missing := 0
				for _, name := range args {
					places := g.Lookup(name)
					if len(places) == 0 {
						fmt.Fprintf(env.Stderr, "no place named %q in the gazetteer\n", name)
						missing++
					}
					for i, p := range places {
						if i == *limit {
							break
						}
						row := struct {
							Query string `json:"query"`
							*event.Place
							Population int64 `json:"population"`
						}{name, g.EventPlace(p), p.Pop}
						if err := enc.Encode(row); err != nil {
							return err
						}
					}
				}
				if missing > 0 {
					return fmt.Errorf("%w: %d of %d names not found", ErrPartial, missing, len(args))
				}
				return nil
			}
		},
	})
	register(&Command{
		Name:    "geocode",
		Summary: "print the toponyms of an article as JSON lines",
		Usage:   "[--gazetteer FILE] FILE|URL",
		Help: `Reads FILE as ingest does (text, HTML, a feed, WARC or JSONL: each article is
cleaned first), finds every place name of its body and prints one JSON line per
mention, with offsets into the clean body: the span (code points into the text), the
sentence, the kind (name, demonym, unknown, street), the resolved place
(GeoNames id, name, point, country, admin1, feature code) and the precision:
  exact       the named place itself (a town, a district)
  near        a place the gazetteer lacks, placed at the anchor the sentence
              gives ("the villages of X and Y north of Daraa")
  admin1      a province, or a region or valley: an area, not a point
  country     a country or a region of the world: never drawn as a pin
  unresolved  a name with no place.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			gaz := fs.String("gazetteer", "", gazetteerFlagHelp)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) != 1 {
					return usageError("give exactly one FILE")
				}
				gc, err := geocoderFor(*gaz)
				if err != nil {
					return err
				}
				enc := json.NewEncoder(env.Stdout)
				enc.SetEscapeHTML(false)
				// read and cleaned as ingest reads it, so that a page's
				// markup or a feed's dates are no place names
				return encodeEach(ctx, env, args[0], enc, "read", func(d ingest.Doc) ([]event.Toponym, error) {
					a, err := (article.Extractor{}).Extract(d)
					if err != nil {
						return nil, err
					}
					return gc.LocateAll(&a, text.Split(a.BodyText()), nil), nil
				})
			}
		},
	})
	registerSub("eval", "score sitrep's stages on gold data", &Command{
		Name:    "geo",
		Summary: "score the geocoder on a gold geoparsing JSONL set",
		Usage:   "--gold FILE.jsonl [--json] [--gold-spans] [--errors FILE]",
		Help: `Reads gold records {"id","text","toponyms":[{"start","end","name","lat","lon"}]}
(offsets in code points) and scores:
  toponym recognition  precision, recall, F1 on span overlap (one gold toponym
                       per predicted one);
  resolution           for the gold toponyms with coordinates that were
                       recognised: accuracy@161km (a prediction without a point
                       counts as a miss), mean and median error in km over those
                       located, AUC of the log error; acc161_all counts the
                       unrecognised ones as misses too (end to end).
--gold-spans resolves the gold toponyms instead of recognising them, measuring
resolution alone. With --json the last line printed is one JSON object of the
figures.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			gold := fs.String("gold", "", "gold JSONL file")
			asJSON := fs.Bool("json", false, "print the figures as one JSON object on the last line")
			goldSpans := fs.Bool("gold-spans", false, "resolve the gold toponyms (resolution only)")
			errs := fs.String("errors", "", "write the misses, extras and far resolutions to this file")
			gaz := fs.String("gazetteer", "", gazetteerFlagHelp)
			return func(ctx context.Context, env *Env, args []string) error {
				if *gold == "" {
					return usageError("--gold is required")
				}
				f, err := os.Open(*gold)
				if err != nil {
					return err
				}
				defer f.Close()
				gc, err := geocoderFor(*gaz)
				if err != nil {
					return err
				}
				opt := geo.EvalOptions{GoldSpans: *goldSpans}
				if *errs != "" {
					ef, err := os.Create(*errs)
					if err != nil {
						return err
					}
					defer ef.Close()
					opt.Errors = ef
				}
				sc, err := geo.Evaluate(gc, f, opt)
				if err != nil {
					return err
				}
				fmt.Fprintf(env.Stdout, "records %d, %.2fs (%.0f toponyms/s)\n", sc.Records, sc.Seconds, sc.ToponymsPerSec)
				fmt.Fprintf(env.Stdout, "toponyms   P %.3f  R %.3f  F1 %.3f  (matched %d, predicted %d, gold %d)\n", sc.P, sc.R, sc.F1, sc.Matched, sc.Predicted, sc.Gold)
				fmt.Fprintf(env.Stdout, "resolution acc@161km %.3f (end to end %.3f)  mean %.0f km  median %.1f km  AUC %.3f  (located %d of %d recognised, %d gold with coordinates)\n",
					sc.Acc161, sc.Acc161All, sc.MeanKm, sc.MedianKm, sc.AUC, sc.Located, sc.MatchedWithCoords, sc.GoldWithCoords)
				if *asJSON {
					b, _ := json.Marshal(sc)
					fmt.Fprintln(env.Stdout, string(b))
				}
				return nil
			}
		},
	})
}
