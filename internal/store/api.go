package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep-dev/sitrep/internal/event"
)

// ErrNotFound reports an unknown event, article or revision id.
var ErrNotFound = errors.New("not found")

// searchText is what the full-text index holds for an event: the words a
// reader would search for, wherever in the record they sit.
func searchText(ev *event.Event) string {
	parts := []string{ev.SentenceSpan.Text, ev.Source.Text, ev.Source.Code, ev.Action.Text, ev.Action.Lemma}
	if t := ev.Target; t != nil {
		parts = append(parts, t.Text, t.Code)
	}
	if l := ev.Location; l != nil {
		parts = append(parts, l.Name)
		if l.Place != nil {
			parts = append(parts, l.Place.Name, l.Place.Admin1)
		}
	}
	parts = append(parts, ev.Attribution.Source)
	return strings.Join(parts, "\n")
}

// backfillSearch indexes events stored before the full-text index existed,
// once per database: the meta key marks that every later Put indexes its own.
func (s *Store) backfillSearch() error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("index events: %w", err)
	}
	defer tx.Rollback()
	var done int
	if err := tx.QueryRow(`SELECT count(*) FROM meta WHERE key = 'search_index'`).Scan(&done); err != nil {
		return fmt.Errorf("index events: %w", err)
	}
	if done > 0 {
		return nil
	}
	rows, err := tx.Query(`SELECT seq, record FROM events ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("index events: %w", err)
	}
	type item struct {
		seq   int64
		words string
	}
	var items []item
	for rows.Next() {
		var seq int64
		var rec string
		if err := rows.Scan(&seq, &rec); err != nil {
			rows.Close()
			return fmt.Errorf("index events: %w", err)
		}
		var ev event.Event
		if err := json.Unmarshal([]byte(rec), &ev); err != nil {
			rows.Close()
			return fmt.Errorf("index event %d: %w", seq, err)
		}
		items = append(items, item{seq, searchText(&ev)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("index events: %w", err)
	}
	for _, it := range items {
		if _, err := tx.Exec(`INSERT INTO events_fts(rowid, words) VALUES (?, ?)`, it.seq, it.words); err != nil {
			return fmt.Errorf("index event %d: %w", it.seq, err)
		}
	}
	if _, err := tx.Exec(`INSERT INTO meta(key, value) VALUES ('search_index', '1')`); err != nil {
		return fmt.Errorf("index events: %w", err)
	}
	return tx.Commit()
}

// BBox is a lon/lat rectangle. MinLon > MaxLon means it crosses the
// antimeridian.
type BBox struct{ MinLon, MinLat, MaxLon, MaxLat float64 }

// Query is what the API filters events on: the export Filter and more.
// Zero fields do not filter.
type Query struct {
	Filter
	BBox *BBox
	// Actor matches an actor code prefix or a substring of an actor as
	// written, on either side.
	Actor string
	// Type matches a CAMEO code prefix (digits), a PLOVER event type or an
	// ACLED event or sub-event type.
	Type string
	// Publisher is a substring of the outlet or of the original source of
	// a republished article.
	Publisher string
	// Text is a full-text query in plain words; a trailing * makes a prefix.
	Text string
}

func (q Query) where() (string, []any) {
	w, args := q.Filter.where()
	var conds []string
	if w != "" {
		conds = append(conds, strings.TrimPrefix(w, " WHERE "))
	}
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if b := q.BBox; b != nil {
		if b.MinLon <= b.MaxLon {
			add("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
		} else {
			add("e.lat BETWEEN ? AND ? AND (e.lon >= ? OR e.lon <= ?)", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
		}
	}
	if a := strings.TrimSpace(q.Actor); a != "" {
		code := likePrefix(strings.ToUpper(a))
		add(`(e.source_code LIKE ? ESCAPE '\' OR e.target_code LIKE ? ESCAPE '\'
			OR instr(lower(json_extract(e.record, '$.source.text')), lower(?)) > 0
			OR instr(lower(coalesce(json_extract(e.record, '$.target.text'), '')), lower(?)) > 0)`, code, code, a, a)
	}
	if t := strings.TrimSpace(q.Type); t != "" {
		if isDigits(t) {
			add(`e.cameo LIKE ? ESCAPE '\'`, likePrefix(t))
		} else {
			add("(e.plover = ? OR e.acled_type = ? COLLATE NOCASE OR e.acled_subtype = ? COLLATE NOCASE)", strings.ToUpper(t), t, t)
		}
	}
	if p := strings.TrimSpace(q.Publisher); p != "" {
		add(`(instr(lower(coalesce(r.publisher, '')), lower(?)) > 0
			OR instr(lower(coalesce(json_extract(r.original_source, '$.name'), '')), lower(?)) > 0)`, p, p)
	}
	if m := MatchExpr(q.Text); m != "" {
		add("e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", m)
	}
	if len(conds) == 0 {
		return "", args
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// MatchExpr turns words a user typed into an FTS5 query that cannot be a
// syntax error: every word a quoted phrase, all of them required, a
// trailing * kept as a prefix search. It returns "" when no word is left.
func MatchExpr(text string) string {
	var terms []string
	for _, w := range strings.Fields(text) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Map(func(r rune) rune {
			if r == '"' || r == '*' {
				return -1
			}
			return r
		}, w)
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		t := `"` + w + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	return strings.Join(terms, " ")
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// RawRow is a stored event whose record is left as the JSON it was stored
// as, so that serving it costs no decode and re-encode. Its Source is looked
// up apart (RevisionSource): revisions never change, so a caller can cache
// it, and a page of events reads three columns instead of ten.
type RawRow struct {
	Seq        int64
	RevisionID string
	Record     json.RawMessage
}

// QueryEvents calls fn for every event matching q, in q's order.
// Record is only valid during the call.
func (s *Store) QueryEvents(ctx context.Context, q Query, fn func(RawRow) error) error {
	where, args := q.where()
	query := `SELECT e.seq, e.revision_id, e.record FROM events e`
	if q.Publisher != "" {
		query += ` JOIN revisions r ON r.id = e.revision_id`
	}
	query += where + q.orderBy()
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	var rec sql.RawBytes // reused: the driver's string is copied into it
	for rows.Next() {
		var row RawRow
		if err := rows.Scan(&row.Seq, &row.RevisionID, &rec); err != nil {
			return fmt.Errorf("query events: %w", err)
		}
		row.Record = json.RawMessage(rec)
		if err := fn(row); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	return nil
}

// RevisionSource returns the article citation of a revision, as
// exports give it with each event.
func (s *Store) RevisionSource(ctx context.Context, revisionID string) (Source, error) {
	var src Source
	var origin string
	err := s.db.QueryRowContext(ctx, `SELECT r.article_id, r.id, coalesce(a.url, ''), r.title, coalesce(r.publisher, ''),
		coalesce(r.published, ''), coalesce(r.original_source, ''), r.input_name
		FROM revisions r JOIN articles a ON a.id = r.article_id WHERE r.id = ?`, revisionID).
		Scan(&src.ArticleID, &src.RevisionID, &src.URL, &src.Title, &src.Publisher, &src.Published, &origin, &src.Input)
	if errors.Is(err, sql.ErrNoRows) {
		return src, fmt.Errorf("revision %s: %w", revisionID, ErrNotFound)
	}
	if err != nil {
		return src, fmt.Errorf("revision %s: %w", revisionID, err)
	}
	if origin != "" {
		src.OriginalSource = json.RawMessage(origin)
	}
	return src, nil
}

// Decode parses the stored record into the Row the exporters take.
func (r RawRow) Decode(src Source) (Row, error) {
	row := Row{Seq: r.Seq, Source: src}
	if err := json.Unmarshal(r.Record, &row.Event); err != nil {
		return row, fmt.Errorf("event row %d: %w", r.Seq, err)
	}
	return row, nil
}

// SentenceRow is one stored sentence of a revision.
type SentenceRow struct {
	Index     int    `json:"index"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"` // code points into the body
	End       int    `json:"end"`
	Text      string `json:"text"`
}

// EventByID returns one event and the sentence it was read in (nil when the
// revision has no sentence row for it).
func (s *Store) EventByID(ctx context.Context, id string) (RawRow, *SentenceRow, error) {
	var row RawRow
	var rec []byte
	err := s.db.QueryRowContext(ctx, `SELECT seq, revision_id, record FROM events WHERE id = ?`, id).Scan(&row.Seq, &row.RevisionID, &rec)
	if errors.Is(err, sql.ErrNoRows) {
		return row, nil, fmt.Errorf("event %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return row, nil, fmt.Errorf("event %s: %w", id, err)
	}
	row.Record = rec
	var st SentenceRow
	err = s.db.QueryRowContext(ctx, `SELECT s.idx, s.paragraph, s.char_start, s.char_end, s.text FROM sentences s
		JOIN events e ON e.revision_id = s.revision_id AND e.sentence_idx = s.idx WHERE e.id = ?`, id).
		Scan(&st.Index, &st.Paragraph, &st.Start, &st.End, &st.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return row, nil, nil
	}
	if err != nil {
		return row, nil, fmt.Errorf("event %s sentence: %w", id, err)
	}
	return row, &st, nil
}

// RevisionSummary lists one version of an article.
type RevisionSummary struct {
	ID         string `json:"id"`
	Seq        int    `json:"seq"`
	IngestedAt string `json:"ingested_at"`
	Title      string `json:"title"`
	Events     int    `json:"events"`
}

// ArticleView is an article as the API shows it: one revision in full
// (the newest unless another was asked for), the list of all revisions,
// and the events coded from the shown one.
type ArticleView struct {
	ID             string            `json:"id"`
	URL            string            `json:"url,omitempty"`
	FirstSeen      string            `json:"first_seen"`
	RevisionID     string            `json:"revision_id"`
	RevisionSeq    int               `json:"revision_seq"`
	IngestedAt     string            `json:"ingested_at"`
	Input          map[string]string `json:"input"`
	Title          string            `json:"title"`
	Publisher      string            `json:"publisher,omitempty"`
	Published      string            `json:"published,omitempty"`
	Authors        json.RawMessage   `json:"authors"`
	OriginalSource json.RawMessage   `json:"original_source,omitempty"`
	Tags           json.RawMessage   `json:"tags"`
	Language       string            `json:"language,omitempty"`
	Body           string            `json:"body"`
	Boilerplate    json.RawMessage   `json:"boilerplate"`
	Pipeline       string            `json:"pipeline"`
	Revisions      []RevisionSummary `json:"revisions"`
	Events         []json.RawMessage `json:"events"`
	Toponyms       []event.Toponym   `json:"toponyms"` // every place name of the shown revision's body
}

// Article returns the article with this id (or the article of the revision
// with this id). revision, when set, picks the revision to show.
func (s *Store) Article(ctx context.Context, id, revision string) (*ArticleView, error) {
	var v ArticleView
	var url sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT a.id, a.url, a.first_seen FROM articles a
		WHERE a.id = ? OR a.id = (SELECT article_id FROM revisions WHERE id = ?)`, id, id).Scan(&v.ID, &url, &v.FirstSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	v.URL = url.String
	if revision == "" && id != v.ID {
		revision = id // the id given was a revision's
	}
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.seq, r.ingested_at, r.title,
		(SELECT count(*) FROM events e WHERE e.revision_id = r.id) FROM revisions r WHERE r.article_id = ? ORDER BY r.seq`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("article %s revisions: %w", id, err)
	}
	for rows.Next() {
		var r RevisionSummary
		if err := rows.Scan(&r.ID, &r.Seq, &r.IngestedAt, &r.Title, &r.Events); err != nil {
			rows.Close()
			return nil, fmt.Errorf("article %s revisions: %w", id, err)
		}
		v.Revisions = append(v.Revisions, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %s revisions: %w", id, err)
	}
	if len(v.Revisions) == 0 {
		return nil, fmt.Errorf("article %s has no revision: %w", id, ErrNotFound)
	}
	if revision == "" {
		revision = v.Revisions[len(v.Revisions)-1].ID
	}
	var publisher, published, origin, language sql.NullString
	var inName, inFormat string
	err = s.db.QueryRowContext(ctx, `SELECT id, seq, ingested_at, input_name, input_format, title, publisher, published,
		authors, original_source, tags, language, body, boilerplate, pipeline FROM revisions WHERE id = ? AND article_id = ?`,
		revision, v.ID).Scan(&v.RevisionID, &v.RevisionSeq, &v.IngestedAt, &inName, &inFormat, &v.Title, &publisher, &published,
		(*rawJSON)(&v.Authors), &origin, (*rawJSON)(&v.Tags), &language, &v.Body, (*rawJSON)(&v.Boilerplate), &v.Pipeline)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("revision %s of article %s: %w", revision, v.ID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	v.Publisher, v.Published, v.Language = publisher.String, published.String, language.String
	if origin.Valid && origin.String != "" {
		v.OriginalSource = json.RawMessage(origin.String)
	}
	v.Input = map[string]string{"name": inName, "format": inFormat}
	evRows, err := s.db.QueryContext(ctx, `SELECT record FROM events WHERE revision_id = ? ORDER BY seq`, v.RevisionID)
	if err != nil {
		return nil, fmt.Errorf("article %s events: %w", id, err)
	}
	defer evRows.Close()
	v.Events = []json.RawMessage{}
	for evRows.Next() {
		var rec []byte
		if err := evRows.Scan(&rec); err != nil {
			return nil, fmt.Errorf("article %s events: %w", id, err)
		}
		v.Events = append(v.Events, rec)
	}
	if err := evRows.Err(); err != nil {
		return nil, fmt.Errorf("article %s events: %w", id, err)
	}
	if v.Toponyms, err = s.Toponyms(ctx, v.RevisionID); err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return &v, nil
}

// Toponyms returns the place names of a revision's body, in text order.
func (s *Store) Toponyms(ctx context.Context, revisionID string) ([]event.Toponym, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT char_start, char_end, sentence_idx, text, kind, precision, geonameid, name,
		country_code, admin1, feature_code, lat, lon, anchor, score FROM toponyms WHERE revision_id = ? ORDER BY char_start`, revisionID)
	if err != nil {
		return nil, fmt.Errorf("toponyms: %w", err)
	}
	defer rows.Close()
	out := []event.Toponym{}
	for rows.Next() {
		var t event.Toponym
		var id sql.NullInt64
		var name, cc, adm, fc, anchor sql.NullString
		var lat, lon, score sql.NullFloat64
		if err := rows.Scan(&t.Span.Start, &t.Span.End, &t.Sentence, &t.Span.Text, &t.Kind, &t.Precision, &id, &name, &cc, &adm, &fc,
			&lat, &lon, &anchor, &score); err != nil {
			return nil, fmt.Errorf("toponyms: %w", err)
		}
		if name.Valid {
			t.Place = &event.Place{GeoNameID: id.Int64, Name: name.String, Lat: lat.Float64, Lon: lon.Float64,
				CountryCode: cc.String, Admin1: adm.String, FeatureCode: fc.String}
		}
		t.Anchor, t.Score = anchor.String, float32(score.Float64)
		out = append(out, t)
	}
	return out, rows.Err()
}

// rawJSON scans a TEXT column holding JSON without decoding it.
type rawJSON json.RawMessage

func (r *rawJSON) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*r = rawJSON(v)
	case []byte:
		*r = append(rawJSON(nil), v...)
	case nil:
		*r = rawJSON("null")
	default:
		return fmt.Errorf("scan %T as JSON", src)
	}
	return nil
}

// Count is one bucket of a Stats breakdown.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Stats summarises the events matching a query.
type Stats struct {
	Total      int     `json:"total"`
	Mapped     int     `json:"mapped"` // with coordinates, i.e. placed at or near a town
	ByDay      []Count `json:"by_day"` // in date order
	ByType     []Count `json:"by_type"`
	ByCountry  []Count `json:"by_country"`
	ByModality []Count `json:"by_modality"`
}

// TypeKey is the one label an event is counted and coloured under: its
// ACLED type when it has one, else its PLOVER type, else its CAMEO root.
const typeKey = `coalesce(e.acled_type, e.plover, 'CAMEO ' || substr(e.cameo, 1, 2))`

// Stats counts the events matching q by day, type, country and modality.
// The cursor and limit of q are ignored.
func (s *Store) Stats(ctx context.Context, q Query) (*Stats, error) {
	q.After, q.Limit = 0, 0
	where, args := q.where()
	// One grouped scan instead of four keeps the cost at one pass however
	// many breakdowns are asked for.
	rows, err := s.db.QueryContext(ctx, `SELECT e.event_date, `+typeKey+`, coalesce(e.country_code, ''), e.modality,
		e.lat IS NOT NULL, count(*) FROM events e JOIN revisions r ON r.id = e.revision_id`+where+` GROUP BY 1, 2, 3, 4, 5`, args...)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	day, typ, country, modality := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	st := &Stats{}
	for rows.Next() {
		var d, t, c, m string
		var mapped bool
		var n int
		if err := rows.Scan(&d, &t, &c, &m, &mapped, &n); err != nil {
			return nil, fmt.Errorf("stats: %w", err)
		}
		st.Total += n
		if mapped {
			st.Mapped += n
		}
		day[d] += n
		typ[t] += n
		country[c] += n
		modality[m] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	st.ByDay = sortedCounts(day, true)
	st.ByType = sortedCounts(typ, false)
	st.ByCountry = sortedCounts(country, false)
	st.ByModality = sortedCounts(modality, false)
	return st, nil
}

// sortedCounts orders buckets by key, or by count (largest first) then key.
func sortedCounts(m map[string]int, byKey bool) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{k, n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if !byKey && a.Count != b.Count {
			return cmp.Compare(b.Count, a.Count)
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}
