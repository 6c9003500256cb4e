package changes

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

// Marker opens every markdown summary, hidden: the note poster finds its
// own note on a merge request by it.
const Marker = "<!-- ladderlint-changes -->"

// Formats lists the output formats.
var Formats = []string{"text", "markdown", "json"}

// Write writes the report in a format: text, markdown or json.
func Write(w io.Writer, r *Report, format string) error {
	var s string
	switch format {
	case "text":
		s = Text(r)
	case "markdown", "md":
		s = Markdown(r)
	case "json":
		b, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return err
		}
		s = string(b) + "\n"
	default:
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
	}
	_, err := io.WriteString(w, s)
	return err
}

// maxListed is how many roles a one-line summary names before it counts.
const maxListed = 3

// Summary is the one-line summary of a page's change, without its title.
func Summary(fc *FamilyChange) string {
	var parts []string
	switch fc.Status {
	case Added:
		return joinParts(append([]string{"new page: " + rolesAndGrades(fc.Roles)}, findingParts(fc)...))
	case Deleted:
		return "page deleted: " + rolesAndGrades(fc.Roles) + " removed"
	case Renamed:
		parts = append(parts, "moved from "+fc.OldPath)
	}
	var added, removed, renamed, grades, required []string
	bullets, bulletRoles, sections, text := 0, 0, 0, 0
	for _, rc := range fc.Roles {
		switch rc.Change {
		case RoleAdded:
			added = append(added, rc.Title+gradeSuffix(rc.Kind, rc.Grade.newOr()))
		case RoleRemoved:
			removed = append(removed, rc.Title+gradeSuffix(rc.Kind, rc.Grade.oldOr()))
		case RoleRenamed:
			renamed = append(renamed, rc.OldTitle+" → "+rc.Title)
		}
		if rc.Change == RoleChanged || rc.Change == RoleRenamed {
			if rc.Grade != nil {
				grades = append(grades, rc.Title+" "+gradeChange(rc.Grade))
			}
			if len(rc.Bullets) > 0 {
				bullets += len(rc.Bullets)
				bulletRoles++
			}
			sections += len(rc.SectionsAdded) + len(rc.SectionsRemoved)
			if rc.Text {
				text++
			}
			if rc.RequiredBullet != "" {
				required = append(required, rc.Title+" "+rc.RequiredBullet+" it")
			}
		} else if rc.RequiredBullet == "missing" {
			required = append(required, rc.Title+" lacks it")
		}
	}
	parts = append(parts, listed("added", added)...)
	parts = append(parts, listed("removed", removed)...)
	parts = append(parts, listed("renamed", renamed)...)
	parts = append(parts, listed("grade", grades)...)
	if fc.Reordered != nil {
		parts = append(parts, "levels reordered")
	}
	if sections > 0 {
		parts = append(parts, plural(sections, "section")+" added or removed")
	}
	if bullets > 0 {
		parts = append(parts, plural(bullets, "bullet")+" changed in "+plural(bulletRoles, "role"))
	}
	if fc.Shared != nil {
		parts = append(parts, plural(len(fc.Shared.Bullets), "bullet")+" changed in the sections all levels share")
		if rb := fc.Shared.RequiredBullet; rb != "" {
			required = append(required, "the shared requirements "+rb+" it")
		}
	}
	if len(required) > 0 {
		parts = append(parts, listed("required bullet", required)...)
	}
	if text > 0 {
		parts = append(parts, "other text changed in "+plural(text, "role"))
	}
	if fc.Prose {
		parts = append(parts, "prose outside the roles")
	}
	if fc.Note != "" {
		parts = append(parts, fc.Note)
	}
	parts = append(parts, findingParts(fc)...)
	if len(parts) == 0 {
		return "no change"
	}
	return joinParts(parts)
}

func joinParts(p []string) string { return strings.Join(p, "; ") }

func findingParts(fc *FamilyChange) []string {
	var out []string
	if n := len(fc.Introduced); n > 0 {
		out = append(out, plural(n, "finding")+" introduced")
	}
	if n := len(fc.Fixed); n > 0 {
		out = append(out, plural(n, "finding")+" fixed")
	}
	return out
}

func listed(what string, items []string) []string {
	switch {
	case len(items) == 0:
		return nil
	case len(items) <= maxListed:
		return []string{what + ": " + strings.Join(items, ", ")}
	default:
		return []string{what + ": " + strings.Join(items[:maxListed], ", ") + fmt.Sprintf(" and %d more", len(items)-maxListed)}
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func (g *Grade) newOr() string {
	if g == nil {
		return ""
	}
	return g.New
}

func (g *Grade) oldOr() string {
	if g == nil {
		return ""
	}
	return g.Old
}

// gradeSuffix says a role's grade; a specialty or segment without one
// shares its level's, which goes without saying.
func gradeSuffix(kind, g string) string {
	if g == "" {
		if kind != "level" {
			return " (" + kind + ")"
		}
		return " (no grade)"
	}
	return " (grade " + g + ")"
}

func gradeChange(g *Grade) string {
	switch {
	case g.Old == "":
		return "grade " + g.New + " (had none)"
	case g.New == "":
		return "grade " + g.Old + " removed"
	}
	return g.Old + " → " + g.New
}

// rolesAndGrades says how many roles of each kind a page holds and their
// grades: "3 levels (grades 6, 7, 8), 1 specialty".
func rolesAndGrades(rs []*RoleChange) string {
	count := map[string]int{}
	var kinds, grades []string
	for _, rc := range rs {
		if count[rc.Kind] == 0 {
			kinds = append(kinds, rc.Kind)
		}
		count[rc.Kind]++
		if g := rc.Grade; g != nil && rc.Kind == "level" {
			grades = append(grades, g.newOr()+g.oldOr())
		}
	}
	if len(rs) == 0 {
		return "no roles"
	}
	var parts []string
	for _, k := range kinds {
		word := k
		if count[k] != 1 {
			word = strings.TrimSuffix(k, "y") + map[bool]string{true: "ies", false: "s"}[strings.HasSuffix(k, "y")]
		}
		p := strconv.Itoa(count[k]) + " " + word
		if k == "level" && len(grades) > 0 {
			p += " (grade " + strings.Join(grades, ", ") + ")"
			if len(grades) > 1 {
				p = strings.Replace(p, "(grade ", "(grades ", 1)
			}
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}

func titleOf(fc *FamilyChange) string {
	if fc.Title != "" {
		return fc.Title
	}
	return fc.Path
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}

// proseOnly is the one line a change of prose alone gets.
func proseOnly(r *Report) string {
	return fmt.Sprintf("Only prose outside the roles changed (%s): no level, grade, section or bullet.", plural(len(r.Families), "page"))
}

// Text renders the report for a terminal.
func Text(r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Job-family changes since %s (%s)\n", r.From, short(r.Commit))
	if len(r.Families) == 0 {
		b.WriteString("No job-family page changed.\n")
		return b.String()
	}
	if r.ProseOnly {
		b.WriteString(proseOnly(r) + "\n")
	}
	for _, fc := range r.Families {
		fmt.Fprintf(&b, "%s: %s: %s\n", fc.Path, titleOf(fc), Summary(fc))
	}
	if a := r.Approval; a != nil {
		b.WriteString("\n" + approvalLine(a, false) + "\n")
		for i, ap := range a.Approvers {
			fmt.Fprintf(&b, "  %d. %s", i+1, ap.Name)
			if ap.Checks != "" {
				fmt.Fprintf(&b, ": %s", ap.Checks)
			}
			b.WriteByte('\n')
			for _, c := range ap.Checklist {
				fmt.Fprintf(&b, "     [ ] %s\n", c)
			}
		}
	}
	for _, fc := range r.Families {
		if !hasDetails(fc) {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%s)\n", fc.Path, titleOf(fc))
		writeDetails(&b, fc, false)
	}
	return b.String()
}

func approvalLine(a *Approval, md bool) string {
	flow := a.Flow
	if md {
		flow = "**" + mdEscape(flow) + "**"
	}
	if a.Highest == nil {
		return fmt.Sprintf("Approval flow: %s (no role touched has a grade: confirm the grade; this is the flow from grade %s up)", flow, fmtGrade(a.Boundary))
	}
	role := a.Highest.Role
	if md {
		role = mdEscape(role)
	}
	return fmt.Sprintf("Approval flow: %s (highest grade touched: %s, %s)", flow, fmtGrade(a.Highest.Grade), role)
}

func fmtGrade(g float64) string { return strconv.FormatFloat(g, 'f', -1, 64) }

func hasDetails(fc *FamilyChange) bool {
	return len(fc.Roles) > 0 || fc.Shared != nil || fc.Reordered != nil || len(fc.Introduced) > 0 || len(fc.Fixed) > 0
}

// maxBulletText bounds a bullet shown whole; a changed bullet is shown as
// a word diff with some context instead.
const (
	maxBulletText = 240
	diffContext   = 6
)

func clip(s string) string {
	if r := []rune(s); len(r) > maxBulletText {
		return string(r[:maxBulletText]) + "…"
	}
	return s
}

// writeDetails writes the roles, bullets and findings of a page: as
// indented text, or as a markdown list.
func writeDetails(b *strings.Builder, fc *FamilyChange, md bool) {
	esc := func(s string) string { return s }
	item, sub := "  ", "    "
	if md {
		esc, item, sub = mdEscape, "- ", "  - "
	}
	bold := func(s string) string {
		if md {
			return "**" + mdEscape(s) + "**"
		}
		return s
	}
	if fc.Reordered != nil {
		fmt.Fprintf(b, "%slevels reordered: %s → %s\n", item, esc(strings.Join(fc.Reordered.Old, ", ")), esc(strings.Join(fc.Reordered.New, ", ")))
	}
	roles := fc.Roles
	if fc.Shared != nil {
		roles = append([]*RoleChange{fc.Shared}, roles...)
	}
	moreRoles := 0
	if len(roles) > maxRolesShown {
		moreRoles = len(roles) - maxRolesShown
		roles = roles[:maxRolesShown]
	}
	for _, rc := range roles {
		head := ""
		switch {
		case rc.Kind == "family":
			head = "sections all levels share"
		case rc.Change == RoleRenamed:
			head = fmt.Sprintf("%s (%s, line %d): renamed from %s", bold(rc.Title), rc.Kind, rc.Line, esc(rc.OldTitle))
		case rc.Change == RoleRemoved:
			head = fmt.Sprintf("%s (%s, old line %d): removed", bold(rc.Title), rc.Kind, rc.Line)
		default:
			head = fmt.Sprintf("%s (%s, line %d): %s", bold(rc.Title), rc.Kind, rc.Line, rc.Change)
		}
		var notes []string
		if g := rc.Grade; g != nil {
			switch rc.Change {
			case RoleAdded:
				notes = append(notes, "grade "+esc(g.New))
			case RoleRemoved:
				notes = append(notes, "had grade "+esc(g.Old))
			default:
				notes = append(notes, "grade "+esc(gradeChange(g)))
			}
		} else if rc.Change == RoleAdded && rc.Kind == "level" {
			notes = append(notes, "no grade")
		}
		switch rc.RequiredBullet {
		case "lost":
			notes = append(notes, "lost the required bullet")
		case "gained":
			notes = append(notes, "gained the required bullet")
		case "missing":
			notes = append(notes, "lacks the required bullet")
		}
		if rc.Text {
			notes = append(notes, "other text changed")
		}
		if len(notes) > 0 {
			head += ", " + strings.Join(notes, ", ")
		}
		fmt.Fprintf(b, "%s%s\n", item, head)
		if len(rc.Sections) > 0 {
			fmt.Fprintf(b, "%ssections: %s\n", sub, esc(strings.Join(rc.Sections, ", ")))
		}
		if len(rc.SectionsAdded) > 0 {
			fmt.Fprintf(b, "%ssections added: %s\n", sub, esc(strings.Join(rc.SectionsAdded, ", ")))
		}
		if len(rc.SectionsRemoved) > 0 {
			fmt.Fprintf(b, "%ssections removed: %s\n", sub, esc(strings.Join(rc.SectionsRemoved, ", ")))
		}
		bullets := rc.Bullets
		if len(bullets) > maxBulletsShown {
			bullets = bullets[:maxBulletsShown]
		}
		for _, bc := range bullets {
			text := esc(clip(bc.Text))
			if bc.Change == "changed" {
				text = diffText(bc, md)
			}
			fmt.Fprintf(b, "%s%s, %s: %s\n", sub, sectionTitle(bc.Section), bc.Change, text)
		}
		if n := len(rc.Bullets) - len(bullets); n > 0 {
			fmt.Fprintf(b, "%s… and %s\n", sub, plural(n, "more bullet"))
		}
	}
	if moreRoles > 0 {
		fmt.Fprintf(b, "%s… and %s (see the JSON output)\n", item, plural(moreRoles, "more role"))
	}
	for i, f := range fc.Introduced {
		if i == maxFindingsShown {
			fmt.Fprintf(b, "%s… and %d more introduced\n", item, len(fc.Introduced)-i)
			break
		}
		fmt.Fprintf(b, "%sintroduced: line %d: %s %s: %s\n", item, f.Line, f.Severity, f.Rule, esc(f.Message))
	}
	for i, f := range fc.Fixed {
		if i == maxFindingsShown {
			fmt.Fprintf(b, "%s… and %d more fixed\n", item, len(fc.Fixed)-i)
			break
		}
		fmt.Fprintf(b, "%sfixed: old line %d: %s %s: %s\n", item, f.Line, f.Severity, f.Rule, esc(f.Message))
	}
}

// What the text and markdown show of one page at most; JSON has it all.
const (
	maxRolesShown    = 40
	maxBulletsShown  = 25
	maxFindingsShown = 30
)

func sectionTitle(k string) string {
	switch k {
	case "responsibilities":
		return "Responsibilities"
	case "requirements":
		return "Requirements"
	case "performance-indicators":
		return "Performance Indicators"
	}
	return k
}

// diffText renders a changed bullet's word diff with some context. In
// markdown the [-...-] and {+...+} markers are GitLab's inline diff
// syntax, kept as they are; the rest is escaped.
func diffText(bc *BulletChange, md bool) string {
	s := wordDiff(bc)
	if !md {
		return s
	}
	marks := strings.NewReplacer("[-", "\x01", "-]", "\x02", "{+", "\x03", "+}", "\x04")
	back := strings.NewReplacer("\x01", "[-", "\x02", "-]", "\x03", "{+", "\x04", "+}")
	return back.Replace(mdEscape(marks.Replace(s)))
}

// handle is a GitLab mention: in a note it would notify its user or group
// on every update, so it is shown as code instead.
var handle = regexp.MustCompile(`@[A-Za-z0-9_][A-Za-z0-9_.-]*`)

// mdEscape escapes the characters markdown would read as markup, and
// mentions.
func mdEscape(s string) string {
	var b strings.Builder
	at := 0
	for _, m := range handle.FindAllStringIndex(s, -1) {
		b.WriteString(mdEscapeText(s[at:m[0]]))
		b.WriteString("`" + s[m[0]:m[1]] + "`")
		at = m[1]
	}
	b.WriteString(mdEscapeText(s[at:]))
	return b.String()
}

func mdEscapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '{', '}', '!':
			b.WriteByte('\\')
		case '\n':
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Markdown renders the report as a merge-request comment: a line per page
// first, the approval flow, then the details of each page folded.
func Markdown(r *Report) string {
	var b strings.Builder
	b.WriteString(Marker + "\n")
	fmt.Fprintf(&b, "#### Job-family changes since `%s`\n\n", short(r.Commit))
	if len(r.Families) == 0 {
		b.WriteString("No job-family page changed.\n")
		return b.String()
	}
	if r.ProseOnly {
		b.WriteString(proseOnly(r) + "\n\n")
	}
	for i, fc := range r.Families {
		if b.Len() > maxMarkdown/2 {
			fmt.Fprintf(&b, "- … and %s (see the JSON output)\n", plural(len(r.Families)-i, "more page"))
			break
		}
		fmt.Fprintf(&b, "- **%s** `%s`: %s\n", mdEscape(titleOf(fc)), strings.ReplaceAll(fc.Path, "`", "'"), mdEscape(Summary(fc)))
	}
	if a := r.Approval; a != nil {
		fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", htmlEscape(approvalLine(a, false)))
		for i, ap := range a.Approvers {
			fmt.Fprintf(&b, "%d. **%s**", i+1, mdEscape(ap.Name))
			if ap.Checks != "" {
				fmt.Fprintf(&b, ": %s", mdEscape(ap.Checks))
			}
			b.WriteByte('\n')
			for _, c := range ap.Checklist {
				fmt.Fprintf(&b, "   - [ ] %s\n", mdEscape(c))
			}
		}
		b.WriteString("\n</details>\n")
	}
	left := 0
	for _, fc := range r.Families {
		if !hasDetails(fc) {
			continue
		}
		if left > 0 {
			left++
			continue
		}
		var d strings.Builder
		fmt.Fprintf(&d, "\n<details><summary>%s: %s</summary>\n\n", htmlEscape(titleOf(fc)), htmlEscape(fc.Path))
		writeDetails(&d, fc, true)
		d.WriteString("\n</details>\n")
		if b.Len()+d.Len() > maxMarkdown {
			left++
			continue
		}
		b.WriteString(d.String())
	}
	if left > 0 {
		fmt.Fprintf(&b, "\nThe details of %s are left out: a merge-request note holds at most about a million characters (see the JSON output).\n", plural(left, "more page"))
	}
	return b.String()
}

// maxMarkdown bounds the markdown summary below the size of a GitLab note
// (1,000,000 characters).
const maxMarkdown = 900_000

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// wordDiff is a changed bullet's word diff, long unchanged runs cut.
func wordDiff(bc *BulletChange) string {
	return worddiff.Compare(bc.Old, bc.Text).Context(diffContext)
}
