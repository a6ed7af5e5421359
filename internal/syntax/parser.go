package syntax

// The parser is a greedy arc-eager transition parser (Nivre 2003) with the
// artificial root at the end of the buffer (Ballesteros & Nivre 2013), so the
// choice of the root word waits until the whole sentence has been read. Two
// averaged perceptrons score each step: one picks the transition among four
// (shift, reduce, left-arc, right-arc) from Zhang & Nivre (2011)-style
// features of the stack, buffer and partial tree; the other labels the arc
// just chosen. Splitting the decision keeps the per-step work to a handful
// of table lookups, which is what makes thousands of sentences per second
// possible.

const (
	trShift = iota
	trReduce
	trLeft
	trRight
	nTrans
)

// parseState is the configuration of the arc-eager system over words 1..n;
// n+1 is the root, last in the buffer. Child and label-set arrays are kept
// up to date so that features are read in constant time.
type parseState struct {
	n        int
	stack    []int32
	b        int32 // front of the buffer, n+1 when only the root is left
	head     []int32
	label    []int32 // label id, -1 none
	lc1, lc2 []int32 // leftmost and second leftmost child, 0 = none
	rc1, rc2 []int32 // rightmost and second rightmost child, 0 = none
	nl, nr   []int32 // number of left and right children
	lset     []uint64
	rset     []uint64
	inStack  []bool
	rootSet  bool
}

func (s *parseState) reset(n int) {
	s.n = n
	m := n + 2
	grow := func(a []int32) []int32 {
		if cap(a) < m {
			return make([]int32, m, 2*m)
		}
		return a[:m]
	}
	s.head, s.label = grow(s.head), grow(s.label)
	s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.lc1), grow(s.lc2), grow(s.rc1), grow(s.rc2)
	s.nl, s.nr = grow(s.nl), grow(s.nr)
	if cap(s.lset) < m {
		s.lset, s.rset, s.inStack = make([]uint64, m, 2*m), make([]uint64, m, 2*m), make([]bool, m, 2*m)
	}
	s.lset, s.rset, s.inStack = s.lset[:m], s.rset[:m], s.inStack[:m]
	for i := 0; i < m; i++ {
		s.head[i], s.label[i] = -1, -1
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = 0, 0, 0, 0
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
		s.inStack[i] = false
	}
	s.stack = s.stack[:0]
	s.b = 1
	s.rootSet = false
}

func (s *parseState) root() int32 { return int32(s.n + 1) }

// s0 is the top of the stack, -1 when it is empty.
func (s *parseState) s0() int32 {
	if len(s.stack) == 0 {
		return -1
	}
	return s.stack[len(s.stack)-1]
}

// done reports the terminal configuration: only the root left, stack empty.
func (s *parseState) done() bool { return int(s.b) > s.n && len(s.stack) == 0 }

// legal reports whether transition t may be taken. Only one word may hang
// from the root.
func (s *parseState) legal(t int) bool {
	s0 := s.s0()
	word := int(s.b) <= s.n
	switch t {
	case trShift:
		return word
	case trReduce:
		return s0 >= 0 && s.head[s0] >= 0
	case trLeft:
		return s0 >= 0 && s.head[s0] < 0 && (word || !s.rootSet)
	case trRight:
		return s0 >= 0 && word
	}
	return false
}

// addArc records h -> d with label l.
func (s *parseState) addArc(h, d, l int32) {
	s.head[d], s.label[d] = h, l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.nl[h]++
		s.lset[h] |= bit
		if s.lc1[h] == 0 || d < s.lc1[h] {
			s.lc2[h] = s.lc1[h]
			s.lc1[h] = d
		} else if s.lc2[h] == 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= bit
		if d > s.rc1[h] {
			s.rc2[h] = s.rc1[h]
			s.rc1[h] = d
		} else if d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
	if h == s.root() {
		s.rootSet = true
	}
}

// pop removes the top of the stack; with no legal transition left (the
// root taken, a headless word on the stack) it is forced, and the word is
// attached after parsing.
func (s *parseState) pop() {
	s.inStack[s.s0()] = false
	s.stack = s.stack[:len(s.stack)-1]
}

// apply takes transition t; l is the label of an arc transition.
func (s *parseState) apply(t int, l int32) {
	s0 := s.s0()
	switch t {
	case trShift:
		s.stack = append(s.stack, s.b)
		s.inStack[s.b] = true
		s.b++
	case trReduce:
		s.pop()
	case trLeft:
		s.addArc(s.b, s0, l)
		s.pop()
	case trRight:
		s.addArc(s0, s.b, l)
		s.stack = append(s.stack, s.b)
		s.inStack[s.b] = true
		s.b++
	}
}

// sentence atoms the features read: word and tag per position, 0 = root.
type atoms struct {
	word []uint64
	tag  []uint64
}

const (
	atomRoot = 3
	// feature values for missing positions are 0
)

func distBucket(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

func capCount(n int32) uint64 { return uint64(min(n, 7)) }

// transFeatures writes the transition features of the state into buf.
func transFeatures(buf []uint32, s *parseState, a *atoms) []uint32 {
	last := int32(s.n + 1)
	W := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return a.word[i]
	}
	P := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return a.tag[i]
	}
	L := func(i int32) uint64 {
		if i <= 0 || s.label[i] < 0 {
			return 0
		}
		return uint64(s.label[i]) + 1
	}
	child := func(c []int32, i int32) int32 {
		if i < 0 || c[i] == 0 {
			return -1
		}
		return c[i]
	}
	head := func(i int32) int32 {
		if i < 0 {
			return -1
		}
		return s.head[i]
	}
	s0 := s.s0()
	s1 := int32(-1)
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	n0, n1, n2, n3 := s.b, int32(-1), int32(-1), int32(-1)
	if n0+1 <= last {
		n1 = n0 + 1
	}
	if n0+2 <= last {
		n2 = n0 + 2
	}
	if n0+3 <= last {
		n3 = n0 + 3
	}
	s2 := int32(-1)
	if len(s.stack) > 2 {
		s2 = s.stack[len(s.stack)-3]
	}
	s0h := head(s0)
	s0h2 := int32(-1)
	if s0h > 0 && s0h < last {
		s0h2 = s.head[s0h]
	}
	s0l, s0r := child(s.lc1, s0), child(s.rc1, s0)
	s0l2, s0r2 := child(s.lc2, s0), child(s.rc2, s0)
	n0l, n0l2 := child(s.lc1, n0), child(s.lc2, n0)

	s0w, s0p := W(s0), P(s0)
	n0w, n0p := W(n0), P(n0)
	n1w, n1p := W(n1), P(n1)
	n2w, n2p := W(n2), P(n2)
	var d, s0vl, s0vr, s0sl, s0sr uint64
	if s0 >= 0 {
		if n0 == last {
			d = 8
		} else {
			d = distBucket(n0 - s0)
		}
		s0vl, s0vr = capCount(s.nl[s0]), capCount(s.nr[s0])
		s0sl, s0sr = s.lset[s0], s.rset[s0]
	}
	n0vl, n0sl := capCount(s.nl[n0]), s.lset[n0]
	s0wp := mix(s0w, s0p)
	n0wp := mix(n0w, n0p)

	buf = buf[:0]
	buf = append(buf,
		// single words
		f1(1, s0wp), f1(2, s0w), f1(3, s0p),
		f1(4, n0wp), f1(5, n0w), f1(6, n0p),
		f1(7, mix(n1w, n1p)), f1(8, n1w), f1(9, n1p),
		f1(10, mix(n2w, n2p)), f1(11, n2w), f1(12, n2p),
		// pairs
		f2(13, s0wp, n0wp), f2(14, s0wp, n0w), f2(15, s0w, n0wp), f2(16, s0wp, n0p),
		f2(17, s0p, n0wp), f2(18, s0w, n0w), f2(19, s0p, n0p), f2(20, n0p, n1p),
		// three words
		f3(21, n0p, n1p, n2p), f3(22, s0p, n0p, n1p), f3(23, P(s0h), s0p, n0p),
		f3(24, s0p, P(s0l), n0p), f3(25, s0p, P(s0r), n0p), f3(26, s0p, n0p, P(n0l)),
		// distance
		f2(27, s0w, d), f2(28, s0p, d), f2(29, n0w, d), f2(30, n0p, d),
		f3(31, s0w, n0w, d), f3(32, s0p, n0p, d),
		// valency
		f2(33, s0w, s0vr), f2(34, s0p, s0vr), f2(35, s0w, s0vl), f2(36, s0p, s0vl),
		f2(37, n0w, n0vl), f2(38, n0p, n0vl),
		// second order: heads and outer children
		f1(39, W(s0h)), f1(40, P(s0h)), f1(41, L(s0)),
		f1(42, W(s0l)), f1(43, P(s0l)), f1(44, L(s0l)),
		f1(45, W(s0r)), f1(46, P(s0r)), f1(47, L(s0r)),
		f1(48, W(n0l)), f1(49, P(n0l)), f1(50, L(n0l)),
		// third order
		f1(51, W(s0h2)), f1(52, P(s0h2)), f1(53, L(s0h)),
		f1(54, W(s0l2)), f1(55, P(s0l2)), f1(56, L(s0l2)),
		f1(57, W(s0r2)), f1(58, P(s0r2)), f1(59, L(s0r2)),
		f1(60, W(n0l2)), f1(61, P(n0l2)), f1(62, L(n0l2)),
		f3(63, s0p, P(s0l), P(s0l2)), f3(64, s0p, P(s0r), P(s0r2)),
		f3(65, s0p, P(s0h), P(s0h2)), f3(66, n0p, P(n0l), P(n0l2)),
		// label sets
		f2(67, s0w, s0sr), f2(68, s0p, s0sr), f2(69, s0w, s0sl), f2(70, s0p, s0sl),
		f2(71, n0w, n0sl), f2(72, n0p, n0sl),
		// the second stack word, which decides many reduce/left choices
		f1(73, mix(W(s1), P(s1))), f3(74, P(s1), s0p, n0p), f2(75, P(s1), n0p),
		f2(76, s0p, L(s0)), f3(77, s0p, L(s0), n0p),
		// wider context
		f2(78, P(n3), n0p), f3(79, P(s2), P(s1), s0p), f2(80, n0w, n1w), f3(81, s0w, n0p, n1p),
	)
	return buf
}

// labelFeatures writes the features for labelling the arc h -> c.
func labelFeatures(buf []uint32, s *parseState, a *atoms, h, c int32) []uint32 {
	dir := uint64(1)
	if c < h {
		dir = 2
	}
	last := int32(s.n + 1)
	W := func(i int32) uint64 {
		if i <= 0 || i > last {
			return 0
		}
		return a.word[i]
	}
	P := func(i int32) uint64 {
		if i <= 0 || i > last {
			return 0
		}
		return a.tag[i]
	}
	L := func(i int32) uint64 {
		if i <= 0 || s.label[i] < 0 {
			return 0
		}
		return uint64(s.label[i]) + 1
	}
	child := func(cs []int32, i int32) int32 {
		if cs[i] == 0 {
			return -1
		}
		return cs[i]
	}
	hw, hp, cw, cp := W(h), P(h), W(c), P(c)
	var d uint64
	if h == last {
		d = 8
	} else if c > h {
		d = distBucket(c - h)
	} else {
		d = distBucket(h - c)
	}
	cl1, cr1 := child(s.lc1, c), child(s.rc1, c)
	hl1 := child(s.lc1, h)
	after := c + 1
	if h > c {
		after = h + 1
	}
	t := func(id uint64) uint64 { return id<<2 | dir }
	buf = buf[:0]
	buf = append(buf,
		f1(t(1), 0),
		f1(t(2), hw), f1(t(3), hp), f1(t(4), cw), f1(t(5), cp),
		f2(t(6), hw, cp), f2(t(7), hp, cw), f2(t(8), hp, cp), f2(t(9), hw, cw),
		f3(t(10), hp, cp, d), f3(t(11), cw, cp, hp),
		f1(t(12), L(cl1)), f1(t(13), L(cr1)), f2(t(14), W(cl1), cp), f3(t(15), W(cl1), cp, hp),
		f2(t(16), s.lset[c], cp), f2(t(17), s.rset[c], cp),
		f1(t(18), L(h)), f2(t(19), s.lset[h], hp), f2(t(20), s.rset[h], hp),
		f2(t(21), P(after), cp), f3(t(22), hp, cp, P(after)),
		f3(t(23), hp, cp, L(cl1)), f2(t(24), hw, W(cl1)), f2(t(25), P(cl1), cp),
		f3(t(26), hp, L(h), cp), f2(t(27), W(hl1), hp), f3(t(28), hp, cp, s.lset[h]),
		f2(t(29), P(c-1), cp), f2(t(30), P(c+1), cp),
	)
	return buf
}
