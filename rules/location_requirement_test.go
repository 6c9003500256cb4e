package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestLocationRequirement(t *testing.T) {
	linttest.Run(t, "testdata/location-requirement/default", "location-requirement")
}

func TestLocationRequirementOptions(t *testing.T) {
	linttest.Run(t, "testdata/location-requirement/options", "location-requirement")
}
