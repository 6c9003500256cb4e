package shape

import (
	"regexp"
	"slices"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// namedScopeRungs adds to a group's levels its siblings titled by a rung
// held over a named part of the project: the part's name, a word that names
// a scope, then the role ("### Compiler team contributors", "### Compiler
// team members", the Rust compiler team's rungs beside "### How promotion
// decisions are made"). The tracks place "Team Members" and "Team
// Contributors", not the part's name before them; two siblings or more that
// open with one name are the rungs of that part's ladder when, without the
// name, each is placed (not implied, not a retired status) on one track,
// each at a step of its own. One such sibling alone is a section about a
// team; a name that groups people ("New team members", "Former team
// maintainers") or takes in every holder ("All team members") names no
// part. The level keeps its heading's title, placed by the rest.
func namedScopeRungs(f *model.Family, o Options, hs []*model.Heading, g []int, lv []*Level) []*Level {
	if o.Ladder == nil {
		return lv
	}
	have := map[*model.Heading]bool{}
	for _, l := range lv {
		have[l.Heading] = true
	}
	byName := map[string][]*Level{}
	var names []string
	for _, i := range g {
		h := hs[i]
		if have[h] || namesSection(h.Text) || quantified(h.Text) {
			continue
		}
		ws := ladder.Words(h.Text)
		if len(ws) < 3 || !hasLetters(ws[0]) || !ladder.ScopeWord(ws[1]) || ladder.ScopeWord(ws[0]) || groupWords[ws[0]] || retiredWords[ws[0]] {
			continue
		}
		if p, ok := o.Ladder.Classify(ws[0]); ok && !p.Implied {
			continue // a keyword of its own ("Senior team members")
		}
		p, ok := o.Ladder.Classify(strings.Join(ws[1:], " "))
		if !ok || p.Implied || p.Ambiguous || retired(p.Stem) {
			continue
		}
		if _, seen := byName[ws[0]]; !seen {
			names = append(names, ws[0])
		}
		byName[ws[0]] = append(byName[ws[0]], &Level{Title: h.Text, File: f, Heading: h, TitleSpan: h.TextSpan, Body: bodyOf(f, hs, i), Place: p, Placed: true})
	}
	add := map[*model.Heading]*Level{}
	for _, n := range names {
		ls := byName[n]
		if len(ls) < 2 {
			continue
		}
		steps := map[int]bool{}
		ok := true
		for _, l := range ls {
			ok = ok && l.Place.Track == ls[0].Place.Track && !steps[l.Place.Step]
			steps[l.Place.Step] = true
		}
		if !ok {
			continue
		}
		for _, l := range ls {
			add[l.Heading] = l
		}
	}
	if len(add) == 0 {
		return lv
	}
	out, _ := interleave(hs, g, lv, func(i int) (*Level, bool) { return add[hs[i]], true })
	if _, ok := oneTrackDirection(out); !ok {
		return lv
	}
	return out
}

// groupWords, before a team's rung, name a group of its holders, not a
// part of the project: "New team members", "Current team maintainers".
var groupWords = map[string]bool{"new": true, "current": true, "existing": true, "active": true, "inactive": true,
	"prospective": true, "potential": true, "aspiring": true, "future": true, "past": true, "other": true,
	"outside": true, "regular": true, "ordinary": true, "our": true, "your": true, "their": true}

// boldRE is a bold span of a paragraph's source: its words, markup
// excluded. Bold opens on a word, as in CommonMark.
var boldRE = regexp.MustCompile(`(?:\*\*|__)([^*_\s][^*_]*?)(?:\*\*|__)`)

// leadInRung finds, for a ladder of headings written bottom first, its
// entry rung named only in the lead-in of the heading that holds it: the
// paragraphs of that heading's own text, right before the ladder's first
// level (its first child), name in bold a role whose last word is a rung
// of the ladder's track below its first level ("## The path to
// membership": "People will typically start as a **working group
// participant,** which ...", then "### Compiler team contributors"), and
// the first level's first paragraph speaks of that role by the same words,
// as those it is reached from ("Once a working group participant has been
// contributing regularly ..."). The rung is a level before the others,
// Listed, its paragraph its body. A bold word that names a rung the first
// level never speaks of is emphasis, as is one at or above it; a ladder
// written top first, or with no heading holding it, has no lead-in rung.
func leadInRung(f *model.Family, o Options, hs []*model.Heading, parent []int, best []*Level) []*Level {
	if o.Ladder == nil || len(best) < 2 || best[0].Heading == nil {
		return best
	}
	if dir, ok := oneTrackDirection(best); !ok || dir < 0 {
		return best
	}
	first := slices.Index(hs, best[0].Heading)
	if first <= 0 || parent[first] != first-1 {
		return best
	}
	lead := BlocksIn(f, model.Span{Start: hs[first-1].Span.End, End: best[0].Heading.Span.Start})
	var firstPara string
	for _, b := range BlocksIn(f, best[0].Body) {
		if b.Kind == model.BlockParagraph {
			firstPara = strings.ToLower(strings.Join(strings.Fields(b.Text), " "))
			break
		}
		if b.Kind == model.BlockHeading {
			break
		}
	}
	if firstPara == "" {
		return best
	}
	for _, b := range lead {
		if b.Kind != model.BlockParagraph {
			continue
		}
		src := f.Source.Text[b.Span.Start:b.Span.End]
		for _, m := range boldRE.FindAllSubmatchIndex(src, -1) {
			raw := string(src[m[2]:m[3]])
			raw = strings.TrimRight(raw, ".,;:!? \t\n")
			title := strings.Join(strings.Fields(raw), " ")
			ws := ladder.Words(title)
			if len(ws) == 0 || len(ws) > maxItemTitleWords {
				continue
			}
			p, ok := o.Ladder.Classify(ws[len(ws)-1])
			if !ok || p.Implied || p.Track != best[0].Place.Track || p.Compare(best[0].Place) >= 0 {
				continue
			}
			quoted := make([]string, len(ws))
			for i, w := range ws {
				quoted[i] = regexp.QuoteMeta(w)
			}
			re := regexp.MustCompile(`\b` + strings.Join(quoted, `\s+`) + `s?\b`)
			if !re.MatchString(firstPara) {
				continue
			}
			at := b.Span.Start + m[2]
			l := &Level{Title: title, File: f, TitleSpan: model.Span{Start: at, End: at + len(raw)},
				Body: model.Span{Start: b.Span.Start + m[1], End: b.Span.End}, Place: p, Placed: true, Listed: true}
			return append([]*Level{l}, best...)
		}
	}
	return best
}
