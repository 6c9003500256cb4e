package rules

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/schema"
)

// manyRoles is a page of n levels in varied shapes: some with both
// sections, some with one, some with their own Hiring Process or
// Performance Indicators, some specialties; the family has neither.
func manyRoles(n int, everyHiring bool) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Engineer\n---\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "## Senior Engineer %d\n\nThe Senior Engineer %d is a grade %d.\n\n", i, i, 5+i%6)
		if i%3 != 0 {
			b.WriteString("### Responsibilities\n\n- Code\n\n")
		}
		if i%4 != 1 {
			b.WriteString("### Requirements\n\n- Ability to use GitLab\n\n")
		}
		if everyHiring || i%5 == 2 {
			b.WriteString("### Hiring Process\n\n- A call\n\n")
		}
		if i%7 == 3 {
			b.WriteString("### Performance Indicators\n\n- Results\n\n")
		}
		if i%11 == 5 {
			fmt.Fprintf(&b, "### Specialty %d\n\n- Extra\n\n", i)
		}
	}
	return b.String()
}

// A page of many roles validated by groups of roles gives the findings of
// the page validated whole.
func TestRequiredSectionsChunksSameFindings(t *testing.T) {
	for _, every := range []bool{false, true} {
		for _, n := range []int{1, 63, 64, 65, 200} {
			page := map[string]string{"content/job-families/x/_index.md": manyRoles(n, every)}
			saved := requiredSectionsChunk
			requiredSectionsChunk = 1 << 30
			whole := linttest.Lint(t, nil, page, "required-sections").Findings
			requiredSectionsChunk = 7
			chunked := linttest.Lint(t, nil, page, "required-sections").Findings
			requiredSectionsChunk = saved
			if len(whole) == 0 && n > 1 {
				t.Fatalf("%d roles: no findings, the page must have some", n)
			}
			if !reflect.DeepEqual(whole, chunked) {
				t.Errorf("%d roles (every hiring process %v): whole %d findings, by groups %d:\n%v\n%v", n, every, len(whole), len(chunked), whole, chunked)
			}
		}
	}
}

// A policy of one's own that chunkSafe accepts, with errors outside the
// roles (a family section, a title too short) that every group repeats:
// they are reported once, as whole validation reports them.
func TestRequiredSectionsChunksOwnPolicy(t *testing.T) {
	dir := t.TempDir()
	policy := `{"properties": {"title": {"minLength": 50}, "sections": {"required": ["hiring-process"]},
		"roles": {"items": {"properties": {"sections": {"required": ["responsibilities"]}}}}}}`
	if err := os.WriteFile(filepath.Join(dir, "policy.json"), []byte(policy), 0o644); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, ".ladderlint.yml")
	var doc any
	if err := json.Unmarshal([]byte(policy), &doc); err != nil || !chunkSafe(doc) {
		t.Fatalf("the policy must be validated by groups (%v)", err)
	}
	page := map[string]string{"content/job-families/x/_index.md": manyRoles(30, false)}
	lintWith := func(chunk int) []lint.Finding {
		saved := requiredSectionsChunk
		defer func() { requiredSectionsChunk = saved }()
		requiredSectionsChunk = chunk
		cfg, err := lint.ParseConfig(cfgPath, []byte("required_sections: policy.json\n"))
		if err != nil {
			t.Fatal(err)
		}
		return linttest.Lint(t, cfg, page, "required-sections").Findings
	}
	whole, grouped := lintWith(1<<30), lintWith(4)
	family := 0
	for _, f := range whole {
		if f.Role == "" {
			family++
		}
	}
	if family != 2 {
		t.Errorf("want two findings about the family (its Hiring Process, its title), got %d: %v", family, whole)
	}
	if !reflect.DeepEqual(whole, grouped) {
		t.Errorf("whole %d findings, by groups %d:\n%v\n%v", len(whole), len(grouped), whole, grouped)
	}
}

func TestChunkSafe(t *testing.T) {
	var builtin any
	if err := json.Unmarshal(schema.Raw(schema.RequiredSectionsFile), &builtin); err != nil {
		t.Fatal(err)
	}
	if !chunkSafe(builtin) {
		t.Error("the built-in policy judges each role apart: it must be validated by groups")
	}
	item := `{"items": {"properties": {"sections": {"required": ["requirements"]}}}}`
	for body, want := range map[string]bool{
		`{"properties": {"roles": ` + item + `}}`:                                                       true,
		`{"$defs": {"r": ` + item + `}, "properties": {"roles": {"$ref": "#/$defs/r"}}}`:                true,
		`{"properties": {"roles": {"minItems": 3}}}`:                                                    false,
		`{"properties": {"roles": {"contains": {"properties": {"graded": {"const": true}}}}}}`:          false,
		`{"properties": {"roles": {"uniqueItems": true}}}`:                                              false,
		`{"anyOf": [{"properties": {"roles": ` + item + `}}, {"properties": {"roles": ` + item + `}}]}`: false,
		`{"anyOf": [{"required": ["sections"]}, {"properties": {"roles": ` + item + `}}]}`:              true,
		`{"oneOf": [{"required": ["sections"]}, {"properties": {"roles": ` + item + `}}]}`:              false,
		`{"not": {"properties": {"roles": ` + item + `}}}`:                                              false,
		`{"if": {"properties": {"roles": ` + item + `}}, "then": {"required": ["x"]}}`:                  false,
		`{"properties": {"roles": {"$ref": "other.json"}}}`:                                             false,
		`{"additionalProperties": {"type": "array"}}`:                                                   false,
		`{"properties": {"roles": {"$ref": "#/properties/roles"}}}`:                                     false,
	} {
		var doc any
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatal(body, err)
		}
		if got := chunkSafe(doc); got != want {
			t.Errorf("chunkSafe(%s) = %v, want %v", body, got, want)
		}
	}
}

// required-sections on a page of 8,000 levels holds a bounded amount of
// memory over what the model and the engine hold: the roles are validated
// by groups, not as one instance with one error for each of its 24,000
// missing sections (measured with the collector made eager, so that the
// heap follows what is live: about 31 MB more than the model and engine
// when validated whole, 12 MB by groups, most of it the findings).
func TestRequiredSectionsManyRolesPeakHeap(t *testing.T) {
	manyLevelsPeakHeap(t, "required-sections", 22)
}

// On every job-family page of both corpora, required-sections validating
// by groups of two roles gives the findings of whole validation.
func TestRequiredSectionsChunksSameOnCorpus(t *testing.T) {
	var inputs []lint.Input
	for _, dir := range []string{"gitlab-handbook/content/job-families", "www-gitlab-com-2022/sites/uncategorized/source/job-families"} {
		inputs = append(inputs, corpusInputs(t, dir)...)
	}
	run := func(chunk int) []lint.Finding {
		saved := requiredSectionsChunk
		defer func() { requiredSectionsChunk = saved }()
		requiredSectionsChunk = chunk
		cfg := lint.DefaultConfig()
		for _, r := range lint.Rules() {
			if r.ID != "required-sections" {
				if err := cfg.Disable(r.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		return linttest.RunInputs(t, cfg, inputs).Findings
	}
	whole, grouped := run(1<<30), run(2)
	if len(whole) == 0 {
		t.Fatal("no findings on the corpora")
	}
	if !reflect.DeepEqual(whole, grouped) {
		t.Errorf("whole validation: %d findings, by groups of two roles: %d", len(whole), len(grouped))
	}
	t.Logf("%d pages, %d findings", len(inputs), len(whole))
}
