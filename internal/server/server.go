// Package server is sitrep's HTTP face: a read-only JSON API over the store
// and a web map that shows every event one click from the sentence that
// supports it. All assets are embedded, so the map works offline.
package server

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/sitrep-dev/sitrep/internal/export"
	"github.com/sitrep-dev/sitrep/internal/store"
)

//go:embed assets/index.html assets/app.js assets/app.css assets/vendor
var assetFS embed.FS

//go:embed openapi.yaml
var openAPI []byte

// Server answers the API and serves the map over one store.
type Server struct {
	st     *store.Store
	router chi.Router

	// Article citations by revision id, as JSON. A revision never changes
	// once stored, so entries never go stale; the map is only bounded.
	mu      sync.RWMutex
	sources map[string]cachedSource
}

type cachedSource struct {
	src  store.Source
	json []byte
}

const maxCachedSources = 50_000

func (s *Server) source(ctx context.Context, revisionID string) (cachedSource, error) {
	s.mu.RLock()
	c, ok := s.sources[revisionID]
	s.mu.RUnlock()
	if ok {
		return c, nil
	}
	src, err := s.st.RevisionSource(ctx, revisionID)
	if err != nil {
		return c, err
	}
	b, err := json.Marshal(src)
	if err != nil {
		return c, fmt.Errorf("revision %s: %w", revisionID, err)
	}
	c = cachedSource{src, b}
	s.mu.Lock()
	if len(s.sources) >= maxCachedSources {
		clear(s.sources)
	}
	s.sources[revisionID] = c
	s.mu.Unlock()
	return c, nil
}

// New returns a server over st, which should be opened read-only: the
// server only reads, and a read-only handle makes sure no GET ever writes.
func New(st *store.Store) *Server {
	// database/sql keeps only two idle connections by default; under
	// concurrent requests the rest would be reopened (and SQLite's pragmas
	// rerun) for every query.
	n := 2*runtime.GOMAXPROCS(0) + 2
	st.DB().SetMaxOpenConns(n)
	st.DB().SetMaxIdleConns(n)

	s := &Server{st: st, sources: map[string]cachedSource{}}
	r := chi.NewRouter()
	r.Use(middleware.Recoverer)
	// HEAD is answered as the GET it stands for, without the body
	r.Use(middleware.GetHead)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed: the API is read-only")
	})

	r.Route("/api", func(r chi.Router) {
		r.Get("/events", s.events)
		r.Get("/events/{id}", s.event)
		r.Get("/articles/{id}", s.article)
		r.Get("/stats", s.stats)
		r.Get("/openapi.yaml", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/yaml")
			w.Write(openAPI)
		})
	})

	static, err := fs.Sub(assetFS, "assets")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(static)
	r.Group(func(r chi.Router) {
		// Only the assets are compressed: API pages are small and
		// compressing them would cost more CPU than the bytes it saves on
		// a loopback or LAN.
		r.Use(middleware.Compress(5, "text/html", "text/css", "text/javascript", "application/javascript",
			"application/json", "application/geo+json"))
		r.Get("/", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeFileFS(w, r, static, "index.html")
		})
		r.Get("/assets/*", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "no-cache")
			http.StripPrefix("/assets", files).ServeHTTP(w, r)
		})
	})
	s.router = r
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// Run serves on addr until ctx ends, then shuts down gracefully. ready, if
// set, is called with the base URL once the listener is open.
func Run(ctx context.Context, st *store.Store, addr string, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           New(st),
		ReadHeaderTimeout: 10 * time.Second,
		WriteTimeout:      2 * time.Minute, // a large CSV export takes a while
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encode response: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}

func writeError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}

// fail maps an error to its status: a bad parameter is the client's, an
// unknown id is a 404, the rest is ours.
func fail(w http.ResponseWriter, r *http.Request, err error) {
	var br *badRequest
	switch {
	case errors.As(err, &br):
		writeError(w, http.StatusBadRequest, br.msg)
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case r.Context().Err() != nil:
		// The client went away; nobody is left to read an answer.
	default:
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := checkParams(v, eventsParams); err != nil {
		fail(w, r, err)
		return
	}
	q, err := parseQuery(v)
	if err != nil {
		fail(w, r, err)
		return
	}
	if err := parsePage(v, &q); err != nil {
		fail(w, r, err)
		return
	}
	format := v.Get("format")
	if format == "" {
		format = "json"
	}
	switch format {
	case "json":
		s.eventsJSON(w, r, q)
	case "csv", "geojson":
		s.eventsExport(w, r, q, format)
	default:
		fail(w, r, bad("format must be json, csv or geojson, got %q", format))
	}
}

// page runs q for one page, asking for one row more than the limit so that
// next is only given when there really is a next page. The rows are copied
// out before anything else is asked of the store: a lookup while the query's
// rows are open would hold two pooled connections per request, and enough
// concurrent requests would then wait on each other forever.
func (s *Server) page(r *http.Request, q store.Query) (rows []store.RawRow, next int64, err error) {
	limit := q.Limit
	q.Limit++
	rows = make([]store.RawRow, 0, min(limit, 128))
	err = s.st.QueryEvents(r.Context(), q, func(row store.RawRow) error {
		if len(rows) == limit {
			next = rows[len(rows)-1].Seq
			return nil
		}
		row.Record = bytes.Clone(row.Record)
		rows = append(rows, row)
		return nil
	})
	return rows, next, err
}

func (s *Server) eventsJSON(w http.ResponseWriter, r *http.Request, q store.Query) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	buf.WriteString(`{"events":[`)
	rows, next, err := s.page(r, q)
	for i, row := range rows {
		if err != nil {
			break
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		var src cachedSource
		if src, err = s.source(r.Context(), row.RevisionID); err == nil {
			err = appendRecord(buf, row, src.json)
		}
	}
	if err != nil {
		fail(w, r, err)
		return
	}
	count := len(rows)
	buf.WriteString(`],"count":`)
	buf.WriteString(strconv.Itoa(count))
	buf.WriteString(`,"next":`)
	if next > 0 {
		buf.WriteString(strconv.FormatInt(next, 10))
	} else {
		buf.WriteString("null")
	}
	buf.WriteString("}\n")
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Write(buf.Bytes())
}

// appendRecord writes the stored record with the article it came from
// spliced in as "article", the shape of `sitrep export --format json`,
// without decoding the record.
func appendRecord(buf *bytes.Buffer, row store.RawRow, src []byte) error {
	rec := bytes.TrimSpace(row.Record)
	if len(rec) < 2 || rec[0] != '{' || rec[len(rec)-1] != '}' {
		return fmt.Errorf("event row %d: stored record is not a JSON object", row.Seq)
	}
	buf.Write(rec[:len(rec)-1])
	if len(rec) > 2 {
		buf.WriteByte(',')
	}
	buf.WriteString(`"article":`)
	buf.Write(src)
	buf.WriteByte('}')
	return nil
}

func (s *Server) eventsExport(w http.ResponseWriter, r *http.Request, q store.Query, format string) {
	// Rendered into memory first (a page is at most maxLimit rows) so that a
	// failure half-way is still a clean 500 and not a truncated 200.
	var buf bytes.Buffer
	ew, err := export.New(format, &buf)
	if err != nil {
		fail(w, r, err)
		return
	}
	rows, next, err := s.page(r, q)
	for _, raw := range rows {
		if err != nil {
			break
		}
		var src cachedSource
		var row store.Row
		if src, err = s.source(r.Context(), raw.RevisionID); err != nil {
			break
		}
		if row, err = raw.Decode(src.src); err != nil {
			break
		}
		err = ew.Write(row)
	}
	if err == nil {
		err = ew.Close()
	}
	if err != nil {
		fail(w, r, err)
		return
	}
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", "application/geo+json")
	}
	if next > 0 {
		// CSV has nowhere to carry the cursor, so every format gets it here.
		w.Header().Set("X-Next-After", strconv.FormatInt(next, 10))
	}
	w.Write(buf.Bytes())
}

// eventDetail is one event with its evidence and where it was read.
type eventDetail struct {
	Event    json.RawMessage    `json:"event"`
	Sentence *store.SentenceRow `json:"sentence"`
	Article  store.Source       `json:"article"`
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) {
	if err := checkParams(r.URL.Query(), nil); err != nil {
		fail(w, r, err)
		return
	}
	row, sent, err := s.st.EventByID(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		fail(w, r, err)
		return
	}
	src, err := s.source(r.Context(), row.RevisionID)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, eventDetail{Event: row.Record, Sentence: sent, Article: src.src})
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := checkParams(v, []string{"revision"}); err != nil {
		fail(w, r, err)
		return
	}
	a, err := s.st.Article(r.Context(), chi.URLParam(r, "id"), v.Get("revision"))
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := checkParams(v, filterParams); err != nil {
		fail(w, r, err)
		return
	}
	q, err := parseQuery(v)
	if err != nil {
		fail(w, r, err)
		return
	}
	st, err := s.st.Stats(r.Context(), q)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
