package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// ApplyFixes applies the fixes of findings to src. Overlapping edits are
// skipped (the later finding's fix waits for the next run), except an edit
// the same as the one just made, which two rules can propose for one word
// ("teh" is a misspelling and a house rule): it counts as applied. It returns the
// new text and the fingerprints of the findings whose fixes were applied.
func ApplyFixes(src []byte, findings []Finding) ([]byte, []string) {
	type edit struct {
		Edit
		fp string
	}
	var edits []edit
	for _, f := range findings {
		for _, e := range f.Fixes {
			edits = append(edits, edit{e, f.Fingerprint})
		}
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	var out []byte
	last := 0
	applied := map[string]bool{}
	skipped := map[string]bool{}
	var made *Edit
	for _, e := range edits {
		if made != nil && e.Span == made.Span && e.New == made.New {
			applied[e.fp] = true
			continue
		}
		if e.Span.Start < last || e.Span.End > len(src) || e.Span.Start > e.Span.End {
			skipped[e.fp] = true
			continue
		}
		out = append(out, src[last:e.Span.Start]...)
		out = append(out, e.New...)
		last = e.Span.End
		applied[e.fp] = true
		made = &e.Edit
	}
	out = append(out, src[last:]...)
	var fps []string
	for fp := range applied {
		if !skipped[fp] {
			fps = append(fps, fp)
		}
	}
	sort.Strings(fps)
	return out, fps
}

// UnifiedDiff returns a unified diff (3 lines of context) between two
// versions of a file, or "" when they are equal.
func UnifiedDiff(path, a, b string) string {
	if a == b {
		return ""
	}
	dmp := diffmatchpatch.New()
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	type line struct {
		op   diffmatchpatch.Operation
		text string
	}
	var ls []line
	for _, d := range diffs {
		text := strings.TrimSuffix(d.Text, "\n")
		for _, l := range strings.Split(text, "\n") {
			ls = append(ls, line{d.Type, l})
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- a/%s\n+++ b/%s\n", path, path)
	const ctx = 3
	for i := 0; i < len(ls); {
		if ls[i].op == diffmatchpatch.DiffEqual {
			i++
			continue
		}
		// a hunk: from ctx lines before the change to ctx lines after the last change near it
		start := max(0, i-ctx)
		end := i
		for end < len(ls) {
			if ls[end].op != diffmatchpatch.DiffEqual {
				end++
				continue
			}
			run := end
			for run < len(ls) && ls[run].op == diffmatchpatch.DiffEqual {
				run++
			}
			if run < len(ls) && run-end <= 2*ctx {
				end = run
				continue
			}
			end = min(len(ls), end+ctx)
			break
		}
		aStart, bStart := 1, 1
		for _, l := range ls[:start] {
			if l.op != diffmatchpatch.DiffInsert {
				aStart++
			}
			if l.op != diffmatchpatch.DiffDelete {
				bStart++
			}
		}
		aLen, bLen := 0, 0
		var body strings.Builder
		for _, l := range ls[start:end] {
			switch l.op {
			case diffmatchpatch.DiffEqual:
				aLen++
				bLen++
				body.WriteString(" " + l.text + "\n")
			case diffmatchpatch.DiffDelete:
				aLen++
				body.WriteString("-" + l.text + "\n")
			case diffmatchpatch.DiffInsert:
				bLen++
				body.WriteString("+" + l.text + "\n")
			}
		}
		fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@\n%s", aStart, aLen, bStart, bLen, body.String())
		i = end
	}
	return sb.String()
}
