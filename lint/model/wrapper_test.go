package model

import "testing"

// A role written under two headings of one title: the outer heading's text
// (its reports-to sentence) opens the role, whose grade and sections sit
// under the inner heading. An outer heading that groups another role too,
// or has another title, gives its text to no role.
func TestWrapperHeadingTextOpensRole(t *testing.T) {
	grade := " is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"
	src := "---\ntitle: T\n---\n\n" +
		"## Intermediate Program Manager\n\nThe Program Manager (Intermediate) reports to the Manager.\n\n" +
		"### Intermediate Program Manager\n\nThe Intermediate Program Manager" + grade +
		"### Intermediate Program Manager Responsibilities\n\n- Run programs\n\n" +
		"## Program Managers\n\nThe Program Managers report to the Director.\n\n" +
		"### Senior Program Manager\n\nThe Senior Program Manager" + grade +
		"### Staff Program Manager\n\nThe Staff Program Manager" + grade
	f := Parse("x.md", []byte(src))
	intros := map[string]string{}
	for _, r := range f.Roles {
		if r.Intro != nil {
			intros[r.Title] = r.Intro.Text
		}
		if r.Title == "Intermediate Program Manager" && (r.ReportsTo == nil || r.ReportsTo.Text != "The Program Manager (Intermediate) reports to the Manager.") {
			t.Errorf("reports-to of %q = %+v, want the outer heading's sentence", r.Title, r.ReportsTo)
		}
	}
	if got, want := intros["Intermediate Program Manager"], "The Program Manager (Intermediate) reports to the Manager."; got != want {
		t.Errorf("intro of the role under two headings = %q, want %q", got, want)
	}
	for _, title := range []string{"Senior Program Manager", "Staff Program Manager"} {
		if got := intros[title]; got != "The "+title+" is a grade 6." {
			t.Errorf("intro of %q = %q, want its own grade sentence (the group heading's text is no role's)", title, got)
		}
	}
}
