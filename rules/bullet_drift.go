package rules

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

type bulletDriftOptions struct {
	MinSimilarity float64 `yaml:"min_similarity"`
	MinWords      int     `yaml:"min_words"`
}

var bulletDriftRule = &lint.Rule{
	ID:       "bullet-drift",
	Title:    "a bullet copied across roles that lost an article, a comma or its list's verb form, names another tool or asks less at a higher grade",
	Category: lint.Wording,
	Severity: lint.Info,
	// off by default: blind precision 0.06 on the checking half before it
	// was narrowed to the defects below (docs/rules.md)
	Optional: true,
	Doc: lint.Doc{
		Description: "When a level is copied from another and then edited, a bullet meant to stay the same can come " +
			"out damaged. The bullets of the roles of a family (and of its family-wide sections) are compared with " +
			"each other, and a bullet is reported when it differs from a copy in another role by one of these " +
			"defects, which the message names with the copy it was found against:\n\n" +
			"- an article dropped: \"perform in fast-moving startup environment\" where the copy has \"in a " +
			"fast-moving startup environment\", after a preposition, where a singular noun needs one (not at the " +
			"bullet's start, where \"Strong understanding\" and \"A strong understanding\" are both right, nor " +
			"before a noun that does without, \"with strong understanding of\", nor where the noun changed too);\n" +
			"- a comma dropped between two items of a list: \"Sales, FP&A Accounting and Tax\" where the copy has " +
			"\"FP&A, Accounting\" (a serial comma before \"and\" is style, not a defect);\n" +
			"- a first verb whose form breaks its own list's style: \"Responds to ...\" in a list of imperatives " +
			"where the copy has \"Respond to ...\": three of four of the list's other bullets that start with a " +
			"verb, at least three, have the other form (bullets that start with a noun phrase do not count; the " +
			"same form in a list of third-person verbs follows its list and is not reported); so does a noun made " +
			"of the copy's verb, \"Liaison with External auditors\" where the copy has \"Liaise with External " +
			"auditors\";\n" +
			"- another product or tool named at one level: \"on the Carta platform\" where the same bullet at a " +
			"level before and a level after says \"on the Equity Edge Online platform\" (numbers may differ, as " +
			"years do from level to level; a bullet too short to share enough words with its copies, \"Experience " +
			"with Online systems\", is paired with the bullet at its place in the other lists, the bullet before or " +
			"after it being the same; a bullet with a copy at one level only is reported when its level makes the " +
			"same change, between two levels that agree, in another bullet: \"Maintain data in Carta online " +
			"database\" where the level before has \"Equity Edge Online/E*TRADE database\");\n" +
			"- a higher grade asking less than a lower one: \"Support the development\" or \"Strong experience\" " +
			"where the same bullet at a lower grade has \"Lead the development\" or \"Expert experience\", or " +
			"\"Resourcefulness\" where it has \"Demonstrated resourcefulness\" (both roles need a grade; the " +
			"words of ownership and proficiency compared are built in);\n" +
			"- a bullet that a level takes over from another (\"Responsibilities extend the Staff Analytics " +
			"Engineer job\") written again in other words, with the same content words: \"Regularly participates " +
			"... and networking\" where the level taken over has \"Regularly participate ... and/or networking\" " +
			"(a repeat but for a hyphen or the closing punctuation is `level-copy`'s), or with whole items of its " +
			"list left out, nothing else changed: \"Develop case studies, presentations, and internal process " +
			"development\" where the level taken over has \"..., presentations, design documentation, best-practice " +
			"methodologies and internal process development\";\n" +
			"- a plural noun of the copy made a bare singular: \"to form hypothesis\" where the copy has \"to form " +
			"hypotheses\" (the noun ends its phrase after a content word, with no determiner or number before it " +
			"in its phrase, and is no noun that goes without an article, \"perform analysis\"; the years a bullet " +
			"opens with aside, \"Experience supporting product team\" where the copy has \"4+ years of experience " +
			"supporting product teams\");\n" +
			"- a bullet that is a link in the other roles written as plain text in one: \"Leadership at GitLab\" " +
			"where at least two other roles have \"[Leadership at GitLab](...)\", every copy one link over the " +
			"whole bullet (bullets of any length are compared);\n" +
			"- a requirement that the family-wide list only prefers: \"Experience with Middleman\" in a level's " +
			"list where the family-wide one has \"Prefer experience with Middleman\", which applies to every " +
			"level.\n\n" +
			"Other differences between copies are left alone: a word changed or added between levels is usually " +
			"progression or a harmless rewording, a misspelt word is `misspelling`'s, and a bullet whose own role " +
			"also holds the copy is a repeat, not drift. Bullets shorter than `min_words` content words are not " +
			"compared.",
		Bad: "---\ntitle: Recruiter\n---\n\n## Recruiter\n\n### Requirements\n\n" +
			"- Ability to perform in a fast-moving startup environment\n\n" +
			"## Senior Recruiter\n\n### Requirements\n\n- Ability to perform in fast-moving startup environment\n",
		Good: "---\ntitle: Recruiter\n---\n\n## Recruiter\n\n### Requirements\n\n" +
			"- Ability to perform in a fast-moving startup environment\n\n" +
			"## Senior Recruiter\n\n### Requirements\n\n- Proven ability to perform in a fast-moving environment\n",
		Options: []lint.OptionDoc{
			{Name: "min_similarity", Default: "0.6", Text: "least share of content words two bullets have in common, in order, to be compared as copies (0 to 1)"},
			{Name: "min_words", Default: "3", Text: "fewest content words a bullet needs to be compared"},
		},
	},
	Options: func() any {
		return &bulletDriftOptions{MinSimilarity: 0.6, MinWords: 3}
	},
	Validate: func(o any) error {
		opts := o.(*bulletDriftOptions)
		if opts.MinSimilarity <= 0 || opts.MinSimilarity > 1 {
			return fmt.Errorf("min_similarity must be above 0 and at most 1")
		}
		if opts.MinWords < 1 {
			return fmt.Errorf("min_words must be at least 1")
		}
		return nil
	},
	Check: checkBulletDrift,
}

func init() { lint.Register(bulletDriftRule) }

// driftWindow is how many content words two compared bullets may differ in
// length: a product's name of three words for one of one.
const driftWindow = 3

// driftBullet is a bullet prepared for comparison.
type driftBullet struct {
	b     *model.Bullet
	owner *model.Role // nil for a family-wide section
	order int         // the owner's place among the page's roles; -1 for a family-wide section
	text  string      // the bullet's prose, placeholders blanked
	toks  []driftTok  // its tokens, compared
	key   string      // the tokens joined: equal for a copy
	exact string      // its words in lower case, joined: what its findings are known by
	stems []string    // its content words, stemmed
	ids   []int32     // the stems numbered per page, sorted: a bound on what two bullets share

	articles, commas int      // how many "a" and "an", and commas, it has
	triples          []uint64 // the hashes of its runs of three tokens, sorted
}

// driftTok is a token of a bullet as compared: in lower case, quotes
// straightened, a number as "#" (years change from level to level).
type driftTok struct {
	norm       string
	hash       uint64 // of norm
	word       bool
	upper      bool // written with a capital first letter
	start, end int  // in the bullet's text
}

// driftKind is a defect of a copied bullet.
type driftKind int

const (
	driftArticle driftKind = iota
	driftComma
	driftVerbForm
	driftName
	driftPreference
	driftRegression
	driftInherited
	driftNumber
	driftLink
)

var driftKindNames = [...]string{driftArticle: "article", driftComma: "comma", driftVerbForm: "verb form",
	driftName: "name", driftPreference: "preference", driftRegression: "regression", driftInherited: "inherited", driftNumber: "number", driftLink: "link"}

// driftFinding is a defect of bullet b against its copy r.
type driftFinding struct {
	kind     driftKind
	b, r     *driftBullet
	from, to int // b's tokens the finding points at, [from, to)
	rfrom    int // the same place in r's tokens
	rto      int
	// an inherited bullet repeated with words left out
	shortened bool
	// for another name: the bullet of the same level that swaps the same
	// names between a level before and one after
	via *driftBullet
}

func checkBulletDrift(p *lint.Pass) {
	opts := lint.Options[bulletDriftOptions](p.Options)
	titles := map[string]bool{}
	for _, r := range p.File.Roles {
		for _, w := range wordsIn(strings.ToLower(r.Title), false) {
			titles[w.Text] = true
		}
	}
	bs := driftBullets(p.File, opts.MinWords)
	byKey := map[string][]*driftBullet{}
	for _, b := range bs {
		byKey[b.key] = append(byKey[b.key], b)
	}
	pg := &driftPage{byKey: byKey, titles: titles, firstWords: map[string]bool{}}
	firstWords := func(ss []*model.Section) {
		for _, s := range ss {
			for _, b := range s.Bullets {
				if b.Block != nil {
					pg.firstWords[firstWordLower(b.Block.Text)] = true
				}
			}
		}
	}
	firstWords(p.File.Sections)
	for _, r := range p.File.Roles {
		firstWords(r.Sections)
	}
	// bullets by number of stems: copies differ in length by at most
	// driftWindow, so only those lengths are paired
	byLen := map[int][]int{}
	for i, b := range bs {
		byLen[len(b.stems)] = append(byLen[len(b.stems)], i)
	}
	best := map[*driftBullet]driftFinding{}
	keep := func(f driftFinding) {
		if f.b == nil {
			return
		}
		if o, ok := best[f.b]; !ok || f.kind < o.kind || f.kind == o.kind && f.r.b.Span.Start < o.r.b.Span.Start {
			best[f.b] = f
		}
	}
	for i := range bs {
		n := len(bs[i].stems)
		for m := max(n-driftWindow, 0); m <= n+driftWindow; m++ {
			for _, j := range byLen[m] {
				if j <= i {
					continue
				}
				a, b := bs[i], bs[j]
				if a.owner == b.owner || a.key == b.key || !mayCopy(a, b, opts.MinSimilarity) {
					continue
				}
				keep(classifyDrift(a, b, pg))
				keep(classifyDrift(b, a, pg))
			}
		}
	}
	anchoredNames(bs, pg, keep)
	namesAgain(bs, best, keep)
	lostLinks(p.File, keep)
	inheritedRewordings(p.File, bs, keep)
	out := make([]driftFinding, 0, len(best))
	for _, f := range best {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].b.b.Span.Start < out[j].b.b.Span.Start })
	for i := range out {
		reportBulletDrift(p, &out[i], pg)
	}
}

// driftBullets returns the bullets of the page's role and family sections
// that are long enough to compare.
func driftBullets(f *model.Family, minWords int) []*driftBullet {
	var out []*driftBullet
	var content []string // a bullet's content words
	// a bullet that says a level takes over another's list ("Extends the
	// responsibilities of Principal Solutions Architect") is no copy of a
	// bullet: its words name the list, and a requirement that names the
	// same role ("experience with the additional responsibilities of a
	// Principal Solutions Architect") is another bullet
	extension := map[*model.Block]bool{}
	for _, r := range f.Roles {
		for _, e := range r.Extends {
			if e != nil && e.Sentence != nil {
				if b := blockAt(f, e.Sentence.Span.Start); b != nil {
					extension[b] = true
				}
			}
		}
	}
	add := func(owner *model.Role, order int, s *model.Section) {
		for _, b := range s.Bullets {
			if b.Block == nil || extension[b.Block] {
				continue
			}
			tw := wordingWords(b.Block, false)
			content = content[:0]
			for _, lw := range tw.Lowers() {
				// numbers change from level to level ("3 years", "5 years")
				if !prose.IsStopWord(lw) && !hasDigit(lw) {
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
			text := wordingText(b.Block)
			toks := driftTokens(text)
			norms := make([]string, len(toks))
			for i, t := range toks {
				norms[i] = t.norm
			}
			db := &driftBullet{b: b, owner: owner, order: order, text: text, toks: toks,
				key: strings.Join(norms, " "), exact: tw.JoinLower(0, len(tw.Words), " "), stems: stems}
			if len(toks) >= 3 {
				db.triples = make([]uint64, 0, len(toks)-2)
				for i := 2; i < len(toks); i++ {
					db.triples = append(db.triples, driftTriple(toks[i-2].hash, toks[i-1].hash, toks[i].hash))
				}
				slices.Sort(db.triples)
			}
			for _, t := range toks {
				switch t.norm {
				case "a", "an":
					db.articles++
				case ",":
					db.commas++
				}
			}
			out = append(out, db)
		}
	}
	for i, r := range f.Roles {
		for _, s := range r.Sections {
			if s.Role == r {
				add(r, i, s)
			}
		}
	}
	for _, s := range f.Sections {
		if s.Kind.IsRoleSection() || s.Kind == model.SecOther {
			add(nil, -1, s)
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

// driftTokens splits a bullet's text into compared tokens. A "+" after a
// number ("8+ years") and the closing full stop or semicolon are left out.
func driftTokens(text string) []driftTok {
	var out []driftTok
	off := 0
	for _, t := range worddiff.Tokenize(text) {
		start := off + len(t.Space)
		off = start + len(t.Text)
		norm := strings.ToLower(t.Text)
		norm = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(norm)
		word := t.IsWord()
		if word && hasDigit(norm) {
			norm = "#"
		}
		if norm == "+" && len(out) > 0 && out[len(out)-1].norm == "#" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		out = append(out, driftTok{norm: norm, hash: driftHash(norm), word: word, upper: unicode.IsUpper(r), start: start, end: off})
	}
	for len(out) > 0 && (out[len(out)-1].norm == "." || out[len(out)-1].norm == ";") {
		out = out[:len(out)-1]
	}
	return out
}

// mayCopy is a cheap bound: two bullets are compared only when their
// content words are at least min_similarity the same.
func mayCopy(a, b *driftBullet, minSimilarity float64) bool {
	n, m := len(a.stems), len(b.stems)
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
	return float64(2*common)/float64(n+m) >= minSimilarity-1e-9
}

// classifyDrift returns the defect bullet b has against its copy r, if
// any.
func classifyDrift(b, r *driftBullet, pg *driftPage) driftFinding {
	bt, rt := b.toks, r.toks
	byKey := pg.byKey
	// a bullet its own role also holds as r has it is a repeat, not drift
	repeat := func() bool {
		for _, o := range byKey[r.key] {
			if o.owner == b.owner {
				return true
			}
		}
		return false
	}
	if f := droppedToken(b, r); f.b != nil && !repeat() {
		return f
	}
	if len(rt) == len(bt) && len(bt) > 1 && bt[0].word && bt[0].norm != rt[0].norm && equalToks(bt[1:], rt[1:]) &&
		personForms(bt[0].norm, rt[0].norm) && len(listStyle(b, rt[0].norm, pg)) > 0 && !repeat() {
		return driftFinding{kind: driftVerbForm, b: b, r: r, from: 0, to: 1, rfrom: 0, rto: 1}
	}
	// a noun where the copy, and the list, have the verb: "Liaison with
	// External auditors" for "Liaise with External auditors"
	if len(rt) == len(bt) && len(bt) > 1 && bt[0].word && equalToks(bt[1:], rt[1:]) && nounOfVerb(bt[0].norm, rt[0].norm) &&
		!thirdPerson(rt[0].norm) && len(listStyle(b, rt[0].norm, pg)) > 0 && !repeat() {
		return driftFinding{kind: driftVerbForm, b: b, r: r, from: 0, to: 1, rfrom: 0, rto: 1}
	}
	if f := nameSwap(b, r, pg); f.b != nil {
		return f
	}
	if f := regression(b, r); f.b != nil {
		return f
	}
	if f := singularized(b, r); f.b != nil {
		return f
	}
	if (r.owner == nil) != (b.owner == nil) && b.owner != nil &&
		(equalToks(bt, stripPreference(rt)) && len(stripPreference(rt)) < len(rt) ||
			equalToks(stripPreference(bt), rt) && len(stripPreference(bt)) < len(bt)) {
		return driftFinding{kind: driftPreference, b: b, r: r, from: 0, to: len(bt), rfrom: 0, rto: len(rt)}
	}
	return driftFinding{}
}

// driftPrepositions come before a noun phrase: after one of them a singular
// noun that the copy gives an article needs it ("in a fast-moving
// environment", "as a distributed company").
var driftPrepositions = map[string]bool{
	"in": true, "as": true, "with": true, "for": true, "of": true, "to": true, "on": true, "at": true, "from": true,
	"into": true, "within": true, "like": true, "by": true, "across": true, "through": true, "throughout": true,
	"about": true, "under": true, "over": true, "without": true, "toward": true, "towards": true,
}

// droppedToken finds an article or a list's comma that r has and b lacks,
// with the words on both sides the same: at least one before and two
// after, running to the end of the bullet or to punctuation when there are
// not three. Other changes elsewhere in the bullet do not matter. The
// places are found through b's runs of three tokens, without a diff: a page
// of many near copies costs a look-up a pair.
func droppedToken(b, r *driftBullet) driftFinding {
	// r must have more articles or commas than b for one to be dropped
	if r.articles <= b.articles && r.commas <= b.commas {
		return driftFinding{}
	}
	bt, rt := b.toks, r.toks
	for i := 1; i+2 < len(rt); i++ {
		n := rt[i].norm
		if n != "a" && n != "an" && n != "," {
			continue
		}
		h := driftTriple(rt[i-1].hash, rt[i+1].hash, rt[i+2].hash)
		if _, ok := slices.BinarySearch(b.triples, h); !ok {
			continue
		}
		for k := 1; k+1 < len(bt); k++ {
			if bt[k-1].norm != rt[i-1].norm || bt[k].norm != rt[i+1].norm || bt[k+1].norm != rt[i+2].norm {
				continue
			}
			after := 0
			for k+after < len(bt) && i+1+after < len(rt) && bt[k+after].norm == rt[i+1+after].norm {
				after++
			}
			end := k + after
			longEnough := after >= 3 || end == len(bt) || !bt[end].word
			if !bt[k-1].word || !bt[k].word || !longEnough {
				continue
			}
			switch {
			case n != "," && driftPrepositions[bt[k-1].norm] && !massNounAhead(bt[k:min(k+3, len(bt))]):
				return driftFinding{kind: driftArticle, b: b, r: r, from: k - 1, to: k + 1, rfrom: i - 1, rto: i + 2}
			case n == "," && droppedListComma(bt, k):
				return driftFinding{kind: driftComma, b: b, r: r, from: k - 1, to: k + 1, rfrom: i - 1, rto: i + 2}
			}
		}
	}
	return driftFinding{}
}

// driftMassNouns take an article or none alike: "with a strong
// understanding of" and "with strong understanding of" are both right.
var driftMassNouns = map[string]bool{"understanding": true, "knowledge": true, "experience": true, "passion": true,
	"background": true, "interest": true, "ability": true, "sense": true, "appreciation": true, "grasp": true,
	"command": true, "familiarity": true, "proficiency": true, "expertise": true, "focus": true, "emphasis": true,
	"desire": true, "willingness": true, "aptitude": true}

// massNounAhead reports whether one of the words after a dropped article
// is a noun that needs none.
func massNounAhead(ts []driftTok) bool {
	for _, t := range ts {
		if driftMassNouns[t.norm] {
			return true
		}
	}
	return false
}

// driftTriple combines the hashes of three tokens in a row.
func driftTriple(a, b, c uint64) uint64 {
	return (a*1099511628211+b)*1099511628211 + c
}

// driftHash hashes a token's compared form (FNV-1a).
func driftHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// firstDiff returns the index of the first token where a and b differ.
func firstDiff(a, b []driftTok) int {
	k := 0
	for k < len(a) && k < len(b) && a[k].norm == b[k].norm {
		k++
	}
	return k
}

func equalToks(a, b []driftTok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].norm != b[i].norm {
			return false
		}
	}
	return true
}

// droppedListComma reports whether a comma missing before bt[k] joins two
// items of a list: a comma before it, "and" or "or" after it, and not the
// serial comma ("A, B, and C" against "A, B and C" is style).
func droppedListComma(bt []driftTok, k int) bool {
	if listJoiners[bt[k].norm] {
		return false
	}
	before, after := false, false
	for _, t := range bt[:k] {
		if t.norm == "," {
			before = true
		}
	}
	for i := k + 1; i < len(bt); i++ {
		// "&" joins items when it stands apart, not inside "FP&A"
		if n := bt[i].norm; n == "and" || n == "or" || n == "&" && bt[i].start > bt[i-1].end {
			after = true
			break
		}
	}
	return before && after
}

var listJoiners = map[string]bool{"and": true, "or": true, "nor": true, "but": true, "etc": true, "&": true, "and/or": true}

// personForms reports whether two lower-case words are the base and
// third-person forms of one verb: "respond" and "responds", "ensure" and
// "ensures", "focus" and "focuses".
// nounOfVerb reports whether n is the noun made of the verb v:
// "liaison" of "liaise", "management" of "manage", "coordination" of
// "coordinate".
func nounOfVerb(n, v string) bool {
	stem := strings.TrimSuffix(v, "e")
	if len(stem) < 4 || driftVerbs[n] {
		return false
	}
	for _, suf := range []string{"ion", "on", "ment", "ance", "ence"} {
		if n == stem+suf || n == v+suf {
			return true
		}
	}
	return false
}

func personForms(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && (b == a+"s" || b == a+"es")
}

// driftPage is what the comparisons read of the whole page: its bullets
// by wording, the words of its role titles, the first words of its
// bullets.
type driftPage struct {
	byKey      map[string][]*driftBullet
	titles     map[string]bool
	firstWords map[string]bool
}

// driftVerbs are verbs that start the bullets of job families, in their
// base form: a bullet starting with one of them, or with its third-person
// form, starts with a verb. A word the page starts bullets with in both
// forms is a verb too.
var driftVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`act advise advocate analyze apply assist attend audit build champion coach
		collaborate communicate conduct contribute coordinate create define deliver demonstrate deploy design develop
		document drive enable enforce engage ensure establish evaluate execute extend facilitate forecast guide handle
		help hire identify implement improve influence interface lead leverage liaise maintain manage measure mentor
		monitor negotiate organize own participate partner perform plan prepare present prioritize process promote
		provide recommend reconcile recruit report represent research resolve respond review run schedule serve set
		share source support take track train understand use work write`) {
		driftVerbs[w] = true
	}
}

// listStyle returns, when a bullet's first verb has the other form than
// the list it is in uses (want's form), the first words of the list that
// show it: at least three other bullets of its section start with a verb
// in want's form, and three of four of those starting with a verb do.
// Bullets that start with no verb (a noun phrase) do not count.
func listStyle(b *driftBullet, want string, pg *driftPage) []string {
	s := b.b.Block.Section
	if s == nil {
		return nil
	}
	third := thirdPerson(want)
	var agree []string
	verbs := 0
	for _, o := range s.Bullets {
		if o == b.b || o.Block == nil {
			continue
		}
		w := firstWordLower(o.Block.Text)
		isThird, isVerb := thirdPerson(w), false
		if isThird {
			for _, base := range []string{strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
				isVerb = isVerb || driftVerbs[base] || pg.firstWords[base]
			}
		} else {
			isVerb = driftVerbs[w] || pg.firstWords[w+"s"] || pg.firstWords[w+"es"]
		}
		if !isVerb {
			continue
		}
		verbs++
		if isThird == third {
			agree = append(agree, firstWord(o.Block.Text))
		}
	}
	if len(agree) < 3 || 4*len(agree) < 3*verbs {
		return nil
	}
	return agree
}

// firstWord returns a text's first word as written.
func firstWord(text string) string {
	f := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// thirdPerson reports whether a lower-case verb reads as third person
// ("owns", "partners"), not "access" or "process".
func thirdPerson(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// firstWordLower returns a text's first word in lower case.
func firstWordLower(text string) string {
	f := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[0])
}

// nameSwap finds another name written at one level: b and r the same but
// for one run of words, a capitalized name in r ("Equity Edge Online") and
// a capitalized word in b ("Carta"), where the roles before and after b's
// both have r's wording and no other role has b's.
func nameSwap(b, r *driftBullet, pg *driftPage) driftFinding {
	byKey, titles := pg.byKey, pg.titles
	p, bm, rm := midDiff(b.toks, r.toks)
	if p == 0 || len(bm) == 0 || len(rm) == 0 || len(bm) > 4 || len(rm) > 4 || !bm[0].word || !bm[0].upper {
		return driftFinding{}
	}
	names := func(ts []driftTok, all bool) bool {
		words := 0
		for _, t := range ts {
			if !t.word {
				continue
			}
			if t.norm == "#" || titles[t.norm] || prose.IsStopWord(t.norm) || all && !t.upper {
				return false
			}
			words++
		}
		return words > 0
	}
	if !names(bm, false) || !names(rm, true) {
		return driftFinding{}
	}
	before, after := false, false
	for _, o := range byKey[r.key] {
		switch {
		case o.owner == b.owner:
			return driftFinding{}
		case o.order < b.order:
			before = true
		case o.order > b.order:
			after = true
		}
	}
	for _, o := range byKey[b.key] {
		if o.owner != b.owner {
			return driftFinding{}
		}
	}
	if !before || !after {
		return driftFinding{}
	}
	return driftFinding{kind: driftName, b: b, r: r, from: p, to: p + len(bm), rfrom: p, rto: p + len(rm)}
}

// namesAgain finds, in a level that names another tool than the levels
// before and after it in one bullet ("on the Carta platform" where they
// have "on the Equity Edge Online platform"), another of its bullets that
// makes the same swap against a bullet that has one copy only: "Maintain
// data in Carta online database" where the level before has "Maintain data
// in Equity Edge Online/E*TRADE database". The names changed must start
// with the same words as in the bullet found first.
func namesAgain(bs []*driftBullet, best map[*driftBullet]driftFinding, keep func(driftFinding)) {
	var found []driftFinding
	for _, f := range best {
		if f.kind == driftName && f.via == nil {
			found = append(found, f)
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].b.b.Span.Start < found[j].b.b.Span.Start })
	startsWith := func(ts, prefix []driftTok) bool {
		if len(ts) < len(prefix) {
			return false
		}
		for i := range prefix {
			if ts[i].norm != prefix[i].norm {
				return false
			}
		}
		return true
	}
	for _, sw := range found {
		name, other := sw.b.toks[sw.from:sw.to], sw.r.toks[sw.rfrom:sw.rto]
		for _, b := range bs {
			if b.owner != sw.b.owner || b == sw.b {
				continue
			}
			if _, ok := best[b]; ok {
				continue
			}
			for _, r := range bs {
				if r.owner == nil || r.owner == b.owner {
					continue
				}
				p, bm, rm := midDiff(b.toks, r.toks)
				if p == 0 || driftWords(bm) > driftWords(name)+driftWindow || driftWords(rm) > driftWords(other)+driftWindow ||
					!startsWith(bm, name) || !startsWith(rm, other) || len(b.toks)-len(bm) < 6 {
					continue
				}
				keep(driftFinding{kind: driftName, b: b, r: r, from: p, to: p + len(name), rfrom: p, rto: p + len(other), via: sw.b})
				break
			}
		}
	}
}

// singularized finds a plural noun of the copy written singular with
// nothing to make it count, a bare singular noun: "to form hypothesis"
// where the copy has "to form hypotheses". The noun ends its phrase (a
// punctuation mark, a function word or the bullet's end after it: "customer
// success" for "customers success" is a noun used as a modifier), comes
// after a content word, and no determiner or number comes before it in its
// phrase ("a global team" for "a global teams"); a noun that goes without
// an article ("analysis", "experience") is left alone, and so is the
// bullet's first word, a verb's form.
func singularized(b, r *driftBullet) driftFinding {
	// the years a level asks vary from level to level: "Experience
	// supporting product team" is a copy of "4+ years of experience
	// supporting product teams"
	bt, rt := yearsOff(b.toks), yearsOff(r.toks)
	off := len(b.toks) - len(bt)
	p, bm, rm := midDiff(bt, rt)
	if p == 0 || len(bm) != 1 || len(rm) != 1 || !bm[0].word || !pluralOf(rm[0].norm, bm[0].norm) ||
		driftMassNouns[bm[0].norm] || driftUncounted[bm[0].norm] || prose.IsStopWord(bm[0].norm) {
		return driftFinding{}
	}
	if n := p + 1; n < len(bt) && bt[n].word && !prose.IsStopWord(bt[n].norm) {
		return driftFinding{}
	}
	if prev := bt[p-1]; !prev.word || prose.IsStopWord(prev.norm) || prev.norm == "#" {
		return driftFinding{}
	}
	for i := p - 1; i >= 0; i-- {
		t := bt[i]
		if !t.word || t.norm == "#" || driftDeterminers[t.norm] {
			return driftFinding{}
		}
		if prose.IsStopWord(t.norm) {
			break
		}
	}
	return driftFinding{kind: driftNumber, b: b, r: r, from: off + p, to: off + p + 1,
		rfrom: len(r.toks) - len(rt) + p, rto: len(r.toks) - len(rt) + p + 1}
}

// yearsOff returns a bullet's tokens without the years it opens with ("4+
// years of experience ..." gives "experience ...").
func yearsOff(ts []driftTok) []driftTok {
	if len(ts) > 3 && ts[0].norm == "#" && (ts[1].norm == "years" || ts[1].norm == "year") && ts[2].norm == "of" {
		return ts[3:]
	}
	return ts
}

// driftDeterminers make a singular noun count ("each team", "our
// process").
var driftDeterminers = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true, "each": true,
	"every": true, "one": true, "any": true, "another": true, "our": true, "your": true, "their": true, "its": true,
	"his": true, "her": true, "per": true, "single": true, "either": true, "neither": true, "no": true}

// driftUncounted are nouns that go without an article in the singular as
// well as in the plural ("perform analysis", "develop strategy").
var driftUncounted = map[string]bool{"analysis": true, "strategy": true, "process": true, "research": true,
	"data": true, "software": true, "support": true, "development": true, "training": true, "technology": true,
	"policy": true, "practice": true, "guidance": true, "documentation": true, "communication": true,
	"business": true, "product": true, "content": true, "quality": true, "security": true, "compliance": true}

// pluralOf reports whether pl is the plural of sg.
func pluralOf(pl, sg string) bool {
	switch {
	case len(sg) < 3:
		return false
	case pl == sg+"s" || pl == sg+"es":
		return true
	case strings.HasSuffix(sg, "y") && pl == sg[:len(sg)-1]+"ies":
		return true
	case strings.HasSuffix(sg, "sis") && pl == sg[:len(sg)-3]+"ses":
		return true
	}
	return false
}

// driftLinkCopies is how many other roles must link a bullet that one
// role writes without its link.
const driftLinkCopies = 2

// lostLinks finds a bullet that is a link in the other roles and plain
// text in one: "Leadership at GitLab" where the other levels have
// "[Leadership at GitLab](...)". At least driftLinkCopies other roles
// have the bullet, all of them as one link over its whole text; bullets
// of any length are compared.
func lostLinks(f *model.Family, keep func(driftFinding)) {
	type copyOf struct {
		d      *driftBullet
		linked bool
	}
	byKey := map[string][]copyOf{}
	var keys []string
	for i, r := range f.Roles {
		for _, s := range r.Sections {
			if s.Role != r {
				continue
			}
			for _, b := range s.Bullets {
				if b.Block == nil {
					continue
				}
				text := wordingText(b.Block)
				toks := driftTokens(text)
				if len(toks) == 0 || !toks[0].word {
					continue
				}
				norms := make([]string, len(toks))
				for j, t := range toks {
					norms[j] = t.norm
				}
				k := strings.Join(norms, " ")
				linked := false
				if len(b.Block.Links) == 1 {
					in := b.Block.Links[0].TextIn
					linked = in.Start <= toks[0].start && toks[len(toks)-1].end <= in.End
				}
				if byKey[k] == nil {
					keys = append(keys, k)
				}
				byKey[k] = append(byKey[k], copyOf{&driftBullet{b: b, owner: r, order: i, text: text, toks: toks, key: k,
					exact: wordingWords(b.Block, false).JoinLower(0, len(wordingWords(b.Block, false).Words), " ")}, linked})
			}
		}
	}
	for _, k := range keys {
		group := byKey[k]
		for _, c := range group {
			if c.linked || len(c.d.b.Block.Links) > 0 {
				continue
			}
			roles := map[*model.Role]bool{}
			var first *driftBullet
			agree := true
			for _, o := range group {
				if o.d.owner == c.d.owner {
					continue
				}
				if !o.linked {
					agree = false
					break
				}
				roles[o.d.owner] = true
				if first == nil {
					first = o.d
				}
			}
			if agree && len(roles) >= driftLinkCopies {
				keep(driftFinding{kind: driftLink, b: c.d, r: first, from: 0, to: len(c.d.toks), rfrom: 0, rto: len(first.toks)})
			}
		}
	}
}

// driftWords returns how many of the tokens are words.
func driftWords(ts []driftTok) int {
	n := 0
	for _, t := range ts {
		if t.word {
			n++
		}
	}
	return n
}

// inheritedRewordings finds a level's bullet that repeats, reworded, a
// bullet of a list the level takes over ("All of the responsibilities of a
// Technical Architect plus:"): the same content words in the same order,
// written otherwise ("Best Practice" communication / 'Best Practices,'
// communication; "participates" / "participate"). The level then has the
// bullet twice. Repeats that differ only by a hyphen or the closing
// punctuation are level-copy's; a changed content word may be what the
// level adds, and is left alone.
func inheritedRewordings(f *model.Family, bs []*driftBullet, keep func(driftFinding)) {
	byBullet := make(map[*model.Bullet]*driftBullet, len(bs))
	for _, b := range bs {
		byBullet[b.b] = b
	}
	copyKey := func(b *model.Bullet) string {
		return itemKey(strings.TrimRight(strings.ReplaceAll(oneLine(wordingText(b.Block)), "-", " "), ".,;:! "))
	}
	for _, r := range f.Roles {
		if len(r.Extends) == 0 {
			continue
		}
		for _, kind := range []model.SectionKind{model.SecResponsibilities, model.SecRequirements} {
			own := ownSection(r, kind)
			if own == nil {
				continue
			}
			lists := inheritedLists(f, r, kind)
			for _, ob := range own.Bullets {
				b := byBullet[ob]
				if b == nil {
					continue
				}
				for _, l := range lists {
					for _, hb := range l.owner.Bullets {
						h := byBullet[hb]
						if h == nil || h.key == b.key || !slices.Equal(driftNumbers(b), driftNumbers(h)) {
							continue
						}
						short := shortenedCopy(b, h)
						if !short && (!slices.Equal(h.stems, b.stems) || copyKey(ob) == copyKey(hb)) {
							continue
						}
						keep(driftFinding{kind: driftInherited, b: b, r: h, from: 0, to: len(b.toks), rfrom: 0, rto: len(h.toks), shortened: short})
					}
				}
			}
		}
	}
}

// driftShortMin is the fewest content words a shortened repeat of a bullet
// keeps.
const driftShortMin = 5

// shortenedCopy reports whether b is h with items of one of its lists left
// out, and nothing else changed: "Develop case studies, presentations, and
// internal process development" after "Develop case studies,
// presentations, design documentation, best-practice methodologies and
// internal process development", or "reviewing of expenses, payroll" after
// "reviewing of cash, expenses, payroll". The words left out are whole
// items, set off by commas: a word dropped from a phrase ("the Quality
// space" after "the Quality Engineering space") may narrow or widen what
// the level does. b keeps at least driftShortMin content words and half
// of h's.
func shortenedCopy(b, h *driftBullet) bool {
	if len(b.stems) < driftShortMin || len(b.stems) >= len(h.stems) || 2*len(b.stems) < len(h.stems) {
		return false
	}
	p, bm, hm := midDiff(b.toks, h.toks)
	if len(bm) > 0 || len(hm) < 2 || p == 0 {
		return false
	}
	words := false
	for _, t := range hm {
		words = words || t.word
		if t.norm == "." || t.norm == ";" || t.norm == ":" || t.norm == "(" || t.norm == ")" {
			return false
		}
	}
	end := p + len(hm) // h's token after the run
	if !words || end >= len(h.toks) {
		return false
	}
	switch next := h.toks[end].norm; {
	case h.toks[p-1].norm == "," && (next == "," || next == "and" || next == "or" || next == "&"):
		// ", design documentation, best-practice methodologies" before "and"
		return true
	case hm[len(hm)-1].norm == ",":
		// "cash," before "expenses, payroll"
		return true
	}
	return false
}

// driftNumbers returns the numbers of a bullet as written ("3-5", "8").
func driftNumbers(d *driftBullet) []string {
	var out []string
	for _, t := range d.toks {
		if t.norm == "#" {
			out = append(out, d.text[t.start:t.end])
		}
	}
	return out
}

// driftAnchorCopies bounds how many copies of a neighbouring bullet are
// followed to pair a bullet with the one at its place in another list.
const driftAnchorCopies = 64

// anchoredNames pairs bullets too short to be compared by their words
// ("Experience with Google Workspace", "Experience with Online systems")
// through their place: the bullet before or after each is the same in both
// lists. Such pairs are checked for another name only (nameSwap).
func anchoredNames(bs []*driftBullet, pg *driftPage, keep func(driftFinding)) {
	byBullet := make(map[*model.Bullet]*driftBullet, len(bs))
	for _, b := range bs {
		byBullet[b.b] = b
	}
	// every bullet of a role's own sections, by its compared wording
	type placed struct {
		sec *model.Section
		i   int
	}
	var sections []*model.Section
	seen := map[*model.Section]bool{}
	for _, b := range bs {
		if s := b.b.Block.Section; b.owner != nil && s != nil && !seen[s] {
			seen[s] = true
			sections = append(sections, s)
		}
	}
	keys := map[*model.Bullet]string{}
	byKey := map[string][]placed{}
	for _, s := range sections {
		for i, b := range s.Bullets {
			if b.Block == nil {
				continue
			}
			toks := driftTokens(wordingText(b.Block))
			norms := make([]string, len(toks))
			for j, t := range toks {
				norms[j] = t.norm
			}
			k := strings.Join(norms, " ")
			keys[b] = k
			if len(byKey[k]) < driftAnchorCopies {
				byKey[k] = append(byKey[k], placed{s, i})
			}
		}
	}
	for _, s := range sections {
		for i, sb := range s.Bullets {
			b := byBullet[sb]
			if b == nil || b.owner == nil {
				continue
			}
			for _, d := range []int{-1, 1} {
				if i+d < 0 || i+d >= len(s.Bullets) {
					continue
				}
				k, ok := keys[s.Bullets[i+d]]
				if !ok {
					continue
				}
				for _, o := range byKey[k] {
					j := o.i - d
					if o.sec == s || j < 0 || j >= len(o.sec.Bullets) {
						continue
					}
					if r := byBullet[o.sec.Bullets[j]]; r != nil && r.owner != b.owner && r.key != b.key {
						keep(nameSwap(b, r, pg))
					}
				}
			}
		}
	}
}

// midDiff returns where two token lists start to differ and the runs of
// each between their common start and their common end.
func midDiff(bt, rt []driftTok) (p int, bm, rm []driftTok) {
	p = firstDiff(bt, rt)
	s := 0
	for s < len(bt)-p && s < len(rt)-p && bt[len(bt)-1-s].norm == rt[len(rt)-1-s].norm {
		s++
	}
	return p, bt[p : len(bt)-s], rt[p : len(rt)-s]
}

// driftRanks places words of ownership and of proficiency on a scale: a
// higher level that has a lower one where the level below has a higher one
// asks less than the level below ("Support the development" after "Lead the
// development", "Intermediate/Strong" after "Intermediate/Expert"), and so
// does one that drops a word the level below has ("Resourcefulness" after
// "Demonstrated resourcefulness").
var driftRanks = map[string][2]int{
	// ownership
	"lead": {1, 2}, "own": {1, 2}, "drive": {1, 2}, "direct": {1, 2}, "spearhead": {1, 2}, "champion": {1, 2},
	"support": {1, 1}, "assist": {1, 1}, "help": {1, 1}, "contribute": {1, 1}, "participate": {1, 1},
	// proficiency
	"expert": {2, 3}, "deep": {2, 3}, "advanced": {2, 3}, "extensive": {2, 3}, "thorough": {2, 3},
	"strong": {2, 2}, "solid": {2, 2}, "proficient": {2, 2},
	"working": {2, 1}, "basic": {2, 1}, "general": {2, 1}, "some": {2, 1},
}

// driftDroppable are the words whose loss at a higher level asks less.
var driftDroppable = map[string]bool{"demonstrated": true, "proven": true, "strong": true, "deep": true,
	"expert": true, "extensive": true, "advanced": true}

// regression finds a bullet of a higher grade that asks less than its copy
// at a lower grade: one word lower on a scale, or a word of proof or
// strength dropped.
func regression(b, r *driftBullet) driftFinding {
	gb, gr := driftGrade(b.owner), driftGrade(r.owner)
	if gb < 0 || gr < 0 || gb <= gr {
		return driftFinding{}
	}
	p, bm, rm := midDiff(b.toks, r.toks)
	if len(bm) > 1 || len(rm) != 1 || !rm[0].word {
		return driftFinding{}
	}
	if len(bm) == 0 {
		if !driftDroppable[rm[0].norm] || p >= len(b.toks) {
			return driftFinding{}
		}
		return driftFinding{kind: driftRegression, b: b, r: r, from: p, to: p + 1, rfrom: p, rto: p + 2}
	}
	wb, okb := driftRanks[bm[0].norm]
	wr, okr := driftRanks[rm[0].norm]
	if !okb || !okr || wb[0] != wr[0] || wb[1] >= wr[1] {
		return driftFinding{}
	}
	return driftFinding{kind: driftRegression, b: b, r: r, from: p, to: p + 1, rfrom: p, rto: p + 1}
}

// driftGrade returns a role's grade, or -1 when it has none.
func driftGrade(r *model.Role) float64 {
	if r == nil || r.Grade == nil || r.Grade.Number == nil || r.Grade.Max != nil {
		return -1
	}
	return *r.Grade.Number
}

// preferenceWords are the words that make a requirement a preference, at
// a bullet's start ("Prefer experience with ...", "Ideally, ...") or end
// ("... preferred", "... is a plus").
var (
	preferenceStarts = [][]string{{"prefer"}, {"preferred", ":"}, {"preferred"}, {"ideally", ","}, {"ideally"},
		{"bonus", ":"}, {"nice", "to", "have", ":"}, {"desirable", ":"}, {"plus", ":"}}
	preferenceEnds = [][]string{{",", "preferred"}, {"is", "preferred"}, {"preferred"}, {"(", "preferred", ")"},
		{"is", "a", "plus"}, {"a", "plus"}, {"is", "nice", "to", "have"}, {"nice", "to", "have"}}
)

// stripPreference returns the tokens without the words that make them a
// preference, or them as they are.
func stripPreference(ts []driftTok) []driftTok {
	has := func(at []driftTok, words []string) bool {
		if len(at) < len(words) {
			return false
		}
		for i, w := range words {
			if at[i].norm != w {
				return false
			}
		}
		return true
	}
	for _, m := range preferenceStarts {
		if len(ts) > len(m) && has(ts, m) {
			return ts[len(m):]
		}
	}
	for _, m := range preferenceEnds {
		if len(ts) > len(m) && has(ts[len(ts)-len(m):], m) {
			return ts[:len(ts)-len(m)]
		}
	}
	return ts
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

// driftQuote returns the text of tokens [from, to) of a bullet, widened to
// whole words around them for context: at most n words before and after.
func driftQuote(d *driftBullet, from, to, n int) string {
	// a word written with punctuation inside it ("FP&A") is quoted whole
	joined := func() {
		for from > 0 && d.toks[from].start == d.toks[from-1].end {
			from--
		}
		for to < len(d.toks) && d.toks[to].start == d.toks[to-1].end && d.toks[to].norm != "," {
			to++
		}
	}
	joined()
	for i := 0; i < n && from > 0 && d.toks[from-1].word; i++ {
		from--
	}
	for i := 0; i < n && to < len(d.toks) && d.toks[to].word; i++ {
		to++
	}
	joined()
	return oneLine(d.text[d.toks[from].start:d.toks[to-1].end])
}

// reportBulletDrift reports a finding, naming the copy it was found
// against.
func reportBulletDrift(p *lint.Pass, f *driftFinding, pg *driftPage) {
	byKey := pg.byKey
	src := p.File.Source
	where := func(d *driftBullet) string {
		w := "the family-wide section"
		if d.owner != nil {
			w = quoted(d.owner.Title)
		}
		return fmt.Sprintf("%s (line %d)", w, src.Position(d.b.Span.Start).Line)
	}
	b, r := f.b, f.r
	var msg string
	span := b.b.Block.SourceSpan(b.toks[f.from].start, b.toks[f.to-1].end)
	switch f.kind {
	case driftArticle:
		msg = fmt.Sprintf("article dropped: %q where the same bullet in %s has %q",
			driftQuote(b, f.from, f.to, 2), where(r), driftQuote(r, f.rfrom, f.rto, 2))
	case driftComma:
		msg = fmt.Sprintf("comma dropped between two items of a list: %q where the same bullet in %s has %q",
			driftQuote(b, f.from, f.to, 0), where(r), driftQuote(r, f.rfrom, f.rto, 0))
	case driftVerbForm:
		style := "imperative verbs"
		if thirdPerson(r.toks[0].norm) {
			style = "third-person verbs"
		}
		ex := listStyle(b, r.toks[0].norm, pg)
		for i := range ex {
			ex[i] = strconv.Quote(ex[i])
		}
		if len(ex) > 3 {
			ex = append(ex[:3], "...")
		}
		msg = fmt.Sprintf("%q breaks this list's %s (%s), and the same bullet in %s has %q",
			driftQuote(b, 0, 1, 0), style, strings.Join(ex, ", "), where(r), driftQuote(r, 0, 1, 0))
	case driftName:
		if f.via != nil {
			msg = fmt.Sprintf("names %q where the same bullet in %s names %q, the same change as this level's line %d: one of them is out of date",
				driftQuote(b, f.from, f.to, 0), where(r), driftQuote(r, f.rfrom, f.rto, 0), src.Position(f.via.b.Span.Start).Line)
			break
		}
		var before, after *driftBullet
		for _, o := range byKey[r.key] {
			if o.order < b.order {
				before = o
			} else if o.order > b.order && after == nil {
				after = o
			}
		}
		msg = fmt.Sprintf("names %q where the same bullet in %s and in %s names %q: one of them is out of date",
			driftQuote(b, f.from, f.to, 0), where(before), where(after), driftQuote(r, f.rfrom, f.rto, 0))
	case driftRegression:
		msg = fmt.Sprintf("a higher grade asking less: %q where the same bullet in %s, grade %s, has %q",
			driftQuote(b, f.from, f.to, 2), where(r), strings.TrimSuffix(fmt.Sprintf("%g", driftGrade(r.owner)), ".0"), driftQuote(r, f.rfrom, f.rto, 2))
	case driftLink:
		msg = fmt.Sprintf("link lost: %q is plain text where the same bullet in %s and the other roles that have it is a link",
			oneLine(b.text[b.toks[0].start:b.toks[len(b.toks)-1].end]), where(r))
	case driftNumber:
		msg = fmt.Sprintf("a plural made a bare singular: %q where the same bullet in %s has %q",
			driftQuote(b, f.from, f.to, 2), where(r), driftQuote(r, f.rfrom, f.rto, 2))
	case driftInherited:
		span = b.b.Block.Span
		msg = fmt.Sprintf("repeats in other words a bullet this level already takes over from %s: drop it", where(r))
		if f.shortened {
			msg = fmt.Sprintf("repeats, shortened, a bullet this level already takes over from %s: drop it", where(r))
		}
	case driftPreference:
		span = b.b.Block.Span
		if len(stripPreference(b.toks)) < len(b.toks) {
			msg = fmt.Sprintf("this level only prefers what the family-wide requirements, which apply to every level, require: %s has %q",
				where(r), oneLine(r.text))
		} else {
			msg = fmt.Sprintf("this level requires what the family-wide requirements, which apply to every level, only prefer: %s has %q",
				where(r), oneLine(r.text))
		}
	}
	// from what the page has here to what the copy has
	d := worddiff.CompareWith(b.text, r.text, worddiff.Options{FoldCase: true})
	p.Report(lint.Diagnostic{
		Span:    span,
		Message: msg,
		Role:    b.owner,
		Subject: "drift " + driftKindNames[f.kind] + ": " + b.exact,
		Diff:    strings.TrimSpace(d.String()),
	})
}
