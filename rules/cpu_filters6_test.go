package rules

import (
	"gitlab.com/ladderlint/ladderlint/internal/randtext"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/misspell"

	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// phraseAtAsBuilt is phraseAt as it was: each word's curly apostrophes
// straightened at every phrase asked.
func phraseAtAsBuilt(ph prose.Phrase, lower []string) bool {
	for j, pw := range ph {
		w := strings.ReplaceAll(lower[j], "’", "'")
		if strings.HasSuffix(pw, "*") {
			if !strings.HasPrefix(w, strings.TrimSuffix(pw, "*")) {
				return false
			}
		} else if pw != w {
			return false
		}
	}
	return true
}

// TestPhraseAtStraightAsBuilt: phraseAt on the words straightened once
// (straightWords) answers as phraseAtAsBuilt did on the words as written.
func TestPhraseAtStraightAsBuilt(t *testing.T) {
	rng := rand.New(rand.NewSource(61))
	pieces := []string{"you", "'", "’", "re", "ll", "s", "a", "’’", "x"}
	word := func() string {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 1, 4, pieces))
		return b.String()
	}
	matched := 0
	for range 50000 {
		lower := make([]string, 1+rng.Intn(4))
		for i := range lower {
			lower[i] = word()
		}
		ph := make(prose.Phrase, 1+rng.Intn(len(lower)))
		for i := range ph {
			w := strings.ReplaceAll(lower[i], "’", "'")
			switch rng.Intn(4) {
			case 0:
				w = word()
			case 1:
				w = w[:rng.Intn(len(w)+1)] + "*"
			}
			ph[i] = w
		}
		got, want := phraseAt(ph, straightWords(lower)), phraseAtAsBuilt(ph, lower)
		if got != want {
			t.Fatalf("phraseAt(%q, %q) = %v, as built %v", ph, lower, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d matches: the test asks too few", matched)
	}
}

// TestMayBeAcronymPluralNecessary: every word that is an acronym's plural
// once straightened passes mayBeAcronymPlural, the check asked before the
// copy.
func TestMayBeAcronymPluralNecessary(t *testing.T) {
	rng := rand.New(rand.NewSource(62))
	pieces := []string{"A", "B", "Z", "OK", "a", "z", "’", "'", "s", "S", "é", "1", "@", "[", "’s", "'s"}
	plurals, rejected := 0, 0
	for range 200000 {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 0, 6, pieces))
		w := b.String()
		is := isAcronymPlural(strings.ReplaceAll(w, "’", "'"))
		may := mayBeAcronymPlural(w)
		if is && !may {
			t.Fatalf("%q is an acronym's plural straightened, but mayBeAcronymPlural says no", w)
		}
		if is {
			plurals++
		}
		if !may {
			rejected++
		}
	}
	if plurals < 500 || rejected < 500 {
		t.Fatalf("%d plurals, %d rejected: the test asks too few of either", plurals, rejected)
	}
}

// TestTermPageWordsBlockFilters: the checks termPageWords asks once a block
// are necessary for the per-word ones they stand before: linkIdentifier
// and misspelling's linkNamesWord hold of no word of a block without a
// link (blockLinks), emphasisedName
// of no word of a block without a '*' or '_' where a word's mark may be
// (mayEmphasise); and every word's source span lies within the block's
// SourceBounds. Random pages of emphasis, links, code spans, tables, lists
// and headings.
func TestTermPageWordsBlockFilters(t *testing.T) {
	rng := rand.New(rand.NewSource(63))
	pieces := []string{"kumactl", "cubefs", "the", "must", "Go", " ", " ", " ", "**", "__", "*", "_", "***",
		" **cubefs** ", " __kumactl__ ", " _cubefs_ ", " *kumactl* ", " ***cubefs*** ",
		"[mochajs](https://github.com/mochajs)", "[kubernetes org](https://github.com/kubernetes/)", "[Github](https://github.com)",
		"<https://x.org/kuma>", "`kuma`", "<b>", "</b>", "\\*", "é", "’", "-", "/", ".", ",", "\n", "\n\n", "\n- ", "\n1. ",
		"\n## ", "\n| a | **b** |\n|---|---|\n| ", " |\n", "\n> ", "&amp;", "[x][r]\n\n[r]: https://e.org/cubefs\n"}
	linkedIDs, linkNames, emphasised, blocks := 0, 0, 0, 0
	for range 1500 {
		var src strings.Builder
		src.WriteString("# Engineer\n\n")
		src.WriteString(randtext.Pieces(rng, 5, 65, pieces))
		f := model.Parse("content/job-families/x/engineer.md", []byte(src.String()))
		var links map[*model.Block][]*model.Link
		for _, b := range f.Blocks {
			blocks++
			text := wordingText(b)
			tw := wordingWords(b, true)
			linked, marked := len(blockLinks(f, b, &links)) > 0, mayEmphasise(f, b)
			lo, hi := b.SourceBounds()
			for _, w := range tw.Words {
				start, end := int(w.Start), int(w.End)
				if sp := b.SourceSpan(start, end); sp.Start < lo || sp.End > hi+1 {
					t.Fatalf("%q: word %q at %v, outside the block's bounds [%d, %d]", src.String(), w.In(text), sp, lo, hi)
				}
				if linkIdentifier(f, b, &links, start, end, w.In(text), false) {
					linkedIDs++
					if !linked {
						t.Fatalf("%q: %q is a link's identifier in a block without links", src.String(), w.In(text))
					}
				}
				if linkNamesWord(f, b, &links, start, end, strings.ToLower(w.In(text))) {
					linkNames++
					if !linked {
						t.Fatalf("%q: a link's address names %q in a block without links", src.String(), w.In(text))
					}
				}
				if emphasisedName(f, b, start, end, w.In(text)) {
					emphasised++
					if !marked {
						t.Fatalf("%q: %q is emphasised in a block mayEmphasise passes over", src.String(), w.In(text))
					}
				}
			}
		}
	}
	if linkedIDs < 100 || linkNames < 100 || emphasised < 100 {
		t.Fatalf("%d blocks, %d links' identifiers, %d words links' addresses name, %d emphasised names: the test says little",
			blocks, linkedIDs, linkNames, emphasised)
	}
}

// pluralPossessiveAsBuilt and apostropheInNameAsBuilt are the functions as
// they were, without the check of the word's length and last letter.
func pluralPossessiveAsBuilt(d *wordDict, w string) (plural, one string) {
	stem, apo := w, ""
	for _, suffix := range []string{"'s", "’s"} {
		if st, ok := strings.CutSuffix(w, suffix); ok {
			stem, apo = st, suffix[:len(suffix)-1]
		}
	}
	if apo == "" || len(stem) < 4 || !strings.HasSuffix(stem, "s") {
		return "", ""
	}
	for i := 0; i < len(stem); i++ {
		if c := stem[i]; c < 'a' || c > 'z' {
			return "", ""
		}
	}
	for _, sg := range []string{"ss", "us", "is", "ics", "news", "means", "series", "species", "lens"} {
		if strings.HasSuffix(stem, sg) {
			return "", ""
		}
	}
	if !d.has(stem) {
		return "", ""
	}
	var singular string
	switch {
	case strings.HasSuffix(stem, "ies") && d.has(stem[:len(stem)-3]+"y"):
		singular = stem[:len(stem)-3] + "y"
	case strings.HasSuffix(stem, "es") && d.has(stem[:len(stem)-2]):
		singular = stem[:len(stem)-2]
	case d.has(stem[:len(stem)-1]):
		singular = stem[:len(stem)-1]
	default:
		return "", ""
	}
	return stem + apo, singular + apo + "s"
}

func apostropheInNameAsBuilt(d *wordDict, w string) string {
	for _, suffix := range [...]string{"'s", "’s"} {
		stem, ok := strings.CutSuffix(w, suffix)
		apo := suffix[:len(suffix)-1]
		if !ok || len(stem) < 4 || !innerMixedCase(stem) || knownWord(d, strings.ToLower(stem)) {
			continue
		}
		return stem + "s" + apo
	}
	return ""
}

// TestSpellingSuffixChecksAsBuilt: pluralPossessive and apostropheInName,
// which now first ask the word's length and last letter, answer as they
// did on random words of stems, plurals, apostrophes and their s.
func TestSpellingSuffixChecksAsBuilt(t *testing.T) {
	d := englishWords()
	rng := rand.New(rand.NewSource(65))
	pieces := []string{"team", "teams", "members", "boxes", "member", "categor", "ies", "es", "s", "box", "DevOp", "GitLab", "Net", "Suite", "'", "’", "'s", "’s", "a", "x", "é"}
	possessives, names := 0, 0
	for range 300000 {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 1, 5, pieces))
		w := b.String()
		p, o := pluralPossessive(d, w)
		wp, wo := pluralPossessiveAsBuilt(d, w)
		if p != wp || o != wo {
			t.Fatalf("pluralPossessive(%q) = %q, %q; as built %q, %q", w, p, o, wp, wo)
		}
		if p != "" {
			possessives++
		}
		n, wn := apostropheInName(d, w), apostropheInNameAsBuilt(d, w)
		if n != wn {
			t.Fatalf("apostropheInName(%q) = %q; as built %q", w, n, wn)
		}
		if n != "" {
			names++
		}
	}
	if possessives < 300 || names < 300 {
		t.Fatalf("%d plurals' possessives, %d names: the test says little", possessives, names)
	}
}

// TestYoeMatchesAtAsExpression: yoeMatchesAt, the expression asked only
// where a match may start, finds what yoeRE.FindAllStringSubmatchIndex
// finds, on random texts of the expression's words and numbers run
// together with letters, digits, '_' and each other ("fiveto", "x3",
// "_ten"), every qualifier, units, dashes, every \s space and \v, the Kelvin
// sign and characters past ASCII; with the long s, yoeMatches (which then
// asks the expression of the whole stretch) does.
func TestYoeMatchesAtAsExpression(t *testing.T) {
	rng := rand.New(rand.NewSource(66))
	pieces := []string{"at least", "a minimum of", "minimum of", "minimum", "more than", "over", "in excess of", "no less than",
		"no fewer than", "upwards of", "AT  LEAST", "Over", "a", "at", "in", "no", "more", "Minimum", "upwards",
		"3", "12", "2.5", "1.", ".5", "five", "Ten", "seventeen", "eighteen", "thirty", "Twenty", "one", "nineteen", "fourteen",
		"(5)", "(3-5)", "(3 – 5)", "to", "or", "-", "‑", "–", "—", "+", "plus", "or more", "(or more)", "of those", "of which",
		"years", "YEARS", "year", "yr", "yrs", "Yrs", "x", "_", "é", "K", "e", "t", "s", "(", ")", ".", "experience"}
	spaces := []string{"", "", " ", " ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00a0"}
	found, longS := 0, 0
	for range 40000 {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 1, 13, pieces, spaces))
		s := b.String()
		if rng.Intn(20) == 0 {
			s = strings.Replace(s, "s", "ſ", 1)
		}
		want := yoeRE.FindAllStringSubmatchIndex(s, -1)
		var got [][]int
		if strings.Contains(s, "ſ") {
			got = yoeMatches(s)
			longS += len(want)
		} else {
			got = yoeMatchesAt(s)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %v, the expression finds %v", s, got, want)
		}
		for k := range want {
			if !slices.Equal(got[k], want[k]) {
				t.Fatalf("%q: %v, the expression finds %v", s, got, want)
			}
		}
		found += len(want)
	}
	if found < 1500 || longS < 50 {
		t.Fatalf("%d matches, %d with the long s: the test says little", found, longS)
	}
}

// TestTermUnitCompoundsAsExpression: termUnitCompounds, the expression run
// from the first digit before a unit, finds what the expression finds on
// the whole text: random texts of numbers, units, words run together with
// digits and letters ("x30 minute", "a3-day", "_5 hour"), spaces and
// hyphens, and characters past ASCII.
func TestTermUnitCompoundsAsExpression(t *testing.T) {
	rng := rand.New(rand.NewSource(68))
	pieces := []string{"3 day", "30-minute", "12 hour", "2 week", "5-year", "1 month", "4 quarter", "3", "30", "2.5", "1", "0", "second", "minute", "hour", "day", "week", "month", "quarter", "year", "years", "today",
		"Monday", "call", "interview", "of", "the", " ", " ", "-", "–", "x", "_", "a", "é", ",", ".", "/", "\n", "Minute"}
	found := 0
	for range 60000 {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 1, 13, pieces))
		s := b.String()
		got, want := termUnitCompounds(s), termUnitCompound.FindAllStringSubmatchIndex(s, -1)
		if len(got) != len(want) {
			t.Fatalf("termUnitCompounds(%q) = %v, the expression finds %v", s, got, want)
		}
		for k := range want {
			if !slices.Equal(got[k], want[k]) {
				t.Fatalf("termUnitCompounds(%q) = %v, the expression finds %v", s, got, want)
			}
		}
		found += len(want)
	}
	if found < 3000 {
		t.Fatalf("%d matches: the test says little", found)
	}
}

// hasDottedWordAsBuilt is hasDottedWord as it was, byte by byte.
func hasDottedWordAsBuilt(t string) bool {
	for i := 1; i+1 < len(t); i++ {
		if t[i] == '.' && isAlnum(t[i-1]) && isAlnum(t[i+1]) {
			return true
		}
	}
	return false
}

// TestRemoveHostAsMisspell: removeHost, misspell's expression run from
// the label before the first dot after one, blanks what misspell.RemoveHost
// blanks, and hasDottedWord, by strings.IndexByte, answers as byte by
// byte: random texts of labels, dots, hyphens, digits, spaces, slashes and
// characters past ASCII.
func TestRemoveHostAsMisspell(t *testing.T) {
	rng := rand.New(rand.NewSource(69))
	pieces := []string{"gitlab", "com", "a", "x1", "io", "-", ".", ".", "..", " ", "  ", "/", "é", "_", "3", "www", "handbook", "c", "K", ",", "\n", "-."}
	blanked, dotted := 0, 0
	for range 60000 {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 0, 14, pieces))
		s := b.String()
		if got, want := hasDottedWord(s), hasDottedWordAsBuilt(s); got != want {
			t.Fatalf("hasDottedWord(%q) = %v, byte by byte %v", s, got, want)
		}
		got, want := removeHost(s), misspell.RemoveHost(s)
		if got != want {
			t.Fatalf("removeHost(%q) = %q, misspell.RemoveHost %q", s, got, want)
		}
		if want != s {
			blanked++
		}
		if hasDottedWordAsBuilt(s) {
			dotted++
		}
	}
	if blanked < 3000 || dotted < 3000 {
		t.Fatalf("%d texts blanked, %d dotted: the test says little", blanked, dotted)
	}
}

// TestGradeWordsBeforeAsExpression: gradeWordsBefore, the expression run on
// the line's last runs without spaces, finds what gradeWordsBeforeRE finds
// on the whole line: random lines of its words, in any case, run together
// and apart by every \s space, \v, a no-break space, word characters and
// characters past ASCII.
func TestGradeWordsBeforeAsExpression(t *testing.T) {
	rng := rand.New(rand.NewSource(70))
	pieces := []string{"job", "Job", "grade", "GRADE", "level", "#", "[", "is", "a", "the", "x", "_", "1", "é", "\u017f", "(", "*"}
	spaces := []string{"", "", " ", " ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00a0", " \t \n "}
	found := 0
	for range 60000 {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 0, 10, pieces, spaces))
		s := []byte(b.String())
		got, want := gradeWordsBefore(s), gradeWordsBeforeRE.FindIndex(s)
		if !slices.Equal(got, want) {
			t.Fatalf("gradeWordsBefore(%q) = %v, the expression finds %v", s, got, want)
		}
		if want != nil {
			found++
		}
	}
	if found < 3000 {
		t.Fatalf("%d matches: the test says little", found)
	}
}

// TestCutHyphenAsCut: cutHyphen answers as strings.Cut(s, "-") on random
// words of letters, hyphens, the non-breaking hyphen and other bytes.
func TestCutHyphenAsCut(t *testing.T) {
	rng := rand.New(rand.NewSource(71))
	pieces := []string{"a", "go", "-", "--", "‑", "é", "x", " ", "\xff"}
	cut := 0
	for range 20000 {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 0, 6, pieces))
		s := b.String()
		x, y, ok := cutHyphen(s)
		wx, wy, wok := strings.Cut(s, "-")
		if x != wx || y != wy || ok != wok {
			t.Fatalf("cutHyphen(%q) = %q, %q, %v; strings.Cut %q, %q, %v", s, x, y, ok, wx, wy, wok)
		}
		if ok {
			cut++
		}
	}
	if cut < 2000 {
		t.Fatalf("%d words cut: the test says little", cut)
	}
}

// TestMayHoldForeignPhraseNecessary: foreignPhrase holds of no word of a
// text mayHoldForeignPhrase turns away, on random texts of words with
// elided articles in either apostrophe, accents, other letters past ASCII,
// marks and plain ASCII.
func TestMayHoldForeignPhraseNecessary(t *testing.T) {
	rng := rand.New(rand.NewSource(72))
	pieces := []string{"raison", "d'etre", "l'appel", "d'être", "d’être", "l'", "L’Oréal", "dl'a", "café", "au", "lait", "de", "la", "plain", "words", "’s",
		"'s", "x", "D'", "naïve", "—", "é", "K", "vis-à-vis", "d", "l"}
	spaces := []string{" ", " ", "  ", "\n", ", "}
	foreign, turned := 0, 0
	for range 30000 {
		var b strings.Builder
		b.WriteString(randtext.Pieces(rng, 1, 7, pieces, spaces))
		text := b.String()
		words := prose.Words(text, true)
		may := mayHoldForeignPhrase(text)
		if !may {
			turned++
		}
		for j := range words {
			if foreignPhrase(text, words, j) {
				foreign++
				if !may {
					t.Fatalf("foreignPhrase(%q, %d) holds; mayHoldForeignPhrase turns the text away", text, j)
				}
			}
		}
	}
	if foreign < 3000 || turned < 1000 {
		t.Fatalf("%d foreign phrases' words, %d texts turned away: the test says little", foreign, turned)
	}
}

// TestMaxTermParticle: no word of termParticles is longer than
// maxTermParticle, which termPhraseWord asks before looking one up.
func TestMaxTermParticle(t *testing.T) {
	longest := 0
	for w := range termParticles {
		longest = max(longest, len(w))
	}
	if longest > maxTermParticle {
		t.Fatalf("termParticles holds a word of %d bytes, maxTermParticle is %d", longest, maxTermParticle)
	}
	if !termPhraseWord("throughput") || termPhraseWord("through") {
		t.Fatal("termPhraseWord: a particle's length read wrongly")
	}
}
