package model

import (
	"math/rand"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/internal/randtext"
)

// typoDistanceTable is TypoDistance as it was written first: the whole
// table, a row a rune.
func typoDistanceTable(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// TypoDistance on three rows (on the stack for short words) answers as the
// whole table does: on known pairs, and on random words of a few runes
// (ASCII, accented, invalid bytes), short and longer than its stack rows.
func TestTypoDistanceAsTable(t *testing.T) {
	known := []struct {
		a, b string
		want int
	}{
		{"extends", "extends", 0}, {"extneds", "extends", 1}, {"extend", "extends", 1},
		{"", "abc", 3}, {"abc", "", 3}, {"ca", "abc", 3}, {"été", "eté", 1},
	}
	for _, k := range known {
		if got := TypoDistance(k.a, k.b); got != k.want {
			t.Errorf("TypoDistance(%q, %q) = %d, want %d", k.a, k.b, got, k.want)
		}
	}
	rng := rand.New(rand.NewSource(14))
	alphabet := []string{"a", "b", "e", "s", "é", "ſ", "\xff"}
	word := func(max int) string {
		var b strings.Builder
		for n := rng.Intn(max + 1); n > 0; n-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		return b.String()
	}
	small := 0
	for i := 0; i < 20000; i++ {
		max := 9
		if i%10 == 0 {
			max = 40 // past the stack rows
		}
		a, b := word(max), word(max)
		want := typoDistanceTable(a, b)
		if want <= 1 {
			small++
		}
		if got := TypoDistance(a, b); got != want {
			t.Fatalf("TypoDistance(%q, %q) = %d, the table says %d", a, b, got, want)
		}
	}
	if small < 100 {
		t.Fatalf("only %d random pairs within one edit: the test says little", small)
	}
}

// TypoDistance of short words allocates nothing.
func TestTypoDistanceNoAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { TypoDistance("extneds", "extends") }); n != 0 {
		t.Fatalf("%v allocations a call, want 0", n)
	}
}

// normalizeTitleLowered is NormalizeTitle as it was written first: the
// title lowered, the replacer where it may apply, then its words joined.
func normalizeTitleLowered(t string) string {
	t = strings.ToLower(t)
	if strings.Contains(t, "r.") || strings.Contains(t, "vice president") || strings.IndexByte(t, '&') >= 0 ||
		strings.Contains(t, "–") || strings.Contains(t, "—") {
		t = titleReplacer.Replace(t)
	}
	var sb strings.Builder
	space := false
	for _, c := range t {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127:
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(c)
		default:
			space = true
		}
	}
	return sb.String()
}

// NormalizeTitle's one pass over ASCII titles answers as lowering then
// joining did, on random titles of words, capitals, punctuation, runs of
// spaces, the replacer's patterns in any case and runes that lower to
// ASCII (the Kelvin sign) or are not valid; a title already normal comes
// back without a copy.
func TestNormalizeTitleAsLowered(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	parts := []string{"Senior", "sr", "SR.", "Jr.", "r.", "vice", "Vice President", " ", "  ", "-", "&", "(", ")", ",",
		"Engineer", "engineer", "2", "é", "\u212a", "\xff", "–", "\t"}
	same := 0
	for i := 0; i < 30000; i++ {
		s := randtext.Join(rng, parts, 7)
		want := normalizeTitleLowered(s)
		if got := NormalizeTitle(s); got != want {
			t.Fatalf("NormalizeTitle(%q) = %q, want %q", s, got, want)
		}
		if want == s {
			same++
		}
	}
	if same < 100 {
		t.Fatalf("only %d random titles already normal: the test says little", same)
	}
	if s := "senior backend engineer"; testing.AllocsPerRun(10, func() { NormalizeTitle(s) }) != 0 {
		t.Error("a normal title is copied")
	}
}

// plainASCIITitle's one pass answers as its four tests did, on titles of
// the replacer's patterns in any case and cut short, dots after other
// letters, "&", and bytes that are not ASCII.
func TestPlainASCIITitleAsDefined(t *testing.T) {
	rng := rand.New(rand.NewSource(28))
	parts := []string{"Senior", "Sr", "R", "r", ".", "SR.", "vice", "VICE", " ", "president", "PRESIDENT", "Vice President",
		"vice presiden", "v", "V", "&", "é", "\xff", "x.", "Engineer", "-"}
	plain, not := 0, 0
	for i := 0; i < 30000; i++ {
		s := randtext.Join(rng, parts, 8)
		want := isASCII(s) && !ContainsFold(s, "r.") && !ContainsFold(s, "vice president") && strings.IndexByte(s, '&') < 0
		if got := plainASCIITitle(s); got != want {
			t.Fatalf("plainASCIITitle(%q) = %v, want %v", s, got, want)
		}
		if want {
			plain++
		} else {
			not++
		}
	}
	if plain < 1000 || not < 1000 {
		t.Fatalf("%d plain, %d not: the test says little", plain, not)
	}
}

// responsibPrefix answers as responsibRE on every word of up to six of
// the letters the expression names, on "resp" followed by up to six of
// them, and a few others.
func TestResponsibPrefixAsRE(t *testing.T) {
	var words []string
	var grow func(w, letters string, max int)
	grow = func(w, letters string, max int) {
		words = append(words, w)
		if len(w) == max {
			return
		}
		for i := 0; i < len(letters); i++ {
			grow(w+letters[i:i+1], letters, max)
		}
	}
	grow("", "responib", 6)
	grow("resp", "onsibx", 10)
	words = append(words, "responsibilities", "resposibility", "responsbilities", "respsb", "respnsibx", "Responsib", "resp", "respon", "responsb", "resposib", "respnsib", "responib", "responsi", "respsibx", "resppsib")
	yes := 0
	for _, w := range words {
		want := responsibRE.MatchString(w)
		if got := responsibPrefix(w); got != want {
			t.Fatalf("responsibPrefix(%q) = %v, want %v", w, got, want)
		}
		if want {
			yes++
		}
	}
	if yes < 20 {
		t.Fatalf("only %d words match", yes)
	}
}
