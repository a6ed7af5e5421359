package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

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
	After  int64 // events with seq above this (paging cursor)
	Limit  int   // 0: no limit
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
		add("e.seq > ?", f.After)
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

// EachEvent calls fn for every event matching f, in insertion order.
func (s *Store) EachEvent(ctx context.Context, f Filter, fn func(Row) error) error {
	where, args := f.where()
	q := `SELECT e.seq, e.record, r.article_id, r.id, coalesce(a.url, ''), r.title, coalesce(r.publisher, ''),
		coalesce(r.published, ''), coalesce(r.original_source, ''), r.input_name
		FROM events e JOIN revisions r ON r.id = e.revision_id JOIN articles a ON a.id = r.article_id` + where + " ORDER BY e.seq"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
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
