package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestLinkTarget(t *testing.T) {
	linttest.Run(t, "testdata/link-target", "link-target")
}
