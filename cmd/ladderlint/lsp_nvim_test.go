package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/internal/testtree"
	"gitlab.com/ladderlint/ladderlint/lint/lsp"
)

// TestNeovimLSP runs `ladderlint lsp` (built from this checkout) under
// Neovim's built-in LSP client, headless: the diagnostics Neovim shows for
// a page with planted defects are lint's JSON findings for it, and the fix
// code action gives the expected buffer.
func TestNeovimLSP(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim not installed (Debian package neovim): the editor test is skipped")
	}
	if testing.Short() {
		t.Skip("-short: the editor test is skipped")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "ladderlint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	root := filepath.Join(tmp, "ws")
	testtree.Copy(t, "../../lint/lsp/testdata/ws", root) // the pages of the protocol tests
	page := filepath.Join(root, "pages", "backend.md")
	text, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}

	// lint's findings for the page, from the same folder the server runs in
	lintCmd := exec.Command(bin, "lint", "--format", "json")
	lintCmd.Dir = root
	raw, _ := lintCmd.Output() // exit 1: findings
	var rep struct {
		Findings []struct {
			Path, Rule, Severity, Message string
			Line, Column                  int
			EndLine                       int `json:"end_line"`
			EndColumn                     int `json:"end_column"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatalf("lint JSON: %v\n%s", err, raw)
	}
	lines := strings.Split(string(text), "\n")
	byteCol := func(line, col int) int { // lint's character column -> Neovim's byte column
		return len(string([]rune(lines[line-1])[:col-1]))
	}
	sev := map[string]int{"error": 1, "warning": 2, "info": 3}
	var want []string
	for _, f := range rep.Findings {
		if f.Path != "pages/backend.md" {
			continue
		}
		want = append(want, fmt.Sprintf("%d:%d-%d:%d %s %d %s", f.Line-1, byteCol(f.Line, f.Column), f.EndLine-1, byteCol(f.EndLine, f.EndColumn), f.Rule, sev[f.Severity], f.Message))
	}
	if len(want) == 0 {
		t.Fatal("lint reports nothing on the sample page: the test would prove nothing")
	}

	outPath := filepath.Join(tmp, "out.jsonl")
	cmd := exec.Command(nvim, "--headless", "-n", "-i", "NONE", "-u", "NONE", "-c", "luafile "+lspTestAbs(t, "testdata/lsp/nvim.lua"))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "LL_BIN="+bin, "LL_ROOT="+root, "LL_PAGE="+page, "LL_OUT="+outPath, "XDG_STATE_HOME="+tmp, "XDG_CACHE_HOME="+tmp, "XDG_DATA_HOME="+tmp)
	done := make(chan error, 1)
	var nvimOut strings.Builder
	cmd.Stdout, cmd.Stderr = &nvimOut, &nvimOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Logf("nvim: %v", err)
		}
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("nvim did not finish in 90 s\n%s", nvimOut.String())
	}

	fh, err := os.Open(outPath)
	if err != nil {
		t.Fatalf("no output from the Lua script: %v\n%s", err, nvimOut.String())
	}
	defer fh.Close()
	events := map[string]json.RawMessage{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev struct {
			Kind  string
			Value json.RawMessage
		}
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("script output: %v: %s", err, sc.Text())
		}
		events[ev.Kind] = ev.Value
	}
	if e, ok := events["error"]; ok {
		t.Fatalf("the Lua script failed: %s\n%s", e, nvimOut.String())
	}

	var diags []struct {
		Lnum, Col, Severity         int
		EndLnum                     int `json:"end_lnum"`
		EndCol                      int `json:"end_col"`
		Message, Source, Code, Href string
	}
	if err := json.Unmarshal(events["diagnostics"], &diags); err != nil {
		t.Fatalf("diagnostics: %v: %s", err, events["diagnostics"])
	}
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d:%d-%d:%d %s %d %s", d.Lnum, d.Col, d.EndLnum, d.EndCol, d.Code, d.Severity, d.Message))
		if d.Source != "ladderlint" || d.Href != lsp.RuleDocURL(d.Code) {
			t.Errorf("diagnostic source %q, link %q", d.Source, d.Href)
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Neovim's diagnostics differ from lint's JSON\nneovim:\n%s\nlint:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	t.Logf("Neovim showed %d diagnostics, as lint reports", len(got))

	var buf []string
	if err := json.Unmarshal(events["buffer"], &buf); err != nil {
		t.Fatalf("buffer: %v", err)
	}
	wantText := strings.Replace(string(text), "😀 teh users", "😀 the users", 1)
	if gotText := strings.Join(buf, "\n") + "\n"; gotText != wantText {
		t.Errorf("after the fix the buffer is\n%s\nwant\n%s", gotText, wantText)
	}
	if string(events["fixed"]) != "true" {
		t.Errorf("the misspelling diagnostic stayed after the fix")
	}
}

func lspTestAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestLSPExitStatus: exit after shutdown is status 0, exit without it 1,
// as the protocol asks; the protocol goes to standard output.
func TestLSPExitStatus(t *testing.T) {
	frame := func(s string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(s), s) }
	initialize := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	for _, tc := range []struct {
		in   string
		want int
	}{
		{initialize + frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`), 0},
		{initialize + frame(`{"jsonrpc":"2.0","method":"exit"}`), 1},
	} {
		in := tc.in
		lspInput = func() io.Reader { return strings.NewReader(in) }
		var out, errOut strings.Builder
		code := NewApp(&out, &errOut).Run([]string{"ladderlint", "lsp"})
		lspInput = func() io.Reader { return os.Stdin }
		if code != tc.want {
			t.Errorf("exit status %d, want %d (stderr %q)", code, tc.want, errOut.String())
		}
		if !strings.Contains(out.String(), `"serverInfo"`) {
			t.Errorf("no initialize result on standard output: %q", out.String())
		}
	}
}
