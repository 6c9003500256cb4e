package lint

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/internal/fsutil"
)

// ReadFile reads one file for `ladderlint model`, refusing one over the size
// limit.
func ReadFile(path string, max int64) ([]byte, error) {
	max = fsutil.Limit(max)
	data, err := readLimited(path, max)
	if fsutil.IsTooLarge(err) {
		return nil, &ReadError{Path: DisplayPath(path), Err: fmt.Errorf("larger than the %d-byte limit (max_file_size)", max)}
	}
	if err != nil {
		return nil, &ReadError{Path: DisplayPath(path), Err: unwrapPathError(err)}
	}
	return data, nil
}

// Explain renders a rule's documentation as markdown, for `ladderlint
// explain` and docs/rules.md.
func Explain(r *Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s.\n\n", r.ID, strings.TrimSuffix(capitalize(r.Title), "."))
	sev := r.Severity.String()
	if r.Optional {
		sev += ", off by default"
	}
	fmt.Fprintf(&b, "Category: %s. Default severity: %s.", r.Category, sev)
	if r.CrossFile() {
		b.WriteString(" Runs across files.")
	}
	if r.Fixable {
		b.WriteString(" Fixable with `--fix`.")
	}
	b.WriteString("\n\n")
	if r.Doc.Description != "" {
		b.WriteString(strings.TrimSpace(r.Doc.Description) + "\n\n")
	}
	if r.Doc.Bad != "" {
		b.WriteString("Reported:\n\n" + fence(r.Doc.Bad) + "\n")
	}
	if r.Doc.Good != "" {
		b.WriteString("Not reported:\n\n" + fence(r.Doc.Good) + "\n")
	}
	if len(r.Doc.Options) > 0 {
		b.WriteString("Options (under `rules: " + r.ID + ":` in `.ladderlint.yml`):\n\n")
		for _, o := range r.Doc.Options {
			fmt.Fprintf(&b, "- `%s` (default `%s`): %s\n", o.Name, o.Default, o.Text)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func fence(s string) string {
	s = strings.TrimRight(visibleBytes(s), "\n") + "\n"
	f := "```"
	for strings.Contains(s, f) {
		f += "`"
	}
	return f + "markdown\n" + s + f + "\n"
}

// visibleBytes writes each byte that is not UTF-8 as a \xNN escape, so that an
// example of bad input (a Latin-1 page) keeps the generated docs valid UTF-8
// and still shows which bytes are wrong.
func visibleBytes(s string) string {
	return ReplaceInvalidBytes(s, func(c byte) string { return fmt.Sprintf("\\x%02x", c) })
}

// ReplaceInvalidBytes returns s with each byte that is not part of valid
// UTF-8 replaced by repl(byte), one replacement a byte (strings.ToValidUTF8
// gives one for a whole run); s itself when it is valid.
func ReplaceInvalidBytes(s string, repl func(byte) string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteString(repl(s[i]))
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// StarterConfig is the commented .ladderlint.yml that `ladderlint init`
// writes: the defaults, spelled out.
func StarterConfig() string {
	return `# ladderlint configuration. Every key is optional; the values shown are the
# defaults (the GitLab handbook profile). Validated by schema/config.schema.json.

# Files linted when no path is given on the command line.
include:
  - content/job-families/**/*.md
# exclude:
#   - content/job-families/**/overview.md

# Files larger than this many bytes are reported, not parsed.
max_file_size: 5242880

site:
  # hugo: /a/b/ is a/b/_index.md, a/b.md or a/b/index.md under a content root.
  # middleman: GitLab's handbook before 2023 (sites/*/source, index.html.md).
  layout: hugo
  # Content roots and the URL prefix each is served at. Default: the nearest
  # content/ folder above the linted files, at /.
  # roots:
  #   - dir: content
  #     prefix: /
  # The published site's own URLs: links to them should be root-relative.
  own_urls:
    - url: https://handbook.gitlab.com
    - url: https://about.gitlab.com
      paths: [/handbook/, /job-families/]
  # Heading IDs: github (Hugo) or kramdown (Middleman).
  anchors: github

grades:
  min: 1
  max: 20
  # The grade table every grade sentence links to.
  table: /handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades
  # Seniority per track, lowest first; the most specific keyword wins.
  # tracks:
  #   - name: individual contributor
  #     steps: [[Intern, Apprentice], [Associate, Junior], [Intermediate], [Senior], [Staff], [Principal], [Distinguished], [Fellow]]
  #   - name: manager
  #     steps: [[Manager], [Senior Manager], [Director], [Senior Director], [VP, Vice President], [Senior VP], [Executive VP, Chief]]
  # The grade tables are read from the table's page (below the heading its
  # fragment names); give them here, or in a YAML file, to override:
  # tables_file: policy/grade-tables.yml
  # tables:
  #   - name: Sales
  #     folders: [sales]
  #     rows:
  #       - {grade: 9, management: [Manager, Senior Manager]}
  # Which families a table read from the site grades (else: the best fit).
  # table_folders:
  #   Customer Success: [customer-success]

# A JSON Schema over each page's summary that says which sections are
# required (default: schema/required-sections.schema.json).
# required_sections: policy/required-sections.schema.json

# ladderlint changes: the approval flow of a merge request, by the highest
# grade it touches (default: the handbook's job-family policy, spelled out
# in docs/changes.md).
# changes:
#   grade_boundary: 10
#   lower:
#     name: grades 9 and below
#     approvers:
#       - name: Your manager
#       - name: Your department head
#         checks: the role is in plan

# Per rule: a severity (error, warning, info, off) or a mapping with
# severity and options. See ` + "`ladderlint rules`" + ` and ` + "`ladderlint explain RULE`" + `.
rules: {}
#   link-external: warning      # off by default: it checks URLs over the network
#   years-of-experience: error
`
}
