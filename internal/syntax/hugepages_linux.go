package syntax

import (
	"syscall"
	"unsafe"
)

// hugeAlloc returns zeroed memory for n values of T outside the Go heap,
// advised to the kernel for transparent huge pages: the weight tables are
// read at random, and with 4 kB pages most lookups would also miss the TLB.
// The memory holds no pointers; free releases it. It falls back to the Go
// heap when mmap fails.
func hugeAlloc[T any](n int) (s []T, free func()) {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < 256<<10 {
		return make([]T, n), func() {}
	}
	// Huge pages need 2 MB-aligned ranges: map one page more and start at
	// the first aligned address.
	const huge = 2 << 20
	size = (size + huge - 1) &^ (huge - 1)
	mem, err := syscall.Mmap(-1, 0, size+huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]T, n), func() {}
	}
	skip := int((huge - uintptr(unsafe.Pointer(&mem[0]))%huge) % huge)
	aligned := mem[skip : skip+size]
	_ = syscall.Madvise(aligned, 14) // MADV_HUGEPAGE
	return unsafe.Slice((*T)(unsafe.Pointer(&aligned[0])), n), func() { syscall.Munmap(mem) }
}
