package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

type requiredBulletOptions struct {
	Bullets []string `yaml:"bullets"`
	Match   string   `yaml:"match"`
	Kinds   []string `yaml:"kinds"`
	// Reworded: a bullet asking the same ability in other words counts
	Reworded bool `yaml:"reworded"`
	// RewordedInfo: such a bullet is reported, at info, as a matter of
	// wording
	RewordedInfo bool `yaml:"reworded_info"`
}

var requiredBulletRule = &lint.Rule{
	ID:       "required-bullet",
	Title:    "every level's requirements hold the required bullet (\"Ability to use GitLab\")",
	Category: lint.Policy,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "The handbook's job-family policy, and the CI job that enforced it, require \"Ability to use GitLab\" as " +
			"a bullet in every role's requirements. A bullet counts when it is in a Requirements section (a heading or a " +
			"bold paragraph, with its sub-headings), at any list depth; nice-to-haves do not count, since they are not " +
			"required. Text is compared ignoring case, markup, spacing and trailing punctuation, and a bullet that is the required " +
			"one, or the same with its opening noun made an adjective (\"Able to use GitLab.\"), is that bullet; by default " +
			"(`match: contains`) the bullet may say more around it, in whole words (\"You have the ability to use " +
			"GitLab.\", \"Ability to use GitLab for merge requests\", \"Able to use GitLab to plan work\"), and `prefix` or `exact` are stricter. " +
			"So does a requirement that asks more than the ability: experience with or an understanding of GitLab (\"Experience using, " +
			"deploying, or configuring GitLab\", \"Strong understanding of GitLab for project management\"; with `reworded`), not GitLab named as one example among " +
			"others (\"Experience with Continuous Integration systems (e.g. Jenkins, Travis, GitLab)\"). A level whose requirements ask the " +
			"same ability in other words (\"Capability to use GitLab\", \"A working knowledge of GitLab\", \"Comfortable using " +
			"Google Workspace and GitLab\"; option `reworded`) is told so, at `info`, quoting its bullet: a matter of wording, not a " +
			"missing requirement (`reworded_info: false` takes it for the bullet). A rewording counts only in requirements, not in " +
			"a family-level section of another kind (\"Use the GitLab product\" among the duties). A plain line " +
			"\"Nice-to-haves:\" (or \"Preferred qualifications\") inside a Requirements list opens its optional part: the " +
			"bullets after it are not required, and never quoted as asking the bullet. Written as a wish or " +
			"as something still to learn (\"Willingness to learn and use GitLab\", \"Ability to learn and use GitLab tools\", " +
			"\"GitLab experience is a plus\"), or naming GitLab the company (\"frameworks used at GitLab\", \"value for partners " +
			"and GitLab\"), it does not count; a wish or something to learn is quoted in the finding (\"they ask only ..., as a " +
			"wish or something to learn\"), so the fix is plain: turn it into the ability.\n\n" +
			"Where it must be:\n\n" +
			"- In a family-level Requirements section (template 1: requirements shared by all levels, before the " +
			"levels; one written after a role, at the depth of its heading, is that role's, unless it is the page's only " +
			"one, after the first role, and no other level has requirements of its own; and one written between the first " +
			"level's heading and the next level's is the first level's when a later level has requirements of its own): " +
			"that covers every role of the family. So do the requirements of the page as a role (top-level " +
			"\"## Job Grade\" and \"## Requirements\") and of an ungraded first role that introduces the family " +
			"(\"## Content Editor\" or \"## Role\" with its Requirements, then the levels; not when ungraded groups " +
			"stand side by side, as \"## Benefits\" and \"## Compensation\" do), and a family-level section whose " +
			"name the model does not know (\"You may be a fit to this role if you\"), though findings never point there.\n" +
			"- Otherwise in each level's own requirements (also those under a second heading with the same title, or, when " +
			"it has no Requirements heading, a list headed by another name that names requirements: \"Desirable Skills, " +
			"Knowledge, and Experience\"), or " +
			"in those of the role it inherits them from: the role it shares a grade sentence with (unless it has a list of its own: \"#### Lead X Requirements\" left under \"## Senior X\" is the Lead's, and so is what that list takes over: \"Extends that of the Manager, X requirements\" in a \"#### Senior Manager, X Requirements\" left under \"### Senior X\" does not cover the Senior X), the role whose " +
			"heading encloses its own in the page outline, the base its inheritance sentence names, and the role whose " +
			"requirements its text takes over, read as required-sections reads it (one reading, the page model's): \"Extends ...\" " +
			"(or a typo of it: \"Exends\"), \"Requirements for the X extend the Y job\", \"In addition to the above requirements " +
			"for ...\", \"In addition to the above:\", \"Meets all of the requirements of an Intermediate X, plus:\", \"all of the " +
			"requirements of the level below\", \"All of the above requirements and:\", \"shares the same requirements as " +
			"listed above\", \"the same requirements as other [Staff Analysts](#staff-analyst)\", \"This role extends the Manager, X " +
			"role\" (the role named, its title written whole; a text that opens with \"Extends\" and names no role of the page: the " +
			"level before), or the role of the heading an in-page link names (\"extend the main [requirements](#requirements)\"), " +
			"followed transitively. A text that takes over only responsibilities (\"Extends the X responsibilities\" in a " +
			"Responsibilities list) or another list (\"Extends that of the Senior Manager, X.\" in a Performance Indicators list) takes over no requirements, and an \"In addition to ...\" that names no role of the page " +
			"takes nothing over unless it says \"above\" (\"In addition to the above\", not \"In " +
			"addition to the partner programs\"). A role of another linted page that an inheritance sentence links to (\"This " +
			"role extends the [Senior Director, Development](/job-families/.../senior-director/) role\": the heading its " +
			"fragment names, else the role its link text names, else the page's only role) covers the level when it, its " +
			"page's family-wide requirements, or the pages it extends in turn hold the bullet; so do family-wide requirements " +
			"that take over another page's (\"Extends that of the [Distinguished Engineer](.../distinguished/#requirements) " +
			"requirements\"): they are reported only when that page lacks the bullet too. Runs over all linted pages " +
			"at once for that. Specialties and segments refine a level and are covered by it (see `kinds`); but a level " +
			"with no requirements of its own whose specialties under its heading have a Requirements list each (\"#### " +
			"Foundations\", \"### Foundations Requirements\") is checked in those lists: each must hold the bullet.\n\n" +
			"Reported: once, at the family-level Requirements heading, when that section lacks the bullet and some " +
			"level does not list it itself; else at each uncovered level's Requirements heading, or at its title " +
			"when it has no requirements at all (only for a graded level: an ungraded heading with nothing required is " +
			"more likely a sub-heading than a role). A level that lacks the bullet only because the level it inherits its " +
			"requirements from lacks it is not reported: the finding at that base level names the levels that inherit from it " +
			"(one defect, one finding). A rewording is quoted from the level's own requirements (or those it inherits), else " +
			"from the family's, never from a family-level section of another kind. A page of one role written as segments " +
			"or specialties under the family's requirements is checked there, and so is a page without role headings that has " +
			"Responsibilities or Requirements of its own (the page is the role: an executive's page). A page without roles or such sections (an overview, a folder index) is not checked, nor " +
			"are deprecated levels, levels that hold only placeholders and acting rotations (`required-sections` reports " +
			"those once).",
		Bad: "---\ntitle: Accountant\n---\n\n## Accountant\n\n" +
			"The Accountant is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"### Requirements\n\n- Experience with month-end close\n\n### Nice-to-haves\n\n- Ability to use GitLab\n",
		Good: "---\ntitle: Accountant\n---\n\n## Accountant\n\n" +
			"The Accountant is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
			"### Requirements\n\n- Experience with month-end close\n- Ability to use GitLab.\n",
		Options: []lint.OptionDoc{
			{Name: "bullets", Default: "[Ability to use GitLab]", Text: "Bullets every level's requirements must hold; an empty list turns the rule off."},
			{Name: "match", Default: "contains", Text: "`exact`: the whole bullet; `prefix`: the bullet starts with it (whole words); `contains`: the bullet holds it (whole words)."},
			{Name: "kinds", Default: "[level]", Text: "Role kinds checked (`level`, `specialty`, `segment`)."},
			{Name: "reworded", Default: "true", Text: "A requirement that asks the same ability in other words is told apart from a missing bullet (\"Capability to use GitLab\", \"A working knowledge of GitLab\"), and one that asks more (\"Experience using GitLab\", \"Strong understanding of GitLab\") holds it: a word of use or knowledge (of experience or understanding, for more) at most ten words before the bullet's last word, in its clause (no \"where\", \"which\", \"that\" ... between them), that word not right after \"at\", and nothing that makes it a wish or something to learn (\"a plus\", \"willingness to\", \"learn\"). Only with `match: contains`."},
			{Name: "reworded_info", Default: "true", Text: "With `reworded`, report such a requirement at `info`, quoting it; false: take it for the bullet (no finding)."},
		},
	},
	Options: func() any {
		return &requiredBulletOptions{Bullets: []string{"Ability to use GitLab"}, Match: "contains", Kinds: []string{string(model.KindLevel)}, Reworded: true, RewordedInfo: true}
	},
	Validate: func(o any) error {
		opts := o.(*requiredBulletOptions)
		switch opts.Match {
		case "exact", "prefix", "contains":
		default:
			return fmt.Errorf("match: %q is not exact, prefix or contains", opts.Match)
		}
		for _, k := range opts.Kinds {
			switch model.RoleKind(k) {
			case model.KindLevel, model.KindSpecialty, model.KindSegment:
			default:
				return fmt.Errorf("kinds: unknown role kind %q (want level, specialty or segment)", k)
			}
		}
		return policyValidPhrases("bullets", opts.Bullets)
	},
	Collect:       collectRequiredBullet,
	CheckAll:      checkRequiredBulletAll,
	SlimModels:    true, // CheckAll reads the Collect summaries and the roles findings name
	FewMemos:      true, // Collect asks the words of few blocks (inheritance sentences)
	EncodeSummary: encodeBulletSummary,
	DecodeSummary: decodeBulletSummary,
}

func init() { lint.Register(requiredBulletRule) }

// bulletTarget is a page another page's inheritance sentence links to:
// its file (absolute path) and the heading the link names, if any.
type bulletTarget struct {
	file, fragment, text string
}

// bulletCandidate is a finding on a level that may yet inherit the bullet
// from another page ("This role extends the [Senior Director,
// Development](/job-families/.../senior-director/) role"): it is reported
// unless one of those pages has it.
type bulletCandidate struct {
	d       lint.Diagnostic
	want    string         // the bullet, lower case
	targets []bulletTarget // pages the level (or a level it inherits from) extends
}

// bulletRoleCover is what a page tells other pages about one of its roles.
//
// A page's summary holds one a headed role until the merge stage (20,000 on
// a page of 20,000 graded headings): kept by value in the summary's slice,
// with its anchors in one string, it is 80 bytes, where a pointer to 88 (the
// 96-byte class) and an array of one anchor took 120.
type bulletRoleCover struct {
	ids     string         // its heading's anchors (each style), apart by NULs, which no modelled page holds
	title   string         // normalized title
	has     []string       // the bullets it holds, itself or through its page (lower case)
	targets []bulletTarget // other pages it extends
}

// bulletSummary is a page's summary for the cross-page step.
type bulletSummary struct {
	unreported bool // collected for a page whose findings are not reported
	file       string
	f          *model.Family
	pageHas    map[string]bool // bullets the family-level requirements hold
	roles      []bulletRoleCover
	candidates []bulletCandidate
	direct     *lint.Held // findings that depend on no other page, capped as the page's report lists them
}

func collectRequiredBullet(p *lint.Pass) any {
	sum := &bulletSummary{f: p.File, pageHas: map[string]bool{}, unreported: p.Unreported}
	env := linksOf(p.Env, p.Config)
	sum.file, _ = env.sites.Abs(p.File.Path)
	idx, page := env.sites.For(p.File.Path)
	resolve := func(ls []*model.Link) []bulletTarget {
		if idx == nil {
			return nil
		}
		var out []bulletTarget
		for _, l := range ls {
			if strings.TrimSpace(l.Path) == "" {
				continue
			}
			res := idx.Resolve(page, l, env.own)
			if res.Found && res.Hit.File != "" && res.Hit.File != sum.file {
				out = append(out, bulletTarget{file: res.Hit.File, fragment: l.Fragment, text: model.NormalizeTitle(l.Text)})
			}
		}
		return out
	}
	checkRequiredBullet(p, sum, resolve)
	return sum
}

// encodeBulletSummary keeps what another page's findings need of an
// unreported page: its path, the bullets its family-level requirements hold
// and its roles (anchors, title, bullets, the pages they extend). Its own
// findings, which are not reported, are left out.
func encodeBulletSummary(v any) ([]byte, bool) {
	s, ok := v.(*bulletSummary)
	if !ok || !s.unreported {
		return nil, false
	}
	var w summaryWriter
	w.str(s.file)
	writeSet := func(m map[string]bool) {
		keys := make([]string, 0, len(m))
		for k, v := range m {
			if v {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		w.uint(uint64(len(keys)))
		for _, k := range keys {
			w.str(k)
		}
	}
	writeList := func(l []string) { // in the options' order
		w.uint(uint64(len(l)))
		for _, k := range l {
			w.str(k)
		}
	}
	writeSet(s.pageHas)
	w.uint(uint64(len(s.roles)))
	for _, r := range s.roles {
		w.uint(uint64(strings.Count(r.ids, idSep) + 1))
		for id := range strings.SplitSeq(r.ids, idSep) {
			w.str(id)
		}
		w.str(r.title)
		writeList(r.has)
		w.uint(uint64(len(r.targets)))
		for _, t := range r.targets {
			w.str(t.file)
			w.str(t.fragment)
			w.str(t.text)
		}
	}
	return w.b, true
}

// idSep stands between a role's anchors in bulletRoleCover.ids.
const idSep = "\x00"

// hasID reports whether id is one of the anchors ids holds.
func hasID(ids, id string) bool {
	for x := range strings.SplitSeq(ids, idSep) {
		if x == id {
			return true
		}
	}
	return false
}

// addID returns ids with id after its anchors.
func addID(ids, id string) string {
	return ids + idSep + id
}

// decodeBulletSummary reads what encodeBulletSummary wrote: a summary with
// no findings of its own.
func decodeBulletSummary(_ *lint.Env, b []byte) (any, error) {
	r := summaryReader{b: b}
	s := &bulletSummary{unreported: true, file: r.str()}
	readSet := func() map[string]bool {
		m := map[string]bool{}
		for n := r.count(1); n > 0 && r.err == nil; n-- {
			m[r.str()] = true
		}
		return m
	}
	s.pageHas = readSet()
	for n := r.count(1); n > 0 && r.err == nil; n-- {
		var rc bulletRoleCover
		for k, first := r.count(1), true; k > 0 && r.err == nil; k, first = k-1, false {
			if id := r.str(); first {
				rc.ids = id
			} else {
				rc.ids = addID(rc.ids, id)
			}
		}
		rc.title = r.str()
		for k := r.count(1); k > 0 && r.err == nil; k-- {
			rc.has = append(rc.has, r.str())
		}
		for k := r.count(3); k > 0 && r.err == nil; k-- {
			rc.targets = append(rc.targets, bulletTarget{file: r.str(), fragment: r.str(), text: r.str()})
		}
		s.roles = append(s.roles, rc)
	}
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("required-bullet: %w", err)
	}
	return s, nil
}

// checkRequiredBulletAll reports each page's findings, but those on a
// level that extends a role of another linted page that holds the bullet.
func checkRequiredBulletAll(p *lint.SetPass) {
	byFile := map[string]*bulletSummary{}
	var sums []*bulletSummary
	for _, f := range p.Files {
		s, _ := p.Summary(f).(*bulletSummary)
		if s == nil {
			continue
		}
		sums = append(sums, s)
		if s.file != "" {
			byFile[s.file] = s
		}
	}
	for _, s := range sums {
		p.ReportHeld(s.direct)
		for _, c := range s.candidates {
			covered := false
			for _, t := range c.targets {
				if bulletTargetHas(byFile, t, c.want, map[bulletTarget]bool{}) {
					covered = true
					break
				}
			}
			if !covered {
				c.d.File = s.f
				p.Report(c.d)
			}
		}
	}
}

// bulletTargetHas reports whether the role a link leads to (the heading
// its fragment names, else the role its text names, else the page's only
// role) holds the bullet, itself, through its page, or through the pages
// it extends in turn.
func bulletTargetHas(byFile map[string]*bulletSummary, t bulletTarget, want string, seen map[bulletTarget]bool) bool {
	if seen[t] || len(seen) > 64 {
		return false
	}
	seen[t] = true
	s := byFile[t.file]
	if s == nil {
		return false // a page not linted: nothing known of it
	}
	if s.pageHas[want] {
		return true
	}
	var role *bulletRoleCover
	for i := range s.roles {
		if t.fragment != "" && hasID(s.roles[i].ids, t.fragment) {
			role = &s.roles[i]
			break
		}
	}
	if role == nil && t.text != "" {
		for i := range s.roles {
			if s.roles[i].title == t.text {
				role = &s.roles[i]
				break
			}
		}
	}
	if role == nil && len(s.roles) == 1 {
		role = &s.roles[0]
	}
	if role == nil {
		return false
	}
	if slices.Contains(role.has, want) {
		return true
	}
	for _, next := range role.targets {
		if bulletTargetHas(byFile, next, want, seen) {
			return true
		}
	}
	return false
}

func checkRequiredBullet(p *lint.Pass, sum *bulletSummary, resolve func([]*model.Link) []bulletTarget) {
	opts := lint.Options[requiredBulletOptions](p.Options)
	f := p.File
	// a page without role headings is one role when it has
	// Responsibilities or Requirements of its own ("## Requirements" on a
	// Chief People Officer page): its requirements are the page's
	if len(f.Roles) == 0 && !pageIsRole(f) {
		return
	}
	sum.direct = p.Hold()
	report := sum.direct.Add
	pg := newBulletPage(f)
	pg.resolve = resolve
	intro := bulletIntroRoles(f)
	var roles []*model.Role
	for _, r := range f.Roles {
		for _, k := range opts.Kinds {
			// a graded intro (the page as a role) is a level too; a deprecated,
			// placeholder or acting role is reported once by required-sections
			if string(r.Kind) == k && (!intro[r] || r.Grade != nil) && r.Status == "" {
				roles = append(roles, r)
			}
		}
	}
	if len(roles) == 0 { // only the family's intro role: it is the level to check
		for _, r := range f.Roles {
			if intro[r] && r.Kind == model.KindLevel {
				roles = append(roles, r)
			}
		}
	}
	roles = pg.specialtyLists(roles)
	// no level to check (a page of one role written as segments or
	// specialties under family-wide requirements): the family's
	// requirements are the page's own
	familyOnly := len(roles) == 0 && len(pg.wide) > 0
	checkable := len(roles) > 0 || familyOnly
	var familyReqs []*model.Section
	familyReqs = append(familyReqs, pg.wide...)
	for _, r := range f.Roles {
		if intro[r] {
			familyReqs = append(familyReqs, pg.requirements(r)...)
		}
	}
	// family-level sections the model could not name ("Requirements for IT
	// Security Engineer roles", "You may be a fit to this role if you"):
	// the bullet there covers the family, but a finding never points there
	familyCover := append([]*model.Section(nil), familyReqs...)
	// the family's requirements may take over another page's ("Extends
	// that of the [Distinguished Engineer](...) requirements"): a finding
	// on them stands only if that page lacks the bullet too
	var famLinks []*model.Link
	for _, s := range familyReqs {
		for _, b := range s.Paragraphs {
			famLinks = append(famLinks, bulletInheritLinks(b)...)
		}
		for _, b := range s.Bullets {
			if b.Block != nil {
				famLinks = append(famLinks, bulletInheritLinks(b.Block)...)
			}
		}
	}
	var famTargets []bulletTarget
	if resolve != nil && len(famLinks) > 0 {
		famTargets = resolve(famLinks)
	}
	reportFamily := func(d lint.Diagnostic, want string) {
		if len(famTargets) > 0 {
			sum.candidates = append(sum.candidates, bulletCandidate{d: d, want: strings.ToLower(want), targets: famTargets})
		} else {
			report(d)
		}
	}
	for _, s := range f.Sections {
		if s.Kind == model.SecOther {
			familyCover = append(familyCover, s)
		}
	}
	// what other pages that extend a role of this one need to know
	var headed []*model.Role
	for _, r := range f.Roles {
		if r.Heading == nil {
			continue
		}
		h := r.Heading
		headed = append(headed, r)
		// its anchors, each once: on a page of thousands of roles the
		// summary is most of what the rule holds
		ids := site.GitHubID(h.Text)
		for _, id := range []string{site.KramdownID(h.Text), h.ID} {
			if id != "" && !hasID(ids, id) {
				ids = addID(ids, id)
			}
		}
		if sum.roles == nil {
			sum.roles = make([]bulletRoleCover, 0, len(f.Roles))
		}
		sum.roles = append(sum.roles, bulletRoleCover{ids: ids, title: model.NormalizeTitle(r.Title),
			targets: pg.crossTargets(r, map[*model.Role]bool{})})
	}
	words := map[*model.Bullet][]string{} // each bullet's words, split once for all the roles and bullets asked
	for _, want := range opts.Bullets {
		wantWords := bulletWords(want)
		wantAdj := bulletAdjectiveForm(wantWords)
		// exact: the bullet as the options ask it; reworded: a requirement
		// asking the same ability in other words (the last one found is kept)
		var found *model.Bullet
		// a requirement of experience with or understanding of the bullet's
		// object asks more than the ability: it holds the bullet (in
		// requirements only, as a rewording)
		asksMore := opts.Reworded && opts.Match == "contains"
		match := func(reworded, stronger bool) func(secs []*model.Section) bool {
			return func(secs []*model.Section) bool {
				for _, s := range secs {
					optional := bulletOptionalFrom(s)
					for _, b := range s.Bullets {
						if b.Span.Start >= optional {
							break // "Nice-to-haves:" inside the list: not required
						}
						bw, ok := words[b]
						if !ok {
							bw = bulletItemWords(b)
							words[b] = bw
						}
						if bulletMatches(bw, wantWords, opts.Match) || wantAdj != nil && bulletMatches(bw, wantAdj, opts.Match) ||
							stronger && bulletAsksMore(bw, wantWords) || reworded && bulletReworded(bw, wantWords) {
							found = b
							return true
						}
					}
				}
				return false
			}
		}
		// a rewording counts as the bullet, or (reworded_info) is told apart
		reworded := opts.Reworded && opts.Match == "contains"
		has, hasReworded := match(reworded && !opts.RewordedInfo, asksMore), match(true, asksMore)
		if !reworded || !opts.RewordedInfo {
			hasReworded = nil
		}
		lw := strings.ToLower(want)
		// a rewording counts only in requirements, not in a family-level
		// section of another kind ("Use the GitLab product to run
		// GitLab.com" among the duties)
		pageHas := match(false, false)(familyCover) || has(familyReqs)
		sum.pageHas[lw] = pageHas
		cmemo := map[*model.Role]bool{}
		for i, r := range headed {
			if (pageHas || pg.roleHas(r, has, cmemo, map[*model.Role]bool{})) && !slices.Contains(sum.roles[i].has, lw) {
				sum.roles[i].has = append(sum.roles[i].has, lw)
			}
		}
		if pageHas || !checkable {
			continue
		}
		if familyOnly {
			whose := "the family's requirements"
			if len(f.Roles) == 0 && strings.TrimSpace(f.Title) != "" {
				whose = "the requirements of " + strings.TrimSpace(f.Title) // the page is the role
			}
			reportFamily(lint.Diagnostic{Span: firstFilled(familyReqs).Span,
				Message: fmt.Sprintf("%s lack the bullet %s", whose, policyQuote(want)) + bulletWishNote(familyReqs, wantWords),
				Subject: "family: " + strings.ToLower(want)}, want)
			continue
		}
		memo := map[*model.Role]bool{}
		var missing []*model.Role
		rewordedAs := map[*model.Role]string{} // a missing role's requirement that asks it in other words
		for _, r := range roles {
			if pg.roleHas(r, has, memo, map[*model.Role]bool{}) || pg.notALevel(r) || headless(r) {
				continue
			}
			missing = append(missing, r)
			if hasReworded == nil {
				continue
			}
			// the role's own rewording (or one it inherits) before the
			// family's: the evidence quoted is the level's; a family-level
			// section of another kind ("Field Functional Competencies") is
			// no requirement to quote
			found = nil
			if pg.roleHas(r, hasReworded, map[*model.Role]bool{}, map[*model.Role]bool{}) || hasReworded(familyReqs) {
				if found != nil {
					rewordedAs[r] = strings.TrimSpace(found.Text)
				}
			}
		}
		if len(missing) == 0 {
			continue
		}
		if len(familyReqs) > 0 && !levelNamedSections(f, familyReqs) {
			names := make([]string, len(missing))
			for i, r := range missing {
				names[i] = r.Title
			}
			reportFamily(lint.Diagnostic{
				Span: firstFilled(familyReqs).Span,
				Message: fmt.Sprintf("the family's requirements lack the bullet %s%s, and %s %s not list it: add it here to cover every level",
					policyQuote(want), bulletWishNote(familyReqs, wantWords), joinAnd(names), map[bool]string{true: "does", false: "do"}[len(names) == 1]),
				Subject: "family: " + strings.ToLower(want),
			}, want)
			continue
		}
		// one defect, one finding: a level that lacks the bullet only
		// because the level it inherits its requirements from lacks it is
		// not reported; the finding at that base names it
		inheritors := map[*model.Role][]string{}
		missing = pg.baseLevels(missing, inheritors)
		reported := map[string]bool{} // by title: a role under two headings is one finding
		for _, r := range missing {
			key := strings.ToLower(strings.TrimSpace(r.Title))
			if reported[key] {
				continue
			}
			span, msg := r.TitleSpan, fmt.Sprintf("%s has no requirements with the bullet %s", r.Title, policyQuote(want))
			if reqs := pg.requirements(r); len(reqs) > 0 {
				span = reqs[0].Span
				msg = fmt.Sprintf("the requirements of %s lack the bullet %s", r.Title, policyQuote(want)) + bulletWishNote(reqs, wantWords)
			} else if r.Heading != nil {
				span = r.Heading.TextSpan
			}
			var sev lint.Severity
			if alt, ok := rewordedAs[r]; ok {
				// the ability is asked, in other words: a matter of wording
				msg = fmt.Sprintf("the requirements of %s ask for it in other words (%s), not with the policy's bullet %s",
					r.Title, policyQuote(truncateNote(alt)), policyQuote(want))
				sev = lint.Info
			}
			if names := inheritors[r]; len(names) > 0 {
				msg += fmt.Sprintf(" (%s inherit%s them: adding it here covers %s too)", joinAnd(names),
					map[bool]string{true: "s", false: ""}[len(names) == 1], map[bool]string{true: "it", false: "them"}[len(names) == 1])
			}
			reported[key] = true
			d := lint.Diagnostic{Span: span, Message: msg, Subject: strings.ToLower(want), Role: r, Severity: sev, AlsoRoles: inheritors[r]}
			if ts := pg.crossTargets(r, map[*model.Role]bool{}); len(ts) > 0 {
				sum.candidates = append(sum.candidates, bulletCandidate{d: d, want: strings.ToLower(want), targets: ts})
			} else {
				report(d)
			}
		}
	}
}

// specialtyLists puts, in place of a level with no requirements of its
// own, the specialties written under its heading that have a Requirements
// list each ("## Product Design Manager", "#### Foundations", "###
// Foundations Requirements", "#### UX Paper Cuts", "### UX Paper Cuts
// Requirements"): the level's requirements are written per specialty, so
// each of those lists must hold the bullet, and the level is not told it
// has none.
func (pg *bulletPage) specialtyLists(roles []*model.Role) []*model.Role {
	// the candidate specialties by the level they are written under, in
	// page order, found once: a page of thousands of levels is no square
	var under map[*model.Role][]*model.Role
	inRoles := map[*model.Role]bool{}
	for _, r := range roles {
		inRoles[r] = true
	}
	var out []*model.Role
	inOut := map[*model.Role]bool{}
	for _, r := range roles {
		if r.Kind != model.KindLevel || len(pg.requirements(r)) > 0 {
			out = append(out, r)
			inOut[r] = true
			continue
		}
		if under == nil {
			under = map[*model.Role][]*model.Role{}
			for _, x := range pg.f.Roles {
				if x.Kind == model.KindSpecialty && x.Status == "" && x.Heading != nil && x.Section(model.SecRequirements) != nil {
					if e := pg.enclosing[x]; e != nil {
						under[e] = append(under[e], x)
					}
					if x.Parent != nil && x.Parent != pg.enclosing[x] {
						under[x.Parent] = append(under[x.Parent], x)
					}
				}
			}
		}
		var subs []*model.Role
		for _, x := range under[r] {
			if !inRoles[x] && !inOut[x] {
				subs = append(subs, x)
			}
		}
		if len(subs) == 0 {
			out = append(out, r)
			inOut[r] = true
		}
		for _, x := range subs {
			out = append(out, x)
			inOut[x] = true
		}
	}
	return out
}

// baseLevels keeps, of the roles that lack a bullet, those that do not
// inherit their requirements from an earlier role that lacks it too; it
// records in inheritors, for each kept role, the titles of the roles that
// inherit from it, directly or through others.
func (pg *bulletPage) baseLevels(missing []*model.Role, inheritors map[*model.Role][]string) []*model.Role {
	isMissing := map[*model.Role]bool{}
	for _, r := range missing {
		isMissing[r] = true
	}
	base := map[*model.Role]*model.Role{} // an inheriting role's base, in page order
	var keep []*model.Role
	for _, r := range missing {
		var from *model.Role
		for _, x := range pg.inheritedFrom(r, pg.requirements(r)) {
			if isMissing[x] && x.Span.Start < r.Span.Start {
				from = x
				break
			}
		}
		if from == nil {
			keep = append(keep, r)
			continue
		}
		if b, ok := base[from]; ok {
			from = b
		}
		base[r] = from
		if !strings.EqualFold(strings.TrimSpace(r.Title), strings.TrimSpace(from.Title)) {
			if !slices.Contains(inheritors[from], r.Title) {
				inheritors[from] = append(inheritors[from], r.Title)
			}
		}
	}
	return keep
}

// firstFilled returns the first section that holds something (not an
// empty sub-heading), else the first.
func firstFilled(secs []*model.Section) *model.Section {
	for _, x := range secs {
		if len(x.Bullets) > 0 || len(x.Paragraphs) > 0 {
			return x
		}
	}
	return secs[0]
}

// bulletRoleHas reports whether a role's requirements, or those it
// inherits, hold the bullet.
func (pg *bulletPage) roleHas(r *model.Role, has func([]*model.Section) bool, memo, visiting map[*model.Role]bool) bool {
	if v, ok := memo[r]; ok {
		return v
	}
	if visiting[r] {
		return false
	}
	visiting[r] = true
	reqs := pg.requirements(r)
	ok := has(reqs)
	if !ok {
		for _, from := range pg.inheritedFrom(r, reqs) {
			if pg.roleHas(from, has, memo, visiting) {
				ok = true
				break
			}
		}
	}
	memo[r] = ok
	return ok
}

// bulletIntroRoles finds the roles that stand for the family itself, whose
// requirements apply to every level like family-level ones: the page as a
// role (top-level "## Job Grade", "## Requirements", then "## Levels"),
// and a first role without a grade that opens the page ("## Content
// Editor" or "## Role" with Responsibilities and Requirements) when no
// other ungraded role stands beside it at its depth (then they are groups:
// "## Benefits", "## Compensation").
func bulletIntroRoles(f *model.Family) map[*model.Role]bool {
	out := map[*model.Role]bool{}
	var first *model.Role
	for _, r := range f.Roles {
		if r.Heading == nil && r.SharesWith == nil {
			out[r] = true
		}
		if first == nil && r.Heading != nil {
			first = r
		}
	}
	ungraded := func(r *model.Role) bool { return r.Grade == nil && r.SharesWith == nil && r.Placement == "" }
	if first == nil || first.Kind != model.KindLevel || !ungraded(first) {
		return out
	}
	for _, r := range f.Roles {
		if r != first && r.Heading != nil && r.Heading.Level == first.Heading.Level && ungraded(r) {
			return out
		}
	}
	out[first] = true
	return out
}

// bulletNotALevel reports whether r, taken for a level, is more likely a
// heading that groups or annotates levels ("### Field CISO" above "####
// Field CISO (Senior Director)", a sub-heading under Performance
// Indicators): no grade and nothing required. required-sections judges
// such headings; this rule does not ask them for the bullet.
func (pg *bulletPage) notALevel(r *model.Role) bool {
	return r.Kind == model.KindLevel && r.Grade == nil && r.SharesWith == nil && len(pg.requirements(r)) == 0
}

// bulletRequirements returns a role's requirements sections: its own,
// family-level ones that apply to it but not to the whole family (see
// policySectionScope), those of a role with the same title, and those the
// model gave another role (a heading that names the wrong role) although
// they sit in this role's text.
func (pg *bulletPage) requirements(r *model.Role) []*model.Section {
	if reqs, ok := pg.reqs[r]; ok {
		return reqs
	}
	var reqs []*model.Section
	for _, s := range r.Sections {
		if s.Kind == model.SecRequirements && !slices.Contains(pg.renamed, s) {
			reqs = append(reqs, s)
		}
	}
	reqs = append(reqs, pg.named[r]...)
	// requirements headed by another name ("Desirable Skills, Knowledge,
	// and Experience"; required-sections says so): they are the level's
	if s := requirementsUnderOtherName(r); s != nil {
		reqs = append(reqs, s)
	}
	// a "## Requirements" at the depth of the role heading above it, or the
	// requirements of a group of roles ("## Benefits")
	reqs = append(reqs, pg.scoped[r]...)
	// the same role under two headings ("## ESG Manager" with the grade,
	// "## ESG Manager" again with the text), and requirements the model
	// gave another role although they sit in this role's text, in the
	// order of the roles they come from
	reqs = append(reqs, pg.others[r]...)
	if len(reqs) > 0 {
		// a role without any is asked again (a few lookups): on a page of
		// 20,000 levels without requirements an entry each was 1.25 MB
		pg.reqs[r] = reqs
	}
	return reqs
}

// bulletPage indexes what the rule asks of a page again and again, so that
// a page of many roles costs time in proportion to its size.
type bulletPage struct {
	f         *model.Family
	reqs      map[*model.Role][]*model.Section // memoized requirements
	wide      []*model.Section                 // family-level Requirements that cover the whole family
	scoped    map[*model.Role][]*model.Section // family-level Requirements covering some roles
	others    map[*model.Role][]*model.Section // other roles' Requirements that belong to this role (same title, or in its text)
	enclosing map[*model.Role]*model.Role      // nearest role whose heading encloses the role's heading
	before    map[*model.Role]*model.Role      // the level before the role (beforeOf, made on first need)
	// resolve gives the other pages links lead to (nil: none known)
	resolve func([]*model.Link) []bulletTarget
	blocks  map[*model.Role][]*model.Block // the role's own paragraphs with links, as blocks
	cross   map[*model.Role][]bulletTarget // memoized crossTargets, of the roles that have some
	// the roles crossTargets found none for
	crossNone map[*model.Role]struct{}
	named     map[*model.Role][]*model.Section // requirements a heading names for a role the model gave them not to
	renamed   []*model.Section                 // those sections
	// the extensions written in those sections, by the role they move to,
	// and their sentences (no longer the holder's)
	movedExt map[*model.Role][]*model.Extension
	moved    map[*model.Sentence]*model.Role
}

func newBulletPage(f *model.Family) *bulletPage {
	pg := &bulletPage{f: f, reqs: map[*model.Role][]*model.Section{}, scoped: map[*model.Role][]*model.Section{},
		others: map[*model.Role][]*model.Section{}, enclosing: map[*model.Role]*model.Role{}}
	for _, s := range f.Sections {
		if s.Kind != model.SecRequirements {
			continue
		}
		scope, wide := policySectionScope(f, s)
		if wide {
			pg.wide = append(pg.wide, s)
			continue
		}
		for _, r := range scope {
			pg.scoped[r] = append(pg.scoped[r], s)
		}
	}
	// "#### Lead X Requirements" that the model left with "## Senior X"
	// (the Lead's own heading left out, only its Job Grade heading made it
	// a role): the list its heading names is the Lead's, not the Senior's
	pg.named = map[*model.Role][]*model.Section{}
	for _, x := range f.Roles {
		for _, s := range x.Sections {
			if s.Kind != model.SecRequirements || s.Prefix == "" || strings.EqualFold(strings.TrimSpace(s.Prefix), strings.TrimSpace(x.Title)) {
				continue
			}
			// (one that says it takes over another list takes that
			// inheritance with it: "#### Senior Manager, X Requirements",
			// "Extends that of the Manager, X requirements" under "###
			// Senior X" is the Senior Manager's, not the Senior's)
			if y := policyRoleTitled(f, s.Prefix); y != nil && y != x && y.Heading == nil {
				pg.named[y] = append(pg.named[y], s)
				pg.renamed = append(pg.renamed, s)
				for _, e := range x.Extends {
					if e.Sentence != nil && s.Span.Start <= e.Sentence.Span.Start && e.Sentence.Span.Start < max(s.Body.End, s.Span.End) {
						if pg.movedExt == nil {
							pg.movedExt = map[*model.Role][]*model.Extension{}
							pg.moved = map[*model.Sentence]*model.Role{}
						}
						pg.movedExt[y] = append(pg.movedExt[y], e)
						pg.moved[e.Sentence] = y
					}
				}
			}
		}
	}
	pg.loneFirstRequirements()
	pg.firstLevelRequirements()
	byTitle := map[string][]*model.Role{}
	for _, r := range f.Roles {
		k := strings.ToLower(strings.TrimSpace(r.Title))
		byTitle[k] = append(byTitle[k], r)
	}
	for _, x := range f.Roles {
		for _, s := range x.Sections {
			if s.Kind != model.SecRequirements {
				continue
			}
			holder := f.RoleAt(s.Span.Start)
			for _, r := range byTitle[strings.ToLower(strings.TrimSpace(x.Title))] {
				if r != x {
					pg.others[r] = appendOnce(pg.others[r], s)
				}
			}
			if holder != nil && holder != x && holder.Span.Contains(s.Span.Start) {
				pg.others[holder] = appendOnce(pg.others[holder], s)
			}
		}
	}
	// the outline: the nearest enclosing heading that opens another role
	var stack []*model.Heading
	for _, h := range f.Headings {
		for len(stack) > 0 && stack[len(stack)-1].Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		if h.Role != nil && h.Role.Heading == h {
			for i := len(stack) - 1; i >= 0; i-- {
				if a := stack[i]; a.Level < h.Level && a.Role != nil && a.Role != h.Role {
					pg.enclosing[h.Role] = a.Role
					break
				}
			}
		}
		stack = append(stack, h)
	}
	pg.blocks = map[*model.Role][]*model.Block{}
	for _, b := range f.Blocks {
		// (only blocks with links: crossTargets reads their links)
		if b.Role != nil && b.Section == nil && b.Kind == model.BlockParagraph && len(b.Links) > 0 {
			pg.blocks[b.Role] = append(pg.blocks[b.Role], b)
		}
	}
	return pg
}

// beforeOf returns the level before r (nil for the first), from a table
// made on the first need: few pages ask.
func (pg *bulletPage) beforeOf(r *model.Role) *model.Role {
	if pg.before == nil {
		pg.before = make(map[*model.Role]*model.Role, len(pg.f.Roles))
		var prev *model.Role
		for _, x := range pg.f.Roles {
			pg.before[x] = prev
			if x.Kind == model.KindLevel {
				prev = x
			}
		}
	}
	return pg.before[r]
}

// loneFirstRequirements makes the family's a Requirements section that
// follows the first role at the depth of its heading ("## Support
// Engineer", then "## Requirements") when it is the only one so placed
// and no other level has requirements of its own: the page's one list of
// requirements, as required-sections reads it, not the first level's.
func (pg *bulletPage) loneFirstRequirements() {
	var first *model.Role
	for _, r := range pg.f.Roles {
		if r.Heading != nil {
			first = r
			break
		}
	}
	if first == nil || len(pg.scoped) != 1 || len(pg.scoped[first]) != 1 {
		return
	}
	for _, r := range pg.f.Roles {
		if r != first && r.Kind == model.KindLevel && r.Section(model.SecRequirements) != nil {
			return
		}
	}
	pg.wide = append(pg.wide, pg.scoped[first]...)
	delete(pg.scoped, first)
}

// firstLevelRequirements gives the first level the family-level
// Requirements written between its heading and the next level's, when a
// later level has requirements of its own ("### Specialist", "##
// Responsibilities", "## Requirements", then "### Senior Specialist" with
// "#### Senior Specialist Requirements"): a heading level slipped, and the
// list is the first level's, not every level's.
func (pg *bulletPage) firstLevelRequirements() {
	var first, second *model.Role
	for _, r := range pg.f.Roles {
		if r.Heading == nil || r.Kind != model.KindLevel {
			continue
		}
		if first == nil {
			first = r
		} else if second == nil {
			second = r
		}
	}
	if first == nil || second == nil {
		return
	}
	later := false
	for _, r := range pg.f.Roles {
		if r.Kind == model.KindLevel && r.Span.Start >= second.Span.Start && r.Section(model.SecRequirements) != nil {
			later = true
		}
	}
	if !later {
		return
	}
	var keep []*model.Section
	for _, s := range pg.wide {
		if s.Span.Start > first.Heading.Span.Start && s.Span.Start < second.Span.Start {
			pg.scoped[first] = append(pg.scoped[first], s)
			continue
		}
		keep = append(keep, s)
	}
	pg.wide = keep
}

// sectionInherits reports whether a section's text says it takes over
// another list ("Extends that of the Manager, X requirements").
func sectionInherits(s *model.Section) bool {
	for _, b := range s.Paragraphs {
		if model.InheritAt(b.Text) >= 0 {
			return true
		}
	}
	for _, b := range s.Bullets {
		if model.InheritAt(b.Text) >= 0 {
			return true
		}
	}
	return false
}

func appendOnce(ss []*model.Section, s *model.Section) []*model.Section {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

// bulletInheritedFrom lists the roles whose requirements r takes over: the
// role it shares a grade with, its enclosing role, the base its inheritance
// sentence names, and the role an "Extends ..." or "In addition to ..."
// sentence (in its own paragraphs or its requirements) names (else the
// level before r).
func (pg *bulletPage) inheritedFrom(r *model.Role, reqs []*model.Section) []*model.Role {
	f := pg.f
	var out []*model.Role
	add := func(x *model.Role) {
		if x != nil && x != r {
			out = append(out, x)
		}
	}
	// a role carved out of another's heading ("#### Lead X Job Grade" under
	// "## Senior X", its own heading left out) shares that role's text, but
	// a Requirements list of its own is its own, not the other's extended
	if r.Heading != nil || len(reqs) == 0 {
		add(r.SharesWith)
		add(r.Parent)
	}
	add(pg.enclosing[r])
	if r.Base != "" && r.BaseSpan.Start >= 0 { // named, not inferred from the order of roles
		add(policyRoleTitled(f, r.Base))
	}
	// the extensions the model reads in the role's text ("Meets all of the
	// requirements of an Intermediate X, plus:", "The Staff X role extends
	// the Senior X role", "In addition to the above requirements for X",
	// "Extends that of the X requirements"): the role each names, else,
	// for a text that opens with its keyword and names no role of this
	// page ("Extends that of the AVP Requirements"), the level before
	for _, e := range append(slices.Clip(r.Extends), pg.movedExt[r]...) {
		if !slices.Contains(e.Kinds, model.SecRequirements) || pg.moved[e.Sentence] != nil && pg.moved[e.Sentence] != r {
			continue
		}
		if e.From != nil {
			add(e.From)
		} else if e.Sentence != nil && model.InheritAt(e.Sentence.Text) == 0 {
			add(pg.beforeOf(r))
		}
	}
	// "The following extend the main [requirements](#requirements)": the
	// role whose heading the link names
	for _, s := range reqs {
		for _, b := range s.Paragraphs {
			if model.InheritAt(b.Text) >= 0 {
				for _, l := range b.Links {
					add(pg.roleAtFragment(l))
				}
			}
		}
	}
	return out
}

// crossTargets returns the other pages r extends, as its inheritance
// sentences link them ("This role extends the [Senior Director,
// Development](/job-families/.../senior-director/) role"), and those of the
// roles of this page it inherits from, followed transitively.
func (pg *bulletPage) crossTargets(r *model.Role, seen map[*model.Role]bool) []bulletTarget {
	if pg.resolve == nil || seen[r] {
		return nil
	}
	if ts, ok := pg.cross[r]; ok {
		return ts
	}
	if _, ok := pg.crossNone[r]; ok {
		return nil
	}
	seen[r] = true
	var links []*model.Link
	inherit := func(b *model.Block) { links = append(links, bulletInheritLinks(b)...) }
	for _, b := range pg.blocks[r] {
		inherit(b)
	}
	// a sentence in another of its sections ("The VP of Development is a
	// grade 12. This role extends the [Senior Director, Development](...)
	// role." under Job Grade)
	for _, s := range r.Sections {
		if s.Kind == model.SecRequirements {
			continue
		}
		for _, b := range s.Paragraphs {
			inherit(b)
		}
	}
	for _, s := range pg.requirements(r) {
		for _, b := range s.Paragraphs {
			inherit(b)
		}
		for _, b := range s.Bullets {
			if b.Block != nil {
				inherit(b.Block)
			}
		}
	}
	out := pg.resolve(links)
	bases := pg.inheritedFrom(r, pg.requirements(r))
	for _, x := range bases {
		for _, t := range pg.crossTargets(x, seen) {
			// a long chain of levels that each extend the one before
			// keeps a few distinct targets, not one per level
			if len(out) < bulletMaxTargets && !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	if len(out) == 0 {
		if len(bases) == 0 {
			// a role that inherits from none is read again at no more
			// cost than its own blocks: kept in no set (20,000 roles,
			// 0.6 MB at required-bullet's peak on graded-headings)
			return nil
		}
		// a set of the roles without any: 8 bytes an entry, not 32 (a
		// long chain of levels is still followed once)
		if pg.crossNone == nil {
			pg.crossNone = map[*model.Role]struct{}{}
		}
		pg.crossNone[r] = struct{}{}
		return nil
	}
	if pg.cross == nil {
		pg.cross = map[*model.Role][]bulletTarget{}
	}
	pg.cross[r] = out
	return out
}

// bulletInheritLinks returns the links of a text that says it takes over
// other requirements, those after its keyword ("This role extends the
// [Senior Director, Development](...) role"), or all of them when the text
// opens with it ("Extends that of the [Distinguished Engineer](...)
// requirements").
func bulletInheritLinks(b *model.Block) []*model.Link {
	at := model.InheritAt(b.Text)
	if at < 0 {
		return nil
	}
	var out []*model.Link
	for _, l := range b.Links {
		if l.TextIn.Start >= at || at == 0 {
			out = append(out, l)
		}
	}
	return out
}

// bulletMaxTargets bounds the other pages one level is looked up in.
const bulletMaxTargets = 16

// roleAtFragment returns the role that holds the heading an in-page link
// names ("#requirements": the first heading whose ID that is), or nil.
func (pg *bulletPage) roleAtFragment(l *model.Link) *model.Role {
	if l == nil || l.Path != "" || l.Fragment == "" {
		return nil
	}
	for _, h := range pg.f.Headings {
		if h.ID == l.Fragment || site.GitHubID(h.Text) == l.Fragment || site.KramdownID(h.Text) == l.Fragment {
			if h.Role != nil && h.Role.Heading == h {
				return h.Role
			}
			return pg.f.RoleAt(h.Span.Start)
		}
	}
	return nil
}

// bulletItemWords is bulletWords(b.Text), read from the block's shared
// words where they are the same: an ASCII text that is its block's (the
// block's words, lowered, are then those of the lowered text). Read only.
func bulletItemWords(b *model.Bullet) []string {
	if b.Block != nil && b.Block.Text == b.Text && isASCII(b.Text) {
		return prose.BlockLowerWords(b.Block)
	}
	return bulletWords(b.Text)
}

// bulletWords normalizes a bullet for comparison: its words, lower case.
func bulletWords(s string) []string {
	var out []string
	for _, w := range wordsIn(strings.ToLower(strings.ReplaceAll(s, "’", "'")), true) {
		out = append(out, w.Text)
	}
	return out
}

// bulletUse and bulletKnow are the words that make a requirement naming
// the required bullet's object a rewording of it ("Able to use GitLab",
// "Strong understanding of GitLab"); bulletWish, those that make it
// optional or something still to learn.
var (
	bulletUse = map[string]bool{"use": true, "uses": true, "using": true, "used": true,
		"utilize": true, "utilizes": true, "utilizing": true, "utilise": true, "utilising": true}
	bulletKnow = map[string]bool{"experience": true, "experienced": true, "understanding": true, "proficiency": true, "proficient": true,
		"familiarity": true, "familiar": true, "knowledge": true, "comfortable": true, "skilled": true, "fluency": true, "fluent": true}
	bulletWish = map[string]bool{"plus": true, "bonus": true, "nice": true, "preferred": true, "desirable": true, "desired": true,
		"willing": true, "willingness": true, "ideally": true, "optional": true, "advantage": true,
		"learn": true, "learning": true, "interest": true, "interested": true}
)

// bulletRewordReach is how many words before the bullet's object a word
// of use or knowledge may stand ("Comfortable using technology, especially
// open source technology, Google Workspace and GitLab" is nine), no word
// that opens another clause between them (bulletClause).
const bulletRewordReach = 10

// bulletClause are the words that open a clause of their own: the object
// after them is not what the word of use or knowledge before them asks.
var bulletClause = map[string]bool{"where": true, "which": true, "that": true, "who": true, "when": true, "while": true,
	"whose": true, "because": true, "since": true, "if": true}

// bulletReworded reports whether a requirement asks the required bullet's
// ability in other words: a word of use or knowledge ("Able to use
// GitLab.", "Strong understanding of GitLab for project management") at
// most bulletRewordReach words before the bullet's last word, in its
// clause, which does
// not follow "at" (GitLab the company: "frameworks used at GitLab"), and no
// word makes it a wish or something to learn ("a plus", "Willingness to
// learn and use GitLab", "Ability to learn and use GitLab tools").
// "Ability to plan at GitLab scale" asks another ability.
func bulletReworded(have, want []string) bool {
	return bulletAsksWith(have, want, bulletRewordReach, nil, func(w string) bool { return bulletUse[w] || bulletKnow[w] })
}

// bulletMore are the words of a requirement that asks more than the
// ability to use the bullet's object: experience with it or an
// understanding of it ("Experience using, deploying, or configuring
// GitLab", "Deep understanding of- and hands on experience with- git and
// GitLab", "Strong understanding of GitLab for project management").
// Blind judges took each for the bullet, FALSE or DEBATABLE as "ask for it
// in other words". Knowledge ("a working knowledge of GitLab"), comfort
// ("Comfortable using ... GitLab") and familiarity ask less, or no more,
// and stay rewordings.
var bulletMore = map[string]bool{"experience": true, "experienced": true, "understanding": true,
	"proficiency": true, "proficient": true, "expertise": true}

// bulletAsksMore reports whether a requirement asks more than the required
// bullet's ability: a word of bulletMore before its object, as
// bulletReworded reads a word of use or knowledge.
func bulletAsksMore(have, want []string) bool {
	return bulletAsksWith(have, want, bulletMoreReach, bulletExample, func(w string) bool { return bulletMore[w] })
}

// bulletMoreReach is how many words before the bullet's object a word of
// bulletMore may stand ("Experience using, deploying, or configuring
// GitLab" is four), and bulletExample the words after which the object is
// one example among others, not what is asked ("Experience with
// Continuous Integration systems (e.g. Jenkins, Travis, GitLab)").
const bulletMoreReach = 5

var bulletExample = map[string]bool{"e": true, "g": true, "eg": true, "such": true, "including": true, "like": true,
	"especially": true, "particularly": true, "incl": true, "i": true}

// bulletAsksWith reports whether a word that asks holds before the
// bullet's last word, at most reach words before it, in its clause (no
// word of bulletClause or breaks between them), not after "at", and no
// word makes the requirement a wish.
func bulletAsksWith(have, want []string, reach int, breaks map[string]bool, asks func(string) bool) bool {
	if len(want) < 2 {
		return false
	}
	object := want[len(want)-1]
	found := false
	for i, w := range have {
		if bulletWish[w] {
			return false
		}
		if w != object || found || i > 0 && have[i-1] == "at" {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-reach; j-- {
			if bulletClause[have[j]] || breaks[have[j]] {
				break // "countries where GitLab is": GitLab is not what is used
			}
			if asks(have[j]) {
				found = true
				break
			}
		}
	}
	return found
}

// bulletOptionalFrom returns where a Requirements section's optional part
// begins: a paragraph of its own that names nice-to-haves ("Nice-to-haves:",
// "Preferred qualifications") written inside the list, not as a heading
// or bold line the page model would make a section of its own. The bullets
// after it are not required, so they neither hold the required bullet nor
// ask it in other words. Without one, the section's end.
func bulletOptionalFrom(s *model.Section) int {
	for _, p := range s.Paragraphs {
		t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p.Text), ":"))
		if k, _, prefix, ok := model.MatchSection(t); ok && k == model.SecNiceToHaves && prefix == "" {
			return p.Span.Start
		}
	}
	return int(^uint(0) >> 1)
}

// bulletWishNote says what requirements ask instead of the bullet when
// they ask it only as a wish or as something still to learn ("Willingness
// to learn and use GitLab"): " (they ask only ..., as a wish or something
// to learn)", else "".
func bulletWishNote(secs []*model.Section, want []string) string {
	for _, s := range secs {
		optional := bulletOptionalFrom(s)
		for _, b := range s.Bullets {
			if b.Span.Start >= optional {
				break
			}
			have := bulletItemWords(b)
			var rest []string
			for _, w := range have {
				if !bulletWish[w] {
					rest = append(rest, w)
				}
			}
			if len(rest) < len(have) && bulletReworded(rest, want) {
				return fmt.Sprintf(" (they ask only %s, as a wish or something to learn)", policyQuote(truncateNote(strings.TrimSpace(b.Text))))
			}
		}
	}
	return ""
}

// bulletAdjective gives a bullet's opening noun its adjective: "Able to
// use GitLab." is the policy's bullet in its own words, the noun made an
// adjective, not a rewording ("no maintainer would change it", judged
// FALSE and DEBATABLE as "ask for it in other words"). It matches as the
// bullet does (`match`): "Able to use GitLab to plan/manage work and update
// the company handbook" holds it as "Ability to use GitLab for merge
// requests" does (judged FALSE and DEBATABLE as a rewording); another word
// ("Capability to use GitLab") is a rewording that labellers mark.
var bulletAdjective = map[string]string{"ability": "able"}

// bulletAdjectiveForm returns the bullet's words with its opening noun
// made an adjective ("able to use gitlab"), or nil when it has none.
func bulletAdjectiveForm(want []string) []string {
	if len(want) < 2 || bulletAdjective[want[0]] == "" {
		return nil
	}
	return append([]string{bulletAdjective[want[0]]}, want[1:]...)
}

// bulletMatches compares a bullet's words with the required ones.
func bulletMatches(have, want []string, how string) bool {
	if len(want) == 0 || len(have) < len(want) {
		return false
	}
	eq := func(at int) bool {
		for i, w := range want {
			if h := have[at+i]; h != w {
				return false
			}
		}
		return true
	}
	switch how {
	case "exact":
		return len(have) == len(want) && eq(0)
	case "prefix":
		return eq(0)
	}
	for i := 0; i+len(want) <= len(have); i++ {
		if eq(i) {
			return true
		}
	}
	return false
}

// levelNamedSections reports whether every one of a page's family-level
// Requirements sections is headed by a name of its own and written after a
// level's heading ("### Vice President of SA Requirements" after "###
// Senior Director"): the heading of a level was left out, and the list is
// that level's, not the family's, so a finding does not ask to add the
// bullet there "to cover every level".
func levelNamedSections(f *model.Family, ss []*model.Section) bool {
	var firstLevel *model.Role
	for _, r := range f.Roles {
		if r.Kind == model.KindLevel && r.Heading != nil {
			firstLevel = r
			break
		}
	}
	if firstLevel == nil || len(ss) == 0 {
		return false
	}
	for _, s := range ss {
		if s.Heading == nil || s.Span.Start < firstLevel.Heading.Span.Start {
			return false
		}
		named := false
		for _, w := range strings.Fields(strings.ToLower(s.Heading.Text)) {
			w = strings.Trim(w, ".,:;()")
			if w != "" && !strings.HasPrefix(w, "requirement") && w != "job" && w != "the" && w != "and" {
				named = true
			}
		}
		if !named {
			return false
		}
	}
	return true
}

// headless reports a level the model knows only by a section heading that
// names it ("### Vice President of SA Job Grade" after the last level, its
// own heading left out) and that holds no Requirements of its own: where
// its list is, the page does not say, so which bullets it lacks cannot be
// told, and a finding would land on a list that may not be its own.
func headless(r *model.Role) bool {
	if r.Heading != nil || r.Section(model.SecRequirements) != nil {
		return false
	}
	for _, s := range r.Sections {
		if s.Role == r && s.Prefix != "" {
			return true // "Vice President of SA Job Grade": named by a section
		}
	}
	return false // the page is the role ("## Job Grade" under its title)
}
