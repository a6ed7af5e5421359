package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/sitrep-dev/sitrep/internal/syntax"
	"github.com/sitrep-dev/sitrep/internal/text"
)

func init() {
	register(&Command{
		Name:    "parse",
		Summary: "print the syntax of raw text as CoNLL-U",
		Usage:   "[--model FILE] FILE|-",
		Help: `Splits the text into sentences as the pipeline does, then tokenizes each the
way UD English-EWT does, tags it (UPOS, XPOS), lemmatizes it and parses it into
labelled dependencies. Prints one CoNLL-U block per sentence with its sent_id
(the sentence number) and text; MISC holds SpaceAfter=No where words touch.
Sentences of more than 10,000 words are printed as a comment only.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			model := fs.String("model", "", "model `file` to use instead of the embedded one")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) != 1 {
					return usageError("give exactly one FILE, or - for standard input")
				}
				raw, err := readInput(env, args[0])
				if err != nil {
					return err
				}
				p, err := syntaxModel(*model)
				if err != nil {
					return err
				}
				w := bufio.NewWriter(env.Stdout)
				for _, s := range text.Split(string(raw)) {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					toks := p.Parse(s.Text)
					if toks == nil {
						fmt.Fprintf(w, "# sent_id = %d\n# not parsed: no words, or more than %d\n\n", s.Index+1, syntax.MaxWords)
						continue
					}
					if err := syntax.WriteCoNLLU(w, syntax.Sentence{ID: strconv.Itoa(s.Index + 1), Text: s.Text, Words: toks}); err != nil {
						return err
					}
				}
				return w.Flush()
			}
		},
	})
	registerSub("eval", "score sitrep's stages on gold data", &Command{
		Name:    "syntax",
		Summary: "score the tagger and parser on a gold CoNLL-U file",
		Usage:   "--gold FILE.conllu [--json] [--model FILE]",
		Help: `Analyses every sentence of the gold file from its gold words (gold
tokenization) and prints the accuracy of UPOS, XPOS, morphological features,
lemmas, unlabelled and labelled attachment (UAS, LAS; LAS compares relations
with their subtype, las_universal without, as CoNLL 2018 did), the per-relation
LAS (recall), precision and F1 for the relations the event coder uses, and the
speed in sentences per second on one goroutine. With --json the last line is
one JSON object with those figures (keys upos, xpos, ufeats, lemma, uas, las,
las_universal, sentences_per_second, relations).`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			gold := fs.String("gold", "", "gold CoNLL-U `file`, e.g. en_ewt-ud-test.conllu")
			asJSON := fs.Bool("json", false, "print the figures as one JSON object on the last line")
			model := fs.String("model", "", "model `file` to use instead of the embedded one")
			all := fs.Bool("all-relations", false, "list every relation, not only the coder's")
			return func(ctx context.Context, env *Env, args []string) error {
				if *gold == "" || len(args) != 0 {
					return usageError("give --gold FILE.conllu and no arguments")
				}
				sents, err := readCoNLLUFile(*gold)
				if err != nil {
					return err
				}
				p, err := syntaxModel(*model)
				if err != nil {
					return err
				}
				sc := syntax.Evaluate(p, sents)
				printSyntaxScores(env.Stdout, sc, *all)
				if *asJSON {
					enc := json.NewEncoder(env.Stdout)
					return enc.Encode(sc)
				}
				return nil
			}
		},
	})
	registerSub("train", "train sitrep's models from gold data", &Command{
		Name:    "syntax",
		Summary: "train the tagger, lemmatizer and parser on UD CoNLL-U files",
		Usage:   "--train FILE.conllu [--dev FILE.conllu] --out MODEL.gz [flags]",
		Help: `Learns the joint UPOS+XPOS tagger (averaged perceptron), the lemma and
feature tables and the arc-eager dependency parser (averaged perceptron with a
dynamic oracle, trained on jackknifed predicted tags) from the training file,
reports progress and dev scores on standard error, and writes the model. The
run is deterministic: the same files and flags give the same model. The shipped
model is made by 'go generate ./data/syntax' from UD English-EWT.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
			train := fs.String("train", "", "training CoNLL-U `file`")
			dev := fs.String("dev", "", "development CoNLL-U `file`, scored after each parser epoch")
			out := fs.String("out", "", "model `file` to write (gzip)")
			var opt syntax.TrainOptions
			fs.IntVar(&opt.TaggerEpochs, "tagger-epochs", 10, "passes over the training data for the tagger")
			fs.IntVar(&opt.ParserEpochs, "parser-epochs", 15, "passes over the training data for the parser")
			fs.IntVar(&opt.Folds, "folds", 5, "jackknife folds for the parser's training tags (1: train on gold tags)")
			seed := fs.Uint64("seed", 1, "seed for shuffling and oracle exploration")
			limit := fs.Int("limit", 0, "train on the first `N` sentences only (0: all)")
			return func(ctx context.Context, env *Env, args []string) error {
				if *train == "" || *out == "" || len(args) != 0 {
					return usageError("give --train FILE and --out FILE")
				}
				sents, err := readCoNLLUFile(*train)
				if err != nil {
					return err
				}
				if *limit > 0 && *limit < len(sents) {
					sents = sents[:*limit]
				}
				if *dev != "" {
					if opt.Dev, err = readCoNLLUFile(*dev); err != nil {
						return err
					}
				}
				opt.Seed = *seed
				opt.Log = env.Stderr
				p, err := syntax.Train(sents, opt)
				if err != nil {
					return err
				}
				tmp, err := os.CreateTemp(filepath.Dir(*out), ".syntax-model-*")
				if err != nil {
					return err
				}
				defer os.Remove(tmp.Name())
				if err := p.Save(tmp); err != nil {
					tmp.Close()
					return fmt.Errorf("writing %s: %w", *out, err)
				}
				if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it private
					tmp.Close()
					return err
				}
				if err := tmp.Close(); err != nil {
					return err
				}
				if err := os.Rename(tmp.Name(), *out); err != nil {
					return err
				}
				if fi, err := os.Stat(*out); err == nil {
					fmt.Fprintf(env.Stderr, "wrote %s (%.1f MB)\n", *out, float64(fi.Size())/1e6)
				}
				return nil
			}
		},
	})
}

// coderRelations are the relations the event coder reads most.
var coderRelations = []string{"nsubj", "obj", "obl", "nsubj:pass", "obl:agent", "conj", "iobj", "obl:tmod", "nmod", "compound", "appos", "flat"}

func printSyntaxScores(w io.Writer, sc syntax.Scores, all bool) {
	fmt.Fprintf(w, "sentences %d, words %d (gold tokenization)\n", sc.Sentences, sc.Words)
	fmt.Fprintf(w, "UPOS %.2f  XPOS %.2f  UFeats %.2f  Lemma %.2f\n", sc.UPOS, sc.XPOS, sc.UFeats, sc.Lemma)
	fmt.Fprintf(w, "UAS %.2f  LAS %.2f  (LAS without subtypes %.2f)\n", sc.UAS, sc.LAS, sc.LASUniversal)
	fmt.Fprintf(w, "speed %.0f sentences/s (one goroutine)\n", sc.SentencesPerSecond)
	names := coderRelations
	if all {
		names = sc.RelationNames()
	}
	fmt.Fprintf(w, "%-14s %7s %7s %7s %7s\n", "relation", "gold", "LAS", "prec", "F1")
	for _, l := range names {
		r, ok := sc.Relations[l]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "%-14s %7d %7.2f %7.2f %7.2f\n", l, r.Gold, r.LAS, r.Precision, r.F1)
	}
}

func readCoNLLUFile(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := syntax.ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func readInput(env *Env, path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(env.Stdin)
	}
	return os.ReadFile(path)
}

func syntaxModel(path string) (*syntax.Parser, error) {
	if path != "" {
		return syntax.LoadFile(path)
	}
	return syntax.Default()
}
