package model

import (
	"sync"
	"testing"
)

// Family.Memo builds a page's value once, for every caller at once, and
// builds it again after ReleaseMemos.
func TestFamilyMemo(t *testing.T) {
	f := Parse("a.md", []byte("# A\n\ntext\n"))
	type key struct{}
	builds := 0
	build := func() any { builds++; return builds }
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v := f.Memo(key{}, build).(int); v != 1 {
				t.Errorf("memo %d, want the first build", v)
			}
		}()
	}
	wg.Wait()
	if builds != 1 {
		t.Fatalf("%d builds, want 1", builds)
	}
	type other struct{}
	if v := f.Memo(other{}, build).(int); v != 2 {
		t.Errorf("another key: %d, want a build of its own", v)
	}
	f.ReleaseMemos()
	if v := f.Memo(key{}, build).(int); v != 3 {
		t.Errorf("after ReleaseMemos: %d, want a new build", v)
	}
}
