package lint_test

import (
	"strings"
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
			n := hostile.Allocated(func() { _, err = lint.ParseConfig("bomb.yml", []byte(body)) })
			if err == nil || !strings.HasPrefix(err.Error(), "bomb.yml:") {
				t.Fatalf("a YAML bomb must be a config error naming the file, got %v", err)
			}
			if n > 8<<20 {
				t.Errorf("reading a %d-byte config allocated %d bytes", len(body), n)
			} else {
				t.Logf("%d bytes of config, %d bytes allocated: %v", len(body), n, err)
			}
		})
	}
}
