package lint

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint/model"
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
	var s pageFindings
	for _, f := range fs {
		s.keep(f)
	}
	return s.findings()
}

// pageFindings gathers one page's findings as the rules report them, with
// the cap applied as they come: a rule that reports thousands of findings
// on a page costs the memory of about 2*MaxPerRule of them, not of all.
// What findings returns is what capPerRule returns for every finding added,
// in the same order: with no rule over the cap, the findings as they were
// added; otherwise by rule, each rule's in page order (stable), a rule over
// the cap with its first MaxPerRule and one finding that counts the rest.
type pageFindings struct {
	// file, when set, is the page whose directives turn findings off (add)
	file  *model.Family
	supp  func(Finding) bool
	read  bool // supp was made from file's directives
	rules map[string]*ruleFindings
	order []string // rules in the order of their first finding
	seq   int
}

// ruleFindings are one rule's findings on a page, each with its place in
// the order they were added.
type ruleFindings struct {
	kept []seqFinding
	// when the rule went over the cap: findings dropped because at least
	// MaxPerRule+1 of the rule's come before them in the page, and the
	// highest severity among them
	dropped int
	sev     Severity
}

type seqFinding struct {
	Finding
	seq int
}

// add keeps a finding unless a directive turns it off.
func (s *pageFindings) add(f Finding) {
	if !s.read && s.file != nil {
		s.supp, s.read = suppressor(s.file), true
	}
	if s.supp != nil && f.Rule != DirectiveRuleID && s.supp(f) {
		return
	}
	s.keep(f)
}

func (s *pageFindings) keep(f Finding) {
	if s.rules == nil {
		s.rules = map[string]*ruleFindings{}
	}
	r := s.rules[f.Rule]
	if r == nil {
		r = &ruleFindings{}
		s.rules[f.Rule] = r
		s.order = append(s.order, f.Rule)
	}
	r.kept = append(r.kept, seqFinding{f, s.seq})
	s.seq++
	if len(r.kept) >= 2*(MaxPerRule+1) {
		r.prune()
	}
}

// prune keeps the rule's first MaxPerRule+1 findings in page order: the
// listed ones and the one the count of the rest stands at. The others can
// never be listed.
func (r *ruleFindings) prune() {
	r.sortByPlace()
	for _, f := range r.kept[MaxPerRule+1:] {
		r.dropped++
		r.sev = max(r.sev, f.Severity)
	}
	clear(r.kept[MaxPerRule+1:]) // let go of their messages
	r.kept = r.kept[:MaxPerRule+1]
}

// sortByPlace orders the rule's findings by their place in the page, those
// at one place as they were added.
func (r *ruleFindings) sortByPlace() {
	sort.Slice(r.kept, func(i, j int) bool {
		a, b := r.kept[i], r.kept[j]
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		return a.seq < b.seq
	})
}

// len is how many findings of the rule were added (not turned off).
func (r *ruleFindings) len() int { return len(r.kept) + r.dropped }

// findings returns the page's findings, capped (see pageFindings).
func (s *pageFindings) findings() []Finding {
	over := false
	n := 0
	for _, r := range s.rules {
		over = over || r.len() > MaxPerRule
		n += min(len(r.kept), MaxPerRule+1)
	}
	out := make([]Finding, 0, n)
	if !over {
		all := make([]seqFinding, 0, n)
		for _, id := range s.order {
			all = append(all, s.rules[id].kept...)
		}
		sort.Slice(all, func(i, j int) bool { return all[i].seq < all[j].seq })
		for _, f := range all {
			out = append(out, f.Finding)
		}
		return out
	}
	ids := append([]string(nil), s.order...)
	sort.Strings(ids)
	for _, id := range ids {
		r := s.rules[id]
		r.sortByPlace()
		if r.len() <= MaxPerRule {
			for _, f := range r.kept {
				out = append(out, f.Finding)
			}
			continue
		}
		for _, f := range r.kept[:MaxPerRule] {
			out = append(out, f.Finding)
		}
		rest := r.kept[MaxPerRule:]
		sum := rest[0].Finding
		sum.Severity = max(sum.Severity, r.sev)
		for _, f := range rest[1:] {
			sum.Severity = max(sum.Severity, f.Severity)
		}
		sum.Message = fmt.Sprintf("%d more findings of %s on this page are not listed (at most %d of one rule per page): the page repeats one defect; fix these and lint again",
			r.len()-MaxPerRule, sum.Rule, MaxPerRule)
		sum.Subject = "more findings not listed"
		sum.Role, sum.Diff, sum.Fixes, sum.Covers, sum.AlsoRoles, sum.Through, sum.Places = "", "", nil, nil, nil, 0, nil
		out = append(out, sum)
	}
	return out
}

// Held is what a cross-file rule's per-file stage keeps of the findings on
// its page that depend on no other page, until its cross-file stage
// reports them (SetPass.ReportHeld): the page's directives applied and the
// cap of MaxPerRule findings of a rule on a page applied as they come, so
// that a page that repeats one defect 20,000 times holds about
// 2*MaxPerRule diagnostics between the two stages, not 20,000. What the
// page's report lists is the same as if every diagnostic were held: those
// left out come after MaxPerRule+1 others of the rule in the page, so the
// cross-file stage could never list them either; they are counted, by
// severity, for the finding that says how many are not listed.
type Held struct {
	file    *model.Family
	rule    string
	supp    func(Finding) bool
	read    bool
	kept    []heldDiagnostic
	seq     int
	dropped map[Severity]int // by the diagnostic's own severity (0: the rule's)
}

type heldDiagnostic struct {
	d      Diagnostic
	offset int
	seq    int
}

// Hold returns an empty Held for the pass's page.
func (p *Pass) Hold() *Held { return &Held{file: p.File, rule: p.Rule.ID} }

// Add holds d (on the pass's page), unless a directive of the page turns it
// off or MaxPerRule+1 held diagnostics come before it in the page.
func (h *Held) Add(d Diagnostic) {
	d.File = h.file
	off := clampedStart(h.file, d.Span)
	if !h.read {
		h.supp, h.read = suppressor(h.file), true
	}
	if h.supp != nil && h.supp(Finding{Rule: h.rule, Line: h.file.Source.Position(off).Line}) {
		return
	}
	h.kept = append(h.kept, heldDiagnostic{d, off, h.seq})
	h.seq++
	if len(h.kept) >= 2*(MaxPerRule+1) {
		sort.SliceStable(h.kept, func(i, j int) bool {
			a, b := h.kept[i], h.kept[j]
			if a.offset != b.offset {
				return a.offset < b.offset
			}
			return a.seq < b.seq
		})
		if h.dropped == nil {
			h.dropped = map[Severity]int{}
		}
		for _, x := range h.kept[MaxPerRule+1:] {
			h.dropped[x.d.Severity]++
		}
		clear(h.kept[MaxPerRule+1:])
		h.kept = h.kept[:MaxPerRule+1] // the array is reused
	}
}

// Len is how many diagnostics were added and not turned off.
func (h *Held) Len() int {
	n := len(h.kept)
	for _, c := range h.dropped {
		n += c
	}
	return n
}

// clampedStart is the offset a finding at span gets (makeFinding).
func clampedStart(f *model.Family, sp model.Span) int {
	return min(max(sp.Start, 0), len(f.Source.Text))
}

// ReportHeld reports what h holds, in the order it was added, and counts
// the diagnostics it left out for the page's finding that says how many of
// the rule's are not listed.
func (p *SetPass) ReportHeld(h *Held) {
	if h == nil {
		return
	}
	sort.SliceStable(h.kept, func(i, j int) bool { return h.kept[i].seq < h.kept[j].seq })
	for _, x := range h.kept {
		p.Report(x.d)
	}
	if len(h.dropped) > 0 && p.unlisted != nil {
		p.unlisted(h.file, h.dropped)
	}
}

// addUnlisted counts n findings of a rule, of severity sev, that come after
// MaxPerRule+1 of its findings kept on the page.
func (s *pageFindings) addUnlisted(rule string, n int, sev Severity) {
	if s.rules == nil {
		s.rules = map[string]*ruleFindings{}
	}
	r := s.rules[rule]
	if r == nil {
		r = &ruleFindings{}
		s.rules[rule] = r
		s.order = append(s.order, rule)
	}
	r.dropped += n
	r.sev = max(r.sev, sev)
}
