package model

import "testing"

// The text-only status and no-grade readings a rule uses for a page that
// is itself one role (no heading to hang a Role on).
func TestStatusHelpers(t *testing.T) {
	for _, c := range []struct {
		title string
		want  RoleStatus
	}{
		{"Senior Analyst (Deprecated)", StatusDeprecated},
		{"Acting VP, Finance", StatusActing},
		{"Interim Director, Legal", StatusActing},
		{"Transacting Analyst", ""},
		{"Chief Legal Officer", ""},
	} {
		if got := StatusOfTitle(c.title); got != c.want {
			t.Errorf("StatusOfTitle(%q) = %q, want %q", c.title, got, c.want)
		}
	}
	for _, c := range []struct {
		text      string
		noGrade   bool
		deprecate bool
	}{
		{"The Chief Legal Officer does not have a job grade.", true, false},
		{"The grade is TBD.", true, false},
		{"This role is deprecated and no longer hired for.", false, true},
		{"The Analyst is a grade 6.", false, false},
		{"Grades are set by the board.", false, false},
	} {
		if got := SaysNoGrade(c.text); got != c.noGrade {
			t.Errorf("SaysNoGrade(%q) = %v", c.text, got)
		}
		if got := SaysDeprecated(c.text); got != c.deprecate {
			t.Errorf("SaysDeprecated(%q) = %v", c.text, got)
		}
	}
}
