package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// decodeText turns a plain-text document into UTF-8. Text carries no
// declaration of its own, so only a BOM or a Content-Type charset (from a
// server or an archive) may name another encoding; anything else must be
// UTF-8 already, because guessing would store mojibake that no later stage
// can detect.
func decodeText(content []byte, contentType string) ([]byte, error) {
	if out, ok, err := decodeBOM(content); ok {
		return out, err
	}
	if label := charsetParam(contentType); label != "" {
		return decodeDeclared(content, label, "Content-Type")
	}
	if i := invalidUTF8(content); i >= 0 {
		return nil, &reasonError{msg: fmt.Sprintf("not valid UTF-8 text (byte offset %d); re-save it as UTF-8", i), kind: ErrEncoding}
	}
	return content, nil
}

// decodeHTML turns a page into UTF-8 following the HTML rule of precedence:
// byte-order mark, then the transport's Content-Type, then <meta charset>.
// A page declaring nothing must be valid UTF-8: browsers would fall back to
// Windows-1252, but that turns any other legacy page (Arabic, Cyrillic...)
// into mojibake silently, so an error is kinder.
func decodeHTML(content []byte, contentType string) ([]byte, error) {
	if out, ok, err := decodeBOM(content); ok {
		return out, err
	}
	if label := charsetParam(contentType); label != "" {
		return decodeDeclared(content, label, "Content-Type")
	}
	if label := metaCharset(content[:min(len(content), sniffLen)]); label != "" {
		// A page cannot really be UTF-16 if its <meta> was readable as
		// ASCII; the HTML standard says to take it as UTF-8.
		if strings.HasPrefix(strings.ToLower(label), "utf-16") {
			label = "utf-8"
		}
		return decodeDeclared(content, label, "<meta charset>")
	}
	if i := invalidUTF8(content); i >= 0 {
		return nil, &reasonError{msg: fmt.Sprintf("not valid UTF-8 and declares no charset (byte offset %d); add <meta charset> or re-save it as UTF-8", i), kind: ErrEncoding}
	}
	return content, nil
}

// decodeBOM handles content that opens with a byte-order mark, which
// overrides any declaration.
func decodeBOM(content []byte) (out []byte, ok bool, err error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(content, bomUTF8):
		rest := content[len(bomUTF8):]
		if i := invalidUTF8(rest); i >= 0 {
			return nil, true, &reasonError{msg: fmt.Sprintf("starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte offset %d); re-save it as UTF-8", i+len(bomUTF8)), kind: ErrEncoding}
		}
		return rest, true, nil
	case bytes.HasPrefix(content, bomUTF16LE):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(content, bomUTF16BE):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	default:
		return nil, false, nil
	}
	out, err = enc.NewDecoder().Bytes(content)
	if err != nil {
		return nil, true, &reasonError{msg: fmt.Sprintf("decode UTF-16: %v", err), kind: ErrEncoding}
	}
	return out, true, nil
}

// maxBadUTF8 is the share of invalid bytes tolerated in a document that
// declares UTF-8: a few stray bytes are a sloppy page (shown as U+FFFD, as
// a browser would), many mean the declaration is wrong.
const maxBadUTF8 = 0.01

func decodeDeclared(content []byte, label, source string) ([]byte, error) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, &reasonError{msg: fmt.Sprintf("unknown charset %q in %s", label, source), kind: ErrEncoding}
	}
	if name == "utf-8" {
		first := invalidUTF8(content)
		if first < 0 {
			return content, nil
		}
		if bad := countInvalidUTF8(content[first:]); float64(bad) > maxBadUTF8*float64(len(content)) {
			return nil, &reasonError{msg: fmt.Sprintf("declares UTF-8 in %s but is not valid UTF-8 (byte offset %d, %d bad bytes); re-save it as UTF-8 or fix the declaration", source, first, bad), kind: ErrEncoding}
		}
		return bytes.ToValidUTF8(content, []byte("\uFFFD")), nil
	}
	if hasNonASCII(content) && utf8.Valid(content) {
		// Servers often keep announcing ISO-8859-1 after a site moved to
		// UTF-8. Legacy text almost never forms valid multi-byte UTF-8 by
		// chance, so valid UTF-8 outweighs the declaration.
		return content, nil
	}
	out, err := enc.NewDecoder().Bytes(content)
	if err != nil {
		return nil, &reasonError{msg: fmt.Sprintf("decode %s (declared in %s): %v", name, source, err), kind: ErrEncoding}
	}
	return out, nil
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func countInvalidUTF8(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

func charsetParam(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(params["charset"])
}

// metaCharset finds the encoding a page declares in <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var httpEquiv bool
			var content string
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch string(key) {
				case "charset":
					if cs := strings.TrimSpace(string(val)); cs != "" {
						return cs
					}
				case "http-equiv":
					httpEquiv = strings.EqualFold(strings.TrimSpace(string(val)), "content-type")
				case "content":
					content = string(val)
				}
			}
			if httpEquiv {
				if cs := charsetParam(content); cs != "" {
					return cs
				}
			}
		}
	}
}

var metaCharsetRE = regexp.MustCompile(`(?i)(<meta\b[^>]*?\bcharset\s*=\s*["']?)([^"'\s;/>]+)`)

// declareUTF8 rewrites a page's charset declaration after it has been
// decoded, so that a later parser honouring <meta charset> does not decode
// the UTF-8 bytes a second time as the legacy encoding.
func declareUTF8(page []byte) []byte {
	n := min(len(page), 2*sniffLen)
	head := metaCharsetRE.ReplaceAll(page[:n], []byte("${1}utf-8"))
	if bytes.Equal(head, page[:n]) {
		return page
	}
	return append(head, page[n:]...)
}
