package rules

import (
	"os"
	"reflect"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/schema"
)

// summary builds the JSON value the schema validates directly; it must be
// what a JSON round trip of it gives.
func TestSummaryIsAJSONValue(t *testing.T) {
	check := func(f *model.Family) {
		t.Helper()
		s := summary(f)
		rt, err := schema.ToJSONValue(s)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(any(s), rt) {
			t.Errorf("%s: summary %v, after a JSON round trip %v", f.Path, s, rt)
		}
	}
	check(model.Parse("bad\xffname.md", []byte("---\ntitle: \"Eng\xe9\xffineer\"\n---\n\n## Senior Eng\xff\n\n### Responsibilities\n\n- Code\n\n### Requirements\n\n- Skill\n")))
	for _, in := range corpusInputs(t, "gitlab-handbook/content/job-families") {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		check(model.Parse(in.Path, data))
	}
}
