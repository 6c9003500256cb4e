package rules

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/golangci/misspell"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/prose"
)

type misspellingOptions struct {
	// Allow lists words never reported.
	Allow []string `yaml:"allow"`
	// Locale also reports the other variety's spellings: "US" reports
	// British spellings, "UK" American ones; "" reports neither.
	Locale string `yaml:"locale"`
	// Cautious reports a word the dictionary lacks only on strong
	// evidence, for pages whose names and jargon no word list knows (other
	// organisations' ladders): see cautiousRefuses.
	Cautious bool `yaml:"cautious"`
}

// handbookWords are words of GitLab's handbook that misspell's dictionary
// would "correct" although they are meant: "copywrite" (to write copy, in
// marketing families) is not "copyright".
var handbookWords = []string{"copywrite"}

var misspellingRule = &lint.Rule{
	ID:       "misspelling",
	Title:    "a word in no English dictionary, nor the site's own words, nor the allow list, one edit from a known word",
	Category: lint.Wording,
	Severity: lint.Warning,
	Fixable:  true,
	Doc: lint.Doc{
		Description: "Words are checked against an English dictionary (SCOWL, American and British, shipped in the " +
			"binary; see `rules/wordlists/NOTICE.md`), a short list of tech and product words, the site's own " +
			"vocabulary and the `allow` list. A word is reported only when it is in none of them and a known " +
			"word is one edit away (a letter dropped, added, changed, or two swapped), not at its first letter " +
			"(save a lower-case word of eight letters or more whose first letter is one typed ahead, a letter that " +
			"follows two or three places later: \"pepresent\" is \"represent\"): " +
			"\"resposible\", \"stakeholdrs\", \"Responsibilites\". A word of seven letters or more that no known word is one edit " +
			"from is reported when it is a common word the site writes with one slip that changes two letters: a pair of letters " +
			"typed twice (\"Quantititative\"), a pair dropped (\"Quantitive\"), a letter typed two or more places from its own " +
			"(\"steakholders\"), its first and last letters and its form kept; two letters changed, or a pair added that repeats " +
			"nothing, is as likely a name or a compound (\"Bronwyn\" is not \"Brown\", \"cutover\" not \"cover\"). Common misspellings from the list of " +
			"[misspell](https://github.com/golangci/misspell) are reported as well.\n\n" +
			"The site's vocabulary is the words of the other files linted: a word two or more other pages use " +
			"is the site's own (a product, team or jargon word), unless a word one edit from it is used far more " +
			"often (\"Responsibilties\" copied between pages). Plurals and verb forms of known words " +
			"(\"financials\", \"sharding\"), words with a common prefix (\"untrusting\"), words in mixed case " +
			"(\"GitLab\"), acronyms (and an acronym the page writes in capitals twice or more, in lower case inside a name: " +
			"\"ocio-dev\" beside \"OCIO\"; a name the page writes in mixed case twice or more, in lower case: \"__cubefs__\" beside \"CubeFS\", " +
			"whose case term-consistency judges), two words written solid where the word one edit away is the pair with the second word's " +
			"first letter dropped (\"manpages\", man pages, not \"manages\"; a slip elsewhere in the word is still one: \"pepresent\"), the plural of a word the page writes with a capital and without (\"mixins\" beside " +
			"\"Mixin\" and \"mixin\"), a lower-case word of a slug (\"nodejs/node\", \"@nodejs/tsc\") that a link address of " +
			"the page also writes (an owner's name) or that is a word of the page's title with a short suffix (\"expressjs/express\" on " +
			"\"Express Governance\"), a word in a link's text that the link's own address writes (a user's name: " +
			"\"[wreed](https://discuss.example/u/wreed)\"), the names of a list of people or of a table column of people headed " +
			"by a noun of people, singular or plural, alone or after a qualifier (\"Name\", \"Maintainer\", \"Team Member\") (two or three capitalised words, alone or before an affiliation, in three or more items or cells " +
			"and two thirds of them: \"* Augustin Husson ([Amadeus](...))\", \"* [Cristian Greco](https://github.com/cristiangreco) - Grafana Labs\", " +
			"\"* Conrad Hoffmann @conradhoffmann\", \"| Cristian Greco | Grafana Labs |\"; a title before a dash and a description is no name; a column under another header is one of people when, in three or more of the rows that link to a person's profile (GitHub, GitLab, Twitter/X, Reddit, LinkedIn, \"/@name\"), and two thirds of them, the handle writes the cell's words: \"| Dennis Reimann | [Twitter](https://twitter.com/dennisreimann) |\" under \"| Wasabika | Contact |\", not a column of job titles or teams beside them) wherever the page writes them, " +
			"a word beside a word of another language (an accent, or an elided \"d'\" or \"l'\": \"raison d'être\"), " +
			"\"badging\" and other -ing forms with a verb's \"e\" dropped where the dictionary writes the verb with -ed (\"badged\"), known words of four letters or more made adjectives by -able, -ably or -ability (\"trustable\", \"shippable\", \"verifiable\"; not where the dictionary writes the word with -ible: \"flexable\"), nouns in -ee of a person at work that the dictionary's size leaves out (\"reportee\", \"mentee\", \"designee\", \"supervisee\"), words of three letters or fewer, and capitalised words whose candidates the site " +
			"never writes (names such as \"Gitter\") are not reported. Code, link targets, URLs, e-mail addresses, " +
			"the front matter's other keys and template placeholders are skipped (its `title` and `description`, written on one line, are " +
			"checked as prose: search results show them). A name in mixed case written as a plural where " +
			"its possessive is meant (\"GitLabs values\", \"GitLabs’ Values\") is reported when the site writes the " +
			"name twenty times or more and ten times as often as the plural. \"Principle\" right before a capitalised word " +
			"(\"Principle Accounting Officer\", but not \"Principle Of\") is a title, where \"Principal\" is meant; " +
			"A three-letter word in lower case that is a common four-letter word with a letter dropped, not its first (\"wll\" for \"will\", " +
			"\"tht\" for \"that\"), is reported with that word. A word after a prefix and a hyphen is read joined to the prefix, so that " +
			"\"multi-takser\" is \"multi-tasker\" (\"multitasker\"), not \"taker\" or \"taser\". An acronym written with a lower-case \"l\" for its \"I\" (\"ROl\") is that acronym when the site writes it ten times or more " +
			"and no other page writes the slip. A capitalised dictionary word whose first letter " +
			"is typed twice, first in lower case (\"pProgram\"), is that word (\"iPhone\" and \"eBay\" have a first letter of their own); " +
			"a second apostrophe after a possessive (\"Bachelor's’ Degree\"), one that closes no quotation, is dropped. " +
			"The possessive of a lower-case plural of a dictionary noun written with an \"s\" after its apostrophe (\"team members's goals\") " +
			"is reported with the plural's possessive and the singular's as candidates, without a fix (\"members'\" or \"member's\"); " +
			"a word that reads as a singular in \"s\" (\"process's\", \"focus's\", \"analysis's\", \"analytics's\", \"news's\") is none. A lower-case " +
			"word that is two common words run together (\"problemsolving\") is reported when the page writes the two apart twice or " +
			"more, once with a hyphen (\"datastores\" beside \"data stores\" is a tech word's variant), and no other page writes it joined (\"referenceability\" is a sales word), offering the page's forms " +
			"(\"problem-solving\", \"problem solving\") without a fix. Two capitalised words run together (\"PeopleOperations\", \"AnalystJob Grade\") are reported with the two apart when the page writes them so, as written, twice or more, or three pages of the site do, and no other page writes them joined (a name in mixed case, \"PowerPoint\", \"DevOps\", is one the site does not write apart; a first word that is a prefix, \"MidMarket\", makes one word however written). \"aide\" right after a modal verb (\"will aide us\") is the verb \"aid\"; \"Manger\" right after a capitalised word " +
			"(\"Senior Manger\") is \"Manager\". The common slips of English grammar that the word beside them gives away, one space apart, " +
			"are reported with the word meant: \"it's own\" and \"there own\" (\"its\", \"their\"), \"its\" before \"a\", \"an\", \"the\", \"not\" or \"been\" (\"it's\"), \"then\" after a comparative, \"rather\" or " +
			"\"other\" (\"than\"), \"apart of\" after \"be\", \"as\" and the like (\"a part\"), \"of\" after \"could\", \"should\", \"would\" or " +
			"\"might\" (\"have\"), \"weather or not\", \"sneak peak\", \"free reign\", \"tow the line\" and \"per say\"; a comma between " +
			"(\"could, of course,\") is none. So is \"effect\" as a verb, after a modal, \"that\" or an adverb and before its object " +
			"(\"changes that effect large groups\", \"will effect the ability\"): \"affect\" (\"to effect change\" and \"to that effect\" are " +
			"left alone). So is an indefinite article before a word whose first sound asks for the other one, where that sound is certain: " +
			"\"a\" before an ordinary word opening with \"a\", \"e\", \"i\" or \"o\" (\"a Engineering Manager\"; not \"a one-time\", " +
			"\"a European\") or with the \"u\" of \"up\" (\"un-\" but \"uni-\" and \"una-\", \"up-\", \"ul-\", \"um-\", \"ug-\": " +
			"\"a understanding\", \"a update\"), \"an\" before one opening with a consonant other than \"h\", \"u\", \"x\" or \"y\" (\"an Salesforce " +
			"instance\") or with the \"you\" of \"use\", \"usual\", \"utili-\", \"unique\", \"unit\", \"univers-\", \"union\", " +
			"\"unif-\" (\"an user\", \"an unique\"; not \"an uninstall\", \"a unanimous\"), with the other article as the fix; so is \"an\" before an acronym opening with b, c, d, g, j, k, p, q, t, v, w or z (\"an PM\"), " +
			"\"a\" before one opening with a, e, i or o (\"a OKR\"; not \"a EULA\") and \"a\" before one opening with f, l, m, n, r, s or x " +
			"read as letters: without a vowel (\"a MR\", \"a SDR\"; not \"a SQL query\", \"a XL size\") or a short list (\"a SRE\", \"a NDA\"); " +
			"other acronyms (\"a NASA\", \"a SKU\", \"a HR\", \"a UX\"), words without a vowel (\"an ssh " +
			"session\"), numbers, a capital \"A\" inside a sentence (\"Plan A is\") and an \"an\" that reads as a slip of \"and\" or " +
			"\"any\" (before a lower-case verb in -ed or -ing or a lower-case plural, or before a capitalised word after a comma: " +
			"\"Google, Salesforce, an Twilio\") are left alone. An indefinite article before a plural in -s with adjectives only between, in two precise shapes, " +
			"is reported without a fix: a number and a unit joined by a hyphen (\"schedule a 50-minute interviews with\"), or two adjectives with a comma " +
			"between and at most one word after them (\"a repeatable, scalable data views that\"), the plural's phrase ending there (on a mark, a " +
			"preposition or a conjunction, or only \"that\" or \"which\" after a word between); a plural in -ss, -us, -is or -ics and \"series\", " +
			"\"means\", \"news\" and \"species\" are none. A hyphenated compound's plural written with an apostrophe (\"Nice-to-have's\", \"to-do's\") is reported with the plural " +
			"without it as the fix, where its phrase ends after it (the text's end, a mark, \"and\", \"or\", \"are\", \"were\", \"have\"); a " +
			"possessive before its noun (\"the editor-in-chief's decision\") is left alone. A lower-case word of nine letters or more that no word is one edit or one slip from is " +
			"the one common word the site writes that keeps its first five letters and its last one, three edits away at most " +
			"(\"synthizie\" for \"synthesize\"). A lower-case word of six letters or more may be a word with its first letter dropped " +
			"(\"eliver\": \"deliver\"). A dictionary noun's possessive before \"are\", \"were\" or \"have\", or a capitalised one inside " +
			"a sentence before \"at\" (\"Executive Business Administrator's at GitLab\"), is a plural written with an apostrophe. A rare dictionary word of six letters or more, written once with a capital inside " +
			"a sentence and on no other page, is a slip of the one common word one edit from it that the site writes twenty times or more " +
			"(\"Senior Manager, Revenuer Accounting\"). A name in mixed case written with the apostrophe before its last \"s\" " +
			"(\"DevOp’s role\") is that name's possessive (\"DevOps’\") when the site writes the name twenty times or more and never without its \"s\". " +
			"Two words of three letters or more written apart that make one word of the English word list (\"Hand book\") are that word " +
			"when the site writes it twenty times or more, on three pages or more, and no other page writes the two apart; function words and " +
			"particles (\"with in\", \"set up\", \"there for\") and the words the checker adds to the list, whose open forms are English " +
			"too (\"front end\", \"life cycle\"), are left alone; not with `cautious`. An acronym written twice around a slash (\"CI/CI\") is the pair of " +
			"acronyms it opens that the site writes most (\"CI/CD\"), when the site writes that pair ten times or more, on three pages or " +
			"more, and eight times as often as the twin. An adjective opening a sentence before a comma and a clause (one to three " +
			"words in lower case, then an auxiliary or modal verb: \"Final, candidates will be invited\") is the adverb \"-ly\" makes of it " +
			"(\"Finally\") when that is a dictionary word the site writes twenty times or more; two adjectives (\"Relevant, progressive " +
			"experience\") and an ordinal (\"First, candidates will\") are left alone. Two lower-case dictionary words joined by an asterisk, the only one of " +
			"their source line but a list marker (\"extremely detail*oriented\"), are offered with a hyphen and apart, without a fix. " +
			"Unless it is a listed common misspelling, a capitalised word that names a site the page links to (the label of the " +
			"link's host before its suffix: \"Patreon\" beside https://www.patreon.com/...) is that site's name, and a word whose " +
			"agent noun the page writes twice or more (\"keyhold\" beside \"keyholder\", \"keyholders\") " +
			"is a word the page forms from its own noun: neither is reported.\n\n" +
			"`--fix` writes the correction only when it is certain: one candidate that keeps the word's form " +
			"(\"practies\" is \"practices\", plural as written, not \"practise\") and the page's variety of " +
			"English, with no word the site writes that the typo is with two letters dropped (\"terrory\": " +
			"\"terror\" or \"territory\"?); otherwise the message offers the candidates and the word is left alone. A word of no " +
			"form whose slip may be in its ending (its last two letters swapped, \"invitde\", or its last \"s\" dropped, " +
			"\"policie\") has no certain form: the candidates with a suffix (\"invited\", \"policies\") are offered with the " +
			"others, without a fix. A capitalised word of six letters or more whose last two letters are swapped (\"Engagemetn\") " +
			"is a slip, not a name.",
		Bad:  "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Responsibilities\n\n- Collaborate with the team on architectual decisions\n",
		Good: "---\ntitle: Backend Engineer\n---\n\n## Backend Engineer\n\n### Responsibilities\n\n- Collaborate with the team on architectural decisions\n",
		Options: []lint.OptionDoc{
			{Name: "allow", Default: "[]", Text: "words never reported and known as words (case does not matter), added to the built-in lists"},
			{Name: "locale", Default: `""`, Text: "`US` also reports British spellings (\"optimise\"), `UK` American ones; empty reports neither"},
			{Name: "cautious", Default: "false", Text: "report a word the dictionary lacks only on strong evidence, for pages whose names and jargon no word list knows " +
				"(on in the generic profile). Unless it is a listed common misspelling, a word of five letters or fewer is reported " +
				"only when one common word is suggested and the word is that one with a letter dropped, two letters swapped, or one " +
				"doubled or undoubled (\"goup\"; not \"kata\", \"tada\", \"ocio\": names, jargon and handles are short); a word the " +
				"page writes three times or more, or with a capital inside a sentence, only when it is such a slip of a word " +
				"suggested or the page writes a word suggested (not \"Sermant\", never \"Servant\": the page's own name); a " +
				"lower-case word of a slug (\"owner/repo\", \"@team\") is an identifier and is not reported"},
		},
	},
	Options: func() any { return &misspellingOptions{} },
	Validate: func(o any) error {
		switch strings.ToUpper(o.(*misspellingOptions).Locale) {
		case "", "US", "UK":
			return nil
		}
		return fmt.Errorf("locale: %q is not US, UK or empty", o.(*misspellingOptions).Locale)
	},
	CheckAll:   checkMisspelling,
	SlimModels: true, // reads its summaries (with their blocks) and the source
	Collect:    collectMisspelling,
	// the cache keeps a page's word counts (a page with words to report is
	// collected again)
	EncodeSummary: encodeSpellPage,
	DecodeSummary: decodeSpellPage,
	// a reported page's words are looked up in the dictionary
	Prefetch: func() { englishWords() },
}

func init() { lint.Register(misspellingRule) }

var (
	misspellOnce                 sync.Once
	misspellMain, misspellLocale map[string]*misspellTable // by list
)

// The misspelling lists of github.com/golangci/misspell (DictMain,
// DictAmerican, DictBritish) as the maps misspell fills from them answer:
// one line a misspelling, "misspelling\tcorrection\n" (the later pair of
// one listed twice), sorted by misspelling (TestMisspellListsAsLibrary
// holds them to the library and writes them with -update). Embedded as
// text, not read from the library's []string variables: a package-level
// []string of 62,000 strings lies in the binary's data section, which the
// collector scans at every cycle (a pointer a string: 7 million
// instructions a cycle on the 1-copy workload), used or not; text holds no
// pointer. Origin and licence: wordlists/NOTICE.md.
var (
	//go:embed wordlists/misspell-main.txt
	misspellListMain string
	//go:embed wordlists/misspell-us.txt
	misspellListUS string
	//go:embed wordlists/misspell-uk.txt
	misspellListUK string
)

// misspellTable maps lower-case misspellings to their corrections. Most
// words are no misspelling: a Bloom filter of the table's words (64 KiB,
// about 1% false positives) answers for them without a lookup. The others
// are looked up by binary search in an index of the list's lines sorted by
// misspelling (4 bytes a line: its offset in the list's text and the
// misspelling's length): a map of them was 1.9 MB, held from the first
// page's wording rules to the end of the run (a page of 20,000 graded
// headings peaks while it is held). Built once, read only; it holds no
// pointer but the list's text, so the collector has nothing to scan in it.
type misspellTable struct {
	list   string   // misspelling, tab, correction, newline, ...
	sorted []uint32 // the lines by misspelling (misspellEntry); the last line of a misspelling written twice
	filter [1 << 13]uint64
}

// newMisspellTable indexes a list of lines "misspelling\tcorrection\n"
// (misspellings under 256 bytes, the list under 16 MiB). The embedded
// lists come sorted, each misspelling once; another list is sorted here,
// the later line of a misspelling written twice kept, as a map filled in
// the list's order keeps it.
func newMisspellTable(list string) *misspellTable {
	t := &misspellTable{list: list, sorted: make([]uint32, 0, strings.Count(list, "\n"))}
	sorted := true
	for off := 0; off < len(list); {
		line := list[off:]
		if n := strings.IndexByte(line, '\n'); n >= 0 {
			line = line[:n]
		}
		w, _, _ := strings.Cut(line, "\t")
		if len(w) > 0xff || off+len(line) >= 1<<24 {
			panic("misspelling list: a misspelling of 256 bytes or more, or a list of 16 MiB")
		}
		e := uint32(off)<<8 | uint32(len(w))
		if k := len(t.sorted); k > 0 && t.wrong(t.sorted[k-1]) >= w {
			sorted = false
		}
		t.sorted = append(t.sorted, e)
		h1, h2 := misspellHashes(w)
		t.filter[h1/64] |= 1 << (h1 % 64)
		t.filter[h2/64] |= 1 << (h2 % 64)
		off += len(line) + 1
	}
	if sorted {
		return t
	}
	// stable: of a misspelling listed twice the later pair is last in its
	// run, and kept
	slices.SortStableFunc(t.sorted, func(a, b uint32) int { return strings.Compare(t.wrong(a), t.wrong(b)) })
	out := t.sorted[:0]
	for k, e := range t.sorted {
		if k+1 < len(t.sorted) && t.wrong(t.sorted[k+1]) == t.wrong(e) {
			continue
		}
		out = append(out, e)
	}
	t.sorted = slices.Clip(out)
	return t
}

// wrong returns the misspelling of an entry of sorted: its line's offset
// in list (the upper 24 bits) and the misspelling's length (the lower 8).
func (t *misspellTable) wrong(e uint32) string {
	off := e >> 8
	return t.list[off : off+e&0xff]
}

// right returns the correction of an entry of sorted.
func (t *misspellTable) right(e uint32) string {
	line := t.list[e>>8+e&0xff+1:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		return line[:i]
	}
	return line
}

// misspellHashes returns two bit positions in the filter for w (FNV-1a).
func misspellHashes(w string) (uint32, uint32) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	const bits = 1<<13*64 - 1
	return uint32(h) & bits, uint32(h>>32) & bits
}

// fix returns the correction of a lower-case word, if it is a misspelling.
func (t *misspellTable) fix(w string) (string, bool) {
	h1, h2 := misspellHashes(w)
	return t.fixHashed(w, h1, h2)
}

// fixHashed is fix(w) given misspellHashes(w): a word asked of two tables
// is hashed once.
func (t *misspellTable) fixHashed(w string, h1, h2 uint32) (string, bool) {
	if t == nil {
		return "", false
	}
	if t.filter[h1/64]&(1<<(h1%64)) == 0 || t.filter[h2/64]&(1<<(h2%64)) == 0 {
		return "", false
	}
	k, ok := slices.BinarySearchFunc(t.sorted, w, func(e uint32, w string) int { return strings.Compare(t.wrong(e), w) })
	if !ok {
		return "", false
	}
	return t.right(t.sorted[k]), true
}

// misspellings returns the tables of misspellings for a locale ("" for the
// main list only; extra is nil then).
func misspellings(locale string) (main, extra *misspellTable) {
	misspellOnce.Do(func() {
		misspellMain = map[string]*misspellTable{"": newMisspellTable(misspellListMain)}
		misspellLocale = map[string]*misspellTable{"US": newMisspellTable(misspellListUS), "UK": newMisspellTable(misspellListUK)}
	})
	return misspellMain[""], misspellLocale[strings.ToUpper(locale)]
}

// spellWord is a word of prose the dictionary does not know. It holds what
// the merge stage needs of the word's block (positions, what comes before
// and after), so that the page's blocks need not be kept until then.
type spellWord struct {
	w     word       // Text cloned from the block's text
	span  model.Span // the word in the page's source
	start bool       // the word starts a sentence (sentenceStart)
	cell  bool       // the word is a table cell's whole text: a column's value
	// for a brand plural ("GitLabs’ values"): the word with the apostrophe
	// after it, when there is one, and that apostrophe
	apoText string
	apoSpan model.Span
	apo     string
	lower   string // lower case, "'s" kept
	site    bool   // a capitalised word naming a site the page links to (linkedSites)
	formed  bool   // a word whose agent noun the page writes (agentNounOnPage)
	named   bool   // a word of the page's title or of a link's address (pageNameWords), read while the page has its links
	style   misspell.WordCase
	short   string // for a three-letter slip of a common word ("teh"), that word
	brand   string // for a name's plural where its possessive is meant ("GitLabs values"), the name
	meant   string // for a real word confused with another ("Principle Engineer"), that word
	// for an indefinite article before a word whose first sound asks for
	// the other one ("a Engineering"), that word; meant is the article
	// meant (articleSlip)
	article string
	// pluralNear: a plural ends the article's noun phrase a few words on
	// ("an candidate tracking systems"), so the other article is no sure
	// fix either (articlePluralNear): the finding stands, with no fix
	pluralNear bool
	// for an indefinite article before a plural noun with adjectives
	// between ("a 50-minute interviews"), that noun (articlePlural)
	pluralAfter string
	// for a hyphenated compound's plural written with an apostrophe
	// ("Nice-to-have's"), the plural without it (compoundApostrophePlural)
	apoPlural string
	// for two capitalised words run together ("PeopleOperations"), the two
	// as the page writes them apart ("People Operations")
	joined string
	// for two capitalised common words run together that the page does
	// not write apart, the two apart: reported when other pages of the
	// site write them so (sitePair)
	joinedSite string
	// a rare dictionary word written with a capital inside a sentence
	// ("Senior Manager, Revenuer Accounting"): a slip of a common word
	// the site writes often, when no other page writes it (rareSlip)
	rare bool
	// for a name in mixed case ending in "s" written with the apostrophe
	// before its "s" ("DevOp’s"), the name and the apostrophe after it
	// ("DevOps’")
	nameS string
	// the prefix before a hyphen the word follows ("multi" of
	// "multi-takser"): its candidates are those of the joined word
	prefix string
	// for an acronym written with a lower-case "l" for its "I" ("ROl"),
	// the acronym
	lookalike string
	// for two words written apart that make one dictionary word ("Hand
	// book"), that word in lower case: reported when the site writes it
	// often and no other page writes the two apart (splitCompound)
	apart string
	// for an acronym written twice around a slash ("CI/CI"), the acronym
	// in lower case: reported with the pair the site writes most after it
	// ("CI/CD"), when it writes one often (slashTwinFix)
	slashTwin string
	// for an adjective opening a sentence before a comma and a clause
	// ("Final, candidates will ..."), the adverb meant ("finally"):
	// reported when the site writes it often (sentenceAdverb)
	adverb string
	// for two words joined by a lone asterisk ("detail*oriented"), the
	// two with a hyphen and apart (starJoined)
	star []string
	// for a plural's possessive with an "s" after its apostrophe
	// ("members's"), the possessives that may be meant, the plural's and
	// the singular's ("members'", "member's") (pluralPossessive)
	pluralPoss []string
}

// brandPlural returns the name a word is the plural of, written where its
// possessive is meant: "GitLabs" or "GitLabs’" for "GitLab's" (a name in
// mixed case, whose lower case is no English word), or "".
func brandPlural(d *wordDict, w string) string {
	t := strings.TrimSuffix(strings.TrimSuffix(w, "'"), "’")
	name, ok := strings.CutSuffix(t, "s")
	if !ok || len(name) < 4 || misspell.CaseStyle(name) != misspell.CaseUnknown || d.common(strings.ToLower(name)) {
		return ""
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return ""
		}
	}
	if name[0] < 'A' || name[0] > 'Z' {
		return ""
	}
	return name
}

// apostropheInName returns the name a word in mixed case is, with its
// apostrophe moved after its last "s", when the word is the name with the
// apostrophe typed before that "s" ("DevOp’s": "DevOps’"): the word
// without "'s" is in mixed case, of four letters or more, and no dictionary
// word; the caller checks that the site writes the name with its "s" often
// and never without. Else "".
func apostropheInName(d *wordDict, w string) string {
	if len(w) < 6 || w[len(w)-1] != 's' {
		return "" // no stem of four letters and an apostrophe's s: most words
	}
	for _, suffix := range [...]string{"'s", "’s"} { // not apo+"s": two strings a word of every page
		stem, ok := strings.CutSuffix(w, suffix)
		apo := suffix[:len(suffix)-1]
		if !ok || len(stem) < 4 || !innerMixedCase(stem) || knownWord(d, strings.ToLower(stem)) {
			continue
		}
		return stem + "s" + apo
	}
	return ""
}

// principalTitle reports whether "Principle" starts a title: right before
// a capitalised word that is not "Of" ("Principle Accounting Officer",
// "Principle Engineer"), where "Principal" is meant.
func principalTitle(text string, w, next word) bool {
	if text[w.End:next.Start] != " " || next.Text == "" || next.Text[0] < 'A' || next.Text[0] > 'Z' {
		return false
	}
	switch next.Text {
	case "Of", "OF", "And", "For", "To", "In":
		return false
	}
	return true
}

// confusedWord returns the word meant where the j-th word is a real word
// that its neighbours show to be a slip for another, or "":
//
//   - "Principle" starting a title (principalTitle) is "principal";
//   - "aide" (a person) right after a modal verb ("will aide us", "can
//     aide") is the verb "aid";
//   - "Manger" (a feeding trough) after a capitalised word, in a title
//     ("Senior Manger, Sales Systems"), is "manager";
//   - the common slips of English grammar that their neighbours give away
//     (slipByNeighbour): "it's own", "rather then", "be apart of".
func confusedWord(text string, tw *textWords, j int) string {
	words := tw.Words
	w := wordIn(text, words[j])
	if meant := slipByNeighbour(text, tw, j); meant != "" {
		return meant
	}
	switch w.Text {
	case "Principle":
		if j+1 < len(words) && principalTitle(text, w, wordIn(text, words[j+1])) {
			return "principal"
		}
	case "aide", "Aide":
		if j > 0 && text[words[j-1].End:w.Start] == " " && modalVerbs[strings.ToLower(words[j-1].In(text))] {
			return "aid"
		}
	case "Manger":
		if j > 0 && text[words[j-1].End:w.Start] == " " && words[j-1].In(text) != "" &&
			text[words[j-1].Start] >= 'A' && text[words[j-1].Start] <= 'Z' {
			return "manager"
		}
	}
	return ""
}

// comparativesBeforeThan are the comparatives that "than" follows, and
// "rather" and "other": "then" right after one ("rather then", "more then
// one", "other then") is "than".
var comparativesBeforeThan = map[string]bool{"rather": true, "more": true, "less": true, "other": true,
	"better": true, "greater": true, "fewer": true, "larger": true, "higher": true, "lower": true}

// beforeAPart are the verbs after which "apart of" is "a part of": "be
// apart of the team", "as apart of".
var beforeAPart = map[string]bool{"be": true, "being": true, "been": true, "is": true, "are": true, "was": true,
	"were": true, "am": true, "as": true, "become": true, "becomes": true, "feel": true, "feels": true}

// effectBefore are the words after which "effect" is a verb, and
// effectObjects the words that open its object: "will effect the", "that
// effect our", "negatively effects them". effectPrepositions before "that"
// make "effect" a noun: "to that effect the team wrote".
var (
	effectBefore = map[string]bool{"will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
		"that": true, "which": true, "not": true, "negatively": true, "positively": true, "directly": true,
		"adversely": true, "significantly": true, "greatly": true}
	effectObjects = map[string]bool{"the": true, "our": true, "your": true, "their": true, "its": true, "a": true,
		"an": true, "how": true, "other": true, "any": true, "all": true, "them": true, "us": true, "him": true,
		"her": true, "you": true, "everyone": true, "large": true, "many": true}
	effectPrepositions = map[string]bool{"to": true, "of": true, "in": true, "with": true, "for": true, "by": true}
)

// capitalInside reports whether word k of a sentence is written with a
// capital and does not open the sentence: a name ("effect Salesforce").
func capitalInside(text string, words []prose.Word, k int) bool {
	if k <= 0 || k >= len(words) || words[k].Start == words[k].End || text[words[k].Start] < 'A' || text[words[k].Start] > 'Z' {
		return false
	}
	return text[words[k-1].End:words[k].Start] == " " && !sentenceStart(text, int(words[k].Start))
}

// slipByNeighbour returns the word meant where the j-th word is one of the
// common slips of English grammar (Wikipedia's "Lists of common
// misspellings/Grammar and miscellaneous") that the word beside it gives
// away, each word one space from the next, or "":
//
//   - "it's" or "there" ("they're") before "own" is "its" or "their", and
//     "its" before "a", "an", "the", "not" or "been" is "it's";
//   - "then" after a comparative, "rather" or "other" is "than";
//   - "apart" between a verb such as "be" and "of" is "a part";
//   - "of" after "could", "should", "would" or "might" is "have";
//   - "weather" before "or not" is "whether";
//   - "peak" after "sneak", "reign" after "free", "say" after "per", and
//     "tow" before "the line" are "peek", "rein", "se" and "toe".
//
// A comma or any other mark between the words ("rather, then", "could,
// of course,") is no slip.
//
// tw holds text's words and their lower case (each word's strings.ToLower).
func slipByNeighbour(text string, tw *textWords, j int) string {
	words := tw.Words
	word := func(k int) string {
		if k < 0 || k >= len(words) {
			return ""
		}
		if k < j && text[words[k].End:words[k+1].Start] != " " || k > j && text[words[k-1].End:words[k].Start] != " " {
			return ""
		}
		return straightLower(tw, k)
	}
	switch word(j) {
	case "it's":
		if word(j+1) == "own" {
			return "its"
		}
	case "its":
		// "its a", "its not", "its been": "it's" (its is no subject)
		switch word(j + 1) {
		case "a", "an", "the", "not", "been":
			return "it's"
		}
	case "there", "they're":
		if word(j+1) == "own" {
			return "their"
		}
	case "then":
		if comparativesBeforeThan[word(j-1)] {
			return "than"
		}
	case "apart":
		if word(j+1) == "of" && beforeAPart[word(j-1)] {
			return "a part"
		}
	case "of":
		switch word(j - 1) {
		case "could", "should", "would", "might":
			return "have"
		}
	case "weather":
		if word(j+1) == "or" && j+2 < len(words) && text[words[j+1].End:words[j+2].Start] == " " && word(j+2) == "not" {
			return "whether"
		}
	case "peak":
		if word(j-1) == "sneak" {
			return "peek"
		}
	case "reign":
		if word(j-1) == "free" {
			return "rein"
		}
	case "say":
		if word(j-1) == "per" {
			return "se"
		}
	case "effect", "effects":
		// "will effect the ability", "changes that effect large groups":
		// the verb "affect"; "to effect change" is the verb "effect" (no
		// object of those listed follows), "to that effect the" a noun
		if effectBefore[word(j-1)] && (effectObjects[word(j+1)] || capitalInside(text, words, j+1)) &&
			!(word(j-1) == "that" && effectPrepositions[word(j-2)]) {
			return "a" + word(j)[1:]
		}
	case "tow":
		if word(j+1) == "the" && j+2 < len(words) && text[words[j+1].End:words[j+2].Start] == " " && word(j+2) == "line" {
			return "toe"
		}
	}
	return ""
}

// straightLower is word k of tw in lower case with its curly apostrophes
// straightened: strings.ToLower of the word so straightened, read from
// tw's lower case, not lowered again (a copy of every word with a
// capital).
func straightLower(tw *textWords, k int) string {
	l := tw.Lower(k)
	if strings.IndexByte(l, "’"[0]) >= 0 {
		l = strings.ReplaceAll(l, "’", "'")
	}
	return l
}

// apostrophePlural returns the plural meant where the j-th word is a
// noun's possessive that a plural verb follows ("Manager's are", "the
// company's have"), or, for a capitalised noun inside a sentence (a role's
// title), "at" ("Executive Business Administrator's at GitLab toggle"): no
// possessive is followed by a verb's plural form, and a title's "'s"
// before "at" is no "is" of speech, as a lower-case word's may be ("the
// team's at capacity"). A word the dictionary lacks (an acronym, "EBA's",
// which term-consistency weighs) is left alone; else "".
func apostrophePlural(d *wordDict, text string, words []prose.Word, j int) string {
	w := wordIn(text, words[j])
	stem, ok := strings.CutSuffix(w.Text, "'s")
	if !ok {
		stem, ok = strings.CutSuffix(w.Text, "’s")
	}
	if !ok || len(stem) < 4 || j+1 >= len(words) || text[w.End:words[j+1].Start] != " " {
		return ""
	}
	for i := 0; i < len(stem); i++ {
		if c := stem[i] | 0x20; c < 'a' || c > 'z' {
			return ""
		}
	}
	lower := strings.ToLower(stem)
	if !d.has(lower) || stem[1:] != lower[1:] {
		return ""
	}
	switch strings.ToLower(words[j+1].In(text)) {
	case "are", "were", "have":
	case "at":
		if stem == lower || sentenceStart(text, w.Start) {
			return ""
		}
	default:
		return ""
	}
	plural := lower + "s"
	switch {
	case strings.HasSuffix(lower, "s") || strings.HasSuffix(lower, "x") || strings.HasSuffix(lower, "ch") || strings.HasSuffix(lower, "sh"):
		plural = lower + "es"
	case strings.HasSuffix(lower, "y") && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		plural = lower[:len(lower)-1] + "ies"
	}
	if !d.has(plural) {
		return ""
	}
	return plural
}

// pluralPossessive returns the possessive of a plural in -s written with
// a second "s" after its apostrophe ("members's", "categories’s"): the
// plural's possessive takes the apostrophe alone ("members'"). The word is
// in lower case, a plural of a dictionary noun (its singular and the
// plural both in the dictionary, by "-s", "-es" or "-ies"); a word that
// reads as a singular ending in "s" ("process's", "focus's", "analysis's",
// "analytics's", "news's") and names (a capital) are left alone; else "",
// "". It returns the plural's possessive and the singular's ("member's"):
// either may be meant ("A managers's job").
func pluralPossessive(d *wordDict, w string) (plural, one string) {
	if len(w) < 6 || w[len(w)-1] != 's' {
		return "", "" // no stem of four letters and an apostrophe's s: most words
	}
	stem, apo := w, ""
	// the suffixes written whole: a+"s" was built for every word of every
	// page (on the stack, but about 200 instructions a word, 1.2% of a run)
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

// modalVerbs are the verbs after which a verb comes in its bare form.
var modalVerbs = map[string]bool{"will": true, "would": true, "can": true, "could": true, "may": true,
	"might": true, "must": true, "shall": true, "should": true}

// minBrandUses is how often the site must write a name, and brandRatio how
// many times as often as its plural, for the plural to be a slip for its
// possessive.
const minBrandUses, brandRatio = 20, 10

// siteVocabulary counts, over the files linted, how many pages use each
// lower-case word and how often.
type siteVocabulary struct {
	pages map[string]int
	uses  map[string]int
	// the words of uses by length and first byte, each group sorted:
	// made on twoEditRival's first question, which reads one group
	// rather than every word of the site for each word it is asked of
	byShape map[vocabShape][]string
}

// vocabShape is a word's length and first byte.
type vocabShape struct {
	n     int
	first byte
}

// shaped returns the words of uses of length n opening with first, in
// order.
func (v *siteVocabulary) shaped(n int, first byte) []string {
	if v.byShape == nil {
		v.byShape = map[vocabShape][]string{}
		for c := range v.uses {
			if c != "" {
				k := vocabShape{len(c), c[0]}
				v.byShape[k] = append(v.byShape[k], c)
			}
		}
		for _, g := range v.byShape {
			slices.Sort(g)
		}
	}
	return v.byShape[vocabShape{n, first}]
}

// minSitePages is how many other pages must use a word the dictionary
// lacks for it to count as the site's own (a product, team or jargon word).
const minSitePages = 2

// siteTypoRatio: a site word one edit from a dictionary word the site uses
// this many times as often is a typo the site repeats ("Responsibilties").
const siteTypoRatio = 8

// accepts reports whether the site's vocabulary makes w (lower case) a
// word: other pages than the one at hand use it, it is no listed
// misspelling, and no word one edit from it is far more used.
func (v *siteVocabulary) accepts(w string, onPage bool, cands []string, listed bool) bool {
	others := v.pages[w]
	if onPage {
		others--
	}
	if others < minSitePages || listed {
		return false
	}
	for _, c := range cands {
		if v.uses[c] >= siteTypoRatio*v.uses[w] {
			return false
		}
	}
	return true
}

func checkMisspelling(p *lint.SetPass) {
	opts := lint.Options[misspellingOptions](p.Options)
	main, extra := misspellings(opts.Locale)
	var d *wordDict // the dictionary: built when a page has words to look at
	vocab := &siteVocabulary{pages: map[string]int{}, uses: map[string]int{}}
	pages := make([]*spellPage, len(p.Files))
	for i, f := range p.Files {
		sp, _ := p.Summary(f).(*spellPage)
		if sp == nil {
			sp = collectSpelling(p.Env, f, opts, true)
		}
		pages[i] = sp
		words := sp.words.all()
		sp.eachUse(func(id, n uint32) {
			w := words[id]
			vocab.uses[w] += int(n)
			vocab.pages[w]++
		})
	}
	cands := map[string][]string{} // a stem's candidates, computed once a run
	for i, f := range p.Files {
		if !p.Reports(f) {
			continue // its words are in the vocabulary; its findings are not kept
		}
		if d == nil && len(pages[i].unknown) > 0 {
			d = englishWords()
		}
		repeats := map[string]int{}
		// a word the page writes three times or more, always with a
		// capital and at least once inside a sentence, that is also a word
		// of the page's title or of a link's address, is a name the page
		// uses ("Sermant" in "Sermant Community Membership" and
		// github.com/sermant-io/Sermant), not a slip made three times (a
		// title-case slip such as "Revenue Accouting" repeated is one); or
		// that is three table cells' whole text
		// (Consensys as the sponsor of three roles)
		// the page's words, for the cautious checks
		var pageWords map[string]bool
		if opts.Cautious && len(pages[i].unknown) > 0 {
			words := pages[i].words.all()
			pageWords = make(map[string]bool, pages[i].nUses)
			pages[i].eachUse(func(id, _ uint32) { pageWords[words[id]] = true })
		}
		capital, inside, cells := map[string]int{}, map[string]bool{}, map[string]int{}
		for _, u := range pages[i].unknown {
			repeats[u.lower]++
			if u.style != misspell.CaseLower {
				capital[u.lower]++
				inside[u.lower] = inside[u.lower] || !u.start
				if u.cell {
					cells[u.lower]++
				}
			}
		}
		low := &lowerSource{f: f} // for joinedCompound, once a page
		var counts map[string]int // the page's words' uses, on first need
		for _, u := range pages[i].unknown {
			if counts == nil {
				counts = make(map[string]int, pages[i].nUses) // at its size: no growing
				words := pages[i].words.all()
				pages[i].eachUse(func(id, n uint32) { counts[words[id]] += int(n) })
			}
			u.formed = agentNounOnPage(u.lower, counts)
			name := u.site || repeats[u.lower] >= 3 && capital[u.lower] == repeats[u.lower] && (inside[u.lower] && u.named || cells[u.lower] >= 3)
			reportMisspelling(p, f, u, repeats[u.lower], name, d, vocab, main, extra, opts.Locale, cands, pageWords, low)
		}
	}
}

// spellPage is misspelling's per-file stage: the page's words with their
// counts (for the site's vocabulary) and the words to look at once the
// vocabulary is known.
type spellPage struct {
	// while the page is counted, each lower-case word once, in order of
	// first use; then packed (packUses) and nil
	uses    []wordCount
	packed  []byte      // the uses, by word number: see packUses
	nUses   int         // how many words packed holds
	words   *spellWords // the words uses number
	unknown []spellWord
}

// packUses keeps a page's word counts for the rest of the run in about
// two or three bytes a word rather than eight (a wordCount): sorted by
// word number, each the uvarint of its number less the one before and
// the uvarint of its count. Every page's counts are held until the
// cross-file stage (on the 2022 handbook ten times, 5 MB as wordCounts),
// and what reads them only sums them, so their order is not kept. It
// sorts uses.
func (sp *spellPage) packUses(uses []wordCount) {
	slices.SortFunc(uses, func(a, b wordCount) int { return cmp.Compare(a.id, b.id) })
	var out []byte
	if len(uses) > 0 {
		out = make([]byte, 0, 3*len(uses))
	}
	prev := uint32(0)
	for _, u := range uses {
		out = binary.AppendUvarint(out, uint64(u.id-prev))
		out = binary.AppendUvarint(out, uint64(u.n))
		prev = u.id
	}
	sp.packed, sp.nUses, sp.uses = slices.Clip(out), len(uses), nil
}

// eachUse calls fn with each word number of the page and its count, by
// word number.
func (sp *spellPage) eachUse(fn func(id, n uint32)) {
	b, id := sp.packed, uint32(0)
	for len(b) > 0 {
		d, k := binary.Uvarint(b)
		n, k2 := binary.Uvarint(b[k:])
		b = b[k+k2:]
		id += uint32(d)
		fn(id, uint32(n))
	}
}

// wordCount is a lower-case word, by its number in the run's spellWords,
// and how many times a page writes it.
type wordCount struct {
	id, n uint32
}

// spellWords numbers the lower-case words of a run's pages, each kept once,
// so that a page's counts are numbers rather than strings that would keep
// its text.
type spellWords struct {
	mu    sync.Mutex
	ids   map[string]uint32
	words []string
}

func spellWordsOf(env *lint.Env) *spellWords {
	return env.Shared("misspelling/words", func() any { return &spellWords{ids: map[string]uint32{}} }).(*spellWords)
}

// numberOne returns the number of w, numbering it if it is new, and the
// run's own copy of w.
func (sw *spellWords) numberOne(w string) (uint32, string) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	id := sw.numberLocked(w)
	return id, sw.words[id]
}

// numberInto sets the id of uses[i] to the number of words[i], numbering
// each word not numbered yet.
func (sw *spellWords) numberInto(words []string, uses []wordCount) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	for i, w := range words {
		uses[i].id = sw.numberLocked(w)
	}
}

// numberBytesInto is numberInto for words as bytes: a string is made of a
// word only when it is new.
func (sw *spellWords) numberBytesInto(words [][]byte, uses []wordCount) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	for i, w := range words {
		id, ok := sw.ids[string(w)]
		if !ok {
			s := string(w)
			id = uint32(len(sw.words))
			sw.ids[s] = id
			sw.words = append(sw.words, s)
		}
		uses[i].id = id
	}
}

// numberLocked returns the number of w, numbering a copy of it if it is
// new; sw.mu is held.
func (sw *spellWords) numberLocked(w string) uint32 {
	id, ok := sw.ids[w]
	if !ok {
		w = strings.Clone(w)
		id = uint32(len(sw.words))
		sw.ids[w] = id
		sw.words = append(sw.words, w)
	}
	return id
}

// all returns the words numbered so far, by number (words are only ever
// added, so the slice stays valid).
func (sw *spellWords) all() []string {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	return sw.words
}

func collectMisspelling(p *lint.Pass) any {
	return collectSpelling(p.Env, p.File, lint.Options[misspellingOptions](p.Options), !p.Unreported)
}

// encodeSpellPage writes a page's word counts, each word and its count;
// a page with unknown words is not encoded.
func encodeSpellPage(v any) ([]byte, bool) {
	sp, ok := v.(*spellPage)
	if !ok || sp == nil || len(sp.unknown) > 0 {
		return nil, false
	}
	words := sp.words.all()
	var out []byte
	out = binary.AppendUvarint(out, uint64(sp.nUses))
	sp.eachUse(func(id, n uint32) {
		w := words[id]
		out = binary.AppendUvarint(out, uint64(len(w)))
		out = append(out, w...)
		out = binary.AppendUvarint(out, uint64(n))
	})
	return out, true
}

// decodeSpellPage reads what encodeSpellPage wrote, numbering the words in
// the run's table.
func decodeSpellPage(env *lint.Env, b []byte) (any, error) {
	bad := errors.New("misspelling: bad cached summary")
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, bad
	}
	b = b[k:]
	// the words as they lie in b: a word the run has numbered already (a
	// common one, on most pages) is looked up without a copy
	lowers := make([][]byte, 0, n)
	counts := make([]uint32, 0, n)
	for i := uint64(0); i < n; i++ {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			return nil, bad
		}
		w := b[k : k+int(l)]
		b = b[k+int(l):]
		c, k := binary.Uvarint(b)
		if k <= 0 || c == 0 || c > math.MaxUint32 {
			return nil, bad
		}
		b = b[k:]
		lowers, counts = append(lowers, w), append(counts, uint32(c))
	}
	if len(b) != 0 {
		return nil, bad
	}
	sp := &spellPage{words: spellWordsOf(env)}
	uses := make([]wordCount, len(lowers))
	for i, n := range counts {
		uses[i].n = n
	}
	sp.words.numberBytesInto(lowers, uses)
	sp.packUses(uses)
	return sp, nil
}

// collectSpelling counts a page's words and, when its findings are wanted
// (unknown), keeps those the dictionary lacks.
func collectSpelling(env *lint.Env, f *model.Family, opts *misspellingOptions, unknown bool) *spellPage {
	var d *wordDict // the dictionary, for the words looked at (unknown)
	var extra *misspellTable
	dict := englishWords() // for the words written apart that make one (splitCompound), on every page
	if unknown {
		_, extra = misspellings(opts.Locale)
		d = englishWords()
	}
	allow := spellAllowed(opts)
	sp := &spellPage{words: spellWordsOf(env)}
	// the page's tallies, in storage kept between pages (spellScratchPool)
	sc := spellScratchPool.Get().(*spellScratch)
	defer sc.release()
	seen := sc.seen               // word -> index in uses
	lowers := sc.lowers[:0]       // the words of uses
	known := sc.known[:0]         // per word of uses: 0 not looked up, 1 known (no finding), 2 to report
	caps := sc.caps               // the words written in capitals: acronyms
	mixed := sc.mixed             // the names written in mixed case, by their lower case
	titled := sc.titled[:0]       // per word of uses: written with a capital first
	sp.uses = sc.uses[:0]         // copied at the end
	var linkWords map[string]bool // the words of the page's title and links' addresses

	// the page's links by block, made on first need
	var textLinks map[*model.Block][]*model.Link
	people := personListItems(f)
	// runTogether's answers, once a word; each reads the page's source, so
	// that only the first maxRunTogether words in mixed case are asked
	var apartMemo map[string]string
	apartOf := func(d *wordDict, f *model.Family, w string) string {
		if !mixedTwoCapitals(w) {
			return ""
		}
		if a, ok := apartMemo[w]; ok {
			return a
		}
		if apartMemo == nil {
			apartMemo = map[string]string{}
		}
		if len(apartMemo) >= maxRunTogether {
			return ""
		}
		a := runTogether(d, f, w)
		apartMemo[w] = a
		return a
	}
	// the words of those names: the same person named elsewhere on the
	// page ("Ask Conrad Hoffmann") is no slip either
	var personWords map[string]bool
	for b, end := range people {
		if personWords == nil {
			personWords = map[string]bool{}
		}
		for _, w := range strings.Fields(wordingText(b)[:end]) {
			personWords[w] = true
		}
	}
	// count adds one use of a lower-case word (or a pair's key) to the
	// page's tallies and returns its index in uses
	count := func(lw string) int {
		k, ok := seen[lw]
		if ok {
			sp.uses[k].n++
			return k
		}
		k = len(sp.uses)
		seen[lw] = k
		sp.uses = append(sp.uses, wordCount{id: sc.number(sp.words, lw), n: 1})
		lowers = append(lowers, lw)
		known = append(known, 0)
		titled = append(titled, false)
		return k
	}
	for _, b := range append(frontMatterProse(f), f.Blocks...) {
		tw := wordingWords(b, false)
		// a block in another language is counted, not checked: its words
		// are no English typos
		foreign := unknown && foreignBlock(b)
		text := wordingText(b)
		// whether the block has a link, once a block: linkNamesWord needs one
		// around the word (most blocks have none)
		linked := unknown && !foreign && len(blockLinks(f, b, &textLinks)) > 0
		// and whether a word of it may neighbour a foreign phrase's word
		// (mayHoldForeignPhrase), once a block: foreignPhrase reads both
		// neighbours of every word
		mayForeign := unknown && !foreign && mayHoldForeignPhrase(text)
		for j, ow := range tw.Words {
			w, lw := wordIn(text, ow), tw.Lower(j)
			if j > 0 && len(w.Text) >= 3 && len(tw.Words[j-1].In(text)) >= 3 && titleWord(w.Text) && titleWord(tw.Words[j-1].In(text)) &&
				text[tw.Words[j-1].End:w.Start] == " " {
				// two capitalised words apart ("People Operations"): the
				// site's pairs, for a page that runs them together
				count(sitePair(tw.Lower(j-1) + " " + lw))
			}
			if asciiCapitals(w.Text) {
				caps[w.Text]++
			} else if innerMixedCase(w.Text) {
				mixed[lw]++
			}
			// a number ("12", "2023") is not counted: no check reads the
			// site's or the page's count of one (it is never spellCheckable,
			// never a candidate), and a page of numbered levels would number
			// each in the run's table and keep it in every page's counts
			k := -1
			if !digitsOnly(lw) {
				k = count(lw)
				if w.Text != lw && w.Text[1:] == lw[1:] {
					titled[k] = true
				}
			}
			// two words apart that make one ("hand book") and two acronyms
			// around a slash ("CI/CD"): the site's pairs, counted under keys
			// no word holds, for a page that writes them otherwise
			var apart, twin string
			if j > 0 {
				pw := wordIn(text, tw.Words[j-1])
				switch sep := text[pw.End:w.Start]; {
				case sep == " ":
					if joined := splitCompound(dict, text, pw, w); joined != "" {
						count(apartPairKey(tw.Lower(j-1), lw))
						if !opts.Cautious {
							// other organisations' charters write "work
							// flow" apart, as English allows: too weak
							// evidence there
							apart = joined
						}
					}
				case sep == "/" && slashAcronym(text, pw, w):
					count(slashPairKey(tw.Lower(j-1), lw))
					if pw.Text == w.Text {
						twin = lw
					}
				}
			}
			if !unknown || foreign {
				continue
			}
			if j > 0 && starJoined(dict, text, wordIn(text, tw.Words[j-1]), w) && loneSourceStar(f, b.SourceSpan(int(tw.Words[j-1].Start), w.End)) {
				// "detail*oriented": an asterisk typed for a hyphen, which no
				// other asterisk makes emphasis
				pw := wordIn(text, tw.Words[j-1])
				pair := word{Text: text[pw.Start:w.End], Start: pw.Start, End: w.End}
				if !allow[tw.Lower(j-1)] && !allow[lw] {
					sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: pair, lower: strings.ToLower(pair.Text),
						star: []string{pw.Text + "-" + w.Text, pw.Text + " " + w.Text}, style: misspell.CaseLower}))
				}
			}
			if apart != "" || twin != "" {
				// the finding spans both words, whatever the second one's
				// own check finds
				pw := wordIn(text, tw.Words[j-1])
				pair := word{Text: text[pw.Start:w.End], Start: pw.Start, End: w.End}
				if !(linked && linkNamesWord(f, b, &textLinks, pw.Start, w.End, lw)) && !allow[tw.Lower(j-1)] && !allow[lw] {
					if apart != "" {
						sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: pair, lower: tw.Lower(j-1) + " " + lw, apart: apart, style: misspell.CaseStyle(pw.Text)}))
					} else {
						sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: pair, lower: tw.Lower(j-1) + "/" + lw, slashTwin: twin, style: misspell.CaseUpper}))
					}
				}
			}
			if linked && linkNamesWord(f, b, &textLinks, w.Start, w.End, lw) {
				continue
			}
			if end, ok := people[b]; ok && w.End <= end && w.Text != lw {
				continue // a person's name in a list of people
			}
			if w.Text != lw && personWords[w.Text] {
				continue // a name the page's list of people writes
			}
			if mayForeign && foreignPhrase(text, tw.Words, j) {
				continue // "raison d'être": a phrase of another language
			}
			if compound, plural := compoundApostrophePlural(text, tw.Words, j); plural != "" && !allow[lw] {
				// "Nice-to-have's": a compound's plural with an apostrophe
				cw := word{Text: compound, Start: w.End - len(compound), End: w.End}
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: cw, lower: strings.ToLower(compound), apoPlural: plural}))
				continue
			}
			if plural := articlePlural(d, text, tw.Words, j); plural != "" && !allow[lw] {
				// "a repeatable, scalable data views": an article before a
				// plural
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, pluralAfter: plural}))
				continue
			}
			if meant, next := articleSlip(d, text, tw.Words, j); meant != "" && !allow[lw] {
				// "a Engineering Manager", "an Salesforce.com instance": the
				// article the next word's first sound asks for
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, meant: meant, article: next,
					pluralNear: articlePluralNear(d, text, tw.Words, j)}))
				continue
			}
			if meant := confusedWord(text, tw, j); meant != "" && !allow[lw] {
				// "Principle Accounting Officer", "will aide us": a real word
				// where its neighbours ask for another
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, meant: meant, style: misspell.CaseStyle(w.Text)}))
				continue
			}
			if adv := sentenceAdverb(d, text, tw, j); adv != "" && !allow[lw] {
				// "Final, candidates will be invited": the adverb opens
				// the sentence
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, adverb: adv, style: misspell.CaseTitle}))
				continue
			}
			if poss, one := pluralPossessive(d, w.Text); poss != "" && !allow[lw] {
				// "team members's goals": a plural's possessive takes the
				// apostrophe alone
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, pluralPoss: []string{poss, one}}))
				continue
			}
			if plural := apostrophePlural(d, text, tw.Words, j); plural != "" && !allow[lw] {
				// "Executive Business Administrator's at GitLab toggle":
				// a plural written with an apostrophe
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, meant: plural, style: misspell.CaseStyle(w.Text)}))
				continue
			}
			if apart := apartOf(d, f, w.Text); apart != "" && !allow[lw] {
				// "PeopleOperations" on a page that writes "People Operations"
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, joined: apart, style: misspell.CaseTitle}))
				continue
			}
			if apart := twoCapitalWords(d, w.Text); apart != "" && !allow[lw] && !slices.Contains(spellPrefixes, strings.ToLower(apart[:strings.IndexByte(apart, ' ')])) {
				// the site's other pages may write them apart; a prefix
				// ("MidMarket", "PreSales") makes one word, however
				// written. A name's plural ("GitLabs") is weighed as one
				// when the site does not write the two apart.
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, joinedSite: apart, brand: brandPlural(d, w.Text), style: misspell.CaseTitle}))
				continue
			}
			if meant := apostropheInName(d, w.Text); meant != "" && !allow[lw] {
				// "GitLab’s and DevOp’s role": the name is "DevOps"
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, nameS: meant, style: misspell.CaseUnknown}))
				continue
			}
			if name := brandPlural(d, w.Text); name != "" && !allow[lw] {
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, brand: name}))
				continue
			}
			if meant := doubledCapital(d, w.Text); meant != "" && !allow[lw] {
				// "Community pProgram": the capital typed after its own
				// letter in lower case
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, meant: meant, style: misspell.CaseTitle}))
				continue
			}
			if acr := lookalikeAcronym(w.Text); acr != "" && !allow[lw] {
				sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, lookalike: acr, style: misspell.CaseUpper}))
				continue
			}
			if end := strayApostrophe(text, w.Start, w.End); end > 0 && !allow[lw] {
				// "Bachelor's’ Degree": a second apostrophe after a
				// possessive; the finding spans both, the fix drops it
				sw := placeSpellWord(b, spellWord{w: w, lower: lw, meant: w.Text, style: misspell.CaseLower})
				sw.w.Text = strings.Clone(text[w.Start:end])
				sw.w.End = end
				sw.span = b.SourceSpan(w.Start, end)
				sp.unknown = append(sp.unknown, sw)
				continue
			}
			style, ok := spellCheckable(w.Text)
			if !ok && !allow[lw] {
				if fix := shortSlip(d, w.Text, lw); fix != "" && !hyphenated(text, w.Start, w.End) {
					sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, style: misspell.CaseStyle(w.Text), short: fix}))
				}
				continue
			}
			if allow[lw] || emojiCode(text, w.Start, w.End) {
				continue
			}
			if style == misspell.CaseLower && slugWord(text, w.Start, w.End) {
				if opts.Cautious {
					continue // an identifier, whoever's it is
				}
				if linkWords == nil {
					linkWords = pageNameWords(f)
				}
				if linkWords[lw] || nameSuffixed(lw, f.Title) {
					continue
				}
			}
			// the dictionary's answer for a word depends on its lower case
			// only: looked up once a page
			if known[k] == 0 {
				known[k] = 2
				if sc.knownWord(d, lw) {
					if _, other := extra.fix(lw); !other {
						known[k] = 1
					}
				}
			}
			if known[k] == 1 {
				if style == misspell.CaseTitle && len(lw) >= minRareSlip && !d.common(lw) && !sentenceStart(text, w.Start) {
					sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, style: style, rare: true}))
				}
				continue
			}
			sp.unknown = append(sp.unknown, placeSpellWord(b, spellWord{w: w, lower: lw, style: style,
				prefix: hyphenPrefix(text, w.Start)}))
		}
	}
	forms := map[string]int{} // a word's uses in lower case and with a capital, when it has both
	for i, lw := range lowers {
		if titled[i] {
			forms[lw] = int(sp.uses[i].n)
		}
	}
	// a word in lower case that the page writes in capitals twice or more
	// is that acronym inside a name ("OCIO", then the "ocio-dev" mailing
	// list), not a misspelling
	kept := sp.unknown[:0]
	var sites map[string]bool // the sites the page links to, on first need
	var names map[string]bool // the words of the page's title and links' addresses, on first need
	for _, u := range sp.unknown {
		if u.style == misspell.CaseLower && u.meant == "" && u.short == "" && u.brand == "" && caps[strings.ToUpper(u.lower)] >= 2 {
			continue
		}
		// so is a word in lower case that the page writes twice or more
		// in mixed case, a name the dictionary lacks ("CubeFS" 24 times,
		// then "__cubefs__", the GitHub organisation): the name in lower
		// case, which term-consistency judges, not a slip of another word
		// ("cubes"); a word with a capital first only ("Teh") is no such
		// name, and its lower case is still checked
		if u.style == misspell.CaseLower && u.meant == "" && u.short == "" && u.brand == "" && mixed[u.lower] >= 2 {
			continue
		}
		// a plural whose singular the page writes too, with a capital and
		// without ("Mixin" in a title, "a mixin", "the mixins"): a term of
		// the page's, written in its forms, not one slip
		if sing, ok := strings.CutSuffix(u.lower, "s"); ok && u.meant == "" && u.short == "" && u.brand == "" && sing != "" && forms[sing] >= 2 {
			continue
		}
		// a capitalised word that is the name of a site the page links
		// to (its host's label before the suffix: "Patreon" beside
		// https://www.patreon.com/...) is that site's name, not a slip
		if u.style != misspell.CaseLower {
			if sites == nil {
				sites = linkedSites(f)
			}
			u.site = sites[strings.TrimSuffix(strings.TrimSuffix(u.lower, "'s"), "’s")]
			// the cross-file stage reads a slimmed page, without its
			// links: whether the word names the page is kept here
			if names == nil {
				names = pageNameWords(f)
			}
			u.named = names[u.lower]
		}
		kept = append(kept, u)
	}
	sp.unknown = kept
	sc.lowers, sc.known, sc.titled, sc.uses = lowers, known, titled, sp.uses
	// packed: the counts of every page are kept all run (the scratch's
	// uses are sorted, and cleared before the next page)
	sp.packUses(sp.uses)
	return sp
}

// spellScratch is collectSpelling's storage for one page's tallies, kept
// between pages: the maps and slices grew again on every page (the map of
// words seen alone was about a third of the stage's allocation).
type spellScratch struct {
	seen   map[string]int
	caps   map[string]int
	mixed  map[string]int // lower case -> uses in mixed case ("CubeFS")
	lowers []string
	known  []int8
	titled []bool
	uses   []wordCount

	// what the run has said of the words this scratch's pages used, kept
	// from page to page: each word's number in owner and the dictionary's
	// answer. Asking them once a page was most of the stage's time: the
	// dictionary's table and the numbering behind a lock are large, a
	// page's words mostly the same as the page before.
	words map[string]spellWordInfo
	owner *spellWords
}

// spellWordInfo is a word's number in a run and, once asked, whether the
// dictionary knows it (knownWord): 0 not asked, 1 known, 2 not.
type spellWordInfo struct {
	own  string // the run's copy of the word: the key, never a page's text
	id   uint32
	dict int8
}

var spellScratchPool = sync.Pool{New: func() any {
	return &spellScratch{seen: map[string]int{}, caps: map[string]int{}, mixed: map[string]int{}, words: map[string]spellWordInfo{}}
}}

// maxSpellWords bounds the words a scratch remembers from page to page.
const maxSpellWords = 1 << 16

// number returns w's number in sw, from the scratch when it has it.
func (sc *spellScratch) number(sw *spellWords, w string) uint32 {
	if sc.owner != sw { // another run's numbers
		clear(sc.words)
		sc.owner = sw
	}
	if info, ok := sc.words[w]; ok {
		return info.id
	}
	if len(sc.words) >= maxSpellWords {
		clear(sc.words)
	}
	id, own := sw.numberOne(w)
	sc.words[own] = spellWordInfo{own: own, id: id}
	return id
}

// knownWord is knownWord(d, w) for a word number has seen, asked once.
func (sc *spellScratch) knownWord(d *wordDict, w string) bool {
	info, ok := sc.words[w]
	if !ok { // not remembered (cannot happen after number): ask
		return knownWord(d, w)
	}
	if info.dict == 0 {
		info.dict = 2
		if knownWord(d, w) {
			info.dict = 1
		}
		sc.words[info.own] = info // the key the run's copy (a map stores the key given)
	}
	return info.dict == 1
}

// maxSpellScratch bounds the words of a page whose scratch is kept: a
// larger page's is left to the collector.
const maxSpellScratch = 1 << 14

// release empties sc (no string of the page is kept) and returns it to the
// pool, unless the page was a large one.
func (sc *spellScratch) release() {
	if len(sc.seen) > maxSpellScratch || len(sc.caps) > maxSpellScratch || len(sc.mixed) > maxSpellScratch {
		return
	}
	clear(sc.seen)
	clear(sc.caps)
	clear(sc.mixed)
	clear(sc.lowers)
	sc.lowers, sc.known, sc.titled, sc.uses = sc.lowers[:0], sc.known[:0], sc.titled[:0], sc.uses[:0]
	spellScratchPool.Put(sc)
}

// mayHoldForeignPhrase reports whether foreignPhrase may hold for a word
// of text: a word past ASCII or with an apostrophe ("d'", "l’") beside it
// needs a byte past ASCII or a straight apostrophe in the text.
func mayHoldForeignPhrase(text string) bool {
	return strings.IndexByte(text, '\'') >= 0 || !isASCII(text)
}

// foreignPhrase reports whether word j of a block stands beside a word of
// another language that English borrows whole: one with a letter no English
// word has (an accent: "d'être", "vis-à-vis"), or opened by an elided French
// article ("d'", "l'"). "raison" in "raison d'être" is no slip of "raisin".
func foreignPhrase(text string, words []prose.Word, j int) bool {
	for _, k := range []int{j - 1, j + 1} {
		if k < 0 || k >= len(words) {
			continue
		}
		// "d'", "l'" with a straight or a curly apostrophe; the word
		// is made straight only then (most words are not)
		w := words[k].In(text)
		if len(w) > 2 && strings.IndexByte("dlDL", w[0]) >= 0 && (w[1] == '\'' || strings.HasPrefix(w[1:], "’")) {
			if len(strings.ReplaceAll(w, "’", "'")) > 2 {
				return true
			}
		}
		if isASCII(w) {
			continue
		}
		for _, r := range w { // (’ is no letter: the same as its straight form)
			if r > 0x7f && unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// personListItems finds the lists and the table columns of people on a page
// (a team's members, "* Augustin Husson ([Amadeus](...))", "| Cristian Greco
// | Grafana Labs | @cristiangreco |"): three or more of a list's top-level
// items, and two thirds of them, are a person's name (personName); in a
// table, the cells of a column whose header names people ("Name",
// "Maintainer") and three or more of whose cells, two thirds, are names. A
// title with a description after a dash ("Porter Website Maintainer - This
// is someone who ...") is no name, nor is a column of roles under "Role" or
// "Level". It returns, for each such item's or cell's block, where its name
// ends: the capitalised words before it are a person's name, not a slip.
func personListItems(f *model.Family) map[*model.Block]int {
	var out map[*model.Block]int
	keep := func(ends map[*model.Block]int, n int) {
		if len(ends) >= 3 && 3*len(ends) >= 2*n {
			if out == nil {
				out = map[*model.Block]int{}
			}
			for b, e := range ends {
				out[b] = e
			}
		}
	}
	for _, list := range f.Lists {
		ends := map[*model.Block]int{}
		top := 0
		for _, it := range list {
			if it.Depth != 0 || it.Block == nil {
				continue
			}
			top++
			if end, ok := personName(wordingText(it.Block)); ok {
				ends[it.Block] = end
			}
		}
		keep(ends, top)
	}
	var handles map[*model.Block][]string // the profile handles a cell links to
	for _, t := range f.Tables {
		if len(t.Rows) < 4 {
			continue
		}
		for c, h := range t.Rows[0] {
			if h == nil {
				continue
			}
			if !peopleColumn(wordingText(h)) {
				if handles == nil {
					handles = profileHandles(f)
				}
				if ends := handleNamedColumn(t, c, handles); ends != nil {
					if out == nil {
						out = map[*model.Block]int{}
					}
					for b, e := range ends {
						out[b] = e
					}
				}
				continue
			}
			ends := map[*model.Block]int{}
			n := 0
			for _, row := range t.Rows[1:] {
				if c >= len(row) || row[c] == nil {
					continue
				}
				n++
				if end, ok := personName(wordingText(row[c])); ok {
					ends[row[c]] = end
				}
			}
			keep(ends, n)
		}
	}
	return out
}

// handleNamedColumn finds a column of people that its header does not name
// ("| Wasabika | Contact |" over "| Dennis Reimann | [Twitter](https://twitter.com/dennisreimann) |"):
// in three or more of the rows that link to a person's profile
// (profileHandles), and two thirds of them, the column's cell is written in
// the handle of one of those profiles, word by word ("Dennis Reimann" in
// "dennisreimann", "Max Hillebrand" in "HillebrandMax"). A column of job
// titles or of teams beside each person's profile link is not: its cells
// are no one's handle. It returns, for each of the column's cells that is a
// person's name (personName), where the name ends; nil for a column of
// something else.
func handleNamedColumn(t *model.Table, c int, handles map[*model.Block][]string) map[*model.Block]int {
	if len(handles) == 0 {
		return nil
	}
	n, matched := 0, 0
	for _, row := range t.Rows[1:] {
		if c >= len(row) || row[c] == nil {
			continue
		}
		var hs []string
		for _, cell := range row {
			hs = append(hs, handles[cell]...)
		}
		if len(hs) == 0 {
			continue
		}
		n++
		for _, h := range hs {
			if writtenInHandle(wordingText(row[c]), h) {
				matched++
				break
			}
		}
	}
	if matched < 3 || 3*matched < 2*n {
		return nil
	}
	ends := map[*model.Block]int{}
	for _, row := range t.Rows[1:] {
		if c >= len(row) || row[c] == nil {
			continue
		}
		if end, ok := personName(wordingText(row[c])); ok {
			ends[row[c]] = end
		}
	}
	return ends
}

// writtenInHandle reports whether a cell's text, one to three words, is
// written in a profile's handle: each word, folded (lower case, accents and
// marks dropped), is in the folded handle, one of them three letters or
// more ("Mark Rex" in "mark_rex_h", "KryptoKidz" in "kryptokidz_").
func writtenInHandle(text, handle string) bool {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	h := foldHandle(handle)
	long := false
	for _, w := range words {
		fw := foldHandle(w)
		if fw == "" || !strings.Contains(h, fw) {
			return false
		}
		if len(fw) >= 3 {
			long = true
		}
	}
	return long
}

// foldHandle keeps a text's letters and digits, in lower case, a Latin
// letter with an accent as the letter without it ("Estevão": "estevao").
func foldHandle(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 0x80 {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
			continue
		}
		if base, ok := latinBase[r]; ok {
			b.WriteRune(base)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinBase maps the accented Latin letters of people's names to their base
// letter, as handles write them.
var latinBase = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "áàâäãåā", 'c': "çćč", 'e': "éèêëēę", 'i': "íìîïī", 'n': "ñń", 'o': "óòôöõøō",
		'u': "úùûüū", 'y': "ýÿ", 's': "śšş", 'z': "źżž", 'l': "ł", 'r': "ř", 'd': "ď", 't': "ť", 'g': "ğ",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()

// profileHandles returns, for each block of the page, the handles of the
// people's profiles it links to: a GitHub, GitLab, Codeberg, Twitter, X,
// Keybase or Instagram address of one segment ("https://twitter.com/dennisreimann/"),
// Reddit's /user/NAME or /u/NAME, LinkedIn's /in/NAME, or an address of one
// segment starting with "@" (Mastodon, Medium). A repository, an organisation's
// team or a post ("twitter.com/nopara73/status/...") is no profile.
func profileHandles(f *model.Family) map[*model.Block][]string {
	out := map[*model.Block][]string{}
	for _, l := range f.Links {
		if l.Block == nil {
			continue
		}
		if h := profileHandle(l.Target); h != "" {
			out[l.Block] = append(out[l.Block], h)
		}
	}
	return out
}

func profileHandle(target string) string {
	u, err := url.Parse(strings.TrimSpace(target))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	host := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), "mobile.")
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	switch {
	case len(segs) == 1 && strings.HasPrefix(segs[0], "@") && len(segs[0]) > 1:
		return segs[0][1:]
	case len(segs) == 1 && profileHosts[host] && !profileReserved[strings.ToLower(segs[0])]:
		return segs[0]
	case len(segs) == 2 && host == "reddit.com" && (segs[0] == "user" || segs[0] == "u"):
		return segs[1]
	case len(segs) == 2 && host == "linkedin.com" && segs[0] == "in":
		return segs[1]
	}
	return ""
}

// profileHosts serve a person's profile at /NAME.
var profileHosts = map[string]bool{
	"github.com": true, "gitlab.com": true, "codeberg.org": true, "twitter.com": true, "x.com": true,
	"keybase.io": true, "instagram.com": true,
}

// profileReserved are pages of those hosts at /NAME that are no one's.
var profileReserved = map[string]bool{
	"orgs": true, "sponsors": true, "about": true, "features": true, "topics": true, "marketplace": true,
	"explore": true, "settings": true, "notifications": true, "search": true, "home": true, "hashtag": true,
	"i": true, "intent": true, "share": true, "login": true, "signup": true, "pricing": true, "collections": true,
	"trending": true, "events": true, "issues": true, "pulls": true, "discussions": true, "apps": true,
}

// peopleColumn reports whether a table column's header names people: one
// of peopleHeader ("Name", "Who", "Emeritus"), or a noun of people, singular
// or plural, after up to three qualifiers ("Team Member", "Core
// Maintainers", "Steering Committee Member(s)"); "Member Role" names roles.
func peopleColumn(header string) bool {
	words := headerWords(header)
	if peopleHeader[strings.Join(words, " ")] {
		return true
	}
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	head := words[len(words)-1]
	return peopleNouns[head] || peopleNouns[strings.TrimSuffix(head, "s")]
}

// headerWords returns a table column header's words in lower case, without
// the emphasis marks and colon around it, "(s)" read as a plural
// ("Steering Committee Member(s)": "steering committee members").
func headerWords(header string) []string {
	h := strings.ToLower(strings.Trim(strings.TrimSpace(header), "*_:"))
	return strings.Fields(strings.ReplaceAll(h, "(s)", "s"))
}

// peopleNouns name people, the head of a qualified column header.
var peopleNouns = map[string]bool{
	"name": true, "person": true, "people": true, "member": true, "maintainer": true, "owner": true,
	"contributor": true, "reviewer": true, "approver": true, "committer": true, "lead": true, "contact": true,
}

// peopleHeader are the headers of a table column that lists people.
var peopleHeader = map[string]bool{
	"name": true, "names": true, "full name": true, "person": true, "people": true, "who": true,
	"member": true, "members": true, "maintainer": true, "maintainers": true, "owner": true, "owners": true,
	"contributor": true, "contributors": true, "reviewer": true, "reviewers": true, "approver": true, "approvers": true,
	"committer": true, "committers": true, "emeritus": true, "lead": true, "leads": true, "contact": true,
}

// personName reports whether a list item's or a cell's text opens with a
// person's name: two or three words that all start with a capital, alone or
// before a parenthesis or a comma (an affiliation), a handle ("@gouthamve")
// or a dash and an affiliation of three words or fewer ("- Grafana Labs"),
// and where the name ends.
func personName(text string) (int, bool) {
	// the name's first two words are the text's, wherever it ends: two
	// that do not both open with a capital are no name, and the text is
	// not searched for its end (every top-level item of every list is
	// asked, most of them sentences)
	if !twoCapitalsFirst(text) {
		return 0, false
	}
	end := len(text)
	if k := strings.IndexAny(text, "(,"); k >= 0 {
		end = k
	}
	if k := strings.Index(text[:end], " @"); k >= 0 {
		end = k // "Goutham Veeramachaneni @gouthamve": a handle after the name
	}
	for _, dash := range []string{" - ", " – ", " — "} {
		// "Cristian Greco - Grafana Labs": an affiliation of a few words
		// after a dash; a description after it ("Porter Core Maintainer -
		// This is someone who ...") makes the words before it a title
		if k := strings.Index(text[:end], dash); k >= 0 && countFields(text[k+len(dash):], 3) <= 3 {
			end = k
		}
	}
	// two or three words (strings.Fields), each with a capital first,
	// counted without the slice of them: every top-level item of every
	// list is asked
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

// twoCapitalsFirst reports whether the first two words of text
// (strings.Fields) both open with a capital.
func twoCapitalsFirst(text string) bool {
	n, in := 0, false
	for _, r := range text {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if in {
			continue
		}
		in, n = true, n+1
		if !unicode.IsUpper(r) {
			return false
		}
		if n == 2 {
			return true
		}
	}
	return false
}

// countFields is len(strings.Fields(s)), counted no further than max+1.
func countFields(s string, max int) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			in, n = true, n+1
			if n > max {
				break
			}
		}
	}
	return n
}

// capitals ("OCIO"), without the copy strings.ToUpper makes.
func asciiCapitals(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// innerMixedCase reports whether a word of ASCII letters has a capital
// after its first letter and a letter in lower case: a name written in
// mixed case ("CubeFS", "GitLab", "eBay"), neither an acronym ("OCIO")
// nor a word with a capital first only ("Teh").
func innerMixedCase(w string) bool {
	upper, lower := false, false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'A' <= c && c <= 'Z':
			upper = upper || i > 0
		case 'a' <= c && c <= 'z':
			lower = true
		default:
			return false
		}
	}
	return upper && lower
}

// placeSpellWord fills in what the merge stage reads of the block of an
// unknown word: its source span, whether it starts a sentence and, for a
// brand plural, the word with the apostrophe that follows it. Its strings
// are copied, so that the block's text is not kept for them.
func placeSpellWord(b *model.Block, u spellWord) spellWord {
	text := wordingText(b)
	u.span = b.SourceSpan(u.w.Start, u.w.End)
	u.start = sentenceStart(text, u.w.Start)
	u.cell = b.Kind == model.BlockCell && len(text) <= 2*len(u.w.Text)+8 && strings.TrimSpace(strings.Trim(strings.TrimSpace(text), ".,;:")) == u.w.Text
	if u.brand != "" {
		w := u.w
		for _, a := range []string{"'", "’"} {
			if strings.HasPrefix(text[w.End:], a) && !strings.HasSuffix(w.Text, a) {
				w.End += len(a)
				w.Text = text[w.Start:w.End]
				u.apo = a
			}
		}
		if u.apo != "" {
			u.apoText, u.apoSpan = strings.Clone(w.Text), b.SourceSpan(w.Start, w.End)
		}
	}
	u.w.Text, u.lower = strings.Clone(u.w.Text), strings.Clone(u.lower)
	return u
}

// spellAllowed is the handbook's words and the configured ones, in lower
// case, built once per options value.
func spellAllowed(opts *misspellingOptions) map[string]bool {
	spellAllowMu.Lock()
	defer spellAllowMu.Unlock()
	if spellAllowOpts == opts && spellAllow != nil {
		return spellAllow
	}
	allow := map[string]bool{}
	for _, w := range append(append([]string(nil), handbookWords...), opts.Allow...) {
		allow[strings.ToLower(w)] = true
	}
	spellAllowOpts, spellAllow = opts, allow
	return allow
}

var (
	spellAllowMu   sync.Mutex
	spellAllowOpts *misspellingOptions
	spellAllow     map[string]bool
)

// maxSpellWord is the longest word checked, in bytes: the candidates of a
// word cost about 54 times its length in look-ups.
const maxSpellWord = 32

// digitsOnly reports whether w is made of ASCII digits only.
func digitsOnly(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// spellCheckable reports whether a word is checked, with its case style:
// words of letters (an apostrophe inside) of at least four, in lower case,
// with a capital first letter or, from six letters, in capitals. Mixed case
// ("GitLab", "DevOps") is a name, a short word in capitals an acronym
// ("OMRE").
func spellCheckable(w string) (misspell.WordCase, bool) {
	if len(w) > maxSpellWord {
		return 0, false // no English word is this long: a hash, a run of letters
	}
	n := 0
	for _, r := range w {
		switch {
		case r == '\'' || r == '’':
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			n++
		default:
			return 0, false // digits, accented names
		}
	}
	style := misspell.CaseStyle(w)
	if n < 4 || style == misspell.CaseUnknown || style == misspell.CaseUpper && n <= 5 {
		return 0, false
	}
	return style, true
}

// reportMisspelling reports a word the dictionary lacks when a known word
// is one edit away and the site does not use it as its own; the fix is
// given when one candidate keeps the word's form.
func reportMisspelling(p *lint.SetPass, f *model.Family, u spellWord, onPage int, pageName bool, d *wordDict, vocab *siteVocabulary,
	main, extra *misspellTable, locale string, memo map[string][]string, pageWords map[string]bool, low *lowerSource) {
	lw := u.lower
	if u.article != "" {
		reportArticle(p, f, u)
		return
	}
	if u.apoPlural != "" {
		dg := lint.Diagnostic{File: f, Span: u.span, Subject: u.lower,
			Message: fmt.Sprintf("write %s, not %s: a plural takes no apostrophe", quoted(u.apoPlural), quoted(u.w.Text)),
			Diff:    "[-" + u.w.Text + "-]{+" + u.apoPlural + "+}"}
		if sourceIs(f, u.span, u.w.Text) {
			dg.Fixes = []lint.Edit{{Span: u.span, New: u.apoPlural}}
		}
		p.Report(dg)
		return
	}
	if u.pluralPoss != nil {
		// no fix: the plural's possessive or the singular's may be meant
		p.Report(lint.Diagnostic{File: f, Span: u.span, Subject: u.lower,
			Message: fmt.Sprintf("write %s (the plural's possessive) or %s, not %s", quoted(u.pluralPoss[0]), quoted(u.pluralPoss[1]), quoted(u.w.Text))})
		return
	}
	if u.pluralAfter != "" {
		p.Report(lint.Diagnostic{File: f, Span: u.span, Subject: u.lower,
			Message: fmt.Sprintf("%s stands before the plural %s: drop the article or write the singular", quoted(u.w.Text), quoted(u.pluralAfter))})
		return
	}
	if u.meant != "" {
		reportSpelling(p, f, u, []string{u.meant})
		return
	}
	if u.apart != "" {
		// "Hand book": the site writes "handbook" often, and no other
		// page writes the two apart
		if vocab.uses[u.apart] >= minApartJoinedUses && vocab.pages[u.apart] >= minApartJoinedPages &&
			vocab.pages[" "+u.lower] <= 1 {
			reportSpelling(p, f, u, []string{u.apart})
		}
		return
	}
	if u.star != nil {
		reportSpelling(p, f, u, u.star)
		return
	}
	if u.adverb != "" {
		if vocab.uses[u.adverb] >= minSentenceAdverbUses {
			reportSpelling(p, f, u, []string{u.adverb})
		}
		return
	}
	if u.slashTwin != "" {
		if fix := slashTwinFix(vocab, u.slashTwin); fix != "" {
			reportSpelling(p, f, u, []string{fix})
		}
		return
	}
	if u.joined != "" {
		// a name of the site's own, written joined on other pages too
		// ("HubSpot" beside "Hub Spot"?), is no slip of this page's
		if vocab.pages[lw] <= 1 {
			reportSpelling(p, f, u, []string{u.joined})
		}
		return
	}
	if u.nameS != "" {
		// the site writes the name with its "s" often, and never without
		name := strings.ToLower(strings.TrimRight(u.nameS, "'’"))
		if vocab.uses[name] >= minBrandUses && vocab.uses[strings.TrimSuffix(name, "s")] == 0 && vocab.pages[lw] <= 1 {
			reportSpelling(p, f, u, []string{u.nameS})
		}
		return
	}
	if u.rare {
		if c := rareSlip(d, vocab, lw, onPage); c != "" {
			reportSpelling(p, f, u, []string{c})
		}
		return
	}
	if u.joinedSite != "" {
		// "PeopleOperations" on a page that never writes the two apart,
		// where other pages of the site do and none writes them joined
		if vocab.pages[lw] <= 1 && vocab.pages[sitePair(u.joinedSite)] >= minSitePairPages {
			reportSpelling(p, f, u, []string{u.joinedSite})
			return
		}
		if u.brand == "" {
			return
		}
	}
	if u.brand != "" {
		// "GitLabs values": the site writes the name far more often than
		// this plural, so the possessive is meant
		if n := vocab.uses[strings.ToLower(u.brand)]; n >= minBrandUses && n >= brandRatio*vocab.uses[lw] {
			apo := "'"
			if strings.Contains(u.w.Text, "’") {
				apo = "’"
			}
			// "GitLabs’ values": the apostrophe after the word goes too
			if u.apo != "" {
				u.w.End += len(u.apoText) - len(u.w.Text)
				u.w.Text, u.span, apo = u.apoText, u.apoSpan, u.apo
			}
			reportSpelling(p, f, u, []string{u.brand + apo + "s"})
		}
		return
	}
	if u.lookalike != "" {
		// "ROl": the site writes "ROI" in capitals often, and never this
		if vocab.uses[strings.ToLower(u.lookalike)] >= minLookalikeUses && vocab.pages[lw] <= 1 {
			reportSpelling(p, f, u, []string{u.lookalike})
		}
		return
	}
	if u.short != "" {
		// a slip the site writes on other pages is a word of its own,
		// unless the word it slips from is far more used (as for longer
		// words: a typo the site repeats)
		_, listed := main.fix(lw)
		if !vocab.accepts(lw, true, []string{u.short}, false) && (pageWords == nil || listed) {
			reportSpelling(p, f, u, []string{u.short})
		}
		return
	}
	stem, suffix := lw, ""
	for _, s := range []string{"'s", "’s"} {
		if t, ok := strings.CutSuffix(lw, s); ok {
			stem, suffix = t, s
		}
	}
	var cands []string
	listed := false // a common misspelling (misspell's lists)
	if fix, ok := extra.fix(lw); ok && knownWord(d, lw) {
		cands, listed = []string{fix}, true // the other variety's spelling: one answer
	} else {
		// misspell's correction of a common misspelling, and the words
		// one edit away
		listedFix, ok := main.fix(lw)
		listed = ok
		if listed {
			cands = append(cands, listedFix)
		}
		if !listed && derivedWord(d, stem) {
			return
		}
		edits, ok := memo[stem]
		if !ok {
			edits = spellCandidates(d, stem)
			memo[stem] = edits
		}
		if joined := prefixedCandidates(d, u.prefix, stem); len(joined) > 0 {
			edits = joined // "multi-takser": "multitasker", so "tasker"
		}
		for _, c := range edits {
			if c+suffix != listedFix && plausibleTypo(stem, c, u.style == misspell.CaseTitle) {
				cands = append(cands, c+suffix)
			}
		}
		if len(cands) == 0 {
			if forms := joinedCompound(d, f, u, low); len(forms) > 0 && vocab.pages[lw] <= 1 {
				// "problemsolving" on a page that writes "problem solving"
				reportSpelling(p, f, u, forms)
				return
			}
			// no word one edit away: a long word may be two slips from one
			reportTwoSlips(p, f, u, stem, suffix, d, vocab)
			return
		}
		if len(cands) == 0 || vocab.accepts(lw, true, cands, listed) {
			return
		}
		if !listed && solidCompound(d, stem, suffix, u.style, cands) {
			// "manpages": two words written solid, a term of its own, not
			// "manages" with a letter typed in; offered apart only where
			// the page writes them apart ("problemsolving")
			if forms := joinedCompound(d, f, u, low); len(forms) > 0 && vocab.pages[lw] <= 1 {
				reportSpelling(p, f, u, forms)
			}
			return
		}
	}
	if pageName && !listed {
		return
	}
	if u.formed && !listed {
		return // "keyhold" beside the page's "keyholders": the page's own verb
	}
	// keep the candidates that fit the word's form; the most used on the
	// site first
	fit := cands[:0:0]
	for _, c := range cands {
		if wordForm(c) == wordForm(lw) {
			fit = append(fit, c)
		}
	}
	if len(fit) == 0 || suffixSlip(lw, cands) {
		fit = cands
	}
	fit = oneVariety(fit, locale)
	if listed && wordForm(cands[0]) == wordForm(lw) {
		// the list's correction of this very misspelling, and it keeps
		// the word's form: "recieve" is "receive", not "relieve", unless
		// the site writes another candidate ("Controlles": "Controls" or
		// "Controllers"?)
		keep := cands[:1]
		for _, c := range fit {
			if c != cands[0] && vocab.uses[c] > 0 {
				keep = append(keep, c)
			}
		}
		fit = keep
	}
	sort.SliceStable(fit, func(a, b int) bool { return vocab.uses[fit[a]] > vocab.uses[fit[b]] })
	name := u.style != misspell.CaseLower && !u.start
	if !listed && name && vocab.uses[fit[0]] == 0 && !(len(fit) == 1 && slip(stem, strings.TrimSuffix(fit[0], suffix))) {
		// no candidate is a word the site writes: a name or jargon
		// ("Gitter": "Bitter", "Fitter"?) more likely than a slip
		return
	}
	if used := usedOnly(fit, vocab); len(used) > 0 && len(fit) > 1 {
		fit = used // offer the words the site writes, not "whoring" for "woring"
		if len(fit) == 1 {
			fit = append(fit, "") // still a guess: no fix
		}
	}
	// a likely meant word: the list's correction, a word the site writes,
	// a common word, or a typing slip away; a word whose only candidates
	// are rare ("enablement": "entablement") is jargon more likely than a
	// slip, and is not reported
	likely := func(c string) bool {
		return c != "" && (listed || vocab.uses[c] > 0 || d.common(strings.TrimSuffix(c, suffix)) || slip(stem, strings.TrimSuffix(c, suffix)))
	}
	if !slices.ContainsFunc(fit, likely) {
		return
	}
	// a word the page writes the same way three times or more, with three or
	// more words one edit away and none of them certain ("kata": "kaka",
	// "kama", "kana"?), is a term the dictionary lacks, not a slip
	if !listed && onPage >= 3 && len(fit) >= 3 {
		return
	}
	// so is a capitalised word inside a sentence with three or more such
	// words and none certain ("DSLs (e.g. Ecto)": "Ceto", "Echo", "Eco"?):
	// a name more likely than a slip
	if !listed && name && len(fit) >= 3 {
		return
	}
	if len(fit) == 1 && !listed {
		// a fix is certain only when no other word the site writes is a
		// plausible meaning two edits away: "terrory" may be "terror" or
		// "territory"
		if r := twoEditRival(d, vocab, stem, strings.TrimSuffix(fit[0], suffix), u.style == misspell.CaseTitle); r != "" {
			fit = append(fit, r+suffix)
		}
	}
	if pageWords != nil && cautiousRefuses(d, u, stem, suffix, fit, listed, onPage, pageWords) {
		return
	}
	reportSpelling(p, f, u, fit)
}

// cautiousRefuses reports whether the cautious option (pages of other
// organisations, whose names and jargon no word list knows) leaves a word
// unreported for want of evidence that it is a slip. A common misspelling
// (misspell's list) is evidence enough, and so, mostly, is a mechanical
// slip of a suggested word: a letter dropped, two letters swapped, one
// doubled or undoubled ("Enteprise", "Zoura", "Responsbilities"). A letter
// changed or added is as likely another word, a name ("Sermant" is not
// "Servant", "nodejs" not "nodes"). So:
//   - a word of five letters or fewer is reported only when one common word
//     is suggested, of which it is a mechanical slip ("goup", "Sklls"):
//     many short words are one edit from it, and names, jargon and handles
//     are short ("kata", "tada", "ocio", "Ecto" were taken for slips);
//   - a word the page writes three times or more, or with a capital inside
//     a sentence, is reported only when it is a mechanical slip of a word
//     suggested or the page writes a word suggested: otherwise it is a term
//     or a name of its own ("Sermant" 28 times, never "Servant").
func cautiousRefuses(d *wordDict, u spellWord, stem, suffix string, fit []string, listed bool, onPage int, pageWords map[string]bool) bool {
	if listed {
		return false
	}
	var words []string
	mech := false
	for _, c := range fit {
		if c == "" {
			continue
		}
		c = strings.ToLower(strings.TrimSuffix(c, suffix))
		words = append(words, c)
		mech = mech || mechanicalSlip(strings.ToLower(stem), c)
	}
	if utf8.RuneCountInString(stem) <= 5 {
		return len(words) != 1 || !mech || !d.common(words[0])
	}
	name := u.style != misspell.CaseLower && !u.start
	if onPage < 3 && !name || mech {
		return false
	}
	for _, c := range fit {
		if c != "" && pageWords[strings.ToLower(c)] {
			return false
		}
	}
	return true
}

// mechanicalSlip reports whether w is c with one letter dropped, or with
// two neighbouring letters swapped or a letter doubled or undoubled (slip):
// what fingers do, rather than another word.
func mechanicalSlip(w, c string) bool {
	if slip(w, c) {
		return true
	}
	if len(c) != len(w)+1 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] != c[i] {
			return w[i:] == c[i+1:]
		}
	}
	return true
}

// twoEditRival returns a dictionary word the site writes, other than fix,
// that w is with two letters dropped (the commonest slip: "terrory" for
// "territory") and a plausible slip of it (same first letter, same
// ending's form), the most used one; or "".
func twoEditRival(d *wordDict, vocab *siteVocabulary, w, fix string, title bool) string {
	best, bestUses := "", 0
	if w == "" {
		return ""
	}
	// the site's words two letters longer with w's first letter, in
	// order: the most used, the first in order on a tie (not the first a
	// map's order gave)
	for _, c := range vocab.shaped(len(w)+2, w[0]) {
		n := vocab.uses[c]
		if c == fix || n <= bestUses {
			continue
		}
		if !d.common(c) || wordForm(c) != wordForm(w) || !plausibleTypo(w, c, title) || !subsequence(w, c) {
			continue
		}
		best, bestUses = c, n
	}
	return best
}

// emojiCode reports whether a word is an emoji's short code written between
// colons (":tada:", ":white_check_mark:"), which GitHub and GitLab draw as
// the emoji: no word to spell.
func emojiCode(text string, start, end int) bool {
	code := func(c byte) bool { return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
	// a short code is a few dozen bytes: the scan stops there, so that a
	// page of one endless hyphenated run costs no more than its length
	i, j := start, end
	for i > 0 && start-i < 64 && code(text[i-1]) {
		i--
	}
	for j < len(text) && j-end < 64 && code(text[j]) {
		j++
	}
	return i > 0 && text[i-1] == ':' && j < len(text) && text[j] == ':'
}

// slugWord reports whether a word is a part of a slug written in prose: a
// slash touches it ("nodejs/node", an owner and its repository) or an "@"
// opens it ("@nodejs/tsc", a team). A lower-case word of a slug that the
// page's links also write (github.com/nodejs/...) is an owner's or a
// project's name, not a slip.
func slugWord(text string, start, end int) bool {
	return start > 0 && (text[start-1] == '/' || text[start-1] == '@') || end < len(text) && text[end] == '/'
}

// linkNamesWord reports whether a word lies in a link's text whose own
// address writes it too: a user's or a project's name shown as the link
// ("[wreed](https://discuss.example/u/wreed)", "[@dan-maor](https://github.com/Dan-Maor)"),
// not a slip. byBlock holds the page's links by block, made on first need.
func linkNamesWord(f *model.Family, b *model.Block, byBlock *map[*model.Block][]*model.Link, start, end int, lw string) bool {
	l := linkAround(f, b, byBlock, start, end)
	if l == nil {
		return false
	}
	return hasFieldFold(l.Target, lw)
}

// hasFieldFold reports whether one of the runs of letters and digits of s
// is w in any case: strings.FieldsFunc's fields, compared without making
// the slice of them (misspelling asks it of every word inside a link).
func hasFieldFold(s, w string) bool {
	start := -1 // where the run being read starts, or -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && strings.EqualFold(s[start:i], w) {
			return true
		}
		start = -1
	}
	return start >= 0 && strings.EqualFold(s[start:], w)
}

// linkAround is the link of block b whose text holds the span start..end,
// or nil. byBlock holds the page's links by block, made on first need.
func linkAround(f *model.Family, b *model.Block, byBlock *map[*model.Block][]*model.Link, start, end int) *model.Link {
	// the block's links come in the order of their texts, which do not
	// overlap: the one that may hold the word is found by halving, so a
	// block of many links costs no more per word than a few
	ls := blockLinks(f, b, byBlock)
	i := sort.Search(len(ls), func(i int) bool { return ls[i].TextIn.End >= end })
	if i == len(ls) || start < ls[i].TextIn.Start {
		return nil
	}
	return ls[i]
}

// blockLinks returns the links of b that linkAround reads (no autolink), in
// the order of their texts; byBlock keeps them by block for the page, made
// on first need.
func blockLinks(f *model.Family, b *model.Block, byBlock *map[*model.Block][]*model.Link) []*model.Link {
	if len(f.Links) == 0 {
		return nil
	}
	if *byBlock == nil {
		*byBlock = map[*model.Block][]*model.Link{}
		for _, l := range f.Links {
			if l.Block != nil && l.Kind != model.LinkAuto {
				(*byBlock)[l.Block] = append((*byBlock)[l.Block], l)
			}
		}
		for _, ls := range *byBlock {
			sort.SliceStable(ls, func(i, j int) bool { return ls[i].TextIn.Start < ls[j].TextIn.Start })
		}
	}
	return (*byBlock)[b]
}

// nameSuffixed reports whether a slug's word is a word of the page's title
// (four letters or more) with a suffix of three letters or fewer: the
// project's own name as its owner writes it ("expressjs/express" on
// "Express Governance"), not a slip.
func nameSuffixed(lw, title string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 4 && strings.HasPrefix(lw, w) && len(lw) > len(w) && len(lw)-len(w) <= 3 {
			return true
		}
	}
	return false
}

// agentNounOnPage reports whether a page writes a word's agent noun, the
// word with "er" (or "r" after its "e"), in the singular or the plural,
// twice or more: "keyhold" on a page that writes "keyholder" eight times
// is a verb the page makes from its own noun, not a slip of "keyhole". A
// common misspelling (misspell's list) is reported all the same
// ("recieve", "reciever").
func agentNounOnPage(lw string, counts map[string]int) bool {
	if len(lw) < 4 || strings.ContainsAny(lw, " /'’") {
		return false
	}
	agent := lw + "er"
	if strings.HasSuffix(lw, "e") {
		agent = lw + "r"
	}
	return counts[agent]+counts[agent+"s"] >= 2
}

// linkedSites are the names of the sites a page links to: of each
// absolute web address, its host's label before the public suffix, in
// lower case ("patreon" of https://www.patreon.com/x, "example" of
// http://docs.example.co.uk). A link's path names no site.
func linkedSites(f *model.Family) map[string]bool {
	sites := map[string]bool{}
	for _, l := range f.Links {
		t := strings.ToLower(l.Target)
		rest, ok := strings.CutPrefix(t, "https://")
		if !ok {
			if rest, ok = strings.CutPrefix(t, "http://"); !ok {
				continue
			}
		}
		host, _, _ := strings.Cut(rest, "/")
		host, _, _ = strings.Cut(host, "?")
		host, _, _ = strings.Cut(host, "#")
		host, _, _ = strings.Cut(host, ":")
		if at := strings.LastIndexByte(host, '@'); at >= 0 {
			host = host[at+1:]
		}
		labels := strings.Split(host, ".")
		if len(labels) < 2 {
			continue
		}
		i := len(labels) - 2
		switch labels[i] {
		case "co", "com", "org", "net", "ac", "gov", "edu":
			if i > 0 && len(labels[len(labels)-1]) == 2 {
				i-- // a country's second level: example.co.uk
			}
		}
		if labels[i] != "" {
			sites[labels[i]] = true
		}
	}
	return sites
}

// pageNameWords are the lower-case words of a page's title and of its
// links' addresses, where a page names itself and its repository.
func pageNameWords(f *model.Family) map[string]bool {
	names := map[string]bool{}
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	for _, w := range split(f.Title) {
		names[strings.ToLower(w)] = true
	}
	for _, l := range f.Links {
		for _, w := range split(l.Target) {
			names[strings.ToLower(w)] = true
		}
	}
	return names
}

// reportSpelling reports an unknown word with its candidates: with one,
// the fix is certain; with more, they are offered and nothing is fixed.
func reportSpelling(p *lint.SetPass, f *model.Family, u spellWord, fit []string) {
	span := u.span
	dg := lint.Diagnostic{File: f, Span: span, Subject: u.lower}
	if len(fit) == 1 {
		// one candidate that keeps the word's form, and a likely one: the
		// fix is certain
		fix := withCase(fit[0], u.style)
		dg.Message = fmt.Sprintf("%s is a misspelling of %s", quoted(u.w.Text), quoted(fix))
		dg.Diff = "[-" + u.w.Text + "-]{+" + fix + "+}"
		if sourceIs(f, span, u.w.Text) {
			dg.Fixes = []lint.Edit{{Span: span, New: fix}}
		}
	} else {
		if len(fit) > 4 {
			fit = fit[:4]
		}
		var q []string
		for _, c := range fit {
			if c != "" {
				q = append(q, quoted(withCase(c, u.style)))
			}
		}
		dg.Message = fmt.Sprintf("%s is not a known word: did you mean %s?", quoted(u.w.Text), orList(q))
	}
	p.Report(dg)
}

// shortWords are the common three-letter words whose slips ("teh", "adn")
// are worth a finding (and shortDropWords' dropped letters: "wll"); other three-letter words are too often acronyms,
// names or abbreviations to check.
var shortWords = []string{"the", "and", "for", "you", "are", "not", "but", "can", "all", "has", "was",
	"our", "its", "how", "who", "new", "use", "any", "may", "one", "two", "own", "per", "via", "get", "out"}

var shortSlips = sync.OnceValue(func() map[string]string {
	d := englishWords()
	out := map[string]string{}
	taken := map[string]bool{}
	for _, w := range shortWords {
		for i := 0; i+1 < len(w); i++ {
			b := []byte(w)
			b[i], b[i+1] = b[i+1], b[i]
			s := string(b)
			if s == w || d.common(s) {
				continue
			}
			if _, dup := out[s]; dup {
				taken[s] = true // a slip of two words: no certain answer
			}
			out[s] = w
		}
	}
	// a letter dropped from a common four-letter word, not its first
	// ("wll" for "will", "tht" for "that"), where that leaves no word
	for _, w := range shortDropWords {
		for i := 1; i < len(w); i++ {
			s := w[:i] + w[i+1:]
			if d.has(s) || s == w {
				continue
			}
			if prev, dup := out[s]; dup && prev != w {
				taken[s] = true
			}
			out[s] = w
		}
	}
	for s := range taken {
		delete(out, s)
	}
	return out
})

// shortDropWords are the common four-letter words whose three-letter slips,
// a letter dropped ("wll", "tht"), are worth a finding.
var shortDropWords = []string{"will", "with", "that", "this", "have", "from", "they", "been", "were", "when",
	"what", "your", "also", "into", "each", "than", "them", "then", "more", "work", "team", "role", "able"}

// minLookalikeUses is how often the site must write an acronym for a word
// that is it with a lower-case "l" for its "I" to be taken for a slip.
const minLookalikeUses = 10

// lookalikeAcronym returns the acronym a word of capitals is with one
// lower-case "l" where an "I" looks the same ("ROl": "ROI"), or "". The
// caller checks that the site writes that acronym.
func lookalikeAcronym(w string) string {
	if len(w) < 2 || len(w) > 6 || strings.Count(w, "l") != 1 {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c != 'l' && (c < 'A' || c > 'Z') {
			return ""
		}
	}
	return strings.Replace(w, "l", "I", 1)
}

// doubledCapital returns the word meant when w is a capitalised dictionary
// word with its first letter typed twice, first in lower case ("pProgram":
// "Program"), or "". A name in that shape ("iPhone", "eBay", "mRNA") has a
// first letter of its own.
func doubledCapital(d *wordDict, w string) string {
	if len(w) < 5 || w[0] < 'a' || w[0] > 'z' || w[1] != w[0]-'a'+'A' {
		return ""
	}
	rest := w[1:]
	if misspell.CaseStyle(rest) != misspell.CaseTitle {
		return ""
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return ""
		}
	}
	if !d.common(strings.ToLower(rest)) {
		return ""
	}
	return rest
}

// runTogether returns the two words a word in mixed case is made of, with
// a space between, when it is two capitalised common words run together
// ("PeopleOperations") and the page writes them apart, as written, twice
// or more ("People Operations"): the page's own text says the space was
// dropped. A name in mixed case ("GitLab", "LinkedIn", "PowerPoint") is
// one the page does not write apart; a part of two letters ("DevOps" has
// "Ops", no common word) or one no dictionary holds as common is no word
// of the pair; else "".
func runTogether(d *wordDict, f *model.Family, w string) string {
	if f == nil || f.Source == nil {
		return ""
	}
	apart := twoCapitalWords(d, w)
	// the source read in place, not copied (countWord keeps nothing of it;
	// a page asks up to maxRunTogether words)
	src := unsafe.String(unsafe.SliceData(f.Source.Text), len(f.Source.Text))
	if apart == "" || countWord(src, apart) < 2 {
		return ""
	}
	return apart
}

// twoCapitalWords returns w's two capitalised parts with a space between
// when w is two known words run together (mixedTwoCapitals) and no known
// word or name joined; else "".
func twoCapitalWords(d *wordDict, w string) string {
	if !mixedTwoCapitals(w) {
		return ""
	}
	split := strings.IndexFunc(w[1:], unicode.IsUpper) + 1
	a, b := w[:split], w[split:]
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if !knownWord(d, la) || !knownWord(d, lb) || knownWord(d, la+lb) || termNames()[la+lb] {
		return ""
	}
	return a + " " + b
}

// minRareSlip is the shortest rare word rareSlip looks at, and
// minRareSlipUses how often the site must write the common word it is a
// slip of.
const minRareSlip, minRareSlipUses = 6, 20

// rareSlip returns the common word a rare dictionary word, written once
// on the page with a capital inside a sentence and on no other page, is a
// slip of: the one common word one edit from it, of its form, that the
// site writes minRareSlipUses times or more ("Revenuer" for "Revenue" in
// "Senior Manager, Revenuer Accounting"); else "". A rare word the site
// writes elsewhere is meant (a name, a term).
func rareSlip(d *wordDict, vocab *siteVocabulary, w string, onPage int) string {
	if onPage != 1 || vocab.pages[w] > 1 {
		return ""
	}
	found := ""
	for _, c := range spellCandidates(d, w) {
		if !d.common(c) || vocab.uses[c] < minRareSlipUses || !plausibleTypo(w, c, false) {
			continue
		}
		if found != "" {
			return ""
		}
		found = c
	}
	return found
}

// minSitePairPages is how many pages must write two capitalised words
// apart ("People Operations") for a page's run-together form of them to
// be a slip when no page writes them so.
const minSitePairPages = 3

// sitePair is the key under which a page's tallies count two capitalised
// words written apart: their lower case joined after a space, which no
// word of prose holds ("people operations" gives " peopleoperations").
func sitePair(apart string) string {
	return " " + strings.ToLower(strings.ReplaceAll(apart, " ", ""))
}

// maxRunTogether bounds the words in mixed case a page's runTogether is
// asked about: each reads the page's source.
const maxRunTogether = 64

// mixedTwoCapitals reports whether w is ASCII letters of two capitalised
// parts of three letters or more ("PeopleOperations").
func mixedTwoCapitals(w string) bool {
	if len(w) < 6 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	split := -1
	for i := 1; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z' && split < 0:
			split = i
		default:
			return false // a third capital, an apostrophe, a digit
		}
	}
	return split >= 3 && len(w)-split >= 3
}

// strayApostrophe returns the end of a second apostrophe right after a
// possessive word at text[start:end] ("Bachelor's’ Degree", "teams”
// goals"), one that closes no quotation (the block opens none before the
// word) and that a space or the text's end follows; else 0.
func strayApostrophe(text string, start, end int) int {
	w := text[start:end]
	if !(strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")) {
		return 0
	}
	var a string
	for _, q := range []string{"'", "’"} {
		if strings.HasPrefix(text[end:], q) {
			a = q
		}
	}
	if a == "" {
		return 0
	}
	after := end + len(a)
	if after < len(text) && text[after] != ' ' && text[after] != '\n' {
		return 0
	}
	before := text[:start]
	if strings.Contains(before, "‘") || strings.HasPrefix(before, "'") || strings.Contains(before, " '") || strings.Contains(before, "\"") {
		return 0 // a quotation may close here
	}
	return after
}

// joinedCompound returns the forms a page writes for a lower-case word
// that is two common words run together ("problemsolving": "problem
// solving", "problem-solving"), the most written first: the page's own
// text shows which two words were meant. Both words are of three letters
// or more; the word is reported only when the page writes the pair apart
// twice or more, once at least with a hyphen (an open compound, "data
// stores", is often closed in tech prose: "datastores" is a variant, not
// a slip), and, by its caller, when no other page writes it joined
// ("referenceability" is a sales word).
func joinedCompound(d *wordDict, f *model.Family, u spellWord, low *lowerSource) []string {
	w := u.lower
	if u.style != misspell.CaseLower || len(w) < 8 || f == nil || f.Source == nil {
		return nil
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return nil
		}
	}
	// the page's source in lower case, made for the first split into two
	// words the dictionary knows (most words have none), once a page
	src, lowered := "", false
	type form struct {
		text string
		n    int
	}
	var forms []form
	for i := 3; i <= len(w)-3; i++ {
		a, b := w[:i], w[i:]
		if !d.common(a) || !knownWord(d, b) && !derivedSuffix(d, b) {
			continue
		}
		if !lowered {
			src, lowered = low.of(f), true
		}
		for _, sep := range []string{"-", " "} {
			if n := countWord(src, a+sep+b); n > 0 {
				forms = append(forms, form{a + sep + b, n})
			}
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return forms[i].n > forms[j].n })
	var out []string
	total := 0
	for _, fm := range forms {
		out = append(out, fm.text)
		total += fm.n
	}
	if total < 2 || !slices.ContainsFunc(out, func(s string) bool { return strings.Contains(s, "-") }) {
		return nil
	}
	return out
}

// lowerSource is a page's source in lower case, made on the first
// question: joinedCompound asks it for each unknown word of a page that
// splits into two known words.
type lowerSource struct {
	f    *model.Family
	text string
	done bool
}

// of returns f's source in lower case (strings.ToLower), made once when f
// is the page of l (or l is nil), else made anew.
func (l *lowerSource) of(f *model.Family) string {
	if l == nil || l.f != f {
		return lowerBytes(f.Source.Text)
	}
	if !l.done {
		l.text, l.done = lowerBytes(f.Source.Text), true
	}
	return l.text
}

// lowerBytes is strings.ToLower(string(b)) in one pass (appendLower) and
// one copy: a page's source holds a curly quote or a dash past ASCII more
// often than not, which sends strings.ToLower to strings.Map, a rune and a
// unicode.ToLower for every byte of the page.
func lowerBytes(b []byte) string {
	// b is only read while the lower case is written, and low is not
	// written after it becomes the string
	low := appendLower(make([]byte, 0, len(b)), unsafe.String(unsafe.SliceData(b), len(b)))
	return unsafe.String(unsafe.SliceData(low), len(low))
}

// solidCompound reports whether a word in lower case is two words written
// solid where each candidate is the word with its second word's first
// letter dropped: "manpages" (man pages) is no slip of "manages". The two
// words are content words, the first a common word of three letters or
// more, the second one of four or more (or its plural or verb form), and
// the letter dropped doubles no neighbour ("mannages" is "manages" with a
// letter typed twice). A slip elsewhere in the word is still one, however
// the word splits ("pepresent" is no "pep resent", "operaring" no "opera
// ring"), and so is a pair run together around a function word ("forthe").
func solidCompound(d *wordDict, w, suffix string, style misspell.WordCase, cands []string) bool {
	if style != misspell.CaseLower || len(w) < 7 || len(cands) == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	for _, c := range cands {
		c = strings.TrimSuffix(c, suffix)
		if len(c) != len(w)-1 {
			return false
		}
		i := 0
		for i < len(c) && c[i] == w[i] {
			i++
		}
		// w is c with w[i] added: the seam must be there
		if w[i+1:] != c[i:] || i < 3 || len(w)-i < 4 || w[i] == w[i-1] || w[i] == w[i+1] {
			return false
		}
		a, b := w[:i], w[i:]
		if prose.IsStopWord(a) || prose.IsStopWord(b) || !d.common(a) || !d.common(b) && !derivedSuffix(d, b) {
			return false
		}
	}
	return true
}

// countWord counts the times s occurs in text as whole words (no letter
// right before or after).
func countWord(text, s string) int {
	n := 0
	letter := func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	for i := 0; ; {
		k := strings.Index(text[i:], s)
		if k < 0 {
			return n
		}
		at := i + k
		if (at == 0 || !letter(text[at-1])) && (at+len(s) == len(text) || !letter(text[at+len(s)])) {
			n++
		}
		i = at + 1
	}
}

// hyphenPrefix returns the prefix of spellPrefixes, in lower case, that
// the word at text[start:] follows with a hyphen ("multi-takser"), or "".
func hyphenPrefix(text string, start int) string {
	if start < 2 || text[start-1] != '-' {
		return ""
	}
	i := start - 1
	for i > 0 && (text[i-1] >= 'a' && text[i-1] <= 'z' || text[i-1] >= 'A' && text[i-1] <= 'Z') {
		i--
	}
	pre := strings.ToLower(text[i : start-1])
	if slices.Contains(spellPrefixes, pre) {
		return pre
	}
	return ""
}

// prefixedCandidates returns the candidates of a word written after a
// prefix and a hyphen, from the words one edit from the two joined that
// keep the prefix ("multi-takser": "multitasker" gives "tasker", where the
// word alone gives "taker" and "taser"), or nil.
func prefixedCandidates(d *wordDict, prefix, stem string) []string {
	if prefix == "" {
		return nil
	}
	w := prefix + stem
	var out, derived []string
	for i := len(prefix); i <= len(w); i++ { // edits after the prefix
		var tries []string
		if i < len(w) {
			tries = append(tries, w[:i]+w[i+1:])
		}
		if i+1 < len(w) {
			tries = append(tries, w[:i]+w[i+1:i+2]+w[i:i+1]+w[i+2:])
		}
		for c := byte('a'); c <= 'z'; c++ {
			if i < len(w) {
				tries = append(tries, w[:i]+string(c)+w[i+1:])
			}
			tries = append(tries, w[:i]+string(c)+w[i:])
		}
		for _, t := range tries {
			switch {
			case t == w:
			case d.has(t):
				out = append(out, t[len(prefix):])
			case derivedSuffix(d, t) && slip(w, t):
				// a form of a known word the dictionary lacks
				// ("multitasker"), when a typing slip away
				derived = append(derived, t[len(prefix):])
			}
		}
	}
	if len(out) == 0 {
		out = derived
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// hyphenated reports whether the word at text[start:end] is part of a
// hyphenated compound ("pre-sales", "co-op").
func hyphenated(text string, start, end int) bool {
	return start > 0 && text[start-1] == '-' || end < len(text) && text[end] == '-'
}

// shortSlip is the common word a three-letter word is a swapped-letter
// slip of ("teh": "the"), or the four-letter word it drops a letter of
// ("wll": "will"), or "". Only lower case, or a capital at the start for a
// swap.
func shortSlip(d *wordDict, w, lower string) string {
	if len(w) != 3 || d.common(lower) {
		return ""
	}
	if st := misspell.CaseStyle(w); st != misspell.CaseLower && st != misspell.CaseTitle {
		return ""
	}
	fix := shortSlips()[lower]
	if len(fix) != len(w) && w != lower {
		return "" // a dropped letter only in lower case: "Wil" may be a name
	}
	return fix
}

// suffixSlip reports whether a word of no known form may be a slip in its
// own suffix: a candidate as long as the word has a suffix ("operatea":
// "operates", beside "operate"), or is the word with its last two letters
// swapped back ("invitde": "invited") or with an "s" at its end
// ("policie": "policies"). The form filter then proves nothing, and the
// candidates are offered, not fixed.
func suffixSlip(w string, cands []string) bool {
	if wordForm(w) != "" || w == "" {
		return false
	}
	last := w[len(w)-1]
	for _, c := range cands {
		if wordForm(c) == "" {
			continue
		}
		switch {
		case len(c) == len(w) && c[:len(c)-1] == w[:len(w)-1] && strings.IndexByte(keyNeighbours[c[len(c)-1]], last) >= 0:
			return true
		case lastTwoSwapped(w, c):
			return true // "improvemenst", "invitde": "improvements", "invited"
		case c == w+"s":
			// the plural's "s" dropped after its "e" or a word's own last
			// "s" ("policie", "focu": "policies", "focus"); not "-ing"'s
			// "g", which makes jargon of a slip ("mixin" is no "mixing")
			return true
		}
	}
	return false
}

// lastTwoSwapped reports whether w is c with its last two letters typed
// the other way round ("Engagemetn", "peesr").
func lastTwoSwapped(w, c string) bool {
	n := len(w)
	return n >= 3 && len(c) == n && w[n-1] != w[n-2] && w[:n-2] == c[:n-2] && w[n-1] == c[n-2] && w[n-2] == c[n-1]
}

// keyNeighbours are the letters next to a suffix's last letter on a QWERTY
// keyboard: the keys a finger hits instead of it.
var keyNeighbours = map[byte]string{'s': "awedxz", 'd': "serfcx", 'g': "ftyhbv", 'y': "tghu"}

// oneVariety drops from the candidates the spellings of the other variety
// of English when both are there ("practises" next to "practices"):
// British ones unless the locale is UK.
func oneVariety(cands []string, locale string) []string {
	_, us := misspellings("US")
	_, uk := misspellings("UK")
	other := us // British to American
	if strings.EqualFold(locale, "UK") {
		other = uk
	}
	in := map[string]bool{}
	for _, c := range cands {
		in[c] = true
	}
	out := cands[:0:0]
	for _, c := range cands {
		if to, ok := other.fix(c); ok && in[to] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// sentenceStart reports whether the word at offset i of a block's text
// starts a sentence (or the block): its capital says nothing of a name.
func sentenceStart(text string, i int) bool {
	before := trimOpeners(text[:i])
	if hasLowerSuffix(before, "e.g.") || hasLowerSuffix(before, "i.e.") {
		return false // an abbreviation's dot ends no sentence: "(e.g. Ecto)"
	}
	return before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") ||
		strings.HasSuffix(before, "?") || strings.HasSuffix(before, ":")
}

// trimOpeners is strings.TrimRight(s, " \t\n*_\"'“("), byte by byte: the
// cutset's curly quote sent TrimRight down its slow path for every word
// sentenceStart was asked of.
func trimOpeners(s string) string {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ' ', '\t', '\n', '*', '_', '"', '\'', '(':
			s = s[:len(s)-1]
			continue
		}
		if !strings.HasSuffix(s, "“") {
			return s
		}
		s = s[:len(s)-len("“")]
	}
	return s
}

// hasLowerSuffix reports whether strings.ToLower(s) ends with suffix, a
// lower-case ASCII string, lowering only the runes it needs from s's end:
// strings.ToLower maps rune by rune, so its last runes are those of s
// lowered. (Lowering the whole of s made sentenceStart, asked of every word
// of a block, quadratic in a long block's length.)
func hasLowerSuffix(s, suffix string) bool {
	for k := len(suffix) - 1; k >= 0; k-- {
		r, n := utf8.DecodeLastRuneInString(s)
		if n == 0 || unicode.ToLower(r) != rune(suffix[k]) {
			return false
		}
		s = s[:len(s)-n]
	}
	return true
}

// usedOnly returns the candidates the site's pages use.
func usedOnly(cands []string, vocab *siteVocabulary) []string {
	var out []string
	for _, c := range cands {
		if vocab.uses[c] > 0 {
			out = append(out, c)
		}
	}
	return out
}

// slip reports whether c is w with two neighbouring letters swapped or a
// letter doubled or undoubled: the commonest typing slips.
func slip(w, c string) bool {
	if len(w) == len(c) {
		for i := 0; i+1 < len(w); i++ {
			if w[i] != c[i] {
				return w[i] == c[i+1] && w[i+1] == c[i] && w[i+2:] == c[i+2:]
			}
		}
		return false
	}
	long, short := w, c
	if len(c) > len(w) {
		long, short = c, w
	}
	if len(long) != len(short)+1 {
		return false
	}
	for i := 0; i < len(short); i++ {
		if long[i] != short[i] {
			return i > 0 && long[i] == long[i-1] && long[i+1:] == short[i:]
		}
	}
	return long[len(long)-1] == long[len(long)-2]
}

// subsequence reports whether the letters of w appear in c in order.
func subsequence(w, c string) bool {
	i := 0
	for j := 0; j < len(c) && i < len(w); j++ {
		if c[j] == w[i] {
			i++
		}
	}
	return i == len(w)
}

// orList joins items as "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// withCase writes a lower-case correction in the case style of the word it
// replaces.
func withCase(s string, style misspell.WordCase) string {
	switch style {
	case misspell.CaseUpper:
		return strings.ToUpper(s)
	case misspell.CaseTitle:
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// minTwoSlipWord is the shortest word looked at for two slips: in a
// shorter one two slips leave too little of the word to say which was
// meant.
const minTwoSlipWord = 7

// minTwoSlipNameUses is how often the site must write the word a
// capitalised word (a name, inside a sentence) is two slips from: a name
// of the site's own ("Clearbit") is no typo of a word it seldom writes.
const minTwoSlipNameUses = 5

// reportTwoSlips reports a long word that no dictionary word is one edit
// from, but that is a common word the site writes with one of three slips
// that change two letters (twoSlips): a pair of letters typed twice
// ("Quantititative"), a pair dropped ("Quantitive" for "Quantitative"),
// or a letter typed out of its place ("Netifly" for "Netlify"). Other
// changes of two letters are as likely a name or a compound ("cutover" is
// not "cover", "Bronwyn" not "Brown"). The word keeps its first and last
// letters and its form ("-ing", "-ed", "-s"), is in lower or title case,
// and the site does not use it on other pages; a capitalised word inside a
// sentence (a name) only for a word the site writes often. The fix is
// written when one word fits; else the site's candidates are offered.
func reportTwoSlips(p *lint.SetPass, f *model.Family, u spellWord, stem, suffix string, d *wordDict, vocab *siteVocabulary) {
	if len(stem) < minTwoSlipWord || suffix != "" || u.style == misspell.CaseUpper || vocab.accepts(u.lower, true, nil, false) {
		return
	}
	name := u.style != misspell.CaseLower && !u.start
	title := u.style == misspell.CaseTitle
	var all, used []string
	for _, c := range twoSlipWords(stem) {
		if wordForm(c) != wordForm(stem) || c[len(c)-1] != stem[len(stem)-1] || !plausibleTypo(stem, c, title) {
			continue
		}
		all = append(all, c)
		if n := vocab.uses[c]; d.has(c) && n > 0 && (!name || n >= minTwoSlipNameUses) {
			used = append(used, c)
		}
	}
	if len(used) == 0 {
		if len(all) == 0 && u.style == misspell.CaseLower {
			// "synthizie": no word one or two slips away, but one word the
			// site writes opens and ends the same way, a few letters off
			if c := garbledWord(d, vocab, stem); c != "" {
				reportSpelling(p, f, u, []string{c})
			}
		}
		return
	}
	if len(all) == 1 {
		reportSpelling(p, f, u, used)
		return
	}
	sort.SliceStable(used, func(a, b int) bool { return vocab.uses[used[a]] > vocab.uses[used[b]] })
	reportSpelling(p, f, u, append(used, "")) // offered, not fixed
}

// minGarbledWord is the shortest word garbledWord looks at, and
// garbledStem how many of its first letters the meant word keeps.
const minGarbledWord, garbledStem = 9, 5

// garbledWord returns the one common dictionary word the site writes that
// a long lower-case word garbles in its ending: the word keeps the first
// garbledStem letters and the last one of it, its length is within two
// of it, and three edits at most turn one into the other ("synthizie"
// for "synthesize"); or "" when there is none or more than one. A long
// lower-case word that the site writes on no other page and no common
// word is one edit or one slip from is seldom a term of its own.
func garbledWord(d *wordDict, vocab *siteVocabulary, w string) string {
	if len(w) < minGarbledWord {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return ""
		}
	}
	var found []string
	by := dictByShape()
	for n := len(w) - 2; n <= len(w)+2; n++ {
		by.each(w[0], w[len(w)-1], n, func(c string) {
			if c[:garbledStem] == w[:garbledStem] && d.common(c) && vocab.uses[c] > 0 && wordForm(c) == wordForm(w) && model.TypoDistance(w, c) <= 3 {
				found = append(found, c)
			}
		})
	}
	if found = oneVariety(found, ""); len(found) != 1 {
		return ""
	}
	return found[0]
}

// twoSlipWords returns the dictionary words that a lower-case ASCII word
// is with two slips (twoSlips), starting and ending with its letters.
func twoSlipWords(w string) []string {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return nil
		}
	}
	var out []string
	by := dictByShape()
	for _, n := range []int{len(w) - 2, len(w), len(w) + 2} {
		by.each(w[0], w[len(w)-1], n, func(c string) {
			if c != w && twoSlips(w, c) {
				out = append(out, c)
			}
		})
	}
	sort.Strings(out)
	return out
}

// twoSlips reports whether w is c typed with one slip that changes two
// letters: a pair of c's letters typed twice ("quantititative"), a pair
// of them dropped ("quantitive"), or one letter typed two or more places
// from its own ("netifly" for "netlify").
func twoSlips(w, c string) bool {
	switch len(w) - len(c) {
	case 2: // a pair typed twice: w[i:i+2] repeats the pair before or after it
		for i := 0; i+2 <= len(w); i++ {
			if w[:i] != c[:i] {
				return false
			}
			if w[i+2:] == c[i:] && (i >= 2 && w[i-2:i] == w[i:i+2] || i+4 <= len(w) && w[i+2:i+4] == w[i:i+2]) {
				return true
			}
		}
	case -2: // a pair dropped
		for i := 0; i+2 <= len(c); i++ {
			if c[:i] != w[:i] {
				return false
			}
			if c[i+2:] == w[i:] {
				return true
			}
		}
	case 0: // a letter out of place: w and c differ in a run where one is the other with a letter moved
		i, j := 0, len(w)
		for i < j && w[i] == c[i] {
			i++
		}
		for j > i && w[j-1] == c[j-1] {
			j--
		}
		if j-i < 3 {
			return false // one swap of neighbours: one edit, not two
		}
		a, b := w[i:j], c[i:j]
		// the letter moved from the run's start to its end, or back
		return a[1:] == b[:len(b)-1] && a[0] == b[len(b)-1] || a[:len(a)-1] == b[1:] && a[len(a)-1] == b[0]
	}
	return false
}

// dictByShape is the dictionary's words of letters a-z by their shape
// (first and last letters, length), built once, when a word is first
// looked up by its shape.
var dictByShape = sync.OnceValue(func() *shapeIndex { return newShapeIndex(englishWords()) })

// shapeIndex is a dictionary's words of letters a-z grouped by their
// shape: their offsets in the dictionary's text, sorted by shape (a
// counting sort), and where each shape's run starts. 4 bytes a word and
// 4 a shape, built in two passes over the dictionary, where a map
// of string slices took a map entry a shape and 16 bytes a word, and its
// growth most of the time of a pre-commit run's misspelling stage.
type shapeIndex struct {
	text  string   // the dictionary's text
	maxN  int      // the longest word's length
	start []uint32 // by shapeKey: where its run starts in offs; one more at the end
	offs  []uint32 // the words' offsets in text, by shape
}

// shapeKey is the index of a shape among (first letter, last letter,
// length) for lengths 0 to maxN.
func shapeKey(initial, final byte, n, maxN int) int {
	return (int(initial-'a')*26+int(final-'a'))*(maxN+1) + n
}

func newShapeIndex(d *wordDict) *shapeIndex {
	x := &shapeIndex{text: d.text}
	// first pass: the words of letters a-z, as offset and length (a
	// word's letters read up to its end or its first other byte)
	type word struct{ off, n uint32 }
	words := make([]word, 0, d.n)
	text := d.text
	for _, s := range d.slots {
		if s == 0 {
			continue
		}
		off := int(s&^dictCommon) - 1
		end := off
		for end < len(text) && text[end] >= 'a' && text[end] <= 'z' {
			end++
		}
		if n := end - off; n > 0 && (end == len(text) || text[end] == '\n') {
			words = append(words, word{uint32(off), uint32(n)})
			x.maxN = max(x.maxN, n)
		}
	}
	x.start = make([]uint32, 26*26*(x.maxN+1)+1)
	key := func(w word) int {
		return shapeKey(x.text[w.off], x.text[int(w.off+w.n)-1], int(w.n), x.maxN)
	}
	for _, w := range words {
		x.start[key(w)+1]++
	}
	for i := 1; i < len(x.start); i++ {
		x.start[i] += x.start[i-1]
	}
	x.offs = make([]uint32, len(words))
	next := append([]uint32(nil), x.start[:len(x.start)-1]...)
	for _, w := range words {
		k := key(w)
		x.offs[next[k]] = w.off
		next[k]++
	}
	return x
}

// each calls fn with every word of a shape.
func (x *shapeIndex) each(initial, final byte, n int, fn func(w string)) {
	if initial < 'a' || initial > 'z' || final < 'a' || final > 'z' || n < 1 || n > x.maxN {
		return
	}
	k := shapeKey(initial, final, n, x.maxN)
	for _, off := range x.offs[x.start[k]:x.start[k+1]] {
		fn(x.text[off : int(off)+n])
	}
}

// minApartJoinedUses and minApartJoinedPages are how often, and on how
// many pages, the site must write a word for the two words it is made of,
// written apart on one page only, to be a slip for it ("Hand book" where
// the site writes "handbook" hundreds of times).
const minApartJoinedUses, minApartJoinedPages = 20, 3

// apartStops are the words that make another word with the next one
// without being a slip: function words and particles ("with in", "in to",
// "up on", "on line", "there for", "any one", "may be"), whose pairs are
// grammar; and the verbs of phrasal verbs, whose particles these are.
var apartStops = map[string]bool{
	"any": true, "every": true, "some": true, "no": true, "may": true, "there": true, "here": true,
	"where": true, "what": true, "who": true, "how": true, "when": true, "can": true, "not": true,
	"all": true, "its": true, "per": true, "are": true, "was": true, "were": true,
	"ever": true, "more": true, "less": true, "none": true, "one": true, "them": true, "they": true,
	"self": true, "together": true, "never": true, "thereby": true, "whom": true, "out": true,
	"with": true, "into": true, "onto": true, "upon": true, "under": true, "over": true, "within": true,
	"without": true, "after": true, "before": true, "along": true, "across": true, "around": true,
	"the": true, "and": true, "for": true, "but": true, "nor": true, "yet": true, "our": true, "your": true,
	"their": true, "this": true, "that": true, "these": true, "those": true, "from": true, "via": true,
	"down": true, "off": true, "back": true, "through": true, "away": true, "about": true,
}

// splitCompound returns the dictionary word that two words written apart,
// a and then b, make ("Hand book": "handbook"), or "": both of three
// letters or more, ASCII, neither a function word nor a particle
// (apartStops, termParticles: "with in", "set up" are grammar), the
// second in lower case, the first in lower case or with a capital first,
// neither joined to another word by a hyphen, and both dictionary words;
// the joined word is one of the English word list, not of the package's
// own additions, whose open forms are often English too ("front end",
// "life cycle", "road map").
// Whether the site writes the joined word often and the two apart nowhere
// else is the caller's.
func splitCompound(d *wordDict, text string, a, b word) string {
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
	// the joined word in lower case, written in a buffer on the stack and
	// made a string only when it is the answer: most pairs make no word
	// (174,000 pairs on the 1-copy workload, 45,000 past the stop words;
	// its dictionary look-up is asked first, as the cheapest test that
	// fails)
	var buf [64]byte
	j := buf[:0]
	if len(a.Text)+len(b.Text) > len(buf) {
		j = nil // on the heap
	}
	j = append(append(j, a.Text...), b.Text...)
	if c := j[0]; 'A' <= c && c <= 'Z' {
		j[0] = c + 'a' - 'A'
	}
	joined := unsafe.String(&j[0], len(j)) // read only while buf lives
	la := joined[:len(a.Text)]
	if !d.english(joined) || apartStops[la] || apartStops[b.Text] || termParticles[la] || termParticles[b.Text] ||
		!d.has(la) || !d.has(b.Text) {
		return ""
	}
	return strings.Clone(joined)
}

// apartPairKey is the key under which a page's tallies count two words
// written apart that make one: a space, then the two with a space between,
// which no word of prose (nor a sitePair key) holds.
func apartPairKey(a, b string) string { return " " + a + " " + b }

// slashAcronym reports whether two words around a slash are acronyms of
// two to five capitals ("CI/CD"), alone: no third word joined to them by
// a slash or a hyphen ("A/B/C", "CI/CD-ready" stay out).
func slashAcronym(text string, a, b word) bool {
	if len(a.Text) > 5 || len(b.Text) > 5 || !asciiCapitals(a.Text) || !asciiCapitals(b.Text) {
		return false
	}
	if a.Start > 0 && (text[a.Start-1] == '/' || text[a.Start-1] == '-') {
		return false
	}
	return b.End >= len(text) || text[b.End] != '/' && text[b.End] != '-'
}

// slashPairKey is the key under which a page's tallies count two acronyms
// around a slash: a space and the two in lower case with the slash.
func slashPairKey(a, b string) string { return " " + a + "/" + b }

// minSlashPairUses is how often, and on how many pages, the site must
// write a pair of acronyms for an acronym written twice around the slash
// ("CI/CI") to be a slip of it ("CI/CD").
const minSlashPairUses, minSlashPairPages = 10, 3

// slashTwinFix returns the pair of acronyms, in lower case, that an
// acronym written twice around a slash (its lower case a, "ci" of
// "CI/CI") is a slip of: the pair opened by a that the site writes most
// ("ci/cd"), when it writes it often (minSlashPairUses), on no fewer
// than minSlashPairPages pages, and siteTypoRatio times as often as the
// twin (a page copied from another repeats its slip); else "".
func slashTwinFix(vocab *siteVocabulary, a string) string {
	prefix := slashPairKey(a, "")
	best, n := "", 0
	for k, uses := range vocab.uses {
		if !strings.HasPrefix(k, prefix) || k == slashPairKey(a, a) || vocab.pages[k] < minSlashPairPages {
			continue
		}
		if uses > n || uses == n && k < best {
			best, n = k, uses
		}
	}
	if n < minSlashPairUses || n < siteTypoRatio*vocab.uses[slashPairKey(a, a)] {
		return ""
	}
	return best[1:]
}

// minSentenceAdverbUses is how often the site must write an adverb for
// an adjective opening a sentence before a comma and a clause to be a slip
// of it ("Final, candidates will": "Finally").
const minSentenceAdverbUses = 20

// sentenceAuxiliaries are the verbs that show the words before them, after
// a sentence's opening word and comma, to be a clause's subject: "Final,
// candidates will be invited" (not coordinate adjectives: "Relevant,
// progressive experience", "Specific, significant experience").
var sentenceAuxiliaries = map[string]bool{"will": true, "would": true, "can": true, "could": true, "may": true,
	"might": true, "must": true, "shall": true, "should": true, "is": true, "are": true, "was": true, "were": true,
	"has": true, "have": true}

// ordinalOpeners open a sentence before a comma as they are ("First,
// ...", "Last, ..."), beside their adverbs.
var ordinalOpeners = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "last": true, "next": true}

// sentenceAdverb returns the adverb meant where the j-th word opens a
// sentence, capitalised, right before a comma, and is a dictionary word
// that "-ly" makes a dictionary adverb ("Final": "finally"), when a
// clause follows: one to three words in lower case, then an auxiliary or
// modal verb (sentenceAuxiliaries: "Final, candidates will be invited").
// Two adjectives before a noun ("Relevant, progressive experience") take
// no verb; an ordinal ("First, candidates will") is left alone. Else "".
// The caller checks that the site writes the adverb often.
func sentenceAdverb(d *wordDict, text string, tw *textWords, j int) string {
	w, lw := wordIn(text, tw.Words[j]), tw.Lower(j)
	if len(lw) < 4 || w.Text[1:] != lw[1:] || w.Text[0] < 'A' || w.Text[0] > 'Z' || strings.HasSuffix(lw, "ly") || ordinalOpeners[lw] {
		return ""
	}
	if !strings.HasPrefix(text[w.End:], ", ") || !sentenceStart(text, w.Start) {
		return ""
	}
	adv := lw + "ly"
	if !d.has(lw) || !d.has(adv) {
		return ""
	}
	for k := j + 1; k < len(tw.Words) && k <= j+4; k++ {
		gap := text[tw.Words[k-1].End:tw.Words[k].Start]
		if k > j+1 && gap != " " || tw.Words[k].In(text) != tw.Lower(k) {
			return ""
		}
		if k > j+1 && sentenceAuxiliaries[tw.Lower(k)] {
			return adv
		}
	}
	return ""
}

// starJoined reports whether two words are joined by the only asterisk of
// their text ("You are extremely detail*oriented."): both in lower case,
// ASCII, of three letters or more and dictionary words. An asterisk that
// emphasis would pair is gone from the text, and a lone one between two
// words of prose is a slip for a hyphen or a space.
func starJoined(d *wordDict, text string, a, b word) bool {
	if a.End+1 != b.Start || text[a.End] != '*' || strings.Count(text, "*") != 1 || len(a.Text) < 3 || len(b.Text) < 3 {
		return false
	}
	for _, w := range []string{a.Text, b.Text} {
		for i := 0; i < len(w); i++ {
			if c := w[i]; c < 'a' || c > 'z' {
				return false
			}
		}
	}
	return d.has(a.Text) && d.has(b.Text)
}

// loneSourceStar reports whether the source line of span (two words
// joined by an asterisk) has no other asterisk than a list item's marker:
// emphasis ("the rate*time product of *each* team") leaves the text with
// one asterisk, but its source with more, and may pair any of them.
func loneSourceStar(f *model.Family, span model.Span) bool {
	src := f.Source.Text
	if span.Start < 0 || span.End > len(src) || span.Start > span.End {
		return false
	}
	start := bytes.LastIndexByte(src[:span.Start], '\n') + 1
	end := len(src)
	if i := bytes.IndexByte(src[span.End:], '\n'); i >= 0 {
		end = span.End + i
	}
	line := bytes.TrimLeft(src[start:end], " \t")
	line = bytes.TrimPrefix(line, []byte("* "))
	return bytes.Count(line, []byte("*")) == 1
}
