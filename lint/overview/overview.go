// Package overview turns a lint run (every family's model and the findings
// of the rules) into the data of the ladder overview: each family's levels
// on their tracks with their grades, specialties under their base level,
// and the inconsistencies a reader should see, each carrying the message
// of the finding that reports it.
//
// It adds no checks of its own beyond what a grid makes visible (a grade
// skipped or repeated along a track); every other mark comes from a rule's
// finding, so the page and `lint` never disagree.
package overview

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Overview is every family of a run, ready to be drawn or exported.
type Overview struct {
	Tool     string    `json:"tool"`
	Version  string    `json:"version"`
	Families []*Family `json:"families"`
	// Grades are the distinct grades of every level, highest first: the
	// rows of the grid.
	Grades []float64 `json:"grades"`
	// Columns are the grid's columns: one per family and track in use.
	Columns []*Column `json:"columns"`
	// Titles are titles graded differently in different families.
	Titles  []*TitleGrades `json:"titles_with_several_grades"`
	Summary Counts         `json:"summary"`
}

// Counts are findings by severity.
type Counts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

func (c *Counts) add(s lint.Severity) {
	switch s {
	case lint.Error:
		c.Error++
	case lint.Warning:
		c.Warning++
	default:
		c.Info++
	}
}

// Total is the number of findings counted.
func (c Counts) Total() int { return c.Error + c.Warning + c.Info }

// Family is one job-family page.
type Family struct {
	ID     string `json:"id"` // an HTML id, unique in the overview
	Title  string `json:"title"`
	Path   string `json:"path"`
	URL    string `json:"url,omitempty"`    // the page on the published site
	Source string `json:"source,omitempty"` // the file in the repository (from the config's template)
	Line   int    `json:"line"`
	// Tracks are the family's ladders, each with its levels in seniority
	// order (the order of the page where no track keyword tells).
	Tracks []*Track `json:"tracks"`
	// Levels are every level in page order.
	Levels   []*Level   `json:"levels"`
	Findings []*Finding `json:"findings"`
	Counts   Counts     `json:"counts"`
}

// Track is one ladder of a family.
type Track struct {
	Name   string   `json:"name"`
	Levels []*Level `json:"levels"`
}

// Level is a role with a grade of its own (or one that should have one).
type Level struct {
	Title       string       `json:"title"`
	Grade       *float64     `json:"grade"`
	GradeText   string       `json:"grade_text,omitempty"` // as written, when not a plain number ("9.5", "11 or a grade 12")
	Track       string       `json:"track"`
	Line        int          `json:"line"`
	Source      string       `json:"source,omitempty"`
	Specialties []*Specialty `json:"specialties"`
	Marks       []*Mark      `json:"marks"`
}

// Specialty refines a level.
type Specialty struct {
	Title string `json:"title"`
	Kind  string `json:"kind"`
	Line  int    `json:"line"`
}

// Mark is an inconsistency shown at a level.
type Mark struct {
	Kind     string `json:"kind"` // no-grade, grade-skipped, grade-repeated, or the rule id of a finding
	Rule     string `json:"rule,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// Finding is a finding of the family's file, as listed under the family.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Role     string `json:"role,omitempty"`
	Message  string `json:"message"`
}

// Column is a family's track in the grid.
type Column struct {
	Family string `json:"family"` // Family.ID
	Title  string `json:"title"`
	Track  string `json:"track"`
	// Cells maps a grade (as text) to the titles of the levels there.
	Cells map[string][]string `json:"cells"`
}

// TitleGrades is one title and the grades it has across families.
type TitleGrades struct {
	Title  string        `json:"title"`
	Grades []TitleAtGrad `json:"grades"`
}

// TitleAtGrad is a title's grade in one family.
type TitleAtGrad struct {
	Grade  float64 `json:"grade"`
	Family string  `json:"family"`
}

// Options say how to link pages and files.
type Options struct {
	// URL gives a page's URL path on the site ("/job-families/x/"), or ""
	// when it is not served (the link rules' index knows it).
	URL func(path string) string
	// BaseURL is put before a page's URL path ("https://handbook.example.com").
	BaseURL string
	// SourceURL turns a file and line into a link to the repository:
	// "{path}" and "{line}" are replaced ("https://gitlab.com/g/p/-/blob/main/{path}#L{line}").
	SourceURL string
	// RepoRoot is what {path} is relative to; "" for the current folder.
	RepoRoot string
}

// Grade rules whose findings are inconsistencies of the ladder, shown at
// the level they name.
var gradeRules = map[string]bool{
	"grade-consistency": true, "grade-order": true, "grade-missing": true,
	"grade-format": true, "grade-title-mismatch": true, "role-placement": true,
	"career-ladder": true,
}

// Build makes the overview of a run. tracks are the config's seniority
// tracks, used to put levels on their ladders.
func Build(res *lint.Result, cfg *lint.Config, opts Options) *Overview {
	lad := ladder.New(cfg.Grades.Tracks)
	ov := &Overview{Tool: "ladderlint", Version: lint.Version}
	byPath := map[string]*Family{}
	levelOf := map[string]map[string]*Level{} // path -> role title -> level
	usedIDs := map[string]int{}
	for _, fr := range res.Files {
		f := fr.Family
		if f == nil || f.Skipped {
			continue
		}
		fam := &Family{Title: f.Title, Path: fr.Path, Line: titleLine(f), Findings: []*Finding{}}
		if strings.TrimSpace(fam.Title) == "" {
			fam.Title = fallbackTitle(fr.Path)
		}
		fam.ID = uniqueID(usedIDs, slug(fam.Path))
		fam.URL = pageURL(fr.Path, opts)
		fam.Source = sourceURL(fr.Path, fam.Line, opts)
		levelOf[fr.Path] = map[string]*Level{}
		trackByName := map[string]*Track{}
		var ordered []*Track
		for _, r := range f.Roles {
			if r.Kind != model.KindLevel {
				continue
			}
			lv := &Level{Title: r.Title, Line: f.Source.Position(r.TitleSpan.Start).Line, Specialties: []*Specialty{}, Marks: []*Mark{}}
			lv.Source = sourceURL(fr.Path, lv.Line, opts)
			if r.Grade != nil && r.Grade.Number != nil {
				g := *r.Grade.Number
				lv.Grade = &g
				if r.Grade.Raw != strconv.FormatFloat(g, 'f', -1, 64) {
					lv.GradeText = r.Grade.Raw
				}
			}
			place, ok := lad.Classify(r.Title)
			lv.Track = "other"
			if ok {
				lv.Track = place.Name
			}
			fam.Levels = append(fam.Levels, lv)
			levelOf[fr.Path][r.Title] = lv
			t := trackByName[lv.Track]
			if t == nil {
				t = &Track{Name: lv.Track}
				trackByName[lv.Track] = t
				ordered = append(ordered, t)
			}
			t.Levels = append(t.Levels, lv)
		}
		for _, r := range f.Roles {
			if r.Kind == model.KindLevel {
				continue
			}
			base := levelOf[fr.Path][r.Base]
			if base == nil {
				base = enclosingLevel(r, levelOf[fr.Path])
			}
			if base == nil {
				continue
			}
			base.Specialties = append(base.Specialties, &Specialty{Title: r.Title, Kind: string(r.Kind), Line: f.Source.Position(r.TitleSpan.Start).Line})
		}
		fam.Tracks = ordered
		if fam.Tracks == nil {
			fam.Tracks = []*Track{}
		}
		if fam.Levels == nil {
			fam.Levels = []*Level{}
		}
		for _, t := range fam.Tracks {
			markSteps(t)
		}
		for _, lv := range fam.Levels {
			if lv.Grade == nil {
				lv.Marks = append(lv.Marks, &Mark{Kind: "no-grade", Severity: "info", Message: "this level has no grade"})
			}
		}
		byPath[fr.Path] = fam
		ov.Families = append(ov.Families, fam)
	}
	for _, fd := range res.Findings {
		fam := byPath[fd.Path]
		if fam == nil {
			continue
		}
		sev := fd.Severity.String()
		fam.Counts.add(fd.Severity)
		ov.Summary.add(fd.Severity)
		fam.Findings = append(fam.Findings, &Finding{Rule: fd.Rule, Severity: sev, Line: fd.Line, Column: fd.Column, Role: fd.Role, Message: fd.Message})
		if !gradeRules[fd.Rule] || fd.Role == "" {
			continue
		}
		if lv := levelOf[fd.Path][fd.Role]; lv != nil {
			lv.Marks = append(lv.Marks, &Mark{Kind: fd.Rule, Rule: fd.Rule, Severity: sev, Message: fd.Message})
		}
	}
	sort.SliceStable(ov.Families, func(i, j int) bool {
		a, b := strings.ToLower(ov.Families[i].Title), strings.ToLower(ov.Families[j].Title)
		if a != b {
			return a < b
		}
		return ov.Families[i].Path < ov.Families[j].Path
	})
	ov.grid()
	ov.titles()
	if ov.Families == nil {
		ov.Families = []*Family{}
	}
	return ov
}

// enclosingLevel is the level a specialty sits under when it names none.
func enclosingLevel(r *model.Role, levels map[string]*Level) *Level {
	for p := r.Parent; p != nil; p = p.Parent {
		if lv := levels[p.Title]; lv != nil {
			return lv
		}
	}
	return nil
}

// markSteps marks, along one track in page order, a grade that repeats the
// level before it or leaves a grade out.
func markSteps(t *Track) {
	var prev *Level
	for _, lv := range t.Levels {
		if lv.Grade == nil {
			continue
		}
		if prev != nil {
			g, p := *lv.Grade, *prev.Grade
			switch {
			case g == p:
				lv.Marks = append(lv.Marks, &Mark{Kind: "grade-repeated", Severity: "info",
					Message: "same grade " + fmtGrade(g) + " as " + prev.Title + ", the level before it on the " + t.Name + " track"})
			case g > p+1 && g == float64(int(g)) && p == float64(int(p)):
				missing := make([]string, 0, int(g-p)-1)
				for x := p + 1; x < g; x++ {
					missing = append(missing, fmtGrade(x))
				}
				lv.Marks = append(lv.Marks, &Mark{Kind: "grade-skipped", Severity: "info",
					Message: "grade " + strings.Join(missing, ", ") + " skipped between " + prev.Title + " (" + fmtGrade(p) + ") and this level (" + fmtGrade(g) + ")"})
			}
		}
		prev = lv
	}
}

// grid fills the rows and columns of the grade grid.
func (ov *Overview) grid() {
	seen := map[float64]bool{}
	for _, fam := range ov.Families {
		for _, t := range fam.Tracks {
			col := &Column{Family: fam.ID, Title: fam.Title, Track: t.Name, Cells: map[string][]string{}}
			any := false
			for _, lv := range t.Levels {
				if lv.Grade == nil {
					continue
				}
				any = true
				k := fmtGrade(*lv.Grade)
				col.Cells[k] = append(col.Cells[k], lv.Title)
				seen[*lv.Grade] = true
			}
			if any {
				ov.Columns = append(ov.Columns, col)
			}
		}
	}
	for g := range seen {
		ov.Grades = append(ov.Grades, g)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ov.Grades)))
	if ov.Grades == nil {
		ov.Grades = []float64{}
	}
	if ov.Columns == nil {
		ov.Columns = []*Column{}
	}
}

// titles lists the titles that carry different grades in different families.
func (ov *Overview) titles() {
	type at struct {
		title string
		list  []TitleAtGrad
	}
	by := map[string]*at{}
	var keys []string
	for _, fam := range ov.Families {
		for _, lv := range fam.Levels {
			if lv.Grade == nil {
				continue
			}
			k := model.NormalizeTitle(lv.Title)
			a := by[k]
			if a == nil {
				a = &at{title: lv.Title}
				by[k] = a
				keys = append(keys, k)
			}
			a.list = append(a.list, TitleAtGrad{Grade: *lv.Grade, Family: fam.ID})
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		a := by[k]
		distinct := map[float64]bool{}
		for _, g := range a.list {
			distinct[g.Grade] = true
		}
		if len(distinct) > 1 {
			ov.Titles = append(ov.Titles, &TitleGrades{Title: a.title, Grades: a.list})
		}
	}
	if ov.Titles == nil {
		ov.Titles = []*TitleGrades{}
	}
}

func fmtGrade(g float64) string { return strconv.FormatFloat(g, 'f', -1, 64) }

// titleLine is the line of the page's title: front matter or first heading.
func titleLine(f *model.Family) int {
	if sp := f.FrontMatter.KeySpan("title"); sp.Start >= 0 {
		return f.Source.Position(sp.Start).Line
	}
	if len(f.Headings) > 0 {
		return f.Source.Position(f.Headings[0].Span.Start).Line
	}
	return 1
}

// fallbackTitle names a page without a title by its file or folder.
func fallbackTitle(path string) string {
	dir, name := filepath.Split(filepath.ToSlash(path))
	for _, ext := range []string{".html.md.erb", ".html.md", ".md"} {
		name = strings.TrimSuffix(name, ext)
	}
	if name == "index" || name == "_index" {
		name = filepath.Base(strings.TrimSuffix(dir, "/"))
	}
	return name
}

// slug makes an HTML id from a path.
func slug(p string) string {
	var b strings.Builder
	b.WriteString("f-")
	dash := false
	for _, r := range strings.ToLower(p) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

func uniqueID(used map[string]int, id string) string {
	used[id]++
	if n := used[id]; n > 1 {
		return id + "-" + strconv.Itoa(n)
	}
	return id
}

// pageURL is the page's address on the site, from the run's link index.
func pageURL(path string, opts Options) string {
	if opts.URL == nil {
		return ""
	}
	u := opts.URL(path)
	if u == "" {
		return ""
	}
	return strings.TrimRight(opts.BaseURL, "/") + u
}

// sourceURL fills the config's repository URL template for a file and line.
func sourceURL(path string, line int, opts Options) string {
	if opts.SourceURL == "" {
		return ""
	}
	p := path
	if opts.RepoRoot != "" {
		if abs, err := filepath.Abs(filepath.FromSlash(path)); err == nil {
			if rel, err := filepath.Rel(opts.RepoRoot, abs); err == nil && !strings.HasPrefix(rel, "..") {
				p = filepath.ToSlash(rel)
			}
		}
	}
	r := strings.NewReplacer("{path}", p, "{line}", strconv.Itoa(line))
	return r.Replace(opts.SourceURL)
}
