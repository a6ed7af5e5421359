package syntax

// Features are hashed to 32-bit keys: a template number mixed with up to
// three atom values (word hashes, tag ids, labels, distances). Training and
// tagging use the same function, so the rare collision is part of the
// model rather than a difference between training and use.

const (
	hashSeed  = 0x243F6A8885A308D3
	hashMulti = 0x9E3779B97F4A7C15
)

// mix folds v into h with a multiply-xorshift step.
func mix(h, v uint64) uint64 {
	h ^= v
	h *= hashMulti
	return h ^ h>>31
}

// key finishes a feature hash; 0 is reserved for empty table slots.
func key(h uint64) uint32 {
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	k := uint32(h >> 32)
	if k == 0 {
		k = 1
	}
	return k
}

func f1(t, a uint64) uint32       { return key(mix(mix(hashSeed, t), a)) }
func f2(t, a, b uint64) uint32    { return key(mix(mix(mix(hashSeed, t), a), b)) }
func f3(t, a, b, c uint64) uint32 { return key(mix(mix(mix(mix(hashSeed, t), a), b), c)) }

// hashString is FNV-1a over the bytes of s, never 0 (0 means "no word").
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	if h == 0 {
		h = 1
	}
	return h
}
