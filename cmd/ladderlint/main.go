// Command ladderlint lints job-family (career ladder) pages in a
// docs-as-code handbook: structure, grades, links, wording consistency and
// the handbook's job-family policy. See README.md and docs/rules.md.
package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

func main() {
	app := NewApp(os.Stdout, os.Stderr)
	if st, err := os.Stdout.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
		app.Terminal = true
	}
	stop := profile()
	code := app.Run(os.Args)
	stop()
	os.Exit(code)
}

// profile starts the profiles that LADDERLINT_CPUPROFILE and
// LADDERLINT_MEMPROFILE ask for (files for `go tool pprof`; used by the
// benchmarks in bench/) and returns what writes them.
func profile() func() {
	var stops []func()
	if p := os.Getenv("LADDERLINT_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil && pprof.StartCPUProfile(f) == nil {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if p := os.Getenv("LADDERLINT_MEMPROFILE"); p != "" {
		runtime.MemProfileRate = 64 << 10
		stops = append(stops, func() {
			if f, err := os.Create(p); err == nil {
				_ = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		})
	}
	if p := os.Getenv("LADDERLINT_PEAKPROFILE"); p != "" {
		runtime.MemProfileRate = 4 << 10
		stops = append(stops, peakProfile(p))
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
