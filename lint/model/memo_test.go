package model

import (
	"sync"
	"testing"
	"unsafe"
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

// Block.Memo builds each key's value once, with one key or several on a
// block (a build that asks the block for another key included), and again
// after ReleaseMemos.
func TestBlockMemo(t *testing.T) {
	f := Parse("a.md", []byte("# A\n\ntext\n"))
	b := f.Blocks[len(f.Blocks)-1]
	type k1 struct{}
	type k2 struct{}
	type k3 struct{}
	builds := map[any]int{}
	get := func(key any) any {
		return b.Memo(key, func() any { builds[key]++; return key })
	}
	for range 2 {
		if v := get(k1{}); v != (k1{}) {
			t.Errorf("k1: %v", v)
		}
	}
	// k2's build asks for k3 first: both are kept
	v := b.Memo(k2{}, func() any { builds[k2{}]++; get(k3{}); return k2{} })
	if v != (k2{}) {
		t.Errorf("k2: %v", v)
	}
	for _, key := range []any{k1{}, k2{}, k3{}, k1{}, k3{}} {
		if v := get(key); v != key {
			t.Errorf("%T: %v", key, v)
		}
	}
	for _, key := range []any{k1{}, k2{}, k3{}} {
		if builds[key] != 1 {
			t.Errorf("%T built %d times, want 1", key, builds[key])
		}
	}
	f.ReleaseMemos()
	if b.memo != nil {
		t.Fatal("a block's memo kept after ReleaseMemos")
	}
	get(k1{})
	if builds[k1{}] != 2 {
		t.Errorf("k1 after ReleaseMemos: %d builds, want 2", builds[k1{}])
	}
}

// A Block is at most 128 bytes: a page of 40,000 blocks holds them all
// (at 144, the size class above, 0.6 MB more).
func TestBlockSize(t *testing.T) {
	if n := unsafe.Sizeof(Block{}); n > 128 {
		t.Errorf("Block is %d bytes, want at most 128", n)
	}
}

// A Role is at most 256 bytes: what only the structure pass needs of it
// (its inheritance sentence's block, a grade bound to its heading) is the
// structurer's; at 272, the 288 size class, a page of 20,000 levels holds
// 0.6 MB more.
func TestRoleSize(t *testing.T) {
	if n := unsafe.Sizeof(Role{}); n > 256 {
		t.Errorf("Role is %d bytes, want at most 256", n)
	}
}

// keyedMemo names its own key, as lint/prose's BlockMemo does.
type keyedMemo struct{ n int }
type keyedMemoKey struct{}

func (*keyedMemo) MemoKey() any { return keyedMemoKey{} }

// A value that names its own key (MemoKeyed) is the block's memo as it is,
// with no entry beside it, and stays found beside other keys, asked before
// or after it; one memoized under another key than its own gets an entry.
// The structure pass's grade reads, kept in the same field, are gone once
// the model is built.
func TestBlockMemoKeyed(t *testing.T) {
	f := Parse("a.md", []byte("# A\n\n## Senior Engineer\n\nThe Senior Engineer is a grade 7.\n"))
	for _, b := range f.Blocks {
		if b.memo != nil {
			t.Fatalf("block %q holds %T after the model was built", b.Text, b.memo)
		}
	}
	b := f.Blocks[len(f.Blocks)-1]
	m := &keyedMemo{1}
	if v := b.Memo(keyedMemoKey{}, func() any { return m }); v != m {
		t.Fatalf("built %v, want %v", v, m)
	}
	if b.memo != any(m) {
		t.Fatalf("the block keeps %T, want the value itself", b.memo)
	}
	type other struct{}
	if v := b.Memo(other{}, func() any { return 2 }); v != 2 {
		t.Errorf("another key: %v", v)
	}
	if v := b.Memo(keyedMemoKey{}, func() any { t.Error("built again"); return nil }); v != m {
		t.Errorf("beside another key: %v, want %v", v, m)
	}
	f.ReleaseMemos()
	if v := b.Memo(other{}, func() any { return 3 }); v != 3 {
		t.Errorf("another key first: %v", v)
	}
	m2 := &keyedMemo{2}
	if v := b.Memo(keyedMemoKey{}, func() any { return m2 }); v != m2 {
		t.Errorf("after another key: %v, want %v", v, m2)
	}
	if v := b.Memo(other{}, func() any { t.Error("built again"); return nil }); v != 3 {
		t.Errorf("the other key after the keyed one: %v", v)
	}
	f.ReleaseMemos()
	type wrongKey struct{}
	if v := b.Memo(wrongKey{}, func() any { return m }); v != m {
		t.Errorf("under another key: %v", v)
	}
	if _, ok := b.memo.(*memoEntry); !ok {
		t.Errorf("a keyed value under another key than its own is kept as %T, want an entry", b.memo)
	}
}

// MemoAlone is the keyed value while the block keeps it alone, and no value
// of the callers' types once it keeps another beside it, or none.
func TestMemoAlone(t *testing.T) {
	f := Parse("a.md", []byte("# A\n\n## Senior Engineer\n\nThe Senior Engineer is a grade 7.\n"))
	b := f.Blocks[len(f.Blocks)-1]
	if v := b.MemoAlone(); v != nil {
		t.Fatalf("a block without memos: %T", v)
	}
	m := &keyedMemo{1}
	b.Memo(keyedMemoKey{}, func() any { return m })
	if v, ok := b.MemoAlone().(*keyedMemo); !ok || v != m {
		t.Fatalf("the keyed value alone: %T %v", b.MemoAlone(), b.MemoAlone())
	}
	type other struct{}
	b.Memo(other{}, func() any { return 2 })
	if _, ok := b.MemoAlone().(*keyedMemo); ok {
		t.Error("beside another value, MemoAlone still gives the keyed one")
	}
	f.ReleaseMemos()
	b.Memo(other{}, func() any { return m }) // under a key not its own: an entry
	if _, ok := b.MemoAlone().(*keyedMemo); ok {
		t.Error("a keyed value under another key than its own is given as kept alone")
	}
}
