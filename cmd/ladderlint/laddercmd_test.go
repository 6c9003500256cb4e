package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLadderCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ladders.html")
	code, stdout, stderr := run(t, nil, "ladder", sample, "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "wrote "+out+": ") {
		t.Errorf("stdout %q", stdout)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "<h1>Job-family ladders</h1>") {
		t.Error("the page has no heading")
	}

	// JSON goes to standard output unless -o is given, and names each family
	code, stdout, stderr = run(t, nil, "ladder", "-f", "json", sample)
	if code != exitOK {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var doc struct {
		Families []struct {
			Path   string `json:"path"`
			Levels []any  `json:"levels"`
		} `json:"families"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("json: %v", err)
	}
	if len(doc.Families) == 0 {
		t.Error("json: no family")
	}

	// a ladder never fails on findings: it shows them
	for _, args := range [][]string{
		{"ladder", "-f", "pdf", sample},
		{"ladder", filepath.Join(t.TempDir(), "none")},
	} {
		if code, _, stderr := run(t, nil, args...); code != exitError || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a reason", args, code, stderr)
		}
	}
}
