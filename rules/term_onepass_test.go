package rules

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// term-consistency's per-word pass and phrase check each read a page's
// words once and keep where the candidates stand, instead of passing over
// the words twice. On random pages they gather the same occurrences, in
// the same order, as the two passes they replace (copied below as they
// were).
func TestTermOnePassSameAsTwo(t *testing.T) {
	testTermOnePass(t)
	// a page with more candidates than refs are kept for passes over its
	// words again
	defer func(w, p int) { maxTermRefs, maxPhraseRefs = w, p }(maxTermRefs, maxPhraseRefs)
	maxTermRefs, maxPhraseRefs = 7, 3
	testTermOnePass(t)
}

func testTermOnePass(t *testing.T) {
	pieces := []string{"cross", "Cross", "functional", "Functional", "cross-functional", "Cross-Functional",
		"self", "Self", "service", "Service", "self-service", "sales", "Sales", "team", "Team", "team's",
		"Team’s", "OKR's", "OKR’s", "KPI's", "the", "CEO's", "strategy", "and", "e-mail", "email", "Email",
		"E-mail", "re-sign", "resign", "JavaScript", "Javascript", "javascript", "hands", "on", "hands-on",
		"follow", "up", "follow-up", "docs/process/README", "Go/GoLang", "v2", "1:1", "sub", "department",
		"co-op", "café", "Café", "ſelf", "devops", "DevOps", "non-technical", "non", "technical", "long", "term"}
	seps := []string{" ", " ", " ", ", ", ". ", "; ", "-", "/", " (", ") "}
	rng := rand.New(rand.NewSource(1))
	var words, phrases int
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		b.WriteString("# Engineer\n\n")
		for k := rng.Intn(8); k > 0; k-- {
			switch rng.Intn(4) {
			case 0:
				b.WriteString("## ")
			case 1:
				b.WriteString("- ")
			}
			for w := rng.Intn(14); w > 0; w-- {
				if rng.Intn(12) == 0 {
					fmt.Fprintf(&b, "[%s %s](https://x.y/z)", pieces[rng.Intn(len(pieces))], pieces[rng.Intn(len(pieces))])
				} else {
					b.WriteString(pieces[rng.Intn(len(pieces))])
				}
				b.WriteString(seps[rng.Intn(len(seps))])
			}
			b.WriteString("\n\n")
		}
		f := model.Parse("p.md", []byte(b.String()))

		// the per-word pass
		oldIx, newIx := &termIndex{byKey: map[string]int{}}, &termIndex{byKey: map[string]int{}}
		varied := map[string]bool{}
		termWordsTwoPasses(f, oldIx, varied)
		clear(varied)
		termPageWords(f, newIx, varied, nil)
		if !reflect.DeepEqual(oldIx.entries, newIx.entries) {
			t.Fatalf("page %q: one pass indexes\n%+v\ntwo passes\n%+v", b.String(), newIx.entries, oldIx.entries)
		}
		for _, e := range newIx.entries {
			words += len(e.occs)
		}

		// the phrase check
		oldByKey, oldKeys := termPhraseOccsTwoPasses(f)
		newByKey, newKeys := termPhraseOccs(f)
		if len(oldKeys) == 0 && len(newKeys) == 0 {
			continue
		}
		if !reflect.DeepEqual(oldKeys, newKeys) || !reflect.DeepEqual(oldByKey, newByKey) {
			t.Fatalf("page %q: one pass gathers\n%v %+v\ntwo passes\n%v %+v", b.String(), newKeys, newByKey, oldKeys, oldByKey)
		}
		phrases += len(newKeys)
	}
	if words < 1000 || phrases < 1000 {
		t.Errorf("%d words indexed, %d phrases written two ways: the test says little", words, phrases)
	}
}

// termWordsTwoPasses is the page scope's indexing as it was: the keys
// written otherwise than plainly, then the words of those keys.
func termWordsTwoPasses(f *model.Family, ix *termIndex, varied map[string]bool) {
	termWordsEachAsWas(f, func(w termWord) {
		if !w.plain {
			varied[w.key] = true
		}
	})
	if len(varied) > 0 {
		termWordsEachAsWas(f, func(w termWord) {
			if varied[w.key] {
				ix.add(w.key, w.o)
			}
		})
	}
}

// termWordsEachAsWas is termWordsEach before its tests were split out.
func termWordsEachAsWas(f *model.Family, fn func(termWord)) {
	var links map[*model.Block][]*model.Link
	for _, b := range f.Blocks {
		text := wordingText(b)
		tw := wordingWords(b, true)
		for i, pw := range tw.Words {
			w := wordIn(text, pw)
			if hasDigit(w.Text) || inPath(text, w.Start, w.End) || handleWord(text, w.Start) || identifierWord(text, tw, i) || linkIdentifier(f, b, &links, w.Start, w.End, w.Text, false) {
				continue
			}
			o := termOcc{f: f, b: b, start: w.Start, end: w.End, text: w.Text}
			if strings.IndexByte(w.Text, 0xE2) >= 0 {
				o.text = strings.ReplaceAll(w.Text, "’", "'")
			}
			if isAcronymPlural(o.text) {
				if !possessive(text, tw, i) {
					fn(termWord{strings.ToLower(strings.TrimSuffix(o.text, "'s")) + "s", o, false})
				}
				continue
			}
			if strings.ContainsRune(o.text, '\'') || strings.IndexByte(tw.Lower(i), '-') >= 0 && hyphenMeaning[tw.Lower(i)] {
				continue
			}
			_, n := utf8.DecodeRuneInString(o.text)
			rest := o.text[n:]
			fn(termWord{withoutHyphens(tw.Lower(i)), o, !hasHyphen(o.text) && !changesLower(rest)})
		}
	}
}

// termPhraseOccsTwoPasses is the phrase check's gathering as it was: how
// each term is written, then a second scan keeping the terms written more
// than one way.
func termPhraseOccsTwoPasses(f *model.Family) (map[string][]phraseOcc, []string) {
	type seen struct {
		hyphen, form string
		mixed        bool
	}
	written := map[[2]string]seen{}
	family := map[[2]string]seen{}
	anyMixed := false
	note := func(m map[[2]string]seen, key [2]string, o phraseOcc) {
		h := "s"
		if o.hyphen {
			h = "h"
		}
		if w, ok := m[key]; !ok {
			m[key] = seen{hyphen: h, form: o.form}
		} else if !w.mixed && (w.hyphen != h || w.form != o.form) {
			w.mixed, anyMixed = true, true
			m[key] = w
		}
	}
	scanTermPhrasesAsWas(f, nil, false, func(first, second string, o phraseOcc) {
		note(written, [2]string{first, second}, o)
		if termPrefixes[first] {
			note(family, [2]string{first}, o)
		}
	})
	mixed := func(first, second string) bool {
		if written[[2]string{first, second}].mixed {
			return true
		}
		return termPrefixes[first] && family[[2]string{first}].mixed
	}
	if !anyMixed {
		return nil, nil
	}
	byKey := map[string][]phraseOcc{}
	var keys []string
	scanTermPhrasesAsWas(f, mixed, true, func(first, second string, o phraseOcc) {
		key := first + " " + second
		if _, ok := byKey[key]; !ok {
			keys = append(keys, key)
		}
		byKey[key] = append(byKey[key], o)
	})
	return byKey, keys
}

// scanTermPhrasesAsWas is scanTermPhrases as it was, with its keep and
// whole.
func scanTermPhrasesAsWas(f *model.Family, keep func(first, second string) bool, whole bool, add func(first, second string, o phraseOcc)) {
	for _, b := range f.Blocks {
		text := wordingText(b)
		tw := wordingWords(b, true)
		heading := b.Kind == model.BlockHeading
		for i, pw := range tw.Words {
			w, lw := wordIn(text, pw), tw.Lower(i)
			if a, c, ok := strings.Cut(lw, "-"); ok && !strings.Contains(c, "-") && (keep == nil || keep(a, c)) && termPhrasePair(a, c) && !hyphenMeaning[lw] {
				o := phraseOcc{b: b, start: w.Start, end: w.End, hyphen: true,
					form: termCaseForm(w.Text, heading || sentenceStart(text, w.Start))}
				if whole {
					o.modifier, o.inName = termModifies(text, tw, i), termNameAround(text, tw, i, i)
					o.noun = termNounNext(text, tw, i)
				}
				add(a, c, o)
			}
			if i+1 >= len(tw.Words) {
				continue
			}
			next := wordIn(text, tw.Words[i+1])
			ln := tw.Lower(i + 1)
			if text[w.End:next.Start] != " " {
				continue
			}
			end, owner := next.End, false
			if s, ok := cutPossessive(next.Text); ok {
				ln, end, owner = strings.ToLower(s), next.Start+len(s), true
			}
			if !termPhrasePair(lw, ln) || keep != nil && !keep(lw, ln) || inLinkText(b, w.Start) || inLinkText(b, next.Start) {
				continue
			}
			written := text[w.Start:end]
			o := phraseOcc{b: b, start: w.Start, end: end,
				form: termCaseForm(written, heading || sentenceStart(text, w.Start))}
			if whole {
				o.modifier, o.inName = !owner && termModifies(text, tw, i+1), termNameAround(text, tw, i, i+1)
				o.noun = !owner && termNounNext(text, tw, i+1)
			}
			add(lw, ln, o)
		}
	}
}

// closedKeyBytes gives the key termClosedKey gives the two words joined.
func TestClosedKeyBytesAsKey(t *testing.T) {
	pieces := []string{"s", "ss", "road", "map", "maps", "code", "base", "bases", "é", "ſ", "", "a", "S"}
	rng := rand.New(rand.NewSource(1))
	var cut int
	for n := 0; n < 100000; n++ {
		a, b := randomText(rng, pieces), randomText(rng, pieces)
		want := termClosedKey(a + b)
		if got := string(closedKeyBytes(nil, a, b)); got != want {
			t.Fatalf("closedKeyBytes(%q, %q) = %q, want %q", a, b, got, want)
		}
		if len(want) < len(a+b) {
			cut++
		}
	}
	if cut < 1000 {
		t.Errorf("%d keys with a plural cut: the test says little", cut)
	}
}

// preferredFor builds a list once for a run, and again for another list,
// or for the same slice changed since.
func TestPreferredForBuildsOnce(t *testing.T) {
	terms := []string{"GitLab", "JavaScript"}
	a := preferredFor(terms)
	if b := preferredFor(slices.Clone(terms)); b != a {
		t.Error("the same list was built twice")
	}
	terms[1] = "TypeScript"
	c := preferredFor(terms)
	if c == a || c.byLower["typescript"] != "TypeScript" || c.byLower["javascript"] != "" {
		t.Errorf("a changed list gave %v, want TypeScript's", c.byLower)
	}
	if d := preferredFor([]string{"GitHub"}); d.byLower["github"] != "GitHub" || len(d.terms) != 1 {
		t.Errorf("another list gave %v", d.byLower)
	}
}

// termCaseForm makes no copy of a term that starts a sentence in lower
// case, and gives what the copy gave.
func TestTermCaseFormAsCopy(t *testing.T) {
	copied := func(s string, start bool) string {
		if start {
			r, n := utf8.DecodeRuneInString(s)
			s = string(unicode.ToLower(r)) + s[n:]
		}
		return s
	}
	pieces := []string{"a", "A", "é", "É", "İ", "ſ", "\u212a", "\ufffd", "\xff", "\xe2\x80", "-", " ", "1", "x"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 100000; n++ {
		s, start := randomText(rng, pieces), rng.Intn(2) == 0
		if got, want := termCaseForm(s, start), copied(s, start); got != want {
			t.Fatalf("termCaseForm(%q, %v) = %q, want %q", s, start, got, want)
		}
	}
}
