package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyTree copies a folder (the sample handbook) so that a test may change it.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// docBlock returns the first fenced block of a language after a heading of
// a markdown file, as a newcomer would copy it.
func docBlock(t *testing.T, file, heading, lang string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i := strings.Index(text, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("%s: no heading %q", file, heading)
	}
	m := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```").FindStringSubmatch(text[i:])
	if m == nil {
		t.Fatalf("%s: no %s block after %q", file, lang, heading)
	}
	return m[1]
}

// TestNewcomerWalkthrough runs docs/newcomer.md, step by step, as far as it
// can be automated: each subtest is one item of the checklist.
func TestNewcomerWalkthrough(t *testing.T) {
	readme, err := filepath.Abs("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	links, _ := filepath.Abs("../../docs/links.md")
	sampleAbs, _ := filepath.Abs("../../testdata/handbook")
	repo := t.TempDir()
	copyTree(t, sampleAbs, repo)
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)

	t.Run("1 README: lint the sample handbook", func(t *testing.T) {
		code, out, errOut := run(t, nil, "lint", "content/job-families")
		if code != exitFindings || !strings.Contains(out, "error template-placeholder:") || errOut != "" {
			t.Errorf("exit %d (want 1), stderr %q\n%s", code, errOut, out)
		}
		if code, out, _ := run(t, nil, "explain", "link-target"); code != 0 || !strings.Contains(out, "link-target") {
			t.Errorf("explain: exit %d", code)
		}
	})

	t.Run("2 init writes a config that loads", func(t *testing.T) {
		code, out, errOut := run(t, nil, "init")
		if code != 0 || !strings.Contains(out, "wrote .ladderlint.yml") {
			t.Fatalf("init: exit %d %q %q", code, out, errOut)
		}
		if code, _, errOut := run(t, nil, "init"); code != exitError || !strings.Contains(errOut, "already exists") {
			t.Errorf("second init: exit %d, %q", code, errOut)
		}
		// with the starter config (the defaults spelled out) the findings are the same
		_, withCfg, _ := run(t, nil, "lint", "-f", "json", "--fail-on", "never")
		os.Remove(".ladderlint.yml")
		_, without, _ := run(t, nil, "lint", "-f", "json", "--fail-on", "never")
		if withCfg != without {
			t.Errorf("the starter config changes the findings")
		}
	})

	t.Run("3 a config written from the README", func(t *testing.T) {
		cfg := docBlock(t, readme, "## Configuration", "yaml")
		// the README points at a policy file of one's own: start from the built-in one
		if m := regexp.MustCompile(`required_sections: (\S+)`).FindStringSubmatch(cfg); m != nil {
			builtin, err := os.ReadFile(filepath.Join(filepath.Dir(readme), "schema", "required-sections.schema.json"))
			if err != nil {
				t.Fatal(err)
			}
			writeFiles(t, repo, map[string]string{m[1]: string(builtin)})
		}
		writeFiles(t, repo, map[string]string{".ladderlint.yml": cfg})
		defer os.Remove(".ladderlint.yml")
		if code, _, errOut := run(t, nil, "lint", "--fail-on", "never"); code != 0 || strings.Contains(errOut, "ladderlint:") && !strings.Contains(errOut, "note:") {
			t.Errorf("the README's config: exit %d, %s", code, errOut)
		}
		// and the Middleman preset of docs/links.md
		writeFiles(t, repo, map[string]string{".ladderlint.yml": docBlock(t, links, "## The Middleman preset", "yaml")})
		code, _, errOut := run(t, nil, "lint", "--fail-on", "never", "content/job-families")
		if code != 0 {
			t.Errorf("the Middleman preset: exit %d, %s", code, errOut)
		}
	})

	t.Run("4 a wrong key is named, with its line and a suggestion", func(t *testing.T) {
		writeFiles(t, repo, map[string]string{".ladderlint.yml": "grades:\n  max: 15\nrules:\n  misspelling:\n    alow: [teh]\n"})
		defer os.Remove(".ladderlint.yml")
		code, _, errOut := run(t, nil, "lint")
		want := `.ladderlint.yml:5: rules.misspelling.alow: unknown option (did you mean "allow"?)`
		if code != exitError || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, %q; want %q", code, errOut, want)
		}
		writeFiles(t, repo, map[string]string{".ladderlint.yml": "rules:\n  misspelling:\n    allow: teh\n"})
		_, _, errOut = run(t, nil, "lint")
		if !strings.Contains(errOut, ".ladderlint.yml:3: rules.misspelling.allow: expected a list of strings") {
			t.Errorf("wrong type: %q", errOut)
		}
	})

	t.Run("5 --fix, then the report of the files as written", func(t *testing.T) {
		_, diff, _ := run(t, nil, "lint", "--fix", "--diff")
		if !strings.Contains(diff, "+++ ") {
			t.Fatalf("--fix --diff shows no change:\n%s", diff)
		}
		code, out, errOut := run(t, nil, "lint", "--fix")
		if code == exitError || !regexp.MustCompile(`applied \d+ fix(es)? in \d+ files?`).MatchString(errOut) {
			t.Fatalf("--fix: exit %d, %q", code, errOut)
		}
		_, again, _ := run(t, nil, "lint")
		if out != again {
			t.Errorf("the report after --fix is not that of the files as written")
		}
		if _, _, errOut := run(t, nil, "lint", "--fix"); !strings.Contains(errOut, "no fixes to apply") {
			t.Errorf("second --fix: %q", errOut)
		}
	})

	t.Run("6 --external offline says so once", func(t *testing.T) {
		addr := closedLoopback(t)
		page := "---\ntitle: Offline\n---\n\n[a](http://" + addr + "/a) [b](http://" + strings.Replace(addr, "127.0.0.1", "localhost", 1) + "/b)\n"
		writeFiles(t, repo, map[string]string{
			"offline/page.md": page,
			"offline/cfg.yml": "rules:\n  link-external:\n    retries: 0\n    cache: off\n",
		})
		_, out, errOut := run(t, nil, "lint", "-c", "offline/cfg.yml", "--external", "--fail-on", "never", "offline/page.md")
		if strings.Count(errOut, "the network looks down") != 1 || strings.Contains(out, "cannot be reached") {
			t.Errorf("offline: stderr %q\n%s", errOut, out)
		}
	})

	t.Run("7 lint from a subfolder", func(t *testing.T) {
		_, fromRoot, _ := run(t, nil, "lint", "-f", "json", "--fail-on", "never")
		t.Chdir(filepath.Join(repo, "content", "job-families"))
		code, out, errOut := run(t, nil, "lint", "-f", "json", "--fail-on", "never")
		files := regexp.MustCompile(`"files": (\d+)`)
		want := files.FindStringSubmatch(fromRoot)
		if code != 0 || want == nil || want[1] == "0" || !strings.Contains(out, want[0]) {
			t.Errorf("from content/job-families: exit %d, %s; want the root's %v", code, errOut, want)
		}
		if strings.Count(out, `"rule"`) != strings.Count(fromRoot, `"rule"`) {
			t.Errorf("other findings from a subfolder than from the root")
		}
	})
}
