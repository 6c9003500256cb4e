package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

type termConsistencyOptions struct {
	Preferred []string `yaml:"preferred"`
	Scope     string   `yaml:"scope"`
	// Cautious leaves a case variant inside a two-word term whose first
	// word is a name ("WebdriverIO Project" and "WebdriverIO project"):
	// see namedBody.
	Cautious bool `yaml:"cautious"`
	// PageVariety takes a page's spelling variety from its own words
	// only, not from a policy: see checkTermVarieties.
	PageVariety bool `yaml:"page_variety"`
}

// defaultPreferredTerms are names whose spelling is not a matter of taste.
var defaultPreferredTerms = []string{
	"GitLab", "GitLab.com", "GitHub", "JavaScript", "TypeScript", "PostgreSQL", "DevOps", "DevSecOps",
	"LinkedIn", "NetSuite",
	// products whose names no everyday word shares, written one way by
	// their makers
	"Salesforce", "Zendesk", "HackerOne", "PagerDuty", "DocuSign", "ZoomInfo", "BambooHR", "MySQL", "GraphQL",
	"Kubernetes", "Sisense", "SaaS",
	"YouTube", "WordPress", "PowerPoint", "SharePoint", "OneDrive", "CloudFormation", "BigQuery", "HubSpot",
	"SurveyMonkey", "OpenShift", "Datadog", "QuickBooks",
	// tools whose makers' capitals the handbook's other pages miswrite
	// ("ElasticSearch", "GainSight", "FiveTran", "Oauth"); not "Golang",
	// which pages also write in "Ruby/GoLang", where a slash keeps a
	// preferred term from matching, nor "macOS", capitalised to open a
	// bullet, nor "iOS" (Cisco's "IOS")
	"Elasticsearch", "MongoDB", "OAuth", "Fivetran", "Gainsight",
}

var termConsistencyRule = &lint.Rule{
	ID:       "term-consistency",
	Title:    "one term written several ways, or not the way the preferred-terms list spells it",
	Category: lint.Wording,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Fixable:  true,
	Doc: lint.Doc{
		Description: "A term should be written one way. Within a page (or, with `scope: handbook`, across all " +
			"the files linted) these variants are found and reported at the less common spelling, " +
			"with the more common one:\n\n" +
			"- case inside a word: \"Javascript\" / \"JavaScript\", \"Devops\" / \"DevOps\" (a capital first letter " +
			"alone is not a variant, and words in capitals are acronyms or emphasis);\n" +
			"- hyphenation: \"e-mail\" / \"email\", \"back-end\" / \"backend\", \"on-going\" / \"ongoing\"; a hyphenated spelling no dictionary holds " +
			"(\"world-wide\") beside the closed one the dictionary writes as a common word (\"worldwide\"), which the page writes too, is reported " +
			"whatever the counts, outside headings (a heading's words make its anchor); a term written three ways or more whose " +
			"two commonest spellings tie (\"eLearning\" twice, \"e-learning\" twice, \"elearning\" once) is left a tie as to its hyphen, " +
			"but the case of the side that wins the hyphen's vote (the spellings without one together against those with one) is its " +
			"commonest spelling's: \"elearning\" is reported for \"eLearning\", where neither vote is a tie, in prose only (not in " +
			"headings, nor a part of a dotted name, \"Channel.SubChannel\");\n" +
			"- two-word terms, within a page: written with a space where the page usually hyphenates them " +
			"(\"cross functional teams\" / \"cross-functional\", \"Self Service\" / \"Self-Service\"), compared only where " +
			"they modify the next word (\"long term\" as a noun and \"long-term goals\" are both right, as is a term before a modal or " +
			"auxiliary verb, its subject: \"members in good standing may vote\", or before a word in -s after a singular article, its verb: \"a simple majority suffices\" beside \"a simple-majority vote\"; a noun and a participle, " +
			"\"results oriented\", \"data driven\", are an adjective wherever they stand; phrasal verbs such as " +
			"\"follow up\" are left alone), and by the case of their later words (\"Sales team\" / \"Sales Team\", the " +
			"first word capitalised in both; not when that word is the page's own name opening its title, \"Sermant Community\" on Sermant's page); headings, a sentence's first word, link texts and terms inside a longer " +
			"capitalised name are not variants (a name of two capitalised words, one of them no dictionary word, is one name wherever it stands, inside a longer one too: \"the Sarbanes Oxley Act\" beside \"Sarbanes-Oxley\"); in a near tie (the other form more than half as common) only the name's capitals are the reference (\"Quality Department\" 3 times, \"Quality department\" 2), not the common noun (\"Product division\" 4 times, \"Product Division\" 3); where the page writes the first word as a name alone (\"the Council may\", \"the Council.\"), the common noun after it is standard English (\"Council members\", the members of the Council) and the title-case form is the reference only if written twice as often as the other forms together; a possessive (\"the Quality Department's roadmap\") is the term; a bullet copied from level to level " +
			"with the term written alike in every copy counts once (one choice, not one a level: two copies of \"a leading product Data Program\" " +
			"beside one \"the Data program\" is a tie), while copies that disagree (\"Sales Tools\" at two levels, \"Sales tools\" at one) count each; an adjective " +
			"compound before a noun (\"high quality software\", \"long term scalability\", \"customer facing teams\") takes the hyphen " +
			"where the page hyphenates it anywhere at least half as often as it leaves it open there (grammar: \"world class brand\" and " +
			"\"world class design\" beside one \"world-class team\"); a noun before a noun, \"job family page\", may stay open; \"open source\" is written open by the GitLab style guide wherever it stands, \"open-source\" beside it is no variant; " +
			"a bound prefix written open (\"anti abuse\", \"pre event\") beside the same compound hyphenated is reported wherever " +
			"it stands, even once each; " +
			"a pair that repeats the heading of its section as the heading writes it (\"## Decision making process\", then \"Decision making " +
			"process should be transparent\") is the section named by its title, not reported;\n" +
			"- two words the page also writes as one (\"road map\" beside \"roadmap\", \"code base\" beside \"codebases\", " +
			"\"full stack\" beside \"Fullstack\"), where the one word is as common or more (either form in a heading or a link's text counts, " +
			"though the open one is not reported there: \"chat room\" beside \"the contributors' [chat room](...)\" outnumbers one \"chatroom\"); pairs that mean something else " +
			"(\"every day\"), product names, a file's name in capitals (\"CODEOWNERS\"), a pair in parallel with another of the same last word (\"build time rather than run time\") and a pair a linked address writes apart are left alone;\n" +
			"- apostrophe plurals of numbers: \"1:1's\" where the page also writes \"1:1s\";\n" +
			"- a number and a singular unit of time written open before a noun (\"two 30 minute interviews\") on a page that " +
			"hyphenates such a compound (\"a 45-minute interview\", \"13-week plan\") at least half as often: before a noun the pair is " +
			"one adjective (a noun would be plural, \"30 minutes\"); \"1 year of experience\", \"2.5 hour\" and a unit before a function " +
			"word are left alone;\n" +
			"- a form's name without its hyphen (\"10Q\") where the page writes it with one (\"10-Q\"), whatever the counts; a letter " +
			"of magnitude (\"10K\", \"5M\") makes a number and is left alone (\"1-1\" beside \"1:1\" is not reported: both are in use);\n" +
			"- a link to a role of the same page whose text names it with words its heading lacks (\"reports to the " +
			"[Engineering Manager, Digital Experience](#manager-engineering)\" where the heading is \"Manager, Engineering\"); " +
			"a shorter name, the heading's words reordered and a text naming another role of the page are left alone " +
			"(no fix: either name may be the right one);\n" +
			"- apostrophe plurals of acronyms: \"OKR's\" where the page also writes \"OKRs\". Here the plain plural " +
			"is always the reference, and \"the CRO's strategy\" or \"CEO's approval\" (a noun after a determiner, or after a " +
			"person's title; \"on MDN's content repository\", a noun after a preposition) is read as a possessive and left alone (\"track KPI's requirements\" is a plural), as is one before a " +
			"capitalised word (\"the UK's Digital Framework\"), ending a dotted name (\"GOV.UK's\"), or before a noun where the page writes the acronym as one person or thing after a determiner (\"BDFL's final authority\" beside \"the BDFL decides\"), or before a code span or a link's text (\"MDN's `content` repository\", \"SPIFFE's [standards](...)\"). An apostrophe plural is reported " +
			"on a page that writes no plain plural of it too (\"Conduct incident RCA's\"): a plural takes no apostrophe;\n" +
			"- British spellings on a page that writes the American one as often or more (\"analyse\" next to " +
			"\"Analyze\", \"practises\" next to \"practices\"; misspell's list of pairs, with \"speciality\", and any -ise form " +
			"whose -ize form the dictionary knows, \"optimisation\"): the handbook writes American " +
			"English. An -ise word the page does not also write with -ize is weighed against the page's words of its -iz- stem in every " +
			"form, and reported where they are more (\"optimising\" beside \"optimization\" and \"optimizing\"; not \"organisation\" beside one \"organize\"). A page mostly British is left alone;\n" +
			"- \"eg.\" and \"ie.\" on a page that also writes \"e.g.\" and \"i.e.\";\n" +
			"- an acronym in title case inside a sentence (\"Sox controls\"), or with a lower-case letter between its capitals anywhere " +
			"(\"SoX\"; not a plural, \"KPIs\", nor a name or an abbreviation written so by convention, \"PhD\", \"PaaS\"), on a page that writes it in capitals " +
			"(\"SOX\") as often or more (more often, for a form whose every use has a small letter between capitals: one \"COC\" beside one " +
			"\"CoC\" is no majority, and a small letter for a small word is a usual spelling), and a product name in lower case (\"google sheets\") on a page that capitalises " +
			"it inside sentences as often or more (a name is a word the dictionary lacks, then written with a capital at least " +
			"twice as often, or a known product name that is no everyday word: \"talent outreach\" is not the Outreach tool; " +
			"a lower-case name alone in parentheses, \"the runtime (dapr)\", is an identifier as written, and so is one a capital would break: a part of a lower-case repository path, \"kumahq/kuma\", of a handle, \"@meshery/maintainers\", or a name in a list beside a lower-case hyphenated repository name, \"pymc, pymc-experimental and pymcon\"; in prose, \"the Kuma slack\", it is still reported); " +
			"capitals next to other capitalised words (\"DO NOT\", \"Burndown Chart\") and everyday words in capitals " +
			"(\"NOTE\", \"ALL\") are emphasis or title case, no evidence (an acronym in a list, \"SOX, PCI, GDPR\", stands alone);\n" +
			"- a compound of three or four words joined by a particle (\"go to market strategy\", \"end to end testing\") " +
			"written open before a word it modifies, on a page that hyphenates it (\"go-to-market\") as often or more; " +
			"as an adverb (\"own it end to end\") or capitalised (a process's name) it is left alone;\n" +
			"- a word inside a capitalised name written singular where the page writes the name with it plural before another " +
			"capitalised word at least twice and twice as often (\"Business System Administrators\" beside \"Business Systems " +
			"Administrators\" and \"Business Systems Analyst\"): a noun that modifies another is singular as a rule (\"Sales Team " +
			"Lead\"), so only the page's own plural names count, and a plural at a name's end (\"Product Managers\") is grammar;\n" +
			"- an abbreviated title word (\"Sr\", \"Jr\", \"Mgr\", \"Assoc\") before a capitalised word without its period (\"Sr Manager\") " +
			"on a page that writes it with the period (\"Sr. Manager\") at least twice and more often; a page mostly without it " +
			"has a house style of its own;\n" +
			"- a title written without the comma after its rank (\"VP\", \"SVP\", \"EVP\", \"Director\", \"Manager\") where the page " +
			"writes the same title with it, the same capitalised words after the rank (\"reports to the VP Marketing Strategy & Platforms\" " +
			"beside \"an interview with our VP, Marketing Strategy & Platforms\"), in prose (not headings or link texts); the page's own " +
			"roles are left to the rules on role names;\n" +
			"- a role of the page named in its prose with its title written short where its heading spells it out: \"Sr.\" " +
			"for \"Senior\", \"Jr.\" for \"Junior\", \"&\" for \"and\" (\"reports to the Sr. Manager, Billing\" where the heading is " +
			"\"Senior Manager, Billing\"; \"Director, Billing & Collections\" where it is \"Director, Billing and Collections\"), the " +
			"whole title only, as the heading writes it; so with the intermediate level before the name where the heading writes it after the " +
			"name in parentheses, as the handbook's template does (\"Intermediate Sourcer\" for \"Sourcer (Intermediate)\"; not the other way); " +
			"a spelling that is another role's title, headings and link texts are left alone, and " +
			"so is a role named as the subject of another role's opening or reports-to sentence (\"The Director, Billing & Collections reports " +
			"to ...\" under \"Senior Director, Billing and Collections\": the wrong role, whatever its spelling);\n" +
			"- a role of the page named in its prose with a word of its title in the other number (\"reports to the Manager, Alliance " +
			"Business Development\" where the heading is \"Manager, Alliances Business Development\"; \"Manager, Channel Programs\" for " +
			"\"Manager, Channel Program\"); the head noun's plural (\"Senior Integrations Engineers\") names several holders of the role, " +
			"and the role's own text and the sentences that extend another role are left to role-name-mismatch; so with the family's name " +
			"as the page's title writes it (\"the Integration Engineering job family\" on the page titled \"Integrations Engineering\"; \"Accounting & " +
			"External Reporting\" where the title is \"Accounting and External Reporting\", not the other way);\n" +
			"- a role whose title has three words or more named in its prose with two or more of the title's capitals and a word the title " +
			"capitalises in lower case (\"Staff Vulnerability Research engineer\" where the heading is \"Staff Vulnerability Research " +
			"Engineer\", \"the Vulnerability Research engineer\" on the page of that title); all in lower case it describes the job, and " +
			"a plural (\"Vulnerability Research engineers\") is a group the text describes; so with a job title of another family " +
			"that the page's prose writes in title case twice or more, three or four words each a capital then lower case, the last a " +
			"job noun (Manager, Officer, Director, Analyst, Engineer, Specialist and the like), not opening with a function word " +
			"(\"the Chief People officer\" where the page writes \"Chief People Officer\" twice; a team's name before a common noun, " +
			"\"Partner Sales kickoff\", may go either way);\n" +
			"- a text copied from level to level whose copies differ only in case, one copy writing two or more common words in title case " +
			"inside its sentence where another writes them in lower case (\"Familiarity with Static Site Generators\" beside \"Familiarity with " +
			"static site generators\"): the capitals are the slip, whatever the counts; one capitalised word (\"on behalf of Executive\" beside " +
			"\"executive\": a team or a person may be named so), words of the page's role titles, names (a word beside a capitalised word both copies " +
			"write so is part of one: \"Excel and Google Sheets\" beside \"excel and Google sheets\"), link texts and headings are left alone, and so are " +
			"capitalised words in a row that the page writes so elsewhere too, a name it gives (\"the Learning and Development team\"), or any one of them " +
			"capitalised inside a sentence elsewhere (\"Finance\").\n\n" +
			"Other ties are not reported. The `preferred` list names terms with one right spelling (\"GitLab\", " +
			"\"GitLab.com\"): any other case of them is reported wherever it occurs, the front matter's `title` and `description` " +
			"included, and so is a name in mixed case written apart at its inner capitals (\"Net Suite\", \"Power Point\"); their variants are not " +
			"reported a second time, nor is a pair of words whose one difference from the page's usual pair is a preferred term miswritten " +
			"(\"Tinkerbell Github\" beside \"Tinkerbell GitHub\": one defect, one finding). Names in URLs, e-mail addresses, paths, code and link targets are not " +
			"prose and are left alone, nor is a word of a link's text in lower case that the link's address writes as a part of its path " +
			"(\"[mochajs org](https://github.com/mochajs)\", \"[kubernetes org](https://github.com/kubernetes)\": an organisation's login " +
			"as GitHub spells it; for a word other than a preferred term, only one no dictionary holds: \"[frontend engineers](/frontend/)\" is prose), nor a name in lower case that no dictionary holds written as the whole " +
			"of a bold or italic span, as a code span would set it (\"The __cubefs__ GitHub project\" beside \"CubeFS\"; \"the **cubefs handbook**\" " +
			"is prose). `--fix` writes the reference spelling.",
		Bad: "---\ntitle: Support Engineer\n---\n\n## Support Engineer\n\n### Responsibilities\n\n" +
			"- Answer customer e-mail about Gitlab\n- Triage email from customers\n- Keep email templates current\n",
		Good: "---\ntitle: Support Engineer\n---\n\n## Support Engineer\n\n### Responsibilities\n\n" +
			"- Answer customer email about GitLab and GitLab.com\n- Triage email from customers\n" +
			"- Keep email templates current, as described at https://gitlab.com/gitlab-org/gitlab\n",
		Options: []lint.OptionDoc{
			{Name: "preferred", Default: "[" + strings.Join(defaultPreferredTerms, ", ") + "]", Text: "terms with one right spelling; a list here replaces the built-in one"},
			{Name: "scope", Default: "page", Text: "where the usual spelling is counted: `page` (each file on its own) or `handbook` (all files linted together)"},
			{Name: "cautious", Default: "false", Text: "no case variant inside a two-word term whose first word is a name, in mixed case or in no dictionary " +
				"(\"WebdriverIO Project\" beside \"WebdriverIO project\": with a capital the words name the body, in lower case they " +
				"describe it; on in the generic profile), nor a two-word term in title case where the page writes it in sentence case " +
				"and heads two or more other names in title case with its first word (\"Emeritus Status\" beside \"Emeritus status\", on a page " +
				"of \"Emeritus Maintainers\" and the \"Emeritus Process\": the page capitalises what it names freely)"},
			{Name: "page_variety", Default: "false", Text: "a British spelling is reported only on a page whose other words, those it writes one way only, " +
				"are more often American than British: a page that mixes the two varieties in one word and shows neither elsewhere " +
				"(\"organization\" twice, \"organisation\" once) keeps no variety to follow, where the handbook's policy (off) takes " +
				"American English; on in the generic profile, for organisations with no such policy"},
		},
	},
	Options: func() any { return &termConsistencyOptions{Preferred: defaultPreferredTerms, Scope: "page"} },
	Validate: func(o any) error {
		opts := o.(*termConsistencyOptions)
		if opts.Scope != "page" && opts.Scope != "handbook" {
			return fmt.Errorf("scope: %q is not page or handbook", opts.Scope)
		}
		for _, t := range opts.Preferred {
			if strings.TrimSpace(t) == "" {
				return fmt.Errorf("preferred: empty term")
			}
		}
		return nil
	},
	CheckAll: checkTermConsistency,
	// with scope: page, each page is checked on its own
	Local: func(o any) bool { return o.(*termConsistencyOptions).Scope == "page" },
}

func init() { lint.Register(termConsistencyRule) }

// termOcc is one word of prose that may be a variant of a term.
type termOcc struct {
	f          *model.Family
	b          *model.Block
	start, end int    // in b.Text
	text       string // as written, curly apostrophes made straight
	// name: the term is a preferred name ("GitLab") written in another
	// case ("Gitlab"), which misspells the name as much as it varies it
	name bool
}

// termKinds of variants.
const (
	termCase       = "case"
	termHyphen     = "hyphen"
	termApostrophe = "apostrophe"
)

// termIndex counts the spellings of words in a scope.
type termIndex struct {
	byKey   map[string]int // lower-case word, hyphens and apostrophe-s dropped -> entries index
	entries []termEntry    // in order of first occurrence
}

// termEntry holds the occurrences of one key; mixed is set once two of them
// are written differently (else there is no variant to report).
type termEntry struct {
	key   string
	occs  []termOcc
	mixed bool
}

func (ix *termIndex) add(key string, o termOcc) {
	k, ok := ix.byKey[key]
	if !ok {
		k = len(ix.entries)
		ix.byKey[key] = k
		if k < cap(ix.entries) {
			ix.entries = ix.entries[:k+1]
			ix.entries[k].key, ix.entries[k].occs, ix.entries[k].mixed = key, ix.entries[k].occs[:0], false
		} else {
			ix.entries = append(ix.entries, termEntry{key: key})
		}
	}
	e := &ix.entries[k]
	if len(e.occs) > 0 && e.occs[0].text != o.text {
		e.mixed = true
	}
	e.occs = append(e.occs, o)
}

// reset empties the index for the next page, keeping its storage.
func (ix *termIndex) reset() {
	clear(ix.byKey)
	ix.entries = ix.entries[:0]
}

// hyphenMeaning are hyphenated words that mean something else closed up:
// "re-sign" is not "resign". Each holds a '-'.
var hyphenMeaning = map[string]bool{
	"re-sign": true, "re-cover": true, "re-create": true, "re-creation": true, "re-form": true, "re-lease": true,
	"re-present": true, "re-sort": true, "re-treat": true, "re-collect": true, "re-mark": true, "co-op": true,
}

// isAcronymPlural reports whether w is an acronym's apostrophe plural: two
// or more capital letters A-Z and "'s" ("OKR's").
func isAcronymPlural(w string) bool {
	n := len(w) - 2
	if n < 2 || w[n:] != "'s" {
		return false
	}
	for i := 0; i < n; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// preferredTerms is the preferred list with each term in lower case.
type preferredTerms struct {
	terms   []string
	lower   [][]byte
	lowerS  []string          // lower as strings
	byLower map[string]string // lower-case term -> spelling
	byFirst [256][]int        // the terms by the first byte of their lower case
	// the names in mixed case written apart at their inner capitals
	// ("Net Suite" for "NetSuite"), and the names
	apart, apartOf []string
	apartByFirst   [256][]int // apart's indexes by their first byte
}

// termApart returns a name in mixed case with a space at each inner
// capital that follows a lower-case letter ("Net Suite" for "NetSuite",
// "Dev Sec Ops" for "DevSecOps"), or "" for a name with none, with a part
// of one letter ("SaaS") or with other than letters ("GitLab.com").
func termApart(t string) string {
	var b strings.Builder
	part := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return ""
		}
		if i > 0 && 'A' <= c && c <= 'Z' && 'a' <= t[i-1] && t[i-1] <= 'z' {
			if part < 2 {
				return ""
			}
			b.WriteByte(' ')
			part = 0
		}
		b.WriteByte(c)
		part++
	}
	if part < 2 || !strings.Contains(b.String(), " ") {
		return ""
	}
	return b.String()
}

// lastPreferred is the preferred list last built, with a copy of the
// terms it was built from: a run lints every page with one list, and
// building it (a map and a table) for every page cost more than checking
// the page's blocks against it. It is read only once built.
var lastPreferred atomic.Pointer[preferredEntry]

type preferredEntry struct {
	terms []string
	pt    *preferredTerms
}

// preferredFor is newPreferredTerms(terms), built once for a run's list.
func preferredFor(terms []string) *preferredTerms {
	if e := lastPreferred.Load(); e != nil && slices.Equal(e.terms, terms) {
		return e.pt
	}
	pt := newPreferredTerms(terms)
	lastPreferred.Store(&preferredEntry{slices.Clone(terms), pt})
	return pt
}

func newPreferredTerms(terms []string) *preferredTerms {
	pt := &preferredTerms{terms: terms, byLower: map[string]string{}}
	for k, t := range terms {
		lt := strings.ToLower(t)
		pt.lower, pt.lowerS = append(pt.lower, []byte(lt)), append(pt.lowerS, lt)
		pt.byLower[lt] = t
		if lt != "" {
			pt.byFirst[lt[0]] = append(pt.byFirst[lt[0]], k)
		}
		if a := termApart(t); a != "" {
			pt.apartByFirst[a[0]] = append(pt.apartByFirst[a[0]], len(pt.apart))
			pt.apart, pt.apartOf = append(pt.apart, a), append(pt.apartOf, t)
		}
	}
	return pt
}

func checkTermConsistency(p *lint.SetPass) {
	opts := lint.Options[termConsistencyOptions](p.Options)
	preferred := preferredFor(opts.Preferred)
	var lowerBuf []byte // a block's text in lower case
	ix := &termIndex{byKey: map[string]int{}}
	// Only a key with an occurrence written otherwise than plainly can
	// have variants: the words of the other keys are not indexed.
	varied := map[string]bool{}
	var words []termWord   // the scope's, in order
	var refs []termWordRef // a page's, with the page scope
	if opts.Scope == "page" {
		rp := termRefPool.Get().(*[]termWordRef)
		refs = *rp
		defer func() {
			if cap(refs) <= 2*maxTermRefs {
				*rp = refs[:0]
				termRefPool.Put(rp)
			}
		}()
	}
	index := func() {
		for _, w := range words {
			if varied[w.key] {
				ix.add(w.key, w.o)
			}
		}
	}
	for _, f := range p.Files {
		var links map[*model.Block][]*model.Link // the page's, made on first need
		for _, b := range append(frontMatterProse(f), f.Blocks...) {
			checkPreferredTerms(p, f, b, wordingText(b), preferred, &lowerBuf, &links)
		}
		if opts.Scope == "page" {
			refs = termPageWords(f, ix, varied, refs)
			checkTermPage(p, f, preferred.byLower)
			checkTermAcronymApostrophes(p, []*model.Family{f})
			reportTermVariants(p, ix, preferred.byLower, "on this page")
			ix.reset()
			clear(varied)
			continue
		}
		start := len(words)
		words = termWords(f, words)
		for _, w := range words[start:] {
			if !w.plain {
				varied[w.key] = true
			}
		}
		checkTermPage(p, f, preferred.byLower)
	}
	if opts.Scope == "handbook" {
		checkTermAcronymApostrophes(p, p.Files)
		index()
		reportTermVariants(p, ix, preferred.byLower, "in the files linted")
	}
}

// termWord is a word that may be a variant of a term: its key (lower case,
// hyphens and an acronym's apostrophe dropped), the occurrence, and whether
// it is written plainly: no hyphen, no capital but the first letter, so
// that its spelling class (termForm) is its key, or nothing. A key whose
// words are all plain has one spelling.
type termWord struct {
	key   string
	o     termOcc
	plain bool
}

// termWords appends the words of a page that may be variants of a term, in
// order.
func termWords(f *model.Family, out []termWord) []termWord {
	termWordsEach(f, func(w termWord) { out = append(out, w) })
	return out
}

// termWordsEach calls fn with each word of a page that may be a variant of
// a term, in order.
func termWordsEach(f *model.Family, fn func(termWord)) {
	var links map[*model.Block][]*model.Link // made on first need
	for _, b := range f.Blocks {
		text := wordingText(b)
		tw := wordingWords(b, true)
		for i := range tw.Words {
			if key, plain, ok := termWordKey(text, tw, i); ok && !linkIdentifier(f, b, &links, int(tw.Words[i].Start), int(tw.Words[i].End), tw.Words[i].In(text), false) &&
				!emphasisedName(f, b, int(tw.Words[i].Start), int(tw.Words[i].End), tw.Words[i].In(text)) {
				fn(termWord{key, termOccAt(f, b, tw, i), plain})
			}
		}
	}
}

// termWordKey tells whether word i of a block may be a variant of a term,
// and if so its key and whether it is written plainly (see termWord).
func termWordKey(text string, tw *textWords, i int) (key string, plain, ok bool) {
	w := wordIn(text, tw.Words[i])
	if hasDigit(w.Text) || inPath(text, w.Start, w.End) || handleWord(text, w.Start) || identifierWord(text, tw, i) {
		return "", false, false
	}
	written := w.Text
	if strings.IndexByte(written, 0xE2) >= 0 { // the first byte of ’
		written = strings.ReplaceAll(written, "’", "'")
	}
	if isAcronymPlural(written) {
		if possessive(text, tw, i) {
			return "", false, false
		}
		return strings.ToLower(strings.TrimSuffix(written, "'s")) + "s", false, true
	}
	// without an apostrophe, written is the word as written
	if strings.ContainsRune(written, '\'') || strings.IndexByte(tw.Lower(i), '-') >= 0 && hyphenMeaning[tw.Lower(i)] {
		return "", false, false
	}
	_, n := utf8.DecodeRuneInString(written)
	return withoutHyphens(tw.Lower(i)), !hasHyphen(written) && !changesLower(written[n:]), true
}

// termOccAt is the occurrence of word i of a block, curly apostrophes made
// straight.
func termOccAt(f *model.Family, b *model.Block, tw *textWords, i int) termOcc {
	w := wordIn(wordingText(b), tw.Words[i])
	o := termOcc{f: f, b: b, start: w.Start, end: w.End, text: w.Text}
	if strings.IndexByte(w.Text, 0xE2) >= 0 { // the first byte of ’
		o.text = strings.ReplaceAll(w.Text, "’", "'")
	}
	return o
}

// termWordRef is where a page's word that may be a variant of a term
// stands (block and word index) and its key: the page's one pass over its
// words keeps these, and builds an occurrence only for a key with variants.
type termWordRef struct {
	key       string
	block, at int32
}

// termRefPool keeps the storage of pages' word refs between runs of the
// rule (one a page with the page scope).
var termRefPool = sync.Pool{New: func() any { return new([]termWordRef) }}

// maxTermRefs bounds a page's refs: a page with more candidate words
// passes over them a second time instead (a 2 MB line of one word has
// 420,000).
var maxTermRefs = 1 << 14 // a variable for the tests

// termPageWords indexes in ix the words of a page whose key some word of
// the page writes otherwise than plainly, in order. One pass over the
// words notes each key's refs and the varied keys; refs is the storage
// reused, returned.
func termPageWords(f *model.Family, ix *termIndex, varied map[string]bool, refs []termWordRef) []termWordRef {
	refs = refs[:0]
	kept := true                             // refs holds every candidate (else a second pass finds them)
	var links map[*model.Block][]*model.Link // made on first need
	for bi, b := range f.Blocks {
		text := wordingText(b)
		tw := wordingWords(b, true)
		// asked once a block, not for each word: linkIdentifier needs a
		// link of the block around the word, emphasisedName a mark
		linked, marked := len(blockLinks(f, b, &links)) > 0, mayEmphasise(f, b)
		for i := range tw.Words {
			key, plain, ok := termWordKey(text, tw, i)
			if !ok || linked && linkIdentifier(f, b, &links, int(tw.Words[i].Start), int(tw.Words[i].End), tw.Words[i].In(text), false) ||
				marked && emphasisedName(f, b, int(tw.Words[i].Start), int(tw.Words[i].End), tw.Words[i].In(text)) {
				// (linkIdentifier: an identifier as its link writes it;
				// emphasisedName: one set apart in bold or italics)
				continue
			}
			if !plain {
				varied[key] = true
			}
			if !kept {
				continue
			}
			if len(refs) == maxTermRefs {
				// a huge page: its refs would outweigh a second pass
				kept, refs = false, refs[:0]
				continue
			}
			refs = append(refs, termWordRef{key, int32(bi), int32(i)})
		}
	}
	if len(varied) == 0 {
		return refs
	}
	if !kept {
		termWordsEach(f, func(w termWord) {
			if varied[w.key] {
				ix.add(w.key, w.o)
			}
		})
		return refs
	}
	for _, r := range refs {
		if varied[r.key] {
			b := f.Blocks[r.block]
			ix.add(r.key, termOccAt(f, b, wordingWords(b, true), int(r.at)))
		}
	}
	return refs
}

// linkIdentifier reports whether a word in a link's text is an identifier
// that the link's own address writes: in lower case, as a whole part of
// the address's path ("[mochajs org](https://github.com/mochajs)",
// "[kubernetes org](https://github.com/kubernetes)": an organisation's
// login as GitHub spells it), not a use of a term ("MochaJS Google
// Group", "Kubernetes"). A word with a capital in a link's text is prose
// ("[Github](https://github.com)"), and so is a word a host name writes
// ("[github](https://github.com)"). Unless name is set (a preferred term,
// a name whatever the dictionary says), a dictionary word in a link's text
// is prose however its address names the page ("[frontend
// engineers](/.../frontend/)").
func linkIdentifier(f *model.Family, b *model.Block, links *map[*model.Block][]*model.Link, start, end int, written string, name bool) bool {
	if changesLower(written) {
		return false
	}
	l := linkAround(f, b, links, start, end)
	if l == nil {
		return false
	}
	path := l.Target
	if _, rest, ok := strings.Cut(path, "://"); ok {
		_, path, _ = strings.Cut(rest, "/") // the host is no identifier of the page's
	}
	path, _, _ = strings.Cut(path, "#")
	path, _, _ = strings.Cut(path, "?")
	if !slices.Contains(strings.Split(path, "/"), written) {
		return false
	}
	if name {
		return true
	}
	d := englishWords()
	return !knownWord(d, written) && !derivedWord(d, written)
}

// emphasisedName reports whether a word in lower case that no dictionary
// holds is the whole text of an emphasis span, bold or italics
// ("The __cubefs__ GitHub project", "**kumactl**"): a name set apart as
// written, an organisation's login or a command, as a code span would set
// it, not a use of the term ("CubeFS") in the prose's case. Emphasis over
// more than the word ("**the cubefs project**") is prose, and so is a
// dictionary word in bold ("**must**").
func emphasisedName(f *model.Family, b *model.Block, start, end int, written string) bool {
	if f.Source == nil {
		return false
	}
	for i := 0; i < len(written); i++ {
		if c := written[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			return false // not in lower case (checked without a copy: every word of a page is asked)
		}
	}
	sp := b.SourceSpan(start, end)
	src := f.Source.Text
	if sp.Start <= 0 || sp.End >= len(src) || string(src[sp.Start:sp.End]) != written {
		return false
	}
	mark := src[sp.Start-1]
	if mark != '*' && mark != '_' {
		return false
	}
	// the same run of marks on both sides, one to three of them
	n := 0
	for n < 3 && sp.Start-1-n >= 0 && src[sp.Start-1-n] == mark && sp.End+n < len(src) && src[sp.End+n] == mark {
		n++
	}
	if n == 0 || sp.Start-1-n >= 0 && src[sp.Start-1-n] == mark || sp.End+n < len(src) && src[sp.End+n] == mark {
		return false
	}
	d := englishWords()
	return !knownWord(d, written) && !derivedWord(d, written)
}

// mayEmphasise reports whether emphasisedName may hold for a word of b:
// the source holds a '*' or '_' right before a place where one of b's
// words may start (b.SourceBounds).
func mayEmphasise(f *model.Family, b *model.Block) bool {
	if f.Source == nil {
		return false
	}
	src := f.Source.Text
	lo, hi := b.SourceBounds()
	lo, hi = max(lo-1, 0), min(hi, len(src))
	if lo >= hi {
		return false
	}
	return bytes.IndexByte(src[lo:hi], '*') >= 0 || bytes.IndexByte(src[lo:hi], '_') >= 0
}

// handleWord reports whether the word at start is opened by "#" or "@": a
// chat channel ("#crio"), a handle or a team ("@maintainers"), named as its
// owner named it, not a use of a term.
func handleWord(text string, start int) bool {
	return start > 0 && (text[start-1] == '#' || text[start-1] == '@')
}

// inPath reports whether a word is a part of a path written in prose: a
// slash touches it, and the run of text without spaces around it has two
// slashes or more ("docs/process/README") or names one thing twice
// ("openbmc/openbmc", a repository and its owner). A path is written as
// its repository or folder is named, not as a term is; two words joined
// by one slash ("Go/GoLang") are alternatives, and do count.
func inPath(text string, start, end int) bool {
	if !(start > 0 && text[start-1] == '/' || end < len(text) && text[end] == '/') {
		return false
	}
	// a path is a few hundred bytes at most: the scan stops there, so that
	// a page of one endless run without spaces costs no more than its length
	i, j := start, end
	for i > 0 && start-i < 256 && text[i-1] != ' ' && text[i-1] != '\n' {
		i--
	}
	for j < len(text) && j-end < 256 && text[j] != ' ' && text[j] != '\n' {
		j++
	}
	parts := strings.Split(strings.Trim(text[i:j], ".,;:()[]\"'`"), "/")
	return len(parts) > 2 || len(parts) == 2 && strings.EqualFold(parts[0], parts[1])
}

// identifierWord reports whether word i of a block, in lower case, is
// written as an identifier rather than as a term, so that a capital would
// break it: a part of a handle ("@meshery/maintainers", a team, through
// its slash), a part of a run of lower-case text joined by a slash
// without spaces ("kumahq/kuma", a repository's path; "Go/GoLang", with
// capitals, are alternatives and still count), or an item of a list beside
// a lower-case name of parts joined by hyphens whose first part no
// dictionary holds ("pymc, pymc-experimental and pymcon": repositories; in
// "the kuma, long-term" the hyphenated word is English).
func identifierWord(text string, tw *textWords, i int) bool {
	w := wordIn(text, tw.Words[i])
	if hasASCIIUpperOrNot(w.Text) {
		return false // not a word of lower-case letters
	}
	slash := w.Start > 0 && text[w.Start-1] == '/' || w.End < len(text) && text[w.End] == '/'
	if slash || w.Start > 0 && text[w.Start-1] == '@' {
		// the run without spaces around the word, a few hundred bytes at
		// most (see inPath)
		a, z := w.Start, w.End
		for a > 0 && w.Start-a < 256 && text[a-1] != ' ' && text[a-1] != '\n' {
			a--
		}
		for z < len(text) && z-w.End < 256 && text[z] != ' ' && text[z] != '\n' {
			z++
		}
		run := strings.Trim(text[a:z], ".,;:()[]\"'`")
		if strings.HasPrefix(run, "@") {
			return true
		}
		if slash && !changesLower(run) {
			return true
		}
	}
	return listedWithRepoName(text, tw, i, -1) || listedWithRepoName(text, tw, i, 1)
}

// listedWithRepoName reports whether word i of a block has a neighbour in
// a list, before it (dir -1) or after it (dir 1), that is a
// repository-like name: "pymc, pymc-experimental", "pymc and
// pymc-experimental", "pymc-experimental, and pymcon".
func listedWithRepoName(text string, tw *textWords, i, dir int) bool {
	gap := func(a, b int) string { // the text between words a < b
		return text[tw.Words[a].End:tw.Words[b].Start]
	}
	j := i + dir
	if j < 0 || j >= len(tw.Words) {
		return false
	}
	g := gap(min(i, j), max(i, j))
	if g != " " && g != ", " {
		return false
	}
	if l := tw.Lower(j); l == "and" || l == "or" {
		// the neighbour is a conjunction, the item the word past it
		k := j + dir
		if k < 0 || k >= len(tw.Words) {
			return false
		}
		if g2 := gap(min(j, k), max(j, k)); g2 != " " && g2 != ", " || g == ", " && g2 == ", " {
			return false // "pymc, and, x": no list
		}
		j = k
	} else if g != ", " {
		return false
	}
	return repoLikeName(tw.Words[j].In(text))
}

// repoLikeName reports whether a word is lower-case parts of letters and
// digits joined by hyphens, its first part a word no dictionary holds:
// "pymc-data-umbrella", "kuma-tools", not "long-term".
func repoLikeName(w string) bool {
	first, rest, ok := strings.Cut(w, "-")
	if !ok || len(first) < 2 || rest == "" {
		return false
	}
	for k := 0; k < len(w); k++ {
		if c := w[k]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	d := englishWords()
	return !knownWord(d, first) && !derivedWord(d, first) && !termNames()[first]
}

// withoutHyphens drops the hyphens ('-' and U+2011) of a word.
func withoutHyphens(w string) string {
	if !hasHyphen(w) {
		return w
	}
	return strings.ReplaceAll(strings.ReplaceAll(w, "-", ""), "‑", "")
}

// possessive reports whether an acronym with 's is followed by a word that
// is not a function word: "the CRO's strategy" is a possessive, "OKR's and
// KPIs" a plural.
func possessive(text string, tw *textWords, i int) bool {
	words := tw.Words
	if i+1 >= len(words) {
		return false
	}
	if gap := text[words[i].End:words[i+1].Start]; strings.TrimSpace(gap) != "" {
		return false // punctuation follows: "... PEO's."
	}
	if prose.IsStopWord(tw.Lower(i + 1)) {
		return false
	}
	// a noun follows: a possessive after a determiner ("the CRO's
	// strategy") or of a person's title ("CEO's approval"); else the
	// acronym names things, and "track KPI's requirements" is a plural
	if acronymPersons[strings.TrimSuffix(strings.ReplaceAll(tw.Lower(i), "’", "'"), "'s")] {
		return true
	}
	if i == 0 {
		return false
	}
	// after a preposition, before a word that is no adverb ("on MDN's
	// content repository", where "reply to MR's quickly" is a plural)
	if possessivePrepositions[tw.Lower(i-1)] && !strings.HasSuffix(tw.Lower(i+1), "ly") {
		return true
	}
	return possessiveDeterminers[tw.Lower(i-1)]
}

// possessivePrepositions come before a possessive that opens a noun phrase:
// "on MDN's content repository", "for SPIFFE's standards".
var possessivePrepositions = map[string]bool{"on": true, "for": true, "to": true, "in": true, "from": true,
	"with": true, "of": true, "by": true, "at": true, "about": true, "into": true}

// acronymPersons are acronyms of a person's title, whose 's is a
// possessive.
var acronymPersons = map[string]bool{"ceo": true, "cfo": true, "cro": true, "cto": true, "cmo": true, "cpo": true,
	"coo": true, "ciso": true, "cao": true, "clo": true, "vp": true, "evp": true, "svp": true, "dri": true, "pm": true,
	"em": true, "eba": true, "ea": true, "tam": true, "sa": true, "ae": true, "sdr": true, "bdr": true, "csm": true}

// possessiveDeterminers come before a possessive: "the CRO's strategy",
// "each PM's team".
var possessiveDeterminers = map[string]bool{"the": true, "a": true, "an": true, "our": true, "your": true, "their": true,
	"his": true, "her": true, "its": true, "each": true, "every": true, "this": true, "that": true, "gitlab's": true,
	"any": true, "one": true}

// reportTermVariants reports the spellings of each term that the scope uses
// less than another.
func reportTermVariants(p *lint.SetPass, ix *termIndex, preferred map[string]string, where string) {
	for k := range ix.entries {
		e := &ix.entries[k]
		if !e.mixed {
			continue // one spelling
		}
		key, occs := e.key, e.occs
		if _, ok := preferred[key]; ok {
			continue // checked against the preferred spelling
		}
		// classify each spelling
		count := map[string]int{}
		kindOf := map[string]string{}
		for _, o := range occs {
			form, kind := termForm(o.text)
			if kind == "" {
				continue
			}
			count[form]++
			kindOf[form] = kind
		}
		if len(count) < 2 {
			continue
		}
		forms := byCount(count)
		ref := forms[0]
		plain := plainPlural(forms)
		byCamel := false  // a tie broken against a run-together name (termTieCamel)
		var joined [2]int // a tie broken by the hyphen's vote (termTieJoined): with, without
		switch {
		case plain != "":
			ref = plain // the plain plural, whatever the counts
		case kindOf[ref] == termApostrophe:
			continue // an apostrophe plural with no plain one: no usual spelling
		case count[forms[1]] == count[ref]:
			if r := termTieCamel(forms, kindOf, key); r != "" {
				ref, byCamel = r, true
			} else if r, hy, closed := termTieJoined(forms, count); r != "" {
				ref, joined = r, [2]int{hy, closed}
			} else {
				continue // a tie: no usual spelling
			}
		}
		// a hyphenated spelling no dictionary holds ("world-wide") beside
		// the closed one the dictionary writes as a common word
		// ("worldwide"), which the page writes too: the closed one is
		// right, whatever the counts (outside headings)
		dictRef := false
		if d := englishWords(); plain == "" && hasHyphen(ref) && !knownWord(d, ref) {
			if closed := withoutHyphens(ref); count[closed] > 0 && kindOf[closed] == termHyphen && d.common(closed) {
				ref, dictRef = closed, true
			}
		}
		// an acronym's plural ("PRs", never "pRs" where the other spelling
		// is "prs") and a name the page always writes with its capitals
		// ("OpenBMC", never "openBMC" for "openbmc") are written as they are,
		// whatever the sentence
		asWritten, always := "", kindOf[ref] == termCase
		for _, o := range occs {
			if f, _ := termForm(o.text); f == ref {
				if asWritten == "" {
					asWritten = o.text
				}
				always = always && o.text == asWritten
			}
		}
		if t := strings.TrimSuffix(asWritten, "s"); !always && (t == asWritten || strings.ToUpper(t) != t) {
			asWritten = ""
		}
		for i := range occs {
			o := &occs[i]
			form, kind := termForm(o.text)
			if kind == "" || form == ref {
				continue
			}
			if kind == termApostrophe && !isAcronymPlural(form) {
				continue
			}
			// never from the dictionary's spelling to one it lacks:
			// "prerequisites" beside headings that write "Pre-requisites"
			// is the right one of the two
			if d := englishWords(); kind == termHyphen && !hasHyphen(form) && hasHyphen(ref) && knownWord(d, form) && !knownWord(d, ref) {
				continue
			}
			if joined != [2]int{} && (hasHyphen(form) != hasHyphen(ref) || o.b.Kind == model.BlockHeading || dottedPart(wordingText(o.b), o.start, o.end)) {
				// a tie between the hyphen's spellings stays one: only the
				// case among the winning side's spellings is settled
				// ("elearning" for "eLearning", not "e-learning", which
				// dictionaries write), and in prose only: a heading's
				// words make its anchor, and a part of a dotted name
				// ("Channel.SubChannel") is a field as its tool writes it
				continue
			}
			if dictRef && o.b.Kind == model.BlockHeading {
				// a heading's words make its anchor, which links may
				// use: the page's own spelling there is left alone
				continue
			}
			want := spellLike(ref, o.text)
			if byCamel && !sentenceStart(wordingText(o.b), o.start) {
				want = ref // the camel case's capital, not a sentence's
			}
			if asWritten != "" {
				want = asWritten
			}
			var msg string
			switch {
			case kindOf[form] == termApostrophe:
				msg = fmt.Sprintf("write %s, not %s: a plural takes no apostrophe (%s: %d %s %s)", quoted(want), quoted(o.text), quoted(want), count[ref], pluralWord(count[ref], "time", "times"), where)
			case dictRef:
				msg = fmt.Sprintf("write %s, not %s: the dictionary writes it as one word, as the page does too (%s: %d %s %s)", quoted(want), quoted(o.text), quoted(want), count[ref], pluralWord(count[ref], "time", "times"), where)
			case joined != [2]int{}:
				side := "without a hyphen"
				if hasHyphen(ref) {
					side = "with a hyphen"
				}
				msg = fmt.Sprintf("write %s, not %s: of the page's spellings of the term %s, %s is the most common (%d %s %s)",
					quoted(want), quoted(o.text), side, quoted(want), count[ref], pluralWord(count[ref], "time", "times"), where)
			case byCamel:
				msg = fmt.Sprintf("write %s, not %s: two English words run together with a capital, as a product's name is written, where the page hyphenates them (%s: %d %s %s)", quoted(want), quoted(o.text), quoted(want), count[ref], pluralWord(count[ref], "time", "times"), where)
			default:
				msg = fmt.Sprintf("write %s, not %s (%s: %d %s %s)", quoted(want), quoted(o.text), quoted(want), count[ref], pluralWord(count[ref], "time", "times"), where)
			}
			reportTerm(p, o, want, msg)
		}
	}
}

// termTieCamel breaks a tie between two spellings of a term, one
// hyphenated ("on-call") and one the same words run together with a
// capital at the join ("OnCall"), for the hyphenated one: the camel case
// is how a product is named, and these are two common English words no
// name list or dictionary holds run together. A pair the style guide
// writes open ("OpenSource" beside "open-source") has no hyphenated
// reference. It returns "" otherwise.
func termTieCamel(forms []string, kindOf map[string]string, key string) string {
	if len(forms) != 2 {
		return ""
	}
	camel, hyph := forms[0], forms[1]
	if kindOf[camel] != termCase {
		camel, hyph = hyph, camel
	}
	if kindOf[camel] != termCase || !hasHyphen(hyph) || strings.Count(hyph, "-") != 1 {
		return ""
	}
	a, b, _ := strings.Cut(hyph, "-")
	if len(a) < 2 || len(b) < 2 || len(camel) != len(a)+len(b) || !strings.EqualFold(camel, a+b) ||
		camel[len(a)] < 'A' || camel[len(a)] > 'Z' || changesLower(camel[len(a)+1:]) || changesLower(camel[1:len(a)]) {
		return "" // one capital, at the join only
	}
	d := englishWords()
	if !d.common(a) || !d.common(b) || d.has(key) || termNames()[key] || termOpenCompounds[a+" "+b] {
		return ""
	}
	return hyph
}

// dottedPart reports whether text[start:end] is joined by a full stop to
// a letter or digit on either side: a part of a dotted name
// ("Channel.SubChannel", "GOV.UK").
func dottedPart(text string, start, end int) bool {
	return start >= 2 && text[start-1] == '.' && isAlnum(text[start-2]) ||
		end+1 < len(text) && text[end] == '.' && isAlnum(text[end+1])
}

// termTieJoined breaks a tie between the two most common spellings of a
// term written three ways or more, with a hyphen and without
// ("eLearning" twice, "e-learning" twice, "elearning" once): the
// spellings without a hyphen, together, outnumber those with one (or the
// other way round), which settles the hyphen, and the most common of that
// side, more common than each other of it, is the reference
// ("eLearning"). It returns "" when either vote is a tie, and the counts
// with a hyphen and without.
func termTieJoined(forms []string, count map[string]int) (ref string, hy, closed int) {
	if len(forms) < 3 {
		return "", 0, 0
	}
	for _, f := range forms {
		if hasHyphen(f) {
			hy += count[f]
		} else {
			closed += count[f]
		}
	}
	if hy == closed {
		return "", 0, 0
	}
	best, second := "", 0
	for _, f := range forms { // by count, most common first
		if hasHyphen(f) != (hy > closed) {
			continue
		}
		if best == "" {
			best = f
		} else if count[f] > second {
			second = count[f]
		}
	}
	if best == "" || count[best] == second {
		return "", 0, 0
	}
	return best, hy, closed
}

// termForm returns the spelling class a word belongs to and its kind: for
// hyphenated and closed words, the word in lower case; for case variants,
// the word with its first letter in lower case. Words in capitals give "".
func termForm(w string) (string, string) {
	if isAcronymPlural(w) {
		return w, termApostrophe
	}
	if hasHyphen(w) {
		return strings.ToLower(w), termHyphen
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) || strings.ToUpper(w) == w {
		return "", "" // a single letter, an acronym or emphasis
	}
	rest := w[n:]
	if strings.ToLower(rest) == rest {
		return strings.ToLower(w), termHyphen // plain word: the closed spelling
	}
	return string(unicode.ToLower(r)) + rest, termCase
}

// plainPlural returns the plain plural among the forms when one of them is
// an acronym's apostrophe plural ("OKRs" for "OKR's").
func plainPlural(forms []string) string {
	for _, f := range forms {
		if isAcronymPlural(f) {
			want := strings.TrimSuffix(f, "'s") + "s"
			for _, g := range forms {
				if g == want || strings.EqualFold(g, want) {
					return g
				}
			}
		}
	}
	return ""
}

// spellLike writes the reference spelling with the first letter's case of
// the word it replaces ("E-mail" becomes "Email").
func spellLike(ref, orig string) string {
	r, n := utf8.DecodeRuneInString(ref)
	o, _ := utf8.DecodeRuneInString(orig)
	if unicode.IsUpper(o) && unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + ref[n:]
	}
	return ref
}

func reportTerm(p *lint.SetPass, o *termOcc, want, msg string) {
	span := o.b.SourceSpan(o.start, o.end)
	written := o.b.Text[o.start:o.end]
	d := lint.Diagnostic{
		File:    o.f,
		Span:    span,
		Message: msg,
		Subject: "term: " + strings.ToLower(written),
		Diff:    "[-" + written + "-]{+" + want + "+}",
	}
	if sourceIs(o.f, span, written) {
		d.Fixes = []lint.Edit{{Span: span, New: want}}
	}
	if o.name || strayCapital(written) {
		// "Gitlab" for the name "GitLab", "ExperIence": a typo as much as
		// a variant, one finding for both
		d.Covers = []string{"misspelling"}
	}
	p.Report(d)
}

// strayCapital reports whether a word of letters is an English word with
// a capital typed inside it ("ExperIence"), not a name ("GitLab", whose
// lower case is no word, or "DevOps", two words joined).
func strayCapital(w string) bool {
	inner := false
	for i := 1; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
		if 'A' <= c && c <= 'Z' && 'a' <= w[i-1] && w[i-1] <= 'z' {
			if englishWords().common(strings.ToLower(w[i:])) {
				return false // two words in one name: "DevOps"
			}
			inner = true
		}
	}
	return inner && englishWords().common(strings.ToLower(w))
}

// checkPreferredTerms reports any other case of a preferred term in a
// block's text, and a preferred name in mixed case written apart at its
// inner capitals, each part as the name writes it ("Net Suite", "Power
// Point"): the maker writes it as one word.
func checkPreferredTerms(p *lint.SetPass, f *model.Family, b *model.Block, text string, pt *preferredTerms, buf *[]byte, links *map[*model.Block][]*model.Link) {
	if isASCII(text) {
		// one pass, comparing in lower case where a term can start, and
		// as written where a name written apart can; the findings are
		// sorted later, so their order here does not matter
		for i := 0; i < len(text); i++ {
			if i > 0 && isAlnum(text[i-1]) {
				continue // inside a word: termBoundary would refuse it
			}
			for _, k := range pt.apartByFirst[text[i]] {
				a := pt.apart[k]
				if end := i + len(a); strings.HasPrefix(text[i:], a) && termBoundary(text, i, end) {
					t := pt.apartOf[k]
					reportTerm(p, &termOcc{f: f, b: b, start: i, end: end, text: a, name: true}, t, fmt.Sprintf("write %s, not %s", quoted(t), quoted(a)))
				}
			}
			for _, k := range pt.byFirst[lowerASCII(text[i])] {
				t, lt := pt.terms[k], pt.lower[k]
				end := i + len(lt)
				if end > len(text) || !hasPrefixLowerASCII(text[i:end], lt) || !termBoundary(text, i, end) {
					continue
				}
				if written := text[i:end]; written != t && !linkIdentifier(f, b, links, i, end, written, true) {
					reportTerm(p, &termOcc{f: f, b: b, start: i, end: end, text: written, name: true}, t, fmt.Sprintf("write %s, not %s", quoted(t), quoted(written)))
				}
			}
		}
		return
	}
	for k, a := range pt.apart {
		termOccurrences(text, a, text, func(i, end int) {
			t := pt.apartOf[k]
			reportTerm(p, &termOcc{f: f, b: b, start: i, end: end, text: a, name: true}, t, fmt.Sprintf("write %s, not %s", quoted(t), quoted(a)))
		})
	}
	lower := lowerInto((*buf)[:0], text)
	*buf = lower
	ls := string(lower)
	for k, t := range pt.terms {
		termOccurrences(ls, pt.lowerS[k], text, func(i, end int) {
			if written := text[i:end]; written != t && !linkIdentifier(f, b, links, i, end, written, true) {
				reportTerm(p, &termOcc{f: f, b: b, start: i, end: end, text: written, name: true}, t, fmt.Sprintf("write %s, not %s", quoted(t), quoted(written)))
			}
		})
	}
}

// termOccurrences calls fn with each place where needle occurs in hay
// (text, or text in lower case with its offsets) that stands alone in
// text (termBoundary).
func termOccurrences(hay, needle, text string, fn func(i, end int)) {
	for from := 0; needle != ""; {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return
		}
		i += from
		end := i + len(needle)
		from = i + 1
		if termBoundary(text, i, end) {
			fn(i, end)
		}
	}
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixLowerASCII reports whether s, in lower case, is lt.
func hasPrefixLowerASCII(s string, lt []byte) bool {
	for j := range lt {
		if lowerASCII(s[j]) != lt[j] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerInto appends strings.ToLower(s) to buf: byte by byte when s is ASCII,
// so that offsets in the result are offsets in s.
func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// termBoundary reports whether text[i:end] stands alone: not inside a longer
// word, a name such as "gitlab-org" or "@gitlab", or a host name.
func termBoundary(text string, i, end int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if isWordRuneOrJoin(r) || strings.ContainsRune("@/.#_", r) {
			return false
		}
	}
	if end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if (r == '\'' || r == '’') && possessiveS(text[end+n:]) {
			return true // "Gitlab's values": the name, possessive
		}
		if isWordRuneOrJoin(r) || strings.ContainsRune("_/@", r) {
			return false
		}
		if r == '.' && end+n < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[end+n:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
				return false // "GitLab.com" is not "GitLab"
			}
		}
	}
	return true
}

// possessiveS reports whether text, after an apostrophe, is the s of a
// possessive: "s" ending the word.
func possessiveS(text string) bool {
	if len(text) == 0 || text[0] != 's' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[1:])
	return len(text) == 1 || !isWordRuneOrJoin(r)
}

func isWordRuneOrJoin(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '‑' || r == '\'' || r == '’'
}

// checkTermPage runs the checks that read one page whatever the scope:
// phrases, closed forms, number plurals, role links, spelling varieties,
// abbreviations, acronyms and three-word terms.
func checkTermPage(p *lint.SetPass, f *model.Family, preferred map[string]string) {
	checkTermPhrases(p, f, preferred)
	checkTermClosed(p, f, preferred)
	checkTermNumberPlurals(p, f)
	checkTermRoleLinks(p, f)
	checkTermVarieties(p, f, lint.Options[termConsistencyOptions](p.Options).PageVariety)
	checkTermAbbreviations(p, f)
	checkTermAcronyms(p, f, preferred)
	checkTermTriples(p, f)
	checkTermNamePlurals(p, f)
	checkTermTitleAbbrevs(p, f)
	checkTermTitleCommas(p, f)
	checkTermRoleSpellings(p, f)
	checkTermRoleCase(p, f)
	checkTermNumberForms(p, f)
	checkTermUnitCompounds(p, f)
	checkTermCopiedCase(p, f)
}

// checkTermVarieties reports a British spelling on a page that writes the
// American one as often or more ("analyse" where the page also writes
// "Analyze", "practises" next to "practices"): the page mixes the two
// varieties, and the handbook writes American English. The pairs are
// misspell's British-to-American list, a few it lacks (termBritishExtra)
// and the -ise forms whose -ize form the dictionary knows
// ("optimisation"). The American evidence of an -ise word is the page's
// words of the -iz- stem in any form ("optimising" beside
// "optimization"). A page mostly British is left alone; with pageVariety
// (an organisation with no policy of a variety), so is a page whose other
// words show no American majority.
func checkTermVarieties(p *lint.SetPass, f *model.Family, pageVariety bool) {
	_, us := misspellings("US")
	d := englishWords()
	count := map[string]int{}
	type occ struct {
		b          *model.Block
		start, end int
		text, us   string
		stem       string // the American -iz- stem, or ""
	}
	_, uk := misspellings("UK")
	var british []occ
	var american []string // American forms, each with its British one
	for _, b := range f.Blocks {
		tw := wordingWords(b, false)
		for i, w := range tw.Words {
			lw := tw.Lower(i)
			h1, h2 := misspellHashes(lw) // once for both tables
			if am, ok := termAmerican(us, d, lw, h1, h2); ok {
				british = append(british, occ{b, int(w.Start), int(w.End), w.In(wordingText(b)), am, termStem(lw, am)})
			} else if br, ok := uk.fixHashed(lw, h1, h2); ok && br != lw {
				american = append(american, lw, br)
			}
		}
	}
	if len(british) == 0 {
		return // nothing to report: most pages
	}
	// the counts of the words compared below, in a second pass: not a
	// count of every word of the page; a stem counts the page's words
	// that start with it, each kept by its own spelling for the message
	stems := map[string]map[string]int{}
	britishOf := map[string]int{} // a stem's British words on the page
	for _, o := range british {
		count[o.us], count[strings.ToLower(o.text)] = 0, 0
		if o.stem != "" {
			stems[o.stem] = map[string]int{}
			britishOf[o.stem]++
		}
	}
	for i := 0; i < len(american); i += 2 {
		count[american[i+1]] = 0
	}
	for _, b := range f.Blocks {
		tw := wordingWords(b, false)
		text := wordingText(b)
		for i, lw := range tw.Lowers() {
			// a word of a name ("Majority Judgment", a voting method) is
			// spelt as its name is, not in the page's variety: a capital
			// inside a sentence, outside headings, counts neither way
			if b.Kind != model.BlockHeading && startsUpper(tw.Words[i].In(text)) {
				if !sentenceStart(text, int(tw.Words[i].Start)) {
					continue
				}
			}
			if n, ok := count[lw]; ok {
				count[lw] = n + 1
			}
			for stem, words := range stems {
				if strings.HasPrefix(lw, stem) {
					words[lw]++
				}
			}
		}
	}
	// the American evidence of a British word: its American form, or its
	// stem's words in all their forms ("optimizing", "optimization"), with
	// the most common of them; and the British words it is weighed against
	evidence := func(o occ) (word string, n, against int) {
		if o.stem == "" {
			return o.us, count[o.us], count[strings.ToLower(o.text)]
		}
		// the American form itself on a tie, else the first in order
		best, most := o.us, stems[o.stem][o.us]
		for w, c := range stems[o.stem] {
			n += c
			if c > most || c == most && best != o.us && w < best {
				best, most = w, c
			}
		}
		return best, n, britishOf[o.stem]
	}
	// the variety the page keeps where it writes a word one way only:
	// "organises" and "recognises" with no "organizes" make the page
	// British, and its one "behavior" beside "behaviour" is not ours to flip
	onlyBritish, onlyAmerican := 0, 0
	for _, o := range british {
		if _, n, _ := evidence(o); n == 0 {
			onlyBritish++
		}
	}
	for i := 0; i < len(american); i += 2 {
		if count[american[i+1]] == 0 {
			onlyAmerican++
		}
	}
	if onlyBritish > onlyAmerican || pageVariety && onlyBritish == onlyAmerican {
		return
	}
	for _, o := range british {
		lw := strings.ToLower(o.text)
		ev, n, against := evidence(o)
		what := quoted(ev)
		switch {
		case count[o.us] > 0 && count[o.us] >= count[lw] && (o.stem == "" || n >= against):
			// the word itself, written both ways: as often or more is
			// the page's spelling, unless the stem's other forms are
			// mostly British
			ev, n = o.us, count[o.us]
			what = quoted(ev)
		case o.stem != "" && n > against:
			// the stem's other forms only: a clear majority
			// ("optimization" twice beside one "optimising"), not a tie
			// of two words ("organize" beside "organisation")
			if n > stems[o.stem][ev] {
				what += " and its other forms"
			}
		default:
			continue
		}
		want := spellLike(o.us, o.text)
		reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: o.text}, want,
			fmt.Sprintf("write %s, not %s: the page writes American English (%s: %d %s on this page)", quoted(want), quoted(o.text),
				what, n, pluralWord(n, "time", "times")))
	}
}

// termBritishExtra are British spellings misspell's list lacks, with the
// American ones: the handbook writes "specialty", "judgment". Each pair
// differs at one place, so that the American stem ("specialt", "judgm")
// holds American forms only; "skilful" (stem "skill") or "enrolment"
// ("enrolled" is both) would not. A switch, not a map: it is asked of
// every word of every page, and a switch on strings compares lengths
// first, without the hash and the probe of a map (31 million instructions
// of the 1-copy workload).
func termBritishExtra(w string) (string, bool) {
	switch w {
	case "speciality":
		return "specialty", true
	case "specialities":
		return "specialties", true
	case "judgement":
		return "judgment", true
	case "judgements":
		return "judgments", true
	}
	return "", false
}

// termIseSuffixes end the British -ise forms of a verb and its nouns:
// "optimise", "optimising", "optimisation".
var termIseSuffixes = []string{"isations", "isation", "ising", "ised", "ises", "isers", "iser", "ise"}

// termAmerican returns the American spelling of a lower-case British word:
// misspell's pair, a pair of termBritishExtra, or an -ise form whose -ize
// form the dictionary knows and the -ise form not as a word of its own
// ("optimisation"; not "advertise", "expertise").
// h1 and h2 are misspellHashes(lw).
func termAmerican(us *misspellTable, d *wordDict, lw string, h1, h2 uint32) (string, bool) {
	if am, ok := us.fixHashed(lw, h1, h2); ok && am != lw {
		return am, true
	}
	if am, ok := termBritishExtra(lw); ok {
		return am, true
	}
	if !strings.Contains(lw, "is") {
		return "", false // every suffix of termIseSuffixes holds "is"
	}
	for _, suf := range termIseSuffixes {
		stem, ok := strings.CutSuffix(lw, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		am := stem + "iz" + suf[2:]
		if d.has(am) && !d.common(lw) {
			return am, true
		}
		return "", false
	}
	return "", false
}

// termStem returns the American stem of a British word whose forms all
// differ from the American ones at one place: an -iz- (-yz-) stem where the
// British form writes -is- (-ys-) ("optimiz" for "optimising"), or the
// stem of a termBritishExtra pair ("specialt"); else "". The
// page's words of that stem in any form are its American evidence.
func termStem(british, american string) string {
	i := 0
	for i < len(british) && i < len(american) && british[i] == american[i] {
		i++
	}
	if i < 1 || i >= len(american) {
		return ""
	}
	if _, ok := termBritishExtra(british); ok {
		return american[:i+1]
	}
	if american[i] != 'z' || british[i] != 's' || american[i-1] != 'i' && american[i-1] != 'y' {
		return ""
	}
	return american[:i+1]
}

// termAbbreviations are Latin abbreviations and the dotted form a page
// writes them in: "eg." where the page writes "e.g." is a variant.
var termAbbreviations = []struct {
	variant *regexp.Regexp
	written string // the variant's letters, lower case
	ref     string
}{
	{regexp.MustCompile(`(?i)\beg\.`), "eg.", "e.g."},
	{regexp.MustCompile(`(?i)\bie\.`), "ie.", "i.e."},
}

// checkTermAbbreviations reports "eg." and "ie." on a page that also
// writes "e.g." or "i.e." (the usual form; the dotted one is the reference
// whatever the counts, as the style guides write it).
func checkTermAbbreviations(p *lint.SetPass, f *model.Family) {
	texts := make([]string, len(f.Blocks))
	for i, b := range f.Blocks {
		texts[i] = wordingText(b)
	}
	for _, a := range termAbbreviations {
		n := 0
		for _, t := range texts {
			// a rune lowers to '.' only from '.', and to "g" or "e"
			// only from its capital: text without ".g." (".e.") in
			// either case holds no "e.g." ("i.e.") once lowered
			if model.ContainsFold(t, a.ref[1:]) {
				n += strings.Count(strings.ToLower(t), a.ref)
			}
		}
		if n == 0 {
			continue
		}
		for i, b := range f.Blocks {
			if !model.ContainsFold(texts[i], a.written) {
				continue // every match holds it ("eg."; no other rune folds to e, g or i)
			}
			for _, m := range a.variant.FindAllStringIndex(texts[i], -1) {
				written := b.Text[m[0]:m[1]]
				want := a.ref
				if written[0] == 'E' || written[0] == 'I' {
					want = strings.ToUpper(want[:1]) + want[1:]
				}
				reportTerm(p, &termOcc{f: f, b: b, start: m[0], end: m[1], text: written}, want,
					fmt.Sprintf("write %s, not %s (%s: %d %s on this page)", quoted(want), quoted(written), quoted(a.ref), n, pluralWord(n, "time", "times")))
			}
		}
	}
}

// checkTermAcronyms reports an acronym written with only its first letter
// capital ("Sox controls") inside a sentence, on a page that writes it in
// capitals ("SOX") as often or more outside headings: the capitals are
// the acronym's, and title case a slip. A hyphenated word ("non-Apex") and
// a sentence's first word are left alone. Likewise a name, a word no
// dictionary holds, written in lower case ("google sheets") on a page that
// capitalises it inside sentences as often or more ("Google").
func checkTermAcronyms(p *lint.SetPass, f *model.Family, preferred map[string]string) {
	type occ struct {
		b          *model.Block
		start, end int
	}
	caps := map[string]int{}
	titled := map[string][]occ{}
	var order []string
	// names: a word no dictionary holds, capitalised inside a sentence
	// ("Google"), and the same word in lower case ("google sheets")
	named := map[string]int{}
	lowered := map[string][]occ{}
	// the words in lower case written as identifiers ("kumahq/kuma"):
	// counted for the lower case, as the owner's spelling, never reported
	idents := map[string]int{}
	// an everyday word the page writes in lower case more often than in
	// capitals ("all", "if") is emphasis in capitals ("ALL"), no acronym
	plain := map[string]int{}
	var lowOrder []string
	d := englishWords()
	for _, b := range f.Blocks {
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		tw := wordingWords(b, true)
		// a capital word next to another capitalised one is title case
		// ("Burndown Chart") or emphasis ("DO NOT"), no evidence of a name
		// or an acronym
		upperAt := func(j int) bool {
			return j >= 0 && j < len(tw.Words) && startsUpper(tw.Words[j].In(text)) && !sentenceStart(text, int(tw.Words[j].Start))
		}
		// an acronym in a list of acronyms ("SOX, PCI, GDPR") stands
		// alone: only a neighbour after a bare space makes a phrase
		upperNext := func(i, j int) bool {
			if !upperAt(j) {
				return false
			}
			lo, hi := min(i, j), max(i, j)
			return strings.TrimSpace(text[tw.Words[lo].End:tw.Words[hi].Start]) == ""
		}
		for i, w := range tw.Words {
			t := w.In(text)
			if len(t) < 2 || !isASCIILetters(t) {
				continue
			}
			lower := tw.Lower(i) // strings.ToLower(t), made once for every rule
			if _, ok := preferred[lower]; ok {
				continue // checked against the preferred spelling
			}
			switch {
			case !hasASCIILower(t): // strings.ToUpper(t) == t, without the copy: t is ASCII letters
				// an everyday word in capitals is emphasis ("NOTE",
				// "ALL"), not an acronym
				everyday := prose.IsStopWord(lower) || termEverydayShort[lower] || len(t) >= 4 && (d.common(lower) || derivedWord(d, lower))
				if len(t) <= 6 && !upperNext(i, i-1) && !upperNext(i, i+1) && b.Kind != model.BlockCell && !everyday {
					caps[t]++
				}
			case len(t) <= 6 && t[0] >= 'A' && t[0] <= 'Z' && innerCapital(t) && !termMixedCase[lower] && !termNames()[lower]:
				// an acronym typed with a letter in lower case inside
				// it ("SoX" for "SOX"), wherever it stands; a plural's
				// "s" ("KPIs"), a name and an abbreviation written so by
				// convention ("PhD", "PaaS") are no slips
				up := strings.ToUpper(t)
				if titled[up] == nil {
					order = append(order, up)
				}
				titled[up] = append(titled[up], occ{b, int(w.Start), int(w.End)})
			case t[0] >= 'A' && t[0] <= 'Z' && !hasASCIIUpperOrNot(t[1:]) && !sentenceStart(text, int(w.Start)): // t[1:] in lower case
				// a known product counts in a title-case name ("Google
				// Sheets"); another word only alone ("Burndown Chart" is
				// title case)
				if termName(d, lower) && (!upperAt(i-1) && !upperAt(i+1) && b.Kind != model.BlockCell || termNames()[lower]) {
					named[lower]++
				}
				if len(t) > 6 {
					continue
				}
				up := strings.ToUpper(t)
				if titled[up] == nil {
					order = append(order, up)
				}
				titled[up] = append(titled[up], occ{b, int(w.Start), int(w.End)})
			}
		}
	}
	// the count in lower case of the acronyms that may be reported,
	// taken in the second pass: not a count of every word
	for _, up := range order {
		if n := caps[up]; n > 0 && n >= len(titled[up]) {
			plain[strings.ToLower(up)] = 0
		}
	}
	// the words in lower case that are names, where the page also writes
	// them capitalised, and the counts above: a second pass over the page,
	// only when needed (the dictionary is asked only of the words written
	// capitalised too, not of every word in lower case)
	for _, b := range f.Blocks {
		if len(named) == 0 && len(plain) == 0 {
			break
		}
		if b.Kind == model.BlockHeading {
			continue
		}
		text := wordingText(b)
		tw := wordingWords(b, true)
		for i, w := range tw.Words {
			t := w.In(text)
			if len(t) < 2 || hasASCIIUpperOrNot(t) {
				continue // not a word in lower case
			}
			if _, ok := preferred[t]; ok {
				continue
			}
			if n, ok := plain[t]; ok {
				plain[t] = n + 1
			}
			if named[t] == 0 || !termName(d, t) {
				continue
			}
			if parenthesised(text, int(w.Start), int(w.End)) {
				// "the runtime (dapr)": an identifier glossing the words
				// before it, a repository's or a command's name as written
				continue
			}
			if identifierWord(text, tw, i) {
				// "kumahq/kuma", "@meshery/maintainers": a path, a handle
				if lowered[t] == nil && idents[t] == 0 {
					lowOrder = append(lowOrder, t)
				}
				idents[t]++
				continue
			}
			if lowered[t] == nil && idents[t] == 0 {
				lowOrder = append(lowOrder, t)
			}
			lowered[t] = append(lowered[t], occ{b, int(w.Start), int(w.End)})
		}
	}
	for _, lw := range lowOrder {
		n := named[lw]
		low := len(lowered[lw]) + idents[lw]
		if n == 0 || n < low || len(lowered[lw]) == 0 {
			continue
		}
		if !termNames()[lw] && n < 2*low {
			continue // a word no list knows ("Webhook", "webhook"): only a clear majority names it
		}
		want := strings.ToUpper(lw[:1]) + lw[1:]
		for _, o := range lowered[lw] {
			written := o.b.Text[o.start:o.end]
			reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, want,
				fmt.Sprintf("write %s, not %s: the page writes the name with a capital (%s: %d %s on this page)", quoted(want), quoted(written),
					quoted(want), n, pluralWord(n, "time", "times")))
		}
	}
	for _, up := range order {
		n := caps[up]
		if n == 0 || n < len(titled[up]) || plain[strings.ToLower(up)] >= n {
			continue
		}
		if n == len(titled[up]) && !slices.ContainsFunc(titled[up], func(o occ) bool { return !innerCapital(o.b.Text[o.start:o.end]) }) {
			// a tie with a form in mixed case at both ends ("the CNCF Code
			// of Conduct (COC)", then "Follow the CNCF CoC"): no majority,
			// and a small letter for a small word ("CoC", "PoC") is a usual
			// spelling of an acronym; an acronym written as a word ("Sox"
			// beside "SOX") is still a slip on a tie
			continue
		}
		for _, o := range titled[up] {
			written := o.b.Text[o.start:o.end]
			reportTerm(p, &termOcc{f: f, b: o.b, start: o.start, end: o.end, text: written}, up,
				fmt.Sprintf("write %s, not %s: the page writes the acronym in capitals (%s: %d %s on this page)", quoted(up), quoted(written),
					quoted(up), n, pluralWord(n, "time", "times")))
		}
	}
}

// termMixedCase are abbreviations written in mixed case by convention: in
// capitals ("PHD") they are no acronym's right spelling.
var termMixedCase = map[string]bool{"phd": true, "paas": true, "iaas": true, "faas": true, "daas": true, "tex": true,
	"latex": true, "mbps": true, "gbps": true, "kbps": true, "ghz": true, "mhz": true}

// innerCapital reports whether a word of ASCII letters, capital first,
// has a lower-case letter between two capitals ("SoX", "GiT"): an acronym
// with a slip, not a title-case word ("Sox"), a plural ("KPIs") or a word
// in capitals.
func innerCapital(t string) bool {
	lowerSeen := false
	for i := 1; i < len(t); i++ {
		switch c := t[i]; {
		case 'a' <= c && c <= 'z':
			lowerSeen = true
		case 'A' <= c && c <= 'Z' && lowerSeen:
			return true
		}
	}
	return false
}

// changesLower reports whether strings.ToLower(s) != s, without the copy
// where s is ASCII.
func changesLower(s string) bool {
	if !isASCII(s) {
		return strings.ToLower(s) != s
	}
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// changesUpper reports whether strings.ToUpper(s) != s, without the copy
// where s is ASCII.
func changesUpper(s string) bool {
	if !isASCII(s) {
		return strings.ToUpper(s) != s
	}
	return hasASCIILower(s)
}

// termName reports whether a lower-case word of ASCII letters may be a
// name: four letters or more, and on the list of names or in no
// dictionary.
func termName(d *wordDict, lower string) bool {
	return len(lower) >= 4 && (termNames()[lower] || !knownWord(d, lower) && !derivedWord(d, lower))
}

// hasASCIIUpperOrNot reports whether s holds a byte that is not a
// lower-case ASCII letter: s is not a word in lower case of ASCII letters.
func hasASCIIUpperOrNot(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return true
		}
	}
	return false
}

// parenthesised reports whether text[start:end] is the whole of a pair of
// parentheses: "(dapr)".
func parenthesised(text string, start, end int) bool {
	return start > 0 && text[start-1] == '(' && end < len(text) && text[end] == ')'
}

// isASCIILetters reports whether s holds only the letters A-Z and a-z.
// hasASCIILower reports whether s holds a lower-case ASCII letter.
func hasASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// termNames are lower-case product names that are also dictionary words
// ("google", "slack"), and the names the spelling dictionary adds
// (techNames): a page that capitalises them names the product.
var termNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{"google": true, "slack": true}
	for _, w := range techNames {
		if !termCommonNames[w] {
			m[w] = true
		}
	}
	return m
})

// termCommonNames are product names of techNames that are everyday words
// too ("talent outreach", "company culture"): their lower case is no slip.
var termCommonNames = map[string]bool{"outreach": true, "culture": true, "greenhouse": true, "lattice": true,
	"mural": true, "stitch": true, "vault": true, "consul": true, "helm": true, "envoy": true, "amp": true,
	"jest": true, "gong": true, "workday": true, "confluence": true, "snowflake": true, "airflow": true,
	"carta": true, "kanban": true, "capybara": true}

// termEverydayShort are short everyday words written in capitals for
// emphasis ("ALL", "ADD"), never acronyms.
var termEverydayShort = map[string]bool{"all": true, "add": true, "not": true, "if": true, "any": true, "new": true,
	"old": true, "use": true, "see": true, "get": true, "set": true, "run": true, "end": true, "top": true, "low": true,
	"big": true, "key": true, "fix": true, "our": true, "you": true, "are": true, "can": true, "may": true, "yes": true,
	"now": true, "how": true, "why": true, "who": true, "one": true, "two": true, "out": true, "off": true, "for": true,
	"per": true, "via": true, "max": true, "min": true, "and": true, "or": true, "no": true, "do": true, "go": true,
	"up": true, "us": true, "it": true, "is": true, "be": true, "to": true, "we": true, "me": true, "my": true,
	"on": true, "in": true, "at": true, "by": true, "of": true, "so": true, "ok": true, "hi": true, "oh": true}
