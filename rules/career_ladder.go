package rules

import (
	"fmt"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

const careerLadderGrade = "(/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)"

var careerLadderRule = &lint.Rule{
	ID:       "career-ladder",
	Title:    "a career-ladder diagram agrees with the family's levels, grades and titles",
	Category: lint.Structure,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "Many families draw their ladder as a mermaid flowchart (```` ```mermaid ```` with `graph` or " +
			"`flowchart`: nodes such as `sec:sse(Senior Security Engineer)`, arrows `-->`, `click` links). Runs over all " +
			"linted pages at once. Checked, against the page's own levels:\n\n" +
			"- **Titles.** A node that names a level of the family (the same seniority and a related function) uses the " +
			"page's title for it.\n" +
			"- **Direction.** An arrow between two graded levels of the family goes up: from the lower grade to the " +
			"higher, or to a peer at the same grade on another track (a senior engineer to a manager).\n" +
			"- **Completeness.** When a diagram shows a track of the family (two or more of its levels on it), every " +
			"level of the family on that track, for the function shown, is in it: one finding lists those missing.\n" +
			"- **Missing levels.** A node that names this family's function at a seniority the page does not have " +
			"(\"Distinguished Security Engineer\" on a page that stops at Principal), and no linted page has, is reported.\n" +
			"- **Other families** (option `other_families`, off by default). A node that names a role of another family " +
			"(a job title the page does not have) matches a title of some linted page (info). Off by default: a diagram " +
			"often names the next step in a family that is not linted with this page (or not written yet), and that " +
			"is no defect of the page; turn it on when the linted set is the whole handbook.\n" +
			"- **Links.** A `click` link leads to a page of the site (as `link-target` resolves links).\n\n" +
			"Commented lines (`%%`) are not read.",
		Bad: "---\ntitle: Security Engineer\n---\n\n## Levels\n\n### Security Engineer\n\n" +
			"The Security Engineer is a [grade 6]" + careerLadderGrade + ".\n\n" +
			"### Senior Security Engineer\n\nThe Senior Security Engineer is a [grade 7]" + careerLadderGrade + ".\n\n" +
			"## Career Ladder\n\n```mermaid\ngraph LR;\n  se(Senior Security Engineer) --> e(Security Engineer)\n```\n",
		Good: "---\ntitle: Security Engineer\n---\n\n## Levels\n\n### Security Engineer\n\n" +
			"The Security Engineer is a [grade 6]" + careerLadderGrade + ".\n\n" +
			"### Senior Security Engineer\n\nThe Senior Security Engineer is a [grade 7]" + careerLadderGrade + ".\n\n" +
			"## Career Ladder\n\n```mermaid\ngraph LR;\n  e(Security Engineer) --> se(Senior Security Engineer)\n```\n",
		Options: []lint.OptionDoc{
			{Name: "other_families", Default: "false", Text: "Check that nodes naming other families' roles match a title of the linted pages (info); for a run over the whole handbook."},
			{Name: "links", Default: "true", Text: "Check that `click` links lead to a page of the site."},
		},
	},
	Options:    func() any { return &careerLadderOptions{Links: true} },
	CheckAll:   checkCareerLadder,
	SlimModels: true, // reads roles, grades and the source (diagrams)
	FewMemos:   true, // Collect reads titles and grades, no block's words
	// what the other pages' diagrams need of a page: its titles
	Collect:       func(p *lint.Pass) any { return pageTitles(p.File) },
	EncodeSummary: encodeTitles,
	DecodeSummary: decodeTitles,
}

type careerLadderOptions struct {
	OtherFamilies bool `yaml:"other_families"`
	Links         bool `yaml:"links"`
}

func init() { lint.Register(careerLadderRule) }

// ladderLevel is a level of the page as the diagram rule compares it.
type ladderLevel struct {
	role   *model.Role
	key    string // normalized title
	place  ladder.Place
	placed bool
	lo, hi float64
	graded bool
}

func checkCareerLadder(p *lint.SetPass) {
	opts := lint.Options[careerLadderOptions](p.Options)
	l := gradeLadder(p.Env, p.Config)
	var titles map[string]bool // every role title of the linted pages, built on first need
	for _, f := range p.Files {
		diagrams := f.Diagrams()
		if len(diagrams) == 0 {
			continue
		}
		var levels []*ladderLevel
		for _, r := range f.Roles {
			if r.Kind != model.KindLevel || strings.TrimSpace(r.Title) == "" {
				continue
			}
			lv := &ladderLevel{role: r, key: model.NormalizeTitle(r.Title)}
			lv.place, lv.placed = l.Classify(r.Title)
			lv.lo, lv.hi, lv.graded = gradeBounds(r.Grade)
			levels = append(levels, lv)
		}
		for _, d := range diagrams {
			if titles == nil {
				titles = handbookTitles(p)
			}
			checkDiagram(p, l, f, d, levels, titles, opts)
		}
	}
}

// handbookTitles returns the normalized role titles, and page titles, of
// every linted page.
func handbookTitles(p *lint.SetPass) map[string]bool {
	out := map[string]bool{}
	for _, f := range p.Files {
		ts, ok := p.Summary(f).(careerTitles)
		if !ok {
			ts = pageTitles(f)
		}
		for _, t := range ts {
			out[t] = true
		}
	}
	return out
}

// careerTitles is career-ladder's per-file stage: the page's normalized
// titles, which the other pages' diagrams are compared with.
type careerTitles []string

// pageTitles returns a page's normalized title and role titles. The merge
// stage reads them as a set: a role's title without its qualifiers is kept
// only when it differs (most titles have none: on a page of 20,000 graded
// headings, 20,000 strings and their slots, 1 MB kept to the merge).
func pageTitles(f *model.Family) careerTitles {
	out := make(careerTitles, 0, 1+len(f.Roles))
	out = append(out, model.NormalizeTitle(f.Title)) // a one-role page's title is its role
	for _, r := range f.Roles {
		t := model.NormalizeTitle(r.Title)
		out = append(out, t)
		if s := model.NormalizeTitle(ladder.StripQualifiers(r.Title)); s != t {
			out = append(out, s)
		}
	}
	return out
}

// encodeTitles writes a page's titles.
func encodeTitles(v any) ([]byte, bool) {
	ts, ok := v.(careerTitles)
	if !ok {
		return nil, false
	}
	var w summaryWriter
	w.uint(uint64(len(ts)))
	for _, t := range ts {
		w.str(t)
	}
	return w.b, true
}

// decodeTitles reads what encodeTitles wrote.
func decodeTitles(_ *lint.Env, b []byte) (any, error) {
	r := summaryReader{b: b}
	ts := make(careerTitles, r.count(1))
	for i := range ts {
		ts[i] = r.str()
	}
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("career-ladder: %w", err)
	}
	return ts, nil
}

func checkDiagram(p *lint.SetPass, l *ladder.Ladder, f *model.Family, d *model.Diagram, levels []*ladderLevel, titles map[string]bool, opts *careerLadderOptions) {
	match := map[*model.DiagramNode]*ladderLevel{}
	byKey := map[string]*ladderLevel{}
	for i := len(levels) - 1; i >= 0; i-- { // the first level of a title wins
		lv := levels[i]
		byKey[lv.key] = lv
		byKey[model.NormalizeTitle(ladder.StripQualifiers(lv.role.Title))] = lv
	}
	// comparing every node with every level: bounded, for a page of
	// thousands of levels
	near := len(levels)*len(d.Nodes) <= 200000
	for _, n := range d.Nodes {
		if n.Label == n.ID && !strings.ContainsAny(n.Label, " ,") {
			continue // a bare ID: no label to compare
		}
		key := model.NormalizeTitle(n.Label)
		if exact := byKey[key]; exact != nil {
			match[n] = exact
			continue
		}
		pn, ok := l.Classify(n.Label)
		var similar []*ladderLevel
		if ok && near && !pn.Ambiguous && pn.Stem != "" {
			for _, lv := range levels {
				if lv.placed && lv.place.Same(pn) && lv.place.Stem != "" && ladder.Related(pn.Stem, lv.place.Stem) {
					similar = append(similar, lv)
				}
			}
		}
		if len(similar) == 1 {
			match[n] = similar[0]
			p.Report(lint.Diagnostic{File: f, Span: n.Span, Role: similar[0].role,
				Message: fmt.Sprintf("diagram node %q names the level %s: use the page's title", n.Label, similar[0].role.Title),
				Subject: "title " + key})
			continue
		}
		if len(similar) > 1 || !near || !ok || pn.Implied && !model.JobTitleLike(n.Label) {
			continue
		}
		// this family's function at a seniority the page does not have
		// ("Distinguished Security Engineer" on a page that stops at Staff)
		own := false
		if pn.Stem != "" && !pn.Ambiguous {
			for _, lv := range levels {
				if lv.placed && lv.place.Track == pn.Track && lv.place.Stem != "" && ladder.Related(pn.Stem, lv.place.Stem) {
					own = true
					break
				}
			}
		}
		if !own && !opts.OtherFamilies {
			continue
		}
		if titles[key] || titles[model.NormalizeTitle(ladder.StripQualifiers(n.Label))] {
			continue
		}
		if own {
			p.Report(lint.Diagnostic{File: f, Span: n.Span,
				Message: fmt.Sprintf("diagram node %q names a %s level of this family that the page does not have: add the level, or remove the node", n.Label, pn.Label),
				Subject: "unknown " + key})
			continue
		}
		p.Report(lint.Diagnostic{File: f, Span: n.Span, Severity: lint.Info,
			Message: fmt.Sprintf("diagram node %q names no role of this page or of any linted page", n.Label),
			Subject: "unknown " + key})
	}
	// arrows go up the ladder
	for _, e := range d.Edges {
		a, b := match[e.From], match[e.To]
		if !e.Directed || a == nil || b == nil || a == b || !a.graded || !b.graded || a.lo != a.hi || b.lo != b.hi {
			continue
		}
		switch {
		case a.lo > b.lo:
			p.Report(lint.Diagnostic{File: f, Span: e.Span, Role: a.role,
				Message: fmt.Sprintf("the arrow from %s (grade %s) to %s (grade %s) goes down the ladder: arrows go from the lower grade to the higher",
					a.role.Title, formatNumber(a.lo), b.role.Title, formatNumber(b.lo)),
				Subject: "down " + a.key + " | " + b.key})
		case a.lo == b.lo && a.placed && b.placed && a.place.Track == b.place.Track:
			p.Report(lint.Diagnostic{File: f, Span: e.Span, Role: a.role,
				Message: fmt.Sprintf("the arrow from %s to %s joins two levels of one track at grade %s: a step up the ladder goes to a higher grade",
					a.role.Title, b.role.Title, formatNumber(a.lo)),
				Subject: "flat " + a.key + " | " + b.key})
		}
	}
	// a track shown is shown whole
	shown := map[int][]*ladderLevel{}
	inDiagram := map[*ladderLevel]bool{}
	for _, lv := range match {
		inDiagram[lv] = true
	}
	for lv := range inDiagram {
		if lv.placed {
			shown[lv.place.Track] = append(shown[lv.place.Track], lv)
		}
	}
	missing := map[int][]string{} // track -> titles, in page order
	var tracks []int
	for _, lv := range levels {
		if !near || inDiagram[lv] || !lv.placed || lv.role.Status != "" || len(shown[lv.place.Track]) < 2 {
			continue
		}
		for _, o := range shown[lv.place.Track] {
			if lv.place.Stem != "" && o.place.Stem != "" && ladder.Related(lv.place.Stem, o.place.Stem) {
				if missing[lv.place.Track] == nil {
					tracks = append(tracks, lv.place.Track)
				}
				missing[lv.place.Track] = append(missing[lv.place.Track], lv.role.Title)
				break
			}
		}
	}
	for _, t := range tracks {
		ms := missing[t]
		p.Report(lint.Diagnostic{File: f, Span: d.Header,
			Message: fmt.Sprintf("the career-ladder diagram shows the %s track of this family but not %s", l.Tracks()[t].Name, joinAnd(limitList(ms, 5))),
			Subject: "missing " + strings.Join(ms, ",")})
	}
	if opts.Links {
		checkDiagramLinks(p, f, d)
	}
}

// checkDiagramLinks reports click links that lead to no page of the site.
func checkDiagramLinks(p *lint.SetPass, f *model.Family, d *model.Diagram) {
	env := linksOf(p.Env, p.Config)
	idx, page := env.sites.For(f.Path)
	if idx == nil {
		return
	}
	for _, c := range d.Clicks {
		t := strings.TrimSpace(c.Target)
		path, frag, _ := strings.Cut(t, "#")
		if i := strings.IndexByte(path, '?'); i >= 0 {
			path = path[:i]
		}
		link := &model.Link{Text: c.Node.Label, Target: t, Raw: t, Kind: model.LinkInline, Path: path, Fragment: frag, Span: c.Span, DestSpan: c.Span}
		res := idx.Resolve(page, link, env.own)
		if res.Class != site.Site || res.Found {
			continue
		}
		p.Report(lint.Diagnostic{File: f, Span: c.Span,
			Message: fmt.Sprintf("the diagram's link for %q leads to no page: %s", c.Node.Label, t),
			Subject: "link " + t})
	}
}
