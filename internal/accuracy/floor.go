package accuracy

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
)

// Floor is what accuracy must not drop below: the figures of the last
// report written with -write-floor (bench/accuracy-floor.json).
type Floor struct {
	Date   string `json:"date"`
	Commit string `json:"commit"`
	// Recall is the overall recall, labels no rule covers included; absent
	// while there are no labels.
	Recall *float64 `json:"recall,omitempty"`
	Labels int      `json:"labels"`
	// Precision is per rule, for the rules with verdicts.
	Precision map[string]float64 `json:"precision"`
	Judged    map[string]int     `json:"judged"`
	// RuleRecall and RuleLabels are per rule, for the rules with labels:
	// what docs/rules.md shows beside each rule (not ratcheted: a rule's
	// few labels move too much).
	RuleRecall map[string]float64 `json:"rule_recall,omitempty"`
	RuleLabels map[string]int     `json:"rule_labels,omitempty"`
	// RecallUpheld is the overall recall of the labels no blind review
	// rejected (see Review), ratcheted like Recall; RuleRecallUpheld and
	// RuleLabelsUpheld are per rule, shown in docs/rules.md. Absent without
	// reviews.
	RecallUpheld     *float64           `json:"recall_upheld,omitempty"`
	LabelsUpheld     int                `json:"labels_upheld,omitempty"`
	RuleRecallUpheld map[string]float64 `json:"rule_recall_upheld,omitempty"`
	RuleLabelsUpheld map[string]int     `json:"rule_labels_upheld,omitempty"`
}

// Floor returns the report's figures as a floor.
func (r *Report) Floor(date, commit string) Floor {
	f := Floor{Date: date, Commit: commit, Labels: r.Total.Labels, Precision: map[string]float64{}, Judged: map[string]int{},
		RuleRecall: map[string]float64{}, RuleLabels: map[string]int{}}
	if v, ok := r.Total.Recall(); ok {
		f.Recall = &v
	}
	if v, ok := r.Total.RecallUpheld(); ok && r.Total.Reviewed > 0 {
		f.RecallUpheld, f.LabelsUpheld = &v, r.Total.Labels-r.Total.Rejected
		f.RuleRecallUpheld, f.RuleLabelsUpheld = map[string]float64{}, map[string]int{}
	}
	for _, row := range r.Rows {
		if v, ok := row.RecallUpheld(); ok && f.RecallUpheld != nil && row.Reviewed > 0 {
			f.RuleRecallUpheld[row.Rule] = v
			f.RuleLabelsUpheld[row.Rule] = row.Labels - row.Rejected
		}
		if v, ok := row.Precision(); ok {
			f.Precision[row.Rule] = v
			f.Judged[row.Rule] = row.Judged
		}
		if v, ok := row.Recall(); ok {
			f.RuleRecall[row.Rule] = v
			f.RuleLabels[row.Rule] = row.Labels
		}
	}
	return f
}

// slack absorbs float noise in comparisons with the recorded figures.
const slack = 1e-9

// Check returns what fell below the floor: the overall recall, or a rule's
// precision (a rule whose verdicts all went stale has none left, which
// fails too: its new findings need judging).
func (f Floor) Check(r *Report) []string {
	var out []string
	if f.Recall != nil {
		if v, ok := r.Total.Recall(); !ok {
			out = append(out, fmt.Sprintf("overall recall: no labels left (floor %.3f on %d labels)", *f.Recall, f.Labels))
		} else if v < *f.Recall-slack {
			out = append(out, fmt.Sprintf("overall recall %.3f (%d of %d labels) is below the floor %.3f", v, r.Total.Found, r.Total.Labels, *f.Recall))
		}
	}
	if f.RecallUpheld != nil {
		if v, ok := r.Total.RecallUpheld(); !ok || r.Total.Reviewed == 0 {
			out = append(out, fmt.Sprintf("recall of the upheld labels: no reviewed labels left (floor %.3f on %d labels)", *f.RecallUpheld, f.LabelsUpheld))
		} else if v < *f.RecallUpheld-slack {
			out = append(out, fmt.Sprintf("recall of the upheld labels %.3f (%d of %d) is below the floor %.3f", v,
				r.Total.Found-r.Total.RejectedFound, r.Total.Labels-r.Total.Rejected, *f.RecallUpheld))
		}
	}
	rows := map[string]Row{}
	for _, row := range r.Rows {
		rows[row.Rule] = row
	}
	ids := make([]string, 0, len(f.Precision))
	for id := range f.Precision {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		min := f.Precision[id]
		row := rows[id]
		v, ok := row.Precision()
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: no judged finding left (floor precision %.3f): judge its new findings", id, min))
		case v < min-slack:
			out = append(out, fmt.Sprintf("%s: precision %.3f (%d TRUE of %d judged) is below the floor %.3f", id, v, row.True, row.Judged, min))
		}
	}
	return out
}

// ReadFloor reads a floor file; ok is false when there is none.
func ReadFloor(path string) (f Floor, ok bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return f, false, nil
	}
	if err != nil {
		return f, false, err
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return f, false, fmt.Errorf("%s: %v", path, err)
	}
	return f, true, nil
}

// WriteFloor writes a floor file.
func WriteFloor(path string, f Floor) error {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
