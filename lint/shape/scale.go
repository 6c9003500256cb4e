package shape

import (
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// scaleRanks ranks the words of the proficiency scales that competency
// frameworks grade a skill by, lowest first: Dreyfus's Novice, Advanced
// Beginner, Competent, Proficient, Expert; the UK government's (DDaT,
// SFIA-like) Awareness, Working, Practitioner, Expert; the common Beginner
// (Basic, Foundational), Intermediate, Advanced, Expert; and an education
// rubric's Emerging, Developing, Proficient, Advanced (or Exemplary). No
// framework puts these words in another order: Proficient is above
// Competent and Intermediate (StrongMind's Developing, Intermediate,
// Proficient, Advanced) and below Advanced and Expert. Practitioner and
// Proficient share no scale, and rank apart only so that a page mixing
// them is not called a ladder by them.
var scaleRanks = map[string]int{
	"novice": 0, "beginner": 0, "awareness": 0, "basic": 0, "foundational": 0, "emerging": 0,
	"advanced beginner": 1, "developing": 1, "working": 1,
	"intermediate": 2, "competent": 2, "practitioner": 2,
	"proficient": 3, "advanced": 4,
	"expert": 5, "mastery": 5, "exemplary": 5,
}

// scaleRank ranks a title that is a proficiency scale's word alone ("###
// Developing", "## Advanced Beginner"), in any case, a trailing colon
// allowed; ok is false for any other title ("Advanced topics", "Working
// hours").
func scaleRank(title string) (int, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(title), ":")), " "))
	r, ok := scaleRanks[k]
	return r, ok
}

// scaleTiers adds to a group's levels a run of three siblings or more, one
// after the other, each titled by a word of a proficiency scale alone (see
// scaleRanks), each a rank above the one before it, or each below: the
// proficiency levels of one competency (StrongMind's "### Developing", "###
// Intermediate", "### Proficient", "### Advanced" under "## Competency:
// Performance Coaching"). The tracks rank job titles, and know one of the
// words at most ("Intermediate"); the scale ranks these. Two such headings
// ("## Basic", "## Advanced": a guide's sections), words out of the scale's
// order, or one repeated, are no tiers by this. The levels are placed as
// the tracks place them (Intermediate), or not at all: their order is the
// page's.
func scaleTiers(f *model.Family, hs []*model.Heading, g []int, lv []*Level) []*Level {
	at := map[*model.Heading]bool{}
	for _, l := range lv {
		at[l.Heading] = true
	}
	var best, cur []int
	prev, dir := 0, 0
	flush := func() {
		if len(cur) >= 3 && len(cur) > len(best) {
			best = cur
		}
		cur, dir = nil, 0
	}
	for _, i := range g {
		r, ok := scaleRank(hs[i].Text)
		if !ok {
			flush()
			continue
		}
		if len(cur) > 0 {
			d := 0
			switch {
			case r > prev:
				d = 1
			case r < prev:
				d = -1
			}
			if d != 0 && (dir == 0 || d == dir) {
				dir = d
				cur = append(cur, i)
				prev = r
				continue
			}
			last := cur[len(cur)-1]
			flush()
			if d != 0 {
				// the scale turns: a run the other way from the last
				cur, prev, dir = []int{last, i}, r, d
				continue
			}
		}
		cur, prev = []int{i}, r
	}
	flush()
	return withRun(f, hs, g, lv, at, best)
}
