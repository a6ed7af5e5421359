package server

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/store"
)

const (
	defaultLimit = 100
	maxLimit     = 1000
)

// Parameters each endpoint accepts. Anything else is a 400: a misspelt
// filter that were silently ignored would return everything and look right.
var (
	filterParams = []string{"from", "to", "bbox", "country", "actor", "type", "modality", "source", "q", "latest", "first_copy"}
	eventsParams = append(slices.Clone(filterParams), "sort", "limit", "after", "format")
	formats      = []string{"json", "csv", "geojson"}
	modalities   = []string{string(event.Asserted), string(event.Reported), string(event.Statement),
		string(event.Hypothetical), string(event.Negated)}
)

// badRequest is a client error whose message is shown as is.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func bad(format string, a ...any) error { return &badRequest{fmt.Sprintf(format, a...)} }

func checkParams(v url.Values, allowed []string) error {
	for k, vals := range v {
		if !slices.Contains(allowed, k) {
			if len(allowed) == 0 {
				return bad("unknown parameter %q: this endpoint takes none", k)
			}
			return bad("unknown parameter %q (accepted: %s)", k, strings.Join(allowed, ", "))
		}
		if len(vals) > 1 {
			return bad("parameter %q given %d times", k, len(vals))
		}
	}
	return nil
}

// parseQuery reads the filter parameters shared by /api/events and
// /api/stats; a bad value is a 400.
func parseQuery(v url.Values) (store.Query, error) {
	q, err := store.ParseQuery(v)
	if err != nil {
		return q, &badRequest{err.Error()}
	}
	return q, nil
}

func parsePage(v url.Values, q *store.Query) error {
	q.Limit = defaultLimit
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return bad("limit must be an integer from 1 to %d, got %q", maxLimit, s)
		}
		q.Limit = n
	}
	if s := v.Get("after"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return bad("after must be the non-negative cursor a previous page returned as next, got %q", s)
		}
		q.After = n
	}
	return nil
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}
