package rules

import (
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
)

// The ladder-shape rules: checks that serve any career ladder, on in the
// generic profile and off (optional) in the gitlab one. They read the
// ladders lint/shape finds by shape, not GitLab's sections.

func shapeOptions(env *lint.Env, cfg *lint.Config) shape.Options {
	return shape.Options{Ladder: gradeLadder(env, cfg), Sections: cfg.Sections}
}

// laddersKey keys a page's ladders in its memo.
type laddersKey struct{}

// pageLadders returns the ladders shape.Find finds in a page, found once
// for every generic rule that asks (the options are the run's).
func pageLadders(env *lint.Env, cfg *lint.Config, f *model.Family) []*shape.Ladder {
	return f.Memo(laddersKey{}, func() any { return shape.Find(f, shapeOptions(env, cfg)) }).([]*shape.Ladder)
}

// allLadders returns every file's ladders, then the folders' page ladders.
func allLadders(p *lint.SetPass) []*shape.Ladder {
	o := shapeOptions(p.Env, p.Config)
	var out []*shape.Ladder
	own := map[*model.Family]bool{}
	for _, f := range p.Files {
		if f.Skipped {
			continue
		}
		ls := pageLadders(p.Env, p.Config, f)
		for _, l := range ls {
			if l.From == "headings" || l.From == "bullets" || l.From == "paragraphs" {
				own[f] = true
			}
		}
		out = append(out, ls...)
	}
	out = append(out, shape.PageLadders(p.Files, o, func(f *model.Family) bool { return own[f] })...)
	return out
}

func levelLabel(l *shape.Level) string { return strings.TrimSpace(l.Title) }

func levelSpan(l *shape.Level) model.Span {
	if l.Code != nil && l.CodeSpan.End > l.CodeSpan.Start {
		return l.CodeSpan
	}
	return l.TitleSpan
}
