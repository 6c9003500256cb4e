package prose

import "strings"

// Placeholders returns the ranges of text that are template syntax rather
// than prose: "{...}" (the templates' "{add ...}" placeholders, kramdown's
// "{:toc}" attributes) and ERB "<% ... %>" tags. Each range includes its
// delimiters. An unclosed "{" or "<%" is not a placeholder.
func Placeholders(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '{':
			depth, j := 0, i
			for ; j < len(text); j++ {
				if text[j] == '{' {
					depth++
				} else if text[j] == '}' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j < len(text) {
				out = append(out, [2]int{i, j + 1})
				i = j
			}
		case strings.HasPrefix(text[i:], "<%"):
			if j := strings.Index(text[i+2:], "%>"); j >= 0 {
				out = append(out, [2]int{i, i + 2 + j + 2})
				i += 2 + j + 1
			}
		}
	}
	return out
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
