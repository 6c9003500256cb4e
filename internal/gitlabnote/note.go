// Package gitlabnote keeps one note of a tool on a GitLab merge request up
// to date through GitLab's REST API (v4 notes API): it finds the note an
// earlier run posted by a hidden marker in its body and updates it (PUT),
// or posts a new one (POST), so that a merge request gets one note however
// many pipelines run.
package gitlabnote

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Target is a merge request and the credentials to write on it.
type Target struct {
	API          string // the API root, e.g. https://gitlab.com/api/v4 (CI_API_V4_URL)
	Project      string // the project's ID or full path (CI_PROJECT_ID)
	MergeRequest string // the merge request's IID (CI_MERGE_REQUEST_IID)
	// Token authenticates every request: sent as PRIVATE-TOKEN (a personal,
	// project or group access token), or as JOB-TOKEN when JobToken is set
	// (CI_JOB_TOKEN).
	Token    string
	JobToken bool
	Client   *http.Client // nil: one with a 30-second timeout
}

// Environment variables FromEnv reads.
const (
	TokenVar = "LADDERLINT_GITLAB_TOKEN"
)

// FromEnv reads the target from GitLab CI's predefined variables; the
// token from LADDERLINT_GITLAB_TOKEN, else the job's CI_JOB_TOKEN.
func FromEnv(getenv func(string) string) (*Target, error) {
	t := &Target{
		API:          strings.TrimRight(getenv("CI_API_V4_URL"), "/"),
		Project:      getenv("CI_PROJECT_ID"),
		MergeRequest: getenv("CI_MERGE_REQUEST_IID"),
		Token:        getenv(TokenVar),
	}
	if t.Token == "" {
		t.Token, t.JobToken = getenv("CI_JOB_TOKEN"), true
	}
	var missing []string
	for _, v := range []struct{ name, val string }{
		{"CI_API_V4_URL", t.API}, {"CI_PROJECT_ID", t.Project}, {"CI_MERGE_REQUEST_IID", t.MergeRequest},
		{TokenVar + " (or CI_JOB_TOKEN)", t.Token},
	} {
		if v.val == "" {
			missing = append(missing, v.name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("not in a merge request pipeline: %s not set", strings.Join(missing, ", "))
	}
	if u, err := url.Parse(t.API); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("CI_API_V4_URL %q is not an http(s) URL", t.API)
	}
	if _, err := strconv.ParseUint(t.MergeRequest, 10, 64); err != nil {
		return nil, fmt.Errorf("CI_MERGE_REQUEST_IID %q is not a number", t.MergeRequest)
	}
	return t, nil
}

// Note is the part of a GitLab note read here.
type Note struct {
	ID     int64  `json:"id"`
	Body   string `json:"body"`
	System bool   `json:"system"`
}

// Bounds on what is read back from the API.
const (
	maxResponse = 8 << 20 // bytes of one response
	maxPages    = 100     // of notes, 100 a page
)

// Upsert makes body the merge request's note marked by marker: it updates
// the first note (not a system note) whose body starts with the marker, or
// posts a new note. A note that only quotes the marker further down (a
// reply quoting the summary) is not taken for it. body must start with the
// marker for the next run to find it. With create unset, no new note is
// posted (a merge request that touches nothing the note is about gets
// none), only an earlier one updated. It returns "updated", "posted" or
// "left alone".
func (t *Target) Upsert(ctx context.Context, marker, body string, create bool) (string, error) {
	if marker == "" || !marked(body, marker) {
		return "", errors.New("the note's body does not start with its marker: a later run could not find it")
	}
	existing, err := t.find(ctx, marker)
	if err != nil {
		return "", err
	}
	payload, err := json.Marshal(map[string]string{"body": body})
	if err != nil {
		return "", err
	}
	if existing != nil {
		_, _, err := t.do(ctx, http.MethodPut, t.notesPath()+"/"+strconv.FormatInt(existing.ID, 10), nil, payload)
		return "updated", err
	}
	if !create {
		return "left alone", nil
	}
	_, _, err = t.do(ctx, http.MethodPost, t.notesPath(), nil, payload)
	return "posted", err
}

func (t *Target) notesPath() string {
	return "/projects/" + url.PathEscape(t.Project) + "/merge_requests/" + url.PathEscape(t.MergeRequest) + "/notes"
}

// find pages through the merge request's notes for the marked one.
func (t *Target) find(ctx context.Context, marker string) (*Note, error) {
	page := "1"
	for n := 0; n < maxPages && page != ""; n++ {
		q := url.Values{"per_page": {"100"}, "page": {page}, "sort": {"asc"}, "order_by": {"created_at"}}
		data, hdr, err := t.do(ctx, http.MethodGet, t.notesPath(), q, nil)
		if err != nil {
			return nil, err
		}
		var notes []Note
		if err := json.Unmarshal(data, &notes); err != nil {
			return nil, fmt.Errorf("GET %s: not a list of notes: %v", t.notesPath(), err)
		}
		for i := range notes {
			if !notes[i].System && marked(notes[i].Body, marker) {
				return &notes[i], nil
			}
		}
		page = hdr.Get("X-Next-Page")
		if _, err := strconv.Atoi(page); err != nil {
			page = ""
		}
	}
	return nil, nil
}

// do sends one API request and returns the response body; a status other
// than 2xx is an error carrying GitLab's message.
func (t *Target) do(ctx context.Context, method, path string, q url.Values, payload []byte) ([]byte, http.Header, error) {
	u := t.API + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, nil, err
	}
	if t.JobToken {
		req.Header.Set("JOB-TOKEN", t.Token)
	} else {
		req.Header.Set("PRIVATE-TOKEN", t.Token)
	}
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	client := t.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s %s: %v", method, path, err)
	}
	if len(data) > maxResponse {
		return nil, nil, fmt.Errorf("%s %s: response over %d bytes", method, path, maxResponse)
	}
	if resp.StatusCode/100 != 2 {
		msg := strings.TrimSpace(string(data))
		var e struct {
			Message any    `json:"message"`
			Error   string `json:"error"`
		}
		if json.Unmarshal(data, &e) == nil {
			if e.Message != nil {
				msg = fmt.Sprint(e.Message)
			} else if e.Error != "" {
				msg = e.Error
			}
		}
		if len(msg) > 200 {
			msg = msg[:200] + "…"
		}
		return nil, nil, fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, msg)
	}
	return data, resp.Header, nil
}

func marked(body, marker string) bool {
	return strings.HasPrefix(strings.TrimLeft(body, " \t\r\n"), marker)
}
