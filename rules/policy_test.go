package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/linttest"
)

var policyRuleIDs = []string{"inclusive-language", "vacancy-wording", "years-of-experience", "location-requirement", "required-bullet"}

// TestPolicyFixtures runs each policy rule on its fixtures: the defaults in
// testdata/<rule>/default, configured options in testdata/<rule>/options
// (with its .ladderlint.yml), and a rule's further option sets where it has
// them (ratio, reworded-counts). years-of-experience has its own test, which
// also checks severities.
func TestPolicyFixtures(t *testing.T) {
	for _, id := range []string{"inclusive-language", "vacancy-wording", "location-requirement", "required-bullet"} {
		for _, set := range []string{"default", "options", "ratio", "reworded-counts", "second-person", "generic"} {
			if _, err := os.Stat(filepath.Join("testdata", id, set)); err != nil && set != "default" && set != "options" {
				continue // only inclusive-language has a ratio, only required-bullet reworded-counts, only vacancy-wording second-person
			}
			t.Run(id+"/"+set, func(t *testing.T) {
				linttest.Run(t, filepath.Join("testdata", id, set), id)
			})
		}
	}
}

// TestPolicyOptionsRejected checks that bad options of the policy rules are
// config errors naming the rule, not silent defaults.
func TestPolicyOptionsRejected(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"rules:\n  vacancy-wording:\n    skip_sections: [hiring]\n", `unknown section kind "hiring"`},
		{"rules:\n  inclusive-language:\n    coded_ratio: -1\n", "coded_ratio: -1 is negative"},
		{"rules:\n  vacancy-wording:\n    phrases: [\"...\"]\n", `phrases: "..." holds no word`},
		{"rules:\n  vacancy-wording:\n    phrase: [you will]\n", "rules.vacancy-wording.phrase"},
		{"rules:\n  years-of-experience:\n    sections: [requirement]\n", `unknown section kind "requirement"`},
		{"rules:\n  years-of-experience:\n    strict_grades: [four]\n", "rules.years-of-experience"},
		{"rules:\n  location-requirement:\n    regions: [\"-\"]\n", `regions: "-" holds no word`},
		{"rules:\n  required-bullet:\n    match: fuzzy\n", `match: "fuzzy" is not exact, prefix or contains`},
		{"rules:\n  required-bullet:\n    kinds: [manager]\n", `unknown role kind "manager"`},
		{"rules:\n  inclusive-language:\n    replace: [{word: \"!\"}]\n", `replace[0].word`},
		{"rules:\n  inclusive-language:\n    masculine_coded: [\"*\"]\n", "masculine_coded: empty stem"},
	} {
		_, err := lint.ParseConfig("policy.yml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("config %q: error %v, want one containing %q", tc.yaml, err, tc.want)
		}
	}
}

// TestGenderCodedList checks the shipped word list: it keeps its
// attribution, parses into both lists, and matches the shared copy it was
// taken from when that is present.
func TestGenderCodedList(t *testing.T) {
	for _, s := range []string{"Gaucher", "Friesen", "Kay", "gender-decoder", "MIT licence"} {
		if !bytes.Contains(genderCodedYAML, []byte(s)) {
			t.Errorf("wordlists/gender-coded.yml lost its attribution: no %q", s)
		}
	}
	if len(genderCoded.Masculine) < 40 || len(genderCoded.Feminine) < 40 || len(genderCoded.Exceptions) == 0 {
		t.Errorf("gender-coded lists too short: %d masculine, %d feminine, %d exceptions",
			len(genderCoded.Masculine), len(genderCoded.Feminine), len(genderCoded.Exceptions))
	}
	shared, err := os.ReadFile("../../shared/wordlists/gender-coded.yml")
	if err != nil {
		t.Skipf("shared word list not available (%v): only the shipped copy is checked", err)
	}
	if !bytes.Equal(shared, genderCodedYAML) {
		t.Error("rules/wordlists/gender-coded.yml differs from ../shared/wordlists/gender-coded.yml")
	}
}

// TestPolicyCorpus runs the policy rules over the real handbook corpora:
// no rule may fail, and no finding of a word or phrase may point into code,
// raw HTML or front matter (the page-wide gender-coded finding points at
// the front-matter title on purpose).
func TestPolicyCorpus(t *testing.T) {
	roots := []string{
		"../../shared/corpus/gitlab-handbook/content/job-families",
		"../../shared/corpus/www-gitlab-com-2022/sites/uncategorized/source/job-families",
	}
	ran := false
	for _, root := range roots {
		var inputs []lint.Input
		_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") {
				inputs = append(inputs, lint.Input{Path: p})
			}
			return nil
		})
		if len(inputs) == 0 {
			continue
		}
		ran = true
		cfg := lint.DefaultConfig()
		for _, r := range lint.Rules() {
			keep := false
			for _, id := range policyRuleIDs {
				keep = keep || r.ID == id
			}
			if !keep {
				if err := cfg.Disable(r.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		res := linttest.RunInputs(t, cfg, inputs)
		models := map[string]*lint.FileResult{}
		for _, fr := range res.Files {
			models[fr.Path] = fr
		}
		per := map[string]int{}
		for _, f := range res.Findings {
			per[f.Rule]++
			fr := models[f.Path]
			if fr == nil || fr.Family == nil || f.Rule == "required-bullet" || strings.Contains(f.Message, "words outnumber") {
				continue
			}
			if fm := fr.Family.FrontMatter; f.Rule == "vacancy-wording" && fm != nil && fr.Family.FrontMatter.Value("description") != nil {
				if ds := fm.NodeSpan(fm.Value("description")); f.Offset >= ds.Start && f.Offset < ds.End+1 {
					continue // the description is read on purpose
				}
			}
			if fr.Family.InCode(f.Offset) {
				t.Errorf("%s:%d:%d: %s finding in code, HTML or front matter: %s", f.Path, f.Line, f.Column, f.Rule, f.Message)
			}
		}
		t.Logf("%s: %d files, findings per rule %v", root, len(inputs), per)
	}
	if !ran {
		t.Skip("corpus not available at ../../shared/corpus: skipping the corpus run")
	}
}

// TestRequiredBulletAcrossPages: a level that extends a role of another
// page ("This role extends the [Senior Director](...) role") takes that
// role's requirements over, transitively, across pages.
func TestRequiredBulletAcrossPages(t *testing.T) {
	linttest.Run(t, "testdata/required-bullet-site", "required-bullet")
}
