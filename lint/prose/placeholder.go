package prose

import "strings"

// Placeholders returns the ranges of text that are template syntax rather
// than prose: "{...}" (the templates' "{add ...}" placeholders, kramdown's
// "{:toc}" attributes) and ERB "<% ... %>" tags. Each range includes its
// delimiters. An unclosed "{" or "<%" is not a placeholder.
func Placeholders(text string) [][2]int {
	if strings.IndexByte(text, '{') < 0 && !strings.Contains(text, "<%") {
		return nil
	}
	closing := braceMatches(text)
	var out [][2]int
	erbEnd, erbFrom := -1, -1 // the first "%>" at or after erbFrom (-1: none)
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '{':
			if j := closing[i]; j >= 0 {
				out = append(out, [2]int{i, j + 1})
				i = j
			}
		case strings.HasPrefix(text[i:], "<%"):
			// the first "%>" after i+2: the one found for an earlier
			// "<%" when it lies past i+2 (there is none between), or
			// none when there was none after an earlier one
			if erbFrom < 0 || erbEnd >= 0 && erbEnd < i+2 {
				erbFrom = i + 2
				if k := strings.Index(text[i+2:], "%>"); k >= 0 {
					erbEnd = i + 2 + k
				} else {
					erbEnd = -1
				}
			}
			if erbEnd >= 0 {
				out = append(out, [2]int{i, erbEnd + 2})
				i = erbEnd + 1
			}
		}
	}
	return out
}

// braceMatches returns, for each '{' of text, the offset of the '}' that
// closes it (the first after it where as many braces have closed as opened
// since), or -1; other offsets are -1 too. One pass with a stack, where a
// search from each '{' would be quadratic in unclosed braces.
func braceMatches(text string) []int {
	closing := make([]int, len(text))
	var open []int
	for i := 0; i < len(text); i++ {
		closing[i] = -1
		switch text[i] {
		case '{':
			open = append(open, i)
		case '}':
			if n := len(open); n > 0 {
				closing[open[n-1]] = i
				open = open[:n-1]
			}
		}
	}
	return closing
}

// BlankRanges returns text with the given byte ranges replaced by spaces,
// so that offsets into the result are offsets into text.
func BlankRanges(text string, ranges [][2]int) string {
	if len(ranges) == 0 {
		return text
	}
	b := []byte(text)
	for _, r := range ranges {
		for k := max(r[0], 0); k < r[1] && k < len(b); k++ {
			b[k] = ' '
		}
	}
	return string(b)
}
