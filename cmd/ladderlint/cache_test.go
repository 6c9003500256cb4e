package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
)

// cacheRepo copies the sample handbook (job families and the pages they
// link to) into a new repository and commits it.
func cacheRepo(t *testing.T) *vcstest.Repo {
	t.Helper()
	repo := vcstest.New(t)
	src := "../../testdata/handbook/content"
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		repo.Write("content/"+filepath.ToSlash(rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	repo.Commit("handbook")
	t.Chdir(repo.Dir)
	return repo
}

// TestCacheNeverStale edits, renames and deletes pages between runs and
// compares, after each change, the JSON report of a run with the cache
// with that of a run without it, byte for byte: a full run and a
// pre-commit run (--new-from-rev HEAD after a one-page edit), whose
// unchanged pages' summaries come from the cache. Other pages' summaries
// decide findings on the edited page: misspelling's (a word two other
// pages write is the site's own), grade-consistency's (the same title
// graded otherwise on another page, named in the message) and
// career-ladder's (a diagram's node names a level no linted page has), so
// that a stale summary would change the report. A pre-commit run with a
// warm cache models the edited page only (the others are neither read nor
// parsed): counted with model.ParseCount against an uncached run.
func TestCacheNeverStale(t *testing.T) {
	repo := cacheRepo(t)
	cacheDir := t.TempDir()
	env := map[string]string{"LADDERLINT_CACHE_DIR": cacheDir}
	fams := "content/job-families/"
	a, b, c, d := fams+"finance/accountant.md", fams+"security/security-analyst.md",
		fams+"marketing/example-writer.md", fams+"engineering/backend-engineer.md"
	read := func(p string) string {
		data, err := os.ReadFile(filepath.Join(repo.Dir, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	// every file is given a time in the past, a different one at each
	// step, as an editor saving a page would (the cache keeps no file
	// modified in the last two seconds)
	step := 0
	age := func() {
		step++
		when := time.Now().Add(-time.Duration(100-step) * time.Minute)
		filepath.WalkDir(filepath.Join(repo.Dir, "content"), func(p string, de fs.DirEntry, err error) error {
			if err == nil && !de.IsDir() {
				if st, err := os.Stat(p); err == nil && time.Since(st.ModTime()) < time.Hour {
					os.Chtimes(p, when, when)
				}
			}
			return err
		})
	}
	appendTo := func(p, text string) { repo.Write(p, read(p)+text) }
	replaceIn := func(p, old, new string) {
		s := read(p)
		if !strings.Contains(s, old) {
			t.Fatalf("%s lacks %q", p, old)
		}
		repo.Write(p, strings.Replace(s, old, new, 1))
	}
	typo := "\nThe zebraa plan is written down.\n"
	// the edit of d also grades a title of c and draws a diagram with a
	// node naming a level that only c has
	grades := "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades"
	edit := typo + "\n## Levels\n\n### Senior Example Writer\n\nThe Senior Example Writer is a [grade 9](" + grades + ").\n\n" +
		"## Career Ladder\n\n```mermaid\ngraph LR;\n  s(Senior Example Writer) --> p(Principal Example Writer)\n```\n"
	// and adds a level that extends c's role: required-bullet finds the
	// bullet it lacks on c (a level of the edited page that c decides)
	edit += "\n### Lead Example Writer\n\nThe Lead Example Writer is a [grade 10](" + grades + "). This role extends the " +
		"[Principal Example Writer](/job-families/marketing/example-writer/#principal-example-writer) role.\n\n#### Lead Example Writer Requirements\n\n- Writes well\n"
	cLevel := "\n### Principal Example Writer\n\nThe Principal Example Writer is a [grade 9](" + grades + ").\n"
	// compare runs with and without the cache; the cached run twice, so
	// that the second reads what the first wrote
	compare := func(what string, args ...string) string {
		t.Helper()
		args = append([]string{"lint", "--format", "json", "--fail-on", "never"}, args...)
		_, want, errOut := run(t, nil, args...)
		if errOut != "" && !strings.Contains(want, "findings") {
			t.Fatalf("%s: %s", what, errOut)
		}
		for i := 0; i < 2; i++ {
			_, got, _ := run(t, env, append([]string{args[0], "--cache"}, args[1:]...)...)
			if got != want {
				t.Fatalf("%s, cached run %d: the report differs from a run without the cache:\n%s\nwant:\n%s", what, i+1, got, want)
			}
		}
		return want
	}
	zebra := func(report, page string) bool {
		return strings.Contains(report, `"path": "`+page+`"`) && strings.Contains(report, "zebraa")
	}
	pages := func() int {
		n := 0
		filepath.WalkDir(filepath.Join(repo.Dir, fams), func(p string, de fs.DirEntry, err error) error {
			if err == nil && !de.IsDir() && strings.HasSuffix(p, ".md") {
				n++
			}
			return err
		})
		return n
	}
	// precommit checks the findings on the edited page that other pages
	// decide: zebraa, the grade of c's Senior Example Writer (gradeIn: the
	// path the message names, "" for no finding) and the diagram's node
	// for a level only c has (wantNode: reported)
	precommit := func(what string, wantTypo bool, gradeIn string, wantNode, wantBullet bool) {
		t.Helper()
		appendTo(d, edit) // the one-page edit
		age()
		args := []string{"lint", "--format", "json", "--fail-on", "never", "--new-from-rev", "HEAD", "content/job-families"}
		before := model.ParseCount()
		run(t, nil, args...)
		uncached := model.ParseCount() - before
		got := compare(what, args[5:]...)
		if zebra(got, d) != wantTypo {
			t.Errorf("%s: zebraa reported on the edited page: %v, want %v\n%s", what, !wantTypo, wantTypo, got)
		}
		grade := strings.Contains(got, "Senior Example Writer is a grade 9 here but")
		if grade != (gradeIn != "") || grade && !strings.Contains(got, "a grade 7 in "+gradeIn) {
			t.Errorf("%s: grade-consistency finding on the edited page: %v, want one naming %q\n%s", what, grade, gradeIn, got)
		}
		if node := strings.Contains(got, `\"Principal Example Writer\" names a`); node != wantNode {
			t.Errorf("%s: career-ladder finding on the node: %v, want %v\n%s", what, node, wantNode, got)
		}
		if bullet := strings.Contains(got, "requirements of Lead Example Writer lack"); bullet != wantBullet {
			t.Errorf("%s: required-bullet finding on the level extending c: %v, want %v\n%s", what, bullet, wantBullet, got)
		}
		// the cache is warm (compare ran twice): the unchanged pages are
		// not modelled
		before = model.ParseCount()
		if _, again, _ := run(t, env, append([]string{"lint", "--cache"}, args[1:]...)...); again != got {
			t.Fatalf("%s: a third cached run differs", what)
		}
		if warm, n := model.ParseCount()-before, pages(); uncached-warm < int64(n-1) {
			t.Errorf("%s: a warm pre-commit run modelled %d pages, an uncached one %d: want at least %d fewer (every unchanged page of %d)", what, warm, uncached, n-1, n)
		}
		compare(what+", full run", "content/job-families")
		repo.Git("checkout", "--", d)
		age()
	}

	// two other pages write the word: the site's own
	appendTo(a, typo)
	appendTo(c, typo+cLevel)
	repo.Commit("zebraa on two pages")
	age()
	precommit("two other pages write zebraa", false, c, false, false)

	// one of them no longer does, the page's size unchanged
	replaceIn(a, "zebraa", "giraff")
	repo.Commit("one page fewer")
	age()
	precommit("after an edit of the same size", true, c, false, false)

	// back on two pages
	replaceIn(a, "giraff", "zebraa")
	repo.Commit("back")
	age()
	precommit("back on two pages", false, c, false, false)

	// c grades its Senior Example Writer as d does, and its Principal
	// level becomes a Staff one: edits of the same size
	replaceIn(c, "The Senior Example Writer is a [grade 7]", "The Senior Example Writer is a [grade 9]")
	replaceIn(c, "### Principal Example Writer\n\nThe Principal", "### Staff Example Writer\n\nThe Staff Example")
	replaceIn(c, "- Ability to use GitLab", "- Ability to use GitHub")
	repo.Commit("c changed")
	age()
	precommit("after edits of the same size to the grading page", false, "", true, true)
	replaceIn(c, "The Senior Example Writer is a [grade 9]", "The Senior Example Writer is a [grade 7]")
	replaceIn(c, "### Staff Example Writer\n\nThe Staff Example", "### Principal Example Writer\n\nThe Principal")
	replaceIn(c, "- Ability to use GitHub", "- Ability to use GitLab")
	repo.Commit("c back")
	age()
	precommit("c back", false, c, false, false)

	// renamed
	repo.Git("mv", c, fams+"marketing/writer.md")
	repo.Commit("rename")
	age()
	precommit("after a rename", false, fams+"marketing/writer.md", false, true)

	// deleted
	repo.Git("rm", "-q", fams+"marketing/writer.md")
	repo.Commit("delete")
	age()
	precommit("after a delete", true, "", true, true)

	// a page the cache knows, edited and not committed, is reported: its
	// summary is collected again
	appendTo(b, typo)
	age()
	compare("an edited page besides", "--new-from-rev", "HEAD", "content/job-families")

	// a corrupt cache file is ignored, and replaced
	files, _ := filepath.Glob(filepath.Join(cacheDir, "*"))
	if len(files) == 0 {
		t.Fatal("no cache file written")
	}
	for _, f := range files {
		if err := os.WriteFile(f, []byte("not a cache"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	compare("a corrupt cache", "--new-from-rev", "HEAD", "content/job-families")
	if data, _ := os.ReadFile(files[0]); string(data) == "not a cache" {
		t.Error("the corrupt cache file was not replaced")
	}
}

// TestCacheOffUnlessAsked: no cache folder is written by a run that did not
// ask for one, nor under CI with cache: true in the config; the flag and
// LADDERLINT_CACHE=1 turn it on there.
func TestCacheOffUnlessAsked(t *testing.T) {
	repo := cacheRepo(t)
	repo.Write(".ladderlint.yml", "cache: true\n")
	written := func(env map[string]string, args ...string) bool {
		dir := t.TempDir()
		e := map[string]string{"LADDERLINT_CACHE_DIR": dir}
		for k, v := range env {
			e[k] = v
		}
		run(t, e, append([]string{"lint", "--fail-on", "never"}, append(args, "content/job-families")...)...)
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		return len(files) > 0
	}
	if !written(nil) {
		t.Error("cache: true in the config: no cache written")
	}
	if written(map[string]string{"CI": "true"}) {
		t.Error("cache: true under CI: a cache was written")
	}
	if !written(map[string]string{"CI": "true"}, "--cache") {
		t.Error("--cache under CI: no cache written")
	}
	if !written(map[string]string{"CI": "true", "LADDERLINT_CACHE": "1"}) {
		t.Error("LADDERLINT_CACHE=1 under CI: no cache written")
	}
	if written(nil, "--cache=false") {
		t.Error("--cache=false: a cache was written")
	}
	if written(map[string]string{"LADDERLINT_CACHE": "0"}) {
		t.Error("LADDERLINT_CACHE=0: a cache was written")
	}
	repo.Write(".ladderlint.yml", "max_file_size: 100000\n")
	if written(nil) {
		t.Error("no cache asked for: a cache was written")
	}
}
