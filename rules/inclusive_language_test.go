package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestInclusiveLanguage(t *testing.T) {
	linttest.Run(t, "testdata/inclusive-language/default", "inclusive-language")
}

func TestInclusiveLanguageOptions(t *testing.T) {
	linttest.Run(t, "testdata/inclusive-language/options", "inclusive-language")
}
