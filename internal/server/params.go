package server

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

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
	filterParams = []string{"from", "to", "bbox", "country", "actor", "type", "modality", "source", "q", "latest"}
	eventsParams = append(slices.Clone(filterParams), "limit", "after", "format")
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
			return bad("unknown parameter %q (accepted: %s)", k, strings.Join(allowed, ", "))
		}
		if len(vals) > 1 {
			return bad("parameter %q given %d times", k, len(vals))
		}
	}
	return nil
}

// parseQuery reads the filter parameters shared by /api/events and
// /api/stats.
func parseQuery(v url.Values) (store.Query, error) {
	var q store.Query
	var err error
	if q.From, err = parseDate(v, "from"); err != nil {
		return q, err
	}
	if q.To, err = parseDate(v, "to"); err != nil {
		return q, err
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return q, bad("from %s is after to %s", q.From, q.To)
	}
	if s := v.Get("bbox"); s != "" {
		parts := strings.Split(s, ",")
		if len(parts) != 4 {
			return q, bad("bbox must be minLon,minLat,maxLon,maxLat, got %q", s)
		}
		var f [4]float64
		for i, p := range parts {
			if f[i], err = strconv.ParseFloat(strings.TrimSpace(p), 64); err != nil {
				return q, bad("bbox: %q is not a number", p)
			}
		}
		b := store.BBox{MinLon: f[0], MinLat: f[1], MaxLon: f[2], MaxLat: f[3]}
		switch {
		case b.MinLon < -180 || b.MaxLon > 180 || b.MinLon > 180 || b.MaxLon < -180:
			return q, bad("bbox: longitudes must be within -180..180")
		case b.MinLat < -90 || b.MaxLat > 90:
			return q, bad("bbox: latitudes must be within -90..90")
		case b.MinLat > b.MaxLat:
			return q, bad("bbox: minLat %g is above maxLat %g", b.MinLat, b.MaxLat)
		}
		q.BBox = &b
	}
	if c := v.Get("country"); c != "" {
		if len(c) != 2 || !isLetters(c) {
			return q, bad("country must be an ISO 3166-1 alpha-2 code such as SY, got %q", c)
		}
		q.Country = strings.ToUpper(c)
	}
	if m := v.Get("modality"); m != "" {
		if !slices.Contains(modalities, m) {
			return q, bad("modality must be one of %s, got %q", strings.Join(modalities, ", "), m)
		}
		q.Modality = m
	}
	if s := v.Get("latest"); s != "" {
		if q.Latest, err = strconv.ParseBool(s); err != nil {
			return q, bad("latest must be true or false, got %q", s)
		}
	}
	q.Actor, q.Type, q.Publisher = v.Get("actor"), v.Get("type"), v.Get("source")
	for name, s := range map[string]string{"actor": q.Actor, "type": q.Type, "source": q.Publisher, "q": v.Get("q")} {
		if len(s) > 200 {
			return q, bad("%s is longer than 200 bytes", name)
		}
	}
	if s := v.Get("q"); s != "" {
		if store.MatchExpr(s) == "" {
			return q, bad("q has no word to search for: %q", s)
		}
		q.Text = s
	}
	return q, nil
}

func parseDate(v url.Values, name string) (string, error) {
	s := v.Get(name)
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", bad("%s must be a date YYYY-MM-DD, got %q", name, s)
	}
	return s, nil
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
