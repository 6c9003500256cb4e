package accuracy

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

func ratio(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}

var columns = []string{"rule", "labels", "found", "recall", "findings (labelled pages)", "findings (checking half)", "judged", "TRUE", "DEBATABLE", "FALSE", "precision", "artefacts", "unjudged", "labels reviewed", "rejected on review", "recall (upheld labels)"}

func (r Row) cells() []string {
	rec, rok := r.Recall()
	pre, pok := r.Precision()
	up, uok := r.RecallUpheld()
	return []string{r.Rule, fmt.Sprint(r.Labels), fmt.Sprint(r.Found), ratio(rec, rok),
		fmt.Sprint(r.FindingsLabelled), fmt.Sprint(r.Findings), fmt.Sprint(r.Judged), fmt.Sprint(r.True),
		fmt.Sprint(r.Debatable), fmt.Sprint(r.False), ratio(pre, pok), fmt.Sprint(r.Artefacts), fmt.Sprint(r.Unjudged()),
		fmt.Sprint(r.Reviewed), fmt.Sprint(r.Rejected), ratio(up, uok)}
}

func (r *Report) table() [][]string {
	var out [][]string
	for _, row := range r.Rows {
		out = append(out, row.cells())
	}
	u := r.Uncovered.cells()
	u[0] = "none (no rule covers it)"
	out = append(out, u)
	out = append(out, r.Total.cells())
	return out
}

func (r *Report) summary() []string {
	rec, rok := r.Total.Recall()
	cov, cok := r.RecallCovered()
	pre, pok := r.Total.Precision()
	lines := []string{
		fmt.Sprintf("pages: %d job-family pages, %d in the %s, %d of them labelled", r.Pages, r.CheckingPages, HalfName(), r.LabelledPages),
		fmt.Sprintf("overall recall: %s (%d of %d labels found, %d of them labelled \"none\")", ratio(rec, rok), r.Total.Found, r.Total.Labels, r.Uncovered.Labels),
		fmt.Sprintf("overall recall without \"none\" labels: %s (%d of %d)", ratio(cov, cok), r.Total.Found, r.Total.Labels-r.Uncovered.Labels),
	}
	if r.Total.Reviewed > 0 {
		up, uok := r.Total.RecallUpheld()
		cup, cuok := r.RecallCoveredUpheld()
		lines = append(lines, fmt.Sprintf("labels reviewed blind by a second reviewer: %d, of which %d rejected (FALSE or DEBATABLE); recall of the upheld labels: %s (%d of %d), without \"none\" labels %s",
			r.Total.Reviewed, r.Total.Rejected, ratio(up, uok), r.Total.Found-r.Total.RejectedFound, r.Total.Labels-r.Total.Rejected, ratio(cup, cuok)))
	}
	lines = append(lines,
		fmt.Sprintf("pooled precision of the judged sample: %s (%d TRUE of %d judged; DEBATABLE counts as false; %d corpus artefacts apart)", ratio(pre, pok), r.Total.True, r.Total.Judged, r.Total.Artefacts))
	for _, c := range r.Corpora {
		rec, rok := c.Recall()
		pre, pok := c.Precision()
		lines = append(lines, fmt.Sprintf("%s: recall %s (%d of %d labels), pooled precision %s (%d TRUE of %d judged), %d findings",
			c.Rule, ratio(rec, rok), c.Found, c.Labels, ratio(pre, pok), c.True, c.Judged, c.Findings))
	}
	if r.Twinned > 0 {
		u := r.Untwinned
		rec, rok := u.Recall()
		up, uok := u.RecallUpheld()
		pre, pok := u.Precision()
		lines = append(lines, fmt.Sprintf("without the %d pages of the %s whose job family has a version in the other half (the other corpus): recall %s (%d of %d labels), of the upheld labels %s (%d of %d), pooled precision %s (%d TRUE of %d judged)",
			r.Twinned, HalfName(), ratio(rec, rok), u.Found, u.Labels, ratio(up, uok), u.Found-u.RejectedFound, u.Labels-u.Rejected, ratio(pre, pok), u.True, u.Judged))
	}
	if r.Total.Labels == 0 {
		lines = append(lines, "no labels yet: recall is not measured")
	}
	if r.Total.Judged == 0 {
		lines = append(lines, "no verdicts yet: precision is not measured")
	}
	return lines
}

func (r *Report) notes() []string {
	var out []string
	for _, v := range r.Stale {
		out = append(out, fmt.Sprintf("stale verdict (its finding no longer occurs; not counted): %s %s %s", v.Src, v.Rule, v.Fingerprint))
	}
	for _, w := range r.Warnings {
		out = append(out, "warning: "+w)
	}
	return out
}

// WriteText prints the report as aligned columns.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.Join(columns, "\t")+"\t")
	for _, c := range r.table() {
		fmt.Fprintln(tw, strings.Join(c, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, l := range append(r.summary(), r.notes()...) {
		fmt.Fprintln(w, l)
	}
	return nil
}

// WriteMarkdown prints the report as a markdown section for
// bench/ACCURACY.md, headed by the date and commit.
func (r *Report) WriteMarkdown(w io.Writer, date, commit string) error {
	fmt.Fprintf(w, "## Run of %s at commit %s\n\n", date, commit)
	for _, l := range r.summary() {
		fmt.Fprintf(w, "- %s\n", l)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "| %s |\n", strings.Join(columns, " | "))
	align := make([]string, len(columns))
	for i := range align {
		align[i] = "---:"
	}
	align[0] = "---"
	fmt.Fprintf(w, "|%s|\n", strings.Join(align, "|"))
	tab := r.table()
	for i, c := range tab {
		if i == len(tab)-1 {
			for j := range c {
				c[j] = "**" + c[j] + "**"
			}
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(c, " | "))
	}
	if notes := r.notes(); len(notes) > 0 {
		fmt.Fprintln(w)
		for _, l := range notes {
			fmt.Fprintf(w, "- %s\n", l)
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
