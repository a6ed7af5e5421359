// Package store keeps articles, their revisions, sentences and coded events
// in an embedded SQLite database (modernc.org/sqlite, no cgo). Each article
// is written in one transaction in WAL mode, so a crash or a kill loses at
// most the article being written and never leaves half of one behind.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite"

	"github.com/sitrep-dev/sitrep/internal/article"
	"github.com/sitrep-dev/sitrep/internal/event"
	"github.com/sitrep-dev/sitrep/internal/text"
)

//go:embed schema.sql
var schema string

const schemaVersion = "1"

// Store is an open sitrep database.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens (creating if needed) the database at path.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("open store %s: directory %s does not exist", path, dir)
		}
	}
	dsn := "file:" + escapePath(path) + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=busy_timeout(10000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// OpenReadOnly opens an existing database for reading only: the server
// uses it so that no GET can ever write.
func OpenReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s, err := openReadOnly(path, "mode=ro")
	if err != nil && strings.Contains(err.Error(), "readonly") {
		// A WAL database read where the reader may not create its shared
		// memory file (a read-only directory or mount): no writer can be
		// at work there either, so read it as immutable.
		s, err = openReadOnly(path, "mode=ro&immutable=1")
	}
	return s, err
}

func openReadOnly(path, mode string) (*Store, error) {
	dsn := "file:" + escapePath(path) + "?" + mode + "&_pragma=busy_timeout(10000)&_pragma=query_only(1)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	var v string
	if err := db.QueryRow(`SELECT value FROM meta WHERE key='schema_version'`).Scan(&v); err != nil {
		db.Close()
		if strings.Contains(err.Error(), "no such table") || strings.Contains(err.Error(), "not a database") {
			return nil, fmt.Errorf("open store %s: not a sitrep database", path)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if v != schemaVersion {
		db.Close()
		return nil, fmt.Errorf("open store %s: database schema version %s, this sitrep reads %s", path, v, schemaVersion)
	}
	return &Store{db: db, path: path}, nil
}

// escapePath makes a file path safe inside a SQLite URI: "#", "?" and "%"
// would otherwise end the path or start the query.
func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// DB exposes the handle for read queries in other packages' tests.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) migrate() error {
	if _, err := s.db.Exec(schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	var v string
	err := s.db.QueryRow(`SELECT value FROM meta WHERE key='schema_version'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := s.db.Exec(`INSERT INTO meta(key, value) VALUES ('schema_version', ?)`, schemaVersion); err != nil {
			return err
		}
	case err != nil:
		return err
	case v != schemaVersion:
		return fmt.Errorf("database schema version %s, this sitrep reads %s", v, schemaVersion)
	}
	return s.backfillSearch()
}

// Analysis is everything the pipeline made of one document.
type Analysis struct {
	Article   article.Article
	Sentences []text.Sentence
	Events    []event.Event
	Toponyms  []event.Toponym // every place name of the body, resolved or not
	Pipeline  string          // stage versions, recorded with the revision
	// Stored is set by Put: how many of Events were new to the store.
	Stored int
}

// Outcome says what Put did with an analysis.
type Outcome int

const (
	Unchanged   Outcome = iota // the same content was already stored
	NewArticle                 // first revision of a new article
	NewRevision                // a changed version of a known article
	Recoded                    // the same content, with events it lacked added
)

func (o Outcome) String() string {
	return [...]string{"unchanged", "new article", "new revision", "recoded"}[o]
}

// Identity is how an article is recognised across revisions: its URL, or
// failing that its title, publisher and publication day, or for a document
// without a title the input it was read from.
func Identity(a article.Article) string {
	if a.URL != "" {
		return "url:" + a.URL
	}
	if a.Title == "" {
		// nothing names it but where it was read from: two untitled files
		// are two articles, not revisions of one
		return "input:" + a.Input.Name
	}
	d := ""
	if !a.Published.IsZero() {
		d = a.Published.Format("2006-01-02")
	}
	return "doc:" + a.Title + "|" + a.Publisher + "|" + d
}

// ArticleID is the stable id of an article identity.
func ArticleID(identity string) string { return shortHash(identity) }

// ContentHash is the hash of a cleaned article's text and metadata: the
// same content gives the same hash, whatever file, feed or URL it came from.
// Copies of one text at several addresses (syndication, mirrors) share it.
func ContentHash(a article.Article) string {
	meta, _ := json.Marshal(struct {
		T, P string
		D    time.Time
		Au   []string
		O    *article.Origin
		Tg   []article.Tag
		Bd   []string
	}{a.Title, a.Publisher, a.Published, a.Authors, a.OriginalSource, a.Tags, a.Body})
	return shortHash(string(meta))
}

// RevisionID names one content of one article. It includes the article, so
// the same text published at two addresses is two articles, each with its
// revision: a republication is evidence of its own, linked by ContentHash.
func RevisionID(articleID, contentHash string) string {
	return shortHash(articleID + "|" + contentHash)
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:12])
}

// Put stores an analysis in one transaction. Storing the same content again
// changes nothing; a changed article becomes a new revision beside the old.
// The ids it assigns are written back into an.Events.
func (s *Store) Put(ctx context.Context, an *Analysis) (Outcome, error) {
	a := an.Article
	identity := Identity(a)
	articleID := ArticleID(identity)
	contentHash := ContentHash(a)
	revID := RevisionID(articleID, contentHash)
	now := time.Now().UTC().Format(time.RFC3339)

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()

	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM revisions WHERE id = ?`, revID).Scan(&exists); err != nil {
		return 0, err
	}
	if exists > 0 {
		// the same content again: only events a newer coder, or a run
		// with --all, found beside the stored ones are added
		added, err := putEvents(ctx, tx, an, now)
		if err != nil {
			return 0, err
		}
		an.Stored = added
		if err := putToponyms(ctx, tx, revID, an.Toponyms); err != nil {
			return 0, err
		}
		if err := tx.Commit(); err != nil {
			return 0, fmt.Errorf("commit: %w", err)
		}
		if added > 0 {
			return Recoded, nil
		}
		return Unchanged, nil
	}
	outcome := NewRevision
	res, err := tx.ExecContext(ctx, `INSERT INTO articles(id, identity, url, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
		articleID, identity, nullable(a.URL), now)
	if err != nil {
		return 0, fmt.Errorf("insert article: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		outcome = NewArticle
	}
	var seq int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) + 1 FROM revisions WHERE article_id = ?`, articleID).Scan(&seq); err != nil {
		return 0, err
	}
	var origin any
	if a.OriginalSource != nil {
		origin = mustJSON(a.OriginalSource)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO revisions(id, article_id, seq, content_hash, body_hash, ingested_at, input_name, input_format, title, publisher,
		published, authors, original_source, tags, language, body, boilerplate, pipeline)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		revID, articleID, seq, contentHash, shortHash(a.BodyText()), now, a.Input.Name, a.Input.Format, a.Title, nullable(a.Publisher),
		nullable(formatTime(a.Published)), mustJSON(a.Authors), origin, mustJSON(a.Tags), nullable(a.Language),
		a.BodyText(), mustJSON(a.Boilerplate), an.Pipeline)
	if err != nil {
		return 0, fmt.Errorf("insert revision: %w", err)
	}
	sentStmt, err := tx.PrepareContext(ctx, `INSERT INTO sentences(revision_id, idx, paragraph, char_start, char_end, text) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer sentStmt.Close()
	for _, st := range an.Sentences {
		if _, err := sentStmt.ExecContext(ctx, revID, st.Index, st.Paragraph, st.CharStart, st.CharEnd, st.Text); err != nil {
			return 0, fmt.Errorf("insert sentence %d: %w", st.Index, err)
		}
	}
	if an.Stored, err = putEvents(ctx, tx, an, now); err != nil {
		return 0, err
	}
	if err := putToponyms(ctx, tx, revID, an.Toponyms); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("commit: %w", err)
	}
	return outcome, nil
}

// putEvents stores the analysis's events that are not stored yet and
// returns how many were new: the same mention coded the same way has the
// same id, so re-coding adds only what a newer coder or --all finds.
func putEvents(ctx context.Context, tx *sql.Tx, an *Analysis, now string) (int, error) {
	added := 0
	evStmt, err := tx.PrepareContext(ctx, `INSERT INTO events(id, revision_id, article_id, sentence_idx, coder, coded_at, event_date,
		date_precision, cameo, plover, acled_type, acled_subtype, modality, source_code, source_country, target_code, target_country,
		country_code, lat, lon, geo_precision, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO NOTHING`)
	if err != nil {
		return added, err
	}
	defer evStmt.Close()
	ftsStmt, err := tx.PrepareContext(ctx, `INSERT INTO events_fts(rowid, words) VALUES (?, ?)`)
	if err != nil {
		return added, err
	}
	defer ftsStmt.Close()
	revID, articleID := an.AssignIDs()
	for i := range an.Events {
		ev := &an.Events[i]
		var tcode, tcountry any
		if ev.Target != nil {
			tcode, tcountry = nullable(ev.Target.Code), nullable(ev.Target.Country)
		}
		var cc, lat, lon, prec any
		if l := ev.Location; l != nil {
			prec = string(l.Precision)
			if l.Place != nil {
				cc = nullable(l.Place.CountryCode)
				// A place known only to the country or province is not
				// a point: no coordinates, so no map pin in its middle.
				if l.Precision == event.GeoExact || l.Precision == event.GeoNear {
					lat, lon = l.Place.Lat, l.Place.Lon
				}
			}
		}
		res, err := evStmt.ExecContext(ctx, ev.ID, revID, articleID, ev.Sentence, ev.Coder, now, ev.When.Date, string(ev.When.Precision),
			ev.Action.CAMEO, nullable(ev.Action.PLOVER), nullable(ev.Action.ACLEDType), nullable(ev.Action.ACLEDSubType),
			string(ev.Attribution.Modality), nullable(ev.Source.Code), nullable(ev.Source.Country), tcode, tcountry,
			cc, lat, lon, prec, mustJSON(ev))
		if err != nil {
			return added, fmt.Errorf("insert event: %w", err)
		}
		// In the same transaction, so the text index never lags the events.
		if n, _ := res.RowsAffected(); n == 1 {
			added++
			seq, err := res.LastInsertId()
			if err != nil {
				return added, fmt.Errorf("index event: %w", err)
			}
			if _, err := ftsStmt.ExecContext(ctx, seq, searchText(ev)); err != nil {
				return added, fmt.Errorf("index event: %w", err)
			}
		}
	}
	return added, nil
}

// putToponyms stores the place names of a revision, in its transaction.
func putToponyms(ctx context.Context, tx *sql.Tx, revID string, tops []event.Toponym) error {
	if len(tops) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO toponyms(revision_id, char_start, char_end, sentence_idx, text, kind, precision,
		geonameid, name, country_code, admin1, feature_code, lat, lon, anchor, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, t := range tops {
		var id, name, cc, adm, fc, lat, lon any
		if p := t.Place; p != nil {
			id, name, cc, adm, fc = nullInt(p.GeoNameID), p.Name, nullable(p.CountryCode), nullable(p.Admin1), nullable(p.FeatureCode)
			lat, lon = p.Lat, p.Lon
		}
		if _, err := stmt.ExecContext(ctx, revID, t.Span.Start, t.Span.End, t.Sentence, t.Span.Text, t.Kind, string(t.Precision),
			id, name, cc, adm, fc, lat, lon, nullable(t.Anchor), t.Score); err != nil {
			return fmt.Errorf("insert toponym %q: %w", t.Span.Text, err)
		}
	}
	return nil
}

func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

// AssignIDs gives the analysis's events the article, revision and event ids
// the store files them under, without storing anything.
// It returns the revision and article ids.
func (an *Analysis) AssignIDs() (revisionID, articleID string) {
	articleID = ArticleID(Identity(an.Article))
	revisionID = RevisionID(articleID, ContentHash(an.Article))
	for i := range an.Events {
		ev := &an.Events[i]
		ev.ArticleID, ev.RevisionID = articleID, revisionID
		ev.ID = EventID(ev)
	}
	return revisionID, articleID
}

// HasRevision reports whether this content of this article is stored: an
// unchanged article need not be analysed again.
func (s *Store) HasRevision(ctx context.Context, a article.Article) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM revisions WHERE id = ?`, RevisionID(ArticleID(Identity(a)), ContentHash(a))).Scan(&n)
	return n > 0, err
}

// EventID is stable for the same mention coded the same way by the same
// coder: re-running an unchanged coder adds nothing.
func EventID(ev *event.Event) string {
	var target string
	if ev.Target != nil {
		target = ev.Target.Code + "|" + ev.Target.Text
	}
	return shortHash(fmt.Sprintf("%s|%d|%d|%s|%s|%s|%s|%s", ev.RevisionID, ev.Sentence, ev.Action.Span.Start, ev.Action.CAMEO,
		ev.Source.Code+"|"+ev.Source.Text, target, ev.Attribution.Modality, ev.Coder))
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.UTC().Format(time.RFC3339)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("store: marshal %T: %v", v, err)) // only plain structs reach here
	}
	return string(b)
}
