package worddiff

import (
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		old, new string
		want     string
	}{
		{"Excellent recruiter capable of attracting top talent", "Excellent recruiter able to attract top talent",
			"Excellent recruiter [-capable of attracting-]{+able to attract+} top talent"},
		{"Reliability specialty requires:", "Reliability specialty is requires:", "Reliability specialty {+is+} requires:"},
		{"The Senior Backend Engineer role extends", "The Senior Backend Engineer extends", "The Senior Backend Engineer [-role-] extends"},
		{"foo, bar", "foo bar", "foo[-,-] bar"},
		{"same text", "same  text", "same text"},
		{"old start here", "new start here", "[-old-]{+new+} start here"},
		{"ends old", "ends new", "ends [-old-]{+new+}"},
		{"OKR's and e-mail", "OKRs and email", "[-OKR's-]{+OKRs+} and [-e-mail-]{+email+}"},
		{"", "all new", "{+all new+}"},
		{"line one\nline two", "line one\nline 2", "line one line [-two-]{+2+}"},
	}
	for _, tt := range tests {
		if got := Compare(tt.old, tt.new).String(); got != tt.want {
			t.Errorf("Compare(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestFoldCase(t *testing.T) {
	d := CompareWith("Ability to use Gitlab", "ability to use GitLab", Options{FoldCase: true})
	if !d.Same() {
		t.Fatalf("case-folded diff not same: %s", d)
	}
	if got := d.String(); got != "ability to use GitLab" {
		t.Errorf("equal text should show the new spelling, got %q", got)
	}
	if Compare("Gitlab", "GitLab").Same() {
		t.Error("case differences count without FoldCase")
	}
}

func TestSimilarityAndChanged(t *testing.T) {
	d := Compare("Hire an incredible team", "Hire and manage multiple teams")
	kept, del, ins := d.Counts()
	if kept != 1 || del != 3 || ins != 4 {
		t.Errorf("counts = %d %d %d, want 1 3 4", kept, del, ins)
	}
	if s := d.Similarity(); s < 0.22 || s > 0.23 {
		t.Errorf("similarity = %v, want 2/9", s)
	}
	dl, in := Compare("a b, c", "a x, c").Changed()
	if strings.Join(dl, " ") != "b" || strings.Join(in, " ") != "x" {
		t.Errorf("changed = %v %v", dl, in)
	}
	if s := Compare("", "").Similarity(); s != 1 {
		t.Errorf("empty similarity = %v", s)
	}
}

func TestContext(t *testing.T) {
	old := "In addition to the same requirements, responsibilities, and performance indicators defined above for the Manager, Infrastructure, Reliability specialty requires:"
	new := strings.Replace(old, "specialty requires", "specialty is requires", 1)
	got := Compare(old, new).Context(3)
	want := "… Infrastructure, Reliability specialty {+is+} requires:"
	if got != want {
		t.Errorf("Context(3) = %q, want %q", got, want)
	}
	got = Compare("a b c d e f g h i j", "a b c d X f g h i j").Context(2)
	if want := "… c d [-e-]{+X+} f g …"; got != want {
		t.Errorf("Context(2) = %q, want %q", got, want)
	}
	got = Compare("a b c d e f g h i j k l", "X b c d e f g h i j k Y").Context(2)
	if want := "[-a-]{+X+} b c … j k [-l-]{+Y+}"; got != want {
		t.Errorf("Context(2) middle = %q, want %q", got, want)
	}
	if got := Compare("a b", "a b").Context(0); got != "a b" {
		t.Errorf("unchanged text = %q", got)
	}
}

func TestTokenize(t *testing.T) {
	var got []string
	for _, tk := range Tokenize("We're hiring: e-mail OKR's, - (x)") {
		got = append(got, tk.Text)
	}
	want := "We're|hiring|:|e-mail|OKR's|,|-|(|x|)"
	if strings.Join(got, "|") != want {
		t.Errorf("tokens = %s, want %s", strings.Join(got, "|"), want)
	}
}

func TestManyTokens(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 7000; i++ {
		w := strings.Repeat("w", 1+i%7) + string(rune('a'+i%26)) + string(rune('a'+(i/26)%26)) + string(rune('a'+(i/676)%26))
		a.WriteString(w + " ")
		b.WriteString(w + " ")
	}
	b.WriteString("extra")
	d := Compare(a.String(), b.String())
	if _, del, ins := d.Counts(); del != 0 || ins != 1 {
		t.Errorf("del %d ins %d, want 0 1", del, ins)
	}
}

func TestPunctuationBetweenChanges(t *testing.T) {
	got := Compare("defined above for the Manager, Infrastructure, Cloud specialty requires:", "defined above, this specialty requires:").String()
	want := "defined above [-for the Manager, Infrastructure, Cloud-]{+, this+} specialty requires:"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
