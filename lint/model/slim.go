package model

// Slim drops the parts of a modelled page that only the per-file rules
// read, once they have run, so that a run over the whole handbook does not
// keep every page's prose until its cross-file rules end. What stays is
// what positions, roles and suppression need, and what the cross-file
// rules that say so (lint.Rule.SlimModels) read in their merge stage:
//
//   - Path, Source, Title, FrontMatter, Code, Comments, Issues;
//   - the roles, with their titles, kinds, spans, heading, grade (its link
//     without the block it sits in), status, sentences and extensions,
//     but not their sections;
//   - blocks that a rule's per-file summary holds on to (a misspelled
//     word's block) stay whole, but the sections they point to are
//     emptied.
//
// Blocks, sections, bullets, lists, content tabs, links, tables, headings (but the
// roles' own) and HTML anchors are dropped.
func (f *Family) Slim() {
	if f.Skipped {
		return
	}
	empty := func(s *Section) {
		if s != nil {
			s.Bullets, s.Paragraphs = nil, nil
		}
	}
	for _, s := range f.Sections {
		empty(s)
	}
	for _, r := range f.Roles {
		for _, s := range r.Sections {
			empty(s)
		}
		r.Sections = nil
		if h := r.Heading; h != nil {
			empty(h.Section)
		}
		if g := r.Grade; g != nil && g.Link != nil && g.Link.Block != nil {
			l := *g.Link
			l.Block = nil
			g.Link = &l
		}
	}
	for _, h := range f.Headings {
		empty(h.Section)
	}
	f.Intro, f.Sections, f.Headings, f.Links, f.Blocks, f.Tables, f.Lists, f.Tabs, f.HTMLAnchors = nil, nil, nil, nil, nil, nil, nil, nil, nil
}
