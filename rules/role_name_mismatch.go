package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

type roleNameMismatchOptions struct {
	IgnoreWords []string `yaml:"ignore_words"`
}

var roleNameMismatchRule = &lint.Rule{
	ID:       "role-name-mismatch",
	Title:    "a role's own text or section headings name it differently from its heading",
	Category: lint.Wording,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "A role is named in several places besides its heading: its opening sentence (\"The Senior " +
			"Accountant ...\"), its reports-to sentence, its grade sentence (\"The Senior Accountant is a grade " +
			"7.\"), the sentence that opens its responsibilities (\"The Director, Channel Program will be responsible " +
			"...\"), one that opens its responsibilities or requirements with the role's name as its subject, without \"The\" " +
			"(\"Senior Accounting and External Reporting Manager shares the same responsibilities as listed above\"), and the headings of its sections (\"#### Senior Accountant Responsibilities\"), also a section heading " +
			"right after its text that is outside it by depth (\"### Staff Accountant Career Ladder\" after the level's " +
			"requirements) unless it names the family or another role exactly. The sentence of the role's own Career Ladder " +
			"section that gives the next step of a role (\"The next step for the Manager, Community Programs is ...\" under " +
			"\"Senior Community Programs Manager\") is reported when it names another role of the page, word for word: it " +
			"was copied from that role's. So is a later sentence of the role's opening paragraph that describes as the " +
			"role (\"is responsible\", \"reports to\", \"plays\") another level of the page named alone (\"The Director is " +
			"responsible for ...\" under \"Senior Director, Billing and Collections\", beside the page's Director). A role written under two headings of " +
			"one title (\"## Intermediate X\" and its reports-to sentence, then \"### Intermediate X\" with the grade " +
			"sentence and the role's sections beside it) is opened by the outer heading's text. When a level is " +
			"copied from another, these are the names that get left behind. Each must name the role as its " +
			"heading does; the finding shows both names and their word diff.\n\n" +
			"Tolerated: differences of case, punctuation and spacing; \"Sr.\" for \"Senior\", \"VP\" for \"Vice " +
			"President\", \"&\" for \"and\"; the small words \"of\", \"and\", \"for\", \"to\", \"the\", \"in\" " +
			"(\"Director of UX Research\" for \"Director, UX Research\", in the grade sentence too), though a grade sentence " +
			"that leaves out the comma putting the title's department after the role (\"The Director Sales Systems is a grade " +
			"10\" under \"Director, Sales Systems\") names another title (a section heading without the comma is " +
			"`section-name-consistency`'s); plurals and endings (\"Specialists\", " +
			"\"Recruiting Lead\" in the Recruiter family), though not a plural \"s\" added or dropped inside the name " +
			"(\"Business System Analyst\" for \"Business Systems Analyst\"), nor at the end of a department named after a comma " +
			"(\"Director, Channel Program\" for \"Director, Channel Programs\"); the title's parenthesised qualifier left out " +
			"(\"Manager, Infrastructure\" for \"Manager, Infrastructure (Delivery)\") or moved (\"Senior Customer " +
			"Success Operations Analyst\" for \"Customer Success Operations Analyst (Senior)\", the other words in their order); an acronym a title " +
			"or the prose of the page defines (\"CSM\" after \"Customer Success Manager (CSM)\", \"PMM\" after \"Product " +
			"Marketing Managers (PMMs)\"); a plural group the opening or reports-to sentence describes, its other words the title's (\"The Support " +
			"Managers across regions\" in \"Manager, Support\"; not \"Internal Reporting Accountants\" under \"International " +
			"Reporting\"), and a sentence that describes the role's sections (\"The Responsibilities, Requirements, and ...\"); " +
			"an opening that describes the role in fewer of its title's words, followed by \"role\", every seniority kept, when its text then writes " +
			"the title as the heading does (\"The Data Analyst role is responsible for ... The Analyst, Online Sales & Self Service Data " +
			"reports to ...\"); a level alone heading a specialty's section (\"#### Senior " +
			"Responsibilities\" under a specialty names the level it refines); \"Intermediate\" added or left " +
			"out (the policy keeps it out of titles); a trailing \"role\" or \"position\"; the words of " +
			"`ignore_words` (the company's name: \"The GitLab Recruiter\"); the level alone where the template asks " +
			"for it (\"#### Senior Responsibilities\" under \"### Senior Backend Engineer\", \"The Senior Backend " +
			"Engineer\" under \"### Senior\", \"#### Manager and Senior Manager Requirements\"); and a short heading " +
			"whose name adds only words of the family's title or of the base role (\"Senior Security Analyst\" under " +
			"\"### Senior Analyst\" in the Security Analyst family; for a specialty, a level too), though not a department named after " +
			"a comma written longer (\"Manager, Brand Strategy and Growth\" for \"Manager, Brand Strategy\" in the Brand Growth family). Word order " +
			"matters: \"Manager, Billing\" (a people manager) and \"Billing Manager\" are different titles in the " +
			"handbook's own nomenclature.\n\n" +
			"Only names that read like a job title are compared (\"The Build team ...\" is not one), and names " +
			"inside template placeholders are left to `template-placeholder`. A grade sentence that names another " +
			"role of the page, another seniority, or other words (not just fewer, more or reordered ones, or a typo) is " +
			"left to `grade-title-mismatch`, and so is the same name elsewhere in that role (\"The Senior X reports to\" over \"The Senior X is a " +
			"grade 8\" under \"### Staff X\"): one defect, one finding, that rule's, on the first of those places (it " +
			"says it is this rule's defect too; a finding of this rule on a grade sentence says it is `grade-title-mismatch`'s). " +
			"A grade sentence that names the level by its place in the company with fewer of the title's words (\"The Engineering " +
			"Manager in the Engineering Division is a grade 8\" under \"Engineering Manager, Machine Learning\") follows the page's " +
			"template, as `grade-title-mismatch` reads it.\n\n" +
			"A sentence by which a level takes over another's list (\"Senior accounting managers share the same " +
			"requirements as the Intermediate Accounting Manager listed above\") must name that role as its heading does " +
			"(\"Manager, Accounting\"), with the same tolerances; a level alone (\"Extends the Senior responsibilities\") and " +
			"a shortened name, the heading's words in their order with some left out (\"the Senior Program Manager\" for " +
			"\"Senior Learning & Development Program Manager\"), are how such a sentence refers to a role just above; the same " +
			"words with a plural \"s\" added or dropped inside the name (\"Community Program Evangelist\" for \"Community Programs " +
			"Evangelist\") are not, and are reported. The heading's words in another order (\"the Intermediate Accounting Manager\" for " +
			"\"Manager, Accounting\", an informal back-reference) and the name the extended role's own text gives it (that role's " +
			"finding) are not reported. The name is read past the comma that puts the department after the role (\"Extends that of " +
			"the Director, Billing & Accounts Receivable\") when the department is another than the extended role's: the same " +
			"seniority, and each has a word the other lacks, not a typo or plural of it (\"Director, Billing and Collections\"; " +
			"\"Director, Learning & Development\" for \"Director, Talent Development\"), or when it adds or drops a plural \"s\" " +
			"on a word inside the name, not its last (\"Manager, Technology Partners Managers\" for \"Manager, Technology Partner " +
			"Managers\"); a department written shorter or longer " +
			"(\"the Manager, Billing\" for \"Manager, Billing Partners\") refers to the role and is not. Such a sentence that names, without " +
			"a link, a role the page does not have (\"Extends that of the Technology Partner Manager (Intermediate) requirements\" " +
			"among Alliances Partner Managers, \"the Junior Technology Partner Manager\" on a page whose lowest level is " +
			"Associate) is reported too: the list it takes over is nowhere to read. A role of the page written loosely (its " +
			"seniorities the page's, its other words in the page's titles or abbreviated: \"the L&D Senior Program Manager\"), " +
			"two roles at once (\"the Director or Senior Director of Customer Success\"), a role behind a link and any such name on a page of " +
			"one level (a family written a page per level extends another page's level) are not.\n\n" +
			"The page's own Career Ladder sentence that gives the next step of a job family (\"The next steps for the Professional " +
			"Services Practice Manager Job Family would be ...\" on the Professional Services Practice Engineer page, \"The next step in " +
			"the Corporate Events job family ...\" on the Brand Growth page, in a paragraph or a list item) must name the page's " +
			"family: a name with words that neither the family's title nor its roles' titles have, not behind a link, was copied from " +
			"another family's page; the name need not read like a job title, \"job family\" after it says what it is. A name in fewer " +
			"of the family's words (\"the Channel Manager Job Family\" in the Channel Sales Manager family) or with a word's longer or " +
			"shorter form (\"the Talent Acquisition Leader job family\" on the Talent Acquisition Leadership page) names it loosely. " +
			"The same name in several Career Ladder sections of the page is one finding, on the first, naming their lines.\n\n" +
			"The places that give one other name are one finding, on the first of them, naming their lines. When two or more agree on a " +
			"name and only the heading differs (not by a typo), the heading is the odd one out and the finding is on it, unless a place " +
			"(a section heading) names the role as the heading does, or the words the heading has over the text's name are in the headings of " +
			"most of the page's other levels (\"### Manager, Billing Operations\" whose text says \"Manager, Billing\", among Billing " +
			"Operations Analysts): the text is then the odd one out. So is a heading shorter " +
			"than the name its text agrees on (two places or more, none giving the heading's) when the words it leaves out " +
			"are in the headings of most of the page's other levels (\"### Senior Director, Revenue\" where the text says " +
			"\"Senior Director, Revenue Accounting\", as the Director's heading does); a place that misspells that name " +
			"(\"Revenue Accouting\") is then reported against it, the name to write. A role of the page that has no heading of its own, its " +
			"sections written under another level's (\"#### Manager, Renewal Operations Job Grade\" under \"### Senior Renewals Operations " +
			"Analyst\"), is told so: it needs a heading, not another name.",
		Bad: "---\ntitle: Billing\n---\n\n## Senior Director, Billing and Collections\n\n" +
			"The Director, Billing and Collections reports to the VP, Revenue Accounting.\n\n" +
			"### Senior Director, Billing and Collections Job Grade\n\n" +
			"The Senior Director, Billing and Collections is a [grade 11](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"### Director, Billing and Collections Responsibilities\n\n- Own the billing process\n",
		Good: "---\ntitle: Billing\n---\n\n## Senior Director, Billing and Collections\n\n" +
			"The Senior Director, Billing & Collections reports to the VP, Revenue Accounting.\n\n" +
			"### Senior Director, Billing and Collections Job Grade\n\n" +
			"The Senior Director, Billing and Collections is a [grade 11](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"### Senior Director, Billing and Collections Responsibilities\n\n- Own the billing process\n",
		Options: []lint.OptionDoc{
			{Name: "ignore_words", Default: "[GitLab]", Text: "words a name may add or leave out, such as the company's name"},
		},
	},
	Options: func() any { return &roleNameMismatchOptions{IgnoreWords: []string{"GitLab"}} },
	Check:   checkRoleNameMismatch,
}

func init() { lint.Register(roleNameMismatchRule) }

// roleMention is a place where a role's text names the role.
type roleMention struct {
	where string // "opening sentence", "reports-to sentence", "grade sentence", "section heading"
	name  string
	span  model.Span
	// unit: the name goes on to place the role in a part of the company
	// ("The Engineering Manager in the Engineering Division is a grade 8")
	unit bool
}

func checkRoleNameMismatch(p *lint.Pass) {
	f := p.File
	opts := lint.Options[roleNameMismatchOptions](p.Options)
	// the config's, the same for every page of the run; read only
	levelWords := p.Env.Shared("role-name-mismatch/track-words", func() any { return trackWords(p.Config) }).(map[string]bool)
	var levelList []string
	for w := range levelWords {
		levelList = append(levelList, w)
	}
	ignore := map[string]bool{}
	for _, w := range opts.IgnoreWords {
		ignore[model.NormalizeTitle(w)] = true
	}
	acronyms := pageAcronyms(f)
	plain := &roleNames{ignore: ignore, acronyms: acronyms}
	plain.level = stemSet(plain, levelList...)
	trailing := trailingSections(f, plain)
	grades := gradeLadder(p.Env, p.Config)
	reportFamilyLadderName(p, f, plain)
	for _, r := range f.Roles {
		if r.Heading == nil || r.Heading.Role != r || r.SharesWith != nil {
			continue
		}
		title := cleanRoleTitle(r.Heading.Text)
		if title == "" || strings.ContainsAny(title, "{}") || genericRoleWord(title) {
			continue
		}
		if r.Kind == model.KindLevel && !readsLikeRoleName(title, levelWords) {
			continue // "## Compensation" taken for a level: not a title to compare with
		}
		// the level stems depend on the page's ignored words and acronyms
		// only: plain's
		names := &roleNames{ignore: ignore, specialty: r.Kind != model.KindLevel, acronyms: acronyms, level: plain.level}
		base := r.Base
		if r.Parent != nil {
			base += " " + r.Parent.Title
		}
		names.extra = stemSet(names, f.Title, base)
		seen := map[model.Span]bool{}
		mentions := append(roleMentions(f, r), trailing[r]...)
		// "The Engineering Manager in the Engineering Division is a grade 8"
		// under "Engineering Manager Machine Learning": the page's template
		// names the level by its place in the company, with fewer of the
		// title's words (grade-title-mismatch reads it so too)
		mentions = slices.DeleteFunc(mentions, func(m roleMention) bool {
			return m.unit && allIn(plain.words(m.name), setOf(plain.words(title)))
		})
		// the name grade-title-mismatch reports, when the grade sentence names
		// another role: the same name elsewhere in the role is that one defect
		leftToGrade := ""
		_, gradeMatch := gradeTitleMatch(grades, f, r)
		for _, m := range mentions {
			if m.where == "grade sentence" && (gradeMatch == matchOther || !names.same(m.name, title) &&
				(otherRole(f, r, m.name, plain) != nil || !sameRoleOtherwise(plain, m.name, title))) {
				leftToGrade = nameKey(m.name)
			}
		}
		var found, valid []roleMention
		for _, m := range mentions {
			if seen[m.span] || !readsLikeRoleName(m.name, levelWords) {
				continue
			}
			seen[m.span] = true
			valid = append(valid, m)
			// "Manager, Brand Strategy and Growth" for "Manager, Brand
			// Strategy": the family's words fill in no department
			// a grade sentence without the title's comma, "The Director Sales
			// Systems is a grade 10" under "Director, Sales Systems", names
			// another title ("The VP of Sales Systems" is a way of wording it,
			// judged so in grade sentences too, and so is any form in prose)
			if names.same(m.name, title) && !commaDepartmentGrows(m.name, title) && !(m.where == "grade sentence" && names.commaDropped(m.name, title)) {
				continue
			}
			// "#### Senior Responsibilities" under a specialty names the level
			// it refines, not another role
			if m.where == "section heading" && r.Kind != model.KindLevel && allIn(plain.words(m.name), plain.level) {
				continue
			}
			// "The Support Managers across regions ...": a group the text
			// describes, not a role name
			if m.where != "section heading" && m.where != "grade sentence" && pluralGroup(m.name, title) && (groupWordsIn(plain, m.name, title) || namesSection(m.name)) {
				continue
			}
			// "The Data Analyst role is responsible for ..." under "Analyst,
			// Online Sales & Self Service Data", whose text goes on to write
			// the title as the heading does: a short description of the
			// role, its words all the title's, not another name for it
			if m.where == "opening sentence" && otherRole(f, r, m.name, plain) == nil && shortDescription(f, r, m, title, plain) {
				continue
			}
			other := otherRole(f, r, m.name, plain)
			if m.where == "grade sentence" && (other != nil || !sameRoleOtherwise(plain, m.name, title)) {
				continue // grade-title-mismatch reports a grade sentence that names another role
			}
			if leftToGrade != "" && nameKey(m.name) == leftToGrade {
				continue
			}
			found = append(found, m)
		}
		// "The next step for the Manager, Community Programs is ..." in the
		// Senior Community Programs Manager's own Career Ladder: a sentence
		// copied from the role it names, another role of the page
		for _, m := range careerLadderMentions(r) {
			if seen[m.span] || names.same(m.name, title) || otherRole(f, r, m.name, plain) == nil ||
				leftToGrade != "" && nameKey(m.name) == leftToGrade {
				continue
			}
			seen[m.span] = true
			found = append(found, m)
		}
		// "The Director is responsible for ..." further on in the Senior
		// Director's opening paragraph: a level alone, another level's
		for _, m := range introLevelMentions(f, r, title, plain) {
			if !seen[m.span] {
				seen[m.span] = true
				found = append(found, m)
			}
		}
		reportExtensionNames(p, f, r, levelWords, plain)
		if ref, ok := oddHeading(f, r, title, valid, names, plain); ok {
			found = reportOddHeading(p, r, title, ref, valid, found, plain)
		}
		agree := slices.ContainsFunc(valid, func(m roleMention) bool { return names.same(m.name, title) })
		reportMentions(p, f, r, title, found, agree, plain)
	}
}

var jobFamilyAfterRE = regexp.MustCompile(`(?i)^\s+job\s+family\b`)

// reportFamilyLadderName reports the page's own Career Ladder sentence
// that gives the next step of a job family not the page's ("The next steps
// for the Professional Services Practice Manager Job Family would be ..."
// on the Professional Services Practice Engineer page): a sentence copied
// from another family's page. A name whose words are all the family's
// title's or its roles' ("the Channel Manager Job Family" in the Channel
// Sales Manager family), or behind a link, names this family loosely.
func reportFamilyLadderName(p *lint.Pass, f *model.Family, plain *roleNames) {
	title := cleanRoleTitle(f.Title)
	if title == "" {
		return
	}
	own := setOf(plain.words(title))
	for _, x := range f.Roles {
		for _, w := range plain.words(x.Title) {
			own[w] = true
		}
	}
	type place struct {
		name string
		span model.Span
	}
	var places []place
	for _, sec := range f.Sections {
		if sec.Kind != model.SecCareerLadder || sec.Role != nil {
			continue
		}
		blocks := slices.Clone(sec.Paragraphs)
		for _, bu := range sec.Bullets {
			if bu.Block != nil {
				blocks = append(blocks, bu.Block) // "* The next step in the X job family ..."
			}
		}
		for _, b := range blocks {
			loc := familyNextStepRE.FindStringIndex(b.Text)
			if loc == nil {
				continue
			}
			name, ok := leadingRoleName(b.Text[loc[1]:])
			// "... Practice Manager Job Family would be": the capitalised
			// "Job Family" read as the name's
			family := false
			if low := strings.ToLower(name); strings.HasSuffix(low, " job family") {
				name, family = strings.TrimSpace(name[:len(name)-len(" job family")]), true
			}
			// a family's name need not read like a job title ("the
			// Corporate Events job family"): "job family" says what it is
			if !ok || !family && !jobFamilyAfterRE.MatchString(b.Text[loc[1]+len(name):]) {
				continue
			}
			if n := len(plain.words(name)); n == 0 || n > 8 || allInLoosely(plain.words(name), own) {
				continue
			}
			span := b.SourceSpan(loc[1], loc[1]+len(name))
			if slices.ContainsFunc(b.Links, func(l *model.Link) bool { return l.Span.Start < span.End && l.Span.End > span.Start }) {
				continue // another family's page, linked
			}
			places = append(places, place{name, span})
		}
	}
	// one name copied into several Career Ladder sections is one finding,
	// on the first, naming their lines
	sort.SliceStable(places, func(i, j int) bool { return places[i].span.Start < places[j].span.Start })
	done := map[string]bool{}
	for _, pl := range places {
		key := nameKey(pl.name)
		if done[key] {
			continue
		}
		done[key] = true
		var spans []model.Span
		for _, o := range places {
			if nameKey(o.name) == key {
				spans = append(spans, o.span)
			}
		}
		p.Report(lint.Diagnostic{
			Span:    pl.span,
			Message: fmt.Sprintf("career ladder sentence names the job family %s, but this page's family is %s%s", quoted(pl.name), quoted(strings.TrimRight(title, " -–—:")), placeLines(f, spans)),
			Subject: "family career ladder: " + key,
			Places:  otherPlaces(pl.span, spans),
			Diff:    worddiff.Compare(title, pl.name).String(),
		})
	}
}

// allInLoosely reports whether every word is in the set or shares its
// start, four letters or more, with a word of the set: "the Talent
// Acquisition Leader job family" names the Talent Acquisition Leadership
// family loosely.
func allInLoosely(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			continue
		}
		ok := false
		for o := range set {
			if len(o) >= 4 && len(w) >= 4 && (strings.HasPrefix(o, w) || strings.HasPrefix(w, o)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// familyNextStepRE opens a family's Career Ladder sentence: "The next steps
// for the X Job Family", "The next step in the X job family".
var familyNextStepRE = regexp.MustCompile(`(?i)^the\s+next\s+steps?\s+(?:for|of|in|within)\s+(?:the\s+|an?\s+)?`)

// reportExtensionNames reports an extension sentence ("Senior accounting
// managers share the same requirements as the Intermediate Accounting
// Manager listed above") that names the role it extends otherwise than that
// role's heading ("Manager, Accounting"), with the rule's tolerances. A
// level alone ("Extends the Senior responsibilities"), a name that is the
// title of a role of the page and a shortened name (the heading's words in
// their order, some left out) are not reported.
func reportExtensionNames(p *lint.Pass, f *model.Family, r *model.Role, levelWords map[string]bool, plain *roleNames) {
	for _, e := range r.Extends {
		if e.Sentence == nil || e.Target == "" {
			continue
		}
		target := strings.TrimSpace(e.Target)
		if low := strings.ToLower(target); strings.HasPrefix(low, "that of the ") {
			target = target[len("that of the "):]
		}
		// "Extends that of the Director, Billing & Accounts Receivable": the
		// model reads the name up to the comma ("Director"); the sentence
		// goes on with another department than the extended role's
		if full := extensionFullName(e, target, plain); full != target && e.From != nil && e.From.Heading != nil &&
			(departmentSwapped(plain, full, cleanRoleTitle(e.From.Title)) || pluralInside(full, cleanRoleTitle(e.From.Title))) {
			target = full
		}
		if !readsLikeRoleName(target, levelWords) || !model.JobTitleLike(target) || allIn(plain.words(target), plain.level) {
			continue
		}
		if e.From == nil {
			reportExtensionNoRole(p, f, r, e, target, plain)
			continue
		}
		if e.From.Heading == nil {
			continue
		}
		from := cleanRoleTitle(e.From.Title)
		if from == "" {
			continue
		}
		names := &roleNames{ignore: plain.ignore, specialty: e.From.Kind != model.KindLevel, acronyms: plain.acronyms, level: plain.level}
		base := e.From.Base
		if e.From.Parent != nil {
			base += " " + e.From.Parent.Title
		}
		names.extra = stemSet(names, f.Title, base)
		// the title of another role of the page: the sentence names that
		// one (not the role it was taken to extend, whose name may differ
		// only by a plural inside it: "Community Program Evangelist")
		if names.same(target, from) || otherRole(f, e.From, target, plain) != nil {
			continue
		}
		// the same words in another order ("Senior Program Manager, Learning
		// & Development" for "Senior Learning & Development Program
		// Manager"): the role is plain to see
		if sameWordSet(rawNameWords(target), rawNameWords(from)) {
			continue
		}
		// the name the role's own text gives it ("Community Programs
		// Associate Manager", as its opening sentence says under "###
		// Community Programs Associate"): that role's finding, not this one
		if slices.ContainsFunc(roleMentions(f, e.From), func(m roleMention) bool {
			return strings.EqualFold(strings.Join(strings.Fields(m.name), " "), strings.Join(strings.Fields(target), " "))
		}) {
			continue
		}
		// a shortened name, its words the heading's in their order ("the
		// Senior Program Manager" for "Senior Learning & Development Program
		// Manager"), is how a sentence refers to a role written just above;
		// the same words with a plural "s" inside are a misspelt name
		if extra, ok := addedWords(plain.words(from), plain.words(target)); ok && len(extra) > 0 {
			continue
		}
		span, ok := extensionNameSpan(f, e, target)
		if !ok {
			continue
		}
		p.Report(lint.Diagnostic{
			Span:    span,
			Message: fmt.Sprintf("extension sentence names the role it extends %s, but that role's heading is %s", quoted(target), quoted(from)),
			Role:    r,
			Subject: "extends: " + nameKey(target),
			Diff:    worddiff.Compare(from, target).String(),
		})
	}
}

// extensionFullName returns the name an extension sentence writes where
// its target, as the model reads it, stops at a comma that puts the
// title's department after the role ("Director" in "Extends that of the
// Director, Billing & Accounts Receivable"): the role name read on from
// the target, without a section's name after it ("... Managers
// Requirements"). It returns target itself otherwise.
func extensionFullName(e *model.Extension, target string, plain *roleNames) string {
	text := e.Sentence.Text
	i := strings.Index(text, target)
	if i < 0 || !strings.HasPrefix(text[i+len(target):], ", ") {
		return target
	}
	name, ok := leadingRoleName(text[i:])
	if !ok || len(name) <= len(target)+2 {
		return target
	}
	words := strings.Fields(name)
	for len(words) > 0 {
		last := strings.ToLower(words[len(words)-1])
		if k, _, _, ok := model.MatchSection(last); ok && (k == model.SecResponsibilities || k == model.SecRequirements) ||
			last == "role" || last == "roles" || last == "position" || last == "expectations" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	full := strings.TrimRight(strings.Join(words, " "), " ,")
	if !strings.HasPrefix(full, target+", ") || !strings.HasPrefix(text[i:], full) {
		return target
	}
	// one department after one comma, not opening with a level:
	// "Product Analysts, Senior Product Analysts" lists roles, "Manager,
	// Infrastructure, US Public Sector Services" names a specialty by its
	// base
	dept := full[len(target)+2:]
	if strings.Contains(target, ",") || strings.Contains(dept, ",") {
		return target
	}
	if first := plain.words(strings.Fields(dept)[0]); len(first) > 0 && plain.level[first[0]] {
		return target
	}
	return full
}

// departmentSwapped reports whether an extension name read past its
// department's comma ("Director, Billing & Accounts Receivable") gives the
// extended role's seniority with another department than its heading's
// ("Director, Billing and Collections"): each has words the other lacks,
// not a typo or plural of one another, and the seniorities are the same.
// A department written shorter or longer is how a sentence may refer to the
// role just above, and left alone.
func departmentSwapped(c *roleNames, name, ref string) bool {
	n, t := c.words(name), c.words(ref)
	if !slices.Equal(levelsOf(n, c.level), levelsOf(t, c.level)) {
		return false
	}
	inT, inN := setOf(t), setOf(n)
	lacks := func(ws []string, set map[string]bool, other []string) bool {
		for _, w := range ws {
			if set[w] {
				continue
			}
			near := false
			for _, o := range other {
				if model.TypoDistance(w, o) <= 1 || strings.TrimSuffix(w, "s") == strings.TrimSuffix(o, "s") {
					near = true
					break
				}
			}
			if !near {
				return true
			}
		}
		return false
	}
	return lacks(n, inT, t) && lacks(t, inN, n)
}

// pluralInside reports whether name is ref with one word inside it, not
// the last, written with a plural "s" added or dropped ("Manager,
// Technology Partners Managers" for "Manager, Technology Partner
// Managers"): a slip, where the last word's plural is the sentence's own.
func pluralInside(name, ref string) bool {
	n, t := strings.Fields(strings.ToLower(name)), strings.Fields(strings.ToLower(ref))
	if len(n) != len(t) || len(n) < 3 {
		return false
	}
	diff := 0
	for i := range n {
		if n[i] == t[i] {
			continue
		}
		if i == len(n)-1 || n[i]+"s" != t[i] && t[i]+"s" != n[i] {
			return false
		}
		diff++
	}
	return diff == 1
}

// reportExtensionNoRole reports an extension sentence that names, without
// a link, a role the page does not have ("Extends that of the Technology
// Partner Manager (Intermediate) requirements" on a page whose levels are
// Alliances Partner Managers): the list it takes over is nowhere to read.
func reportExtensionNoRole(p *lint.Pass, f *model.Family, r *model.Role, e *model.Extension, target string, plain *roleNames) {
	target = trimLeadingLower(target)
	// "the Director or Senior Director of Customer Success": two roles; a
	// level alone ("Extends the Senior responsibilities") is the template's
	target, ok := titleOnly(target)
	if !ok || strings.Contains(target, " or ") || !model.JobTitleLike(target) || allIn(plain.words(target), plain.level) {
		return
	}
	// a page of one level (a family written a page per level) extends a
	// level of another page
	levels := 0
	for _, x := range f.Roles {
		if x.Kind == model.KindLevel {
			levels++
		}
	}
	if levels < 2 {
		return
	}
	for _, x := range f.Roles {
		if x.Title == "" {
			continue
		}
		// a role of the page under another of the rule's tolerated names:
		// "Senior Security Analyst" for "### Senior Analyst" in the
		// Security Analyst family, the words in another order, an acronym
		names := &roleNames{ignore: plain.ignore, specialty: x.Kind != model.KindLevel, acronyms: plain.acronyms, level: plain.level}
		base := x.Base
		if x.Parent != nil {
			base += " " + x.Parent.Title
		}
		names.extra = stemSet(names, f.Title, base)
		if names.same(target, x.Title) || sameWords(expandAcronyms(ladder.Stem(x.Title), ladder.Stem(target))) {
			return
		}
	}
	if pageWordsName(f, target, plain) {
		return
	}
	if b := blockAt(f, e.Sentence.Span.Start); b != nil {
		for _, l := range b.Links {
			if l.Span.Start < e.Sentence.Span.End && l.Span.End > e.Sentence.Span.Start {
				return // "extends the [Senior Director, Development](/job-families/...) role": another page's
			}
		}
	}
	span, ok := extensionNameSpan(f, e, target)
	if !ok {
		return
	}
	p.Report(lint.Diagnostic{
		Span:    span,
		Message: fmt.Sprintf("extension sentence names the role it extends %s, but this page has no role of that name", quoted(target)),
		Role:    r,
		Subject: "extends-unknown: " + nameKey(target),
	})
}

// titleOnly returns the job title an extension sentence's target holds, cut
// before the word "role" or "position" after it ("Security Incident Response
// Team Manager role by adding vision" names "Security Incident Response
// Team Manager"), and false when what is left is not written as a title:
// every word in title case, an abbreviation or a joining word. A target that
// runs on into the sentence ("Sr Program Managers Own an IT area such as
// Quote", two lines read as one) is no name to quote.
func titleOnly(target string) (string, bool) {
	words := strings.Fields(target)
	for i, w := range words {
		if w == "role" || w == "roles" || w == "position" {
			words = words[:i]
			break
		}
	}
	if len(words) == 0 {
		return "", false
	}
	for _, w := range words {
		switch w {
		case "of", "and", "&", "for", "the", "-":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '(' {
			return "", false
		}
	}
	return strings.Join(words, " "), true
}

// pageWordsName reports whether a name is made of the page's own words:
// its seniorities those of a role of the page, its other words in the
// page's role titles or written as an abbreviation ("L&D Senior Program
// Manager" for "Senior Learning & Development Program Manager"). Such a
// name is a role of the page written loosely, not a role the page lacks;
// "Junior Technology Partner Manager" on a page whose lowest level is
// Associate, or "Technology Partner Manager" among Alliances Partner
// Managers, is not.
func pageWordsName(f *model.Family, name string, plain *roleNames) bool {
	var rest []string
	for _, w := range strings.Fields(name) {
		if strings.IndexFunc(w, unicode.IsLower) < 0 && strings.IndexFunc(w, unicode.IsUpper) >= 0 && utf8.RuneCountInString(w) >= 2 {
			continue // an abbreviation: "L&D", "IT"
		}
		rest = append(rest, w)
	}
	words := plain.words(strings.Join(rest, " "))
	levels := levelsOf(words, plain.level)
	pageWords, pageLevels := map[string]bool{}, map[string]bool{}
	for _, x := range f.Roles {
		for _, w := range plain.words(x.Title) {
			pageWords[w] = true
		}
		for _, w := range levelsOf(plain.words(x.Title), plain.level) {
			pageLevels[w] = true
		}
	}
	if len(levels) > 0 && !allIn(levels, pageLevels) {
		return false
	}
	return allIn(words, pageWords)
}

// trimLeadingLower drops the words before a name that start in lower case
// ("thet Junior Technology Partner Manager", "responsibilities of
// Director"), and a "the" run into the name ("theIT Global Logistics
// Analyst").
func trimLeadingLower(s string) string {
	for s != "" {
		r, _ := utf8.DecodeRuneInString(s)
		if !unicode.IsLower(r) {
			break
		}
		if rest := strings.TrimPrefix(s, "the"); rest != s && rest != "" {
			if r2, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r2) {
				return rest
			}
		}
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return ""
		}
		s = strings.TrimSpace(s[i+1:])
	}
	return s
}

// extensionNameSpan returns where an extension sentence writes a name.
func extensionNameSpan(f *model.Family, e *model.Extension, name string) (model.Span, bool) {
	i := strings.Index(e.Sentence.Text, name)
	if i < 0 {
		return model.Span{}, false
	}
	span := model.Span{Start: e.Sentence.Span.Start + i, End: e.Sentence.Span.Start + i + len(name)}
	if b := blockAt(f, e.Sentence.Span.Start); b != nil {
		if j := strings.Index(b.Text, e.Sentence.Text); j >= 0 {
			span = b.SourceSpan(j+i, j+i+len(name))
		}
	}
	return span, true
}

// shortDescription reports whether an opening sentence's name, followed by
// "role" or "position", has fewer words than the title, every seniority of
// the title among them, all of them the title's as written (no plural
// added or dropped: "Director, Channel Program" for "Director, Channel
// Programs" is a slip), and the role's own prose writes the title as its
// heading does elsewhere (after the name, in the same paragraph or the
// next: "The Data Analyst role ... The Analyst, Online Sales & Self Service
// Data reports to ...").
func shortDescription(f *model.Family, r *model.Role, m roleMention, title string, plain *roleNames) bool {
	nw, tw := rawNameWords(m.name), rawNameWords(title)
	if len(nw) == 0 || len(nw) >= len(tw) || !allIn(nw, setOf(tw)) {
		return false
	}
	// "The Data Analyst role is ...": the name followed by "role"
	src := f.Source.Text
	if m.span.End > len(src) {
		return false
	}
	after := strings.ToLower(strings.TrimLeft(string(src[m.span.End:min(len(src), m.span.End+12)]), " "))
	if !strings.HasPrefix(after, "role") && !strings.HasPrefix(after, "position") {
		return false
	}
	// every seniority of the title kept ("The Brand Manager" under "Senior
	// Brand Manager" names the level below)
	have := setOf(plain.words(m.name))
	for _, w := range plain.words(title) {
		if plain.level[w] && !have[w] {
			return false
		}
	}
	want := strings.ToLower(strings.Join(strings.Fields(title), " "))
	for _, b := range f.Blocks {
		if b.Role != r || b.Kind != model.BlockParagraph || b.Span.End <= m.span.Start {
			continue
		}
		text := strings.ToLower(strings.Join(strings.Fields(b.Text), " "))
		from := 0
		if b.Span.Contains(m.span.Start) {
			// after the name itself
			if i := strings.Index(text, strings.ToLower(strings.Join(strings.Fields(m.name), " "))); i >= 0 {
				from = i + len(m.name)
			}
		}
		if from <= len(text) && strings.Contains(text[from:], want) {
			return true
		}
	}
	return false
}

// rawNameWords returns a name's words as written (lower case, no
// stemming: "Programs" is not "Program"), without a parenthesised
// qualifier, the small joining words and "Intermediate".
func rawNameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(withoutParens(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&'
	}) {
		if !nameJoiners[w] && w != "intermediate" && w != "&" {
			out = append(out, w)
		}
	}
	return out
}

// oddHeading returns the name that the role's text agrees on when its
// heading is the odd one out in a way the tolerances would pass: two or
// more places give one name (typos aside) that adds words to the heading,
// none gives the heading's own, and the words it adds are in the headings
// of the page's other levels ("### Senior Director, Revenue" where the
// opening, grade sentence and section headings say "Senior Director,
// Revenue Accounting", as the Director's and the Manager's headings do).
// "### Senior Analyst" with "Senior Security Analyst" in its text, in a
// family whose headings all leave "Security" out, is the template's short
// heading.
func oddHeading(f *model.Family, r *model.Role, title string, valid []roleMention, names, plain *roleNames) (string, bool) {
	if r.Kind != model.KindLevel || len(valid) < 2 {
		return "", false
	}
	counts := map[string]int{}
	first := map[string]string{}
	tk := nameKey(title)
	for _, m := range valid {
		k := nameKey(m.name)
		if k == tk {
			return "", false // a place agrees with the heading
		}
		counts[k]++
		if _, ok := first[k]; !ok {
			first[k] = m.name
		}
	}
	// the most given name, and each of the others a typo of it or the
	// heading's (tolerated) name
	best := ""
	for k, c := range counts {
		if c > counts[best] || c == counts[best] && k < best {
			best = k
		}
	}
	if counts[best] < 2 {
		return "", false
	}
	ref := first[best]
	for k, c := range counts {
		if k != best && c >= counts[best] {
			return "", false // no one name the text agrees on
		}
	}
	if !names.same(ref, title) {
		return "", false // another name altogether: reportMentions' case
	}
	extra, ok := addedWords(plain.words(ref), plain.words(title))
	if !ok || len(extra) == 0 || allIn(extra, plain.level) {
		return "", false
	}
	others, with := 0, 0
	for _, o := range f.Roles {
		if o == r || o.Kind != model.KindLevel || o.Heading == nil {
			continue
		}
		others++
		if allIn(extra, setOf(plain.words(o.Title))) {
			with++
		}
	}
	if with == 0 || 2*with < others {
		return "", false
	}
	return ref, true
}

// reportOddHeading reports the heading that is the odd one out, and each
// place that gives a misspelt copy of the name the others agree on (against
// that name: it is the fix); it returns the other mismatches left to
// reportMentions.
func reportOddHeading(p *lint.Pass, r *model.Role, title, ref string, valid, found []roleMention, plain *roleNames) []roleMention {
	rk := nameKey(ref)
	var wheres []string
	valid = slices.Clone(valid)
	sort.SliceStable(valid, func(i, j int) bool { return valid[i].span.Start < valid[j].span.Start })
	for _, m := range valid {
		if nameKey(m.name) == rk {
			wheres = append(wheres, m.where)
		}
	}
	wh := joinAnd(dedupeKeep(wheres))
	var spans []model.Span
	for _, m := range valid {
		if nameKey(m.name) == rk {
			spans = append(spans, m.span)
		}
	}
	p.Report(lint.Diagnostic{
		Span:    r.Heading.TextSpan,
		Message: fmt.Sprintf("heading names the role %s, but its %s name it %s", quoted(title), wh, quoted(ref)) + placeLines(p.File, spans),
		Role:    r,
		Subject: "heading: " + rk,
		Diff:    worddiff.Compare(title, ref).String(),
		Places:  otherPlaces(r.Heading.TextSpan, spans),
	})
	var rest []roleMention
	for _, m := range found {
		k := nameKey(m.name)
		switch {
		case k == rk:
			// the heading's finding covers it
		case misspelt(plain, m.name, ref):
			p.Report(lint.Diagnostic{
				Span:    m.span,
				Message: fmt.Sprintf("%s names the role %s, but its %s name it %s", m.where, quoted(m.name), wh, quoted(ref)),
				Role:    r,
				Subject: m.where + ": " + k,
				Diff:    worddiff.Compare(ref, m.name).String(),
				Covers:  gradeSentenceCovers([]string{m.where}),
			})
		default:
			rest = append(rest, m)
		}
	}
	return rest
}

// headingLikeLevels reports whether a heading that the role's text names
// with fewer words is the page's own form: the words the text leaves out
// are in the headings of most of the page's other levels ("### Manager,
// Billing Operations" whose text says "Manager, Billing", among "Billing
// Operations Analyst" and "Senior Billing Operations Analyst"). The text is
// then the odd one out, not the heading: oddHeading's mirror.
func headingLikeLevels(f *model.Family, r *model.Role, title, name string, plain *roleNames) bool {
	if r.Kind != model.KindLevel {
		return false
	}
	left, ok := addedWords(plain.words(title), plain.words(name))
	if !ok || len(left) == 0 || allIn(left, plain.level) {
		return false
	}
	others, with := 0, 0
	for _, o := range f.Roles {
		if o == r || o.Kind != model.KindLevel || o.Heading == nil {
			continue
		}
		others++
		if allIn(left, setOf(plain.words(o.Title))) {
			with++
		}
	}
	return with > 0 && 2*with >= others
}

// misspelt reports whether name is ref with a typo or two: as many words,
// each the same or one edit away.
func misspelt(c *roleNames, name, ref string) bool {
	n, t := c.words(name), c.words(ref)
	return len(n) == len(t) && wordsAmong(n, t) && !slices.Equal(n, t)
}

// reportMentions reports a role's mismatched names, one finding per
// defect: the places that give one other name are one finding, on the
// first of them; when two or more give it and none gives the heading's
// (agree: a place of the role's text names it as its heading does), the
// heading is the odd one out and the finding is on it, unless the words it
// has and the text leaves out are those of the page's other levels'
// headings (headingLikeLevels).
func reportMentions(p *lint.Pass, f *model.Family, r *model.Role, title string, found []roleMention, agree bool, plain *roleNames) {
	sort.SliceStable(found, func(i, j int) bool { return found[i].span.Start < found[j].span.Start })
	groups := map[string][]roleMention{}
	var order []string
	for _, m := range found {
		k := nameKey(m.name)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], m)
	}
	for _, k := range order {
		ms := groups[k]
		m := ms[0]
		other := otherRole(f, r, m.name, plain)
		var wheres []string
		for _, x := range ms {
			wheres = append(wheres, x.where)
		}
		wh := dedupeKeep(wheres)
		verb := "names"
		if len(wh) > 1 {
			verb = "name"
		}
		msg := fmt.Sprintf("%s %s the role %s, but its heading is %s", joinAnd(wh), verb, quoted(m.name), quoted(title))
		span := m.span
		covers := gradeSentenceCovers(wh)
		var spans []model.Span
		for _, x := range ms {
			spans = append(spans, x.span)
		}
		if len(ms) == 1 && m.where == "section heading" && headingNamesTwoSections(title, m.name) && !linkRuleOff(p.Config, "section-name-consistency") {
			covers = append(covers, "section-name-consistency")
		}
		nw, tw := plain.words(m.name), plain.words(title)
		typo := len(nw) == len(tw) && wordsAmong(nw, tw) // a misspelt copy of the heading's name
		if len(ms) >= 2 && len(order) == 1 && other == nil && r.Heading != nil && !typo && !agree && !headingLikeLevels(f, r, title, m.name, plain) {
			// the text agrees with itself: the heading is the odd one out
			msg = fmt.Sprintf("heading names the role %s, but its %s name it %s", quoted(title), joinAnd(dedupeKeep(wheres)), quoted(m.name))
			span = r.Heading.TextSpan
			covers = nil // the heading is to change, not the grade sentence
		}
		switch {
		case other != nil && other.Heading == nil && other.SharesWith == r:
			// "#### Manager, X Job Grade" and the rest written under "###
			// Senior X Analyst": a role without its own heading, not a name
			// to change
			msg = fmt.Sprintf("%s %s the role %s, which has no heading of its own: its sections sit under %s; give it a heading of its own",
				joinAnd(wh), verb, quoted(m.name), quoted(title))
		case other != nil:
			msg += " (another role on this page)"
		case m.where == "opening paragraph":
			msg += " (another level on this page)"
		}
		p.Report(lint.Diagnostic{
			Span:    span,
			Message: msg + placeLines(p.File, spans),
			Role:    r,
			Subject: m.where + ": " + nameKey(m.name),
			Diff:    worddiff.Compare(title, m.name).String(),
			Covers:  covers,
			// the finding stands for every place that gives the name
			Places: otherPlaces(span, spans),
		})
	}
}

// otherPlaces returns the places a finding on span reports besides span
// (a name written in several places of a role: one finding, on the
// first), or nil when there are none.
func otherPlaces(span model.Span, spans []model.Span) []model.Span {
	var out []model.Span
	for _, s := range spans {
		if s != span {
			out = append(out, s)
		}
	}
	return out
}

// placeLines returns " (lines 147 and 151)", the lines of the places a
// finding reports, when they are more than one line; "" otherwise.
func placeLines(f *model.Family, spans []model.Span) string {
	var lines []string
	seen := map[int]bool{}
	sorted := slices.Clone(spans)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	for _, s := range sorted {
		if s.Start < 0 || s.Start > len(f.Source.Text) {
			continue
		}
		if l := f.Source.Position(s.Start).Line; !seen[l] {
			seen[l] = true
			lines = append(lines, fmt.Sprint(l))
		}
	}
	if len(lines) < 2 {
		return ""
	}
	return " (lines " + joinAnd(lines) + ")"
}

// headingNamesTwoSections reports whether a section heading's prefix is the
// role's title followed by words that end in the name of another section
// (model.MatchSection: "Manager, Accounting Responsibilities Accounting"
// before "Requirements"): the heading's name is garbled, which is
// section-name-consistency's defect too. A joined pair ("Responsibilities
// and") is one section written for two, not a garble.
func headingNamesTwoSections(title, prefix string) bool {
	t, pre := strings.Fields(strings.ToLower(title)), strings.Fields(strings.ToLower(prefix))
	if len(pre) <= len(t) || !slices.Equal(pre[:len(t)], t) {
		return false
	}
	rest := pre[len(t):]
	named := false
	for i, w := range rest {
		switch strings.Trim(w, ",:;.") {
		case "and", "&", "/", "or", "+":
			return false
		}
		if _, _, _, ok := model.MatchSection(strings.Join(rest[:i+1], " ")); ok {
			named = true
		}
	}
	return named
}

// gradeSentenceCovers says that a finding whose places include the grade
// sentence is grade-title-mismatch's defect too: the grade sentence does
// not name the role as its heading does (that rule leaves such a name to
// this one; one defect, one finding).
func gradeSentenceCovers(wheres []string) []string {
	if slices.Contains(wheres, "grade sentence") {
		return []string{"grade-title-mismatch"}
	}
	return nil
}

// dedupeKeep drops repeated strings, keeping the order.
func dedupeKeep(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// sameRoleOtherwise reports whether a name that differs from the title
// still names the same role: the same seniority words ("Senior Manager"),
// and one's words all among the other's (a typo aside), in any order. A
// grade sentence that names another role is grade-title-mismatch's to
// report.
func sameRoleOtherwise(c *roleNames, name, title string) bool {
	n := c.words(name)
	for _, t := range [][]string{c.words(title), c.words(withoutParens(title))} {
		if !sameWordSet(dedupe(levelsOf(n, c.level)), dedupe(levelsOf(t, c.level))) {
			continue
		}
		if wordsAmong(n, t) || wordsAmong(t, n) {
			return true
		}
	}
	return false
}

func dedupe(words []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// wordsAmong reports whether every word of a has an equal or a one-typo
// look-alike among b.
func wordsAmong(a, b []string) bool {
	for _, w := range a {
		found := false
		for _, v := range b {
			if w == v || len(w) >= 4 && len(v) >= 4 && prose.WithinEdits(w, v, 1) {
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

// otherRole returns the role of the page, other than r, that name names.
func otherRole(f *model.Family, r *model.Role, name string, names *roleNames) *model.Role {
	for _, o := range f.Roles {
		if o != r && o.Title != "" && names.exact(name, cleanRoleTitle(o.Title)) {
			return o
		}
	}
	return nil
}

// roleMentions returns the names a role's own text gives it.
func roleMentions(f *model.Family, r *model.Role) []roleMention {
	var out []roleMention
	var gradeSentence model.Span
	if g := r.Grade; g != nil && g.Subject != "" && !g.InTable && g.SubjectSpan.Valid() && r.Span.Contains(g.SubjectSpan.Start) {
		name := strings.TrimSpace(g.Subject)
		if low := strings.ToLower(name); strings.HasPrefix(low, "the ") {
			name = name[4:]
		}
		if n, ok := leadingRoleName(name); ok {
			out = append(out, roleMention{"grade sentence", n, g.SubjectSpan, subjectUnitRE.MatchString(name)})
		}
		if g.Sentence != nil {
			gradeSentence = g.Sentence.Span
		}
	}
	for _, s := range []struct {
		where string
		sent  *model.Sentence
	}{{"opening sentence", r.Intro}, {"reports-to sentence", r.ReportsTo}} {
		if s.sent == nil || gradeSentence.Contains(s.sent.Span.Start) {
			continue // the grade sentence opens the role: one mention
		}
		if name, span, ok := theName(f, s.sent); ok {
			out = append(out, roleMention{s.where, name, span, false})
		}
	}
	// "The Director, Channel Program will be responsible for ...": the
	// sentence that opens the role's responsibilities names it too
	// (so does the one that opens its requirements, when it names the role
	// as its subject: "Senior Accounting and External Reporting Manager
	// share the same requirements as listed above")
	for _, kind := range []model.SectionKind{model.SecResponsibilities, model.SecRequirements} {
		for _, sec := range r.Sections {
			if sec.Kind != kind || len(sec.Paragraphs) == 0 {
				continue
			}
			b := sec.Paragraphs[0]
			if len(sec.Bullets) > 0 && sec.Bullets[0].Span.Start < b.Span.Start {
				continue
			}
			at := 0
			if strings.HasPrefix(b.Text, "The ") {
				at = 4
			}
			if name, ok := leadingRoleName(b.Text[at:]); ok && (at > 0 || subjectName(b.Text, name)) {
				out = append(out, roleMention{string(kind) + "' opening sentence", name, b.SourceSpan(at, at+len(name)), false})
			}
			break
		}
	}
	for _, sec := range r.Sections {
		if sec.Prefix == "" || !sec.PrefixSpan.Valid() {
			continue
		}
		prefix := sec.Prefix
		// "Associate Solutions Architect Responsibilities & Requirements":
		// two section names, one role name
		if t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(prefix), "&"), " and")); t != prefix {
			if k, _, pre, ok := model.MatchSection(t); ok && k.IsRoleSection() {
				prefix = pre
			}
		}
		if prefix != "" {
			out = append(out, roleMention{"section heading", prefix, model.Span{Start: sec.PrefixSpan.Start, End: sec.PrefixSpan.Start + len(prefix)}, false})
		}
	}
	return out
}

// introLevelMentions returns the levels alone that open the later
// sentences of the role's opening paragraph ("The Senior Director, Billing
// & Collections position provides ... The Director is responsible for
// ..."), when the level is not the heading's and another role of the page
// is titled at that level: a sentence left from the role the text was
// copied from.
func introLevelMentions(f *model.Family, r *model.Role, title string, plain *roleNames) []roleMention {
	if r.Intro == nil {
		return nil
	}
	b := blockAt(f, r.Intro.Span.Start)
	if b == nil || b.Section != nil && b.Section.Role != r || !r.Span.Contains(b.Span.Start) {
		return nil
	}
	own := setOf(levelsOf(plain.words(title), plain.level))
	var out []roleMention
	for i, ss := range model.Sentences(b.Text) {
		t := b.Text[ss[0]:ss[1]]
		lead := len(t) - len(strings.TrimLeft(t, " \n"))
		t = t[lead:]
		if i == 0 || !strings.HasPrefix(t, "The ") {
			continue
		}
		name, ok := leadingRoleName(t[4:])
		if !ok || !ownDutyRE.MatchString(t[4+len(name):]) {
			continue
		}
		words := plain.words(name)
		if len(words) == 0 || !allIn(words, plain.level) || sameWordSet(words, levelsOf(plain.words(title), plain.level)) {
			continue
		}
		// "The Manager ..." under "Senior Manager, X": a level of the page
		named := false
		for _, o := range f.Roles {
			if o != r && o.Kind == model.KindLevel && o.Title != "" && sameWordSet(levelsOf(plain.words(cleanRoleTitle(o.Title)), plain.level), words) {
				named = true
				break
			}
		}
		if !named || allIn(words, own) && len(words) == len(own) {
			continue
		}
		at := ss[0] + lead + 4
		out = append(out, roleMention{"opening paragraph", name, b.SourceSpan(at, at+len(name)), false})
	}
	return out
}

// ownDutyRE reads the predicate by which a sentence describes the role it
// opens with as the role of the section ("The Director is responsible for
// ..."), not another holder it works with ("The Director approves ...").
var ownDutyRE = regexp.MustCompile(`^\s+(?:(?:is|will\s+be)\s+(?:responsible|accountable)\b|(?:reports|will\s+report)\s+(?:directly\s+)?to\b|(?:plays|serves\s+as)\b)`)

var nextStepRE = regexp.MustCompile(`(?i)^the\s+next\s+steps?\s+(?:for|of)\s+(?:the\s+|an?\s+)?`)

// careerLadderMentions returns the role names that open the sentences of
// the role's own Career Ladder section ("The next step for the Senior
// Sourcer is ..."): the role whose next step the sentence gives.
func careerLadderMentions(r *model.Role) []roleMention {
	var out []roleMention
	for _, sec := range r.Sections {
		if sec.Kind != model.SecCareerLadder || sec.Role != r {
			continue
		}
		for _, b := range sec.Paragraphs {
			loc := nextStepRE.FindStringIndex(b.Text)
			if loc == nil {
				continue
			}
			if name, ok := leadingRoleName(b.Text[loc[1]:]); ok && model.JobTitleLike(name) {
				out = append(out, roleMention{"career ladder sentence", name, b.SourceSpan(loc[1], loc[1]+len(name)), false})
			}
		}
	}
	return out
}

// subjectVerbs are the verbs a role's name opens a sentence with, as its
// subject, when the sentence writes it without "The" ("Senior Accounting
// and External Reporting Manager shares the same responsibilities as
// listed above").
var subjectVerbs = map[string]bool{"shares": true, "share": true, "has": true, "have": true, "is": true, "are": true,
	"will": true, "carries": true, "carry": true, "takes": true, "includes": true, "owns": true}

// subjectName reports whether a paragraph that opens with name, without
// "The", reads it as the sentence's subject: a job title of two words or
// more, a verb right after it.
func subjectName(text, name string) bool {
	if len(strings.Fields(name)) < 2 || !model.JobTitleLike(name) || !strings.HasPrefix(text, name) {
		return false
	}
	next := strings.Fields(text[len(name):])
	return len(next) > 0 && subjectVerbs[next[0]]
}

// trailingSections finds the family-level section headings that name a
// role right after its text ("### Staff Team Member Relations Career
// Ladder" after the Staff level's requirements, at the depth of its
// heading, so outside it): each is a mention of that role's name, unless it
// names a role of the page or the family exactly (then it is another
// role's or the family's section).
func trailingSections(f *model.Family, plain *roleNames) map[*model.Role][]roleMention {
	out := map[*model.Role][]roleMention{}
	hs := f.Headings
	for _, sec := range f.Sections {
		if sec.Prefix == "" || !sec.PrefixSpan.Valid() || sec.Heading == nil || !sec.Kind.IsRoleSection() && sec.Kind != model.SecCareerLadder && sec.Kind != model.SecHiringProcess {
			continue
		}
		i := sort.Search(len(hs), func(i int) bool { return hs[i].Span.Start >= sec.Heading.Span.Start })
		if i == 0 {
			continue
		}
		r := f.RoleAt(hs[i-1].Span.Start)
		if r == nil || r.Heading == nil || hs[i-1].Span.Start < r.Heading.Span.Start {
			continue
		}
		named := plain.exact(sec.Prefix, f.Title)
		for _, x := range f.Roles {
			if named || plain.exact(sec.Prefix, x.Title) {
				named = true
				break
			}
		}
		if named {
			continue
		}
		out[r] = append(out[r], roleMention{"section heading", sec.Prefix, model.Span{Start: sec.PrefixSpan.Start, End: sec.PrefixSpan.Start + len(sec.Prefix)}, false})
	}
	return out
}

// theName reads the role name a sentence opens with: "The <name> reports
// to ...". It returns the name, its source span and whether there is one.
func theName(f *model.Family, s *model.Sentence) (string, model.Span, bool) {
	if !strings.HasPrefix(s.Text, "The ") {
		return "", model.Span{}, false
	}
	name, ok := leadingRoleName(s.Text[4:])
	if !ok {
		return "", model.Span{}, false
	}
	span := model.Span{Start: s.Span.Start + 4, End: s.Span.Start + 4 + len(name)}
	if b := blockAt(f, s.Span.Start); b != nil {
		if i := strings.Index(b.Text, s.Text); i >= 0 {
			span = b.SourceSpan(i+4, i+4+len(name))
		}
	}
	return name, span, true
}

// blockAt returns the prose block whose span holds offset off: the first
// of the page's blocks in order. When the blocks' spans follow one another
// without overlap (blocksInOrder, asked once a page), at most one holds
// off, found by halves: grade-format asks it of every grade, and a page of
// 20,000 graded levels has 40,000 blocks.
func blockAt(f *model.Family, off int) *model.Block {
	if len(f.Blocks) > 16 && f.Memo(blocksInOrderKey{}, func() any { return blocksInOrder(f.Blocks) }).(bool) {
		// the last block starting at or before off is the only one that
		// may hold it
		i := sort.Search(len(f.Blocks), func(i int) bool { return f.Blocks[i].Span.Start > off }) - 1
		if i >= 0 && f.Blocks[i].Span.Contains(off) {
			return f.Blocks[i]
		}
		return nil
	}
	for _, b := range f.Blocks {
		if b.Span.Contains(off) {
			return b
		}
	}
	return nil
}

type blocksInOrderKey struct{}

// blocksInOrder reports whether each block's span starts where the one
// before it ended or after, and none ends before it starts.
func blocksInOrder(blocks []*model.Block) bool {
	for i, b := range blocks {
		if b.Span.Start < 0 || b.Span.End < b.Span.Start || i > 0 && blocks[i-1].Span.End > b.Span.Start {
			return false
		}
	}
	return true
}

// nameJoiners may sit inside a role name in lower case ("Chief of Staff to
// the CEO", "Software Engineer in Test").
var nameJoiners = map[string]bool{"of": true, "and": true, "for": true, "to": true, "the": true, "in": true}

// leadingRoleName reads a role name from the start of text: capitalised
// words and the joiners between them, up to the first other word ("The
// Senior Accountant reports to ..."), a capitalised "Reports to", "in the"
// ("Engineering Manager in the Engineering Division") or punctuation other
// than commas, dashes, slashes and a parenthesised qualifier.
func leadingRoleName(text string) (string, bool) {
	words := wordsIn(text, true)
	end := 0
	for i, w := range words {
		if w.Start < end {
			continue // inside a parenthesised qualifier already taken
		}
		if i > 0 {
			gap := text[words[i-1].End:w.Start]
			if strings.TrimSpace(strings.Trim(gap, " ,&/()–—-")) != "" {
				break // a full stop, a colon, a code span: the name ended
			}
		}
		lw := strings.ToLower(w.Text)
		next := ""
		if i+1 < len(words) {
			next = strings.ToLower(words[i+1].Text)
		}
		if lw == "in" && next == "the" {
			break
		}
		if (lw == "reports" || lw == "report" || lw == "reporting") && (next == "to" || next == "into" || next == "directly" || next == "in") {
			break // "The Manager, Billing Reports to ..."
		}
		r := []rune(w.Text)[0]
		if nameJoiners[lw] && !unicode.IsUpper(r) {
			continue
		}
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			break
		}
		end = w.End
		// a parenthesised qualifier right after the word belongs to the name
		rest := text[end:]
		if lead := len(rest) - len(strings.TrimLeft(rest, " ")); strings.HasPrefix(rest[lead:], "(") {
			if j := strings.IndexByte(rest, ')'); j > lead && !strings.ContainsAny(rest[lead:j], ".:") {
				end += j + 1
			}
		}
	}
	name := strings.TrimSpace(text[:end])
	return name, name != ""
}

// readsLikeRoleName reports whether a name is worth comparing: a job title,
// or a level alone, of at most twelve words, not a template placeholder.
func readsLikeRoleName(name string, levelWords map[string]bool) bool {
	if name == "" || strings.ContainsAny(name, "{}") || genericRoleWord(name) {
		return false
	}
	words := strings.Fields(model.NormalizeTitle(name))
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	if model.JobTitleLike(name) {
		return true
	}
	for _, w := range words {
		if !levelWords[w] {
			return false
		}
	}
	return true
}

func genericRoleWord(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "role", "position", "job", "level", "this role", "this position", "the role", "the position":
		return true
	}
	return false
}

var rolesAtRE = regexp.MustCompile(`(?i)\s+roles?\b.*$`)

// cleanRoleTitle trims a heading text to the title it gives: without a
// final colon or a trailing "Roles at GitLab".
func cleanRoleTitle(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ":"))
	if !model.ContainsFold(s, "role") {
		// rolesAtRE cannot match ("role" in ASCII letters, any case): the
		// title is s itself, not a copy of it (20,000 held on a page of
		// as many graded headings)
		return s
	}
	return strings.TrimSpace(rolesAtRE.ReplaceAllString(s, ""))
}

var acronymRE = regexp.MustCompile(`\(([A-Z]{2,6})s?\)`)

// pageAcronyms returns the acronyms the page defines, in its titles or its
// prose ("Customer Success Manager (CSM)", "Product Marketing Managers
// (PMMs)"), as lower-case acronym -> the words it stands for.
func pageAcronyms(f *model.Family) map[string]string {
	out := map[string]string{}
	titles := []string{f.Title}
	for _, r := range f.Roles {
		titles = append(titles, r.Title)
	}
	// and the prose: "our Product Marketing Managers (PMMs) ..."
	for _, b := range f.Blocks {
		if strings.IndexByte(b.Text, '(') >= 0 && acronymRE.MatchString(b.Text) {
			titles = append(titles, b.Text)
		}
	}
	for _, t := range titles {
		for _, m := range acronymRE.FindAllStringSubmatchIndex(t, -1) {
			acr := t[m[2]:m[3]]
			before := strings.Fields(model.NormalizeTitle(t[:m[0]]))
			if len(before) < len(acr) {
				continue
			}
			words := before[len(before)-len(acr):]
			ok := true
			for i, w := range words {
				if w[0] != strings.ToLower(acr)[i] {
					ok = false
					break
				}
			}
			if ok {
				out[strings.ToLower(acr)] = strings.Join(words, " ")
			}
		}
	}
	return out
}

// nameKey folds a role name for comparison.
func nameKey(s string) string { return model.NormalizeTitle(s) }

// trackWords returns the seniority words of the config's tracks: its
// one-word keywords ("senior", "staff", "manager", "director", "vp"). The
// words of longer keywords count only when each is such a keyword itself:
// "Engineering Manager" does not make "engineering" a seniority word.
func trackWords(cfg *lint.Config) map[string]bool {
	out := map[string]bool{}
	if cfg == nil {
		return out
	}
	for _, t := range cfg.Grades.Tracks {
		for _, step := range t.Steps {
			for _, k := range step {
				words := strings.Fields(model.NormalizeTitle(strings.TrimPrefix(k, "^")))
				if len(words) == 1 {
					out[words[0]] = true
				}
			}
		}
	}
	return out
}

// roleNames compares the names a role's text gives it with its title,
// with the tolerances the rule documents.
type roleNames struct {
	level     map[string]bool // stems of the tracks' seniority keywords
	extra     map[string]bool // stems a name may add: the family's and the base role's words
	specialty bool            // a specialty or segment: a name may add a level ("Senior Anti-Abuse Analyst")
	ignore    map[string]bool // words dropped before comparing ("GitLab")
	acronyms  map[string]string
	memo      map[string][]string // words of the texts compared so far (a page's few titles and names); read only
}

// same reports whether name names the role titled title.
func (c *roleNames) same(name, title string) bool {
	if c.pluralInside(name, title) {
		return false
	}
	names := [][]string{c.words(name)}
	// the name's own qualifier may be left aside ("Manager, Channel Sales
	// (people manager)"), unless the title has another one: "Customer
	// Success Manager (Public Sector)" does not name "... (Federal)"
	if q := parenWords(c, name); len(q) > 0 && (len(parenWords(c, title)) == 0 || allIn(q, setOf(c.words(title)))) {
		names = append(names, c.words(withoutParens(name)))
	}
	titles := [][]string{c.words(title), c.words(withoutParens(title))}
	for _, n := range names {
		for len(n) > 0 && (n[len(n)-1] == "role" || n[len(n)-1] == "position") {
			n = n[:len(n)-1]
		}
		for ti, t := range titles {
			if slices.Equal(n, t) || ti == 0 && strings.ContainsAny(title+name, "(") && sameWordSet(n, t) && qualifierMoved(c, name, title, n, t) {
				return true
			}
			// several levels named at once ("Manager and Senior Manager
			// Requirements"), among them the title's
			if len(n) > 0 && allIn(n, c.level) {
				if lv := levelsOf(t, c.level); len(lv) > 0 && allIn(lv, setOf(n)) {
					return true
				}
			}
			// the level alone, for a title that starts with it; a level-only
			// title, for a name that starts with it
			if len(n) < len(t) && hasWordPrefix(t, n) && allIn(n, c.level) || len(t) < len(n) && hasWordPrefix(n, t) && allIn(t, c.level) {
				return true
			}
			// a short heading ("### Senior Analyst") and a name that adds the
			// family's words ("Senior Security Analyst")
			if extra, ok := addedWords(n, t); ok && len(extra) > 0 {
				fits := true
				for _, w := range extra {
					if !c.extra[w] && !(c.specialty && c.level[w]) {
						fits = false
						break
					}
				}
				if fits {
					return true
				}
			}
		}
	}
	return false
}

// commaDepartmentGrows reports whether a title names a department after a
// comma and the name writes that department longer ("Manager, Brand
// Strategy and Growth" for "Manager, Brand Strategy"): the family's words a
// name may add fill in a short heading ("Senior Security Analyst" for "###
// Senior Analyst"), not another department's name.
func commaDepartmentGrows(name, title string) bool {
	ti, ni := strings.Index(withoutParens(title), ","), strings.Index(withoutParens(name), ",")
	if ti < 0 || ni < 0 {
		return false
	}
	td := strings.Fields(model.NormalizeTitle(withoutParens(title)[ti+1:]))
	nd := strings.Fields(model.NormalizeTitle(withoutParens(name)[ni+1:]))
	return len(nd) > len(td) && hasWordPrefix(nd, td)
}

// qualifierMoved reports whether two names of the same words differ only
// by where a parenthesised qualifier stands ("Senior Customer Success
// Operations Analyst" for "Customer Success Operations Analyst (Senior)"):
// the other words keep their order. "Program Manager, Learning &
// Development (Intermediate)" for "Intermediate Learning & Development
// Program Manager" reorders the title itself.
func qualifierMoved(c *roleNames, name, title string, n, t []string) bool {
	q := setOf(append(parenWords(c, name), parenWords(c, title)...))
	rest := func(ws []string) []string {
		var out []string
		for _, w := range ws {
			if !q[w] {
				out = append(out, w)
			}
		}
		return out
	}
	return slices.Equal(rest(n), rest(t))
}

// pluralInside reports whether name and title are the same words but for
// one inside the name that only one of them writes with a plural "s"
// ("Business System Analyst" for "Business Systems Analyst"): stemming
// folds them, but inside a title the "s" is part of the name. The last
// word may differ so ("Specialists": the role's members), unless both
// names put a department after a comma ("Director, Channel Program" for
// "Director, Channel Programs").
func (c *roleNames) pluralInside(name, title string) bool {
	plain := func(s string) []string {
		var out []string
		for _, w := range strings.Fields(model.NormalizeTitle(withoutParens(s))) {
			if !nameJoiners[w] && w != "a" && w != "an" && w != "intermediate" && !c.ignore[w] {
				out = append(out, w)
			}
		}
		return out
	}
	n, t := plain(name), plain(title)
	if len(n) != len(t) || len(n) < 2 {
		return false
	}
	// "Director, Channel Programs": after the comma is a department's
	// name, and its last word is inside the title too
	departmentLast := strings.Contains(withoutParens(title), ",") && strings.Contains(withoutParens(name), ",")
	diff := false
	for i := range n {
		if n[i] == t[i] {
			continue
		}
		if i == len(n)-1 && !departmentLast || (n[i]+"s" != t[i] && t[i]+"s" != n[i]) {
			return false
		}
		diff = true
	}
	return diff
}

// exact reports whether name and title are the same words, the title's
// parenthesised qualifier aside: the test for "names another role". A
// qualifier the name gives ("Area Sales Manager (Federal)") must be matched.
func (c *roleNames) exact(name, title string) bool {
	n := c.words(name)
	return slices.Equal(n, c.words(title)) || slices.Equal(n, c.words(withoutParens(title)))
}

// words returns a name's comparable words: normalized, stemmed, without
// joiners, "intermediate" and ignored words.
func (c *roleNames) words(s string) []string {
	if ws, ok := c.memo[s]; ok {
		return ws
	}
	if c.memo == nil {
		c.memo = map[string][]string{}
	}
	out := c.wordsOf(s)
	c.memo[s] = out
	return out
}

func (c *roleNames) wordsOf(s string) []string {
	var out []string
	for _, w := range strings.Fields(model.NormalizeTitle(s)) {
		switch w {
		case "sr":
			w = "senior"
		case "jr":
			w = "junior"
		}
		if nameJoiners[w] || w == "a" || w == "an" || w == "intermediate" || c.ignore[w] {
			continue
		}
		if exp, ok := c.acronyms[strings.TrimSuffix(w, "s")]; ok {
			for _, e := range strings.Fields(exp) {
				out = append(out, prose.Stem(e))
			}
			continue
		}
		out = append(out, prose.Stem(w))
	}
	return out
}

// parenWords returns the words of a text's parenthesised qualifiers.
func parenWords(c *roleNames, s string) []string {
	var out []string
	for _, m := range parenRE.FindAllStringSubmatch(s, -1) {
		out = append(out, c.words(m[1])...)
	}
	return out
}

func levelsOf(words []string, level map[string]bool) []string {
	var out []string
	for _, w := range words {
		if level[w] {
			out = append(out, w)
		}
	}
	return out
}

func setOf(words []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		out[w] = true
	}
	return out
}

// addedWords returns the words of n that are not in t when t's words all
// appear in n, in order.
func addedWords(n, t []string) ([]string, bool) {
	var extra []string
	j := 0
	for _, w := range n {
		if j < len(t) && w == t[j] {
			j++
			continue
		}
		extra = append(extra, w)
	}
	return extra, j == len(t)
}

func stemSet(c *roleNames, texts ...string) map[string]bool {
	out := map[string]bool{}
	for _, t := range texts {
		for _, w := range c.words(t) {
			out[w] = true
		}
	}
	return out
}

// withoutParens returns s without its parenthesised parts, invalid bytes
// written as U+FFFD: s itself when it opens no parenthesis and is valid
// UTF-8 (most titles; a copy of each was the rule's largest allocation).
func withoutParens(s string) string {
	if strings.IndexByte(s, '(') < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func sameWordSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	for _, w := range b {
		count[w]--
		if count[w] < 0 {
			return false
		}
	}
	return true
}

func hasWordPrefix(s, prefix []string) bool {
	return len(prefix) <= len(s) && slices.Equal(s[:len(prefix)], prefix)
}

func allIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if !set[w] {
			return false
		}
	}
	return true
}

// groupWordsIn reports whether the words of a plural group before its
// last one are all the title's ("Support Managers" in "Manager,
// Support"): a group of the role's people, not a misnamed role ("Internal
// Reporting Accountants" under "International Reporting").
func groupWordsIn(c *roleNames, name, title string) bool {
	ws := c.words(withoutParens(name))
	if len(ws) == 0 {
		return true
	}
	return allIn(ws[:len(ws)-1], setOf(c.words(title)))
}

// namesSection reports whether a name holds the name of a section ("The
// Responsibilities, Requirements, and Additional Skills for Public Sector
// Engineers"): a description of the role's text, not a role name.
func namesSection(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == ',' }) {
		if k, _, _, ok := model.MatchSection(w); ok && (k == model.SecResponsibilities || k == model.SecRequirements) {
			return true
		}
	}
	return false
}

// pluralGroup reports whether a name ends in a plural noun where the title
// does not: "Internal Reporting Accountants" describes people in the role,
// it is not the role's name.
func pluralGroup(name, title string) bool {
	last := func(s string) string {
		// "Program Manager, Channel Programs": the role's noun comes
		// before the comma, the department's name after it
		s, _, _ = strings.Cut(withoutParens(s), ",")
		ws := strings.Fields(model.NormalizeTitle(s))
		if len(ws) == 0 {
			return ""
		}
		return ws[len(ws)-1]
	}
	n, t := last(name), last(title)
	return n != "" && model.Singular(n) != n && model.Singular(t) == t
}

// commaWords returns the words of a name as commaDropped compares them:
// normalized, in their order, joiners kept ("Director of Sales Systems" is
// no dropped comma), "Sr." and "&" written out; the ignored words, a leading
// "the", the title's parenthesised qualifier, a trailing "role" and a joiner
// an ignored word leaves at the end ("The Senior Director Sales Systems for
// GitLab is ...") left out.
func (c *roleNames) commaWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(model.NormalizeTitle(strings.ReplaceAll(withoutParens(s), "&", " and "))) {
		switch {
		case c.ignore[w]:
			continue
		case w == "sr":
			w = "senior"
		case w == "jr":
			w = "junior"
		}
		out = append(out, w)
	}
	if len(out) > 0 && out[0] == "the" {
		out = out[1:]
	}
	for len(out) > 0 && (out[len(out)-1] == "role" || out[len(out)-1] == "position" || nameJoiners[out[len(out)-1]]) {
		out = out[:len(out)-1]
	}
	return out
}

// commaDropped reports whether a name is the title without the comma that
// puts its department after the role ("The Director People Business Partner
// is a grade 10" under "Director, People Business Partner"): it reads as
// another title. A section heading written so is section-name-consistency's
// (the role's name without the comma of its heading), not this rule's.
func (c *roleNames) commaDropped(name, title string) bool {
	t := withoutParens(title)
	i := strings.IndexByte(t, ',')
	if i < 0 || strings.Contains(withoutParens(name), ",") {
		return false
	}
	return slices.Equal(c.commaWords(t[:i]+" "+t[i+1:]), c.commaWords(name))
}
