package rules

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
			"(\"Lead\"), or one on another track (a Manager after a Senior Analyst), is compared with every level written before it on the page. Where both levels have a grade, " +
			"a level graded above is never \"below\". When they are at least " +
			"`threshold` the same, the level is reported with the closest one: no progression. A level that adds " +
			"requirements of its own (a bullet's worth of new words, eight or a tenth of the section; four across tracks) shows " +
			"progression and is not reported, however similar the rest. The finding lists the bullets that " +
			"differ, with word diffs. A lower level written after the higher one that says it shares the same requirements or " +
			"responsibilities (\"The Associate ... shares the same requirements outlined above\") repeats them on purpose and is " +
			"not compared with it. Sections shorter than `min_words` words (\"Extends the Senior " +
			"responsibilities\") are not compared.",
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
}

func checkLevelCopy(p *lint.Pass) {
	opts := lint.Options[levelCopyOptions](p.Options)
	l := ladder.New(p.Config.Grades.Tracks)
	var levels []placedLevel
	secs := &levelSections{minWords: opts.MinWords, m: map[levelSectionKey]*levelSection{}}
	for i, r := range p.File.Roles {
		if r.Kind != model.KindLevel || r.SharesWith != nil {
			continue
		}
		pl, ok := l.Classify(r.Title)
		if !ok {
			pl.Track = -1 // a seniority word the tracks do not know ("Lead")
		}
		levels = append(levels, placedLevel{role: r, place: pl, order: i})
	}
	// each level is compared with every level below it on its track, not
	// only the one right below; a level the tracks do not place, with
	// every level written before it on the page
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
			reportLevelCopy(p, opts, secs, hi.role, below, model.SectionKind(k))
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
		sec.bag = append(sec.bag, wordingWords(b, true).lower...)
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
}

func (ls *levelSections) get(r *model.Role, kind model.SectionKind) *levelSection {
	k := levelSectionKey{r, kind}
	if s, ok := ls.m[k]; ok {
		return s
	}
	s, items, ok := comparableSection(r, kind, ls.minWords)
	sec := &levelSection{s: s, items: items, ok: ok}
	if ok {
		sec.text = strings.Join(items, "\n")
		blocks := sectionBlocks(s)
		for _, b := range blocks {
			if hasMark(wordingText(b)) {
				blocks = nil
				break
			}
		}
		if blocks != nil {
			for _, b := range blocks {
				sec.words += len(wordingWords(b, true).words)
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
	var bag []string
	for _, t := range worddiff.Tokenize(text) {
		if t.IsWord() {
			bag = append(bag, strings.ToLower(t.Text))
		}
	}
	sort.Strings(bag)
	return bag
}

// maxSimilarity bounds the similarity worddiff.CompareWith (with FoldCase)
// finds between two texts from their word bags: the words kept in order
// are at most the words the two have in common.
func maxSimilarity(a, b []string) float64 {
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
// below and reports the most similar one at or above the threshold.
func reportLevelCopy(p *lint.Pass, opts *levelCopyOptions, secs *levelSections, hi *model.Role, below []placedLevel, kind model.SectionKind) {
	if len(below) == 0 {
		return
	}
	h := secs.get(hi, kind)
	if !h.ok {
		return
	}
	hs, hb := h.s, h.items
	var best *model.Role
	var bestItems []string
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
		if sim := d.Similarity(); sim > bestSim {
			best, bestItems, bestSim = lo.role, l.items, sim
		}
	}
	if best == nil || bestSim < opts.Threshold-1e-9 {
		return
	}
	pct := math.Floor(100 * bestSim)
	p.Report(lint.Diagnostic{
		Span: hs.Span,
		Message: fmt.Sprintf("%s are %.0f%% the same as those of %s: no progression from %s", strings.ToLower(kindLabel(kind)),
			pct, quoted(best.Title), best.Title),
		Role:    hi,
		Subject: string(kind) + " vs " + model.NormalizeTitle(best.Title),
		Diff:    itemsDiff(bestItems, hb, opts.DiffLines),
	})
}

// sameAsRE finds a level's own words that it shares another level's
// sections: "share the same requirements", "the same responsibilities as".
var sameAsRE = regexp.MustCompile(`(?i)\bshares?\s+the\s+same\b|\bsame\s+(?:requirements|responsibilities)\b`)

// levelsDeclaringCopy returns the roles whose own text, outside their
// sections, says they share another level's requirements or
// responsibilities.
func levelsDeclaringCopy(f *model.Family) map[*model.Role]bool {
	out := map[*model.Role]bool{}
	for _, b := range f.Blocks {
		if b.Role != nil && b.Section == nil && b.Kind == model.BlockParagraph && sameAsRE.MatchString(b.Text) {
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
// it only shares).
func ownSection(r *model.Role, kind model.SectionKind) *model.Section {
	for _, s := range r.Sections {
		if s.Kind == kind && s.Role == r {
			return s
		}
	}
	return nil
}

// sectionItems returns a section's bullets and paragraphs as text, in
// order, placeholders blanked, and how many words (prose.Words, without
// hyphens) they hold: whitespace, which the items fold, never joins words.
func sectionItems(s *model.Section) ([]string, int) {
	type item struct {
		at   int
		text string
	}
	var items []item
	words := 0
	for _, b := range s.Bullets {
		if b.Block != nil {
			items = append(items, item{b.Span.Start, oneLine(wordingText(b.Block))})
			words += len(wordingWords(b.Block, false).words)
		}
	}
	for _, pb := range s.Paragraphs {
		items = append(items, item{pb.Span.Start, oneLine(wordingText(pb))})
		words += len(wordingWords(pb, false).words)
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
