package rules

import (
	"gitlab.com/ladderlint/ladderlint/internal/split"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

// The grade rules on the real handbooks in ../shared/corpus (skipped when
// absent): every rule runs over both corpora, and pages mutated the ways
// people get grades wrong are caught while the pages as written are not.

const gradeCorpusRoot = "../../shared/corpus"

var gradeCorpora = []string{
	"gitlab-handbook/content/job-families",
	"www-gitlab-com-2022/sites/uncategorized/source/job-families",
}

var gradeRuleIDs = []string{"grade-format", "grade-order", "grade-title-mismatch", "grade-consistency", "grade-missing", "role-placement"}

// corpusFiles reads the pages of one corpus folder, keyed by their path
// relative to the corpus root.
func corpusFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	root := filepath.Join(gradeCorpusRoot, dir)
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s: skipping the real-data test", root)
	}
	files := map[string]string{}
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() || !(strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".md.erb")) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(gradeCorpusRoot, p)
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("only %d pages in %s", len(files), root)
	}
	return files
}

// TestGradeRulesCorpus runs every grade rule over each corpus as one run
// (grade-consistency sees the whole handbook) and checks the findings are
// well placed; the counts are logged for the record.
func TestGradeRulesCorpus(t *testing.T) {
	for _, dir := range gradeCorpora {
		t.Run(strings.SplitN(dir, "/", 2)[0], func(t *testing.T) {
			files := corpusFiles(t, dir)
			res := linttest.Lint(t, nil, files, gradeRuleIDs...)
			counts := map[string]int{}
			for _, f := range res.Findings {
				counts[f.Rule+" "+f.Severity.String()]++
				src, ok := files[f.Path]
				if !ok {
					t.Errorf("finding in an unknown file %s", split.Shown(f.Path))
					continue
				}
				// a failure names a checking-half page's finding by its rule only
				if f.Line < 1 || f.Line > strings.Count(src, "\n")+1 || f.Column < 1 {
					t.Errorf("%s: %s finding's position outside the file", split.Shown(f.Path), f.Rule)
				}
				if f.Role == "" || f.Message == "" || f.Fingerprint == "" {
					t.Errorf("%s: %s finding without role, message or fingerprint", split.Shown(f.Path), f.Rule)
				}
			}
			var keys []string
			for k := range counts {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				t.Logf("%s: %d", k, counts[k])
			}
		})
	}
}

// gradeSentenceRE is the dominant grade sentence, read from the raw text:
// "The <title> is a [grade N](<link>)".
var gradeSentenceRE = regexp.MustCompile(`^The (.+?) is a \[grade (\d+)\]\(`)

// ladderPair is two levels of a page that differ by one seniority word:
// "Backend Engineer" and "Senior Backend Engineer", each with its own
// heading and grade sentence.
type ladderPair struct {
	path                      string
	lines                     []string
	lower, higher             string // titles
	lowGrade, highGrade       int
	lowHead, highHead         int // heading line indexes
	lowSentence, highSentence int // grade sentence line indexes
	level                     int // heading depth of both
}

// ladderPairs finds such pairs in the raw text, without the model: the
// lower level's block is followed directly by the higher one's.
func ladderPairs(files map[string]string) []ladderPair {
	var out []ladderPair
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, path := range paths {
		lines := strings.Split(files[path], "\n")
		type head struct{ line, level int }
		heads := map[string]head{}
		var order []head
		sentences := map[string][2]int{} // title -> line, grade
		for i, l := range lines {
			if strings.HasPrefix(l, "#") {
				lv := len(l) - len(strings.TrimLeft(l, "#"))
				title := strings.TrimSpace(l[lv:])
				if _, dup := heads[title]; !dup {
					heads[title] = head{i, lv}
				} else {
					heads[title] = head{-1, lv} // ambiguous: a title written twice
				}
				order = append(order, head{i, lv})
			}
			if m := gradeSentenceRE.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
				g, _ := strconv.Atoi(m[2])
				if _, dup := sentences[m[1]]; !dup {
					sentences[m[1]] = [2]int{i, g}
				}
			}
		}
		for lower, ls := range sentences {
			higher := nextTitle(lower)
			hs, ok := sentences[higher]
			lh, okL := heads[lower]
			hh, okH := heads[higher]
			if !ok || !okL || !okH || lh.line < 0 || hh.line < 0 || lh.level != hh.level || hs[1] <= ls[1] || lh.line > hh.line {
				continue
			}
			// adjacent blocks, each holding its grade sentence: no heading
			// of their depth or above between the lower heading and the
			// higher one, nor between the higher heading and its sentence
			inBlock := ls[0] > lh.line && ls[0] < hh.line && hs[0] > hh.line
			for _, h := range order {
				if h.level <= lh.level && ((h.line > lh.line && h.line < hh.line) || (h.line > hh.line && h.line < hs[0])) {
					inBlock = false
				}
			}
			if !inBlock {
				continue
			}
			out = append(out, ladderPair{
				path: path, lines: lines, lower: lower, higher: higher, lowGrade: ls[1], highGrade: hs[1],
				lowHead: lh.line, highHead: hh.line, lowSentence: ls[0], highSentence: hs[0], level: lh.level,
			})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path+out[i].lower < out[j].path+out[j].lower })
	return out
}

// nextTitle is the title one step above a title, by the handbook's
// naming: "X" and "Intermediate X" to "Senior X", "Senior X" to "Staff X",
// "Staff X" to "Principal X", "Manager, X" to "Senior Manager, X",
// "Director, X" to "Senior Director, X".
func nextTitle(t string) string {
	switch {
	case strings.HasPrefix(t, "Intermediate "):
		return "Senior " + strings.TrimPrefix(t, "Intermediate ")
	case strings.HasPrefix(t, "Senior "):
		return "Staff " + strings.TrimPrefix(t, "Senior ")
	case strings.HasPrefix(t, "Staff "):
		return "Principal " + strings.TrimPrefix(t, "Staff ")
	}
	return "Senior " + t
}

// withLine returns the page with line i replaced.
func (lp ladderPair) withLine(i int, s string) string {
	lines := append([]string(nil), lp.lines...)
	lines[i] = s
	return strings.Join(lines, "\n")
}

// swapped returns the page with the two levels' blocks swapped.
func (lp ladderPair) swapped() string {
	end := len(lp.lines)
	for i := lp.highHead + 1; i < len(lp.lines); i++ {
		l := lp.lines[i]
		if strings.HasPrefix(l, "#") && len(l)-len(strings.TrimLeft(l, "#")) <= lp.level {
			end = i
			break
		}
	}
	var out []string
	out = append(out, lp.lines[:lp.lowHead]...)
	out = append(out, lp.lines[lp.highHead:end]...)
	if end == len(lp.lines) {
		out = append(out, "")
	}
	out = append(out, lp.lines[lp.lowHead:lp.highHead]...)
	out = append(out, lp.lines[end:]...)
	return strings.Join(out, "\n")
}

func findingsOf(res *lint.Result, rule string) []lint.Finding {
	var out []lint.Finding
	for _, f := range res.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// mentioning returns the findings whose message names all of the words.
func mentioning(fs []lint.Finding, words ...string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		ok := true
		for _, w := range words {
			if !strings.Contains(f.Message, w) {
				ok = false
			}
		}
		if ok {
			out = append(out, f)
		}
	}
	return out
}

// TestGradeMutations mutates real pages and checks each mutation is caught,
// and the page as written is not reported for it.
func TestGradeMutations(t *testing.T) {
	var pairs []ladderPair
	for _, dir := range gradeCorpora {
		root := filepath.Join(gradeCorpusRoot, dir)
		if _, err := os.Stat(root); err != nil {
			t.Skipf("corpus not found at %s: skipping the real-data test", root)
		}
		pairs = append(pairs, ladderPairs(corpusFiles(t, dir))...)
	}
	if len(pairs) < 10 {
		t.Fatalf("only %d level pairs found in the corpus", len(pairs))
	}
	t.Logf("%d level pairs", len(pairs))
	lint1 := func(path, text string, rules ...string) *lint.Result {
		return linttest.Lint(t, nil, map[string]string{path: text}, rules...)
	}
	for _, lp := range pairs {
		name := split.Shown(lp.path) + ": " + lp.higher
		orig := strings.Join(lp.lines, "\n")
		base := lint1(lp.path, orig, "grade-order", "grade-title-mismatch", "grade-format")

		// a level's grade lowered to the one below it, or under it
		if got := mentioning(findingsOf(base, "grade-order"), lp.higher, lp.lower); len(got) > 0 {
			t.Errorf("%s: reported as written: %s", name, split.ShownText(lp.path, got[0].Message))
		}
		for _, g := range []int{lp.lowGrade, lp.lowGrade - 1} {
			text := lp.withLine(lp.highSentence, strings.Replace(lp.lines[lp.highSentence], "[grade "+strconv.Itoa(lp.highGrade)+"]", "[grade "+strconv.Itoa(g)+"]", 1))
			got := mentioning(findingsOf(lint1(lp.path, text, "grade-order"), "grade-order"), lp.higher, lp.lower, "grade "+strconv.Itoa(g))
			if len(got) == 0 || got[0].Line != lp.highSentence+1 {
				t.Errorf("%s: grade lowered to %d not reported on line %d: %v", name, g, lp.highSentence+1, got)
			}
		}

		// the two levels listed the other way round
		got := mentioning(findingsOf(lint1(lp.path, lp.swapped(), "grade-order"), "grade-order"), lp.lower, "listed after the more senior "+lp.higher)
		if len(got) == 0 {
			t.Errorf("%s: levels swapped, not reported", name)
		}
		if got := mentioning(findingsOf(base, "grade-order"), "listed after the more senior "+lp.higher); len(got) > 0 {
			t.Errorf("%s: order reported as written: %s", name, split.ShownText(lp.path, got[0].Message))
		}

		// the higher level's grade sentence naming the lower level
		if got := findingsOf(base, "grade-title-mismatch"); len(mentioning(got, "not "+lp.higher+",")) > 0 {
			t.Errorf("%s: grade sentence reported as written", name)
		}
		text := lp.withLine(lp.highSentence, strings.Replace(lp.lines[lp.highSentence], "The "+lp.higher+" is", "The "+lp.lower+" is", 1))
		// (on the grade sentence, or on the first of the level's places
		// that give that name too, the finding standing for them all)
		got = mentioning(findingsOf(lint1(lp.path, text, "grade-title-mismatch"), "grade-title-mismatch"), " "+lp.lower+", not "+lp.higher)
		if len(got) == 0 || got[0].Line != lp.highSentence+1 && !slices.Contains(got[0].Places, lp.highSentence+1) {
			t.Errorf("%s: grade sentence naming %s not reported on line %d", name, lp.lower, lp.highSentence+1)
		}

		// a grade that is not a number, not whole, or out of range (a
		// sentence the page left without its full stop is a real finding of
		// its own, not one these mutations are about)
		var written []lint.Finding
		for _, f := range mentioning(findingsOf(base, "grade-format"), lp.higher) {
			if !strings.Contains(f.Message, "has no closing period") {
				written = append(written, f)
			}
		}
		if got := written; len(got) > 0 {
			t.Errorf("%s: grade format reported as written: %s", name, split.ShownText(lp.path, got[0].Message))
		}
		for raw, want := range map[string]string{"#": "is not a number", "7.5": "is not a whole number", "42": "is outside the grade range"} {
			text := lp.withLine(lp.highSentence, strings.Replace(lp.lines[lp.highSentence], "[grade "+strconv.Itoa(lp.highGrade)+"]", "[grade "+raw+"]", 1))
			got := mentioning(findingsOf(lint1(lp.path, text, "grade-format"), "grade-format"), lp.higher, want)
			if len(got) == 0 || got[0].Line != lp.highSentence+1 {
				t.Errorf("%s: grade %q not reported (%s) on line %d", name, raw, want, lp.highSentence+1)
			}
		}

		// the same title graded differently in two files
		copyPath := strings.TrimSuffix(lp.path, ".md") + "-copy.md"
		same := linttest.Lint(t, nil, map[string]string{lp.path: orig, copyPath: orig}, "grade-consistency")
		if got := mentioning(findingsOf(same, "grade-consistency"), "here but"); len(got) > 0 {
			t.Errorf("%s: two copies of the page reported: %s", name, split.ShownText(lp.path, got[0].Message))
		}
		other := strconv.Itoa(lp.highGrade + 1)
		changed := lp.withLine(lp.highSentence, strings.Replace(lp.lines[lp.highSentence], "[grade "+strconv.Itoa(lp.highGrade)+"]", "[grade "+other+"]", 1))
		res := linttest.Lint(t, nil, map[string]string{lp.path: orig, copyPath: changed}, "grade-consistency")
		for path, want := range map[string]string{lp.path: "a grade " + other + " in " + copyPath, copyPath: "a grade " + strconv.Itoa(lp.highGrade) + " in " + lp.path} {
			found := false
			for _, f := range mentioning(findingsOf(res, "grade-consistency"), lp.higher, want) {
				if f.Path == path && f.Line == lp.highSentence+1 {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: the title graded differently in two files not reported in %s (%q)", name, path, want)
			}
		}
	}
}
