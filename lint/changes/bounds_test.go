package changes_test

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint/changes"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// A page of many roles and bullets, all rewritten, is compared in bounded
// time: the pairwise comparisons are capped.
func TestManyRolesAndBulletsRewritten(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	page := func(word string, roles int) string {
		var b strings.Builder
		for r := 0; r < roles; r++ {
			fmt.Fprintf(&b, "## Role %s %d\n\nThe Role %s %d is a [grade %d](/g).\n\n### Requirements\n\n", word, r, word, r, r%15+1)
			for i := 0; i < 30; i++ {
				fmt.Fprintf(&b, "- %s requirement %d of role %d with a few more words\n", word, i, r)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	start := time.Now()
	fc := compareText(t, page("old", 300), page("new", 300))
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
	if len(fc.Roles) != 600 {
		t.Errorf("%d role changes, want 300 removed and 300 added: %s", len(fc.Roles), changes.Summary(fc))
	}
	// fewer roles: each renamed, every bullet of it edited
	start = time.Now()
	fc = compareText(t, page("old", 60), page("new", 60))
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
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
// with nothing, takes time that grows about linearly with its size, and
// never panics. Only the comparison and the rendering are timed: the
// model has its own tests.
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
	// one run of the comparisons on a page and its edit, both ways and
	// against nothing
	run := func(a, b, empty *model.Family) time.Duration {
		runtime.GC()
		start := time.Now()
		for _, pair := range [][2]*model.Family{{a, b}, {b, a}, {a, empty}, {empty, a}} {
			fc := changes.Compare(changes.Side{Path: "p.md", Family: pair[0]}, changes.Side{Path: "p.md", Family: pair[1]}, changes.Modified)
			_ = changes.Summary(fc)
			_ = changes.Markdown(&changes.Report{Families: []*changes.FamilyChange{fc}})
		}
		return time.Since(start)
	}
	for _, name := range sortedShapes() {
		shape := hostile.Shapes[name]
		sa, sb := parse(shape(500)), parse(edit(shape(500)))
		la, lb := parse(shape(2000)), parse(edit(shape(2000)))
		empty := parse("")
		// the best of five runs each, the small and the large page in
		// turn, so that a burst of load from other packages' tests falls on
		// both sizes alike rather than on one
		small, large := time.Duration(-1), time.Duration(-1)
		for range 5 {
			if d := run(sa, sb, empty); small < 0 || d < small {
				small = d
			}
			if d := run(la, lb, empty); large < 0 || d < large {
				large = d
			}
		}
		// 4x the size: allow 10x the time (and a floor for timer noise)
		if large > 10*small+250*time.Millisecond {
			t.Errorf("%s: %v for n=500, %v for n=2000: not linear", name, small, large)
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
