package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestVacancyWording(t *testing.T) {
	linttest.Run(t, "testdata/vacancy-wording/default", "vacancy-wording")
}

func TestVacancyWordingOptions(t *testing.T) {
	linttest.Run(t, "testdata/vacancy-wording/options", "vacancy-wording")
}
