package shape

import (
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// moveRE reads a sentence that moves the holders of one rung to the next:
// "Regular contributors should be added as collaborators in the
// repository.", "Organization members who remain active for a while
// should become organization owners.": the rung they hold (before a
// relative clause, "who ..."), and the rung they move to (before a place,
// "in the repository").
var moveRE = regexp.MustCompile(`^([A-Za-z][A-Za-z -]*?)(?:,? (?:who|that|with) [^.]*?)? (?:should|can|may) (?:be (?:added|promoted|invited|made) (?:as|to(?: become)?)|become) (?:an? |the )?([A-Za-z][A-Za-z -]*?)(?: (?:in|of|on|for|to|at) [^.]*)?\.$`)

// transitionLadder finds a ladder written as the moves between its rungs:
// a list under a heading that names roles whose top-level items open with
// a bold sentence that moves the holders of one rung to the next (tldr's
// "**Regular contributors should be added as collaborators in the
// repository.**", then "**Repository collaborators who regularly perform
// maintenance tasks should be added as organization members.**", then
// "**Organization members who remain active for a while should become
// organization owners.**"). Two moves or more, one after the other, each
// from the rung the one before moved to (their last words alike, in either
// number), and every rung named on a track: the rungs are the first move's
// from and each move's to, in the page's order, which the moves give (the
// tracks' order is not asked: a page's own roles rank as its moves say).
// An item of the list that moves no one (a note: "**These roles are
// temporary.**") ends the moves. Read only where the page's headings,
// tables and lists hold no ladder. The first rung has no section: it is
// Listed; each other rung's body is its move's item.
func transitionLadder(f *model.Family, o Options) *Ladder {
	src := f.Source.Text
	for _, list := range f.Lists {
		top := topItems(list)
		if len(top) < 2 || !underLadderHeading(f, list[0].Span.Start) {
			continue
		}
		var lv []*Level
		last := ""
		for n, i := range top {
			b := list[i]
			if b.Span.Start < 0 || b.Span.End > len(src) || b.Span.Start >= b.Span.End {
				break
			}
			text := string(src[b.Span.Start:b.Span.End])
			text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), b.Marker))
			if !strings.HasPrefix(text, "**") {
				break
			}
			end := strings.Index(text[2:], "**")
			if end < 0 {
				break
			}
			m := moveRE.FindStringSubmatch(strings.Join(strings.Fields(text[2:2+end]), " "))
			if m == nil {
				break
			}
			from, to := m[1], m[2]
			if n == 0 {
				l := moveLevel(f, o, b, from)
				if l == nil {
					break
				}
				l.Listed = true
				lv = append(lv, l)
			} else if lastWord(from) != last {
				break
			}
			l := moveLevel(f, o, b, to)
			if l == nil {
				break
			}
			l.Body = model.Span{Start: l.TitleSpan.End, End: itemEnd(list, top, n)}
			lv = append(lv, l)
			last = lastWord(to)
		}
		if len(lv) >= 3 {
			return ladderOf(f, o, "bullets", lv)
		}
	}
	return nil
}

// moveLevel is the rung a move names, titled as written, or nil when no
// track places it.
func moveLevel(f *model.Family, o Options, b *model.Bullet, title string) *Level {
	l := &Level{Title: title, File: f}
	l.place(o, title)
	if !l.Placed {
		return nil
	}
	l.TitleSpan = itemSpan(f, b, title)
	return l
}

// lastWord is a title's last word in lower case, in the singular.
func lastWord(title string) string {
	fs := strings.Fields(strings.ToLower(title))
	if len(fs) == 0 {
		return ""
	}
	return strings.TrimSuffix(fs[len(fs)-1], "s")
}
