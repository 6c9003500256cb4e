package accuracy

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWordFound(t *testing.T) {
	note := `"VP of Enteprise Sales": "Enteprise" should be "Enterprise"`
	for _, c := range []struct {
		word string
		want bool
	}{
		{"Enteprise", true},
		{" Enteprise ", true},
		{"VP", true},         // a word of the quoted phrase
		{"Entep", false},     // part of a word only
		{"enteprise", false}, // case and all
		{"Westendorp", false},
		{"", false},
	} {
		if got := WordFound(note, c.word); got != c.want {
			t.Errorf("WordFound(%q) = %v, want %v", c.word, got, c.want)
		}
	}
	if !WordFound(`“cross-fucntional”`, "fucntional") {
		t.Error("a hyphenated compound's part in curly quotes: not found")
	}
	if WordFound(`"Enterprise" misspelt in the title: Enteprise`, "Enteprise") {
		t.Error("a word outside the note's quotes counted")
	}
	if !WordFound(`Enteprise (Enterprise)`, "Enteprise") {
		t.Error("a note that quotes nothing: its words not searched")
	}
}

func TestReadVale(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := os.WriteFile(p, []byte(`{"a/b.md":[{"Check":"Vale.Spelling","Line":3,"Match":"Enteprise","Span":[5,13]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadVale(p)
	if err != nil {
		t.Fatal(err)
	}
	if a := got["a/b.md"]; len(a) != 1 || a[0].Line != 3 || a[0].Match != "Enteprise" {
		t.Errorf("ReadVale = %+v", got)
	}
	if err := os.WriteFile(p, []byte(`[1,2]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadVale(p); err == nil {
		t.Error("ReadVale of a JSON array: no error")
	}
}

// CompareSpelling counts, for each tool, the labels whose word it names on
// their line; an alert on another word of the line answers none, and
// alerts on unlabelled pages are not counted.
func TestCompareSpelling(t *testing.T) {
	run := testRun(t)
	run.Findings[0].Message = `"teh" is a misspelling of "the"`
	run.Findings[1].Message = `"foo" is a misspelling of "for"` // line 9: no label
	labels := mustLabels(t)
	vale := map[string][]ValeAlert{
		"e": {{Line: 5, Match: "teh"}, {Line: 30, Match: "Zendesk"}, {Line: 30, Match: "recieve"}, {Line: 31, Match: "recieve"}},
		"h": {{Line: 1, Match: "recieve"}}, // not labelled
	}
	reviews := []Review{{ID: LabelID(Label{Page: "e", Line: 30, Rule: "misspelling", Note: "recieve"}), Verdict: False}}
	c := CompareSpelling(run, labels, reviews, vale)
	want := SpellingComparison{Pages: 1, Labels: 2, Upheld: 1,
		Vale: 2, ValeUpheld: 1, ValeAlerts: 4, ValeOnLabel: 2,
		Ours: 1, OursUpheld: 1, OursFindings: 2, OursOnLabel: 1, OursYardstick: 1}
	if c != want {
		t.Errorf("CompareSpelling =\n%+v, want\n%+v", c, want)
	}
}
