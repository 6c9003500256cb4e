package changes_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint/changes"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// A page of many roles and bullets, all rewritten, is compared in bounded
// work: the pairwise comparisons are capped (counted, not timed).
func TestManyRolesAndBulletsRewritten(t *testing.T) {
	page := func(word string, roles, bullets int) string {
		var b strings.Builder
		for r := 0; r < roles; r++ {
			fmt.Fprintf(&b, "## Role %s %d\n\nThe Role %s %d is a [grade %d](/g).\n\n### Requirements\n\n", word, r, word, r, r%15+1)
			for i := 0; i < bullets; i++ {
				fmt.Fprintf(&b, "- %s requirement %d of role %d with a few more words\n", word, i, r)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	counted := func(old, new string) (*changes.FamilyChange, int64) {
		before := changes.Comparisons()
		fc := compareText(t, old, new)
		return fc, changes.Comparisons() - before
	}
	// 300 roles renamed: 90,000 role pairs, over the cap, so none is scored
	// (the bounds below are fixed numbers well under the uncapped counts,
	// so that raising the cap fails the test)
	fc, n := counted(page("old", 300, 30), page("new", 300, 30))
	if n > 10_000 {
		t.Errorf("%d comparisons for 300 renamed roles: the role pairing is not capped", n)
	}
	if len(fc.Roles) != 600 {
		t.Errorf("%d role changes, want 300 removed and 300 added: %s", len(fc.Roles), changes.Summary(fc))
	}
	// fewer roles: each renamed, every bullet of it edited; the roles are
	// scored pairwise (under the cap) and each pair's bullets too
	fc, n = counted(page("old", 60, 30), page("new", 60, 30))
	if n < 60*60 || n > 60*60+60*30*30 {
		t.Errorf("%d comparisons for 60 renamed roles of 30 bullets", n)
	}
	renamed, bullets := 0, 0
	for _, rc := range fc.Roles {
		if rc.Change == changes.RoleRenamed {
			renamed++
		}
		for _, b := range rc.Bullets {
			if b.Change == "changed" {
				bullets++
			}
		}
	}
	if renamed != 60 || bullets != 60*30 {
		t.Errorf("%d renamed, %d bullets changed; want 60 and 1800", renamed, bullets)
	}
	// one role kept whose 200 bullets are all rewritten: 40,000 bullet
	// pairs, over the cap, so they are shown as removed and added
	fc, n = counted(strings.Replace(page("old", 1, 200), "Role old", "Role same", 2), strings.Replace(page("new", 1, 200), "Role new", "Role same", 2))
	if n > 10_000 {
		t.Errorf("%d comparisons for 200 rewritten bullets of one role: the bullet pairing is not capped", n)
	}
	if len(fc.Roles) != 1 || len(fc.Roles[0].Bullets) != 400 {
		t.Errorf("want one role with 200 bullets removed and 200 added: %s", changes.Summary(fc))
	}
}

// The markdown of a change to very many pages stays below what a GitLab
// note holds, and says what it leaves out.
func TestMarkdownBounded(t *testing.T) {
	var b strings.Builder
	for r := 0; r < 45; r++ { // more than the roles shown of a page
		fmt.Fprintf(&b, "## Role %d\n\nThe Role %d is a [grade 5](/g).\n\n### Requirements\n\n", r, r)
		for i := 0; i < 6; i++ {
			fmt.Fprintf(&b, "- %s %d\n", strings.Repeat("long requirement text ", 40), i)
		}
	}
	old := b.String()
	page := strings.ReplaceAll(old, "long requirement", "longer requirement")
	fc := compareText(t, old, page)
	rep := &changes.Report{From: "main", Commit: strings.Repeat("a", 40)}
	for i := 0; i < 400; i++ {
		c := *fc
		c.Path = fmt.Sprintf("page-%03d.md", i)
		rep.Families = append(rep.Families, &c)
	}
	md := changes.Markdown(rep)
	if len(md) > 1_000_000 {
		t.Errorf("%d bytes: over a note's size", len(md))
	}
	if !strings.Contains(md, "more pages are left out") || !strings.Contains(md, "- … and 5 more roles (see the JSON output)") || !strings.HasPrefix(md, changes.Marker) {
		t.Errorf("no word of what is left out")
	}
	if strings.Count(md, "<details>") != strings.Count(md, "</details>") {
		t.Error("a details block left open")
	}
}

// Every hostile page shape, compared with an edited copy of itself and
// with nothing, takes work that grows about linearly with its size, and
// never panics. The work is counted, not timed: the pairwise comparisons
// and the allocations of the comparison and the rendering (the model has
// its own tests).
func TestHostileShapesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	edit := func(s string) string { // every role renamed or reworded, a share of lines dropped
		s = strings.ReplaceAll(s, "1", "7")
		lines := strings.Split(s, "\n")
		var out []string
		for i, l := range lines {
			if i%7 != 3 {
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
	type work struct{ comparisons, mallocs int64 }
	// one run of the comparisons on a page and its edit, both ways and
	// against nothing
	run := func(a, b, empty *model.Family) work {
		comparisons := changes.Comparisons()
		mallocs := linttest.Mallocs(func() {
			for _, pair := range [][2]*model.Family{{a, b}, {b, a}, {a, empty}, {empty, a}} {
				fc := changes.Compare(changes.Side{Path: "p.md", Family: pair[0]}, changes.Side{Path: "p.md", Family: pair[1]}, changes.Modified)
				_ = changes.Summary(fc)
				_ = changes.Markdown(&changes.Report{Families: []*changes.FamilyChange{fc}})
			}
		})
		return work{changes.Comparisons() - comparisons, int64(mallocs)}
	}
	for _, name := range sortedShapes() {
		shape := hostile.Shapes[name]
		empty := parse("")
		small := run(parse(shape(500)), parse(edit(shape(500))), empty)
		large := run(parse(shape(2000)), parse(edit(shape(2000))), empty)
		// 4x the size: allow 10x the work (and a floor for a page's
		// fixed costs)
		if large.comparisons > 10*small.comparisons+1000 || large.mallocs > 10*small.mallocs+10_000 {
			t.Errorf("%s: %+v for n=500, %+v for n=2000: not linear", name, small, large)
		}
	}
}

func parse(page string) *model.Family { return model.Parse("p.md", []byte(page)) }

func sortedShapes() []string {
	var names []string
	for n := range hostile.Shapes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
