package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// scanTitlePlacesDef is scanTitlePlaces as it was written first: every
// length looked up at every capital opening a word, the word's end tested
// after the look-up.
func scanTitlePlacesDef(f *model.Family, lengths []int, lower bool, found func(key string) bool, visit func(b *model.Block, text string, i, end int)) {
	var low []byte
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		if lower {
			low = append(low[:0], text...)
			for i, c := range low {
				if 'A' <= c && c <= 'Z' {
					low[i] = c + 'a' - 'A'
				}
			}
		}
		for i := 0; i < len(text); i++ {
			if !('A' <= text[i] && text[i] <= 'Z') || i > 0 && isRoleWordByte(text[i-1]) {
				continue
			}
			for _, n := range lengths {
				end := i + n
				if end > len(text) {
					continue
				}
				key := text[i:end]
				if lower {
					key = string(low[i:end])
				}
				if !found(key) {
					continue
				}
				after, _ := utf8.DecodeRuneInString(text[end:])
				if end < len(text) && (unicode.IsLetter(after) || unicode.IsDigit(after)) || inLinkText(b, i) {
					continue
				}
				visit(b, text, i, end)
				i = end - 1
				break
			}
		}
	}
}

// scanTitlePlaces tests a name's end before looking it up: the same places
// as its definition on the seed pages (fixtures, a sample of both corpora,
// the hostile shapes), looking up each page's role titles and their words
// run together in pairs, in their case and in lower case.
func TestScanTitlePlacesAsDefined(t *testing.T) {
	places := 0
	for n, f := range seedFamilies(t) {
		for _, lower := range []bool{false, true} {
			names := map[string]bool{}
			var lengths []int
			add := func(s string) {
				if s == "" || !isASCII(s) {
					return
				}
				if lower {
					s = strings.ToLower(s)
				}
				names[s] = true
				if !slices.Contains(lengths, len(s)) {
					lengths = append(lengths, len(s))
				}
			}
			for _, r := range f.Roles {
				add(r.Title)
				w := strings.Fields(r.Title)
				for i := 0; i+1 < len(w); i++ {
					add(w[i] + " " + w[i+1])
					add(w[i])
				}
			}
			sort.Sort(sort.Reverse(sort.IntSlice(lengths)))
			var got, want []string
			found := func(key string) bool { return names[key] }
			scanTitlePlaces(f, lengths, lower, found, func(b *model.Block, text string, i, end int) {
				got = append(got, fmt.Sprintf("%d:%d:%d", b.Span.Start, i, end))
			})
			scanTitlePlacesDef(f, lengths, lower, found, func(b *model.Block, text string, i, end int) {
				want = append(want, fmt.Sprintf("%d:%d:%d", b.Span.Start, i, end))
			})
			if !slices.Equal(got, want) {
				t.Errorf("page %d (lower %v): %d places, want %d\n got %v\nwant %v", n, lower, len(got), len(want), got, want)
			}
			places += len(want)
		}
	}
	if places < 500 {
		t.Fatalf("only %d places: the test says little", places)
	}
}
