package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"unsafe"
)

// perceptron is a multiclass averaged perceptron under training. Updates are
// integers, so training is exact and deterministic; averaging uses the
// timestamp trick: avg = w - acc/t, where acc sums each update times the
// instance count at which it was made.
type perceptron struct {
	nClass int
	rows   map[uint32]int32
	w      []int32
	acc    []int64
	t      int64
}

func newPerceptron(nClass int) *perceptron {
	return &perceptron{nClass: nClass, rows: make(map[uint32]int32, 1<<16)}
}

// scores writes the current (not averaged) class scores of feats into out.
func (p *perceptron) scores(feats []uint32, out []int32) {
	clear(out[:p.nClass])
	for _, f := range feats {
		r, ok := p.rows[f]
		if !ok {
			continue
		}
		row := p.w[int(r)*p.nClass : int(r+1)*p.nClass]
		for c, v := range row {
			out[c] += v
		}
	}
}

// update moves weight from the guessed class to the gold one.
func (p *perceptron) update(feats []uint32, gold, guess int) {
	if gold == guess {
		return
	}
	for _, f := range feats {
		r, ok := p.rows[f]
		if !ok {
			r = int32(len(p.rows))
			p.rows[f] = r
			p.w = append(p.w, make([]int32, p.nClass)...)
			p.acc = append(p.acc, make([]int64, p.nClass)...)
		}
		base := int(r) * p.nClass
		p.w[base+gold]++
		p.acc[base+gold] += p.t
		p.w[base+guess]--
		p.acc[base+guess] -= p.t
	}
}

// tick counts one training instance for averaging.
func (p *perceptron) tick() { p.t++ }

// average returns the averaged weights as a compact table for tagging and
// parsing, quantized to 16 bits; weights that round to zero are dropped.
func (p *perceptron) average() *linear {
	t := float64(max(p.t, 1))
	var maxAbs float64
	avg := make([]float32, len(p.w))
	for i, w := range p.w {
		a := float64(w) - float64(p.acc[i])/t
		avg[i] = float32(a)
		maxAbs = max(maxAbs, math.Abs(a))
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	feats := make([]sparseRow, 0, len(p.rows))
	for f, r := range p.rows {
		row := sparseRow{key: f}
		for c := 0; c < p.nClass; c++ {
			q := int16(math.Round(float64(avg[int(r)*p.nClass+c] / scale)))
			if q != 0 {
				row.cls = append(row.cls, uint8(c))
				row.q = append(row.q, q)
			}
		}
		if len(row.cls) > 0 {
			feats = append(feats, row)
		}
	}
	return buildLinear(p.nClass, scale, feats)
}

type sparseRow struct {
	key uint32
	cls []uint8
	q   []int16
}

// linear is a trained classifier: an open-addressing table from feature key
// to that feature's non-zero class weights, quantized to 16 bits. Tables
// with at most four classes (the transition model) keep the weights inline
// in the slot, so a lookup is one memory access; the others keep (class,
// weight) pairs packed in one array. Scores are integer sums.
type linear struct {
	nClass int
	scale  float32 // weight = q * scale; kept for the record
	mask   uint32
	slots  []slot // sparse tables
	pairs  []uint32
	dslots []dslot // tables of <= 4 classes
	nFeat  int
}

type slot struct {
	key uint32
	ref uint32 // offset into pairs << 8 | number of pairs
}

type dslot struct {
	key uint32
	w   [4]int16
}

func pair(c uint8, q int16) uint32 { return uint32(c)<<16 | uint32(uint16(q)) }

func unpair(p uint32) (uint8, int16) { return uint8(p >> 16), int16(uint16(p)) }

func buildLinear(nClass int, scale float32, rows []sparseRow) *linear {
	var keys []uint32
	var counts []uint32
	var cls []uint8
	var q []int16
	for _, r := range rows {
		keys = append(keys, r.key)
		counts = append(counts, uint32(len(r.cls)))
		cls = append(cls, r.cls...)
		q = append(q, r.q...)
	}
	return newLinear(nClass, scale, keys, counts, cls, q)
}

// newLinear indexes flat arrays: feature i has counts[i] (class, weight)
// pairs, stored in order in cls and q. A duplicate key keeps its first
// weights.
func newLinear(nClass int, scale float32, keys, counts []uint32, cls []uint8, q []int16) *linear {
	size := 1
	for size < len(keys)+len(keys)/2+2 {
		size <<= 1
	}
	l := &linear{nClass: nClass, scale: scale, mask: uint32(size - 1)}
	if nClass <= 4 {
		var free func()
		l.dslots, free = hugeAlloc[dslot](size)
		runtime.SetFinalizer(l, func(*linear) { free() })
	} else {
		var freeSlots, freePairs func()
		l.slots, freeSlots = hugeAlloc[slot](size)
		l.pairs, freePairs = hugeAlloc[uint32](len(q))
		l.pairs = l.pairs[:0]
		runtime.SetFinalizer(l, func(*linear) { freeSlots(); freePairs() })
	}
	off := 0
	for i, k := range keys {
		n := int(counts[i])
		if n == 0 {
			continue // a feature without weights changes no score
		}
		j := k & l.mask
		if l.dslots != nil {
			for l.dslots[j].key != 0 && l.dslots[j].key != k {
				j = (j + 1) & l.mask
			}
			if l.dslots[j].key == 0 {
				s := dslot{key: k}
				for x := off; x < off+n; x++ {
					s.w[cls[x]] = q[x]
				}
				l.dslots[j] = s
				l.nFeat++
			}
		} else {
			for l.slots[j].key != 0 && l.slots[j].key != k {
				j = (j + 1) & l.mask
			}
			if l.slots[j].key == 0 && len(l.pairs)+n < 1<<24 {
				l.slots[j] = slot{key: k, ref: uint32(len(l.pairs))<<8 | uint32(n)}
				for x := off; x < off+n; x++ {
					l.pairs = append(l.pairs, pair(cls[x], q[x]))
				}
				l.nFeat++
			}
		}
		off += n
	}
	return l
}

// maxFeats bounds the features of one decision.
const maxFeats = 128

// add adds the weights of feats to out (len >= nClass). The tables are far
// larger than the caches, so lookups go in passes: the first touches every
// feature's home slot with independent loads, which the processor overlaps,
// instead of paying one memory round trip per feature in turn.
func (l *linear) add(feats []uint32, out []int32) {
	var touch uint32
	if l.dslots != nil {
		for _, f := range feats {
			touch += l.dslots[f&l.mask].key
		}
		for _, f := range feats {
			i := f & l.mask
			for {
				s := &l.dslots[i]
				if s.key == f {
					out[0] += int32(s.w[0])
					out[1] += int32(s.w[1])
					out[2] += int32(s.w[2])
					out[3] += int32(s.w[3])
					break
				}
				if s.key == 0 {
					break
				}
				i = (i + 1) & l.mask
			}
		}
	} else {
		for _, f := range feats {
			touch += l.slots[f&l.mask].key
		}
		var found [maxFeats]uint32
		nf := 0
		for _, f := range feats {
			i := f & l.mask
			for {
				s := &l.slots[i]
				if s.key == f {
					if nf < len(found) {
						found[nf] = s.ref
						nf++
					}
					touch += l.pairs[s.ref>>8]
					break
				}
				if s.key == 0 {
					break
				}
				i = (i + 1) & l.mask
			}
		}
		for _, ref := range found[:nf] {
			for _, p := range l.pairs[ref>>8 : ref>>8+ref&0xff] {
				out[p>>16] += int32(int16(uint16(p)))
			}
		}
	}
	if touch == 1 {
		out[0] += 0 // keeps the touching loads from being optimized away
	}
}

// each calls fn with every feature's key and its (class, weight) pairs.
func (l *linear) each(fn func(key uint32, cls []uint8, q []int16)) {
	var cls []uint8
	var q []int16
	if l.dslots != nil {
		for _, s := range l.dslots {
			if s.key == 0 {
				continue
			}
			cls, q = cls[:0], q[:0]
			for c, w := range s.w {
				if w != 0 {
					cls, q = append(cls, uint8(c)), append(q, w)
				}
			}
			fn(s.key, cls, q)
		}
		return
	}
	for _, s := range l.slots {
		if s.key == 0 {
			continue
		}
		cls, q = cls[:0], q[:0]
		for _, p := range l.pairs[s.ref>>8 : s.ref>>8+s.ref&0xff] {
			c, w := unpair(p)
			cls, q = append(cls, c), append(q, w)
		}
		fn(s.key, cls, q)
	}
}

// write saves the table: features in key order with delta-coded keys and
// zigzag-varint weights, which compress well.
func (l *linear) write(w *bufio.Writer) error {
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { w.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	put(uint64(l.nClass))
	put(uint64(math.Float32bits(l.scale)))
	type row struct {
		key uint32
		cls []uint8
		q   []int16
	}
	var rows []row
	l.each(func(k uint32, c []uint8, q []int16) {
		rows = append(rows, row{k, slices.Clone(c), slices.Clone(q)})
	})
	slices.SortFunc(rows, func(a, b row) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	put(uint64(len(rows)))
	prev := uint32(0)
	for _, r := range rows {
		put(uint64(r.key - prev))
		prev = r.key
		put(uint64(len(r.cls)))
		w.Write(r.cls)
		for _, q := range r.q {
			w.Write(buf[:binary.PutVarint(buf[:], int64(q))])
		}
	}
	return nil
}

func readLinear(r *bufio.Reader) (*linear, error) {
	get := func() uint64 {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			panic(err)
		}
		return v
	}
	var l *linear
	err := func() (err error) {
		defer func() {
			if e := recover(); e != nil {
				if ee, ok := e.(error); ok {
					err = ee
					return
				}
				panic(e)
			}
		}()
		nClass := int(get())
		if nClass <= 0 || nClass > 256 {
			return fmt.Errorf("bad class count %d", nClass)
		}
		scale := math.Float32frombits(uint32(get()))
		n := get()
		if n > 1<<28 {
			return errors.New("feature count out of range")
		}
		keys := make([]uint32, n)
		counts := make([]uint32, n)
		cls := make([]uint8, 0, 4*n)
		q := make([]int16, 0, 4*n)
		prev := uint32(0)
		for i := range keys {
			prev += uint32(get())
			k := int(get())
			if k > nClass {
				return fmt.Errorf("feature with %d classes of %d", k, nClass)
			}
			keys[i], counts[i] = prev, uint32(k)
			for range k {
				c, err := r.ReadByte()
				if err != nil {
					return err
				}
				if int(c) >= nClass {
					return fmt.Errorf("class %d of %d", c, nClass)
				}
				cls = append(cls, c)
			}
			for range k {
				v, err := binary.ReadVarint(r)
				if err != nil {
					return err
				}
				q = append(q, int16(v))
			}
		}
		l = newLinear(nClass, scale, keys, counts, cls, q)
		return nil
	}()
	if err != nil {
		return nil, fmt.Errorf("reading weights: %w", err)
	}
	return l, nil
}

// bytes is the memory the table holds.
func (l *linear) bytes() int {
	return len(l.slots)*int(unsafe.Sizeof(slot{})) + len(l.dslots)*int(unsafe.Sizeof(dslot{})) + 4*cap(l.pairs)
}
