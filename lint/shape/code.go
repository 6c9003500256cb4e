// Package shape finds a career ladder in a page by its shape rather than by
// GitLab's words: sibling headings that name levels (by a level code or a
// seniority word) and carry parallel content, a table of levels by
// dimensions, or one page per level in a folder. Each level gets its code
// (parsed into a rank), its place on the configured tracks and its
// dimensions (sub-headings and bold labels), each with its source span.
//
// It reads the model; it changes nothing in it, so the GitLab profile's
// rules see the same model as before.
package shape

import (
	"regexp"
	"strconv"
	"strings"
)

// Code is a level code written in a title: "IC 3", "L4", "Level 2",
// "Engineer II", "3a".
type Code struct {
	Raw    string  // as written
	Prefix string  // "IC", "L", "LEVEL", ... upper case; "" for a Roman numeral or a bare number
	Format string  // what codes of one ladder share: "IC n", "Ln", "Level n", "Roman", "n"
	Rank   float64 // the number the code gives
	Sub    string  // a letter suffix ("a" of "3a"): parallel tracks at one rank
	At, N  int     // byte offset and length of Raw in the title
}

var (
	prefixCodeRE = regexp.MustCompile(`(?i)\b(IC|SE|L|D|P|M|E|T)([ -]?)(\d{1,2})([a-z])?\b`)
	wordCodeRE   = regexp.MustCompile(`(?i)\b(level|grade|band|tier|rung)\s+(\d{1,2})([a-z])?\b`)
	romanRE      = regexp.MustCompile(`\b(VIII|VII|VI|IV|IX|V|III|II|I|X)\b`)
	leadNumRE    = regexp.MustCompile(`^(\d{1,2})([a-z])?(?:[\s.:)_-]|$)`)
	// a Roman numeral that numbers a section, before its title: "I. Core
	// Contributors", "II) Stewards" (a stop or a parenthesis, then a space:
	// the pronoun "I" is followed by neither)
	leadRomanRE = regexp.MustCompile(`^(VIII|VII|VI|IV|IX|V|III|II|I|X)[.)]\s+\S`)
	// what follows the pronoun "I": a word in lower case ("do I get"), or
	// an apostrophe ("I'm")
	pronounRE = regexp.MustCompile(`^(?:\s+[a-z]|['’])`)
	// a number that ends a title after its words: "Engineer 1",
	// "Engineering Manager 2"
	trailNumRE = regexp.MustCompile(`[A-Za-z][ \t]+(\d{1,2})([a-z])?\s*$`)
)

// TitleNumber is the format of a number that ends a title ("Engineer 1",
// "Senior Engineer 2"): like a Roman numeral, it numbers the steps within
// the title, and may restart under the next title.
const TitleNumber = "Title n"

// NumbersTitle reports a code that numbers the steps within its title (a
// Roman numeral or a number after the title's words) rather than the
// ladder's levels: "Middle I", "Senior I"; "Engineer 1", "Senior Engineer 1".
func (c *Code) NumbersTitle() bool { return c.Format == "Roman" || c.Format == TitleNumber }

// trailingCode reads a number that ends a title after a word ("Engineer
// 2"). Alone, such a number is no code ("Phase 2", "Step 1"): the finder
// takes it only when the words before it name a role on the tracks.
func trailingCode(title string) *Code {
	m := trailNumRE.FindStringSubmatchIndex(title)
	if m == nil {
		return nil
	}
	n, _ := strconv.Atoi(title[m[2]:m[3]])
	c := &Code{Raw: title[m[2]:m[3]], Format: TitleNumber, Rank: float64(n), At: m[2], N: m[3] - m[2]}
	if m[4] >= 0 {
		c.Sub = title[m[4]:m[5]]
		c.Raw += c.Sub
		c.N = m[5] - m[2]
	}
	return c
}

var romanValue = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}

// ParseCode reads the level code of a title; nil when it has none. A code
// with a prefix (IC, L, Level) wins over a Roman numeral, which wins over a
// leading number ("01 Junior", a file name's order).
func ParseCode(title string) *Code {
	if m := wordCodeRE.FindStringSubmatchIndex(title); m != nil {
		n, _ := strconv.Atoi(title[m[4]:m[5]])
		word := strings.ToUpper(title[m[2]:m[3]])
		c := &Code{Raw: title[m[0]:m[1]], Prefix: word, Rank: float64(n), At: m[0], N: m[1] - m[0]}
		c.Format = strings.ToUpper(word[:1]) + strings.ToLower(word[1:]) + " n"
		if m[6] >= 0 {
			c.Sub = strings.ToLower(title[m[6]:m[7]])
		}
		return c
	}
	for _, m := range prefixCodeRE.FindAllStringSubmatchIndex(title, -1) {
		p := title[m[2]:m[3]]
		// single-letter prefixes only in upper case: "p 3" is not a code
		if len(p) == 1 && strings.ToUpper(p) != p {
			continue
		}
		n, _ := strconv.Atoi(title[m[6]:m[7]])
		c := &Code{Raw: title[m[0]:m[1]], Prefix: strings.ToUpper(p), Rank: float64(n), At: m[0], N: m[1] - m[0]}
		c.Format = c.Prefix + "n"
		if m[8] >= 0 {
			c.Sub = strings.ToLower(title[m[8]:m[9]])
		}
		return c
	}
	// a Roman numeral after the first word: "Engineer II", "Open Source Contributor I"
	for _, m := range romanRE.FindAllStringSubmatchIndex(title, -1) {
		if m[0] == 0 || !precededByWord(title[:m[0]]) {
			continue
		}
		r := title[m[0]:m[1]]
		if r == "I" && pronounRE.MatchString(title[m[1]:]) {
			continue // "When do I get promoted?": the pronoun
		}
		return &Code{Raw: r, Format: "Roman", Rank: float64(romanValue[r]), At: m[0], N: m[1] - m[0]}
	}
	// a section's number before its title, Roman as Arabic: read as a
	// leading number is
	if m := leadRomanRE.FindStringSubmatchIndex(title); m != nil {
		r := title[m[2]:m[3]]
		return &Code{Raw: r, Format: "n", Rank: float64(romanValue[r]), At: m[2], N: m[3] - m[2]}
	}
	if m := leadNumRE.FindStringSubmatchIndex(title); m != nil {
		n, _ := strconv.Atoi(title[m[2]:m[3]])
		c := &Code{Raw: title[m[2]:m[3]], Format: "n", Rank: float64(n), At: m[2], N: m[3] - m[2]}
		if m[4] >= 0 {
			c.Sub = title[m[4]:m[5]]
			c.Raw += c.Sub
			c.N = m[5] - m[2]
		}
		return c
	}
	return nil
}

func precededByWord(s string) bool {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ')' || c >= 0x80
}

// Label is the code as the ladder writes it, for messages: "L3", "IC 3".
func (c *Code) Label() string { return c.Raw }
