package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// Text prints one finding a line, as editors and terminals expect:
//
//	path:line:col: severity rule-id: message
//
// followed by the word diff where the rule has one, and a summary line;
// with many findings, a line above it counts them per rule.
type Text struct{ Color bool }

func init() { register("text", func(o Options) Reporter { return &Text{Color: o.Color} }) }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
	ansiStrike = "\x1b[9m"
)

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

// Write implements Reporter. The report is written as it is made, through
// a buffer, rather than built whole first: a run's text report is several
// megabytes on a large handbook.
func (t *Text) Write(w io.Writer, r *Report) error {
	b := bufio.NewWriterSize(w, 64<<10)
	for _, f := range r.Findings {
		sev := f.Severity.String()
		switch f.Severity {
		case lint.Error:
			sev = t.paint(ansiRed+ansiBold, sev)
		case lint.Warning:
			sev = t.paint(ansiYellow, sev)
		default:
			sev = t.paint(ansiCyan, sev)
		}
		fmt.Fprintf(b, "%s: %s %s: %s\n", t.paint(ansiBold, fmt.Sprintf("%s:%d:%d", f.Path, f.Line, f.Column)), sev, t.paint(ansiDim, f.Rule), f.Message)
		if f.Diff != "" {
			for _, line := range strings.Split(f.Diff, "\n") {
				fmt.Fprintf(b, "    %s\n", t.diff(line))
			}
		}
	}
	sum := lint.Summary(r.Findings)
	files := len(r.Files)
	if len(r.Findings) >= ManyFindings {
		fmt.Fprintf(b, "by rule: %s\n", byRule(r.Findings))
	}
	if len(r.Findings) == 0 {
		fmt.Fprintf(b, "%s in %d %s\n", t.paint(ansiGreen, "no findings"), files, plural(files, "file"))
	} else {
		fmt.Fprintf(b, "%d %s in %d %s: %d %s, %d %s, %d info\n", len(r.Findings), plural(len(r.Findings), "finding"), files, plural(files, "file"),
			sum[lint.Error], plural(sum[lint.Error], "error"), sum[lint.Warning], plural(sum[lint.Warning], "warning"), sum[lint.Info])
	}
	return b.Flush()
}

// ManyFindings is the number of findings from which the text report
// counts them per rule, on a line above the summary.
const ManyFindings = 10

// byRule counts findings per rule, most frequent first, then by rule ID:
// "link-style 18, required-bullet 7".
func byRule(findings []lint.Finding) string {
	counts := map[string]int{}
	var ids []string
	for _, f := range findings {
		if counts[f.Rule] == 0 {
			ids = append(ids, f.Rule)
		}
		counts[f.Rule]++
	}
	sort.Slice(ids, func(i, j int) bool {
		if counts[ids[i]] != counts[ids[j]] {
			return counts[ids[i]] > counts[ids[j]]
		}
		return ids[i] < ids[j]
	})
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s %d", id, counts[id])
	}
	return strings.Join(parts, ", ")
}

// diff colours a [-old-]{+new+} word diff on a terminal: deletions red and
// struck through, insertions green, markers dropped.
func (t *Text) diff(s string) string {
	if !t.Color {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		del, ins := strings.Index(s, "[-"), strings.Index(s, "{+")
		i, open, close, code := -1, "", "", ""
		switch {
		case del >= 0 && (ins < 0 || del < ins):
			i, open, close, code = del, "[-", "-]", ansiRed+ansiStrike
		case ins >= 0:
			i, open, close, code = ins, "{+", "+}", ansiGreen
		}
		if i < 0 {
			b.WriteString(s)
			break
		}
		end := strings.Index(s[i+len(open):], close)
		if end < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		b.WriteString(code + s[i+len(open):i+len(open)+end] + ansiReset)
		s = s[i+len(open)+end+len(close):]
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
