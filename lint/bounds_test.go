package lint_test

import (
	"runtime"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint"
)

// TestConfigYAMLBombsAllocateLittle reads each YAML bomb as a config: a
// config error naming the file, and less than 8 MiB allocated.
func TestConfigYAMLBombsAllocateLittle(t *testing.T) {
	for name, body := range hostile.YAMLBombs {
		t.Run(name, func(t *testing.T) {
			var err error
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err = lint.ParseConfig("bomb.yml", []byte(body))
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatal("a YAML bomb must be a config error")
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
				t.Errorf("reading a %d-byte config allocated %d bytes", len(body), n)
			} else {
				t.Logf("%d bytes of config, %d bytes allocated: %v", len(body), n, err)
			}
		})
	}
}
