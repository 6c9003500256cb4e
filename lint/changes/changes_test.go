package changes_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/changes"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
)

// The fixture is self-contained: a family with shared sections, four
// graded levels and a specialty.
const fixturePath = "testdata/widget-engineer.md"

func fixture(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("%q occurs %d times, want once", old, n)
	}
	return strings.Replace(s, old, new, 1)
}

// block returns the text from the heading start up to the next heading of
// the same or a higher level.
func block(t *testing.T, s, heading string) string {
	t.Helper()
	i := strings.Index(s, heading)
	if i < 0 {
		t.Fatalf("no %q", heading)
	}
	level := strings.Index(heading, " ")
	rest := s[i+len(heading):]
	end := len(rest)
	for _, l := range []string{"\n## ", "\n### "}[:level-1] {
		if j := strings.Index(rest, l); j >= 0 && j+1 < end {
			end = j + 1
		}
	}
	return s[i : i+len(heading)+end]
}

func compareText(t *testing.T, old, new string) *changes.FamilyChange {
	t.Helper()
	of := model.Parse("widget-engineer.md", []byte(old))
	nf := model.Parse("widget-engineer.md", []byte(new))
	return changes.Compare(changes.Side{Path: "widget-engineer.md", Family: of}, changes.Side{Path: "widget-engineer.md", Family: nf}, changes.Modified)
}

func TestFixtureUnchanged(t *testing.T) {
	page := fixture(t)
	fc := compareText(t, page, strings.ReplaceAll(page, "\n\n", "\n\n\n")) // spacing only
	if !fc.Empty() || fc.Touched() {
		t.Errorf("spacing reported as a change: %s", changes.Summary(fc))
	}
}

func TestFixtureLevelsReordered(t *testing.T) {
	page := fixture(t)
	senior, staff := block(t, page, "### Senior Widget Engineer\n"), block(t, page, "### Staff Widget Engineer\n")
	swapped := replaceOnce(t, page, senior+staff, staff+senior)
	fc := compareText(t, page, swapped)
	if fc.Reordered == nil {
		t.Fatalf("no reorder reported: %s", changes.Summary(fc))
	}
	if got := strings.Join(fc.Reordered.New, " | "); got != "Junior Widget Engineer | Widget Engineer (Intermediate) | Staff Widget Engineer | Senior Widget Engineer" {
		t.Errorf("new order %q", got)
	}
	if len(fc.Roles) != 0 || fc.Prose || fc.Shared != nil {
		t.Errorf("a reorder reported more: %s", changes.Summary(fc))
	}
	if fc.Highest == nil || fc.Highest.Grade != 8 {
		t.Errorf("highest grade %+v: a reorder touches every level, up to 8", fc.Highest)
	}
}

func TestFixtureSharedRequirement(t *testing.T) {
	page := fixture(t)
	fc := compareText(t, page, replaceOnce(t, page, "- Experience building user-facing software at scale", "- Experience building user-facing software"))
	if fc.Shared == nil || len(fc.Shared.Bullets) != 1 || len(fc.Roles) != 0 || fc.Prose {
		t.Fatalf("want one shared bullet changed: %s", changes.Summary(fc))
	}
	b := fc.Shared.Bullets[0]
	if b.Section != "requirements" || b.Change != "changed" || b.Diff != "Experience building user-facing software [-at scale-]" || b.Line != 14 {
		t.Errorf("bullet %+v", b)
	}
	if fc.Highest == nil || fc.Highest.Grade != 8 {
		t.Errorf("highest %+v: the shared sections apply to every level", fc.Highest)
	}
}

// A level removed and a different one added is not a rename: the near miss
// of the rename detection.
func TestFixtureRemoveAndAddIsNotRename(t *testing.T) {
	page := fixture(t)
	junior := block(t, page, "### Junior Widget Engineer\n")
	associate := "### Associate Widget Engineer\n\nThe Associate Widget Engineer is a [grade 5](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
		"#### Responsibilities\n\n- Answer customer questions about widget configuration\n- Triage incoming widget support tickets by severity\n\n" +
		"#### Requirements\n\n- Patience and clear written communication with customers\n\n"
	fc := compareText(t, page, replaceOnce(t, page, junior, associate))
	var got []string
	for _, rc := range fc.Roles {
		got = append(got, rc.Change+" "+rc.Title)
	}
	if strings.Join(got, ", ") != "removed Junior Widget Engineer, added Associate Widget Engineer" {
		t.Errorf("roles %v, want one removed and one added", got)
	}
}

func TestFixtureRenamesAndSections(t *testing.T) {
	page := fixture(t)
	edited := replaceOnce(t, page, "### Gadgets\n\nGadget specialists", "### Gizmos\n\nGadget specialists")
	// a section added to one level, its grade raised, other text changed in another
	edited = replaceOnce(t, edited, "- Five years of experience building distributed systems in production\n",
		"- Five years of experience building distributed systems in production\n\n#### Performance Indicators\n\n- Widget service availability\n")
	edited = replaceOnce(t, edited, "The Senior Widget Engineer is a [grade 7]", "The Senior Widget Engineer is a [grade 7.5]")
	edited = replaceOnce(t, edited, "Gadget specialists build the gadget plugins", "Gizmo specialists build the gizmo plugins")
	fc := compareText(t, page, edited)
	if len(fc.Roles) != 2 {
		t.Fatalf("%d roles, want 2: %s", len(fc.Roles), changes.Summary(fc))
	}
	senior, gizmos := fc.Roles[0], fc.Roles[1]
	if senior.Title != "Senior Widget Engineer" || senior.Grade == nil || senior.Grade.Old != "7" || senior.Grade.New != "7.5" ||
		strings.Join(senior.SectionsAdded, ",") != "Performance Indicators" || len(senior.Bullets) != 1 || senior.Bullets[0].Section != "performance-indicators" || senior.Text {
		t.Errorf("senior %+v", senior)
	}
	if gizmos.Change != changes.RoleRenamed || gizmos.Kind != "specialty" || gizmos.OldTitle != "Gadgets" || gizmos.Title != "Gizmos" || !gizmos.Text || len(gizmos.Bullets) > 0 {
		t.Errorf("gizmos %+v", gizmos)
	}
	if got := changes.Summary(fc); got != "renamed: Gadgets → Gizmos; grade: Senior Widget Engineer 7 → 7.5; 1 section added or removed; 1 bullet changed in 1 role; other text changed in 1 role" {
		t.Errorf("summary %q", got)
	}
}

// The whole pipeline without the corpus: git, the engine, the report.
func TestFixtureRun(t *testing.T) {
	repo := vcstest.New(t)
	page := fixture(t)
	repo.Write("content/job-families/widget-engineer.md", page)
	repo.Write("content/job-families/gone.md", page)
	repo.Write(".ladderlint.yml", "rules:\n  link-target: off\nchanges:\n  grade_boundary: 6\n  upper:\n    name: senior flow\n    approvers:\n      - name: The CTO\n")
	repo.Commit("start")
	t.Chdir(repo.Dir)
	repo.Write("content/job-families/widget-engineer.md", replaceOnce(t, page, "a [grade 5]", "a [grade 6]"))
	repo.Git("rm", "-q", "content/job-families/gone.md")
	repo.Write("notes.md", "not a job family\n") // outside the include
	cfg, err := lint.LoadConfig(".ladderlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := changes.Run(context.Background(), changes.Options{Config: cfg, From: "main"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fc := range rep.Families {
		got = append(got, fc.Path+": "+changes.Summary(fc))
	}
	want := []string{
		"content/job-families/gone.md: page deleted: 4 levels (grades 5, 6, 7, 8), 1 specialty removed",
		// the engine's grade-order rule sees the raised grade meet the next level's
		"content/job-families/widget-engineer.md: grade: Junior Widget Engineer 5 → 6; 1 finding introduced",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fs := rep.Families[1].Introduced; len(fs) != 1 || fs[0].Rule != "grade-order" || fs[0].Line != 36 {
		t.Errorf("introduced %+v, want grade-order at line 36", fs)
	}
	if a := rep.Approval; a == nil || a.Flow != "senior flow" || len(a.Approvers) != 1 || a.Approvers[0].Name != "The CTO" || a.Highest.Grade != 8 {
		t.Errorf("approval %+v: want the configured flow", a)
	}
	// limited to one page by a path
	rep, err = changes.Run(context.Background(), changes.Options{Config: cfg, From: "main", Paths: []string{"content/job-families/widget-engineer.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Families) != 1 || rep.Approval.Flow != "senior flow" || rep.Approval.Highest.Grade != 6 {
		t.Errorf("with a path: %d pages, approval %+v", len(rep.Families), rep.Approval)
	}
	if _, err := changes.Run(context.Background(), changes.Options{Config: cfg, From: "no-such-rev"}); err == nil || !strings.Contains(err.Error(), `unknown revision "no-such-rev"`) {
		t.Errorf("unknown revision: %v", err)
	}
}

// Dropping the required bullet from the requirements every level shares
// is said of the shared sections, as the required-bullet rule judges it.
func TestFixtureSharedRequiredBullet(t *testing.T) {
	repo := vcstest.New(t)
	page := fixture(t)
	repo.Write("content/job-families/widget-engineer.md", page)
	repo.Write(".ladderlint.yml", "rules:\n  link-target: off\n")
	repo.Commit("start")
	t.Chdir(repo.Dir)
	repo.Write("content/job-families/widget-engineer.md", replaceOnce(t, page, "- Ability to use GitLab\n", ""))
	cfg, err := lint.LoadConfig(".ladderlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := changes.Run(context.Background(), changes.Options{Config: cfg, From: "main"})
	if err != nil {
		t.Fatal(err)
	}
	fc := rep.Families[0]
	if fc.Shared == nil || fc.Shared.RequiredBullet != "lost" || len(fc.Roles) != 0 {
		t.Fatalf("shared %+v, roles %d: want the shared requirements to lose the bullet", fc.Shared, len(fc.Roles))
	}
	if len(fc.Introduced) != 1 || fc.Introduced[0].Rule != "required-bullet" || fc.Introduced[0].Line != 12 {
		t.Errorf("introduced %+v, want required-bullet at the shared Requirements heading", fc.Introduced)
	}
	if got := changes.Summary(fc); got != "1 bullet changed in the sections all levels share; required bullet: the shared requirements lost it; 1 finding introduced" {
		t.Errorf("summary %q", got)
	}
	if rep.Approval == nil || rep.Approval.Highest == nil || rep.Approval.Highest.Grade != 8 {
		t.Errorf("approval %+v: shared sections touch every level", rep.Approval)
	}
}

// A page that is no longer text is listed as not compared: its old
// findings are not "fixed", nor is it prose only.
func TestFixtureNotText(t *testing.T) {
	repo := vcstest.New(t)
	repo.Write("content/job-families/widget-engineer.md", fixture(t))
	repo.Commit("start")
	t.Chdir(repo.Dir)
	repo.Write("content/job-families/widget-engineer.md", "\x00\x01 not text")
	rep, err := changes.Run(context.Background(), changes.Options{Config: lint.DefaultConfig(), From: "main"})
	if err != nil {
		t.Fatal(err)
	}
	fc := only(t, rep)
	if !strings.Contains(fc.Note, "not compared") || fc.Title != "Widget Engineer" || len(fc.Roles) != 0 || len(fc.Fixed) != 0 {
		t.Errorf("page %+v", fc)
	}
	if len(fc.Introduced) != 1 || fc.Introduced[0].Rule != "input" {
		t.Errorf("introduced %+v, want the input finding alone", fc.Introduced)
	}
	if rep.ProseOnly || rep.Approval != nil {
		t.Errorf("prose only %v, approval %+v", rep.ProseOnly, rep.Approval)
	}
}

// A level with too few words to compare is renamed when it is alone in
// its place, of the same kind and grade; with another grade it is one
// level removed and another added.
func TestFixtureShortRoleRenamedByPlace(t *testing.T) {
	page := fixture(t)
	mid := block(t, page, "### Widget Engineer (Intermediate)\n")
	short := "### Widget Engineer (Intermediate)\n\nThe Widget Engineer (Intermediate) is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"
	old := replaceOnce(t, page, mid, short)
	renamed := replaceOnce(t, old, short, strings.ReplaceAll(short, "Widget Engineer (Intermediate)", "Widget Engineer"))
	fc := compareText(t, old, renamed)
	if len(fc.Roles) != 1 || fc.Roles[0].Change != changes.RoleRenamed || fc.Roles[0].Title != "Widget Engineer" || fc.Roles[0].Text {
		t.Errorf("renamed in place: %s", changes.Summary(fc))
	}
	regraded := strings.Replace(renamed, "[grade 6]", "[grade 7]", 1)
	fc = compareText(t, old, regraded)
	var got []string
	for _, rc := range fc.Roles {
		got = append(got, rc.Change+" "+rc.Title)
	}
	if strings.Join(got, ", ") != "removed Widget Engineer (Intermediate), added Widget Engineer" {
		t.Errorf("renamed and regraded: %v", got)
	}
}

// A finding carried by an edited bullet is not listed; one the edit brings
// to a bullet that had none is introduced (the near miss).
func TestFixtureFindingOnEditedBullet(t *testing.T) {
	repo := vcstest.New(t)
	page := fixture(t)
	repo.Write("content/job-families/widget-engineer.md", page)
	repo.Write(".ladderlint.yml", "rules:\n  link-target: off\n")
	repo.Commit("start")
	t.Chdir(repo.Dir)
	cfg, err := lint.LoadConfig(".ladderlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	run := func(edited string) *changes.FamilyChange {
		t.Helper()
		repo.Write("content/job-families/widget-engineer.md", edited)
		rep, err := changes.Run(context.Background(), changes.Options{Config: cfg, From: "main"})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Families) != 1 {
			t.Fatalf("%d pages", len(rep.Families))
		}
		return rep.Families[0]
	}
	fc := run(replaceOnce(t, page, "- Five years of experience building distributed systems", "- Seven years of experience building distributed systems"))
	if len(fc.Introduced)+len(fc.Fixed) != 0 || len(fc.Roles) != 1 || len(fc.Roles[0].Bullets) != 1 {
		t.Errorf("carried: introduced %+v, fixed %+v, summary %s", fc.Introduced, fc.Fixed, changes.Summary(fc))
	}
	fc = run(replaceOnce(t, page, "- Mentor intermediate engineers through code review and pairing", "- Mentor intermediate engineers with 5+ years of experience through code review"))
	if len(fc.Introduced) != 1 || fc.Introduced[0].Rule != "years-of-experience" || len(fc.Fixed) != 0 {
		t.Errorf("brought by the edit: introduced %+v, fixed %+v", fc.Introduced, fc.Fixed)
	}
}
