package accuracy

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"io"
	"sort"

	"gitlab.com/ladderlint/ladderlint/lint"
)

// Todo is a finding to judge, as the sample file gives it to a judge.
type Todo struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Page        string `json:"page"` // relative to the corpus root
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	Message     string `json:"message"`
	Role        string `json:"role"`
}

// rank orders findings at random but reproducibly: by the SHA-256 of the
// seed and the fingerprint. A finding keeps its rank when others come or
// go, so a later sample takes up where an earlier one stopped.
func rank(seed uint64, fp string) uint64 {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seed)
	h := sha256.Sum256(append(b[:], fp...))
	return binary.BigEndian.Uint64(h[:8])
}

// Sample picks, for every rule, up to n of its findings that have no
// verdict yet, at random (seeded). With topUp, n is the number of judged
// findings wanted per rule: the sample holds only as many as the rule
// lacks. The result is sorted by rule, then rank.
func Sample(findings []lint.Finding, verdicts []Verdict, n int, seed uint64, topUp bool) []Todo {
	judged := map[string]bool{}
	for _, v := range verdicts {
		judged[v.Fingerprint] = true
	}
	byRule := map[string][]lint.Finding{}
	have := map[string]int{}
	for _, f := range findings {
		if judged[f.Fingerprint] {
			have[f.Rule]++
			continue
		}
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var out []Todo
	for _, r := range rules {
		fs := byRule[r]
		sort.Slice(fs, func(i, j int) bool {
			ri, rj := rank(seed, fs[i].Fingerprint), rank(seed, fs[j].Fingerprint)
			if ri != rj {
				return ri < rj
			}
			return fs[i].Fingerprint < fs[j].Fingerprint
		})
		k := n
		if topUp {
			k = n - have[r]
		}
		for i := 0; i < k && i < len(fs); i++ {
			f := fs[i]
			out = append(out, Todo{Fingerprint: f.Fingerprint, Rule: f.Rule, Page: f.Path, Line: f.Line,
				Column: f.Column, Message: f.Message, Role: f.Role})
		}
	}
	return out
}

// WriteTodos writes todos as JSON Lines.
func WriteTodos(w io.Writer, todos []Todo) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, t := range todos {
		if err := enc.Encode(t); err != nil {
			return err
		}
	}
	return nil
}
