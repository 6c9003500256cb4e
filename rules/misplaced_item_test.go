package rules

import (
	"strings"
	"testing"
)

// TestQualityHeadWords: opensWithQualityHead joins only the first
// qualityHeadWords words of an item, so every head must be shorter.
func TestQualityHeadWords(t *testing.T) {
	for _, h := range misplacedQualityHeads {
		if n := len(strings.Fields(h)); n >= qualityHeadWords {
			t.Errorf("quality head %q has %d words, qualityHeadWords is %d", h, n, qualityHeadWords)
		}
	}
}

func TestOpensWithQualityHead(t *testing.T) {
	for text, want := range map[string]bool{
		"Ability to travel if needed":                          true,
		"Proven ability to work in GitLab projects and issues": true,
		"Ability":          false,
		"Abilityto travel": false,
		"Lead the team through the ability to travel": false,
		"Proven abilityx to lead":                     false,
	} {
		if got := opensWithQualityHead(misplacedWords(text)); got != want {
			t.Errorf("opensWithQualityHead(%q) = %v, want %v", text, got, want)
		}
	}
}
