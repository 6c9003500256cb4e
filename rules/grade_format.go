package rules

import (
	"fmt"
	"math"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var gradeFormatRule = &lint.Rule{
	ID:       "grade-format",
	Title:    "a grade is a whole number in the configured range, linked to the grade table",
	Category: lint.Grades,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Fixable:  true,
	Doc: lint.Doc{
		Description: "A role's grade sentence (\"The Senior Backend Engineer is a [grade 7](...)\", \"is a [7](...)\", " +
			"a grade in a table) must give a grade that is a number, a whole number (option `fractional`), within " +
			"`grades.min` and `grades.max` of the config (1 to 20 by default), and link it to the grade table " +
			"(`grades.table`, by default `/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades`). " +
			"Reviewers check this by hand today.\n\n" +
			"These links all count as the grade table: the root-relative path, with or without its trailing slash; " +
			"the same path on one of the site's own URLs (`site.own_urls`: `https://handbook.gitlab.com/...`, " +
			"`https://about.gitlab.com/handbook/...`, http or https); and a Hugo `ref` or `relref` shortcode whose " +
			"path is a trailing part of the table's (`{{< ref \"compensation-calculator#gitlab-job-grades\" >}}`). " +
			"Whether a full URL should be root-relative is `link-style`'s concern, not this rule's. A link to the " +
			"calculator page without the table's fragment, or with another fragment, is reported; so is a grade " +
			"written without a link, or with its address left as plain text.\n\n" +
			"A range (\"a grade 11 or a grade 12\") is allowed unless `ranges` is false; both ends are checked.\n\n" +
			"The template writes a grade as `[grade N](table)`. A grade written otherwise is reported with a `--fix` " +
			"that writes the template: the number linked without the word grade (`is a [6](...)`), the word outside " +
			"the link (`grade [7](...)`), the number outside it (`is a [grade](...) 6 job`), `[grade #7](...)`, `[Job Grade 10](...)`, `job [grade 8](...)`, and a grade without a link (the " +
			"link finding then carries the fix). A link to another page keeps its finding and is fixed to the table. " +
			"The template ends the sentence with a full stop: a grade sentence that ends its paragraph without one " +
			"(\"The Billing Operations Analyst is a [grade 6](...)\" and nothing more) is reported, with the stop as its " +
			"fix; a grade in a list item or table, or a sentence that another follows, is not.\n\n" +
			"A family-wide Job Grade section that lists the levels' grades in order (\"The roles described below are " +
			"grades: [6, 7, 8]\") grades them, but says in no sentence which grade is whose: it is reported once, on the " +
			"list, naming each level with the grade it takes.",
		Bad: "---\ntitle: Backend Engineer\n---\n\n## Senior Backend Engineer\n\n### Job Grade\n\n" +
			"The Senior Backend Engineer is a grade 7.5.\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Senior Backend Engineer\n\n### Job Grade\n\n" +
			"The Senior Backend Engineer is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n",
		Options: []lint.OptionDoc{
			{Name: "fractional", Default: "false", Text: "Allow grades that are not whole numbers (9.5)."},
			{Name: "ranges", Default: "true", Text: "Allow a range of grades for one role (\"a grade 11 or a grade 12\")."},
		},
	},
	Options: func() any { return &gradeFormatOptions{Ranges: true} },
	Check:   checkGradeFormat,
}

type gradeFormatOptions struct {
	Fractional bool `yaml:"fractional"`
	Ranges     bool `yaml:"ranges"`
}

func init() { lint.Register(gradeFormatRule) }

func checkGradeFormat(p *lint.Pass) {
	opts := lint.Options[gradeFormatOptions](p.Options)
	gc := p.Config.Grades
	l := gradeLadder(p.Env, p.Config)
	seen := map[model.Span]bool{} // one grade sentence can grade two roles
	listed := map[*model.Sentence][]*model.Role{}
	var lists []*model.Sentence
	for _, r := range p.File.Roles {
		g := r.Grade
		if g == nil || seen[g.Span] {
			continue
		}
		seen[g.Span] = true
		if g.Listed && g.Sentence != nil {
			if listed[g.Sentence] == nil {
				lists = append(lists, g.Sentence)
			}
			listed[g.Sentence] = append(listed[g.Sentence], r)
		}
		name := roleName(l, r)
		report := func(msg, subject string) {
			p.Report(lint.Diagnostic{Span: g.Span, Message: msg, Subject: subject, Role: r})
		}
		lo, hi, ok := gradeBounds(g)
		switch {
		case !ok:
			raw := strings.TrimSpace(g.Raw)
			if raw == "" {
				report(fmt.Sprintf("the grade sentence of %s gives no grade number", name), "no number")
			} else {
				report(fmt.Sprintf("grade %q of %s is not a number", raw, name), "not a number")
			}
		case hi != lo && !opts.Ranges:
			report(fmt.Sprintf("%s is given a range of grades (%s); give one grade", name, gradeText(g)), "range")
		default:
			for _, v := range uniqueFloats(lo, hi) {
				if !opts.Fractional && v != math.Trunc(v) {
					report(fmt.Sprintf("grade %s of %s is not a whole number", formatNumber(v), name), "fraction "+formatNumber(v))
				}
				if v < gc.Min || v > gc.Max {
					report(fmt.Sprintf("grade %s of %s is outside the grade range %s to %s", formatNumber(v), name, formatNumber(gc.Min), formatNumber(gc.Max)), "range "+formatNumber(v))
				}
			}
		}
		if at, ok := gradeSentenceUnended(p.File, g); ok {
			p.Report(lint.Diagnostic{Span: g.Span, Role: r, Subject: "no period",
				Message: fmt.Sprintf("the grade sentence of %s has no closing period: end it with \".\", as the template does", name),
				Fixes:   []lint.Edit{{Span: model.Span{Start: at, End: at}, New: "."}}})
		}
		if gc.Table == "" {
			continue
		}
		off, fix := gradeTemplate(p, g)
		if msg, subject := gradeLinkProblem(p, g); msg != "" {
			d := lint.Diagnostic{Span: g.Span, Message: fmt.Sprintf("grade %s of %s %s", gradeText(g), name, msg), Subject: subject, Role: r}
			if fix != nil && subject == "unlinked" {
				d.Message += fmt.Sprintf(": write %q", fix.New)
				d.Fixes = []lint.Edit{*fix}
			}
			p.Report(d)
			if subject == "unlinked" {
				continue
			}
		}
		if off != "" && fix != nil {
			p.Report(lint.Diagnostic{Span: g.Span, Role: r, Subject: "template " + off,
				Message: fmt.Sprintf("grade %s of %s is written %s: write %q, as the template does", gradeText(g), name, off, fix.New),
				Fixes:   []lint.Edit{*fix}})
		}
	}
	// a family-wide list of the levels' grades ("The roles described below
	// are grades: [6, 7, 8]"): each level is graded, but no sentence says
	// which grade is whose
	for _, sent := range lists {
		if gc.Table == "" {
			break
		}
		rs := listed[sent]
		var parts []string
		for _, r := range rs {
			parts = append(parts, fmt.Sprintf("%s (%s)", roleName(l, r), gradeText(r.Grade)))
		}
		first := rs[0]
		p.Report(lint.Diagnostic{Span: first.Grade.Span, Role: first, Subject: "listed",
			Message: fmt.Sprintf("the levels' grades are given as one list, off the template: give each level its own sentence, \"The %s is a [grade %s](%s).\", for %s",
				roleName(l, first), gradeText(first.Grade), gc.Table, joinAnd(parts))})
	}
}

var (
	// what may stand before a grade number outside its link: "grade",
	// "Job Grade", "grade #", "grade level"
	gradeWordsBeforeRE = regexp.MustCompile(`(?i)\b(?:job\s+)?grade\s*(?:level\s*)?(?:#\s*)?(?:\[\s*)?$`)
	// "job" right before a grade link: "is a job [grade 8](...)"
	jobBeforeRE = regexp.MustCompile(`(?i)\bjob\s+$`)
	// a link text in the template's form
	gradeTemplateTextRE = regexp.MustCompile(`(?i)^grade\s+\d+(?:\.\d+)?$`)
)

// gradeTemplate compares a grade sentence's grade with the template
// "[grade N](table)": it says how the grade is written when it is off
// ("as a linked number without the word grade", "as \"grade #7\"", "as
// \"Job Grade 10\"", "without a link") and gives the edit that writes the
// template. Ranges, grades read from tables or lists, and grades without a
// number are left alone.
func gradeTemplate(p *lint.Pass, g *model.Grade) (string, *lint.Edit) {
	lo, hi, ok := gradeBounds(g)
	if !ok || lo != hi || g.InTable || g.Listed || g.Sentence == nil {
		return "", nil
	}
	src := p.File.Source.Text
	num := formatNumber(lo)
	lineStart := g.Span.Start
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	table := p.Config.Grades.Table
	l := g.Link
	if l != nil && l.Span.Start <= g.Span.Start && g.Span.End <= l.Span.End && l.Kind == model.LinkInline {
		target := table
		if gradeTableMatch(p.Config, l) == tableYes && l.DestSpan.Valid() && l.DestSpan.End > l.DestSpan.Start {
			target = string(src[l.DestSpan.Start:l.DestSpan.End])
		}
		start := l.Span.Start
		off := ""
		if m := gradeWordsBefore(src[lineStart:start]); m != nil && m[1]-m[0] > 0 {
			start = lineStart + m[0] // "grade [7](...)": the word outside the link
			before := strings.Join(strings.Fields(string(src[start:l.Span.Start])), " ")
			off = fmt.Sprintf("as %q", before+" ["+strings.Join(strings.Fields(l.Text), " ")+"](...)")
		}
		text := strings.Join(strings.Fields(l.Text), " ")
		if m := jobBeforeRE.FindIndex(src[lineStart:start]); off == "" && m != nil && gradeTemplateTextRE.MatchString(text) {
			// "is a job [grade 8](...)": the link is the template's, the
			// word before it is not
			start = lineStart + m[0]
			off = fmt.Sprintf("as %q", "job ["+text+"](...)")
		}
		switch {
		case off != "":
		case text == num:
			off = "as a linked number without the word grade"
		case gradeTemplateTextRE.MatchString(text):
			return "", nil // the template (a capital "Grade" aside)
		default:
			off = fmt.Sprintf("as %q", text)
		}
		return off, &lint.Edit{Span: model.Span{Start: start, End: l.Span.End}, New: "[grade " + num + "](" + target + ")"}
	}
	// "[grade](table) 6": the word linked, the number after the link
	if l != nil && l.Kind == model.LinkInline && l.Span.End <= g.Span.Start && strings.EqualFold(strings.TrimSpace(l.Text), "grade") &&
		strings.Trim(string(src[l.Span.End:g.Span.Start]), " \t#") == "" {
		target := table
		if gradeTableMatch(p.Config, l) == tableYes && l.DestSpan.Valid() && l.DestSpan.End > l.DestSpan.Start {
			target = string(src[l.DestSpan.Start:l.DestSpan.End])
		}
		return fmt.Sprintf("as %q", "[grade](...) "+num), &lint.Edit{Span: model.Span{Start: l.Span.Start, End: g.Span.End}, New: "[grade " + num + "](" + target + ")"}
	}
	if l != nil {
		return "", nil
	}
	// unlinked: "grade 7", "Job Grade 7", "grade #7", "grade [7]"
	m := gradeWordsBefore(src[lineStart:g.Span.Start])
	if m == nil {
		return "", nil
	}
	start, end := lineStart+m[0], g.Span.End
	if end < len(src) && src[end] == ']' && strings.Contains(string(src[start:g.Span.Start]), "[") {
		end++
	}
	return "without a link", &lint.Edit{Span: model.Span{Start: start, End: end}, New: "[grade " + num + "](" + table + ")"}
}

// gradeWordsBeforeRuns is the most runs without \s a match of
// gradeWordsBeforeRE holds: "job", "grade", "level", "#" and "[".
const gradeWordsBeforeRuns = 5

// gradeWordsBefore is gradeWordsBeforeRE.FindIndex(b), the expression run
// on the end of b that holds its last gradeWordsBeforeRuns runs without \s
// and the spaces before them: a match holds no more runs than that and
// ends at the text's end, so none starts before; it starts at a letter,
// after the cut's space, and \b reads the same. The expression was tried
// at every offset of the line before the grade.
func gradeWordsBefore(b []byte) []int {
	cut := model.LastRunsStart(b, gradeWordsBeforeRuns)
	m := gradeWordsBeforeRE.FindIndex(b[cut:])
	for k := range m {
		m[k] += cut
	}
	return m
}

func uniqueFloats(a, b float64) []float64 {
	if a == b {
		return []float64{a}
	}
	return []float64{a, b}
}

// gradeLinkProblem says what is wrong with a grade's link, or "" when it
// links to the grade table (the grade's own link, or another link in its
// sentence).
func gradeLinkProblem(p *lint.Pass, g *model.Grade) (msg, subject string) {
	table := p.Config.Grades.Table
	links := []*model.Link{}
	if g.Link != nil {
		links = append(links, g.Link)
	}
	if g.Sentence != nil {
		// the page's links are sorted by start: look at those in the sentence only
		all := p.File.Links
		i := sort.Search(len(all), func(i int) bool { return all[i].Span.Start >= g.Sentence.Span.Start })
		for ; i < len(all) && all[i].Span.Start < g.Sentence.Span.End; i++ {
			if l := all[i]; l != g.Link && l.Span.End <= g.Sentence.Span.End {
				links = append(links, l)
			}
		}
	}
	if len(links) == 0 {
		return "is not linked to the grade table (" + table + ")", "unlinked"
	}
	var first string
	for _, l := range links {
		switch gradeTableMatch(p.Config, l) {
		case tableYes:
			return "", ""
		case tablePage:
			if first == "" {
				first = fmt.Sprintf("links to %s, the grade table's page without its #%s fragment", l.Target, fragmentOf(table))
			}
		}
	}
	if first != "" {
		return first, "fragment " + links[0].Target
	}
	return fmt.Sprintf("links to %s, not the grade table (%s)", links[0].Target, table), "link " + links[0].Target
}

type tableMatch int

const (
	tableNo   tableMatch = iota
	tablePage            // the table's page, another or no fragment
	tableYes
)

func fragmentOf(target string) string {
	if i := strings.IndexByte(target, '#'); i >= 0 {
		return target[i+1:]
	}
	return ""
}

// gradeTableMatch compares a link with the configured grade table.
func gradeTableMatch(cfg *lint.Config, l *model.Link) tableMatch {
	table := cfg.Grades.Table
	tpath, tfrag := sitePath(strings.SplitN(table, "#", 2)[0]), fragmentOf(table)
	var lpath, lfrag string
	samePage := false
	if l.Shortcode() {
		lpath, lfrag = l.Path, l.Fragment
		samePage = refNames(lpath, tpath)
	} else {
		u, err := url.Parse(strings.TrimSpace(l.Target))
		if err != nil {
			return tableNo
		}
		lfrag = u.Fragment
		switch {
		case u.Scheme == "" && u.Host == "":
			if !strings.HasPrefix(u.Path, "/") {
				return tableNo // relative to the page: not the table's address
			}
			lpath = u.Path
		case (u.Scheme == "http" || u.Scheme == "https") && ownURL(cfg, u):
			lpath = u.Path
		default:
			return tableNo
		}
		samePage = sitePath(lpath) == tpath
	}
	switch {
	case !samePage:
		return tableNo
	case lfrag != tfrag:
		return tablePage
	}
	return tableYes
}

// sitePath normalises a site path for comparison: no trailing slash,
// index.html or .html.
func sitePath(p string) string {
	p = strings.TrimSuffix(p, "/index.html")
	p = strings.TrimSuffix(p, ".html")
	p = strings.TrimRight(p, "/")
	if p == "" {
		return "/"
	}
	return p
}

// refNames reports whether a Hugo ref path names the table's page: its
// segments (without .md, _index or index) are a trailing part of the
// table's path.
func refNames(ref, table string) bool {
	ref = strings.TrimSuffix(ref, ".md")
	ref = strings.TrimSuffix(strings.TrimSuffix(ref, "/_index"), "/index")
	ref = strings.Trim(path.Clean("/"+ref), "/")
	if ref == "" || ref == "." {
		return false
	}
	t := strings.Trim(table, "/")
	return t == ref || strings.HasSuffix(t, "/"+ref)
}

// ownURL reports whether an absolute URL is on the site itself (any scheme,
// the paths an own URL serves).
func ownURL(cfg *lint.Config, u *url.URL) bool {
	for _, o := range cfg.Site.OwnURLs {
		ou, err := url.Parse(o.URL)
		if err != nil || !strings.EqualFold(strings.TrimPrefix(ou.Host, "www."), strings.TrimPrefix(u.Host, "www.")) {
			continue
		}
		if len(o.Paths) == 0 {
			return true
		}
		for _, pfx := range o.Paths {
			if strings.HasPrefix(u.Path, pfx) {
				return true
			}
		}
	}
	return false
}

// gradeSentenceUnended reports whether a role's grade sentence ("The X is
// a [grade N](...)") ends its paragraph without a full stop, as the
// template writes it, and where the stop goes: after the sentence's last
// character in the source (a link's closing parenthesis, emphasis marks).
// Only a paragraph's last sentence that names its role is read: a grade in
// a list item or table cell, or read from a list of grades, is no sentence
// of the template, and a sentence that goes on ("... grade 8 role") is
// grade-format's only when it ends unstopped too.
func gradeSentenceUnended(f *model.Family, g *model.Grade) (int, bool) {
	if g.Sentence == nil || g.InTable || g.Listed || !g.SubjectSpan.Valid() {
		return 0, false
	}
	b := blockAt(f, g.Span.Start)
	if b == nil || b.Kind != model.BlockParagraph {
		return 0, false
	}
	text := strings.TrimRight(b.Text, " \t\n")
	if text == "" {
		return 0, false
	}
	last := text[len(text)-1]
	if !(last >= '0' && last <= '9' || last >= 'a' && last <= 'z' || last >= 'A' && last <= 'Z') {
		return 0, false // a stop, a question, a colon, a closing quote: not the template's ending
	}
	// the grade sentence is the paragraph's last
	if g.Sentence.Span.End < b.SourceSpan(len(text)-1, len(text)).End {
		return 0, false
	}
	at := b.SourceSpan(len(text)-1, len(text)).End
	// a link or emphasis that closes after the last character of the text
	for _, l := range b.Links {
		if l.Span.Start < at && l.Span.End > at {
			at = l.Span.End
		}
	}
	src := f.Source.Text
	for at < len(src) && at < b.Span.End && (src[at] == '*' || src[at] == '_') {
		at++
	}
	return at, true
}
