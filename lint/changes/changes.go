// Package changes compares the job-family models of two versions of a page
// (a git revision and the work tree) and says what changed for the people
// who approve it: levels and specialties added, removed, renamed or
// reordered, grades, sections, the bullets of Responsibilities,
// Requirements and Performance Indicators as word diffs, the required
// bullet, the findings the change introduces and fixes, and the approval
// flow the policy asks for. The CLI's `ladderlint changes` reads both sides
// with git and lints them with the engine; this package only compares.
package changes

import (
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

// Page statuses.
const (
	Added    = "added"
	Deleted  = "deleted"
	Renamed  = "renamed" // moved, perhaps edited too
	Modified = "modified"
)

// Role changes.
const (
	RoleAdded   = "added"
	RoleRemoved = "removed"
	RoleRenamed = "renamed" // perhaps changed too
	RoleChanged = "changed"
)

// requiredBulletRule is the rule whose findings tell that a role lacks the
// required bullet ("Ability to use GitLab"): the rule decides, not a copy
// of it here.
const requiredBulletRule = "required-bullet"

// Side is one version of a page: its model (nil when the page does not
// exist on that side) and the engine's findings on it.
type Side struct {
	Path     string
	Family   *model.Family
	Findings []lint.Finding
}

// Report is what a change does to the job families.
type Report struct {
	From     string          `json:"from"`   // the revision as given
	Commit   string          `json:"commit"` // its full name
	Families []*FamilyChange `json:"families"`
	// ProseOnly is set when pages changed but no role, grade, section or
	// bullet did: only prose outside the roles.
	ProseOnly bool      `json:"prose_only"`
	Approval  *Approval `json:"approval"` // nil when no role is touched
}

// FamilyChange is what changed on one page.
type FamilyChange struct {
	Path    string `json:"path"`               // the page now (before, when deleted)
	OldPath string `json:"old_path,omitempty"` // before a move
	Status  string `json:"status"`
	Title   string `json:"title"`
	// Similarity is git's rename score in percent, for a move.
	Similarity int `json:"similarity,omitempty"`
	// Roles that changed, in the order of the new page (removed ones where
	// they were).
	Roles []*RoleChange `json:"roles"`
	// Shared holds changes to the family-level sections every level shares
	// (template 1's Responsibilities and Requirements before the levels).
	Shared *RoleChange `json:"shared,omitempty"`
	// Reordered lists the levels (new titles) in their old and new order,
	// when their order changed.
	Reordered *Reorder `json:"levels_reordered,omitempty"`
	// Prose is set when text outside the roles changed (intro, front
	// matter, hiring process, career ladder, ...).
	Prose      bool       `json:"prose_changed"`
	Introduced []Finding  `json:"introduced"`
	Fixed      []Finding  `json:"fixed"`
	Highest    *GradeAt   `json:"highest_grade,omitempty"` // the highest grade the change touches on this page
	Note       string     `json:"note,omitempty"`          // why a side could not be compared
	touched    bool       // a role or shared section changed
	grades     []*GradeAt // every grade touched
}

// Reorder is the order of the levels kept, before and after.
type Reorder struct {
	Old []string `json:"old"`
	New []string `json:"new"`
}

// RoleChange is what changed in one role.
type RoleChange struct {
	Change   string `json:"change"`
	Kind     string `json:"kind"`
	Title    string `json:"title"` // the new title (the old one when removed)
	OldTitle string `json:"old_title,omitempty"`
	Line     int    `json:"line"` // of the title, in the new page (the old one when removed)
	Grade    *Grade `json:"grade,omitempty"`
	// Sections of an added role; sections added to or removed from a kept one.
	Sections        []string        `json:"sections,omitempty"`
	SectionsAdded   []string        `json:"sections_added,omitempty"`
	SectionsRemoved []string        `json:"sections_removed,omitempty"`
	Bullets         []*BulletChange `json:"bullets,omitempty"`
	// RequiredBullet is "lost" or "gained" for a kept role, "missing" for
	// an added role without it, as the required-bullet rule judges.
	RequiredBullet string `json:"required_bullet,omitempty"`
	// Text is set when other text of the role changed (paragraphs,
	// nice-to-haves, ...).
	Text bool `json:"text_changed,omitempty"`

	old, new *model.Role
}

// Grade is a role's grade before and after, as written ("" for none).
type Grade struct {
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
}

// GradeAt is a grade and the role that has it.
type GradeAt struct {
	Grade float64 `json:"grade"`
	Role  string  `json:"role"`
	Path  string  `json:"path"`
}

// BulletChange is a bullet added, removed or changed in a section.
type BulletChange struct {
	Section string `json:"section"` // responsibilities, requirements, performance-indicators
	Change  string `json:"change"`  // added, removed, changed
	Text    string `json:"text"`    // the bullet (the old one when removed)
	Old     string `json:"old,omitempty"`
	// Diff is the word diff from old to new, [-deleted-]{+inserted+}.
	Diff string `json:"diff,omitempty"`
	Line int    `json:"line"` // in the new page (the old one when removed)

	oldSpan, newSpan model.Span // of a changed bullet, on each side
}

// Finding is a finding a change introduces (its line in the new page) or
// fixes (its line in the old page).
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Role     string `json:"role,omitempty"`
	// AlsoRoles are the roles that have the defect because Role has it
	// (levels that inherit its requirements)
	AlsoRoles   []string `json:"also_roles,omitempty"`
	Fingerprint string   `json:"fingerprint"`
}

// Touched reports whether the change touches a role, a shared section or
// the order of the levels: anything but prose.
func (fc *FamilyChange) Touched() bool { return fc.touched }

// trackedSections are the role sections whose bullets are compared one by
// one.
var trackedSections = []model.SectionKind{model.SecResponsibilities, model.SecRequirements, model.SecPerformance}

// maxPairs bounds the pairwise comparisons (role contents, bullets) of one
// page, so that no page makes the comparison quadratic in its size.
const maxPairs = 4096

// maxPairText bounds the text word-diffed while pairing the bullets of one
// run of edits.
const maxPairText = 4 << 20

// comparisons counts the pairwise comparisons made (two roles' words
// scored, two bullets word-diffed), so that tests can bound the work by
// count rather than by the clock.
var comparisons atomic.Int64

// Compare says what changed from old to new (either may have a nil Family:
// a page added or deleted). status is one of the page statuses.
func Compare(old, new Side, status string) *FamilyChange {
	fc := &FamilyChange{Status: status, Introduced: []Finding{}, Fixed: []Finding{}, Roles: []*RoleChange{}}
	if new.Family != nil {
		fc.Path, fc.Title = new.Path, new.Family.Title
	}
	if old.Family != nil {
		if fc.Path == "" {
			fc.Path = old.Path
		}
		if fc.Title == "" { // a page emptied, or no longer text: its title as it was
			fc.Title = old.Family.Title
		}
	}
	if status == Renamed {
		fc.OldPath = old.Path
	}
	of, nf := old.Family, new.Family
	for _, f := range []*model.Family{of, nf} {
		if f != nil && f.Skipped {
			// too large, or not text: the engine did not model it
			fc.Note = "not compared: " + f.Path
			if len(f.Issues) > 0 {
				fc.Note += ": " + f.Issues[0].Message
			}
			fc.findings(old, new, nil, noRename)
			// what was not checked on one side is neither introduced nor fixed
			if of != nil && of.Skipped {
				fc.Introduced = inputFindings(fc.Introduced)
			}
			if nf != nil && nf.Skipped {
				fc.Fixed = inputFindings(fc.Fixed)
			}
			return fc
		}
	}
	var pairs map[*model.Role]*model.Role // old role -> new role
	switch {
	case of == nil && nf == nil:
		return fc
	case of == nil:
		for _, r := range nf.Roles {
			fc.Roles = append(fc.Roles, addedRole(nf, r))
		}
	case nf == nil:
		for _, r := range of.Roles {
			fc.Roles = append(fc.Roles, removedRole(of, r))
		}
	default:
		pairs = matchRoles(of, nf)
		ren := renamer(pairs, false)
		fc.Roles = compareRoles(of, nf, pairs, ren)
		fc.Shared = compareShared(of, nf, ren)
		fc.Reordered = reordered(of, nf, pairs)
		fc.Prose = ren.Replace(outsideRoles(of)) != outsideRoles(nf)
	}
	fc.findings(old, new, pairs, renamer(pairs, true))
	fc.touched = len(fc.Roles) > 0 || fc.Shared != nil || fc.Reordered != nil
	fc.collectGrades(of, nf)
	return fc
}

// Empty reports whether nothing at all is said about the page.
func (fc *FamilyChange) Empty() bool {
	return fc.Status == Modified && !fc.touched && !fc.Prose && len(fc.Introduced) == 0 && len(fc.Fixed) == 0 && fc.Note == ""
}

func roleKey(title string) string { return strings.ToLower(strings.Join(strings.Fields(title), " ")) }

// matchRoles pairs the roles of the two pages: by title first (the k-th
// role of a title with the k-th of the same title), then the roles left
// over by what they hold, so that a renamed role is told from one removed
// and another added: the words of their sections must mostly be the same.
func matchRoles(of, nf *model.Family) map[*model.Role]*model.Role {
	pairs := map[*model.Role]*model.Role{}
	byTitle := map[string][]*model.Role{}
	for _, r := range of.Roles {
		k := roleKey(r.Title)
		byTitle[k] = append(byTitle[k], r)
	}
	var newLeft []*model.Role
	for _, r := range nf.Roles {
		k := roleKey(r.Title)
		if q := byTitle[k]; len(q) > 0 {
			pairs[q[0]] = r
			byTitle[k] = q[1:]
			continue
		}
		newLeft = append(newLeft, r)
	}
	var oldLeft []*model.Role
	for _, r := range of.Roles {
		if _, ok := pairs[r]; !ok {
			oldLeft = append(oldLeft, r)
		}
	}
	if len(oldLeft) == 0 || len(newLeft) == 0 || len(oldLeft)*len(newLeft) > maxPairs {
		return pairs
	}
	defer matchByPlace(of, nf, pairs)
	type cand struct {
		o, n  *model.Role
		score float64
	}
	var cands []cand
	newBags := make([]map[string]int, len(newLeft))
	for j, n := range newLeft {
		newBags[j] = roleWords(nf, n)
	}
	for _, o := range oldLeft {
		ob := roleWords(of, o)
		comparisons.Add(int64(len(newLeft)))
		for j, n := range newLeft {
			if s := dice(ob, newBags[j]); s >= renameSimilarity {
				cands = append(cands, cand{o, n, s})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	usedNew := map[*model.Role]bool{}
	for _, c := range cands {
		if _, ok := pairs[c.o]; ok || usedNew[c.n] {
			continue
		}
		pairs[c.o] = c.n
		usedNew[c.n] = true
	}
	return pairs
}

// matchByPlace pairs the roles left over that hold too few words to be
// compared: a role removed and one added in the same place (between the
// same kept roles), alone there, of the same kind and grade, are one role
// renamed.
func matchByPlace(of, nf *model.Family, pairs map[*model.Role]*model.Role) {
	newOf := invert(pairs)
	type gap struct{ olds, news []*model.Role }
	gaps := map[*model.Role]*gap{} // by the kept new role before it (nil: at the top)
	at := func(k *model.Role) *gap {
		g := gaps[k]
		if g == nil {
			g = &gap{}
			gaps[k] = g
		}
		return g
	}
	var prev *model.Role
	for _, r := range of.Roles {
		if n, ok := pairs[r]; ok {
			prev = n
			continue
		}
		at(prev).olds = append(at(prev).olds, r)
	}
	prev = nil
	for _, r := range nf.Roles {
		if _, ok := newOf[r]; ok {
			prev = r
			continue
		}
		at(prev).news = append(at(prev).news, r)
	}
	for _, g := range gaps {
		if len(g.olds) != 1 || len(g.news) != 1 {
			continue
		}
		o, n := g.olds[0], g.news[0]
		if o.Kind != n.Kind || gradeText(o) != gradeText(n) {
			continue
		}
		if words(roleWords(of, o)) >= minRenameWords && words(roleWords(nf, n)) >= minRenameWords {
			continue // enough words to compare, and they differ: removed and added
		}
		pairs[o] = n
	}
}

func words(bag map[string]int) int {
	n := 0
	for _, c := range bag {
		n += c
	}
	return n
}

// renameSimilarity is the share of words two roles must have in common
// for one to be the other renamed; minRenameWords the fewest words a role
// must hold for that to mean anything.
const (
	renameSimilarity = 0.6
	minRenameWords   = 8
)

// roleWords counts the words of a role's sections (bullets and paragraphs,
// section names included), its title left out.
func roleWords(f *model.Family, r *model.Role) map[string]int {
	bag := map[string]int{}
	add := func(s string) {
		for _, t := range worddiff.Tokenize(s) {
			if t.IsWord() {
				bag[strings.ToLower(t.Text)]++
			}
		}
	}
	for _, s := range r.Sections {
		add(s.Name)
		for _, b := range s.Bullets {
			add(b.Text)
		}
		for _, p := range s.Paragraphs {
			add(p.Text)
		}
	}
	for w := range titleWords(r.Title) {
		delete(bag, w)
	}
	return bag
}

func titleWords(title string) map[string]bool {
	out := map[string]bool{}
	for _, t := range worddiff.Tokenize(title) {
		if t.IsWord() {
			out[strings.ToLower(t.Text)] = true
		}
	}
	return out
}

// dice is the Sørensen–Dice coefficient of two word multisets; 0 when
// either holds too few words to judge.
func dice(a, b map[string]int) float64 {
	na, nb := 0, 0
	for _, n := range a {
		na += n
	}
	for _, n := range b {
		nb += n
	}
	if na < minRenameWords || nb < minRenameWords {
		return 0
	}
	common := 0
	for w, n := range a {
		common += min(n, b[w])
	}
	return 2 * float64(common) / float64(na+nb)
}

// compareRoles lists the roles added, removed, renamed or changed, in the
// new page's order, each removed role after the kept role that came before
// it.
func compareRoles(of, nf *model.Family, pairs map[*model.Role]*model.Role, ren *strings.Replacer) []*RoleChange {
	newOf := map[*model.Role]*model.Role{} // new -> old
	for o, n := range pairs {
		newOf[n] = o
	}
	// removed roles, by the kept old role before them (nil: at the top)
	removedAfter := map[*model.Role][]*model.Role{}
	var prev *model.Role
	for _, r := range of.Roles {
		if _, ok := pairs[r]; ok {
			prev = r
			continue
		}
		removedAfter[prev] = append(removedAfter[prev], r)
	}
	out := []*RoleChange{}
	for _, r := range removedAfter[nil] {
		out = append(out, removedRole(of, r))
	}
	for _, n := range nf.Roles {
		o, kept := newOf[n]
		if !kept {
			out = append(out, addedRole(nf, n))
			continue
		}
		if rc := compareRole(of, nf, o, n, ren); rc != nil {
			out = append(out, rc)
		}
		for _, r := range removedAfter[o] {
			out = append(out, removedRole(of, r))
		}
	}
	return out
}

func line(f *model.Family, r *model.Role) int {
	sp := r.TitleSpan
	if r.Heading != nil {
		sp = r.Heading.Span
	}
	if !sp.Valid() {
		sp = r.Span
	}
	return f.Source.Position(sp.Start).Line
}

func gradeText(r *model.Role) string {
	if r.Grade == nil {
		return ""
	}
	return strings.TrimSpace(r.Grade.Raw)
}

func sectionNames(r *model.Role) []string {
	var out []string
	for _, s := range r.Sections {
		if s.Kind == model.SecBody {
			continue
		}
		out = append(out, sectionLabel(s))
	}
	return out
}

func sectionLabel(s *model.Section) string {
	if s.Name != "" {
		return s.Name
	}
	return string(s.Kind)
}

func addedRole(f *model.Family, r *model.Role) *RoleChange {
	rc := &RoleChange{Change: RoleAdded, Kind: string(r.Kind), Title: r.Title, Line: line(f, r), Sections: sectionNames(r), new: r}
	if g := gradeText(r); g != "" {
		rc.Grade = &Grade{New: g}
	}
	return rc
}

func removedRole(f *model.Family, r *model.Role) *RoleChange {
	rc := &RoleChange{Change: RoleRemoved, Kind: string(r.Kind), Title: r.Title, Line: line(f, r), old: r}
	if g := gradeText(r); g != "" {
		rc.Grade = &Grade{Old: g}
	}
	return rc
}

// compareRole returns what changed in a kept role, or nil when nothing did.
func compareRole(of, nf *model.Family, o, n *model.Role, ren *strings.Replacer) *RoleChange {
	rc := &RoleChange{Change: RoleChanged, Kind: string(n.Kind), Title: n.Title, Line: line(nf, n), old: o, new: n}
	changed := false
	if roleKey(o.Title) != roleKey(n.Title) {
		rc.Change, rc.OldTitle = RoleRenamed, o.Title
		changed = true
	}
	if og, ng := gradeText(o), gradeText(n); og != ng {
		rc.Grade = &Grade{Old: og, New: ng}
		changed = true
	}
	rc.SectionsAdded, rc.SectionsRemoved = sectionDiff(o, n)
	for _, k := range trackedSections {
		rc.Bullets = append(rc.Bullets, bulletDiff(of, nf, string(k), bulletsOf(o.Sections, k), bulletsOf(n.Sections, k), ren)...)
	}
	if len(rc.SectionsAdded)+len(rc.SectionsRemoved)+len(rc.Bullets) > 0 {
		changed = true
	}
	if ren.Replace(roleText(of, o)) != roleText(nf, n) {
		rc.Text = true
		changed = true
	}
	if !changed {
		return nil
	}
	return rc
}

func sectionKey(s *model.Section) string {
	if s.Kind == model.SecOther {
		return "other:" + strings.ToLower(strings.Join(strings.Fields(s.Name), " "))
	}
	return string(s.Kind)
}

// sectionDiff returns the sections of n not in o and those of o not in n,
// by kind (by name for sections the model does not name).
func sectionDiff(o, n *model.Role) (added, removed []string) {
	count := map[string]int{}
	for _, s := range o.Sections {
		if s.Kind != model.SecBody {
			count[sectionKey(s)]++
		}
	}
	for _, s := range n.Sections {
		if s.Kind == model.SecBody {
			continue
		}
		k := sectionKey(s)
		if count[k] > 0 {
			count[k]--
			continue
		}
		added = append(added, sectionLabel(s))
	}
	for i := len(o.Sections) - 1; i >= 0; i-- { // what is left over, from the end
		s := o.Sections[i]
		if s.Kind == model.SecBody {
			continue
		}
		if k := sectionKey(s); count[k] > 0 {
			count[k]--
			removed = append([]string{sectionLabel(s)}, removed...)
		}
	}
	return added, removed
}

func bulletsOf(secs []*model.Section, k model.SectionKind) []*model.Bullet {
	var out []*model.Bullet
	for _, s := range secs {
		if s.Kind == k {
			out = append(out, s.Bullets...)
		}
	}
	return out
}

// bulletKey is how bullets compare: case, spacing and trailing punctuation
// aside.
func bulletKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ".;:,!")
}

// changedSimilarity is the share of words an edited bullet keeps: below
// it, the bullet is shown as one removed and one added.
const changedSimilarity = 0.5

// bulletDiff aligns two lists of bullets (go-diff over the bullets, each
// distinct bullet standing for one rune) and pairs, within each run of
// removals and additions, the bullets that mostly say the same into edits.
// The old bullets are read with the renamed roles' new titles (ren), so
// that a bullet naming a renamed role is not a change.
func bulletDiff(of, nf *model.Family, section string, ob, nb []*model.Bullet, ren *strings.Replacer) []*BulletChange {
	ids := map[string]rune{}
	enc := func(bs []*model.Bullet, ren *strings.Replacer) []rune {
		out := make([]rune, len(bs))
		for i, b := range bs {
			k := bulletKey(ren.Replace(b.Text))
			r, ok := ids[k]
			if !ok {
				r = rune(0xE000 + len(ids)%0x1900)
				if len(ids) >= 0x1900 {
					r = rune(0xF0000 + len(ids) - 0x1900)
				}
				ids[k] = r
			}
			out[i] = r
		}
		return out
	}
	ra, rb := enc(ob, ren), enc(nb, noRename)
	dmp := diffmatchpatch.New()
	// a bound, not a tuning: past it go-diff returns a valid, less minimal
	// alignment (a page of many thousand bullets rewritten at once)
	dmp.DiffTimeout = time.Second
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var out []*BulletChange
	i, j := 0, 0
	var dels, ins []*model.Bullet
	flush := func() {
		out = append(out, pairBullets(of, nf, section, dels, ins, ren)...)
		dels, ins = nil, nil
	}
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			dels = append(dels, ob[i:i+n]...)
			i += n
		case diffmatchpatch.DiffInsert:
			ins = append(ins, nb[j:j+n]...)
			j += n
		}
	}
	flush()
	return out
}

func pairBullets(of, nf *model.Family, section string, dels, ins []*model.Bullet, ren *strings.Replacer) []*BulletChange {
	if len(dels) == 0 && len(ins) == 0 {
		return nil
	}
	pairOf := map[*model.Bullet]*model.Bullet{} // inserted -> deleted
	used := map[*model.Bullet]bool{}
	budget := maxPairText
	if len(dels)*len(ins) <= maxPairs {
		type cand struct {
			d, n  *model.Bullet
			score float64
			diff  *worddiff.Diff
		}
		var cands []cand
		for _, d := range dels {
			for _, n := range ins {
				if budget -= len(d.Text) + len(n.Text); budget < 0 {
					break // shown as removed and added rather than compared without end
				}
				comparisons.Add(1)
				wd := worddiff.Compare(ren.Replace(d.Text), n.Text)
				if s := wd.Similarity(); s >= changedSimilarity {
					cands = append(cands, cand{d, n, s, wd})
				}
			}
		}
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
		for _, c := range cands {
			if used[c.d] || pairOf[c.n] != nil {
				continue
			}
			used[c.d], pairOf[c.n] = true, c.d
		}
	}
	var out []*BulletChange
	for _, d := range dels {
		if !used[d] {
			out = append(out, &BulletChange{Section: section, Change: "removed", Text: d.Text, Line: of.Source.Position(d.Span.Start).Line})
		}
	}
	for _, n := range ins {
		bc := &BulletChange{Section: section, Change: "added", Text: n.Text, Line: nf.Source.Position(n.Span.Start).Line}
		if d := pairOf[n]; d != nil {
			bc.Change, bc.Old = "changed", d.Text
			bc.Diff = worddiff.Compare(d.Text, n.Text).String()
			bc.oldSpan, bc.newSpan = d.Span, n.Span
		}
		out = append(out, bc)
	}
	return out
}

// roleText is the text of a role other than its heading, its grade
// sentence, the bullets compared one by one and the roles nested in it,
// spacing aside.
func roleText(f *model.Family, r *model.Role) string {
	var cut []model.Span
	if r.Heading != nil {
		cut = append(cut, r.Heading.Span)
	}
	if r.Grade != nil && r.Grade.Sentence != nil {
		cut = append(cut, r.Grade.Sentence.Span)
	}
	for _, k := range trackedSections {
		for _, b := range bulletsOf(r.Sections, k) {
			cut = append(cut, b.Span)
		}
	}
	for _, s := range r.Sections {
		if s.Style != model.StyleNone {
			cut = append(cut, s.Span) // a section added or removed is said so
		}
	}
	for _, o := range f.Roles {
		if o != r && o.Span.Within(r.Span) && o.Span != r.Span {
			cut = append(cut, o.Span)
		}
	}
	return strings.Join(strings.Fields(cutSpans(f.Source.Text, r.Span, cut)), " ")
}

// noRename leaves a text as it is.
var noRename = strings.NewReplacer()

// renamer rewrites old text as if the renamed roles had their new titles
// already, so that a rename counts as one change, not as a change of every
// sentence that names the role: in page text, the titles as written and
// as heading anchors; in finding subjects (subjects set), the titles as
// written and as rules normalize them.
func renamer(pairs map[*model.Role]*model.Role, subjects bool) *strings.Replacer {
	type rn struct{ old, new string }
	var rs []rn
	for o, n := range pairs {
		if o.Title != n.Title && o.Title != "" {
			rs = append(rs, rn{o.Title, n.Title})
			if subjects {
				rs = append(rs, rn{model.NormalizeTitle(o.Title), model.NormalizeTitle(n.Title)})
			} else {
				rs = append(rs, rn{"#" + slug(o.Title), "#" + slug(n.Title)})
			}
		}
	}
	// longest first, so that "Senior Manager, X" is rewritten before "Manager, X"
	sort.Slice(rs, func(i, j int) bool {
		if len(rs[i].old) != len(rs[j].old) {
			return len(rs[i].old) > len(rs[j].old)
		}
		return rs[i].old < rs[j].old
	})
	var args []string
	seen := map[string]bool{}
	for _, r := range rs {
		if r.old != "" && !seen[r.old] {
			seen[r.old] = true
			args = append(args, r.old, r.new)
		}
	}
	return strings.NewReplacer(args...)
}

// slug is a heading's anchor as GitHub and Hugo make it: lower case,
// letters, digits, hyphens and underscores kept, spaces to hyphens.
func slug(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// outsideRoles is the page's text outside every role, spacing aside; the
// bullets of the shared sections are compared one by one, not here.
func outsideRoles(f *model.Family) string {
	var cut []model.Span
	for _, r := range f.Roles {
		cut = append(cut, r.Span)
	}
	for _, k := range trackedSections {
		for _, b := range bulletsOf(f.Sections, k) {
			cut = append(cut, b.Span)
		}
	}
	return strings.Join(strings.Fields(cutSpans(f.Source.Text, model.Span{Start: 0, End: len(f.Source.Text)}, cut)), " ")
}

// cutSpans returns the text of within without the parts the spans cover.
func cutSpans(src []byte, within model.Span, cut []model.Span) string {
	sort.Slice(cut, func(i, j int) bool { return cut[i].Start < cut[j].Start })
	var b strings.Builder
	at := within.Start
	for _, c := range cut {
		if c.End <= at || c.Start >= within.End {
			continue
		}
		if c.Start > at {
			b.Write(src[at:c.Start])
			b.WriteByte(' ')
		}
		at = max(at, c.End)
	}
	if at < within.End && within.End <= len(src) {
		b.Write(src[at:within.End])
	}
	return b.String()
}

// compareShared compares the bullets of the family-level sections.
func compareShared(of, nf *model.Family, ren *strings.Replacer) *RoleChange {
	rc := &RoleChange{Change: RoleChanged, Kind: "family", Title: ""}
	for _, k := range trackedSections {
		rc.Bullets = append(rc.Bullets, bulletDiff(of, nf, string(k), bulletsOf(of.Sections, k), bulletsOf(nf.Sections, k), ren)...)
	}
	if len(rc.Bullets) == 0 {
		return nil
	}
	rc.Line = rc.Bullets[0].Line
	return rc
}

// reordered tells whether the levels kept on the page changed order.
func reordered(of, nf *model.Family, pairs map[*model.Role]*model.Role) *Reorder {
	pos := map[*model.Role]int{}
	for i, r := range nf.Roles {
		pos[r] = i
	}
	var kept []*model.Role // old levels kept, in old order
	for _, r := range of.Roles {
		if n, ok := pairs[r]; ok && r.Kind == model.KindLevel && n.Kind == model.KindLevel {
			kept = append(kept, r)
		}
	}
	moved := false
	for i := 1; i < len(kept); i++ {
		if pos[pairs[kept[i]]] < pos[pairs[kept[i-1]]] {
			moved = true
		}
	}
	if !moved {
		return nil
	}
	ro := &Reorder{}
	for _, r := range kept {
		ro.Old = append(ro.Old, pairs[r].Title)
	}
	newOrder := append([]*model.Role(nil), kept...)
	sort.SliceStable(newOrder, func(i, j int) bool { return pos[pairs[newOrder[i]]] < pos[pairs[newOrder[j]]] })
	for _, r := range newOrder {
		ro.New = append(ro.New, pairs[r].Title)
	}
	return ro
}

// findings lists the findings the change introduces and fixes: by
// fingerprint, as --baseline does; a finding whose fingerprint changed only
// because its role was renamed is neither. A deleted page's findings go
// with it and are not listed as fixed.
func (fc *FamilyChange) findings(old, new Side, pairs map[*model.Role]*model.Role, ren *strings.Replacer) {
	renamed := map[string]string{} // old title -> new title
	for o, n := range pairs {
		renamed[o.Title] = n.Title
	}
	oldFP := map[string]bool{}
	for _, f := range old.Findings {
		oldFP[f.Fingerprint] = true
	}
	newFP := map[string]bool{}
	for _, f := range new.Findings {
		newFP[f.Fingerprint] = true
	}
	key := func(f lint.Finding, role string) string { return f.Rule + "\x00" + role + "\x00" + f.Subject }
	oldKey := func(f lint.Finding) string {
		role := f.Role
		if r, ok := renamed[role]; ok {
			role = r
		}
		f.Subject = ren.Replace(f.Subject)
		return key(f, role)
	}
	var fixed, introduced []lint.Finding
	carried := map[string]int{}
	for _, f := range old.Findings {
		if newFP[f.Fingerprint] {
			continue
		}
		carried[oldKey(f)]++
		fixed = append(fixed, f)
	}
	for _, f := range new.Findings {
		if oldFP[f.Fingerprint] {
			continue
		}
		if k := key(f, f.Role); carried[k] > 0 {
			carried[k]--
			carried["matched\x00"+k]++
			continue
		}
		introduced = append(introduced, f)
	}
	if new.Family == nil {
		fc.Introduced = toFindings(introduced)
		return
	}
	var stillFixed []lint.Finding
	for _, f := range fixed {
		if k := "matched\x00" + oldKey(f); carried[k] > 0 {
			carried[k]--
			continue
		}
		stillFixed = append(stillFixed, f)
	}
	introduced, stillFixed = fc.carriedByBullets(introduced, stillFixed)
	fc.Introduced, fc.Fixed = toFindings(introduced), toFindings(stillFixed)
	// the required bullet, as the rule judges it
	for _, rc := range fc.Roles {
		switch rc.Change {
		case RoleAdded:
			if hasRule(fc.Introduced, rc.Title) {
				rc.RequiredBullet = "missing"
			}
		case RoleChanged, RoleRenamed:
			lost, gained := hasRule(fc.Introduced, rc.Title), hasRule(fc.Fixed, rc.old.Title)
			switch {
			case lost && !gained:
				rc.RequiredBullet = "lost"
			case gained && !lost:
				rc.RequiredBullet = "gained"
			}
		}
	}
	if fc.Shared != nil { // the family-level requirements hold it for every level
		lost, gained := hasRule(fc.Introduced, ""), hasRule(fc.Fixed, "")
		switch {
		case lost && !gained:
			fc.Shared.RequiredBullet = "lost"
		case gained && !lost:
			fc.Shared.RequiredBullet = "gained"
		}
	}
	// a role whose only change is the required bullet's verdict (it
	// inherits its requirements from an edited one) is listed too
	listed := map[string]bool{}
	for _, rc := range fc.Roles {
		listed[rc.Title] = true
	}
	var extra []*RoleChange
	for n, o := range invert(pairs) {
		if listed[n.Title] {
			continue
		}
		lost, gained := hasRule(fc.Introduced, n.Title), hasRule(fc.Fixed, o.Title)
		if lost == gained {
			continue
		}
		rc := &RoleChange{Change: RoleChanged, Kind: string(n.Kind), Title: n.Title, Line: line(new.Family, n), old: o, new: n, RequiredBullet: "gained"}
		if lost {
			rc.RequiredBullet = "lost"
		}
		extra = append(extra, rc)
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].Line < extra[j].Line })
	fc.Roles = append(fc.Roles, extra...)
}

// inputFindings keeps the findings of the input rule (the page too large,
// not text): the only ones made on a page the engine did not model.
func inputFindings(fs []Finding) []Finding {
	out := []Finding{}
	for _, f := range fs {
		if f.Rule == "input" {
			out = append(out, f)
		}
	}
	return out
}

func invert(pairs map[*model.Role]*model.Role) map[*model.Role]*model.Role {
	out := map[*model.Role]*model.Role{}
	for o, n := range pairs {
		out[n] = o
	}
	return out
}

func hasRule(fs []Finding, role string) bool {
	for _, f := range fs {
		if f.Rule != requiredBulletRule {
			continue
		}
		if f.Role == role {
			return true
		}
		// reported once, at the level the others inherit it from
		for _, r := range f.AlsoRoles {
			if r == role {
				return true
			}
		}
	}
	return false
}

// carriedByBullets drops the pairs of findings, one introduced and one
// fixed, of the same rule on the two sides of an edited bullet: the finding
// is still there, its subject edited with the bullet ("3-5 years" became
// "4-6 years").
func (fc *FamilyChange) carriedByBullets(introduced, fixed []lint.Finding) ([]lint.Finding, []lint.Finding) {
	var edited []*BulletChange
	roles := fc.Roles
	if fc.Shared != nil {
		roles = append([]*RoleChange{fc.Shared}, roles...)
	}
	for _, rc := range roles {
		for _, bc := range rc.Bullets {
			if bc.Change == "changed" {
				edited = append(edited, bc)
			}
		}
	}
	if len(edited) == 0 || len(introduced) == 0 || len(fixed) == 0 {
		return introduced, fixed
	}
	in := func(sp model.Span, f lint.Finding) bool { return f.Offset >= sp.Start && f.Offset < sp.End }
	gone := map[int]bool{} // indexes of fixed findings carried
	var keep []lint.Finding
	for _, f := range introduced {
		carried := false
		for _, bc := range edited {
			if !in(bc.newSpan, f) {
				continue
			}
			for k, g := range fixed {
				if !gone[k] && g.Rule == f.Rule && in(bc.oldSpan, g) {
					gone[k], carried = true, true
					break
				}
			}
			if carried {
				break
			}
		}
		if !carried {
			keep = append(keep, f)
		}
	}
	var stay []lint.Finding
	for k, g := range fixed {
		if !gone[k] {
			stay = append(stay, g)
		}
	}
	return keep, stay
}

func toFindings(fs []lint.Finding) []Finding {
	out := []Finding{}
	for _, f := range fs {
		out = append(out, toFinding(f))
	}
	return out
}

func toFinding(f lint.Finding) Finding {
	return Finding{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Line: f.Line, Column: f.Column, Role: f.Role, AlsoRoles: f.AlsoRoles, Fingerprint: f.Fingerprint}
}

// gradeOf returns a role's grade number (the top of a range): its own, the
// one it shares a grade sentence with, or, for a specialty or segment, its
// base level's or the enclosing role's.
func gradeOf(f *model.Family, r *model.Role) *float64 {
	for depth := 0; r != nil && depth < 8; depth++ {
		if g := r.Grade; g != nil && g.Number != nil {
			if g.Max != nil {
				return g.Max
			}
			return g.Number
		}
		switch {
		case r.SharesWith != nil:
			r = r.SharesWith
		case r.Base != "":
			var base *model.Role
			for _, o := range f.Roles {
				if o != r && roleKey(o.Title) == roleKey(r.Base) {
					base = o
					break
				}
			}
			if base == nil {
				base = r.Parent
			}
			r = base
		default:
			r = r.Parent
		}
	}
	return nil
}

// collectGrades records the grades the change touches: both sides of
// every role listed; for the shared sections or a reorder, every level of
// the page.
func (fc *FamilyChange) collectGrades(of, nf *model.Family) {
	add := func(f *model.Family, r *model.Role) {
		if f == nil || r == nil {
			return
		}
		if g := gradeOf(f, r); g != nil {
			fc.grades = append(fc.grades, &GradeAt{Grade: *g, Role: r.Title, Path: fc.Path})
		}
	}
	for _, rc := range fc.Roles {
		add(nf, rc.new) // first: a tie names the role as it is now
		add(of, rc.old)
	}
	if fc.Shared != nil || fc.Reordered != nil {
		for _, f := range []*model.Family{nf, of} {
			if f == nil {
				continue
			}
			for _, r := range f.Roles {
				add(f, r)
			}
		}
	}
	for _, g := range fc.grades {
		if fc.Highest == nil || g.Grade > fc.Highest.Grade {
			fc.Highest = g
		}
	}
}
