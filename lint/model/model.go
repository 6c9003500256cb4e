// Package model extracts the job-family structure of a markdown page: its
// front matter, roles (levels, specialties, segments), their grades and
// sections, bullets, links and headings, each with its exact source span.
//
// Rules query the model; they never parse markdown themselves. A page is
// parsed once by Parse; the goldmark tree is dropped as soon as the model is
// built.
package model

import (
	"sort"
	"sync"
)

// RoleKind tells how a role relates to the grade ladder.
type RoleKind string

// Role kinds.
const (
	// KindLevel is a role with a grade of its own (or one that should have one).
	KindLevel RoleKind = "level"
	// KindSpecialty refines a level and shares its grade.
	KindSpecialty RoleKind = "specialty"
	// KindSegment is a sales segment refining a level.
	KindSegment RoleKind = "segment"
)

// SectionKind names what a section holds, whatever its heading says.
type SectionKind string

// Section kinds. Role sections come first, then family-level ones.
const (
	SecJobGrade         SectionKind = "job-grade"
	SecResponsibilities SectionKind = "responsibilities"
	SecRequirements     SectionKind = "requirements"
	SecNiceToHaves      SectionKind = "nice-to-haves"
	SecPerformance      SectionKind = "performance-indicators"
	SecHiringProcess    SectionKind = "hiring-process"
	SecCareerLadder     SectionKind = "career-ladder"
	SecLevels           SectionKind = "levels"
	SecSpecialties      SectionKind = "specialties"
	SecSegment          SectionKind = "segment"
	SecExpertise        SectionKind = "expertise"
	SecBody             SectionKind = "body"  // bullets directly in a role's text, outside any named section
	SecOther            SectionKind = "other" // a heading that names none of the above
)

// SectionStyle is how a section is marked up.
type SectionStyle string

// Section styles.
const (
	StyleHeading SectionStyle = "heading" // a markdown heading
	StyleBold    SectionStyle = "bold"    // a paragraph that is only bold text, e.g. **Nice-to-haves**
	StyleNone    SectionStyle = "none"    // no marker: text directly in the role
)

// Family is one job-family page.
type Family struct {
	Path        string       // path as linted, with '/'
	Source      *Source      // normalized text and line table
	FrontMatter *FrontMatter // nil when the page has none
	Title       string       // front-matter title, or the first heading
	Intro       []*Block     // paragraphs before the first heading
	Sections    []*Section   // family-level sections (not inside a role)
	Roles       []*Role      // in document order
	// Overview is the heading of the family overview: an ungraded first
	// heading named after the family ("## Content Designer") whose sections
	// all levels share. It opens no role; its sections are the family's.
	Overview    *Heading
	Headings    []*Heading  // every heading, in document order
	Links       []*Link     // every link, in document order
	Blocks      []*Block    // every prose block (paragraph, heading, list item, table cell), in document order
	Code        []Span      // code blocks, code spans, raw HTML and front matter: text rules must not judge
	Comments    []*Comment  // HTML comments, for inline directives
	Tables      []*Table    // tables, with cell text
	Lists       [][]*Bullet // every list outside a table, its items (nested ones too) in document order
	Tabs        []*Tab      // content tabs (MkDocs Material), in document order
	HTMLAnchors []Anchor    // id and name attributes in raw HTML
	Issues      []*ParseIssue
	Skipped     bool // not parsed (too large, binary): only input rules run on it

	nestedRoles bool // some role's span holds another role

	memoMu sync.Mutex
	memo   []memoEntry // what rules derived from the whole page (Family.Memo)
}

// Heading is a markdown heading.
type Heading struct {
	Level    int    // 1 to 6
	Text     string // plain text: emphasis, code and link text kept, markup and {#id} dropped
	Span     Span   // from the first '#' (or the text of a setext heading) to the end of the line
	TextSpan Span   // the heading's text
	ID       string // a {#custom-id} attribute; empty when none
	Role     *Role  // the role this heading opens, when it does
	Section  *Section
}

// Role is a level, specialty or segment on a page.
type Role struct {
	Title     string
	Heading   *Heading // nil for a role that is the page itself
	TitleSpan Span     // where the title is written: the heading text, or the grade sentence's subject
	Kind      RoleKind
	Base      string // for a specialty or segment: the role it refines
	BaseSpan  Span   // where the base is named in the inheritance sentence; {-1,-1} when inferred
	Parent    *Role  // enclosing role, for roles nested under another role's heading
	Placement string // the family-level container the role sits in ("levels", "specialties", "segment"), or ""

	Intro       *Sentence    // opening sentence, usually "The <title> ..."
	ReportsTo   *Sentence    // "The X reports to the Y."
	Inheritance *Sentence    // "In addition to ... defined above for the <base>, ... requires:"
	Extends     []*Extension // "Meets all of the requirements of ...", "extends the X role"
	// Status marks a role that is not a full level (deprecated, only
	// placeholders, an acting rotation); StatusNote holds the words that
	// say so.
	Status     RoleStatus
	StatusNote *Sentence
	Grade      *Grade
	NoGrade    *Sentence // an explicit "does not have a grade"
	Sections   []*Section
	Span       Span // from the heading to the end of the role's text

	// SharesWith is set for a role graded in another role's Job Grade section
	// ("The Senior X is a grade 7. The Staff X is a grade 8."): it has no
	// sections of its own and shares that role's.
	SharesWith *Role
	// what only the structure pass needs of a role (the block of its
	// inheritance sentence, a grade bound to its heading from elsewhere)
	// is the structurer's (inherits, bound), not 24 bytes of every role:
	// a Role is 248 bytes, the 256 size class, not 272 in the 288 one
}

// Section is a named part of a role or of the family.
type Section struct {
	Kind       SectionKind
	Name       string // the section name as written, without a role-name prefix
	Prefix     string // a role name written before the section name, e.g. "Director, X"
	PrefixSpan Span
	Style      SectionStyle
	Heading    *Heading // for StyleHeading
	Span       Span     // the marker: heading or bold paragraph; for StyleNone the first bullet
	Body       Span     // the section's content after its marker
	Bullets    []*Bullet
	Paragraphs []*Block
	Role       *Role // owning role; nil for a family-level section
	// Placeholder is set when all the section holds is placeholder text
	// ("To be defined at time of business need.").
	Placeholder bool
}

// Bullet is one list item.
type Bullet struct {
	Text   string // plain text of the item's own paragraph(s), without nested lists
	Span   Span   // from the list marker to the end of the item's own text
	Depth  int    // 0 for a top-level item, 1 for an item of a nested list, ...
	Links  []*Link
	Block  *Block // the item's prose
	Marker string
}

// Sentence is a sentence of prose with its span.
type Sentence struct {
	Text string
	Span Span
}

// Grade is a role's job grade, as its grade sentence gives it.
type Grade struct {
	Number      *float64  // nil when the sentence gives no number ("grade #")
	Max         *float64  // for a range ("grade 11 or a grade 12")
	Raw         string    // the grade as written, e.g. "9.5", "#", "11 or a grade 12"
	Span        Span      // the grade text (number) in the source
	Sentence    *Sentence // the whole sentence
	Subject     string    // the role the sentence names ("The <subject> is a grade N")
	SubjectSpan Span
	Link        *Link  // the link around the grade, when there is one
	Target      string // the link target as written ("" when unlinked)
	InTable     bool   // read from a grade table rather than a sentence
	Listed      bool   // one of the grades a family-wide Job Grade section lists in the levels' order ("grades 6, 7 and 8")
}

// Link is a link of any kind: inline, reference, autolink, image or Hugo
// ref/relref shortcode.
type Link struct {
	Text     string   // link text (plain), or the URL for autolinks
	Target   string   // target as written, shortcodes resolved to their path argument
	Raw      string   // destination exactly as written, e.g. `{{< ref "x" >}}`
	Kind     LinkKind // how it is written
	Path     string   // target without fragment and query
	Fragment string   // after '#', without it
	Span     Span     // the whole link
	DestSpan Span     // where the target is written; equals Span when unknown
	Block    *Block   // prose block it sits in; nil for links in raw HTML and bare shortcodes
	TextIn   Span     // the link text's range in Block.Text
}

// LinkKind says how a link is written.
type LinkKind string

// Link kinds.
const (
	LinkInline    LinkKind = "inline"
	LinkReference LinkKind = "reference"
	LinkAuto      LinkKind = "autolink"
	LinkImage     LinkKind = "image"
	LinkRef       LinkKind = "ref"    // {{< ref "..." >}}
	LinkRelref    LinkKind = "relref" // {{< relref "..." >}}
	LinkHTML      LinkKind = "html"   // <a href="...">
)

// Shortcode reports whether the link is a Hugo ref or relref.
func (l *Link) Shortcode() bool { return l.Kind == LinkRef || l.Kind == LinkRelref }

// BlockKind says what markdown construct a prose block is.
type BlockKind string

// Block kinds.
const (
	BlockParagraph BlockKind = "paragraph"
	BlockHeading   BlockKind = "heading"
	BlockItem      BlockKind = "item"
	BlockCell      BlockKind = "cell"
)

// Block is the prose of one paragraph, heading, list item or table cell:
// plain text with a map back to source offsets. Code spans are replaced by
// CodeMark so that words on both sides stay apart; link targets, HTML and
// markup are not part of it.
type Block struct {
	Kind    BlockKind
	Text    string
	Span    Span
	Role    *Role    // owning role, if any
	Section *Section // owning section, if any
	Links   []*Link  // links written in the block
	segs    []textSeg

	// memo is, while the structure pass builds the model, the block's
	// grade reads (*blockGrades: asked several times; nil once the model
	// is built); then what rules memoized on the block (Block.Memo): a
	// value that names its own key (MemoKeyed, lint/prose's BlockMemo,
	// the one most blocks hold) kept as it is, any other one value as a
	// *memoEntry, or manyMemos{} and a []memoEntry of several. A Block
	// is 128 bytes, and a block with lint/prose's memo no 32-byte entry
	// more (1.3 MB on a page of 40,000 blocks)
	memo any
}

// MemoKeyed is a value memoized on blocks (Block.Memo) that names the key
// it is memoized under: a block that holds only it keeps it without an
// entry beside it.
type MemoKeyed interface {
	MemoKey() any
}

// manyMemos is the key of a block's memo entry that holds several.
type manyMemos struct{}

// blockGrades is what the structure pass read of a block's grades.
type blockGrades struct {
	memo   [2]*Grade
	set    [2]bool
	all    []*Grade
	allSet bool
}

// gradeMemo returns b's grade memo, made on first use.
func (b *Block) gradeMemo() *blockGrades {
	g, ok := b.memo.(*blockGrades)
	if !ok {
		g = &blockGrades{}
		b.memo = g
	}
	return g
}

// memoEntry is a value Block.Memo keeps: a block holds a handful, found
// faster by comparing keys in turn than by hashing them.
type memoEntry struct {
	key, v any
}

// MemoAlone returns the block's memo as kept: the value itself when Memo
// keeps one MemoKeyed alone, else a value of this package's own types
// (nil, an entry, the structure pass's grades). A caller that knows its
// MemoKeyed value's type asserts it here first, without a key compared
// (lint/prose's BlockMemo: a million calls on the handbook's job
// families), and asks Memo when the assertion fails.
func (b *Block) MemoAlone() any { return b.memo }

// Memo returns the value stored under key for this block, building it on
// first use: rules share work on a block (its words, its text with URLs
// blanked) this way. Not safe for concurrent use; the engine runs one file's
// rules in one goroutine at a time.
func (b *Block) Memo(key any, build func() any) any {
	switch e := b.memo.(type) {
	case *memoEntry:
		if e.key == (manyMemos{}) {
			for _, m := range e.v.([]memoEntry) {
				if m.key == key {
					return m.v
				}
			}
		} else if e.key == key {
			return e.v
		}
	case MemoKeyed:
		if e.MemoKey() == key {
			return e
		}
	}
	v := build()
	switch e := b.memo.(type) {
	case *memoEntry:
		if e.key == (manyMemos{}) {
			e.v = append(e.v.([]memoEntry), memoEntry{key, v})
		} else {
			b.memo = &memoEntry{manyMemos{}, []memoEntry{*e, {key, v}}}
		}
	case MemoKeyed:
		b.memo = &memoEntry{manyMemos{}, []memoEntry{{e.MemoKey(), e}, {key, v}}}
	default: // none, or the structure pass's grades (a Memo while the model is built)
		if k, ok := v.(MemoKeyed); ok && k.MemoKey() == key {
			b.memo = v // lint/prose's BlockMemo: the words, and the wording rules' (rules/wording.go)
		} else {
			b.memo = &memoEntry{key, v}
		}
	}
	return v
}

// Memo returns the value stored under key for this page, building it on
// first use: rules share what they derive from the whole page (the ladders
// the generic profile finds in it) this way. Safe for concurrent use: the
// cross-file rules may ask at once; a build must not ask the same page's
// Memo again.
func (f *Family) Memo(key any, build func() any) any {
	f.memoMu.Lock()
	defer f.memoMu.Unlock()
	for _, e := range f.memo {
		if e.key == key {
			return e.v
		}
	}
	v := build()
	f.memo = append(f.memo, memoEntry{key, v})
	return v
}

// ReleaseMemos drops what rules memoized on the page and its blocks (words,
// texts with URLs blanked, ladders, ...): the engine calls it once a page's
// per-file rules have run, so that a run does not hold every page's caches
// at once. A rule that asks again rebuilds the value.
func (f *Family) ReleaseMemos() {
	for _, b := range f.Blocks {
		b.memo = nil
	}
	f.memoMu.Lock()
	f.memo = nil
	f.memoMu.Unlock()
}

// grade returns findGrade(b, b.Links, strict), computed once.
func (b *Block) grade(strict bool) *Grade {
	i := 0
	if strict {
		i = 1
	}
	m := b.gradeMemo()
	if !m.set[i] {
		m.memo[i], m.set[i] = findGrade(b, b.Links, strict), true
	}
	return m.memo[i]
}

// CodeMark stands in a block's text for a code span, an image or inline HTML.
const CodeMark = '\uFFFC'

// textSeg maps a run of a block's text to the source. Its offsets are
// int32: 12 bytes a segment, not 24 (some 40,000 segments on a page of
// 20,000 graded headings, held from the model's build to the end of its
// rules); Parse models no source of MaxSource bytes or more, so that no
// offset of its text, which inserted marks can make a little longer than
// the source, reaches math.MaxInt32.
type textSeg struct {
	text int32 // offset in Block.Text
	src  int32 // offset in the source; -1 for inserted text
	n    int32 // length in bytes
}

// MaxSource is the size of the smallest source Parse does not model (1
// GiB): a block's segments keep its offsets in 32 bits. The engine reads
// no page of this size (fsutil.Limit bounds max_file_size under it).
const MaxSource = 1 << 30

// SourceOffset maps an offset in b.Text to a source offset. Offsets in
// inserted text (separators, CodeMark) map to the nearest source offset
// before them.
func (b *Block) SourceOffset(i int) int {
	segs := b.segs
	// the last segment starting at or before i
	k := sort.Search(len(segs), func(k int) bool { return int(segs[k].text) > i }) - 1
	for ; k >= 0; k-- {
		sg := segs[k]
		if sg.src < 0 {
			continue
		}
		if text, src, n := int(sg.text), int(sg.src), int(sg.n); i < text+n {
			return src + (i - text)
		}
		return int(sg.src) + int(sg.n)
	}
	return b.Span.Start
}

// SourceBounds returns the least and the greatest offset SourceOffset maps
// an offset of b.Text to: every SourceSpan of b starts at lo or after and
// ends at hi+1 or before.
func (b *Block) SourceBounds() (lo, hi int) {
	lo, hi = b.Span.Start, b.Span.Start
	for _, sg := range b.segs {
		if sg.src < 0 {
			continue
		}
		lo, hi = min(lo, int(sg.src)), max(hi, int(sg.src)+int(sg.n))
	}
	return lo, hi
}

// SourceSpan maps the text range [i, j) of b.Text to a source span.
func (b *Block) SourceSpan(i, j int) Span {
	if j <= i {
		o := b.SourceOffset(i)
		return Span{o, o}
	}
	return Span{b.SourceOffset(i), b.SourceOffset(j-1) + 1}
}

// Comment is an HTML comment.
type Comment struct {
	Text string // without <!-- and -->
	Span Span
}

// Table is a markdown table.
type Table struct {
	Span Span
	Rows [][]*Block // header row first
}

// ParseIssue is a problem found while reading the page, reported by the
// frontmatter rule (YAML errors) or as a finding of the parser itself.
type ParseIssue struct {
	Kind    string // "frontmatter", ...
	Message string
	Span    Span
}

// IsSection reports whether a section kind belongs to a role when it appears
// inside one.
func (k SectionKind) IsRoleSection() bool {
	switch k {
	case SecJobGrade, SecResponsibilities, SecRequirements, SecNiceToHaves, SecPerformance, SecBody:
		return true
	}
	return false
}

// IsContainer reports whether a section kind groups roles.
func (k SectionKind) IsContainer() bool {
	return k == SecLevels || k == SecSpecialties || k == SecSegment
}

// Section returns the role's first section of the given kind, or nil.
func (r *Role) Section(k SectionKind) *Section {
	for _, s := range r.Sections {
		if s.Kind == k {
			return s
		}
	}
	return nil
}

// HeadingBefore returns the last heading that starts before offset at, or
// nil: the heading a block at at sits under, whatever its depth.
func (f *Family) HeadingBefore(at int) *Heading {
	var out *Heading
	for _, h := range f.Headings {
		if h.Span.Start >= at {
			break
		}
		out = h
	}
	return out
}

// Levels returns the roles of kind level, in order.
func (f *Family) Levels() []*Role {
	var out []*Role
	for _, r := range f.Roles {
		if r.Kind == KindLevel {
			out = append(out, r)
		}
	}
	return out
}

// Section returns the family's first section of the given kind, or nil.
func (f *Family) Section(k SectionKind) *Section {
	for _, s := range f.Sections {
		if s.Kind == k {
			return s
		}
	}
	return nil
}

// RoleAt returns the innermost role whose span contains offset off.
func (f *Family) RoleAt(off int) *Role {
	roles := f.Roles // sorted by span start
	i := sort.Search(len(roles), func(i int) bool { return roles[i].Span.Start > off }) - 1
	for ; i >= 0; i-- {
		if roles[i].Span.Contains(off) {
			return roles[i]
		}
		if !f.nestedRoles {
			return nil // roles do not nest on this page: an earlier one cannot hold off
		}
	}
	return nil
}

// InCode reports whether offset off lies in code, raw HTML, a shortcode or
// front matter.
func (f *Family) InCode(off int) bool {
	code := f.Code // sorted, merged
	i := sort.Search(len(code), func(i int) bool { return code[i].Start > off }) - 1
	return i >= 0 && code[i].Contains(off)
}

// mergeSpans sorts spans and merges overlapping ones.
func mergeSpans(spans []Span) []Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			if s.End > out[n-1].End {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}
