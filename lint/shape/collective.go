package shape

import (
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// collectiveRungs adds to a group's levels a sibling headed by a single
// word that names a body of people ("## Community") when its text calls
// them "<word> members" and "<word> Member" is itself a rung the tracks
// name (no qualifier before a bare "Member": "Foundation Member" is none),
// on the track of the group's placed levels, below every one of them: The Good Docs Project's
// "## Community" ("Expectations of community members:") under
// "## Committers" and "## Project Steering Committee". The level keeps its
// heading's title and is placed as the member rung. A word whose section
// never speaks of its members ("## Community" holding links to a chat) is
// no rung, nor is one at or above a placed level of the group.
func collectiveRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil || len(lv) < 2 {
		return lv
	}
	track, low := -1, 0
	for _, l := range lv {
		if !l.Placed {
			return lv
		}
		if track == -1 {
			track, low = l.Place.Track, l.Place.Step
		}
		if l.Place.Track != track {
			return lv
		}
		low = min(low, l.Place.Step)
	}
	out, ok := interleave(hs, g, lv, func(i int) (*Level, bool) {
		ws := strings.Fields(hs[i].Text)
		if len(ws) != 1 || !hasLetters(ws[0]) {
			return nil, true
		}
		p, ok := o.Ladder.Classify(ws[0] + " Member")
		if !ok || p.Implied || p.Ambiguous || p.Stem != "" || p.Track != track || p.Step >= low {
			return nil, true
		}
		body := bodyOf(f, hs, i)
		re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(ws[0]) + `\s+members\b`)
		said := false
		for _, b := range BlocksIn(f, body) {
			if b.Kind != model.BlockHeading && re.MatchString(b.Text) {
				said = true
				break
			}
		}
		if !said {
			return nil, true
		}
		return &Level{Title: hs[i].Text, File: f, Heading: hs[i], TitleSpan: hs[i].TextSpan, Body: body, Place: p, Placed: true}, true
	})
	if !ok {
		return lv
	}
	return out
}
