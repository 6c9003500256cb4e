package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
)

var misplacedItemRule = &lint.Rule{
	ID:       "misplaced-item",
	Title:    "a requirement in a Responsibilities list, or a responsibility in a Requirements list",
	Category: lint.Structure,
	Severity: lint.Warning,
	Doc: lint.Doc{
		Description: "Responsibilities say what the role does, and are written as actions (\"Design and implement " +
			"...\", \"Own the roadmap\"); requirements say what the person brings, and are written as skills and " +
			"qualities (\"Ability to ...\", \"Experience with ...\", \"Excellent written and verbal communication " +
			"skills\", \"5+ years ...\"). The rule reports an item whose shape is the other list's:\n\n" +
			"- in a Responsibilities list whose top-level items, at least three and two of three, start with a verb (or " +
			"with \"Responsible for\" or \"Accountable for\"), an " +
			"item written as a skill or quality: \"Ability to\", \"Able to\", \"Experience ...\", \"Proven\" or " +
			"\"Demonstrated\" whatever follows (\"Demonstrated capacity to ...\"), \"Proficiency in\", \"Knowledge of\", " +
			"\"Familiarity with\", \"Sense of\", \"N+ years\" (\"A minimum of 2 years' experience\", \"At least 3 years\"), " +
			"any of these after \"A\" or \"An\" (\"A track record of\"), an adjective such as \"Excellent\" or \"Strong\" " +
			"before skills, a sense, an understanding or experience, a qualifier right before them (\"Extensive " +
			"experience\", \"Significant professional experience\", \"Superior attention to detail\"), \"Has\" or " +
			"\"Possesses\" a skill (\"Has experience leading a team\"), \"Having\" a skill, \"Have\" an ability or capability " +
			"(\"Have strong capability in ...\", counted among the list's verbs too), \"Willingness to\", \"Must be able to\", " +
			"\"Must be competent in\", \"Knowledgeable in\", \"Effective at\", \"Ability and interest to\", a noun phrase whose second or third word is a skill " +
			"followed by what it is of (\"SA level expertise with\", \"Matrix management capabilities to\"; not after a verb-made " +
			"word, \"Exemplify understanding of\"), or a short noun phrase ending in \"skills\" " +
			"(\"Leadership and mentoring skills\");\n" +
			"- in a Requirements list whose top-level items, at least three and half of them, are written as skills " +
			"or qualities, with at most one in three starting with a verb, an item that opens with an action verb in " +
			"the imperative (\"Design and implement ...\", \"Assist in development of ...\", \"Configure, build, " +
			"test, and deploy ...\") and names no skill, experience or knowledge in its first clause, and no quality or " +
			"manner (\"Prioritize effectively\", \"Operate in a transparent manner\", \"Create strong working relationships\", " +
			"\"Lead by example\", \"Lead as a role model\" read as skills too, and an action about using GitLab, \"Drive the " +
			"utilization of the GitLab product ...\", is the family's \"Ability to use GitLab\" reworded).\n\n" +
			"A block of duties pasted into a Requirements list (a run of three such actions or more, the list's other items " +
			"a Requirements list on their own: skills and qualities three or more and half of them, a verb at most one in three) " +
			"is reported duty by duty; a block of requirements pasted into a Responsibilities list (a run of three skills or " +
			"qualities or more, the other items a Responsibilities list on their own: actions three or more and two of three) " +
			"is reported requirement by requirement.\n\n" +
			"A Responsibilities list written as a Requirements list is (three skills or qualities or more, half its items or more, " +
			"and no verb), at a level that has Requirements too, holds the level's requirements under the wrong heading: each " +
			"of its skills and qualities is reported.\n\n" +
			"A noun phrase names a skill when its third word is one, after two nouns (\"SA level expertise with ...\", \"Matrix " +
			"management capabilities to ...\"), not after a verb and its object or a preposition (\"Expand knowledge of\", " +
			"\"Showcase the capabilities of\", \"With comprehensive knowledge of ..., educate\").\n\n" +
			"A list whose items are mixed throughout is not judged, nor a level's Expectations (what it is expected to show: " +
			"duties and qualities alike), nor the list of a level that has only one of the two " +
			"(Responsibilities and no Requirements of its own, or Requirements and no Responsibilities: it levels the role as a " +
			"whole, and there is no list of the level to move an item to; a list of the other kind right after the level, under " +
			"a heading a step too shallow, is the level's), nor a nested item, an item that leads in to a " +
			"nested list (ending in a colon), a skill that goes on to a duty in the third person (\"Has a deep understanding of " +
			"the customer and develops plans ...\": mixed, not misplaced), or one that says what a level takes over from another (\"Extends " +
			"...\"). Verbs that read as requirements as well (\"Demonstrate\", \"Share our values\", \"Use " +
			"GitLab\", \"Communicate ...\") are never reported in requirements. Off in the generic profile: in " +
			"open-source governance ladders \"Ability to vote\" is a privilege of the level, not a requirement.",
		Bad: "---\ntitle: Quality Engineering Manager\n---\n\n## Quality Engineering Manager\n\n" +
			"### Responsibilities\n\n- Draft the team's quarterly OKRs.\n- Drive improvements to the test framework.\n" +
			"- Hire engineers and grow the team.\n- Excellent written and verbal communication skills.\n\n" +
			"### Requirements\n\n- Experience with Ruby.\n- Ability to use GitLab.\n- Experience with CI systems.\n",
		Good: "---\ntitle: Quality Engineering Manager\n---\n\n## Quality Engineering Manager\n\n" +
			"### Responsibilities\n\n- Draft the team's quarterly OKRs.\n- Drive improvements to the test framework.\n" +
			"- Hire engineers and grow the team.\n- Give clear, timely and actionable feedback.\n\n" +
			"### Requirements\n\n- Experience with Ruby.\n- Ability to use GitLab.\n" +
			"- Excellent written and verbal communication skills.\n",
	},
	Check: checkMisplacedItem,
}

func init() { lint.Register(misplacedItemRule) }

// itemShape is the grammatical shape of a list item.
type itemShape int

const (
	shapeOther   itemShape = iota
	shapeAction            // opens with a verb: what the role does
	shapeQuality           // a skill or quality: what the person brings
)

// misplacedActionVerbs are verbs, in their base form, that open a
// responsibility: an item of a Requirements list that starts with one
// (imperative) reads as an action.
var misplacedActionVerbs = map[string]bool{}

// misplacedWeakVerbs open items of either list: "Demonstrate longevity",
// "Share our values", "Use GitLab", "Communicate clearly". They count as
// verbs for a Responsibilities list's shape, and are never reported.
var misplacedWeakVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`administer advise advocate analyze architect assist audit automate build champion
		coach configure conduct coordinate create define deliver deploy design develop document draft drive establish
		evaluate execute facilitate forecast hire identify implement integrate investigate lead maintain manage
		mentor migrate monitor negotiate organize oversee own participate partner perform plan prepare present
		prioritize recommend reconcile recruit represent research resolve review run schedule set
		test track train triage troubleshoot write verify educate solve ship fix teach spearhead launch
		operate instill foster cultivate announce collect craft gather generate introduce assess shepherd author
		align update compile initiate guide curate sell operationalize instrument onboard evangelize
		expose quantify advance`) {
		misplacedActionVerbs[w] = true
	}
	for _, w := range strings.Fields(`act apply attend be bring collaborate communicate contribute demonstrate embrace
		enable engage ensure enjoy exhibit extend give grow handle have help hold improve influence interface know
		learn leverage liaise measure possess process promote provide report respond serve share show speak
		stay support take thrive understand use value work make continue exert follow keep partner increase play
		utilize recognize meet focus explore iterate complete attain scale achieve seek find
		inspire empower interact look`) {
		misplacedWeakVerbs[w] = true
	}
}

// misplacedQualityHeads open an item written as a skill or quality,
// whatever follows.
var misplacedQualityHeads = []string{"ability to", "able to", "the ability to", "an ability to", "proven ability",
	"proven experience", "proven track", "proven success", "proven record", "demonstrated ability",
	"demonstrated experience", "demonstrated success", "demonstrated track", "track record", "experience",
	"experienced", "proficiency", "proficient in", "proficient with", "knowledge of", "working knowledge",
	"familiarity with", "familiar with", "expertise in", "expertise with", "understanding of", "sense of",
	"passion for", "passionate about", "comfortable with", "comfortable working", "power user", "hands on experience",
	"expert in", "expert with", "expert knowledge", "knowledgeable in", "knowledgeable about", "knowledgeable of",
	"knowledgeable on", "willingness to", "willing to", "must be able", "must be competent", "must have", "must possess",
	"competent in", "effective at", "demonstrable ability", "demonstrable experience", "ability and"}

// misplacedAdjectives open a quality when a skill word follows in the
// item's first clause ("Excellent written and verbal communication
// skills", "Strong sense of ownership").
var misplacedAdjectives = map[string]bool{"excellent": true, "strong": true, "exceptional": true, "outstanding": true,
	"solid": true, "deep": true, "superb": true, "great": true, "effective": true, "good": true}

// misplacedQualifiers open a quality when a skill word follows within two
// words ("Extensive experience", "Significant professional experience",
// "Superior attention to detail"): adjectives that qualify what a person
// brings, not what a role does.
var misplacedQualifiers = map[string]bool{"extensive": true, "significant": true, "professional": true,
	"relevant": true, "advanced": true, "superior": true, "prior": true, "previous": true, "broad": true,
	"thorough": true, "substantial": true, "considerable": true, "practical": true}

// qualityOpening reports the openings of a quality beyond the heads: a
// number of years ("5+ years", "3 years of experience", "minimum of 2
// years'", "at least 3 years"), "Demonstrated" or "Proven" whatever
// follows ("Demonstrated capacity to ...", "Proven leader"), a qualifier
// before a skill word ("Extensive experience"), "Has" or "Possesses" a
// skill ("Has experience leading a team").
func qualityOpening(words []string) bool {
	if len(words) > 2 && (words[0] == "minimum" && words[1] == "of" || words[0] == "at" && words[1] == "least") {
		words = words[2:]
	}
	first := words[0]
	years := func(w string) bool { w = strings.TrimRight(w, "'"); return w == "years" || w == "year" }
	if len(words) > 1 && strings.TrimRight(first, "+") != "" && strings.Trim(first, "0123456789+") == "" &&
		(years(words[1]) || len(words) > 2 && years(words[2])) {
		return true
	}
	if len(words) > 1 && (first == "demonstrated" || first == "proven") {
		return true
	}
	span := 0
	switch {
	case misplacedQualifiers[first]:
		span = 2
	case first == "has" || first == "possesses" || first == "having":
		// "Having knowledge and insight"
		span = 3
	case first == "have":
		// "Have strong capability in", "Have the ability to": an ability
		// (not "Have a firm understanding of ... to drive ...", an
		// imperative of a duty's knowledge)
		for _, w := range words[1:min(len(words), 4)] {
			if w == "ability" || w == "abilities" || w == "capability" || w == "capabilities" {
				return true
			}
		}
	}
	for _, w := range words[1:min(len(words), 1+span)] {
		if misplacedSkillWords[w] {
			return true
		}
	}
	return false
}

// misplacedSkillWords are what a quality names ("skills", "a sense of",
// "experience"); in a Requirements item's first clause they keep an
// opening verb from reading as an action ("Design experience").
var misplacedSkillWords = map[string]bool{"skill": true, "skills": true, "sense": true, "ability": true,
	"abilities": true, "understanding": true, "knowledge": true, "experience": true, "background": true,
	"communicator": true, "record": true, "proficiency": true, "expertise": true, "judgment": true,
	"judgement": true, "familiarity": true, "degree": true, "years": true, "attention": true, "grasp": true,
	"capability": true, "capabilities": true, "competence": true, "competency": true, "competencies": true}

// verbSuffix reports whether a word ends as verbs are made ("exemplify",
// "exercise", "prioritize", "facilitate"): an imperative, not a noun
// phrase's first word.
func verbSuffix(w string) bool {
	for _, x := range []string{"ify", "ize", "ise", "ate"} {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// expectationsSection reports a section named for what a level is expected
// to show ("Expectations", "Performance Expectations"), read as its
// responsibilities but holding qualities as rightly as duties.
func expectationsSection(name string) bool {
	return strings.Contains(strings.ToLower(name), "expectation")
}

// misplacedNotNoun are words that open no noun phrase naming a skill:
// determiners, possessives and prepositions ("the capabilities of", "our
// understanding of", "with comprehensive knowledge of").
var misplacedNotNoun = map[string]bool{"the": true, "a": true, "an": true, "our": true, "their": true, "your": true,
	"its": true, "his": true, "her": true, "this": true, "that": true, "these": true, "those": true, "with": true,
	"by": true, "through": true, "using": true, "in": true, "on": true, "for": true, "from": true, "of": true,
	"to": true, "and": true, "or": true}

// misplacedSkillObject are the words after a skill that say what it is
// of: "expertise with", "capabilities to".
var misplacedSkillObject = map[string]bool{"with": true, "in": true, "of": true, "to": true, "for": true}

// misplacedWords returns the lower-case words of an item's first clause
// (up to a period, semicolon, colon or dash between words).
func misplacedWords(text string) []string { return appendMisplacedWords(nil, text) }

// appendMisplacedWords appends misplacedWords(text) to dst. An ASCII clause
// (nearly every item) is lowered once and cut at its bytes, the words
// slices of it: no slice of words is made when dst has room, where
// strings.FieldsFunc made one and asked unicode of every rune.
func appendMisplacedWords(dst []string, text string) []string {
	text = strings.TrimSpace(text)
	if i := strings.IndexAny(text, ".;:"); i >= 0 {
		text = text[:i]
	}
	if i := strings.Index(text, " - "); i >= 0 {
		text = text[:i]
	}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			// lowering may change a word's length or make a mark
			// that splits it ("İ"): the runes' own test
			return append(dst, strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '\''
			})...)
		}
	}
	text = strings.ToLower(text)
	start := -1 // the word's first byte, or -1 between words
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '\'' {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst, start = append(dst, text[start:i]), -1
		}
	}
	if start >= 0 {
		dst = append(dst, text[start:])
	}
	return dst
}

// qualityHeadsByFirst is misplacedQualityHeads in words, by first word.
var qualityHeadsByFirst = func() map[string][][]string {
	m := map[string][][]string{}
	for _, h := range misplacedQualityHeads {
		ws := strings.Split(h, " ")
		m[ws[0]] = append(m[ws[0]], ws)
	}
	return m
}()

// opensWithQualityHead reports whether words open with one of
// misplacedQualityHeads, whole words: the heads opened by the first word,
// each compared word by word (the words hold no space, the heads one
// between their words, so this is the heads as prefixes of the words
// joined by spaces, up to a space or the end).
func opensWithQualityHead(words []string) bool {
	if len(words) == 0 {
		return false
	}
next:
	for _, h := range qualityHeadsByFirst[words[0]] {
		if len(h) > len(words) {
			continue
		}
		for i := 1; i < len(h); i++ {
			if words[i] != h[i] {
				continue next
			}
		}
		return true
	}
	return false
}

// shapeOf returns an item's shape and, for an action, whether its verb
// is a strong one (reportable in requirements).
func shapeOf(text string) (itemShape, bool) {
	var buf [32]string // the words of most items, without a slice made
	words := appendMisplacedWords(buf[:0], text)
	if len(words) == 0 {
		return shapeOther, false
	}
	if opensWithQualityHead(words) {
		return shapeQuality, false
	}
	// "Proactively identify", "Very comfortable with"
	for len(words) > 1 && (words[0] == "very" || misplacedAdverb(words[0])) {
		words = words[1:]
	}
	if opensWithQualityHead(words) {
		return shapeQuality, false
	}
	// "A track record of ...", "A minimum of 2 years' experience": an
	// article before a quality
	if len(words) > 1 && (words[0] == "a" || words[0] == "an") {
		words = words[1:]
		if opensWithQualityHead(words) {
			return shapeQuality, false
		}
	}
	if qualityOpening(words) {
		return shapeQuality, false
	}
	// "Responsible for the close", "Accountable for ...": a duty, said
	// without a verb of its own
	if len(words) > 1 && (words[0] == "responsible" || words[0] == "accountable") && words[1] == "for" {
		return shapeAction, false
	}
	first := words[0]
	if misplacedAdjectives[first] {
		for _, w := range words[1:min(len(words), 8)] {
			if misplacedSkillWords[w] {
				return shapeQuality, false
			}
		}
	}
	base := first
	third := false
	if !misplacedActionVerbs[base] && !misplacedWeakVerbs[base] && thirdPerson(first) {
		for _, b := range []string{strings.TrimSuffix(first, "s"), strings.TrimSuffix(first, "es")} {
			if misplacedActionVerbs[b] || misplacedWeakVerbs[b] {
				base, third = b, true
				break
			}
		}
	}
	if !misplacedActionVerbs[base] && !misplacedWeakVerbs[base] && len(first) > 5 && strings.HasSuffix(first, "ing") {
		// "Managing all sponsorship requests", "Making sure ..."
		stem := strings.TrimSuffix(first, "ing")
		for _, b := range []string{stem, stem + "e", stem[:len(stem)-1]} {
			if misplacedActionVerbs[b] || misplacedWeakVerbs[b] {
				base, third = b, true
				break
			}
		}
	}
	if misplacedActionVerbs[base] || misplacedWeakVerbs[base] {
		strong := misplacedActionVerbs[base] && !third
		for _, w := range words[1:] {
			// "Design experience", "Prioritize effectively", "Create strong working relationships":
			// a skill, a manner or a quality named reads as a requirement too
			// "Plan and operate in a transparent manner": a manner said in
			// a phrase, as an adverb says it
			if misplacedSkillWords[w] || misplacedAdjectives[w] || misplacedAdverb(w) || w == "manner" || w == "fashion" {
				strong = false
			}
		}
		// "Lead by example", "Lead and mentor by setting the example", "Act as
		// a role model": how the person leads, a quality, as a manner is
		if byExample(words[1:]) {
			strong = false
		}
		// "Drive the utilization of the GitLab product for ...": the
		// family's "Ability to use GitLab" reworded, a requirement of
		// every role, not a duty to move
		if usesGitLab(words[1:]) {
			strong = false
		}
		return shapeAction, strong
	}
	// "SA level expertise with GitLab", "Matrix management capabilities to
	// communicate ...": a noun phrase whose third word is a skill, followed
	// by what it is of; the two words before it nouns, not a verb and its
	// object ("Showcase the capabilities of", "Refine our understanding
	// of", "Elevates the event experience for") nor a preposition's
	// ("With comprehensive knowledge of ..., educate"): a skill word second
	// ("Expand knowledge of") follows a verb as often as a noun
	if len(words) > 3 && !verbSuffix(first) && !thirdPerson(first) && !misplacedNotNoun[first] && !misplacedNotNoun[words[1]] &&
		misplacedSkillWords[words[2]] && words[2] != "years" && words[2] != "degree" && misplacedSkillObject[words[3]] {
		return shapeQuality, false
	}
	// "Leadership and mentoring skills": a short noun phrase naming skills
	if n := len(words); n <= 8 && (words[n-1] == "skills" || words[n-1] == "skill") {
		return shapeQuality, false
	}
	return shapeOther, false
}

func checkMisplacedItem(p *lint.Pass) {
	f := p.File
	for _, items := range listRuns(f) {
		if len(items) == 0 || items[0].Block == nil || items[0].Block.Section == nil {
			continue
		}
		sec := items[0].Block.Section
		if sec.Kind != model.SecResponsibilities && sec.Kind != model.SecRequirements {
			continue
		}
		if sec.Kind == model.SecResponsibilities && expectationsSection(sec.Name) {
			// "Expectations": what a level is expected to show, its
			// duties and the qualities it is judged by alike ("Effective
			// at leading through frontline managers")
			continue
		}
		type item struct {
			b      *model.Bullet
			shape  itemShape
			strong bool
		}
		var top []item
		for i, b := range items {
			if b.Depth > 0 || b.Block == nil || b.Block.Section != sec {
				continue
			}
			text := strings.TrimSpace(b.Text)
			leadIn := strings.HasSuffix(text, ":") || i+1 < len(items) && items[i+1].Depth > b.Depth
			if leadIn || misplacedExtension(text) {
				continue // neither shape, and no item of the list's
			}
			s, strong := shapeOf(text)
			top = append(top, item{b, s, strong})
		}
		// counts gives the actions and qualities among the items outside
		// [from, to)
		counts := func(from, to int) (actions, qualities int) {
			for i, it := range top {
				if i >= from && i < to {
					continue
				}
				switch it.shape {
				case shapeAction:
					actions++
				case shapeQuality:
					qualities++
					if sec.Kind == model.SecResponsibilities && hasLowerPrefixASCII(strings.TrimSpace(it.b.Text), "have ") {
						// "Have strong capability in ...": a skill, written
						// as the list's duties are, with a verb
						actions++
					}
				}
			}
			return actions, qualities
		}
		actions, qualities := counts(0, 0)
		n := len(top)
		// the list's own shape, and the shape (and whether it must be strong) of the items reported in it
		var want itemShape
		var strongOnly bool
		var reads, listIs, move string
		count := 0
		switch sec.Kind {
		case model.SecResponsibilities:
			if swappedList(qualities, actions, n) && !noListToMoveTo(f, sec, model.SecRequirements) {
				// the level's requirements under its Responsibilities heading
				want, count = shapeQuality, qualities
				reads = "a requirement (a skill or quality), as %d of the %d items of this Responsibilities list do"
				listIs, move = "responsibilities:", "are these the level's requirements under the wrong heading? Move them to the Requirements, or say what the role does"
				break
			}
			if qualities == 0 || noListToMoveTo(f, sec, model.SecRequirements) {
				continue
			}
			// actions at least three and two of three of the items
			if responsibilitiesShape(actions, n) {
				want, count = shapeQuality, actions
				reads = "a requirement (a skill or quality, as requirements are written) in a Responsibilities list whose items are actions (%d of %d start with a verb)"
				listIs, move = "responsibilities:", "move it to the Requirements, or say what the role does"
				break
			}
			// a block of requirements pasted into the list: a run of three
			// skills or qualities or more, the list's other items a
			// Responsibilities list on their own; only the run is reported
			from, to := pastedRun(len(top), func(i int) bool { return top[i].shape == shapeQuality })
			if to-from < 3 {
				continue
			}
			a, _ := counts(from, to)
			if !responsibilitiesShape(a, n-(to-from)) {
				continue
			}
			top = top[from:to]
			want, count, n = shapeQuality, a, n-(to-from)
			reads = "a requirement (a skill or quality, as requirements are written) in a run of requirements pasted into a Responsibilities list whose other items are actions (%d of %d start with a verb)"
			listIs, move = "responsibilities:", "move it to the Requirements, or say what the role does"
		case model.SecRequirements:
			if noListToMoveTo(f, sec, model.SecResponsibilities) {
				continue
			}
			// skills and qualities at least three and half of the items, verbs at most one in three
			if requirementsShape(qualities, actions, n) {
				want, strongOnly, count = shapeAction, true, qualities
				reads = "a responsibility (an action, as responsibilities are written) in a Requirements list whose items are skills and qualities (%d of %d)"
				listIs, move = "requirements:", "move it to the Responsibilities, or say what the person brings"
				break
			}
			// a block of duties pasted into the list: a run of three strong
			// actions or more, the list's other items a Requirements list
			// on their own; only the run is reported
			from, to := pastedRun(len(top), func(i int) bool { return top[i].shape == shapeAction && top[i].strong })
			if to-from < 3 {
				continue
			}
			a, q := counts(from, to)
			if !requirementsShape(q, a, n-(to-from)) {
				continue
			}
			top = top[from:to]
			want, strongOnly, count, n = shapeAction, true, q, n-(to-from)
			reads = "a responsibility (an action, as responsibilities are written) in a run of duties pasted into a Requirements list whose other items are skills and qualities (%d of %d)"
			listIs, move = "requirements:", "move it to the Responsibilities, or say what the person brings"
		default:
			continue
		}
		for _, it := range top {
			if it.shape != want || strongOnly && !it.strong {
				continue
			}
			if want == shapeQuality && dutyClause(it.b.Text) {
				continue // a skill and a duty in one item: mixed, not misplaced
			}
			p.Report(lint.Diagnostic{
				Span: it.b.Span,
				Message: fmt.Sprintf("%q reads as "+reads+": "+move,
					clipText(strings.TrimSpace(it.b.Text), 80), count, n),
				Subject: listIs + strings.ToLower(strings.TrimSpace(it.b.Text)),
			})
		}
	}
}

// requirementsShape reports whether a Requirements list's items are
// written as requirements: skills and qualities at least three and half of
// the items, verbs at most one in three.
func requirementsShape(qualities, actions, n int) bool {
	return qualities >= 3 && 2*qualities >= n && 3*actions <= n
}

// responsibilitiesShape reports whether a Responsibilities list's items
// are written as responsibilities: actions at least three and two of three
// of the items.
func responsibilitiesShape(actions, n int) bool {
	return actions >= 3 && 3*actions >= 2*n
}

// pastedRun returns the longest run [from, to) of the n items for which
// in holds (the first such run, if two are as long): a block of the other
// list's items pasted into a list.
func pastedRun(n int, in func(int) bool) (from, to int) {
	for i := 0; i < n; {
		if !in(i) {
			i++
			continue
		}
		j := i
		for j < n && in(j) {
			j++
		}
		if j-i > to-from {
			from, to = i, j
		}
		i = j
	}
	return from, to
}

// misplacedExtension reports whether an item says what a level takes
// over from another ("Extends the Senior responsibilities", "All of the
// requirements of ...", "Meets ...", "Same as ...").
func misplacedExtension(text string) bool {
	// only the heads' length is compared: in ASCII, lowered in place, not
	// the whole item lowered (a copy of every item with a capital)
	for i := 0; i < min(len(text), misplacedExtensionLen); i++ {
		if text[i] >= utf8.RuneSelf {
			l := strings.ToLower(text)
			for _, h := range misplacedExtensionHeads {
				if strings.HasPrefix(l, h) {
					return true
				}
			}
			return false
		}
	}
	for _, h := range misplacedExtensionHeads {
		if hasLowerPrefixASCII(text, h) {
			return true
		}
	}
	return false
}

// misplacedExtensionHeads open an item that says what a level takes over.
var misplacedExtensionHeads = []string{"extends", "extend the", "all of the", "all the", "all requirements",
	"all responsibilities", "meets", "same as", "plus", "in addition", "everything", "includes"}

// misplacedExtensionLen is the length of the longest of
// misplacedExtensionHeads.
var misplacedExtensionLen = func() int {
	n := 0
	for _, h := range misplacedExtensionHeads {
		n = max(n, len(h))
	}
	return n
}()

// hasLowerPrefixASCII reports whether s, its ASCII capitals lowered, opens
// with the lower-case h.
func hasLowerPrefixASCII(s, h string) bool {
	if len(s) < len(h) {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != h[i] {
			return false
		}
	}
	return true
}

// misplacedAdverb reports whether a lower-case word reads as an adverb of
// manner ("effectively", "proactively"), not a verb ending in "ly"
// ("apply", "supply").
func misplacedAdverb(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ly") && !misplacedActionVerbs[w] && !misplacedWeakVerbs[w] && w != "supply"
}

// noListToMoveTo reports whether the role of a list has no list of the
// other kind of its own: a Staff level with Responsibilities and no
// Requirements, a Senior level with Requirements and no Responsibilities.
// Such a level's one list levels the role as a whole, duties and qualities
// alike (a database reliability engineer's "Leveling" section of Job Grade
// and Responsibilities only, which holds "Deep knowledge of 2 of the areas
// of expertise" beside the duties), and "move it to the Requirements" has
// no list of the level to go to: blind judges took such findings as
// debatable, in either direction, one stray item as well as several. A
// specialty's one list (an Anti-Abuse specialty's Responsibilities, adding
// to its level's) and a list outside any role (the family's own) are
// judged: a specialty's skills belong in Requirements of its own, and blind
// judges took its stray "Ability to ..." as misplaced.
//
// A family-level list of the other kind right after the level, before any
// other role ("## Requirements" under a "### Director" level's
// "#### Responsibilities": a heading a step too shallow) is the level's.
func noListToMoveTo(f *model.Family, sec *model.Section, other model.SectionKind) bool {
	r := sec.Role
	if r == nil || r.Kind != model.KindLevel || r.Section(other) != nil {
		return false
	}
	for _, s := range f.Sections {
		if s.Span.Start < r.Span.End {
			continue
		}
		for _, o := range f.Roles {
			if o.Span.Start >= r.Span.End && o.Span.Start < s.Span.Start {
				return true // another role first
			}
		}
		return s.Kind != other
	}
	return true
}

// byExample reports whether an action's words name the manner of a
// leader: "by example", "the example" or "an example" set, "role model".
func byExample(words []string) bool {
	for i := 1; i < len(words); i++ {
		switch {
		case words[i] == "example" && (words[i-1] == "by" || words[i-1] == "the" || words[i-1] == "an"):
			return true
		case words[i] == "model" && words[i-1] == "role":
			return true
		}
	}
	return false
}

// misplacedClauseStops are words that cannot follow a verb opening a
// duty clause ("and develops plans"), and can follow a plural noun ("tools
// and processes for release", "budgets and plans in ...").
var misplacedClauseStops = map[string]bool{"of": true, "for": true, "in": true, "to": true, "with": true,
	"that": true, "and": true, "or": true, "on": true, "at": true, "as": true, "from": true, "by": true,
	"across": true, "within": true, "is": true, "are": true, "which": true}

// dutyClause reports whether an item written as a skill or quality goes
// on, in its first clause, to a duty of the person in the third person:
// "Has a deep understanding of the customer's business and develops plans
// to ...". Such an item is a requirement and a responsibility in one, a
// mixed item, not one to move: the verb after "and" is a verb of either
// list in the third person ("develops", "manages"), with a word after it
// that is no preposition (not "tools and processes for ...").
func dutyClause(text string) bool {
	words := misplacedWords(text)
	for i := 1; i+2 < len(words); i++ {
		if words[i] != "and" || !thirdPerson(words[i+1]) || misplacedClauseStops[words[i+2]] {
			continue
		}
		v := words[i+1]
		for _, b := range []string{strings.TrimSuffix(v, "s"), strings.TrimSuffix(v, "es")} {
			if misplacedActionVerbs[b] || misplacedWeakVerbs[b] {
				return true
			}
		}
	}
	return false
}

// swappedList reports whether a Responsibilities list is written as a
// Requirements list is: three skills or qualities or more, half its items
// or more, and no verb. The level's requirements were written under the
// wrong heading (a Staff level's "Responsibilities" of "10+ years ...",
// "Ability to ...", "Excellent communicator ...").
func swappedList(qualities, actions, n int) bool {
	return qualities >= 3 && 2*qualities >= n && actions == 0
}

// usesGitLab reports whether an action's words are about using GitLab:
// "use", "usage", "utilization" or "utilize" with "GitLab" within the
// next three words.
func usesGitLab(words []string) bool {
	for i, w := range words {
		switch w {
		case "use", "usage", "utilization", "utilisation", "utilize", "utilise", "using":
			for _, x := range words[i+1 : min(len(words), i+4)] {
				if x == "gitlab" || x == "gitlab's" {
					return true
				}
			}
		}
	}
	return false
}
