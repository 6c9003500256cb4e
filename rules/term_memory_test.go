package rules

import (
	"strings"
	"testing"
	"unsafe"
)

// cleanRoleTitle skips its expression when the title holds no "role" in
// any case: the result must be the expression's on every title, and a
// title without one is returned without a copy.
func TestCleanRoleTitle(t *testing.T) {
	byExpression := func(s string) string {
		s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ":"))
		return strings.TrimSpace(rolesAtRE.ReplaceAllString(s, ""))
	}
	for _, s := range []string{
		"Senior Engineer 12", " Senior Engineer: ", "Engineering Roles at GitLab", "Engineering ROLES at GitLab",
		"Backend Engineer Role", "Backend Engineer role:", "Roles", "Controller", "Enrolement Manager",
		"Data Rolegineer", "Engineer\tRoles", "", ":", "Manager, Rôle", "Staff roleplay lead",
	} {
		if got, want := cleanRoleTitle(s), byExpression(s); got != want {
			t.Errorf("cleanRoleTitle(%q) = %q, the expression gives %q", s, got, want)
		}
	}
	title := "Senior Engineer 12"
	if n := testing.AllocsPerRun(100, func() { _ = cleanRoleTitle(title) }); n != 0 {
		t.Errorf("cleanRoleTitle(%q): %v allocations, want none", title, n)
	}
}

// A phraseOcc is kept for every occurrence of a two-word term written two
// ways (40,000 on a page of 20,000 graded headings): its text is read from
// its offsets, not held (64 bytes a struct with it).
func TestPhraseOccSize(t *testing.T) {
	if n := unsafe.Sizeof(phraseOcc{}); n > 48 {
		t.Errorf("phraseOcc is %d bytes, want at most 48", n)
	}
}
