package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/ingest"
	"github.com/sitrep-dev/sitrep/internal/store"
)

// RunOptions tune an ingest run.
type RunOptions struct {
	Ingest ingest.Options
	// Workers analyse documents in parallel; 0 means one per CPU.
	Workers int
	// Progress, when set, receives a progress bar (a terminal).
	Progress io.Writer
	// Errors receives one line per failed input, naming it.
	Errors io.Writer
	// Recode analyses articles whose content is already stored again and
	// adds the events that run finds beside the stored ones (a newer coder,
	// or --all); without it an unchanged article is skipped after cleaning.
	Recode bool
}

// Summary counts what a run did.
type Summary struct {
	Inputs       int           `json:"inputs"`
	Documents    int           `json:"documents"`
	NewArticles  int           `json:"new_articles"`
	NewRevisions int           `json:"new_revisions"`
	Unchanged    int           `json:"unchanged"`
	Recoded      int           `json:"recoded"`
	Events       int           `json:"events"`
	Failed       int           `json:"failed"`
	Elapsed      time.Duration `json:"elapsed_ns"`
}

type work struct {
	doc       ingest.Doc
	an        *store.Analysis
	unchanged bool // stored already; not analysed again
	err       error
}

// Ingest reads every input, analyses each document and stores it. A bad
// input or document is reported to opts.Errors and counted; the others go
// on. Only a failing store stops the run, since nothing after it could be
// kept.
func (p *Pipeline) Ingest(ctx context.Context, st *store.Store, args []string, opts RunOptions) (Summary, error) {
	start := time.Now()
	var sum Summary
	report := func(err error) {
		sum.Failed++
		if opts.Errors != nil {
			fmt.Fprintf(opts.Errors, "error: %v\n", err)
		}
	}
	inputs, errs := ingest.Expand(args)
	for _, err := range errs {
		report(err)
	}
	sum.Inputs = len(inputs)

	var bar *mpb.Bar
	var progress *mpb.Progress
	if opts.Progress != nil && len(inputs) > 1 {
		progress = mpb.NewWithContext(ctx, mpb.WithOutput(opts.Progress), mpb.WithWidth(40))
		bar = progress.AddBar(int64(len(inputs)),
			mpb.PrependDecorators(decor.Name("ingest "), decor.CountersNoUnit("%d/%d inputs")),
			mpb.AppendDecorators(decor.Percentage(), decor.Name(" "), decor.EwmaETA(decor.ET_STYLE_GO, 30)),
		)
	}

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	docs := make(chan work, workers*2)
	done := make(chan work, workers*2)

	go func() {
		defer close(docs)
		for _, in := range inputs {
			ingest.Read(ctx, in, opts.Ingest, func(d ingest.Doc, err error) bool {
				select {
				case docs <- work{doc: d, err: err}:
					return true
				case <-ctx.Done():
					return false
				}
			})
			if bar != nil {
				bar.Increment()
			}
			if ctx.Err() != nil {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for w := range docs {
				if w.err == nil {
					var a article.Article
					if a, w.err = p.Extract(w.doc); w.err == nil {
						if !opts.Recode {
							w.unchanged, w.err = st.HasRevision(ctx, a)
						}
						if w.err == nil && !w.unchanged {
							w.an = p.AnalyzeArticle(a)
						}
					}
				}
				done <- w
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	var storeErr error
	for w := range done {
		if storeErr != nil {
			continue // drain so the workers can finish
		}
		if w.err != nil {
			report(w.err)
			continue
		}
		sum.Documents++
		if w.unchanged {
			sum.Unchanged++
			continue
		}
		outcome, err := st.Put(ctx, w.an)
		if err != nil {
			if ctx.Err() != nil {
				storeErr = ctx.Err()
			} else {
				storeErr = fmt.Errorf("store %s: %w", w.doc.Name, err)
			}
			cancel()
			continue
		}
		sum.Events += w.an.Stored
		switch outcome {
		case store.NewArticle:
			sum.NewArticles++
		case store.NewRevision:
			sum.NewRevisions++
		case store.Recoded:
			sum.Recoded++
		default:
			sum.Unchanged++
		}
	}
	if progress != nil {
		if storeErr != nil {
			bar.Abort(false)
		}
		progress.Wait()
	}
	sum.Elapsed = time.Since(start)
	if storeErr == nil && ctx.Err() != nil && !errors.Is(ctx.Err(), context.Canceled) {
		storeErr = ctx.Err()
	}
	return sum, storeErr
}
