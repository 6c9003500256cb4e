// Package ladder places role titles on the seniority tracks of the config:
// individual contributors (Associate < Intermediate < Senior < ...) and
// managers (Manager < Senior Manager < Director < ...). Rules that compare
// levels (grade order, level progression) use it.
//
// A title is read as seniority keywords plus a stem, the function it names:
// "Senior Manager, Accounts Payable" is the Senior Manager step of the
// manager track with the stem "accounts payable". Two roles of one family
// are only comparable when they sit on the same track and their stems are
// related (see Related): "Senior Brand Manager" and "Staff Brand Manager"
// are, "Senior Alliances Partner Manager" and "Staff Alliances Business
// Development Manager" (two ladders on one page) are not.
package ladder

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Place is where a title sits: a track and a step on it.
type Place struct {
	Track   int    // index in the config's tracks
	Step    int    // 0 is the lowest step
	Name    string // the track's name
	Keyword string // the keyword that placed it, "" when implied
	Implied bool   // no keyword: the step was implied (Intermediate)

	// Sub is 1 when a lower keyword of the same track stands right before
	// the one that placed the title ("Senior Principal", "Senior Staff"):
	// above the step, below the next one.
	Sub int
	// Label names the place in messages: "Senior", "Senior Principal",
	// "Director"; for an implied place, the implied step's first keyword.
	Label string
	// Stem is the title without its seniority keywords, parenthesised
	// qualifiers and joining words ("of", "the", ...), normalised.
	Stem string
	// Loose is where the title would sit if anchored keywords counted
	// anywhere in it: "Red Team Manager" is implied Intermediate, loosely a
	// Manager. Nil when that is the same place.
	Loose *Place
	// Ambiguous is set when a word outside the placing keyword is, on its
	// own, a keyword of another track: "Senior Brand Manager" may be a
	// senior individual contributor or a senior people manager.
	Ambiguous bool
}

// owned returns p with strings of its own, sharing no bytes with the title
// it was made from.
func (p Place) owned() Place {
	p.Name, p.Keyword, p.Label, p.Stem = strings.Clone(p.Name), strings.Clone(p.Keyword), strings.Clone(p.Label), strings.Clone(p.Stem)
	if p.Loose != nil {
		loose := p.Loose.owned()
		p.Loose = &loose
	}
	return p
}

// Same reports whether two places are the same track, step and sub-step.
func (p Place) Same(q Place) bool {
	return p.Track == q.Track && p.Step == q.Step && p.Sub == q.Sub
}

// Compare orders two places of one track by seniority: negative when p is
// below q, 0 when level, positive when above.
func (p Place) Compare(q Place) int {
	if p.Step != q.Step {
		return p.Step - q.Step
	}
	return p.Sub - q.Sub
}

// Compatible reports whether two places may name the same level: the same
// place, or the same once one title's anchored keyword counts loosely.
func (p Place) Compatible(q Place) bool {
	if p.Same(q) {
		return true
	}
	if p.Loose != nil && p.Loose.Same(q) {
		return true
	}
	return q.Loose != nil && q.Loose.Same(p)
}

// Ladder classifies titles against configured tracks.
type Ladder struct {
	tracks []lint.Track
	kws    []keyword // sorted longest first
	// implied is the step a plain title ("Backend Engineer") takes on the
	// first track: the step whose keywords include "Intermediate".
	impliedTrack, impliedStep int
	ignored                   [][]string

	// the titles classified so far and their places: the grade rules,
	// level-copy and others each classify a page's titles, several times
	// over (a ladder is read only once built, so a title's place never
	// changes)
	memoMu sync.Mutex
	memo   map[string]classified
}

// classified is a title's place as Classify returns it.
type classified struct {
	p  Place
	ok bool
}

// maxClassified bounds the titles a ladder remembers: past it, it starts
// again from none. The 2022 job families (1,460 pages) classify 837
// distinct titles in 4,580 calls, all held at this bound; a page of 20,000
// graded headings, which no bound holds, kept 2.2 MB of titles at 8,192
// (each entry's place and copies, the map at half load) from the grade
// rules to the end of the run.
const maxClassified = 1 << 10

type keyword struct {
	words  []string
	anchor bool // "^Manager": only at the start of the title
	// qualified: an anchored keyword of a qualified track may also follow
	// one word that is no keyword when it ends a two-word title ("Core
	// Contributor", "Designated Reviewer"), or two words that both name a
	// scope ("Project Area Maintainer"); in the plural only after a word
	// that names the scope of the role ("Org Maintainers", "Project
	// Reviewers"): "New contributors" names a group of people, not a role
	qualified bool
	plural    bool
	// acronym: the initials of a body's name ("TSC" for "Technical
	// Steering Committee"), made by New; it names the body only as the
	// whole title, or with "Member", "Members" or "Membership" after it
	// ("PMC", "PMC Members"): "TSC Meetings" is a topic of the body
	acronym bool
	track   int
	step    int
	literal string
}

// scopeWords name what a role is held over: before a plural role word they
// make a role of it ("Org Maintainers", "Project Reviewers"), where another
// word makes a group of people ("New contributors", "Emeritus
// Maintainers").
var scopeWords = map[string]bool{"org": true, "organization": true, "organisation": true, "project": true, "subproject": true,
	"repository": true, "repo": true, "area": true, "team": true, "component": true, "module": true, "core": true}

// ScopeWord reports whether a word (in lower case) names what a role is
// held over: a team, a project, an area ("team" of "Compiler team
// members").
func ScopeWord(w string) bool { return scopeWords[w] }

// circleWords name the circle of people a role is held over, as a whole:
// before a plural role word they make a role of it as a scope word does
// ("Community Moderators", a community team's rung), but they name no part
// that a second scope word could narrow ("Community Area Maintainer" is
// no role over two scopes).
var circleWords = map[string]bool{"community": true}

// plainWords, before a plural role, name its members that are neither
// more nor less than the role ("Other Maintainers", "Outside
// Contributors", "Regular Maintainers" below a lead maintainer).
var plainWords = map[string]bool{"other": true, "outside": true, "regular": true, "ordinary": true}

// PlainWord reports whether a word (in lower case) names, before a plural
// role, its members that are neither more nor less than the role
// ("regular" of "Regular Developers").
func PlainWord(w string) bool { return plainWords[w] }

// DefaultIgnored are phrases whose words are never seniority keywords: a
// Chief of Staff is neither a chief nor a Staff engineer.
var DefaultIgnored = []string{"Chief of Staff"}

// Unranked are words that make a title senior without saying how much: a
// title with one of them and no keyword ("Lead Legal Counsel", "Head of
// Sales") is not placed, rather than taken for Intermediate.
var Unranked = map[string]bool{"lead": true, "head": true, "supervisor": true}

// New builds a ladder from the config's tracks. A keyword written with a
// leading "^" only counts at the start of a title: "^Manager" places
// "Manager, Infrastructure" on the manager track but not "Product Manager",
// a function title. The words of DefaultIgnored and of ignore never count
// as keywords.
func New(tracks []lint.Track, ignore ...string) *Ladder {
	l := &Ladder{tracks: tracks, impliedTrack: -1}
	for ti, t := range tracks {
		for si, step := range t.Steps {
			for _, k := range step {
				anchor := strings.HasPrefix(k, "^")
				words := Words(strings.TrimPrefix(k, "^"))
				if len(words) == 0 {
					continue
				}
				l.kws = append(l.kws, keyword{words: words, anchor: anchor, qualified: t.Qualified, plural: strings.HasSuffix(words[len(words)-1], "s"), track: ti, step: si, literal: k})
				if len(words) == 1 && words[0] == "intermediate" && l.impliedTrack < 0 {
					l.impliedTrack, l.impliedStep = ti, si
				}
			}
		}
	}
	l.kws = append(l.kws, acronyms(l.kws)...)
	// longest keyword first: "Senior Director" before "Director"
	for i := 1; i < len(l.kws); i++ {
		for j := i; j > 0 && len(l.kws[j].words) > len(l.kws[j-1].words); j-- {
			l.kws[j], l.kws[j-1] = l.kws[j-1], l.kws[j]
		}
	}
	for _, p := range append(append([]string(nil), DefaultIgnored...), ignore...) {
		if w := Words(p); len(w) > 0 {
			l.ignored = append(l.ignored, w)
		}
	}
	return l
}

// bodyWords end the name of a body that governs a project: a committee,
// council or board.
var bodyWords = map[string]bool{"committee": true, "council": true, "board": true}

// acronyms returns, for each anchored keyword of a qualified track that
// names a body in two words or more ("Technical Steering Committee",
// "Project Management Committee", "Governance Board"), a keyword of its
// initials ("TSC", "PMC", "GB"): projects head the body's rung by its
// acronym alone ("## PMC" after "## Committer"). Joining words are not
// initialled; an acronym that another keyword already spells is not made
// twice.
func acronyms(kws []keyword) []keyword {
	have := map[string]bool{}
	for _, k := range kws {
		if len(k.words) == 1 {
			have[k.words[0]] = true
		}
	}
	var out []keyword
	for _, k := range kws {
		if !k.anchor || !k.qualified || len(k.words) < 2 || !bodyWords[k.words[len(k.words)-1]] {
			continue
		}
		var b strings.Builder
		for _, w := range k.words {
			if !stopWords[w] {
				r, _ := utf8.DecodeRuneInString(w)
				b.WriteRune(r)
			}
		}
		acr := b.String()
		if utf8.RuneCountInString(acr) < 2 || have[acr] {
			continue
		}
		have[acr] = true
		out = append(out, keyword{words: []string{acr}, anchor: true, qualified: true, acronym: true, track: k.track, step: k.step, literal: "^" + strings.ToUpper(acr)})
	}
	return out
}

// acronymAt reports whether a title's words, after an article, are an
// acronym alone or the acronym of the body's membership ("PMC Members").
func acronymAt(role []string, acr string) bool {
	switch {
	case len(role) == 1:
		return role[0] == acr
	case len(role) == 2:
		return role[0] == acr && (role[1] == "member" || role[1] == "members" || role[1] == "membership")
	}
	return false
}

// Tracks returns the configured tracks.
func (l *Ladder) Tracks() []lint.Track { return l.tracks }

// StepLabel names a step by its first keyword ("Senior", "Director").
func (l *Ladder) StepLabel(track, step int) string {
	if track < 0 || track >= len(l.tracks) || step < 0 || step >= len(l.tracks[track].Steps) || len(l.tracks[track].Steps[step]) == 0 {
		return ""
	}
	return strings.TrimPrefix(l.tracks[track].Steps[step][0], "^")
}

// match is a keyword found in a title's words.
type match struct {
	kw int // index in l.kws
	at int // first word
}

// Classify places a title. ok is false when no keyword matches and the
// title does not read like an individual-contributor job title.
//
// Keywords outside parentheses win over those inside ("Manager, Data
// (Intermediate)" is a Manager); the longest keyword wins ("Senior
// Director" over "Director"); among keywords of one length, the highest
// step ("Senior Principal" is Principal, raised by Sub).
func (l *Ladder) Classify(title string) (Place, bool) {
	l.memoMu.Lock()
	c, ok := l.memo[title]
	l.memoMu.Unlock()
	if ok {
		return c.p, c.ok
	}
	p, placed := l.classify(title)
	l.memoMu.Lock()
	if l.memo == nil || len(l.memo) >= maxClassified {
		l.memo = make(map[string]classified)
	}
	l.memo[strings.Clone(title)] = classified{p.owned(), placed} // copies: no page's text is kept
	l.memoMu.Unlock()
	return p, placed
}

// classify is Classify, worked out.
func (l *Ladder) classify(title string) (Place, bool) {
	main, quals := splitQualifiers(title)
	words := Words(main)
	qwords := Words(strings.Join(quals, " "))
	masked := l.mask(words)
	p, ok := l.place(words, masked, true)
	// a role's possessive names something of the role, not the role:
	// "Developer's Certificate of Origin", "Maintainer's guide" (the
	// apostrophe's "s" is a word of its own once the title is normalised)
	if ok && strings.HasPrefix(p.Keyword, "^") && p.inMain && p.at >= 0 && p.to < len(words) && words[p.to] == "s" && possessive(main) {
		ok = false
	}
	if !ok {
		p, ok = l.place(qwords, l.mask(qwords), true)
		p.inMain = false
	}
	stemWords := words
	if ok && p.at >= 0 && p.inMain {
		stemWords = dropRange(words, p.from, p.to)
	}
	stem := Stem(strings.Join(stemWords, " "))
	if !ok {
		if l.impliedTrack < 0 || !model.JobTitleLike(title) || hasUnranked(words) {
			return Place{}, false
		}
		p = placed{Place: Place{Track: l.impliedTrack, Step: l.impliedStep, Name: l.tracks[l.impliedTrack].Name, Implied: true, Label: l.StepLabel(l.impliedTrack, l.impliedStep)}}
	}
	p.Stem = stem
	p.Ambiguous = l.ambiguous(words, p)
	// where the title would sit with anchors ignored
	if lp, lok := l.place(words, masked, false); lok && !lp.Same(p.Place) {
		loose := lp.Place
		loose.Stem = Stem(strings.Join(dropRange(words, lp.from, lp.to), " "))
		p.Loose = &loose
	}
	return p.Place, true
}

// possessive reports whether a title holds a possessive "'s" (straight or
// curly apostrophe).
func possessive(t string) bool {
	return strings.Contains(t, "'s") || strings.Contains(t, "’s") || strings.Contains(t, "'S") || strings.Contains(t, "’S")
}

// placed is a Place with where its keywords were found.
type placed struct {
	Place
	at       int // first word of the keyword, -1 when implied
	from, to int // words covered by the keyword and a raising keyword before it
	inMain   bool
}

// place finds the best keyword in words. With anchored false, anchored
// keywords count anywhere.
func (l *Ladder) place(words []string, masked []bool, anchored bool) (placed, bool) {
	var ms []match
	// a role of a qualified track may be headed with an article ("The
	// Technical Committee"): its anchored keywords are sought after it
	role, off := words, 0
	if anchored && len(words) > 1 && words[0] == "the" {
		role, off = words[1:], 1
	}
	for i, k := range l.kws {
		if k.acronym {
			if acronymAt(role, k.words[0]) && !anyMasked(masked, off, off+1) {
				ms = append(ms, match{kw: i, at: off})
			}
			continue
		}
		ats := indexAll(words, k.words, k.anchor && anchored)
		// a body's bare name ("Committee") heads its rung only after one
		// word that names the body (below: "PowerShell Committee"); alone
		// it names no one body, and "Committee Member Responsibilities" is
		// a topic
		if k.anchor && anchored && k.qualified && len(k.words) == 1 && bodyWords[k.words[0]] {
			ats = nil
		}
		if k.anchor && anchored && k.qualified && off > 0 && len(ats) == 0 {
			ats = shift(indexAll(role, k.words, true), off)
		}
		// a topic after the role, or after a keyword that holds its
		// article ("The Community meetings")
		if len(ats) > 0 && k.anchor && anchored && k.qualified && (topicOf(l, role, k) || topicOf(l, words, k)) {
			continue
		}
		if len(ats) == 0 && k.anchor && anchored && k.qualified && len(role) == len(k.words)+1 && !l.isKeyword(role[0]) && (!k.plural || scopeWords[role[0]] || circleWords[role[0]] || plainWords[role[0]]) {
			ats = shift(indexAll(role[1:], k.words, true), off+1)
		}
		// two words that each name a scope ("Project Area Maintainer"):
		// the role held over a part of a part
		if len(ats) == 0 && k.anchor && anchored && k.qualified && len(role) == len(k.words)+2 && scopeWords[role[0]] && scopeWords[role[1]] {
			ats = shift(indexAll(role[2:], k.words, true), off+2)
		}
		if len(ats) == 0 && k.anchor && anchored && k.qualified && membershipOf(role, k.words) {
			ats = []int{off}
		}
		for _, at := range ats {
			if anyMasked(masked, at, at+len(k.words)) {
				continue
			}
			ms = append(ms, match{kw: i, at: at})
		}
	}
	if len(ms) == 0 {
		return placed{at: -1}, false
	}
	best := ms[0]
	for _, m := range ms[1:] {
		bk, mk := l.kws[best.kw], l.kws[m.kw]
		switch {
		case len(mk.words) > len(bk.words):
			best = m
		case len(mk.words) == len(bk.words) && mk.track == bk.track && mk.step > bk.step:
			best = m
		}
	}
	k := l.kws[best.kw]
	p := placed{
		Place: Place{Track: k.track, Step: k.step, Name: l.tracks[k.track].Name, Keyword: k.literal, Label: strings.TrimPrefix(k.literal, "^")},
		at:    best.at, from: best.at, to: best.at + len(k.words), inMain: true,
	}
	// a lower keyword of the same track right before it raises it: "Senior Principal"
	for _, m := range ms {
		mk := l.kws[m.kw]
		if mk.track == k.track && mk.step < k.step && m.at+len(mk.words) == best.at {
			p.Sub = 1
			p.Label = strings.TrimPrefix(mk.literal, "^") + " " + p.Label
			p.from = m.at
			break
		}
	}
	return p, true
}

// shift adds n to every index of ats.
func shift(ats []int, n int) []int {
	for j := range ats {
		ats[j] += n
	}
	return ats
}

// membershipOf reports whether a title is a body's membership, the rung of
// its members: "TC Membership" for the keyword "TC Member", "Technical
// Committee Membership" for "Technical Committee". The whole title, so
// "Membership of the TC" or "TC Membership process" is not one.
func membershipOf(words, k []string) bool {
	n := len(words)
	if n < 2 || words[n-1] != "membership" {
		return false
	}
	base := words[:n-1]
	if slices.Equal(base, k) {
		return true
	}
	return len(k) == len(base)+1 && k[len(k)-1] == "member" && slices.Equal(base, k[:len(base)])
}

// topicOf reports whether a title that opens with a role word in the
// singular goes on with one plural word that names no role: a section about
// the role ("Collaborator nominations", "Committer activities", "Maintainer
// duties"), not the role, which a project heads by its name alone or in the
// plural ("Collaborators").
func topicOf(l *Ladder, words []string, k keyword) bool {
	if k.plural || len(words) != len(k.words)+1 {
		return false
	}
	w := words[len(words)-1]
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !l.isKeyword(w)
}

// isKeyword reports whether a word is a one-word keyword of any track.
func (l *Ladder) isKeyword(w string) bool {
	for _, k := range l.kws {
		if len(k.words) == 1 && k.words[0] == w {
			return true
		}
	}
	return false
}

// ambiguous reports whether a word of words outside p's keyword is a
// one-word keyword of another track (anchors ignored).
func (l *Ladder) ambiguous(words []string, p placed) bool {
	for i, w := range words {
		if p.inMain && p.at >= 0 && i >= p.from && i < p.to {
			continue
		}
		for _, k := range l.kws {
			if len(k.words) == 1 && k.words[0] == w && k.track != p.Track {
				return true
			}
		}
	}
	return false
}

// mask marks the words of ignored phrases.
func (l *Ladder) mask(words []string) []bool {
	masked := make([]bool, len(words))
	for _, ph := range l.ignored {
		for _, at := range indexAll(words, ph, false) {
			for i := at; i < at+len(ph); i++ {
				masked[i] = true
			}
		}
	}
	return masked
}

func anyMasked(masked []bool, from, to int) bool {
	for i := from; i < to; i++ {
		if masked[i] {
			return true
		}
	}
	return false
}

// indexAll finds every occurrence of the word sequence k in words; anchored,
// only at 0.
func indexAll(words, k []string, anchor bool) []int {
	var out []int
	for i := 0; i+len(k) <= len(words); i++ {
		if anchor && i > 0 {
			break
		}
		match := true
		for j := range k {
			if words[i+j] != k[j] {
				match = false
				break
			}
		}
		if match {
			out = append(out, i)
		}
	}
	return out
}

func dropRange(words []string, from, to int) []string {
	out := append([]string(nil), words[:from]...)
	return append(out, words[to:]...)
}

// splitQualifiers separates a title's parenthesised qualifiers from the
// rest: "Director, X (Reliability)" gives "Director, X " and ["Reliability"].
func splitQualifiers(t string) (string, []string) {
	if strings.IndexByte(t, '(') < 0 && utf8.ValidString(t) {
		return t, nil // no qualifier: the title as it is, not a copy
	}
	var main strings.Builder
	main.Grow(len(t) + 1)
	var quals []string
	depth, start := 0, 0
	for i, c := range t {
		switch {
		case c == '(':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case c == ')' && depth > 0:
			depth--
			if depth == 0 {
				quals = append(quals, t[start:i])
				main.WriteByte(' ')
			}
		case depth == 0:
			main.WriteRune(c)
		}
	}
	if depth > 0 { // an unclosed parenthesis: keep the text
		main.WriteString(" " + t[start:])
	}
	return main.String(), quals
}

// Qualifiers returns a title's parenthesised qualifiers.
func Qualifiers(t string) []string {
	_, q := splitQualifiers(t)
	return q
}

// StripQualifiers returns a title without its parenthesised qualifiers.
func StripQualifiers(t string) string {
	main, _ := splitQualifiers(t)
	return strings.Join(strings.Fields(main), " ")
}

// Words splits a title into normalised words (model.NormalizeTitle), with
// "Sr" and "Jr" written without their period read as Senior and Junior.
// Pictographs (emoji and other symbols, with their variation selectors and
// joiners) are decoration, not words: "✅ Trusted Committer" is read as
// "Trusted Committer", and a pictograph written against a word
// ("Maintainer🚀") is taken off it.
func Words(t string) []string {
	words := strings.Fields(model.NormalizeTitle(t))
	pict := false
	for i, w := range words {
		switch w {
		case "sr":
			words[i] = "senior"
		case "jr":
			words[i] = "junior"
		default:
			if !pict && hasNonASCII(w) {
				pict = strings.IndexFunc(w, pictograph) >= 0
			}
		}
	}
	if !pict {
		return words
	}
	out := words[:0]
	for _, w := range words {
		if w = strings.TrimFunc(w, pictograph); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// hasNonASCII reports whether a word holds a byte outside ASCII.
func hasNonASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return true
		}
	}
	return false
}

// pictograph reports whether a rune is a symbol drawn, not written: an
// emoji or other symbol (So), a modifier symbol (a skin tone, Sk), an
// enclosing mark (a keycap), a variation selector or a zero-width joiner.
func pictograph(r rune) bool {
	if r < 0x80 {
		return false
	}
	return r == 0xFE0F || r == 0xFE0E || r == 0x200D || unicode.In(r, unicode.So, unicode.Sk, unicode.Me)
}

// stopWords join the words of a title without naming a function.
var stopWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "to": true, "a": true, "an": true, "at": true}

// Stem normalises a title fragment to its function words: lower case,
// punctuation and joining words dropped, plural "-s" folded.
func Stem(t string) string {
	var out []string
	for _, w := range Words(t) {
		if stopWords[w] {
			continue
		}
		out = append(out, model.Singular(w))
	}
	return strings.Join(out, " ")
}

func hasUnranked(words []string) bool {
	for _, w := range words {
		if Unranked[w] {
			return true
		}
	}
	return false
}

// Related reports whether two stems name the same function: equal, or one
// stem's words all among the other's when the words it lacks name no job
// ("accounting" and "accounting and external reporting" are related;
// "community program" and "community program evangelist" are not). An
// empty stem (a bare "Senior") is related to any.
func Related(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	set := map[string]bool{}
	for _, w := range wa {
		set[w] = true
	}
	for _, w := range wa {
		if !contains(wb, w) {
			return false
		}
	}
	if len(wa) == 0 {
		return true
	}
	for _, w := range wb {
		if !set[w] && model.JobTitleLike(w) {
			return false
		}
	}
	return true
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// Comparable reports whether two roles of one family, placed at p and q,
// can be ordered by seniority: the same track and related stems.
func Comparable(p, q Place) bool {
	return p.Track == q.Track && Related(p.Stem, q.Stem)
}

// Transposed places a one-word title written with two adjacent letters of
// a one-word keyword swapped ("Maintanier" for "Maintainer", "Comitter" is
// not one): the commonest slip of typing, and one that no other word of
// seven letters or more makes of a keyword. A substitution is not taken
// ("Committee" is one letter from "Committer" and names a body). The
// keyword's own place is returned; ok is false for any other title.
func (l *Ladder) Transposed(title string) (Place, bool) {
	ws := Words(title)
	if len(ws) != 1 {
		return Place{}, false
	}
	w := ws[0]
	for _, k := range l.kws {
		if k.acronym || len(k.words) != 1 || len(k.words[0]) < 7 {
			continue
		}
		if transposition(w, k.words[0]) || strings.HasSuffix(w, "s") && transposition(w[:len(w)-1], k.words[0]) {
			return l.Classify(k.words[0])
		}
	}
	return Place{}, false
}

// transposition reports whether a is b with one pair of adjacent, unequal
// letters swapped.
func transposition(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
