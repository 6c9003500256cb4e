package lint

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaxPerRule is the most findings one rule makes on one page. A page that
// repeats one defect thousands of times (a generated page of 20,000 levels,
// each without its sections) then gets these and one more finding that
// counts the rest, rather than a report, a memory and a fingerprint table
// that grow with the defect; the real pages of both corpora have at most 39
// findings of one rule on a page.
const MaxPerRule = 100

// MaxMessage is the longest message a finding carries, in bytes: a message
// that lists names (every level of a page without a section) is cut after
// this, at a list separator when there is one, with the count of what is
// left out. The real pages' longest message is under 500 bytes.
const MaxMessage = 2000

// capMessage cuts a message longer than MaxMessage.
func capMessage(msg string) string {
	if len(msg) <= MaxMessage {
		return msg
	}
	cut := MaxMessage
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	head, rest := msg[:cut], msg[cut:]
	// end at the last list separator, and count the items left out
	if i := strings.LastIndex(head, ", "); i > MaxMessage/2 {
		rest = msg[i+2:]
		head = msg[:i]
		return fmt.Sprintf("%s, ... (%d more)", head, strings.Count(rest, ", ")+1)
	}
	return fmt.Sprintf("%s... (%d more bytes)", head, len(rest))
}

// capPerRule keeps at most MaxPerRule findings of each rule in fs, the
// first in the page; the rest of a rule's findings become one finding, at
// the first of them, that says how many are not listed. Its severity is the
// highest of those it stands for, so that the exit code is the same as with
// every finding listed. fs are one page's findings, suppression applied.
func capPerRule(fs []Finding) []Finding {
	if len(fs) <= MaxPerRule {
		return fs
	}
	count := map[string]int{}
	over := false
	for _, f := range fs {
		count[f.Rule]++
		if count[f.Rule] > MaxPerRule {
			over = true
		}
	}
	if !over {
		return fs
	}
	// each rule's findings in page order; only those of the rules over
	// the cap are reordered
	sorted := append([]Finding(nil), fs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Rule != sorted[j].Rule {
			return sorted[i].Rule < sorted[j].Rule
		}
		return sorted[i].Offset < sorted[j].Offset
	})
	out := fs[:0]
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].Rule == sorted[i].Rule {
			j++
		}
		group := sorted[i:j]
		if len(group) <= MaxPerRule {
			out = append(out, group...)
			i = j
			continue
		}
		out = append(out, group[:MaxPerRule]...)
		rest := group[MaxPerRule:]
		sum := rest[0]
		for _, f := range rest[1:] {
			if f.Severity > sum.Severity {
				sum.Severity = f.Severity
			}
		}
		sum.Message = fmt.Sprintf("%d more findings of %s on this page are not listed (at most %d of one rule per page): the page repeats one defect; fix these and lint again",
			len(rest), sum.Rule, MaxPerRule)
		sum.Subject = "more findings not listed"
		sum.Role, sum.Diff, sum.Fixes, sum.Covers, sum.AlsoRoles = "", "", nil, nil, nil
		out = append(out, sum)
		i = j
	}
	return out
}
