//go:build unix

package syntax

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used, which other
// programs competing for the cores do not inflate as they do wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
