// Package ladder places role titles on the seniority tracks of the config:
// individual contributors (Associate < Intermediate < Senior < ...) and
// managers (Manager < Senior Manager < Director < ...). Rules that compare
// levels (grade order, level progression) use it.
package ladder

import (
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// Place is where a title sits: a track and a step on it.
type Place struct {
	Track   int    // index in the config's tracks
	Step    int    // 0 is the lowest step
	Name    string // the track's name
	Keyword string // the keyword that placed it, "" when implied
	Implied bool   // no keyword: the step was implied (Intermediate)
}

// Ladder classifies titles against configured tracks.
type Ladder struct {
	tracks []lint.Track
	kws    []keyword // sorted longest first
	// implied is the step a plain title ("Backend Engineer") takes on the
	// first track: the step whose keywords include "Intermediate".
	impliedTrack, impliedStep int
}

type keyword struct {
	words   []string
	anchor  bool // "^Manager": only at the start of the title
	track   int
	step    int
	literal string
}

// New builds a ladder from the config's tracks. A keyword written with a
// leading "^" only counts at the start of a title: "^Manager" places
// "Manager, Infrastructure" on the manager track but not "Product Manager",
// a function title.
func New(tracks []lint.Track) *Ladder {
	l := &Ladder{tracks: tracks, impliedTrack: -1}
	for ti, t := range tracks {
		for si, step := range t.Steps {
			for _, k := range step {
				anchor := strings.HasPrefix(k, "^")
				words := strings.Fields(model.NormalizeTitle(strings.TrimPrefix(k, "^")))
				if len(words) == 0 {
					continue
				}
				l.kws = append(l.kws, keyword{words: words, anchor: anchor, track: ti, step: si, literal: k})
				if len(words) == 1 && words[0] == "intermediate" && l.impliedTrack < 0 {
					l.impliedTrack, l.impliedStep = ti, si
				}
			}
		}
	}
	// longest keyword first: "Senior Director" before "Director"
	for i := 1; i < len(l.kws); i++ {
		for j := i; j > 0 && len(l.kws[j].words) > len(l.kws[j-1].words); j-- {
			l.kws[j], l.kws[j-1] = l.kws[j-1], l.kws[j]
		}
	}
	return l
}

// Classify places a title. ok is false when no keyword matches and the
// title does not read like an individual-contributor job title.
func (l *Ladder) Classify(title string) (Place, bool) {
	words := strings.Fields(model.NormalizeTitle(title))
	best := -1
	bestAt := 0
	for i, k := range l.kws {
		at := indexWords(words, k.words, k.anchor)
		if at < 0 {
			continue
		}
		if best < 0 || len(k.words) > len(l.kws[best].words) {
			best, bestAt = i, at
		}
		_ = bestAt
	}
	if best >= 0 {
		k := l.kws[best]
		return Place{Track: k.track, Step: k.step, Name: l.tracks[k.track].Name, Keyword: k.literal}, true
	}
	if l.impliedTrack >= 0 && model.JobTitleLike(title) {
		return Place{Track: l.impliedTrack, Step: l.impliedStep, Name: l.tracks[l.impliedTrack].Name, Implied: true}, true
	}
	return Place{}, false
}

// indexWords finds the word sequence k in words; anchored, only at 0.
func indexWords(words, k []string, anchor bool) int {
	for i := 0; i+len(k) <= len(words); i++ {
		if anchor && i > 0 {
			return -1
		}
		match := true
		for j := range k {
			if words[i+j] != k[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
