package rules

import (
	"maps"
	"math/rand"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unsafe"

	"gitlab.com/ladderlint/ladderlint/internal/randtext"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

// withoutParensBuilt is withoutParens as it was written first: every rune
// outside parentheses written anew.
func withoutParensBuilt(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// withoutParens answers as the copy it was, on random titles of words,
// parentheses (stray ones too), accented runes and invalid bytes, and
// returns a title that opens no parenthesis as it is.
func TestWithoutParensAsBuilt(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	parts := []string{"Senior", " ", "Engineer", "(", ")", "é", "\xff", ",", "Backend"}
	same := 0
	for i := 0; i < 20000; i++ {
		s := randtext.Join(rng, parts, 8)
		want := withoutParensBuilt(s)
		if got := withoutParens(s); got != want {
			t.Fatalf("withoutParens(%q) = %q, want %q", s, got, want)
		}
		if want == s {
			same++
		}
	}
	if same < 1000 {
		t.Fatalf("only %d random titles come back unchanged: the test says little", same)
	}
	if s := "Senior Backend Engineer, Verify"; withoutParens(s) != s || testing.AllocsPerRun(10, func() { withoutParens(s) }) != 0 {
		t.Error("a title without parentheses is copied")
	}
}

// A bullet's words read from its block's shared words are those bulletWords
// makes of its text, on random bullets of words, capitals, hyphens,
// apostrophes straight and curly, punctuation, accented and other
// non-ASCII runes (which always go to bulletWords).
func TestBulletItemWordsAsBulletWords(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	parts := []string{"Use", "GitLab", " ", " ", "e-mail", "team's", "team’s", "-", "'", ",", ".", "İ", "é", "K", "x2", "OKRs"}
	var src strings.Builder
	src.WriteString("# Engineer\n\n## Requirements\n\n")
	for i := 0; i < 2000; i++ {
		src.WriteString("* a")
		src.WriteString(randtext.Pieces(rng, 0, 10, parts))
		src.WriteString("\n")
	}
	f := model.Parse("content/job-families/x/engineer.md", []byte(src.String()))
	shared, n := 0, 0
	for _, r := range f.Roles {
		for _, s := range r.Sections {
			for _, b := range s.Bullets {
				n++
				got, want := bulletItemWords(b), bulletWords(b.Text)
				if !slices.Equal(got, want) {
					t.Fatalf("bullet %q: words %q, bulletWords says %q", b.Text, got, want)
				}
				if b.Block != nil && b.Block.Text == b.Text && isASCII(b.Text) {
					shared++
				}
			}
		}
	}
	if n < 1000 || shared < 300 {
		t.Fatalf("%d bullets, %d read from their blocks: the test says little", n, shared)
	}
}

// familySubjectWordsSplit is familySubjectWords as it was written first:
// every heading split and lowered anew.
func familySubjectWordsSplit(f *model.Family, headings bool) map[string]bool {
	out := map[string]bool{}
	add := func(t string) {
		for _, w := range prose.Words(t, true) {
			lw := strings.ToLower(w.In(t))
			out[lw] = true
			if hasHyphen(lw) {
				for _, part := range strings.FieldsFunc(lw, func(r rune) bool { return r == '-' || r == '‑' }) {
					out[part] = true
				}
			}
		}
	}
	add(f.Title)
	for _, r := range f.Roles {
		add(r.Title)
	}
	for w := range out {
		if leadershipTitleWords[w] {
			for _, l := range []string{"lead", "leads", "leader", "leaders", "leadership", "leading"} {
				out[l] = true
			}
			break
		}
	}
	for _, b := range f.Blocks {
		if headings && b.Kind == model.BlockHeading && (b.Section == nil || b.Section.Kind == "") {
			add(b.Text)
		}
	}
	return out
}

// familySubjectWords reading headings' shared words finds the words it
// found splitting them anew, on pages of random headings with capitals,
// hyphens (ASCII and U+2011), apostrophes straight and curly and
// non-ASCII runes.
func TestFamilySubjectWordsAsSplit(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	parts := []string{"Ninja", "Rockstar", " ", " ", "Site-Reliability", "Dev‑Ops", "team's", "Team’s", "İstanbul", "ÉQUIPE", "Manager", "-", "2"}
	for page := 0; page < 200; page++ {
		var src strings.Builder
		src.WriteString("# Engineering Manager\n\n")
		for i := 0; i < 10; i++ {
			src.WriteString("## ")
			src.WriteString(randtext.Pieces(rng, 1, 7, parts))
			src.WriteString("\n\nSome text.\n\n")
		}
		f := model.Parse("content/job-families/x/engineer.md", []byte(src.String()))
		for _, headings := range []bool{true, false} {
			got, want := familySubjectWords(f, headings), familySubjectWordsSplit(f, headings)
			if !maps.Equal(got, want) {
				t.Fatalf("page %q: words %v, splitting anew gives %v", src.String(), got, want)
			}
		}
	}
}

// yoeMatches, the expression run on the stretches of a text that say
// "year", finds what it finds on the whole text: random texts of numbers
// (decimals, words, parenthesised), qualifiers, units in any case,
// hyphens and dashes, and characters that end a stretch or do not.
func TestYoeMatchesAsWholeText(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	parts := []string{"at least", "minimum", "more than", "3", "2.5", "1.", ".5", "five", "Ten", " (5)", "(3-5)", " to ", " or ", "-", "‑", "–",
		" ", "  ", "\n", "+", " plus", " or more", "years", "YEARS", "year", "yr", "yrs", "Yrs", ",", ";", ".", "/", "_", "a", "é", "experience", ":", "\"", "*"}
	numbers := []string{"3", "2.5", "five", "Ten", "3 (5)", "3-5", "two to four", "1.5 or 2", "ELEVEN", "Thirteen", "twenty", "eighteen", "Fifteen (15)", "thirty", "ſix", "one or two"}
	units := []string{" years", "-year", " Yrs", "+ years", " or more years", " YEAR"}
	found := 0
	for i := 0; i < 10000; i++ {
		var b strings.Builder
		for n := rng.Intn(14); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
			if rng.Intn(4) == 0 { // a number of years, among the noise
				b.WriteString(numbers[rng.Intn(len(numbers))] + units[rng.Intn(len(units))])
			}
		}
		s := b.String()
		want := yoeRE.FindAllStringSubmatchIndex(s, -1)
		got := yoeMatches(s)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, the whole text gives %v", s, got, want)
		}
		for k := range want {
			if !slices.Equal(got[k], want[k]) {
				t.Fatalf("%q: %v, the whole text gives %v", s, got, want)
			}
		}
		found += len(want)
	}
	if found < 1000 {
		t.Fatalf("only %d matches in the random texts: the test says little", found)
	}
}

var itemKeySink string // kept, so that the key is made on the heap

// itemKey makes its key in one allocation, and the keys it made stay as
// they were when more are made.
func TestItemKeyOneAllocation(t *testing.T) {
	a, b := itemKey("Collaborates  with Product."), itemKey("Owns THE roadmap;")
	if a != "collaborates with product" || b != "owns the roadmap" {
		t.Fatalf("keys %q, %q", a, b)
	}
	if n := testing.AllocsPerRun(100, func() { itemKeySink = itemKey("Collaborates with Product Management on the quarterly roadmap.") }); n != 1 {
		t.Errorf("%v allocations a key, want 1", n)
	}
}

// hasSentenceBreak answers as the expression it replaced, on random lines
// of words, stops, quotes of both kinds, parentheses, spaces of each kind,
// accented and non-Latin capitals, lower case and invalid bytes.
func TestHasSentenceBreakAsExpression(t *testing.T) {
	re := regexp.MustCompile(`[.!?]["'”’)]?\s+["'“‘(]?\p{Lu}`)
	rng := rand.New(rand.NewSource(31))
	parts := []string{"Lead", "the", ".", "!", "?", "\"", "'", "”", "’", ")", "(", "“", "‘", " ", "  ", "\t", "\n", "\v", "\f", "\r",
		"\u00a0", "É", "é", "Ω", "ω", "\xff", "\xe2\x80", "1", "a", "Z"}
	found := 0
	for i := 0; i < 200000; i++ {
		s := randtext.Join(rng, parts, 9)
		want := re.MatchString(s)
		if got := hasSentenceBreak(s); got != want {
			t.Fatalf("hasSentenceBreak(%q) = %v, the expression says %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d random lines hold a sentence break: the test says little", found)
	}
	for s, want := range map[string]bool{
		"Lead the team. Then ship it":      true,
		"Lead the team.” [Then ship it":    false, // no opening mark of the class
		"Lead the team.” ‘Then ship it":    true,
		"Lead the team.\u00a0Then ship it": false, // no space of \s
		"Lead the team, e.g. the platform": false,
	} {
		if got := hasSentenceBreak(s); got != want {
			t.Errorf("hasSentenceBreak(%q) = %v, want %v", s, got, want)
		}
	}
}

// apostropheInName moves the apostrophe of a name in mixed case, either
// kind, with its suffixes written whole (apo+"s" was built for every word of
// every page: no allocation, the compiler keeps it on the stack, but half
// the function's time on a page's words).
func TestApostropheInNameBothKinds(t *testing.T) {
	d := englishWords()
	for w, want := range map[string]string{
		"DevOp’s":   "DevOps’",
		"DevOp's":   "DevOps'",
		"Manager's": "", // a dictionary word: a possessive
		"devop's":   "", // no mixed case
		"DevOps":    "",
	} {
		if got := apostropheInName(d, w); got != want {
			t.Errorf("apostropheInName(%q) = %q, want %q", w, got, want)
		}
	}
}

// secondPersonOpenings finds "You" and "YOUR" opening sentences, and makes
// nothing for a block without "you" in any case: most blocks.
func TestSecondPersonOpeningsWithoutYou(t *testing.T) {
	src := "---\ntitle: Engineer\n---\n\n## Engineer\n\n### Responsibilities\n\n" +
		"- Lead the team. You share the roadmap.\n- YOUR work ships. Lead it.\n- Lead the quarterly planning of the team.\n"
	f := model.Parse("content/job-families/x/engineer.md", []byte(src))
	var found []string
	var plain *model.Block
	for _, b := range f.Blocks {
		if b.Kind != model.BlockItem {
			continue
		}
		for _, m := range secondPersonOpenings(b) {
			found = append(found, m.Text())
		}
		if strings.HasPrefix(b.Text, "Lead the quarterly") {
			plain = b
		}
	}
	if want := []string{"You share", "YOUR work"}; !slices.Equal(found, want) {
		t.Errorf("openings %q, want %q", found, want)
	}
	if plain == nil {
		t.Fatal("no block without you")
	}
	secondPersonOpenings(plain) // the block's words memoised
	if n := testing.AllocsPerRun(100, func() { secondPersonOpenings(plain) }); n != 0 {
		t.Errorf("%v allocations for a block without you, want 0", n)
	}
}

// titleCommaMatches is termTitleComma's FindAllStringSubmatchIndex, on
// random lines of ranks, names, commas, ampersands and the characters
// around a word boundary (an underscore is a word character to \b, a
// letter past ASCII is not).
func TestTitleCommaMatchesAsExpression(t *testing.T) {
	rng := rand.New(rand.NewSource(33))
	parts := []string{"VP", "SVP", "EVP", "Director", "Manager", "Managers", "XVP", "S", "E", ",", " ", "  ", "&", " & ",
		"Marketing", "Strategy", "platforms", "Sales", "A", "b", "_", "1", "é", "É", "\xff", ".", "(", "\t",
		"VP Sales", "Director, Marketing", " Manager Sales & Ops", " & Sales"}
	found := 0
	for i := 0; i < 300000; i++ {
		s := randtext.Join(rng, parts, 10)
		want := termTitleComma.FindAllStringSubmatchIndex(s, -1)
		got := titleCommaMatches(s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("titleCommaMatches(%q) = %v, the expression says %v", s, got, want)
		}
		found += len(want)
	}
	if found < 20000 {
		t.Fatalf("only %d matches in the random lines: the test says little", found)
	}
	for s, want := range map[string]int{
		"our VP, Marketing Strategy & Platforms and the VP Marketing": 2,
		"the SVP_Sales and XVP Sales":                                 0,
		"an éVP Sales, a Manager, Sales":                              2, // é is no word character
	} {
		if got := len(titleCommaMatches(s)); got != want {
			t.Errorf("titleCommaMatches(%q): %d matches, want %d", s, got, want)
		}
	}
}

// gradeSubjectUnfiltered is gradeSubject's cleaning as it was, every
// expression asked of every subject.
func gradeSubjectUnfiltered(s string) string {
	s = subjectSuffixRE.ReplaceAllString(s, "")
	s = subjectUnitRE.ReplaceAllString(s, "")
	if m := subjectLevelRE.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	return s
}

// The checks asked before an expression (gradeSubject's, level-copy's,
// grade-missing's) answer as the expression alone, on random texts of its
// words in any case, with the characters (?i) folds onto k and s from past
// ASCII.
func TestRegexpFiltersAsExpressions(t *testing.T) {
	rng := rand.New(rand.NewSource(34))
	between := []string{"", "  ", "\t", "\n", "\u00a0", "\u212a", "\u017f", "é", "\xff", ".", ",", "&", "-", "_", "1", "23", "#", "[", "a"}
	random := func(words []string) string {
		var b strings.Builder
		for k := rng.Intn(9); k > 0; k-- {
			b.WriteString(words[rng.Intn(len(words))])
			if rng.Intn(3) == 0 {
				b.WriteString(between[rng.Intn(len(between))])
			} else {
				b.WriteByte(' ')
			}
		}
		if rng.Intn(4) == 0 {
			return strings.ToUpper(b.String())
		}
		return strings.TrimSpace(b.String())
	}
	subject := []string{"Senior", "Engineer", "role", "Role", "position", "po\u017fition", "job", "in", "the", "Engineering", "division", "Department",
		"team", "organization", "organisation", "org", "group", "level", "Level", "Manager", "Sales"}
	changed := 0
	for i := 0; i < 100000; i++ {
		s := random(subject)
		want := gradeSubjectUnfiltered(s)
		if got := cleanSubject(s); got != want {
			t.Fatalf("cleanSubject(%q) = %q, the expressions say %q", s, got, want)
		}
		if want != s {
			changed++
		}
	}
	if changed < 5000 {
		t.Errorf("the expressions change only %d random subjects: the test says little", changed)
	}
	wish := []string{"preferred", "Preferably", "a plus", "nice to have", "desired", "desirable", "de\u017fired", "ideally", "bonus", "bonu\u017f", "Experience", "with", "3", "15+"}
	wishes := 0
	for i := 0; i < 100000; i++ {
		s := random(wish)
		want := wishRE.MatchString(s)
		if got := mayWish(s) && wishRE.MatchString(s); got != want {
			t.Fatalf("mayWish(%q) and wishRE: %v, wishRE alone %v", s, got, want)
		}
		if got, want := firstNumber(s), firstNumberRE.FindString(s); got != want {
			t.Fatalf("firstNumber(%q) = %q, firstNumberRE %q", s, got, want)
		}
		if want {
			wishes++
		}
	}
	if wishes < 5000 {
		t.Errorf("only %d random items are wishes: the test says little", wishes)
	}
	mention := []string{"grade", "Grades", "#", ":", "of", "level", "[", "7", "a", "job"}
	mentions := 0
	for i := 0; i < 100000; i++ {
		s := random(mention)
		want := gradeMentionRE.MatchString(s)
		if got := model.ContainsFold(s, "grade") && gradeMentionRE.MatchString(s); got != want {
			t.Fatalf("%q: %v with the filter, %v without", s, got, want)
		}
		if want {
			mentions++
		}
	}
	if mentions < 5000 {
		t.Errorf("only %d random texts mention a grade: the test says little", mentions)
	}
}

// lowerBytes is strings.ToLower of the bytes as a string, for sources with
// curly quotes, capitals past ASCII that lower to another length (İ, the
// Kelvin sign), invalid bytes and none.
func TestLowerBytesAsToLower(t *testing.T) {
	rng := rand.New(rand.NewSource(36))
	pieces := []string{"Senior", "ENGINEER", "’", "—", "İ", "\u212a", "ẞ", "Σ", "\xff", "\xe2\x80", " ", "\n", "a", ""}
	for i := 0; i < 50000; i++ {
		var b []byte
		for k := rng.Intn(12); k > 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		if got, want := lowerBytes(b), strings.ToLower(string(b)); got != want {
			t.Fatalf("lowerBytes(%q) = %q, strings.ToLower %q", b, got, want)
		}
	}
	if lowerBytes(nil) != "" {
		t.Error("lowerBytes(nil) is not empty")
	}
}

// itemBags.of is wordBag with each word as its number among the page's
// words, made once an item: the second answer is the first slice.
func TestItemBagsOnce(t *testing.T) {
	bags := newItemBags()
	item := "Lead the Team's planning, and the team’s reviews"
	first := bags.of(item)
	names := make([]string, len(bags.words))
	for w, n := range bags.words {
		names[n] = w
	}
	var got []string
	for _, n := range first {
		got = append(got, names[n])
	}
	slices.Sort(got)
	if !reflect.DeepEqual(got, wordBag(item)) || !slices.IsSorted(first) {
		t.Fatalf("itemBags.of(%q) = %v (%q), wordBag %q", item, first, got, wordBag(item))
	}
	if again := bags.of(item); len(again) == 0 || &again[0] != &first[0] {
		t.Error("the second bag of an item is made anew")
	}
}

// maxSimilarity of two items' numbered bags (itemBags, one page's) is that
// of their wordBags, on random items of words in either case, apostrophes
// and hyphens (worddiff's joiners), punctuation, letters past ASCII (the
// Kelvin sign, the long s, which lower to ASCII or not), a nonspacing mark
// and an invalid byte; and AppendWords is Tokenize's words.
func TestItemBagsAsWordBags(t *testing.T) {
	rng := rand.New(rand.NewSource(34))
	parts := []string{"lead", "Lead", "LEAD", "team", "Team", " ", "  ", "\t", "'", "’", "-", ",", ".", "the", "é", "É",
		"\u212a", "k", "K", "\u017f", "s", "S", "\u0301", "\xff", "1", "(", ")"}
	var bags *itemBags
	for i := 0; i < 20000; i++ {
		if i%50 == 0 {
			bags = newItemBags() // a page
		}
		a, b := randtext.Join(rng, parts, 14), randtext.Join(rng, parts, 14)
		if got, want := maxSimilarity(bags.of(a), bags.of(b)), maxSimilarity(wordBag(a), wordBag(b)); got != want {
			t.Fatalf("maxSimilarity of %q and %q: %v by numbers, %v by words", a, b, got, want)
		}
		var words []string
		for _, tok := range worddiff.Tokenize(a) {
			if tok.IsWord() {
				words = append(words, tok.Text)
			}
		}
		if got := worddiff.AppendWords(nil, a); !slices.Equal(got, words) {
			t.Fatalf("AppendWords(%q) = %q, Tokenize's words %q", a, got, words)
		}
	}
}

// ungradedTitles compiles a list of patterns once, and each list its own:
// two lists whose patterns run together alike, with or without a NUL
// between ("board", "seat" and "board\x00seat"), differ.
func TestUngradedTitlesOnce(t *testing.T) {
	one := &gradeMissingOptions{UngradedTitles: []string{`board`, `seat`}}
	first, again := one.ungradedTitles(), one.ungradedTitles()
	if len(first) != 2 || &first[0] != &again[0] {
		t.Fatalf("the same patterns compiled anew, or not both: %v, %v", first, again)
	}
	for _, pat := range []string{"boardseat", "board\x00seat"} {
		joined := (&gradeMissingOptions{UngradedTitles: []string{pat}}).ungradedTitles()
		if len(joined) != 1 || joined[0].String() != "(?i)"+pat {
			t.Errorf("the list of %q alone: %v", pat, joined)
		}
	}
	if bad := (&gradeMissingOptions{UngradedTitles: []string{`(`, `chair`}}).ungradedTitles(); len(bad) != 1 || !bad[0].MatchString("Chair") {
		t.Errorf("a bad pattern is not skipped alone: %v", bad)
	}
}

// itemKeys.of is itemKey, made once an item, and a nil memo keeps none.
func TestItemKeysOnce(t *testing.T) {
	keys := itemKeys{}
	for _, item := range []string{"Owns THE  roadmap;", "Lead the team’s planning.", ""} {
		if got, want := keys.of(item), itemKey(item); got != want {
			t.Errorf("itemKeys.of(%q) = %q, itemKey %q", item, got, want)
		}
	}
	if len(keys) != 3 {
		t.Errorf("%d keys kept, want 3", len(keys))
	}
	first := keys.of("Owns THE  roadmap;")
	if again := keys.of("Owns THE  roadmap;"); unsafe.StringData(again) != unsafe.StringData(first) {
		t.Error("the second key of an item is made anew")
	}
	var none itemKeys
	if got := none.of("Owns THE roadmap"); got != "owns the roadmap" || len(none) != 0 {
		t.Errorf("a nil memo: %q, %d kept", got, len(none))
	}
}

// splitCompoundAsBuilt is splitCompound as it was before it wrote the
// joined word on the stack and asked the dictionary first.
func splitCompoundAsBuilt(d *wordDict, text string, a, b word) string {
	if len(a.Text) < 3 || len(b.Text) < 3 || hyphenated(text, a.Start, a.End) || hyphenated(text, b.Start, b.End) {
		return ""
	}
	for i := 0; i < len(b.Text); i++ {
		if c := b.Text[i]; c < 'a' || c > 'z' {
			return ""
		}
	}
	if c := a.Text[0]; (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
		return ""
	}
	for i := 1; i < len(a.Text); i++ {
		if c := a.Text[i]; c < 'a' || c > 'z' {
			return ""
		}
	}
	la := strings.ToLower(a.Text)
	if apartStops[la] || apartStops[b.Text] || termParticles[la] || termParticles[b.Text] {
		return ""
	}
	joined := la + b.Text
	if !d.english(joined) || !d.has(la) || !d.has(b.Text) {
		return ""
	}
	return joined
}

// splitCompound answers as it was built, on random pairs of words of two
// random texts: dictionary words that join into one ("hand book", "Hand
// book", "HAND book") or into a word of the package's own additions only
// ("front end"), stop words and particles ("with in", "set up", "may
// be"), words of 1 and 2 letters, capitals inside, letters past ASCII,
// hyphens around, and words long enough that the two pass the 64-byte
// buffer; and its answer outlives the buffer.
func TestSplitCompoundAsBuilt(t *testing.T) {
	d := englishWords()
	rng := rand.New(rand.NewSource(35))
	pieces := []string{"hand", "Hand", "HAND", "book", "Book", "work", "flow", "front", "end", "life", "cycle", "with", "in",
		"set", "up", "may", "be", "any", "one", "every", "thing", "some", "time", "to", "a", "é", "-", "x", "counter",
		"revolutionary", "antidisestablishmentarianism", "internationalization", "super", "market"}
	found := 0
	for i := 0; i < 50000; i++ {
		at := func() (string, word) {
			s := pieces[rng.Intn(len(pieces))]
			if rng.Intn(4) == 0 {
				s = randtext.Join(rng, pieces, 4) + "x"
			}
			pre, post := randtext.Join(rng, []string{"", "", "-", " ", "a"}, 2), randtext.Join(rng, []string{"", "", "-", " ", "a"}, 2)
			return pre + s + post, word{Text: s, Start: len(pre), End: len(pre) + len(s)}
		}
		ta, a := at()
		tb, b := at()
		text := ta + " " + tb
		b.Start += len(ta) + 1
		b.End += len(ta) + 1
		want := splitCompoundAsBuilt(d, text, a, b)
		got := splitCompound(d, text, a, b)
		if got != want {
			t.Fatalf("splitCompound(%q, %q, %q) = %q, want %q", text, a.Text, b.Text, got, want)
		}
		if want != "" {
			found++
		}
	}
	if found < 100 {
		t.Errorf("only %d pairs joined: the test reads too few", found)
	}
	// the answer is a string of its own, not the stack's buffer
	a, b := word{Text: "Hand", Start: 0, End: 4}, word{Text: "book", Start: 5, End: 9}
	got := splitCompound(d, "Hand book", a, b)
	before := got
	_ = splitCompound(d, "work flow", word{Text: "work", End: 4}, word{Text: "flow", Start: 5, End: 9})
	if got != "handbook" || got != before {
		t.Errorf("splitCompound(Hand book) = %q", got)
	}
}

// compareItemsAsBuilt is compareItems as it was before it passed asksMore
// the diff by which it chose the item (asksMore made it again).
func compareItemsAsBuilt(old, new []string) itemChanges {
	var c itemChanges
	c.n = len(old)
	used := make([]bool, len(old))
next:
	for _, n := range new {
		best, bestSim := -1, 0.5
		for i, o := range old {
			if used[i] {
				continue
			}
			if strings.EqualFold(o, n) {
				used[i] = true
				c.copied++
				continue next
			}
			if d := worddiff.CompareWith(o, n, worddiff.Options{FoldCase: true}); d.Similarity() > bestSim {
				best, bestSim = i, d.Similarity()
			}
		}
		if best >= 0 {
			used[best] = true
			c.reworded++
			if asksMore(old[best], n, nil) {
				c.raised++
			}
			continue
		}
		if len(wordBag(n)) >= 4 {
			c.fresh++
		}
	}
	return c
}

// compareItems counts as it did when asksMore made its own diff (and
// before maxSimilarity skipped the pairs it bounds), on random lists of
// random items: numbers, wishes, qualifiers, capitalised tools, words in
// either case; and with enough items raised that the count is read.
func TestCompareItemsAsBuilt(t *testing.T) {
	rng := rand.New(rand.NewSource(36))
	parts := []string{"experience", "with", "Experience", "3", "5", "years", "of", "preferred", "basic", "deep", "knowledge",
		"Netsuite", "Coupa", "and", "the", "team", ",", "-", "lead", "Lead"}
	item := func() string {
		var ws []string
		for n := 2 + rng.Intn(7); n > 0; n-- {
			ws = append(ws, parts[rng.Intn(len(parts))])
		}
		return strings.Join(ws, " ")
	}
	raised := 0
	for i := 0; i < 3000; i++ {
		var old, new []string
		for n := rng.Intn(5); n > 0; n-- {
			old = append(old, item())
		}
		for n := rng.Intn(5); n > 0; n-- {
			if len(old) > 0 && rng.Intn(2) == 0 {
				new = append(new, old[rng.Intn(len(old))]+" "+parts[rng.Intn(len(parts))])
			} else {
				new = append(new, item())
			}
		}
		got, want := compareItems(newItemBags(), old, new, nil), compareItemsAsBuilt(old, new)
		if got != want {
			t.Fatalf("compareItems(%q, %q) = %+v, want %+v", old, new, got, want)
		}
		raised += got.raised
	}
	if raised < 100 {
		t.Errorf("only %d items raised: the test reads too few", raised)
	}
	// a capitalised first word is the sentence's, not another tool; one
	// further on is
	if asksMore("knowledge of old tools", "Netsuite knowledge of new tools", nil) {
		t.Error("a capitalised first word asks more")
	}
	if !asksMore("knowledge of old tools", "knowledge of Netsuite tools", nil) {
		t.Error("another named tool asks no more")
	}
}

// personNameAsBuilt is personName as it was before it asked
// twoCapitalsFirst first.
func personNameAsBuilt(text string) (int, bool) {
	end := len(text)
	if k := strings.IndexAny(text, "(,"); k >= 0 {
		end = k
	}
	if k := strings.Index(text[:end], " @"); k >= 0 {
		end = k
	}
	for _, dash := range []string{" - ", " – ", " — "} {
		if k := strings.Index(text[:end], dash); k >= 0 && countFields(text[k+len(dash):], 3) <= 3 {
			end = k
		}
	}
	n, in := 0, false
	for _, r := range text[:end] {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if in {
			continue
		}
		in, n = true, n+1
		if n > 3 || !unicode.IsUpper(r) {
			return 0, false
		}
	}
	if n < 2 {
		return 0, false
	}
	return end, true
}

// personName answers as it was built, on random texts of capitalised and
// lower-case words, the characters that end a name (a parenthesis, a
// comma, " @", the three dashes with spaces), every space of
// unicode.IsSpace, a capital past ASCII, and an invalid byte.
func TestPersonNameAsBuilt(t *testing.T) {
	rng := rand.New(rand.NewSource(37))
	parts := []string{"Ann", "Lee", "Grafana", "Labs", "team", "lead", "É", "é", " ", "  ", "\t", "\u00a0", "\u2003", "(", ",",
		" @", "@ann", " - ", " – ", " — ", "-", "\xff", "x"}
	names := 0
	for i := 0; i < 200000; i++ {
		s := randtext.Join(rng, parts, 9)
		ge, gok := personName(s)
		we, wok := personNameAsBuilt(s)
		if ge != we || gok != wok {
			t.Fatalf("personName(%q) = %d, %v; want %d, %v", s, ge, gok, we, wok)
		}
		if wok {
			names++
		}
	}
	if names < 1000 {
		t.Errorf("only %d names: the test reads too few", names)
	}
}

// runTogether reads the page's source in place: asked of a word on a page
// of 200 KB, it allocates far less than the source (it copied it, once a
// word), and still counts the words apart in it.
func TestRunTogetherReadsSourceInPlace(t *testing.T) {
	page := "# Engineer\n\n" + strings.Repeat("The People Operations team and People Operations.\n\n", 4000)
	f := model.Parse("content/job-families/x/engineer.md", []byte(page))
	d := englishWords()
	if got := runTogether(d, f, "PeopleOperations"); got != "People Operations" {
		t.Fatalf("runTogether(PeopleOperations) = %q", got)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 10; i++ {
		runTogether(d, f, "PeopleOperations")
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(len(page)) {
		t.Errorf("10 runTogether allocated %d bytes, the source is %d", n, len(page))
	}
}
