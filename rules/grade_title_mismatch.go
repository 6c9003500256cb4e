package rules

import (
	"fmt"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var gradeTitleMismatchRule = &lint.Rule{
	ID:       "grade-title-mismatch",
	Title:    "the grade sentence names the role of its section",
	Category: lint.Grades,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "A level's grade sentence (\"The Senior Manager, Billing is a [grade 9](...)\") must name the level it " +
			"sits under. Copying a level to make the next one and forgetting its grade sentence leaves \"The Manager, " +
			"Billing is a grade 9\" under \"Senior Manager, Billing\": the page then grades two roles, one of them wrongly. When the " +
			"level's other places give the same name (its opening or reports-to sentence, a section heading: \"The Manager, Billing reports " +
			"to ...\" there too), the finding is on the first of them and names their lines: the level was copied, one defect, " +
			"which is `role-name-mismatch`'s too.\n\n" +
			"The sentence names another role when its title sits at another seniority (see `grade-order` for the " +
			"tracks), or when its other words differ from the heading's: neither's words are all among the other's, " +
			"allowing a one-letter typo per word and a different word order (\"Red Team Manager\" under \"Manager, Red " +
			"Team\" is the same role). A shorter or longer name for the same role (\"Manager, Billing\" under \"Manager, " +
			"Billing Operations\") is `role-name-mismatch`'s concern, not this rule's, unless the words it adds hold another " +
			"seniority (\"The Director, Channel Sales Manager\" under \"Director, Channel Sales\") or it is word for word the title of " +
			"another role of the page (\"The Manager, Sourcing\" under \"Manager, Inbound Sourcing and Sourcing Operations\" " +
			"on a page with a \"Manager, Sourcing\"): the sentence then grades that role. Generic subjects (\"The role is a " +
			"grade 6\") and bare level headings (\"### Senior\" graded as \"The Senior Backend Engineer ...\") are fine.\n\n" +
			"Dropping only a parenthesised qualifier (\"The Manager, Infrastructure is a grade 8\" under \"Manager, " +
			"Infrastructure (Delivery)\") is reported at the severity of option `qualifier`, info by default, when the qualifier " +
			"tells the role apart from another of the page with the same title (\"Manager, Infrastructure\", \"Manager, " +
			"Infrastructure (Reliability)\"): the sentence then names that one too; without such a role (\"The Director, " +
			"Infrastructure is a grade 10\" under the page's only \"Director, Infrastructure (Reliability)\") it names its " +
			"own role, and is not reported, unless the qualifier gives a seniority (\"The Executive Business Administrator\" under " +
			"\"Executive Business Administrator (Associate)\" names the Intermediate level). A " +
			"seniority qualifier the title implies (\"(Intermediate)\") is not reported, nor a qualifier the sentence adds to " +
			"explain a title that has none (\"The Manager, Channel Sales (people manager)\" under \"Manager, Channel Sales\"); another qualifier (\"(Federal)\" " +
			"for \"(Public Sector)\") names another role.",
		Bad: "---\ntitle: Billing\n---\n\n## Senior Manager, Billing\n\n### Job Grade\n\n" +
			"The Manager, Billing is a [grade 9](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n",
		Good: "---\ntitle: Billing\n---\n\n## Senior Manager, Billing\n\n### Job Grade\n\n" +
			"The Senior Manager, Billing is a [grade 9](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n",
		Options: []lint.OptionDoc{
			{Name: "qualifier", Default: "info", Text: "Severity when the sentence only drops or adds a parenthesised qualifier: error, warning, info or off."},
		},
	},
	Options: func() any { return &gradeTitleOptions{Qualifier: "info"} },
	Validate: func(o any) error {
		_, err := lint.ParseSeverity(o.(*gradeTitleOptions).Qualifier)
		if err != nil {
			return fmt.Errorf("qualifier: %v", err)
		}
		return nil
	},
	Check: checkGradeTitleMismatch,
}

type gradeTitleOptions struct {
	Qualifier string `yaml:"qualifier"`
}

func init() { lint.Register(gradeTitleMismatchRule) }

func checkGradeTitleMismatch(p *lint.Pass) {
	opts := lint.Options[gradeTitleOptions](p.Options)
	qualSev, _ := lint.ParseSeverity(opts.Qualifier)
	l := gradeLadder(p.Env, p.Config)
	for _, r := range p.File.Roles {
		subj, match := gradeTitleMatch(l, p.File, r)
		g := r.Grade
		switch match {
		case matchOther:
			msg := fmt.Sprintf("the grade sentence names %s, not %s, the role of its section", subj, r.Title)
			span, others := g.SubjectSpan, []model.Span(nil)
			// "The Senior X reports to ..." above "The Senior X is a grade
			// 8" under "### Staff X": the level's text copied from another,
			// its other places naming the same role; one defect, one finding
			// (role-name-mismatch leaves them to this one), on the first
			if places := gradeNameCopies(p.File, r); len(places) > 0 {
				places = append(places, roleMention{where: "grade sentence", span: g.SubjectSpan})
				sort.SliceStable(places, func(i, j int) bool { return places[i].span.Start < places[j].span.Start })
				var wheres []string
				var spans []model.Span
				for _, m := range places {
					wheres = append(wheres, m.where)
					spans = append(spans, m.span)
				}
				span, wheres = places[0].span, dedupeKeep(wheres)
				msg = fmt.Sprintf("the %s name %s, not %s, the role of their section", joinAnd(wheres), subj, r.Title) + placeLines(p.File, spans)
				others = otherPlaces(span, spans)
			}
			p.Report(lint.Diagnostic{
				Span:    span,
				Role:    r,
				Message: msg,
				Subject: "names " + model.NormalizeTitle(subj),
				// the grade sentence names the role otherwise than its
				// heading: role-name-mismatch's defect too, reported here
				Covers: []string{"role-name-mismatch"},
				Places: others,
			})
		case matchQualifier:
			if qualSev == 0 || addsQualifier(l, p.File, r, subj) || !qualifierNeeded(l, p.File, r, subj) {
				continue
			}
			p.Report(lint.Diagnostic{
				Span:     g.SubjectSpan,
				Role:     r,
				Message:  fmt.Sprintf("the grade sentence names %s, without the qualifier of %s", subj, r.Title),
				Subject:  "qualifier " + model.NormalizeTitle(subj),
				Severity: qualSev,
				Covers:   []string{"role-name-mismatch"},
			})
		}
	}
}

// gradeTitleMatch compares the name r's grade sentence gives with r's
// title: the subject and matchOther when the sentence names another role
// (the rule's finding), matchQualifier when it only drops a qualifier (a
// finding when qualifierNeeded), matchSame otherwise or without a grade
// sentence to read.
func gradeTitleMatch(l *ladder.Ladder, f *model.Family, r *model.Role) (string, titleMatchKind) {
	g := r.Grade
	if g == nil || r.Heading == nil || r.SharesWith != nil || g.InTable || !g.SubjectSpan.Valid() {
		return "", matchSame
	}
	subj := gradeSubject(g)
	if subj == "" || !titleLike(l, r.Title) {
		return "", matchSame
	}
	match := titleMatch(l, r.Title, subj)
	if ps, ok := l.Classify(subj); match == matchSame && (!ok || ps.Stem != "") && namesOtherRole(f, r, subj) {
		// "The Manager, Sourcing is a grade 8" under "Manager, Inbound
		// Sourcing and Sourcing Operations", on a page with a "Manager,
		// Sourcing": fewer words, but another role's title (a level
		// alone, "The Staff level ...", is the template's)
		match = matchOther
	}
	return subj, match
}

// gradeNameCopies returns the other places of r's own text (its opening,
// reports-to and career ladder sentences, its section headings: the places
// role-name-mismatch reads) that give the name its grade sentence gives,
// word for word but for case and punctuation.
func gradeNameCopies(f *model.Family, r *model.Role) []roleMention {
	mentions := roleMentions(f, r)
	key := ""
	for _, m := range mentions {
		if m.where == "grade sentence" {
			key = nameKey(m.name)
		}
	}
	if key == "" {
		return nil
	}
	var out []roleMention
	seen := map[model.Span]bool{}
	for _, m := range append(mentions, careerLadderMentions(r)...) {
		if m.where != "grade sentence" && !seen[m.span] && nameKey(m.name) == key {
			seen[m.span] = true
			out = append(out, m)
		}
	}
	return out
}

// addsQualifier reports whether a grade sentence names its role with a
// parenthesised qualifier the title does not have, at the same seniority
// and not as another role of the page's title: "The Manager, Channel Sales
// (people manager) is a grade 9" under "Manager, Channel Sales" only
// explains the title. (A qualifier dropped is reported: see Doc.)
func addsQualifier(l *ladder.Ladder, f *model.Family, r *model.Role, subj string) bool {
	if len(ladder.Qualifiers(r.Title)) > 0 || len(ladder.Qualifiers(subj)) == 0 {
		return false
	}
	pt, okT := l.Classify(r.Title)
	ps, okS := l.Classify(subj)
	if okT != okS || okT && !pt.Compatible(ps) {
		return false
	}
	ns := model.NormalizeTitle(subj)
	for _, o := range f.Roles {
		if o != r && model.NormalizeTitle(o.Title) == ns {
			return false
		}
	}
	return true
}

// qualifierNeeded reports whether r's parenthesised qualifier tells it
// apart from another role of the page: one with the same title but for its
// qualifiers ("Manager, Infrastructure" and "Manager, Infrastructure
// (Delivery)"), or from another level: a seniority the qualifier gives
// ("Executive Business Administrator (Associate)": without it, the
// Intermediate). Without either, "The Director, Infrastructure is a grade
// 10" under "Director, Infrastructure (Reliability)" names that one role.
func qualifierNeeded(l *ladder.Ladder, f *model.Family, r *model.Role, subj string) bool {
	pt, okT := l.Classify(r.Title)
	ps, okS := l.Classify(subj)
	if okT && okS && !pt.Compatible(ps) {
		return true
	}
	base := model.NormalizeTitle(ladder.StripQualifiers(r.Title))
	for _, o := range f.Roles {
		if o != r && o.Title != "" && model.NormalizeTitle(ladder.StripQualifiers(o.Title)) == base {
			return true
		}
	}
	return false
}

// namesOtherRole reports whether a grade sentence's subject is, word for
// word, the title of another role of the page and not r's own.
func namesOtherRole(f *model.Family, r *model.Role, subj string) bool {
	ns := model.NormalizeTitle(subj)
	if ns == "" || ns == model.NormalizeTitle(r.Title) || ns == model.NormalizeTitle(ladder.StripQualifiers(r.Title)) {
		return false
	}
	for _, o := range f.Roles {
		if o != r && o.Title != "" && model.NormalizeTitle(o.Title) == ns {
			return true
		}
	}
	return false
}

type titleMatchKind int

const (
	matchSame      titleMatchKind = iota
	matchQualifier                // the same but for a parenthesised qualifier
	matchOther                    // another role
)

// titleMatch compares a role's title with the name its grade sentence uses.
func titleMatch(l *ladder.Ladder, title, subj string) titleMatchKind {
	if model.NormalizeTitle(title) == model.NormalizeTitle(subj) {
		return matchSame
	}
	// the same words in another order: "Red Team Manager", "Manager, Red Team"
	if sameWords(expandAcronyms(ladder.Stem(title), ladder.Stem(subj))) {
		return matchSame
	}
	pt, okT := l.Classify(title)
	ps, okS := l.Classify(subj)
	// the same but for parenthesised qualifiers
	if tq, sq := ladder.StripQualifiers(title), ladder.StripQualifiers(subj); tq != strings.TrimSpace(title) || sq != strings.TrimSpace(subj) {
		if sameWords(expandAcronyms(ladder.Stem(tq), ladder.Stem(sq))) {
			qt, qs := qualifierWords(l, title), qualifierWords(l, subj)
			if okT && okS && pt.Compatible(ps) && qt == qs {
				return matchSame // "(Intermediate)", "(PBP)": nothing the sentence leaves out
			}
			if qt != "" && qs != "" && qt != qs {
				return matchOther // "(Federal)" for "(Public Sector)": another specialty
			}
			return matchQualifier
		}
	}
	if okT && okS && !pt.Compatible(ps) {
		return matchOther
	}
	if !okT || !okS || pt.Stem == "" || ps.Stem == "" {
		return matchSame // a bare "Senior" heading, or a name the ladder cannot read
	}
	a, b := expandAcronyms(pt.Stem, ps.Stem)
	if subsetWords(a, b) || subsetWords(b, a) {
		// "The Director, Channel Sales Manager" under "Director, Channel
		// Sales": the words added hold another seniority
		if addsRank(l, a, b) || addsRank(l, b, a) {
			return matchOther
		}
		return matchSame
	}
	return matchOther
}

// addsRank reports whether stem b holds a word that stem a lacks and that
// is by itself a seniority of the ladder ("manager" in "channel sales
// manager" against "channel sales").
func addsRank(l *ladder.Ladder, a, b string) bool {
	for _, w := range strings.Fields(b) {
		if containsWord(a, w) {
			continue
		}
		if p, ok := l.Classify(w); ok && !p.Implied {
			return true
		}
	}
	return false
}

// qualifierWords returns the words of a title's parenthesised qualifiers
// that say something: not a seniority keyword ("(Intermediate)"), not an
// abbreviation of the title ("(PBP)"). Normalised and sorted.
func qualifierWords(l *ladder.Ladder, t string) string {
	main := ladder.Stem(ladder.StripQualifiers(t))
	var out []string
	for _, q := range ladder.Qualifiers(t) {
		for _, w := range strings.Fields(ladder.Stem(q)) {
			if p, ok := l.Classify(w); ok && !p.Implied {
				continue
			}
			if acronymOf(w, strings.Fields(main)) != "" || containsWord(main, w) {
				continue
			}
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// expandAcronyms replaces, in each stem, a word that abbreviates a run of
// the other stem's words ("csm" for "customer success management") by
// those words.
func expandAcronyms(a, b string) (string, string) {
	wa, wb := strings.Fields(a), strings.Fields(b)
	return expandIn(wa, wb), expandIn(wb, wa)
}

func expandIn(words, other []string) string {
	var out []string
	for _, w := range words {
		if !containsWord(strings.Join(other, " "), w) {
			if run := acronymOf(w, other); run != "" {
				out = append(out, run)
				continue
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// acronymOf returns the run of words whose initials spell w (two to six
// letters), or "".
func acronymOf(w string, words []string) string {
	if len(w) < 2 || len(w) > 6 {
		return ""
	}
	for i := 0; i+len(w) <= len(words); i++ {
		ok := true
		for j := 0; j < len(w); j++ {
			if words[i+j] == "" || words[i+j][0] != w[j] {
				ok = false
				break
			}
		}
		if ok {
			return strings.Join(words[i:i+len(w)], " ")
		}
	}
	return ""
}

func containsWord(stem, w string) bool {
	for _, x := range strings.Fields(stem) {
		if x == w {
			return true
		}
	}
	return false
}

// sameWords reports whether two stems have the same words in any order,
// allowing a typo per word.
func sameWords(a, b string) bool {
	return subsetWords(a, b) && subsetWords(b, a)
}

// subsetWords reports whether every word of a is among b's, allowing a
// one-letter typo in words of five letters or more.
func subsetWords(a, b string) bool {
	wb := strings.Fields(b)
	for _, w := range strings.Fields(a) {
		found := false
		for _, x := range wb {
			if w == x || (len(w) >= 5 && len(x) >= 5 && model.TypoDistance(w, x) <= 1) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
