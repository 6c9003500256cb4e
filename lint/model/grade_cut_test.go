package model

import (
	"math/rand"
	"slices"
	"testing"
)

// gradeNumMatch and gradeVerbIndex, the expressions run on the part of the
// text where a match may start, find what the expressions find on the
// whole text: random texts of the expressions' words, in any case, with
// the characters (?i) folds from past ASCII, every \s space, \v and a
// no-break space (no \s), word characters run into the words.
func TestGradeCutsAsExpressions(t *testing.T) {
	rng := rand.New(rand.NewSource(67))
	words := []string{"job", "Job", "JOB", "grade", "Grade", "GRADE", "gra", "de", "level", "of", "#", "[", "8", "9.5", "12", "x", "N", "tbd",
		"or", "to", "and", "-", "–", "a", "an", "at", "is", "are", "can be", "will be", "would be", "maps to", "is mapped to", "i\u017f",
		"sits", "considered", "con\u017fidered", "The", "Engineer", "Manager", "xjob", "_grade", "1job", "jobgrade", "is\tat", "mapped"}
	between := append([]string{"", "\r", "\f", "\t\t", " \t\n  \r", "     "}, foldParts...)
	nums, verbs := 0, 0
	for range 40000 {
		s := randomText(rng, words, between, 14)
		got, want := gradeNumMatch(s), gradeNumRE.FindStringSubmatchIndex(s)
		if !slices.Equal(got, want) {
			t.Fatalf("gradeNumMatch(%q) = %v, the expression finds %v", s, got, want)
		}
		if want != nil {
			nums++
		}
		s += "x"
		gotV, wantV := gradeVerbIndex(s), gradeVerbRE.FindStringIndex(s)
		if !slices.Equal(gotV, wantV) {
			t.Fatalf("gradeVerbIndex(%q) = %v, the expression finds %v", s, gotV, wantV)
		}
		if wantV != nil {
			verbs++
		}
	}
	if nums < 2000 || verbs < 2000 {
		t.Fatalf("%d grades, %d copulas found: the test says little", nums, verbs)
	}
}
