package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestLinkFragment(t *testing.T) {
	linttest.Run(t, "testdata/link-fragment", "link-fragment")
}
