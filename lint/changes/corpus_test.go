package changes_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/changes"
	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
	_ "gitlab.com/ladderlint/ladderlint/rules" // the engine runs every rule
	"gitlab.com/ladderlint/ladderlint/schema"
)

// Real pages (tuning half of the split), each edited the way a merge
// request would, in a throwaway repository.
const (
	corpus     = "../../../shared/corpus/gitlab-handbook/content/job-families/"
	accountant = "finance/accountant.md"                         // levels graded 6 to 9, specialties
	quality    = "engineering/engineering-management-quality.md" // levels graded 8 to 12
	advocate   = "marketing/community-advocate.md"               // a role page with levels graded 5 to 9
)

// handbook commits the three pages under content/job-families and moves
// into the repository.
func handbook(t *testing.T) *vcstest.Repo {
	t.Helper()
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not available (%v): run from a worktree next to ../shared", err)
	}
	repo := vcstest.New(t)
	for _, p := range []string{accountant, quality, advocate} {
		data, err := os.ReadFile(corpus + p)
		if err != nil {
			t.Fatal(err)
		}
		repo.Write("content/job-families/"+p, string(data))
	}
	// the pages they link to are not in this repository
	repo.Write(".ladderlint.yml", "rules:\n  link-target: off\n")
	repo.Commit("handbook")
	t.Chdir(repo.Dir)
	return repo
}

// edit replaces old by new in a page; old must be there exactly once.
func edit(t *testing.T, repo *vcstest.Repo, page, old, new string) {
	t.Helper()
	p := filepath.Join(repo.Dir, "content/job-families", page)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		t.Fatalf("%s: %q occurs %d times, want once", page, old, n)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// compare runs the comparison against main and checks the JSON against
// its schema.
func compare(t *testing.T) *changes.Report {
	t.Helper()
	cfg, err := lint.LoadConfig(".ladderlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := changes.Run(context.Background(), changes.Options{Config: cfg, From: "main"})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := schema.ToJSONValue(json.RawMessage(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Changes().Validate(inst); err != nil {
		ptr, msg := schema.FirstError(err)
		t.Fatalf("JSON does not match changes.schema.json at %s: %s", ptr, msg)
	}
	return rep
}

// only returns the one page the report lists, failing otherwise.
func only(t *testing.T, rep *changes.Report) *changes.FamilyChange {
	t.Helper()
	if len(rep.Families) != 1 {
		var paths []string
		for _, f := range rep.Families {
			paths = append(paths, f.Path+" ("+changes.Summary(f)+")")
		}
		t.Fatalf("%d pages reported, want 1: %v", len(rep.Families), paths)
	}
	return rep.Families[0]
}

// oneRole returns the page's one role change, failing when there are more,
// or when anything else (shared sections, order, prose, findings) is said.
func oneRole(t *testing.T, fc *changes.FamilyChange, allowFindings bool) *changes.RoleChange {
	t.Helper()
	if len(fc.Roles) != 1 {
		t.Fatalf("%d roles changed, want 1: %s", len(fc.Roles), changes.Summary(fc))
	}
	if fc.Shared != nil || fc.Reordered != nil || fc.Prose {
		t.Errorf("more reported than the role: %s", changes.Summary(fc))
	}
	if !allowFindings && (len(fc.Introduced) > 0 || len(fc.Fixed) > 0) {
		t.Errorf("findings introduced %+v, fixed %+v; want none", fc.Introduced, fc.Fixed)
	}
	return fc.Roles[0]
}

func wantFlow(t *testing.T, rep *changes.Report, flow string, grade float64, role string) {
	t.Helper()
	a := rep.Approval
	if a == nil {
		t.Fatal("no approval flow")
	}
	if a.Flow != flow {
		t.Errorf("approval flow %q, want %q", a.Flow, flow)
	}
	if a.Highest == nil || a.Highest.Grade != grade || a.Highest.Role != role {
		t.Errorf("highest grade touched %+v, want %v (%s)", a.Highest, grade, role)
	}
	if len(a.Approvers) != 4 || len(a.Approvers[3].Checklist) != 5 {
		t.Errorf("approvers %+v: want the policy's four, Total Rewards with its checklist", a.Approvers)
	}
}

const (
	upper = "grades 10 and above"
	lower = "grades 9 and below"
)

func TestCorpusGradeRaised(t *testing.T) {
	repo := handbook(t)
	edit(t, repo, accountant, "The Senior Accountant is a [grade 7]", "The Senior Accountant is a [grade 8]")
	rep := compare(t)
	fc := only(t, rep)
	rc := oneRole(t, fc, false)
	if rc.Change != changes.RoleChanged || rc.Title != "Senior Accountant" || rc.Grade == nil || rc.Grade.Old != "7" || rc.Grade.New != "8" {
		t.Fatalf("role change %+v grade %+v, want Senior Accountant 7 -> 8", rc, rc.Grade)
	}
	if len(rc.Bullets)+len(rc.SectionsAdded)+len(rc.SectionsRemoved) > 0 || rc.Text || rc.RequiredBullet != "" {
		t.Errorf("more than the grade reported: %+v", rc)
	}
	if rc.Line != 32 {
		t.Errorf("line %d, want 32 (the heading)", rc.Line)
	}
	wantFlow(t, rep, lower, 8, "Senior Accountant")
	if got := changes.Summary(fc); got != "grade: Senior Accountant 7 → 8" {
		t.Errorf("summary %q", got)
	}
}

func TestCorpusLevelAdded(t *testing.T) {
	repo := handbook(t)
	edit(t, repo, accountant, "## Manager, Accounting\n", "## Staff Accountant\n\n### Job Grade\n\n"+
		"The Staff Accountant is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"+
		"### Responsibilities\n\n- Own the quarterly close for two subsidiaries\n- Review the reconciliations of the Senior Accountants\n\n"+
		"### Requirements\n\n- Experience leading the close of a multi-entity company\n- Ability to use GitLab\n\n## Manager, Accounting\n")
	rep := compare(t)
	fc := only(t, rep)
	rc := oneRole(t, fc, false)
	if rc.Change != changes.RoleAdded || rc.Title != "Staff Accountant" || rc.Kind != "level" || rc.Grade == nil || rc.Grade.New != "8" {
		t.Fatalf("role change %+v, want Staff Accountant added at grade 8", rc)
	}
	if got := strings.Join(rc.Sections, ", "); got != "Job Grade, Responsibilities, Requirements" {
		t.Errorf("sections %q", got)
	}
	if rc.RequiredBullet != "" {
		t.Errorf("required bullet %q: the new level has it", rc.RequiredBullet)
	}
	wantFlow(t, rep, lower, 8, "Staff Accountant")
	if got := changes.Summary(fc); got != "added: Staff Accountant (grade 8)" {
		t.Errorf("summary %q", got)
	}
}

func TestCorpusLevelRenamed(t *testing.T) {
	repo := handbook(t)
	// as a merge request renames a level: its heading, the sentences that
	// name it, and the link to it from the next level
	edit(t, repo, quality, "## Director, Quality Engineering\n", "## Director of Quality Engineering\n")
	edit(t, repo, quality, "The Director, Quality Engineering role extends", "The Director of Quality Engineering role extends")
	edit(t, repo, quality, "The Director, Quality Engineering is a", "The Director of Quality Engineering is a")
	edit(t, repo, quality, "[Director, Quality Engineering](#director-quality-engineering)", "[Director of Quality Engineering](#director-of-quality-engineering)")
	rep := compare(t)
	fc := only(t, rep)
	rc := oneRole(t, fc, true)
	if rc.Change != changes.RoleRenamed || rc.OldTitle != "Director, Quality Engineering" || rc.Title != "Director of Quality Engineering" {
		t.Fatalf("role change %+v, want Director, Quality Engineering renamed", rc)
	}
	if rc.Grade != nil || len(rc.Bullets) > 0 || rc.Text || len(rc.SectionsAdded)+len(rc.SectionsRemoved) > 0 {
		t.Errorf("more than the rename reported: %+v", rc)
	}
	// a finding the level had keeps its identity across the rename; only
	// what the new title itself causes may be new
	for _, f := range fc.Fixed {
		t.Errorf("fixed by a rename: %+v", f)
	}
	for _, f := range fc.Introduced {
		if f.Role != "Director of Quality Engineering" {
			t.Errorf("introduced outside the renamed level: %+v", f)
		}
	}
	wantFlow(t, rep, upper, 10, "Director of Quality Engineering")
}

func TestCorpusRequirementEdited(t *testing.T) {
	repo := handbook(t)
	edit(t, repo, accountant, "- Strong working knowledge of GAAP principles\n- Experience with Netsuite", "- Strong working knowledge of GAAP and IFRS principles\n- Experience with Netsuite")
	rep := compare(t)
	fc := only(t, rep)
	rc := oneRole(t, fc, false)
	if rc.Title != "Senior Accountant" || rc.Grade != nil || len(rc.Bullets) != 1 {
		t.Fatalf("role change %+v (bullets %d), want one bullet of Senior Accountant", rc, len(rc.Bullets))
	}
	b := rc.Bullets[0]
	if b.Section != "requirements" || b.Change != "changed" || b.Line != 60 {
		t.Errorf("bullet %+v, want requirements changed at line 60", b)
	}
	if b.Diff != "Strong working knowledge of GAAP {+and IFRS+} principles" {
		t.Errorf("word diff %q", b.Diff)
	}
	wantFlow(t, rep, lower, 7, "Senior Accountant")
}

func TestCorpusRequiredBulletDropped(t *testing.T) {
	repo := handbook(t)
	// the manager level holds it; the levels above extend that level
	edit(t, repo, quality, "- Ability to use GitLab.\n", "")
	rep := compare(t)
	fc := only(t, rep)
	if fc.Shared != nil || fc.Reordered != nil || fc.Prose || len(fc.Fixed) > 0 {
		t.Errorf("more reported: %s", changes.Summary(fc))
	}
	var got []string
	for _, rc := range fc.Roles {
		got = append(got, rc.Title+": "+rc.RequiredBullet)
		if rc.Change != changes.RoleChanged || rc.Grade != nil || rc.Text || len(rc.SectionsAdded)+len(rc.SectionsRemoved) > 0 {
			t.Errorf("%s: more than the bullet reported: %+v", rc.Title, rc)
		}
		wantBullets := 0
		if rc.Title == "Manager, Quality Engineering" {
			wantBullets = 1
			if len(rc.Bullets) == 1 && (rc.Bullets[0].Change != "removed" || rc.Bullets[0].Text != "Ability to use GitLab." || rc.Bullets[0].Line != 50) {
				t.Errorf("bullet %+v, want the required one removed from line 50", rc.Bullets[0])
			}
		}
		if len(rc.Bullets) != wantBullets {
			t.Errorf("%s: %d bullets changed, want %d", rc.Title, len(rc.Bullets), wantBullets)
		}
	}
	want := "Manager, Quality Engineering: lost; Senior Manager, Quality Engineering: lost; Director, Quality Engineering: lost; VP of Quality: lost"
	if strings.Join(got, "; ") != want {
		t.Errorf("roles:\n got %s\nwant %s", strings.Join(got, "; "), want)
	}
	roles := map[string]bool{}
	for _, f := range fc.Introduced {
		if f.Rule != "required-bullet" {
			t.Errorf("introduced other than required-bullet: %+v", f)
		}
		roles[f.Role] = true
		for _, r := range f.AlsoRoles { // the levels that inherit it
			roles[r] = true
		}
	}
	if len(roles) != 4 {
		t.Errorf("required-bullet findings introduced on %v, want the four levels", roles)
	}
	// the levels that lose it reach grade 12
	wantFlow(t, rep, upper, 12, "VP of Quality")
	if s := changes.Summary(fc); !strings.HasPrefix(s, "1 bullet changed in 1 role; required bullet: Manager, Quality Engineering lost it, ") {
		t.Errorf("summary %q", s)
	}
}

func TestCorpusPageDeleted(t *testing.T) {
	repo := handbook(t)
	repo.Git("rm", "-q", "content/job-families/"+advocate)
	rep := compare(t)
	fc := only(t, rep)
	if fc.Status != changes.Deleted || fc.Path != "content/job-families/"+advocate {
		t.Fatalf("%s %s, want the page deleted", fc.Path, fc.Status)
	}
	var titles []string
	for _, rc := range fc.Roles {
		if rc.Change != changes.RoleRemoved {
			t.Errorf("role %s: %s, want removed", rc.Title, rc.Change)
		}
		titles = append(titles, rc.Title)
	}
	if got := strings.Join(titles, "; "); got != "Community Advocate; Junior Community Advocate; Senior Community Advocate; Manager, Community Advocate; Senior Manager, Community Advocate" {
		t.Errorf("removed roles %q", got)
	}
	if len(fc.Introduced)+len(fc.Fixed) > 0 {
		t.Errorf("findings listed for a deleted page: %+v %+v", fc.Introduced, fc.Fixed)
	}
	wantFlow(t, rep, lower, 9, "Senior Manager, Community Advocate")
	if got := changes.Summary(fc); got != "page deleted: 5 levels (grades 5, 5, 6, 8, 9) removed" {
		t.Errorf("summary %q", got)
	}
}

func TestCorpusPageMoved(t *testing.T) {
	repo := handbook(t)
	if err := os.MkdirAll(filepath.Join(repo.Dir, "content/job-families/finance/accounting"), 0o755); err != nil {
		t.Fatal(err)
	}
	repo.Git("mv", "content/job-families/"+accountant, "content/job-families/finance/accounting/accountant.md")
	rep := compare(t)
	fc := only(t, rep)
	if fc.Status != changes.Renamed || fc.OldPath != "content/job-families/"+accountant || fc.Path != "content/job-families/finance/accounting/accountant.md" {
		t.Fatalf("%+v, want the page moved", fc)
	}
	if len(fc.Roles) > 0 || fc.Prose || len(fc.Introduced)+len(fc.Fixed) > 0 {
		t.Errorf("a move without edits reported more: %s", changes.Summary(fc))
	}
	if rep.Approval != nil {
		t.Errorf("approval %+v for a move that touches no role", rep.Approval)
	}
	if got := changes.Summary(fc); got != "moved from content/job-families/finance/accountant.md" {
		t.Errorf("summary %q", got)
	}
}

func TestCorpusProseOnly(t *testing.T) {
	repo := handbook(t)
	edit(t, repo, accountant, "Finally, candidates may be asked to interview with the CEO", "Finally, candidates may be asked to interview with the Chief Executive Officer")
	rep := compare(t)
	fc := only(t, rep)
	if !rep.ProseOnly || !fc.Prose || len(fc.Roles) > 0 || fc.Shared != nil || rep.Approval != nil {
		t.Fatalf("prose only %v, page %+v, approval %+v", rep.ProseOnly, fc, rep.Approval)
	}
	text := changes.Text(rep)
	if !strings.Contains(text, "Only prose outside the roles changed (1 page): no level, grade, section or bullet.\n") {
		t.Errorf("text output lacks the one line:\n%s", text)
	}
}

func TestCorpusApprovalFollowsHighestGrade(t *testing.T) {
	repo := handbook(t)
	// a grade-8 change on one page, a grade-12 level's bullet on another
	edit(t, repo, accountant, "The Senior Accountant is a [grade 7]", "The Senior Accountant is a [grade 8]")
	edit(t, repo, quality, "- Define and own all of GitLab's Quality Engineering efforts.", "- Define and own all of GitLab's quality efforts.")
	rep := compare(t)
	if len(rep.Families) != 2 {
		t.Fatalf("%d pages, want 2", len(rep.Families))
	}
	wantFlow(t, rep, upper, 10, "Director, Quality Engineering")
	// the grade-10 edit undone: the lower flow again
	repo.Git("checkout", "--", "content/job-families/"+quality)
	wantFlow(t, compare(t), lower, 8, "Senior Accountant")
}

// A finding on a bullet that an edit changes stays the same finding: the
// years-of-experience rule still reports the edited bullet, with a new
// subject, and the change neither introduces nor fixes it.
func TestCorpusFindingCarriedByEditedBullet(t *testing.T) {
	repo := handbook(t)
	edit(t, repo, accountant, "- 3-5 years experience in public accounting", "- 4-6 years experience in public accounting")
	rep := compare(t)
	fc := only(t, rep)
	rc := oneRole(t, fc, false)
	if len(rc.Bullets) != 1 || rc.Bullets[0].Diff == "" || !strings.HasPrefix(rc.Bullets[0].Diff, "[-3-5-]{+4-6+} years") {
		t.Errorf("bullets %+v", rc.Bullets)
	}
}
