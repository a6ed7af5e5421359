package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// jsonRecord is one line of a JSONL dump. Authors and tags may be a string
// or a list, and the date a string or a YYYYMMDD number, as dumps differ.
type jsonRecord struct {
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Date      json.RawMessage `json:"date"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	Authors   json.RawMessage `json:"authors"`
	Author    json.RawMessage `json:"author"`
	Publisher string          `json:"publisher"`
	Tags      json.RawMessage `json:"tags"`
}

func (r *reader) readJSONL(src *source) {
	limit := r.opts.maxDoc()
	records := 0
	for lineNo := 1; ; lineNo++ {
		if r.interrupted(src.name) {
			return
		}
		line, size, err := readLine(src.r, limit)
		if err != nil && err != io.EOF {
			r.fail(fmt.Sprintf("%s:%d", src.name, lineNo), fmt.Errorf("read: %w", err))
			return
		}
		last := err == io.EOF
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, bomUTF8)
		}
		name := fmt.Sprintf("%s:%d", src.name, lineNo)
		switch {
		case size > limit:
			records++
			if !r.fail(name, tooLarge(size, limit, "one document")) {
				return
			}
		case len(bytes.TrimSpace(line)) == 0:
			// Blank lines separate nothing in JSONL; tolerate them.
		case lineNo == 1 && string(bytes.TrimSpace(line)) == "{":
			r.fail(src.name, errors.New("a JSON document spread over lines, not JSON Lines (one article object per line)"))
			return
		default:
			records++
			doc, err := parseJSONRecord(line)
			if err != nil {
				if !r.fail(name, err) {
					return
				}
				break
			}
			doc.Name = name
			if !r.emit(doc) {
				return
			}
		}
		if last {
			break
		}
	}
	if records == 0 {
		r.fail(src.name, errEmpty)
	}
}

// readLine reads one line, without its end, keeping at most limit bytes:
// a longer line is consumed to its end and reported by size alone, so that
// a giant line costs no memory.
func readLine(br *bufio.Reader, limit int64) (line []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= limit+1 { // +1: the newline itself does not count
			line = append(line, chunk...)
		} else {
			line = nil
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
			size--
			if n := len(line); n > 0 && line[n-1] == '\r' {
				line = line[:n-1]
				size--
			}
		}
		if err == io.EOF && size == 0 {
			return nil, 0, io.EOF
		}
		return line, size, err
	}
}

func parseJSONRecord(line []byte) (Doc, error) {
	if i := invalidUTF8(line); i >= 0 {
		return Doc{}, &reasonError{msg: fmt.Sprintf("not valid UTF-8 (byte offset %d in the line); re-save the dump as UTF-8", i), kind: ErrEncoding}
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			if ute.Field == "" {
				return Doc{}, fmt.Errorf("the line is a JSON %s, want one article object {\"url\",\"title\",\"date\",\"text\"|\"html\"}", ute.Value)
			}
			want := ute.Type.Kind().String()
			return Doc{}, fmt.Errorf("field %q is a JSON %s, want a %s", ute.Field, ute.Value, want)
		}
		return Doc{}, fmt.Errorf("malformed JSON: %w", err)
	}
	d := Doc{Container: JSONL, URL: strings.TrimSpace(rec.URL)}
	switch {
	case strings.TrimSpace(rec.Text) != "":
		d.Format, d.Content = Text, []byte(rec.Text)
	case strings.TrimSpace(rec.HTML) != "":
		d.Format, d.Content = HTML, declareUTF8([]byte(rec.HTML))
	default:
		return Doc{}, errors.New(`no "text" or "html" field with content`)
	}
	d.Hints.Title = strings.TrimSpace(rec.Title)
	d.Hints.Publisher = strings.TrimSpace(rec.Publisher)
	var err error
	if d.Hints.Published, err = parseJSONDate(rec.Date); err != nil {
		return Doc{}, err
	}
	if d.Hints.Authors, err = stringList(rec.Authors, "authors"); err != nil {
		return Doc{}, err
	}
	if len(d.Hints.Authors) == 0 {
		if d.Hints.Authors, err = stringList(rec.Author, "author"); err != nil {
			return Doc{}, err
		}
	}
	if d.Hints.Tags, err = stringList(rec.Tags, "tags"); err != nil {
		return Doc{}, err
	}
	return d, nil
}

// stringList reads a field that may be a string, a list of strings or null.
func stringList(raw json.RawMessage, field string) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var list []string
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("field %q: %w", field, err)
		}
		list = []string{s}
	} else if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("field %q: want a string or a list of strings", field)
	}
	out := list[:0]
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// dateLayouts are the dates a dump may give, most precise first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"20060102",
}

func parseJSONDate(raw json.RawMessage) (time.Time, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return time.Time{}, nil
	}
	var s string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return time.Time{}, fmt.Errorf(`field "date": %w`, err)
		}
	} else if _, err := strconv.ParseUint(string(raw), 10, 64); err == nil {
		s = string(raw) // 20180718 as a number
	} else {
		return time.Time{}, fmt.Errorf(`field "date" is %s, want a string`, raw)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf(`field "date" is %q, want YYYY-MM-DD, RFC 3339 or YYYYMMDD`, s)
}
