package rules

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

// ladderDir holds public ladders of other organisations, copied where
// their licence allows (see its SOURCES.md); levels.tsv gives their
// levels as counted by hand.
const ladderDir = "../testdata/ladders"

type countedLadder struct {
	path   string // under ladderDir; a folder ends in "/"
	levels int
	set    string // seen or unseen
}

func readLevels(t *testing.T) []countedLadder {
	fh, err := os.Open(filepath.Join(ladderDir, "levels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []countedLadder
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 {
			t.Fatalf("levels.tsv: %q: want path, levels, how, set", line)
		}
		n, err := strconv.Atoi(cols[1])
		if err != nil {
			t.Fatalf("levels.tsv: %q: %v", line, err)
		}
		out = append(out, countedLadder{cols[0], n, cols[3]})
	}
	return out
}

func genericOptions(t *testing.T) (*lint.Config, shape.Options) {
	cfg, err := lint.ProfileConfig("generic")
	if err != nil {
		t.Fatal(err)
	}
	return cfg, shape.Options{Ladder: ladder.New(cfg.Grades.Tracks), Sections: cfg.Sections}
}

func parseFile(t *testing.T, p string) *model.Family {
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return model.Parse(filepath.ToSlash(p), data)
}

// modelledLevels counts the levels the generic profile finds in a ladder:
// a page's heading ladder, or a folder's pages.
func modelledLevels(t *testing.T, o shape.Options, c countedLadder) int {
	p := filepath.Join(ladderDir, c.path)
	if strings.HasSuffix(c.path, "/") {
		var files []*model.Family
		ents, err := os.ReadDir(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".md") && e.Name() != "NOTICE.md" {
				files = append(files, parseFile(t, filepath.Join(p, e.Name())))
			}
		}
		n := 0
		for _, l := range shape.PageLadders(files, o, func(*model.Family) bool { return false }) {
			n += len(l.Levels)
		}
		return n
	}
	// a page's ladder is its headings'; a table beside them summarises
	// them. Without headings, the largest table is the ladder.
	heads, table := 0, 0
	for _, l := range shape.Find(parseFile(t, p), o) {
		if l.From == "headings" {
			heads += len(l.Levels)
		} else {
			table = max(table, len(l.Levels))
		}
	}
	if heads > 0 {
		return heads
	}
	return table
}

// TestLaddersLevelsModelled compares the levels the generic profile
// models with the levels counted by hand: at least 95% of them, and no
// more levels than there are.
func TestLaddersLevelsModelled(t *testing.T) {
	_, o := genericOptions(t)
	for _, set := range []string{"seen", "unseen"} {
		counted, got, over := 0, 0, 0
		for _, c := range readLevels(t) {
			if c.set != set {
				continue
			}
			n := modelledLevels(t, o, c)
			t.Logf("%s %s: %d of %d levels", set, c.path, n, c.levels)
			counted += c.levels
			got += min(n, c.levels)
			over += max(n-c.levels, 0)
		}
		if counted == 0 {
			continue
		}
		t.Logf("%s: %d of %d levels modelled (%.1f%%), %d too many", set, got, counted, 100*float64(got)/float64(counted), over)
		if float64(got) < 0.95*float64(counted) {
			t.Errorf("%s: %d of %d levels modelled, want at least 95%%", set, got, counted)
		}
		if float64(over) > 0.05*float64(counted) {
			t.Errorf("%s: %d levels too many", set, over)
		}
	}
}

// gitlabWording is what only GitLab's policy asks for.
var gitlabWording = regexp.MustCompile(`(?i)front matter|job grade|hiring process|ability to use gitlab|grade table|we're hiring|root-relative`)

// TestLaddersNoGitLabFinding lints the ladders with the generic profile:
// no GitLab-only rule runs, and no finding speaks of GitLab's policy.
func TestLaddersNoGitLabFinding(t *testing.T) {
	cfg, _ := genericOptions(t)
	var inputs []lint.Input
	err := filepath.Walk(ladderDir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".md") || filepath.Base(p) == "NOTICE.md" || filepath.Base(p) == "SOURCES.md" {
			return err
		}
		data, err := os.ReadFile(p)
		inputs = append(inputs, lint.Input{Path: p, Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	res := linttest.RunInputs(t, cfg, inputs)
	gitlabOnly := map[string]bool{}
	for _, id := range []string{"frontmatter", "required-sections", "required-bullet", "vacancy-wording", "grade-format",
		"grade-missing", "grade-order", "grade-consistency", "grade-title-mismatch", "career-ladder", "role-placement",
		"specialty-boilerplate", "link-style", "years-of-experience", "location-requirement"} {
		gitlabOnly[id] = true
	}
	for _, f := range res.Findings {
		if gitlabOnly[f.Rule] || gitlabWording.MatchString(f.Message) {
			t.Errorf("%s:%d: GitLab-only finding under the generic profile: %s: %s", f.Path, f.Line, f.Rule, f.Message)
		}
	}
	if len(res.Findings) == 0 {
		t.Error("no findings at all: the ladders hold known defects (an empty level)")
	}
}
