package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestGradeFormat(t *testing.T) { linttest.Run(t, "testdata/grade-format", "grade-format") }

func TestGradeFormatOptions(t *testing.T) {
	linttest.Run(t, "testdata/grade-format-options", "grade-format")
}
