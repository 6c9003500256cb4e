package shape

import (
	"bytes"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// labelRE is a paragraph that opens with a bold label, a section number
// before the label's words allowed: "**1.1 Maintainer**. Maintainers
// are ...", "**Contributors:** ...". Groups: the label (markup
// excluded), and its words after the number. Bold opens on a word, as
// in CommonMark: "** Maintainer**" is no label.
var labelRE = regexp.MustCompile(`^[ \t]*(?:\*\*|__)((?:\d+(?:\.\d+)*\.?[ \t]+)?([^*_\s][^*_\n]*?))[ \t]*(?:\*\*|__)`)

// articleLabelRE is a paragraph that opens with a role in bold after an
// indefinite article, and defines it: "A **Maintainer** is a trusted
// leader ...", "An **Owner** is ...". Groups as labelRE's, and the end
// of the bold (where the body starts), an empty group. Without "is" after
// the bold, the words are prose ("A **big** thanks ...").
var articleLabelRE = regexp.MustCompile(`^[ \t]*(?:A|An)[ \t]+(?:\*\*|__)(([^*_\s][^*_\n]*?))[ \t]*(?:\*\*|__)()[ \t]+is[ \t\n]`)

// paragraphLadder finds a ladder written as paragraphs, one per rung, each
// opening with a bold label that names it ("**1.1 Maintainer**.
// Maintainers are ...", "**1.5 Contributors**. ..."), with no heading of
// its own: in the text of a heading that names roles, tiers, levels or a
// ladder ("## 1. Project Member Roles."), two labels or more name a level
// and they are at least half of the labels there; a label that names no
// level ("Release Manager", a temporary position) is not one. Bold-label
// paragraphs under other headings ("**2.1. Consensus-Based Decision
// Making**.") are no rungs. Only a page whose headings, tables and lists
// hold no ladder is read for one. A paragraph that defines a role in bold
// after an indefinite article ("A **Maintainer** is a trusted leader ...",
// "A **Project Lead** is a maintainer with ...") is labelled the same way:
// "A **note** is ..." names no level, so it is a label but no rung. A
// level's body is its paragraph after the
// label and what follows up to the next label.
func paragraphLadder(f *model.Family, o Options) *Ladder {
	var best []*Level
	for i, h := range f.Headings {
		if !namesLadder(h.Text) || namesSection(h.Text) {
			continue
		}
		end := len(f.Source.Text)
		if i+1 < len(f.Headings) {
			end = f.Headings[i+1].Span.Start
		}
		type label struct {
			at    int
			level *Level
		}
		var labels []label
		for _, b := range BlocksIn(f, model.Span{Start: h.Span.End, End: end}) {
			if b.Kind != model.BlockParagraph {
				continue
			}
			src := f.Source.Text[b.Span.Start:b.Span.End]
			m := labelRE.FindSubmatchIndex(src)
			if m == nil {
				if m = articleLabelRE.FindSubmatchIndex(src); m == nil {
					continue
				}
				// the match ends with the bold, where the body starts
				m = []int{m[0], m[6], m[2], m[3], m[4], m[5]}
			}
			title := strings.TrimRight(strings.TrimSpace(string(src[m[4]:m[5]])), ".:")
			labels = append(labels, label{at: b.Span.Start})
			if title == "" || len(strings.Fields(title)) > maxItemTitleWords {
				continue
			}
			l := &Level{Title: title, File: f}
			l.Code = ParseCode(title)
			if l.Code != nil && l.Code.Format == "n" {
				l.Code = nil
			}
			l.place(o, title)
			if l.Code == nil && (!l.Placed || retired(l.Place.Stem)) {
				continue
			}
			at := b.Span.Start + m[4] + max(bytes.Index(src[m[4]:m[5]], []byte(title)), 0)
			l.TitleSpan = model.Span{Start: at, End: at + len(title)}
			if l.Code != nil {
				l.CodeSpan = model.Span{Start: l.TitleSpan.Start + l.Code.At, End: l.TitleSpan.Start + l.Code.At + l.Code.N}
			}
			l.Body = model.Span{Start: b.Span.Start + m[1], End: end}
			labels[len(labels)-1].level = l
		}
		var lv []*Level
		for k, lb := range labels {
			if lb.level == nil {
				continue
			}
			if k+1 < len(labels) {
				lb.level.Body.End = labels[k+1].at
			}
			lv = append(lv, lb.level)
		}
		if len(lv) >= 2 && 2*len(lv) >= len(labels) && len(lv) > len(best) {
			best = lv
		}
	}
	return ladderOf(f, o, "paragraphs", best)
}
