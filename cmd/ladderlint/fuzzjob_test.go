package main

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestScheduledFuzzJob: the project's pipeline has a fuzz job that runs in
// scheduled pipelines only and fuzzes every fuzz target of the repository,
// so that a new target is not forgotten.
func TestScheduledFuzzJob(t *testing.T) {
	node, ok := loadCI(t, projectCI)["fuzz"]
	if !ok {
		t.Fatalf("%s has no fuzz job", projectCI)
	}
	var job struct {
		ciJob    `yaml:",inline"`
		Parallel struct {
			Matrix []struct {
				PKG  string   `yaml:"PKG"`
				FUZZ []string `yaml:"FUZZ"`
			} `yaml:"matrix"`
		} `yaml:"parallel"`
	}
	if err := node.Decode(&job); err != nil {
		t.Fatal(err)
	}
	if len(job.Rules) != 1 || job.Rules[0]["if"] != `$CI_PIPELINE_SOURCE == "schedule"` {
		t.Errorf("fuzz job rules %v: want scheduled pipelines only", job.Rules)
	}
	if script := strings.Join(job.Script, "\n"); !strings.Contains(script, `-fuzz "^${FUZZ}\$"`) || !strings.Contains(script, `"$PKG"`) {
		t.Errorf("fuzz job script %q does not fuzz $FUZZ in $PKG", script)
	}
	jobs := map[string]bool{}
	for _, m := range job.Parallel.Matrix {
		for _, f := range m.FUZZ {
			jobs[strings.TrimPrefix(m.PKG, "./")+" "+f] = true
		}
	}
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(\w+ \*testing\.F\)`)
	var targets []string
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != "../.." {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(readFile(t, p)), -1) {
			targets = append(targets, filepath.ToSlash(filepath.Dir(strings.TrimPrefix(p, "../../")))+" "+m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(targets) < 4 {
		t.Fatalf("found only the fuzz targets %v", targets)
	}
	for _, target := range targets {
		if !jobs[target] {
			t.Errorf("fuzz target %s is not in the scheduled fuzz job", target)
		}
	}
	for j := range jobs {
		if !slices.Contains(targets, j) {
			t.Errorf("the fuzz job runs %s, which does not exist", j)
		}
	}
}
