package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

type bulletDriftOptions struct {
	MinSimilarity     float64  `yaml:"min_similarity"`
	MaxUnmatchedWords int      `yaml:"max_unmatched_words"`
	MinWords          int      `yaml:"min_words"`
	ProgressionWords  []string `yaml:"progression_words"`
}

// defaultProgressionWords are words whose change between two levels'
// bullets is the point: scope (team, department, company), seniority
// (senior, staff, manager), ownership (contribute, lead, own) and quantity
// (multiple, several). An edit that touches one of them is progression, not
// drift.
var defaultProgressionWords = []string{
	// scope
	"team", "group", "department", "division", "organization", "organisation", "org", "company", "function",
	"functional", "stage", "section", "area", "project", "product", "portfolio", "region", "global", "segment",
	"customer", "enterprise", "executive", "peer", "individual", "stakeholder", "leadership", "report",
	// quantity and size
	"multiple", "several", "many", "all", "one", "single", "some", "large", "larger", "small", "complex",
	"broad", "broader", "entire", "whole", "more", "most", "less", "high", "higher", "across", "within",
	// seniority
	"intern", "associate", "junior", "jr", "intermediate", "senior", "sr", "staff", "principal", "distinguished",
	"fellow", "level",
	"lead", "leader", "manager", "management", "director", "vp", "vice", "president", "chief", "head",
	// ownership
	"own", "drive", "guide", "mentor", "coach", "manage", "contribute", "contributor", "participate", "assist", "help",
	"accountable", "accountability", "responsible", "ownership", "actively",
	"support", "oversee", "define", "set", "establish", "influence", "independently", "autonomously",
	"strategic", "strategy", "tactical", "direction", "vision", "execute", "escalate", "approve", "hire",
	"build", "scale", "grow", "develop", "learn", "understand", "expert", "expertise", "proficient",
	"proficiency", "familiar", "familiarity", "knowledge", "basic", "advanced", "deep", "strong", "solid",
	"exposure", "master", "mastery", "plan", "roadmap", "long", "short", "term", "quarter", "annual", "yearly",
	// intensity: "{+Significant+} experience", "[-Excellent-]{+Good+} communication skills"
	"significant", "significantly", "comprehensive", "proven", "demonstrated", "extensive", "extensively",
	"substantial", "excellent", "exceptional", "outstanding", "great", "good", "superior", "critical",
	"critically", "thorough", "supervisory", "successfully", "proactively", "others", "moderate", "moderately",
	"considerable", "considerably", "hands", "hand", "practical",
}

var bulletDriftRule = &lint.Rule{
	ID:       "bullet-drift",
	Title:    "a bullet repeated across roles with small unexplained differences",
	Category: lint.Wording,
	Severity: lint.Info,
	// off by default: blind precision 0.05 on the checking half (docs/rules.md)
	Optional: true,
	Doc: lint.Doc{
		Description: "When a level is copied from another and then edited, bullets meant to stay the same drift " +
			"apart: \"Excellent recruiter capable of attracting top talent\" in one role, \"Excellent recruiter " +
			"able to attract top talent\" in the next. Readers then look for a difference in meaning that is not " +
			"there. Bullets of different roles of a family (and of the family-wide sections) are compared word by " +
			"word, on their content words (function words left out, endings folded): a pair is drift when its " +
			"content words are at least `min_similarity` the same, in order, and once equal and look-alike words " +
			"(\"capable\"/\"able\", \"attracting\"/\"attract\", a typo) are paired, at most " +
			"`max_unmatched_words` are left over. A reworded bullet with the same content words (\"Experience with " +
			"Workday preferred\" / \"Workday experience preferred\") is drift too.\n\n" +
			"Deliberate progression is not drift: an edit that changes a word of scope (team, department, " +
			"company), seniority (senior, staff, manager), ownership (contribute, lead, own), quantity (multiple, " +
			"several), intensity (significant, proven, excellent), a word of a role title of the page or a number " +
			"(\"3 years\", \"5 years\") is left alone, and so is an item added to or dropped from a list " +
			"(\"{+Recruits and+} hires top talent\"); `progression_words` holds the list of words. Nor are a filler " +
			"modifier added or dropped (\"{+Measurable+} impact\", \"{+clear+} goals\") and a first verb whose form " +
			"a list's lead-in forces (\"You will be: scheduling ...\" against \"Schedule ...\"). Nor are differences " +
			"only in function words and case (\"You share our values\" against \"Share our values\"), or only in " +
			"the forms of words, the first among them, where the reported bullet has its own list's style " +
			"(\"Partners with ...\" in a list of third-person verbs against \"Partner with ...\" in a list of " +
			"imperatives); the same form breaking its own list's style is drift. " +
			"Bullets copied exactly are not drift either (see `level-copy`). Drifted bullets are grouped; the " +
			"wording most roles use is the reference (the first one written when there is no majority), and each " +
			"other wording is reported with its word diff. Bullets shorter than `min_words` content words are " +
			"not compared.",
		Bad: "---\ntitle: Recruiter\n---\n\n## Recruiter\n\n### Requirements\n\n" +
			"- Excellent recruiter capable of attracting top talent to the company\n\n" +
			"## Senior Recruiter\n\n### Requirements\n\n- Excellent recruiter able to attract top talent to the company\n",
		Good: "---\ntitle: Recruiter\n---\n\n## Recruiter\n\n### Responsibilities\n\n" +
			"- Hire an incredible team\n- Partner with hiring managers on the requirements of a role\n\n" +
			"## Manager, Recruiting\n\n### Responsibilities\n\n- Hire and manage multiple teams\n" +
			"- Partner with senior hiring managers on the requirements of a role\n",
		Options: []lint.OptionDoc{
			{Name: "min_similarity", Default: "0.8", Text: "least share of content words two bullets have in common, in order (0 to 1)"},
			{Name: "max_unmatched_words", Default: "1", Text: "most content words, on either side, without an equal or look-alike word on the other; 0 reports rewordings only"},
			{Name: "min_words", Default: "4", Text: "fewest content words a bullet needs to be compared"},
			{Name: "progression_words", Default: "(built-in list)", Text: "words whose change is deliberate progression between levels; a list here replaces the built-in one"},
		},
	},
	Options: func() any {
		return &bulletDriftOptions{MinSimilarity: 0.8, MaxUnmatchedWords: 1, MinWords: 4, ProgressionWords: defaultProgressionWords}
	},
	Validate: func(o any) error {
		opts := o.(*bulletDriftOptions)
		if opts.MinSimilarity <= 0 || opts.MinSimilarity > 1 {
			return fmt.Errorf("min_similarity must be above 0 and at most 1")
		}
		if opts.MaxUnmatchedWords < 0 || opts.MinWords < 1 {
			return fmt.Errorf("max_unmatched_words must be at least 0 and min_words at least 1")
		}
		return nil
	},
	Check: checkBulletDrift,
}

func init() { lint.Register(bulletDriftRule) }

// driftBullet is a bullet prepared for comparison.
type driftBullet struct {
	b     *model.Bullet
	owner *model.Role // nil for a family-wide section
	text  string      // the bullet's prose, placeholders blanked
	exact string      // its words in lower case: equal for an exact copy
	stems []string    // its content words, stemmed
	ids   []int32     // the stems numbered per page, sorted: a bound on what two bullets share
}

func checkBulletDrift(p *lint.Pass) {
	opts := lint.Options[bulletDriftOptions](p.Options)
	progression := progressionWords{
		listed: p.Env.Shared(optionsKey("bullet-drift/progression", opts.ProgressionWords), func() any {
			m := map[string]bool{}
			for _, w := range opts.ProgressionWords {
				m[prose.Stem(strings.ToLower(w))] = true
			}
			return m
		}).(map[string]bool),
		titles: map[string]bool{},
	}
	// a word of a role's title names a role: "Extends the Senior [-Program-]
	// Manager responsibilities" points at another level
	for _, r := range p.File.Roles {
		for _, w := range prose.Words(strings.ToLower(r.Title), false) {
			progression.titles[prose.Stem(w.Text)] = true
		}
	}
	bs := driftBullets(p.File, opts.MinWords)
	// union-find over drifting pairs
	parent := make([]int, len(bs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	linked := make([]bool, len(bs))
	// bullets by number of stems: look-alikes differ in length by at most
	// max_unmatched_words (mayDrift), so only those lengths are paired. The
	// groups do not depend on the order pairs are joined in.
	byLen := map[int][]int{}
	for i, b := range bs {
		byLen[len(b.stems)] = append(byLen[len(b.stems)], i)
	}
	for i := range bs {
		n := len(bs[i].stems)
		for m := max(n-opts.MaxUnmatchedWords, 0); m <= n+opts.MaxUnmatchedWords; m++ {
			for _, j := range byLen[m] {
				if j <= i {
					continue
				}
				a, b := bs[i], bs[j]
				if a.owner == b.owner || a.exact == b.exact || !mayDrift(a, b, opts) {
					continue
				}
				if drifts(a, b, opts, progression) {
					ri, rj := find(i), find(j)
					if ri != rj {
						parent[rj] = ri
					}
					linked[i], linked[j] = true, true
				}
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range bs {
		if !linked[i] {
			continue
		}
		r := find(i)
		if groups[r] == nil {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	if len(order) == 0 {
		return
	}
	formRoles := map[string]map[*model.Role]bool{}
	for _, b := range bs {
		if formRoles[b.exact] == nil {
			formRoles[b.exact] = map[*model.Role]bool{}
		}
		formRoles[b.exact][b.owner] = true
	}
	pair := func(a, b *driftBullet) bool { return mayDrift(a, b, opts) && drifts(a, b, opts, progression) }
	for _, r := range order {
		reportDrift(p, bs, groups[r], formRoles, pair)
	}
}

// progressionWords are the stems of the progression words of the options
// (built once per run) and of the words of the page's role titles.
type progressionWords struct{ listed, titles map[string]bool }

func (pw progressionWords) has(stem string) bool { return pw.listed[stem] || pw.titles[stem] }

// driftBullets returns the bullets of the page's role and family sections
// that are long enough to compare.
func driftBullets(f *model.Family, minWords int) []*driftBullet {
	var out []*driftBullet
	var content []string // a bullet's content words
	add := func(owner *model.Role, s *model.Section) {
		for _, b := range s.Bullets {
			if b.Block == nil {
				continue
			}
			tw := wordingWords(b.Block, false)
			content = content[:0]
			for _, lw := range tw.Lower {
				if !prose.IsStopWord(lw) {
					content = append(content, lw)
				}
			}
			if len(content) < minWords {
				continue
			}
			stems := make([]string, len(content))
			for i, lw := range content {
				stems[i] = prose.Stem(lw)
			}
			out = append(out, &driftBullet{b: b, owner: owner, text: wordingText(b.Block), exact: strings.Join(tw.Lower, " "), stems: stems})
		}
	}
	for _, r := range f.Roles {
		for _, s := range r.Sections {
			if s.Role == r {
				add(r, s)
			}
		}
	}
	for _, s := range f.Sections {
		if s.Kind.IsRoleSection() || s.Kind == model.SecOther {
			add(nil, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].b.Span.Start < out[j].b.Span.Start })
	// number the page's stems
	n := 0
	for _, db := range out {
		n += len(db.stems)
	}
	stemIDs := make(map[string]int32, n/2)
	ids := make([]int32, n)
	for _, db := range out {
		db.ids, ids = ids[:len(db.stems):len(db.stems)], ids[len(db.stems):]
		for i, st := range db.stems {
			id, ok := stemIDs[st]
			if !ok {
				id = int32(len(stemIDs))
				stemIDs[st] = id
			}
			db.ids[i] = id
		}
		slices.Sort(db.ids)
	}
	return out
}

// mayDrift is a cheap bound: lengths and shared words must allow the
// similarity and the number of changes asked for.
func mayDrift(a, b *driftBullet, opts *bulletDriftOptions) bool {
	n, m := len(a.stems), len(b.stems)
	if n+m-2*min(n, m) > opts.MaxUnmatchedWords {
		return false // look-alikes pair one to one: a length difference stays unmatched
	}
	common := 0
	for i, j := 0, 0; i < n && j < m; {
		switch x, y := a.ids[i], b.ids[j]; {
		case x == y:
			common++
			i++
			j++
		case x < y:
			i++
		default:
			j++
		}
	}
	return float64(2*common)/float64(n+m) >= opts.MinSimilarity-1e-9
}

// drifts tells whether two bullets say the same thing in other words: their
// content words, compared in order, are at least min_similarity the same,
// and once equal and look-alike words ("capable"/"able", "LOAs"/"LOA's",
// "attracting"/"attract") are paired, at most max_unmatched_words remain,
// none of them a progression word or a number.
func drifts(a, b *driftBullet, opts *bulletDriftOptions, progression progressionWords) bool {
	d := worddiff.Compare(strings.Join(a.stems, " "), strings.Join(b.stems, " "))
	kept, del, ins := d.Counts()
	if del+ins == 0 {
		// the same content words, reworded; but not when only the words'
		// endings differ, as a list's lead-in makes them ("You will be:
		// managing ..." against "Manage ...")
		return a.exact != b.exact && !formsOnly(a.exact, b.exact) && !functionWordsOnly(a.exact, b.exact) &&
			!listPersonOnly(a, b)
	}
	if float64(2*kept)/float64(2*kept+del+ins) < opts.MinSimilarity-1e-9 {
		return false
	}
	deleted, inserted := d.Changed()
	unmatched := unpaired(deleted, inserted)
	if len(unmatched) > opts.MaxUnmatchedWords {
		return false
	}
	for _, w := range unmatched {
		if progression.has(w) || hasDigit(w) {
			return false
		}
	}
	return !listChange(a, b) && !fillerChange(a, b)
}

// formsOnly reports whether two texts hold the same words in the same
// order but for the first word's form, one a gerund: a list's lead-in
// forces it ("You will be: managing the budget" against "Manage the
// budget").
func formsOnly(a, b string) bool {
	as, bs := strings.Fields(a), strings.Fields(b)
	if len(as) != len(bs) || len(as) == 0 || as[0] == bs[0] || !slices.Equal(as[1:], bs[1:]) {
		return false
	}
	ga, gb := strings.HasSuffix(as[0], "ing"), strings.HasSuffix(bs[0], "ing")
	return ga != gb && prose.Stem(as[0]) == prose.Stem(bs[0])
}

// contentWords returns the words of a lower-case text that are not
// function words.
func contentWords(exact string) []string {
	var out []string
	for _, w := range strings.Fields(exact) {
		if !prose.IsStopWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// functionWordsOnly reports whether two texts differ only by function
// words and case: an article, a preposition, "&" for "and", a "You" in
// front ("You share our values" and "Share our values") change no meaning.
func functionWordsOnly(a, b string) bool {
	return slices.Equal(contentWords(a), contentWords(b))
}

// listPersonOnly reports whether two bullets differ only by the forms of
// their words, the first among them, and the reported one (b) has the form its own list
// mostly uses: "Partners with ..." in a list of third-person verbs against
// "Partner with ..." in a list of imperatives follows each list's style.
// The same difference in a bullet that breaks its own list's style
// ("Respond ..." among "Ensures", "Owns", ...) is drift.
func listPersonOnly(a, b *driftBullet) bool {
	ca, cb := contentWords(a.exact), contentWords(b.exact)
	if len(ca) == 0 || len(ca) != len(cb) || ca[0] == cb[0] {
		return false
	}
	for i := range ca {
		if ca[i] != cb[i] && prose.Stem(ca[i]) != prose.Stem(cb[i]) {
			return false // another word, not another form
		}
	}
	fb := strings.Fields(b.exact)
	if len(fb) == 0 || b.b.Block.Section == nil {
		return false
	}
	third, base := 0, 0
	for _, o := range b.b.Block.Section.Bullets {
		if o.Block == nil {
			continue
		}
		w := firstWordLower(o.Block.Text)
		switch {
		case w == "":
		case thirdPerson(w):
			third++
		default:
			base++
		}
	}
	if third == base {
		return false
	}
	return thirdPerson(fb[0]) == (third > base)
}

// thirdPerson reports whether a lower-case verb reads as third person
// ("owns", "partners"), not "access" or "process".
func thirdPerson(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// firstWordLower returns a text's first word in lower case.
func firstWordLower(text string) string {
	f := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[0])
}

// driftFillers are modifiers that add emphasis, not meaning: one added or
// dropped ("{+Measurable+} impact") is not drift.
var driftFillers = map[string]bool{
	"measurable": true, "meaningful": true, "effective": true, "effectively": true, "efficient": true,
	"efficiently": true, "clear": true, "clearly": true, "key": true, "relevant": true, "appropriate": true,
	"appropriately": true, "necessary": true, "overall": true, "positive": true, "successful": true,
	"important": true, "timely": true, "consistent": true, "consistently": true, "continuous": true,
	"continuously": true, "regular": true, "regularly": true, "real": true, "true": true, "actual": true,
	"tangible": true, "concrete": true, "specific": true, "quality": true, "new": true, "best": true,
	"various": true, "ongoing": true,
}

// fillerChange reports whether the texts differ only by modifiers of
// driftFillers added or dropped, none replaced.
func fillerChange(a, b *driftBullet) bool {
	d := worddiff.CompareWith(a.text, b.text, worddiff.Options{FoldCase: true})
	changed := false
	for _, c := range d.Chunks {
		if c.Op == worddiff.Equal {
			continue
		}
		if c.Op != worddiff.Insert && c.Op != worddiff.Delete {
			return false
		}
		for _, t := range c.Tokens {
			if !t.IsWord() {
				continue
			}
			if !driftFillers[strings.ToLower(t.Text)] {
				return false
			}
			changed = true
		}
	}
	return changed
}

// listChange reports whether the texts differ by an item added to or taken
// from a list: "{+Recruits and+} hires", "configuration {+and debugging+}",
// "Design{+, develop,+}", "the CEO [-and/or CEO-]". A longer list is a
// change of scope, made on purpose.
func listChange(a, b *driftBullet) bool {
	d := worddiff.CompareWith(a.text, b.text, worddiff.Options{FoldCase: true})
	for _, c := range d.Chunks {
		if c.Op == worddiff.Equal {
			continue
		}
		joiner, content := false, false
		for _, t := range c.Tokens {
			lw := strings.ToLower(t.Text)
			switch {
			case lw == "and" || lw == "or" || lw == "&" || lw == "," || lw == "/" || lw == "and/or":
				joiner = true
			case t.IsWord() && !prose.IsStopWord(lw):
				content = true
			}
		}
		if joiner && content {
			return true
		}
	}
	return false
}

// unpaired pairs the words of two lists, equal words first, then
// look-alikes, and returns the words left over on either side.
func unpaired(as, bs []string) []string {
	left := append([]string(nil), bs...)
	var out []string
	take := func(match func(a, b string) bool, in []string) []string {
		var rest []string
		for _, a := range in {
			found := -1
			for k, b := range left {
				if match(a, b) {
					found = k
					break
				}
			}
			if found < 0 {
				rest = append(rest, a)
				continue
			}
			left = append(left[:found], left[found+1:]...)
		}
		return rest
	}
	rest := take(func(a, b string) bool { return a == b }, as)
	rest = take(lookAlike, rest)
	out = append(out, rest...)
	return append(out, left...)
}

// lookAlike reports whether two stems are forms of one word or a typo of
// it: one ends or starts the other, or they are one or two edits apart.
func lookAlike(a, b string) bool {
	if len(a) >= 3 && len(b) >= 3 && (strings.HasSuffix(a, b) || strings.HasSuffix(b, a) || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)) {
		return true
	}
	limit := 1
	if min(len(a), len(b)) >= 7 {
		limit = 2
	}
	return min(len(a), len(b)) >= 4 && prose.WithinEdits(a, b, limit)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' {
			return true
		} else if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsDigit(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// reportDrift reports every wording of a group of drifted bullets but the
// reference one: the wording most roles use (exact copies outside the group
// count), or the first written. A bullet is reported only when it drifts
// from the reference itself: "Ability" and "Strong ability" are progression
// even when a third bullet, "Srong ability", ties them into one group.
func reportDrift(p *lint.Pass, bs []*driftBullet, group []int, roles map[string]map[*model.Role]bool, drift func(a, b *driftBullet) bool) {
	first := map[string]int{}
	for _, i := range group {
		if _, ok := first[bs[i].exact]; !ok {
			first[bs[i].exact] = i
		}
	}
	ref := ""
	for _, i := range group {
		e := bs[i].exact
		if ref == "" || len(roles[e]) > len(roles[ref]) {
			ref = e
		}
	}
	rb := bs[first[ref]]
	where := "the family-wide section"
	if rb.owner != nil {
		where = quoted(rb.owner.Title)
	}
	others := len(roles[ref]) - 1
	for _, i := range group {
		b := bs[i]
		if b.exact == ref || !drift(rb, b) {
			continue
		}
		// from what the page has here to the reference wording
		d := worddiff.CompareWith(b.text, rb.text, worddiff.Options{FoldCase: true})
		_, del, ins := d.Counts()
		msg := fmt.Sprintf("bullet repeats one in %s", where)
		if others > 0 {
			msg += fmt.Sprintf(" (and %d other %s)", others, pluralWord(others, "role", "roles"))
		}
		msg += fmt.Sprintf(" with %d %s changed: write them the same, or make the difference a clear one", max(del, ins), pluralWord(max(del, ins), "word", "words"))
		p.Report(lint.Diagnostic{
			Span:    b.b.Block.Span,
			Message: msg,
			Role:    b.owner,
			Subject: "drift: " + b.exact,
			Diff:    strings.TrimSpace(d.String()),
		})
	}
}
