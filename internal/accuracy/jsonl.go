package accuracy

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Label is one line of labels.jsonl: a defect a labeller marked, or (Done)
// the record that a page was read to the end.
type Label struct {
	Page     string `json:"page"`
	Line     int    `json:"line,omitempty"`
	Rule     string `json:"rule,omitempty"`
	Note     string `json:"note,omitempty"`
	Scope    string `json:"scope,omitempty"` // line, role or family
	Labeller string `json:"labeller"`
	Done     bool   `json:"done,omitempty"`
	Defects  *int   `json:"defects,omitempty"`
	// Rules, on a done line only, makes it a focused pass: the labeller read
	// the page for these rules alone, after the page's own labeller. Its
	// labels of these rules add to the owner's (one place labelled by both
	// counts once); it does not make the page labelled.
	Rules []string `json:"rules,omitempty"`

	Src string `json:"-"` // file:line it was read from
}

// Scopes of a label.
const (
	ScopeLine   = "line"
	ScopeRole   = "role"
	ScopeFamily = "family"
)

// NoRule is the rule of a label no rule covers.
const NoRule = "none"

// Verdict values.
const (
	True      = "TRUE"
	False     = "FALSE"
	Debatable = "DEBATABLE"
	// Artefact is a finding caused only by the corpus being a partial copy
	// of the site: a link to a page that the real site has (the judge saw it
	// in the public repository) but the corpus left out. It says nothing of
	// the rule and is counted apart, in neither TRUE nor judged.
	Artefact = "ARTEFACT"
)

// Verdict is one line of verdicts.jsonl: a judge's reading of a finding,
// keyed by its fingerprint.
type Verdict struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Page        string `json:"page"`
	Line        int    `json:"line"`
	Message     string `json:"message"`
	Verdict     string `json:"verdict"`
	Why         string `json:"why"`
	Judge       string `json:"judge"`

	Src string `json:"-"`
}

// readJSONL decodes one JSON object per non-blank line of a file; a missing
// file is empty. Errors name the file and line.
func readJSONL(path string, each func(src string, dec *json.Decoder) error) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		src := fmt.Sprintf("%s:%d", path, n)
		dec := json.NewDecoder(strings.NewReader(line))
		if err := each(src, dec); err != nil {
			return fmt.Errorf("%s: %v", src, err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return fmt.Errorf("%s: more than one JSON value on the line", src)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %v", path, n+1, err)
	}
	return nil
}

// ReadLabels reads labels.jsonl (a missing file has no labels) and checks
// every line has what it needs.
func ReadLabels(path string) ([]Label, error) {
	var out []Label
	err := readJSONL(path, func(src string, dec *json.Decoder) error {
		var l Label
		if err := dec.Decode(&l); err != nil {
			return err
		}
		l.Src = src
		if err := l.validate(); err != nil {
			return err
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

func (l *Label) validate() error {
	if l.Page == "" {
		return errors.New(`no "page"`)
	}
	if strings.HasPrefix(l.Page, "/") {
		return fmt.Errorf("page %q: want a path relative to the corpus folder", l.Page)
	}
	if l.Done {
		if l.Defects == nil {
			return errors.New(`a done line needs "defects"`)
		}
		return nil
	}
	if len(l.Rules) > 0 {
		return errors.New(`"rules" belongs on a done line (a focused pass)`)
	}
	if l.Line < 1 {
		return errors.New(`"line" must be 1 or more`)
	}
	if l.Rule == "" {
		return errors.New(`no "rule" (a rule id, or "none")`)
	}
	switch l.Scope {
	case "":
		l.Scope = ScopeLine
	case ScopeLine, ScopeRole, ScopeFamily:
	default:
		return fmt.Errorf("scope %q: want line, role or family", l.Scope)
	}
	return nil
}

// ReadVerdicts reads verdicts.jsonl (a missing file has none); a
// fingerprint judged twice is an error.
func ReadVerdicts(path string) ([]Verdict, error) {
	return readJudged(path, "fingerprint", "judged", []string{True, False, Debatable, Artefact},
		func(v *Verdict) (key, verdict string, src *string) { return v.Fingerprint, v.Verdict, &v.Src })
}

// readJudged reads a file of judgements, one JSON object a line (a missing
// file has none), each keyed by a field (name: its JSON name) that must be
// set and unique, with a verdict among allowed; what says what a second
// line of one key did ("judged", "reviewed"). fields gives a line's key,
// verdict and where to put its source.
func readJudged[T any](path, name, what string, allowed []string, fields func(*T) (key, verdict string, src *string)) ([]T, error) {
	var out []T
	seen := map[string]string{}
	err := readJSONL(path, func(src string, dec *json.Decoder) error {
		var v T
		if err := dec.Decode(&v); err != nil {
			return err
		}
		key, verdict, at := fields(&v)
		*at = src
		if key == "" {
			return fmt.Errorf(`no %q`, name)
		}
		if !slices.Contains(allowed, verdict) {
			return fmt.Errorf("verdict %q: want %s or %s", verdict, strings.Join(allowed[:len(allowed)-1], ", "), allowed[len(allowed)-1])
		}
		if prev, dup := seen[key]; dup {
			return fmt.Errorf("%s %s already %s at %s", name, key, what, prev)
		}
		seen[key] = src
		out = append(out, v)
		return nil
	})
	return out, err
}

// Review is one line of label-reviews.jsonl: a second reviewer's reading of
// a label, made blind (the reviewer saw the page and the label, never a
// finding, a verdict or whether the label is found). TRUE upholds the
// label; FALSE and DEBATABLE reject it, as they reject a finding. A
// rejected label stays in labels.jsonl and in the recall of the labels as
// given; the report measures recall over the upheld labels beside it.
type Review struct {
	ID      string `json:"id"` // LabelID of the label reviewed
	Page    string `json:"page"`
	Line    int    `json:"line"`
	Rule    string `json:"rule"`
	Verdict string `json:"verdict"`
	Why     string `json:"why"`
	Judge   string `json:"judge"`

	Src string `json:"-"`
}

// LabelID names a label by what it says: the first 12 hex digits of the
// SHA-256 of "page|line|rule|note". A label whose note or line is changed
// is a new label, and its old review goes stale.
func LabelID(l Label) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%s|%s", l.Page, l.Line, l.Rule, l.Note)))
	return hex.EncodeToString(sum[:])[:12]
}

// ReadReviews reads label-reviews.jsonl (a missing file has none); a label
// reviewed twice is an error.
func ReadReviews(path string) ([]Review, error) {
	return readJudged(path, "id", "reviewed", []string{True, False, Debatable},
		func(v *Review) (key, verdict string, src *string) { return v.ID, v.Verdict, &v.Src })
}
