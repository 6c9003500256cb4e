package accuracy

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

// ValeAlert is one alert of `vale --output JSON` (the fields used here).
type ValeAlert struct {
	Check string `json:"Check"`
	Line  int    `json:"Line"`
	Match string `json:"Match"`
}

// ReadVale reads the JSON report of Vale: file path -> alerts.
func ReadVale(path string) (map[string][]ValeAlert, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string][]ValeAlert{}
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("%s: not a Vale JSON report: %v", path, err)
	}
	return out, nil
}

// SpellingComparison counts what Vale's spelling check and ladderlint's
// misspelling rule find of the misspelling labels of one half, on its
// labelled pages. Counts only: it serves the checking half.
type SpellingComparison struct {
	Pages          int // labelled pages
	Labels, Upheld int // misspelling labels; those no review rejected
	// Vale: labels an alert names (WordFound), of them upheld; alerts on
	// the labelled pages, and those that name a label's word.
	Vale, ValeUpheld, ValeAlerts, ValeOnLabel int
	// Ours: the same for ladderlint's misspelling findings, by the same
	// word match; OursYardstick is the yardstick's own match (MatchLabels).
	Ours, OursUpheld, OursFindings, OursOnLabel int
	OursYardstick                               int
}

var quoted = regexp.MustCompile(`"([^"]+)"|“([^”]+)”`)

// noteQuotes returns the quoted strings of a label's note.
func noteQuotes(note string) []string {
	var out []string
	for _, m := range quoted.FindAllStringSubmatch(note, -1) {
		out = append(out, m[1]+m[2])
	}
	return out
}

// WordFound reports whether word, the word a tool flagged on the label's
// line, is one the label's note quotes: a whole word of one of its quoted
// strings (of the whole note when it quotes nothing), case and all. An
// alert on another word of the line (a product name beside the typo) does
// not count.
func WordFound(note, word string) bool {
	word = strings.TrimSpace(word)
	if word == "" {
		return false
	}
	texts := noteQuotes(note)
	if len(texts) == 0 {
		texts = []string{note}
	}
	for _, q := range texts {
		for i := 0; ; {
			j := strings.Index(q[i:], word)
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(word)
			if (s == 0 || !wordByte(q[s-1])) && (e == len(q) || !wordByte(q[e])) {
				return true
			}
			i = s + 1
		}
	}
	return false
}

func wordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// flaggedWord is the first quoted string of a finding's message: the word
// misspelling reports.
func flaggedWord(msg string) string {
	if q := noteQuotes(msg); len(q) > 0 {
		return q[0]
	}
	return ""
}

// CompareSpelling measures Vale's alerts (vale: path relative to the corpus
// root -> alerts, as ReadVale gives them, with only the spelling check on)
// against ladderlint's misspelling findings on the misspelling labels of
// the half measured.
func CompareSpelling(run *Run, labels []Label, reviews []Review, vale map[string][]ValeAlert) SpellingComparison {
	owner, counted := quietLabelledSet(run, labels)
	rejected := map[string]bool{}
	for _, r := range reviews {
		rejected[r.ID] = r.Verdict != True
	}
	var spell []Label
	for _, l := range counted {
		if l.Rule == "misspelling" {
			spell = append(spell, l)
		}
	}
	c := SpellingComparison{Pages: len(owner)}
	type flag struct {
		line int
		word string
	}
	valeAt, oursAt := map[string][]flag{}, map[string][]flag{}
	for page, alerts := range vale {
		if owner[page] == "" {
			continue
		}
		for _, a := range alerts {
			valeAt[page] = append(valeAt[page], flag{a.Line, a.Match})
		}
	}
	for _, f := range run.Findings {
		if f.Rule == "misspelling" && owner[f.Path] != "" {
			oursAt[f.Path] = append(oursAt[f.Path], flag{f.Line, flaggedWord(f.Message)})
		}
	}
	// onLabel counts the flags that name some label's word; found tells
	// which labels a flag names.
	measure := func(at map[string][]flag) (found []bool, flags, onLabel int) {
		found = make([]bool, len(spell))
		for page, fs := range at {
			for _, f := range fs {
				flags++
				hit := false
				for i, l := range spell {
					if l.Page == page && l.Line == f.line && WordFound(l.Note, f.word) {
						found[i], hit = true, true
					}
				}
				if hit {
					onLabel++
				}
			}
		}
		return found, flags, onLabel
	}
	vf, va, vo := measure(valeAt)
	of, oa, oo := measure(oursAt)
	c.ValeAlerts, c.ValeOnLabel, c.OursFindings, c.OursOnLabel = va, vo, oa, oo
	yard := MatchLabels(spell, run.Findings, run.RoleAt)
	for i, l := range spell {
		up := !rejected[LabelID(l)]
		c.Labels++
		if up {
			c.Upheld++
		}
		if vf[i] {
			c.Vale++
			if up {
				c.ValeUpheld++
			}
		}
		if of[i] {
			c.Ours++
			if up {
				c.OursUpheld++
			}
		}
		if yard[i] >= 0 {
			c.OursYardstick++
		}
	}
	return c
}

// LabelledPages lists the labelled pages of the half measured, sorted.
func LabelledPages(run *Run, labels []Label) []string {
	owner, _ := quietLabelledSet(run, labels)
	out := make([]string, 0, len(owner))
	for p := range owner {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// quietLabelledSet is labelledSet without its warnings (the report gives them).
func quietLabelledSet(run *Run, labels []Label) (map[string]string, []Label) {
	known, checking := map[string]bool{}, map[string]bool{}
	for _, p := range run.Pages {
		known[p.Path] = true
		checking[p.Path] = p.Check != Tuning
	}
	return labelledSet(run, labels, known, checking, func(string, ...any) {})
}
