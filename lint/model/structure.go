package model

import (
	"regexp"
	"strings"
)

// The structure pass turns the flat sequence of blocks into roles and
// sections. Roles are recognised by content, not by heading depth:
//
//   - a heading whose own text holds a grade sentence, or that has a Job
//     Grade section, is a role;
//   - a heading directly inside a Levels, Specialties or Segment section is a
//     role, unless it only groups further headings;
//   - a heading with Responsibilities or Requirements sections below it is a
//     role when its title reads like one ("... Roles at GitLab" does not);
//   - sections that carry a role's name but have no role heading above them
//     ("#### Senior Job Grade" straight under "## Levels"), or a Job Grade
//     section at the top of a one-role page, form a role of their own.
//
// A "Nice-to-haves" heading that follows a role's sections belongs to that
// role even when it is written at the role's own depth.

// An hnode's flags are together at its end: 176 bytes, not 200 in the 208
// size class (one a heading, held while the structure pass runs: 0.6 MB
// less at the model builder's peak on a page of 20,000 graded headings).
type hnode struct {
	h        *Heading
	level    int
	parent   *hnode
	children []*hnode
	items    []*item // direct content, before the first child heading

	sec       SectionKind
	secName   string
	secPrefix string

	role    *Role  // the role this heading opens
	owner   *Role  // the role this heading's content belongs to
	ctx     string // the container the heading sits in, if any
	boundTo *hnode // a section bound by its prefix to the role heading it names
	grade   *Grade // a grade given for this heading by a grade sentence elsewhere

	isSec     bool
	container bool
	forced    bool // named as a role by a section prefix or a grade sentence
	spent     bool // a Job Grade section whose every sentence graded a role heading elsewhere
	graded    bool // a role heading with a grade of its own
}

func (n *hnode) end() int {
	e := -1
	if n.h != nil {
		e = n.h.Span.End
	}
	for _, it := range n.items {
		if it.span.End > e {
			e = it.span.End
		}
	}
	for _, c := range n.children {
		if ce := c.end(); ce > e {
			e = ce
		}
	}
	return e
}

var notRoleTitleRE = regexp.MustCompile(`(?i)\broles\b|\boverview\b|\babout\b|\bintroduction\b|^general$|\ball levels\b|\bcommon\b|\bshared\b|\bjob famil|\bsummary\b|\bdescription\b|^compensation$|^benefits$|^primary$|\bprofessional experience\b|\bexpectations\b|\bon this page\b|\blinks\b|\blevell?ing\b|^(?:what|how|why|who|when|where)\b|\byou(?:'|’)?(?:ll|re|ve)?\b|\bwork here\b`)

func roleLikeTitle(t string) bool {
	if t == "" || len(strings.Fields(t)) > 12 || strings.HasSuffix(t, "?") {
		return false
	}
	return !notRoleTitle(t)
}

// notRoleTitle is notRoleTitleRE.MatchString(t), by words when t is ASCII.
func notRoleTitle(t string) bool {
	var buf [16]wordRun
	runs, lower, ok := asciiWordRuns(t, buf[:0])
	if !ok {
		return notRoleTitleRE.MatchString(t)
	}
	switch lower {
	case "general", "compensation", "benefits", "primary":
		return true
	}
	for k, r := range runs {
		w := lower[r.start:r.end]
		switch w {
		case "roles", "overview", "about", "introduction", "common", "shared", "summary", "description",
			"expectations", "links", "leveling", "levelling", "you", "youll", "youre", "youve":
			return true
		case "what", "how", "why", "who", "when", "where":
			if r.start == 0 {
				return true
			}
		case "all":
			if phraseAt(t, lower, runs, k, []string{"all", "levels"}) {
				return true
			}
		case "professional":
			if phraseAt(t, lower, runs, k, []string{"professional", "experience"}) {
				return true
			}
		case "on":
			if phraseAt(t, lower, runs, k, []string{"on", "this", "page"}) {
				return true
			}
		case "work":
			if phraseAt(t, lower, runs, k, []string{"work", "here"}) {
				return true
			}
		case "job":
			if k+1 < len(runs) && runs[k+1].start == r.end+1 && t[r.end] == ' ' && strings.HasPrefix(lower[runs[k+1].start:], "famil") {
				return true
			}
		}
	}
	return false
}

func buildStructure(f *Family, items []item) {
	root := &hnode{level: 0}
	stack := []*hnode{root}
	var nodes []*hnode
	for i := range items {
		it := &items[i]
		if it.heading == nil {
			top := stack[len(stack)-1]
			top.items = append(top.items, it)
			continue
		}
		n := &hnode{h: it.heading, level: it.heading.Level}
		for len(stack) > 1 && stack[len(stack)-1].level >= n.level {
			stack = stack[:len(stack)-1]
		}
		n.parent = stack[len(stack)-1]
		n.parent.children = append(n.parent.children, n)
		stack = append(stack, n)
		nodes = append(nodes, n)
		if kind, name, prefix, ok := MatchSection(n.h.Text); ok {
			n.isSec, n.sec, n.secName, n.secPrefix = true, kind, name, prefix
		}
	}
	for _, n := range nodes {
		if !n.isSec {
			continue
		}
		if n.sec.IsContainer() {
			n.container = true
		}
		// "## Job Grades" over a list of graded roles groups them
		if n.sec == SecJobGrade && hasHeadingChild(n) && !hasGradeText(n) {
			n.container, n.sec = true, SecLevels
		}
	}
	s := &structurer{f: f, root: root, nodes: nodes}
	s.bindNames()
	s.findRoles(root, "", nil)
	s.overview()
	s.applyBindings()
	s.attachNiceToHaves()
	s.pseudoRoles(root)
	s.assemble()
	s.gradeTables()
	s.kinds()
	s.familyGradeList()
	s.extensions()
	s.statuses()
	for _, b := range f.Blocks {
		if _, ok := b.memo.(*blockGrades); ok {
			b.memo = nil // asked only while the structure is built
		}
	}
}

func hasHeadingChild(n *hnode) bool {
	for _, c := range n.children {
		if !c.isSec || c.sec == SecJobGrade {
			return true
		}
	}
	return false
}

// hasGradeText reports whether a section's own paragraphs hold a grade.
func hasGradeText(n *hnode) bool {
	if n.spent {
		return false
	}
	for _, it := range n.items {
		if it.block != nil && it.block.grade(false) != nil {
			return true
		}
	}
	return false
}

type structurer struct {
	f      *Family
	root   *hnode
	nodes  []*hnode
	roles  []*Role // in document order
	pseudo []pseudo

	titles      map[string]*Role // normalized title -> first role, for roleByTitle
	titled      int              // len(roles) when titles was built
	body        map[*Role]*Section
	lowerTitles map[string]*Role
	roleKeys    []string           // singularKey of each role's title, for extensionTarget
	byKey       map[string][]*Role // roles by singularKey

	// inherits: a role's inheritance sentence's block and offset in it;
	// bound: the grade a grade sentence elsewhere gives a role's heading
	inherits map[*Role]inheritAt
	bound    map[*Role]*Grade
}

type inheritAt struct {
	block *Block
	at    int
}

func (s *structurer) inherit(r *Role, b *Block, at int) {
	if s.inherits == nil {
		s.inherits = map[*Role]inheritAt{}
	}
	s.inherits[r] = inheritAt{b, at}
}

func (s *structurer) bind(r *Role, g *Grade) {
	if s.bound == nil {
		s.bound = map[*Role]*Grade{}
	}
	s.bound[r] = g
}

// evidence describes what a heading's own content says about it.
type evidence struct {
	grade       bool // a grade sentence directly under it, or in its Job Grade section
	jobGrade    bool // a Job Grade section
	roleSection bool // Responsibilities, Requirements, Nice-to-haves or Performance Indicators
	content     bool // any paragraph or list directly under it
	subheadings bool // non-section headings below it
}

func (s *structurer) evidence(n *hnode) evidence {
	var e evidence
	for _, it := range n.items {
		if it.block != nil || it.bullets != nil || it.table != nil {
			e.content = true
		}
		if it.block != nil && it.boldText() == "" && it.block.grade(true) != nil {
			e.grade = true
		}
		if it.boldText() != "" {
			if k, _, _, ok := MatchSection(it.bold.text); ok && k.IsRoleSection() {
				e.roleSection = true
			}
		}
	}
	for _, c := range n.children {
		if !c.isSec {
			if genericSubject(c.h.Text) {
				e.content = true // "#### Role" under a level holds its text
			} else {
				e.subheadings = true
			}
			continue
		}
		switch c.sec {
		case SecJobGrade:
			if !c.container {
				e.jobGrade = true
				if hasGradeText(c) {
					e.grade = true
				}
			}
		case SecResponsibilities, SecRequirements, SecNiceToHaves, SecPerformance:
			e.roleSection = true
		}
	}
	return e
}

// findRoles classifies the headings below n. ctx is the container n sits
// in ("levels", "specialties", "segment") and owner the enclosing role.
func (s *structurer) findRoles(n *hnode, ctx string, owner *Role) {
	for _, c := range n.children {
		c.ctx = ctx
		c.owner = owner
		if c.isSec {
			// a container's headings are roles; a section's subheadings are
			// parts of the section, even in a container ("## Performance
			// Indicators" under "# Levels")
			childCtx := ""
			if c.container {
				childCtx = string(c.sec)
			}
			s.findRoles(c, childCtx, owner)
			continue
		}
		e := s.evidence(c)
		isRole := false
		switch {
		case c.forced || e.grade || e.jobGrade:
			isRole = true
		case genericSubject(c.h.Text):
			// "#### Role", "### Position": a part of the role above, not a role
		case ctx != "" && owner == nil:
			// a heading in a container is a role unless it only groups others
			// or is a topic ("What it's like to work here")
			isRole = (e.content || e.roleSection || !e.subheadings) && roleLikeTitle(c.h.Text)
		case e.roleSection && roleLikeTitle(c.h.Text):
			isRole = true
		}
		if !isRole {
			s.findRoles(c, ctx, owner)
			continue
		}
		r := &Role{Title: cleanTitle(c.h.Text), Heading: c.h, TitleSpan: c.h.TextSpan, Parent: owner, Placement: ctx, BaseSpan: Span{-1, -1}}
		if c.grade != nil {
			s.bind(r, c.grade)
		}
		c.role = r
		c.h.Role = r
		c.graded = e.grade || e.jobGrade || c.grade != nil
		s.roles = append(s.roles, r)
		s.findRoles(c, "", r)
		if !c.graded && hasGradedRoleBelow(c) {
			s.demote(c, owner)
		}
	}
}

// hasGradedRoleBelow reports whether a graded role heading sits below n.
func hasGradedRoleBelow(n *hnode) bool {
	for _, d := range descendants(n) {
		if d.role != nil && d.graded {
			return true
		}
	}
	return false
}

// demote turns a heading that looked like a role back into a group: "##
// Benefits" with "### Benefits Requirements" shared by the graded roles
// below it ("### Benefits Analyst", ...) is not a level of its own.
func (s *structurer) demote(n *hnode, owner *Role) {
	r := n.role
	n.role, n.h.Role = nil, nil
	n.forced = false
	kept := s.roles[:0]
	for _, o := range s.roles {
		if o != r {
			kept = append(kept, o)
		}
		if o.Parent == r {
			o.Parent = owner
		}
	}
	s.roles = kept
	for _, d := range descendants(n) {
		if d.owner == r {
			d.owner = owner
		}
	}
}

// cleanTitle trims a heading text to a role title.
func cleanTitle(t string) string {
	t = strings.TrimSpace(t)
	t = strings.TrimRight(t, ":")
	return strings.TrimSpace(t)
}

// ownerOf returns the role a heading node's content belongs to.
func ownerOf(n *hnode) *Role {
	if n.role != nil {
		return n.role
	}
	return n.owner
}

// attachNiceToHaves moves a Nice-to-haves heading written at (or above) its
// role's depth, right after that role's sections, into the role.
func (s *structurer) attachNiceToHaves() {
	var prev *hnode
	for _, n := range s.nodes {
		underContainer := n.parent != nil && n.parent.container && n.sec.IsRoleSection() && n.sec != SecJobGrade
		if prev != nil && n.isSec && (n.sec == SecNiceToHaves || underContainer) && ownerOf(n) == nil {
			if r := ownerOf(prev); r != nil && (prev.isSec || prev.role == nil) {
				n.owner = r
				for _, c := range descendants(n) {
					if c.owner == nil && c.role == nil {
						c.owner = r
					}
				}
			}
		}
		prev = n
	}
}

func descendants(n *hnode) []*hnode {
	var out []*hnode
	for _, c := range n.children {
		out = append(out, c)
		out = append(out, descendants(c)...)
	}
	return out
}

// pseudoRoles makes roles of sections that carry a grade but have no role
// heading: the Job Grade section of a one-role page (which then owns all the
// page's role sections), or role-prefixed sections straight under a
// container.
func (s *structurer) pseudoRoles(root *hnode) {
	if len(s.roles) == 0 {
		var group []*hnode
		graded := false
		for _, n := range s.nodes {
			if n.isSec && !n.container && n.sec.IsRoleSection() && ownerOf(n) == nil && n.ctx == "" && !insideSectionOf(n, group) {
				group = append(group, n)
				if n.sec == SecJobGrade && hasGradeText(n) {
					graded = true
				}
			}
		}
		if graded {
			s.pseudoRole(root, group)
			return
		}
	}
	s.pseudoGroups(root)
}

// insideSectionOf reports whether n sits below one of the nodes of group.
func insideSectionOf(n *hnode, group []*hnode) bool {
	for _, g := range group {
		if isAncestor(g, n) {
			return true
		}
	}
	return false
}

func (s *structurer) pseudoGroups(n *hnode) {
	var group []*hnode
	var prefix string
	hasGrade := false
	flush := func() {
		if hasGrade && len(group) > 0 {
			s.pseudoRole(n, group)
		}
		group, prefix, hasGrade = nil, "", false
	}
	for _, c := range n.children {
		if c.role != nil || ownerOf(c) != nil {
			flush()
			continue
		}
		if !c.isSec || c.container || !c.sec.IsRoleSection() {
			flush()
			s.pseudoGroups(c)
			continue
		}
		p := NormalizeTitle(c.secPrefix)
		if len(group) > 0 && ((p != "" && prefix != "" && p != prefix) || (c.sec == SecJobGrade && hasGrade)) {
			flush()
		}
		if p != "" && prefix == "" {
			prefix = p
		}
		group = append(group, c)
		if c.sec == SecJobGrade && hasGradeText(c) {
			hasGrade = true
		}
		if c.sec != SecJobGrade {
			s.pseudoGroups(c)
		}
	}
	flush()
}

func (s *structurer) pseudoRole(parent *hnode, group []*hnode) {
	r := &Role{Kind: KindLevel, Placement: parent.ctxFor(), BaseSpan: Span{-1, -1}}
	var g *Grade
	for _, c := range group {
		if c.sec == SecJobGrade {
			for _, it := range c.items {
				if it.block != nil {
					if g = it.block.grade(false); g != nil {
						break
					}
				}
			}
		}
		if c.secPrefix != "" && r.Title == "" && JobTitleLike(c.secPrefix) {
			r.Title, r.TitleSpan = c.secPrefix, Span{c.h.TextSpan.Start, c.h.TextSpan.Start + len(c.secPrefix)}
		}
	}
	if r.Title == "" && g != nil && g.Subject != "" && !genericSubject(g.Subject) && JobTitleLike(g.Subject) {
		r.Title, r.TitleSpan = g.Subject, g.SubjectSpan
	}
	if r.Title == "" {
		r.Title = s.f.Title
		r.TitleSpan = group[0].h.TextSpan
		if s.f.FrontMatter != nil {
			if ks := s.f.FrontMatter.NodeSpan(s.f.FrontMatter.Value("title")); ks.Valid() {
				r.TitleSpan = ks
			}
		}
	}
	for _, c := range group {
		c.owner = r
		for _, d := range descendants(c) {
			if d.owner == nil && d.role == nil {
				d.owner = r
			}
		}
	}
	s.roles = append(s.roles, r)
	s.pseudo = append(s.pseudo, pseudo{r, group})
}

type pseudo struct {
	role  *Role
	group []*hnode
}

func (n *hnode) ctxFor() string {
	if n.container {
		return string(n.sec)
	}
	return n.ctx
}

func genericSubject(s string) bool {
	switch strings.ToLower(strings.TrimSpace(strings.TrimRight(s, ":"))) {
	case "role", "position", "job", "level", "this role", "this position", "the role", "the position", "about the role", "role description", "the job":
		return true
	}
	return false
}

// bindNames ties sections and grade sentences to the role headings they
// name: "#### Senior X Job Grade" belongs to the heading "Senior X" even when
// written at the same depth as that heading or above it, and a grade sentence
// "The Staff X is a grade 8" in a page-level Job Grade section grades the
// heading "Staff X".
func (s *structurer) bindNames() {
	byTitle := map[string][]*hnode{}
	for _, n := range s.nodes {
		if !n.isSec && len(n.h.Text) < 160 {
			k := NormalizeTitle(cleanTitle(n.h.Text))
			byTitle[k] = append(byTitle[k], n)
		}
	}
	if len(byTitle) == 0 {
		return
	}
	s.bindRuns(s.root)
	nearestBefore := func(key string, n *hnode) *hnode {
		var best *hnode
		for _, h := range byTitle[key] {
			if h.h.Span.Start < n.h.Span.Start {
				best = h
			}
		}
		return best
	}
	for _, n := range s.nodes {
		if !n.isSec || n.container || !n.sec.IsRoleSection() || n.boundTo != nil {
			continue
		}
		if n.secPrefix != "" {
			if h := nearestBefore(NormalizeTitle(n.secPrefix), n); h != nil {
				h.forced = true
				if !isAncestor(h, n) && !misnamedOwn(n, h) {
					n.boundTo = h
				}
			}
			continue
		}
		if n.sec != SecJobGrade || hasRoleAncestor(n) {
			continue
		}
		total, bound := 0, 0
		for _, it := range n.items {
			if it.block == nil {
				continue
			}
			for _, g := range allGrades(it.block) {
				total++
				if g.Subject == "" {
					continue
				}
				for _, h := range byTitle[NormalizeTitle(g.Subject)] {
					if !isAncestor(h, n) && h.grade == nil {
						h.forced, h.grade = true, g
						bound++
						break
					}
				}
			}
		}
		n.spent = total > 0 && bound == total
	}
}

// bindRuns ties sections written at a role heading's own depth to it:
// "## Senior Contract Manager" followed by "## Job Grade", "### ..." at the
// same depth. A run of unprefixed role sections holding a Job Grade, right
// after a heading that reads like a job title and has no sections of its
// own, belongs to that heading.
func (s *structurer) bindRuns(parent *hnode) {
	kids := parent.children
	for i, c := range kids {
		s.bindRuns(c)
		if c.isSec || !JobTitleLike(c.h.Text) || !roleLikeTitle(c.h.Text) || hasRoleSectionChild(c) {
			continue
		}
		var run []*hnode
		grade := false
		for _, it := range c.items {
			if it.block != nil && it.boldText() == "" && it.block.grade(true) != nil {
				grade = true // "## Manager, X" graded in its own text, sections after it
			}
		}
		for _, sib := range kids[i+1:] {
			if !sib.isSec || sib.container || !sib.sec.IsRoleSection() || sib.secPrefix != "" && singularKey(sib.secPrefix) != singularKey(c.h.Text) {
				break
			}
			run = append(run, sib)
			grade = grade || sib.sec == SecJobGrade
		}
		if !grade || len(run) == 0 {
			continue
		}
		c.forced = true
		for _, sib := range run {
			sib.boundTo = c
		}
	}
}

// singularKey folds a title for loose comparison: normalized, each word
// without a plural "s" ("Integrations Engineering" ~ "Integration Engineering").
func singularKey(t string) string {
	words := strings.Fields(NormalizeTitle(t))
	for i, w := range words {
		// "Sr" and "Jr" written without their period ("a Sr Business
		// Systems Analyst"), as NormalizeTitle reads "Sr." and "Jr."
		switch w {
		case "sr":
			w = "senior"
		case "jr":
			w = "junior"
		}
		words[i] = Singular(w)
	}
	return strings.Join(words, " ")
}

// Singular drops a plural "s" from a lower-case word of a title
// ("integrations"), leaving words that only end in one ("business",
// "status", "analysis").
func Singular(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		return w[:len(w)-1]
	}
	return w
}

func hasRoleSectionChild(n *hnode) bool {
	for _, c := range n.children {
		if c.isSec && !c.container && (c.sec == SecJobGrade || c.sec == SecResponsibilities || c.sec == SecRequirements) {
			return true
		}
	}
	return false
}

// misnamedOwn reports whether section n, whose prefix names the role
// heading h, is rather the misnamed section of the heading it sits under:
// "#### Director, X Requirements" under "### Senior Director, X", which
// has no Requirements of its own, while "### Director, X" has its own.
// It stays where it is written (the name is the defect, for the rules of
// names to report).
func misnamedOwn(n, h *hnode) bool {
	var under *hnode
	for p := n.parent; p != nil && p.h != nil; p = p.parent {
		if !p.isSec {
			under = p
			break
		}
	}
	if under == nil || under == h || under.level >= n.level {
		return false
	}
	has := func(x *hnode, other *hnode) bool {
		for _, c := range x.children {
			if c != other && c.isSec && c.sec == n.sec {
				return true
			}
		}
		return false
	}
	return !has(under, n) && has(h, nil)
}

func isAncestor(a, n *hnode) bool {
	for p := n.parent; p != nil; p = p.parent {
		if p == a {
			return true
		}
	}
	return false
}

// hasRoleAncestor reports whether a heading sits below a heading that could
// be a role (anything but sections).
func hasRoleAncestor(n *hnode) bool {
	for p := n.parent; p != nil && p.h != nil; p = p.parent {
		if !p.isSec {
			return true
		}
	}
	return false
}

// applyBindings moves bound sections to the role they name.
func (s *structurer) applyBindings() {
	for _, n := range s.nodes {
		if n.boundTo == nil || n.boundTo.role == nil {
			continue
		}
		r := n.boundTo.role
		n.owner = r
		for _, d := range descendants(n) {
			if d.role == nil {
				d.owner = r
			}
		}
	}
}

// allGrades returns every grade sentence of a block, in order.
func allGrades(b *Block) []*Grade {
	m := b.gradeMemo()
	if !m.allSet {
		m.all, m.allSet = readAllGrades(b), true
	}
	return m.all
}

func readAllGrades(b *Block) []*Grade {
	if !ContainsFold(b.Text, "grade") && !hasGradeLink(b.Links) {
		return nil
	}
	var out []*Grade
	for _, ss := range Sentences(b.Text) {
		sub := &Block{Text: b.Text[ss[0]:ss[1]], Kind: b.Kind}
		for _, sg := range b.segs {
			sub.segs = append(sub.segs, textSeg{text: sg.text - int32(ss[0]), src: sg.src, n: sg.n})
		}
		var links []*Link
		for _, l := range b.Links {
			if l.TextIn.Start >= ss[0] && l.TextIn.End <= ss[1] {
				c := *l
				c.TextIn = Span{l.TextIn.Start - ss[0], l.TextIn.End - ss[0]}
				links = append(links, &c)
			}
		}
		if g := findGrade(sub, links, false); g != nil {
			// point the link back at the page's own link value
			for _, l := range b.Links {
				if g.Link != nil && l.Span == g.Link.Span {
					g.Link = l
				}
			}
			out = append(out, g)
		}
	}
	return out
}
