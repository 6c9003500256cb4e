package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestFrontmatter(t *testing.T) {
	linttest.Run(t, "testdata/frontmatter", "frontmatter")
}
