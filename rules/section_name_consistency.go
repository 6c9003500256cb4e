package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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
			"only, and a bold label inside a section of the same kind (\"**Team responsibilities**\" under " +
			"\"### Responsibilities\") is not a section of its own.",
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
			{Name: "check", Default: "[name, markup, prefix]", Text: "the aspects compared: `name`, `markup` (heading or bold paragraph), `prefix` (role name before the section name)"},
		},
	},
	Options: func() any {
		return &sectionNameConsistencyOptions{MinMajority: 2, Check: []string{"name", "punctuation", "depth", "markup"}}
	},
	Validate: func(o any) error {
		opts := o.(*sectionNameConsistencyOptions)
		if opts.MinMajority < 1 {
			return fmt.Errorf("min_majority must be at least 1")
		}
		for _, c := range opts.Check {
			if c != "name" && c != "punctuation" && c != "depth" && c != "markup" && c != "prefix" {
				return fmt.Errorf("check: %q is not name, punctuation, depth, markup or prefix", c)
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
	{"name", func(s *model.Section) string { return sectionNameKey(s.Name) }, func(v string) string { return "named " + quoted(v) }},
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
	for _, kind := range order {
		checkSectionNamesOf(p, groups[kind], enabled, opts.MinMajority, misspellingOn)
	}
}

func checkSectionNamesOf(p *lint.Pass, roles []*model.Role, enabled map[string]bool, minMajority int, misspellingOn bool) {
	kinds := []model.SectionKind{model.SecJobGrade, model.SecResponsibilities, model.SecRequirements, model.SecNiceToHaves, model.SecPerformance}
	if enabled["depth"] {
		checkSectionDepths(p, roles, kinds, minMajority)
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
			if !enabled[a.name] || a.name == "depth" {
				continue // depth is compared per role, below
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
					written, usual := strings.TrimRight(strings.TrimSpace(s.Name), sectionPunct), sectionNameAsWritten(secs, top)
					d.Message = fmt.Sprintf("%s section is named %s here; %d other %s of the family %s it %s", kindLabel(kind), quoted(written),
						n, pluralWord(n, "role", "roles"), pluralWord(n, "names", "name"), quoted(usual))
					d.Diff = worddiff.Compare(written, usual).String()
					if s.Heading != nil {
						d.Span = s.Heading.TextSpan
						if i := strings.LastIndex(string(p.File.Source.Text[s.Heading.TextSpan.Start:s.Heading.TextSpan.End]), s.Name); i >= 0 {
							d.Span = model.Span{Start: s.Heading.TextSpan.Start + i, End: s.Heading.TextSpan.Start + i + len(s.Name)}
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
func checkSectionDepths(p *lint.Pass, roles []*model.Role, kinds []model.SectionKind, minMajority int) {
	depthOf := map[*model.Role]string{}
	first := map[*model.Role]*model.Section{}
	counts := map[string]int{}
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
	if n < minMajority || counts[forms[1]] == n {
		return
	}
	for _, r := range roles {
		v, ok := depthOf[r]
		if !ok || v == top || 2*counts[v] > n {
			continue
		}
		sec := first[r]
		p.Report(lint.Diagnostic{
			Span: r.Heading.TextSpan,
			Message: fmt.Sprintf("the sections of %s are %s headings %s; %d other %s of the family put theirs %s", r.Title,
				strings.Repeat("#", sec.Heading.Level), sectionDepth(v, "its heading"), n, pluralWord(n, "role", "roles"),
				sectionDepth(top, "their heading")+": the role's heading or its sections are at the wrong depth"),
			Role:    r,
			Subject: "depth: " + v,
		})
	}
}

// sectionDepth says how far below a role's heading a section's is.
func sectionDepth(v, whose string) string {
	n, _ := strconv.Atoi(v)
	switch {
	case n == 1:
		return "one level below " + whose
	case n > 1:
		return strconv.Itoa(n) + " levels below " + whose
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
		if sectionNameKey(s.Name) == key {
			return strings.TrimRight(strings.TrimSpace(s.Name), sectionPunct)
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
	}
	return string(k)
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
