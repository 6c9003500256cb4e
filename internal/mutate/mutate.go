// Package mutate measures recall without labels by defect injection: it
// puts one known defect of a class the issues name into a real page (an
// in-memory copy), lints the page in its family and site context, and asks
// whether the rule meant for that class reports it at the right line.
// bench/mutate prints the figures; the method is in bench/ACCURACY.md
// ("Injected defects").
//
// The mutators here are pure: each takes a page's model and returns the
// mutations it can make, none applied. A mutation is one edit of the
// page's normalized source; the list classes (lists.go) move, add or
// remove lines, and say where the others went (LineMap).
package mutate

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"unicode"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// The mutation classes, each one an issue names.
const (
	Typo    = "typo"    // misspelling: issue 13, item 1
	Term    = "term"    // term-consistency: issue 13, item 2
	Section = "section" // section-name-consistency: issue 13, item 3
	Title   = "title"   // grade-title-mismatch / role-name-mismatch: issue 12, item 6
)

// Classes are the classes in report order.
var Classes = []string{Typo, Term, Section, Title, MovedItem, DroppedMarker, CopiedLevel, DuplicatedItem}

// Rules are the rules expected to report each class. A title swapped in a
// grade sentence is one defect that grade-title-mismatch reports (its
// message says it is role-name-mismatch's too): either counts.
var Rules = map[string][]string{
	Typo:    {"misspelling"},
	Term:    {"term-consistency"},
	Section: {"section-name-consistency"},
	Title:   {"grade-title-mismatch", "role-name-mismatch"},

	MovedItem:      {"misplaced-item"},
	DroppedMarker:  {"lost-list-marker"},
	CopiedLevel:    {"level-copy"},
	DuplicatedItem: {"duplicate-bullet"},
}

// Mutation is one defect to put into a page.
type Mutation struct {
	Class string
	Page  string
	Start int    // byte offset of the edit in the normalized source
	End   int    // end of the text replaced
	Old   string // the text replaced
	New   string // what replaces it
	Line  int    // 1-based line of the defect in the mutated page
	// LineTo, when set, ends a range of lines from Line that a report of
	// the defect may stand on (a level's list copied: its heading to the
	// list's last line).
	LineTo int
	// Map, for a mutation that moves, adds or removes lines, says where
	// the mutated page's lines stood; nil: every line stays.
	Map *LineMap
	// AltLines are other lines a report of the defect may rightly stand
	// on: a term written twice, once changed, is a tie whose other
	// spelling is as likely the slip.
	AltLines []int
	// Want, for a typo, is the word the finding must suggest.
	Want string
	What string // what was injected, for -list
}

// Apply returns src with the mutation made; src is not changed.
func (m Mutation) Apply(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(m.New)-len(m.Old))
	out = append(out, src[:m.Start]...)
	out = append(out, m.New...)
	return append(out, src[m.End:]...)
}

// Lines reports whether a finding on line n stands where the defect is.
func (m Mutation) Lines(n int) bool {
	if n == m.Line || m.LineTo > 0 && n >= m.Line && n <= m.LineTo {
		return true
	}
	for _, l := range m.AltLines {
		if l == n {
			return true
		}
	}
	return false
}

func newMutation(f *model.Family, class string, sp model.Span, repl, what string) Mutation {
	src := string(f.Source.Text)
	return Mutation{Class: class, Page: f.Path, Start: sp.Start, End: sp.End, Old: src[sp.Start:sp.End], New: repl,
		Line: f.Source.Position(sp.Start).Line, What: what}
}

// word is a run of ASCII letters of a prose block, with its source span.
type word struct {
	text  string
	span  model.Span
	block *model.Block
	at    int // offset in the block's text
}

// proseWords returns the words of the page's prose blocks (paragraphs,
// headings, list items, table cells) whose source is exactly the word:
// not inside a link (text or target), code, or markup that the block's
// text rewrites.
func proseWords(f *model.Family, headings bool) []word {
	src := string(f.Source.Text)
	var links []model.Span
	for _, l := range f.Links {
		links = append(links, l.Span)
	}
	inLink := func(sp model.Span) bool {
		for _, l := range links {
			if sp.Start < l.End && l.Start < sp.End {
				return true
			}
		}
		return false
	}
	var out []word
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading && !headings {
			continue
		}
		t := b.Text
		for i := 0; i < len(t); {
			if !isLetter(t[i]) {
				i++
				continue
			}
			j := i
			for j < len(t) && isLetter(t[j]) {
				j++
			}
			// a word glued to digits, an apostrophe or non-ASCII is not a plain word
			plain := (i == 0 || !wordByte(t[i-1])) && (j == len(t) || !wordByte(t[j]))
			if plain {
				sp := b.SourceSpan(i, j)
				if sp.End <= len(src) && src[sp.Start:sp.End] == t[i:j] && !inLink(sp) {
					out = append(out, word{text: t[i:j], span: sp, block: b, at: i})
				}
			}
			i = j
		}
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// wordByte: a byte that, next to letters, makes them part of a bigger token
func wordByte(c byte) bool {
	return isLetter(c) || c >= '0' && c <= '9' || c == '\'' || c == '_' || c == '@' || c == '/' || c >= 0x80
}

// Known reports whether a word is spelt right by the checker's dictionary
// (SpellKnown); Listed whether it is in the word list itself.
type Dictionary struct {
	Known  func(string) bool
	Listed func(string) bool
}

// keyboard neighbours on a QWERTY keyboard, for substituted letters
var neighbours = map[byte]string{
	'q': "wa", 'w': "qes", 'e': "wrd", 'r': "etf", 't': "ryg", 'y': "tuh", 'u': "yij", 'i': "uok", 'o': "ipl", 'p': "ol",
	'a': "qsz", 's': "adw", 'd': "sfe", 'f': "dgr", 'g': "fht", 'h': "gjy", 'j': "hku", 'k': "jli", 'l': "ko",
	'z': "xa", 'x': "zcs", 'c': "xvd", 'v': "cbf", 'b': "vng", 'n': "bmh", 'm': "nj",
}

// TypoOps are the slips a typo is made of.
var TypoOps = []string{"drop", "double", "swap", "substitute"}

// MakeTypo applies one slip to w at letter i (never the first letter:
// misspelling does not check it, by design): "drop" removes letter i,
// "double" types it twice, "swap" exchanges it with letter i+1,
// "substitute" replaces it with its k-th keyboard neighbour. ok is false
// when the slip cannot be made there (out of range, a swap of two equal
// letters) or gives a word the dictionary knows.
func MakeTypo(d Dictionary, w, op string, i, k int) (string, bool) {
	if i < 1 || i >= len(w) {
		return "", false
	}
	var out string
	switch op {
	case "drop":
		out = w[:i] + w[i+1:]
	case "double":
		out = w[:i+1] + w[i:]
	case "swap":
		if i+1 >= len(w) || w[i] == w[i+1] {
			return "", false
		}
		out = w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]
	case "substitute":
		c := w[i]
		lower := c | 0x20
		ns := neighbours[lower]
		if ns == "" {
			return "", false
		}
		n := ns[k%len(ns)]
		if c != lower {
			n &^= 0x20
		}
		out = w[:i] + string(n) + w[i+1:]
	default:
		return "", false
	}
	if out == w || d.Known(out) {
		return "", false
	}
	return out, true
}

// typoWord: a word a typo may go in: five letters or more, in lower case
// or capitalised, in the dictionary's own list
func typoWord(d Dictionary, w string) bool {
	if len(w) < 5 {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return d.Listed(strings.ToLower(w))
}

// Typos returns up to n typos in words of the page's prose, headings
// included, picked with rng: each a different word occurrence, its slip
// and place drawn at random.
func Typos(f *model.Family, d Dictionary, rng *rand.Rand, n int) []Mutation {
	var ws []word
	for _, w := range proseWords(f, true) {
		if typoWord(d, w.text) {
			ws = append(ws, w)
		}
	}
	var out []Mutation
	for _, p := range rng.Perm(len(ws)) {
		if len(out) >= n {
			break
		}
		w := ws[p]
		for try := 0; try < 8; try++ {
			op := TypoOps[rng.Intn(len(TypoOps))]
			i := 1 + rng.Intn(len(w.text)-1)
			typo, ok := MakeTypo(d, w.text, op, i, rng.Intn(3))
			if !ok {
				continue
			}
			m := newMutation(f, Typo, w.span, typo, fmt.Sprintf("%q -> %q (%s)", w.text, typo, op))
			m.Want = strings.ToLower(w.text)
			out = append(out, m)
			break
		}
	}
	return out
}

// sentenceStart reports whether text[:i] ends where a sentence starts (the
// block's start, or after ". ", "! ", "? ", ": ").
func sentenceStart(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '*' || text[j-1] == '_' || text[j-1] == '"' || text[j-1] == '(') {
		j--
	}
	if j == 0 {
		return true
	}
	switch text[j-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return false
}

type occurrence struct {
	span  model.Span
	line  int
	start bool // at a sentence start
}

// TermVariants returns, for each multi-word or hyphenated term the page's
// prose (not its headings, whose title case is no variant, nor link
// texts) writes two or more times, and only one way (no other case, and
// for a hyphenated term neither open nor closed), one occurrence not at a
// sentence start turned into a variant: a hyphen made a space
// ("cross-functional" -> "cross functional"), or the last word of a
// capitalised term put in lower case ("Sales Team" -> "Sales team").
func TermVariants(f *model.Family, rng *rand.Rand) []Mutation {
	src := string(f.Source.Text)
	ws := proseWords(f, false)
	type term struct {
		text string
		kind string // "hyphen" or "case"
		occ  []occurrence
	}
	terms := map[string]*term{}
	add := func(key, kind string, sp model.Span, start bool) {
		t := terms[kind+"|"+key]
		if t == nil {
			t = &term{text: key, kind: kind}
			terms[kind+"|"+key] = t
		}
		t.occ = append(t.occ, occurrence{span: sp, line: f.Source.Position(sp.Start).Line, start: start})
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		// hyphenated: letters-letters(-letters), one block, source as written
		j := i
		for j+1 < len(ws) && ws[j+1].block == w.block && ws[j+1].at == ws[j].at+len(ws[j].text)+1 &&
			w.block.Text[ws[j].at+len(ws[j].text)] == '-' {
			j++
		}
		if j > i {
			sp := model.Span{Start: w.span.Start, End: ws[j].span.End}
			text := src[sp.Start:sp.End]
			if text == w.block.Text[w.at:ws[j].at+len(ws[j].text)] {
				// one term whatever its case: a capital at a sentence start is none
				add(strings.ToLower(text), "hyphen", sp, sentenceStart(w.block.Text, w.at))
			}
			i = j
			continue
		}
		// capitalised: two or three words, each a capital then lower case,
		// one space apart
		if !titleWord(w.text) {
			continue
		}
		j = i
		for j+1 < len(ws) && j-i < 2 && ws[j+1].block == w.block && ws[j+1].at == ws[j].at+len(ws[j].text)+1 &&
			w.block.Text[ws[j].at+len(ws[j].text)] == ' ' && titleWord(ws[j+1].text) {
			j++
		}
		if j > i {
			sp := model.Span{Start: w.span.Start, End: ws[j].span.End}
			text := src[sp.Start:sp.End]
			if text == w.block.Text[w.at:ws[j].at+len(ws[j].text)] && !strings.Contains(text, "\n") {
				add(text, "case", sp, sentenceStart(w.block.Text, w.at))
			}
			i = j
		}
	}
	// the page's prose as written and in lower case: a term the page
	// already writes another way (in another case, open, closed, or in a
	// link's text) is mixed before any mutation, and changing one of its
	// occurrences injects no new defect
	var all strings.Builder
	for _, b := range f.Blocks {
		if b.Kind != model.BlockHeading {
			all.WriteString(b.Text)
			all.WriteByte('\n')
		}
	}
	text := all.String()
	lower := strings.ToLower(text)
	oneWay := func(t *term) bool {
		lt := strings.ToLower(t.text)
		if t.kind == "hyphen" {
			return !strings.Contains(lower, strings.ReplaceAll(lt, "-", " ")) && !strings.Contains(lower, strings.ReplaceAll(lt, "-", ""))
		}
		return strings.Count(lower, lt) == strings.Count(text, t.text)
	}
	keys := make([]string, 0, len(terms))
	for k, t := range terms {
		if len(t.occ) >= 2 && oneWay(t) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []Mutation
	for _, k := range keys {
		t := terms[k]
		var cand []int
		for i, o := range t.occ {
			if !o.start {
				cand = append(cand, i)
			}
		}
		if len(cand) == 0 {
			continue
		}
		pick := cand[rng.Intn(len(cand))]
		o := t.occ[pick]
		var repl, what string
		if t.kind == "hyphen" {
			was := src[o.span.Start:o.span.End]
			repl = strings.ReplaceAll(was, "-", " ")
			what = fmt.Sprintf("%q -> %q (hyphen; %d uses)", was, repl, len(t.occ))
		} else {
			last := strings.LastIndexByte(t.text, ' ') + 1
			repl = t.text[:last] + strings.ToLower(t.text[last:])
			what = fmt.Sprintf("%q -> %q (case; %d uses)", t.text, repl, len(t.occ))
		}
		m := newMutation(f, Term, o.span, repl, what)
		if len(t.occ) == 2 {
			m.AltLines = []int{t.occ[1-pick].line}
		}
		out = append(out, m)
	}
	return out
}

// titleWord: a capital, then two or more lower-case letters
func titleWord(w string) bool {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// Synonyms are the template synonyms a section variant uses: the names
// issue 13 gives ("Key duties" for Responsibilities) and their kind for
// Requirements.
var Synonyms = map[model.SectionKind]string{
	model.SecResponsibilities: "Key Duties",
	model.SecRequirements:     "Skills and Experience",
}

// SectionVariants returns, for each section heading name that three or more
// roles of the page share (by kind and name, written as ATX headings at
// one depth below their role's heading), one role's heading changed: a
// trailing colon, one level deeper, or (Responsibilities, Requirements) a
// template synonym for the name. The role is picked with rng.
func SectionVariants(f *model.Family, rng *rand.Rand) []Mutation {
	src := string(f.Source.Text)
	type group struct {
		key  string
		secs []*model.Section
	}
	groups := map[string]*group{}
	for _, r := range f.Roles {
		if r.Heading == nil {
			continue
		}
		seen := map[string]bool{}
		for _, s := range r.Sections {
			if s.Style != model.StyleHeading || s.Heading == nil || s.Kind == model.SecOther || s.Kind == model.SecBody {
				continue
			}
			h := s.Heading
			if h.Span.Start >= len(src) || src[h.Span.Start] != '#' || h.Level != r.Heading.Level+1 {
				continue
			}
			key := string(s.Kind) + "|" + strings.ToLower(strings.TrimSpace(s.Name))
			if seen[key] {
				continue
			}
			seen[key] = true
			g := groups[key]
			if g == nil {
				g = &group{key: key}
				groups[key] = g
			}
			g.secs = append(g.secs, s)
		}
	}
	keys := make([]string, 0, len(groups))
	for k, g := range groups {
		if len(g.secs) >= 3 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []Mutation
	for _, k := range keys {
		g := groups[k]
		s := g.secs[rng.Intn(len(g.secs))]
		h := s.Heading
		text := src[h.TextSpan.Start:h.TextSpan.End]
		// a colon after the heading's text
		if !strings.HasSuffix(text, ":") {
			m := newMutation(f, Section, model.Span{Start: h.TextSpan.End, End: h.TextSpan.End}, ":",
				fmt.Sprintf("%q -> %q (colon)", text, text+":"))
			out = append(out, m)
		}
		// one level deeper
		if h.Level < 6 {
			n := 0
			for h.Span.Start+n < len(src) && src[h.Span.Start+n] == '#' {
				n++
			}
			if n == h.Level {
				m := newMutation(f, Section, model.Span{Start: h.Span.Start, End: h.Span.Start + n}, strings.Repeat("#", n+1),
					fmt.Sprintf("%q at depth %d -> %d (depth)", text, n, n+1))
				out = append(out, m)
			}
		}
		// a template synonym
		if syn := Synonyms[s.Kind]; syn != "" {
			if i := strings.LastIndex(strings.ToLower(text), strings.ToLower(s.Name)); i >= 0 && s.Name != "" {
				sp := model.Span{Start: h.TextSpan.Start + i, End: h.TextSpan.Start + i + len(s.Name)}
				repl := syn
				if unicode.IsLower(rune(s.Name[0])) {
					repl = strings.ToLower(syn[:1]) + syn[1:]
				}
				m := newMutation(f, Section, sp, repl, fmt.Sprintf("%q -> %q (synonym)", text, text[:i]+repl+text[i+len(s.Name):]))
				out = append(out, m)
			}
		}
	}
	return out
}

// TitleSwaps returns, for each level whose grade sentence names it ("The
// Senior Analyst is a grade 7"), that sentence naming another level of the
// page instead: the next level's title (or the previous one's, for the
// last), as a level copied from its neighbour keeps it.
func TitleSwaps(f *model.Family) []Mutation {
	src := string(f.Source.Text)
	var levels []*model.Role
	for _, r := range f.Roles {
		if r.Kind == model.KindLevel && r.Heading != nil {
			levels = append(levels, r)
		}
	}
	var out []Mutation
	for i, r := range levels {
		g := r.Grade
		if g == nil || g.InTable || g.Listed || g.Sentence == nil || g.Subject == "" {
			continue
		}
		sp := g.SubjectSpan
		if sp.Start < 0 || sp.End > len(src) || sp.End <= sp.Start || src[sp.Start:sp.End] != g.Subject {
			continue
		}
		// the sentence must be inside the role and name it as its title does
		if sp.Start < r.Span.Start || sp.End > r.Span.End || !strings.EqualFold(g.Subject, r.Title) {
			continue
		}
		var other *model.Role
		if i+1 < len(levels) {
			other = levels[i+1]
		} else if i > 0 {
			other = levels[i-1]
		}
		if other == nil || strings.EqualFold(other.Title, r.Title) {
			continue
		}
		out = append(out, newMutation(f, Title, sp, other.Title,
			fmt.Sprintf("grade sentence of %q names %q", r.Title, other.Title)))
	}
	return out
}
