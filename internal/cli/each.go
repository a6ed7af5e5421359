package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/sitrep-dev/sitrep/internal/ingest"
)

// encodeEach reads every document of input as ingest reads it, turns each
// into records with convert and writes them with enc. A document that
// cannot be read or converted is reported on standard error and the run goes
// on; the result then says how many could not be (what: "read", "coded").
// Failing to write the output stops the run.
func encodeEach[T any](ctx context.Context, env *Env, input string, enc *json.Encoder, what string, convert func(ingest.Doc) ([]T, error)) error {
	failed := 0
	var encErr error
	ingest.Read(ctx, input, ingest.Options{}, func(d ingest.Doc, err error) bool {
		var recs []T
		if err == nil {
			recs, err = convert(d)
		}
		if err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "error: %v\n", err)
			return true
		}
		for _, r := range recs {
			if encErr = enc.Encode(r); encErr != nil {
				return false
			}
		}
		return true
	})
	if encErr != nil {
		return encErr
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d document(s) could not be %s", ErrPartial, failed, what)
	}
	return nil
}
