package rules

import (
	"bytes"
	"fmt"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

var spacingRule = &lint.Rule{
	ID:       "spacing",
	Title:    "no space missing after a full stop, comma or list marker, nor a stray one beside a hyphen, slash or full stop",
	Category: lint.Wording,
	Severity: lint.Warning,
	Fixable:  true,
	Doc: lint.Doc{
		Description: "Spacing slips between words and punctuation that a careful reviewer marks. Only forms " +
			"whose evidence is clear are reported:\n\n" +
			"- **After a full stop** (or `?`, `!`): a lower-case dictionary word, the stop, then a capitalised " +
			"dictionary word with no space, a sentence going on on both sides: two sentences or bullets run together " +
			"(\"service skills.The ability\"; not an identifier written as prose, \"; model.Parse ...\"). " +
			"Host and file names (\"GitLab.com\", \"Node.js\", \"index.html\"), abbreviations (\"e.g.\", \"U.S.\", " +
			"\"Ph.D.\") and version numbers do not have that shape.\n" +
			"- **After a colon**: a word or an abbreviation, the colon, then a lower-case dictionary word and more of " +
			"the sentence (\"ex.:by allowing us\"; after a plain word, only a function word: \"Note:the\", not " +
			"\"label:bug\", search syntax); not a time (\"10:30\") nor a URL.\n" +
			"- **After a comma**: two dictionary words of two letters or more joined by a comma (\"database,for\"); " +
			"not numbers (\"1,000\"), nor a comma-separated run of three or more (\"red,green,blue\", a value).\n" +
			"- **Before a parenthesis**: a word right before \"(\" where the page writes the same parenthesis " +
			"after a space more often than not (\"Analyst(Intermediate)\" on a page of \"Analyst (Intermediate)\"); " +
			"a page that writes \"Title(Level)\" throughout does so deliberately.\n" +
			"- **After a hyphen**: \"problem- solving\" where the page (or the dictionary) writes the compound " +
			"\"problem-solving\"; a suspended hyphen (\"short- and long-term\", \"entry- to mid-level\") is not one. " +
			"A soft hyphen (U+00AD, invisible) before a space is always one (\"go-to\u00ad market\").\n" +
			"- **Beside a slash**: a space on one side of a slash between two words only (\"internal /external\", " +
			"\"users/ stakeholders\"); \"and/or\" and \"a / b\" are consistent.\n" +
			"- **Before a full stop or comma**: a word, a space, then the stop (\"expectations .\"); not an " +
			"ellipsis nor a file extension (\".md\").\n" +
			"- **After a list marker**: a line that starts with \"-\", \"*\" or \"+\" then a capital letter, with " +
			"no space, next to list items written with that marker and the space (\"-Team Leadership:\"): it is " +
			"not a list item.\n" +
			"- **Between list items**: a sentence's full stop, then \" - \" and a capitalised dictionary word " +
			"inside one paragraph or item (\"systems. - Demonstrated ability\"): two items run together.\n" +
			"- **After a function word**: \"the\", \"of\", \"for\" and the like run together with an acronym the page " +
			"writes on its own (\"theIT\" on a page that writes \"IT\"); not \"iOS\" nor \"toJSON\" where the page never " +
			"writes the acronym alone.\n\n" +
			"A form right after an opening quotation mark is a mention (a note about the slip), not the slip, and is " +
			"not reported. " +
			"Text in code, link targets, URLs, paths, e-mail addresses, front matter and template placeholders is " +
			"not read, nor text split by markup or HTML. `--fix` inserts the missing space or deletes the stray one, " +
			"except beside a slash (either side may be meant), before a parenthesis in a heading (its anchor may be " +
			"linked), between list items (the indentation is not known) and a soft hyphen the page gives no compound for.",
		Bad: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Requirements\n\n" +
			"- Exceptional communication skills.The ability to work asynchronously\n" +
			"- Experience with the database,for a high-scale application\n" +
			"- Proven track record of problem- solving and problem-solving skills\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Requirements\n\n" +
			"- Exceptional communication skills. The ability to work asynchronously, e.g. in GitLab.com issues\n" +
			"- Experience with the database, for 1,000 requests a second and/or more\n" +
			"- Short- and long-term problem-solving skills\n",
	},
	Check: checkSpacing,
}

func init() { lint.Register(spacingRule) }

// spacingPage is what the spacing rule reads of a whole page: how often
// each parenthesis opens after a space and right after a letter, and the
// hyphenated words the page writes.
type spacingPage struct {
	parens     map[string][2]int // first word inside, lower case: [after a space, after a letter]
	hyphenated map[string]bool   // "problem-solving", lower case
	caps       map[string]bool   // words in capitals as written: "IT", "SaaS" not
}

func spacingPageOf(f *model.Family) *spacingPage {
	pg := &spacingPage{parens: map[string][2]int{}, hyphenated: map[string]bool{}, caps: map[string]bool{}}
	for _, b := range f.Blocks {
		text := wordingText(b)
		for i := 1; i < len(text); i++ {
			if text[i] != '(' {
				continue
			}
			e := letterRunEnd(text, i+1)
			if e-(i+1) < 2 {
				continue
			}
			k := strings.ToLower(text[i+1 : e])
			c := pg.parens[k]
			switch {
			case text[i-1] == ' ':
				c[0]++
			case isLetter(text[i-1]):
				c[1]++
			}
			pg.parens[k] = c
		}
		tw := wordingWords(b, true)
		for i, w := range tw.Lowers() {
			if strings.Contains(w, "-") {
				pg.hyphenated[w] = true
			}
			if t := tw.Words[i].In(wordingText(b)); len(t) >= 2 && capsRun(t) == len(t) {
				pg.caps[t] = true
			}
		}
	}
	return pg
}

func checkSpacing(p *lint.Pass) {
	d := englishWords()
	known := func(w string) bool {
		lw := strings.ToLower(w)
		return knownWord(d, lw) || derivedWord(d, lw)
	}
	var page *spacingPage
	pageOf := func() *spacingPage {
		if page == nil {
			page = spacingPageOf(p.File)
		}
		return page
	}
	src := p.File.Source.Text
	for _, b := range p.File.Blocks {
		text := wordingText(b)
		raw := b.Text
		// report one finding over text[s:e], which must read in the source
		// as written (no markup, HTML or blanked text inside)
		report := func(s, e int, msg string, fixes ...lint.Edit) bool {
			if text[s:e] != raw[s:e] || !sourceIs(p.File, b.SourceSpan(s, e), raw[s:e]) {
				return false
			}
			if quotedMention(raw, s) {
				return false // "a stray space in \"problem- solving\"": the slip is the subject
			}
			p.Report(lint.Diagnostic{Span: b.SourceSpan(s, e), Message: msg, Subject: raw[s:e], Fixes: fixes})
			return true
		}
		insertAt := func(i int) []lint.Edit {
			o := b.SourceOffset(i)
			return []lint.Edit{{Span: model.Span{Start: o, End: o}, New: " "}}
		}
		deleteRange := func(i, j int) []lint.Edit {
			return []lint.Edit{{Span: b.SourceSpan(i, j), New: ""}}
		}
		for i := 1; i+1 < len(text); i++ {
			switch c := text[i]; c {
			case '.', '?', '!':
				// "skills.The ability": two sentences run together
				s := letterRunStart(text, i)
				if i-s < 2 || !wordBoundaryBefore(text, s) || !isLower(text[s]) {
					continue
				}
				if c == '.' && strings.HasPrefix(text[i+1:], " - ") && i+4 < len(text) && isUpper(text[i+4]) {
					// "... systems. - Demonstrated ability": two list items run
					// together, the line break before the second lost
					e := letterRunEnd(text, i+4)
					if e-(i+4) >= 2 && allLower(text[i+5:e]) && wordBoundaryAfter(text, e) && known(text[s:i]) && known(text[i+4:e]) {
						report(s, e, fmt.Sprintf("two list items run together in %s: a line break is missing before \"- %s\"", quoted(text[s:e]), text[i+4:e]))
					}
					continue
				}
				if !isUpper(text[i+1]) {
					continue
				}
				// the stop ends a sentence begun before the word, and a
				// sentence goes on after the capitalised word: not an
				// identifier written as prose ("prose.Words", "; model.Parse")
				if s < 2 || text[s-1] != ' ' || !isLetter(text[s-2]) && text[s-2] != ',' {
					continue
				}
				e := letterRunEnd(text, i+1)
				if e-(i+1) < 2 || !allLower(text[i+2:e]) || e+1 >= len(text) || text[e] != ' ' || !isLetter(text[e+1]) {
					continue
				}
				if !known(text[s:i]) || !known(text[i+1:e]) {
					continue
				}
				report(s, e, fmt.Sprintf("a space is missing after the %s in %s: two sentences run together", stopName(c), quoted(text[s:e])), insertAt(i+1)...)
			case ',':
				// "database,for"
				s := letterRunStart(text, i)
				e := letterRunEnd(text, i+1)
				if i-s < 2 || e-(i+1) < 2 || !wordBoundaryBefore(text, s) || !wordBoundaryAfter(text, e) {
					continue
				}
				if e < len(text) && text[e] == ',' {
					continue // "red,green,blue": a value, not prose
				}
				if !known(text[s:i]) || !known(text[i+1:e]) {
					continue
				}
				report(s, e, fmt.Sprintf("a space is missing after the comma in %s", quoted(text[s:e])), insertAt(i+1)...)
			case ':':
				// "ex.:by allowing us": a colon, then a word with no space
				s := i
				for s > 0 && (isLetter(text[s-1]) || text[s-1] == '.') {
					s--
				}
				e := letterRunEnd(text, i+1)
				if i-s < 2 || e-(i+1) < 2 || !isLetter(text[s]) || !wordBoundaryBefore(text, s) || !allLower(text[i+1:e]) {
					continue
				}
				if e+1 >= len(text) || text[e] != ' ' || !isLetter(text[e+1]) {
					continue // a sentence goes on after the word
				}
				left := text[s:i]
				if !known(text[i+1 : e]) {
					continue
				}
				if !strings.Contains(left, ".") && (!known(left) || !prose.IsStopWord(text[i+1:e])) {
					continue // "a label:bug search" is syntax; "Note:the" is not
				}
				report(s, e, fmt.Sprintf("a space is missing after the colon in %s", quoted(text[s:e])), insertAt(i+1)...)
			case '(':
				// "Analyst(Intermediate)" on a page of "Analyst (Intermediate)"
				s := letterRunStart(text, i)
				e := letterRunEnd(text, i+1)
				if i-s < 2 || e-(i+1) < 3 || !wordBoundaryBefore(text, s) {
					continue
				}
				inner := strings.ToLower(text[i+1 : e])
				if cnt := pageOf().parens[inner]; cnt[0] <= cnt[1] {
					continue
				}
				if d.has(strings.ToLower(text[s:i]) + inner) {
					continue // "success(ful)"
				}
				end := e
				// the parenthesis as a whole, when it closes soon on its line
				if close := strings.IndexByte(text[i:min(len(text), i+120)], ')'); close > 0 && !strings.ContainsRune(text[i:i+close], '\n') {
					end = i + close + 1
				}
				var fix []lint.Edit
				if b.Kind != model.BlockHeading {
					fix = insertAt(i)
				}
				report(s, end, fmt.Sprintf("a space is missing before the parenthesis in %s (the page writes \"(%s\" after a space elsewhere)", quoted(text[s:end]), text[i+1:e]), fix...)
			case '-', 0xC2:
				// "problem- solving" where the page writes "problem-solving";
				// "go-to\u00ad market", a soft hyphen then a space, where it
				// writes "go-to-market"
				hw := 1
				if c == 0xC2 {
					if text[i+1] != 0xAD {
						continue
					}
					hw = 2
				}
				s := letterRunStart(text, i)
				if i-s < 2 || i+hw >= len(text) || text[i+hw] != ' ' {
					continue
				}
				if s > 0 && !(text[s-1] == ' ' || text[s-1] == '-' || text[s-1] == '(' || text[s-1] == '"') {
					continue
				}
				j := i + hw
				for j < len(text) && text[j] == ' ' {
					j++
				}
				e := letterRunEnd(text, j)
				if e-j < 2 || !isLower(text[j]) || !wordBoundaryAfter(text, e) {
					continue
				}
				ws := s
				for ws > 0 && text[ws-1] != ' ' && text[ws-1] != '(' && text[ws-1] != '"' {
					ws-- // the whole compound: "go-to- market"
				}
				written := text[ws:i] + "-" + text[j:e]
				compound := strings.ToLower(written)
				evidence := pageOf().hyphenated[compound] || d.has(compound)
				if !evidence && hw == 1 {
					continue
				}
				if hw == 1 {
					report(ws, e, fmt.Sprintf("stray space after the hyphen in %s (the compound is written %q)", quoted(text[ws:e]), written), deleteRange(i+1, j)...)
				} else if evidence {
					// a soft hyphen marks where a word may break; before a
					// space it only hides the hyphen the compound lost
					report(ws, e, fmt.Sprintf("a soft hyphen (U+00AD, invisible) then a space in %s: the compound is written %q", quoted(text[ws:i]+" "+text[j:e]), written),
						lint.Edit{Span: b.SourceSpan(i, j), New: "-"})
				} else {
					report(ws, e, fmt.Sprintf("a soft hyphen (U+00AD, invisible) then a space in %s: probably %q", quoted(text[ws:i]+" "+text[j:e]), written))
				}
				i = j - 1
			case ' ':
				// "expectations ." a space before a full stop or comma
				if !isLetter(text[i-1]) {
					continue
				}
				j := i
				for j < len(text) && text[j] == ' ' {
					j++
				}
				if j >= len(text) || text[j] != '.' && text[j] != ',' {
					continue
				}
				if j+1 < len(text) && !(text[j+1] == ' ' || text[j+1] == '\n' || text[j+1] == ')' || text[j+1] == '"') {
					continue // ".md", ". . .", ",,"
				}
				s := letterRunStart(text, i)
				if i-s < 2 || !wordBoundaryBefore(text, s) {
					continue
				}
				if text[j] == '.' && strings.HasPrefix(strings.TrimLeft(text[j+1:], " "), ".") {
					continue // a spaced ellipsis: ". . ."
				}
				report(s, j+1, fmt.Sprintf("stray space before the %s in %s", stopName(text[j]), quoted(text[s:j+1])), deleteRange(i, j)...)
				i = j
			}
		}
		spacingJoinedAcronym(p, b, text, pageOf, report)
		spacingSlash(p, b, raw, text)
		spacingListMarker(p, b, src, raw, report)
	}
}

// joinedFunctionWords are the short words an acronym gets written onto:
// "theIT", "forQA".
var joinedFunctionWords = []string{"the", "an", "and", "of", "to", "for", "in", "into", "with", "on", "by", "at", "or", "our", "your", "from", "as", "via"}

// spacingJoinedAcronym reports a function word run together with an
// acronym the page writes on its own: "Extends that of theIT Global
// Logistics Analyst" on a page that writes "IT" elsewhere.
func spacingJoinedAcronym(p *lint.Pass, b *model.Block, text string, pageOf func() *spacingPage,
	report func(s, e int, msg string, fixes ...lint.Edit) bool) {
	wt := wordingText(b)
	for _, w := range wordingWords(b, true).Words {
		t := w.In(wt)
		if len(t) < 4 || !isLower(t[0]) || !capsEnd(t) {
			continue
		}
		for _, fw := range joinedFunctionWords {
			rest, ok := strings.CutPrefix(t, fw)
			if !ok || len(rest) < 2 {
				continue
			}
			n := capsRun(rest)
			if n < 2 || !(n == len(rest) || n+1 == len(rest) && rest[n] == 's') {
				continue
			}
			if !pageOf().caps[rest[:n]] {
				continue
			}
			if w.Start > 0 && !wordBoundaryBefore(text, int(w.Start)) {
				continue
			}
			o := b.SourceOffset(int(w.Start) + len(fw))
			report(int(w.Start), int(w.End), fmt.Sprintf("a space is missing between %q and %q in %s", fw, rest, quoted(t)),
				lint.Edit{Span: model.Span{Start: o, End: o}, New: " "})
			break
		}
	}
}

// quotedMention reports whether text at s follows an opening quotation
// mark: the text quotes the form, as a note about it does.
func quotedMention(text string, s int) bool {
	if s > 0 && (text[s-1] == '"' || text[s-1] == '\'') {
		return true
	}
	return strings.HasSuffix(text[:s], "“") || strings.HasSuffix(text[:s], "‘")
}

// pathVerbs are words a root path or a quick action follows in prose:
// "visit /jobs", "type /assign".
var pathVerbs = map[string]bool{"see": true, "visit": true, "use": true, "run": true, "type": true, "enter": true,
	"open": true, "check": true, "read": true, "browse": true, "under": true, "via": true, "command": true, "action": true}

// capsRun returns the length of the run of ASCII capitals s starts with.
// capsEnd reports whether s ends in a capital letter, or in one and "s":
// what a function word run together with an acronym ends in ("theIT",
// "forQAs"), asked before looking for the function word.
func capsEnd(s string) bool {
	n := len(s)
	return n > 0 && isUpper(s[n-1]) || n > 1 && s[n-1] == 's' && isUpper(s[n-2])
}

func capsRun(s string) int {
	n := 0
	for n < len(s) && isUpper(s[n]) {
		n++
	}
	return n
}

// spacingSlash reports a slash between two words with a space on one side
// only: "internal /external", "users/ stakeholders". It reads the block's
// own text: the wording text blanks " /external" as a path.
func spacingSlash(p *lint.Pass, b *model.Block, raw, text string) {
	for i := 1; i+1 < len(raw); i++ {
		if raw[i] != '/' {
			continue
		}
		var s, e int
		switch {
		case raw[i-1] == ' ' && isLetter(raw[i+1]) && i >= 2 && isLetter(raw[i-2]):
			s, e = letterRunStart(raw, i-1), letterRunEnd(raw, i+1)
		case raw[i+1] == ' ' && isLetter(raw[i-1]) && i+2 < len(raw) && isLetter(raw[i+2]):
			s, e = letterRunStart(raw, i), letterRunEnd(raw, i+2)
		default:
			continue
		}
		for s > 1 && raw[s-1] == '-' && isLetter(raw[s-2]) {
			s = letterRunStart(raw, s-1) // "pre-sales/ post sales"
		}
		left := raw[s : strings.IndexAny(raw[s:], " /")+s]
		right := strings.TrimLeft(raw[strings.LastIndexAny(raw[:e], " /")+1:e], " ")
		if len(left) < 2 || len(right) < 2 || !wordBoundaryBefore(raw, s) || !wordBoundaryAfter(raw, e) {
			continue
		}
		if e < len(raw) && raw[e] == '/' || s > 0 && raw[s-1] == '/' {
			continue // a path: "/a/b"
		}
		if lw := strings.ToLower(left); prose.IsStopWord(lw) || raw[i-1] == ' ' && pathVerbs[lw] {
			continue // "the /assign quick action", "visit /jobs"
		}
		// the left word must be prose the wording text kept (not a URL's):
		// the wording text blanks " /external" itself as a path
		if text[s:s+len(left)] != left {
			continue
		}
		if !sourceIs(p.File, b.SourceSpan(s, e), raw[s:e]) || quotedMention(raw, s) {
			continue
		}
		p.Report(lint.Diagnostic{Span: b.SourceSpan(s, e), Message: fmt.Sprintf("a space on one side of the slash only in %s", quoted(raw[s:e])), Subject: raw[s:e]})
	}
}

// spacingListMarker reports a line that starts with a list marker and a
// capital letter with no space between, next to list items written with
// that marker: "-Team Leadership:" is not a list item.
func spacingListMarker(p *lint.Pass, b *model.Block, src []byte, raw string, report func(s, e int, msg string, fixes ...lint.Edit) bool) {
	for k := 0; k+2 < len(raw); k++ {
		if k > 0 && raw[k-1] != '\n' && raw[k-1] != ' ' {
			continue // a soft line break reads as a space
		}
		m := raw[k]
		if m != '-' && m != '*' && m != '+' || !isUpper(raw[k+1]) || !isLower(raw[k+2]) {
			continue
		}
		o := b.SourceOffset(k)
		if o >= len(src) || src[o] != m {
			continue
		}
		ls := o
		for ls > 0 && src[ls-1] != '\n' {
			ls--
		}
		indent := string(src[ls:o])
		if strings.TrimLeft(indent, " \t>") != "" {
			continue // not the line's first character
		}
		item := indent + string(m) + " "
		if !lineStartsWith(src, ls, -1, item) && !lineStartsWith(src, ls, 1, item) {
			continue
		}
		e := letterRunEnd(raw, k+1)
		o2 := b.SourceOffset(k + 1)
		report(k, e, fmt.Sprintf("a space is missing after the list marker in %s: the line is not a list item", quoted(raw[k:e])),
			lint.Edit{Span: model.Span{Start: o2, End: o2}, New: " "})
	}
}

// lineStartsWith reports whether the line before (dir -1) or after (dir 1)
// the line starting at ls starts with prefix.
func lineStartsWith(src []byte, ls, dir int, prefix string) bool {
	if dir < 0 {
		if ls == 0 {
			return false
		}
		ps := ls - 1
		for ps > 0 && src[ps-1] != '\n' {
			ps--
		}
		return strings.HasPrefix(string(src[ps:ls]), prefix)
	}
	nl := bytes.IndexByte(src[ls:], '\n')
	if nl < 0 {
		return false
	}
	ns := ls + nl + 1
	end := ns + len(prefix)
	if end > len(src) {
		return false
	}
	return string(src[ns:end]) == prefix
}

func stopName(c byte) string {
	switch c {
	case '?':
		return "question mark"
	case '!':
		return "exclamation mark"
	case ',':
		return "comma"
	}
	return "full stop"
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isLower(c byte) bool  { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }

func allLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLower(s[i]) {
			return false
		}
	}
	return true
}

// letterRunStart returns the start of the run of ASCII letters ending at i
// (exclusive).
func letterRunStart(s string, i int) int {
	for i > 0 && isLetter(s[i-1]) {
		i--
	}
	return i
}

// letterRunEnd returns the end of the run of ASCII letters starting at i.
func letterRunEnd(s string, i int) int {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return i
}

// wordBoundaryBefore reports whether a word starting at s stands alone on
// its left: the text's start, a space or an opening bracket or quote; not a
// dot, slash, digit or other word character ("www.gitlab", "v1.2").
func wordBoundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	switch s[i-1] {
	case ' ', '\n', '\t', '(', '"', '[':
		return true
	}
	return false
}

// wordBoundaryAfter reports whether a word ending at e stands alone on its
// right: the text's end, a space, a closing bracket, a quote, or
// punctuation that ends a clause (a full stop only when a space or the end
// follows: "GitLab.com" is a host).
func wordBoundaryAfter(s string, e int) bool {
	if e == len(s) {
		return true
	}
	switch s[e] {
	case ' ', '\n', '\t', ')', '"', ',', ';', ':', '?', '!':
		return true
	case '.':
		return e+1 == len(s) || s[e+1] == ' ' || s[e+1] == '\n' || s[e+1] == ')'
	}
	return false
}
