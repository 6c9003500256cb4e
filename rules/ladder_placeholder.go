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
		Description: "Within a ladder, a level, a dimension, a bullet or a table cell whose whole text is unambiguously a " +
			"placeholder (\"TBD\", \"TODO\", \"coming soon\", \"to be defined\", \"WIP\", \"???\"), a level with no content at all, " +
			"or a text that opens by saying it is not written yet (\"We haven't yet finalized the description of this level\"), " +
			"was never written. An empty table cell, a lone \"-\", \"N/A\" or \"...\" is not reported: ladders write them for " +
			"\"nothing at this level\" (a skill that starts at a later level, a role with no scope) as often as for a gap. " +
			"A level read from content tabs (MkDocs Material, one tab per dimension) is another matter: a tab's body is a list " +
			"written to be filled, so an empty tab, or a list item with nothing after its marker (a lone \"-\"), is reported. " +
			"The {braces} of GitLab's templates are template-placeholder's. On in the generic profile.",
		Bad:  "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n## L2 Engineer\n\n**Scope:** TBD\n",
		Good: "# Ladder\n\n## L1 Engineer\n\n**Scope:** a task.\n\n## L2 Engineer\n\n**Scope:** a feature.\n",
	},
	Check: checkLadderPlaceholder,
}

// ladderPlaceholderRE is a text that is unambiguously a placeholder: words
// that say the text is still to come. A lone dash, "N/A" or an ellipsis is
// as often "none at this level" or "not applicable" (a role with no scope, a
// skill that has not started), and is not one.
var ladderPlaceholderRE = regexp.MustCompile(`(?i)^\s*(?:\(?\s*(?:tbd|tba|todo|tbc|wip|none yet|coming soon|to be (?:defined|determined|written|added|confirmed)|work in progress|\?{2,})\s*\)?)\s*[.!]?\s*$`)

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
		for _, l := range lad.Levels {
			if lad.From == "table" {
				// an empty cell, a lone dash or N/A says "nothing at this
				// level" as often as "not written" (a skill that starts
				// at a later level, a role with no scope): only a
				// placeholder's words, or a note that the level is not
				// written, are reported
				for _, d := range l.Dims {
					if d.Block == nil || strings.TrimSpace(d.Block.Text) == "" {
						continue
					}
					if ladderPlaceholderRE.MatchString(d.Block.Text) {
						report(d.Block.Span, fmt.Sprintf("level %q: %q is only a placeholder (%q)", levelLabel(l), d.Name, strings.TrimSpace(d.Block.Text)), "placeholder "+d.Key)
					} else if m := notYetRE.FindString(d.Block.Text); m != "" {
						report(d.Block.Span, fmt.Sprintf("level %q is not written yet: %q", levelLabel(l), strings.TrimSpace(m)), "not yet "+d.Key)
					}
				}
				continue
			}
			if lad.From == "tabs" {
				tabPlaceholders(f, l, report)
				continue
			}
			body := strings.TrimSpace(commentsRE.ReplaceAllString(string(f.Source.Text[l.Body.Start:l.Body.End]), ""))
			if body == "" && !l.Listed {
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

// tabPlaceholders checks a level read from content tabs, one tab per
// dimension. Unlike a table's cell, a tab's body is a list a writer
// fills: an empty body, or a list item with nothing after its marker (a
// lone "-"), was left to be written, as is a placeholder's words.
func tabPlaceholders(f *model.Family, l *shape.Level, report func(model.Span, string, string)) {
	for _, d := range l.Dims {
		blocks := shape.BlocksIn(f, d.Body)
		if len(blocks) == 0 && strings.TrimSpace(commentsRE.ReplaceAllString(string(f.Source.Text[d.Body.Start:d.Body.End]), "")) == "" {
			report(d.Span, fmt.Sprintf("level %q: %q is empty", levelLabel(l), d.Name), "empty "+d.Key)
			continue
		}
		empty, filled := 0, 0
		for _, b := range blocks {
			if strings.TrimSpace(b.Text) == "" && b.Kind == model.BlockItem {
				empty++
			} else {
				filled++
			}
		}
		for _, b := range blocks {
			text := strings.TrimSpace(b.Text)
			switch {
			case text == "" && b.Kind == model.BlockItem && filled == 0:
				report(b.Span, fmt.Sprintf("level %q: %q holds only an empty list item (a lone \"-\")", levelLabel(l), d.Name), "empty item "+d.Key)
			case text == "" && b.Kind == model.BlockItem:
				report(b.Span, fmt.Sprintf("level %q: %q has an empty list item (a lone \"-\")", levelLabel(l), d.Name), "empty item "+d.Key)
			case text != "" && ladderPlaceholderRE.MatchString(b.Text):
				report(b.Span, fmt.Sprintf("level %q: %q is only a placeholder (%q)", levelLabel(l), d.Name, text), "placeholder "+d.Key)
			default:
				if m := notYetRE.FindString(b.Text); m != "" {
					report(b.Span, fmt.Sprintf("level %q is not written yet: %q", levelLabel(l), strings.TrimSpace(m)), "not yet "+d.Key)
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

func init() { lint.Register(ladderPlaceholderRule) }
