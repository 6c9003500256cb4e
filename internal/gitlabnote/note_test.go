package gitlabnote

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

const marker = "<!-- tool-marker -->"

// fakeGitLab serves the merge request notes API for project 42 and merge
// request 7 as GitLab documents it, checking each request: path, token
// header, content type and JSON body. It never touches the network.
type fakeGitLab struct {
	t        *testing.T
	header   string // PRIVATE-TOKEN or JOB-TOKEN
	token    string
	perPage  int
	denyOnly bool // a wrong token is expected: refuse it without failing
	mu       sync.Mutex
	notes    []Note
	requests []string
}

func (f *fakeGitLab) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Method+" "+r.URL.Path)
	if got := r.Header.Get(f.header); got != f.token {
		if f.denyOnly {
			http.Error(w, `{"message":"401 Unauthorized"}`, http.StatusUnauthorized)
			return
		}
		f.t.Errorf("%s %s: %s header %q, want %q", r.Method, r.URL.Path, f.header, got, f.token)
		http.Error(w, `{"message":"401 Unauthorized"}`, http.StatusUnauthorized)
		return
	}
	for _, other := range []string{"PRIVATE-TOKEN", "JOB-TOKEN", "Authorization"} {
		if other != f.header && r.Header.Get(other) != "" {
			f.t.Errorf("%s %s: unexpected %s header", r.Method, r.URL.Path, other)
		}
	}
	const base = "/api/v4/projects/42/merge_requests/7/notes"
	readBody := func() string {
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			f.t.Errorf("%s %s: Content-Type %q", r.Method, r.URL.Path, ct)
		}
		data, _ := io.ReadAll(r.Body)
		var b map[string]string
		if err := json.Unmarshal(data, &b); err != nil || len(b) != 1 || b["body"] == "" {
			f.t.Errorf("%s %s: body %s, want {\"body\": ...}", r.Method, r.URL.Path, data)
		}
		return b["body"]
	}
	switch {
	case r.Method == http.MethodGet && r.URL.Path == base:
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page < 1 {
			page = 1
		}
		if r.URL.Query().Get("per_page") != "100" {
			f.t.Errorf("GET without per_page=100: %s", r.URL.RawQuery)
		}
		from, to := (page-1)*f.perPage, page*f.perPage
		from, to = min(from, len(f.notes)), min(to, len(f.notes))
		if to < len(f.notes) {
			w.Header().Set("X-Next-Page", strconv.Itoa(page+1))
		} else {
			w.Header().Set("X-Next-Page", "")
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(f.notes[from:to])
	case r.Method == http.MethodPost && r.URL.Path == base:
		n := Note{ID: int64(1000 + len(f.notes)), Body: readBody()}
		f.notes = append(f.notes, n)
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(n)
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, base+"/"):
		id, err := strconv.ParseInt(strings.TrimPrefix(r.URL.Path, base+"/"), 10, 64)
		if err != nil {
			http.Error(w, `{"message":"404 Not found"}`, http.StatusNotFound)
			return
		}
		body := readBody()
		for i := range f.notes {
			if f.notes[i].ID == id {
				f.notes[i].Body = body
				_ = json.NewEncoder(w).Encode(f.notes[i])
				return
			}
		}
		http.Error(w, `{"message":"404 Note Not Found"}`, http.StatusNotFound)
	default:
		f.t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
		http.Error(w, `{"error":"404 Not Found"}`, http.StatusNotFound)
	}
}

func newFake(t *testing.T, header, token string) (*fakeGitLab, *httptest.Server) {
	f := &fakeGitLab{t: t, header: header, token: token, perPage: 100}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestUpsertPostsThenUpdatesOneNote(t *testing.T) {
	f, srv := newFake(t, "PRIVATE-TOKEN", "glpat-secret")
	// other people's notes, one quoting the summary, and a system note
	f.notes = []Note{{ID: 1, Body: "> " + marker + "\n> old summary\n\nlooks good"}, {ID: 2, Body: marker + " changed", System: true}}
	target, err := FromEnv(env(map[string]string{
		"CI_API_V4_URL": srv.URL + "/api/v4", "CI_PROJECT_ID": "42", "CI_MERGE_REQUEST_IID": "7",
		"LADDERLINT_GITLAB_TOKEN": "glpat-secret", "CI_JOB_TOKEN": "job-token-unused",
	}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// nothing to say and no note yet: none is posted
	if action, err := target.Upsert(ctx, marker, marker+"\nnothing", false); err != nil || action != "left alone" || len(f.notes) != 2 {
		t.Fatalf("no note wanted: %q, %v, %d notes", action, err, len(f.notes))
	}
	action, err := target.Upsert(ctx, marker, marker+"\nfirst run", true)
	if err != nil || action != "posted" {
		t.Fatalf("first run: %q, %v; want posted", action, err)
	}
	action, err = target.Upsert(ctx, marker, marker+"\nsecond run", false)
	if err != nil || action != "updated" {
		t.Fatalf("second run: %q, %v; want updated", action, err)
	}
	if len(f.notes) != 3 || f.notes[2].Body != marker+"\nsecond run" || f.notes[0].Body != "> "+marker+"\n> old summary\n\nlooks good" || f.notes[1].Body != marker+" changed" {
		t.Errorf("notes %+v: want the others untouched and one note with the second body", f.notes)
	}
	want := "GET /api/v4/projects/42/merge_requests/7/notes, GET /api/v4/projects/42/merge_requests/7/notes, POST /api/v4/projects/42/merge_requests/7/notes, " +
		"GET /api/v4/projects/42/merge_requests/7/notes, PUT /api/v4/projects/42/merge_requests/7/notes/1002"
	if got := strings.Join(f.requests, ", "); got != want {
		t.Errorf("requests\n got %s\nwant %s", got, want)
	}
}

func TestUpsertJobTokenAndPages(t *testing.T) {
	f, srv := newFake(t, "JOB-TOKEN", "job-123")
	f.perPage = 2
	for i := 0; i < 5; i++ {
		f.notes = append(f.notes, Note{ID: int64(i + 1), Body: fmt.Sprintf("note %d", i)})
	}
	f.notes[4].Body = marker + "\nold summary" // on the third page
	target, err := FromEnv(env(map[string]string{
		"CI_API_V4_URL": srv.URL + "/api/v4/", "CI_PROJECT_ID": "42", "CI_MERGE_REQUEST_IID": "7", "CI_JOB_TOKEN": "job-123",
	}))
	if err != nil {
		t.Fatal(err)
	}
	action, err := target.Upsert(context.Background(), marker, marker+"\nnew summary", true)
	if err != nil || action != "updated" {
		t.Fatalf("%q, %v; want updated", action, err)
	}
	if f.notes[4].Body != marker+"\nnew summary" || len(f.notes) != 5 {
		t.Errorf("notes %+v", f.notes)
	}
	if n := len(f.requests); n != 4 { // three pages, one PUT
		t.Errorf("%d requests: %v", n, f.requests)
	}
}

func TestUpsertErrors(t *testing.T) {
	f, srv := newFake(t, "PRIVATE-TOKEN", "right")
	f.denyOnly = true
	target := &Target{API: srv.URL + "/api/v4", Project: "42", MergeRequest: "7", Token: "wrong"}
	_, err := target.Upsert(context.Background(), marker, marker, true)
	if err == nil || !strings.Contains(err.Error(), "GET /projects/42/merge_requests/7/notes: 401 Unauthorized: 401 Unauthorized") {
		t.Errorf("wrong token: %v", err)
	}
	if _, err := target.Upsert(context.Background(), marker, "the marker not first "+marker, true); err == nil {
		t.Error("a body without its marker was accepted")
	}
	for name, e := range map[string]map[string]string{
		"no MR":      {"CI_API_V4_URL": "https://gitlab.example/api/v4", "CI_PROJECT_ID": "1", "LADDERLINT_GITLAB_TOKEN": "x"},
		"no token":   {"CI_API_V4_URL": "https://gitlab.example/api/v4", "CI_PROJECT_ID": "1", "CI_MERGE_REQUEST_IID": "2"},
		"bad URL":    {"CI_API_V4_URL": "gitlab.example", "CI_PROJECT_ID": "1", "CI_MERGE_REQUEST_IID": "2", "CI_JOB_TOKEN": "x"},
		"bad MR IID": {"CI_API_V4_URL": "https://gitlab.example/api/v4", "CI_PROJECT_ID": "1", "CI_MERGE_REQUEST_IID": "2/../3", "CI_JOB_TOKEN": "x"},
	} {
		if _, err := FromEnv(env(e)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestProjectPathIsEscaped(t *testing.T) {
	target := &Target{Project: "group/sub project", MergeRequest: "7"}
	if got := target.notesPath(); got != "/projects/group%2Fsub%20project/merge_requests/7/notes" {
		t.Errorf("path %q", got)
	}
}
