package model

import (
	"regexp"
	"strconv"
	"strings"
)

// Sentences splits a block's text into sentences, as ranges of b.Text.
// A sentence ends at '.', '!' or '?' followed by a space or the end, except
// after common abbreviations ("Sr.", "e.g.", "vs.").
func Sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' && c != ':' {
			continue
		}
		if i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\n' {
			continue
		}
		if c == ':' {
			continue
		}
		if c == '.' && isAbbrev(text[start:i]) {
			continue
		}
		out = appendSentence(out, text, start, i+1)
		start = i + 1
	}
	out = appendSentence(out, text, start, len(text))
	return out
}

func appendSentence(out [][2]int, text string, s, e int) [][2]int {
	for s < e && (text[s] == ' ' || text[s] == '\n') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
		e--
	}
	if e > s {
		out = append(out, [2]int{s, e})
	}
	return out
}

var abbrevs = []string{"sr", "jr", "e.g", "i.e", "vs", "etc", "no", "inc", "mr", "ms", "dr", "st", "approx", "dept", "u.s", "e.g.", "i.e."}

func isAbbrev(before string) bool {
	j := len(before)
	i := j
	for i > 0 && before[i-1] != ' ' && before[i-1] != '(' {
		i--
	}
	w := strings.ToLower(before[i:j])
	for _, a := range abbrevs {
		if w == a {
			return true
		}
	}
	// a single capital letter, as in "J. Smith"
	return j-i == 1 && before[i] >= 'A' && before[i] <= 'Z'
}

// SentenceAt returns the sentence of b that contains text offset i.
func (b *Block) SentenceAt(i int) *Sentence {
	for _, s := range Sentences(b.Text) {
		if i >= s[0] && i < s[1] {
			return &Sentence{Text: b.Text[s[0]:s[1]], Span: b.SourceSpan(s[0], s[1])}
		}
	}
	return nil
}

var (
	// "grade 8", "Grade #9", "grade level 7", "grade 9.5", "grade 11 or a grade 12", "grade #"
	gradeNumRE = regexp.MustCompile(`(?i)\b(?:job\s+)?grade\s*(?:level\s*)?(?:of\s+)?#?\s*\[?\s*(\d+(?:\.\d+)?|#|(?:x|n|tbd)\b)(?:\s*(?:or|to|and|-|–)\s*(?:a\s+)?(?:grade\s*)?#?\s*(\d+(?:\.\d+)?))?`)
	// "job grade level 7"
	gradeLevelRE = regexp.MustCompile(`(?i)\bjob\s+grade\s+(?:level\s+)?(\d+(?:\.\d+)?)`)
	// "is a [level 11](...grade table...)"
	gradeLevelLinkRE = regexp.MustCompile(`(?i)\b(?:is|are|be)\s+(?:an?\s+)?(?:job\s+)?level\s*#?\s*(\d+(?:\.\d+)?)`)
	// "is a 8" (the number alone, linked to the grade table)
	gradeBareRE = regexp.MustCompile(`(?i)\b(?:is|are|be)\s+(?:an?\s+)?(?:job\s+)?(\d+(?:\.\d+)?)\b`)
	// "is a grade" with no number
	gradeWordRE = regexp.MustCompile(`(?i)\b(?:is|are|be)\s+(?:an?\s+)?(?:job\s+)?(grade)\b`)
	// the copula that ends the subject of a grade sentence
	gradeVerbRE = regexp.MustCompile(`(?i)\s+(?:is|are|can\s+be|will\s+be|would\s+be|maps\s+to|is\s+mapped\s+to|is\s+at|sits\s+at|is\s+considered)\s+(?:an?\s+|at\s+)?(?:job\s+)?[^\s]*$`)
	// a grade sentence outside a Job Grade section must say "X is a grade N"
	strictGradeRE = regexp.MustCompile(`(?i)\b(?:is|are|can\s+be|maps\s+to|will\s+be)\s+(?:an?\s+)?(?:job\s+)?(?:grade|level)\b`)
	noGradeRE     = regexp.MustCompile(`(?i)\b(?:does\s+not|doesn't|do\s+not|don't)\s+have\s+an?\s+(?:job\s+)?grade|\bgrade\s+(?:is\s+)?(?:tbd|to\s+be\s+(?:determined|defined))|\bno\s+(?:job\s+)?grade\b`)
)

// gradeNumMatch is gradeNumRE.FindStringSubmatchIndex(text), the
// expression run from shortly before the text's first "grade" (in any
// case; none of its letters folds from past ASCII), not tried at every
// offset before it. Every match holds a "grade" and starts at it or at
// "job" and the spaces before it: so at the first one, or at "job" and the
// spaces before the first one, or after the first one. The text is cut
// before the spaces before the first "grade" and the word characters
// before them (a "job" among them): after no word character, where \b
// reads the same.
func gradeNumMatch(text string) []int {
	i := indexFoldASCII(text, "grade")
	if i < 0 {
		return nil
	}
	cut := i
	for cut > 0 && IsRESpace(text[cut-1]) {
		cut--
	}
	for cut > 0 && isREWordByte(text[cut-1]) {
		cut--
	}
	m := gradeNumRE.FindStringSubmatchIndex(text[cut:])
	for k := range m {
		if m[k] >= 0 {
			m[k] += cut
		}
	}
	return m
}

// gradeVerbTokens is the most runs without \s a match of gradeVerbRE
// holds: "is mapped to", "an" or "at", "job" and the last run.
const gradeVerbTokens = 6

// gradeVerbIndex is gradeVerbRE.FindStringIndex(s), the expression run on
// the end of s that holds its last gradeVerbTokens runs without \s and the
// spaces before them: a match opens with \s, holds no more runs than that
// and ends at the text's end, so no match starts before. The expression
// was tried at every offset of the sentence's start.
func gradeVerbIndex(s string) []int {
	cut := LastRunsStart(s, gradeVerbTokens)
	loc := gradeVerbRE.FindStringIndex(s[cut:])
	for k := range loc {
		loc[k] += cut
	}
	return loc
}

// indexFoldASCII is the index of the first w (lower-case ASCII letters) in
// s in any ASCII case, or -1.
func indexFoldASCII(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && equalFoldASCII(s[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

// findGrade looks for a grade in a block. strict demands the "X is a grade N"
// form (outside a Job Grade section); a grade-table link makes a bare number
// count.
func findGrade(b *Block, links []*Link, strict bool) *Grade {
	text := b.Text
	if !ContainsFold(text, "grade") && !hasGradeLink(links) {
		return nil
	}
	if strict && !strictGradeRE.MatchString(text) && !hasGradeLink(links) {
		return nil
	}
	var numStart, numEnd, maxStart, maxEnd = -1, -1, -1, -1
	var matchStart int
	if m := gradeNumMatch(text); m != nil {
		numStart, numEnd, maxStart, maxEnd = m[2], m[3], m[4], m[5]
		matchStart = m[0]
	} else if m := gradeLevelRE.FindStringSubmatchIndex(text); m != nil {
		numStart, numEnd, matchStart = m[2], m[3], m[0]
	} else if m := gradeLevelLinkRE.FindStringSubmatchIndex(text); m != nil && linkCovers(links, m[2], true) != nil {
		numStart, numEnd, matchStart = m[2], m[3], m[0]
	} else if m := gradeBareRE.FindStringSubmatchIndex(text); m != nil && linkCovers(links, m[2], true) != nil {
		numStart, numEnd, matchStart = m[2], m[3], m[2]
	} else if m := gradeWordRE.FindStringSubmatchIndex(text); m != nil {
		numStart, numEnd, matchStart = m[2], m[2], m[2]
	} else {
		return nil
	}
	if strict {
		// the grade must be what the sentence says the role is
		sent := sentenceRange(text, matchStart)
		if !strictGradeRE.MatchString(text[sent[0]:min(numEnd+1, len(text))]) && linkCovers(links, numStart, true) == nil {
			return nil
		}
	}
	g := &Grade{}
	g.Raw = text[numStart:numEnd]
	if v, err := strconv.ParseFloat(g.Raw, 64); err == nil {
		g.Number = &v
	}
	g.Span = b.SourceSpan(numStart, numEnd)
	if numEnd == numStart {
		g.Span = b.SourceSpan(numStart, numStart+len("grade"))
	}
	if maxStart >= 0 {
		if v, err := strconv.ParseFloat(text[maxStart:maxEnd], 64); err == nil {
			g.Max = &v
			g.Raw = text[numStart:maxEnd]
		}
	}
	sent := sentenceRange(text, matchStart)
	g.Sentence = &Sentence{Text: text[sent[0]:sent[1]], Span: b.SourceSpan(sent[0], sent[1])}
	if l := linkCovers(links, numStart, false); l != nil {
		g.Link = l
		g.Target = l.Target
	} else if l := linkCovers(links, matchStart, false); l != nil {
		g.Link = l
		g.Target = l.Target
	}
	// the subject: "The <subject> is a grade N"
	before := text[sent[0]:matchStart]
	if loc := gradeVerbIndex(before + "x"); loc != nil && loc[0] > 0 {
		subj := before[:loc[0]]
		s0 := sent[0]
		for _, art := range []string{"The ", "the ", "A ", "An ", "This "} {
			if strings.HasPrefix(subj, art) {
				subj = subj[len(art):]
				s0 += len(art)
				break
			}
		}
		// "Per Total Rewards, the General Manager maps to a grade 10"
		for _, lead := range []string{", the ", ", The ", ", a ", ", an "} {
			if i := strings.LastIndex(subj, lead); i >= 0 {
				s0 += i + len(lead)
				subj = subj[i+len(lead):]
				break
			}
		}
		trimmed := strings.TrimRight(subj, " ,")
		g.Subject = strings.TrimSpace(trimmed)
		lead := len(trimmed) - len(strings.TrimLeft(trimmed, " "))
		g.SubjectSpan = b.SourceSpan(s0+lead, s0+len(trimmed))
	}
	return g
}

// sentenceRange returns the sentence of text that holds offset i.
func sentenceRange(text string, i int) [2]int {
	for _, s := range Sentences(text) {
		if i >= s[0] && i < s[1] {
			return s
		}
	}
	return [2]int{0, len(text)}
}

// linkCovers returns the link whose text covers text offset i. With
// gradeTable, only a link to a grade table counts.
func linkCovers(links []*Link, i int, gradeTable bool) *Link {
	for _, l := range links {
		if i >= l.TextIn.Start && i < l.TextIn.End {
			if gradeTable && !isGradeLink(l) {
				continue
			}
			return l
		}
	}
	return nil
}

func hasGradeLink(links []*Link) bool {
	for _, l := range links {
		if isGradeLink(l) {
			return true
		}
	}
	return false
}

// isGradeLink reports whether a link points at a grade table, by the
// handbook's conventions (compensation calculator, #gitlab-job-grades).
func isGradeLink(l *Link) bool {
	t := strings.ToLower(l.Target)
	return strings.Contains(t, "job-grades") || strings.Contains(t, "compensation-calculator")
}

// SaysNoGrade reports whether a text says a role has no grade ("does not
// have a grade", "grade TBD", "no job grade").
//
// Every way of saying it holds "grade", which no letter past ASCII folds to
// (the expression's (?i) folds only k and s past it): a text without the
// word is not asked of the expression.
func SaysNoGrade(t string) bool { return ContainsFold(t, "grade") && noGradeRE.MatchString(t) }
