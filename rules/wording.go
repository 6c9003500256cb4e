package rules

import (
	"sort"
	"strings"

	"github.com/golangci/misspell"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// Helpers shared by the wording rules (role-name-mismatch, bullet-drift,
// term-consistency, misspelling, repeated-word, ...).

// wordingText returns a block's text with what the wording rules must not
// judge blanked out, offsets unchanged: template placeholders ("{add ...}",
// "{:toc}"), ERB tags, and URLs, e-mail addresses, host names and paths
// written as plain text. Code, link targets, HTML and front matter are not
// part of a block's text to begin with.
func wordingText(b *model.Block) string {
	t := prose.BlankRanges(b.Text, prose.Placeholders(b.Text))
	return misspell.RemoveNotWords(t)
}

// sourceIs reports whether the source at span reads exactly text: a fix may
// then replace it without touching markup.
func sourceIs(f *model.Family, span model.Span, text string) bool {
	src := f.Source.Text
	return span.Start >= 0 && span.End <= len(src) && span.Start <= span.End && string(src[span.Start:span.End]) == text
}

// onlySpace reports whether s is whitespace (and not empty).
func onlySpace(s string) bool {
	return s != "" && strings.TrimSpace(s) == ""
}

// quoted writes a text in double quotes for a message, its whitespace folded.
func quoted(s string) string { return `"` + strings.Join(strings.Fields(s), " ") + `"` }

// byCount returns the keys of counts, most counted first, ties in
// alphabetical order.
func byCount(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
