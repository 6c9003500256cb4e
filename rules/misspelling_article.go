package rules

import (
	"fmt"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// articleSlip returns the article meant ("an" or "a") where the j-th word
// is the indefinite article before a word whose first sound is certain
// and asks for the other one, one space between them, and that word as
// written; else "", "". The sound is judged only where it is sure:
//
//   - "a" before an ordinary word opening with "a", "e", "i" or "o" ("a
//     Engineering Manager", "a Individual Growth Plan"), save those read
//     with a consonant: "one", "once", "eu-", "ewe", "oui-" ("a one-time",
//     "a European");
//   - "an" before an ordinary word opening with a consonant letter save
//     "h" ("an hour"), "u" ("an umbrella", "a user") and "x", "y" ("an
//     Salesforce.com instance", "an team"), when that word is no verb's
//     form in -ed or -ing in lower case nor a lower-case plural ("created an moved",
//     "an questions" are slips of "and" and "any"), nor a capitalised
//     word after a comma ("Google, Salesforce, an Twilio": a list's
//     "and").
//
// An ordinary word is a dictionary word, or a capitalised word with a
// vowel after its capital and no other capital ("Salesforce"): an acronym
// ("an SDR", "an MBA", "a NASA") or a lower-case name read as letters
// ("an npm package", "an ssh session": no vowel) may open with the other
// sound and is left alone, as are numbers ("an 18-month"), single letters ("a X-ray"), a stop word
// after the article ("item a or b") and a capital "A" inside a sentence
// ("Plan A is") and an article right after a dot ("Step 3.A above",
// "sections 7.c and 8.a identify").
// uSoundsUh reports whether a word opening with "u" is read with the vowel
// of "up" for certain: "un-" (save "uni-", read "you-ni", and "una-", as
// in "unanimous"), "up-", "ul-", "um-" and "ug-" ("understanding",
// "update", "ultimate", "umbrella", "ugly"). Other "u" words may open
// with a "you" ("a user", "a usual", "a utility", "a urinal") and are
// left alone.
func uSoundsUh(w string) bool {
	if len(w) < 4 {
		return false // "a un", "a ups": too short to read for sure
	}
	if strings.HasPrefix(w, "un") {
		return !strings.HasPrefix(w, "uni") && !strings.HasPrefix(w, "una")
	}
	for _, p := range []string{"up", "ul", "um", "ug"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// uSoundsYou reports whether a word opening with "u" is read with a
// "you" for certain: "use" and its forms ("user", "useful", "using"),
// "usual", "utili-" ("utility", "utilize"), "ubiqu-" and the "uni-"
// words of one root ("unique", "unit", "united", "universe", "union",
// "uniform", "unify"). "un-" before a word opening with "i"
// ("uninstall", "unimportant") is left alone.
func uSoundsYou(w string) bool {
	if len(w) < 4 {
		return false
	}
	for _, p := range []string{"use", "using", "usab", "usual", "usage", "utili", "ubiqu",
		"uniq", "unit", "univers", "union", "uniform", "unif"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func articleSlip(d *wordDict, text string, words []prose.Word, j int) (meant, next string) {
	if j+1 >= len(words) || text[words[j].End:words[j+1].Start] != " " {
		return "", ""
	}
	if words[j].Start > 0 && text[words[j].Start-1] == '.' {
		return "", "" // "sections 7.c and 8.a identify": a label
	}
	art := words[j].In(text)
	var an bool
	switch art {
	case "a":
	case "an", "An":
		an = true
	case "A":
		if !sentenceStart(text, int(words[j].Start)) || words[j].Start > 0 && text[words[j].Start-1] == '.' {
			return "", ""
		}
	default:
		return "", ""
	}
	nw := words[j+1].In(text)
	if len(nw) < 2 {
		return "", ""
	}
	if m := acronymArticle(nw, an); m != "" {
		if art[0] == 'A' {
			m = strings.ToUpper(m[:1]) + m[1:]
		}
		return m, nw
	}
	for i := 0; i < len(nw); i++ {
		if c := nw[i]; !('a' <= c && c <= 'z' || i == 0 && 'A' <= c && c <= 'Z') {
			return "", "" // an acronym, a name in mixed case, a number, an apostrophe
		}
	}
	lower := strings.ToLower(nw)
	if prose.IsStopWord(lower) {
		return "", ""
	}
	if !d.has(lower) && nw == lower || !strings.ContainsAny(lower, "aeiou") {
		return "", "" // "an ssh session": read as letters
	}
	first := lower[0]
	if an {
		if first == 'u' && uSoundsYou(lower) {
			meant = "a" // "an user", "an unique": a "you" sound
		} else if strings.IndexByte("aeiouhxy", first) >= 0 {
			return "", ""
		}
		// "created an moved", "an questions": a slip of "and" or "any"
		// more likely than of the article
		if nw == lower && (strings.HasSuffix(lower, "ed") || strings.HasSuffix(lower, "ing") ||
			strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss") && d.has(lower[:len(lower)-1])) {
			return "", ""
		}
		// "Google, Salesforce, an Twilio": a list's "and"
		if nw != lower && strings.HasSuffix(text[:words[j].Start], ", ") {
			return "", ""
		}
		meant = "a"
	} else {
		if first == 'u' && uSoundsUh(lower) {
			meant = "an" // "a understanding", "a update"
		} else if strings.IndexByte("aeio", first) < 0 {
			return "", ""
		}
		for _, p := range []string{"one", "once", "eu", "ewe", "oui"} {
			if strings.HasPrefix(lower, p) {
				return "", ""
			}
		}
		meant = "an"
	}
	if art[0] == 'A' {
		meant = strings.ToUpper(meant[:1]) + meant[1:]
	}
	return meant, nw
}

// reportArticle reports an article before a word that asks for the other
// one, with the other article as its certain fix.
func reportArticle(p *lint.SetPass, f *model.Family, u spellWord) {
	dg := lint.Diagnostic{File: f, Span: u.span, Subject: u.lower,
		Message: fmt.Sprintf("write %s, not %s: the article goes by the next word's first sound", quoted(u.meant+" "+u.article), quoted(u.w.Text+" "+u.article)),
		Diff:    "[-" + u.w.Text + "-]{+" + u.meant + "+}"}
	if sourceIs(f, u.span, u.w.Text) && !u.pluralNear {
		dg.Fixes = []lint.Edit{{Span: u.span, New: u.meant}}
	}
	p.Report(dg)
}

// articlePluralNear reports whether a plural (pluralShaped) closes a
// compound after the article at word j, two or three words on, with only
// lower-case words that are no function words, one space apart, between:
// "an candidate tracking systems", where the noun is plural and neither
// article fits. "a exclusive focus on results" stops at "on"; the word
// right after the article's own word is left out, as a verb in -s reads
// as a plural there ("A overview follows").
func articlePluralNear(d *wordDict, text string, words []prose.Word, j int) bool {
	for k := j + 2; k < len(words) && k <= j+4; k++ {
		if text[words[k-1].End:words[k].Start] != " " {
			return false
		}
		w := words[k].In(text)
		if k > j+2 && pluralShaped(d, w) {
			return true
		}
		if strings.ToLower(w) != w || prose.IsStopWord(w) {
			return false
		}
	}
	return false
}

// lettersRead are acronyms opening with a letter whose name opens with a
// vowel ("ess", "em", "en", "ar") that are read as letters, though they
// hold a vowel: "an SRE", "an NDA" (where "a NASA", "a SaaS" are read as
// words).
var lettersRead = map[string]bool{"SA": true, "SE": true, "SRE": true, "SLA": true, "SLO": true, "MBA": true,
	"NDA": true, "RCA": true, "SAO": true, "SEO": true}

// readAsWord are acronyms without a vowel that are read otherwise than as
// letters: "a SQL query" ("sequel"), "a XL size" ("extra large").
var readAsWord = map[string]bool{"SQL": true, "XL": true, "XS": true, "XXL": true, "XXS": true}

// acronymArticle returns the article meant before an acronym of two to six
// capitals after "an" (an true) or "a", where its first sound is certain,
// or "":
//
//   - "an" before an acronym opening with a consonant whose letter's name
//     and any reading as a word open with a consonant too (b, c, d, g, j,
//     k, p, q, t, v, w, z: "an PM", "an CEO") is "a";
//   - "a" before one opening with "A", "E", "I" or "O" ("a OKR", "a IT
//     team") is "an", save "EU-", "EW-", "ONE", "ONC" ("a EULA");
//   - "a" before one opening with "F", "L", "M", "N", "R", "S" or "X"
//     read as letters is "an": one without a vowel ("a MR", "a SDR", "a
//     FMM"; not readAsWord's "a SQL query") or one of lettersRead ("a
//     SRE"); "a NASA", "a SKU", "a SAML" are read as words and left alone, as are "H" ("an HR", "a HR") and
//     "U" ("a UX", "an URL").
func acronymArticle(w string, an bool) string {
	if len(w) < 2 || len(w) > 6 {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return ""
		}
	}
	first := w[0]
	if an {
		if strings.IndexByte("BCDGJKPQTVWZ", first) >= 0 {
			return "a"
		}
		return ""
	}
	switch {
	case strings.IndexByte("AEIO", first) >= 0:
		for _, p := range []string{"EU", "EW", "ONE", "ONC"} {
			if strings.HasPrefix(w, p) {
				return ""
			}
		}
		return "an"
	case strings.IndexByte("FLMNRSX", first) >= 0:
		if lettersRead[w] || !strings.ContainsAny(w, "AEIOUY") && !readAsWord[w] {
			return "an"
		}
	}
	return ""
}

// adjectiveEndings are endings of adjectives ("repeatable", "scalable",
// "successful", "effective", "technical").
var adjectiveEndings = []string{"able", "ible", "ful", "ous", "ive", "al", "ic", "less"}

// afterPlural are the words a plural noun phrase's head may end on before:
// a preposition or a conjunction ("a 50-minute interviews with").
var afterPlural = map[string]bool{"with": true, "for": true, "of": true, "in": true, "on": true, "at": true,
	"from": true, "by": true, "and": true, "or": true}

// articlePlural returns the plural noun the j-th word, an indefinite
// article, stands before, where the words between are adjectives only,
// in one of two precise shapes, or "":
//
//   - a number and a unit joined by a hyphen ("a 50-minute interviews
//     with"), then the plural;
//   - two adjectives with a comma between ("a repeatable, scalable data
//     views that"), then at most one word, then the plural.
//
// The plural is a lower-case word in -s whose singular is a dictionary
// word, not in -ss, -us, -is, -ics ("a business", "a status", "an
// analysis", "an analytics") nor "series", "means", "news", "species",
// and the phrase ends after it: on a mark or the text's end, on a
// preposition or a conjunction when no word stands between the
// adjectives and it, or on "that" or "which" (where a word between might
// be the head noun and the plural a verb: "a reliable, scalable platform
// works with").
func articlePlural(d *wordDict, text string, words []prose.Word, j int) string {
	art := words[j].In(text)
	switch art {
	case "a", "an":
	case "A", "An":
		if !sentenceStart(text, int(words[j].Start)) || words[j].Start > 0 && text[words[j].Start-1] == '.' {
			return ""
		}
	default:
		return ""
	}
	sep := func(k int) string { return text[words[k-1].End:words[k].Start] }
	k := j + 1
	if k >= len(words) || sep(k) != " " {
		return ""
	}
	between := 0
	if k+1 < len(words) && digitsOnly(words[k].In(text)) && sep(k+1) == "-" && d.has(words[k+1].In(text)) {
		k += 2
	} else {
		for n := 0; n < 2; n++ {
			if k >= len(words) || !adjectiveShaped(words[k].In(text)) || n == 1 && sep(k) != ", " {
				return ""
			}
			k++
		}
		if k+1 < len(words) && sep(k) == " " && sep(k+1) == " " && !pluralShaped(d, words[k].In(text)) {
			between = 1
			k++
		}
	}
	if k >= len(words) || sep(k) != " " {
		return ""
	}
	plural := words[k].In(text)
	if !pluralShaped(d, plural) {
		return ""
	}
	rest := text[words[k].End:]
	if k+1 < len(words) {
		rest = text[words[k].End:words[k+1].Start]
	}
	switch {
	case strings.TrimSpace(rest) != "":
		if !strings.ContainsAny(rest[:1], ".,;:!?)") {
			return ""
		}
	case k+1 >= len(words):
	default:
		next := strings.ToLower(words[k+1].In(text))
		if !(next == "that" || next == "which" || between == 0 && afterPlural[next]) {
			return ""
		}
	}
	return plural
}

// adjectiveShaped reports whether w is a lower-case word with an
// adjective's ending.
func adjectiveShaped(w string) bool {
	if len(w) < 5 || strings.ToLower(w) != w {
		return false
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// pluralShaped reports whether w is a lower-case plural in -s of a
// dictionary word (articlePlural).
func pluralShaped(d *wordDict, w string) bool {
	sing, ok := strings.CutSuffix(w, "s")
	if !ok || len(sing) < 3 || strings.ToLower(w) != w {
		return false
	}
	for _, e := range []string{"s", "u", "i", "ic"} {
		if strings.HasSuffix(sing, e) {
			return false
		}
	}
	switch w {
	case "series", "means", "news", "species":
		return false
	}
	return d.has(sing)
}

// compoundApostrophePlural returns the hyphenated compound ending at the
// j-th word, with its plural written with an apostrophe ("Nice-to-have's",
// "must-have’s"), and that plural without it, where the phrase ends after
// it: at the text's end, on a mark, or before "and", "or", "are", "were"
// or "have". A possessive stands before its noun ("the editor-in-chief's
// decision") and is left alone; else "", "".
func compoundApostrophePlural(text string, words []prose.Word, j int) (compound, plural string) {
	w := words[j].In(text)
	apo := "'s"
	stem, ok := strings.CutSuffix(w, apo)
	if !ok {
		apo = "’s"
		stem, ok = strings.CutSuffix(w, apo)
	}
	if !ok || len(stem) < 2 || strings.ToLower(stem) != stem || j == 0 || text[words[j-1].End:words[j].Start] != "-" {
		return "", ""
	}
	for i := 0; i < len(stem); i++ {
		if stem[i] < 'a' || stem[i] > 'z' {
			return "", ""
		}
	}
	first := j - 1
	for first > 0 && text[words[first-1].End:words[first].Start] == "-" {
		first--
	}
	if first > 0 && text[words[first-1].End:words[first].Start] == "" {
		return "", ""
	}
	if j+1 < len(words) {
		rest := text[words[j].End:words[j+1].Start]
		switch {
		case strings.TrimSpace(rest) != "":
			if !strings.ContainsAny(rest[:1], ".,;:!?)") {
				return "", ""
			}
		case rest != " ":
			return "", ""
		default:
			switch strings.ToLower(words[j+1].In(text)) {
			case "and", "or", "are", "were", "have":
			default:
				return "", ""
			}
		}
	}
	compound = text[words[first].Start:words[j].End]
	return compound, strings.TrimSuffix(compound, apo) + "s"
}
