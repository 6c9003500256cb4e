package shape

import (
	"path"
	"sort"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// PageLevel reads a page as one level of a one-page-per-level ladder: its
// title (first heading, else the file name) names a level. It returns nil
// when the page's title names none, or when the page holds a ladder of its
// own.
func PageLevel(f *model.Family, o Options) *Level {
	if f.Skipped {
		return nil
	}
	name := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
	var h *model.Heading
	for _, x := range f.Headings {
		if h == nil || x.Level < h.Level {
			h = x
		}
	}
	title := name
	l := &Level{File: f, Body: model.Span{Start: 0, End: len(f.Source.Text)}}
	if h != nil {
		title = h.Text
		l.Heading, l.TitleSpan = h, h.TextSpan
		l.Body = model.Span{Start: h.Span.End, End: len(f.Source.Text)}
	}
	l.Title = title
	l.Code = ParseCode(title)
	titled := false // the code is the title's, where a span can point
	if l.Code == nil || l.Code.Format == "n" {
		// the file name may carry the code ("ic3_software_engineer.md", "01 Junior.md")
		if c := ParseCode(strings.ReplaceAll(name, "_", " ")); c != nil {
			l.Code = c
		}
	} else {
		titled = true
	}
	coded := l.Code != nil
	l.place(o, title)
	if titled || !coded && l.Code != nil {
		if h != nil {
			l.CodeSpan = titleSpan(f, h, l.Code.At, l.Code.At+l.Code.N)
		}
	}
	if l.Code == nil && !l.Placed && h != nil {
		// a page whose title names no level ("Developer OR Web
		// Operations") is the level its file name names, when the name is
		// that level's name alone ("mid.md"; not "contributor-ladder.md")
		fl := &Level{File: f, Title: name, Body: model.Span{Start: 0, End: len(f.Source.Text)}}
		fl.place(o, strings.NewReplacer("_", " ", "-", " ").Replace(name))
		if fl.Placed && fl.Code == nil && fl.Place.Stem == "" {
			l = fl
		}
	}
	if l.Code == nil && !l.Placed {
		return nil
	}
	l.Dims = dimensions(f, o, l)
	l.SameAs = sameAs(f, l)
	return l
}

// PageLadders groups the pages of each folder that are levels into a
// ladder of pages, when a folder holds two or more. Pages are in path
// order.
func PageLadders(files []*model.Family, o Options, hasOwn func(*model.Family) bool) []*Ladder {
	byDir := map[string][]*Level{}
	var dirs []string
	for _, f := range files {
		if hasOwn(f) {
			continue
		}
		l := PageLevel(f, o)
		if l == nil {
			continue
		}
		d := path.Dir(f.Path)
		if _, ok := byDir[d]; !ok {
			dirs = append(dirs, d)
		}
		byDir[d] = append(byDir[d], l)
	}
	sort.Strings(dirs)
	var out []*Ladder
	for _, d := range dirs {
		if lv := byDir[d]; len(lv) >= 2 {
			out = append(out, &Ladder{From: "pages", Levels: lv})
		}
	}
	return out
}

// Numbered reports whether every page of a page ladder starts its file
// name with a number: then path order is the ladder's order.
func (l *Ladder) Numbered() bool {
	for _, v := range l.Levels {
		b := path.Base(v.File.Path)
		if b == "" || b[0] < '0' || b[0] > '9' {
			return false
		}
	}
	return true
}
