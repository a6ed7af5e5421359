package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// DefaultMaxDocBytes is the size limit for one document when
// Options.MaxDocBytes is zero. No news article comes near it; a file that
// does is a dump or a mistake, and reading it whole would cost memory for
// nothing.
const DefaultMaxDocBytes = 8 << 20

// feedSizeFactor bounds a feed file: gofeed parses a feed whole, so it needs
// a limit of its own, a few documents' worth.
const feedSizeFactor = 8

// UserAgent is sent with every request for a URL input.
const UserAgent = "sitrep/0.1 (+https://github.com/sitrep-dev/sitrep)"

// Options tune reading.
type Options struct {
	// MaxDocBytes is one document's size limit (DefaultMaxDocBytes if 0).
	MaxDocBytes int64
	// HTTPClient fetches URL inputs; nil means a client with a 30 s
	// timeout.
	HTTPClient *http.Client
}

func (o Options) maxDoc() int64 {
	if o.MaxDocBytes > 0 {
		return o.MaxDocBytes
	}
	return DefaultMaxDocBytes
}

var defaultClient = &http.Client{Timeout: 30 * time.Second}

func (o Options) client() *http.Client {
	if o.HTTPClient != nil {
		return o.HTTPClient
	}
	return defaultClient
}

// Read reads one input (a path or an http(s) URL, as Expand returns them)
// and calls yield for each document in it, in order: one for a text or HTML
// file or page, one per item, record or line for a feed, WARC or JSONL
// file. A failure is yielded as (Doc{}, *InputError) naming the input, or
// the record within it ("dump.jsonl:7", "crawl.warc#urn:uuid:..."); reading
// goes on with the next record where the format allows it. Reading stops
// when yield returns false. If ctx is cancelled, Read yields one error
// wrapping ctx.Err() and stops, so a caller can tell an interrupted input
// from a finished one.
func Read(ctx context.Context, input string, opts Options, yield func(Doc, error) bool) {
	r := &reader{ctx: ctx, opts: opts, yield: yield}
	if err := ctx.Err(); err != nil {
		r.fail(input, err)
		return
	}
	if isURL(input) {
		r.readURL(input)
		return
	}
	r.readFile(input)
}

// reader carries one Read call's state through the format readers.
type reader struct {
	ctx     context.Context
	opts    Options
	yield   func(Doc, error) bool
	stopped bool // yield returned false
}

func (r *reader) emit(d Doc) bool {
	if r.stopped {
		return false
	}
	if !r.yield(d, nil) {
		r.stopped = true
	}
	return !r.stopped
}

// fail reports an error for name and says whether to go on.
func (r *reader) fail(name string, err error) bool {
	if r.stopped {
		return false
	}
	if !r.yield(Doc{}, &InputError{Name: name, Err: err}) {
		r.stopped = true
	}
	return !r.stopped
}

// interrupted reports a cancelled context once and says whether to stop.
func (r *reader) interrupted(name string) bool {
	if err := r.ctx.Err(); err != nil {
		r.fail(name, fmt.Errorf("interrupted: %w", err))
		r.stopped = true
		return true
	}
	return r.stopped
}

// source is an opened input, ready to sniff.
type source struct {
	name        string // input as the user gave it
	r           *bufio.Reader
	size        int64  // bytes, -1 if unknown
	extName     string // the name whose extension hints the format
	contentType string // from the server, if any
	url         string // the final URL, for URL inputs
	fetched     time.Time
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func (r *reader) readFile(path string) {
	f, err := os.Open(path)
	if err != nil {
		r.fail(path, pathErr(err))
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		r.fail(path, pathErr(err))
		return
	}
	if fi.IsDir() {
		r.fail(path, errors.New("is a directory (expand it with Expand)"))
		return
	}
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	r.readSource(&source{name: path, r: bufio.NewReaderSize(f, 64<<10), size: size, extName: path})
}

// pathErr drops the operation and path from an *fs.PathError, since the
// InputError around it names the path already.
func pathErr(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file or directory")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *reader) readURL(u string) {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, u, nil)
	if err != nil {
		r.fail(u, fmt.Errorf("bad URL: %w", err))
		return
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := r.opts.client().Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its message repeats the URL the InputError names
		}
		r.fail(u, fmt.Errorf("fetch: %w", err))
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		r.fail(u, fmt.Errorf("fetch: HTTP %s", resp.Status))
		return
	}
	final := u
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	r.readSource(&source{
		name:        u,
		r:           bufio.NewReaderSize(resp.Body, 64<<10),
		size:        resp.ContentLength,
		extName:     final,
		contentType: resp.Header.Get("Content-Type"),
		url:         final,
		fetched:     time.Now().UTC(),
	})
}

// readSource sniffs an opened input and hands it to its format's reader.
func (r *reader) readSource(src *source) {
	head, err := src.r.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		r.fail(src.name, fmt.Errorf("read: %w", err))
		return
	}
	if len(head) == 0 {
		r.fail(src.name, errEmpty)
		return
	}
	if bytes.HasPrefix(head, gzipMagic) {
		// Decompressed here rather than by gowarc even for a WARC: gowarc
		// expects one gzip member per record and silently drops the rest of
		// a member holding more, as a WARC gzipped whole does.
		zr, err := gzip.NewReader(src.r)
		if err != nil {
			r.fail(src.name, fmt.Errorf("gunzip: %w", err))
			return
		}
		defer zr.Close()
		inner := &source{
			name:    src.name,
			r:       bufio.NewReaderSize(zr, 64<<10),
			size:    -1,
			extName: strings.TrimSuffix(strings.TrimSuffix(src.extName, ".gz"), ".GZ"),
			url:     src.url,
			fetched: src.fetched,
		}
		head, err = inner.r.Peek(sniffLen)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull && len(head) == 0 {
			// With some data, a truncated stream is left to the format's
			// reader, which can keep what precedes the break.
			r.fail(src.name, fmt.Errorf("gunzip: %w", err))
			return
		}
		if len(head) == 0 {
			r.fail(src.name, errEmpty)
			return
		}
		if bytes.HasPrefix(head, gzipMagic) {
			r.fail(src.name, binaryError("application/gzip inside gzip"))
			return
		}
		src = inner
	}
	format, err := sniff(head, src.extName, src.contentType)
	if err != nil {
		r.fail(src.name, err)
		return
	}
	switch format {
	case WARC:
		r.readWARC(src)
	case JSONL:
		r.readJSONL(src)
	case Feed:
		r.readFeed(src)
	default:
		r.readSingle(src, format)
	}
}

// readAllLimited reads at most limit bytes, reporting whether there was more.
func readAllLimited(rd io.Reader, limit int64) ([]byte, bool, error) {
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if int64(len(data)) > limit {
		return nil, true, err
	}
	return data, false, err
}

// readSingle reads a file or page that is one document.
func (r *reader) readSingle(src *source, format Format) {
	limit := r.opts.maxDoc()
	if src.size > limit {
		r.fail(src.name, tooLarge(src.size, limit, "one document"))
		return
	}
	data, over, err := readAllLimited(src.r, limit)
	if err != nil {
		r.fail(src.name, fmt.Errorf("read: %w", err))
		return
	}
	if over {
		r.fail(src.name, tooLarge(src.size, limit, "one document"))
		return
	}
	content, err := decodeAs(format, data, src.contentType)
	if err != nil {
		r.fail(src.name, err)
		return
	}
	if len(bytes.TrimSpace(content)) == 0 {
		r.fail(src.name, errEmpty)
		return
	}
	r.emit(Doc{Name: src.name, Format: format, Container: format, URL: src.url, Content: content, Fetched: src.fetched})
}

func decodeAs(format Format, data []byte, contentType string) ([]byte, error) {
	if format == HTML {
		out, err := decodeHTML(data, contentType)
		if err != nil {
			return nil, err
		}
		return declareUTF8(out), nil
	}
	return decodeText(data, contentType)
}
