package rules

// Helpers shared by the policy rules (inclusive-language, vacancy-wording,
// years-of-experience, location-requirement, required-bullet).

import (
	"fmt"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// policyPhrases parses a word list from the options into phrases, one per
// entry so that a match's Phrase indexes the list (a blank entry, which
// Validate rejects, would never match).
func policyPhrases(list []string) []prose.Phrase {
	out := make([]prose.Phrase, len(list))
	for i, s := range list {
		out[i] = prose.ParsePhrase(s)
	}
	return out
}

// policySet is policyPhrases indexed for finding in many blocks.
func policySet(list []string) *prose.PhraseSet { return prose.NewPhraseSet(policyPhrases(list)) }

// sharedPolicySet is policySet(list) built once per run: name says which
// option of which rule the list is.
func sharedPolicySet(env *lint.Env, name string, list []string) *prose.PhraseSet {
	return env.Shared(optionsKey(name, list), func() any { return policySet(list) }).(*prose.PhraseSet)
}

// optionsKey makes an Env.Shared key for a value built from word lists of
// a rule's options: the name and every word.
func optionsKey(name string, lists ...[]string) string {
	n := len(name)
	for _, l := range lists {
		n++
		for _, w := range l {
			n += len(w) + 1
		}
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(name)
	for _, l := range lists {
		b.WriteByte(0)
		for _, w := range l {
			b.WriteString(w)
			b.WriteByte(1)
		}
	}
	return b.String()
}

// policyList is a named word list of a rule's options, for validation.
type policyList struct {
	name  string
	words []string
}

// policyValidLists rejects, in the order given, the first entry of any
// list that holds no word.
func policyValidLists(lists ...policyList) error {
	for _, l := range lists {
		if err := policyValidPhrases(l.name, l.words); err != nil {
			return err
		}
	}
	return nil
}

// policyValidPhrases rejects entries of a word list that hold no word.
func policyValidPhrases(option string, list []string) error {
	for _, s := range list {
		if len(prose.ParsePhrase(s)) == 0 {
			return fmt.Errorf("%s: %q holds no word", option, s)
		}
	}
	return nil
}

// findPolicyPhrases finds the phrases in b; where matches overlap, the one
// that starts first (then the longest) wins, so "must reside in" is one
// finding even when "must reside" and "reside in" are both listed.
func findPolicyPhrases(b *model.Block, phrases *prose.PhraseSet) []prose.Match {
	ms := policyFirstOfOverlaps(phrases.Find(b))
	if len(ms) == 0 {
		return ms
	}
	// the wording text blanks what is no prose (URLs, paths, e-mail
	// addresses, host names; "(front-end)[https://github.com/o/r/blob/master/a.md]",
	// a link with its brackets swapped, leaves its address as text) at the
	// same offsets: a match there is a path's word ("master" names a
	// branch), not a phrase of the page
	wt := wordingText(b)
	if len(wt) != len(b.Text) {
		return ms
	}
	kept := ms[:0]
	for _, m := range ms {
		if strings.TrimSpace(wt[m.Start:m.End]) != "" {
			kept = append(kept, m)
		}
	}
	return kept
}

// policyFirstOfOverlaps orders matches by start (the longest first) and drops
// each that overlaps one kept before it.
func policyFirstOfOverlaps(all []prose.Match) []prose.Match {
	if len(all) < 2 {
		return all
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End > all[j].End
	})
	var out []prose.Match
	end := -1
	for _, m := range all {
		if m.Start < end {
			continue
		}
		out = append(out, m)
		end = m.End
	}
	return out
}

// policySectionKind says which section a block sits in ("" for none).
func policySectionKind(b *model.Block) model.SectionKind {
	if b.Section == nil {
		return ""
	}
	return b.Section.Kind
}

// policyInSections reports whether k is one of the names in kinds.
func policyInSections(k model.SectionKind, kinds []string) bool {
	for _, s := range kinds {
		if string(k) == s {
			return true
		}
	}
	return false
}

// policyValidSections rejects section names the model does not know.
func policyValidSections(option string, kinds []string) error {
	known := []model.SectionKind{model.SecJobGrade, model.SecResponsibilities, model.SecRequirements,
		model.SecNiceToHaves, model.SecPerformance, model.SecHiringProcess, model.SecCareerLadder,
		model.SecLevels, model.SecSpecialties, model.SecSegment, model.SecExpertise, model.SecBody, model.SecOther}
	for _, k := range kinds {
		ok := false
		for _, c := range known {
			if string(c) == k {
				ok = true
			}
		}
		if !ok {
			names := make([]string, len(known))
			for i, c := range known {
				names[i] = string(c)
			}
			return fmt.Errorf("%s: unknown section kind %q (want one of %s)", option, k, strings.Join(names, ", "))
		}
	}
	return nil
}

// policyWord normalizes a word for list lookups: lower case, curly
// apostrophes straightened, a possessive "'s" dropped.
func policyWord(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	return strings.TrimSuffix(w, "'s")
}

// policySubject normalizes matched text for a finding's subject: lower case,
// straight apostrophes, single spaces.
func policySubject(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "’", "'"))), " ")
}

// policyQuote puts text in double quotes for a message, with its whitespace
// collapsed.
func policyQuote(s string) string { return `"` + strings.Join(strings.Fields(s), " ") + `"` }

// policyLines renders line numbers as "line 3" or "lines 3, 9".
func policyLines(lines []int) string {
	if len(lines) == 1 {
		return fmt.Sprintf("line %d", lines[0])
	}
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = fmt.Sprint(l)
	}
	return "lines " + strings.Join(s, ", ")
}

// policySectionScope returns the roles a family-level section (one the
// model puts outside any role) applies to, by its place in the outline:
//
//   - after a role, with no other heading at the section's depth or above
//     between ("## Senior Producer" ... "## Requirements", or "## Partnerships"
//     > "### Director, Partnerships" ... "## Requirements"): that role, whose
//     section was written a level too high;
//   - under a heading that opens no role but holds some ("## Benefits" >
//     "### Benefits Requirements", "### Benefits Analyst"): the roles under
//     that heading;
//   - at the top of the outline (template 1's "## Requirements" before the
//     levels), or under a heading that holds no role (an introduction):
//     every role of the page, and wide is true.
func policySectionScope(f *model.Family, sec *model.Section) (roles []*model.Role, wide bool) {
	level := 7 // a bold-paragraph section sits below any heading
	if sec.Heading != nil {
		level = sec.Heading.Level
	}
	var parent *model.Heading
	var last *model.Role // the last role opened since the previous heading at the section's depth or above
	for _, h := range f.Headings {
		if h.Span.Start >= sec.Span.Start {
			break
		}
		if h.Level <= level {
			last = nil
		}
		if h.Role != nil {
			last = h.Role
		}
		if h.Level < level {
			parent = h
		}
	}
	if last != nil {
		return []*model.Role{last}, false
	}
	if parent == nil {
		return f.Roles, true
	}
	end := len(f.Source.Text)
	for _, h := range f.Headings {
		if h.Span.Start > parent.Span.Start && h.Level <= parent.Level {
			end = h.Span.Start
			break
		}
	}
	for _, r := range f.Roles {
		if r.Span.Start > parent.Span.Start && r.Span.Start < end {
			roles = append(roles, r)
		}
	}
	if len(roles) == 0 {
		// an introduction, not a group ("## Backend Engineering Roles at
		// GitLab" > "#### Requirements", with the levels further down)
		return f.Roles, true
	}
	return roles, false
}
