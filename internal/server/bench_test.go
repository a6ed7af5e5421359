package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-dev/sitrep/internal/store"
)

const benchEvents = 100_000

// benchDB returns a store holding benchEvents generated events. Writing them
// takes a while, so the file is kept in the system temp directory and reused
// by later runs; it is only ever made when a benchmark runs, never by go test.
func benchDB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("sitrep-bench-%d-v1.db", benchEvents))
	if st, err := store.OpenReadOnly(path); err == nil {
		c, err := st.Count(b.Context())
		st.Close()
		if err == nil && c.Events == benchEvents {
			return path
		}
	}
	start := time.Now()
	tmp := path + ".tmp"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	bulk(b, tmp, benchEvents)
	// Renamed only when complete, so an interrupted run is not reused.
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("stored %d events in %s (cached at %s)", benchEvents, time.Since(start).Round(time.Millisecond), path)
	return path
}

// BenchmarkEventsAPI is a wrk-style load test on loopback: concurrent
// clients keep requesting /api/events?limit=100 over 100k stored events.
// Bound it with -benchtime, e.g.
//
//	go test -run '^$' -bench EventsAPI -benchtime 20000x ./internal/server/
func BenchmarkEventsAPI(b *testing.B) {
	for _, c := range []struct{ name, query string }{
		{"first-page", "/api/events?limit=100"},
		{"deep-page", "/api/events?limit=100&after=%d"},
		{"newest-first", "/api/events?limit=100&sort=-date"},
		{"newest-first-deep", "/api/events?limit=100&sort=-date&after=%d"},
	} {
		b.Run(c.name, func(b *testing.B) { benchLoad(b, c.query) })
	}
}

func benchLoad(b *testing.B, query string) {
	st, err := store.OpenReadOnly(benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ts := httptest.NewServer(New(st))
	defer ts.Close()
	const clients = 16
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}}
	defer client.CloseIdleConnections()

	var (
		mu        sync.Mutex
		latencies = make([]time.Duration, 0, b.N)
		failed    error
	)
	b.SetParallelism((clients + 1) / 2) // RunParallel multiplies by GOMAXPROCS
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		i := 0
		for pb.Next() {
			i++
			url := ts.URL + query
			if slices.Contains([]byte(query), '%') {
				url = ts.URL + fmt.Sprintf(query, (i*7919)%(benchEvents-100))
			}
			t0 := time.Now()
			resp, err := client.Get(url)
			if err == nil {
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err == nil && resp.StatusCode != http.StatusOK {
					err = fmt.Errorf("status %d", resp.StatusCode)
				}
			}
			mine = append(mine, time.Since(t0))
			if err != nil {
				mu.Lock()
				failed = err
				mu.Unlock()
				return
			}
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if failed != nil {
		b.Fatal(failed)
	}
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[int(float64(len(latencies)-1)*p)]) / float64(time.Millisecond)
	}
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
