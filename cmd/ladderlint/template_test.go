package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"gitlab.com/ladderlint/ladderlint/lint/report"
	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
)

const (
	ciTemplate = "../../templates/ladderlint.gitlab-ci.yml"
	projectCI  = "../../.gitlab-ci.yml"
)

// ciJob is the part of a GitLab CI job these tests read.
type ciJob struct {
	Stage        string              `yaml:"stage"`
	Variables    map[string]string   `yaml:"variables"`
	Rules        []map[string]string `yaml:"rules"`
	Cache        yaml.Node           `yaml:"cache"`
	BeforeScript []string            `yaml:"before_script"`
	Script       []string            `yaml:"script"`
	Artifacts    struct {
		When     string            `yaml:"when"`
		ExposeAs string            `yaml:"expose_as"`
		Paths    []string          `yaml:"paths"`
		Reports  map[string]string `yaml:"reports"`
	} `yaml:"artifacts"`
}

func loadCI(t *testing.T, path string) map[string]yaml.Node {
	t.Helper()
	var doc map[string]yaml.Node
	if err := yaml.Unmarshal(readFile(t, path), &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

func templateJob(t *testing.T) ciJob { return resolvedJob(t, ciTemplate, "ladderlint") }

// resolvedJob reads a job as GitLab runs it: the jobs it extends first,
// hashes merged key by key (deeply), anything else replaced.
func resolvedJob(t *testing.T, path, name string) ciJob {
	t.Helper()
	doc := loadCI(t, path)
	var resolve func(name string, depth int) map[string]any
	resolve = func(name string, depth int) map[string]any {
		node, ok := doc[name]
		if !ok || depth > 10 {
			t.Fatalf("%s has no job %s", path, name)
		}
		var m map[string]any
		if err := node.Decode(&m); err != nil {
			t.Fatal(err)
		}
		out := map[string]any{}
		switch ext := m["extends"].(type) {
		case string:
			out = resolve(ext, depth+1)
		case []any:
			for _, e := range ext {
				out = deepMerge(out, resolve(e.(string), depth+1))
			}
		}
		delete(m, "extends")
		return deepMerge(out, m)
	}
	raw, err := yaml.Marshal(resolve(name, 0))
	if err != nil {
		t.Fatal(err)
	}
	var job ciJob
	if err := yaml.Unmarshal(raw, &job); err != nil {
		t.Fatal(err)
	}
	return job
}

func deepMerge(base, over map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		if bm, ok := out[k].(map[string]any); ok {
			if om, ok := v.(map[string]any); ok {
				out[k] = deepMerge(bm, om)
				continue
			}
		}
		out[k] = v
	}
	return out
}

// TestCITemplateLadderJob: the optional overview job runs only when asked
// for, writes the page and shows it on the merge request.
func TestCITemplateLadderJob(t *testing.T) {
	job := resolvedJob(t, ciTemplate, "ladderlint-ladder")
	if len(job.Rules) == 0 || job.Rules[0]["if"] != `$LADDERLINT_LADDER != "true"` || job.Rules[0]["when"] != "never" {
		t.Errorf("the first rule %v does not keep the job off unless LADDERLINT_LADDER is true", job.Rules)
	}
	if job.Variables["LADDERLINT_LADDER"] != "false" {
		t.Errorf("LADDERLINT_LADDER defaults to %q, want false (opt-in)", job.Variables["LADDERLINT_LADDER"])
	}
	if !strings.Contains(strings.Join(job.Script, "\n"), "ladderlint ladder -o ladders.html") ||
		!slices.Contains(job.Artifacts.Paths, "ladders.html") || job.Artifacts.ExposeAs == "" {
		t.Errorf("the job does not write ladders.html and expose it: script %q, artifacts %+v", job.Script, job.Artifacts)
	}
	if job.Variables["LADDERLINT_VERSION"] != templateJob(t).Variables["LADDERLINT_VERSION"] {
		t.Error("the two jobs install different releases")
	}
}

// TestCITemplateShape: the job runs in merge requests and on the default
// branch, and publishes the JUnit and Code Quality reports its script
// writes, even when it fails.
func TestCITemplateShape(t *testing.T) {
	job := templateJob(t)
	var ifs []string
	for _, r := range job.Rules {
		ifs = append(ifs, r["if"])
	}
	if want := []string{`$CI_PIPELINE_SOURCE == "merge_request_event"`, `$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`}; !reflect.DeepEqual(ifs, want) {
		t.Errorf("rules %v, want %v", ifs, want)
	}
	// a pinned release, built once and cached under a key that names it
	if v := job.Variables["LADDERLINT_VERSION"]; !regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(v) {
		t.Errorf("LADDERLINT_VERSION %q is not a pinned release", v)
	}
	var cache struct {
		Key   string   `yaml:"key"`
		Paths []string `yaml:"paths"`
	}
	if err := job.Cache.Decode(&cache); err != nil || !strings.Contains(cache.Key, "$LADDERLINT_VERSION") || len(cache.Paths) != 1 ||
		!strings.Contains(strings.Join(job.BeforeScript, "\n"), `export GOBIN="$PWD/`+strings.TrimSuffix(cache.Paths[0], "/")+`"`) ||
		!strings.HasPrefix(job.Variables["LADDERLINT_INSTALL"], "go install ") {
		t.Errorf("the cache (%+v, %v) does not keep the binary LADDERLINT_INSTALL (%q) installs into $GOBIN, under a key naming the version", cache, err, job.Variables["LADDERLINT_INSTALL"])
	}
	if job.Artifacts.When != "always" {
		t.Errorf("artifacts are published only when: %q", job.Artifacts.When)
	}
	script := strings.Join(job.Script, "\n")
	for kind, format := range map[string]string{"junit": "junit", "codequality": "codequality"} {
		file := job.Artifacts.Reports[kind]
		if file == "" || !strings.Contains(script, "-o "+format+"="+file) || !slices.Contains(job.Artifacts.Paths, file) {
			t.Errorf("reports:%s %q is not what the script writes (-o %s=...) or not kept", kind, file, format)
		}
		if !slices.Contains(report.Formats(), format) {
			t.Errorf("no %s format", format)
		}
	}

	// the project's own pipeline includes it and runs it on the sample
	doc := loadCI(t, projectCI)
	var include []map[string]string
	if n, ok := doc["include"]; !ok || n.Decode(&include) != nil || len(include) == 0 || include[0]["local"] != "templates/ladderlint.gitlab-ci.yml" {
		t.Errorf("%s does not include the template", projectCI)
	}
	var own ciJob
	if n, ok := doc["ladderlint"]; !ok || n.Decode(&own) != nil || !strings.HasPrefix(own.Variables["LADDERLINT_PATHS"], "testdata/handbook") {
		t.Errorf("%s does not run the template's job on testdata/handbook", projectCI)
	}
}

// stubLadderlint makes a ladderlint that records its arguments and returns
// a PATH with it first, and a function that reads the arguments of the
// `lint` runs since it was last called, one slice a run (nil when there
// was none).
func stubLadderlint(t *testing.T) (string, func() [][]string) {
	t.Helper()
	stub := t.TempDir()
	argsFile := filepath.Join(stub, "args")
	script := "#!/bin/sh\n[ \"$1\" = --version ] && exit 0\n{ for a in \"$@\"; do printf '%s\\n' \"$a\"; done; echo '<end>'; } >> " + argsFile + "\n"
	if err := os.WriteFile(filepath.Join(stub, "ladderlint"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	args := func() [][]string {
		data, err := os.ReadFile(argsFile)
		if err != nil {
			return nil
		}
		os.Remove(argsFile)
		var calls [][]string
		for _, call := range strings.SplitAfter(string(data), "<end>\n") {
			if call != "" {
				calls = append(calls, strings.Split(strings.TrimSuffix(call, "\n<end>\n"), "\n"))
			}
		}
		return calls
	}
	return "PATH=" + stub + string(os.PathListSeparator) + os.Getenv("PATH"), args
}

// runCIScript runs the job's before_script and script with sh, as GitLab
// would (each command must succeed), with env on top of the job's
// variables and a stub ladderlint on PATH. It returns the arguments of the
// `ladderlint lint` calls, in order.
func runCIScript(t *testing.T, job ciJob, dir string, env map[string]string) [][]string {
	t.Helper()
	path, args := stubLadderlint(t)
	cmd := exec.Command("sh", "-ec", strings.Join(append(job.BeforeScript, job.Script...), "\n"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), path)
	for k, v := range job.Variables {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("job script: %v\n%s", err, out)
	}
	return args()
}

// TestCITemplateScript runs the job's script in the situations it meets:
// the default branch, a merge request (also from a shallow clone that
// lacks the merge base), a merged-results pipeline, and a merge request
// with LADDERLINT_NEW_ONLY=false.
func TestCITemplateScript(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	job := templateJob(t)
	origin := vcstest.New(t)
	origin.Write("content/job-families/a.md", "a\n")
	origin.Commit("base")
	base := strings.TrimSpace(origin.Git("rev-parse", "HEAD"))
	origin.Write("content/job-families/a.md", "a\nb\n")
	origin.Commit("change")
	origin.Write("content/job-families/a.md", "a\nb\nc\n")
	origin.Commit("another change")

	cq := []string{"-o", "codequality=gl-code-quality-report.json"}
	reports := []string{"-o", "junit=ladderlint-junit.xml", "-o", "json=ladderlint.json"}
	lint := func(args ...string) []string { return append(append([]string{"lint"}, args...), reports...) }
	// in a merge request, a first run writes the Code Quality report with
	// every finding (LADDERLINT_ARGS, then --fail-on never, then the paths)
	full := func(args ...string) []string {
		return append(append(append([]string{"lint"}, args...), "--fail-on", "never"), cq...)
	}

	got := runCIScript(t, job, origin.Dir, map[string]string{"CI_PIPELINE_SOURCE": "push"})
	if want := [][]string{lint(cq...)}; !reflect.DeepEqual(got, want) {
		t.Errorf("default branch: %q, want %q", got, want)
	}

	got = runCIScript(t, job, origin.Dir, map[string]string{
		"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_EVENT_TYPE": "detached",
		"CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
		"LADDERLINT_PATHS":               "content/job-families more",
		"LADDERLINT_ARGS":                "--fail-on warning",
	})
	want := [][]string{
		append(full("--fail-on", "warning"), "content/job-families", "more"),
		append(lint("--new-from-rev", base, "--fail-on", "warning"), "content/job-families", "more"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merge request: %q, want %q", got, want)
	}

	got = runCIScript(t, job, origin.Dir, map[string]string{
		"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "LADDERLINT_NEW_ONLY": "false",
	})
	if want := [][]string{lint(cq...)}; !reflect.DeepEqual(got, want) {
		t.Errorf("merge request, LADDERLINT_NEW_ONLY=false: %q, want %q", got, want)
	}

	// a shallow clone, as CI runners make them: the merge base is fetched
	shallow := filepath.Join(t.TempDir(), "clone")
	origin.Git("clone", "-q", "--depth=1", "file://"+origin.Dir, shallow)
	if exec.Command("git", "-C", shallow, "cat-file", "-e", base+"^{commit}").Run() == nil {
		t.Fatal("the shallow clone already has the merge base")
	}
	got = runCIScript(t, job, shallow, map[string]string{"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_DIFF_BASE_SHA": base})
	if want := [][]string{full(), lint("--new-from-rev", base)}; !reflect.DeepEqual(got, want) {
		t.Errorf("shallow merge request: %q, want %q", got, want)
	}
	if err := exec.Command("git", "-C", shallow, "cat-file", "-e", base+"^{commit}").Run(); err != nil {
		t.Errorf("the merge base was not fetched: %v", err)
	}

	// merged results: HEAD merges the source branch into the target; the
	// base is the target's tip, HEAD's first parent
	origin.Git("checkout", "-q", "-b", "feature", base)
	origin.Write("content/job-families/b.md", "b\n")
	origin.Commit("feature")
	origin.Git("checkout", "-q", "--detach", "main")
	target := strings.TrimSpace(origin.Git("rev-parse", "HEAD"))
	origin.Git("merge", "-q", "--no-ff", "-m", "merged result", "feature")
	got = runCIScript(t, job, origin.Dir, map[string]string{
		"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_EVENT_TYPE": "merged_result", "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
	})
	if want := [][]string{full(), lint("--new-from-rev", target)}; !reflect.DeepEqual(got, want) {
		t.Errorf("merged results: %q, want %q", got, want)
	}
}

// TestGitHook runs templates/pre-commit in a repository: it lints only when
// a job-family page is staged, with --new-from-rev HEAD once there is a
// HEAD.
func TestGitHook(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	hook := mustAbs("../../templates/pre-commit")
	repo := vcstest.New(t)
	path, args := stubLadderlint(t)
	runHook := func() []string {
		t.Helper()
		cmd := exec.Command(hook)
		cmd.Dir = repo.Dir
		cmd.Env = append(os.Environ(), path)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("hook: %v\n%s", err, out)
		}
		calls := args()
		if len(calls) > 1 {
			t.Fatalf("the hook ran ladderlint %d times: %q", len(calls), calls)
		}
		if len(calls) == 0 {
			return nil
		}
		return calls[0]
	}

	repo.Write("content/job-families/a.md", "a\n")
	repo.Git("add", "-A")
	if got, want := runHook(), []string{"lint"}; !reflect.DeepEqual(got, want) {
		t.Errorf("first commit: %q, want %q", got, want)
	}
	repo.Commit("first")

	repo.Write("README.md", "r\n")
	repo.Git("add", "-A")
	if got := runHook(); got != nil {
		t.Errorf("no page staged, yet ladderlint ran: %q", got)
	}

	repo.Write("content/job-families/a.md", "a\nb\n")
	repo.Git("add", "-A")
	if got, want := runHook(), []string{"lint", "--new-from-rev", "HEAD"}; !reflect.DeepEqual(got, want) {
		t.Errorf("page staged: %q, want %q", got, want)
	}
}

// TestPreCommitHooks: the pre-commit hooks build with Go, run `ladderlint
// lint` and match the pages the default config includes.
func TestPreCommitHooks(t *testing.T) {
	var hooks []struct {
		ID       string `yaml:"id"`
		Entry    string `yaml:"entry"`
		Language string `yaml:"language"`
		Files    string `yaml:"files"`
	}
	if err := yaml.Unmarshal(readFile(t, "../../.pre-commit-hooks.yaml"), &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) == 0 {
		t.Fatal("no hooks")
	}
	for _, h := range hooks {
		re, err := regexp.Compile(h.Files)
		if err != nil || h.Language != "golang" || !strings.HasPrefix(h.Entry, "ladderlint lint") {
			t.Errorf("hook %s: language %q, entry %q, files %q (%v)", h.ID, h.Language, h.Entry, h.Files, err)
			continue
		}
		for p, want := range map[string]bool{"content/job-families/engineering/backend.md": true, "content/handbook/values.md": false, "content/job-families/x.png": false} {
			if re.MatchString(p) != want {
				t.Errorf("hook %s: files %q matches %s: %v", h.ID, h.Files, p, !want)
			}
		}
	}
}
