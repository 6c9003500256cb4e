package rules

import (
	"gitlab.com/ladderlint/ladderlint/lint"
)

type vacancyWordingOptions struct {
	Phrases      []string `yaml:"phrases"`
	SkipSections []string `yaml:"skip_sections"`
}

var vacancyWordingRule = &lint.Rule{
	ID:       "vacancy-wording",
	Title:    "the page reads like a job advertisement (\"you will\", \"we're hiring\")",
	Category: lint.Policy,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "A job family describes a role for team members and managers as much as for candidates: it is " +
			"the basis of career conversations and performance reviews, and it stays while vacancies come and go. " +
			"The handbook's job-family policy therefore asks that it not read like a vacancy, and names phrases " +
			"such as \"you will\", \"exciting opportunity\" and \"we're hiring for\". Each listed phrase is reported " +
			"where it occurs, matched on whole words, case-insensitively, with straight and curly apostrophes alike; " +
			"code, link targets and front matter are not read. Describe the role in the third person " +
			"(\"The Backend Engineer reviews ...\") or as a bullet that starts with a verb.",
		Bad: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n" +
			"This is an exciting opportunity: as a Backend Engineer you will build GitLab.\n\n" +
			"### Responsibilities\n\n- Build features of the GitLab product\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n" +
			"Backend Engineers build GitLab, its features and the GitLab.com service.\n\n" +
			"### Responsibilities\n\n- Build features of the GitLab product\n",
		Options: []lint.OptionDoc{
			{Name: "phrases", Default: "[you will, you'll, exciting opportunity, we're hiring, we are hiring, we're looking for, we are looking for, join our team, ideal candidate, apply now]",
				Text: "Phrases reported, matched on whole words; a word ending in `*` matches any word it starts."},
			{Name: "skip_sections", Default: "[]",
				Text: "Section kinds not checked, e.g. `[hiring-process]` to allow addressing candidates there " +
					"(kinds: responsibilities, requirements, nice-to-haves, performance-indicators, hiring-process, career-ladder, ...)."},
		},
	},
	Options: func() any {
		return &vacancyWordingOptions{Phrases: []string{
			"you will", "you'll", "exciting opportunity", "we're hiring", "we are hiring",
			"we're looking for", "we are looking for", "join our team", "ideal candidate", "apply now",
		}}
	},
	Validate: func(o any) error {
		opts := o.(*vacancyWordingOptions)
		if err := policyValidPhrases("phrases", opts.Phrases); err != nil {
			return err
		}
		return policyValidSections("skip_sections", opts.SkipSections)
	},
	Check: checkVacancyWording,
}

func init() { lint.Register(vacancyWordingRule) }

func checkVacancyWording(p *lint.Pass) {
	opts := lint.Options[vacancyWordingOptions](p.Options)
	phrases := sharedPolicySet(p.Env, "vacancy-wording/phrases", opts.Phrases)
	for _, b := range p.File.Blocks {
		if policyInSections(policySectionKind(b), opts.SkipSections) {
			continue
		}
		for _, m := range findPolicyPhrases(b, phrases) {
			text := m.Text()
			p.Report(lint.Diagnostic{
				Span:    m.Span(),
				Message: "vacancy wording " + policyQuote(text) + ": a job family describes the role, it does not advertise a vacancy",
				Subject: policySubject(text),
			})
		}
	}
}
