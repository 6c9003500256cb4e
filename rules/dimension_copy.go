package rules

import (
	"fmt"
	"regexp"
	"strings"

	"gitlab.com/ladderlint/ladderlint/lint"
)

var dimensionCopyRule = &lint.Rule{
	ID:       "dimension-copy",
	Title:    "a level's dimension is not a copy of the level below",
	Category: lint.Structure,
	Severity: lint.Warning,
	Optional: true,
	Doc: lint.Doc{
		Description: "When a dimension of a level says word for word what the same dimension of the level before it says " +
			"(ignoring case, spaces and punctuation), the ladder gives no difference between the two levels there: " +
			"usually a copy left unedited. Reported only where the page shows the dimension changing between its levels " +
			"(two texts or more): a dimension that says the same at every level of the page's ladders, two or more, is a rule " +
			"applied to all (a promotion criterion). Short texts (under eight words: \"Works within one team\") are values two " +
			"levels may share by design and are not compared, nor a dimension that says where a level is recorded " +
			"(\"Defined by\", \"Recorded in\": two roles listed in the same file are no copy). On in the generic profile.",
		Bad:  "# Ladder\n\n## L1 Engineer\n\n**Scope:** tasks within one project, with a senior engineer reviewing the design.\n\n## L2 Engineer\n\n**Scope:** tasks within one project, with a senior engineer reviewing the design.\n\n## L3 Engineer\n\n**Scope:** projects across one group, reviewing the designs of others.\n",
		Good: "# Ladder\n\n## L1 Engineer\n\n**Scope:** tasks within one project, with a senior engineer reviewing the design.\n\n## L2 Engineer\n\n**Scope:** features within one project, with a senior engineer reviewing the design.\n\n## L3 Engineer\n\n**Scope:** projects across one group, reviewing the designs of others.\n",
	},
	Check: checkDimensionCopy,
}

// definitionDim names a dimension that says where a level is recorded, not
// what it asks ("Defined by: the OWNERS file's approvers entry"): two roles
// recorded the same way are not a copy.
var definitionDim = regexp.MustCompile(`^(?:defined (?:by|in)|definition|recorded (?:by|in)|listed (?:by|in)|record)$`)

// minCopyWords is the shortest text compared: a short one ("a team", "Works
// within one team") is a value two levels may share by design; a sentence
// or more written the same is a copy.
const minCopyWords = 8

func checkDimensionCopy(p *lint.Pass) {
	lads := pageLadders(p.Env, p.Config, p.File)
	// a dimension that says the same at every level of the page's ladders
	// is a rule applied to all ("100% quota attainment"), not a copy
	texts := map[string]map[string]bool{}
	levels := map[string]int{}
	for _, lad := range lads {
		for _, l := range lad.Levels {
			for _, d := range l.Dims {
				if texts[d.Key] == nil {
					texts[d.Key] = map[string]bool{}
				}
				texts[d.Key][normTitle(d.Text)] = true
				levels[d.Key]++
			}
		}
	}
	for _, lad := range lads {
		for i := 1; i < len(lad.Levels); i++ {
			a, b := lad.Levels[i-1], lad.Levels[i]
			for _, db := range b.Dims {
				tb := normTitle(db.Text)
				if len(strings.Fields(tb)) < minCopyWords || len(texts[db.Key]) == 1 || definitionDim.MatchString(db.Key) {
					continue
				}
				for _, da := range a.Dims {
					if da.Key == db.Key && normTitle(da.Text) == tb {
						p.Report(lint.Diagnostic{Span: db.Span, Subject: "copy " + db.Key,
							Message: fmt.Sprintf("level %q: %q is word for word the same as in %q", levelLabel(b), db.Name, levelLabel(a))})
						break
					}
				}
			}
		}
	}
}

func init() { lint.Register(dimensionCopyRule) }
