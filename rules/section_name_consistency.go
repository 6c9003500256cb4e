package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

type sectionNameConsistencyOptions struct {
	MinMajority int      `yaml:"min_majority"`
	Check       []string `yaml:"check"`
}

var sectionNameConsistencyRule = &lint.Rule{
	ID:       "section-name-consistency",
	Title:    "the same section named or marked up differently across the roles of a family",
	Category: lint.Wording,
	Severity: lint.Info,
	Doc: lint.Doc{
		Description: "Within a family, each kind of role section (Job Grade, Responsibilities, Requirements, " +
			"Nice-to-haves, Performance Indicators) should look the same in every role: the same name " +
			"(\"Requirements\", not \"Qualifications\" in one role; typos such as \"Responsibilites\" show up here " +
			"too), the same markup (a heading, not a bold paragraph in one role) and the same role-name prefix " +
			"(\"#### Senior Accountant Requirements\" in every role, or bare \"#### Requirements\" in every role). " +
			"For each of these three aspects the form most roles use wins; a section written otherwise is reported " +
			"when at least `min_majority` roles use the winning form and at least twice as many as use the variant " +
			"(a family split four to three has no usual form). The role-name prefix is compared among headings " +
			"only: each of the handbook's two templates is fine, but a role that prefixes some of its Job Grade, Responsibilities and " +
			"Requirements headings with its name and not others is reported (\"#### Job Grade\" next to \"#### Senior Analyst Responsibilities\"; " +
			"a role beside it whose headings are all bare follows the other template and does not make the bare one the family's way, " +
			"while the same mix in every role is), " +
			"and so is a role whose headings are all written the other way than those of the other roles at its heading's depth, where " +
			"at least three roles (and `min_majority`), and twice as many as write them its way, use the other form (\"#### Job Grade\" under \"### Manager, Analysis\" " +
			"after three levels with \"#### Senior Analyst Job Grade\"; engineers and as many managers, each in one template, have no usual form). A section " +
			"name in lower case where the family's other section headings, three or more, are capitalised is " +
			"reported too (alone or after the role's name; not after a word that qualifies it, \"Individual responsibility\", a heading in sentence case), and so is a later word of the template's name in lower case (\"## Performance indicators\") on a page " +
			"whose other headings of two words or more, three or more, are all in title case (\"## Hiring process\" too; a heading of more than six " +
			"words is a sentence and counts for neither side); the same name in lower case under every level is one finding, naming its places. A bold label inside a section of the same kind (\"**Team responsibilities**\" under " +
			"\"### Responsibilities\") is not a section of its own. A section introduced by a plain paragraph holding only its name " +
			"(\"Responsibilities\" on a line of its own) is reported when `min_majority` roles give it a heading, and a Job Grade, " +
			"Responsibilities or Requirements heading written above its role's heading (\"## Requirements\" after \"### Analyst\", " +
			"which reads as the family's) when every other role has that section as a heading of its own. Depths are compared " +
			"only when fewer roles mix depths than agree on one; a role whose sections all sit at another depth below its heading " +
			"than most roles' is one finding, at its heading, naming its sections' lines. A bullet holding only a section's name inside another " +
			"section (\"- Performance Indicators\" among the Requirements), or only its name after its role's (\"- Manager, " +
			"Treasury Requirements\"), is reported where the page gives that section a heading; a bold bullet or one with a nested list under it labels a group and is left alone. A synonym that hides " +
			"the template's section (\"Key duties\", \"Individual Responsibilities\" where the other roles write " +
			"\"Responsibilities\") is a name variant, after a qualifier or the role's name written otherwise too (\"Additional " +
			"Key Duties\", \"Staff Technical Manager Key Duties\" in the role \"Staff Technical Program Manager\"). A section heading at its role's own heading depth (\"### Nice-to-haves\" " +
			"after \"### Director\") in a role whose other sections are headings one level below it reads as a heading of its own " +
			"and is reported, whatever the other roles do, unless two or more roles put that section at their depth and none " +
			"below it (the family's way); so is a Job Grade, Responsibilities or Requirements heading at the role's depth after the role's " +
			"own section a level below it (\"## Responsibilities\" after \"## Analyst\" and its \"### Job Grade\"), which the outline gives " +
			"to the family, where another role of the family has that section too (one written once may be the family's; on a page of one role it is the role's, whose sections are then at two depths); an unnamed \"### Performance Indicators\" after the last level is the family's when no " +
			"role has indicators of its own and the family no other list, and is reported inside \"## Levels\" (it reads as a " +
			"level: make it a ## heading after the levels). A role heading that repeats the heading above it and holds the grade sentence " +
			"(\"## Intermediate Analyst\", then \"### Intermediate Analyst\") is the Job Grade section named for the role, " +
			"reported where `min_majority` other roles have a Job Grade heading; one that repeats the heading above it over a list " +
			"followed by the role's Requirements, where neither has a Responsibilities section (\"### Manager, Analysts\", then " +
			"\"#### Manager, Analysts\"), is the Responsibilities section named for the role, reported where `min_majority` other " +
			"roles have a Responsibilities heading. A role whose section headings are at two depths, " +
			"one followed by the next a level deeper (\"### Senior Analyst Job Grade\", then \"#### Senior Analyst Responsibilities\"), " +
			"nests the later sections under the earlier one where the template's are siblings, and is reported once when " +
			"`min_majority` other roles, and more than mix depths, keep their sections at one depth, at the heading whose depth " +
			"differs from theirs (Nice-to-haves a level below the Requirements are nice-to-have requirements and left alone). " +
			"A heading that runs the role's name into the section's name (\"#### Accounts Receivable AnalystJob Grade\") is reported " +
			"with the space put back, and so is one whose prefix writes the role's title without the comma of its heading " +
			"(\"#### Senior Manager Billing Responsibilities\" under \"### Senior Manager, Billing\").",
		Bad: "---\ntitle: Accountant\n---\n\n## Accountant\n\n### Accountant Responsibilities\n\n- Close the books\n\n" +
			"### Accountant Requirements\n\n- Attention to detail\n\n## Senior Accountant\n\n### Senior Accountant Responsibilities\n\n" +
			"- Review the close\n\n### Senior Accountant Requirements\n\n- Experience with audits\n\n## Manager, Accounting\n\n" +
			"### Manager, Accounting Responsibilities\n\n- Lead the team\n\n**Qualifications**\n\n- People management\n",
		Good: "---\ntitle: Accountant\n---\n\n## Accountant\n\n### Accountant Responsibilities\n\n- Close the books\n\n" +
			"### Accountant Requirements\n\n- Attention to detail\n\n## Senior Accountant\n\n### Senior Accountant Responsibilities\n\n" +
			"- Review the close\n\n### Senior Accountant Requirements\n\n- Experience with audits\n\n## Manager, Accounting\n\n" +
			"### Manager, Accounting Responsibilities\n\n- Lead the team\n\n### Manager, Accounting Requirements\n\n- People management\n",
		Options: []lint.OptionDoc{
			{Name: "min_majority", Default: "2", Text: "how many roles must share a form for a different one to be reported"},
			{Name: "check", Default: "[name, punctuation, depth, case, markup, prefix]", Text: "the aspects compared: `name`, `punctuation` after it, `depth` below the role's heading, `case` of its first letter (or of a later word, on a page in title case), `markup` (heading or bold paragraph), `prefix` (role name before the section name)"},
		},
	},
	Options: func() any {
		return &sectionNameConsistencyOptions{MinMajority: 2, Check: []string{"name", "punctuation", "depth", "case", "markup", "prefix"}}
	},
	Validate: func(o any) error {
		opts := o.(*sectionNameConsistencyOptions)
		if opts.MinMajority < 1 {
			return fmt.Errorf("min_majority must be at least 1")
		}
		for _, c := range opts.Check {
			if c != "name" && c != "punctuation" && c != "depth" && c != "case" && c != "markup" && c != "prefix" {
				return fmt.Errorf("check: %q is not name, punctuation, depth, case, markup or prefix", c)
			}
		}
		return nil
	},
	Check: checkSectionNameConsistency,
}

func init() { lint.Register(sectionNameConsistencyRule) }

// sectionAspect reads one aspect of a section's form.
type sectionAspect struct {
	name string
	read func(*model.Section) string
	// describe says how a form is written, for messages
	describe func(string) string
}

var sectionAspects = []sectionAspect{
	{"name", func(s *model.Section) string { return sectionNameKey(sectionFullName(s)) }, func(v string) string { return "named " + quoted(v) }},
	{"punctuation", func(s *model.Section) string {
		if s.Heading != nil {
			return sectionTrailing(s.Heading.Text)
		}
		return sectionTrailing(s.Name)
	}, func(v string) string {
		if v == "" {
			return "written without punctuation after its name"
		}
		return "written with " + quoted(v) + " after its name"
	}},
	{"depth", func(s *model.Section) string {
		// the depth below the role's heading: a family whose first level
		// is a ## heading and the others ### ones is consistent
		if s.Style != model.StyleHeading || s.Heading == nil || s.Role == nil || s.Role.Heading == nil {
			return ""
		}
		return strconv.Itoa(s.Heading.Level - s.Role.Heading.Level)
	}, func(v string) string { return v + " below the role's heading" }},
	{"case", func(s *model.Section) string {
		// "responsibilities" where the other roles write "Responsibilities"
		name := strings.TrimSpace(s.Name)
		if name != "" && name[0] >= 'a' && name[0] <= 'z' {
			return "lower"
		}
		return ""
	}, func(v string) string {
		if v == "lower" {
			return "written in lower case"
		}
		return "capitalised"
	}},
	{"markup", func(s *model.Section) string { return string(s.Style) }, func(v string) string {
		if v == string(model.StyleBold) {
			return "a bold paragraph"
		}
		return "a heading"
	}},
	{"prefix", func(s *model.Section) string {
		if s.Prefix != "" {
			return "prefixed"
		}
		return "bare"
	}, func(v string) string {
		if v == "prefixed" {
			return "prefixed with the role name"
		}
		return "without the role name"
	}},
}

// sectionFullName is a section's name with a one-word prefix that is no
// word of its role's title and says nothing of scope ("Individual
// responsibilities", not "Senior Responsibilities" nor "Additional
// Requirements"): such a word renames the template's section.
func sectionFullName(s *model.Section) string {
	pre := strings.TrimSpace(s.Prefix)
	if pre == "" || strings.ContainsAny(pre, " ,") || s.Role == nil || sectionScopeWords[strings.ToLower(pre)] {
		return s.Name
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s.Role.Title), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == strings.ToLower(pre) {
			return s.Name
		}
	}
	if !englishWords().common(strings.ToLower(pre)) {
		return s.Name // a name ("GitLab"), not a word that renames the section
	}
	return pre + " " + s.Name
}

// sectionScopeWords before a section's name say which part of it follows,
// not another section.
var sectionScopeWords = map[string]bool{"additional": true, "extended": true, "other": true, "specific": true,
	"base": true, "shared": true, "common": true, "level": true, "role": true, "job": true, "team": true}

// sectionGeneric are words before a section's name that do not change it:
// "Job Requirements" is the Requirements section.
var sectionGeneric = map[string]bool{"job": true, "role": true, "position": true, "the": true, "your": true}

// sectionNameKey is a section name as compared: its words in lower case,
// without trailing punctuation or generic words in front.
func sectionNameKey(name string) string {
	words := strings.Fields(strings.ToLower(strings.TrimRight(strings.TrimSpace(name), sectionPunct)))
	for len(words) > 1 && sectionGeneric[words[0]] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

const sectionPunct = ":.;,!?-–—"

// sectionTrailing returns the punctuation after a section's name (":").
func sectionTrailing(name string) string {
	name = strings.TrimSpace(name)
	return strings.TrimSpace(name[len(strings.TrimRight(name, sectionPunct)):])
}

// sectionNameTypo reports whether a section name holds a word that the
// misspelling rule reports: the typo is that rule's finding, not a second one.
func sectionNameTypo(name string) bool {
	d := englishWords()
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '\'') }) {
		if len(w) >= 4 && !knownWord(d, w) && !derivedWord(d, w) {
			return true
		}
	}
	return false
}

func checkSectionNameConsistency(p *lint.Pass) {
	opts := lint.Options[sectionNameConsistencyOptions](p.Options)
	enabled := map[string]bool{}
	for _, c := range opts.Check {
		enabled[c] = true
	}
	misspellingOn := p.Config != nil && p.Config.Severity(misspellingRule) != 0
	// levels are compared with levels, specialties with specialties: a
	// specialty's sub-sections follow their own template
	groups := map[model.RoleKind][]*model.Role{}
	var order []model.RoleKind
	for _, r := range p.File.Roles {
		if groups[r.Kind] == nil {
			order = append(order, r.Kind)
		}
		groups[r.Kind] = append(groups[r.Kind], r)
	}
	idx := headingIndex(p.File)
	for _, kind := range order {
		checkSectionNamesOf(p, idx, groups[kind], enabled, opts.MinMajority, misspellingOn)
	}
	if enabled["markup"] {
		// a plain paragraph for a heading trips a reader whatever the
		// role: the levels' headings set the form for a specialty too
		checkPlainSectionNames(p, p.File.Roles, []model.SectionKind{model.SecJobGrade, model.SecResponsibilities,
			model.SecRequirements, model.SecNiceToHaves, model.SecPerformance}, opts.MinMajority)
		checkBulletSectionNames(p)
	}
	if enabled["name"] {
		for _, kind := range order {
			checkSectionSynonyms(p, groups[kind], opts.MinMajority)
		}
		checkSectionGlued(p)
		checkSectionPrefixComma(p)
		// the repeated heading reads as a specialty of its level: the
		// family's roles of every kind set the usual name
		checkResponsibilitiesUnderRoleName(p, idx, p.File.Roles, opts.MinMajority)
	}
	if enabled["case"] {
		checkSectionWordCase(p)
	}
	if enabled["depth"] {
		checkFamilyIndicatorsInLevels(p)
	}
}

func checkSectionNamesOf(p *lint.Pass, idx map[*model.Heading]int, roles []*model.Role, enabled map[string]bool, minMajority int, misspellingOn bool) {
	kinds := []model.SectionKind{model.SecJobGrade, model.SecResponsibilities, model.SecRequirements, model.SecNiceToHaves, model.SecPerformance}
	if enabled["depth"] {
		checkSectionDepths(p, idx, roles, kinds, minMajority)
		checkNestedSections(p, roles, kinds, minMajority)
		checkStrandedSections(p, idx, roles, kinds)
		checkSectionsAtRoleDepth(p, idx, roles, kinds)
	}
	if enabled["name"] {
		checkGradeUnderRoleName(p, idx, roles, minMajority)
	}
	if enabled["prefix"] {
		// the three sections every level has; Performance Indicators are
		// often one list for the family, named as such
		checkSectionPrefixMix(p, roles, []model.SectionKind{model.SecJobGrade, model.SecResponsibilities, model.SecRequirements})
		checkSectionPrefixRole(p, roles, []model.SectionKind{model.SecJobGrade, model.SecResponsibilities, model.SecRequirements}, minMajority)
	}
	if enabled["case"] {
		checkSectionCase(p, roles, kinds)
	}
	for _, kind := range kinds {
		var secs []*model.Section
		for _, r := range roles {
			heading := false
			for _, s := range r.Sections {
				heading = heading || s.Kind == kind && s.Style == model.StyleHeading
			}
			for _, s := range r.Sections {
				if s.Kind != kind || s.Style == model.StyleNone || s.Role != r {
					continue
				}
				if heading && s.Style == model.StyleBold {
					continue // "**Team responsibilities**" inside a Responsibilities heading: a label, not the section
				}
				secs = append(secs, s)
			}
		}
		for _, a := range sectionAspects {
			if !enabled[a.name] || a.name == "depth" || a.name == "case" || a.name == "prefix" {
				// depth is compared per role, case over the family, the
				// prefix within a role: each of the handbook's two
				// templates is fine, a role written otherwise than the
				// others follows one of them
				continue
			}
			// roles per form
			roles := map[string]map[*model.Role]bool{}
			for _, s := range secs {
				if (a.name == "prefix" || a.name == "depth") && s.Style != model.StyleHeading {
					continue // bold labels are seldom prefixed; their markup is reported
				}
				v := a.read(s)
				if roles[v] == nil {
					roles[v] = map[*model.Role]bool{}
				}
				roles[v][s.Role] = true
			}
			if len(roles) < 2 {
				continue
			}
			counts := map[string]int{}
			for v, rs := range roles {
				counts[v] = len(rs)
			}
			forms := byCount(counts)
			top := forms[0]
			n := len(roles[top])
			if n < minMajority || len(roles[forms[1]]) == n {
				continue // no clear majority
			}
			for _, s := range secs {
				v := a.read(s)
				if roles[v] == nil || v == top || 2*len(roles[v]) > n {
					continue // the variant is not used by few enough roles
				}
				if a.name == "name" && misspellingOn && sectionNameTypo(s.Name) {
					continue // "Responsibilites": misspelling reports it, with its fix
				}
				if (a.name == "prefix" || a.name == "depth") && s.Style != model.StyleHeading {
					continue
				}
				d := lint.Diagnostic{
					Span: s.Span,
					Message: fmt.Sprintf("%s section is %s here; %d other %s of the family %s it %s", kindLabel(kind), a.describe(v),
						n, pluralWord(n, "role", "roles"), pluralWord(n, "has", "have"), a.describe(top)),
					Role:    s.Role,
					Subject: string(kind) + " " + a.name + ": " + v,
				}
				if a.name == "name" {
					written, usual := strings.TrimRight(strings.TrimSpace(sectionFullName(s)), sectionPunct), sectionNameAsWritten(secs, top)
					d.Message = fmt.Sprintf("%s section is named %s here; %d other %s of the family %s it %s", kindLabel(kind), quoted(written),
						n, pluralWord(n, "role", "roles"), pluralWord(n, "names", "name"), quoted(usual))
					d.Diff = worddiff.Compare(written, usual).String()
					if s.Heading != nil {
						d.Span = s.Heading.TextSpan
						if i := strings.LastIndex(string(p.File.Source.Text[s.Heading.TextSpan.Start:s.Heading.TextSpan.End]), written); i >= 0 {
							d.Span = model.Span{Start: s.Heading.TextSpan.Start + i, End: s.Heading.TextSpan.Start + i + len(written)}
						}
					}
				}
				if a.name == "punctuation" {
					d.Message = fmt.Sprintf("%s section has %s after its name here; %d other %s of the family %s", kindLabel(kind), sectionPunctName(v),
						n, pluralWord(n, "role", "roles"), sectionPunctVerb(top, n))
				}
				if a.name == "depth" {
					d.Message = fmt.Sprintf("%s section is a %s heading %s here; %d other %s of the family put it %s", kindLabel(kind),
						strings.Repeat("#", s.Heading.Level), sectionDepth(v, "its role's heading"), n, pluralWord(n, "role", "roles"), sectionDepth(top, "theirs"))
				}
				if a.name == "markup" {
					d.Message = fmt.Sprintf("%s section is %s here; %d other %s of the family make it %s", kindLabel(kind), a.describe(v),
						n, pluralWord(n, "role", "roles"), a.describe(top))
				}
				p.Report(d)
			}
		}
	}
}

// checkSectionDepths compares how far below its heading each role puts its
// section headings: a role whose sections all sit at another depth than most
// roles' is one finding, at its heading (the role's heading or its
// sections are at the wrong depth).
func checkSectionDepths(p *lint.Pass, idx map[*model.Heading]int, roles []*model.Role, kinds []model.SectionKind, minMajority int) {
	depthOf := map[*model.Role]string{}
	first := map[*model.Role]*model.Section{}
	counts := map[string]int{}
	mixedRoles := 0
	for _, r := range roles {
		if r.Heading == nil {
			continue
		}
		v, mixed := "", false
		for _, sec := range r.Sections {
			if sec.Role != r || sec.Style != model.StyleHeading || sec.Heading == nil || !slices.Contains(kinds, sec.Kind) {
				continue
			}
			d := sectionAspects[2].read(sec)
			if v != "" && d != v {
				mixed = true
			}
			if v == "" {
				v, first[r] = d, sec
			}
		}
		// a section heading that closed the role's heading ("## Requirements"
		// after "### Analyst") is the role's too, at another depth
		for _, sec := range strandedSections(p.File, idx, r, kinds, true) {
			if v != "" && strconv.Itoa(sec.Heading.Level-r.Heading.Level) != v {
				mixed = true
			}
		}
		if mixed {
			mixedRoles++
		}
		if v != "" && !mixed {
			depthOf[r] = v
			counts[v]++
		}
	}
	if len(counts) < 2 {
		return
	}
	forms := byCount(counts)
	top, n := forms[0], counts[forms[0]]
	if n < minMajority || counts[forms[1]] == n || mixedRoles >= n {
		return // no usual depth: as many roles mix depths as agree
	}
	for _, r := range roles {
		v, ok := depthOf[r]
		if !ok || v == top || 2*counts[v] > n || repeatsHeadingAbove(p.File, idx, r) {
			continue
		}
		sec := first[r]
		// the finding stands for the role's heading and its sections: it
		// names the sections' lines, one place to fix each if the
		// heading is right
		var places []model.Span
		var lines []string
		for _, s := range r.Sections {
			if s.Role == r && s.Style == model.StyleHeading && s.Heading != nil && slices.Contains(kinds, s.Kind) &&
				(s.Prefix == "" || model.NormalizeTitle(s.Prefix) == model.NormalizeTitle(r.Title)) {
				// another level's sections under this one's heading
				// ("#### Lead X Job Grade" under "## Senior X") are not
				// this role's places
				places = append(places, s.Heading.TextSpan)
				lines = append(lines, strconv.Itoa(p.File.Source.Position(s.Heading.TextSpan.Start).Line))
			}
		}
		where := ""
		if len(lines) > 0 {
			where = " (" + pluralWord(len(lines), "line ", "lines ") + joinAnd(lines) + ")"
		}
		p.Report(lint.Diagnostic{
			Span: r.Heading.TextSpan,
			Message: fmt.Sprintf("the sections of %s%s are %s headings %s; %d other %s of the family put theirs %s", r.Title, where,
				strings.Repeat("#", sec.Heading.Level), sectionDepth(v, "its heading"), n, pluralWord(n, "role", "roles"),
				sectionDepth(top, "their heading")+": the role's heading or its sections are at the wrong depth"),
			Role:    r,
			Subject: "depth: " + v,
			Places:  places,
		})
	}
}

// checkNestedSections reports a role whose section headings are at two
// depths, a section heading followed by the role's next one a level or
// more deeper ("### Senior Analyst Job Grade", then "#### Senior Analyst
// Responsibilities"): the outline makes the later sections sub-sections of
// the earlier one, where the template's sections are siblings (Nice-to-haves
// under Requirements are nice-to-have requirements, a sub-section indeed).
// Reported once a role, when at least minMajority other roles of the family,
// and more than mix depths, keep their sections at one depth: at the one of
// the two headings whose depth differs from the one most of those roles
// use ("###" among roles whose sections are "####" headings), else at the
// shallower. A section at the role's own depth is
// checkSectionsAtRoleDepth's.
func checkNestedSections(p *lint.Pass, roles []*model.Role, kinds []model.SectionKind, minMajority int) {
	type nested struct {
		r           *model.Role
		above, next *model.Section
	}
	var found []nested
	uniform, mixed := 0, 0
	levels := map[string]int{} // the uniform roles' heading depth, "####"
	for _, r := range roles {
		if r.Heading == nil {
			continue
		}
		var secs []*model.Section
		for _, sec := range r.Sections {
			if sec.Role != r || sec.Style != model.StyleHeading || sec.Heading == nil || !slices.Contains(kinds, sec.Kind) {
				continue
			}
			if k := len(secs) - 1; k >= 0 && (secs[k].Kind == sec.Kind || secs[k].Kind == model.SecRequirements && sec.Kind == model.SecNiceToHaves) &&
				sec.Heading.Level > secs[k].Heading.Level {
				// nice-to-have requirements, and a section divided by
				// sections of its own kind ("#### EMEA Specific
				// Requirements" under "### Requirements"): sub-sections indeed
				continue
			}
			secs = append(secs, sec)
		}
		if len(secs) < 2 {
			continue
		}
		one := true
		for _, sec := range secs[1:] {
			one = one && sec.Heading.Level == secs[0].Heading.Level
		}
		if one {
			uniform++
			levels[strings.Repeat("#", secs[0].Heading.Level)]++
			continue
		}
		mixed++
		for i, sec := range secs[:len(secs)-1] {
			if next := secs[i+1]; next.Heading.Level > sec.Heading.Level && sec.Heading.Level > r.Heading.Level {
				found = append(found, nested{r, sec, next})
				break
			}
		}
	}
	if uniform < minMajority || uniform <= mixed {
		return
	}
	usual := byCount(levels)[0]
	for _, n := range found {
		at := n.above
		if strings.Repeat("#", n.above.Heading.Level) == usual && strings.Repeat("#", n.next.Heading.Level) != usual {
			at = n.next
		}
		p.Report(lint.Diagnostic{
			Span: at.Heading.TextSpan,
			Message: fmt.Sprintf("the %s (%s) and %s (%s) sections of %s are at two depths: the outline makes %s a sub-section of %s, "+
				"where the template's sections are siblings; %d other %s of the family keep theirs at one depth (%s)",
				kindLabel(n.above.Kind), strings.Repeat("#", n.above.Heading.Level), kindLabel(n.next.Kind),
				strings.Repeat("#", n.next.Heading.Level), n.r.Title, kindLabel(n.next.Kind), kindLabel(n.above.Kind),
				uniform, pluralWord(uniform, "role", "roles"), usual),
			Role:    n.r,
			Subject: string(at.Kind) + " depth: nests",
		})
	}
}

// checkSectionsAtRoleDepth reports a section heading at its role's own
// heading depth ("### Nice-to-haves" after "### Director" and its "####
// Director Requirements") in a role whose other section headings sit below
// the role's heading: the reader takes it for a heading of its own, a
// sibling of the role, not the role's section. Which depth the family
// prefers does not matter; the role's own headings show where its sections
// belong.
func checkSectionsAtRoleDepth(p *lint.Pass, idx map[*model.Heading]int, roles []*model.Role, kinds []model.SectionKind) {
	// roles that put a kind of section at their own heading's depth, and
	// below it: a kind two or more roles put at their depth, and none below,
	// is the family's way ("### Analyst Performance Indicators" after each
	// level)
	atDepth, belowDepth := map[model.SectionKind]int{}, map[model.SectionKind]int{}
	for _, r := range roles {
		seen := map[model.SectionKind]bool{}
		for _, sec := range r.Sections {
			if r.Heading == nil || sec.Role != r || sec.Style != model.StyleHeading || sec.Heading == nil || seen[sec.Kind] {
				continue
			}
			seen[sec.Kind] = true
			if sec.Heading.Level == r.Heading.Level {
				atDepth[sec.Kind]++
			} else {
				belowDepth[sec.Kind]++
			}
		}
	}
	for _, r := range roles {
		if r.Heading == nil {
			continue
		}
		// the role's own evidence: a section of the role's kinds, or an
		// unnamed one ("#### Role"), below its heading; a family section
		// the role happens to hold ("### Career Ladder") is none
		var below *model.Section
		for _, sec := range r.Sections {
			if sec.Role == r && sec.Style == model.StyleHeading && sec.Heading != nil && sec.Heading.Level == r.Heading.Level+1 &&
				(slices.Contains(kinds, sec.Kind) || sec.Kind == model.SecOther || sec.Kind == model.SecExpertise) &&
				!roleHeadingBetween(p.File, r.Heading.Span.End, sec.Heading.Span.Start) {
				below = sec
				break
			}
		}
		if below == nil {
			continue
		}
		name := kindLabel(below.Kind)
		if !slices.Contains(kinds, below.Kind) {
			name = strings.TrimSpace(below.Heading.Text)
		}
		// a Job Grade, Responsibilities or Requirements heading at the
		// role's depth after the role's own section below it ("## Analyst",
		// "### Job Grade", "## Responsibilities") closes the role's heading:
		// the outline gives it to the family. It is the role's where
		// another role has that section too; a section the family writes
		// once, after its first or only role, may be the family's, which
		// is the role's too on a page of one role: there it is reported as
		// a role whose sections are at two depths
		for _, sec := range strandedSections(p.File, idx, r, kinds, true) {
			if sec.Heading.Level != r.Heading.Level || sec.Heading.Span.Start < below.Heading.Span.Start {
				continue
			}
			if len(p.File.Roles) == 1 {
				p.Report(lint.Diagnostic{
					Span: sec.Heading.TextSpan,
					Message: fmt.Sprintf("%s section of %s is a %s heading, the depth of the role's own heading (line %d), after the role's %s "+
						"section, a %s heading below it: the role's sections are at two depths; put them at one (a %s heading here, or %s a %s heading)",
						kindLabel(sec.Kind), r.Title, strings.Repeat("#", sec.Heading.Level), p.File.Source.Position(r.Heading.Span.Start).Line, quoted(name),
						strings.Repeat("#", below.Heading.Level), strings.Repeat("#", below.Heading.Level), quoted(name), strings.Repeat("#", sec.Heading.Level)),
					Role:    r,
					Subject: string(sec.Kind) + " depth: role's, two depths",
				})
				continue
			}
			if !otherRoleHas(p.File, idx, roles, r, sec.Kind) {
				continue
			}
			p.Report(lint.Diagnostic{
				Span: sec.Heading.TextSpan,
				Message: fmt.Sprintf("%s section of %s is a %s heading, the depth of the role's own heading (line %d), after the role's %s "+
					"section, a %s heading below it: the outline closes the role before it, so it reads as the family's, not the role's; make it a %s heading",
					kindLabel(sec.Kind), r.Title, strings.Repeat("#", sec.Heading.Level), p.File.Source.Position(r.Heading.Span.Start).Line, quoted(name),
					strings.Repeat("#", below.Heading.Level), strings.Repeat("#", below.Heading.Level)),
				Role:    r,
				Subject: string(sec.Kind) + " depth: role's, closed",
			})
		}
		for _, sec := range r.Sections {
			if sec.Role != r || sec.Style != model.StyleHeading || sec.Heading == nil || sec.Heading.Level != r.Heading.Level ||
				!slices.Contains(kinds, sec.Kind) {
				continue
			}
			if atDepth[sec.Kind] >= 2 && belowDepth[sec.Kind] == 0 {
				continue
			}
			if sec.Kind == model.SecPerformance && sec.Prefix == "" {
				continue // "### Performance Indicators" after the last level is often the family's, or a group of levels'
			}
			p.Report(lint.Diagnostic{
				Span: sec.Heading.TextSpan,
				Message: fmt.Sprintf("%s section of %s is a %s heading, the depth of the role's own heading (line %d), while the role's %s "+
					"section is a %s heading below it: it reads as a heading of its own, not the role's; make it a %s heading", kindLabel(sec.Kind), r.Title,
					strings.Repeat("#", sec.Heading.Level), p.File.Source.Position(r.Heading.Span.Start).Line, quoted(name),
					strings.Repeat("#", below.Heading.Level), strings.Repeat("#", below.Heading.Level)),
				Role:    r,
				Subject: string(sec.Kind) + " depth: role's",
			})
		}
	}
}

// otherRoleHas reports whether a role of roles other than r has a section
// of the kind, its own or written at its heading's depth after it.
func otherRoleHas(f *model.Family, idx map[*model.Heading]int, roles []*model.Role, r *model.Role, k model.SectionKind) bool {
	for _, o := range roles {
		if o == r {
			continue
		}
		if roleHasSection(o, k) {
			return true
		}
		for _, sec := range strandedSections(f, idx, o, []model.SectionKind{k}, true) {
			if sec.Kind == k {
				return true
			}
		}
	}
	return false
}

// roleHeadingBetween reports whether a role's heading starts between the
// offsets.
func roleHeadingBetween(f *model.Family, from, to int) bool {
	for _, r := range f.Roles {
		if r.Heading != nil && from <= r.Heading.Span.Start && r.Heading.Span.Start < to {
			return true
		}
	}
	return false
}

// reportRoleNamedSection reports a role's section of a kind (what) headed
// by the role's name alone under the role's own heading (above), where n
// other roles of the family give it the name usual.
func reportRoleNamedSection(p *lint.Pass, r *model.Role, above *model.Heading, what string, n int, usual, subject string) {
	p.Report(lint.Diagnostic{
		Span: r.Heading.TextSpan,
		Message: fmt.Sprintf("%s section of %s is headed by the role's name alone, repeating the %s heading above it (line %d); "+
			"%d other %s of the family %s it %s: name it so", what, r.Title, strings.Repeat("#", above.Level), p.File.Source.Position(above.Span.Start).Line,
			n, pluralWord(n, "role", "roles"), pluralWord(n, "names", "name"), quoted(usual)),
		Role:    r,
		Subject: subject,
	})
}

// headedSectionName returns the roles that give their own section of a
// kind a heading and the name most of them give it, as written; ok is false
// when fewer than minMajority roles do.
func headedSectionName(roles []*model.Role, kind model.SectionKind, minMajority int) (with map[*model.Role]bool, usual string, ok bool) {
	var named []*model.Section
	with = map[*model.Role]bool{}
	for _, r := range roles {
		for _, sec := range r.Sections {
			if sec.Role == r && sec.Kind == kind && sec.Style == model.StyleHeading {
				named = append(named, sec)
				with[r] = true
			}
		}
	}
	if len(with) < minMajority || len(named) == 0 {
		return nil, "", false
	}
	counts := map[string]int{}
	for _, sec := range named {
		counts[sectionNameKey(sectionFullName(sec))]++
	}
	return with, sectionNameAsWritten(named, byCount(counts)[0]), true
}

// checkGradeUnderRoleName reports a role whose heading repeats the heading
// just above it and holds the grade sentence ("## Intermediate Analyst",
// then "### Intermediate Analyst" and "The Intermediate Analyst is a grade
// 6."), where the family's other roles give the grade a Job Grade heading:
// the lower heading is the Job Grade section, named for the role instead.
func checkGradeUnderRoleName(p *lint.Pass, idx map[*model.Heading]int, roles []*model.Role, minMajority int) {
	withGrade, usual, ok := headedSectionName(roles, model.SecJobGrade, minMajority)
	if !ok {
		return
	}
	n := len(withGrade)
	for _, r := range roles {
		if withGrade[r] || r.Heading == nil || r.Grade == nil || r.Grade.InTable || !repeatsHeadingAbove(p.File, idx, r) ||
			r.Grade.Span.Start < r.Heading.Span.End {
			continue
		}
		reportRoleNamedSection(p, r, p.File.Headings[idx[r.Heading]-1], "Job Grade", n, usual, "job-grade name: role name")
	}
}

// checkResponsibilitiesUnderRoleName reports a heading that repeats its
// role's heading just above it and holds the role's responsibilities: the
// list the template's Responsibilities section holds, before the role's
// Requirements ("### Manager, Analysts", its grade sentence, then "####
// Manager, Analysts" over a list and "#### Manager, Analysts
// Requirements"), where neither heading has a Responsibilities section and
// the family's other roles, min_majority or more, give it a heading: the
// lower heading is that section, named for the role instead.
func checkResponsibilitiesUnderRoleName(p *lint.Pass, idx map[*model.Heading]int, roles []*model.Role, minMajority int) {
	byHeading := map[*model.Heading]*model.Role{}
	for _, r := range roles {
		if r.Heading != nil {
			byHeading[r.Heading] = r
		}
	}
	with, usual, ok := headedSectionName(roles, model.SecResponsibilities, minMajority)
	if !ok {
		return
	}
	n := len(with)
	for _, r := range roles {
		if with[r] || r.Heading == nil || !repeatsHeadingAbove(p.File, idx, r) {
			continue
		}
		above := p.File.Headings[idx[r.Heading]-1]
		if parent := byHeading[above]; parent == nil || with[parent] || ownSectionOf(parent, model.SecResponsibilities) {
			continue
		}
		if !listThenRequirements(r) {
			continue
		}
		reportRoleNamedSection(p, r, above, "Responsibilities", n, usual, "responsibilities name: role name")
	}
}

// ownSectionOf reports whether a role has a section of a kind of its own.
func ownSectionOf(r *model.Role, kind model.SectionKind) bool {
	for _, sec := range r.Sections {
		if sec.Role == r && sec.Kind == kind {
			return true
		}
	}
	return false
}

// listThenRequirements reports whether a role's sections are, first, a list
// outside any named section and then its Requirements, and none of the
// sections the template puts before them (Job Grade, Responsibilities).
func listThenRequirements(r *model.Role) bool {
	var own []*model.Section
	for _, sec := range r.Sections {
		if sec.Role == r {
			own = append(own, sec)
		}
	}
	if len(own) < 2 || own[0].Kind != model.SecBody || len(own[0].Bullets) == 0 || own[1].Kind != model.SecRequirements {
		return false
	}
	for _, sec := range own {
		if sec.Kind == model.SecJobGrade || sec.Kind == model.SecResponsibilities {
			return false
		}
	}
	return true
}

// repeatsHeadingAbove reports whether a role's heading repeats the text of
// the heading just above it, one level up ("## Intermediate Analyst" then
// "### Intermediate Analyst" holding the grade sentence): the lower one is a
// section heading missing its name, not a role at a wrong depth.
func repeatsHeadingAbove(f *model.Family, idx map[*model.Heading]int, r *model.Role) bool {
	i, ok := idx[r.Heading]
	if !ok || i == 0 {
		return false
	}
	h, above := r.Heading, f.Headings[i-1]
	return above.Level < h.Level && strings.EqualFold(strings.TrimSpace(above.Text), strings.TrimSpace(h.Text))
}

// headingIndex returns where each heading of the page stands in
// f.Headings.
func headingIndex(f *model.Family) map[*model.Heading]int {
	idx := make(map[*model.Heading]int, len(f.Headings))
	for i, h := range f.Headings {
		idx[h] = i
	}
	return idx
}

// strandedSections returns the family-level section headings of the given
// kinds that follow a role's heading before any other role or family
// section: "## Responsibilities" written after "### Analyst" closes the
// role's heading, so the model gives it to the family, but it is the
// role's.
//
// With level set, headings at the role heading's own level count too
// ("## Requirements" after "## Analyst": the role's, at its depth).
func strandedSections(f *model.Family, idx map[*model.Heading]int, r *model.Role, kinds []model.SectionKind, level bool) []*model.Section {
	if r.Heading == nil {
		return nil
	}
	// the sections every level has; a family's Performance Indicators often
	// follow its last role
	kinds = slices.DeleteFunc(slices.Clone(kinds), func(k model.SectionKind) bool {
		return k != model.SecJobGrade && k != model.SecResponsibilities && k != model.SecRequirements
	})
	var out []*model.Section
	start, ok := idx[r.Heading]
	if !ok {
		return nil
	}
	for _, h := range f.Headings[start+1:] {
		if h.Role != nil {
			break
		}
		sec := h.Section
		if sec == nil || sec.Role != nil || sec.Heading != h {
			continue // a sub-heading of a section, or a section of the role
		}
		if !slices.Contains(kinds, sec.Kind) || h.Level > r.Heading.Level || h.Level == r.Heading.Level && !level {
			break
		}
		if !roleHasSection(r, sec.Kind) {
			out = append(out, sec)
		}
	}
	return out
}

// roleHasSection reports whether a role has a section of the kind.
func roleHasSection(r *model.Role, k model.SectionKind) bool {
	for _, s := range r.Sections {
		if s.Role == r && s.Kind == k {
			return true
		}
	}
	return false
}

// checkStrandedSections reports a role's section written as a heading
// above the role's own ("## Responsibilities" after "### Analyst", which
// reads as the family's) where the other roles, all of them, have that
// section as a heading of their own.
func checkStrandedSections(p *lint.Pass, idx map[*model.Heading]int, roles []*model.Role, kinds []model.SectionKind) {
	headed := headedSections(roles)
	withHeading := 0 // roles with a heading of their own
	for _, r := range roles {
		if r.Heading != nil {
			withHeading++
		}
	}
	for _, r := range roles {
		for _, sec := range strandedSections(p.File, idx, r, kinds, false) {
			h := headed[sec.Kind]
			// every other role with a heading has the section as a
			// heading of its own (r has none: it is stranded)
			if h == nil || h.roles == 0 || h.roles != withHeading-1 || h.has[r] {
				continue
			}
			n := h.roles
			p.Report(lint.Diagnostic{
				Span: sec.Heading.TextSpan,
				Message: fmt.Sprintf("%s section of %s is a %s heading above its role's %s heading, so it reads as the family's; the %d other %s of the family %s it a %s heading inside the role",
					kindLabel(sec.Kind), r.Title, strings.Repeat("#", sec.Heading.Level), strings.Repeat("#", r.Heading.Level),
					n, pluralWord(n, "role", "roles"), pluralWord(n, "makes", "make"), strings.Repeat("#", h.first.Heading.Level)),
				Role:    r,
				Subject: string(sec.Kind) + " depth: above the role",
			})
		}
	}
}

// headedKind is, for one section kind, the roles (with a heading of their
// own) that give it a heading, and the first such section.
type headedKind struct {
	roles int
	has   map[*model.Role]bool
	first *model.Section
}

// headedSections counts, per section kind, the roles with a heading that
// give the section a heading of their own: once per group, so that each
// role is not compared with every other.
func headedSections(roles []*model.Role) map[model.SectionKind]*headedKind {
	out := map[model.SectionKind]*headedKind{}
	for _, o := range roles {
		if o.Heading == nil {
			continue
		}
		for _, s := range o.Sections {
			if s.Role != o || s.Style != model.StyleHeading || s.Heading == nil {
				continue
			}
			h := out[s.Kind]
			if h == nil {
				h = &headedKind{has: map[*model.Role]bool{}, first: s}
				out[s.Kind] = h
			}
			if !h.has[o] {
				h.has[o] = true
				h.roles++
			}
		}
	}
	return out
}

// checkPlainSectionNames reports a section introduced by a plain paragraph
// holding only its name ("Responsibilities" on a line of its own, followed
// by the list) where other roles of the family, min_majority or more, give
// that section a heading.
func checkPlainSectionNames(p *lint.Pass, roles []*model.Role, kinds []model.SectionKind, minMajority int) {
	headed := map[model.SectionKind]int{}
	for _, r := range roles {
		seen := map[model.SectionKind]bool{}
		for _, s := range r.Sections {
			if s.Role == r && s.Style == model.StyleHeading && !seen[s.Kind] {
				seen[s.Kind] = true
				headed[s.Kind]++
			}
		}
	}
	in := map[*model.Role]bool{}
	for _, r := range roles {
		in[r] = true
	}
	for _, b := range p.File.Blocks {
		if b.Kind != model.BlockParagraph || b.Role == nil || !in[b.Role] || strings.ContainsAny(b.Text, "\n*_") {
			continue
		}
		text := strings.TrimSpace(b.Text)
		k, name, prefix, ok := model.MatchSection(text)
		if !ok || prefix != "" || !slices.Contains(kinds, k) || len(strings.Fields(name)) > 3 {
			continue
		}
		if src := string(p.File.Source.Text[b.Span.Start:b.Span.End]); strings.ContainsAny(src, "*_#") {
			continue // bold or emphasis: the bold-paragraph form, compared as markup
		}
		n := headed[k]
		if b.Section != nil && b.Section.Kind == k && b.Section.Style == model.StyleHeading {
			continue // "Requirements" again under its own heading
		}
		if n < minMajority {
			continue
		}
		p.Report(lint.Diagnostic{
			Span: b.Span,
			Message: fmt.Sprintf("%s section is introduced by a plain paragraph %s here; %d other %s of the family make it a heading",
				kindLabel(k), quoted(strings.TrimRight(text, sectionPunct)), n, pluralWord(n, "role", "roles")),
			Role:    b.Role,
			Subject: string(k) + " markup: plain",
		})
	}
}

// checkBulletSectionNames reports a bullet holding only a section's name
// ("- Performance Indicators") inside a section of another kind, on a page
// that gives that section a heading elsewhere: the bullets after it read as
// part of the section it sits in.
func checkBulletSectionNames(p *lint.Pass) {
	headed := map[model.SectionKind]int{} // the line of the first heading of each kind
	for _, h := range p.File.Headings {
		if h.Section != nil && h.Section.Heading == h && headed[h.Section.Kind] == 0 {
			headed[h.Section.Kind] = p.File.Source.Position(h.Span.Start).Line
		}
	}
	for _, r := range p.File.Roles {
		for _, sec := range r.Sections {
			if sec.Role != r || sec.Style != model.StyleHeading {
				continue
			}
			for i, bl := range sec.Bullets {
				if bl.Depth != 0 || bl.Block == nil || len(bl.Block.Links) > 0 {
					continue
				}
				if i+1 < len(sec.Bullets) && sec.Bullets[i+1].Depth > bl.Depth {
					continue // a group of its own, nested under the label
				}
				if src := string(p.File.Source.Text[bl.Span.Start:bl.Span.End]); strings.Contains(src, "**") || strings.Contains(src, "__") {
					continue // a bold label: a sub-heading of the list, set apart on purpose
				}
				text := strings.TrimSpace(bl.Text)
				k, name, prefix, ok := model.MatchSection(text)
				if !ok || (prefix != "" && !prefixOfRole(prefix, r.Title)) || k == sec.Kind || !k.IsRoleSection() || k == model.SecBody || headed[k] == 0 ||
					len(strings.Fields(name)) > 3 {
					continue
				}
				p.Report(lint.Diagnostic{
					Span: bl.Span,
					Message: fmt.Sprintf("%s section is introduced by a bullet %s inside the %s here, so its bullets read as %s; the page gives it a heading (line %d)",
						kindLabel(k), quoted(strings.TrimRight(text, sectionPunct)), kindLabel(sec.Kind), strings.ToLower(kindLabel(sec.Kind)), headed[k]),
					Role:    r,
					Subject: string(k) + " markup: bullet",
				})
			}
		}
	}
}

// prefixOfRole reports whether a section's prefix names the role: its
// title, or two or more of its title's words and no other ("Staff Technical
// Manager" for "Staff Technical Program Manager").
func prefixOfRole(prefix, title string) bool {
	tw := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(c rune) bool { return c == ' ' || c == ',' }) {
		tw[w] = true
	}
	words := strings.FieldsFunc(strings.ToLower(prefix), func(c rune) bool { return c == ' ' || c == ',' })
	if len(words) < 2 && !strings.EqualFold(strings.TrimSpace(prefix), strings.TrimSpace(title)) {
		return false
	}
	for _, w := range words {
		if !tw[w] {
			return false
		}
	}
	return len(words) > 0
}

// sectionSynonyms are headings that name a role section with another word
// ("Key duties" for Responsibilities): the model does not read them as the
// section, so a role that has one and lacks the section hides it.
var sectionSynonyms = map[string]model.SectionKind{
	"duties": model.SecResponsibilities, "key duties": model.SecResponsibilities, "main duties": model.SecResponsibilities,
	"job duties": model.SecResponsibilities, "accountabilities": model.SecResponsibilities, "key accountabilities": model.SecResponsibilities,
	"what you'll do": model.SecResponsibilities, "what you will do": model.SecResponsibilities,
	"skills": model.SecRequirements, "skills and experience": model.SecRequirements, "experience and skills": model.SecRequirements,
	"must haves": model.SecRequirements, "must-haves": model.SecRequirements, "what you'll need": model.SecRequirements,
	"what you will need": model.SecRequirements, "competencies": model.SecRequirements,
}

// synonymQualifiers are the words that may stand before a section's
// synonym without making it another section: they rank it ("Key Duties",
// "Additional Key Duties"), as a role's name does.
var synonymQualifiers = map[string]bool{"additional": true, "other": true, "core": true, "primary": true, "main": true, "key": true}

// synonymAfterQualifier reads a heading that ends in a synonym of a section
// after words that do not make it another section: a qualifier
// ("Additional Key Duties") or the role's name written short or otherwise
// ("Staff Technical Manager Key Duties" in the role "Staff Technical Program
// Manager": every word before the synonym is a word of the role's title).
// A synonym of one word ("Duties", "Skills") is taken only after the role's
// words: after a qualifier alone ("Core Skills") it may be a list of its own.
// It returns the kind and the synonym's number of words.
func synonymAfterQualifier(lower, title string) (model.SectionKind, int, bool) {
	titleWords := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(c rune) bool { return c == ' ' || c == ',' }) {
		titleWords[w] = true
	}
	words := strings.Fields(lower)
	for i := 1; i < len(words); i++ {
		k, ok := sectionSynonyms[strings.Join(words[i:], " ")]
		if !ok {
			continue
		}
		role, qual := 0, 0
		for _, w := range words[:i] {
			switch {
			case titleWords[strings.Trim(w, ",")]:
				role++
			case synonymQualifiers[w]:
				qual++
			default:
				return "", 0, false
			}
		}
		// a synonym of one word needs the role's name before it, two of its
		// words at least (one, "Data Skills", may be a subject's name)
		if len(words)-i == 1 && role < 2 {
			return "", 0, false
		}
		return k, len(words) - i, true
	}
	return "", 0, false
}

// checkSectionSynonyms reports a role's heading that names one of its
// sections with a synonym ("Key duties") where min_majority or more other
// roles name that section as the template does and the role has none of
// its own under the template's name.
func checkSectionSynonyms(p *lint.Pass, roles []*model.Role, minMajority int) {
	var headed map[model.SectionKind]*headedKind // built on the first synonym
	for _, r := range roles {
		for _, sec := range r.Sections {
			if sec.Role != r || sec.Style != model.StyleHeading || sec.Heading == nil || sec.Kind != model.SecOther {
				continue
			}
			name := strings.TrimRight(strings.TrimSpace(sec.Heading.Text), sectionPunct)
			lower := strings.ToLower(strings.ReplaceAll(name, "’", "'"))
			if t := strings.ToLower(r.Title); strings.HasPrefix(lower, t+" ") {
				lower = strings.TrimSpace(lower[len(t):])
			}
			k, ok := sectionSynonyms[lower]
			head := "" // the words kept before the synonym in the fix
			if !ok {
				var n int
				k, n, ok = synonymAfterQualifier(lower, r.Title)
				if ok {
					w := strings.Fields(name)
					head = strings.Join(w[:len(w)-n], " ") + " "
				}
			}
			if !ok || roleHasSection(r, k) {
				continue
			}
			if headed == nil {
				headed = headedSections(roles)
			}
			h := headed[k]
			if h == nil || h.roles < minMajority {
				continue
			}
			n, usual := h.roles, strings.TrimRight(strings.TrimSpace(h.first.Name), sectionPunct)
			p.Report(lint.Diagnostic{
				Span: sec.Heading.TextSpan,
				Message: fmt.Sprintf("%s section is named %s here; %d other %s of the family %s it %s", kindLabel(k), quoted(name),
					n, pluralWord(n, "role", "roles"), pluralWord(n, "names", "name"), quoted(usual)),
				Role:    r,
				Subject: string(k) + " name: " + lower,
				Diff:    worddiff.Compare(name, head+usual).String(),
			})
		}
	}
}

// checkSectionPrefixMix reports, in a role whose section headings are
// some prefixed with its name and some not, those written otherwise than
// the other roles write that section (or, where they do not agree, than
// most of the role's own sections): "#### Job Grade" among "#### Senior
// Analyst Responsibilities" and "#### Senior Analyst Requirements".
func checkSectionPrefixMix(p *lint.Pass, roles []*model.Role, kinds []model.SectionKind) {
	form := func(s *model.Section) bool { return s.Prefix != "" }
	for _, r := range roles {
		if !sectionPrefixMixed(r, kinds) || !sectionPrefixesName(r, kinds) {
			continue
		}
		own := 0 // prefixed minus bare, in this role
		for _, s := range r.Sections {
			if s.Role == r && s.Style == model.StyleHeading && slices.Contains(kinds, s.Kind) {
				if form(s) {
					own++
				} else {
					own--
				}
			}
		}
		for _, s := range r.Sections {
			if s.Role != r || s.Style != model.StyleHeading || !slices.Contains(kinds, s.Kind) {
				continue
			}
			others, pref, bare := 0, 0, 0 // prefixed minus bare, prefixed, bare, in the other roles
			kept := 0                     // others, without the roles of the bare template
			for _, o := range roles {
				// a role of the bare template says how the family heads
				// its sections, not that this one is the exception in a
				// role that prefixes the others
				bareRole := own > 0 && sectionAllBare(o, kinds)
				for _, os := range o.Sections {
					if o != r && os.Role == o && os.Kind == s.Kind && os.Style == model.StyleHeading {
						if form(os) {
							others++
							pref++
						} else {
							others--
							bare++
						}
						if !bareRole && form(os) {
							kept++
						} else if !bareRole {
							kept--
						}
					}
				}
			}
			want := kept
			if want == 0 {
				want = own
			}
			if want == 0 || (want > 0) == form(s) {
				continue
			}
			how, usual := "without the role name", "prefixed with the role name"
			if form(s) {
				how, usual = usual, how
			}
			// say whose sections show the usual form: the role's other
			// sections, the other roles', or both
			rest := own - 1
			if !form(s) {
				rest = own + 1
			}
			// the other roles show the usual form only when none of them
			// has the other one ("#### Job Grade" under a Manager whose
			// sections are all bare is no prefixed role)
			othersUsual := others != 0 && (others > 0) == (want > 0) && (want > 0 && bare == 0 || want < 0 && pref == 0)
			restUsual := rest != 0 && (rest > 0) == (want > 0)
			whose := "the role's other sections and the other roles' are"
			switch {
			case !othersUsual && restUsual:
				whose = "the role's other sections are"
			case othersUsual && !restUsual:
				whose = "the other roles' sections are"
			case !othersUsual && !restUsual:
				whose = "most of the family's sections are"
			}
			p.Report(lint.Diagnostic{
				Span: s.Span,
				Message: fmt.Sprintf("%s section is %s here, where %s %s",
					kindLabel(s.Kind), how, whose, usual),
				Role:    r,
				Subject: string(s.Kind) + " prefix: " + how,
			})
		}
	}
}

// sectionPrefixForm returns how a role writes its section headings of the
// kinds: "prefixed" (with its own title, most of them), "bare" (most of
// them), or "" (a tie, fewer than two headings, or a prefix that is not the
// role's title). all says whether every heading has that form.
func sectionPrefixForm(r *model.Role, kinds []model.SectionKind) (form string, all bool) {
	pref, bare := 0, 0
	for _, s := range r.Sections {
		if s.Role != r || s.Style != model.StyleHeading || !slices.Contains(kinds, s.Kind) {
			continue
		}
		if s.Prefix != "" {
			pref++
		} else {
			bare++
		}
	}
	switch {
	case pref+bare < 2 || pref == bare:
		return "", false
	case pref > bare:
		if !sectionPrefixesName(r, kinds) {
			return "", false
		}
		return "prefixed", bare == 0
	}
	return "bare", pref == 0
}

// checkSectionPrefixRole reports a role whose Job Grade, Responsibilities
// and Requirements headings are all written the other way than those of
// the family's other roles at its depth ("#### Job Grade" and
// "#### Responsibilities" under "### Manager, Systems" where the levels
// before it write "#### Senior Systems Engineer Job Grade"): where at least
// three roles (and min_majority), and twice as many as write it that way,
// use the other form; two against one is no usual form (judged DEBATABLE). A family split evenly (the engineers prefixed, as many
// managers bare) has no usual form; a role whose heading is at another
// depth than theirs is laid out apart.
func checkSectionPrefixRole(p *lint.Pass, roles []*model.Role, kinds []model.SectionKind, minMajority int) {
	forms := map[*model.Role]string{}
	for _, r := range roles {
		if r.Heading != nil {
			forms[r], _ = sectionPrefixForm(r, kinds)
		}
	}
	for _, r := range roles {
		form, all := sectionPrefixForm(r, kinds)
		if r.Heading == nil || form == "" || !all {
			continue
		}
		same, other, otherDepth := 0, 0, true
		for _, o := range roles {
			switch forms[o] {
			case "":
			case form:
				same++
			default:
				other++
				otherDepth = otherDepth && o.Heading.Level == r.Heading.Level
			}
		}
		if other < max(minMajority, 3) || other < 2*same || !otherDepth {
			continue
		}
		how, usual := "without the role name", "prefix theirs with the role name"
		if form == "prefixed" {
			how, usual = "prefixed with the role name", "write theirs without the role name"
		}
		for _, s := range r.Sections {
			if s.Role != r || s.Style != model.StyleHeading || !slices.Contains(kinds, s.Kind) {
				continue
			}
			p.Report(lint.Diagnostic{
				Span: s.Span,
				Message: fmt.Sprintf("%s section is %s here, as are the other sections of %s, where %d other %s of the family %s",
					kindLabel(s.Kind), how, r.Title, other, pluralWord(other, "role", "roles"), usual),
				Role:    r,
				Subject: string(s.Kind) + " prefix: " + how,
			})
		}
	}
}

// prefixNamesRole reports whether a section heading's prefix is the title
// of a role of the page ("Analyst (Intermediate)" in "Analyst
// (Intermediate) responsibilities"), not a word that qualifies the
// section ("Individual", "Team").
func prefixNamesRole(prefix string, roles []*model.Role) bool {
	p := model.NormalizeTitle(strings.TrimSpace(prefix))
	for _, r := range roles {
		if model.NormalizeTitle(r.Title) == p {
			return true
		}
	}
	return false
}

// checkSectionCase reports a section name written in lower case
// ("#### Analyst (Intermediate) responsibilities") in a family whose other
// section headings, three or more, are all capitalised.
func checkSectionCase(p *lint.Pass, roles []*model.Role, kinds []model.SectionKind) {
	var lower []*model.Section
	capital := 0
	for _, r := range roles {
		for _, s := range r.Sections {
			if s.Role != r || s.Style != model.StyleHeading || !slices.Contains(kinds, s.Kind) {
				continue
			}
			name := strings.TrimSpace(s.Name)
			switch {
			case name == "":
			case name[0] >= 'a' && name[0] <= 'z':
				// "Individual responsibility", "Team responsibility":
				// a heading in sentence case, its first word a
				// qualifier; after a role's name the lower case is
				// the section's own
				if s.Prefix != "" && !prefixNamesRole(s.Prefix, roles) {
					continue
				}
				lower = append(lower, s)
			case name[0] >= 'A' && name[0] <= 'Z':
				capital++
			}
		}
	}
	if capital < 3 || len(lower) == 0 || 2*len(lower) > capital {
		return
	}
	for _, s := range lower {
		name := strings.TrimRight(strings.TrimSpace(s.Name), sectionPunct)
		want := strings.ToUpper(name[:1]) + name[1:]
		d := lint.Diagnostic{
			Span:    s.Span,
			Message: fmt.Sprintf("%s section is named %s in lower case here; the family's other %d section headings are capitalised", kindLabel(s.Kind), quoted(name), capital),
			Role:    s.Role,
			Subject: string(s.Kind) + " case: " + name,
			Diff:    "[-" + name + "-]{+" + want + "+}",
		}
		if s.Heading != nil {
			text := string(p.File.Source.Text[s.Heading.TextSpan.Start:s.Heading.TextSpan.End])
			if i := strings.LastIndex(text, name); i >= 0 {
				d.Span = model.Span{Start: s.Heading.TextSpan.Start + i, End: s.Heading.TextSpan.Start + i + len(name)}
			}
		}
		p.Report(d)
	}
}

// sectionPrefixesName reports whether a prefix of a role's section headings
// is the role's title, of two words or more, and no prefix is a single word:
// "Primary Job Responsibilities" or "Individual responsibility" hold no role
// name, and a bare level name ("Senior Responsibilities") is the
// template's. A prefix that names another role ("#### Senior Manager,
// Delivery Requirements" under "### Senior Manager, Platform") is still a
// prefix: the name is role-name-mismatch's finding.
func sectionPrefixesName(r *model.Role, kinds []model.SectionKind) bool {
	norm := func(t string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(t), func(c rune) bool {
			return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')
		}), " ")
	}
	title := norm(r.Title)
	if len(strings.Fields(title)) < 2 {
		return false
	}
	named := false
	for _, s := range r.Sections {
		if s.Role != r || s.Style != model.StyleHeading || !slices.Contains(kinds, s.Kind) || s.Prefix == "" {
			continue
		}
		if norm(s.Prefix) == title {
			named = true
		} else if len(strings.Fields(s.Prefix)) < 2 {
			return false // "Individual responsibility": a word, not a name
		}
	}
	return named
}

// sectionAllBare reports whether a role's headings of the kinds are all
// without its name: the role follows the bare template.
func sectionAllBare(r *model.Role, kinds []model.SectionKind) bool {
	n := 0
	for _, s := range r.Sections {
		if s.Role != r || s.Style != model.StyleHeading || !slices.Contains(kinds, s.Kind) {
			continue
		}
		if s.Prefix != "" {
			return false
		}
		n++
	}
	return n > 0
}

// sectionPrefixMixed reports whether a role's section headings are some
// prefixed with its name and some not.
func sectionPrefixMixed(r *model.Role, kinds []model.SectionKind) bool {
	prefixed, bare := false, false
	for _, s := range r.Sections {
		if s.Role != r || s.Style != model.StyleHeading || !slices.Contains(kinds, s.Kind) {
			continue
		}
		if s.Prefix != "" {
			prefixed = true
		} else {
			bare = true
		}
	}
	return prefixed && bare
}

// sectionDepth says how far below a role's heading a section's is.
func sectionDepth(v, whose string) string {
	n, _ := strconv.Atoi(v)
	switch {
	case n == 1:
		return "one level below " + whose
	case n > 1:
		return strconv.Itoa(n) + " levels below " + whose
	case n == -1:
		return "one level above " + whose
	case n < -1:
		return strconv.Itoa(-n) + " levels above " + whose
	}
	return "at the depth of " + whose
}

func sectionPunctName(v string) string {
	if v == "" {
		return "no punctuation"
	}
	return quoted(v)
}

func sectionPunctVerb(top string, n int) string {
	if top == "" {
		return pluralWord(n, "writes it without", "write it without")
	}
	return pluralWord(n, "writes it with ", "write it with ") + quoted(top)
}

// sectionNameAsWritten returns how the first section whose name has the
// key writes it.
func sectionNameAsWritten(secs []*model.Section, key string) string {
	for _, s := range secs {
		if sectionNameKey(sectionFullName(s)) == key {
			return strings.TrimRight(strings.TrimSpace(sectionFullName(s)), sectionPunct)
		}
	}
	return key
}

func kindLabel(k model.SectionKind) string {
	switch k {
	case model.SecJobGrade:
		return "Job Grade"
	case model.SecResponsibilities:
		return "Responsibilities"
	case model.SecRequirements:
		return "Requirements"
	case model.SecNiceToHaves:
		return "Nice-to-haves"
	case model.SecPerformance:
		return "Performance Indicators"
	case model.SecHiringProcess:
		return "Hiring Process"
	}
	return string(k)
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// checkSectionWordCase reports a section heading whose name writes a later
// word of the template's name in lower case ("## Individual Contributor
// Performance indicators") on a page whose other headings of two words or
// more, three or more of them, capitalise every word ("Job Grade",
// "Career Ladder", "Hiring Process"): the page writes title case, and the
// one heading that does not trips the reader. The name must be the
// template's own words ("Performance indicators", not "Key performance
// measures"); a first word in lower case is checkSectionCase's.
func checkSectionWordCase(p *lint.Pass) {
	f := p.File
	title := 0
	var other []*model.Heading
	for _, h := range f.Headings {
		words := strings.Fields(h.Text)
		if len(words) < 2 {
			continue // one word has no case to keep
		}
		if headingTitleCase(words) {
			title++
		} else if len(words) <= headingSentenceWords {
			other = append(other, h) // a longer one is a sentence, in sentence case
		}
	}
	if len(other) == 0 || title < 3 {
		return
	}
	var secs []*model.Section
	secs = append(secs, f.Sections...)
	for _, r := range f.Roles {
		for _, s := range r.Sections {
			if s.Role == r {
				secs = append(secs, s)
			}
		}
	}
	// the headings that are not title case must all be the one name
	// written in lower case: "Performance indicators" under each level is
	// one slip copied, two names in lower case a page in sentence case
	var first *model.Section
	var places []model.Span
	name := ""
	seen := map[*model.Heading]bool{}
	for _, s := range secs {
		if s.Style != model.StyleHeading || s.Heading == nil || !slices.Contains(other, s.Heading) || seen[s.Heading] {
			continue
		}
		seen[s.Heading] = true
		n := strings.TrimRight(strings.TrimSpace(s.Name), sectionPunct)
		want := kindLabel(s.Kind)
		if n == want || !strings.EqualFold(n, want) || len(strings.Fields(want)) < 2 || n[0] < 'A' || n[0] > 'Z' {
			continue
		}
		if first == nil {
			first, name = s, n
			continue
		}
		if n != name {
			return
		}
		places = append(places, s.Heading.TextSpan)
	}
	if first == nil || len(places)+1 != len(other) {
		return // another heading is not title case: no title case to keep
	}
	s := first
	msg := fmt.Sprintf("%s section is named %s here; the page's other %d headings of two words or more capitalise every word",
		kindLabel(s.Kind), quoted(name), title)
	if len(places) > 0 {
		var lines []string
		for _, pl := range places {
			lines = append(lines, strconv.Itoa(p.File.Source.Position(pl.Start).Line))
		}
		msg = fmt.Sprintf("%s section is named %s here and on %s %s; the page's other %d headings of two words or more capitalise every word",
			kindLabel(s.Kind), quoted(name), pluralWord(len(lines), "line", "lines"), joinAnd(lines), title)
	}
	d := lint.Diagnostic{
		Span:    s.Span,
		Message: msg,
		Role:    s.Role,
		Subject: string(s.Kind) + " word case: " + name,
		Diff:    "[-" + name + "-]{+" + kindLabel(s.Kind) + "+}",
		Places:  places,
	}
	text := string(p.File.Source.Text[s.Heading.TextSpan.Start:s.Heading.TextSpan.End])
	if i := strings.LastIndex(text, name); i >= 0 {
		d.Span = model.Span{Start: s.Heading.TextSpan.Start + i, End: s.Heading.TextSpan.Start + i + len(name)}
	}
	p.Report(d)
}

// headingSentenceWords is the most words a heading that names something
// has: a longer one is a sentence ("The following steps would be
// scheduled after ..."), in sentence case whatever the page's headings.
const headingSentenceWords = 6

// headingTitleCase reports whether a heading's words are in title case:
// every word that starts with a letter starts with a capital, but for the
// short words title case leaves in lower case ("of", "and", "to").
func headingTitleCase(words []string) bool {
	for _, w := range words {
		c := w[0]
		if c >= 'a' && c <= 'z' && !titleCaseMinor[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// titleCaseMinor are the words title case writes in lower case.
var titleCaseMinor = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "by": true, "for": true, "with": true, "as": true, "from": true, "into": true,
	"per": true, "via": true, "vs": true, "is": true,
}

// checkFamilyIndicatorsInLevels reports "### Performance Indicators" at the
// depth of the roles' headings inside "## Levels", after the last role,
// where no role has indicators of its own and the family has no other
// Performance Indicators section: the list is the family's, but its heading
// makes it read as a level of the ladder (or a section of the last role
// alone); a ## heading after the levels says whose it is. A role whose
// sections sit at its own heading's depth gives no evidence: that page's
// levels are flat.
func checkFamilyIndicatorsInLevels(p *lint.Pass) {
	f := p.File
	var levels *model.Section
	for _, s := range f.Sections {
		switch s.Kind {
		case model.SecLevels:
			if s.Heading != nil && levels == nil {
				levels = s
			}
		case model.SecPerformance:
			return // the family's own list is elsewhere
		}
	}
	if levels == nil || len(f.Roles) < 2 {
		return
	}
	var pi *model.Section
	var owner *model.Role
	for _, r := range f.Roles {
		for _, s := range r.Sections {
			if s.Kind != model.SecPerformance {
				continue
			}
			if pi != nil || s.Role != r || r.Heading == nil || s.Style != model.StyleHeading || s.Heading == nil || s.Prefix != "" ||
				s.Heading.Level != r.Heading.Level {
				return // indicators of the roles' own, or more than one list
			}
			pi, owner = s, r
		}
	}
	if pi == nil || owner != f.Roles[len(f.Roles)-1] || owner.Heading.Level != levels.Heading.Level+1 ||
		levels.Heading.Span.Start > owner.Heading.Span.Start {
		return
	}
	// the last role's sections sit below its heading
	below := false
	for _, s := range owner.Sections {
		if s.Role == owner && s != pi && s.Style == model.StyleHeading && s.Heading != nil && s.Heading.Level == owner.Heading.Level+1 {
			below = true
		}
	}
	if !below {
		return
	}
	p.Report(lint.Diagnostic{
		Span: pi.Heading.TextSpan,
		Message: fmt.Sprintf("Performance Indicators section is a %s heading inside %s, the depth of the roles' headings: it reads as a level, or "+
			"a section of %s alone, while no role has indicators of its own; make it a %s heading after the levels",
			strings.Repeat("#", pi.Heading.Level), quoted(strings.TrimSpace(levels.Heading.Text)), owner.Title, strings.Repeat("#", levels.Heading.Level)),
		Subject: "performance-indicators depth: family's in levels",
	})
}

// checkSectionGlued reports a section heading that runs the role's name
// into the section's name without a space ("#### Accounts Receivable
// AnalystJob Grade"): a typo the reader trips over, and the section's name
// is no longer the template's. The heading's prefix is the role's title
// followed by letters that, with the rest of the heading, spell the
// template's name ("Job" and "Grade").
func checkSectionGlued(p *lint.Pass) {
	for _, r := range p.File.Roles {
		for _, sec := range r.Sections {
			if sec.Role != r || sec.Style != model.StyleHeading || sec.Heading == nil || sec.Prefix == "" || r.Title == "" {
				continue
			}
			glued, ok := strings.CutPrefix(sec.Prefix, r.Title)
			if !ok || glued == "" || glued[0] < 'A' || glued[0] > 'Z' || !isASCIILetters(glued) {
				continue
			}
			label := kindLabel(sec.Kind)
			if !strings.EqualFold(glued+" "+sec.Name, label) && !strings.EqualFold(glued, label) {
				continue
			}
			written := strings.TrimSpace(sec.Heading.Text)
			want := r.Title + " " + label
			p.Report(lint.Diagnostic{
				Span: sec.Heading.TextSpan,
				Message: fmt.Sprintf("%s section's heading runs the role's name into the section's name (%s): write %s",
					label, quoted(written), quoted(want)),
				Role:    r,
				Subject: string(sec.Kind) + " name: glued",
			})
		}
	}
}

// checkSectionPrefixComma reports a section heading whose prefix writes the
// role's title without the comma its heading has ("#### Senior Manager
// Billing Responsibilities" under "### Senior Manager, Billing"): the
// heading names its role otherwise than the role's heading, as a slip; the
// words are the title's, so the fix is the title's punctuation.
func checkSectionPrefixComma(p *lint.Pass) {
	for _, r := range p.File.Roles {
		if !strings.Contains(r.Title, ",") {
			continue
		}
		bare := strings.Join(strings.Fields(strings.ReplaceAll(r.Title, ",", " ")), " ")
		for _, sec := range r.Sections {
			if sec.Role != r || sec.Style != model.StyleHeading || sec.Heading == nil || sec.Prefix == "" {
				continue
			}
			if strings.Join(strings.Fields(sec.Prefix), " ") != bare {
				continue
			}
			label := strings.TrimSpace(sec.Name)
			p.Report(lint.Diagnostic{
				Span: sec.Heading.TextSpan,
				Message: fmt.Sprintf("%s section's heading writes the role's name %s without the comma of its heading %s: write %s",
					kindLabel(sec.Kind), quoted(sec.Prefix), quoted(r.Title), quoted(r.Title+" "+label)),
				Role:    r,
				Subject: string(sec.Kind) + " prefix: comma",
			})
		}
	}
}
