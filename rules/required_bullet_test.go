package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestRequiredBullet(t *testing.T) {
	linttest.Run(t, "testdata/required-bullet/default", "required-bullet")
}

func TestRequiredBulletOptions(t *testing.T) {
	linttest.Run(t, "testdata/required-bullet/options", "required-bullet")
}
