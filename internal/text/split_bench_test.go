package text

import (
	"os"
	"testing"
)

func BenchmarkSplit(b *testing.B) {
	body, err := os.ReadFile("/work/shared/samples/globalresearch-2018-07-18-southern-syria.txt")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		Split(string(body))
	}
}
