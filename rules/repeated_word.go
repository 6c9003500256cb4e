package rules

import (
	"fmt"
	"strings"
	"unicode"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

type repeatedWordOptions struct {
	Allow []string `yaml:"allow"`
}

var repeatedWordRule = &lint.Rule{
	ID:       "repeated-word",
	Title:    "a word written twice in a row (\"the the\")",
	Category: lint.Wording,
	Severity: lint.Warning,
	Fixable:  true,
	Doc: lint.Doc{
		Description: "A word followed by itself, with only whitespace (a line break counts) between the two, is " +
			"almost always an editing slip: \"the the\", \"and and\". Case does not matter. Words split by " +
			"punctuation (\"no, no\"), by a code span, numbers and the words of the `allow` list (\"that that\" " +
			"and \"had had\" are grammatical), nor \"at\" before \"at least\" or \"at most\" (\"look at at least three\"), nor a bold or emphasised label that opens a paragraph or item and the text's first word after it (\"**Impact** Impact on the team\"), " +
			"nor a verb after \"to\" " +
			"written again as the clause's verb or a noun (\"those eligible to vote vote in favor\", \"to review review comments\"; not a " +
			"function word: \"to the the\"), are not reported; a run of one word (\"the the the\") is one finding; nor is text in code, link targets, front " +
			"matter or template placeholders. `--fix` deletes the second word.",
		Bad:  "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Responsibilities\n\n- Review the the merge requests of your team\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Responsibilities\n\n- Review the merge requests of your team\n- Make sure that that review happens\n",
		Options: []lint.OptionDoc{
			{Name: "allow", Default: "[that, had]", Text: "words that may be written twice in a row"},
		},
	},
	Options: func() any { return &repeatedWordOptions{Allow: []string{"that", "had"}} },
	Check:   checkRepeatedWord,
}

func init() { lint.Register(repeatedWordRule) }

func checkRepeatedWord(p *lint.Pass) {
	opts := lint.Options[repeatedWordOptions](p.Options)
	allow := map[string]bool{}
	for _, w := range opts.Allow {
		allow[strings.ToLower(w)] = true
	}
	for _, b := range p.File.Blocks {
		text := wordingText(b)
		tw := wordingWords(b, true)
		words := tw.Words
		for i := 1; i < len(words); i++ {
			prev, cur := wordIn(text, words[i-1]), wordIn(text, words[i])
			lw := tw.Lower(i)
			if lw != tw.Lower(i-1) || allow[lw] || !onlySpace(text[prev.End:cur.Start]) || !hasLetter(lw) {
				continue
			}
			if i+1 < len(words) && grammaticalDouble(lw, tw.Lower(i+1)) {
				continue // "look at at least three"
			}
			if i >= 2 && tw.Lower(i-2) == "to" && onlySpace(text[words[i-2].End:prev.Start]) && infinitiveDouble(lw) {
				continue // "those eligible to vote vote in favor"
			}
			from, to := b.SourceOffset(prev.End), b.SourceOffset(cur.Start)
			if from < to && strings.Contains(string(p.File.Source.Text[from:to]), "\n") && startsUpper(cur.Text) {
				continue // "About GitLab\nGitLab Inc. is ...": a line meant as a title
			}
			if htmlBetween(p.File, from, to) {
				continue // "Compensation <br> Compensation Partner"
			}
			if e := b.SourceOffset(prev.End-1) + 1; i == 1 && e < to && (p.File.Source.Text[e] == '*' || p.File.Source.Text[e] == '_') {
				// "**Impact** Impact on the team is broad": a bold label
				// that opens the paragraph or item, as a heading would,
				// then the text's own first word
				continue
			}
			// a run of the word ("the the the ..."): one finding
			last := i
			for last+1 < len(words) && tw.Lower(last+1) == lw && onlySpace(text[words[last].End:words[last+1].Start]) &&
				!htmlBetween(p.File, b.SourceOffset(int(words[last].End)), b.SourceOffset(int(words[last+1].Start))) {
				last++
			}
			end := words[last]
			span := b.SourceSpan(prev.Start, int(end.End))
			d := lint.Diagnostic{
				Span:    span,
				Message: fmt.Sprintf("%s is written twice in a row", quoted(cur.Text)),
				Subject: lw + " " + lw,
				Diff:    prev.Text + " [-" + cur.Text + "-]",
			}
			if n := last - i + 2; n > 2 {
				d.Message = fmt.Sprintf("%s is written %d times in a row", quoted(cur.Text), n)
				d.Diff = prev.Text + " [-" + cur.Text + " ...-]"
			}
			// delete the repeats and the spaces before them, when the
			// source holds only whitespace between the words and the words
			// as written
			fixable := true
			for k := i; k <= last && fixable; k++ {
				w := wordIn(text, words[k])
				fixable = sourceIs(p.File, b.SourceSpan(w.Start, w.End), w.Text) &&
					onlySpace(string(p.File.Source.Text[b.SourceOffset(int(words[k-1].End)):b.SourceOffset(w.Start)]))
			}
			if fixable {
				d.Fixes = []lint.Edit{{Span: model.Span{Start: from, End: b.SourceOffset(int(end.End-1)) + 1}, New: ""}}
			}
			p.Report(d)
			i = last + 1
		}
	}
}

// grammaticalDouble reports whether a word written twice is grammar, given
// the word after the two: "look at at least three", "at at most".
func grammaticalDouble(w, next string) bool {
	return w == "at" && (next == "least" || next == "most")
}

// infinitiveDouble reports whether a word written twice after "to" is
// grammar: a verb in the infinitive, then the same word as the clause's
// verb ("those eligible to vote vote in favor") or as a noun ("ask them to
// review review comments"), which English writes alike. The word is a verb
// the dictionary writes with "-ed" ("voted"); a function word ("to the
// the", "to be be") is a slip.
func infinitiveDouble(w string) bool {
	if prose.IsStopWord(w) || w == "have" || w == "do" || w == "not" {
		return false
	}
	d := englishWords()
	if !d.has(w) {
		return false
	}
	return d.has(w+"ed") || strings.HasSuffix(w, "e") && d.has(w+"d")
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// htmlBetween reports whether raw HTML (or code) lies in the source range.
func htmlBetween(f *model.Family, from, to int) bool {
	for off := from; off < to; off++ {
		if f.InCode(off) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
