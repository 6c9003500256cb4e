package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

var levelSequenceRule = &lint.Rule{
	ID:       "level-sequence",
	Title:    "a ladder's levels go up one rank at a time, in one code format",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "Levels are found by shape: sibling headings (or table rows or columns, or the pages of a folder) " +
			"whose titles carry a level code (IC 3, L4, D2, Level 2, P3, M1, Engineer II, 3a) or a seniority word of the " +
			"configured tracks. Codes of one format are read as ranks: each level must be above the one before it " +
			"(lowest first), no rank may be skipped or repeated (letter suffixes such as 3a and 3b are parallel tracks " +
			"of one rank), and the ladder writes its codes one way. Without codes, seniority words order the levels where they " +
			"leave no doubt: two steps or more apart (\"Staff\" after \"Principal\"), or one title the other with a seniority " +
			"word added (\"Writer\" after \"Senior Writer\"). Neighbouring steps, which organisations order differently (a Head " +
			"and a Director), are not compared, nor the roles of a track of project roles (the generic profile's contributor " +
			"track), which projects rank each their own way (ESLint's Reviewers are above its Committers). Levels " +
			"of a track all written highest first, two or more, are a ladder written top down, as highest-first codes are: only " +
			"a ladder that changes direction puts a level out of order. Two code formats " +
			"are one ladder written two ways only when their ranks make one run (\"Level 5\" after L1 to L4): M3 to M6 beside " +
			"IC1 to IC6 are two tracks. A number opening a page's file name orders a folder's pages and is no rank: a number " +
			"left out is no level missing. Two levels of one code whose words put them on two tracks (\"L5 Staff Engineer\", " +
			"\"L5 Engineering Manager\") repeat no rank. " +
			"On in the generic profile.",
		Bad:  "# Engineering ladder\n\n## L1 Engineer\n\nShips small changes.\n\n## L3 Senior Engineer\n\nLeads projects.\n",
		Good: "# Engineering ladder\n\n## L1 Engineer\n\nShips small changes.\n\n## L2 Senior Engineer\n\nLeads projects.\n",
	},
	CheckAll: checkLevelSequence,
}

func checkLevelSequence(p *lint.SetPass) {
	lads := allLadders(p)
	headed := map[*model.Family]bool{}
	for _, l := range lads {
		if l.From == "headings" {
			headed[l.Levels[0].File] = true
		}
	}
	for _, lad := range lads {
		if lad.From == "table" && headed[lad.Levels[0].File] {
			continue // a summary of the headings: summary-table compares them
		}
		sequence(p, lad)
	}
}

func sequence(p *lint.SetPass, lad *shape.Ladder) {
	lv := lad.Levels
	ordered := lad.From != "pages" || lad.Numbered()
	// one code format
	formats := map[string][]*shape.Level{}
	var fmtOrder []string
	for _, l := range lv {
		// a bare number is no code to check: a number opening a file's
		// name orders a folder's pages, and one left out (a page removed)
		// or written twice leaves no level out of the ladder, which the
		// titles' codes or words would tell
		if l.Code == nil || l.Code.Format == "n" {
			continue
		}
		if _, ok := formats[l.Code.Format]; !ok {
			fmtOrder = append(fmtOrder, l.Code.Format)
		}
		formats[l.Code.Format] = append(formats[l.Code.Format], l)
	}
	if len(fmtOrder) > 1 {
		main := fmtOrder[0]
		for _, f := range fmtOrder {
			if len(formats[f]) > len(formats[main]) {
				main = f
			}
		}
		// a Roman numeral (or a number after the title's words) beside
		// prefixed codes is usually a title's own ("Engineer II (IC 3)"):
		// only mixed prefixes count, and only when the codes make one run
		// of ranks: "Level 5" after L1 to L4 is the same ladder written
		// another way, M3 to M6 beside IC1 to IC6 (ranks that repeat) a
		// second track
		for _, f := range fmtOrder {
			if f == main || formats[f][0].Code.NumbersTitle() || formats[main][0].Code.NumbersTitle() || !oneRun(formats[main], formats[f]) {
				continue
			}
			for _, l := range formats[f] {
				p.Report(lint.Diagnostic{File: l.File, Span: levelSpan(l), Subject: l.Code.Raw,
					Message: fmt.Sprintf("level code %q is written differently from the ladder's other codes (%q): write every code one way", l.Code.Raw, formats[main][0].Code.Raw)})
			}
		}
	}
	subRanked := map[*shape.Level]bool{}
	// ranks, per format; Roman numerals (or numbers) after different titles
	// ("Middle I", "Middle II", "Senior I"; "Engineer 1", "Senior Engineer
	// 1") number the steps within each title: ranks per title then, and the
	// titles ordered by their seniority words below
	var groups [][]*shape.Level
	for _, f := range fmtOrder {
		ls := formats[f]
		if ls[0].Code.NumbersTitle() {
			if byFamily := romanFamilies(ls); len(byFamily) > 1 {
				groups = append(groups, byFamily...)
				for _, l := range ls {
					subRanked[l] = true
				}
				continue
			}
		}
		groups = append(groups, ls)
	}
	for _, ls := range groups {
		if len(ls) < 2 {
			continue
		}
		if !ordered {
			sorted := append([]*shape.Level(nil), ls...)
			sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Code.Rank < sorted[j].Code.Rank })
			ls = sorted
		}
		descending := true
		for i := 1; i < len(ls); i++ {
			if ls[i].Code.Rank >= ls[i-1].Code.Rank {
				descending = false
			}
		}
		if descending {
			// highest first is a way of writing a ladder: check gaps only, reversed
			rev := make([]*shape.Level, len(ls))
			for i, l := range ls {
				rev[len(ls)-1-i] = l
			}
			ls = rev
		}
		for i := 1; i < len(ls); i++ {
			if a, b := ls[i-1], ls[i]; b.Code.Rank < a.Code.Rank && !otherTracks(a, b) {
				p.Report(lint.Diagnostic{File: b.File, Span: levelSpan(b), Subject: b.Code.Raw,
					Message: fmt.Sprintf("level %q comes after %q but ranks lower: list levels lowest first", levelLabel(b), levelLabel(a))})
			}
		}
		// gaps and repeats, in rank order
		sorted := append([]*shape.Level(nil), ls...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Code.Rank < sorted[j].Code.Rank })
		for i := 1; i < len(sorted); i++ {
			a, b := sorted[i-1], sorted[i]
			ra, rb := a.Code.Rank, b.Code.Rank
			switch {
			case rb == ra && b.Code.Sub == a.Code.Sub && !otherTracks(a, b):
				p.Report(lint.Diagnostic{File: b.File, Span: levelSpan(b), Subject: b.Code.Raw,
					Message: fmt.Sprintf("level %q repeats the rank of %q", levelLabel(b), levelLabel(a))})
			case rb > ra+1:
				p.Report(lint.Diagnostic{File: b.File, Span: levelSpan(b), Subject: b.Code.Raw,
					Message: fmt.Sprintf("level %q follows %q: rank %g is skipped", levelLabel(b), levelLabel(a), ra+1)})
			}
		}
	}
	// seniority words, for levels without codes on one track
	if !ordered {
		return
	}
	// each level against the one before it on its own track: a level of
	// another track between them (a Lead among IC levels) orders nothing
	type trackKey struct {
		track int
		stem  string
	}
	prev := map[trackKey]*shape.Level{}
	var tracks []lint.Track
	if o := shapeOptions(p.Env, p.Config); o.Ladder != nil {
		tracks = o.Ladder.Tracks()
	}
	// a track whose levels all come highest first is written top down
	// (Technical Steering Committee, Maintainers, Contributors; Senior
	// Moderators, then Junior Moderators): a way of writing a ladder, as with
	// codes, not a level out of order. Only a ladder that changes direction
	// puts a level out of order, and two levels go one way whichever comes
	// first
	byTrack := map[trackKey][]*shape.Level{}
	for _, l := range lv {
		if l.Code != nil && l.Code.Format != "n" && !subRanked[l] || !l.Placed {
			continue
		}
		k := trackKey{l.Place.Track, l.Place.Stem}
		byTrack[k] = append(byTrack[k], l)
	}
	topDown := map[trackKey]bool{}
	for k, ls := range byTrack {
		down := len(ls) >= 2
		for i := 1; i < len(ls) && down; i++ {
			down = ls[i].Place.Compare(ls[i-1].Place) < 0
		}
		topDown[k] = down
	}
	for _, l := range lv {
		if l.Code != nil && l.Code.Format != "n" && !subRanked[l] || !l.Placed {
			continue
		}
		k := trackKey{l.Place.Track, l.Place.Stem}
		if b := prev[k]; b != nil && !topDown[k] && l.Place.Compare(b.Place) < 0 && wordsRank(l, b, tracks) {
			p.Report(lint.Diagnostic{File: l.File, Span: l.TitleSpan, Subject: l.Title,
				Message: fmt.Sprintf("level %q comes after the more senior %q: list levels lowest first", levelLabel(l), levelLabel(b))})
		}
		prev[k] = l
	}
}

// otherTracks reports whether the seniority words of two coded levels place
// them on two tracks ("L5 Staff Engineer", "L5 Engineering Manager"): a
// ladder may give an IC and a manager track one code each rank, so one
// code twice, or a manager track starting again lower after the ICs, is no
// slip.
func otherTracks(a, b *shape.Level) bool {
	return a.Placed && b.Placed && a.Place.Track != b.Place.Track
}

// oneRun reports whether two code formats' levels make one run of ranks
// (no rank, with its letter, in both): one ladder whose codes are written
// two ways, not two tracks numbered each its own way.
func oneRun(a, b []*shape.Level) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Code.Rank == y.Code.Rank && x.Code.Sub == y.Code.Sub {
				return false
			}
		}
	}
	return true
}

// wordsRank reports whether the seniority words of two titles, l written
// after b, rank l below b beyond doubt. Organisations order neighbouring
// steps differently (a Head above or below a Director, a Graduate beside a
// Junior, Senior Staff against Principal) and a project's roles each its
// own way (ESLint's Reviewers above its Committers), so the tracks' order
// is a guess there. It is no guess when the steps are two or more apart
// ("Staff" after "Principal"), or when one title is the other with a
// seniority word added ("Writer" after "Senior Writer"). On a track of
// project roles (qualified) only the page's own words would order them:
// none is reported.
func wordsRank(l, b *shape.Level, tracks []lint.Track) bool {
	if t := l.Place.Track; t >= 0 && t < len(tracks) && tracks[t].Qualified {
		return false
	}
	if b.Place.Step-l.Place.Step >= 2 {
		return true
	}
	return titleWithin(l.Title, b.Title) || titleWithin(b.Title, l.Title)
}

// titleWithin reports whether every word of the shorter title a is a word
// of b, which has more: b is a with a word added ("Writer", "Senior
// Writer").
func titleWithin(a, b string) bool {
	aw, bw := strings.Fields(normTitle(a)), strings.Fields(normTitle(b))
	if len(aw) == 0 || len(aw) >= len(bw) {
		return false
	}
	for _, w := range aw {
		if !slices.Contains(bw, w) {
			return false
		}
	}
	return true
}

// romanFamilies splits Roman-coded levels by the title around the numeral,
// in the order the titles first come.
func romanFamilies(ls []*shape.Level) [][]*shape.Level {
	idx := map[string]int{}
	var out [][]*shape.Level
	for _, l := range ls {
		k := l.Family()
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], l)
	}
	return out
}

func init() { lint.Register(levelSequenceRule) }
