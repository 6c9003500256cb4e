package rules

import (
	"bufio"
	"bytes"
	"encoding/json"
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
			if strings.HasSuffix(e.Name(), ".md") && !strings.HasPrefix(e.Name(), "NOTICE") {
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
	// them, unless it holds another track (below). Without headings, the page's tables model the distinct levels
	// they hold together: a page may write one track per table (ICs in
	// one, managers in the next), or one dimension per table, each
	// repeating the same levels; a level is counted once by its title.
	// A table whose levels share none with the headings' and write their
	// codes in another format is another track (Sourcegraph's IC1-IC5
	// headed, M3-M6 in a table after them): its levels count too.
	heads := 0
	var headLevels []*shape.Level
	var tables []*shape.Ladder
	inTables := map[string]bool{}
	key := func(v *shape.Level) string { return strings.ToLower(strings.Join(strings.Fields(v.Title), " ")) }
	for _, l := range shape.Find(parseFile(t, p), o) {
		if l.From == "headings" {
			heads += len(l.Levels)
			headLevels = append(headLevels, l.Levels...)
			continue
		}
		tables = append(tables, l)
		for _, v := range l.Levels {
			inTables[key(v)] = true
		}
	}
	if heads == 0 {
		return len(inTables)
	}
	headKeys, headFormats := map[string]bool{}, map[string]bool{}
	for _, v := range headLevels {
		headKeys[key(v)] = true
		if v.Code != nil {
			headFormats[v.Code.Format] = true
		}
	}
	other := map[string]bool{}
	for _, l := range tables {
		apart := len(headFormats) > 0
		for _, v := range l.Levels {
			if headKeys[key(v)] || v.Code == nil || headFormats[v.Code.Format] {
				apart = false
			}
		}
		if apart {
			for _, v := range l.Levels {
				other[key(v)] = true
			}
		}
	}
	return heads + len(other)
}

// TestLaddersLevelsModelled compares the levels the generic profile
// models with the levels counted by hand. The seen set (ladders the
// detector was changed for) must be read: at least 95% of its levels, and
// no more than 5% too many. The unseen set is a measurement, not a gate:
// its figure against the target of 95% is logged and kept in
// MEASURED.md, a new round of ladders lands however well it is read, and
// no ladder is kept out of the folder to hold a figure. What the test
// holds for every ladder, seen or unseen, is modelled.tsv: the levels it
// modelled (and the ones too many) when last recorded, so a change that
// reads fewer of any ladder's levels, or more that are not there, fails.
// `go test ./rules -run TestLaddersLevelsModelled -update` records them
// (do it when a round lands or a ladder is taught; the diff shows what
// moved).
func TestLaddersLevelsModelled(t *testing.T) {
	_, o := genericOptions(t)
	recorded := readModelled(t)
	now := map[string][2]int{}
	for _, set := range []string{"seen", "unseen"} {
		counted, got, over := 0, 0, 0
		for _, c := range readLevels(t) {
			if c.set != set {
				continue
			}
			n := modelledLevels(t, o, c)
			t.Logf("%s %s: %d of %d levels", set, c.path, n, c.levels)
			g, v := min(n, c.levels), max(n-c.levels, 0)
			now[c.path] = [2]int{g, v}
			counted += c.levels
			got += g
			over += v
			if r, ok := recorded[c.path]; !ok {
				if !*update {
					t.Errorf("%s: no row in modelled.tsv: record it with -update", c.path)
				}
			} else if !*update && (g < r[0] || v > r[1]) {
				t.Errorf("%s: %d of %d levels modelled and %d too many, recorded %d and %d", c.path, g, c.levels, v, r[0], r[1])
			}
		}
		if counted == 0 {
			continue
		}
		share := float64(got) / float64(counted)
		t.Logf("%s: %d of %d levels modelled (%.1f%%), %d too many", set, got, counted, 100*share, over)
		if set == "unseen" {
			met := "met"
			if share < 0.95 || float64(over) > 0.05*float64(counted) {
				met = "not met"
			}
			t.Logf("unseen: issue 20's target (95%% of the levels, at most 5%% too many): %s", met)
			continue
		}
		if share < 0.95 {
			t.Errorf("%s: %d of %d levels modelled, want at least 95%%", set, got, counted)
		}
		if float64(over) > 0.05*float64(counted) {
			t.Errorf("%s: %d levels too many", set, over)
		}
	}
	if *update {
		writeModelled(t, now)
	}
}

// modelledFile records, for every ladder of levels.tsv, the levels the
// generic profile modelled (at most the hand count) and the ones too many.
const modelledFile = "modelled.tsv"

func readModelled(t *testing.T) map[string][2]int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(ladderDir, modelledFile))
	if err != nil {
		if os.IsNotExist(err) && *update {
			return nil
		}
		t.Fatal(err)
	}
	out := map[string][2]int{}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("%s:%d: want path, modelled, too many", modelledFile, i+1)
		}
		g, err1 := strconv.Atoi(cols[1])
		v, err2 := strconv.Atoi(cols[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s:%d: %q: want two numbers", modelledFile, i+1, line)
		}
		out[cols[0]] = [2]int{g, v}
	}
	return out
}

func writeModelled(t *testing.T, now map[string][2]int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# Levels the generic profile models of each ladder of levels.tsv (at most its hand count), and the ones too many,\n")
	b.WriteString("# as last recorded: TestLaddersLevelsModelled fails when a ladder gets fewer or more too many. Written by\n")
	b.WriteString("# go test ./rules -run TestLaddersLevelsModelled -update\n")
	b.WriteString("# path\tmodelled\ttoo many\n")
	for _, c := range readLevels(t) {
		if r, ok := now[c.path]; ok {
			b.WriteString(c.path + "\t" + strconv.Itoa(r[0]) + "\t" + strconv.Itoa(r[1]) + "\n")
		}
	}
	if err := os.WriteFile(filepath.Join(ladderDir, modelledFile), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// gitlabWording is what only GitLab's policy asks for.
var gitlabWording = regexp.MustCompile(`(?i)front matter|job grade|hiring process|ability to use gitlab|grade table|we're hiring|root-relative`)

// TestLaddersNoGitLabFinding lints the ladders with the generic profile:
// no GitLab-only rule runs, and no finding speaks of GitLab's policy.
func TestLaddersNoGitLabFinding(t *testing.T) {
	res := lintLadders(t)
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

// lintLadders lints every copied ladder with the generic profile (not the
// folder's own notes: SOURCES.md, MEASURED.md, NOTICE.md).
func lintLadders(t *testing.T) *lint.Result {
	t.Helper()
	cfg, _ := genericOptions(t)
	var inputs []lint.Input
	err := filepath.Walk(ladderDir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".md") || filepath.Dir(p) == filepath.Clean(ladderDir) || strings.HasPrefix(filepath.Base(p), "NOTICE") {
			return err
		}
		data, err := os.ReadFile(p)
		inputs = append(inputs, lint.Input{Path: p, Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return linttest.RunInputs(t, cfg, inputs)
}

// ladderVerdict is a blind judge's verdict on a generic-profile finding
// (testdata/ladders/verdicts.jsonl; see MEASURED.md for who judged what).
type ladderVerdict struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Verdict string `json:"verdict"`
	Judge   string `json:"judge"`
}

// TestLaddersJudged measures the generic profile's precision on the
// collected ladders from blind verdicts: every finding must have one (a
// new finding is judged before it lands), and TRUE findings must be at
// least 0.9 of the judged ones (DEBATABLE counts as false; ARTEFACT, a
// link to a file the copy left out, counts apart).
func TestLaddersJudged(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(ladderDir, "verdicts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// a verdict is keyed by its place, rule and message; a path in a
	// message is written from wherever the linter ran, so it is left out
	type key struct {
		file, rule, message string
		line, column        int
	}
	// (the path may hold parentheses of its own: "image (50).png")
	fromFolder := regexp.MustCompile(`\s*\((?:[^()]|\([^()]*\))*, from (?:this file's folder|the repository's root)\)`)
	verdicts := map[key]string{}
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() {
		var v ladderVerdict
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("verdicts.jsonl: %v", err)
		}
		verdicts[key{v.File, v.Rule, fromFolder.ReplaceAllString(v.Message, ""), v.Line, v.Column}] = v.Verdict // a later verdict replaces an earlier one
	}
	count := map[string]int{}
	for _, f := range lintLadders(t).Findings {
		k := key{strings.TrimPrefix(filepath.ToSlash(f.Path), "../"), f.Rule, fromFolder.ReplaceAllString(f.Message, ""), f.Line, f.Column}
		v, ok := verdicts[k]
		if !ok {
			t.Errorf("%s:%d:%d: %s: %s: no blind verdict (get it judged, see MEASURED.md)", k.file, f.Line, f.Column, f.Rule, f.Message)
			continue
		}
		count[v]++
	}
	judged := count["TRUE"] + count["FALSE"] + count["DEBATABLE"]
	t.Logf("verdicts on the current findings: %v", count)
	if judged == 0 {
		t.Fatal("no judged finding")
	}
	if p := float64(count["TRUE"]) / float64(judged); p < 0.9 {
		t.Errorf("precision %.2f (%d TRUE of %d judged), want at least 0.9", p, count["TRUE"], judged)
	}
}
