package model

import (
	"reflect"
	"testing"
)

// Slim empties every slice of a page that holds its prose (blocks,
// bullets, lists, links, tables, headings...), so a field added to Family
// later cannot keep every page's text alive until the cross-file rules end:
// a slice field that is not on the list of those Slim keeps fails here.
func TestSlimDropsEveryProseSlice(t *testing.T) {
	src := "---\ntitle: T\n---\n\nIntro [x](/y).\n\n## Engineer\n\n### Responsibilities\n\n- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n\n<a id=\"z\"></a>\n"
	f := Parse("p.md", []byte(src))
	if len(f.Lists) == 0 || len(f.Blocks) == 0 || len(f.Tables) == 0 {
		t.Fatalf("the page holds no lists, blocks or tables to drop: %d %d %d", len(f.Lists), len(f.Blocks), len(f.Tables))
	}
	f.Slim()
	kept := map[string]bool{"Roles": true, "Code": true, "Comments": true, "Issues": true}
	v := reflect.ValueOf(f).Elem()
	for i := 0; i < v.NumField(); i++ {
		fld := v.Type().Field(i)
		if fld.Type.Kind() != reflect.Slice || !fld.IsExported() || kept[fld.Name] {
			continue
		}
		if v.Field(i).Len() != 0 {
			t.Errorf("Family.%s keeps %d items after Slim", fld.Name, v.Field(i).Len())
		}
	}
}
