package model

import "strings"

// The family overview: many families open with a heading named after the
// family ("## Content Designer") that holds the responsibilities and
// requirements all levels share, then list the graded levels. That heading
// is not a role: its sections are the family's.

// overview demotes the first role of the page to the family overview when
// it is ungraded, sits in no container and no other role, holds role
// sections, and graded roles of the same function follow it (its title is
// the page's title, or its words are all in a later graded role's title).
func (s *structurer) overview() {
	var first *hnode
	for _, n := range s.nodes {
		if n.role != nil {
			first = n
			break
		}
	}
	if first == nil || first.owner != nil || first.ctx != "" || first.graded || first.grade != nil || first.forced {
		return
	}
	if !hasRoleSectionChild(first) && !s.evidence(first).roleSection {
		return
	}
	key := singularKey(first.role.Title)
	if key == "" {
		return
	}
	named := key == singularKey(s.f.Title)
	later := false
	for _, n := range s.nodes {
		if n.role == nil || n == first || isAncestor(first, n) || n.h.Span.Start < first.h.Span.Start {
			continue
		}
		if !(n.graded || n.grade != nil) {
			continue
		}
		later = true
		if !named && containsWords(singularKey(n.role.Title), key) {
			named = true
		}
	}
	if !later || !named {
		return
	}
	s.f.Overview = first.h
	s.demote(first, nil)
}

// containsWords reports whether every word of b is a word of a.
func containsWords(a, b string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(a) {
		have[w] = true
	}
	for _, w := range strings.Fields(b) {
		if !have[w] {
			return false
		}
	}
	return true
}
