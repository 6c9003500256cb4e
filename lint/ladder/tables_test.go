package ladder

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/site"
)

const tablePage = `---
title: Compensation
---

## Level factor

| Grade | Management | Individual Contributor |
|---|---|---|
| 99 | Not this one | Outside the section |

### Our Job Grades

#### Job Grades:

| Grade | Management | Individual Contributor |
|-------|------------|------------------------|
| 10 | Director | Distinguished |
| 9 | Senior Manager | Principal <br> Principal Product Manager |
| 8 | Manager | Staff |
| 7 | | Senior <br> Product Manager |
| 6 | | Intermediate |

| Region | Factor |
|---|---|
| 1 | 0.5 |

##### Sales:

| Grade	| Management | Individual Contributor |
|---|---|---|
| 9 | Manager (Sales) <br> Senior Manager (Sales) | |
| 5 | | Analyst/ SDR |

### After

| Grade | Management | Individual Contributor |
|---|---|---|
| 1 | Not this one either | |
`

func TestReadGradeTables(t *testing.T) {
	f := model.Parse("comp.md", []byte(tablePage))
	tables := ReadGradeTables(f, "our-job-grades", site.GitHubID)
	if len(tables) != 2 {
		t.Fatalf("got %d tables, want 2 (the two grade tables of the section): %+v", len(tables), tables)
	}
	if tables[0].Name != "Job Grades" || tables[1].Name != "Sales" {
		t.Errorf("names %q, %q; want the headings above the tables", tables[0].Name, tables[1].Name)
	}
	if tables[0].Line != 15 || tables[0].Source != "comp.md" {
		t.Errorf("first table at %s:%d, want comp.md:15", tables[0].Source, tables[0].Line)
	}
	r := tables[0].Rows[1]
	if r.Grade != 9 || len(r.Management) != 1 || r.Management[0] != "Senior Manager" || len(r.Individual) != 2 || r.Individual[1] != "Principal Product Manager" {
		t.Errorf("row 9 = %+v", r)
	}
	if r := tables[1].Rows[0]; len(r.Management) != 2 || r.Management[1] != "Senior Manager (Sales)" {
		t.Errorf("sales row 9 = %+v", r)
	}
	// no fragment, or one that names no heading: the whole page
	if all := ReadGradeTables(f, "", site.GitHubID); len(all) != 4 {
		t.Errorf("whole page: %d tables, want 4", len(all))
	}
}

func TestTableGrades(t *testing.T) {
	f := model.Parse("comp.md", []byte(tablePage))
	tables := ReadGradeTables(f, "our-job-grades", site.GitHubID)
	l := New(lint.DefaultConfig().Grades.Tracks)
	general, sales := l.NewTable(&tables[0]), l.NewTable(&tables[1])
	place := func(title string) Place {
		p, ok := l.Classify(title)
		if !ok {
			t.Fatalf("%q not placed", title)
		}
		return p
	}
	for _, c := range []struct {
		t     *Table
		title string
		grade float64
		holds bool
	}{
		{general, "Senior Backend Engineer", 7, true},
		{general, "Senior Backend Engineer", 8, false},
		{general, "Backend Engineer", 6, true}, // implied Intermediate
		{general, "Product Manager", 7, true},  // the table names the title itself
		{general, "Product Manager", 6, false},
		{general, "Principal Product Manager", 9, true},
		{general, "Manager, Accounting", 8, true},
		{general, "Senior Manager, Accounting", 9, true},
		{sales, "Manager, Channel Sales", 9, true},
		{sales, "Senior Manager, Channel Sales", 9, true},
		{sales, "Senior Backend Engineer", 7, false}, // the sales table says nothing of it
	} {
		if got := c.t.Holds(place(c.title), c.grade); got != c.holds {
			t.Errorf("%s table holds %s at %v = %v, want %v", c.t.Name, c.title, c.grade, got, c.holds)
		}
	}
	if gs := sales.Grades(place("Senior Backend Engineer")); gs != nil {
		t.Errorf("sales grades of a senior engineer = %v, want none", gs)
	}
}

// TestReadGradeTablesCorpus reads the grade tables from the compensation
// page of both real handbooks, the page every grade sentence links to.
func TestReadGradeTablesCorpus(t *testing.T) {
	for _, c := range []struct{ path, anchors string }{
		{"gitlab-handbook/content/handbook/total-rewards/compensation/compensation-calculator/_index.md", site.GitHub},
		{"www-gitlab-com-2022/sites/handbook/source/handbook/total-rewards/compensation/compensation-calculator/index.html.md", site.Kramdown},
	} {
		p := filepath.Join("../../../shared/corpus", c.path)
		src, err := os.ReadFile(p)
		if err != nil {
			t.Skipf("corpus page not found (%v): skipping the real-data test", err)
		}
		id := site.GitHubID
		if c.anchors == site.Kramdown {
			id = site.KramdownID
		}
		tables := ReadGradeTables(model.Parse(c.path, src), "gitlab-job-grades", id)
		if len(tables) != 3 {
			t.Fatalf("%s: %d grade tables, want 3 (general, Sales/Sales Development, Customer Success)", c.path, len(tables))
		}
		// the general table's note: the families it excludes, which the
		// table below (Sales/Sales Development) grades
		wantFamilies := []string{"Enterprise Sales", "Commercial Sales", "Channel Sales", "Sales Development"}
		if !slices.Equal(tables[0].Excludes, wantFamilies) || !slices.Equal(tables[1].Families, wantFamilies) ||
			tables[0].Families != nil || tables[1].Excludes != nil || tables[2].Families != nil || tables[2].Excludes != nil {
			t.Errorf("%s: general table excludes %q, sales table grades %q (want %q); others: %q %q %q %q", c.path,
				tables[0].Excludes, tables[1].Families, wantFamilies, tables[0].Families, tables[1].Excludes, tables[2].Families, tables[2].Excludes)
		}
		l := New(lint.DefaultConfig().Grades.Tracks)
		general, sales, cs := l.NewTable(&tables[0]), l.NewTable(&tables[1]), l.NewTable(&tables[2])
		if sales.Name != "Sales/Sales Development" || cs.Name != "Customer Success" {
			t.Errorf("%s: tables named %q, %q, %q", c.path, general.Name, sales.Name, cs.Name)
		}
		mgr, _ := l.Classify("Manager, Channel Sales")
		smgr, _ := l.Classify("Senior Manager, Channel Sales")
		senior, _ := l.Classify("Senior Backend Engineer")
		if !general.Holds(mgr, 8) || !general.Holds(smgr, 9) || !general.Holds(senior, 7) {
			t.Errorf("%s: general table: manager %v, senior manager %v, senior %v", c.path, general.Grades(mgr), general.Grades(smgr), general.Grades(senior))
		}
		if !sales.Holds(mgr, 9) || !sales.Holds(smgr, 9) {
			t.Errorf("%s: sales table: manager %v, senior manager %v; want both 9", c.path, sales.Grades(mgr), sales.Grades(smgr))
		}
		if !cs.Holds(mgr, 9) || !cs.Holds(smgr, 9) {
			t.Errorf("%s: customer success table: manager %v, senior manager %v; want both 9", c.path, cs.Grades(mgr), cs.Grades(smgr))
		}
		// the Sales table grades individual contributors by segment and
		// function, not seniority; the others rank both tracks
		if sales.RanksTrack(0) || !sales.RanksTrack(1) || !general.RanksTrack(0) || !cs.RanksTrack(0) {
			t.Errorf("%s: ranks individual contributors: sales %v, general %v, customer success %v; managers: sales %v",
				c.path, sales.RanksTrack(0), general.RanksTrack(0), cs.RanksTrack(0), sales.RanksTrack(1))
		}
		// segments: the Sales table's unplaced individual-contributor titles
		for title, want := range map[string]string{
			"Account Executive, Mid-Market": "mid market", "Enterprise Account Executive": "enterprise",
			"Senior Account Executive (SMB)": "smb", "Senior Account Executive": "",
		} {
			if got := sales.Segment(title); got != want {
				t.Errorf("%s: sales segment of %q = %q, want %q", c.path, title, got, want)
			}
			if got := general.Segment(title); got != "" {
				t.Errorf("%s: the general table ranks individual contributors: segment of %q = %q", c.path, title, got)
			}
		}
		abdm, _ := l.Classify("Senior Alliances Business Development Manager")
		// (the 2022 Sales table does not name it yet)
		if c.anchors == site.GitHub && !sales.NamesFunction(abdm, 8) || sales.NamesFunction(abdm, 7) || general.NamesFunction(abdm, 8) {
			t.Errorf("%s: the Sales table names the Alliance Business Development Manager function at 8: %v", c.path, sales.Grades(abdm))
		}
	}
}
