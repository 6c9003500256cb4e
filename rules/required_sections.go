package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/schema"
)

var requiredSectionsRule = &lint.Rule{
	ID:       "required-sections",
	Title:    "each level and each family has the sections the policy requires",
	Category: lint.Structure,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "The handbook's policy lists the areas every job family must have. ladderlint summarises " +
			"each page that has roles as `{\"sections\": {KIND: {\"bullets\": N, \"paragraphs\": N}}, \"roles\": " +
			"[{\"title\", \"kind\", \"graded\", \"sections\": {...}}]}` and validates the summary against a JSON Schema: " +
			"the built-in `schema/required-sections.schema.json`, or the file named by `required_sections` in " +
			"`.ladderlint.yml`, so a company can state its own policy. Each property a `required` keyword names but the " +
			"summary lacks is a finding, on the role's title or (for family sections) the page title; alternatives " +
			"(`anyOf`) give one finding.\n\n" +
			"The default policy: every level has Responsibilities and Requirements (a level without a grade is " +
			"`grade-missing`'s finding, not a second one here: one defect, one finding; a policy file may ask for " +
			"`job-grade` too, and then a grade sentence counts); the family has a Hiring Process; Performance Indicators are given family-wide or for every " +
			"level. When some levels have their own and the family has none, each level without is reported at its title; " +
			"when none has, the family is reported once. Performance Indicators or a Hiring Process headed at the level " +
			"of the role headings above them (or above the depth of the level's own section headings: \"###\" after its \"####\" Requirements) close the group of levels, and count for all of them; so do those written once " +
			"under the last level when no other level has its own. A section introduced by a list item of its own (\"- " +
			"Performance Indicators\" followed by the indicators) is there, and a level whose Requirements or Responsibilities " +
			"are given for each of its specialties has them. A role written under two " +
			"headings of the same title has the sections of both; a level graded under another level's heading, without one of its own " +
			"(\"#### Manager, X Job Grade\" under \"### Senior X\"), owns the sections its name heads and what they take over, and the " +
			"level it sits under does not. A section written for the whole family, outside any role (the template's overarching " +
			"Responsibilities and Requirements before the levels, or requirements headed as an advert heads them: \"You may " +
			"be a fit to this role if you\", \"You should apply if\"), counts for every level: in the summary it appears " +
			"in each role's sections with `\"inherited\": true`. So does what a level takes over from another (\"Meets all of the " +
			"requirements of an Intermediate X, plus:\", \"all of the responsibilities of the level below\", \"extends the " +
			"Senior Director role\", \"Staff X are Senior Xs who additionally meet the following criteria\"), followed transitively; \"Extends that of the X\" written " +
			"in a level's Responsibilities (or Requirements) takes over that list only; a sentence whose subject is the role itself (\"The " +
			"Distinguished Engineer role extends the Staff Backend Engineer role\") takes it over whole wherever it is written. A level that takes another role over whole, in its " +
			"own text (\"This role extends the Manager role\"), takes over its Performance Indicators and Hiring Process too; when " +
			"the level it takes over lacks one as well, the finding is that level's, naming the levels that take it over (one " +
			"defect, one finding), not one on each. A level that takes over whole, in its own text, a role of another page (\"extends the " +
			"[Backend Engineering Manager](/job-families/.../backend/) role\"), or a level here that does, is measured by that role's " +
			"Performance Indicators, which the linter does not read; its Hiring Process, how this role is hired, is still the page's to give. " +
			"Specialties and segments inherit from their level and " +
			"need none of their own. When every level but one adds Responsibilities (or Requirements) of its own to the " +
			"family's, that one is told it has none of its own (not the first level, whose the family's list often is, nor " +
			"one that says it takes them over). When that level's list follows its other sections under a heading written at " +
			"the depth of the page's groups (\"### Director, X\", \"#### Responsibilities\", then \"## Requirements\"), the finding " +
			"(`info`) is at that heading and names the depth it needs. A page without role headings that has Responsibilities or Requirements is one role: it is asked only " +
			"for what every family has (Hiring Process, Performance Indicators), and told, at `info`, when its only requirements are headed as " +
			"preferences (\"## Preferred Requirements\", read as nice-to-haves: nothing on the page is then required); it is told it has no Requirements, at its title, " +
			"when its Responsibilities hold the bullet every level's requirements must hold (required-bullet's \"Ability to use GitLab\") and nothing on " +
			"the page is headed as requirements (nor an unread include may hold them). Pages without roles or such sections (folder " +
			"index stubs) are not checked, unless the page declares itself a job family's (`layout: job_family_page`, as the 2022 " +
			"site does) and has nothing after its front matter: that empty page is one finding, at its title (not a draft or " +
			"a redirect). A Hugo include standing alone on its line within a level's text, named after a " +
			"section (\"{{% job-families/sales/performance %}}\"), is that level's section, written once for many pages; outside every level " +
			"it is the family's (the linter does not read it, and says nothing of it: a section written once for many pages is no defect). So is one called with angle brackets (\"{{< job-families/sales/performance >}}\"). A Hugo " +
			"`include` shortcode or a Middleman ERB partial (`<%= partial 'includes/...' %>`) of a file named after a section is that " +
			"section too; of a file named after none, its content is unread and may hold anything: the level whose text holds it (or, " +
			"outside every level, every level and the family) is not told it lacks a section (its Responsibilities and Requirements, " +
			"and the Performance Indicators or Hiring Process other levels give). Duties written once for the family under " +
			"an advert's heading (\"As a Data Engineer you will\", \"What you can expect in a Data Engineer role\", \"What you'll do\", " +
			"\"Leveling areas\" and the headings under it, or a list led in by \"As a Data Engineer, you will:\") are every level's " +
			"responsibilities, and what it needs in an advert's words (\"What you'll need\", \"What we're looking for\", \"Who you are\", " +
			"\"About you\") every level's requirements. The page's own role, without a heading (its Job Grade, Responsibilities " +
			"and Requirements at the top of the page, then \"## Levels\"), gives its lists to every headed level after it. A level whose heading is nested in " +
			"another level's text (after that level's Requirements) takes over that level's lists it lacks; a level described by two " +
			"or more dimension headings of its own (\"Technical\", \"Execution\", \"Leadership\") instead of Responsibilities and " +
			"Requirements has its content in another shape and is not told it lacks them.\n\n" +
			"Default severity is warning, from what the corpus shows: of 899 levels in the 2022 and current handbooks, " +
			"about 9% have no Job Grade section, 14% no Responsibilities and 19% no Requirements of their own (many " +
			"extend a lower level in prose); 13% of families have no Hiring Process and 23% no Performance Indicators. " +
			"Make it an error once a handbook is clean.\n\n" +
			"Two shapes are one `info` finding instead of one finding for each section they lack: a deprecated level " +
			"(option `statuses`), and a level whose " +
			"responsibilities are bullets straight under its heading, without a Responsibilities heading (option " +
			"`unheaded`). A level without Responsibilities of its own whose Requirements list opens by taking over another level's responsibilities " +
			"(\"### Requirements\", then \"All of the responsibilities of an X, plus:\") lists responsibilities and states no requirements: one `info` " +
			"finding, at that heading. A level with neither Responsibilities nor Requirements whose only list is under its \"Job Grade\" heading is one `info` " +
			"finding saying so (head that list, add the other section). A level whose one missing list is written under another heading is one `info` finding saying " +
			"where: a list under its \"Job Grade\" heading, requirements headed by another name (\"Desirable Skills, " +
			"Knowledge, and Experience\", at that heading), responsibilities headed by words that name duties (\"What you can " +
			"expect in a Support Engineer role\", at that heading), or a list under a sub-heading that gives only the level's title " +
			"(\"#### Manager, X\" under \"### Manager, X\", at that heading; option `unheaded`). So is a family whose hiring process is " +
			"headed by other words that speak of hiring or interviews (\"Interview team and focus areas for each person\", \"Hiring Plan\"); a " +
			"heading that holds the section's name in longer words (\"Hiring process overview\") is the section. Family Performance " +
			"Indicators headed for one seniority track of `grades.tracks` (\"## Individual Contributor Performance indicators\"; also \"IC\", " +
			"\"Management\", \"People Leader\") count only for that track's levels (and those the ladder places on no track) when the page has " +
			"levels on another. A placeholder level (holding only placeholders such as \"To be " +
			"defined at time of business need.\", or saying \"More details will be added at a later date\" with a \"TBD\" " +
			"among its items) and an acting rotation (\"Acting ...\", \"Interim ...\": the person keeps their own grade) are " +
			"not asked for sections; an acting rotation is not reported at all (nothing to fix). `grade-missing` and " +
			"`required-bullet` leave them and deprecated levels alone, and they need no Hiring Process either: a page whose " +
			"only role is an acting rotation is not asked for one. A placeholder level is reported only with " +
			"option `placeholders`: \"To be defined at time of business need\" is how some of the handbook's pages keep a graded " +
			"level that no one holds yet (the policy page itself names no placeholder), not a leftover.",
		Options: []lint.OptionDoc{
			{Name: "statuses", Default: "true", Text: "Report a deprecated role once (info); false: not at all. An acting rotation is never reported: it is no defect."},
			{Name: "placeholders", Default: "false", Text: "With `statuses`, report a level that holds only placeholders once (info) too."},
			{Name: "unheaded", Default: "true", Text: "Report responsibilities written as bullets under a level's heading without a Responsibilities heading (info)."},
		},
		Bad:  "---\ntitle: Example\n---\n\n## Manager, Example\n\n### Job Grade\n\nThe Manager, Example is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n### Responsibilities\n\n- Lead the team\n\n## Performance Indicators\n\n- Team results\n\n## Hiring Process\n\n- A screening call\n",
		Good: "---\ntitle: Example\n---\n\n## Manager, Example\n\n### Job Grade\n\nThe Manager, Example is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n### Responsibilities\n\n- Lead the team\n\n### Requirements\n\n- Ability to use GitLab\n\n## Performance Indicators\n\n- Team results\n\n## Hiring Process\n\n- A screening call\n",
	},
	Options: func() any { return &requiredSectionsOptions{Statuses: true, Unheaded: true} },
	Check:   checkRequiredSections,
}

func init() { lint.Register(requiredSectionsRule) }

// sectionTitles names section kinds in messages.
var sectionTitles = map[string]string{
	"job-grade": "Job Grade", "responsibilities": "Responsibilities", "requirements": "Requirements",
	"nice-to-haves": "Nice-to-haves", "performance-indicators": "Performance Indicators",
	"hiring-process": "Hiring Process", "career-ladder": "Career Ladder", "levels": "Levels",
	"specialties": "Specialties", "segment": "Segment", "expertise": "Expertise",
}

func sectionTitle(kind string) string {
	if t, ok := sectionTitles[kind]; ok {
		return t
	}
	return kind
}

// summary is what the required-sections schema sees of a page, as a JSON
// value (schema.ToJSONValue's form, made directly): objects, arrays, strings
// (invalid UTF-8 bytes replaced as encoding/json does), booleans and
// json.Number.
func summary(f *model.Family) map[string]any {
	s := summarize(f, nil)
	roles := make([]any, s.roles)
	for i := range roles {
		roles[i] = s.role(i)
	}
	s.base["roles"] = roles
	return s.base
}

// familySummary is a page's summary with its roles made one at a time
// (role(i) for i < roles), so that a page of many roles can be validated
// a group of roles at a time.
type familySummary struct {
	base  map[string]any // path, title, sections: all but "roles"
	roles int
	role  func(i int) any
}

// summarize returns the summary of a page, its roles made on demand.
// trackOf, when not nil, names the seniority track of a title (see
// trackScoped).
func summarize(f *model.Family, trackOf func(title string) string) familySummary {
	scoped := trackScoped(f, trackOf)
	advert := familyAdvertSections(f)
	secs := func(ss []*model.Section) map[string]any {
		m := map[string]any{}
		counts := map[string][2]int{}
		for _, s := range ss {
			for _, kind := range summaryKinds(s, advert) {
				k := string(kind)
				c := counts[k]
				c[0] += len(s.Bullets)
				c[1] += len(s.Paragraphs)
				counts[k] = c
			}
		}
		for k, c := range counts {
			m[jsonString(k)] = map[string]any{"bullets": jsonInt(c[0]), "paragraphs": jsonInt(c[1])}
		}
		return m
	}
	// family-wide role sections (Requirements written before the levels, say)
	// apply to every level
	var shared, family []*model.Section
	for _, s := range f.Sections {
		if _, ok := scoped[s]; ok {
			continue // one track's: its levels get it below
		}
		family = append(family, s)
		if _, ok := advert[s]; ok || s.Kind.IsRoleSection() && s.Kind != model.SecJobGrade {
			shared = append(shared, s)
		}
	}
	// Performance Indicators or a Hiring Process headed at the level of the
	// role heading before them ("### Senior Manager, X", then "###
	// Performance Indicators") close that role: they are the group's, not
	// the role's own
	// So do those headed above the depth of the role's own section headings
	// ("## Senior Analyst", "#### Senior Analyst Requirements", then "###
	// Performance Indicators"): written one level up, for the group.
	for _, r := range f.Roles {
		own := ownSectionDepth(r)
		for _, s := range r.Sections {
			if (s.Kind == model.SecPerformance || s.Kind == model.SecHiringProcess) && s.Heading != nil && r.Heading != nil &&
				(s.Heading.Level <= r.Heading.Level || own > 0 && s.Heading.Level < own) {
				shared = append(shared, s)
			}
		}
	}
	shared = append(shared, lastRoleGroupSections(f)...)
	// one role under two headings of the same title ("## ESG Manager" with
	// the grade, "## ESG Manager" again with the rest): their sections are
	// the role's
	byTitle := map[string][]*model.Role{}
	for _, r := range f.Roles {
		if r.Heading != nil {
			k := model.NormalizeTitle(r.Title)
			byTitle[k] = append(byTitle[k], r)
		}
	}
	children := childRoles(f)
	includes := sectionIncludes(f)
	enclosing := enclosingLevels(f)
	// the page's own roles, without a heading (not a level named in a
	// grade sentence, which shares its sections with another)
	var pageRoles []*model.Role
	for _, b := range f.Roles {
		if b.Heading == nil && b.SharesWith == nil && b.Kind == model.KindLevel && (b.Section(model.SecResponsibilities) != nil || b.Section(model.SecRequirements) != nil) {
			pageRoles = append(pageRoles, b)
		}
	}
	// what the family's text includes from files the linter does not read:
	// the section its name names, or (named after none) any of them
	famIncluded := map[string]string{}
	for _, in := range includes {
		if in.role != nil {
			continue
		}
		kinds := []model.SectionKind{in.kind}
		if in.kind == "" {
			kinds = []model.SectionKind{model.SecResponsibilities, model.SecRequirements, model.SecPerformance, model.SecHiringProcess}
		}
		for _, k := range kinds {
			if _, ok := famIncluded[string(k)]; !ok {
				famIncluded[string(k)] = in.name
			}
		}
	}
	role := func(i int) any {
		r := f.Roles[i]
		own := r
		if r.SharesWith != nil {
			own = r.SharesWith
		}
		ownSecs := own.Sections
		if r.Heading != nil {
			if same := byTitle[model.NormalizeTitle(r.Title)]; len(same) > 1 {
				ownSecs = nil
				for _, x := range same {
					ownSecs = append(ownSecs, x.Sections...)
				}
			}
		}
		// a level graded in this one's Job Grade section ("#### Manager, X
		// Job Grade" under "### Senior X", no heading of its own) owns the
		// sections its name heads, and what they take over: they are not
		// this level's
		inh := own
		if r.SharesWith == nil {
			var kept []*model.Section
			var gone []*model.Section
			for _, s := range ownSecs {
				if s.Role == r && namesSharingRole(r, s) {
					gone = append(gone, s)
					continue
				}
				kept = append(kept, s)
			}
			if len(gone) > 0 {
				ownSecs = kept
				cp := *own
				cp.Extends = nil
				for _, e := range own.Extends {
					in := false
					for _, g := range gone {
						if e.Sentence != nil && g.Span.Start <= e.Sentence.Span.Start && e.Sentence.Span.Start < max(g.Body.End, g.Span.End) {
							in = true
						}
					}
					if !in {
						cp.Extends = append(cp.Extends, e)
					}
				}
				inh = &cp
			}
		}
		rs := secs(ownSecs)
		var track []*model.Section
		for sec, t := range scoped {
			// a level the ladder places on no track gets it too
			if rt := trackOf(r.Title); rt == t || rt == "" {
				track = append(track, sec)
			}
		}
		for k, v := range secs(append(slices.Clone(shared), track...)) {
			if _, ok := rs[k]; !ok {
				v.(map[string]any)["inherited"] = true
				rs[k] = v
			}
		}
		for k, name := range famIncluded {
			if _, ok := rs[k]; !ok {
				rs[k] = map[string]any{"bullets": jsonInt(0), "paragraphs": jsonInt(1), "inherited": true, "include": jsonString(name)}
			}
		}
		// a level whose heading is nested in another level's text ("##
		// Data Engineer" with its Requirements, then "### Senior Data
		// Engineer"): that level's lists are its own too
		if p := enclosing[own]; r.Kind == model.KindLevel && p != nil {
			for _, k := range []model.SectionKind{model.SecResponsibilities, model.SecRequirements} {
				if _, ok := rs[string(k)]; !ok && p.Section(k) != nil {
					v := secs([]*model.Section{p.Section(k)})[string(k)]
					v.(map[string]any)["inherited"] = true
					rs[string(k)] = v
				}
			}
		}
		// the page's own role, without a heading (its Job Grade,
		// Responsibilities and Requirements written at the top of the page,
		// then "## Levels"): its lists are the family's, every headed
		// level's
		if r.Kind == model.KindLevel && r.Heading != nil {
			for _, b := range pageRoles {
				if b.Span.Start >= r.Span.Start {
					continue
				}
				for _, k := range []model.SectionKind{model.SecResponsibilities, model.SecRequirements} {
					if _, ok := rs[string(k)]; !ok && b.Section(k) != nil {
						v := secs([]*model.Section{b.Section(k)})[string(k)]
						v.(map[string]any)["inherited"] = true
						rs[string(k)] = v
					}
				}
			}
		}
		// what the level takes over from another ("Meets all of the
		// requirements of ..., plus:"), followed transitively
		for k := range inh.InheritedKinds() {
			if _, ok := rs[jsonString(string(k))]; ok {
				continue
			}
			v := secs(inh.InheritedSections(k))[jsonString(string(k))]
			if v == nil {
				v = map[string]any{"bullets": jsonInt(0), "paragraphs": jsonInt(1)} // named, on no role of the page
			}
			v.(map[string]any)["inherited"] = true
			rs[jsonString(string(k))] = v
		}
		// a level that takes another role over whole ("extends the Manager
		// role", "Staff X are Senior Xs who additionally ...": its
		// responsibilities and requirements both) takes over its Performance
		// Indicators and Hiring Process too
		for _, k := range []model.SectionKind{model.SecPerformance, model.SecHiringProcess} {
			if _, ok := rs[string(k)]; ok {
				continue
			}
			if ss := wholeRoleSections(own, k); len(ss) > 0 {
				v := secs(ss)[string(k)]
				v.(map[string]any)["inherited"] = true
				rs[string(k)] = v
			}
		}
		// a level that takes over whole a role of another page ("The
		// Senior Engineering Manager role extends the [Backend Engineering
		// Manager](/job-families/.../backend/) role"), itself or through
		// the roles it takes over here, is measured by that role's
		// Performance Indicators, unseen (its Hiring Process, how this role
		// is hired, is still this page's to give)
		if _, ok := rs[string(model.SecPerformance)]; !ok && wholeOtherPage(f, own) {
			rs[string(model.SecPerformance)] = map[string]any{"bullets": jsonInt(0), "paragraphs": jsonInt(1), "inherited": true, "other_page": true}
		}
		// requirements (or responsibilities) given only per specialty of
		// the level ("#### Foundations", "### Foundations Requirements"):
		// the level has them, split
		for _, k := range []model.SectionKind{model.SecResponsibilities, model.SecRequirements} {
			if _, ok := rs[string(k)]; !ok && r.Kind == model.KindLevel {
				if n := childrenAllHave(children, own, k); n > 0 {
					rs[string(k)] = map[string]any{"bullets": jsonInt(n), "paragraphs": jsonInt(0), "by_specialty": true}
				}
			}
		}
		// a section introduced by a list item of its own ("- Performance
		// Indicators" in the requirements, the indicators as the next items):
		// there, under another shape
		for k, n := range bulletSections(ownSecs) {
			if _, ok := rs[k]; !ok {
				rs[k] = map[string]any{"bullets": jsonInt(n), "paragraphs": jsonInt(0), "in_list": true}
			}
		}
		// a Hugo include named after a section ("{{% job-families/sales/performance %}}")
		// within the role's text: the section, written once for many pages
		// one that names no section, within the role's text or the
		// family's, may hold its Responsibilities and Requirements: unread,
		// they are not called missing
		for _, in := range includes {
			if in.role != r && (in.kind != "" || in.role != nil) {
				continue
			}
			kinds := []model.SectionKind{in.kind}
			if in.kind == "" {
				kinds = []model.SectionKind{model.SecResponsibilities, model.SecRequirements}
			} else if in.role == nil {
				continue // the family's: in the base, inherited below
			}
			for _, k := range kinds {
				if _, ok := rs[string(k)]; !ok {
					rs[string(k)] = map[string]any{"bullets": jsonInt(0), "paragraphs": jsonInt(1), "include": jsonString(in.name)}
				}
			}
		}
		// responsibilities written as bullets straight under the level
		// heading: present, without their heading (reported apart, as info)
		if _, ok := rs["responsibilities"]; !ok && r.Kind == model.KindLevel {
			if n := unheadedBullets(own); n > 0 {
				rs["responsibilities"] = map[string]any{"bullets": jsonInt(n), "paragraphs": jsonInt(0), "unheaded": true}
			} else if c := nameOnlyHeading(f, own); c != nil {
				rs["responsibilities"] = map[string]any{"bullets": jsonInt(unheadedBullets(c)), "paragraphs": jsonInt(0), "unheaded": true}
			}
		}
		// a level described by dimensions under headings of their own
		// ("#### Technical", "#### Execution", "#### Leadership") instead
		// of Responsibilities and Requirements: its content is there, in
		// another shape the template does not name
		_, hasResp := rs["responsibilities"]
		_, hasReq := rs["requirements"]
		if !hasResp && !hasReq && r.Kind == model.KindLevel {
			if n, items := dimensionSections(own); n >= 2 {
				for _, k := range []string{"responsibilities", "requirements"} {
					rs[k] = map[string]any{"bullets": jsonInt(items), "paragraphs": jsonInt(0), "dimensions": true}
				}
			}
		}
		// a deprecated, placeholder or acting role is reported once, apart
		if r.Status != "" {
			for _, k := range []string{"job-grade", "responsibilities", "requirements", "performance-indicators", "hiring-process"} {
				if _, ok := rs[k]; !ok {
					rs[k] = map[string]any{"bullets": jsonInt(0), "paragraphs": jsonInt(0), "status": jsonString(string(r.Status))}
				}
			}
		}
		if _, ok := rs["job-grade"]; !ok && (r.Grade != nil || r.NoGrade != nil) {
			rs["job-grade"] = map[string]any{"bullets": jsonInt(0), "paragraphs": jsonInt(1)}
		}
		return map[string]any{"title": jsonString(r.Title), "kind": jsonString(string(r.Kind)), "graded": r.Grade != nil, "sections": rs}
	}
	famSecs := secs(family)
	for k, name := range famIncluded {
		if _, ok := famSecs[k]; !ok {
			famSecs[k] = map[string]any{"bullets": jsonInt(0), "paragraphs": jsonInt(1), "include": jsonString(name)}
		}
	}
	base := map[string]any{"path": jsonString(f.Path), "title": jsonString(f.Title), "sections": famSecs}
	if len(f.Roles) == 0 {
		// a page that is one role without a role heading (the title names
		// it: "## Responsibilities", "## Requirements"): asked only what the
		// family must have; the level's own sections are left to the
		// rules of grades and to the reader
		rs := secs(f.Sections)
		for _, k := range []string{"job-grade", "responsibilities", "requirements"} {
			if _, ok := rs[k]; !ok {
				rs[k] = map[string]any{"bullets": jsonInt(0), "paragraphs": jsonInt(0), "page": true}
			}
		}
		page := map[string]any{"title": jsonString(f.Title), "kind": jsonString(string(model.KindLevel)), "graded": false, "sections": rs}
		return familySummary{base: base, roles: 1, role: func(int) any { return page }}
	}
	return familySummary{base: base, roles: len(f.Roles), role: role}
}

// sectionInclude is a Hugo content shortcode standing alone on its line
// ("{{% job-families/sales/performance %}}") whose name names a section:
// the page takes that section from a file the linter does not read.
type sectionInclude struct {
	name string
	kind model.SectionKind
	role *model.Role // the innermost role whose text holds it
	at   int         // where it starts
}

var (
	includeLineRE = regexp.MustCompile(`(?m)^[ \t]*\{\{[%<][ \t]*([A-Za-z0-9_./-]+)[ \t]*[%>]\}\}[ \t]*$`)
	// the sections an include's name may stand for, by the first word(s)
	// of their usual heading ("performance" for Performance Indicators)
	includeKinds = []struct {
		kind model.SectionKind
		name string
	}{
		{model.SecPerformance, "performance indicators"},
		{model.SecHiringProcess, "hiring process"},
		{model.SecResponsibilities, "responsibilities"},
		{model.SecRequirements, "requirements"},
	}
)

// sectionIncludes returns the page's includes that name a section (a
// Hugo shortcode standing alone on its line, "{{% job-families/sales/performance %}}",
// a Hugo "include" shortcode or a Middleman ERB partial of a file whose
// name names one), and the includes of a file whose name names none
// (kind "": its content, unread, may hold any section), each with the
// innermost role whose text holds it (nil: the family's). A shortcode
// inside a code block (shown, not run) or with arguments (a link, a note)
// is not one, nor a bare shortcode named after no section (a widget, a
// note: "{{% job-families/sales/values %}}").
func sectionIncludes(f *model.Family) []sectionInclude {
	if f.Source == nil {
		return nil
	}
	var out []sectionInclude
	add := func(at int, name string, kind model.SectionKind) {
		in := sectionInclude{name: name, kind: kind, at: at}
		for _, r := range f.Roles {
			if r.Heading != nil && r.Span.Start <= at && at < r.Span.End && (in.role == nil || r.Span.Start > in.role.Span.Start) {
				in.role = r
			}
		}
		out = append(out, in)
	}
	if bytes.Contains(f.Source.Text, []byte("{{")) {
		for _, m := range includeLineRE.FindAllSubmatchIndex(f.Source.Text, -1) {
			at := bytes.Index(f.Source.Text[m[0]:m[1]], []byte("{{")) + m[0]
			alone := false
			for _, c := range f.Code {
				if c.Start <= at && at < c.End {
					alone = c.Start == at // a code block around it starts before
					break
				}
			}
			if !alone {
				continue
			}
			name := string(f.Source.Text[m[2]:m[3]])
			if kind, ok := includeKind(name); ok {
				add(at, name, kind)
			}
		}
	}
	ats, names := moreIncludes(f)

	for i, at := range ats {
		kind, _ := includeKind(names[i])
		add(at, names[i], kind)
	}
	return out
}

// lastRoleGroupSections returns the Performance Indicators and Hiring
// Process sections that only the last role of the page has, when other
// levels come before it: written once after the levels, nested under the
// last one ("### Senior Director, X", then "#### Performance
// Indicators" before "## Career Ladder"), they are the family's.
func lastRoleGroupSections(f *model.Family) []*model.Section {
	var last *model.Role
	levels := 0
	for _, r := range f.Roles {
		if r.Heading == nil {
			continue
		}
		if last == nil || r.Span.Start > last.Span.Start {
			last = r
		}
		if r.Kind == model.KindLevel {
			levels++
		}
	}
	if last == nil || last.Kind != model.KindLevel || levels < 2 {
		return nil
	}
	var out []*model.Section
	for _, kind := range []model.SectionKind{model.SecPerformance, model.SecHiringProcess} {
		var own []*model.Section
		others := false
		for _, r := range f.Roles {
			for _, sec := range r.Sections {
				if sec.Kind != kind {
					continue
				}
				if r == last {
					own = append(own, sec)
				} else {
					others = true
				}
			}
		}
		if !others {
			out = append(out, own...)
		}
	}
	return out
}

// childrenAllHave returns the number of bullets of kind k the specialties
// and segments of level r hold when each of them (at least one) has such a
// section of its own, else 0. children lists them by level (childRoles).
func childrenAllHave(children map[*model.Role][]*model.Role, r *model.Role, k model.SectionKind) int {
	n := 0
	for _, c := range children[r] {
		s := c.Section(k)
		if s == nil {
			return 0
		}
		n += len(s.Bullets) + len(s.Paragraphs)
	}
	return n
}

// childRoles maps each role to the specialties and segments nested under
// it.
func childRoles(f *model.Family) map[*model.Role][]*model.Role {
	out := map[*model.Role][]*model.Role{}
	for _, c := range f.Roles {
		if c.Parent != nil && c.Kind != model.KindLevel {
			out[c.Parent] = append(out[c.Parent], c)
		}
	}
	return out
}

// bulletSections finds list items that name a section by themselves
// ("- Performance Indicators", "- Hiring Process:") with items after them
// in the same section: the kinds so introduced, with the number of items
// that follow.
func bulletSections(secs []*model.Section) map[string]int {
	out := map[string]int{}
	for _, s := range secs {
		for i, b := range s.Bullets {
			if i == len(s.Bullets)-1 || len(b.Text) > 60 {
				continue
			}
			k, _, prefix, ok := model.MatchSection(strings.TrimSuffix(strings.TrimSpace(b.Text), ":"))
			if !ok || prefix != "" || k == s.Kind {
				continue
			}
			switch k {
			case model.SecPerformance, model.SecHiringProcess, model.SecResponsibilities, model.SecRequirements:
				out[string(k)] += len(s.Bullets) - 1 - i
			}
		}
	}
	return out
}

// reportOwnMissing reports a level that has no Responsibilities (or
// Requirements) of its own where every other level adds its own to the
// family's: the family-wide list covers it, but the level lost the part
// the others have (a copy that dropped a section). A level that says it
// takes them over ("shares the same responsibilities as listed above"),
// and the first level, whose the family's list often is, are not
// reported.
func reportOwnMissing(p *lint.Pass, f *model.Family) {
	var levels []*model.Role
	for _, r := range f.Roles {
		if r.Kind == model.KindLevel && r.Status == "" && r.Heading != nil && r.SharesWith == nil {
			levels = append(levels, r)
		}
	}
	if len(levels) < 3 {
		return
	}
	reported := map[string]bool{}
	// the kinds of the sections each title has, over all its headings
	kindsOf := map[string]map[model.SectionKind]bool{}
	for _, x := range f.Roles {
		if x.Heading == nil {
			continue
		}
		key := model.NormalizeTitle(x.Title)
		if kindsOf[key] == nil {
			kindsOf[key] = map[model.SectionKind]bool{}
		}
		for _, s := range x.Sections {
			for _, sk := range sectionKinds(s) {
				kindsOf[key][sk] = true
			}
		}
	}
	children := childRoles(f)
	hasOwn := func(r *model.Role, k model.SectionKind) bool {
		if kindsOf[model.NormalizeTitle(r.Title)][k] {
			return true
		}
		if _, ok := bulletSections(r.Sections)[string(k)]; ok {
			return true
		}
		return k == model.SecResponsibilities && unheadedBullets(r) > 0 || childrenAllHave(children, r, k) > 0
	}
	for _, k := range []model.SectionKind{model.SecResponsibilities, model.SecRequirements} {
		family := false
		for _, s := range f.Sections {
			if s.Kind == k {
				family = true
			}
		}
		if !family {
			continue
		}
		var lacking []*model.Role
		for _, r := range levels {
			if !hasOwn(r, k) {
				lacking = append(lacking, r)
			}
		}
		// the first level's are often the family's list itself ("###
		// Responsibilities" before "## Levels", then "### Incubation
		// Engineer" with its grade only)
		if len(lacking) != 1 || lacking[0] == levels[0] || inheritsKind(lacking[0], k) {
			continue
		}
		r := lacking[0]
		if reported[r.Title+string(k)] {
			continue
		}
		reported[r.Title+string(k)] = true
		// the level's list is there, its heading written at the depth of
		// the page's groups ("### Director, X", "#### Responsibilities",
		// then "## Requirements"): the heading's depth is the defect
		if s, want := slippedSection(f, r, k); s != nil {
			p.Report(lint.Diagnostic{Span: s.Heading.Span, Role: r, Severity: lint.Info,
				Message: fmt.Sprintf("level %q has no %s of its own under its heading: this %q heading after its sections is at level %d, "+
					"not below the level's heading (level %d), so it reads as the family's; make it level %d like the level's other sections",
					r.Title, sectionTitle(string(k)), s.Heading.Text, s.Heading.Level,
					r.Heading.Level, want),
				Subject: "own " + string(k)})
			continue
		}
		p.Report(lint.Diagnostic{Span: r.TitleSpan, Role: r,
			Message: fmt.Sprintf("level %q has no %s of its own, while every other level adds its own to the family's", r.Title, sectionTitle(string(k))),
			Subject: "own " + string(k)})
	}
}

// slippedSection returns the family-level section of kind k headed right
// after r's own sections, before any other heading at or above the depth
// of r's heading, at a depth no deeper than r's heading: r's list, its
// heading slipped up. want is the depth of r's own section headings.
func slippedSection(f *model.Family, r *model.Role, k model.SectionKind) (s *model.Section, want int) {
	if r.Heading == nil {
		return nil, 0
	}
	want = r.Heading.Level + 1
	last := -1
	for _, x := range r.Sections {
		if x.Heading != nil {
			want = x.Heading.Level
			last = max(last, x.Heading.Span.Start)
		}
	}
	if last < 0 {
		return nil, 0
	}
	for _, h := range f.Headings {
		if h.Span.Start <= last {
			continue
		}
		// the first heading after the level's last section heading that
		// is not deeper than that section
		if h.Level > want {
			continue
		}
		if h.Section != nil && h.Section.Kind == k && h.Section.Role == nil && h.Level <= r.Heading.Level && h.Role == nil {
			return h.Section, want
		}
		return nil, 0
	}
	return nil, 0
}

// roleLessSection returns, on a page without role headings, its first
// section that pick accepts, or nil: also where the page has none, or has
// a section that stop accepts.
func roleLessSection(f *model.Family, stop, pick func(*model.Section) bool) *model.Section {
	if len(f.Roles) > 0 {
		return nil
	}
	var got *model.Section
	for _, s := range f.Sections {
		switch {
		case stop(s):
			return nil
		case got == nil && pick(s):
			got = s
		}
	}
	return got
}

// reportPreferredOnly reports a page that is one role (no role headings)
// whose only requirements are headed as preferences ("## Preferred
// Requirements", which the model reads as nice-to-haves): nothing on the
// page is required, the required bullet among them included. One info
// finding, at that heading: name it Requirements.
func reportPreferredOnly(p *lint.Pass, f *model.Family) {
	pref := roleLessSection(f, func(s *model.Section) bool { return s.Kind == model.SecRequirements },
		func(s *model.Section) bool {
			return s.Kind == model.SecNiceToHaves && s.Heading != nil && len(s.Bullets) > 0 &&
				strings.Contains(strings.ToLower(s.Name), "requirement")
		})
	if pref == nil {
		return
	}
	p.Report(lint.Diagnostic{Span: pref.Heading.TextSpan, Severity: lint.Info,
		Message: fmt.Sprintf("the page's role has no Requirements section: its requirements are headed %q, which reads as nice-to-haves; "+
			"name that heading Requirements (and keep what is only preferred apart)", sectionLabel(pref)),
		Subject: "preferred requirements only"})
}

// reportRequirementsInResponsibilities reports a page that is one role
// (no role headings) with a Responsibilities heading and no Requirements,
// whose Responsibilities list holds the bullet the policy asks of every
// level's requirements (required-bullet's "Ability to use GitLab"): its
// requirements are written among its duties. One finding, at the page's
// title, naming that bullet. A page with requirements of any other name
// (preferences, nice-to-haves), or an include the linter does not read
// (it may hold them), is left alone.
func reportRequirementsInResponsibilities(p *lint.Pass, f *model.Family) {
	resp := roleLessSection(f, func(s *model.Section) bool { return s.Kind == model.SecRequirements || s.Kind == model.SecNiceToHaves },
		func(s *model.Section) bool { return s.Kind == model.SecResponsibilities && s.Heading != nil })
	if resp == nil {
		return
	}
	for _, in := range sectionIncludes(f) {
		if in.kind == "" || in.kind == model.SecRequirements {
			return
		}
	}
	want, how := requiredBulletWords(p)
	for _, b := range resp.Bullets {
		have := bulletItemWords(b)
		for _, w := range want {
			if !bulletMatches(have, w, how) {
				continue
			}
			line := f.Source.Position(b.Span.Start).Line
			p.Report(lint.Diagnostic{Span: familyAnchor(f),
				Message: fmt.Sprintf("the page's role has no Requirements section: its requirements (%q, line %d) are listed under %q; "+
					"put them under a Requirements heading", truncateNote(oneLine(b.Text)), line, sectionLabel(resp)),
				Subject: "requirements under responsibilities"})
			return
		}
	}
}

// reportResponsibilitiesAsRequirements reports a level whose only list is
// headed Requirements but opens by taking over another level's
// responsibilities ("### Requirements", then "All of the responsibilities
// of an IT Operations System Administrator, plus:"): the list is its
// responsibilities, and the level states no requirements of its own. One
// info finding, at that heading. A level with a Responsibilities section
// of its own, or one that takes over requirements too, is left alone.
func reportResponsibilitiesAsRequirements(p *lint.Pass, f *model.Family) {
	for _, r := range f.Roles {
		if r.Status != "" || r.Kind != model.KindLevel || ownSection(r, model.SecResponsibilities) != nil {
			continue
		}
		reqs := ownSection(r, model.SecRequirements)
		if reqs == nil || reqs.Heading == nil || len(reqs.Bullets) == 0 {
			continue
		}
		var takes *model.Extension
		other := false
		for _, e := range r.Extends {
			if e.Sentence == nil {
				continue
			}
			if len(e.Kinds) == 1 && e.Kinds[0] == model.SecResponsibilities && e.Sentence.Span.Start >= reqs.Body.Start && e.Sentence.Span.Start < reqs.Body.End &&
				e.Sentence.Span.Start <= reqs.Bullets[0].Span.End {
				takes = e
				continue
			}
			other = true
		}
		if takes == nil || other {
			continue
		}
		p.Report(lint.Diagnostic{Span: reqs.Heading.TextSpan, Role: r, Severity: lint.Info,
			Message: fmt.Sprintf("%s %q has no Requirements: its list headed %q takes over responsibilities (%q); "+
				"head that list Responsibilities and add the level's requirements", r.Kind, r.Title, sectionLabel(reqs), truncateNote(oneLine(takes.Sentence.Text))),
			Subject: "responsibilities headed requirements"})
	}
}

// emptyFamilyPage reports whether a page declares itself a job family's
// page ("layout: job_family_page", as the 2022 site does) and has nothing
// after its front matter, and where to report it: its front matter's
// title. A page without that declaration may be a folder index stub (Hugo
// lists the pages below it), and a draft or a redirect is not meant to be
// read: neither is reported.
func emptyFamilyPage(f *model.Family) (model.Span, bool) {
	fm := f.FrontMatter
	if fm == nil || !fm.Closed || fm.Span.End > len(f.Source.Text) || strings.TrimSpace(string(f.Source.Text[fm.Span.End:])) != "" {
		return model.Span{}, false
	}
	if layout, _ := fm.String("layout"); layout != "job_family_page" {
		return model.Span{}, false // a folder index stub, or a page of another kind
	}
	if d, _ := fm.String("draft"); d == "true" {
		return model.Span{}, false
	}
	for _, k := range []string{"redirect", "redirect_to", "redirectTo", "url"} {
		if fm.Value(k) != nil {
			return model.Span{}, false
		}
	}
	sp := fm.KeySpan("title")
	if !sp.Valid() || strings.TrimSpace(f.Title) == "" {
		return model.Span{}, false
	}
	return sp, true
}

// pageIsRole reports whether a page without roles is one role all the
// same: it has Responsibilities or Requirements of its own (a folder
// index or an overview has neither).
func pageIsRole(f *model.Family) bool {
	for _, s := range f.Sections {
		if s.Kind == model.SecResponsibilities || s.Kind == model.SecRequirements {
			return true
		}
	}
	return false
}

func jsonInt(n int) json.Number { return json.Number(strconv.Itoa(n)) }

// jsonString is s as a JSON round trip gives it back: each byte of invalid
// UTF-8 becomes U+FFFD.
func jsonString(s string) string {
	return lint.ReplaceInvalidBytes(s, func(byte) string { return string(utf8.RuneError) })
}

// unheadedBullets counts the bullets a level writes straight under its
// heading, without a section heading (the model's body section).
func unheadedBullets(r *model.Role) int {
	n := 0
	for _, s := range r.Sections {
		if s.Kind == model.SecBody {
			n += len(s.Bullets)
		}
	}
	return n
}

type requiredSectionsOptions struct {
	Statuses     bool `yaml:"statuses"`
	Placeholders bool `yaml:"placeholders"`
	Unheaded     bool `yaml:"unheaded"`
}

// statusMessages say what a role that is not a full level is, once.
var statusMessages = map[model.RoleStatus]string{
	model.StatusDeprecated:  "%s %q is marked deprecated (%s): remove it, or keep it out of the ladder's checks with a directive",
	model.StatusPlaceholder: "%s %q holds only a placeholder (%s): its responsibilities and requirements are still to be written",
}

func checkRequiredSections(p *lint.Pass) {
	f := p.File
	if len(f.Roles) == 0 && !pageIsRole(f) {
		if sp, ok := emptyFamilyPage(f); ok {
			p.Report(lint.Diagnostic{Span: sp,
				Message: fmt.Sprintf("the job-family page %q has no content after its front matter: no role, Job Grade, Responsibilities, "+
					"Requirements, Performance Indicators or Hiring Process; write the family or remove the page", strings.TrimSpace(f.Title)),
				Subject: "empty page"})
		}
		return
	}
	opts := lint.Options[requiredSectionsOptions](p.Options)
	for _, r := range f.Roles {
		switch {
		case r.Status == model.StatusPlaceholder && !opts.Placeholders:
			// the handbook's way of keeping a graded level no one holds yet
		case r.Status == model.StatusActing:
			// a rotation: the person keeps their own grade, and the page
			// is not asked for a grade or a hiring process; saying so
			// would report nothing to fix
		case r.Status != "" && opts.Statuses:
			note := ""
			if r.StatusNote != nil {
				note = fmt.Sprintf("%q", truncateNote(r.StatusNote.Text))
			}
			p.Report(lint.Diagnostic{Span: r.TitleSpan, Role: r, Severity: lint.Info,
				Message: fmt.Sprintf(statusMessages[r.Status], r.Kind, r.Title, note), Subject: "status " + string(r.Status)})
		case r.Status == "" && opts.Unheaded && r.Kind == model.KindLevel && r.Section(model.SecResponsibilities) == nil && unheadedBullets(r) == 0 &&
			nameOnlyHeading(f, r) != nil && !inheritsKind(r, model.SecResponsibilities):
			c := nameOnlyHeading(f, r)
			p.Report(lint.Diagnostic{Span: c.Heading.Span, Role: r, Severity: lint.Info,
				Message: fmt.Sprintf("%s %q has no Responsibilities heading: its list is under this heading, which gives only the role's name; name it Responsibilities",
					r.Kind, r.Title),
				Subject: "name-only responsibilities heading"})
		case r.Status == "" && opts.Unheaded && r.Kind == model.KindLevel && r.Section(model.SecResponsibilities) == nil && unheadedBullets(r) > 0 && !inheritsKind(r, model.SecResponsibilities):
			var first *model.Section
			for _, s := range r.Sections {
				if s.Kind == model.SecBody && len(s.Bullets) > 0 {
					first = s
					break
				}
			}
			p.Report(lint.Diagnostic{Span: first.Span, Role: r, Severity: lint.Info,
				Message: fmt.Sprintf("%s %q lists its responsibilities without a Responsibilities heading: add one above these bullets", r.Kind, r.Title),
				Subject: "unheaded responsibilities"})
		}
	}
	reportOwnMissing(p, f)
	reportPreferredOnly(p, f)
	reportRequirementsInResponsibilities(p, f)
	reportResponsibilitiesAsRequirements(p, f)
	sch, raw := p.Config.RequiredSectionsSchema()
	doc := p.Env.Shared(fmt.Sprintf("required-sections/doc %p", sch), func() any {
		var doc any
		_ = json.Unmarshal(raw, &doc)
		return doc
	})
	// a page of many roles is validated a group of roles at a time when
	// the policy judges each role apart (chunkSafe): the summary and the
	// validator's errors of thousands of roles are not held at once
	l := gradeLadder(p.Env, p.Config)
	trackOf := func(title string) string {
		if pl, ok := l.Classify(title); ok {
			return pl.Name
		}
		return ""
	}
	sum := summarize(f, trackOf)
	// the family's Performance Indicators headed for one track only
	scopedNote := ""
	for sec, t := range trackScoped(f, trackOf) {
		scopedNote = fmt.Sprintf("the family's, %q, are for the %s levels", sectionLabel(sec), t)
	}
	size := sum.roles
	if size < 1 {
		size = 1
	} else if size > requiredSectionsChunk && p.Env.Shared(fmt.Sprintf("required-sections/chunks %p", sch), func() any { return chunkSafe(doc) }).(bool) {
		size = requiredSectionsChunk
	}
	anchor := familyAnchor(f)
	groups := map[string]*alternatives{}
	var order []string
	seen := map[string]bool{} // errors outside the roles, reported once
	for lo := 0; lo < sum.roles; lo += size {
		hi := min(lo+size, sum.roles)
		roles := make([]any, hi-lo)
		for i := range roles {
			roles[i] = sum.role(lo + i)
		}
		inst := map[string]any{"roles": roles}
		for k, v := range sum.base {
			inst[k] = v
		}
		verr := sch.Validate(any(inst))
		if verr == nil {
			continue
		}
		for _, leaf := range schema.Leaves(verr) {
			frag := schema.KeywordPointer(leaf)
			missing := requiredMissing(doc, inst, leaf)
			loc, isRole := shiftRoleIndex(leaf.InstanceLocation, lo)
			if !isRole {
				id := leaf.KeywordLocation + "\x00" + loc + "\x00" + leaf.Message
				if seen[id] {
					continue
				}
				seen[id] = true
			}
			key := ""
			if i := alternativeIndex(frag); i >= 0 {
				key = frag[:i]
			}
			if key == "" {
				reportRequired(p, f, missing, loc, leaf.Message, anchor)
				continue
			}
			g := groups[key]
			if g == nil {
				g = &alternatives{seenRole: map[string]bool{}}
				groups[key] = g
				order = append(order, key)
			}
			g.add(f, doc, loc, frag, missing)
		}
	}
	for _, key := range order {
		groups[key].report(p, f, anchor, scopedNote)
	}
}

// requiredSectionsChunk is the number of roles validated at once on a page
// of more roles (when the policy allows it: chunkSafe).
var requiredSectionsChunk = 64

// shiftRoleIndex adds off to the role index of an instance location in
// "/roles/N" and reports whether the location is in a role.
func shiftRoleIndex(loc string, off int) (string, bool) {
	rest, ok := strings.CutPrefix(loc, "/roles/")
	if !ok {
		return loc, false
	}
	num, tail, _ := strings.Cut(rest, "/")
	i, err := strconv.Atoi(num)
	if err != nil {
		return loc, false
	}
	if off == 0 {
		return loc, true
	}
	loc = "/roles/" + strconv.Itoa(i+off)
	if tail != "" || strings.HasSuffix(rest, "/") {
		loc += "/" + tail
	}
	return loc, true
}

// reportRequired reports the properties one "required" keyword misses
// (missing; nil for another error, reported with its message), at the
// role the instance location loc points into, else at the family.
func reportRequired(p *lint.Pass, f *model.Family, missing []string, loc, message string, anchor model.Span) {
	if missing == nil {
		p.Report(lint.Diagnostic{Span: anchor, Message: "required sections: " + message, Subject: loc + " " + message})
		return
	}
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = sectionTitle(m)
	}
	list := joinAnd(names)
	noun := "section"
	if len(names) > 1 {
		noun = "sections"
	}
	if r := roleAt(f, loc); r != nil {
		msg := fmt.Sprintf("%s %q has no %s %s", r.Kind, r.Title, list, noun)
		var sev lint.Severity
		// the content is there, under another heading: say that, at info
		span := r.TitleSpan
		if s := misfiledSection(r, missing); s != nil {
			line := f.Source.Position(s.Span.Start).Line
			if s.Kind == model.SecJobGrade {
				msg = fmt.Sprintf("%s %q has no %s heading: its list is under its %q heading (line %d), which holds the grade; put the list under a %s heading",
					r.Kind, r.Title, list, sectionLabel(s), line, list)
				if len(missing) > 1 {
					msg = fmt.Sprintf("%s %q has no Responsibilities or Requirements heading: its only list is under its %q heading (line %d), which holds the grade; "+
						"head that list Responsibilities (or Requirements, if that is what it holds) and add the other section",
						r.Kind, r.Title, sectionLabel(s), line)
				}
			} else {
				// the heading is what is wrong: the finding is there
				what := "requirements"
				if missing[0] == string(model.SecResponsibilities) {
					what = "responsibilities"
				}
				msg = fmt.Sprintf("%s %q has no %s heading: its %s are headed %q; name that heading %s",
					r.Kind, r.Title, list, what, sectionLabel(s), list)
				span = s.Span
			}
			sev = lint.Info
		}
		p.Report(lint.Diagnostic{Span: span, Role: r, Message: msg, Severity: sev, Subject: "role " + strings.Join(missing, ",")})
		return
	}
	p.Report(lint.Diagnostic{Span: anchor, Message: fmt.Sprintf("the job family has no %s %s", list, noun), Subject: "family " + strings.Join(missing, ",")})
}

// misfiledRequirementWords name, in a heading the model does not know, a
// level's requirements under another name ("Desirable Skills, Knowledge,
// and Experience", "Qualifications").
var misfiledRequirementWords = map[string]bool{"skills": true, "knowledge": true, "experience": true, "qualifications": true,
	"competencies": true, "background": true}

// misfiledSection returns the section of r that holds what the missing
// sections would (only Responsibilities and Requirements): a Job Grade
// section with a list of its own beyond the grade sentence (duties or
// criteria written under "#### Job Grade"), or, for requirements alone, a
// section under a heading the model does not know whose words name
// requirements. nil when there is none.
func misfiledSection(r *model.Role, missing []string) *model.Section {
	if len(missing) == 2 && slices.Contains(missing, string(model.SecResponsibilities)) && slices.Contains(missing, string(model.SecRequirements)) {
		// both lists, written under the grade ("#### Job Grade", the grade
		// sentence, then "**Technical**" and its items, ...)
		for _, s := range r.Sections {
			if s.Kind == model.SecJobGrade && len(s.Bullets) >= 2 {
				return s
			}
		}
		return nil
	}
	if len(missing) != 1 {
		return nil // one list under another heading stands for one section
	}
	req := false
	switch model.SectionKind(missing[0]) {
	case model.SecRequirements:
		req = true
	case model.SecResponsibilities:
	default:
		return nil
	}
	for _, s := range r.Sections {
		if s.Kind == model.SecJobGrade && len(s.Bullets) >= 2 {
			return s
		}
	}
	if !req {
		return responsibilitiesUnderOtherName(r)
	}
	return requirementsUnderOtherName(r)
}

// misfiledResponsibilityWords name, in a heading the model does not know,
// a level's duties under another name ("What you can expect in a Support
// Engineer role", "Duties").
var misfiledResponsibilityWords = map[string]bool{"expect": true, "duties": true, "tasks": true}

// responsibilitiesUnderOtherName returns a role's list under a heading the
// model does not know whose words name duties, when the role has no
// Responsibilities section; else nil.
func responsibilitiesUnderOtherName(r *model.Role) *model.Section {
	if r.Section(model.SecResponsibilities) != nil {
		return nil
	}
	for _, s := range r.Sections {
		if s.Kind != model.SecOther || len(s.Bullets) < 2 {
			continue
		}
		for _, w := range wordsIn(strings.ToLower(s.Name), true) {
			if misfiledResponsibilityWords[w.Text] {
				return s
			}
		}
	}
	return nil
}

// requirementsUnderOtherName returns a role's list under a heading the
// model does not know whose words name requirements ("Desirable Skills,
// Knowledge, and Experience"), when the role has no Requirements section;
// else nil.
func requirementsUnderOtherName(r *model.Role) *model.Section {
	if r.Section(model.SecRequirements) != nil {
		return nil
	}
	for _, s := range r.Sections {
		if s.Kind != model.SecOther || len(s.Bullets) == 0 {
			continue
		}
		for _, w := range wordsIn(strings.ToLower(s.Name), true) {
			if misfiledRequirementWords[w.Text] {
				return s
			}
		}
	}
	return nil
}

// sectionLabel is a section's heading as written (with its role prefix).
func sectionLabel(s *model.Section) string {
	if s.Heading != nil {
		return s.Heading.Text
	}
	if s.Prefix != "" {
		return s.Prefix + " " + s.Name
	}
	return s.Name
}

// alternatives gathers the errors of one anyOf/oneOf whose branches all
// fail: what the first branch about the family misses, the schema's
// description of it, and the roles the other branches name.
type alternatives struct {
	first    []string
	desc     string
	roles    []string
	lacking  []*model.Role
	seenRole map[string]bool
}

// add takes one error of the group, at instance location loc (its role
// index counted in the whole page), keyword pointer frag, with what it
// misses (requiredMissing).
func (g *alternatives) add(f *model.Family, doc any, loc, frag string, missing []string) {
	if r := roleAt(f, loc); r != nil {
		if !g.seenRole[r.Title] {
			g.seenRole[r.Title] = true
			g.roles = append(g.roles, r.Title)
			g.lacking = append(g.lacking, r)
		}
	} else if g.first == nil {
		g.first = missing
		g.desc = describe(doc, frag)
	}
}

// report reports the group once: at each level that lacks the section
// when some levels have their own, else at the family.
//
// scopedNote, when not empty, says the family's Performance Indicators are
// one track's only; it replaces "the family has none" for them.
func (g *alternatives) report(p *lint.Pass, f *model.Family, anchor model.Span, scopedNote string) {
	first, roles, lacking, desc := g.first, g.roles, g.lacking, g.desc
	var names []string
	for _, m := range first {
		names = append(names, sectionTitle(m))
	}
	msg := "the job family has no " + joinAnd(names) + " section"
	if len(names) == 0 {
		msg = "the job family meets none of the alternatives of the required-sections schema"
	}
	if desc != "" {
		msg += " (" + strings.TrimSuffix(desc, ".") + ")"
	}
	// some levels have their own: the others lack theirs, each at its title
	levels := 0
	pi := len(first) == 1 && first[0] == string(model.SecPerformance)
	isLacking := map[*model.Role]bool{} // a set: a page of thousands of levels is no square
	if pi {
		for _, r := range lacking {
			isLacking[r] = true
		}
	}
	for _, r := range f.Roles {
		if r.Kind == model.KindLevel && r.Status == "" {
			levels++
			// a level measured only by another page's role (wholeOtherPage)
			// is not one that has its own: with none that has, the
			// family lacks them
			if own := sharedOwner(r); pi && !isLacking[r] && own.Section(model.SecPerformance) == nil && wholeOtherPage(f, own) {
				levels--
			}
		}
	}
	if len(names) > 0 && len(lacking) > 0 && len(lacking) < levels {
		format := "level %q has no %s section, while other levels have their own (and %s)"
		note := "the family has none"
		if scopedNote != "" && len(first) == 1 && first[0] == string(model.SecPerformance) {
			// the other levels may be covered by the family's section for
			// their track, not by their own: say only why this one is not
			format, note = "level %q has no %s section (%s)", scopedNote
		}
		// one defect, one finding: a level that takes over whole a level
		// that lacks the section too ("The Senior Director role extends the
		// Director role") lacks it only through that one; the finding there
		// names it
		isLacking := map[*model.Role]bool{}
		for _, r := range lacking {
			isLacking[r] = true
		}
		inheritors := map[*model.Role][]string{}
		var keep []*model.Role
		for _, r := range lacking {
			if b := wholeLackingBase(r, isLacking); b != nil {
				inheritors[b] = append(inheritors[b], r.Title)
				continue
			}
			keep = append(keep, r)
		}
		unread := map[*model.Role]bool{}
		for _, in := range sectionIncludes(f) {
			if in.kind == "" && in.role != nil {
				unread[in.role] = true
			}
		}
		for _, r := range keep {
			if unread[r] {
				continue // its text includes a file the linter does not read: the section may be there
			}
			msg := fmt.Sprintf(format, r.Title, joinAnd(names), note)
			if in := inheritors[r]; len(in) > 0 {
				msg += fmt.Sprintf("; %s %s this level over whole: adding it here covers %s too", joinAnd(in),
					map[bool]string{true: "takes", false: "take"}[len(in) == 1], map[bool]string{true: "it", false: "them"}[len(in) == 1])
			}
			p.Report(lint.Diagnostic{Span: r.TitleSpan, Role: r, Message: msg, AlsoRoles: inheritors[r],
				Subject: "alternatives " + strings.Join(first, ",") + " | " + r.Title})
		}
		return
	}
	if len(roles) > 0 {
		msg += "; levels without one: " + strings.Join(roles, ", ")
	}
	// the hiring process written under another heading ("## Interview team
	// and focus areas for each person", "## Hiring Plan"): say so, there
	if len(first) == 1 && first[0] == string(model.SecHiringProcess) {
		if s := hiringUnderOtherName(f); s != nil {
			if hiringProcessWordsRE.MatchString(s.Name) {
				return // "## Hiring process overview": the section, its name longer
			}
			p.Report(lint.Diagnostic{Span: s.Span, Severity: lint.Info,
				Message: fmt.Sprintf("the job family has no Hiring Process heading: its hiring process is headed %q; name that heading Hiring Process", sectionLabel(s)),
				Subject: "alternatives " + strings.Join(first, ",")})
			return
		}
	}
	p.Report(lint.Diagnostic{Span: anchor, Message: msg, Subject: "alternatives " + strings.Join(first, ",")})
}

// requiredMissing returns what a "required" error says is missing, or nil
// for other errors.
func requiredMissing(doc, inst any, leaf *jsonschema.ValidationError) []string {
	if !strings.HasSuffix(schema.KeywordPointer(leaf), "/required") {
		return nil
	}
	return schema.Offending(doc, inst, leaf)
}

// describe returns the description of the nearest schema object around frag.
func describe(doc any, frag string) string {
	parts := strings.Split(frag, "/")
	for i := len(parts); i > 0; i-- {
		if m, ok := schema.Resolve(doc, strings.Join(parts[:i], "/")).(map[string]any); ok {
			if d, ok := m["description"].(string); ok {
				return d
			}
		}
	}
	return ""
}

// alternativeIndex returns the end of the first "/anyOf" or "/oneOf"
// segment of a pointer, or -1.
func alternativeIndex(frag string) int {
	for _, kw := range []string{"/anyOf", "/oneOf"} {
		if i := strings.Index(frag, kw+"/"); i >= 0 {
			return i + len(kw)
		}
	}
	return -1
}

// roleAt returns the role an instance location like "/roles/3/sections"
// points into.
func roleAt(f *model.Family, loc string) *model.Role {
	parts := strings.Split(strings.TrimPrefix(loc, "/"), "/")
	if len(parts) < 2 || parts[0] != "roles" {
		return nil
	}
	i, err := strconv.Atoi(parts[1])
	if err != nil || i < 0 || i >= len(f.Roles) {
		return nil
	}
	return f.Roles[i]
}

// familyAnchor is where family-level findings go: the front-matter title,
// else the first heading, else the start of the page.
func familyAnchor(f *model.Family) model.Span {
	if fm := f.FrontMatter; fm != nil {
		if s := fm.NodeSpan(fm.Value("title")); s.Valid() && s.End > s.Start {
			return s
		}
	}
	if len(f.Headings) > 0 {
		return f.Headings[0].Span
	}
	return model.Span{}
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// truncateNote shortens a quoted note for a message.
func truncateNote(t string) string {
	if utf8.RuneCountInString(t) <= 80 {
		return t
	}
	r := []rune(t)
	return string(r[:77]) + "..."
}

// nameOnlyHeading returns the heading nested in level r's own that gives
// only r's title ("### Manager, X", then "#### Manager, X" over its duties,
// then "#### Manager, X Requirements"), read as a role of the same title,
// when it holds bullets of its own and r has no Responsibilities section
// anywhere under its title; else nil. Its list is r's responsibilities, the
// heading's section name left out.
func nameOnlyHeading(f *model.Family, r *model.Role) *model.Role {
	if r.Heading == nil {
		return nil
	}
	var found *model.Role
	for _, c := range headedRolesByTitle(f)[model.NormalizeTitle(r.Title)] {
		if c == r {
			continue
		}
		if c.Section(model.SecResponsibilities) != nil {
			return nil
		}
		if found == nil && c.Heading.Level > r.Heading.Level && r.Span.Contains(c.Heading.Span.Start) && unheadedBullets(c) >= 2 {
			found = c
		}
	}
	return found
}

type headedRolesKey struct{}

// headedRolesByTitle returns the page's roles that have a heading, by
// their normalized title (model.NormalizeTitle), each list in the page's
// order, for the titles two or more such roles share (nameOnlyHeading
// looks for another role of a title: a role alone with its title has
// none); built once a page (Family.Memo). nameOnlyHeading asks for every
// level without responsibilities: comparing each with every role's
// normalized title was quadratic (20,000 levels: 400 million titles
// lowered and copied).
func headedRolesByTitle(f *model.Family) map[string][]*model.Role {
	return f.Memo(headedRolesKey{}, func() any {
		all := map[string][]*model.Role{}
		shared := 0
		for _, c := range f.Roles {
			if c.Heading != nil {
				k := model.NormalizeTitle(c.Title)
				all[k] = append(all[k], c)
				if len(all[k]) == 2 {
					shared++
				}
			}
		}
		// kept until the page's memos are released: only what is asked
		m := make(map[string][]*model.Role, shared)
		for k, rs := range all {
			if len(rs) > 1 {
				m[k] = rs
			}
		}
		return m
	}).(map[string][]*model.Role)
}

// hiringProcessWordsRE finds the section's own name in a longer heading.
var hiringProcessWordsRE = regexp.MustCompile(`(?i)\b(?:hiring|interview(?:ing)?)\s+process\b`)

// hiringUnderOtherName returns the family-level section under a heading
// the model does not know whose words speak of hiring or interviews ("##
// Interview team and focus areas for each person", "## Hiring Plan"), when
// there is exactly one; else nil.
func hiringUnderOtherName(f *model.Family) *model.Section {
	var found *model.Section
	for _, s := range f.Sections {
		if s.Kind != model.SecOther || s.Heading == nil || len(s.Bullets)+len(s.Paragraphs) == 0 {
			continue
		}
		for _, w := range wordsIn(strings.ToLower(s.Name), true) {
			if w.Text == "hiring" || strings.HasPrefix(w.Text, "interview") {
				if found != nil {
					return nil
				}
				found = s
				break
			}
		}
	}
	return found
}

// trackAliases are other names of the default tracks in a heading
// ("IC Performance Indicators", "Management Performance Indicators").
var trackAliases = map[string]string{"ic": "individual contributor", "individual contributors": "individual contributor",
	"management": "manager", "managers": "manager", "people manager": "manager", "people managers": "manager",
	"people leader": "manager", "people leaders": "manager", "leadership": "manager"}

// trackScoped returns the family-level Performance Indicators whose heading
// names a seniority track ("## Individual Contributor Performance
// indicators"), each with that track's name, when the page has levels on
// that track and on another: they are those levels' only, not the
// family's. nil without trackOf.
func trackScoped(f *model.Family, trackOf func(string) string) map[*model.Section]string {
	if trackOf == nil {
		return nil
	}
	var out map[*model.Section]string
	for _, s := range f.Sections {
		if s.Kind != model.SecPerformance || s.Prefix == "" {
			continue
		}
		name := strings.ToLower(strings.Join(strings.Fields(s.Prefix), " "))
		if a, ok := trackAliases[name]; ok {
			name = a
		}
		on, off := 0, 0
		for _, r := range f.Roles {
			if r.Kind != model.KindLevel || r.Status != "" {
				continue
			}
			if t := trackOf(r.Title); t == name {
				on++
			} else if t != "" {
				off++
			}
		}
		if on > 0 && off > 0 {
			if out == nil {
				out = map[*model.Section]string{}
			}
			out[s] = name
		}
	}
	return out
}

// ownSectionDepth returns the depth of r's Responsibilities, Requirements
// and Job Grade headings when they all share one (0 when they do not, or
// there are fewer than two).
func ownSectionDepth(r *model.Role) int {
	depth, n := 0, 0
	for _, s := range r.Sections {
		if s.Heading == nil || s.Kind != model.SecResponsibilities && s.Kind != model.SecRequirements && s.Kind != model.SecJobGrade {
			continue
		}
		if depth != 0 && s.Heading.Level != depth {
			return 0
		}
		depth = s.Heading.Level
		n++
	}
	if n < 2 {
		return 0
	}
	return depth
}

// wholeRoleSections returns the sections of kind k of the roles r takes
// over whole (an extension of both its responsibilities and its
// requirements, written in the level's own text: "This role extends the
// Manager role"), followed transitively through such extensions. "Extends
// that of the X." written in the level's Responsibilities (or
// Requirements) takes over that list only.
func wholeRoleSections(r *model.Role, k model.SectionKind) []*model.Section {
	var out []*model.Section
	seen := map[*model.Role]bool{r: true}
	for x, depth := r, 0; x != nil && depth < 32; depth++ {
		from := wholeExtensions(x, seen)
		for _, f := range from {
			for _, sec := range f.Sections {
				if sec.Kind == k {
					out = append(out, sec)
				}
			}
		}
		x = nil
		if len(from) > 0 {
			x = from[0]
		}
	}
	return out
}

// wholeExtensions returns the roles x takes over whole (both lists, by a
// sentence of its own text, not one inside a list) that seen does not hold
// yet, and adds them to seen: one step of the chains wholeRoleSections and
// wholeLackingBase follow.
func wholeExtensions(x *model.Role, seen map[*model.Role]bool) []*model.Role {
	var out []*model.Role
	for _, e := range x.Extends {
		if e.From == nil || seen[e.From] || !slices.Contains(e.Kinds, model.SecResponsibilities) || !slices.Contains(e.Kinds, model.SecRequirements) || inListSection(x, e) {
			continue
		}
		seen[e.From] = true
		out = append(out, e.From)
	}
	return out
}

// wholeOtherPage reports whether r, or a role it takes over whole on this
// page (followed as wholeRoleSections does), takes over whole a role the
// page does not have, by a sentence of its own text that links to another
// page.
func wholeOtherPage(f *model.Family, r *model.Role) bool {
	seen := map[*model.Role]bool{r: true}
	for x, depth := r, 0; x != nil && depth < 32; depth++ {
		for _, e := range x.Extends {
			if e.From != nil || e.Sentence == nil || !slices.Contains(e.Kinds, model.SecResponsibilities) ||
				!slices.Contains(e.Kinds, model.SecRequirements) || inListSection(x, e) {
				continue
			}
			for _, l := range f.Links {
				if l.Span.Within(e.Sentence.Span) && l.Path != "" {
					return true
				}
			}
		}
		from := wholeExtensions(x, seen)
		x = nil
		if len(from) > 0 {
			x = from[0]
		}
	}
	return false
}

// sharedOwner is the role whose sections r's are (r.SharesWith), or r.
func sharedOwner(r *model.Role) *model.Role {
	if r.SharesWith != nil {
		return r.SharesWith
	}
	return r
}

// wholeLackingBase follows the roles r takes over whole (as
// wholeRoleSections does) and returns the last of them in that chain that
// lacks the section too, or nil when the first it takes over is not one.
func wholeLackingBase(r *model.Role, lacking map[*model.Role]bool) *model.Role {
	var base *model.Role
	seen := map[*model.Role]bool{r: true}
	for x, depth := r, 0; x != nil && depth < 32; depth++ {
		from := wholeExtensions(x, seen)
		if len(from) == 0 || !lacking[from[0]] {
			break
		}
		base, x = from[0], from[0]
	}
	return base
}

// roleSubjectRE is an extension sentence whose subject is the role itself
// ("The Distinguished Engineer role extends the Staff Backend Engineer
// role", "This role extends ..."): it takes the other role over whole,
// wherever it is written, unlike "Extends that of the X" in a list.
var roleSubjectRE = regexp.MustCompile(`(?i)^\s*(?:this|the\s+[^.;:]+?)\s+(?:role|position)\s+(?:extends|builds\s+(?:up)?on)\b`)

// inListSection reports whether e's sentence is written in one of r's
// Responsibilities or Requirements sections.
func inListSection(r *model.Role, e *model.Extension) bool {
	if e.Sentence == nil || roleSubjectRE.MatchString(e.Sentence.Text) {
		return false
	}
	at := e.Sentence.Span.Start
	for _, sec := range r.Sections {
		if (sec.Kind == model.SecResponsibilities || sec.Kind == model.SecRequirements) && (sec.Span.Contains(at) || sec.Body.Contains(at)) {
			return true
		}
	}
	return false
}

// inheritsKind reports whether r takes sections of kind k over from
// another role, or from the family-wide sections.
func inheritsKind(r *model.Role, k model.SectionKind) bool {
	_, ok := r.InheritedKinds()[k]
	return ok
}

// sectionKinds are the kinds a section holds: its own, and the one a
// combined heading names first ("Responsibilities and Requirements").
func sectionKinds(s *model.Section) []model.SectionKind {
	kinds := []model.SectionKind{s.Kind}
	if s.Kind != model.SecRequirements && s.Kind != model.SecResponsibilities || s.Prefix == "" {
		return kinds
	}
	t := strings.TrimSpace(s.Prefix)
	for _, join := range []string{"&", "and", "+", ","} {
		if strings.HasSuffix(strings.ToLower(t), join) {
			t = strings.TrimSpace(t[:len(t)-len(join)])
			if k, _, _, ok := model.MatchSection(t); ok && (k == model.SecRequirements || k == model.SecResponsibilities) && k != s.Kind {
				kinds = append(kinds, k)
			}
			break
		}
	}
	return kinds
}
