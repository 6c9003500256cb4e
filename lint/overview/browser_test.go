package overview_test

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/overview"
)

// chromium finds a headless Chromium, or skips the test with a message.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on this machine (Debian package chromium); the browser test is skipped")
	return ""
}

// browse runs headless Chromium on a local page with one more flag
// (--dump-dom, --screenshot=...) and returns what it prints.
func browse(t *testing.T, bin, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, errb.String())
	}
	return out.Bytes()
}

var (
	levelRow   = regexp.MustCompile(`<tr class="level" data-level="([^"]*)" data-grade="([^"]*)">`)
	familyOpen = regexp.MustCompile(`id="([^"]+)" data-family="`)
	filterBox  = regexp.MustCompile(`<p id="filter" class="filter"( hidden(="")?)?>`)
)

// checkDOM compares the page Chromium built with the overview's models:
// every family and every level with its grade, nothing else, and the
// filter box shown by the page's own script (so the policy let it run).
func checkDOM(t *testing.T, dom string, ov *overview.Overview) {
	t.Helper()
	if m := filterBox.FindStringSubmatch(dom); m == nil || m[1] != "" {
		t.Errorf("the filter box is missing or still hidden: the inline script did not run under the page's policy")
	}
	// families with levels first, in the run's order, then those without
	var order []string
	for _, withLevels := range []bool{true, false} {
		for _, f := range ov.Families {
			if (len(f.Levels) > 0) == withLevels {
				order = append(order, f.ID)
			}
		}
	}
	var ids []string
	for _, m := range familyOpen.FindAllStringSubmatch(dom, -1) {
		ids = append(ids, m[1])
	}
	if strings.Join(ids, " ") != strings.Join(order, " ") {
		t.Fatalf("families in the DOM:\n%v\nin the run:\n%v", ids, order)
	}
	var want []string
	for _, f := range ov.Families {
		for _, tr := range f.Tracks {
			for _, lv := range tr.Levels {
				want = append(want, lv.Title+" = "+lv.GradeLabel())
			}
		}
	}
	var got []string
	for _, m := range levelRow.FindAllStringSubmatch(dom, -1) {
		got = append(got, html.UnescapeString(m[1])+" = "+html.UnescapeString(m[2]))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("levels in the DOM differ from the models:\nDOM:\n%s\nmodels:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := strings.Count(dom, "<script"); n != 1 {
		t.Errorf("%d script elements in the DOM, want the page's own one", n)
	}
}

func render(t *testing.T, cfg *lint.Config, paths ...string) (*overview.Overview, string) {
	t.Helper()
	inputs, err := lint.Collect(cfg, paths)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := lint.NewEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Run(context.Background(), inputs)
	if err != nil {
		t.Fatal(err)
	}
	ov := overview.Build(res, cfg, overview.Options{})
	page := filepath.Join(t.TempDir(), "ladders.html")
	var buf bytes.Buffer
	if err := ov.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return ov, page
}

// TestBrowserSample opens the sample handbook's page in a real browser,
// compares its DOM with the models and takes the screenshots kept in
// docs/img (written there when LADDERLINT_SCREENSHOTS=1).
func TestBrowserSample(t *testing.T) {
	bin := chromium(t)
	ov, page := render(t, lint.DefaultConfig(), "../../testdata/handbook/content/job-families")
	if len(ov.Families) == 0 {
		t.Fatal("no family in the sample")
	}
	checkDOM(t, string(browse(t, bin, page, "--dump-dom")), ov)
	dir := t.TempDir()
	if os.Getenv("LADDERLINT_SCREENSHOTS") == "1" {
		dir = "../../docs/img"
	}
	for name, size := range map[string]string{"ladder-desktop.png": "1280,1400", "ladder-phone.png": "390,1400"} {
		shot := filepath.Join(dir, name)
		abs, _ := filepath.Abs(shot)
		browse(t, bin, page, "--hide-scrollbars", "--window-size="+size, "--screenshot="+abs)
		if st, err := os.Stat(abs); err != nil || st.Size() < 10000 {
			t.Errorf("screenshot %s not written or empty: %v", name, err)
		}
	}
}

// TestBrowserCorpus renders the whole 2022 handbook's job families.
func TestBrowserCorpus(t *testing.T) {
	root := "../../../shared/corpus/www-gitlab-com-2022"
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared/corpus is absent; the 2022 handbook's overview is not checked")
	}
	bin := chromium(t)
	cfg := lint.DefaultConfig()
	cfg.Site.Layout = "middleman"
	cfg.Site.Anchors = "kramdown"
	ov, page := render(t, cfg, filepath.Join(root, "sites/uncategorized/source/job-families"))
	if len(ov.Families) < 100 {
		t.Fatalf("%d families", len(ov.Families))
	}
	st, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > 2<<20 {
		t.Errorf("the page is %d bytes, over 2 MB", st.Size())
	}
	checkDOM(t, string(browse(t, bin, page, "--dump-dom")), ov)
}
