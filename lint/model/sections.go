package model

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// sectionNames maps the ways real pages name a section to its kind. Each
// pattern matches the end of a heading (or bold paragraph), so that a role
// name written before it ("Director, X Responsibilities") becomes the
// section's prefix. Order matters: the first pattern that matches wins, so
// "Nice-to-have Requirements" is a nice-to-have before it is a requirement.
var sectionNames = []struct {
	kind SectionKind
	re   *regexp.Regexp
	last []string // the words a match can end with (lastWord of the heading)
}{
	{SecNiceToHaves, sectionRE(`nice[\s-]*to[\s-]*haves?(?:\s+(?:requirements?|qualifications|skills))?|preferred\s+(?:qualifications|requirements|skills)|bonus\s+points|(?:other\s+|additional\s+)?helpful\s+(?:experience|skills)`),
		[]string{"have", "haves", "requirement", "requirements", "qualifications", "skills", "points", "experience"}},
	{SecJobGrade, sectionRE(`(?:job\s+)?grade(?:\s+level)?|job\s+level`), []string{"grade", "level"}},
	// "Base Requirements Across All Levels": the family's requirements, not a
	// list of levels
	{SecRequirements, sectionRE(`(?:base\s+|shared\s+|common\s+|general\s+|core\s+)?(?:requirements?|qualifications)\s+(?:for|across|of|at)\s+(?:all\s+|every\s+|each\s+)?(?:the\s+)?(?:levels?|roles?)`),
		[]string{"level", "levels", "role", "roles"}},
	{SecResponsibilities, sectionRE(`(?:base\s+|shared\s+|common\s+|general\s+|core\s+)?responsibilities\s+(?:for|across|of|at)\s+(?:all\s+|every\s+|each\s+)?(?:the\s+)?(?:levels?|roles?)`),
		[]string{"level", "levels", "role", "roles"}},
	{SecLevels, sectionRE(`(?:job\s+)?grades|(?:job\s+)?levels(?:\s+and\s+grades)?|(?:job\s+)?levels\s*(?:&|and)\s*grades`), []string{"grades", "levels"}},
	// any word starting "responsib", or a typo of it ("Responsbilities",
	// "Resposibilities")
	{SecResponsibilities, sectionRE(`(?:key\s+|core\s+|job\s+|general\s+)?respo?n?si?b[a-z]*`), nil},
	// "Expectations" under a level: what the level does
	{SecResponsibilities, sectionRE(`(?:key\s+|core\s+|job\s+|role\s+)?expectations`), []string{"expectations"}},
	{SecRequirements, sectionRE(`(?:minimum\s+|basic\s+|general\s+|job\s+|key\s+)?(?:requirements?|requirments|qualifications)`),
		[]string{"requirement", "requirements", "requirments", "qualifications"}},
	// the advert's way of saying it: "You may be a fit to this role if you",
	// "You should apply if you"
	{SecRequirements, sectionRE(`you\s+(?:may|might)\s+be\s+a\s+(?:good\s+|great\s+)?fit(?:\s+(?:for|to)\s+this\s+(?:role|position))?(?:\s+if(?:\s+you)?)?|you\s+should\s+apply\s+if(?:\s+you)?`),
		[]string{"you", "if", "fit", "role", "position"}},
	{SecPerformance, sectionRE(`(?:key\s+|primary\s+)?performance\s+indicators?(?:\s*\((?:pis?|kpis?)\))?(?:\s+for\s+the\s+role)?|kpis|pis`),
		[]string{"indicator", "indicators", "pi", "pis", "kpi", "kpis", "role"}},
	{SecHiringProcess, sectionRE(`hiring\s+process|interview(?:ing)?\s+process`), []string{"process"}},
	{SecCareerLadder, sectionRE(`career\s+(?:ladder|paths?|progression)|moving\s+to\s+and\s+moving\s+from`),
		[]string{"ladder", "path", "paths", "progression", "from"}},
	{SecSpecialties, sectionRE(`specialt(?:y|ies)|specialit(?:y|ies)|speciali[sz]ations?`),
		[]string{"specialty", "specialties", "speciality", "specialities", "specialization", "specializations", "specialisation", "specialisations"}},
	{SecSegment, sectionRE(`segments?`), []string{"segment", "segments"}},
	{SecExpertise, sectionRE(`expertises?`), []string{"expertise", "expertises"}},
}

// sectionsByLastWord maps a heading's last word to the patterns of
// sectionNames (bit i for pattern i) that can match it; a heading ending
// with another word is no section, and no pattern need run.
var sectionsByLastWord = func() map[string]uint32 {
	m := map[string]uint32{}
	for i, sn := range sectionNames {
		for _, w := range sn.last {
			m[w] |= 1 << i
		}
	}
	return m
}()

// responsibRE matches a last word that starts "responsib", or a typo of
// it with one of its letters left out ("responsb...", "resposib...").
var responsibRE = regexp.MustCompile(`^respo?n?si?b`)

// responsibPrefix is responsibRE.MatchString(w) without the expression
// (MatchSection asks it of every heading's last word): "resp", then "o",
// "n" each if there, "s", "i" if there, "b". Each optional letter differs
// from the one after it, so no other reading of the expression matches.
func responsibPrefix(w string) bool {
	rest, ok := strings.CutPrefix(w, "resp")
	if !ok {
		return false
	}
	for _, c := range []byte{'o', 'n'} {
		if rest != "" && rest[0] == c {
			rest = rest[1:]
		}
	}
	if rest == "" || rest[0] != 's' {
		return false
	}
	rest = rest[1:]
	if rest != "" && rest[0] == 'i' {
		rest = rest[1:]
	}
	return rest != "" && rest[0] == 'b'
}

// responsibPatterns are the patterns for a last word starting "responsib"
// (responsibRE).
var responsibPatterns = func() uint32 {
	for i, sn := range sectionNames {
		if sn.kind == SecResponsibilities && sn.last == nil {
			return 1 << i
		}
	}
	panic("no responsibilities pattern")
}()

func sectionRE(alt string) *regexp.Regexp {
	return regexp.MustCompile(sectionREHead + alt + sectionRETail)
}

const (
	sectionREHead = `(?i)(?:^|[\s,:(–—-])(`
	sectionRETail = `)\s*:?\s*$`
)

// MatchSection tells whether a heading or bold-paragraph text names a
// section. It returns the kind, the section name as written and the text
// before it (a role name, usually), trimmed.
func MatchSection(text string) (kind SectionKind, name, prefix string, ok bool) {
	t := strings.TrimSpace(text)
	t = strings.Trim(t, "*_ ")
	if t == "" || len(t) > 160 {
		return "", "", "", false
	}
	w := lastWord(t)
	patterns := sectionsByLastWord[w]
	if responsibPrefix(w) {
		patterns |= responsibPatterns
	}
	if patterns == 0 {
		return "", "", "", false
	}
	m, ok, full := sectionMemo.get(t)
	if ok {
		return m.kind, m.name, m.prefix, m.ok
	}
	if full {
		// asked of the text itself: no copy made, and none held by the
		// caller's model (a page of 20,000 distinct headings)
		m = matchSectionPatterns(t, patterns)
		return m.kind, m.name, m.prefix, m.ok
	}
	m = matchSectionPatterns(strings.Clone(t), patterns)
	sectionMemo.put(m)
	return m.kind, m.name, m.prefix, m.ok
}

// sectionMatch is MatchSection's answer for a text.
type sectionMatch struct {
	text         string
	kind         SectionKind
	name, prefix string // pieces of text
	ok           bool
}

// matchSectionPatterns asks t of the patterns of sectionNames in the set
// patterns (bit i for sectionNames[i]), in order.
func matchSectionPatterns(t string, patterns uint32) sectionMatch {
	if !isASCII(t) {
		// (?i) folds the Kelvin sign onto k and the long s onto s: a
		// pattern may then match past the last ASCII word
		patterns = 1<<len(sectionNames) - 1
	}
	for i, sn := range sectionNames {
		if patterns&(1<<i) == 0 {
			continue
		}
		start, end, ok := sectionNameAt(t, sectionWholes[i])
		if !ok {
			continue
		}
		prefix := strings.TrimRight(t[:start], " \t,:-–—(")
		return sectionMatch{text: t, kind: sn.kind, name: t[start:end], prefix: strings.TrimSpace(prefix), ok: true}
	}
	return sectionMatch{text: t}
}

// sectionWholes are sectionNames' alternations anchored at both ends:
// (?i)^(?:alt)$ for sectionRE(alt).
var sectionWholes = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(sectionNames))
	for i, sn := range sectionNames {
		src := sn.re.String()
		if !strings.HasPrefix(src, sectionREHead) || !strings.HasSuffix(src, sectionRETail) {
			panic("section pattern not made by sectionRE: " + src)
		}
		out[i] = regexp.MustCompile(`(?i)^(?:` + src[len(sectionREHead):len(src)-len(sectionRETail)] + `)$`)
	}
	return out
}()

// sectionNameAt is the name group of sectionRE(alt).FindStringSubmatchIndex(t)
// read with whole, alt anchored at both ends, asked of a few stretches of t
// instead of the expression at every offset. No alternative ends with a
// space or a colon, so the name ends where \s*:?\s*$ begins at its
// longest; it starts at 0 (^) or after a separator, and the leftmost start
// wins (at 0, ^ before a separator).
func sectionNameAt(t string, whole *regexp.Regexp) (start, end int, ok bool) {
	end = len(t)
	for end > 0 && IsRESpace(t[end-1]) {
		end--
	}
	if end > 0 && t[end-1] == ':' {
		end--
	}
	for end > 0 && IsRESpace(t[end-1]) {
		end--
	}
	if end > 0 && whole.MatchString(t[:end]) {
		return 0, end, true
	}
	for p := 0; p < end; {
		r, n := utf8.DecodeRuneInString(t[p:])
		p += n
		switch r {
		case '\t', '\n', '\f', '\r', ' ', ',', ':', '(', '–', '—', '-':
			if p < end && whole.MatchString(t[p:end]) {
				return p, end, true
			}
		}
	}
	return 0, 0, false
}

// IsRESpace reports whether c is one of the bytes regexp's \s matches.
func IsRESpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

// LastRunsStart returns where the last n runs of s without \s begin,
// with the \s before them: an expression whose matches hold at most n such
// runs and end at the text's end finds from there what it finds in all of
// s, so it need not be tried at every offset before.
func LastRunsStart[S ~string | ~[]byte](s S, n int) int {
	cut := len(s)
	for ; n > 0 && cut > 0; n-- {
		for cut > 0 && !IsRESpace(s[cut-1]) {
			cut--
		}
		for cut > 0 && IsRESpace(s[cut-1]) {
			cut--
		}
	}
	return cut
}

// sectionMemo holds MatchSection's answers for the texts that end in a
// section's word, for the whole process: the same headings ("##
// Requirements", "### Responsibilities") recur on every page, and asking
// the patterns is a scan of each over the text. The texts are copies (no
// page's source is held), at most maxSectionMemo of them.
var sectionMemo = sectionMatches{m: map[string]sectionMatch{}}

const maxSectionMemo = 4096

type sectionMatches struct {
	mu sync.RWMutex
	m  map[string]sectionMatch
}

// get returns the answer kept for t, and whether the memo is full.
func (sm *sectionMatches) get(t string) (m sectionMatch, ok, full bool) {
	sm.mu.RLock()
	m, ok = sm.m[t]
	full = len(sm.m) >= maxSectionMemo
	sm.mu.RUnlock()
	return m, ok, full
}

func (sm *sectionMatches) put(m sectionMatch) {
	sm.mu.Lock()
	if len(sm.m) < maxSectionMemo {
		sm.m[m.text] = m
	}
	sm.mu.Unlock()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lastWord returns the lower-cased last word of a heading.
func lastWord(t string) string {
	end := len(t)
	for end > 0 && strings.IndexByte(" :)\t", t[end-1]) >= 0 {
		end--
	}
	start := end
	for start > 0 && isWordByte(t[start-1]) {
		start--
	}
	return strings.ToLower(t[start:end])
}
