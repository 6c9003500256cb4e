package rules

import (
	"path"
	"slices"
	"strings"
	"sync"

	"gitlab.com/ladderlint/ladderlint/internal/fsutil"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

// The handbook's grade tables, as the grade rules see them: the config's
// (grades.tables, grades.tables_file) when it gives any, else those of the
// page the family's grade link names, resolved through the link index and
// read below the heading its fragment names. A page is read once a run.

type gradeTables struct {
	l      *ladder.Ladder
	cfg    *lint.Config
	links  *linkEnv
	config []*ladder.Table // from the config; nil when it gives none

	mu     sync.Mutex
	byPage map[string][]*ladder.Table // "file#fragment" -> its tables
}

func gradeTablesOf(env *lint.Env, cfg *lint.Config) *gradeTables {
	return env.Shared("grades.tables", func() any {
		gt := &gradeTables{l: gradeLadder(env, cfg), cfg: cfg, links: linksOf(env, cfg), byPage: map[string][]*ladder.Table{}}
		for i := range cfg.Grades.Tables {
			gt.config = append(gt.config, gt.l.NewTable(&cfg.Grades.Tables[i]))
		}
		return gt
	}).(*gradeTables)
}

// forFile returns the grade tables a page's grades refer to; nil when
// there are none to be found.
func (gt *gradeTables) forFile(f *model.Family) []*ladder.Table {
	if gt.config != nil {
		return gt.config
	}
	var links []*model.Link
	for _, r := range f.Roles {
		if r.Grade != nil && r.Grade.Link != nil {
			links = append(links, r.Grade.Link)
			break
		}
	}
	if t := gt.cfg.Grades.Table; t != "" {
		p, frag, _ := strings.Cut(t, "#")
		links = append(links, &model.Link{Target: t, Raw: t, Path: p, Fragment: frag, Kind: model.LinkInline})
	}
	idx, page := gt.links.sites.For(f.Path)
	if idx == nil {
		return nil
	}
	for _, l := range links {
		res := idx.Resolve(page, l, gt.links.own)
		if !res.Found || res.Hit.Page == nil || res.Hit.Page.File == "" {
			continue
		}
		if tables := gt.read(res.Hit.Page.File, res.Hit.Page.URL, l.Fragment); tables != nil {
			return tables
		}
	}
	return nil
}

// read returns the grade tables of a file below a fragment's heading.
func (gt *gradeTables) read(file, url, fragment string) []*ladder.Table {
	key := file + "#" + fragment
	gt.mu.Lock()
	defer gt.mu.Unlock()
	if t, ok := gt.byPage[key]; ok {
		return t
	}
	var out []*ladder.Table
	if src, err := fsutil.ReadLimited(file, fsutil.Limit(gt.cfg.MaxFileSize)); err == nil {
		id := site.GitHubID
		if gt.links.style == site.Kramdown {
			id = site.KramdownID
		}
		tables := ladder.ReadGradeTables(model.Parse(file, src), fragment, id)
		for i := range tables {
			tables[i].Source = url // messages name the page as the site serves it
			out = append(out, gt.l.NewTable(&tables[i]))
		}
	}
	gt.byPage[key] = out
	return out
}

// familyTable picks the table a family is checked against: the one whose
// folders (the table's own, or grades.table_folders) name the family's
// path; else the one the page links to by its heading's anchor (see
// linkedTable); else the one whose families the family's names name; else,
// among the tables no folders tie down, the one its grades fit
// best: the first (general) table unless
// another fits strictly better and grades more of the family's levels as it
// does than otherwise. Nil when there is no table.
func (gt *gradeTables) familyTable(f *model.Family, roles []gradedRole) *ladder.Table {
	return gt.familyTableLinked(f, roles, gt.linkedTable(f))
}

// familyTableLinked is familyTable for a page whose links name the table
// with the anchor linked ("" none; see linkedTable): the merge stage of
// grade-consistency reads slim pages, without their links, and is given it.
func (gt *gradeTables) familyTableLinked(f *model.Family, roles []gradedRole, linked string) *ladder.Table {
	tables := gt.forFile(f)
	if len(tables) == 0 {
		return nil
	}
	var free []*ladder.Table // tables no folder mapping ties down
	for _, t := range tables {
		folders := append(append([]string(nil), t.Folders...), gt.cfg.Grades.TableFolders[t.Name]...)
		for _, pat := range folders {
			if pathNames(f.Path, pat) {
				return t
			}
		}
		if len(folders) == 0 {
			free = append(free, t)
		}
	}
	// a table the page itself points to: a link to the heading that names
	// it, on the page the tables were read from ("As Professional Services
	// falls under Customer Success, the specific grades are [here](...#customer-success)")
	if linked != "" {
		for _, t := range free {
			if t.Anchor == linked {
				return t
			}
		}
	}
	// the families the tables name: a family a table grades by name takes
	// it; one a table excludes never does
	var names [][]string
	for _, t := range free {
		if len(t.Families) > 0 || len(t.Excludes) > 0 {
			names = familyNames(f)
			break
		}
	}
	if names != nil {
		for _, t := range free {
			if namesAny(names, t.Families) {
				return t
			}
		}
		kept := free[:0:0]
		for _, t := range free {
			if !namesAny(names, t.Excludes) {
				kept = append(kept, t)
			}
		}
		free = kept
	}
	if len(free) == 0 {
		return nil
	}
	best, bestScore := free[0], tableFit(free[0], roles)
	for _, t := range free[1:] {
		if s := tableFit(t, roles); s > bestScore && s > 0 {
			best, bestScore = t, s
		}
	}
	return best
}

// linkedTable returns the anchor of the grade table one of the page's
// links names: its fragment is the ID of the heading above the table and it
// resolves to the page the table was read from. "" when none does.
func (gt *gradeTables) linkedTable(f *model.Family) string {
	var tables []*ladder.Table
	var idx *site.Index
	var page *site.Page
	for _, l := range f.Links {
		if l.Fragment == "" {
			continue
		}
		if tables == nil {
			if tables = gt.forFile(f); len(tables) == 0 {
				return ""
			}
		}
		for _, t := range tables {
			if t.Anchor == "" || t.Anchor != l.Fragment {
				continue
			}
			if idx == nil {
				if idx, page = gt.links.sites.For(f.Path); idx == nil {
					return ""
				}
			}
			res := idx.Resolve(page, l, gt.links.own)
			if res.Found && res.Hit.Page != nil && res.Hit.Page.URL == t.Source {
				return t.Anchor
			}
		}
	}
	return ""
}

// familyNames returns the words a family is named by: its title, its
// levels' titles and its own folder and file name ("channel-sales-manager").
func familyNames(f *model.Family) [][]string {
	out := [][]string{ladder.Words(f.Title)}
	for _, r := range f.Roles {
		out = append(out, ladder.Words(r.Title))
	}
	segs := strings.Split(strings.TrimSuffix(strings.TrimSuffix(f.Path, ".erb"), ".md"), "/")
	if n := len(segs); n > 0 && (segs[n-1] == "_index" || segs[n-1] == "index" || segs[n-1] == "index.html") {
		segs = segs[:n-1]
	}
	if n := len(segs); n > 0 {
		out = append(out, ladder.Words(strings.NewReplacer("-", " ", "_", " ").Replace(segs[n-1])))
	}
	return out
}

// namesAny reports whether one of the names holds one of the phrases, as
// whole words in order ("Manager, Channel Sales" holds "Channel Sales";
// "Sales Systems" holds neither "Channel Sales" nor "Sales Development").
func namesAny(names [][]string, phrases []string) bool {
	for _, ph := range phrases {
		want := ladder.Words(ph)
		if len(want) == 0 {
			continue
		}
		for _, ws := range names {
			for i := 0; i+len(want) <= len(ws); i++ {
				if slices.Equal(ws[i:i+len(want)], want) {
					return true
				}
			}
		}
	}
	return false
}

// tableFit scores how well a family's grades fit a table: titles it grades
// as the table does, less those it grades otherwise.
func tableFit(t *ladder.Table, roles []gradedRole) int {
	score := 0
	for _, g := range roles {
		if !tableChecks(t, g) {
			continue
		}
		if t.Holds(g.place, g.lo) {
			score++
		} else {
			score--
		}
	}
	return score
}

// pathNames reports whether a table-folder pattern names a file: a glob
// matched against the path or any tail of it, or folder names matched as
// whole segments ("sales" names ".../job-families/sales/x.md").
func pathNames(file, pat string) bool {
	pat = strings.Trim(pat, "/")
	if pat == "" {
		return false
	}
	segs := strings.Split(strings.TrimSuffix(strings.TrimSuffix(file, ".erb"), ".md"), "/")
	if strings.ContainsAny(pat, "*?[") {
		for i := range segs {
			if ok, _ := path.Match(pat, strings.Join(segs[i:], "/")); ok {
				return true
			}
		}
		return false
	}
	want := strings.Split(pat, "/")
	for i := 0; i+len(want) <= len(segs); i++ {
		match := true
		for j, w := range want {
			if !strings.EqualFold(segs[i+j], w) {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// tableChecks reports whether a family's level is checked against a table:
// a single grade, placed, and either named by the table or carrying a
// seniority keyword (a title without one, "Coordinator", is not taken for
// the table's Intermediate).
//
// Left out too, unless the table names the title itself: an officer title
// placed on the first track (individual contributors by default:
// "Principal Accounting Officer") is an appointment, not the step its
// first word names; and a level whose
// grade sentence names another seniority than its heading ("### Intern"
// over "The Junior Backend Engineer is a grade 5"): which of the two the
// grade is for is grade-title-mismatch's question.
func tableChecks(t *ladder.Table, g gradedRole) bool {
	if !g.placed || g.lo != g.hi || t.Grades(g.place) == nil {
		return false
	}
	if t.Names(g.place) {
		return true
	}
	if g.place.Implied || g.place.Track == 0 && containsWord(model.NormalizeTitle(g.title), "officer") {
		return false
	}
	return !g.otherStep
}
