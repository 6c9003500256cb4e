package rules

import (
	"fmt"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

var ladderPlaceholderRule = &lint.Rule{
	ID:       "ladder-placeholder",
	Title:    "no level or dimension left as TBD, TODO, coming soon, a lone dash or N/A",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "Within a ladder, a level, a dimension, a bullet or a table cell whose whole text is a placeholder " +
			"(\"TBD\", \"TODO\", \"coming soon\", \"to be defined\", \"WIP\", a lone \"-\" or \"N/A\") or is empty, or that opens by saying it is not written yet (\"We haven't yet finalized the description of this level\"), was " +
			"never written. An empty table cell counts only between two filled cells of its row or column, and only in a table " +
			"that leaves no cell empty by design (a skill that starts at a later level or stops before the top): where a table " +
			"does, an empty cell means \"no expectation here\". A lone dash or N/A in a cell before the first level that has " +
			"the dimension or after the last one says \"none at this level\" and is not reported. The {braces} of GitLab's templates are template-placeholder's. On in the generic profile.",
		Bad:  "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n## L2 Engineer\n\n**Scope:** TBD\n",
		Good: "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n## L2 Engineer\n\n**Scope:** a feature.\n",
	},
	Check: checkLadderPlaceholder,
}

var ladderPlaceholderRE = regexp.MustCompile(`(?i)^\s*(?:\(?\s*(?:tbd|tba|todo|tbc|wip|n/?a|none yet|coming soon|to be (?:defined|determined|written|added|confirmed)|work in progress|-+|–|—|\?+|\.\.\.|…)\s*\)?)\s*[.!]?\s*$`)

// tableNoneRE is a table cell that says "none here" rather than leaving
// the entry unwritten, when it stands where the dimension has not started
// yet or has stopped: a lone dash or N/A.
var tableNoneRE = regexp.MustCompile(`(?i)^\s*(?:-+|–|—|n/?a)\s*$`)

func checkLadderPlaceholder(p *lint.Pass) {
	f := p.File
	reported := map[int]bool{}
	report := func(s model.Span, msg, subj string) {
		if reported[s.Start] {
			return
		}
		reported[s.Start] = true
		p.Report(lint.Diagnostic{Span: s, Message: msg, Subject: subj})
	}
	for _, lad := range pageLadders(p.Env, p.Config, f) {
		// a table's dimension that only some levels have (a skill that
		// starts at level 2, stops before the top): its empty cells below
		// the first level that has it and above the last are by design;
		// only a gap between two filled cells is a missing entry
		filled := map[string][2]int{} // dimension -> first and last level with content
		if lad.From == "table" {
			for i, l := range lad.Levels {
				for _, d := range l.Dims {
					if d.Block == nil || strings.TrimSpace(d.Block.Text) == "" || tableNoneRE.MatchString(d.Block.Text) {
						continue
					}
					r, ok := filled[d.Key]
					if !ok {
						r[0] = i
					}
					r[1] = i
					filled[d.Key] = r
				}
			}
		}
		// a table that leaves cells empty by design (above) says "no
		// expectation here" with an empty cell: its gaps are that too. Only
		// in a table otherwise full is an empty cell a missing entry.
		byDesign := false
		if lad.From == "table" {
			for i, l := range lad.Levels {
				for _, d := range l.Dims {
					if d.Block != nil && strings.TrimSpace(d.Block.Text) == "" {
						if r, ok := filled[d.Key]; !ok || i < r[0] || i > r[1] {
							byDesign = true
						}
					}
				}
			}
		}
		for i, l := range lad.Levels {
			if lad.From == "table" {
				for _, d := range l.Dims {
					if d.Block == nil {
						continue
					}
					if strings.TrimSpace(d.Block.Text) == "" {
						if r, ok := filled[d.Key]; byDesign || !ok || i < r[0] || i > r[1] {
							continue
						}
						report(emptyCellSpan(f, d), fmt.Sprintf("level %q: %q is an empty cell", levelLabel(l), d.Name), "empty "+d.Key)
					} else if ladderPlaceholderRE.MatchString(d.Block.Text) {
						if r, ok := filled[d.Key]; tableNoneRE.MatchString(d.Block.Text) && (!ok || i < r[0] || i > r[1]) {
							continue // "none at this level", before the dimension starts or after it stops
						}
						report(d.Block.Span, fmt.Sprintf("level %q: %q is only a placeholder (%q)", levelLabel(l), d.Name, strings.TrimSpace(d.Block.Text)), "placeholder "+d.Key)
					} else if m := notYetRE.FindString(d.Block.Text); m != "" {
						report(d.Block.Span, fmt.Sprintf("level %q is not written yet: %q", levelLabel(l), strings.TrimSpace(m)), "not yet "+d.Key)
					}
				}
				continue
			}
			body := strings.TrimSpace(commentsRE.ReplaceAllString(string(f.Source.Text[l.Body.Start:l.Body.End]), ""))
			if body == "" {
				report(l.TitleSpan, fmt.Sprintf("level %q has no content", levelLabel(l)), "empty level")
				continue
			}
			// a dimension, bold label or sub-heading, whose whole text is a
			// placeholder: named as the dimension, not as the whole level
			var done []model.Span
			for _, d := range l.Dims {
				if strings.TrimSpace(d.Text) != "" && ladderPlaceholderRE.MatchString(d.Text) {
					report(d.Span, fmt.Sprintf("level %q: %q is only a placeholder (%q)", levelLabel(l), d.Name, strings.TrimSpace(d.Text)), "placeholder "+d.Key)
					if d.Block == nil {
						done = append(done, d.Body)
					}
				}
			}
			for _, b := range shape.BlocksIn(f, l.Body) {
				if b.Kind == model.BlockHeading || b.Kind == model.BlockCell || within(b.Span, done) {
					continue
				}
				if ladderPlaceholderRE.MatchString(b.Text) && strings.TrimSpace(b.Text) != "" {
					report(b.Span, fmt.Sprintf("level %q holds only a placeholder (%q)", levelLabel(l), strings.TrimSpace(b.Text)), "placeholder "+strings.TrimSpace(b.Text))
				} else if m := notYetRE.FindString(b.Text); m != "" {
					report(b.Span, fmt.Sprintf("level %q is not written yet: %q", levelLabel(l), strings.TrimSpace(m)), "not yet")
				}
			}
		}
	}
}

func within(s model.Span, in []model.Span) bool {
	for _, o := range in {
		if s.Within(o) {
			return true
		}
	}
	return false
}

// notYetRE is a text that opens by saying it is not written yet: "We
// haven't yet finalized the description of this level", "This level is
// still to be defined".
var notYetRE = regexp.MustCompile(`(?i)^\s*(?:(?:we|i|they)\s+)?(?:have(?:n['’]t| not)|has(?:n['’]t| not))\s+(?:yet\s+)?(?:been\s+)?(?:finali[sz]ed|defined|written|decided|described|documented)\b[^.!?]*[.!?]?|^\s*(?:the\s+)?(?:description\s+of\s+)?this\s+(?:level|role|section)(?:'s\s+description)?\s+is\s+(?:still\s+|not\s+yet\s+)?(?:to\s+be|being)\s+(?:defined|written|finali[sz]ed|decided)\b[^.!?]*[.!?]?`)

// emptyCellSpan points at an empty cell: the space between its pipes on
// its row's line.
func emptyCellSpan(f *model.Family, d *shape.Dimension) model.Span {
	src := f.Source.Text
	if d.Row == nil {
		return d.Block.Span
	}
	ls := d.Row.Span.Start
	for ls > 0 && src[ls-1] != '\n' {
		ls--
	}
	le := ls
	for le < len(src) && src[le] != '\n' {
		le++
	}
	line := src[ls:le]
	var pipes []int
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '|' {
			pipes = append(pipes, i)
		}
	}
	// a leading pipe opens cell 0
	k := d.Col
	if len(pipes) > 0 && strings.TrimSpace(string(line[:pipes[0]])) != "" {
		k-- // no leading pipe: cell 0 ends at the first pipe
	}
	if k < 0 || k+1 >= len(pipes) {
		return d.Block.Span
	}
	return model.Span{Start: ls + pipes[k] + 1, End: ls + pipes[k+1]}
}

func init() { lint.Register(ladderPlaceholderRule) }
