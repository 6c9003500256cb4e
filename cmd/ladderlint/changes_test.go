package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/changes"
	"gitlab.com/ladderlint/ladderlint/lint/vcs/vcstest"
	"gitlab.com/ladderlint/ladderlint/schema"
)

// changedRepo commits the changes fixture and raises its junior level's
// grade in the work tree.
func changedRepo(t *testing.T) *vcstest.Repo {
	t.Helper()
	data, err := os.ReadFile("../../lint/changes/testdata/widget-engineer.md")
	if err != nil {
		t.Fatal(err)
	}
	repo := vcstest.New(t)
	repo.Write("content/job-families/widget-engineer.md", string(data))
	repo.Write(".ladderlint.yml", "rules:\n  link-target: off\n")
	repo.Commit("start")
	t.Chdir(repo.Dir)
	repo.Write("content/job-families/widget-engineer.md", strings.Replace(string(data), "Staff Widget Engineer is a [grade 8]", "Staff Widget Engineer is a [grade 10]", 1))
	return repo
}

func TestChangesFormats(t *testing.T) {
	changedRepo(t)
	code, out, errOut := run(t, nil, "changes", "--from", "main")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "content/job-families/widget-engineer.md: Widget Engineer: grade: Staff Widget Engineer 8 → 10\n") ||
		!strings.Contains(out, "Approval flow: grades 10 and above (highest grade touched: 10, Staff Widget Engineer)") {
		t.Errorf("text:\n%s", out)
	}

	code, out, errOut = run(t, nil, "changes", "--format", "json", "--from", "main")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	inst, err := schema.ToJSONValue(json.RawMessage(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Changes().Validate(inst); err != nil {
		ptr, msg := schema.FirstError(err)
		t.Errorf("json does not match its schema at %s: %s", ptr, msg)
	}

	code, out, _ = run(t, nil, "changes", "--from", "main", "--format", "markdown", "-o", "summary.md", "content")
	if code != 0 {
		t.Fatalf("markdown: exit %d", code)
	}
	if !strings.HasPrefix(out, changes.Marker+"\n") || !strings.Contains(out, "- **Widget Engineer** `content/job-families/widget-engineer.md`: grade: Staff Widget Engineer 8 → 10\n") ||
		!strings.Contains(out, "<details><summary>Widget Engineer: content/job-families/widget-engineer.md</summary>") ||
		!strings.Contains(out, "   - [ ] a benchmark is set for the Compensation Calculator\n") {
		t.Errorf("markdown:\n%s", out)
	}
	// the summary comes before any details
	if strings.Index(out, "- **Widget Engineer**") > strings.Index(out, "<details>") {
		t.Error("details before the one-line summary")
	}
	file, err := os.ReadFile("summary.md")
	if err != nil || string(file) != out {
		t.Errorf("-o summary.md: %v; differs from the markdown output", err)
	}
}

func TestChangesErrors(t *testing.T) {
	changedRepo(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"changes"}, `Required flag "from" not set`},
		{[]string{"changes", "--from", "main", "--format", "sarif"}, `--format: unknown format "sarif"`},
		{[]string{"changes", "--from", "nope"}, `unknown revision "nope"`},
		{[]string{"changes", "--from", "main", "no-such-folder"}, "no-such-folder"},
		{[]string{"changes", "--from", "main", "--post-note"}, "--post-note: not in a merge request pipeline"},
	} {
		code, _, errOut := run(t, nil, c.args...)
		if code != exitError || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
}

// TestChangesPostNote posts the summary to a fake GitLab twice: one note,
// posted then updated.
func TestChangesPostNote(t *testing.T) {
	changedRepo(t)
	var mu sync.Mutex
	var notes []map[string]any
	var log []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		log = append(log, r.Method+" "+r.URL.Path)
		if r.Header.Get("PRIVATE-TOKEN") != "glpat-x" {
			t.Errorf("%s %s without the token", r.Method, r.URL.Path)
		}
		const base = "/api/v4/projects/9/merge_requests/3/notes"
		var body struct{ Body string }
		if r.Method != http.MethodGet {
			data, _ := io.ReadAll(r.Body)
			if err := json.Unmarshal(data, &body); err != nil || !strings.HasPrefix(body.Body, changes.Marker) {
				t.Errorf("%s body %q", r.Method, data)
			}
		}
		switch {
		case r.Method == http.MethodGet && r.URL.Path == base:
			_ = json.NewEncoder(w).Encode(notes)
		case r.Method == http.MethodPost && r.URL.Path == base:
			notes = append(notes, map[string]any{"id": 77, "body": body.Body, "system": false})
			w.WriteHeader(http.StatusCreated)
			_ = json.NewEncoder(w).Encode(notes[0])
		case r.Method == http.MethodPut && r.URL.Path == base+"/77":
			notes[0]["body"] = body.Body
			_ = json.NewEncoder(w).Encode(notes[0])
		default:
			t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	env := map[string]string{"CI_API_V4_URL": srv.URL + "/api/v4", "CI_PROJECT_ID": "9", "CI_MERGE_REQUEST_IID": "3", "LADDERLINT_GITLAB_TOKEN": "glpat-x"}
	for i, want := range []string{"posted", "updated"} {
		var out, errOut bytes.Buffer
		app := NewApp(&out, &errOut)
		app.Getenv = func(k string) string { return env[k] }
		if code := app.Run([]string{"ladderlint", "changes", "--from", "main", "--post-note"}); code != 0 {
			t.Fatalf("run %d: exit %d: %s", i, code, errOut.String())
		}
		if !strings.Contains(errOut.String(), want+" the note on merge request !3") {
			t.Errorf("run %d: stderr %q, want %q", i, errOut.String(), want)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0]["body"].(string), "Staff Widget Engineer 8 → 10") {
		t.Errorf("notes %v: want one, with the summary", notes)
	}
	if got := strings.Join(log, ", "); got != "GET /api/v4/projects/9/merge_requests/3/notes, POST /api/v4/projects/9/merge_requests/3/notes, GET /api/v4/projects/9/merge_requests/3/notes, PUT /api/v4/projects/9/merge_requests/3/notes/77" {
		t.Errorf("requests: %s", got)
	}
}

// A merge request that changes no job family gets no note.
func TestChangesPostNoteNothingChanged(t *testing.T) {
	repo := changedRepo(t)
	repo.Git("checkout", "--", ".")
	var methods []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		methods = append(methods, r.Method)
		_, _ = w.Write([]byte("[]"))
	}))
	defer srv.Close()
	env := map[string]string{"CI_API_V4_URL": srv.URL + "/api/v4", "CI_PROJECT_ID": "9", "CI_MERGE_REQUEST_IID": "3", "CI_JOB_TOKEN": "job"}
	code, out, errOut := run(t, env, "changes", "--from", "main", "--post-note")
	if code != 0 || !strings.Contains(out, "No job-family page changed.") || !strings.Contains(errOut, "no note posted") {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
	if strings.Join(methods, ",") != "GET" {
		t.Errorf("requests %v, want the one listing", methods)
	}
}
