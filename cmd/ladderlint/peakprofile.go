package main

import (
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
)

// peakProfile writes a heap profile to path each time the live heap, as
// the last collection measured it, grows by half a megabyte over the
// largest seen so far, so that the file left at the end is the heap at
// (about) the run's peak: what the program held then, not what it
// allocated. LADDERLINT_PEAKPROFILE=FILE asks for it; run with a low GOGC
// (10) for collections often enough to see the peak. The largest live heap
// is written to FILE.live. With LADDERLINT_PEAKPROFILE_STAT set, the
// runtime's memory classes and the process's resident memory (peak, heap
// and file pages) are printed at the end: how far the resident memory is
// from the heap. It returns what stops it.
func peakProfile(path string) func() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var peak uint64
	write := func() {
		metrics.Read(sample)
		live := sample[0].Value.Uint64()
		if live < peak+512<<10 {
			return
		}
		peak = live
		if f, err := os.Create(path); err == nil {
			_ = pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
		_ = os.WriteFile(path+".live", []byte(formatMB(live)+" live\n"), 0o644)
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				write()
				return
			case <-t.C:
				write()
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		if os.Getenv("LADDERLINT_PEAKPROFILE_STAT") != "" {
			memoryStats()
		}
	}
}

// memoryStats prints the runtime's memory classes and the process's
// resident memory to stderr.
func memoryStats() {
	for _, d := range metrics.All() {
		if strings.HasPrefix(d.Name, "/memory/classes/") {
			x := []metrics.Sample{{Name: d.Name}}
			metrics.Read(x)
			os.Stderr.WriteString(d.Name + " " + formatMB(x[0].Value.Uint64()) + "\n")
		}
	}
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		for _, k := range []string{"VmHWM", "VmRSS", "RssAnon", "RssFile"} {
			if strings.HasPrefix(l, k) {
				os.Stderr.WriteString(l + "\n")
			}
		}
	}
}

func formatMB(b uint64) string {
	return strconv.FormatUint(b>>10, 10) + " kB"
}
