package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	warc "github.com/internetarchive/gowarc"
)

func (r *reader) readWARC(src *source) {
	tail := &tailWatcher{r: src.r}
	wr, err := warc.NewReader(tail)
	if err != nil {
		r.fail(src.name, fmt.Errorf("open WARC: %w", err))
		return
	}
	defer wr.Close()
	limit := r.opts.maxDoc()
	var (
		count  int    // records read whole
		lastID string // the last of them
	)
	for {
		if r.interrupted(src.name) {
			return
		}
		rec, err := wr.ReadRecord()
		if err == io.EOF {
			return
		}
		if err != nil && count > 0 && atRecordStart(err) && tail.blankToEnd() {
			return // blank lines after the last record, as some tools leave
		}
		if err != nil {
			// Records cannot be resynchronised reliably after a break (the
			// lengths are in the headers), so reading stops here.
			var where string
			if count > 0 {
				where = fmt.Sprintf(", after record %d (%s)", count, lastID)
			}
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				r.fail(src.name, fmt.Errorf("truncated WARC: record %d is cut short%s (%w)", count+1, where, err))
			} else {
				r.fail(src.name, fmt.Errorf("corrupt WARC at record %d%s: %w", count+1, where, err))
			}
			return
		}
		count++
		id := trimAngle(rec.Header.Get("WARC-Record-ID"))
		if id == "" {
			id = fmt.Sprintf("record-%d", count)
		}
		lastID = id
		doc, ok, err := warcDoc(rec, limit)
		rec.Content.Close() // removes its spool file, if any
		name := src.name + "#" + id
		switch {
		case err != nil:
			if !r.fail(name, err) {
				return
			}
		case ok:
			doc.Name = name
			if !r.emit(doc) {
				return
			}
		}
	}
}

// warcDoc turns a record into a document if it holds a successfully
// fetched HTML page; other records (requests, metadata, redirects, images)
// are skipped without complaint, as a crawl is mostly those.
func warcDoc(rec *warc.Record, limit int64) (Doc, bool, error) {
	var (
		body        io.Reader
		contentType string
		truncated   = rec.Header.Get("WARC-Truncated") != ""
	)
	if _, err := rec.Content.Seek(0, io.SeekStart); err != nil {
		return Doc{}, false, fmt.Errorf("read record: %w", err)
	}
	switch strings.ToLower(rec.Header.Get("WARC-Type")) {
	case "response":
		mt, _, _ := mime.ParseMediaType(rec.Header.Get("Content-Type"))
		if mt != "application/http" {
			return Doc{}, false, nil // e.g. a DNS response
		}
		resp, err := http.ReadResponse(statusLineFixer(rec.Content), nil)
		if err != nil {
			return Doc{}, false, fmt.Errorf("parse HTTP response: %w", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return Doc{}, false, nil
		}
		contentType = resp.Header.Get("Content-Type")
		if body, err = contentDecoder(resp.Body, resp.Header.Get("Content-Encoding")); err != nil {
			return Doc{}, false, err
		}
	case "resource":
		contentType = rec.Header.Get("Content-Type")
		body = rec.Content
	default:
		return Doc{}, false, nil
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	if contentType != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return Doc{}, false, nil
	}

	data, over, err := readAllLimited(body, limit)
	if over {
		n, _ := io.Copy(io.Discard, body)
		return Doc{}, false, tooLarge(limit+1+n, limit, "one document")
	}
	if err != nil && !(truncated && errors.Is(err, io.ErrUnexpectedEOF)) {
		// A record the crawler marked truncated keeps what it got.
		return Doc{}, false, fmt.Errorf("read HTTP body: %w", err)
	}
	if contentType == "" {
		if f, err := sniff(data[:min(len(data), sniffLen)], "", ""); err != nil || f != HTML {
			return Doc{}, false, nil
		}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Doc{}, false, nil
	}
	if !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		if err := checkBinary(data[:min(len(data), sniffLen)]); err != nil {
			return Doc{}, false, err // labelled HTML, but it is not
		}
	}
	content, err := decodeHTML(data, contentType)
	if err != nil {
		return Doc{}, false, err
	}
	d := Doc{
		Format:    HTML,
		Container: WARC,
		URL:       trimAngle(rec.Header.Get("WARC-Target-URI")),
		Content:   declareUTF8(content),
	}
	if t, err := time.Parse(time.RFC3339, strings.TrimSpace(rec.Header.Get("WARC-Date"))); err == nil {
		d.Fetched = t.UTC()
	}
	return d, true, nil
}

// contentDecoder undoes an HTTP Content-Encoding. Common Crawl stores
// payloads decoded (renaming the header), but other crawlers keep them as
// sent.
func contentDecoder(body io.Reader, encoding string) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity", "none":
		return body, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("gunzip HTTP body: %w", err)
		}
		return zr, nil
	case "deflate":
		// "deflate" is zlib by the standard but raw deflate from some
		// servers; the zlib header tells them apart.
		br := bufio.NewReader(body)
		if h, err := br.Peek(2); err == nil && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 && h[0]&0x0F == 8 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("inflate HTTP body: %w", err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("unsupported Content-Encoding %q", encoding)
}

// atRecordStart says whether gowarc failed before reading any of a record's
// header: that is where stray blank lines after the last record trip it.
func atRecordStart(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "reading WARC version") || strings.HasPrefix(msg, "reading header") || strings.HasPrefix(msg, "parsing Content-Length")
}

// tailWatcher passes a WARC stream through, noting whether it ended and
// whether all that follows the last blank line ("\r\n\r\n", which ends
// every record) is white space.
type tailWatcher struct {
	r     io.Reader
	eof   bool
	blank bool   // nothing but white space since the last "\r\n\r\n"
	keep  []byte // the last bytes seen, to find a separator split across reads
}

var recordEnd = []byte("\r\n\r\n")

func (w *tailWatcher) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if n > 0 {
		w.observe(p[:n])
	}
	if err == io.EOF {
		w.eof = true
	}
	return n, err
}

// blankToEnd says whether the stream holds nothing but white space after
// its last record separator. It reads on to the end if gowarc stopped short
// of it, but no further than a stray tail could reach.
func (w *tailWatcher) blankToEnd() bool {
	if !w.eof {
		io.Copy(io.Discard, io.LimitReader(w, 64<<10))
		if !w.eof {
			var probe [1]byte
			w.Read(probe[:]) // an exact 64 KiB tail leaves EOF unseen
		}
	}
	return w.eof && w.blank
}

func (w *tailWatcher) observe(b []byte) {
	head := min(len(b), len(recordEnd)-1)
	edge := append(w.keep[:len(w.keep):len(w.keep)], b[:head]...)
	if i := bytes.LastIndex(b, recordEnd); i >= 0 {
		w.blank = isBlank(b[i+len(recordEnd):])
	} else if j := bytes.LastIndex(edge, recordEnd); j >= 0 {
		w.blank = isBlank(b[j+len(recordEnd)-len(w.keep):])
	} else {
		w.blank = w.blank && isBlank(b)
	}
	// Keep the last three bytes seen, from this read or, if it was
	// shorter, from the ones before.
	k := len(recordEnd) - 1
	if len(b) >= k {
		w.keep = append(w.keep[:0], b[len(b)-k:]...)
	} else {
		w.keep = append(w.keep[:0], edge[max(0, len(edge)-k):]...)
	}
}

func isBlank(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t\r\n")) == 0
}

// statusLineFixer makes "HTTP/2 200" status lines, which recent crawlers
// record, readable by net/http, which wants a minor version.
func statusLineFixer(r io.Reader) *bufio.Reader {
	br := bufio.NewReader(r)
	head, _ := br.Peek(7)
	if h := string(head); h == "HTTP/2 " || h == "HTTP/3 " {
		br.Discard(6)
		return bufio.NewReader(io.MultiReader(strings.NewReader(h[:6]+".0"), br))
	}
	return br
}

func trimAngle(s string) string {
	s = strings.TrimSpace(s)
	return strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
}
