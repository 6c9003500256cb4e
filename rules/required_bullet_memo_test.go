package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/hostile"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// A page's index keeps nothing for a role that has nothing: no
// requirements entry, no targets entry (the roles without any in a set),
// no paragraphs without links, and the levels' order only when asked (on
// a page of 20,000 levels without requirements these were 4.5 MB); a role
// that inherits from none is not in the set of roles without targets
// either (read again, it costs its own blocks; 0.6 MB more). A role
// that has requirements, and a paragraph with a link, are kept.
func TestBulletPageKeepsNothingForNothing(t *testing.T) {
	f := model.Parse("x/_index.md", []byte(hostile.GradedPage(300)))
	pg := newBulletPage(f)
	pg.resolve = func([]*model.Link) []bulletTarget { return nil }
	for _, r := range f.Roles {
		if len(pg.requirements(r)) != 0 || len(pg.crossTargets(r, map[*model.Role]bool{})) != 0 {
			t.Fatalf("%s: requirements or targets on a page without any", r.Title)
		}
	}
	if len(pg.reqs) != 0 || len(pg.cross) != 0 || len(pg.blocks) != 0 || pg.before != nil {
		t.Errorf("kept %d requirements, %d targets, %d roles' paragraphs, levels' order %v", len(pg.reqs), len(pg.cross), len(pg.blocks), pg.before != nil)
	}
	if len(pg.crossNone) != 0 {
		t.Errorf("%d roles that inherit from none kept as having no targets, want none", len(pg.crossNone))
	}
	if len(f.Roles) < 2 || pg.beforeOf(f.Roles[1]) != f.Roles[0] || pg.beforeOf(f.Roles[0]) != nil {
		t.Errorf("the level before the second is not the first")
	}

	f = model.Parse("x/_index.md", []byte("---\ntitle: Engineer\n---\n\n## Senior Engineer\n\nThe Senior Engineer is a grade 7. See [the handbook](/handbook/).\n\n### Requirements\n\n- Writes code\n"))
	pg = newBulletPage(f)
	if len(f.Roles) != 1 {
		t.Fatalf("%d roles, want 1", len(f.Roles))
	}
	if got := pg.requirements(f.Roles[0]); len(got) != 1 || len(pg.reqs) != 1 {
		t.Errorf("requirements %d, kept %d: want the one list, kept", len(got), len(pg.reqs))
	}
	if len(pg.blocks[f.Roles[0]]) != 1 {
		t.Errorf("the role's paragraph with a link not kept")
	}
}
