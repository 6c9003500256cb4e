package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var lostListMarkerRule = &lint.Rule{
	ID:       "lost-list-marker",
	Title:    "a list item written without its marker, run into the item above or into one paragraph",
	Category: lint.Structure,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "Markdown joins a line to the list item above it when the line has no list marker, even when " +
			"it is not indented (a lazy continuation line): a line meant as the next item renders as the end of the " +
			"previous one (\"... for the Channel Program. Establish and track metrics ...\"). Lists of a role or of the " +
			"family (Responsibilities, Requirements, Nice-to-haves, Performance Indicators, the Hiring Process, a " +
			"role's own list) are read; elsewhere (a how-to, notes) an item's next sentences often start a line of " +
			"their own on purpose. Reported:\n\n" +
			"- **A line run into the item above**: a line of a top-level item's paragraph, after its first, that is " +
			"not indented past the item's marker, opens with a capital letter as an item does (or with a number of " +
			"years, \"5+ years of experience in ...\", five words or more), has three words or " +
			"more, does not end with a colon (a lead-in to a nested list), and follows a line that ends where an " +
			"item may end (not with a comma, a colon, a hyphen, a conjunction, an article or a preposition: " +
			"\"low-level systems like geo-replication,\" then \"CI/CD, and load balancing.\" is one item wrapped). A " +
			"line in lower case, or indented, continues its item's sentence and is not reported; nor is a line in a " +
			"list whose items open with a label (two thirds of them or more: \"**DO** ...\", \"[**Reviewer**](#r): " +
			"...\") when the line does not, nor one in a list of items of several sentences (half of them or more), " +
			"where it is the item's next sentence, nor a line, after one that ends a sentence, that opens by going on from " +
			"it (\"This means that ...\", \"For example, ...\": an item's sentences written one a line), nor the item's lines " +
			"after it. The message asks for a marker, or for a blank line before the " +
			"line when it is a note after the list (\"Additional details about our process ...\") rather than an item.\n" +
			"- **Items written as one paragraph**: a paragraph of three lines or more in a Responsibilities, " +
			"Requirements, Nice-to-haves or Performance Indicators section whose every line opens with a capital " +
			"letter and follows a line that ends where an item may end, half of them or more (two at least) with no " +
			"full stop: the items lost their markers and render run together as one paragraph. Prose written one " +
			"sentence a line ends its lines with full stops and is not reported; nor is a paragraph whose lines end " +
			"in hard line breaks (two spaces or a backslash, half of them or more), which render as lines.\n" +
			"- **A line between two lists**: a paragraph of one line in those sections that cuts a list in two (the " +
			"list before it ends right above it and the one after starts right below it, blank lines aside, with the " +
			"same marker at the same indentation), that opens as an item does (a capital letter, three words or more; " +
			"a number of years and five words or more, \"5+ years of experience in ...\") and as an action, a skill or a quality (misplaced-item's " +
			"shapes), and ends where an item may end: its marker was lost. So is such a line after a list of two items " +
			"or more that ends its section, when it holds no link and reads as a quality or an action of a verb that " +
			"only duties open with (\"Ability to use GitLab\"; not \"Learn more about our role ...\", a note). A lead-in " +
			"(\"Nice to have\", \"Bonus points for experience with\", a line ending in a colon), a label (bold text or a " +
			"link) and a line that ends a sentence in a list whose items do not (a note between the lists) are not " +
			"reported. So is such a line that opens its section and runs into the section's list with no blank line " +
			"between (\"Share our values, and work in accordance with those values.\" right above \"- Collaborates ...\"), " +
			"unless emphasised, linked or saying what a level takes over (\"Extends the ... requirements\").\n" +
			"- **A marker with no space**: a line of an item that opens with a dash glued to a capitalised item " +
			"(\"-Team Leadership: Can manage ...\"), after a line that ends where an item may end.\n" +
			"- **Two items on one line**: in a list of those sections, the Hiring Process or a role's own list, an item " +
			"written on the line of the one before it: after a sentence's end, a marker and a capitalised item (\"... our " +
			"forecast.* Track investor base ...\", \"... systems. - Demonstrated ability ...\"); right after a full stop with " +
			"no space, a capitalised skill, quality or action (\"... skills.The ability to work ...\"); after a word in lower " +
			"case, \"Proven\", \"Demonstrated\" or \"Demonstrable\" ability, experience, track record or success (\"... " +
			"interpersonal skills Proven ability to ...\"). What follows must read as an action, a skill or a quality; a " +
			"dotted name (\"Node.Js\") and a sentence after a space are not reported.",
		Bad: "---\ntitle: Channel Program Manager\n---\n\n## Channel Program Manager\n\n### Responsibilities\n\n" +
			"- Collect feedback from channel partners into the roadmap.\n" +
			"Establish and track metrics of the program\n",
		Good: "---\ntitle: Channel Program Manager\n---\n\n## Channel Program Manager\n\n### Responsibilities\n\n" +
			"- Collect feedback from channel partners into the roadmap, and\n" +
			"Establish and track metrics of the program\n" +
			"- Develop new tests for low-level systems like geo-replication,\n" +
			"CI/CD, and load balancing.\n" +
			"- Share results\n  with the Regional Delivery Manager\n",
	},
	Check: checkLostListMarker,
}

func init() { lint.Register(lostListMarkerRule) }

func checkLostListMarker(p *lint.Pass) {
	f := p.File
	src := f.Source
	for _, l := range f.Lists {
		if len(l) == 0 || !itemSection(l[0]) {
			continue // a how-to's steps, a list of notes: items of prose whose next sentences start a line
		}
		itemsOnOneLine(p, l)
		labelled, prose := listShape(src, l)
		if prose {
			continue // items of several sentences: a line after one is one more
		}
		for _, b := range l {
			if b.Depth > 0 || !b.Span.Valid() || b.Span.End > len(src.Text) {
				continue
			}
			start := src.Position(b.Span.Start).Line
			end := src.Position(max(b.Span.End-1, b.Span.Start)).Line
			markerIndent := b.Span.Start - src.LineStart(start)
			for n := start + 1; n <= end; n++ {
				text := lineText(src, n)
				if strings.TrimSpace(text) == "" {
					break // the item's first paragraph ends
				}
				if indentOf(text) <= markerIndent && endsSentence(lineText(src, n-1)) && refersBack(text) {
					// "This means that ...": the item's next sentence, written
					// a line a sentence; so are the lines after it
					break
				}
				if indentOf(text) <= markerIndent && glued(text) && endsItem(lineText(src, n-1)) {
					// "-Team Leadership: Can manage ...": a marker with no
					// space after it is no marker
					off := src.LineStart(n) + indentOf(text)
					if !f.InCode(off) {
						line := strings.TrimSpace(text)
						p.Report(lint.Diagnostic{
							Span: model.Span{Start: off, End: src.LineStart(n) + len(strings.TrimRight(text, " \t"))},
							Message: fmt.Sprintf("%q has no space after its marker: it renders as part of the item above (line %d); "+
								"write %q", clipText(line, 60), start, markerOf(b)+strings.TrimSpace(line[1:])[:min(len(line)-1, 12)]+"..."),
							Subject: line,
						})
					}
					continue
				}
				if indentOf(text) > markerIndent || !itemShaped(text) && !yearsItem(text) || !endsItem(lineText(src, n-1)) ||
					strings.HasSuffix(strings.TrimSpace(text), ":") {
					continue
				}
				if labelled && !opensWithLabel(text) {
					continue // "**DO** ...": the item's label says where an item starts
				}
				off := src.LineStart(n) + indentOf(text)
				if f.InCode(off) {
					continue
				}
				line := strings.TrimSpace(text)
				p.Report(lint.Diagnostic{
					Span: model.Span{Start: off, End: src.LineStart(n) + len(strings.TrimRight(text, " \t"))},
					Message: fmt.Sprintf("%q has no list marker: it renders as part of the item above (line %d); "+
						"start it with %q if it is an item, or leave a blank line before it if it is not",
						clipText(line, 60), start, markerOf(b)),
					Subject: line,
				})
			}
		}
	}
	for _, s := range allSections(f) {
		switch s.Kind {
		case model.SecResponsibilities, model.SecRequirements, model.SecNiceToHaves, model.SecPerformance:
		default:
			continue
		}
		for _, para := range s.Paragraphs {
			runOnParagraph(p, s, para)
			lineBetweenLists(p, s, para)
			lineBeforeList(p, s, para)
		}
	}
}

// lineBetweenLists reports a paragraph of one line, shaped as an item,
// between two lists of its section that it splits, or after the last list
// of its section (then only a quality or a strong action, with no link): the one before ends
// right above it and the one after starts right below it (blank lines
// aside), with the same marker at the same indentation. Its marker was
// lost: it renders as a line of prose, the list cut in two around it. A
// lead-in (a line that ends where an item may not: a colon, a dash,
// "including"), bold or linked text (a label), a line that does not open
// as an action, a skill or a quality does (misplaced-item's shapes: "Nice
// to have", "Bonus points if you have") and a line that ends a sentence in
// a list whose items do not are left alone.
func lineBetweenLists(p *lint.Pass, s *model.Section, para *model.Block) {
	f := p.File
	src := f.Source
	if para == nil || !para.Span.Valid() || para.Span.End > len(src.Text) || para.Span.End <= para.Span.Start {
		return
	}
	n := src.Position(para.Span.Start).Line
	if src.Position(para.Span.End-1).Line != n {
		return // one line only: more are runOnParagraph's
	}
	text := lineText(src, n)
	line := strings.TrimSpace(text)
	sh, strong := shapeOf(line)
	if sh == shapeOther {
		return // no action, skill or quality: a lead-in ("Nice to have", "Bonus points if you have"), a note
	}
	if !itemShaped(text) && !yearsItem(text) ||
		opensWithLabel(line) || !endsItem(text) {
		return
	}
	var before, after []*model.Bullet
	for _, l := range f.Lists {
		if len(l) == 0 || !l[0].Span.Valid() {
			continue
		}
		end := l[0].Span.End
		for _, b := range l {
			end = max(end, b.Span.End)
		}
		if end <= para.Span.Start && end <= len(src.Text) && strings.TrimSpace(string(src.Text[end:para.Span.Start])) == "" {
			before = l
		}
		if l[0].Span.Start >= para.Span.End && l[0].Span.Start <= len(src.Text) &&
			strings.TrimSpace(string(src.Text[para.Span.End:l[0].Span.Start])) == "" {
			after = l
		}
	}
	last := false
	if after == nil || after[0].Block == nil || after[0].Block.Section != s {
		// the list's last item: the section ends after it (a heading, the page's end)
		rest := strings.TrimSpace(string(src.Text[para.Span.End:min(len(src.Text), s.Body.End)]))
		if rest != "" || s.Body.End < para.Span.End {
			return
		}
		after, last = before, true
	}
	if before == nil || before[0].Block == nil || before[0].Block.Section != s || before[0].Marker != after[0].Marker {
		return
	}
	b, a := before[len(before)-1], after[0]
	for _, x := range before {
		if x.Depth == 0 {
			b = x // the last top-level item before
		}
	}
	if b.Depth != 0 || a.Depth != 0 {
		return
	}
	indent := func(x *model.Bullet) int { return x.Span.Start - src.LineStart(src.Position(x.Span.Start).Line) }
	if indent(b) != indent(a) || indentOf(text) > indent(b) {
		return
	}
	// a sentence's end where the items have none: a note between the lists
	if strings.ContainsAny(line[len(line)-1:], ".!?") && !strings.ContainsAny(strings.TrimSpace(b.Text)[max(0, len(strings.TrimSpace(b.Text))-1):], ".!?") {
		return
	}
	off := src.LineStart(n) + indentOf(text)
	if f.InCode(off) {
		return
	}
	if last {
		// after the list, a note is as likely ("Learn more about our role
		// [on the handbook page](...)"): a line without a link, whose
		// shape is a quality or a strong action, two items above it
		if len(before) < 2 || strings.Contains(text, "](") || sh == shapeAction && !strong {
			return
		}
		p.Report(lint.Diagnostic{
			Span: model.Span{Start: off, End: src.LineStart(n) + len(strings.TrimRight(text, " \t"))},
			Message: fmt.Sprintf("%q has no list marker: it renders as a line of prose after the list (line %d); start it with %q",
				clipText(line, 60), src.Position(b.Span.Start).Line, markerOf(b)),
			Subject: line,
		})
		return
	}
	p.Report(lint.Diagnostic{
		Span: model.Span{Start: off, End: src.LineStart(n) + len(strings.TrimRight(text, " \t"))},
		Message: fmt.Sprintf("%q has no list marker: it renders as a line of prose that cuts the list in two (lines %d and %d); "+
			"start it with %q", clipText(line, 60), src.Position(b.Span.Start).Line, src.Position(a.Span.Start).Line, markerOf(a)),
		Subject: line,
	})
}

// hasSentenceBreak reports whether s holds a sentence's end and the next
// one's start: what `[.!?]["'”’)]?\s+["'“‘(]?\p{Lu}` matches, by hand (the
// expression, tried at every offset of every item of every list, was 2% of
// a run's CPU). No backtracking is needed: a closing mark after the stop is
// no space, so it is taken when there; the spaces are taken all, since
// neither an opening mark nor a capital is a space; an opening mark is no
// capital, so it is taken when there.
func hasSentenceBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		if j < len(s) && (s[j] == '"' || s[j] == '\'' || s[j] == ')') {
			j++
		} else if strings.HasPrefix(s[j:], "”") || strings.HasPrefix(s[j:], "’") {
			j += len("”")
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\f' || s[k] == '\r') {
			k++
		}
		if k == j || k == len(s) {
			continue
		}
		if s[k] == '"' || s[k] == '\'' || s[k] == '(' {
			k++
		} else if strings.HasPrefix(s[k:], "“") || strings.HasPrefix(s[k:], "‘") {
			k += len("“")
		}
		if k < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[k:]); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// listShape tells how a list's items are written, from the line of each
// item's marker: whether two thirds of them or more open with a label
// (bold text or a link: "**DO** ...", "[**Reviewer**](#reviewer): ..."),
// and whether half of them or more hold two sentences or more (items of
// prose, where the lines after an item's first are its next sentences).
func listShape(src *model.Source, l []*model.Bullet) (labelled, prose bool) {
	var n, labels, sentences int
	for _, b := range l {
		if !b.Span.Valid() || b.Span.Start > len(src.Text) {
			continue
		}
		line := lineText(src, src.Position(b.Span.Start).Line)
		text := strings.TrimSpace(line[min(len(line), b.Span.Start-src.LineStart(src.Position(b.Span.Start).Line)):])
		text = strings.TrimSpace(strings.TrimPrefix(strings.TrimLeft(text, "0123456789"), b.Marker[len(b.Marker)-1:]))
		n++
		if opensWithLabel(text) {
			labels++
		}
		if hasSentenceBreak(text) {
			sentences++
		}
	}
	return n >= 2 && 3*labels >= 2*n, n >= 2 && 2*sentences >= n
}

// opensWithLabel reports whether a line opens with bold text or a link.
func opensWithLabel(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "**") || strings.HasPrefix(t, "__") || strings.HasPrefix(t, "[")
}

// runOnParagraph reports a paragraph whose lines are items without
// markers: three or more, each opening with a capital letter after a line
// that ends where an item may, most of them without a full stop.
func runOnParagraph(p *lint.Pass, s *model.Section, para *model.Block) {
	src := p.File.Source
	if para == nil || !para.Span.Valid() || para.Span.End > len(src.Text) || para.Span.End <= para.Span.Start {
		return
	}
	first := src.Position(para.Span.Start).Line
	last := src.Position(para.Span.End - 1).Line
	n := last - first + 1
	if n < 3 {
		return
	}
	open, hard := 0, 0
	for k := first; k <= last; k++ {
		text := lineText(src, k)
		if !itemShaped(text) {
			return
		}
		if k == last {
			break
		}
		if !endsItem(text) {
			return
		}
		t := strings.TrimRight(text, " \t")
		if strings.HasSuffix(text, "  ") || strings.HasSuffix(t, "\\") {
			hard++
		}
		if !strings.ContainsAny(t[len(t)-1:], ".!?") {
			open++
		}
	}
	if open < 2 || 2*open < n-1 || 2*hard >= n-1 {
		return
	}
	name := s.Name
	if s.Prefix != "" {
		name = s.Prefix + " " + s.Name
	}
	p.Report(lint.Diagnostic{
		Span: model.Span{Start: para.Span.Start, End: src.LineStart(first) + len(strings.TrimRight(lineText(src, first), " \t"))},
		Message: fmt.Sprintf("the %d lines under %q have no list markers: they render run together as one paragraph; "+
			"start each with \"- \"", n, name),
		Subject: name + ": " + strings.TrimSpace(lineText(src, first)),
	})
}

// lineText is line n of src without its HTML comments.
func lineText(src *model.Source, n int) string {
	t := src.LineText(n)
	if strings.Contains(t, "<!--") {
		t = commentsRE.ReplaceAllString(t, "")
	}
	return t
}

// indentOf is the width of a line's leading blanks (a tab counts to the
// next multiple of four).
func indentOf(line string) int {
	w := 0
	for _, c := range line {
		switch c {
		case ' ':
			w++
		case '\t':
			w += 4 - w%4
		default:
			return w
		}
	}
	return w
}

// itemShaped reports whether a line reads as the start of an item: its
// first letter, past an opening link bracket, quotes and emphasis, a
// capital, and three words or more. A line that opens with a parenthesis
// ("(Glassdoor, LinkedIn, ...)") is an aside to the line above, no item.
func itemShaped(line string) bool {
	t := strings.TrimLeft(strings.TrimSpace(line), "[*_\"'“‘")
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	return len(strings.Fields(t)) >= 3
}

// yearsItem reports whether a line opens as an item of years of
// experience does, with a number ("5+ years of experience in ...", "2
// years of ..."): five words or more ("2 years or more", after "...,
// preferably", ends the item above), a quality by misplaced-item's shapes.
func yearsItem(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || t[0] < '0' || t[0] > '9' || len(strings.Fields(t)) < 5 {
		return false
	}
	sh, _ := shapeOf(t)
	return sh == shapeQuality
}

// continuing are the words after which a line's sentence goes on.
var continuing = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true, "of": true,
	"with": true, "to": true, "for": true, "in": true, "on": true, "at": true, "by": true, "from": true,
	"like": true, "as": true, "including": true, "such": true, "into": true, "than": true, "via": true,
	"our": true, "your": true, "their": true, "its": true, "is": true, "are": true, "be": true, "will": true,
	"that": true, "which": true, "who": true, "about": true, "across": true, "within": true, "between": true,
	"e.g.": true, "i.e.": true, "&": true, "and/or": true,
}

// endsItem reports whether a line ends where an item may end: not with a
// comma, colon, semicolon, hyphen, opening bracket, conjunction, article or
// preposition.
func endsItem(line string) bool {
	t := strings.TrimRight(line, " \t\\")
	if t == "" {
		return false
	}
	if strings.ContainsAny(t[len(t)-1:], ",;:-/([&") || strings.HasSuffix(t, "–") || strings.HasSuffix(t, "—") {
		return false
	}
	fs := strings.Fields(t)
	return !continuing[strings.ToLower(fs[len(fs)-1])]
}

// backReference are the openings of a sentence that explains or
// illustrates the one before it: no item opens so.
var backReference = regexp.MustCompile(`^(?:(?:This|That) (?:means|is|was|includes|way)\b|In other words\b|For (?:example|instance)\b|That said\b)`)

// refersBack reports whether a line opens with a sentence that goes on
// from the one before it ("This means that ...", "For example, ...").
func refersBack(line string) bool {
	return backReference.MatchString(strings.TrimSpace(line))
}

// endsSentence reports whether a line ends a sentence: a full stop, a
// question or an exclamation mark, before a closing quote or bracket.
func endsSentence(line string) bool {
	t := strings.TrimRight(strings.TrimSpace(line), "\"'”’)*_")
	return t != "" && strings.ContainsAny(t[len(t)-1:], ".!?")
}

// markerOf is the marker the item is written with, and a space.
func markerOf(b *model.Bullet) string {
	m := b.Marker
	if m == "" {
		m = "-"
	}
	return m + " "
}

// glued reports whether a line opens with a dash glued to a capitalised
// word of an item ("-Team Leadership: Can manage a team ..."): the marker
// lost its space, and markdown reads the line as text of the item above.
// A dash before a number or in lower case ("-1", "-based") is no marker.
func glued(line string) bool {
	t := strings.TrimSpace(line)
	if len(t) < 2 || t[0] != '-' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[1:])
	return unicode.IsUpper(r) && itemShaped(t[1:])
}

// itemsOnOneLine reports an item written on the line of the item before it
// (its line break lost): after a sentence's end, a marker and a
// capitalised item ("... our forecast.* Track investor base ...", "...
// systems. - Demonstrated ability ..."); right after a full stop with no
// space, a capitalised skill, quality or action ("... service
// skills.The ability to work ..."); or after a word in lower case, a
// capitalised "Proven", "Demonstrated" or "Demonstrable" ability,
// experience or track record ("... intrapersonal skills Proven ability to
// thrive ..."). What follows must read as an item by misplaced-item's
// shapes.
func itemsOnOneLine(p *lint.Pass, l []*model.Bullet) {
	f := p.File
	src := f.Source
	for _, b := range l {
		if b.Depth > 0 || !b.Span.Valid() || b.Span.End > len(src.Text) {
			continue
		}
		text := string(src.Text[b.Span.Start:b.Span.End])
		for i := 1; i < len(text)-2; i++ {
			at := -1 // where the second item starts in text
			c := text[i]
			switch {
			case c == '*' || c == '-':
				// a marker after a sentence's end, a space after it
				j := i - 1
				for j >= 0 && text[j] == ' ' {
					j--
				}
				if j < 0 || !strings.ContainsRune(".!?", rune(text[j])) || text[i+1] != ' ' || c == '*' && text[i-1] == '*' {
					continue
				}
				if c == '-' && j == i-1 {
					continue // "...end.-" is a dash, not a marker
				}
				at = i + 2
			case c == '.' && i > 0 && 'a' <= text[i-1] && text[i-1] <= 'z' && 'A' <= text[i+1] && text[i+1] <= 'Z' &&
				i+2 < len(text) && 'a' <= text[i+2] && text[i+2] <= 'z':
				at = i + 1
			case c == ' ' && 'a' <= text[i-1] && text[i-1] <= 'z' && provenHead(text[i+1:]):
				at = i + 1
			default:
				continue
			}
			rest := text[at:]
			if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
				rest = rest[:nl]
			}
			if !itemShaped(rest) {
				continue
			}
			if sh, _ := shapeOf(rest); sh == shapeOther {
				continue
			}
			off := b.Span.Start + at
			if f.InCode(off) {
				continue
			}
			line := strings.TrimSpace(rest)
			p.Report(lint.Diagnostic{
				Span: model.Span{Start: off, End: off + len(strings.TrimRight(rest, " \t"))},
				Message: fmt.Sprintf("%q runs into the item before it on the same line (line %d): start it on a line of its own with %q",
					clipText(line, 60), src.Position(b.Span.Start).Line, markerOf(b)),
				Subject: line,
			})
		}
	}
}

// provenHead reports whether s opens with a capitalised "Proven",
// "Demonstrated" or "Demonstrable" before "ability", "experience",
// "track" or "success".
func provenHead(s string) bool {
	for _, h := range []string{"Proven ", "Demonstrated ", "Demonstrable "} {
		if strings.HasPrefix(s, h) {
			w := strings.Fields(s[len(h):])
			return len(w) > 0 && (w[0] == "ability" || w[0] == "experience" || w[0] == "track" || w[0] == "success")
		}
	}
	return false
}

// lineBeforeList reports a paragraph of one line that opens its section
// and runs straight into the section's list, with no blank line between
// them, shaped as an item (an action, a skill or a quality by
// misplaced-item's shapes), ending where an item may and holding no link
// or label: "Share our values, and work in accordance with those values."
// right above "- Collaborates ...". The first item lost its marker and
// renders as a line of prose. A lead-in (a colon, "Responsibilities
// include"), a line that says what a level takes over ("Extends the ...
// responsibilities") and a paragraph after a blank line are left alone.
func lineBeforeList(p *lint.Pass, s *model.Section, para *model.Block) {
	f := p.File
	src := f.Source
	if para == nil || !para.Span.Valid() || para.Span.End > len(src.Text) || para.Span.End <= para.Span.Start ||
		!s.Body.Valid() || s.Body.Start > para.Span.Start {
		return
	}
	n := src.Position(para.Span.Start).Line
	if src.Position(para.Span.End-1).Line != n || strings.TrimSpace(string(src.Text[s.Body.Start:para.Span.Start])) != "" {
		return // one line, the section's first
	}
	text := lineText(src, n)
	line := strings.TrimSpace(text)
	if sh, _ := shapeOf(line); sh == shapeOther || !itemShaped(text) || opensWithLabel(line) ||
		!endsItem(strings.TrimRight(line, "_*")) || strings.HasPrefix(line, "_") || strings.HasPrefix(line, "*") ||
		strings.Contains(text, "](") || misplacedExtension(line) {
		// an emphasised line ("_Partner with ... focused on the areas
		// below:_") is a lead-in, as a colon inside the emphasis says
		return
	}
	var after []*model.Bullet
	for _, l := range f.Lists {
		if len(l) > 0 && l[0].Span.Valid() && l[0].Span.Start >= para.Span.End {
			after = l
			break
		}
	}
	if len(after) < 2 || after[0].Depth != 0 || after[0].Block == nil || after[0].Block.Section != s ||
		src.Position(after[0].Span.Start).Line != n+1 {
		return // no list right below, blank lines between
	}
	off := src.LineStart(n) + indentOf(text)
	if indentOf(text) > after[0].Span.Start-src.LineStart(n+1) || f.InCode(off) {
		return
	}
	p.Report(lint.Diagnostic{
		Span: model.Span{Start: off, End: src.LineStart(n) + len(strings.TrimRight(text, " \t"))},
		Message: fmt.Sprintf("%q has no list marker: it renders as a line of prose before the list (line %d); start it with %q",
			clipText(line, 60), n+1, markerOf(after[0])),
		Subject: line,
	})
}
