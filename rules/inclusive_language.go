package rules

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

// genderCodedYAML is the shipped list of gender-coded stems, with its
// attribution (Gaucher, Friesen & Kay 2011, as compiled by gender-decoder).
//
//go:embed wordlists/gender-coded.yml
var genderCodedYAML []byte

type genderCodedList struct {
	Exceptions []string `yaml:"exceptions"`
	Feminine   []string `yaml:"feminine"`
	Masculine  []string `yaml:"masculine"`
}

// genderCoded is the parsed shipped list; a broken embedded file is a
// programming error caught by every test.
var genderCoded = func() genderCodedList {
	var l genderCodedList
	if err := yaml.Unmarshal(genderCodedYAML, &l); err != nil {
		panic("rules: wordlists/gender-coded.yml: " + err.Error())
	}
	return l
}()

// inclusiveReplace is a word better replaced, with what to write instead.
type inclusiveReplace struct {
	Word    string   `yaml:"word"`    // a word or phrase; '*' ends a stem
	Suggest string   `yaml:"suggest"` // shown in the message
	Except  []string `yaml:"except"`  // phrases holding the word that are fine ("scrum master")
	Git     bool     `yaml:"git"`     // not reported where it names a git branch ("merged into master")
	Verb    bool     `yaml:"verb"`    // not reported where it is a verb ("master the tools", "Discover, Master, Influence")
}

type inclusiveLanguageOptions struct {
	Pronouns        []string           `yaml:"pronouns"`
	PersonLinks     []string           `yaml:"person_links"`
	Replace         []inclusiveReplace `yaml:"replace"`
	GitContext      []string           `yaml:"git_context"`
	GitBefore       []string           `yaml:"git_before"`
	Masculine       []string           `yaml:"masculine_coded"`
	Feminine        []string           `yaml:"feminine_coded"`
	CodedExceptions []string           `yaml:"coded_exceptions"`
	CodedHeadings   bool               `yaml:"coded_headings"`
	Fixed           []string           `yaml:"fixed_coded"`
	Growth          []string           `yaml:"growth_coded"`
	Margin          int                `yaml:"coded_margin"`
	Ratio           float64            `yaml:"coded_ratio"`
	Traits          []string           `yaml:"traits"`
}

// defaultCodedTraits are masculine-coded adjectives that describe the kind
// of person wanted, not the work: "Ambitious, efficient and stable", "a
// driven and inspiring leader".
var defaultCodedTraits = []string{"ambitious", "driven", "aggressive", "assertive", "dominant", "fearless", "headstrong",
	"forceful", "competitive"}

// codedPersonNouns are the persons a trait adjective may qualify ("a driven
// leader").
var codedPersonNouns = map[string]bool{"leader": true, "leaders": true, "lead": true, "person": true, "people": true, "individual": true,
	"individuals": true, "professional": true, "professionals": true, "self-starter": true, "player": true, "manager": true,
	"managers": true, "candidate": true, "candidates": true, "engineer": true, "engineers": true, "executive": true,
	"executives": true, "operator": true, "personality": true, "team": true}

// codedFalseFriends are words a coded stem starts that do not carry its
// sense, added to the shipped exceptions: "confidential" is not
// "confident", a "competency" not "competitive", "objectives" (goals) not
// "objective" (impartial), "principles" not "principled", a "committee" not
// "commit", a "shareholder" not "share".
var codedFalseFriends = []string{"confidential", "confidentiality", "confidentially", "competence", "competency",
	"competencies", "competent", "objectives", "principle", "principles", "committee", "committees",
	"shareholder", "shareholders"}

// codedRoleVocabulary are words a masculine-coded stem starts that a job
// family uses for what the job is, not for the kind of person wanted:
// deciding is the work of a lead, an "individual contributor" is a job
// category, analysis, logic and competitors are the domain's
// ("competitive analysis", "application logic", "market forces", "battle
// cards"). Counting them makes every leadership or analyst page
// masculine-coded; the traits ("ambitious", "dominant", "fearless",
// "assertive", "driven") are what remain.
var codedRoleVocabulary = []string{
	"individual", "individuals", "individually",
	"decide", "decides", "decided", "deciding", "decision", "decisions",
	"analysis", "analyses", "analyze", "analyzes", "analyzed", "analyzing", "analyse", "analyses", "analysed",
	"analysing", "analytic", "analytics", "analytical", "analytically", "analyst", "analysts",
	"logic", "logical", "logically", "logics",
	"compete", "competes", "competing", "competition", "competitions", "competitive", "competitively",
	"competitiveness", "competitor", "competitors",
	"challenge", "challenges", "challenging", "challenged",
	"active", "actively", "proactive", "proactively", "pro-active", "pro-actively",
	"force", "forces", "workforce", "battlecard", "battlecards", "battle", "battles",
	"determine", "determines", "determined", "determining", "hierarchy", "hierarchies", "hierarchical",
	"intellectual", "opinion", "opinions", "objective", "defend", "defends", "defending",
	"data-driven", "results-driven", "product-driven", "customer-driven", "metrics-driven", "process-driven",
}

func defaultInclusiveLanguageOptions() *inclusiveLanguageOptions {
	return &inclusiveLanguageOptions{
		Pronouns:    []string{"he", "she", "his", "her", "him", "hers", "himself", "herself"},
		PersonLinks: []string{"/company/team/"},
		Replace: []inclusiveReplace{
			{Word: "ninja", Suggest: "expert"},
			{Word: "ninjas", Suggest: "experts"},
			{Word: "rockstar", Suggest: "expert, standout"},
			{Word: "rockstars", Suggest: "experts, standouts"},
			{Word: "rock star", Suggest: "expert, standout"},
			{Word: "rock stars", Suggest: "experts, standouts"},
			{Word: "guru", Suggest: "expert"},
			{Word: "gurus", Suggest: "experts"},
			{Word: "jedi", Suggest: "expert"},
			{Word: "superstar", Suggest: "high performer"},
			{Word: "superstars", Suggest: "high performers"},
			{Word: "manpower", Suggest: "workforce, staffing"},
			{Word: "man-hour*", Suggest: "person-hours, work hours"},
			{Word: "man hour*", Suggest: "person-hours, work hours"},
			{Word: "manned", Suggest: "staffed"},
			{Word: "chairman", Suggest: "chair, chairperson"},
			{Word: "salesman", Suggest: "salesperson, sales representative"},
			{Word: "salesmen", Suggest: "salespeople, sales representatives"},
			{Word: "guys", Suggest: "everyone, folks, team"},
			{Word: "whitelist*", Suggest: "allowlist"},
			{Word: "blacklist*", Suggest: "denylist, blocklist"},
			{Word: "master", Suggest: "main, primary, expert", Except: []string{"scrum master*", "master of", "master data"}, Git: true, Verb: true},
			{Word: "slave*", Suggest: "replica, secondary"},
			{Word: "sanity check*", Suggest: "quick check, confidence check"},
			{Word: "grandfather*", Suggest: "legacy, exempt"},
			{Word: "dummy", Suggest: "placeholder, sample"},
			{Word: "native speaker*", Suggest: "fluent speaker"},
			{Word: "native english", Suggest: "fluent English"},
			{Word: "digital native*", Suggest: "comfortable with digital tools"},
		},
		GitContext:      []string{"branch*", "pipeline*", "build*", "commit*", "merge*", "rebase*", "test*", "deploy*", "ci", "job*", "repo*", "mr", "mrs"},
		GitBefore:       []string{"in", "into", "to", "on", "from", "off", "against", "onto"},
		Margin:          2,
		Ratio:           1.5,
		Traits:          append([]string(nil), defaultCodedTraits...),
		Masculine:       append([]string(nil), genderCoded.Masculine...),
		Feminine:        append([]string(nil), genderCoded.Feminine...),
		CodedExceptions: append(append(append([]string(nil), genderCoded.Exceptions...), codedFalseFriends...), codedRoleVocabulary...),
	}
}

var inclusiveLanguageRule = &lint.Rule{
	ID:       "inclusive-language",
	Title:    "gendered pronouns, gender-coded wording and words better replaced",
	Category: lint.Policy,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "The handbook's job-family policy asks for inclusive language, and its earlier CI job failed a page for " +
			"gendered pronouns, masculine-coded wording and misused words. The rule reports:\n\n" +
			"- **Gendered pronouns** (`pronouns`) at the word, with a neutral form to use (\"he/she\" and \"him or " +
			"her\" are one finding); one that stands for a name in mixed case right before it (\"PostgreSQL and his ecosystem\") is a " +
			"product's or system's, and \"its\" is the form to use. A pronoun in a paragraph that links to a team member's profile (`person_links`, " +
			"a link to that page with a #fragment) refers to that person and is not reported; so is one after a handle that names one person " +
			"in its sentence or the one before (\"@cart ... open to changing his mind\", or a link to a profile on github.com or gitlab.com).\n" +
			"- **Gender-coded wording**, once per page, at its title: when words starting with a masculine-coded stem " +
			"outnumber those starting with a feminine-coded one by `coded_margin` or more (one word to none is no imbalance) and `coded_ratio` times or more (\"9 to 7\" is a page's vocabulary, not its tone). " +
			"Words that name the family's subject, the words of its title and its roles' titles (\"analyst\" in an " +
			"analyst family; \"lead\", \"leader\" and \"leadership\" in a family with a manager, director, head, lead or " +
			"executive role), are not counted, nor is the text of its Hiring Process and Performance Indicators sections (how " +
			"candidates are interviewed and the team measured, not whom it wants), nor are link texts (names of pages: " +
			"\"Leadership at GitLab\") and the nouns of roles and groups (\"engagement leads\", \"company leadership\", \"the " +
			"leadership team\", \"leadership recruiting\"), nor is the everyday vocabulary of a " +
			"job description that a stem starts (deciding, \"individual contributor\", analysis, competitors, " +
			"challenges, \"data-driven\": `coded_exceptions`), which names the work and not the kind of person wanted. The stems are those of Gaucher, Friesen & Kay (2011) as " +
			"compiled by the gender-decoder project (shipped in `rules/wordlists/gender-coded.yml` with their " +
			"attribution); a hyphenated word counts when one of its parts starts with a stem (\"self-confident\", not \"decision-maker\") or a stem spans its hyphen (\"co-operative\"). " +
			"The message lists the masculine-coded words with their lines. Headings are not counted unless " +
			"`coded_headings` is set: they are mostly role titles and the template's section names (\"Responsibilities\").\n" +
			"- **Masculine-coded traits** (`traits`: ambitious, driven, aggressive, assertive, dominant, fearless, ...) at the word, where " +
			"they describe the person wanted: opening a bullet or clause, among other adjectives or before a person, and followed by a " +
			"comma, \"and\", \"or\", the clause's end or a person (\"Ambitious, efficient and stable\", \"a driven and inspiring " +
			"leader\"); not an adjective of a thing (\"an ambitious vision\", \"a competitive salary\"), a compound (\"data-driven\"), " +
			"a verb (\"Successfully driven\") or the Hiring Process and Performance Indicators.\n" +
			"- **Words better replaced** (`replace`): \"ninja\", \"rockstar\", \"guru\", \"whitelist\", \"master\", ... with " +
			"suggestions. An entry's `except` phrases are fine (\"scrum master\"); an entry with `git: true` is not " +
			"reported where it names a git branch: before a word of `git_context` (\"master pipelines\"), after a " +
			"word of `git_before` (\"merged into master\"), or as the text of a link whose target holds it; an entry with " +
			"`verb: true` is not reported where it is a verb: before a determiner or a possessive that opens its object " +
			"(\"Master the tools\"), after a modal (\"you will master\"), or in a series of three words or more whose " +
			"other items are each a verb (\"Discover, Master, Influence\", a motto; \"master, slave\" is no such series). No word is " +
			"reported inside a level's own title of two words or more, in its heading or in prose (\"Master Craftsman\", " +
			"a guild's rung: the organisation's name for the level). Code and " +
			"link targets are never read.\n" +
			"- **Fixed-mindset wording**: the policy also fails pages whose fixed-coded words outnumber growth-coded ones, " +
			"but it names only one such word (\"established\") and no list with a known source exists to ship; the check " +
			"runs, the same way as the gender-coded one, once `fixed_coded` and `growth_coded` stems are configured.\n\n" +
			"All matching is on whole words (or stems), case-insensitive: \"shepherd\" is not \"he\", \"mastery\" and " +
			"\"master's degree\" are not \"master\".",
		Bad: "---\ntitle: Support Engineer\n---\n\n## Support Engineer\n\n" +
			"The Support Engineer helps customers; he is a GitLab guru.\n\n" +
			"### Requirements\n\n- Ability to use GitLab\n",
		Good: "---\ntitle: Support Engineer\n---\n\n## Support Engineer\n\n" +
			"The Support Engineer helps customers; they are GitLab experts and merge fixes into master.\n\n" +
			"### Requirements\n\n- Ability to use GitLab\n",
		Options: []lint.OptionDoc{
			{Name: "pronouns", Default: "[he, she, his, her, him, hers, himself, herself]", Text: "Gendered pronouns reported; an empty list turns the check off."},
			{Name: "person_links", Default: "[/company/team/]",
				Text: "Pages of team members' profiles: a pronoun in a paragraph linking to one of them with a #fragment refers to that person."},
			{Name: "replace", Default: "[{word: ninja, suggest: expert}, ..., {word: master, suggest: \"main, primary, expert\", except: [scrum master*, master of, master data], git: true, verb: true}, ...]",
				Text: "Words better replaced: `word` (a word or phrase, `*` ends a stem), `suggest`, `except` (phrases holding the word that are fine), `git` (not reported in git contexts), `verb` (not reported where it is a verb). Setting the list replaces the default one."},
			{Name: "git_context", Default: "[branch*, pipeline*, build*, commit*, merge*, rebase*, test*, deploy*, ci, job*, repo*, mr, mrs]",
				Text: "Words that, within the three words after a `git: true` word, make it a branch name."},
			{Name: "git_before", Default: "[in, into, to, on, from, off, against, onto]", Text: "Words that, right before a `git: true` word, make it a branch name."},
			{Name: "masculine_coded", Default: "the masculine stems of rules/wordlists/gender-coded.yml", Text: "Masculine-coded stems; an empty list turns the gender-coded check off."},
			{Name: "feminine_coded", Default: "the feminine stems of rules/wordlists/gender-coded.yml", Text: "Feminine-coded stems."},
			{Name: "coded_exceptions", Default: "[sharepoint, confidential, ..., shareholders, individual, decision, analysis, competitive, challenge, active, ...]",
				Text: "Whole words never counted although a stem starts them: the shipped list's exceptions, words whose sense differs from the stem's, and the everyday vocabulary of a job description (deciding, an individual contributor, analysis, competitors) that names the work, not a trait."},
			{Name: "traits", Default: "[" + strings.Join(defaultCodedTraits, ", ") + "]",
				Text: "Masculine-coded adjectives reported on their own where they describe the person wanted; `[]` turns the check off."},
			{Name: "coded_headings", Default: "false", Text: "Count the words of headings too."},
			{Name: "fixed_coded", Default: "[]", Text: "Fixed-mindset stems (e.g. `established`); with `growth_coded`, a page is reported when its fixed-coded words outnumber its growth-coded ones."},
			{Name: "coded_margin", Default: "2", Text: "How many more words of the first list than of the second make an imbalance (one word to none is none)."},
			{Name: "coded_ratio", Default: "1.5", Text: "How many times as many words of the first list as of the second make an imbalance, besides the margin: \"9 to 7\" is none (0: the margin alone)."},
			{Name: "growth_coded", Default: "[]", Text: "Growth-mindset stems (e.g. `learn`, `develop`, `grow`)."},
		},
	},
	Options:  func() any { return defaultInclusiveLanguageOptions() },
	Validate: validateInclusiveLanguage,
	Check:    checkInclusiveLanguage,
}

func init() { lint.Register(inclusiveLanguageRule) }

func validateInclusiveLanguage(o any) error {
	opts := o.(*inclusiveLanguageOptions)
	if opts.Ratio < 0 {
		return fmt.Errorf("coded_ratio: %v is negative", opts.Ratio)
	}
	if err := policyValidLists(policyList{"pronouns", opts.Pronouns}, policyList{"git_context", opts.GitContext},
		policyList{"git_before", opts.GitBefore}); err != nil {
		return err
	}
	for i, r := range opts.Replace {
		if err := policyValidPhrases(fmt.Sprintf("replace[%d].word", i), []string{r.Word}); err != nil {
			return err
		}
		if err := policyValidPhrases(fmt.Sprintf("replace[%d].except", i), r.Except); err != nil {
			return err
		}
	}
	for _, l := range []policyList{{"masculine_coded", opts.Masculine}, {"feminine_coded", opts.Feminine},
		{"fixed_coded", opts.Fixed}, {"growth_coded", opts.Growth}} {
		for _, s := range l.words {
			if strings.TrimSpace(strings.TrimSuffix(s, "*")) == "" {
				return fmt.Errorf("%s: empty stem", l.name)
			}
		}
	}
	return nil
}

func checkInclusiveLanguage(p *lint.Pass) {
	opts := lint.Options[inclusiveLanguageOptions](p.Options)
	inclusivePronouns(p, opts)
	inclusiveReplaceWords(p, opts)
	inclusiveTraits(p, opts)
	hits := inclusiveCodedHits(p, opts)
	inclusiveCodedBalance(p, opts, opts.Masculine, hits[codedMasculine], hits[codedFeminine], "masculine-coded", "feminine-coded",
		"balance them with wording that welcomes everyone (collaborate, support, understand, ...)")
	inclusiveCodedBalance(p, opts, opts.Fixed, hits[codedFixed], hits[codedGrowth], "fixed-mindset", "growth-mindset",
		"describe skills as things people learn and grow into")
}

var inclusivePronounSuggestions = map[string]string{
	"he": "they", "she": "they", "his": "their", "her": "their or them", "him": "them", "hers": "theirs",
	"himself": "themselves", "herself": "themselves",
}

// inclusivePronouns reports gendered pronouns; pairs such as "he/she", "him or
// her" are one finding.
func inclusivePronouns(p *lint.Pass, opts *inclusiveLanguageOptions) {
	if len(opts.Pronouns) == 0 {
		return
	}
	phrases := sharedPolicySet(p.Env, "inclusive-language/pronouns", opts.Pronouns)
	for _, b := range p.File.Blocks {
		ms := findPolicyPhrases(b, phrases)
		if len(ms) == 0 || inclusiveLinksPerson(b, opts.PersonLinks) {
			continue
		}
		for i := 0; i < len(ms); i++ {
			start, end := ms[i].Start, ms[i].End
			words := []string{policyWord(ms[i].Text())}
			for i+1 < len(ms) && inclusivePronounPair(b.Text[end:ms[i+1].Start]) {
				i++
				end = ms[i].End
				words = append(words, policyWord(ms[i].Text()))
			}
			text := b.Text[start:end]
			// "her" is "their" or "them": in a pair the other word says
			// which; else the last word does ("him/herself": themselves)
			sug := inclusivePronounSuggestions[words[0]]
			for i := len(words) - 1; i >= 0; i-- {
				if words[i] != "her" && inclusivePronounSuggestions[words[i]] != "" {
					sug = inclusivePronounSuggestions[words[i]]
					break
				}
			}
			if inclusivePersonNamedBefore(b, start) {
				// "@cart ... open to changing his mind": one named person's
				continue
			}
			msg := "gendered pronoun " + policyQuote(text)
			if name := inclusiveThingBefore(b, start); name != "" && inclusiveThingPronouns[words[len(words)-1]] != "" {
				// "PostgreSQL and his ecosystem": a product's pronoun
				msg += " stands for " + name + ", a product or system: use \"" + inclusiveThingPronouns[words[len(words)-1]] + "\""
				p.Report(lint.Diagnostic{Span: b.SourceSpan(start, end), Message: msg, Subject: policySubject(text)})
				continue
			}
			if sug != "" {
				msg += ": use \"" + sug + "\" or name the role"
				if thing := inclusiveThingPronouns[words[len(words)-1]]; thing != "" {
					// "PostgreSQL and his ecosystem": the pronoun of a thing
					msg += " (\"" + thing + "\" if it stands for a thing)"
				}
			} else {
				msg += ": use a gender-neutral form or name the role"
			}
			p.Report(lint.Diagnostic{Span: b.SourceSpan(start, end), Message: msg, Subject: policySubject(text)})
		}
	}
}

// inclusiveTraits reports a masculine-coded trait adjective (`traits`)
// that describes the person wanted: one that opens a bullet or a clause,
// or stands among other adjectives, or before a person ("Ambitious,
// efficient and stable", "proactive, driven, collaborative", "a driven and
// inspiring leader"), and that a comma, "and", "or", the clause's end or a
// person follows. An adjective of a thing ("an ambitious vision", "a
// competitive salary"), a compound ("data-driven"), a verb ("Successfully
// driven", "Driven strategic vision") and the Hiring Process and
// Performance Indicators sections are not reported.
func inclusiveTraits(p *lint.Pass, opts *inclusiveLanguageOptions) {
	if len(opts.Traits) == 0 {
		return
	}
	traits := map[string]bool{}
	for _, t := range opts.Traits {
		traits[policyWord(t)] = true
	}
	for _, b := range p.File.Blocks {
		if b.Kind == model.BlockHeading || codedProcessText(b) {
			continue
		}
		tw := prose.OwnWords(b)
		words, lower := tw.Words, tw.Lower
		for i, w := range tw.Lowers() {
			if !traits[w] {
				continue
			}
			// no hyphen joins it to a word ("data-driven", "driven-ness")
			if words[i].Start > 0 && b.Text[words[i].Start-1] == '-' || int(words[i].End) < len(b.Text) && b.Text[words[i].End] == '-' {
				continue
			}
			before := ""
			if i > 0 {
				before = strings.TrimSpace(b.Text[words[i-1].End:words[i].Start])
			}
			opens := i == 0 || before != "" && strings.ContainsAny(before, ",;:") || before == "" && inclusiveTraitLead[lower(i-1)]
			if !opens {
				continue
			}
			follows := i+1 >= len(words)
			if !follows {
				gap := strings.TrimSpace(b.Text[words[i].End:words[i+1].Start])
				next := lower(i + 1)
				follows = gap != "" && strings.ContainsAny(gap, ",;:.!?)") ||
					gap == "" && (next == "and" || next == "or" || codedPersonNouns[next])
			}
			if !follows {
				continue
			}
			text := b.Text[words[i].Start:words[i].End]
			p.Report(lint.Diagnostic{
				Span: b.SourceSpan(int(words[i].Start), int(words[i].End)),
				Message: "masculine-coded trait " + policyQuote(text) + ": it describes the kind of person wanted, which " +
					"the handbook's inclusiveness check flags; describe the work or the behaviour the role needs instead",
				Subject: "trait: " + policySubject(text),
			})
		}
	}
}

// inclusiveTraitLead are words after which a trait adjective describes the
// person: "a driven leader", "is ambitious", "highly competitive".
var inclusiveTraitLead = map[string]bool{"a": true, "an": true, "and": true, "or": true, "is": true, "are": true, "be": true,
	"being": true, "highly": true, "very": true, "inherently": true, "naturally": true, "self-motivated": true}

// inclusiveThingBefore returns the name right before a pronoun at offset
// at, across "and", "or" or "with" in one clause, when it is a product's or
// system's: written in mixed case, a capital inside ("PostgreSQL and his
// ecosystem", "GitLab and her features"), which no person's name or role
// is ("the CEO and his team": capitals alone may be a role); else "".
func inclusiveThingBefore(b *model.Block, at int) string {
	ws := wordsIn(b.Text[:at], false)
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-2; k-- {
		w := ws[k]
		end := at
		if k+1 < len(ws) {
			end = ws[k+1].Start
		}
		if strings.ContainsAny(b.Text[w.End:end], ".,;:!?()"+string(model.CodeMark)) {
			return ""
		}
		switch strings.ToLower(w.Text) {
		case "and", "or", "with":
			continue
		}
		inner, lowerCase := false, false
		for i, r := range w.Text {
			switch {
			case unicode.IsUpper(r):
				inner = inner || i > 0
			case unicode.IsLower(r):
				lowerCase = true
			default:
				return ""
			}
		}
		if inner && lowerCase && !inclusiveNamePrefix(w.Text) {
			return w.Text
		}
		return ""
	}
	return ""
}

// inclusiveNamePrefix reports whether a word in mixed case is a person's
// name of a known shape: a prefix of family names before a capital
// ("McDonald", "DeShawn", "LeBron", "VanDyke").
func inclusiveNamePrefix(w string) bool {
	for _, pre := range []string{"Mc", "Mac", "De", "Le", "La", "Di", "Da", "Van", "Von", "Du", "Fitz"} {
		if rest, ok := strings.CutPrefix(w, pre); ok && rest != "" && unicode.IsUpper(rune(rest[0])) {
			return true
		}
	}
	return false
}

// inclusiveThingPronouns are the pronouns of a thing, for a gendered one
// that stands for a product or system.
var inclusiveThingPronouns = map[string]string{"he": "it", "she": "it", "his": "its", "her": "its", "him": "it",
	"hers": "its", "himself": "itself", "herself": "itself"}

// inclusivePronounPair reports whether the text between two pronouns joins them
// into a pair ("/", " or ", " and ").
func inclusivePronounPair(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "/" || s == "or" || s == "and" || s == "(" || s == ")"
}

// inclusivePersonNamedBefore reports whether one person is named by a
// handle before offset at of b.Text, in the pronoun's sentence or the one
// before it: a mention ("@cart is our project lead. @cart tries to be
// accountable: open to changing his mind") or a link to a profile on a
// code host ("[Jane Doe](https://github.com/jdoe) leads; her ..."). The
// pronoun then refers to that person, as with person_links on a team
// page. A plain name ("Bob DeShawn and his team"), an e-mail address and a
// link to a repository (two path segments or more) are no such naming.
func inclusivePersonNamedBefore(b *model.Block, at int) bool {
	from := inclusiveSentencesBefore(b.Text, at, 2)
	for i := from; i < at; i++ {
		if b.Text[i] == '@' && (i == 0 || !inclusiveAddressByte(b.Text[i-1])) && i+1 < at && isHandleStart(b.Text[i+1]) {
			return true
		}
	}
	for _, l := range b.Links {
		if l.TextIn.End <= at && l.TextIn.Start >= from && inclusiveProfileLink(l.Path) {
			return true
		}
	}
	return false
}

// inclusiveSentencesBefore returns the offset where the n-th sentence
// back from offset at starts: a stop, "!" or "?" before a space ends one.
func inclusiveSentencesBefore(text string, at, n int) int {
	for i := at - 1; i > 0; i-- {
		if text[i] == ' ' && strings.IndexByte(".!?", text[i-1]) >= 0 {
			if n--; n == 0 {
				return i + 1
			}
		}
	}
	return 0
}

// inclusiveAddressByte may stand before the "@" of an e-mail address.
func inclusiveAddressByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
}

// isHandleStart may open a handle after "@".
func isHandleStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// inclusiveProfileLink reports whether path is a person's profile on a
// code host: github.com or gitlab.com and one path segment.
func inclusiveProfileLink(path string) bool {
	for _, host := range []string{"github.com/", "gitlab.com/"} {
		for _, pre := range []string{"https://", "http://", "https://www.", "http://www."} {
			if rest, ok := strings.CutPrefix(path, pre+host); ok {
				rest = strings.TrimSuffix(rest, "/")
				return rest != "" && !strings.Contains(rest, "/")
			}
		}
	}
	return false
}

// inclusiveLinksPerson reports whether b links to a person's profile: a link whose
// path ends in one of the pages and that has a fragment (the person).
func inclusiveLinksPerson(b *model.Block, pages []string) bool {
	for _, l := range b.Links {
		if l.Fragment == "" {
			continue
		}
		for _, pg := range pages {
			if pg != "" && strings.HasSuffix(strings.TrimSuffix(l.Path, "/")+"/", strings.TrimSuffix(pg, "/")+"/") {
				return true
			}
		}
	}
	return false
}

// inclusiveReplaceTables are the replace option's words and exceptions
// indexed, and the git context words, built once per run.
type inclusiveReplaceTables struct {
	words     *prose.PhraseSet
	excepts   []*prose.PhraseSet // per word
	gitAfter  []prose.Phrase
	gitBefore map[string]bool
}

func inclusiveReplaceTablesOf(p *lint.Pass, opts *inclusiveLanguageOptions) *inclusiveReplaceTables {
	lists := [][]string{opts.GitContext, opts.GitBefore}
	for _, r := range opts.Replace {
		lists = append(lists, []string{r.Word, r.Suggest, fmt.Sprint(r.Git)}, r.Except)
	}
	return p.Env.Shared(optionsKey("inclusive-language/replace", lists...), func() any {
		x := &inclusiveReplaceTables{gitAfter: policyPhrases(opts.GitContext), gitBefore: map[string]bool{}}
		words := make([]prose.Phrase, len(opts.Replace))
		for i, r := range opts.Replace {
			words[i] = prose.ParsePhrase(r.Word)
			x.excepts = append(x.excepts, policySet(r.Except))
		}
		x.words = prose.NewPhraseSet(words)
		for _, w := range opts.GitBefore {
			x.gitBefore[policyWord(w)] = true
		}
		return x
	}).(*inclusiveReplaceTables)
}

// inclusiveReplaceWords reports words better replaced.
func inclusiveReplaceWords(p *lint.Pass, opts *inclusiveLanguageOptions) {
	if len(opts.Replace) == 0 {
		return
	}
	x := inclusiveReplaceTablesOf(p, opts)
	for _, b := range p.File.Blocks {
		for _, m := range findPolicyPhrases(b, x.words) {
			r := opts.Replace[m.Phrase]
			if policyCovered(x.excepts[m.Phrase].Find(b), m.Start) {
				continue
			}
			if r.Git && inclusiveGitUse(b, m, x.gitAfter, x.gitBefore) {
				continue
			}
			if r.Verb && inclusiveVerbUse(b.Text, m.Start, m.End) {
				continue
			}
			if inLevelTitle(p, b.Text, m.Start, m.End) {
				continue
			}
			text := m.Text()
			msg := policyQuote(text) + " is better replaced"
			if r.Suggest != "" {
				msg += ": consider " + r.Suggest
			}
			p.Report(lint.Diagnostic{Span: m.Span(), Message: msg, Subject: policySubject(text)})
		}
	}
}

// inLevelTitle reports whether text[start:end] lies inside a level's own
// title written out, in the heading or in prose: "Master Craftsman", a
// rung of Pillar's guild, is the organisation's name for the level, not
// the loaded sense of the word ("the master schedule" stays a finding).
// The titles are the page's roles and its ladders' levels of two words or
// more (a one-word title is the word alone), read only when a word is
// matched.
func inLevelTitle(p *lint.Pass, text string, start, end int) bool {
	covers := func(title string) bool {
		re := levelTitleRE(title)
		if re == nil {
			return false
		}
		for _, m := range re.FindAllStringIndex(text, -1) {
			if m[0] <= start && end <= m[1] {
				return true
			}
		}
		return false
	}
	for _, r := range p.File.Roles {
		if covers(r.Title) {
			return true
		}
	}
	for _, l := range pageLadders(p.Env, p.Config, p.File) {
		for _, v := range l.Levels {
			if covers(v.Title) {
				return true
			}
		}
	}
	return false
}

// levelTitleRE matches a title of two words or more in any case and
// spacing, its last word in the singular or the plural ("Master
// Craftsmen", "Master Engineers"); nil for a title of one word.
func levelTitleRE(title string) *regexp.Regexp {
	ws := strings.Fields(title)
	if len(ws) < 2 {
		return nil
	}
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	last := ws[len(ws)-1]
	if strings.HasSuffix(strings.ToLower(last), "man") {
		last = last[:len(last)-2] + "[ae]n"
	} else {
		last += "(?:s|es)?"
	}
	ws[len(ws)-1] = last
	re, err := regexp.Compile(`(?i)(?:^|\b)` + strings.Join(ws, `\s+`) + `\b`)
	if err != nil {
		return nil
	}
	return re
}

// inclusiveGitUse reports whether a match names a git branch: a git word follows
// within three words ("master pipelines"), a preposition comes right
// before it ("merged into master"), or it is the text of a link whose
// target holds it.
func inclusiveGitUse(b *model.Block, m prose.Match, after []prose.Phrase, before map[string]bool) bool {
	word := strings.ToLower(m.Text())
	for _, l := range b.Links {
		if m.Start >= l.TextIn.Start && m.End <= l.TextIn.End && strings.Contains(strings.ToLower(l.Target), word) {
			return true
		}
	}
	if before[strings.ToLower(policyPrevWord(b.Text, m.Start))] {
		return true
	}
	ws := wordsIn(b.Text[m.End:], true)
	for i, w := range ws {
		if i >= 3 || strings.ContainsAny(b.Text[m.End:m.End+w.Start], ".;:!?") {
			break
		}
		for _, ph := range after {
			if len(ph) == 1 && gitWordMatch(ph[0], policyWord(w.Text)) {
				return true
			}
		}
	}
	return false
}

// inclusiveVerbUse reports whether the word at text[start:end] is a verb,
// not the noun or adjective a word better replaced is ("to master a skill"
// is not the master of a slave or a branch): it takes an object that a
// determiner opens ("Master the tools", "master a new language"), a modal
// comes right before it ("you will master"), or it is an item of a series
// of three words or more, joined by commas, "and", "or" or "&", whose other
// items are each one verb of the job families' ("Discover, Master,
// Influence", a company's motto). "The master copy", "master pipelines" and
// "master, slave" stay nouns.
func inclusiveVerbUse(text string, start, end int) bool {
	if next := strings.ToLower(policyNextWord(text, end)); inclusiveObjectOpeners[next] {
		return true
	}
	if modalVerbs[strings.ToLower(policyPrevWord(text, start))] {
		return true
	}
	ws := wordsIn(text, false)
	at := -1
	for i, w := range ws {
		if w.Start == start {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	// the series' other items: single words, each joined to the one
	// before it by a separator
	joined := func(i, j int) bool { // ws[i] then ws[j], i < j
		gap := strings.TrimSpace(text[ws[i].End:ws[j].Start])
		return gap == "," || gap == "&" || gap == ",&"
	}
	var items []string
	i := at
	for i > 0 {
		j := i - 1
		if c := strings.ToLower(ws[j].Text); (c == "and" || c == "or") && j > 0 && inclusiveSeriesGap(text[ws[j-1].End:ws[j].Start]) && strings.TrimSpace(text[ws[j].End:ws[i].Start]) == "" {
			j--
		} else if !joined(j, i) {
			break
		}
		items = append(items, strings.ToLower(ws[j].Text))
		i = j
	}
	i = at
	for i+1 < len(ws) {
		j := i + 1
		if c := strings.ToLower(ws[j].Text); (c == "and" || c == "or") && j+1 < len(ws) && inclusiveSeriesGap(text[ws[i].End:ws[j].Start]) && strings.TrimSpace(text[ws[j].End:ws[j+1].Start]) == "" {
			j++
		} else if !joined(i, j) {
			break
		}
		items = append(items, strings.ToLower(ws[j].Text))
		i = j
	}
	if len(items) < 2 {
		return false
	}
	for _, w := range items {
		if !inclusiveSeriesVerb(w) {
			return false
		}
	}
	return true
}

// inclusiveSeriesGap is the space, or the comma, before "and" or "or" in
// a series.
func inclusiveSeriesGap(gap string) bool {
	gap = strings.TrimSpace(gap)
	return gap == "" || gap == ","
}

// inclusiveObjectOpeners open the object of a verb: determiners and
// possessives, which no noun takes right after it.
var inclusiveObjectOpeners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "these": true, "those": true,
	"your": true, "our": true, "their": true, "its": true, "his": true, "her": true, "my": true, "each": true, "every": true, "any": true}

// inclusiveSeriesVerb reports whether a word is a verb in its base form:
// one that opens the job families' bullets or items, or one of a few more
// that mottos and values name.
func inclusiveSeriesVerb(w string) bool {
	return driftVerbs[w] || misplacedActionVerbs[w] || misplacedWeakVerbs[w] || inclusiveMottoVerbs[w]
}

// inclusiveMottoVerbs are verbs of mottos and values that no list of the
// job families' bullets holds.
var inclusiveMottoVerbs = map[string]bool{"discover": true, "explore": true, "inspire": true, "innovate": true,
	"imagine": true, "connect": true, "empower": true, "transform": true}

func gitWordMatch(pattern, word string) bool {
	if strings.HasSuffix(pattern, "*") {
		return strings.HasPrefix(word, strings.TrimSuffix(pattern, "*"))
	}
	return pattern == word
}

// codedHit is one coded word on a page.
type codedHit struct {
	word string
	line int
}

// The coded word lists, as bits of a codedIndex mask.
const (
	codedMasculine = iota
	codedFeminine
	codedFixed
	codedGrowth
	codedLists
)

// codedIndex finds the coded lists a word belongs to: the stems (lower
// case, without their '*'), sorted and grouped by first byte, each with the
// lists holding it.
type codedIndex struct {
	except  map[string]bool
	byFirst [256][]codedStem
}

type codedStem struct {
	stem  string
	lists uint8
}

func newCodedIndex(opts *inclusiveLanguageOptions) *codedIndex {
	x := &codedIndex{except: map[string]bool{}}
	for _, w := range opts.CodedExceptions {
		x.except[policyWord(w)] = true
	}
	masks := map[string]uint8{}
	for list, words := range [codedLists][]string{opts.Masculine, opts.Feminine, opts.Fixed, opts.Growth} {
		for _, s := range codedStems(words) {
			masks[s] |= 1 << list
		}
	}
	for s, m := range masks {
		x.byFirst[s[0]] = append(x.byFirst[s[0]], codedStem{s, m})
	}
	for _, stems := range x.byFirst {
		sort.Slice(stems, func(i, j int) bool { return stems[i].stem < stems[j].stem })
	}
	return x
}

// codedIndexOf returns the run's index for the options' lists.
func codedIndexOf(p *lint.Pass, opts *inclusiveLanguageOptions) *codedIndex {
	key := optionsKey("inclusive-language/coded", opts.CodedExceptions, opts.Masculine, opts.Feminine, opts.Fixed, opts.Growth)
	return p.Env.Shared(key, func() any { return newCodedIndex(opts) }).(*codedIndex)
}

// stemsOf returns the stems that start w.
func (x *codedIndex) stemsOf(w string) []string {
	if w == "" {
		return nil
	}
	var out []string
	for _, s := range x.byFirst[w[0]] {
		if s.stem > w {
			break
		}
		if strings.HasPrefix(w, s.stem) {
			out = append(out, s.stem)
		}
	}
	return out
}

// listsSpanning returns the mask of the lists with a stem that starts w
// and is longer than n bytes.
func (x *codedIndex) listsSpanning(w string, n int) uint8 {
	if w == "" {
		return 0
	}
	var mask uint8
	for _, s := range x.byFirst[w[0]] {
		if s.stem > w {
			break
		}
		if len(s.stem) > n && strings.HasPrefix(w, s.stem) {
			mask |= s.lists
		}
	}
	return mask
}

// codedGroupBefore are words that make "leadership" after them a group of
// people ("company leadership", "executive leadership"), not a trait.
var codedGroupBefore = map[string]bool{"company": true, "executive": true, "senior": true, "gitlab": true,
	"department": true, "organizational": true, "business": true, "e-group": true}

// codedRoleNoun reports whether word i names a role or a group, not the
// kind of person wanted: "lead" or "leads" after a noun ("engagement
// leads", "team lead"), "leadership" after a group word or before a noun
// of a group or of the work done for leaders ("company leadership", "the
// leadership team", "leadership recruiting").
func codedRoleNoun(text string, words []prose.Word, lower func(int) string, i int) bool {
	joined := func(a, b int) bool { return text[words[a].End:words[b].Start] == " " }
	switch lower(i) {
	case "lead", "leads":
		if i == 0 || !joined(i-1, i) {
			return false
		}
		prev := lower(i - 1)
		return !prose.IsStopWord(prev) && !strings.HasSuffix(prev, "ly") && prev != "will" && prev != "to" &&
			!strings.HasSuffix(prev, "s") && unicode.IsLetter(rune(prev[0]))
	case "leadership":
		if i > 0 && joined(i-1, i) && codedGroupBefore[lower(i-1)] {
			return true
		}
		return i+1 < len(words) && joined(i, i+1) && codedLeadershipOf[lower(i+1)]
	}
	return false
}

// codedLeadershipOf are nouns that "leadership" before them makes a group
// of people, the team or the audience the work is for ("the leadership
// team", "leadership recruiting", "leadership development programs"), where
// "leadership skills" would be the trait.
var codedLeadershipOf = map[string]bool{"team": true, "teams": true, "group": true, "recruiting": true, "hiring": true,
	"hires": true, "roles": true, "positions": true, "candidates": true, "development": true, "training": true,
	"program": true, "programs": true, "meetings": true, "offsite": true, "offsites": true, "coaching": true}

// codedProcessText reports whether a block is in a section about the
// hiring process or the family's performance indicators: text about how
// candidates are interviewed ("at leadership discretion") or how the team
// is measured, not about the kind of person wanted.
func codedProcessText(b *model.Block) bool {
	sec := b.Section
	return sec != nil && (sec.Kind == model.SecHiringProcess || sec.Kind == model.SecPerformance)
}

// lists returns the mask of the lists with a stem that starts w.
func (x *codedIndex) lists(w string) uint8 {
	if w == "" {
		return 0
	}
	var mask uint8
	for _, s := range x.byFirst[w[0]] {
		if s.stem > w {
			break // a prefix of w sorts before w, and so before s
		}
		if strings.HasPrefix(w, s.stem) {
			mask |= s.lists
		}
	}
	return mask
}

// inclusiveCodedHits returns the page's words of each coded list, with
// their lines: a word counts for a list when it, or one of its hyphenated
// parts, starts with one of the list's stems.
func inclusiveCodedHits(p *lint.Pass, opts *inclusiveLanguageOptions) (hits [codedLists][]codedHit) {
	if len(opts.Masculine) == 0 && len(opts.Fixed) == 0 {
		return hits // nothing to balance
	}
	x := codedIndexOf(p, opts)
	for _, b := range p.File.Blocks {
		if b.Kind == model.BlockHeading && !opts.CodedHeadings || codedProcessText(b) || foreignBlock(b) {
			continue // a block in another language has no English tone
		}
		tw := prose.OwnWords(b)
		words, lower := tw.Words, tw.Lower
		for i, w := range words {
			lw := strings.TrimSuffix(lower(i), "'s") // policyWord(w.Text)
			if inLinkText(b, int(w.Start)) || codedRoleNoun(b.Text, words, lower, i) {
				continue // a page's name ("Leadership at GitLab"), a role or group ("engagement leads")
			}
			mask := x.lists(lw)
			if hasHyphen(lw) {
				// a hyphenated word counts by its parts ("self-confident"),
				// or by a stem that spans the hyphen ("co-operat"):
				// "decision-maker" is not "decisive", "pro-actively" is
				// "proactively"
				parts := strings.FieldsFunc(lw, func(r rune) bool { return r == '-' || r == '‑' })
				mask = x.listsSpanning(lw, len(parts[0]))
				if x.except[strings.Join(parts, "")] {
					parts = nil
				}
				for _, part := range parts {
					if !x.except[part] {
						mask |= x.lists(part)
					}
				}
			}
			if mask == 0 || x.except[lw] {
				continue
			}
			line := p.File.Source.Position(b.SourceOffset(int(w.Start))).Line
			for list := range hits {
				if mask&(1<<list) != 0 {
					hits[list] = append(hits[list], codedHit{lw, line})
				}
			}
		}
	}
	return hits
}

// inclusiveCodedBalance reports a page whose words of the first list
// outnumber those of the second, listing them with their lines.
// Words that name the family's subject (its role titles, team and
// specialty names: "analyst" in an analyst family, "leadership" in a
// leadership family) are not counted, and the first list must outnumber the
// second by the margin: one word to none is no imbalance.
func inclusiveCodedBalance(p *lint.Pass, opts *inclusiveLanguageOptions, first []string, hits1, hits2 []codedHit, name, other, advice string) {
	subject := familySubjectWords(p.File, !opts.CodedHeadings)
	// a coded stem the subject's words start ("analy" of "analyst") makes
	// every word of that stem the subject's ("analysis", "analytical")
	x := codedIndexOf(p, opts)
	for w := range subject {
		for _, st := range x.stemsOf(w) {
			subject["stem:"+st] = true
		}
	}
	isSubject := func(w string) bool {
		if subject[w] || subject[strings.TrimSuffix(strings.TrimSuffix(w, "'"), "s")] {
			return true
		}
		for _, st := range x.stemsOf(w) {
			if subject["stem:"+st] {
				return true
			}
		}
		return false
	}
	hits1, hits2 = withoutSubject(hits1, isSubject), withoutSubject(hits2, isSubject)
	// a near balance ("9 to 7") is the page's vocabulary, not its tone
	if len(first) == 0 || len(hits1) < len(hits2)+max(opts.Margin, 1) || float64(len(hits1)) < opts.Ratio*float64(len(hits2)) {
		return
	}
	p.Report(lint.Diagnostic{
		Span: familyAnchor(p.File),
		Message: fmt.Sprintf("%s words outnumber %s ones, %d to %d: %s; %s", name, other, len(hits1), len(hits2),
			codedList(hits1), advice),
		Subject: name,
	})
}

// familySubjectWords returns the lower-case words of the family's title, of
// its roles' titles (levels, specialties) and of its headings that are no
// template section (teams, segments), unless headings are counted.
func familySubjectWords(f *model.Family, headings bool) map[string]bool {
	out := map[string]bool{}
	addLower := func(lw string) {
		out[lw] = true
		if hasHyphen(lw) {
			for _, part := range strings.FieldsFunc(lw, func(r rune) bool { return r == '-' || r == '‑' }) {
				out[part] = true
			}
		}
	}
	add := func(t string) {
		for _, w := range wordsIn(t, true) {
			addLower(strings.ToLower(w.Text))
		}
	}
	add(f.Title)
	for _, r := range f.Roles {
		add(r.Title)
	}
	for w := range out {
		if leadershipTitleWords[w] {
			// a family of managers, directors or executives leads: "lead",
			// "leader", "leadership" name its subject
			for _, l := range []string{"lead", "leads", "leader", "leaders", "leadership", "leading"} {
				out[l] = true
			}
			break
		}
	}
	for _, b := range f.Blocks {
		if headings && b.Kind == model.BlockHeading && (b.Section == nil || b.Section.Kind == "") {
			// a team or specialty heading: its words as the block's
			// shared words have them (the same lower case where no
			// curly apostrophe is straightened)
			if strings.Contains(b.Text, "’") {
				add(b.Text)
				continue
			}
			for _, lw := range prose.BlockLowerWords(b) {
				addLower(lw)
			}
		}
	}
	return out
}

// leadershipTitleWords are words of a role title that make it a
// leadership role.
var leadershipTitleWords = map[string]bool{"manager": true, "director": true, "head": true, "vp": true, "vice": true,
	"president": true, "chief": true, "officer": true, "lead": true, "leader": true, "leadership": true, "cxo": true,
	"ceo": true, "cfo": true, "cto": true, "cmo": true, "cro": true, "coo": true, "cpo": true, "ciso": true}

// withoutSubject drops the hits whose word names the family's subject.
func withoutSubject(hits []codedHit, isSubject func(string) bool) []codedHit {
	out := hits[:0:0]
	for _, h := range hits {
		if !isSubject(h.word) {
			out = append(out, h)
		}
	}
	return out
}

// codedStems lower-cases stems and drops a trailing '*' (allowed, and
// implied).
func codedStems(stems []string) []string {
	out := make([]string, 0, len(stems))
	for _, s := range stems {
		if s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "*")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// codedList renders hits as `lead (lines 3, 9), analytical (line 12)`, in
// order of first appearance.
func codedList(hits []codedHit) string {
	lines := map[string][]int{}
	var order []string
	for _, h := range hits {
		if _, ok := lines[h.word]; !ok {
			order = append(order, h.word)
		}
		if ls := lines[h.word]; len(ls) == 0 || ls[len(ls)-1] != h.line {
			lines[h.word] = append(ls, h.line)
		} else {
			lines[h.word] = ls
		}
	}
	parts := make([]string, len(order))
	for i, w := range order {
		parts[i] = w + " (" + policyLines(lines[w]) + ")"
	}
	return strings.Join(parts, ", ")
}
