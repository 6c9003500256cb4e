package model

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// RoleStatus marks a role that is not a full level of the ladder.
type RoleStatus string

// Role statuses.
const (
	// StatusDeprecated: the level is marked deprecated, retired or no longer
	// hired for.
	StatusDeprecated RoleStatus = "deprecated"
	// StatusPlaceholder: its responsibilities and requirements hold only a
	// placeholder sentence ("To be defined at time of business need").
	StatusPlaceholder RoleStatus = "placeholder"
	// StatusActing: a temporary rotation ("Acting ...", "Interim ..."): the
	// person keeps their own grade.
	StatusActing RoleStatus = "acting"
)

var (
	// a whole paragraph or bullet that only stands in for content
	placeholderRE = regexp.MustCompile(`(?i)^\W*(?:(?:this\s+(?:section|level|role)\s+(?:is|will\s+be)\s+)?to\s+be\s+(?:defined|determined|added|written|updated|confirmed)(?:\s*\(tbd\))?(?:\s+(?:at|in)\s+(?:the\s+)?time\s+of\s+(?:the\s+)?business\s+need)?(?:\s+(?:later|soon))?|this\s+is\s+a\s+future\s+level\b[^.]*|tbd|tba|todo|coming\s+soon|placeholder)\W*$`)
	// "Senior X (Deprecated)", "This level is deprecated", "no longer in use"
	deprecatedTitleRE = regexp.MustCompile(`(?i)\b(?:deprecated|retired|discontinued|sunset|archived)\b`)
	deprecatedTextRE  = regexp.MustCompile(`(?i)\b(?:(?:level|role|position|job|title)\s+(?:is|has\s+been|was|will\s+be|are|have\s+been)\s+(?:now\s+)?(?:deprecated|retired|discontinued|sunset)|no\s+longer\s+(?:in\s+use|used|hiring|being\s+hired|hired\s+for|available|offered))\b`)
	// "More details will be added at a later date": the level says it is
	// still to be written
	laterRE       = regexp.MustCompile(`(?i)\b(?:(?:more|further)\s+)?(?:details|information|content)\s+(?:will|is\s+going\s+to)\s+be\s+(?:added|provided|defined|written|shared)\s+(?:at\s+a\s+later\s+(?:date|time|stage)|later|soon|in\s+the\s+future)\b`)
	actingTitleRE = regexp.MustCompile(`(?i)^(?:acting|interim)\s+\S`)
)

// IsPlaceholder reports whether a text only stands in for content ("To be
// defined at time of business need.", "TBD", "This is a future level").
func IsPlaceholder(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && len(t) < 200 && mayBePlaceholder(t) && placeholderRE.MatchString(t)
}

// mayBePlaceholder reports whether t's first run of ASCII word characters
// (letters, digits, '_') is a word a match of placeholderRE can open with:
// every alternative opens with one of placeholderOpenings, followed by no
// word character, after ^\W*. \W takes no ASCII word character, and a
// character past ASCII it does not take (under (?i), the Kelvin sign and
// the long s) opens no alternative. A run followed by a character past
// ASCII may go on in a letter that folds onto ASCII ("thiſ"), so it is
// asked of the expression. Most items open with another word.
func mayBePlaceholder(t string) bool {
	i := 0
	for i < len(t) && !isREWordByte(t[i]) {
		i++
	}
	j := i
	for j < len(t) && isREWordByte(t[j]) {
		j++
	}
	if j < len(t) && t[j] >= utf8.RuneSelf {
		return true
	}
	for _, w := range placeholderOpenings {
		if len(w) == j-i && hasPrefixFold(t[i:], w) {
			return true
		}
	}
	return false
}

// placeholderOpenings are the first words of placeholderRE's alternatives.
var placeholderOpenings = []string{"this", "to", "tbd", "tba", "todo", "coming", "placeholder"}

// placeholderSection reports whether a section holds text and all of it is
// placeholders.
func placeholderSection(s *Section) bool {
	n := 0
	for _, b := range s.Bullets {
		if !IsPlaceholder(b.Text) {
			return false
		}
		n++
	}
	for _, p := range s.Paragraphs {
		if !IsPlaceholder(p.Text) {
			return false
		}
		n++
	}
	return n > 0
}

// statuses marks deprecated, placeholder and acting roles.
func (s *structurer) statuses() {
	paras := map[*Role][]*Block{} // each role's own paragraphs, gathered in one pass
	for _, b := range s.f.Blocks {
		if b.Role != nil && b.Kind == BlockParagraph {
			paras[b.Role] = append(paras[b.Role], b)
		}
	}
	for _, r := range s.f.Roles {
		for _, sec := range r.Sections {
			sec.Placeholder = placeholderSection(sec)
		}
		switch {
		case r.Heading != nil && deprecatedTitleRE.MatchString(r.Heading.Text):
			r.Status, r.StatusNote = StatusDeprecated, &Sentence{Text: r.Heading.Text, Span: r.Heading.TextSpan}
		case deprecatedText(r, paras[r]):
		case actingTitleRE.MatchString(r.Title):
			r.Status, r.StatusNote = StatusActing, &Sentence{Text: r.Title, Span: r.TitleSpan}
		case s.actingPage(r):
			r.Status, r.StatusNote = StatusActing, &Sentence{Text: s.f.Title, Span: r.TitleSpan}
		default:
			var note *Sentence
			content := false
			for _, sec := range r.Sections {
				switch sec.Kind {
				case SecResponsibilities, SecRequirements, SecBody:
					if !sec.Placeholder {
						content = true
					} else if note == nil {
						note = placeholderNote(sec)
					}
				}
			}
			if note != nil && !content {
				r.Status, r.StatusNote = StatusPlaceholder, note
			} else if later := laterNote(paras[r]); later != nil && placeholderParts(r) {
				// a level that says its details will come later, with
				// a placeholder ("TBD") among what it has so far
				r.Status, r.StatusNote = StatusPlaceholder, later
			}
		}
	}
}

// deprecatedText marks r deprecated when its own paragraphs (outside its
// sections' lists) say so.
func deprecatedText(r *Role, paras []*Block) bool {
	for _, b := range paras {
		if m := findIf(deprecatedTextRE, b.Text, "deprecated", "retired", "discontinued", "sunset", "longer"); m != nil {
			ss := sentenceRange(b.Text, m[0])
			r.Status, r.StatusNote = StatusDeprecated, &Sentence{Text: b.Text[ss[0]:ss[1]], Span: b.SourceSpan(ss[0], ss[1])}
			return true
		}
	}
	return false
}

// laterNote returns the sentence of a role's own paragraphs that says its
// details will be added later, or nil.
func laterNote(paras []*Block) *Sentence {
	for _, b := range paras {
		if b.Section != nil && b.Section.Kind != SecBody {
			continue
		}
		if m := findIf(laterRE, b.Text, "later", "soon", "future"); m != nil {
			ss := sentenceRange(b.Text, m[0])
			return &Sentence{Text: b.Text[ss[0]:ss[1]], Span: b.SourceSpan(ss[0], ss[1])}
		}
	}
	return nil
}

// placeholderParts reports whether a role's responsibilities or
// requirements hold a placeholder ("TBD") among their items.
func placeholderParts(r *Role) bool {
	for _, sec := range r.Sections {
		if sec.Kind != SecResponsibilities && sec.Kind != SecRequirements {
			continue
		}
		for _, b := range sec.Bullets {
			if IsPlaceholder(b.Text) {
				return true
			}
		}
		for _, p := range sec.Paragraphs {
			if IsPlaceholder(p.Text) {
				return true
			}
		}
	}
	return false
}

func placeholderNote(sec *Section) *Sentence {
	if len(sec.Paragraphs) > 0 {
		p := sec.Paragraphs[0]
		return &Sentence{Text: p.Text, Span: p.Span}
	}
	b := sec.Bullets[0]
	return &Sentence{Text: b.Text, Span: b.Span}
}

// actingPage reports whether the page's title makes r an acting rotation:
// "Acting Chief of Staff to the CTO" over "## Chief of Staff to the CTO".
func (s *structurer) actingPage(r *Role) bool {
	t := strings.TrimSpace(s.f.Title)
	if !actingTitleRE.MatchString(t) {
		return false
	}
	rest := strings.TrimSpace(t[strings.IndexAny(t, " \t"):])
	return singularKey(rest) == singularKey(r.Title)
}

// StatusOfTitle returns the status a title alone gives a role, "" for
// none: deprecated ("Senior X (Deprecated)") or acting ("Acting VP, X").
func StatusOfTitle(t string) RoleStatus {
	switch {
	case deprecatedTitleRE.MatchString(t):
		return StatusDeprecated
	case actingTitleRE.MatchString(strings.TrimSpace(t)):
		return StatusActing
	}
	return ""
}

// SaysDeprecated reports whether a text says its role is deprecated or no
// longer hired for ("This role is deprecated", "no longer in use").
//
// Every way of saying it holds one of deprecatedWords: an ASCII text without
// any is not asked of the expression (past ASCII, (?i) folds the long s
// onto s and the Kelvin sign onto k).
func SaysDeprecated(t string) bool {
	if !isASCII(t) {
		return deprecatedTextRE.MatchString(t)
	}
	for _, w := range deprecatedWords {
		if ContainsFold(t, w) {
			return deprecatedTextRE.MatchString(t)
		}
	}
	return false
}

// deprecatedWords are deprecatedTextRE's words, one in each of its ways.
var deprecatedWords = []string{"deprecated", "retired", "discontinued", "sunset", "longer"}
