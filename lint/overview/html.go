package overview

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"io"
	"strings"
)

var (
	//go:embed page.html.tmpl
	pageTemplate string
	//go:embed page.css
	pageCSS string
	//go:embed page.js
	pageJS string

	page = template.Must(template.New("ladders").Parse(pageTemplate))
)

// Search is the lower-case text the page's filter box matches.
func (f *Family) Search() string {
	parts := []string{f.Title, f.Path}
	for _, lv := range f.Levels {
		parts = append(parts, lv.Title)
		if lv.Grade != nil {
			parts = append(parts, "grade "+fmtGrade(*lv.Grade))
		}
		for _, s := range lv.Specialties {
			parts = append(parts, s.Title)
		}
	}
	return strings.ToLower(strings.Join(parts, " | "))
}

// Search is the lower-case text the page's filter box matches.
func (c *Column) Search() string {
	parts := []string{c.Title, c.Track}
	for g, titles := range c.Cells {
		parts = append(parts, "grade "+g)
		parts = append(parts, titles...)
	}
	return strings.ToLower(strings.Join(parts, " | "))
}

// Search is the lower-case text the page's filter box matches.
func (t *TitleGrades) Search() string {
	parts := []string{t.Title}
	for _, g := range t.Grades {
		parts = append(parts, "grade "+fmtGrade(g.Grade))
	}
	return strings.ToLower(strings.Join(parts, " | "))
}

// GradeLabel is the grade as the page shows it.
func (lv *Level) GradeLabel() string {
	if lv.GradeText != "" {
		return lv.GradeText
	}
	if lv.Grade == nil {
		return ""
	}
	return fmtGrade(*lv.Grade)
}

// Label names a mark in words, so that it does not rely on colour.
func (m *Mark) Label() string {
	switch m.Kind {
	case "no-grade":
		return "no grade"
	case "grade-skipped":
		return "grade skipped"
	case "grade-repeated":
		return "grade repeated"
	}
	return m.Severity + " " + m.Rule
}

type pageData struct {
	O           *Overview
	Style       template.CSS
	Script      template.JS
	CSP         string
	GradeRows   []string
	GradeRange  string
	Levels      int
	FamilyTitle map[string]string
	NoLevels    []*Family
}

// hashSource is a CSP source for an inline element's exact text.
func hashSource(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// CSP is the page's content security policy: nothing from anywhere, only
// its own inline style and script, by hash.
func CSP() string {
	return "default-src 'none'; style-src " + hashSource(pageCSS) + "; script-src " + hashSource(pageJS) + "; img-src data:; base-uri 'none'; form-action 'none'"
}

// WriteHTML writes the overview as one self-contained HTML page.
func (ov *Overview) WriteHTML(w io.Writer) error {
	d := pageData{O: ov, Style: template.CSS(pageCSS), Script: template.JS(pageJS), CSP: CSP(), FamilyTitle: map[string]string{}}
	for _, g := range ov.Grades {
		d.GradeRows = append(d.GradeRows, fmtGrade(g))
	}
	if n := len(ov.Grades); n > 0 {
		d.GradeRange = fmtGrade(ov.Grades[n-1]) + " to " + fmtGrade(ov.Grades[0])
	} else {
		d.GradeRange = "none"
	}
	for _, f := range ov.Families {
		d.Levels += len(f.Levels)
		if len(f.Levels) == 0 {
			d.NoLevels = append(d.NoLevels, f)
		}
		d.FamilyTitle[f.ID] = f.Title
	}
	return page.Execute(w, d)
}

// WriteJSON writes the overview's data (schema/ladder.schema.json).
func (ov *Overview) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ov)
}
