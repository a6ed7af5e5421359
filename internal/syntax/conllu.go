package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one sentence of a CoNLL-U file: its syntactic words (multiword
// token ranges and empty nodes are dropped: UD scores words) and comments.
type Sentence struct {
	ID    string  // sent_id comment, "" when absent
	Text  string  // text comment, "" when absent
	Words []Token // 0-based slice; Words[i] is CoNLL-U ID i+1
}

// ReadCoNLLU reads every sentence of r. Lines that are not well formed are
// an error naming the line, so a corrupt treebank is not silently half read.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case s == "":
			flush()
			continue
		case strings.HasPrefix(s, "#"):
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu line %d: %d fields, want 10", line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword token range or empty node
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("conllu line %d: word id %q out of sequence", line, f[0])
		}
		head := -1
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil {
				return nil, fmt.Errorf("conllu line %d: head %q: %w", line, f[6], err)
			}
		}
		t := Token{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5], Head: head, DepRel: f[7]}
		if t.Feats == "_" {
			t.Feats = ""
		}
		t.SpaceAfter = !strings.Contains(f[9], "SpaceAfter=No")
		cur.Words = append(cur.Words, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// WriteCoNLLU writes one sentence. Fields are made safe for the format:
// invalid UTF-8 becomes U+FFFD and tabs or newlines in a form become spaces,
// so any input yields a file that CoNLL-U readers accept.
func WriteCoNLLU(w io.Writer, s Sentence) error {
	bw := bufio.NewWriter(w)
	if s.ID != "" {
		fmt.Fprintf(bw, "# sent_id = %s\n", clean(s.ID))
	}
	if s.Text != "" {
		fmt.Fprintf(bw, "# text = %s\n", clean(s.Text))
	}
	for i, t := range s.Words {
		misc := "_"
		if !t.SpaceAfter {
			misc = "SpaceAfter=No"
		}
		head := "_"
		if t.Head >= 0 {
			head = strconv.Itoa(t.Head)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", i+1,
			field(t.Form), field(t.Lemma), field(t.UPOS), field(t.XPOS), field(t.Feats),
			head, field(t.DepRel), misc)
	}
	bw.WriteString("\n")
	return bw.Flush()
}

func field(s string) string {
	if s == "" {
		return "_"
	}
	return clean(s)
}

func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
