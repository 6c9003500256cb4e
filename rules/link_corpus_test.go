package rules

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/split"
	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// The link rules over the real corpus (../shared/corpus from the repository
// root): every page a link-target finding names must really be missing from
// the tree, planted broken links are found, valid fragments are not
// reported. The existence checks here follow the layouts' rules on their
// own (file names probed on disk), not through the index.

const linkCorpusDir = "../../shared/corpus"

// linkCorpus is one real tree and how its URLs map to files.
type linkCorpus struct {
	name     string
	families string   // folder of the job families to lint
	roots    []string // content roots, served at /
	config   string   // .ladderlint.yml text
	// candidates lists the files a URL path may be served from (relative
	// to a root).
	candidates func(u string) []string
	foldCase   bool
}

func linkHugoCandidates(u string) []string {
	u = strings.TrimSuffix(strings.TrimSuffix(u, "index.html"), "/")
	if u == "" {
		return []string{"_index.md"}
	}
	return []string{u + "/_index.md", u + ".md", u + "/index.md", u}
}

func linkMiddlemanCandidates(u string) []string {
	u = strings.TrimSuffix(u, "index.html")
	d := strings.TrimSuffix(u, "/")
	out := []string{d + "/index.html.md", d + "/index.html.md.erb", d}
	if strings.HasSuffix(d, ".html") {
		out = append(out, d+".md", d+".md.erb")
	} else {
		out = append(out, d+".html.md", d+".html.md.erb")
	}
	return out
}

func linkCorpora(t *testing.T) []linkCorpus {
	var out []linkCorpus
	if dir := filepath.Join(linkCorpusDir, "gitlab-handbook"); linkIsDir(dir) {
		out = append(out, linkCorpus{
			name: "gitlab-handbook", families: filepath.Join(dir, "content/job-families"),
			roots: []string{filepath.Join(dir, "content")}, candidates: linkHugoCandidates, foldCase: true,
		})
	}
	if dir := filepath.Join(linkCorpusDir, "www-gitlab-com-2022"); linkIsDir(dir) {
		out = append(out, linkCorpus{
			name: "www-gitlab-com-2022", families: filepath.Join(dir, "sites/uncategorized/source/job-families"),
			roots:  []string{filepath.Join(dir, "sites/handbook/source"), filepath.Join(dir, "sites/uncategorized/source")},
			config: "site:\n  layout: middleman\n", candidates: linkMiddlemanCandidates,
		})
	}
	if len(out) == 0 {
		t.Skipf("corpus not found at %s: skipping", linkCorpusDir)
	}
	return out
}

// linkShown is a corpus file's path as a failing test prints it: withheld
// for a page of the accuracy yardstick's checking half (split.Shown).
func linkShown(p string) string {
	return split.Shown(linkRel(p))
}

// linkShownText is a finding's text as a failing test prints it.
func linkShownText(p, text string) string {
	return split.ShownText(linkRel(p), text)
}

// linkRel is a path relative to the corpus root, as the split is keyed.
func linkRel(p string) string {
	if rel, err := filepath.Rel(linkCorpusDir, p); err == nil {
		return filepath.ToSlash(rel)
	}
	return p
}

func linkIsDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// linkFileExists reports whether a file exists below root, optionally ignoring
// case (Hugo lower-cases URLs).
func linkFileExists(root, rel string, fold bool) bool {
	rel = strings.Trim(rel, "/")
	if !fold {
		st, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
		return err == nil && !st.IsDir()
	}
	cur := root
	for _, seg := range strings.Split(rel, "/") {
		ents, err := os.ReadDir(cur)
		if err != nil {
			return false
		}
		next := ""
		for _, e := range ents {
			if strings.EqualFold(e.Name(), seg) {
				next = filepath.Join(cur, e.Name())
				break
			}
		}
		if next == "" {
			return false
		}
		cur = next
	}
	st, err := os.Stat(cur)
	return err == nil && !st.IsDir()
}

func (c linkCorpus) served(u string) bool {
	if dec, err := url.PathUnescape(u); err == nil {
		u = dec
	}
	for _, root := range c.roots {
		for _, cand := range c.candidates(u) {
			if linkFileExists(root, cand, c.foldCase) {
				return true
			}
		}
	}
	return false
}

func (c linkCorpus) lint(t *testing.T, extra map[string]string, rules ...string) *lint.Result {
	t.Helper()
	return c.run(t, extra, false, rules...)
}

// lintModels is lint, keeping the pages' models for the test to read.
func (c linkCorpus) lintModels(t *testing.T, rules ...string) *lint.Result {
	t.Helper()
	return c.run(t, nil, true, rules...)
}

func (c linkCorpus) run(t *testing.T, extra map[string]string, keep bool, rules ...string) *lint.Result {
	t.Helper()
	cfg := lint.DefaultConfig()
	if c.config != "" {
		var err error
		if cfg, err = lint.ParseConfig(filepath.Join(t.TempDir(), ".ladderlint.yml"), []byte(c.config)); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{}
	_ = filepath.WalkDir(c.families, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return nil
	})
	for p, s := range extra {
		files[p] = s
	}
	if keep {
		return linttest.LintKeepModels(t, cfg, files, rules...)
	}
	return linttest.Lint(t, cfg, files, rules...)
}

var linkNoPageRE = regexp.MustCompile(`^no (?:page|file) at (\S+)`)

// TestLinkTargetCorpus: no link-target finding names a page that exists in
// the tree.
func TestLinkTargetCorpus(t *testing.T) {
	for _, c := range linkCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			res := c.lint(t, nil, "link-target")
			n := 0
			for _, f := range res.Findings {
				m := linkNoPageRE.FindStringSubmatch(f.Message)
				if m == nil {
					continue
				}
				n++
				if c.served(m[1]) {
					t.Errorf("%s:%d: %s, but the tree has it", linkShown(f.Path), f.Line, linkShownText(f.Path, f.Message))
				}
			}
			t.Logf("%d files, %d link-target findings (%d missing pages or files)", len(res.Files), len(res.Findings), n)
		})
	}
}

// linkPlainHeading is a heading whose ID every generator agrees on: letters,
// digits and single spaces only.
var linkPlainHeading = regexp.MustCompile(`^#{2,4} ([A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*)\s*$`)

// linkPlainAnchors returns the IDs of a page's plain headings that occur once,
// read line by line outside fenced code.
func linkPlainAnchors(src []byte) []string {
	count := map[string]int{}
	var order []string
	fence := false
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		if m := linkPlainHeading.FindStringSubmatch(line); m != nil {
			id := strings.ToLower(strings.ReplaceAll(m[1], " ", "-"))
			if count[id] == 0 {
				order = append(order, id)
			}
			count[id]++
		}
	}
	var out []string
	for _, id := range order {
		if count[id] == 1 && !strings.HasSuffix(id, "-1") && !strings.HasSuffix(id, "-2") {
			out = append(out, id)
		}
	}
	return out
}

// firstPlainPage returns the URL of a page of the tree (not a template)
// with a plain heading, and that heading's ID.
func (c linkCorpus) firstPlainPage(t *testing.T, under string) (string, string) {
	t.Helper()
	var pageURL, id string
	root := c.roots[0]
	_ = filepath.WalkDir(filepath.Join(root, under), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || id != "" || !strings.HasSuffix(p, ".md") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil || bytes.Contains(b, []byte("{{")) || bytes.Contains(b, []byte("<%")) {
			return nil
		}
		ids := linkPlainAnchors(b)
		if len(ids) == 0 {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		dir, base := path.Split(rel)
		switch {
		case base == "_index.md" || base == "index.md" || base == "index.html.md":
			pageURL = "/" + dir
		case strings.HasSuffix(base, ".html.md"):
			pageURL = "/" + dir + strings.TrimSuffix(base, ".md")
		default:
			pageURL = "/" + dir + strings.TrimSuffix(base, ".md") + "/"
		}
		if c.foldCase {
			pageURL = strings.ToLower(pageURL)
		}
		id = ids[0]
		return nil
	})
	if id == "" {
		t.Fatalf("no page with a plain heading under %s", under)
	}
	return pageURL, id
}

// TestLinkRulesCorpusPlanted plants a page with broken and valid links of
// every kind into each real tree (in memory: the tree is not written) and
// checks which are found.
func TestLinkRulesCorpusPlanted(t *testing.T) {
	for _, c := range linkCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			target, id := c.firstPlainPage(t, "handbook")
			own := "https://handbook.gitlab.com"
			if c.name == "www-gitlab-com-2022" {
				own = "https://about.gitlab.com"
			}
			planted := filepath.Join(c.families, "zz-planted", "links.md")
			src := fmt.Sprintf(`---
title: Planted links
---

## Planted heading

[same page](#planted-heading) and [cross page](%[1]s#%[2]s) and [own site](%[3]s%[1]s). <!-- link-style -->
[broken page](/handbook/zz-planted-no-such-page/) <!-- link-target -->
[broken fragment](%[1]s#zz-planted-no-such-anchor) <!-- link-fragment -->
[broken same-page fragment](#zz-planted-missing) <!-- link-fragment -->
[broken ref]({{< ref "zz-planted-no-such-page" >}}) <!-- link-target -->
[own-site URL](%[3]s%[1]s#%[2]s) <!-- link-style -->
[broken own-site URL](%[3]s/handbook/zz-planted-gone/) <!-- link-target -->
`, target, id, own)
			res := c.lint(t, map[string]string{planted: src}, "link-target", "link-fragment", "link-style")
			want := map[int][]string{}
			for i, line := range strings.Split(src, "\n") {
				if j := strings.Index(line, "<!-- "); j >= 0 {
					want[i+1] = strings.Fields(strings.TrimSuffix(line[j+5:], " -->"))
				}
			}
			got := map[int][]string{}
			for _, f := range res.Findings {
				if f.Path == lint.DisplayPath(planted) {
					got[f.Line] = append(got[f.Line], f.Rule)
				}
			}
			for line, rules := range want {
				sort.Strings(rules)
				sort.Strings(got[line])
				if strings.Join(got[line], " ") != strings.Join(rules, " ") {
					t.Errorf("line %d: found %v, want %v", line, got[line], rules)
				}
			}
			for line, rules := range got {
				if want[line] == nil {
					t.Errorf("line %d: unexpected %v", line, rules)
				}
			}
		})
	}
}

// TestLinkFragmentCorpusValid: a real link whose fragment names a plain
// heading of its target page (found by reading the page's lines, not
// through the index) is never reported.
func TestLinkFragmentCorpusValid(t *testing.T) {
	for _, c := range linkCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			res := c.lintModels(t, "link-fragment")
			reported := map[string]bool{}
			for _, f := range res.Findings {
				reported[fmt.Sprintf("%s:%d:%d", f.Path, f.Line, f.Column)] = true
			}
			checked := 0
			for _, fr := range res.Files {
				src := fr.Family.Source.Text
				same := map[string]bool{}
				for _, id := range linkPlainAnchors(src) {
					same[id] = true
				}
				for _, l := range fr.Family.Links {
					if l.Fragment == "" || l.Kind == model.LinkAuto {
						continue
					}
					ok := false
					switch {
					case l.Path == "" && !l.Shortcode():
						ok = same[l.Fragment]
					case strings.HasPrefix(l.Path, "/") && !l.Shortcode():
						ok = c.hasPlainAnchor(l.Path, l.Fragment)
					}
					if !ok {
						continue
					}
					checked++
					pos := fr.Family.Source.Position(l.DestSpan.Start)
					if key := fmt.Sprintf("%s:%d:%d", fr.Path, pos.Line, pos.Column); reported[key] {
						t.Errorf("%s:%d:%d: valid fragment #%s reported", linkShown(fr.Path), pos.Line, pos.Column, linkShownText(fr.Path, l.Fragment))
					}
				}
			}
			if checked == 0 {
				t.Error("no valid fragment found to check")
			}
			t.Logf("%d valid fragments checked, %d link-fragment findings", checked, len(res.Findings))
		})
	}
}

func (c linkCorpus) hasPlainAnchor(u, frag string) bool {
	for _, root := range c.roots {
		for _, cand := range c.candidates(u) {
			if strings.HasSuffix(cand, ".erb") {
				continue
			}
			p := filepath.Join(root, filepath.FromSlash(strings.Trim(cand, "/")))
			b, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			for _, id := range linkPlainAnchors(b) {
				if id == frag {
					return true
				}
			}
			return false
		}
	}
	return false
}
