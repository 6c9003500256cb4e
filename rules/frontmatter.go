package rules

import (
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/schema"
)

var frontmatterRule = &lint.Rule{
	ID:       "frontmatter",
	Title:    "front matter is present, valid YAML, valid against the schema, with a title",
	Category: lint.Structure,
	Severity: lint.Error,
	Doc: lint.Doc{
		Description: "Every job-family page starts with a YAML front matter block that sets its `title`: the site " +
			"uses it as the page title and ladderlint as the family's name. A YAML error is reported on the line " +
			"it occurs; values are checked against `schema/frontmatter.schema.json` (title a non-empty string, " +
			"`aliases` a string or a list of strings, ...). Keys the schema does not name are allowed.",
		Bad:  "---\ntitle: \"Backend Engineer\n---\n",
		Good: "---\ntitle: \"Backend Engineer\"\n---\n",
	},
	Check: checkFrontmatter,
}

func init() { lint.Register(frontmatterRule) }

func checkFrontmatter(p *lint.Pass) {
	f := p.File
	fm := f.FrontMatter
	if fm == nil {
		end := 0
		if len(f.Source.Text) > 0 {
			end = lineEndOf(f, 0)
		}
		p.Report(lint.Diagnostic{Span: model.Span{Start: 0, End: end}, Message: "page has no front matter: start it with a '---' block that sets the title", Subject: "no front matter"})
		return
	}
	if fm.Err != nil {
		p.Report(lint.Diagnostic{Span: fm.Err.Span, Message: fm.Err.Message, Subject: "yaml"})
		return
	}
	if fm.Node == nil {
		p.Report(lint.Diagnostic{Span: model.Span{Start: 0, End: 3}, Message: "front matter is empty: set at least the title", Subject: "empty"})
		return
	}
	data, err := fm.Data()
	if err != nil {
		_, msg := model.YAMLErrorLine(err) // the first error, on one line
		p.Report(lint.Diagnostic{Span: model.Span{Start: 0, End: 3}, Message: "front matter cannot be read: " + msg, Subject: "decode"})
		return
	}
	inst, err := schema.ToJSONValue(data)
	if err != nil {
		return
	}
	seen := map[string]bool{}
	for _, leaf := range schema.Leaves(schema.FrontMatter().Validate(inst)) {
		key := strings.TrimPrefix(leaf.InstanceLocation, "/")
		if i := strings.IndexByte(key, '/'); i >= 0 {
			key = key[:i]
		}
		if seen[key] {
			continue // one finding per key: a oneOf gives an error per branch
		}
		seen[key] = true
		span := fm.KeySpan(key)
		msg := leaf.Message
		if key == "" {
			span = model.Span{Start: 0, End: 3}
			if strings.Contains(msg, "title") {
				msg = "front matter has no title"
			}
		} else if key == "title" {
			msg = "title is empty: " + msg
			if s := fm.NodeSpan(fm.Value("title")); s.Valid() {
				span = s
			}
		} else {
			msg = key + ": " + msg
		}
		if !span.Valid() {
			span = model.Span{Start: 0, End: 3}
		}
		p.Report(lint.Diagnostic{Span: span, Message: msg, Subject: key})
	}
}

func lineEndOf(f *model.Family, off int) int {
	t := f.Source.Text
	for i := off; i < len(t); i++ {
		if t[i] == '\n' {
			return i
		}
	}
	return len(t)
}
