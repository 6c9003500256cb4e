package main

import (
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
)

func changesJob(t *testing.T) ciJob { return resolvedJob(t, ciTemplate, "ladderlint-changes") }

// TestChangesTemplate runs the job's script with a stub ladderlint: it
// compares with the merge base (HEAD's first parent in merged results),
// keeps the markdown it writes as an artifact, and posts the note only
// when the project gives it a token.
func TestChangesTemplate(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	job := changesJob(t)
	var ifs []string
	for _, r := range job.Rules {
		ifs = append(ifs, r["if"])
	}
	if want := []string{`$LADDERLINT_CHANGES != "true"`, `$CI_PIPELINE_SOURCE == "merge_request_event"`}; !reflect.DeepEqual(ifs, want) || job.Rules[0]["when"] != "never" {
		t.Errorf("rules %v, want opt-in, merge requests only", ifs)
	}
	if job.Artifacts.When != "always" || !reflect.DeepEqual(job.Artifacts.Paths, []string{"ladderlint-changes.md"}) {
		t.Errorf("artifacts %+v", job.Artifacts)
	}
	if !strings.Contains(strings.Join(job.Script, "\n"), "-o ladderlint-changes.md") {
		t.Error("the script does not write the artifact it keeps")
	}

	origin := vcstest.New(t)
	origin.Write("content/job-families/a.md", "a\n")
	origin.Commit("base")
	base := strings.TrimSpace(origin.Git("rev-parse", "HEAD"))
	origin.Write("content/job-families/a.md", "a\nb\n")
	origin.Commit("change")

	mr := map[string]string{"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_EVENT_TYPE": "detached", "CI_MERGE_REQUEST_DIFF_BASE_SHA": base}
	got := runCIScript(t, job, origin.Dir, mr)
	if want := []string{"changes", "--from", base, "-o", "ladderlint-changes.md"}; !reflect.DeepEqual(got, [][]string{want}) {
		t.Errorf("without a token: %q, want %q", got, want)
	}
	mr["LADDERLINT_GITLAB_TOKEN"] = "glpat-x"
	mr["LADDERLINT_PATHS"] = "content/job-families"
	got = runCIScript(t, job, origin.Dir, mr)
	if want := []string{"changes", "--from", base, "-o", "ladderlint-changes.md", "--post-note", "content/job-families"}; !reflect.DeepEqual(got, [][]string{want}) {
		t.Errorf("with a token: %q, want %q", got, want)
	}

	origin.Git("checkout", "-q", "-b", "feature", base)
	origin.Write("content/job-families/b.md", "b\n")
	origin.Commit("feature")
	origin.Git("checkout", "-q", "--detach", "main")
	target := strings.TrimSpace(origin.Git("rev-parse", "HEAD"))
	origin.Git("merge", "-q", "--no-ff", "-m", "merged result", "feature")
	got = runCIScript(t, job, origin.Dir, map[string]string{"CI_PIPELINE_SOURCE": "merge_request_event", "CI_MERGE_REQUEST_EVENT_TYPE": "merged_result", "CI_MERGE_REQUEST_DIFF_BASE_SHA": base})
	if want := []string{"changes", "--from", target, "-o", "ladderlint-changes.md"}; !reflect.DeepEqual(got, [][]string{want}) {
		t.Errorf("merged results: %q, want %q", got, want)
	}
}
