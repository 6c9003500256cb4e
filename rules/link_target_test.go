package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestLinkTarget(t *testing.T) {
	linttest.Run(t, "testdata/link-target", "link-target")
}

// TestLinksMiddleman runs the link rules on a small tree in the layout of
// GitLab's pre-2023 Middleman site, with roots found from the linted files.
func TestLinksMiddleman(t *testing.T) {
	linttest.Run(t, "testdata/link-site-middleman", "link-target", "link-fragment")
}
