package rules

import (
	"math/rand"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/randtext"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// randomText joins random pieces: the words and marks the expressions look
// for, their capitals, runes that fold or lower to ASCII letters (ſ, the
// Kelvin sign, İ), other non-ASCII runes and invalid bytes.
func randomText(rng *rand.Rand, pieces []string) string {
	return randtext.Join(rng, pieces, 10)
}

// The cheap tests run before the term rules' regular expressions turn
// away no text an expression matches, and the literal counts they guard
// see every occurrence.
func TestTermFiltersKeepEveryMatch(t *testing.T) {
	pieces := []string{"e", "E", "g", "G", "i", "I", "İ", "ſ", "K", ".", " ", "1", "9", ":", "'", "’", "s", "S",
		"Sr", "Jr", "Mgr", "Assoc", "sr", "M", "é", "\xff", "\xe2\x80", "x", "A",
		"1:1's", "90’s", " eg.", " Ie.", "e.g.", "I.E.", "İ.e.", ".G."}
	var plurals, titles, variants, refs int
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		s := randomText(rng, pieces)
		plurals += count(termNumberPlural.MatchString(s))
		titles += count(termTitleAbbrev.MatchString(s))
		if termNumberPlural.MatchString(s) && !digitApostropheS(s) {
			t.Fatalf("digitApostropheS(%q) = false, termNumberPlural matches", s)
		}
		if termTitleAbbrev.MatchString(s) && !hasTitleAbbrev(s) {
			t.Fatalf("hasTitleAbbrev(%q) = false, termTitleAbbrev matches", s)
		}
		for _, a := range termAbbreviations {
			variants += count(a.variant.MatchString(s))
			refs += count(strings.Contains(strings.ToLower(s), a.ref))
			if a.variant.MatchString(s) && !model.ContainsFold(s, a.written) {
				t.Fatalf("ContainsFold(%q, %q) = false, %s matches", s, a.written, a.variant)
			}
			if strings.Contains(strings.ToLower(s), a.ref) && !model.ContainsFold(s, a.ref[1:]) {
				t.Fatalf("ContainsFold(%q, %q) = false, its lower case holds %q", s, a.ref[1:], a.ref)
			}
		}
	}
	if plurals < 100 || titles < 100 || variants < 100 || refs < 100 {
		t.Errorf("matches in random texts: %d number plurals, %d titles, %d variants, %d references: the test says little", plurals, titles, variants, refs)
	}
	for _, c := range []struct {
		s    string
		want bool
	}{{"1:1's", true}, {"1990’s", true}, {"the team's 1s", false}, {"'s1", false}} {
		if got := digitApostropheS(c.s); got != c.want {
			t.Errorf("digitApostropheS(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

// itemKey's one pass over ASCII text gives the key the fields, lowered
// and joined, give.
func TestItemKeyAsFields(t *testing.T) {
	slow := func(text string) string {
		return strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(text), " ")), ".;")
	}
	pieces := []string{" ", "  ", "\t", "\n", "\r\n", "\v", "\f", "Lead", "the", "TEAM", ".", ";", "x", "é", "İ", "\u00a0", "\u0085", "\xff"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 100000; n++ {
		s := randomText(rng, pieces)
		if got, want := itemKey(s), slow(s); got != want {
			t.Fatalf("itemKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// locLegalBasis's test of ASCII text without lowering it finds what the
// lowered text holds.
func TestLegalBasisWordsAsLowered(t *testing.T) {
	pieces := []string{" ", "Citizen", "CITIZEN", "citizen", "security", "Security ", "clearance", " Clearance", " eligib", "ELIGIB", "cİtizen", "é", "x"}
	rng := rand.New(rand.NewSource(1))
	hits := 0
	for n := 0; n < 50000; n++ {
		s := randomText(rng, pieces)
		sec := &model.Section{}
		sec.Bullets = []*model.Bullet{{Text: s}}
		l := strings.ToLower(s)
		want := strings.Contains(l, "citizen") || strings.Contains(l, "security clearance") || strings.Contains(l, "clearance eligib")
		if got := locLegalBasis(&model.Block{Text: "x", Section: sec}); got != want {
			t.Fatalf("locLegalBasis of %q = %v, want %v", s, got, want)
		}
		hits += count(want)
	}
	if hits < 1000 {
		t.Errorf("%d random texts name a legal basis: the test says little", hits)
	}
}

// numberFormCandidate turns away no text the form expression of
// checkTermNumberForms matches.
func TestNumberFormCandidateKeepsEveryMatch(t *testing.T) {
	pieces := []string{"1", "10", "9", ":", "-", "Q", "K", "q", "s", " ", "v", "‑", "é", "\xff", "1:1", "10-Q", "10Q", "A", "-1", ".", "２"}
	var forms int
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 200000; n++ {
		s := randomText(rng, pieces)
		if termFormNumber.MatchString(s) {
			forms++
			if !numberFormCandidate(s) {
				t.Fatalf("numberFormCandidate(%q) = false, termFormNumber matches", s)
			}
		}
	}
	if forms < 100 {
		t.Errorf("%d matches in random texts: the test says little", forms)
	}
}

// changesLower and changesUpper answer as comparing a case-mapped copy
// does, on ASCII and other text (runes that map to ASCII, invalid bytes).
func TestChangesCaseSameAsCopy(t *testing.T) {
	pieces := []string{"a", "Z", "q", "-", "'", "K", "ſ", "İ", "ǅ", "é", "É", "\xff", "\xe2\x80", "1", " "}
	var lower, upper int
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 100000; n++ {
		s := randomText(rng, pieces)
		if got, want := changesLower(s), strings.ToLower(s) != s; got != want {
			t.Fatalf("changesLower(%q) = %v, want %v", s, got, want)
		} else if want {
			lower++
		}
		if got, want := changesUpper(s), strings.ToUpper(s) != s; got != want {
			t.Fatalf("changesUpper(%q) = %v, want %v", s, got, want)
		} else if want {
			upper++
		}
	}
	if lower < 1000 || upper < 1000 || lower > 99000 || upper > 99000 {
		t.Errorf("%d of 100000 texts change in lower case, %d in upper case: the test says little", lower, upper)
	}
}

// sameAs answers as sameAsRE does: its test for "same" turns away no text
// the expression matches.
func TestSameAsKeepsEveryMatch(t *testing.T) {
	pieces := []string{"share", "shares", "SHARE", " ", "\t", "the", "THE", "same", "Same", "ſame", "SAME", "sa", "me",
		"requirements", "responsibilities", "Responsibilities", "x", "é", "\xff", ".", "s", "K"}
	var matches int
	rng := rand.New(rand.NewSource(4))
	for n := 0; n < 200000; n++ {
		s := randomText(rng, pieces)
		want := sameAsRE.MatchString(s)
		if got := sameAs(s); got != want {
			t.Fatalf("sameAs(%q) = %v, sameAsRE says %v", s, got, want)
		}
		matches += count(want)
	}
	if matches < 100 {
		t.Errorf("%d random texts match: the test says little", matches)
	}
}
