package shape

import (
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// becomingRE is a heading that titles the way to a role: "Becoming a
// maintainer", "Becoming an Ambassador", "How to become a Reviewer?". The
// role is its group.
var becomingRE = regexp.MustCompile(`(?i)^\s*(?:becoming|(?:how\s+to\s+)?become)\s+(?:a|an)\s+(\S.*?)\s*\??\s*$`)

// becomingRungs adds to a group's levels its siblings that name no level
// by their words but hold, as a sub-heading one level down, the way to
// the role they are titled by ("## Ambassadors" holding "### Becoming an
// ambassador"), when two levels of the group at least, on one track and
// uncoded, hold the way to their own role the same way ("## Contributors"
// with "### Becoming a contributor", "## Maintainers" with "### Becoming a
// maintainer"): a page that tells how to become each of its roles alike
// writes its rungs alike, whether or not the tracks know their words. The
// role and the sub-heading's in either case and number. The way's first
// paragraph opens by saying that the holders of a rung of the group may take
// the role ("Contributors can become ambassadors by ..."): a role open to
// anyone ("Anyone can become a release manager", Porter's per-release role)
// is a side role, no rung. A sibling whose
// sub-heading names another role ("## Process" over "### Becoming a
// maintainer"), titled by more than three words, naming a section or a
// retired status, or coded, is none; so is any sibling where fewer than
// two levels hold the way to their own role.
func becomingRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if len(lv) < 2 || len(lv) == len(g) {
		return lv
	}
	ways := 0
	track := -1
	for _, l := range lv {
		if !l.Placed || l.Code != nil || l.Heading == nil || !waysTo(hs, l.Heading, l.Title) {
			continue
		}
		if track >= 0 && l.Place.Track != track {
			return lv
		}
		track = l.Place.Track
		ways++
	}
	if ways < 2 {
		return lv
	}
	rungs := map[string]bool{}
	for _, l := range lv {
		if l.Placed && l.Code == nil {
			rungs[roleKey(l.Title)], rungs[roleKey(l.Place.Label)] = true, true
		}
	}
	added := false
	out, ok := interleave(hs, g, lv, func(i int) (*Level, bool) {
		h := hs[i]
		t := strings.TrimSpace(h.Text)
		if n := len(strings.Fields(t)); n == 0 || n > 3 || namesSection(t) || ParseCode(t) != nil || retired(strings.ToLower(t)) || !hasLetters(t) {
			return nil, true
		}
		way := wayTo(hs, h, t)
		if way < 0 || !reachedFrom(f, hs, way, rungs) {
			return nil, true
		}
		added = true
		return &Level{Title: t, File: f, Heading: h, TitleSpan: h.TextSpan, Body: bodyOf(f, hs, i)}, true
	})
	if !ok || !added {
		return lv
	}
	return out
}

// waysTo reports whether heading h holds, as a sub-heading one level down,
// the way to the role it is titled by (see becomingRE).
func waysTo(hs []*model.Heading, h *model.Heading, title string) bool {
	return wayTo(hs, h, title) >= 0
}

// wayTo returns the index in hs of heading h's sub-heading, one level
// down, that titles the way to the role h is titled by, or -1.
func wayTo(hs []*model.Heading, h *model.Heading, title string) int {
	at := -1
	for i := range hs {
		if hs[i] == h {
			at = i
			break
		}
	}
	if at < 0 {
		return -1
	}
	for i := at + 1; i < len(hs) && hs[i].Level > h.Level; i++ {
		if hs[i].Level != h.Level+1 {
			continue
		}
		if m := becomingRE.FindStringSubmatch(hs[i].Text); m != nil && roleKey(m[1]) == roleKey(title) {
			return i
		}
	}
	return -1
}

// reachedFromRE is a sentence that opens with who may take a role: "Contributors
// can become ambassadors by ...", "A Reviewer may become ...".
var reachedFromRE = regexp.MustCompile(`(?i)^(?:(?:the|a|an|any)\s+)?([a-z][a-z -]*?)\s+(?:can|may|could|will)\s+(?:also\s+)?become\b`)

// reachedFrom reports whether the first paragraph of the way headed hs[way]
// opens by saying that the holders of one of the rungs (role keys) may
// take the role: "Contributors can become ambassadors by nominating
// themselves". A way open to anyone ("Anyone can become a release
// manager") reaches the role from no rung: a side role, no rung of the
// ladder.
func reachedFrom(f *model.Family, hs []*model.Heading, way int, rungs map[string]bool) bool {
	for _, b := range BlocksIn(f, bodyOf(f, hs, way)) {
		if b.Kind == model.BlockHeading {
			return false
		}
		if b.Kind != model.BlockParagraph {
			continue
		}
		m := reachedFromRE.FindStringSubmatch(strings.Join(strings.Fields(b.Text), " "))
		return m != nil && rungs[roleKey(m[1])]
	}
	return false
}
