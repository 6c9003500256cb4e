package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestLevelSequence(t *testing.T) {
	linttest.Run(t, "testdata/level-sequence", "level-sequence")
}

func TestLevelDimensions(t *testing.T) {
	linttest.Run(t, "testdata/level-dimensions", "level-dimensions")
}

func TestLadderPlaceholder(t *testing.T) {
	linttest.Run(t, "testdata/ladder-placeholder", "ladder-placeholder")
}

func TestSummaryTable(t *testing.T) {
	linttest.Run(t, "testdata/summary-table", "summary-table")
}

func TestDimensionCopy(t *testing.T) {
	linttest.Run(t, "testdata/dimension-copy", "dimension-copy")
}

func TestRepoLink(t *testing.T) {
	linttest.Run(t, "testdata/repo-link", "repo-link")
}
