package rules

import (
	"fmt"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/worddiff"
)

type specialtyBoilerplateOptions struct {
	MinUsual int `yaml:"min_usual"`
	Context  int `yaml:"context"`
}

var specialtyBoilerplateRule = &lint.Rule{
	ID:       "specialty-boilerplate",
	Title:    "a specialty's \"In addition to ...\" sentence deviates from the family's usual form or names no base role on the page",
	Category: lint.Wording,
	Severity: lint.Info, // blind precision under 0.9 (docs/rules.md, bench/ACCURACY.md)
	Doc: lint.Doc{
		Description: "A specialty (or segment) refines a level and says so in an inheritance sentence: \"In addition " +
			"to the same requirements, responsibilities, and performance indicators defined above for the Manager, " +
			"Infrastructure, Delivery specialty requires:\". A family's specialties are written from one form, so " +
			"the sentences are compared with the base role's and the specialty's names taken out; variants are " +
			"clustered, and a sentence that deviates from the family's dominant form (used by at least `min_usual` " +
			"specialties, and by more than the variant) is reported with a word diff against that form.\n\n" +
			"A sentence that names no base role (\"... defined above, this specialty requires:\") is reported: the " +
			"reader cannot tell which level the specialty extends. So is one whose base role is not a role on the " +
			"page (a plural, or the title with more words, such as \"Global Support Engineers\" for \"Support " +
			"Engineer\", still counts as naming it). Levels that start with \"In addition to\" are not specialties " +
			"and are not checked.",
		Bad:  specialtyExample("Reliability specialty is requires:"),
		Good: specialtyExample("Reliability specialty requires:"),
		Options: []lint.OptionDoc{
			{Name: "min_usual", Default: "2", Text: "how many specialties must share a form for it to be the family's usual one"},
			{Name: "context", Default: "8", Text: "words of unchanged text shown around each change in the diff (-1: the whole sentence)"},
		},
	},
	Options: func() any { return &specialtyBoilerplateOptions{MinUsual: 2, Context: 8} },
	Validate: func(o any) error {
		if o.(*specialtyBoilerplateOptions).MinUsual < 2 {
			return fmt.Errorf("min_usual must be at least 2")
		}
		return nil
	},
	Check: checkSpecialtyBoilerplate,
}

func init() { lint.Register(specialtyBoilerplateRule) }

// specialtyExample is the documented page, its last inheritance sentence
// ending in last.
func specialtyExample(last string) string {
	page := "---\ntitle: Infrastructure Engineering Management\n---\n\n## Manager, Infrastructure\n\n" +
		"The Manager, Infrastructure is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n" +
		"## Specialties\n"
	for _, s := range []struct{ name, bullet string }{{"Delivery", "Release management"}, {"Scalability", "Capacity planning"}, {"Reliability", "Incident management"}} {
		ending := s.name + " specialty requires:"
		if s.name == "Reliability" {
			ending = last
		}
		page += "\n### Manager, Infrastructure (" + s.name + ")\n\n" +
			"In addition to the requirements defined above for the Manager, Infrastructure, " + ending + "\n\n- " + s.bullet + "\n"
	}
	return page
}

// inheritance is one specialty's inheritance sentence with the names taken
// out.
type inheritance struct {
	role      *model.Role
	sentence  string
	template  string // with baseSlot and specSlot in place of the names
	key       string // the template folded for clustering
	base      string // the base role as written, "" when none is named
	specialty string // the specialty's name as written in the sentence, or its qualifier
}

const (
	baseSlot = "\x00base\x00"
	specSlot = "\x00specialty\x00"
)

func checkSpecialtyBoilerplate(p *lint.Pass) {
	opts := lint.Options[specialtyBoilerplateOptions](p.Options)
	f := p.File
	names := &roleNames{ignore: map[string]bool{}, acronyms: pageAcronyms(f)}
	var all []*inheritance
	for _, r := range f.Roles {
		if r.Kind == model.KindLevel || r.Inheritance == nil {
			continue
		}
		all = append(all, readInheritance(r))
	}
	if len(all) == 0 {
		return
	}
	// cluster by form; the usual form is the largest cluster
	count := map[string]int{}
	first := map[string]*inheritance{}
	for _, in := range all {
		count[in.key]++
		if first[in.key] == nil {
			first[in.key] = in
		}
	}
	var usual *inheritance
	for _, in := range all {
		k := in.key
		if usual == nil || count[k] > count[usual.key] {
			usual = first[k]
		}
	}
	tied := 0
	for k, n := range count {
		if n == count[usual.key] && k != usual.key {
			tied++
		}
	}
	if count[usual.key] < opts.MinUsual || tied > 0 {
		usual = nil
	}

	for _, in := range all {
		r := in.role
		var problems []string
		if in.base == "" {
			problems = append(problems, "names no base role: say which level the specialty extends")
		} else if !basedOnPage(f, r, in.base, names) {
			problems = append(problems, fmt.Sprintf("names %s as its base role, but no role on this page has that title", quoted(in.base)))
		}
		diff := ""
		if usual != nil && in.key != usual.key {
			base := in.base
			if base == "" {
				base = r.Base
			}
			want := strings.NewReplacer(baseSlot, base, specSlot, in.specialty).Replace(usual.template)
			diff = worddiff.Compare(want, in.sentence).Context(opts.Context)
			problems = append(problems, fmt.Sprintf("differs from the form %d of the family's %d specialties use", count[usual.key], len(all)))
		}
		if len(problems) == 0 {
			continue
		}
		p.Report(lint.Diagnostic{
			Span:    r.Inheritance.Span,
			Message: "inheritance sentence " + strings.Join(problems, "; it "),
			Role:    r,
			Subject: "inheritance",
			Diff:    diff,
		})
	}
}

var parenRE = regexp.MustCompile(`\(([^()]+)\)`)

// readInheritance takes the base role's and the specialty's names out of a
// specialty's inheritance sentence.
func readInheritance(r *model.Role) *inheritance {
	s := r.Inheritance.Text
	in := &inheritance{role: r, sentence: s}
	t := s
	if r.BaseSpan.Valid() && r.Base != "" {
		if i := indexFold(t, r.Base); i >= 0 {
			in.base = t[i : i+len(r.Base)]
			t = t[:i] + baseSlot + t[i+len(r.Base):]
		}
	}
	// the specialty's name: its parenthesised qualifier, the title without
	// the base's words, or the title
	var cands []string
	for _, m := range parenRE.FindAllStringSubmatch(r.Title, -1) {
		cands = append(cands, strings.TrimSpace(m[1]))
	}
	if r.Base != "" {
		if rest := strings.TrimSpace(strings.Trim(strings.TrimPrefix(withoutParens(r.Title), r.Base), " ,-–—:")); rest != "" {
			cands = append(cands, rest)
		}
	}
	cands = append(cands, strings.TrimSpace(withoutParens(r.Title)), r.Title)
	best := -1
	for k, c := range cands {
		if c != "" && indexFold(t, c) >= 0 && (best < 0 || len(c) > len(cands[best])) {
			best = k
		}
	}
	in.specialty = cands[0]
	if best >= 0 {
		c := cands[best]
		i := indexFold(t, c)
		in.specialty = t[i : i+len(c)]
		t = t[:i] + specSlot + t[i+len(c):]
	}
	in.template = t
	in.key = strings.ToLower(strings.Join(strings.Fields(t), " "))
	return in
}

// indexFold finds sub in s without regard to case, at word boundaries.
func indexFold(s, sub string) int {
	ls, lsub := strings.ToLower(s), strings.ToLower(sub)
	for from := 0; from <= len(ls); {
		i := strings.Index(ls[from:], lsub)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(lsub)
		if (i == 0 || !isWordByte(ls[i-1])) && (end == len(ls) || !isWordByte(ls[end])) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// basedOnPage reports whether a base role named in an inheritance sentence
// is a role of the page: its title, or its title with more words
// ("Global Support Engineers" for "Support Engineer").
func basedOnPage(f *model.Family, r *model.Role, base string, names *roleNames) bool {
	bw := names.words(base)
	if len(bw) == 0 {
		return false
	}
	for _, o := range f.Roles {
		if o == r || o.Title == "" {
			continue
		}
		for _, t := range []string{o.Title, withoutParens(o.Title)} {
			tw := names.words(t)
			if len(tw) == 0 {
				continue
			}
			if _, ok := addedWords(bw, tw); ok {
				return true
			}
		}
	}
	return false
}
