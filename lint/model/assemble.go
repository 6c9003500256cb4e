package model

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// assemble fills roles and family sections with their content once every
// heading knows its owner.
func (s *structurer) assemble() {
	f := s.f
	body := map[*Role][]*Block{} // paragraphs directly in a role's text
	secOf := map[*hnode]*Section{}
	s.body = map[*Role]*Section{}

	// role spans
	for _, n := range s.nodes {
		if n.role != nil {
			n.role.Span = Span{n.h.Span.Start, n.end()}
		}
	}
	for _, p := range s.pseudo {
		p.role.Span = Span{p.group[0].h.Span.Start, p.group[len(p.group)-1].end()}
	}

	for _, it := range s.root.items {
		if it.block != nil {
			f.Intro = append(f.Intro, it.block)
		}
	}
	for _, n := range s.nodes {
		owner := ownerOf(n)
		var cur *Section
		switch {
		case n.role != nil:
			cur = nil
		case !n.isSec && n.parent != nil && secOf[n.parent] != nil && ownerOf(n.parent) == owner && n.parent.role == nil:
			// a subheading inside a section ("##### Technical" under Requirements)
			cur = secOf[n.parent]
		default:
			cur = &Section{Kind: SecOther, Name: n.h.Text, Style: StyleHeading, Heading: n.h, Span: n.h.Span, PrefixSpan: Span{-1, -1}, Role: owner}
			if n.isSec {
				cur.Kind, cur.Name, cur.Prefix = n.sec, n.secName, n.secPrefix
				if n.secPrefix != "" {
					cur.PrefixSpan = Span{n.h.TextSpan.Start, n.h.TextSpan.Start + len(n.secPrefix)}
				}
			}
			s.addSection(owner, cur)
			n.h.Section = cur
		}
		secOf[n] = cur
		if owner != nil {
			extend(owner, n.h.Span.End)
		}
		for _, it := range n.items {
			cur = s.place(it, owner, cur, body)
			if n.role == nil {
				secOf[n] = cur
			}
		}
	}
	s.wrapperText(body)
	for _, r := range s.roles {
		s.roleText(r, body[r])
	}
	s.siblingGrades()
	for _, r := range s.roles {
		// "## Role" (template 2), or a grade given under "#### Compensation":
		// the grade sentence, else the page title, names the role
		if r.Heading != nil && r.Grade != nil && (genericSubject(r.Title) || !roleLikeTitle(r.Title)) {
			if sub := r.Grade.Subject; sub != "" && !genericSubject(sub) && JobTitleLike(sub) {
				r.Title, r.TitleSpan = sub, r.Grade.SubjectSpan
			} else if s.f.Title != "" && !genericSubject(r.Title) {
				r.Title = s.f.Title
			}
		}
	}
	sort.SliceStable(s.roles, func(i, j int) bool { return s.roles[i].Span.Start < s.roles[j].Span.Start })
	f.Roles = s.roles
	for i := 1; i < len(f.Roles); i++ {
		if f.Roles[i-1].Span.End > f.Roles[i].Span.Start {
			f.nestedRoles = true
			break
		}
	}
	for _, r := range f.Roles {
		for _, sec := range r.Sections {
			sec.Body = sectionBody(sec)
		}
	}
	for _, sec := range f.Sections {
		sec.Body = sectionBody(sec)
	}
}

func extend(r *Role, end int) {
	if end > r.Span.End {
		r.Span.End = end
	}
}

func (s *structurer) addSection(owner *Role, sec *Section) {
	if owner != nil {
		owner.Sections = append(owner.Sections, sec)
		return
	}
	s.f.Sections = append(s.f.Sections, sec)
}

// place puts one content item into the current section (or the role's own
// text) and returns the section that follows it.
func (s *structurer) place(it *item, owner *Role, cur *Section, body map[*Role][]*Block) *Section {
	if owner != nil {
		extend(owner, it.span.End)
	}
	if it.boldText() != "" {
		if k, name, prefix, ok := MatchSection(it.bold.text); ok && (k.IsRoleSection() || owner == nil) {
			sec := &Section{Kind: k, Name: name, Prefix: prefix, Style: StyleBold, Span: it.bold.em, PrefixSpan: Span{-1, -1}, Role: owner}
			if prefix != "" {
				sec.PrefixSpan = Span{it.bold.em.Start + 2, it.bold.em.Start + 2 + len(prefix)}
			}
			s.addSection(owner, sec)
			return sec
		}
	}
	switch {
	case it.block != nil:
		it.block.Role, it.block.Section = owner, cur
		if cur == nil {
			if owner != nil {
				body[owner] = append(body[owner], it.block)
			}
			return cur
		}
		cur.Paragraphs = append(cur.Paragraphs, it.block)
	case it.bullets != nil:
		if cur == nil {
			if owner == nil {
				return cur
			}
			cur = s.body[owner]
			if cur == nil {
				cur = &Section{Kind: SecBody, Style: StyleNone, Span: it.bullets[0].Span, PrefixSpan: Span{-1, -1}, Role: owner}
				owner.Sections = append(owner.Sections, cur)
				s.body[owner] = cur
			}
			for _, b := range it.bullets {
				b.Block.Role, b.Block.Section = owner, cur
			}
			cur.Bullets = append(cur.Bullets, it.bullets...)
			return nil
		}
		for _, b := range it.bullets {
			b.Block.Role, b.Block.Section = owner, cur
		}
		cur.Bullets = append(cur.Bullets, it.bullets...)
	case it.table != nil:
		for _, row := range it.table.Rows {
			for _, c := range row {
				c.Role, c.Section = owner, cur
			}
		}
	}
	return cur
}

func sectionBody(sec *Section) Span {
	b := Span{sec.Span.End, sec.Span.End}
	if sec.Style == StyleNone {
		b.Start = sec.Span.Start
	}
	for _, p := range sec.Paragraphs {
		b.End = max(b.End, p.Span.End)
	}
	for _, bl := range sec.Bullets {
		b.End = max(b.End, bl.Span.End)
	}
	return b
}

var (
	reportsToRE   = regexp.MustCompile(`(?i)\breports?\s+(?:directly\s+|in\s+)?(?:in)?to\b|\breporting\s+(?:in)?to\b`)
	inheritanceRE = regexp.MustCompile(`(?i)^in\s+addition\s+to\b`)
	baseForRE     = regexp.MustCompile(`(?i)\b(?:for|of)\s+(?:the\s+|a\s+|an\s+)?`)
)

// roleText reads a role's sentences: grade, intro, reports-to and
// inheritance.
func (s *structurer) roleText(r *Role, body []*Block) {
	// the grade: a Job Grade section says it, or a sentence in the role's own text
	for _, sec := range r.Sections {
		if sec.Kind != SecJobGrade {
			continue
		}
		for _, p := range sec.Paragraphs {
			if r.Grade == nil {
				r.Grade = p.grade(false)
			}
			if r.NoGrade == nil {
				r.NoGrade = findNoGrade(p)
			}
		}
		for _, b := range sec.Bullets {
			if r.Grade == nil {
				r.Grade = b.Block.grade(true)
			}
		}
	}
	if r.Grade == nil {
		r.Grade = s.bound[r]
	}
	for _, p := range body {
		if r.Grade == nil {
			r.Grade = p.grade(true)
		}
		if r.NoGrade == nil {
			r.NoGrade = findNoGrade(p)
		}
	}
	if len(body) > 0 {
		if ss := Sentences(body[0].Text); len(ss) > 0 {
			r.Intro = &Sentence{Text: body[0].Text[ss[0][0]:ss[0][1]], Span: body[0].SourceSpan(ss[0][0], ss[0][1])}
		}
	}
	paras := append([]*Block(nil), body...)
	for _, sec := range r.Sections {
		if sec.Kind != SecJobGrade {
			paras = append(paras, sec.Paragraphs...)
		}
	}
	for _, p := range paras {
		for _, ss := range Sentences(p.Text) {
			t := p.Text[ss[0]:ss[1]]
			if r.ReportsTo == nil && ContainsFold(t, "report") && reportsToRE.MatchString(t) {
				r.ReportsTo = &Sentence{Text: t, Span: p.SourceSpan(ss[0], ss[1])}
			}
			if r.Inheritance == nil && len(t) > 12 && strings.EqualFold(t[:12], "in addition ") && inheritanceRE.MatchString(t) {
				r.Inheritance = &Sentence{Text: t, Span: p.SourceSpan(ss[0], ss[1])}
				s.inherit(r, p, ss[0])
			}
		}
	}
}

// siblingGrades handles a Job Grade section that grades several roles, one
// sentence each: the first is its role's grade; each further one grades the
// role of that title, or makes a role sharing the section's role's text.
func (s *structurer) siblingGrades() {
	for _, r := range append([]*Role(nil), s.roles...) {
		if r.Grade == nil || r.SharesWith != nil {
			continue
		}
		for _, sec := range r.Sections {
			if sec.Kind != SecJobGrade {
				continue
			}
			for _, p := range sec.Paragraphs {
				for _, g := range allGrades(p) {
					if g.Subject == "" || g.Span == r.Grade.Span || NormalizeTitle(g.Subject) == NormalizeTitle(r.Grade.Subject) {
						continue
					}
					if o := s.roleByTitle(g.Subject); o != nil {
						if o.Grade == nil {
							o.Grade = g
						}
						continue
					}
					sib := &Role{Title: g.Subject, TitleSpan: g.SubjectSpan, Kind: KindLevel, Placement: r.Placement, Parent: r.Parent, BaseSpan: Span{-1, -1}, Grade: g, SharesWith: r, Span: g.Sentence.Span}
					s.roles = append(s.roles, sib)
				}
			}
		}
	}
}

func (s *structurer) roleByTitle(t string) *Role {
	if s.titles == nil || len(s.roles) != s.titled {
		s.titles = map[string]*Role{}
		for _, r := range s.roles {
			if k := NormalizeTitle(r.Title); s.titles[k] == nil {
				s.titles[k] = r
			}
		}
		s.titled = len(s.roles)
	}
	return s.titles[NormalizeTitle(t)]
}

func findNoGrade(p *Block) *Sentence {
	if !ContainsFold(p.Text, "grade") || !(ContainsFold(p.Text, "have") || ContainsFold(p.Text, "tbd") || ContainsFold(p.Text, "to be") || ContainsFold(p.Text, "no ")) {
		return nil
	}
	if m := noGradeRE.FindStringIndex(p.Text); m != nil {
		return p.SentenceAt(m[0])
	}
	return nil
}

// gradeTables reads grades given in a table ("| Senior | [Grade 7](...) |")
// for roles that have no grade sentence.
func (s *structurer) gradeTables() {
	f := s.f
	for _, t := range f.Tables {
		if len(t.Rows) < 2 {
			continue
		}
		gradeCol := -1
		for i, c := range t.Rows[0] {
			if strings.Contains(strings.ToLower(c.Text), "grade") {
				gradeCol = i
				break
			}
		}
		if gradeCol < 0 {
			gradeCol = gradeColumnOfRows(t)
		}
		if gradeCol < 0 {
			continue
		}
		for _, row := range t.Rows[1:] {
			if gradeCol >= len(row) || len(row) < 2 {
				continue
			}
			gc := row[gradeCol]
			g := gc.grade(false)
			if g == nil || g.Number == nil {
				if g = bareNumberGrade(gc); g == nil {
					continue
				}
			}
			g.InTable = true
			nameCol := 0
			if gradeCol == 0 {
				nameCol = 1
			}
			name := strings.TrimSpace(row[nameCol].Text)
			if name == "" {
				continue
			}
			if r := s.roleNamed(name, row[nameCol]); r != nil {
				if r.Grade == nil {
					r.Grade = g
				}
				continue
			}
		}
	}
}

var bareNumRE = regexp.MustCompile(`^\s*#?(\d+(?:\.\d+)?)\s*$`)

func bareNumberGrade(c *Block) *Grade {
	m := bareNumRE.FindStringSubmatchIndex(c.Text)
	if m == nil {
		return nil
	}
	g := findGrade(&Block{Text: "grade " + c.Text[m[2]:m[3]]}, nil, false)
	if g == nil {
		return nil
	}
	g.Span = c.SourceSpan(m[2], m[3])
	g.Sentence = &Sentence{Text: c.Text, Span: c.Span}
	if len(c.Links) > 0 {
		g.Link, g.Target = c.Links[0], c.Links[0].Target
	}
	return g
}

// gradeColumnOfRows finds the grade column of a table whose header does
// not name one ("| Professional Services Technical Architect |" over rows
// "| [Senior](...) | [Grade 7](...) |"): the second column when every row
// of two or more cells holds a grade there. -1 when not.
func gradeColumnOfRows(t *Table) int {
	n := 0
	for _, row := range t.Rows[1:] {
		if len(row) < 2 {
			continue
		}
		if g := row[1].grade(false); g == nil || g.Number == nil {
			return -1
		}
		n++
	}
	if n == 0 {
		return -1
	}
	return 1
}

// roleNamed finds a role by a table cell: by title, or, for a cell that
// names a seniority alone ("Senior", "Intermediate"), by the one role whose
// title has that seniority.
func (s *structurer) roleNamed(name string, cell *Block) *Role {
	if r := s.roleByTitle(name); r != nil {
		return r
	}
	// "[Intermediate](#professional-services-engineer)": the role whose
	// title makes that anchor
	for _, l := range cell.Links {
		if l.Path != "" || l.Fragment == "" {
			continue
		}
		for _, r := range s.roles {
			if strings.ReplaceAll(NormalizeTitle(r.Title), " ", "-") == strings.ToLower(l.Fragment) {
				return r
			}
		}
	}
	return s.roleBySeniority(name)
}

// tableSeniorities are the seniority words a levels table may name a level
// by; tableNotIntermediate, the title words of roles that are no
// intermediate level (a title without a seniority word is one).
var (
	tableSeniorities     = map[string]bool{"intern": true, "associate": true, "junior": true, "intermediate": true, "senior": true, "staff": true, "principal": true, "distinguished": true, "fellow": true, "lead": true}
	tableNotIntermediate = map[string]bool{"manager": true, "director": true, "vp": true, "chief": true, "head": true, "president": true, "officer": true}
)

// roleBySeniority returns the only role whose title has a seniority word:
// it opens the title ("Senior Technical Architect"), or, for
// "Intermediate", the title has none (or says "Intermediate"). Nil when no
// role or more than one has it.
func (s *structurer) roleBySeniority(name string) *Role {
	w := NormalizeTitle(name)
	if !tableSeniorities[w] {
		return nil
	}
	var found *Role
	for _, r := range s.roles {
		words := strings.Fields(NormalizeTitle(r.Title))
		if len(words) == 0 {
			continue
		}
		match := words[0] == w
		if w == "intermediate" && !match {
			match = true
			for _, x := range words {
				if x == "intermediate" {
					break
				}
				if tableSeniorities[x] || tableNotIntermediate[x] {
					match = false
					break
				}
			}
		}
		if !match {
			continue
		}
		if found != nil && found != r {
			return nil
		}
		found = r
	}
	return found
}

var titleReplacer = strings.NewReplacer("sr.", "senior", "jr.", "junior", "vice president", "vp", "&", "and", "–", "-", "—", "-")

// NormalizeTitle folds a role title for comparison: case, punctuation,
// spacing, "Sr." and "VP" spellings.
func NormalizeTitle(t string) string {
	if plainASCIITitle(t) {
		return normalizeASCIITitle(t)
	}
	t = strings.ToLower(t)
	// the replacer copies even a text it leaves alone: run it only on one
	// that may hold a pattern ("sr.", "jr.", "vice president", dashes, "&")
	if strings.Contains(t, "r.") || strings.Contains(t, "vice president") || strings.IndexByte(t, '&') >= 0 ||
		strings.Contains(t, "–") || strings.Contains(t, "—") {
		t = titleReplacer.Replace(t)
	}
	var sb strings.Builder
	sb.Grow(len(t))
	space := false
	for _, c := range t {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127:
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(c)
		default:
			space = true
		}
	}
	return sb.String()
}

// plainASCIITitle reports, in one pass, whether t is ASCII and holds no
// text titleReplacer replaces: isASCII(t) && !ContainsFold(t, "r.") &&
// !ContainsFold(t, "vice president") && no "&" (the rules ask
// NormalizeTitle of every mention of a role).
func plainASCIITitle(t string) bool {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= 0x80 || c == '&':
			return false
		case c == '.':
			if i > 0 && t[i-1]|0x20 == 'r' {
				return false
			}
		case c|0x20 == 'v':
			if len(t)-i >= len("vice president") && strings.EqualFold(t[i:i+len("vice president")], "vice president") {
				return false
			}
		}
	}
	return true
}

// normalizeASCIITitle is NormalizeTitle of an ASCII title the replacer
// leaves alone, in one pass: t itself when it is already so (lower-case
// words of letters and digits, single spaces between), else one copy.
func normalizeASCIITitle(t string) string {
	normal := true
	for i := 0; i < len(t) && normal; i++ {
		switch c := t[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ':
			normal = i > 0 && i+1 < len(t) && t[i-1] != ' '
		default:
			normal = false
		}
	}
	if normal {
		return t
	}
	var sb strings.Builder
	sb.Grow(len(t))
	space := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteByte(c)
		} else {
			space = true
		}
	}
	return sb.String()
}

// jobNouns are the words of a job title (a last word may end in "s?").
var jobNouns = newWordList(
	"engineers?", "managers?", "management", "directors?", "analysts?", "specialists?", "leads?", "leaders?",
	"architects?", "designers?", "writers?", "administrators?", "accountants?", "counsel", "officers?",
	"president", "vp", "svp", "evp", "chief", "head", "partners?", "representatives?", "account executives?",
	"executive assistants?", "executive business administrators?", "executive business partners?",
	"coordinators?", "consultants?", "recruiters?", "sourcers?", "advocates?", "evangelists?", "scientists?",
	"researchers?", "editors?", "marketers?", "strategists?", "controllers?", "auditors?", "associates?",
	"interns?", "fellows?", "developers?", "owners?", "agents?", "assistants?", "generalists?", "technicians?",
	"operators?", "planners?", "producers?", "principal", "staff", "senior", "junior", "intermediate",
	"distinguished", "experts?", "members?", "ciso", "cfo", "ceo", "cto", "cmo", "cro", "cpo", "coo", "clo",
	"treasurer", "paralegal", "attorney", "secretary", "buyer", "trainer", "instructor", "facilitator",
	"programmer", "investigator", "expert", "professional", "champion", "ambassador", "liaison", "negotiator",
	"sre", "dbre", "steward", "curator", "tester",
)

// JobTitleLike reports whether a heading reads like a job title rather than
// a team or topic name.
func JobTitleLike(t string) bool { return jobNouns.MatchString(t) }

// mergeEchoes handles the one-page-per-level layout: a page graded as a whole
// ("Senior Backend Engineer", a grade 7) that repeats its level under Levels
// ("### Senior"). The repeated heading is the same role, not a new level.
func (s *structurer) mergeEchoes() {
	var page *Role
	for _, r := range s.f.Roles {
		if r.Heading == nil && r.Grade != nil && r.SharesWith == nil {
			if page != nil {
				return
			}
			page = r
		}
	}
	if page == nil {
		return
	}
	words := " " + NormalizeTitle(page.Title) + " "
	kept := s.f.Roles[:0]
	for _, r := range s.f.Roles {
		t := NormalizeTitle(r.Title)
		if r != page && r.Grade == nil && r.Heading != nil && r.Placement == string(SecLevels) && t != "" && strings.Contains(words, " "+t+" ") {
			for _, sec := range r.Sections {
				sec.Role = page
				for _, b := range sec.Bullets {
					b.Block.Role = page
				}
				for _, p := range sec.Paragraphs {
					p.Role = page
				}
			}
			page.Sections = append(page.Sections, r.Sections...)
			r.Heading.Role = page
			for _, o := range s.f.Roles {
				if o.Parent == r {
					o.Parent = page
				}
			}
			extend(page, r.Span.End)
			continue
		}
		kept = append(kept, r)
	}
	s.f.Roles = kept
}

// kinds decides each role's kind and base once grades are known.
func (s *structurer) kinds() {
	s.mergeEchoes()
	roles := s.f.Roles
	var lastLevel *Role
	for i, r := range roles {
		if i > 0 && roles[i-1].Kind == KindLevel {
			lastLevel = roles[i-1]
		}
		switch {
		case r.Grade != nil:
			r.Kind = KindLevel
		case r.Placement == string(SecSpecialties):
			r.Kind = KindSpecialty
		case r.Placement == string(SecSegment):
			r.Kind = KindSegment
		case r.Inheritance != nil || r.Parent != nil:
			r.Kind = KindSpecialty
		case (r.Placement == "" || r.Placement == string(SecLevels)) && !JobTitleLike(r.Title) && i > 0:
			// "### Distribution" with its own requirements after the levels:
			// a specialty whose Specialties heading is missing
			r.Kind = KindSpecialty
		default:
			r.Kind = KindLevel
		}
		if r.Kind == KindLevel {
			if r.Grade != nil {
				r.Parent = nil
			}
			continue
		}
		if _, ok := s.inherits[r]; ok {
			s.baseFromSentence(r)
		}
		if r.Base != "" {
			continue
		}
		if r.Parent != nil {
			r.Base = r.Parent.Title
			continue
		}
		if lastLevel != nil {
			r.Base = lastLevel.Title
		}
	}
}

// baseFromSentence reads the base role from "In addition to ... for the
// <base>, <name> specialty requires:". A title of a role on the page is
// preferred, the longest that fits; otherwise the text up to the next comma.
func (s *structurer) baseFromSentence(r *Role) {
	in := s.inherits[r]
	p, at := in.block, in.at
	sent := r.Inheritance.Text
	locs := baseForRE.FindAllStringIndex(sent, -1)
	if len(locs) == 0 {
		return
	}
	from := locs[0][1]
	rest := sent[from:]
	lrest := strings.ToLower(rest)
	best := ""
	if s.lowerTitles == nil {
		s.lowerTitles = map[string]*Role{}
		for _, o := range s.f.Roles {
			s.lowerTitles[strings.ToLower(o.Title)] = o
		}
	}
	// the longest page title that the text starts with, tried at each word end
	for end := len(lrest); end > 0; end-- {
		if end < len(lrest) && isWordByte(lrest[end]) || !isWordByte(lrest[end-1]) && lrest[end-1] != ')' {
			continue
		}
		if o := s.lowerTitles[lrest[:end]]; o != nil && o != r {
			best = o.Title
			break
		}
	}
	n := len(best)
	if best == "" {
		n = strings.IndexAny(rest, ",:;")
		if n < 0 {
			n = len(rest)
		}
		cand := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest[:n]), "."))
		if cand == "" || strings.HasPrefix(strings.ToLower(cand), "above") {
			return
		}
		best = cand
		n = len(cand)
	}
	r.Base = best
	r.BaseSpan = p.SourceSpan(at+from, at+from+n)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ContainsFold reports whether s contains the lower-case ASCII text w in
// any case. The places its first byte stands in either case are found by
// strings.IndexByte (a vector scan) rather than byte by byte: the models
// and rules ask it of every block.
func ContainsFold(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	if w == "" {
		return true
	}
	c := w[0]
	if c&0x20 == 0 {
		return false // no byte b has b|0x20 == c
	}
	u := c &^ 0x20 // the other byte with u|0x20 == c
	// an ASCII w equals in any case only ASCII text of its length (each
	// rune folding to an ASCII letter but that letter is two or three
	// bytes long: the Kelvin sign, the long s), so bytes are compared
	// there, without strings.EqualFold's calls
	ascii := true
	for k := 0; k < len(w) && ascii; k++ {
		ascii = w[k] < utf8.RuneSelf
	}
	last := len(s) - len(w)
	// nc and nu: the next place of c and of u at or after i (-1: none)
	nc, nu := -2, -2
	for i := 0; i <= last; i++ {
		if nc != -1 && nc < i {
			nc = indexByteFrom(s[:last+1], c, i)
		}
		if nu != -1 && nu < i {
			nu = indexByteFrom(s[:last+1], u, i)
		}
		switch {
		case nc < 0 && nu < 0:
			return false
		case nu < 0 || nc >= 0 && nc < nu:
			i = nc
		default:
			i = nu
		}
		if ascii && equalFoldASCII(s[i:i+len(w)], w) || !ascii && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// foldSet answers whether a text holds any of some lower-case ASCII words
// in any case (ContainsFold of each), in one pass over the text: a filter
// of many words asked of every block made a pass over the block for each
// word, each stopping at every place of the word's first letter.
type foldSet struct {
	byFirst [256][]string // the words by a byte their first can be written as
}

func newFoldSet(words ...string) *foldSet {
	fs := &foldSet{}
	for _, w := range words {
		c := w[0]
		fs.byFirst[c] = append(fs.byFirst[c], w)
		if c >= 'a' && c <= 'z' {
			fs.byFirst[c-0x20] = append(fs.byFirst[c-0x20], w)
		}
	}
	return fs
}

// in reports whether s holds one of the set's words in any case.
func (fs *foldSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		for _, w := range fs.byFirst[s[i]] {
			if len(w) <= len(s)-i && equalFoldASCII(s[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// equalFoldASCII is strings.EqualFold(s, w) for an ASCII w and an s of
// its length: each byte w's, or its capital for a lower-case letter or
// its lower case for a capital.
func equalFoldASCII(s, w string) bool {
	for k := 0; k < len(w); k++ {
		a, b := s[k], w[k]
		if a != b && (a|0x20 != b|0x20 || b|0x20 < 'a' || b|0x20 > 'z') {
			return false
		}
	}
	return true
}

// indexByteFrom is the index of the first b in s at or after from, or -1.
func indexByteFrom(s string, b byte, from int) int {
	if j := strings.IndexByte(s[from:], b); j >= 0 {
		return from + j
	}
	return -1
}

// wrapperText gives a role the text of the heading it is written under
// twice: "## Intermediate X" with its reports-to sentence, then "###
// Intermediate X" with its grade and the role's sections beside it. The
// outer heading groups nothing but that role (its other headings are
// sections), so the paragraphs under it, before the inner heading, open
// the role: its intro and reports-to sentence.
func (s *structurer) wrapperText(body map[*Role][]*Block) {
	for _, n := range s.nodes {
		w := n.parent
		if n.role == nil || n.h == nil || w == nil || w.h == nil || w.role != nil || w.isSec || w.level != n.level-1 ||
			len(w.children) == 0 || w.children[0] != n || NormalizeTitle(cleanTitle(w.h.Text)) != NormalizeTitle(n.role.Title) {
			continue
		}
		alone := true
		for _, c := range w.children[1:] {
			if !c.isSec {
				alone = false
				break
			}
		}
		if !alone {
			continue
		}
		var pre []*Block
		for _, it := range w.items {
			if it.block != nil && it.boldText() == "" {
				pre = append(pre, it.block)
			}
		}
		if len(pre) > 0 {
			body[n.role] = append(pre, body[n.role]...)
		}
	}
}
