package store

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-dev/sitrep/internal/event"
)

// Filter selects events. Zero fields do not filter.
type Filter struct {
	From, To string // event date range, YYYY-MM-DD, inclusive
	Country  string // ISO alpha-2 of the place
	Modality string
	CAMEO    string // code or prefix ("19" matches 190..196)
	PLOVER   string
	Coder    string
	// Latest keeps only events of each article's newest revision.
	Latest bool
	// FirstCopy keeps only the events of the first-stored revision of each
	// body: copies of one text at other addresses (mirrors, syndications
	// that kept the text) count once.
	FirstCopy bool
	// Order is the order of the results: insertion order (the default),
	// event date oldest first, or newest first.
	Order Order
	After int64 // the paging cursor: events after this seq in Order
	Limit int   // 0: no limit
}

// Order is an order of query results.
type Order string

const (
	ByStored   Order = ""      // insertion order: stable while events are added
	ByDate     Order = "date"  // event date, oldest first; ties in insertion order
	ByDateDesc Order = "-date" // event date, newest first; ties newest stored first
)

const orderParams = "stored, date or -date"

// orderBy is the ORDER BY clause of f's order. Events are indexed on
// (event_date, seq), so every order is an index scan.
func (f Filter) orderBy() string {
	switch f.Order {
	case ByDate:
		return " ORDER BY e.event_date, e.seq"
	case ByDateDesc:
		return " ORDER BY e.event_date DESC, e.seq DESC"
	}
	return " ORDER BY e.seq"
}

func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		conds = append(conds, cond)
		args = append(args, arg)
	}
	if f.From != "" {
		add("e.event_date >= ?", f.From)
	}
	if f.To != "" {
		add("e.event_date <= ?", f.To)
	}
	if f.Country != "" {
		add("e.country_code = ?", strings.ToUpper(f.Country))
	}
	if f.Modality != "" {
		add("e.modality = ?", f.Modality)
	}
	if f.CAMEO != "" {
		add("e.cameo LIKE ? ESCAPE '\\'", likePrefix(f.CAMEO))
	}
	if f.PLOVER != "" {
		add("e.plover = ?", strings.ToUpper(f.PLOVER))
	}
	if f.Coder != "" {
		add("e.coder = ?", f.Coder)
	}
	if f.After > 0 {
		// The cursor is the seq of the last event of the previous page; a
		// date order continues from that event's (date, seq).
		switch f.Order {
		case ByDate:
			conds = append(conds, "(e.event_date, e.seq) > ((SELECT event_date FROM events WHERE seq = ?), ?)")
			args = append(args, f.After, f.After)
		case ByDateDesc:
			conds = append(conds, "(e.event_date, e.seq) < ((SELECT event_date FROM events WHERE seq = ?), ?)")
			args = append(args, f.After, f.After)
		default:
			add("e.seq > ?", f.After)
		}
	}
	if f.FirstCopy {
		conds = append(conds, `e.revision_id = (SELECT r2.id FROM revisions r2 WHERE r2.body_hash =
			(SELECT r3.body_hash FROM revisions r3 WHERE r3.id = e.revision_id) ORDER BY r2.rowid LIMIT 1)`)
	}
	if f.Latest {
		conds = append(conds, `e.revision_id = (SELECT r.id FROM revisions r WHERE r.article_id = e.article_id ORDER BY r.seq DESC LIMIT 1)`)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

// Source is the article an event was read in, as exports cite it.
type Source struct {
	ArticleID      string          `json:"article_id"`
	RevisionID     string          `json:"revision_id"`
	URL            string          `json:"url,omitempty"`
	Title          string          `json:"title"`
	Publisher      string          `json:"publisher,omitempty"`
	Published      string          `json:"published,omitempty"`
	OriginalSource json.RawMessage `json:"original_source,omitempty"`
	Input          string          `json:"input"`
}

// Row is one stored event with its paging cursor and its source.
type Row struct {
	Seq    int64
	Event  event.Event
	Source Source
}

// EachEvent calls fn for every event matching q, in q's order.
func (s *Store) EachEvent(ctx context.Context, q Query, fn func(Row) error) error {
	f := q.Filter
	where, args := q.where()
	sqlq := `SELECT e.seq, e.record, r.article_id, r.id, coalesce(a.url, ''), r.title, coalesce(r.publisher, ''),
		coalesce(r.published, ''), coalesce(r.original_source, ''), r.input_name
		FROM events e JOIN revisions r ON r.id = e.revision_id JOIN articles a ON a.id = r.article_id` + where + f.orderBy()
	if f.Limit > 0 {
		sqlq += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, sqlq, args...)
	if err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var row Row
		var rec, origin string
		src := &row.Source
		if err := rows.Scan(&row.Seq, &rec, &src.ArticleID, &src.RevisionID, &src.URL, &src.Title, &src.Publisher,
			&src.Published, &origin, &src.Input); err != nil {
			return err
		}
		if origin != "" {
			src.OriginalSource = json.RawMessage(origin)
		}
		if err := json.Unmarshal([]byte(rec), &row.Event); err != nil {
			return fmt.Errorf("event row %d: %w", row.Seq, err)
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Counts is a summary of what the store holds.
type Counts struct {
	Articles  int `json:"articles"`
	Revisions int `json:"revisions"`
	Sentences int `json:"sentences"`
	Events    int `json:"events"`
}

// Count summarises the store.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM revisions),
		(SELECT count(*) FROM sentences), (SELECT count(*) FROM events)`).Scan(&c.Articles, &c.Revisions, &c.Sentences, &c.Events)
	return c, err
}

// ParseQuery reads event filters from URL-style parameters (the API's
// query string, the export command's flags): from, to, bbox, country,
// modality, latest, actor, type, source, q. A malformed value is an error
// that says what is wanted.
func ParseQuery(v url.Values) (Query, error) {
	var q Query
	var err error
	if q.From, err = parseDate(v, "from"); err != nil {
		return q, err
	}
	if q.To, err = parseDate(v, "to"); err != nil {
		return q, err
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return q, queryError("from %s is after to %s", q.From, q.To)
	}
	if s := v.Get("bbox"); s != "" {
		parts := strings.Split(s, ",")
		if len(parts) != 4 {
			return q, queryError("bbox must be minLon,minLat,maxLon,maxLat, got %q", s)
		}
		var f [4]float64
		for i, p := range parts {
			if f[i], err = strconv.ParseFloat(strings.TrimSpace(p), 64); err != nil {
				return q, queryError("bbox: %q is not a number", p)
			}
		}
		b := BBox{MinLon: f[0], MinLat: f[1], MaxLon: f[2], MaxLat: f[3]}
		switch {
		case b.MinLon < -180 || b.MaxLon > 180 || b.MinLon > 180 || b.MaxLon < -180:
			return q, queryError("bbox: longitudes must be within -180..180")
		case b.MinLat < -90 || b.MaxLat > 90:
			return q, queryError("bbox: latitudes must be within -90..90")
		case b.MinLat > b.MaxLat:
			return q, queryError("bbox: minLat %g is above maxLat %g", b.MinLat, b.MaxLat)
		}
		q.BBox = &b
	}
	if c := v.Get("country"); c != "" {
		if len(c) != 2 || !isLetters(c) {
			return q, queryError("country is the place's ISO 3166-1 alpha-2 code such as SY, got %q (an actor's alpha-3 country is matched by actor, e.g. SYR)", c)
		}
		q.Country = strings.ToUpper(c)
	}
	if m := v.Get("modality"); m != "" {
		if !slices.Contains(queryModalities, m) {
			return q, queryError("modality must be one of %s, got %q", strings.Join(queryModalities, ", "), m)
		}
		q.Modality = m
	}
	if s := v.Get("latest"); s != "" {
		if q.Latest, err = strconv.ParseBool(s); err != nil {
			return q, queryError("latest must be true or false, got %q", s)
		}
	}
	if s := v.Get("first_copy"); s != "" {
		if q.FirstCopy, err = strconv.ParseBool(s); err != nil {
			return q, queryError("first_copy must be true or false, got %q", s)
		}
	}
	switch o := v.Get("sort"); o {
	case "", "stored":
	case string(ByDate), string(ByDateDesc):
		q.Order = Order(o)
	default:
		return q, queryError("sort must be %s, got %q", orderParams, o)
	}
	q.Actor, q.Type, q.Publisher = v.Get("actor"), v.Get("type"), v.Get("source")
	for name, s := range map[string]string{"actor": q.Actor, "type": q.Type, "source": q.Publisher, "q": v.Get("q")} {
		if len(s) > 200 {
			return q, queryError("%s is longer than 200 bytes", name)
		}
	}
	if s := v.Get("q"); s != "" {
		if MatchExpr(s) == "" {
			return q, queryError("q has no word to search for: %q", s)
		}
		q.Text = s
	}
	return q, nil
}

var queryModalities = []string{string(event.Asserted), string(event.Reported), string(event.Statement),
	string(event.Hypothetical), string(event.Negated)}

// QueryError is a malformed filter value.
type QueryError struct{ msg string }

func (e *QueryError) Error() string { return e.msg }

func queryError(format string, a ...any) error { return &QueryError{fmt.Sprintf(format, a...)} }

func parseDate(v url.Values, name string) (string, error) {
	s := v.Get(name)
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", queryError("%s must be a date YYYY-MM-DD, got %q", name, s)
	}
	return s, nil
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}
