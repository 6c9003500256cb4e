package shape

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// chainArrowRE is the arrow that joins two names of a chain: "->", "=>",
// "→", "⟶", "➔" or "➡" (an emoji's variation selector allowed), spaced.
var chainArrowRE = regexp.MustCompile(`\s+(->|=>|→|⟶|➔|➡\x{FE0F}?)\s+`)

// maxChainWords bounds a chain name's words: a rank's name, not a step of
// a process told in a sentence.
const maxChainWords = 3

// chainLadder finds a ladder written as one line of names joined by arrows,
// in the line's order (lowest first as a rule), right under a heading ("## Belt System", then "White ->
// Blue -> Yellow -> Green -> Brown -> Black"), when the page's sections
// then name its ranks: two names or more, half of them at least, head a
// section after the line, by the name alone or with a word of the line's
// heading after it, in either case and number ("### Black Belts", "###
// Blue Belts"). A name's title and body are its section's; a name with no
// section (Green, Brown: no one holds them) is Listed, with nothing but
// its place in the line. The chain is three names or more, each of one to
// three words that open with a capital letter and hold only letters,
// joined by one kind of arrow, the paragraph's only line. A chain no
// section names (a process, "Draft -> Review -> Merge", told once) is no
// ladder; nor is a chain under no heading or after other text under it.
// Only a page whose headings, tables, lists and paragraphs hold no ladder
// is read for one.
func chainLadder(f *model.Family, o Options) *Ladder {
	src := f.Source.Text
	for bi, b := range f.Blocks {
		if b.Kind != model.BlockParagraph || bi == 0 || f.Blocks[bi-1].Kind != model.BlockHeading {
			continue
		}
		if b.Span.Start < 0 || b.Span.End > len(src) || b.Span.Start >= b.Span.End {
			continue
		}
		line := strings.TrimRight(string(src[b.Span.Start:b.Span.End]), " \t\r\n")
		if strings.ContainsAny(line, "\n") {
			continue
		}
		names, spans := chainNames(line)
		if len(names) < 3 {
			continue
		}
		head := headingBefore(f, b.Span.Start)
		if head < 0 {
			continue
		}
		nouns := strings.FieldsFunc(f.Headings[head].Text, func(r rune) bool { return !unicode.IsLetter(r) })
		var lv []*Level
		sectioned := 0
		for k, name := range names {
			at := b.Span.Start + spans[k]
			l := &Level{Title: name, File: f}
			l.place(o, name)
			l.TitleSpan = model.Span{Start: at, End: at + len(name)}
			if i, ok := chainSection(f, head, name, nouns); ok {
				l.TitleSpan = f.Headings[i].TextSpan
				l.Body = bodyOf(f, f.Headings, i)
				sectioned++
			} else {
				l.Body = model.Span{Start: l.TitleSpan.End, End: l.TitleSpan.End}
				l.Listed = true
			}
			lv = append(lv, l)
		}
		if sectioned >= 2 && 2*sectioned >= len(lv) {
			return ladderOf(f, o, "chain", lv)
		}
	}
	return nil
}

// chainNames splits a line of names joined by one kind of arrow, or
// returns nil; spans are the names' offsets in the line.
func chainNames(line string) ([]string, []int) {
	seps := chainArrowRE.FindAllStringSubmatchIndex(line, -1)
	if len(seps) < 2 {
		return nil, nil
	}
	arrow := line[seps[0][2]:seps[0][3]]
	var names []string
	var spans []int
	from := 0
	for n := 0; n <= len(seps); n++ {
		end := len(line)
		if n < len(seps) {
			if line[seps[n][2]:seps[n][3]] != arrow {
				return nil, nil
			}
			end = seps[n][0]
		}
		name := line[from:end]
		lead := len(name) - len(strings.TrimLeft(name, " \t"))
		name = strings.TrimSpace(name)
		if !chainName(name) {
			return nil, nil
		}
		names = append(names, name)
		spans = append(spans, from+lead)
		if n < len(seps) {
			from = seps[n][1]
		}
	}
	return names, spans
}

// chainName reports whether a chain's name is one to three words of
// letters (a hyphen or apostrophe inside a word allowed), opening with a
// capital letter.
func chainName(name string) bool {
	ws := strings.Fields(name)
	if len(ws) == 0 || len(ws) > maxChainWords {
		return false
	}
	for i, w := range ws {
		for k, r := range w {
			switch {
			case unicode.IsLetter(r):
				if i == 0 && k == 0 && !unicode.IsUpper(r) {
					return false
				}
			case (r == '-' || r == '\'' || r == '’') && k > 0 && k < len(w)-1:
			default:
				return false
			}
		}
	}
	return true
}

// headingBefore returns the index of the last heading that starts before
// at, or -1.
func headingBefore(f *model.Family, at int) int {
	return sort.Search(len(f.Headings), func(i int) bool { return f.Headings[i].Span.Start >= at }) - 1
}

// chainSection finds the first heading after heading head titled by a
// chain's name, alone or with one of nouns after it, in either case and
// number ("Black Belts" for "Black" under "Belt System").
func chainSection(f *model.Family, head int, name string, nouns []string) (int, bool) {
	want := map[string]bool{roleKey(name): true}
	for _, w := range nouns {
		want[roleKey(name+" "+w)] = true
	}
	for i := head + 1; i < len(f.Headings); i++ {
		if want[roleKey(f.Headings[i].Text)] {
			return i, true
		}
	}
	return 0, false
}
