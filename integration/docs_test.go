package integration

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/ci.md's copies of the integration suite's configurations")

// copied matches a configuration that docs/ci.md copies from the suite: a
// marker naming the file, then a fenced block holding it.
var copied = regexp.MustCompile("(?s)<!-- copied from integration/([^ ]+) by integration/docs_test.go -->\n```[a-z]*\n(.*?)```\n")

// TestDocsShowSuiteConfigs: docs/ci.md shows, for each program, the
// configuration the integration suite runs, byte for byte. With -update
// the copies are rewritten from the suite's files.
func TestDocsShowSuiteConfigs(t *testing.T) {
	docPath := filepath.Join(root, "docs", "ci.md")
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	var readErr error
	out := copied.ReplaceAllFunc(doc, func(block []byte) []byte {
		m := copied.FindSubmatch(block)
		name := string(m[1])
		shown[name] = true
		want, err := os.ReadFile(filepath.Join(root, "integration", name))
		if err != nil {
			readErr = err
			return block
		}
		if string(m[2]) != string(want) && !*update {
			t.Errorf("docs/ci.md's copy of integration/%s differs from the file the suite runs (go test ./integration -run TestDocsShowSuiteConfigs -update):\n--- docs\n%s--- integration/%s\n%s", name, m[2], name, want)
		}
		return []byte(string(block[:len(block)-len(m[2])-len("```\n")]) + string(want) + "```\n")
	})
	if readErr != nil {
		t.Fatal(readErr)
	}
	for _, name := range []string{"pre-commit-config.yaml", "lefthook.yml", "gitlab-ci.yml"} {
		if !shown[name] {
			t.Errorf("docs/ci.md does not show integration/%s", name)
		}
	}
	if *update && string(out) != string(doc) {
		if err := os.WriteFile(docPath, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDocsNameSuiteVersions: the versions docs/ci.md says the suite
// installs are those run.sh pins.
func TestDocsNameSuiteVersions(t *testing.T) {
	script, err := os.ReadFile("run.sh")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(root, "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	for variable, pkg := range map[string]string{"LEFTHOOK_VERSION": "lefthook", "GITLAB_CI_LOCAL_VERSION": "gitlab-ci-local"} {
		m := regexp.MustCompile(`(?m)^` + variable + `=(\S+)$`).FindSubmatch(script)
		if m == nil {
			t.Errorf("run.sh pins no %s", variable)
			continue
		}
		if want := "npm install -g " + pkg + "@" + string(m[1]); !strings.Contains(string(doc), want) {
			t.Errorf("docs/ci.md does not say %q, the version run.sh installs", want)
		}
	}
}
