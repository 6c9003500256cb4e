package model

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Extension is what a level takes over from another role, as its text
// says: "Meets all of the requirements of an Intermediate X, plus:", "all
// of the responsibilities of the level below", "This role extends the
// Senior Director role".
type Extension struct {
	// Kinds are the section kinds taken over: responsibilities,
	// requirements, or both ("extends the X role").
	Kinds []SectionKind
	// From is the role taken from; nil when the page has no role the text
	// names (the inherited sections then count, unseen).
	From *Role
	// Target is the role as the text names it ("the level below").
	Target   string
	Sentence *Sentence
}

var (
	// "all of the requirements of an Intermediate X", "all the
	// responsibilities and requirements listed for the Senior level"
	extendAllRE = regexp.MustCompile(`(?i)\ball\s+(?:of\s+)?(?:the\s+)?(responsibilit(?:y|ies)|requirements?|expectations|qualifications)(?:\s+(?:and|&)\s+(responsibilit(?:y|ies)|requirements?|expectations|qualifications))?\s+(?:of|for|from|in|at|(?:listed|defined|outlined|described|stated|required)\s+(?:for|in|of|at|under|above))\s+(?:an?\s+|the\s+)?`)
	// "share the same responsibilities and requirements as the Community
	// Advocate listed above" (also misspelt: "responsibilites")
	extendSameRE = regexp.MustCompile(`(?i)\b(?:share|shares|sharing|have|has|having|meet|meets|meeting)\s+(?:all\s+(?:of\s+)?)?the\s+same\s+(responsibilit?(?:y|ies|es)|requirements?|expectations|qualifications)(?:\s+(?:and|&)\s+(responsibilit?(?:y|ies|es)|requirements?|expectations|qualifications))?\s+(?:as|of)\s+(?:an?\s+|the\s+)?`)
	// "In addition to meeting the requirements of a Manager, Community
	// Advocate, the Senior Manager will have the following:", "In addition
	// to the above requirements for Global Support Engineers", "In addition
	// to the same requirements, responsibilities, and performance
	// indicators defined above for the Manager, Infrastructure", "In
	// addition to the criteria of the previous level" (criteria: requirements)
	extendAdditionRE = regexp.MustCompile(`(?i)\bin\s+addition\s+to\s+(?:(?:meeting|having|fulfilling|fulfiling|holding)\s+)?(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:(?:above|same|general|previous|main)\s+)?(responsibilit?(?:y|ies|es)|re?quirements?|expectations|qualifications|criteria)(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(responsibilit?(?:y|ies|es)|re?quirements?|expectations|qualifications|criteria))?(?:\s*,?\s*(?:and\s+)?performance\s+indicators)?(?:\s+(?:defined|listed|outlined|described|stated))?(?:\s+above)?(?:\s+(?:of|for)\s+(?:an?\s+|the\s+)?|\b)`)
	// "All of the above requirements and:", "all the previous level's
	// responsibilities": the level before
	extendAboveRE = regexp.MustCompile(`(?i)\ball\s+(?:of\s+)?(?:the\s+)?(?:above|previous|preceding|prior)(?:\s+(?:level|role)(?:'s|’s)?)?\s+(responsibilit?(?:y|ies|es)|requirements?|expectations|qualifications)(?:\s+(?:and|&)\s+(responsibilit?(?:y|ies|es)|requirements?|expectations|qualifications))?\b`)
	// "Staff X are Senior Xs who additionally meet the following
	// criteria": a level defined as another one plus more
	extendWhoRE = regexp.MustCompile(`(?i)\b(?:are|is)\s+(?:an?\s+|the\s+)?([^\s,;:.][^,;:.]*?)\s+who\s+(?:additionally|also|further)\b`)
	// "extends the Senior Director role", "builds on the Manager level",
	// "Requirements for the Staff X extend the Senior X job"
	extendRoleRE = regexp.MustCompile(`(?i)\b(extends?|builds\s+(?:up)?on):?\s+(?:the\s+)?`)
	// "In addition to the above:", naming nothing more: what the level
	// before asks
	extendAdditionAboveRE = regexp.MustCompile(`(?i)\bin\s+addition\s+to\s+(?:all\s+(?:of\s+)?)?the\s+above\s*(?:[,:;.]|$)`)
	// "above" in an "in addition to" phrase: the level before
	extendAboveWordRE = regexp.MustCompile(`(?i)\babove\b`)
	// the keywords of a text that says it takes over another role's
	// sections (InheritAt): "extend" and its forms, "in addition to",
	// "build(s) on"
	inheritKeywordRE = regexp.MustCompile(`(?i)\b(?:extend\w*|in\s+addition\s+to|builds?\s+on)\b`)
	// where the named role ends
	extendEndRE = regexp.MustCompile(`(?i)(?:\s*[,:;.(]|\s+(?:plus|and|as\s+well|in\s+addition|with|who|which|but|to|listed|described|outlined|defined|above|below)\b)`)
	// "the level below", "the previous level", "previous roles", "as
	// listed above"
	extendBelowRE = regexp.MustCompile(`(?i)^(?:(?:level|role|position)s?\s+(?:below|before)|(?:previous|prior|lower|preceding)\s+(?:level|role|position)s?|(?:(?:listed|described|outlined|defined|stated|shown|mentioned)\s+)?above)\b`)
	// "a Business Systems Analyst at previous levels": the role at every
	// level before, which the level before takes over
	extendAtPreviousRE = regexp.MustCompile(`(?i)\s(?:at|of|in|for)\s+(?:all\s+)?(?:the\s+)?(?:previous|prior|lower|preceding)\s+(?:levels|roles|positions)\b`)
	// "that of the X", "those of X": the role X
	extendThatOfRE = regexp.MustCompile(`(?i)^(?:that|those)\s+of\s+(?:the\s+|an?\s+)?`)
	// "the Manager role", "the Senior level": a whole role named
	extendWholeRE  = regexp.MustCompile(`(?i)^[^.;:]*?\b(?:roles?|levels?|positions?)\b`)
	extendSuffixRE = regexp.MustCompile(`(?i)\s+(?:role|level|position|job|job\s+family)s?$`)
	// a role named with the section taken over: "the Pricing Analyst
	// requirements", "the Manager's responsibilities"
	extendKindSuffixRE = regexp.MustCompile(`(?i)(?:'s|’s)?\s+(responsibilit(?:y|ies)|requirements?|expectations|qualifications)$`)
)

// extensionWords are the words one of which every extension sentence holds
// (or a typo of "Extends" opening it: extendsTypo).
var extensionWords = newFoldSet("all", "same", "extend", "builds", " who ", "addition")

// extensions reads each level's extension sentences, in its own text and
// its sections, and resolves the role each names.
func (s *structurer) extensions() {
	byRole := map[*Role][]*Block{}
	for _, b := range s.f.Blocks {
		if b.Role != nil && (b.Kind == BlockParagraph || b.Kind == BlockItem) && (extensionWords.in(b.Text) || extendsTypo(b.Text)) {
			byRole[b.Role] = append(byRole[b.Role], b)
		}
	}
	var prev *Role
	for _, r := range s.f.Roles {
		before := prev
		if r.Kind == KindLevel {
			prev = r
		}
		for _, b := range byRole[r] {
			for _, ss := range Sentences(b.Text) {
				if e := s.readExtension(r, before, b, ss); e != nil {
					r.Extends = append(r.Extends, e)
				}
			}
		}
	}
}

func (s *structurer) readExtension(r, before *Role, b *Block, ss [2]int) *Extension {
	t := b.Text[ss[0]:ss[1]]
	// a text matches a pattern only where its first word is written (in
	// ASCII, or in any text without a rune that folds to an ASCII letter):
	// most sentences of a block that passed extensions' filter are turned
	// away here, before the regular expressions
	ascii := foldsBytewise(t)
	if ascii && !extensionWords.in(t) && !extendsTypo(t) {
		return nil
	}
	// each pattern but extendRoleRE names a kind of section: an ASCII
	// sentence naming none, or with no "who", skips those expressions
	kind := mayMatch(t, "responsib", "requirement", "expectations", "qualifications")
	// "Staff X are Senior Xs who additionally meet the following criteria:"
	if m := findIf(extendWhoRE, t, "who"); m != nil {
		target := strings.TrimSpace(t[m[2]:m[3]])
		from := s.extensionTarget(r, target)
		if from == nil || from == r {
			return nil // "are engineers who also ..." names no level of the page
		}
		return &Extension{Kinds: []SectionKind{SecResponsibilities, SecRequirements}, Target: target, From: from,
			Sentence: &Sentence{Text: t, Span: b.SourceSpan(ss[0], ss[1])}}
	}
	var kinds []SectionKind
	at := -1
	exact := false
	var m []int
	if kind && (!ascii || ContainsFold(t, "all")) {
		m = extendAllRE.FindStringSubmatchIndex(t)
	}
	if m == nil && kind && (!ascii || ContainsFold(t, "same")) {
		m = extendSameRE.FindStringSubmatchIndex(t)
	}
	// a role of the page must be named: "in addition to the requirements
	// of the business" is not an extension
	needRole, above := false, false
	if m == nil && (!ascii || ContainsFold(t, "addition")) && extendAdditionAboveRE.MatchString(t) {
		// the list it is written in, else the whole level
		kinds := []SectionKind{SecResponsibilities, SecRequirements}
		if sec := b.Section; sec != nil && (sec.Kind == SecResponsibilities || sec.Kind == SecRequirements) {
			kinds = []SectionKind{sec.Kind}
		}
		if before == nil || before == r {
			return nil
		}
		return &Extension{Kinds: kinds, Target: "above", From: before, Sentence: &Sentence{Text: t, Span: b.SourceSpan(ss[0], ss[1])}}
	}
	if m == nil && (!ascii || ContainsFold(t, "addition")) {
		if m = extendAdditionRE.FindStringSubmatchIndex(t); m != nil {
			needRole = true
			// "In addition to the same requirements ... defined above, this
			// specialty requires": the level before, when no role is named
			above = extendAboveWordRE.MatchString(t[m[0]:m[1]])
		}
	}
	if m == nil && kind && (!ascii || ContainsFold(t, "all")) {
		if a := extendAboveRE.FindStringSubmatchIndex(t); a != nil {
			var kinds []SectionKind
			for _, i := range []int{2, 4} {
				if a[i] < 0 {
					continue
				}
				k := SecRequirements
				if w := strings.ToLower(t[a[i]:a[i+1]]); strings.HasPrefix(w, "respons") || strings.HasPrefix(w, "expect") {
					k = SecResponsibilities
				}
				if !slices.Contains(kinds, k) {
					kinds = append(kinds, k)
				}
			}
			if before == nil || before == r {
				return nil
			}
			return &Extension{Kinds: kinds, Target: "above", From: before, Sentence: &Sentence{Text: t, Span: b.SourceSpan(ss[0], ss[1])}}
		}
	}
	if m != nil {
		at = m[1]
		for _, i := range []int{2, 4} {
			if m[i] < 0 {
				continue
			}
			w := strings.ToLower(t[m[i]:m[i+1]])
			k := SecRequirements
			if strings.HasPrefix(w, "responsib") || strings.HasPrefix(w, "expect") {
				k = SecResponsibilities
			}
			if !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	} else if m := extendRoleAt(t); m != nil {
		at = m[1]
		// "Requirements for the Staff X extend the Senior X job": the
		// plural verb takes over only from a role the page titles
		exact = strings.EqualFold(t[m[2]:m[3]], "extend")
		kinds = []SectionKind{SecResponsibilities, SecRequirements}
		// "Extends that of the Billing Operations Associate" written in
		// the level's Responsibilities (or Requirements): that list only,
		// unless it says it takes the role ("extends the Manager role")
		if sec := b.Section; sec != nil && extendsOwnList(sec.Kind) && !extendWholeRE.MatchString(t[m[1]:]) {
			// "Extends that of the Senior Manager, X." written in the level's
			// Performance Indicators (or Career Ladder, Hiring Process,
			// Nice-to-haves) takes over that list, which an Extension does
			// not record: neither responsibilities nor requirements
			if sec.Kind != SecResponsibilities && sec.Kind != SecRequirements {
				return nil
			}
			kinds = []SectionKind{sec.Kind}
		}
	} else {
		return nil
	}
	rest := t[at:]
	rest = rest[:extendEnd(rest)]
	// "a Business Systems Analyst at previous levels": the name is the
	// role's, the level the one before
	atPrevious := false
	if loc := extendAtPreviousRE.FindStringIndex(rest); loc != nil {
		rest, atPrevious = rest[:loc[0]], true
	}
	target := strings.TrimSpace(extendSuffixRE.ReplaceAllString(strings.TrimSpace(rest), ""))
	// "Extends that of the Community Programs Evangelist": that role
	target = extendThatOfRE.ReplaceAllString(target, "")
	// "the same requirements as other [Staff Analysts](...)": those
	if t := strings.TrimSpace(target); len(t) > 6 && strings.EqualFold(t[:6], "other ") {
		target = strings.TrimSpace(t[6:])
	}
	// "Extends the Pricing Analyst requirements": that role, those only
	if m := extendKindSuffixRE.FindStringSubmatchIndex(target); m != nil && m[0] > 0 {
		w := strings.ToLower(target[m[2]:m[3]])
		k := SecRequirements
		if strings.HasPrefix(w, "responsib") || strings.HasPrefix(w, "expect") {
			k = SecResponsibilities
		}
		named := strings.TrimSpace(target[:m[0]])
		role := strings.TrimSpace(extendSuffixRE.ReplaceAllString(named, ""))
		// "extends the Senior Product Analyst role expectations": what is
		// expected of the whole role, both lists; "the Pricing Analyst
		// requirements": that list only
		if !(strings.HasPrefix(w, "expect") && role != named) {
			kinds = []SectionKind{k}
		}
		target = role
	}
	below := atPrevious || extendBelowRE.MatchString(strings.TrimSpace(t[at:]))
	// a role the page titles, named where the text names one ("extends
	// the Manager, Quality Engineering role", "that of the Senior Backend
	// Engineer role as an individual contributor"), the longest such title
	titled := s.titledAt(r, t[at:])
	if target == "" && !below && titled == nil && !above {
		return nil
	}
	e := &Extension{Kinds: kinds, Target: target, Sentence: &Sentence{Text: t, Span: b.SourceSpan(ss[0], ss[1])}}
	switch {
	case below:
		e.From = before
	case titled != nil:
		e.From, e.Target = titled, titled.Title
	case exact:
	default:
		e.From = s.extensionTarget(r, target)
	}
	// "In addition to the above requirements for Global Support
	// Engineers", naming no role of the page: the level before
	// (resolved by its place, not its name)
	if e.From == nil && above {
		e.From, e.Target = before, "above"
	}
	if e.From == r {
		e.From = nil
	}
	if (needRole || exact) && e.From == nil {
		return nil
	}
	return e
}

// extendRoleAt finds extendRoleRE in t, or an opening word one typo from
// "Extends" ("Exends that of the Director"): the match's bounds and its
// verb's (submatch 1).
func extendRoleAt(t string) []int {
	if m := findIf(extendRoleRE, t, "extend", "builds"); m != nil {
		return m
	}
	if !extendsTypo(t) {
		return nil
	}
	start := len(t) - len(strings.TrimLeft(t, " \t*_"))
	end := start + len(openingWord(t))
	at := end + len(t[end:]) - len(strings.TrimLeft(t[end:], " "))
	if len(t) >= at+4 && strings.EqualFold(t[at:at+4], "the ") {
		at += 4
	}
	return []int{start, at, start, end}
}

// extendsTypo reports whether t opens with a word one typo from "extends"
// ("Exends", "Extneds"): ASCII letters, 6 to 8 of them.
func extendsTypo(t string) bool {
	w := openingWord(t)
	return len(w) >= 6 && len(w) <= 8 && !strings.EqualFold(w, "extends") && TypoDistance(strings.ToLower(w), "extends") == 1
}

// openingWord returns the ASCII letters that open t, after spaces and
// emphasis markup.
func openingWord(t string) string {
	t = strings.TrimLeft(t, " \t*_")
	end := 0
	for end < len(t) && (t[end] >= 'a' && t[end] <= 'z' || t[end] >= 'A' && t[end] <= 'Z') {
		end++
	}
	return t[:end]
}

// InheritAt finds where a text says it takes over another role's sections
// ("Extends the ...", "Requirements for the X extend the Y job", "In
// addition to the ...", "builds on", a typo of the opening "Extends"): 0
// when the text opens with it, else the offset after the keyword; -1 when
// it says nothing of the kind. Rules read the links of such a text (the
// page extended); readExtension reads the roles of this page it names.
func InheritAt(t string) int {
	if isASCII(t) && !ContainsFold(t, "extend") && !ContainsFold(t, "addition") && !ContainsFold(t, "build") {
		if extendsTypo(t) {
			return 0
		}
		return -1
	}
	loc := inheritKeyword(t)
	if loc == nil {
		if extendsTypo(t) {
			return 0
		}
		return -1
	}
	if strings.TrimSpace(t[:loc[0]]) == "" {
		return 0
	}
	return loc[1]
}

// inheritKeyword is inheritKeywordRE.FindStringIndex(t), read by hand in
// a text without the two runes (?i) folds onto ASCII letters (foldsBytewise:
// the long s, the Kelvin sign, which \w then takes too): the expression's
// backtracker tried each offset of each text that holds one of its words
// anywhere ("in", "built"). Any other rune past ASCII is no word character
// to \b and \w, as its bytes are none to the reading. A match opens
// after no word character (\b), each word's letters in any case, each
// \s+ one or more of [\t\n\f\r ]; "extend" takes the word characters
// after it (\w* stops only where \b holds), and "builds?" its s only
// when a space follows (no s can be the space the word needs).
func inheritKeyword(t string) []int {
	if !foldsBytewise(t) {
		return inheritKeywordRE.FindStringIndex(t)
	}
	for i := 0; i < len(t); i++ {
		if i > 0 && isREWordByte(t[i-1]) {
			continue
		}
		switch t[i] | 0x20 {
		case 'e':
			if hasPrefixFold(t[i:], "extend") {
				j := i + len("extend")
				for j < len(t) && isREWordByte(t[j]) {
					j++
				}
				return []int{i, j}
			}
		case 'i':
			if j, ok := wordsFold(t, i, "in", "addition", "to"); ok {
				return []int{i, j}
			}
		case 'b':
			if !hasPrefixFold(t[i:], "build") {
				continue
			}
			j := i + len("build")
			if j < len(t) && t[j]|0x20 == 's' {
				j++
			}
			if k, ok := wordsFold(t, j, "", "on"); ok {
				return []int{i, k}
			}
		}
	}
	return nil
}

// hasPrefixFold reports whether s opens with the lower-case ASCII letters w
// in any case (only a letter's two cases are c|0x20 for a letter c).
func hasPrefixFold(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if s[k]|0x20 != w[k] {
			return false
		}
	}
	return true
}

// wordsFold reads words at t[i:], in any case, each after the first apart
// by spaces of \s (one or more) and the last followed by no word
// character; it returns where the last ends.
func wordsFold(t string, i int, words ...string) (int, bool) {
	for k, w := range words {
		if k > 0 {
			j := i
			for j < len(t) && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\f' || t[j] == '\r') {
				j++
			}
			if j == i {
				return 0, false
			}
			i = j
		}
		if !hasPrefixFold(t[i:], w) {
			return 0, false
		}
		i += len(w)
	}
	return i, i == len(t) || !isREWordByte(t[i])
}

// extendEnd returns where the name an extension sentence takes over from
// ends in rest (extendEndRE), read past the full stop of "Sr." and "Jr."
// ("Extends that of the Sr. Billing Operations Analyst": the Senior
// Billing Operations Analyst, not a role called "Sr").
func extendEnd(rest string) int {
	from := 0
	for from < len(rest) {
		loc := extendEndRE.FindStringIndex(rest[from:])
		if loc == nil {
			break
		}
		start, end := from+loc[0], from+loc[1]
		if strings.TrimSpace(rest[start:end]) == "." && abbreviatedLevel(rest[:start]) {
			from = end
			continue
		}
		return start
	}
	return len(rest)
}

// abbreviatedLevel reports whether s ends with the word "Sr" or "Jr".
func abbreviatedLevel(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	w := strings.ToLower(s[i+1:])
	return w == "sr" || w == "jr"
}

// titledAt returns the role of the page, other than r, whose title opens
// text (after "that of", "the", "a"), the longest such title, followed
// by no letter or digit; nil when none does (or the page has more than
// 500 roles, where comparing with each is too dear).
func (s *structurer) titledAt(r *Role, text string) *Role {
	text = strings.TrimSpace(text)
	text = extendThatOfRE.ReplaceAllString(text, "")
	for _, p := range []string{"the ", "an ", "a "} {
		if len(text) > len(p) && strings.EqualFold(text[:len(p)], p) {
			text = text[len(p):]
			break
		}
	}
	if len(s.f.Roles) > 500 {
		return nil
	}
	var best *Role
	for _, o := range s.f.Roles {
		n := len(o.Title)
		if o == r || n == 0 || n > len(text) || !strings.EqualFold(text[:n], o.Title) {
			continue
		}
		if n < len(text) {
			if c := text[n]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				continue
			}
		}
		if best == nil || n > len(best.Title) {
			best = o
		}
	}
	return best
}

// TypoDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours.
func TypoDistance(a, b string) int {
	// the words compared are short: their runes and the table's three rows
	// live on the stack (a table of rows per call was most of the run's
	// allocations from the inheritance typo test)
	var abuf, bbuf [24]rune
	ra, rb := appendRunes(abuf[:0], a), appendRunes(bbuf[:0], b)
	var rowbuf [3 * 25]int
	var rows []int
	if n := 3 * (len(rb) + 1); n <= len(rowbuf) {
		rows = rowbuf[:n]
	} else {
		rows = make([]int, n)
	}
	w := len(rb) + 1
	// d[i-2], d[i-1], d[i] of the full table, in turn
	back, prev, cur := rows[:w], rows[w:2*w], rows[2*w:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], back[j-2]+1)
			}
		}
		back, prev, cur = prev, cur, back
	}
	return prev[len(rb)]
}

// appendRunes appends the runes of s to buf.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

// mayMatch reports whether t may hold one of the words (lower case,
// ASCII), compared without case as a case-insensitive expression compares
// them: always where foldsBytewise says a bytewise comparison would not do.
func mayMatch(t string, words ...string) bool {
	if !foldsBytewise(t) {
		return true
	}
	for _, w := range words {
		if ContainsFold(t, w) {
			return true
		}
	}
	return false
}

// foldsBytewise reports whether ContainsFold finds in t every place a
// case-insensitive expression matches an ASCII word. A case-insensitive
// expression folds only two runes beyond ASCII to ASCII letters, "ſ"
// (U+017F) to "s" and "K" (U+212A) to "k" (unicode.SimpleFold's orbits;
// TestFoldsToASCII): in a text without them, any other rune past ASCII
// stands for no letter of a word, whatever else the text holds.
func foldsBytewise(t string) bool {
	return isASCII(t) || !strings.Contains(t, "\u017f") && !strings.Contains(t, "\u212a")
}

// findIf is re's FindStringSubmatchIndex on t, skipped (nil) where t
// cannot hold one of the words every match of re holds (see mayMatch).
func findIf(re *regexp.Regexp, t string, words ...string) []int {
	if !mayMatch(t, words...) {
		return nil
	}
	return re.FindStringSubmatchIndex(t)
}

// extensionTarget finds the role of the page (other than r) a text names:
// its title; else the nearest role before r (else the first after it)
// whose title holds all the text's words ("Senior" names "Senior Backend
// Engineer"); each tried again without a leading "Intermediate".
func (s *structurer) extensionTarget(r *Role, text string) *Role {
	key := singularKey(text)
	if s.roleKeys == nil {
		s.roleKeys = make([]string, len(s.f.Roles))
		s.byKey = map[string][]*Role{}
		for i, o := range s.f.Roles {
			s.roleKeys[i] = singularKey(o.Title)
			s.byKey[s.roleKeys[i]] = append(s.byKey[s.roleKeys[i]], o)
		}
	}
	for _, try := range []string{key, strings.TrimPrefix(key, "intermediate ")} {
		if try == "" {
			continue
		}
		for _, o := range s.byKey[try] {
			if o != r {
				return o
			}
		}
		if len(s.f.Roles) > 500 {
			continue // the loose match compares with every role: not on a page of thousands
		}
		var before, after *Role
		for i, o := range s.f.Roles {
			if o == r {
				continue
			}
			k := s.roleKeys[i]
			if containsWords(k, try) {
				if o.Span.Start < r.Span.Start {
					before = o
				} else if after == nil {
					after = o
				}
			}
		}
		if before != nil {
			return before
		}
		if after != nil {
			return after
		}
	}
	return nil
}

// InheritedKinds returns the section kinds r takes over through its
// extensions, followed transitively, each with the extension that brings
// it (the first one found).
func (r *Role) InheritedKinds() map[SectionKind]*Extension {
	out := map[SectionKind]*Extension{}
	seen := map[*Role]bool{r: true}
	var walk func(x *Role, via map[SectionKind]*Extension, depth int)
	walk = func(x *Role, want map[SectionKind]*Extension, depth int) {
		for _, e := range x.Extends {
			next := map[SectionKind]*Extension{}
			for _, k := range e.Kinds {
				if want != nil {
					if _, ok := want[k]; !ok {
						continue
					}
				}
				top := e
				if want != nil {
					top = want[k]
				}
				if _, ok := out[k]; !ok {
					out[k] = top
				}
				next[k] = top
			}
			if e.From != nil && !seen[e.From] && depth < 32 && len(next) > 0 {
				seen[e.From] = true
				walk(e.From, next, depth+1)
			}
		}
	}
	walk(r, nil, 0)
	return out
}

// InheritedSections returns the sections of kind k that r takes over
// through its extensions, transitively: the From roles' own sections.
func (r *Role) InheritedSections(k SectionKind) []*Section {
	var out []*Section
	seen := map[*Role]bool{r: true}
	var walk func(x *Role, depth int)
	walk = func(x *Role, depth int) {
		for _, e := range x.Extends {
			if e.From == nil || seen[e.From] || depth >= 32 || !hasKind(e.Kinds, k) {
				continue
			}
			seen[e.From] = true
			for _, sec := range e.From.Sections {
				if sec.Kind == k {
					out = append(out, sec)
				}
			}
			walk(e.From, depth+1)
		}
	}
	walk(r, 0)
	return out
}

func hasKind(ks []SectionKind, k SectionKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

var (
	// "The roles described below are grades: [6, 7, 8]", "grades 6, 7 and 8"
	gradeListRE   = regexp.MustCompile(`(?i)\bgrades\b[^.\d]{0,40}?(\d+(?:\.\d+)?(?:\s*(?:,|\band\b|\bor\b|&)\s*\[?\d+(?:\.\d+)?)+)`)
	gradeNumberRE = regexp.MustCompile(`\d+(?:\.\d+)?`)
)

// familyGradeList grades the levels of a family-wide Job Grade section that
// lists their grades in order ("The roles described below are grades 6, 7
// and 8"): when the list has one grade for each ungraded level, the n-th
// level gets the n-th grade (Grade.Listed).
func (s *structurer) familyGradeList() {
	var levels []*Role
	for _, r := range s.f.Roles {
		if r.Kind == KindLevel && r.Grade == nil && r.NoGrade == nil && r.SharesWith == nil {
			levels = append(levels, r)
		}
	}
	if len(levels) < 2 {
		return
	}
	for _, sec := range s.f.Sections {
		if sec.Kind != SecJobGrade {
			continue
		}
		for _, b := range sec.Paragraphs {
			m := gradeListRE.FindStringSubmatchIndex(b.Text)
			if m == nil {
				continue
			}
			nums := gradeNumberRE.FindAllStringIndex(b.Text[m[2]:m[3]], -1)
			if len(nums) != len(levels) {
				continue
			}
			sent := sentenceRange(b.Text, m[0])
			sentence := &Sentence{Text: b.Text[sent[0]:sent[1]], Span: b.SourceSpan(sent[0], sent[1])}
			for i, r := range levels {
				i0, i1 := m[2]+nums[i][0], m[2]+nums[i][1]
				v, err := strconv.ParseFloat(b.Text[i0:i1], 64)
				if err != nil {
					return
				}
				g := &Grade{Number: &v, Raw: b.Text[i0:i1], Span: b.SourceSpan(i0, i1), Sentence: sentence, Listed: true, SubjectSpan: Span{-1, -1}}
				if l := linkCovers(b.Links, i0, false); l != nil {
					g.Link, g.Target = l, l.Target
				}
				r.Grade = g
			}
			return
		}
	}
}

// DropAtPrevious returns an extension sentence without the words that say
// the role it names is taken at every level before ("a Business Systems
// Analyst at previous levels"): they name no requirement of their own.
func DropAtPrevious(t string) string {
	if isASCII(t) && !ContainsFold(t, "levels") && !ContainsFold(t, "roles") && !ContainsFold(t, "positions") {
		return t
	}
	return extendAtPreviousRE.ReplaceAllString(t, "")
}

// extendsOwnList reports whether an "Extends that of X" written in a
// section of this kind takes over only that list of X: a list of a kind
// of its own (Responsibilities, Requirements, Performance Indicators,
// Career Ladder, Hiring Process, Nice-to-haves), not a Job Grade section,
// the role's text or a heading the model does not know (where "This role
// extends the Senior Director role" speaks of the whole role). An
// Extension records only responsibilities and requirements (the JSON
// schema's kinds): one in a list of another kind is not read.
func extendsOwnList(k SectionKind) bool {
	switch k {
	case SecResponsibilities, SecRequirements, SecPerformance, SecCareerLadder, SecHiringProcess, SecNiceToHaves:
		return true
	}
	return false
}
