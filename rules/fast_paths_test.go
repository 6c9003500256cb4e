package rules

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/golangci/misspell"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// foreignPhraseDef is foreignPhrase's definition: a neighbour, its curly
// apostrophes made straight, opened by "d'" or "l'", or holding a letter
// that is not ASCII.
func foreignPhraseDef(text string, words []prose.Word, j int) bool {
	for _, k := range []int{j - 1, j + 1} {
		if k < 0 || k >= len(words) {
			continue
		}
		w := strings.ReplaceAll(words[k].In(text), "’", "'")
		if len(w) > 2 && w[1] == '\'' && strings.ContainsRune("dlDL", rune(w[0])) {
			return true
		}
		for _, r := range w {
			if r > 0x7f && unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// foreignPhrase copies no neighbour and scans an ASCII one without
// decoding it: the same answers as its definition, on the apostrophes in
// either form, short words and letters that are not ASCII.
func TestForeignPhraseFastPath(t *testing.T) {
	for _, text := range []string{
		"raison d'être here", "raison d’être here", "a d’ b", "a d' b", "l'", "l’", "L’Oréal x",
		"x dl'a y", "plain ascii words only", "naïve idea", "über alles", "‘quoted’ word", "d’’ x", "d’’’ x",
		"de la x", "café au lait", "— dash —",
	} {
		var words []prose.Word
		at := 0
		for _, w := range strings.Fields(text) {
			i := strings.Index(text[at:], w) + at
			words = append(words, prose.Word{Start: int32(i), End: int32(i + len(w))})
			at = i + len(w)
		}
		for j := range words {
			if got, want := foreignPhrase(text, words, j), foreignPhraseDef(text, words, j); got != want {
				t.Errorf("foreignPhrase(%q, %d) = %v, want %v", text, j, got, want)
			}
		}
	}
}

// trimOpeners is strings.TrimRight with its cutset, on the openers alone,
// mixed, after other text, after a broken curly quote and on nothing.
func TestTrimOpeners(t *testing.T) {
	const cutset = " \t\n*_\"'“("
	for _, s := range []string{"", "word", "word. ", "word.  *“(", "“", "a“", "e.g. (", "x\xe2\x80", "x\x9c", "“\"'“ ", "end)\n\t", "”", "a\u201c\u201c"} {
		if got, want := trimOpeners(s), strings.TrimRight(s, cutset); got != want {
			t.Errorf("trimOpeners(%q) = %q, want %q", s, got, want)
		}
	}
}

// personNameFields is personName's test of the words before end as
// written with strings.Fields.
func personNameFields(text string) (int, bool) {
	end := len(text)
	if k := strings.IndexAny(text, "(,"); k >= 0 {
		end = k
	}
	if k := strings.Index(text[:end], " @"); k >= 0 {
		end = k
	}
	for _, dash := range []string{" - ", " – ", " — "} {
		if k := strings.Index(text[:end], dash); k >= 0 && len(strings.Fields(text[k+len(dash):])) <= 3 {
			end = k
		}
	}
	words := strings.Fields(text[:end])
	if len(words) < 2 || len(words) > 3 {
		return 0, false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return 0, false
		}
	}
	return end, true
}

// personName counts words without strings.Fields' slice: the same answers
// on names of one to four words, with dashes, handles, spaces that are not
// ASCII and a word opened by a mark or a broken byte.
func TestPersonNameCounted(t *testing.T) {
	for _, s := range []string{"", "Augustin Husson ([Amadeus](x))", "Cristian Greco - Grafana Labs", "Porter Core Maintainer - This is someone who does things",
		"Goutham Veeramachaneni @gouthamve", "Ana", "Ana Bo Cy", "Ana Bo Cy Di", "Ana bo", "  Ana\u00a0Bo  ", "Ana\u2003Bo\u2003Cy\u2003Di", "Élodie Ünal",
		"Ana \xffBo", "Ana “Bo”", "Ana Bo – A B C D", "Ana Bo — A B"} {
		ge, gok := personName(s)
		we, wok := personNameFields(s)
		if ge != we || gok != wok {
			t.Errorf("personName(%q) = %d, %v, want %d, %v", s, ge, gok, we, wok)
		}
		for max := 0; max < 5; max++ {
			if got, want := countFields(s, max), min(len(strings.Fields(s)), max+1); got != want {
				t.Errorf("countFields(%q, %d) = %d, want %d", s, max, got, want)
			}
		}
	}
}

// The site's words by length and first letter, each group in order, hold
// every word of the vocabulary once; twoEditRival reads its group only and
// still finds the rival two letters longer ("territory" for "terrory"),
// not a word of another length or first letter, nor the fix itself.
func TestTwoEditRivalGroups(t *testing.T) {
	v := &siteVocabulary{uses: map[string]int{"territory": 3, "terror": 9, "tertiary": 4, "aterritor": 7, "territoryx": 8, "zeta": 1, "tea": 2, "ten": 1}}
	if got := v.shaped(3, 't'); !slices.Equal(got, []string{"tea", "ten"}) {
		t.Errorf("shaped(3, 't') = %q", got)
	}
	n := 0
	for _, g := range v.byShape {
		n += len(g)
		if !slices.IsSorted(g) {
			t.Errorf("group %q not in order", g)
		}
	}
	if n != len(v.uses) {
		t.Errorf("groups hold %d words, vocabulary %d", n, len(v.uses))
	}
	d := englishWords()
	if got := twoEditRival(d, v, "terrory", "terror", false); got != "territory" {
		t.Errorf("twoEditRival(terrory) = %q, want territory", got)
	}
	if got := twoEditRival(d, v, "terrory", "territory", false); got != "" {
		t.Errorf("twoEditRival(terrory, fix territory) = %q, want none", got)
	}
}

// termAmerican turns a word without "is" away before its -ise suffixes:
// each of them holds "is", so none can end such a word.
func TestIseSuffixesHoldIs(t *testing.T) {
	for _, suf := range termIseSuffixes {
		if !strings.Contains(suf, "is") {
			t.Errorf("suffix %q holds no \"is\": termAmerican's early return would miss it", suf)
		}
	}
	d := englishWords()
	_, us := misspellings("US")
	for _, c := range []struct{ w, want string }{{"optimisation", "optimization"}, {"optimising", "optimizing"}, {"colour", "color"}, {"speciality", "specialty"}, {"advertise", ""}, {"table", ""}} {
		h1, h2 := misspellHashes(c.w)
		if got, _ := termAmerican(us, d, c.w, h1, h2); got != c.want {
			t.Errorf("termAmerican(%q) = %q, want %q", c.w, got, c.want)
		}
	}
}

// Every word yoeNumber names holds one of yoeNumberParts, so that
// yoeMayCount turns away no stretch the expression would match.
func TestYoeNumberParts(t *testing.T) {
	words := strings.Split(strings.TrimSuffix(strings.SplitN(yoeNumber, "|", 2)[1], ")"), "|")
	if len(words) != 21 {
		t.Fatalf("yoeNumber's words: %q", words)
	}
	for _, w := range words {
		if !slices.ContainsFunc(yoeNumberParts, func(p string) bool { return strings.Contains(w, p) }) {
			t.Errorf("%q holds no part of yoeNumberParts", w)
		}
	}
	for _, c := range []struct {
		seg  string
		want bool
	}{{"each year", false}, {"3 years", true}, {"Two years", true}, {"THIRTY YEARS", true}, {"ſix years", true}, {"a year", false}} {
		if got := yoeMayCount(c.seg); got != c.want {
			t.Errorf("yoeMayCount(%q) = %v, want %v", c.seg, got, c.want)
		}
	}
}

// unitAfterDigit turns away only texts termUnitCompound finds nothing in:
// its units are the expression's, and on texts with and without a number
// before a unit it answers true wherever the expression matches.
func TestUnitAfterDigit(t *testing.T) {
	if want := "(second|minute|hour|day|week|month|quarter|year)"; !strings.Contains(termUnitCompound.String(), want) || strings.Join(termUnits, "|") != want[1:len(want)-1] {
		t.Fatalf("termUnits %q are not the expression's %s", termUnits, termUnitCompound)
	}
	for _, s := range []string{"today", "on Monday", "a 30-minute call", "two 30 minute interviews", "3 day of", "2.5 hour", "the 1 yearly", "9-quarter", "in 2 weeks",
		"12  days", "3\tday", "x3 day", "30 Minutes", "1 s", "5-"} {
		if got, want := unitAfterDigit(s), termUnitCompound.MatchString(s); want && !got {
			t.Errorf("unitAfterDigit(%q) = false, the expression matches", s)
		}
	}
	if unitAfterDigit("today, on Monday, every week") {
		t.Error("unitAfterDigit of a text with no number: true")
	}
}

// includeMatches asks its expressions only of the lines that open an
// include: the same matches as FindAllSubmatchIndex over the whole text,
// on includes standing alone, indented, inside a line, run over lines (an
// ERB partial's name may hold a newline), one after another, at the end
// of the text without a newline, with CRLF, and on pieces of them joined
// at random.
func TestIncludeMatchesAsDefined(t *testing.T) {
	texts := []string{
		"", "\n", "{{", "<%=", "{{% include \"includes/x.md\" %}}",
		"a\n{{% include \"includes/x.md\" %}}\nb\n",
		"  \t{{< include x >}}  \n{{< include y >}}",
		"text {{% include \"x\" %}}\n",
		"{{% include \"x\" %}} tail\n",
		"{{% include \"x\" %}}\r\n",
		"<%= partial 'includes/x' %>\n",
		"  <%= partial(\"job-families/sales/performance\", :locals => {a: 1}) %>  \nz",
		"<%= partial 'a\nb' %>\n<%= partial 'c' %>\n",
		"<%= partial 'a\n<%= partial 'c' %>\n",
		"<%= partial \"a\" %> x %>\n",
		"<% partial 'x' %>\n{{ include x }}\n",
		"x\n<%= partial 'a' %>",
	}
	pieces := []string{"{{% include \"x\" %}}", "{{< include y >}}", "<%= partial 'a", "' %>", "\n", " ", "\t",
		"<%=", "partial", "'b'", "\"c\"", "%>", "}}", "{{", "word", "\r\n", "(", ")"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		texts = append(texts, randomText(rng, pieces))
	}
	for _, text := range texts {
		for _, re := range []*regexp.Regexp{hugoIncludeRE, erbPartialRE} {
			got, want := includeMatches(re, []byte(text)), re.FindAllSubmatchIndex([]byte(text), -1)
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Errorf("includeMatches(%s, %q) = %v, want %v", re, text, got, want)
			}
		}
	}
}

// joinedAcronymCandidate is spacingJoinedAcronym's test of a word before
// the page is asked: a function word, then a run of two capitals or more,
// then nothing or "s".
func joinedAcronymCandidate(t string) bool {
	for _, fw := range joinedFunctionWords {
		rest, ok := strings.CutPrefix(t, fw)
		if !ok || len(rest) < 2 {
			continue
		}
		n := capsRun(rest)
		if n >= 2 && (n == len(rest) || n+1 == len(rest) && rest[n] == 's') {
			return true
		}
	}
	return false
}

// capsEnd, asked first, turns away no word the test would take: words
// that are candidates, words one letter off them, and others.
func TestCapsEndBeforeJoinedAcronym(t *testing.T) {
	words := []string{"theIT", "forQAs", "ofUX", "andHRs", "viaAPI", "theIt", "theITx", "theITS", "theI", "thes",
		"ours", "orAs", "theITss", "inQA1", "intoSQL", "yourOKRs", "the", "theÉT", "fromAWSs"}
	for _, fw := range joinedFunctionWords {
		for _, tail := range []string{"IT", "ITs", "It", "I", "ITx", "s", "QAS", "sQA", "A1", "AB"} {
			words = append(words, fw+tail)
		}
	}
	n := 0
	for _, w := range words {
		if joinedAcronymCandidate(w) {
			n++
			if !capsEnd(w) {
				t.Errorf("capsEnd(%q) = false for a candidate", w)
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d candidates: the test asks too little", n)
	}
}

// digitThenS turns away only texts termNumberPlain finds nothing in: the
// expression's matches against the test, on plurals, near misses and
// pieces joined at random.
func TestDigitThenSBeforeNumberPlain(t *testing.T) {
	texts := []string{"", "s", "1s", "1990s", "1:1s", "the 1990's", "1 s", "a1s", "1:s", "s1", "12ss", "١s", "x 2020s y",
		"9S", "42 times", "1990’s"}
	pieces := []string{"1", "9", ":", "s", "S", " ", "'", "’", "a", "0s", "x"}
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 5000; n++ {
		texts = append(texts, randomText(rng, pieces))
	}
	found := 0
	for _, text := range texts {
		has := termNumberPlain.MatchString(text)
		if has {
			found++
		}
		if has && !digitThenS(text) {
			t.Errorf("digitThenS(%q) = false, termNumberPlain matches", text)
		}
	}
	if found < 100 {
		t.Fatalf("only %d texts match: the test asks too little", found)
	}
}

// joinedCompound reads the page's source lowered once a page: the same
// answers as lowering it for each word, for words written joined that the
// page writes apart (with a hyphen or not), words it does not, and a word
// asked with another page's lowered source (made anew).
func TestJoinedCompoundLowerSourceOnce(t *testing.T) {
	src := "# Engineer\n\nProblem-solving and problem solving matter. PROBLEM-SOLVING skills. Data stores, data-stores.\n" +
		"Team-work and team work. Software, hardware. Net-work\n"
	f := model.Parse("content/job-families/x/engineer.md", []byte(src))
	other := model.Parse("content/job-families/x/other.md", []byte("# Other\n\nproblem-solving problem-solving\n"))
	d := englishWords()
	low := &lowerSource{f: f}
	words := []string{"problemsolving", "datastores", "teamwork", "softwarehardware", "network", "xyzproblem", "problemso"}
	found := 0
	for round := 0; round < 2; round++ {
		for _, w := range words {
			u := spellWord{lower: w, style: misspell.CaseLower}
			got, want := joinedCompound(d, f, u, low), joinedCompound(d, f, u, nil)
			if !slices.Equal(got, want) {
				t.Errorf("joinedCompound(%q) = %q with the page's lowered source, %q lowering it", w, got, want)
			}
			if len(want) > 0 {
				found++
			}
			if got, want := joinedCompound(d, other, u, low), joinedCompound(d, other, u, nil); !slices.Equal(got, want) {
				t.Errorf("joinedCompound(%q) on another page = %q, want %q", w, got, want)
			}
		}
	}
	if found < 4 || !low.done {
		t.Fatalf("%d words found joined, lowered %v: the test says little", found, low.done)
	}
}

// hasFieldFold answers as comparing each of strings.FieldsFunc's fields,
// on addresses with names at either end, in other cases, next to digits,
// runes that are not ASCII, invalid bytes and nothing.
func TestHasFieldFoldAsFields(t *testing.T) {
	def := func(s, w string) bool {
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if strings.EqualFold(f, w) {
				return true
			}
		}
		return false
	}
	targets := []string{"", "https://github.com/Dan-Maor", "https://discuss.example/u/wreed", "wreed", "/wreed/", "wreed2",
		"x/Wreed", "mailto:ann@example.com", "https://ex.com/é/ünï", "\xff\xfewreed\xff", "a--b__c", "ſtraße/STRASSE"}
	words := []string{"dan", "maor", "wreed", "github", "com", "wreed2", "ann", "é", "ünï", "", "b", "c", "straße", "ſtraße", "x"}
	yes := 0
	for _, s := range targets {
		for _, w := range words {
			want := def(s, w)
			if got := hasFieldFold(s, w); got != want {
				t.Errorf("hasFieldFold(%q, %q) = %v, want %v", s, w, got, want)
			}
			if want {
				yes++
			}
		}
	}
	if yes < 15 {
		t.Fatalf("only %d found: the test says little", yes)
	}
}
