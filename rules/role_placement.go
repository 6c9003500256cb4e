package rules

import (
	"fmt"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var rolePlacementRule = &lint.Rule{
	ID:       "role-placement",
	Title:    "a level with its own grade is not listed under Specialties",
	Category: lint.Structure,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "A specialty refines a level and shares its grade (\"In addition to the requirements defined above " +
			"for the Manager, Infrastructure, the Delivery specialty requires ...\"). A role with a grade of its own is " +
			"a level: listed under the Specialties section it reads as a specialty of the level above, and readers and " +
			"tools miss it in the ladder. Move it under Levels (or before the Specialties section), or drop its grade " +
			"if it is a specialty.",
		Bad: "---\ntitle: Support Engineer\n---\n\n## Levels\n\n### Support Engineer\n\n#### Job Grade\n\n" +
			"The Support Engineer is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"## Specialties\n\n### Senior Support Engineer\n\n#### Job Grade\n\n" +
			"The Senior Support Engineer is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n",
		Good: "---\ntitle: Support Engineer\n---\n\n## Levels\n\n### Support Engineer\n\n#### Job Grade\n\n" +
			"The Support Engineer is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"### Senior Support Engineer\n\n#### Job Grade\n\n" +
			"The Senior Support Engineer is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"## Specialties\n\n### US Federal\n\nIn addition to the requirements above, the US Federal specialty requires:\n\n- US citizenship\n",
	},
	Check: checkRolePlacement,
}

func init() { lint.Register(rolePlacementRule) }

func checkRolePlacement(p *lint.Pass) {
	for _, r := range p.File.Roles {
		if r.Placement != string(model.SecSpecialties) || r.Grade == nil {
			continue
		}
		p.Report(lint.Diagnostic{
			Span: roleTitleSpan(r),
			Role: r,
			Message: fmt.Sprintf("%s has its own grade (%s) but is listed under Specialties: list it under Levels, or drop its grade if it is a specialty",
				r.Title, gradeText(r.Grade)),
			Subject: "under specialties",
		})
	}
}
