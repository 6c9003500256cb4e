package shape

import (
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// iconRE is an icon or emoji shortcode in a tab's title, as MkDocs
// Material writes them (":material-battery-10:", ":octicons-star-16:"):
// an image, not words of the title.
var iconRE = regexp.MustCompile(`:[a-z][a-z0-9_+]*(?:-[a-z0-9_+]+)*:`)

// tabTitle is a content tab's title without its icons.
func tabTitle(t *model.Tab) string {
	return strings.Join(strings.Fields(iconRE.ReplaceAllString(t.Title, " ")), " ")
}

// tabLadder reads content tabs (MkDocs Material) as a ladder of levels by
// dimensions, as a table of levels by skills is read: a tab set whose
// titles all name levels (two or more), written again with the same titles
// under other headings of one depth, each heading a dimension ("### Cost
// management" over the tabs "Entry Level", "Mid Level", "Senior Level",
// then "### Documentation" over the same three). Each level's dimensions
// are its tabs, each named by the heading the tab comes under, its body
// the tab's. A set of tabs that name no levels ("Python", "Go"), or one
// set of levels written once, is no ladder. Of several such ladders on a
// page, the one written under the most headings is read.
func tabLadder(f *model.Family, o Options) *Ladder {
	if len(f.Tabs) < 4 {
		return nil
	}
	type set struct {
		tabs    []*model.Tab
		heading *model.Heading
	}
	var sets []*set
	for _, t := range f.Tabs {
		if len(sets) == 0 || sets[len(sets)-1].tabs[0].Set != t.Set {
			sets = append(sets, &set{heading: f.HeadingBefore(t.Span.Start)})
		}
		s := sets[len(sets)-1]
		s.tabs = append(s.tabs, t)
	}
	// the sets whose titles all name levels, by their titles
	groups := map[string][]*set{}
	var order []string
	for _, s := range sets {
		if len(s.tabs) < 2 || s.heading == nil {
			continue
		}
		var key []string
		for _, t := range s.tabs {
			title := tabTitle(t)
			if cellLevel(f, o, &model.Block{Text: title, Span: t.TitleSpan}, "") == nil {
				key = nil
				break
			}
			key = append(key, strings.ToLower(title))
		}
		if key == nil {
			continue
		}
		k := strings.Join(key, "\n")
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], s)
	}
	var best []*set
	for _, k := range order {
		g := groups[k]
		// under distinct headings of one depth
		seen := map[*model.Heading]bool{}
		ok := true
		for _, s := range g {
			if seen[s.heading] || s.heading.Level != g[0].heading.Level {
				ok = false
				break
			}
			seen[s.heading] = true
		}
		if ok && len(g) >= 2 && len(g) > len(best) {
			best = g
		}
	}
	if best == nil {
		return nil
	}
	lad := &Ladder{From: "tabs"}
	for i, t := range best[0].tabs {
		title := tabTitle(t)
		l := cellLevel(f, o, &model.Block{Text: title, Span: rawSpan(f, t.TitleSpan, title)}, "")
		l.Body = model.Span{Start: t.TitleSpan.End, End: t.TitleSpan.End}
		for _, s := range best {
			tab := s.tabs[i]
			name := s.heading.Text
			var text []string
			for _, b := range BlocksIn(f, tab.Body) {
				text = append(text, b.Text)
			}
			l.Dims = append(l.Dims, &Dimension{Name: name, Key: dimKey(o, name), Kind: o.Kind(name),
				Span: tab.TitleSpan, Body: tab.Body, Text: strings.Join(strings.Fields(strings.Join(text, " ")), " ")})
		}
		lad.Levels = append(lad.Levels, l)
	}
	return lad
}
