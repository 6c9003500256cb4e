package rules

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

type levelCopyOptions struct {
	Threshold float64  `yaml:"threshold"`
	MinWords  int      `yaml:"min_words"`
	Sections  []string `yaml:"sections"`
	DiffLines int      `yaml:"diff_lines"`
}

var levelCopyRule = &lint.Rule{
	ID:       "level-copy",
	Title:    "a level whose responsibilities or requirements barely differ from a level below",
	Category: lint.Wording,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "The policy asks for clear differentiation between levels, and not to repeat a junior level's " +
			"list for a more senior one (\"Extends the Senior Backend Engineer responsibilities\" and the " +
			"differences instead). Levels are placed on the seniority tracks of the config (Associate < " +
			"Intermediate < Senior < Staff < ...; Manager < Senior Manager < Director < ...); each level's " +
			"Responsibilities and Requirements are compared word by word with the same section of every level " +
			"below it on its track, not only the one right below; a level whose seniority word the tracks do not know " +
			"(\"Lead\"), or one on another track (a Manager after a Senior Analyst), is compared with every level written before it on the page; " +
			"such a level counts on the track of the level written before it (a \"Lead\" after a \"Senior\" is an individual " +
			"contributor, and a Senior Manager after it is on another track: no list for it to extend). " +
			"A level without a heading of its own, written as sub-headings named after it under another level's (\"#### Lead Analyst " +
			"Job Grade\", \"#### Lead Analyst Requirements\" under \"## Senior Analyst\"), owns the sections its name heads, and the level " +
			"it sits under does not. Where both levels have a grade, " +
			"a level graded above is never \"below\". When they are at least " +
			"`threshold` the same, the level is reported with the closest one: no progression. A level that adds " +
			"requirements of its own (a bullet's worth of new words, eight or a tenth of the section; four across tracks) shows " +
			"progression and is not reported, however similar the rest; so does a level that keeps the lower one's frame but " +
			"takes two steps up: a bullet of its own (four words or more), or a bullet reworded to ask more (its first number " +
			"raised, \"1-2 years\" to \"3-5 years\"; a stronger qualifier, \"Basic\" to \"Deep\", \"Some\" to \"Considerable\"; " +
			"\"preferred\" dropped; other named tools, \"Netsuite\" to \"Coupa and Workday\"). One such step alone leaves it a copy. " +
			"The items that every level's section carries, word for word, when three levels or more have the section (\"You " +
			"share our values\", \"Ability to use GitLab\"), are the page's standard ones and are left out of the comparison, " +
			"unless the rest is too short to compare. The message says how many of the lower level's items are repeated word " +
			"for word, reworded and new, and the finding lists the bullets that " +
			"differ, with word diffs. A lower level written after the higher one that says it shares the same requirements or " +
			"responsibilities (\"The Associate ... shares the same requirements outlined above\") repeats them on purpose and is " +
			"not compared with it. A section that holds nothing but the sentence by which the level extends a lower level's " +
			"(\"Extends that of the Business Systems Engineer (Intermediate) responsibilities.\") asks nothing of its own and " +
			"is reported on that sentence, unless the sentence goes on, after the level's name (all of it: \"Manager, " +
			"Technology Partner Managers\"), with three words or more of its own. A level that progresses but relists a lower level's items word for word (at least " +
			"three, four fifths of the lower list and half of its own or more; the standard items aside) goes against the " +
			"policy's \"Do not repeat the junior requirement list for more senior levels\": it is reported with the count of " +
			"items repeated and the extension sentence to write instead; so is a level that relists that way the list of a level of " +
			"another track graded below it (a manager a senior analyst's) and adds no item of its own on leading people " +
			"(managing, hiring, coaching or leading a team or people; a bullet that rewords one of the lower list's, with no " +
			"word on leading people that bullet has not, \"able to be a role model for all other EBAs\" for \"able to lead " +
			"other EBAs\", adds none; a level's lists under a sub-heading that repeats its name, \"#### Manager, Executive " +
			"Business Administrator\" under \"### Manager, Executive Business Administrator\", are its own). So is a level of another track graded above a lower one whose every item is one of the lower " +
			"list's, word for word or reworded (four or more, four fifths of that list), with none on leading people and not " +
			"two steps up: an associate's responsibilities reworded for a manager. So is a section whose every item " +
			"(its extension sentences, the page's standard items and the bullets the policy asks of every level aside; one or more) is, word " +
			"for word, an item of the same section of a level below it on its track, when no extension brings that list (none, or one that " +
			"names the level itself, \"Extends that of the Partner Manager (Intermediate) Requirements\" in that level's own section): it " +
			"asks nothing the lower level does not. Sections shorter than `min_words` words (\"Extends the Senior " +
			"responsibilities\") are not compared.\n\n" +
			"A level that says it takes over a lower level's list (\"Extends the Senior Analyst requirements\", \"All the " +
			"responsibilities of a Staff Analyst, plus:\", \"Meets all of the requirements of an Intermediate Analyst, plus:\", " +
			"\"All requirements of previous roles plus:\") and then writes again, word for word (case, spacing, a hyphen for a space " +
			"and the final punctuation aside), bullets of that list, or of the lists that level itself takes over, is reported once per section, " +
			"on the first repeated bullet, with the lines repeated and the level they belong to: the extension already brings " +
			"them; the same words linking elsewhere (\"Leadership at GitLab\" to another group) are no repeat. Left aside: a section already reported as a copy; the bullets the policy asks of every level (required-bullet's " +
			"\"Ability to use GitLab\") and the page's standard items; an extension sentence that names the level itself, names " +
			"only the other list (\"Extends the X Responsibilities\" written in the requirements), is written in another of the " +
			"level's lists, or goes on with words of its own (\"... responsibilities in complexity and scope\": the bullets are " +
			"restated at the level's scope); a level that does not say it extends, a level it does not extend, and family-wide lists.",
		Bad: "---\ntitle: Backend Engineer\n---\n\n## Senior Backend Engineer\n\n### Responsibilities\n\n" +
			"- Write clean, well-tested code for the features of the team\n- Review the merge requests of other engineers\n" +
			"- Take part in the on-call rotation and fix the incidents found\n- Improve the documentation of the services owned\n\n" +
			"## Staff Backend Engineer\n\n### Responsibilities\n\n" +
			"- Write clean, well-tested code for the features of the team\n- Review the merge requests of other engineers\n" +
			"- Take part in the on-call rotation and fix the incidents found\n- Improve the documentation of the services you own\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Senior Backend Engineer\n\n### Responsibilities\n\n" +
			"- Write clean, well-tested code for the features of the team\n- Review the merge requests of other engineers\n" +
			"- Take part in the on-call rotation and fix the incidents found\n- Improve the documentation of the services owned\n\n" +
			"## Staff Backend Engineer\n\n### Responsibilities\n\n- Extends the Senior Backend Engineer responsibilities\n" +
			"- Set the technical direction of several teams and own their architecture\n" +
			"- Lead the resolution of the most complex incidents across the stage\n",
		Options: []lint.OptionDoc{
			{Name: "threshold", Default: "0.9", Text: "share of words two sections have in common, in order, from which a level shows no progression (0 to 1)"},
			{Name: "min_words", Default: "20", Text: "fewest words a section needs to be compared"},
			{Name: "sections", Default: "[responsibilities, requirements]", Text: "the section kinds compared"},
			{Name: "diff_lines", Default: "8", Text: "most bullets shown in the diff"},
		},
	},
	Options: func() any {
		return &levelCopyOptions{Threshold: 0.9, MinWords: 20, Sections: []string{"responsibilities", "requirements"}, DiffLines: 8}
	},
	Validate: func(o any) error {
		opts := o.(*levelCopyOptions)
		if opts.Threshold <= 0 || opts.Threshold > 1 {
			return fmt.Errorf("threshold must be above 0 and at most 1")
		}
		for _, k := range opts.Sections {
			if !model.SectionKind(k).IsRoleSection() || model.SectionKind(k) == model.SecBody {
				return fmt.Errorf("sections: %q is not a role section kind", k)
			}
		}
		return nil
	},
	Check: checkLevelCopy,
}

func init() { lint.Register(levelCopyRule) }

// placedLevel is a level of the page with its place on a track.
type placedLevel struct {
	role  *model.Role
	place ladder.Place
	order int
	// across tracks: a level of another track, which a copy matches only
	// when the higher level adds next to nothing (a manager's one bullet
	// on managing the team is what sets the tracks apart)
	across bool
	// near is the track of a level the tracks do not place: that of the
	// placed level written last before it ("Lead" after "Senior" is an
	// individual contributor), -1 when none is
	near int
}

func checkLevelCopy(p *lint.Pass) {
	opts := lint.Options[levelCopyOptions](p.Options)
	l := gradeLadder(p.Env, p.Config) // the run's, built once
	var levels []placedLevel
	secs := &levelSections{minWords: opts.MinWords, m: map[levelSectionKey]*levelSection{}, bags: newItemBags(), keys: itemKeys{}}
	for i, r := range p.File.Roles {
		if r.Kind != model.KindLevel || r.SharesWith != nil && !ownsSections(r, opts.Sections) {
			continue
		}
		pl, ok := l.Classify(r.Title)
		if !ok {
			pl.Track = -1 // a seniority word the tracks do not know ("Lead")
		}
		levels = append(levels, placedLevel{role: r, place: pl, order: i, near: pl.Track})
	}
	for _, r := range p.File.Roles {
		if r.Parent != nil && echoesLevel(r.Parent, r) {
			if secs.echo == nil {
				secs.echo = map[*model.Role]*model.Role{}
			}
			secs.echo[r.Parent] = r
		}
	}
	for i := range levels {
		if levels[i].near < 0 && i > 0 {
			levels[i].near = levels[i-1].near
		}
	}
	// each level is compared with every level below it on its track, not
	// only the one right below; a level the tracks do not place, with
	// every level written before it on the page
	for _, k := range opts.Sections {
		kind := model.SectionKind(k)
		if std := standardItems(levels, kind); len(std) > 0 {
			if secs.standard == nil {
				secs.standard = map[model.SectionKind]map[string]bool{}
			}
			secs.standard[kind] = std
		}
	}
	declared := levelsDeclaringCopy(p.File)
	for i, hi := range levels {
		var below []placedLevel
		// the levels written near it: a ladder has tens of levels, and a
		// page of thousands of headings must not cost a comparison per pair
		for _, lo := range levels[max(0, i-levelCopyWindow):min(len(levels), i+levelCopyWindow+1)] {
			switch {
			case lo.role == hi.role:
			case declared[lo.role] && lo.order > hi.order:
				// "The Associate ... share the same requirements and
				// responsibilities outlined above": the lower level, written
				// after, says it repeats the higher one on purpose
			case gradeAbove(lo.role, hi.role):
				// the grades say which is higher: a copy goes on the
				// higher level, never on the one below ("no progression
				// from" a level graded above it reads wrong)
			case hi.place.Track >= 0 && lo.place.Track == hi.place.Track && lo.place.Step < hi.place.Step:
				below = append(below, lo)
			case (hi.place.Track < 0 || lo.place.Track < 0) && lo.order < hi.order:
				// a "Lead" written after a "Senior" is on its track; a
				// Senior Manager after that Lead is on another
				lo.across = lo.near >= 0 && hi.near >= 0 && lo.near != hi.near
				below = append(below, lo)
			case lo.place.Track != hi.place.Track && lo.order < hi.order:
				// another track's level written before it: a manager
				// whose requirements are a senior analyst's, word for
				// word, says nothing of managing people
				lo.across = true
				below = append(below, lo)
			}
		}
		for _, k := range opts.Sections {
			if reportOnlyExtends(p, hi.role, model.SectionKind(k)) {
				continue
			}
			if reportLevelCopy(p, opts, secs, hi.role, below, model.SectionKind(k)) || reportNothingNew(p, secs, hi.role, below, model.SectionKind(k)) {
				continue // the section is reported whole: its bullets are not again
			}
			reportInheritedRepeats(p, secs, hi.role, model.SectionKind(k))
		}
	}
}

// levelCopyWindow is how many levels before and after a level, in the
// page's order, it is compared with.
const levelCopyWindow = 40

// levelSection is a role's own section of a kind, prepared for comparison.
type levelSection struct {
	s     *model.Section
	items []string // its bullets and paragraphs
	text  string   // the items, one a line
	ok    bool     // long enough to compare
	// how many word tokens text has as worddiff compares it, and these
	// folded and sorted (made on first need): bounds on the similarity of
	// two sections
	words int
	bag   []string
	// the blocks of the items, when their words (wordingWords, with
	// hyphens) are worddiff's word tokens: without a nonspacing mark, which
	// worddiff joins after an apostrophe or hyphen and prose.Words does not
	blocks []*model.Block
	// how many of the section's items are the page's standard ones, left
	// out of items
	standard int
}

// wordBag returns the section's folded word tokens, sorted.
func (sec *levelSection) wordBag() []string {
	if sec.bag != nil {
		return sec.bag
	}
	if sec.blocks == nil {
		sec.bag = wordBag(sec.text)
		return sec.bag
	}
	sec.bag = make([]string, 0, sec.words)
	for _, b := range sec.blocks {
		for _, lw := range wordingWords(b, true).Lowers() {
			sec.bag = append(sec.bag, lw)
		}
	}
	sort.Strings(sec.bag)
	return sec.bag
}

type levelSectionKey struct {
	role *model.Role
	kind model.SectionKind
}

// levelSections prepares each section once per page: a level is compared
// with the levels above it as well as those below.
type levelSections struct {
	minWords int
	m        map[levelSectionKey]*levelSection
	// the page's standard items by section kind: those every level carries
	// ("You share our values", "Ability to use GitLab"), left out of the
	// comparison
	standard map[model.SectionKind]map[string]bool
	// a level's sub-heading that repeats its name, whose sections are the
	// level's (echoesLevel)
	echo map[*model.Role]*model.Role
	// the items' word bags, made once a page: compareItems pairs a level's
	// items with those of every level below it in the window, and made
	// each item's bag again for every pair
	bags *itemBags
	// the items' keys (itemKey), made once a page, for the same reason:
	// reportRepeatedList and addsLeading key a level's items for every
	// level above it
	keys itemKeys
}

// itemKeys keeps itemKey's answers by item.
type itemKeys map[string]string

// of returns itemKey(item), made on first need; a nil memo keeps nothing.
func (m itemKeys) of(item string) string {
	if k, ok := m[item]; ok {
		return k
	}
	k := itemKey(item)
	if m != nil {
		m[item] = k
	}
	return k
}

// itemBags keeps the items' word bags by item (the bags are only read):
// wordBag's words, each as its number among the page's folded words
// (words), sorted, so that maxSimilarity compares numbers, not strings.
type itemBags struct {
	m       map[string][]uint32
	words   map[string]uint32
	scratch []string
}

func newItemBags() *itemBags {
	return &itemBags{m: map[string][]uint32{}, words: map[string]uint32{}}
}

// of returns the bag of item, made on first need.
func (b *itemBags) of(item string) []uint32 {
	if bag, ok := b.m[item]; ok {
		return bag
	}
	b.scratch = worddiff.AppendWords(b.scratch[:0], item)
	bag := make([]uint32, len(b.scratch))
	for i, w := range b.scratch {
		lw := strings.ToLower(w)
		n, ok := b.words[lw]
		if !ok {
			n = uint32(len(b.words))
			b.words[lw] = n
		}
		bag[i] = n
	}
	slices.Sort(bag)
	b.m[item] = bag
	return bag
}

func (ls *levelSections) get(r *model.Role, kind model.SectionKind) *levelSection {
	k := levelSectionKey{r, kind}
	if s, ok := ls.m[k]; ok {
		return s
	}
	s, items, ok := comparableSection(r, kind, ls.minWords)
	if e := ls.echo[r]; s == nil && e != nil {
		// the level's sections sit under a sub-heading that repeats its
		// name: they are its own
		s, items, ok = comparableSection(e, kind, ls.minWords)
	}
	sec := &levelSection{s: s, items: items, ok: ok}
	if ok {
		blocks := sectionBlocks(s)
		// the standard items aside, when the rest is still worth comparing
		if std := ls.standard[kind]; len(std) > 0 {
			skip := func(b *model.Block) bool { return std[itemKey(wordingText(b))] }
			if kept, words := sectionItemsSkip(s, skip); words >= ls.minWords && len(kept) < len(items) {
				sec.standard = len(items) - len(kept)
				sec.items = kept
				var rest []*model.Block
				for _, b := range blocks {
					if !skip(b) {
						rest = append(rest, b)
					}
				}
				blocks = rest
			}
		}
		sec.text = strings.Join(sec.items, "\n")
		for _, b := range blocks {
			if hasMark(wordingText(b)) {
				blocks = nil
				break
			}
		}
		if blocks != nil {
			for _, b := range blocks {
				sec.words += len(wordingWords(b, true).Words)
			}
			sec.blocks = blocks
		} else {
			sec.words = worddiff.WordCount(sec.text)
		}
	}
	ls.m[k] = sec
	return sec
}

// hasMark reports whether s holds a nonspacing mark.
func hasMark(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Mn, r) {
			return true
		}
		i += n
	}
	return false
}

// sectionBlocks returns the blocks of a section's bullets and paragraphs.
func sectionBlocks(s *model.Section) []*model.Block {
	blocks := make([]*model.Block, 0, len(s.Bullets)+len(s.Paragraphs))
	for _, b := range s.Bullets {
		if b.Block != nil {
			blocks = append(blocks, b.Block)
		}
	}
	return append(blocks, s.Paragraphs...)
}

// wordBag returns the word tokens of text as worddiff compares them with
// FoldCase, sorted.
func wordBag(text string) []string {
	bag := worddiff.AppendWords(nil, text)
	for i, w := range bag {
		bag[i] = strings.ToLower(w)
	}
	sort.Strings(bag)
	return bag
}

// maxSimilarity bounds the similarity worddiff.CompareWith (with FoldCase)
// finds between two texts from their word bags: the words kept in order
// are at most the words the two have in common. The bags are wordBag's,
// or itemBags' word numbers (of one page's itemBags).
func maxSimilarity[T cmp.Ordered](a, b []T) float64 {
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return similarityBound(len(a), len(b), common)
}

// similarityBound is the similarity of texts of m and n words of which at
// most common are kept, as worddiff's Similarity computes it.
func similarityBound(m, n, common int) float64 {
	total := m + n
	if total == 0 {
		return 1
	}
	return float64(2*common) / float64(total)
}

// reportLevelCopy compares a level's section with those of the levels
// below and reports the most similar one at or above the threshold, else a
// relisted lower list (reportRepeatedList). It returns whether it reported.
func reportLevelCopy(p *lint.Pass, opts *levelCopyOptions, secs *levelSections, hi *model.Role, below []placedLevel, kind model.SectionKind) bool {
	if len(below) == 0 {
		return false
	}
	h := secs.get(hi, kind)
	if !h.ok {
		return false
	}
	hs, hb := h.s, h.items
	var best *model.Role
	var bestItems []string
	var bestChanges itemChanges
	bestSim := -1.0
	for _, lo := range below {
		l := secs.get(lo.role, kind)
		if !l.ok {
			continue
		}
		// a section that cannot reach the threshold is never the one
		// reported: skip the diff
		if similarityBound(l.words, h.words, min(l.words, h.words)) < opts.Threshold-1e-9 ||
			maxSimilarity(l.wordBag(), h.wordBag()) < opts.Threshold-1e-9 {
			continue
		}
		d := worddiff.CompareWith(l.text, h.text, worddiff.Options{FoldCase: true})
		if _, _, added := d.Counts(); added >= levelCopyAdded(h.words) || lo.across && added >= levelCopyAcross {
			continue // the higher level adds requirements of its own: progression
		}
		sim := d.Similarity()
		if sim <= bestSim || sim < opts.Threshold-1e-9 {
			continue
		}
		// two steps up, however small each (a number raised, "Basic" made
		// "Deep", "preferred" made required, a bullet of its own): the
		// level progresses on the lower one's frame
		if c := compareItems(secs.bags, l.items, hb, append(extensionTexts(hi), extensionTexts(lo.role)...)); c.progress() < levelCopySteps {
			best, bestItems, bestSim, bestChanges = lo.role, l.items, sim, c
		}
	}
	if best == nil {
		return reportRepeatedList(p, secs, hi, h, below, kind) || reportRewordedAcross(p, secs, hi, h, below, kind)
	}
	pct := math.Floor(100 * bestSim)
	what := ""
	if bestChanges.n > 0 {
		what = " (" + bestChanges.describe(h.standard) + ")"
	}
	p.Report(lint.Diagnostic{
		Span: hs.Span,
		Message: fmt.Sprintf("%s are %.0f%% the same as those of %s%s: no progression from %s", strings.ToLower(kindLabel(kind)),
			pct, quoted(best.Title), what, best.Title),
		Role:    hi,
		Subject: string(kind) + " vs " + model.NormalizeTitle(best.Title),
		Diff:    itemsDiff(bestItems, hb, opts.DiffLines),
	})
	return true
}

// sameAsRE finds a level's own words that it shares another level's
// sections: "share the same requirements", "the same responsibilities as".
var sameAsRE = regexp.MustCompile(`(?i)\bshares?\s+the\s+same\b|\bsame\s+(?:requirements|responsibilities)\b`)

// sameAs is sameAsRE.MatchString, the expression run only on text that
// holds "same" in some case: every match does, and in ASCII text no other
// bytes fold to those letters (in other text, "ſ" folds to "s").
func sameAs(text string) bool {
	if isASCII(text) && !model.ContainsFold(text, "same") {
		return false
	}
	return sameAsRE.MatchString(text)
}

// levelsDeclaringCopy returns the roles whose own text, outside their
// sections, says they share another level's requirements or
// responsibilities.
func levelsDeclaringCopy(f *model.Family) map[*model.Role]bool {
	out := map[*model.Role]bool{}
	for _, b := range f.Blocks {
		if b.Role != nil && b.Section == nil && b.Kind == model.BlockParagraph && sameAs(b.Text) {
			out[b.Role] = true
		}
	}
	return out
}

// levelCopyAcross is how many words a level must add to another track's
// section for the addition to set it apart: a short bullet ("Manages a team
// of specialists").
const levelCopyAcross = 4

// levelCopyAdded is how many words a higher level must add to a copied
// section for the addition to be progression: a bullet's worth, or a tenth
// of a long section.
func levelCopyAdded(words int) int { return max(8, words/10) }

// comparableSection returns a role's own section of a kind and its items,
// when it has at least minWords words.
func comparableSection(r *model.Role, kind model.SectionKind, minWords int) (*model.Section, []string, bool) {
	s := ownSection(r, kind)
	if s == nil {
		return nil, nil, false
	}
	items, words := sectionItems(s)
	return s, items, words >= minWords
}

// ownSection returns the role's section of a kind that is its own (not one
// it only shares). A level written without a heading of its own, only as
// sub-headings named after it under another level's ("#### Lead Analyst
// Requirements" under "## Senior Analyst", graded there: "The Lead Analyst
// is a grade 7"), owns the sections its name heads, and the level it sits
// under does not.
func ownSection(r *model.Role, kind model.SectionKind) *model.Section {
	if r.SharesWith != nil {
		return prefixedSection(r.SharesWith, r, kind)
	}
	for _, s := range r.Sections {
		if s.Kind == kind && s.Role == r && !namesSharingRole(r, s) {
			return s
		}
	}
	return nil
}

// echoesLevel reports whether role o is a sub-heading of level r named
// exactly as r ("#### Manager, Executive Business Administrator" over its
// bullets under "### Manager, Executive Business Administrator"): no
// specialty but r itself, whose sections under it are r's.
func echoesLevel(r, o *model.Role) bool {
	return o != nil && o != r && o.Parent == r && o.Kind == model.KindSpecialty && o.Grade == nil &&
		model.NormalizeTitle(o.Title) == model.NormalizeTitle(r.Title)
}

// ownsSections reports whether r owns a section of one of the kinds.
func ownsSections(r *model.Role, kinds []string) bool {
	for _, k := range kinds {
		if ownSection(r, model.SectionKind(k)) != nil {
			return true
		}
	}
	return false
}

// prefixedSection returns host's section of a kind whose heading names r
// in front of the section name ("Lead Analyst Requirements"), or nil.
func prefixedSection(host, r *model.Role, kind model.SectionKind) *model.Section {
	if r.Title == "" {
		return nil
	}
	t := model.NormalizeTitle(r.Title)
	for _, s := range host.Sections {
		if s.Kind == kind && s.Role == host && s.Prefix != "" && model.NormalizeTitle(s.Prefix) == t {
			return s
		}
	}
	return nil
}

// namesSharingRole reports whether a section of r is headed with the name
// of another level that has a Job Grade section of its own there, after r's
// ("#### Lead Analyst Job Grade" after "#### Senior Analyst Job Grade"): the
// sections of a level without a heading of its own.
func namesSharingRole(r *model.Role, s *model.Section) bool {
	if s.Prefix == "" {
		return false
	}
	p := model.NormalizeTitle(s.Prefix)
	if p == model.NormalizeTitle(r.Title) {
		return false
	}
	graded := false
	for _, o := range r.Sections {
		if o.Kind != model.SecJobGrade {
			continue
		}
		if graded && o.Prefix != "" && model.NormalizeTitle(o.Prefix) == p {
			return true
		}
		graded = true
	}
	return false
}

// sectionItems returns a section's bullets and paragraphs as text, in
// order, placeholders blanked, and how many words (prose.Words, without
// hyphens) they hold: whitespace, which the items fold, never joins words.
func sectionItems(s *model.Section) ([]string, int) {
	return sectionItemsSkip(s, func(*model.Block) bool { return false })
}

// sectionItemsSkip is sectionItems without the blocks skip reports.
func sectionItemsSkip(s *model.Section, skip func(*model.Block) bool) ([]string, int) {
	type item struct {
		at   int
		text string
	}
	var items []item
	words := 0
	// A block without a word (a shortcode, an image, code alone) is no item
	// of the list: "13 of the 15 items" must count what a reader counts.
	add := func(at int, blk *model.Block) {
		if n := len(wordingWords(blk, false).Words); n > 0 {
			items = append(items, item{at, oneLine(wordingText(blk))})
			words += n
		}
	}
	for _, b := range s.Bullets {
		if b.Block != nil && !skip(b.Block) {
			add(b.Span.Start, b.Block)
		}
	}
	for _, pb := range s.Paragraphs {
		if !skip(pb) {
			add(pb.Span.Start, pb)
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].at < items[j].at })
	var out []string
	for _, it := range items {
		if it.text != "" {
			out = append(out, it.text)
		}
	}
	return out, words
}

// itemsDiff shows how the items of two sections differ, one line per item
// that changed: its word diff against the most similar item of the other
// section, or the whole item inserted or deleted. At most max lines.
func itemsDiff(old, new []string, max int) string {
	used := make([]bool, len(old))
	oldBags := make([][]string, len(old))
	for i, o := range old {
		oldBags[i] = wordBag(o)
	}
	var lines []string
	for _, n := range new {
		best, bestSim := -1, 0.5
		var bestDiff *worddiff.Diff
		nb := wordBag(n)
		for i, o := range old {
			if used[i] {
				continue
			}
			if strings.EqualFold(o, n) {
				best, bestSim = i, 2
				break
			}
			if maxSimilarity(oldBags[i], nb) <= bestSim {
				continue // cannot be more similar than the best so far
			}
			if d := worddiff.CompareWith(o, n, worddiff.Options{FoldCase: true}); d.Similarity() > bestSim {
				best, bestSim, bestDiff = i, d.Similarity(), d
			}
		}
		switch {
		case best < 0:
			lines = append(lines, "{+"+n+"+}")
		case bestSim < 2:
			used[best] = true
			lines = append(lines, bestDiff.String())
		default:
			used[best] = true
		}
	}
	for i, o := range old {
		if !used[i] {
			lines = append(lines, "[-"+o+"-]")
		}
	}
	if len(lines) == 0 {
		return "(the same text)"
	}
	if max > 0 && len(lines) > max {
		lines = append(lines[:max], fmt.Sprintf("… and %d more", len(lines)-max))
	}
	return strings.Join(lines, "\n")
}

// gradeAbove reports whether both roles have a grade number and a's is
// higher than b's.
func gradeAbove(a, b *model.Role) bool {
	if a.Grade == nil || b.Grade == nil || a.Grade.Number == nil || b.Grade.Number == nil {
		return false
	}
	return *a.Grade.Number > *b.Grade.Number
}

// standardMinLevels is how many levels must carry an item, word for word,
// for it to be the page's standard one: with two, a copy is all standard.
const standardMinLevels = 3

// standardItems returns the items (itemKey) that the section of a kind of
// every level that has one carries, when at least standardMinLevels have
// one: "You share our values", "Leadership at GitLab", "Ability to use
// GitLab". Such an item says nothing of how one level differs from another.
func standardItems(levels []placedLevel, kind model.SectionKind) map[string]bool {
	var secs []*model.Section
	for _, l := range levels {
		if s := ownSection(l.role, kind); s != nil {
			secs = append(secs, s)
		}
	}
	if len(secs) < standardMinLevels {
		return nil // before any item's key is made
	}
	// an item in every section is in the first: the keys of the first,
	// kept while each next section holds them too
	var buf []byte
	out := map[string]bool{}
	for _, b := range sectionBlocks(secs[0]) {
		if k := itemKey(wordingText(b)); k != "" {
			out[k] = true
		}
	}
	for _, s := range secs[1:] {
		if len(out) == 0 {
			return nil
		}
		found := make(map[string]bool, len(out))
		for _, b := range sectionBlocks(s) {
			buf = appendItemKey(buf[:0], wordingText(b))
			if out[string(buf)] {
				found[string(buf)] = true
			}
		}
		out = found
	}
	return out
}

// itemKey folds an item's text for comparison: case, spacing and the
// final full stop aside.
func itemKey(text string) string {
	// the bytes are the string's own, never written again: one allocation,
	// not a buffer and its copy
	b := appendItemKey(make([]byte, 0, len(text)), text)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendItemKey appends itemKey(text) to dst: looked up in a map as
// string(key), it makes no string.
func appendItemKey(dst []byte, text string) []byte {
	// ASCII text in one pass: the words lowered, joined by one space (the
	// fields strings.Fields finds: split at ASCII white space), the final
	// periods and semicolons dropped
	start := len(dst)
	b := dst
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= utf8.RuneSelf:
			return append(dst[:start], strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(text), " ")), ".;")...)
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			if len(b) > start && b[len(b)-1] != ' ' {
				b = append(b, ' ')
			}
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	if len(b) > start && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	for len(b) > start && (b[len(b)-1] == '.' || b[len(b)-1] == ';') {
		b = b[:len(b)-1]
	}
	return b
}

// levelCopySteps is how many steps up (itemChanges.progress) set a level
// apart from a lower one whose list it otherwise repeats: one raised number
// alone ("at least 12 years" made "12-15 years", "1-2" made "3-5") leaves
// it a copy.
const levelCopySteps = 2

// itemChanges is how a higher level's items compare with a lower one's.
type itemChanges struct {
	n        int // the lower level's items compared
	copied   int // items the same, word for word
	reworded int // items changed
	raised   int // of these, those that ask more: a number raised, a stronger qualifier, another named tool
	fresh    int // items of its own, of at least four words ("Extends ..." aside)
}

// progress counts the steps up the higher level takes.
func (c itemChanges) progress() int { return c.raised + c.fresh }

// describe says what the higher level copies from the lower one's items.
func (c itemChanges) describe(standard int) string {
	var b strings.Builder
	switch {
	case c.copied == c.n && c.reworded == 0 && c.n == 1:
		b.WriteString("its one item word for word")
	case c.copied == c.n && c.reworded == 0 && c.n == 2:
		b.WriteString("both its items word for word")
	case c.copied == c.n && c.reworded == 0:
		fmt.Fprintf(&b, "all %d of its items word for word", c.n)
	default:
		fmt.Fprintf(&b, "%d of its %d items word for word", c.copied, c.n)
		if c.reworded > 0 {
			fmt.Fprintf(&b, ", %d reworded", c.reworded)
			if c.raised > 0 {
				fmt.Fprintf(&b, " (%d asking more)", c.raised)
			}
		}
		if c.fresh > 0 {
			fmt.Fprintf(&b, ", %d new", c.fresh)
		}
	}
	switch {
	case standard == 1:
		b.WriteString(", leaving aside the one every level has")
	case standard > 1:
		fmt.Fprintf(&b, ", leaving aside the %d every level has", standard)
	}
	return b.String()
}

// compareItems pairs each of the higher level's items with the most
// similar of the lower one's, as itemsDiff does, and counts the copies,
// the changes and the steps up. Items that hold one of skip (the levels'
// "Extends the Senior ... requirements") are neither level's own: not
// counted.
func compareItems(bags *itemBags, old, new []string, skip []string) itemChanges {
	var c itemChanges
	extends := func(item string) bool {
		for _, sk := range skip {
			if sk != "" && strings.Contains(item, sk) {
				return true
			}
		}
		return false
	}
	old = slices.DeleteFunc(slices.Clone(old), extends)
	new = slices.DeleteFunc(slices.Clone(new), extends)
	c.n = len(old)
	used := make([]bool, len(old))
	oldBags := make([][]uint32, len(old))
	for i, o := range old {
		oldBags[i] = bags.of(o)
	}
next:
	for _, n := range new {
		best, bestSim := -1, 0.5
		var bestDiff *worddiff.Diff
		nb := bags.of(n)
		for i, o := range old {
			if used[i] {
				continue
			}
			if strings.EqualFold(o, n) {
				used[i] = true
				c.copied++
				continue next
			}
			if maxSimilarity(oldBags[i], nb) <= bestSim {
				continue
			}
			if d := worddiff.CompareWith(o, n, worddiff.Options{FoldCase: true}); d.Similarity() > bestSim {
				best, bestSim, bestDiff = i, d.Similarity(), d
			}
		}
		if best >= 0 {
			used[best] = true
			c.reworded++
			if asksMore(old[best], n, bestDiff) {
				c.raised++
			}
			continue
		}
		if len(nb) >= 4 {
			c.fresh++
		}
	}
	return c
}

// extensionTexts returns the sentences in which a role says it extends
// another ("Extends the Senior Manager responsibilities").
func extensionTexts(r *model.Role) []string {
	var out []string
	for _, e := range r.Extends {
		if e.Sentence != nil {
			out = append(out, oneLine(e.Sentence.Text))
		}
	}
	return out
}

// qualifierRank orders the words a requirement is scaled with: "Basic
// understanding" < "Deep understanding", "Some experience" < "Considerable
// experience".
var qualifierRank = map[string]int{
	"basic": 1, "some": 1, "general": 1, "familiarity": 1, "exposure": 1, "limited": 1, "foundational": 1,
	"good": 2, "solid": 2, "working": 2, "demonstrated": 2, "relevant": 2,
	"strong": 3, "proven": 3, "considerable": 3, "significant": 3, "substantial": 3, "broad": 3,
	"deep": 4, "extensive": 4, "advanced": 4, "excellent": 4, "thorough": 4,
	"expert": 5, "expertise": 5, "mastery": 5,
}

// wishRE finds the words that make a requirement a wish: dropping them
// makes it required.
var wishRE = regexp.MustCompile(`(?i)\b(?:preferred|preferably|a plus|nice to have|desired|desirable|ideally|bonus)\b`)

// firstNumberRE finds the first number of an item ("3-5 years", "15+").
var firstNumberRE = regexp.MustCompile(`\d+`)

// firstNumber is firstNumberRE.FindString(s): the first run of ASCII
// digits.
func firstNumber(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			return s[i:j]
		}
	}
	return ""
}

// wishPieces are pieces of wishRE's words, one in each.
var wishPieces = []string{"prefer", "a plus", "nice to have", "desir", "ideally", "bonus"}

// mayWish reports whether s may match wishRE: it holds one of wishPieces in
// any case, or a character past ASCII ((?i) folds the long s onto s).
func mayWish(s string) bool {
	for _, w := range wishPieces {
		if model.ContainsFold(s, w) {
			return true
		}
	}
	return !isASCII(s)
}

// asksMore reports whether a reworded item asks more than the one it
// rewords: its first number is higher, it drops what made it a wish
// ("preferred"), it scales a qualifier up ("Basic" to "Deep"), or it names
// other tools or places (capitalised words the other has not). d is their
// diff, worddiff.CompareWith(old, new) with FoldCase (the caller chose
// the item by it); nil, it is made here.
func asksMore(old, new string, d *worddiff.Diff) bool {
	if a, b := firstNumber(old), firstNumber(new); a != "" && b != "" {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		if y > x {
			return true
		}
	}
	if mayWish(old) && wishRE.MatchString(old) && !(mayWish(new) && wishRE.MatchString(new)) {
		return true
	}
	if d == nil {
		d = worddiff.CompareWith(old, new, worddiff.Options{FoldCase: true})
	}
	del, ins := d.Changed()
	rank := func(ws []string) int {
		r := 0
		for _, w := range ws {
			r = max(r, qualifierRank[strings.ToLower(w)])
		}
		return r
	}
	if rank(ins) > rank(del) {
		return true
	}
	// other named tools: "Knowledge of Netsuite" made "Knowledge of Coupa
	// and Workday"; not the first word, which a sentence capitalises
	first := ""
	if ws := worddiff.AppendWords(nil, new); len(ws) > 0 {
		first = ws[0]
	}
	oldWords := map[string]bool{}
	for _, w := range worddiff.AppendWords(nil, old) {
		oldWords[strings.ToLower(w)] = true
	}
	for _, w := range ins {
		if w != first && w != strings.ToLower(w) && !oldWords[strings.ToLower(w)] && len(del) > 0 {
			return true
		}
	}
	return false
}

// reportOnlyExtends reports a level's section that holds nothing but the
// sentence by which it extends a lower level's ("Extends that of the
// Business Systems Engineer (Intermediate) responsibilities."): the level
// asks nothing of its own there. A sentence that goes on after the level
// it names ("..., with an exclusive focus on leadership") adds its own,
// and is no such section. It returns whether it reported.
func reportOnlyExtends(p *lint.Pass, r *model.Role, kind model.SectionKind) bool {
	s := ownSection(r, kind)
	if s == nil || len(r.Extends) == 0 {
		return false // with no extension, no item is one
	}
	items, _ := sectionItems(s)
	if len(items) == 0 {
		return false
	}
	var from *model.Role
	for _, it := range items {
		var by *model.Role
		for _, e := range r.Extends {
			f := extendedLevel(p.File, r, e, kind)
			if f == nil {
				continue
			}
			if t := oneLine(e.Sentence.Text); t != "" && strings.Contains(it, t) && len(strings.Fields(it)) <= len(strings.Fields(t))+1 &&
				!extendsFurther(t, e.Target, f.Title) {
				by = f
				break
			}
		}
		if by == nil {
			return false
		}
		from = by
	}
	span := s.Span
	if blocks := sectionBlocks(s); len(blocks) == 1 {
		span = blocks[0].Span // the one sentence
	}
	p.Report(lint.Diagnostic{
		Span: span,
		Message: fmt.Sprintf("%s only extend those of %s and add none of their own: no progression from %s",
			strings.ToLower(kindLabel(kind)), quoted(from.Title), from.Title),
		Role:    r,
		Subject: string(kind) + " only extend " + model.NormalizeTitle(from.Title),
	})
	return true
}

// extendsFurther reports whether an extension sentence goes on, after the
// level it names and the kind of section, with words of its own: three
// words or more ("Extends that of the Director requirements, with an
// exclusive focus on leadership"). The rest of the level's name is none of
// them: the model's target may stop at a comma ("Manager" of "Extends that
// of the Manager, Technology Partners Managers requirements"), and the
// name as written may slip ("Partners" for the title's "Partner").
func extendsFurther(sentence, target, title string) bool {
	i := strings.Index(strings.ToLower(sentence), strings.ToLower(target))
	if target == "" || i < 0 {
		return false
	}
	named := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(title)) {
		named[strings.TrimSuffix(strings.Trim(w, ".,;:()'’"), "s")] = true
	}
	rest := strings.Fields(sentence[i+len(target):])
	for len(rest) > 0 {
		w := strings.ToLower(strings.Trim(rest[0], ".,;:()'’"))
		if w != "" && !strings.HasPrefix(w, "requirement") && !strings.HasPrefix(w, "responsibilit") && w != "role" && w != "level" &&
			w != "position" && w != "job" && w != "and" && w != "&" && !named[strings.TrimSuffix(w, "s")] {
			break
		}
		rest = rest[1:]
	}
	return len(rest) >= 3 && !followingRE.MatchString(strings.Join(rest, " "))
}

// followingRE is the end of an extension sentence that only announces the
// level's own bullets ("All of the responsibilities of a Technical
// Architect plus the following:"): no words of its own.
var followingRE = regexp.MustCompile(`(?i)^(?:,\s*)?(?:plus|and|as\s+well\s+as)\s+(?:all\s+of\s+)?the\s+following(?:\s+items)?\s*[:.]?$`)

// thatOfRE is the start of "Extends that of the Senior Analyst
// requirements", which the model's extension target keeps.
var thatOfRE = regexp.MustCompile(`(?i)^(?:that|those)\s+of\s+(?:the\s+)?`)

// levelNamed returns the level of the page an extension's target names
// word for word, its qualifier aside, once "that of the" is dropped.
func levelNamed(f *model.Family, target string) *model.Role {
	t := model.NormalizeTitle(thatOfRE.ReplaceAllString(strings.TrimSpace(target), ""))
	if t == "" {
		return nil
	}
	for _, r := range f.Roles {
		if r.Kind == model.KindLevel && (model.NormalizeTitle(r.Title) == t || model.NormalizeTitle(ladder.StripQualifiers(r.Title)) == t) {
			return r
		}
	}
	return nil
}

// repeatMinItems is how many items, word for word, a level must repeat
// from a lower one's list for the repetition to be reported.
const repeatMinItems = 3

// leadingRE finds the words of an item on leading people: managing,
// hiring, coaching a team ("Manages a team of analysts", "Experience
// recruiting and leading high performing teams").
var leadingRE = regexp.MustCompile(`(?i)\b(?:teams?|people|hir(?:e|es|ed|ing)|recruit\w*|coach\w*|mentor\w*|direct\s+reports|lead(?:s|ing|er|ers|ership)?|manag(?:e|es|ed|ing|er|ers|ement))\b`)

// addsLeading reports whether an item of new that lower has not, word for
// word, speaks of leading people. An item that rewords one of lower's (the
// most similar, more than half the same, as compareItems pairs them) and
// whose words on leading people that item has already ("Proven leadership
// skills and demonstrates 'one team' mindset; able to be a role model" for
// "...; able to lead other EBAs") adds nothing on leading people.
func addsLeading(secs *levelSections, lower, new []string) bool {
	bags, keys := secs.bags, secs.keys
	has := map[string]bool{}
	for _, it := range lower {
		has[keys.of(it)] = true
	}
	for _, it := range new {
		if !has[keys.of(it)] && leadingRE.MatchString(it) && !rewordsLeading(bags, lower, it) {
			return true
		}
	}
	return false
}

// rewordsLeading reports whether item rewords the item of lower most like
// it (more than half the same) and every word of item on leading people is
// one of that item's.
func rewordsLeading(bags *itemBags, lower []string, item string) bool {
	best, bestSim := "", 0.5
	ib := bags.of(item)
	for _, o := range lower {
		if maxSimilarity(bags.of(o), ib) <= bestSim {
			continue
		}
		if d := worddiff.CompareWith(o, item, worddiff.Options{FoldCase: true}); d.Similarity() > bestSim {
			best, bestSim = o, d.Similarity()
		}
	}
	if best == "" {
		return false
	}
	words := map[string]bool{}
	for _, w := range leadingRE.FindAllString(best, -1) {
		words[strings.ToLower(w)] = true
	}
	for _, w := range leadingRE.FindAllString(item, -1) {
		if !words[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// reportRepeatedList reports a level that progresses but relists a lower
// level's items word for word, which the policy asks not to do ("Do not
// repeat the junior requirement list for more senior levels": extend it and
// give the differences): at least repeatMinItems items, four fifths of the
// lower list ("an entire requirement set") and half of its own at least. The lower level is one of its track, or one the
// tracks do not place; the page's standard items are left aside.
func reportRepeatedList(p *lint.Pass, secs *levelSections, hi *model.Role, h *levelSection, below []placedLevel, kind model.SectionKind) bool {
	own := map[string]bool{}
	for _, it := range h.items {
		own[secs.keys.of(it)] = true
	}
	var best *model.Role
	bestN, bestOf := 0, 0
	var bestAcross bool
	for _, lo := range below {
		// another track's level: only one graded below, whose list the
		// level relists adding nothing on leading people (a manager's
		// "Manages a team of analysts" is what sets the tracks apart)
		if lo.across && !gradeAbove(hi, lo.role) {
			continue
		}
		l := secs.get(lo.role, kind)
		if !l.ok {
			continue
		}
		n, seen := 0, map[string]bool{}
		for _, it := range l.items {
			if k := secs.keys.of(it); own[k] && !seen[k] {
				seen[k] = true
				n++
			}
		}
		if n > bestN && (!lo.across || !addsLeading(secs, l.items, h.items)) {
			best, bestN, bestOf, bestAcross = lo.role, n, len(l.items), lo.across
		}
	}
	if best == nil || bestN < repeatMinItems || 5*bestN < 4*bestOf || 2*bestN < len(h.items) {
		return false
	}
	k := strings.ToLower(kindLabel(kind))
	what := fmt.Sprintf("%d of the %d", bestN, bestOf)
	if bestN == bestOf {
		what = fmt.Sprintf("all %d", bestN)
	}
	rest := "reword the rest"
	if n := len(h.items) - bestN; n > 0 {
		rest = fmt.Sprintf("add %d", n)
	}
	if bestAcross {
		rest += ", none on leading people" // why a manager's relisting is no progression
		if len(h.items) == bestN {
			rest = "reword the rest, adding nothing on leading people"
		}
	}
	p.Report(lint.Diagnostic{
		Span: h.s.Span,
		Message: fmt.Sprintf("%s repeat %s items of the %s of %s word for word and %s: the policy asks to extend that list (\"Extends the %s %s\") and give only what is new",
			k, what, k, quoted(best.Title), rest, best.Title, k),
		Role:    hi,
		Subject: string(kind) + " repeat " + model.NormalizeTitle(best.Title),
		Diff:    itemsDiff(secs.get(best, kind).items, h.items, 8),
	})
	return true
}

// rewordedMinItems is how many items a level of another track must take,
// each word for word or reworded, from a lower level's list for
// reportRewordedAcross.
const rewordedMinItems = 4

// reportRewordedAcross reports a level of another track graded above a
// lower level (a manager above an associate) whose every item is one of
// the lower level's, word for word or reworded (compareItems pairs them),
// taking four fifths of the lower list at least, and none on leading
// people nor two steps up (itemChanges.progress: "Some" made "Considerable"
// twice is a senior manager's progression on the manager's frame): the list of an individual contributor, lightly reworded, with
// nothing of what sets the manager's track apart.
func reportRewordedAcross(p *lint.Pass, secs *levelSections, hi *model.Role, h *levelSection, below []placedLevel, kind model.SectionKind) bool {
	if len(h.items) < rewordedMinItems {
		return false
	}
	for _, lo := range below {
		if !lo.across || !gradeAbove(hi, lo.role) {
			continue
		}
		l := secs.get(lo.role, kind)
		if !l.ok {
			continue
		}
		c := compareItems(secs.bags, l.items, h.items, append(extensionTexts(hi), extensionTexts(lo.role)...))
		taken := c.copied + c.reworded
		if c.progress() >= levelCopySteps || c.fresh > 0 || taken < rewordedMinItems || taken < len(h.items) || 5*taken < 4*c.n || addsLeading(secs, l.items, h.items) {
			continue
		}
		k := strings.ToLower(kindLabel(kind))
		p.Report(lint.Diagnostic{
			Span: h.s.Span,
			Message: fmt.Sprintf("%s are those of %s reworded (%s), with none on leading people: no progression from %s",
				k, quoted(lo.role.Title), c.describe(h.standard), lo.role.Title),
			Role:    hi,
			Subject: string(kind) + " reworded " + model.NormalizeTitle(lo.role.Title),
			Diff:    itemsDiff(l.items, h.items, 8),
		})
		return true
	}
	return false
}

// reportNothingNew reports a level's section too short to compare
// (min_words) whose every item, the sentences by which it extends a list
// aside, is an item of the same section of a level below it on its track,
// word for word, when no extension of the section brings that level's
// list (none, or one that names the level itself): the level asks nothing
// the lower one does not. The page's standard items and the bullets the
// policy asks of every level are no items of its own. It returns whether
// it reported.
func reportNothingNew(p *lint.Pass, secs *levelSections, hi *model.Role, below []placedLevel, kind model.SectionKind) bool {
	hs := ownSection(hi, kind)
	if hs == nil || len(hs.Paragraphs) > 0 || len(hs.Bullets) == 0 {
		return false
	}
	if len(inheritedLists(p.File, hi, kind)) > 0 {
		return false // the repeats of an extended list are reportInheritedRepeats'
	}
	required, match := requiredBulletWords(p)
	std := secs.standard[kind]
	var own []*model.Bullet
next:
	for _, b := range hs.Bullets {
		if b.Block == nil || len(wordingWords(b.Block, false).Words) == 0 {
			continue
		}
		text := oneLine(wordingText(b.Block))
		for _, e := range hi.Extends {
			if e.Sentence != nil && strings.Contains(text, oneLine(e.Sentence.Text)) {
				continue next
			}
		}
		if std[secs.keys.of(text)] {
			continue
		}
		for _, want := range required {
			if bulletMatches(bulletItemWords(b), want, match) {
				continue next
			}
		}
		own = append(own, b)
	}
	if len(own) == 0 {
		return false
	}
	for _, lo := range below {
		if lo.across {
			continue
		}
		ls := ownSection(lo.role, kind)
		if ls == nil {
			continue
		}
		at := map[string]*model.Bullet{}
		for _, b := range ls.Bullets {
			if b.Block != nil {
				at[secs.keys.of(oneLine(wordingText(b.Block)))] = b
			}
		}
		var lines []string
		for _, b := range own {
			lb, ok := at[secs.keys.of(oneLine(wordingText(b.Block)))]
			if !ok || !sameTargets(b, lb) {
				lines = nil
				break
			}
			lines = append(lines, strconv.Itoa(p.File.Source.Position(lb.Span.Start).Line))
		}
		if lines == nil {
			continue
		}
		what, word := "its item repeats", "line"
		if len(own) > 1 {
			what, word = fmt.Sprintf("its %d items repeat", len(own)), "lines"
		}
		p.Report(lint.Diagnostic{
			Span: hs.Span,
			Message: fmt.Sprintf("%s add nothing of their own: %s word for word the %s of %s (%s %s): no progression from %s",
				strings.ToLower(kindLabel(kind)), what, strings.ToLower(kindLabel(kind)), quoted(lo.role.Title), word, strings.Join(lines, ", "), lo.role.Title),
			Role:    hi,
			Subject: string(kind) + " nothing new vs " + model.NormalizeTitle(lo.role.Title),
		})
		return true
	}
	return false
}
