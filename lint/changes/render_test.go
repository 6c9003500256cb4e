package changes_test

import (
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/changes"
)

// Markdown escapes what the page says (titles, bullets) but keeps the word
// diff markers GitLab renders, and shows mentions as code.
func TestMarkdownEscapes(t *testing.T) {
	page := fixture(t)
	edited := replaceOnce(t, page, "### Staff Widget Engineer\n", "### Staff Widget Engineer_2\n")
	edited = replaceOnce(t, edited, "The Staff Widget Engineer is a [grade 8]", "The Staff Widget Engineer_2 is a [grade 8]")
	edited = replaceOnce(t, edited, "- Eight years of experience leading technical projects across teams", "- Eight years of experience leading technical projects across teams with @widget-leads\n- Budgets where cost < value * 2")
	fc := compareText(t, page, edited)
	cfg := lint.DefaultConfig()
	rep := changes.NewReport("main", strings.Repeat("0", 40), []*changes.FamilyChange{fc}, cfg.Changes)
	md := changes.Markdown(rep)
	for _, want := range []string{
		`**Staff Widget Engineer\_2** (level, line 62): renamed from Staff Widget Engineer`,
		"across teams {+with `@widget-leads`+}",
		`Requirements, added: Budgets where cost \< value \* 2`,
		"**Total Rewards (`@gl-total-rewards`)**",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, " @gl-total-rewards") || strings.Contains(md, "cost < value") {
		t.Errorf("a raw mention or tag left in:\n%s", md)
	}
	// text keeps everything as written
	text := changes.Text(rep)
	if !strings.Contains(text, "Staff Widget Engineer_2 (level, line 62): renamed from Staff Widget Engineer") || !strings.Contains(text, "added: Budgets where cost < value * 2") || !strings.Contains(text, "Total Rewards (@gl-total-rewards)") {
		t.Errorf("text:\n%s", text)
	}
}
