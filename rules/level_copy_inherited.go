package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// extendedLevel returns the level of the page from which extension e of r
// takes its section of a kind: the level e names (resolved by the model,
// else by its name as written), written before r and not graded above it.
// A sentence saying r shares "the same requirements" as another level is no
// such extension: the copy is meant. It returns nil when e brings no such
// section.
func extendedLevel(f *model.Family, r *model.Role, e *model.Extension, kind model.SectionKind) *model.Role {
	from := e.From
	if from == nil {
		from = levelNamed(f, e.Target)
	}
	if from == nil || from == r || from.Kind != model.KindLevel || from.Span.Start > r.Span.Start ||
		e.Sentence == nil || !slices.Contains(e.Kinds, kind) || gradeAbove(from, r) || sameAs(e.Sentence.Text) {
		return nil
	}
	return from
}

// inheritedList is a level's own section that another level takes over.
type inheritedList struct {
	owner *model.Section // the section taken over (its Role owns it)
	via   *model.Role    // the level the inheriting level's extension names
	ext   *model.Extension
}

// inheritedLists returns the sections of a kind that r takes over through
// its extensions, followed transitively (what the level it extends itself
// extends), nearest first: each level's own section, never a family-wide
// list.
func inheritedLists(f *model.Family, r *model.Role, kind model.SectionKind) []inheritedList {
	var out []inheritedList
	seen := map[*model.Role]bool{r: true}
	type step struct {
		level *model.Role
		via   *model.Role
		ext   *model.Extension
	}
	var queue []step
	for _, e := range r.Extends {
		if from := extendedLevel(f, r, e, kind); from != nil && !seen[from] && plainExtension(f, r, from, e, kind) {
			seen[from] = true
			queue = append(queue, step{from, from, e})
		}
	}
	for depth := 0; len(queue) > 0 && depth < 32; depth++ {
		var next []step
		for _, s := range queue {
			if sec := ownSection(s.level, kind); sec != nil {
				out = append(out, inheritedList{owner: sec, via: s.via, ext: s.ext})
			}
			for _, e := range s.level.Extends {
				// each step of the chain takes over the list plainly, as
				// the first does ("Extends that of the Sr. Analyst
				// requirements" written in the responsibilities brings no
				// responsibilities)
				if from := extendedLevel(f, s.level, e, kind); from != nil && !seen[from] && plainExtension(f, s.level, from, e, kind) {
					seen[from] = true
					next = append(next, step{from, s.via, s.ext})
				}
			}
		}
		queue = next
	}
	return out
}

// inheritedBullet is a bullet of a list a level takes over.
type inheritedBullet struct {
	list *inheritedList
	b    *model.Bullet
}

// kindWordRE finds the words that name a section kind in an extension
// sentence.
var kindWordRE = regexp.MustCompile(`(?i)\b(?:responsibilit|requirement)`)

// plainExtension reports whether extension e of r says, plainly, that r
// takes over the list of a kind of level from: the sentence is written in
// that list or outside the level's lists, and does not name r itself ("Extends that of the Technology Partner Manager (Intermediate)
// Requirements" in that level), nor only the other kind of list
// ("Extends the Revenue Accountant Responsibilities" written in the
// requirements), nor go on with words of its own ("Extends the Senior
// Technical Writer responsibilities in complexity and scope": the bullets
// are restated at the level's scope).
func plainExtension(f *model.Family, r, from *model.Role, e *model.Extension, kind model.SectionKind) bool {
	t := oneLine(e.Sentence.Text)
	if levelNamed(f, e.Target) == r {
		return false
	}
	// written in another of the level's lists ("Extends that of the
	// Senior Manager" among the Performance Indicators): misplaced
	for _, sec := range r.Sections {
		if sec.Role == r && sec.Kind != kind && sec.Body.Valid() && sec.Body.Start <= e.Sentence.Span.Start && e.Sentence.Span.Start < sec.Body.End {
			return false
		}
	}
	if ws := kindWordRE.FindAllString(t, -1); len(ws) > 0 {
		want := "requirement"
		if kind == model.SecResponsibilities {
			want = "responsibilit"
		}
		named := false
		for _, w := range ws {
			named = named || strings.EqualFold(w, want)
		}
		if !named {
			return false
		}
	}
	return !extendsFurther(model.DropAtPrevious(t), e.Target, from.Title)
}

// requiredBulletWords returns the words of the bullets the required-bullet
// rule asks of every level ("Ability to use GitLab"), and how it matches
// them: the policy has every level write them, whatever it extends.
func requiredBulletWords(p *lint.Pass) ([][]string, string) {
	r := lint.Lookup("required-bullet")
	if r == nil {
		return nil, ""
	}
	o, err := p.Config.RuleOptions(r)
	if err != nil {
		return nil, ""
	}
	opts := o.(*requiredBulletOptions)
	var out [][]string
	for _, b := range opts.Bullets {
		out = append(out, bulletWords(b))
	}
	return out, opts.Match
}

// reportInheritedRepeats reports the bullets of a level's own section of a
// kind that repeat, word for word (case, spacing, a hyphen for a space and
// the final punctuation aside: itemKey), a bullet of a list the level says it takes over ("Extends the
// Senior Analyst requirements", "All the requirements of a Senior Analyst,
// plus:"), directly or through the level it extends. The extension already
// brings the bullet: written again, it reads as a new requirement and makes
// two copies to keep in step. One finding per section, on its first
// repeated bullet. Left aside: the extension sentences, the bullets the
// policy asks of every level (required-bullet's), and the page's standard
// items (those every level carries).
func reportInheritedRepeats(p *lint.Pass, secs *levelSections, r *model.Role, kind model.SectionKind) {
	if len(r.Extends) == 0 {
		return
	}
	own := ownSection(r, kind)
	if own == nil || len(own.Bullets) == 0 {
		return
	}
	lists := inheritedLists(p.File, r, kind)
	if len(lists) == 0 {
		return
	}
	var skip []string
	for _, e := range r.Extends {
		if e.Sentence != nil {
			skip = append(skip, oneLine(e.Sentence.Text))
		}
	}
	for _, l := range lists {
		skip = append(skip, extensionTexts(l.owner.Role)...)
	}
	required, match := requiredBulletWords(p)
	std := secs.standard[kind]
	// the bullet's key, or "" for one that is no candidate
	key := func(b *model.Bullet) string {
		if b.Block == nil || len(wordingWords(b.Block, false).Words) == 0 {
			return ""
		}
		text := oneLine(wordingText(b.Block))
		for _, sk := range skip {
			if sk != "" && strings.Contains(text, sk) {
				return ""
			}
		}
		if std[secs.keys.of(text)] {
			return ""
		}
		// nearly word for word: a hyphen for a space ("hands on",
		// "hands-on"), any final punctuation
		k := secs.keys.of(strings.TrimRight(strings.ReplaceAll(text, "-", " "), ".,;:! "))
		for _, want := range required {
			if bulletMatches(bulletItemWords(b), want, match) {
				return ""
			}
		}
		return k
	}
	inherited := map[string]inheritedBullet{}
	for i := range lists {
		for _, b := range lists[i].owner.Bullets {
			if k := key(b); k != "" {
				if _, ok := inherited[k]; !ok {
					inherited[k] = inheritedBullet{&lists[i], b}
				}
			}
		}
	}
	if len(inherited) == 0 {
		return
	}
	var repeats []*model.Bullet
	var from []inheritedBullet
	for _, b := range own.Bullets {
		if k := key(b); k != "" {
			if h, ok := inherited[k]; ok && sameTargets(b, h.b) {
				repeats = append(repeats, b)
				from = append(from, h)
			}
		}
	}
	if len(repeats) > 0 {
		reportInheritedSection(p, r, kind, repeats, from)
	}
}

// reportInheritedSection reports the bullets of a section that repeat
// bullets of the lists it takes over, on the first of them.
func reportInheritedSection(p *lint.Pass, r *model.Role, kind model.SectionKind, repeats []*model.Bullet, from []inheritedBullet) {
	src := p.File.Source
	line := func(b *model.Bullet) int { return src.Position(b.Span.Start).Line }
	// the lines repeated, by the level whose list holds them, nearest first
	var owners []*inheritedList
	byOwner := map[*inheritedList][]int{}
	for _, h := range from {
		if _, ok := byOwner[h.list]; !ok {
			owners = append(owners, h.list)
		}
		byOwner[h.list] = append(byOwner[h.list], line(h.b))
	}
	k := strings.ToLower(kindLabel(kind))
	var parts []string
	for i, l := range owners {
		of := fmt.Sprintf("the %s of %s", k, quoted(l.owner.Role.Title))
		if i > 0 {
			of = fmt.Sprintf("those of %s", quoted(l.owner.Role.Title))
		}
		parts = append(parts, fmt.Sprintf("%s of %s", policyLines(byOwner[l]), of))
	}
	what := fmt.Sprintf("bullet repeats word for word %s", strings.Join(parts, " and "))
	if len(repeats) > 1 {
		own := make([]int, len(repeats))
		for i, b := range repeats {
			own[i] = line(b)
		}
		what = fmt.Sprintf("%d bullets (%s) repeat word for word %s", len(repeats), policyLines(own), strings.Join(parts, " and "))
	}
	first := owners[0]
	through := ""
	if first.via != first.owner.Role {
		through = fmt.Sprintf(" through %s", quoted(first.via.Title))
	}
	drop := "drop the repeat"
	if len(repeats) > 1 {
		drop = "drop the repeats"
	}
	p.Report(lint.Diagnostic{
		Span: repeats[0].Span,
		Message: fmt.Sprintf("%s, which this level already takes over%s (%s): %s and keep only what is new",
			what, through, policyQuote(first.ext.Sentence.Text), drop),
		Role:    r,
		Subject: string(kind) + " repeat inherited " + model.NormalizeTitle(first.owner.Role.Title),
	})
}

// sameTargets reports whether two bullets of the same words link to the
// same places, or one of them links nowhere: the same words linking
// elsewhere ("Leadership at GitLab" to the management group, then to the
// director group) ask another thing.
func sameTargets(a, b *model.Bullet) bool {
	la, lb := bulletLinks(a), bulletLinks(b)
	if len(la) == 0 || len(lb) == 0 {
		return true
	}
	if len(la) != len(lb) {
		return false
	}
	for i := range la {
		if la[i].Target != lb[i].Target {
			return false
		}
	}
	return true
}

// bulletLinks returns the links of a bullet's own text.
func bulletLinks(b *model.Bullet) []*model.Link {
	if len(b.Links) > 0 || b.Block == nil {
		return b.Links
	}
	return b.Block.Links
}
