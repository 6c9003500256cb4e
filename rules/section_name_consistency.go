package rules

import (
	"fmt"
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
		return &sectionNameConsistencyOptions{MinMajority: 2, Check: []string{"name", "markup", "prefix"}}
	},
	Validate: func(o any) error {
		opts := o.(*sectionNameConsistencyOptions)
		if opts.MinMajority < 1 {
			return fmt.Errorf("min_majority must be at least 1")
		}
		for _, c := range opts.Check {
			if c != "name" && c != "markup" && c != "prefix" {
				return fmt.Errorf("check: %q is not name, markup or prefix", c)
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
	{"name", func(s *model.Section) string { return strings.Join(strings.Fields(s.Name), " ") }, func(v string) string { return "named " + quoted(v) }},
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

func checkSectionNameConsistency(p *lint.Pass) {
	opts := lint.Options[sectionNameConsistencyOptions](p.Options)
	enabled := map[string]bool{}
	for _, c := range opts.Check {
		enabled[c] = true
	}
	kinds := []model.SectionKind{model.SecJobGrade, model.SecResponsibilities, model.SecRequirements, model.SecNiceToHaves, model.SecPerformance}
	for _, kind := range kinds {
		var secs []*model.Section
		for _, r := range p.File.Roles {
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
			if !enabled[a.name] {
				continue
			}
			// roles per form
			roles := map[string]map[*model.Role]bool{}
			for _, s := range secs {
				if a.name == "prefix" && s.Style != model.StyleHeading {
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
			if n < opts.MinMajority || len(roles[forms[1]]) == n {
				continue // no clear majority
			}
			for _, s := range secs {
				v := a.read(s)
				if roles[v] == nil || v == top || 2*len(roles[v]) > n {
					continue // the variant is not used by few enough roles
				}
				d := lint.Diagnostic{
					Span: s.Span,
					Message: fmt.Sprintf("%s section is %s here; %d other %s of the family %s it %s", kindLabel(kind), a.describe(v),
						n, pluralWord(n, "role", "roles"), pluralWord(n, "has", "have"), a.describe(top)),
					Role:    s.Role,
					Subject: string(kind) + " " + a.name + ": " + v,
				}
				if a.name == "name" {
					d.Message = fmt.Sprintf("%s section is named %s here; %d other %s of the family %s it %s", kindLabel(kind), quoted(v),
						n, pluralWord(n, "role", "roles"), pluralWord(n, "names", "name"), quoted(top))
					d.Diff = worddiff.Compare(top, v).String()
					if s.Heading != nil {
						d.Span = s.Heading.TextSpan
						if i := strings.LastIndex(string(p.File.Source.Text[s.Heading.TextSpan.Start:s.Heading.TextSpan.End]), s.Name); i >= 0 {
							d.Span = model.Span{Start: s.Heading.TextSpan.Start + i, End: s.Heading.TextSpan.Start + i + len(s.Name)}
						}
					}
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
