package rules

import (
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

func TestFrontmatter(t *testing.T) {
	linttest.Run(t, "testdata/frontmatter", "frontmatter")
}

func TestDirective(t *testing.T) { linttest.Run(t, "testdata/directive", "directive") }

func TestInput(t *testing.T) { linttest.Run(t, "testdata/input", "input") }

func TestHeadingIncrement(t *testing.T) {
	linttest.Run(t, "testdata/heading-increment", "heading-increment")
}

func TestEmptySection(t *testing.T) { linttest.Run(t, "testdata/empty-section", "empty-section") }

// Under the generic profile, a one-line notice written as a heading over a
// shallower heading is no section; a sentence over a sibling still is.
func TestEmptySectionGeneric(t *testing.T) {
	linttest.Run(t, "testdata/empty-section-generic", "empty-section")
}

func TestTemplatePlaceholder(t *testing.T) {
	linttest.Run(t, "testdata/template-placeholder", "template-placeholder")
}

func TestRequiredSections(t *testing.T) {
	linttest.Run(t, "testdata/required-sections", "required-sections")
}

// TestRequiredSectionsWithGrade runs a policy that asks every level for a
// Job Grade too (the default leaves a level without a grade to
// grade-missing): the shapes that give a level its grade.
func TestRequiredSectionsWithGrade(t *testing.T) {
	linttest.Run(t, "testdata/required-sections-grade", "required-sections")
}

func TestRequiredSectionsPlaceholders(t *testing.T) {
	linttest.Run(t, "testdata/required-sections-options", "required-sections")
}

func TestTemplatePlaceholderAllow(t *testing.T) {
	linttest.Run(t, "testdata/template-placeholder-allow", "template-placeholder")
}

func TestDuplicateBullet(t *testing.T) {
	linttest.Run(t, "testdata/duplicate-bullet", "duplicate-bullet")
}

func TestLostListMarker(t *testing.T) {
	linttest.Run(t, "testdata/lost-list-marker", "lost-list-marker")
}

func TestMisplacedItem(t *testing.T) {
	linttest.Run(t, "testdata/misplaced-item", "misplaced-item")
}
