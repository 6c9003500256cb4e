package rules

import (
	"reflect"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint/model"
)

// fillFields sets every field of the struct v points to a value that is
// not its zero, by kind, so that a field added later and left out of a
// summary's byte form fails the round trip below.
func fillFields(t *testing.T, v reflect.Value, seed int) {
	t.Helper()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !f.CanSet() {
			f = reflect.NewAt(f.Type(), f.Addr().UnsafePointer()).Elem()
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString(v.Type().Field(i).Name + string(rune('a'+seed)))
		case reflect.Int, reflect.Int32:
			f.SetInt(int64(i + seed + 1))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Float64:
			f.SetFloat(float64(i+seed) + 0.5)
		case reflect.Pointer, reflect.Struct:
			// set by the caller
		default:
			t.Fatalf("%s.%s: a field of kind %s: teach the test (and the summary's byte form)", v.Type(), v.Type().Field(i).Name, f.Kind())
		}
	}
}

// TestGradePageRoundTrip: grade-consistency's cached summary gives back
// every field the merge stage reads, whatever fields it gains.
func TestGradePageRoundTrip(t *testing.T) {
	var a, c titleGrade
	fillFields(t, reflect.ValueOf(&a).Elem(), 1)
	fillFields(t, reflect.ValueOf(&c).Elem(), 2)
	a.hi = a.lo + 1
	a.stemLen, c.stemLen = int32(len(a.key)/2), int32(len(c.key)) // the stem is the key's end
	a.role = &model.Role{Title: "Senior Example Writer"}
	c.role = &model.Role{Title: "Example Writer"}
	in := &gradePage{unreported: true, ts: []titleGrade{a, c}}
	b, ok := encodeGradePage(in)
	if !ok {
		t.Fatal("an unreported page's summary was not encoded")
	}
	v, err := decodeGradePage(nil, b)
	if err != nil {
		t.Fatal(err)
	}
	out := v.(*gradePage)
	for i := range in.ts {
		a, b := in.ts[i], out.ts[i]
		if b.role.Title != a.role.Title || b.role.Grade == nil {
			t.Errorf("entry %d: role %+v, want the title %q and a grade", i, b.role, a.role.Title)
		}
		a.role, b.role = nil, nil
		if !reflect.DeepEqual(a, b) {
			t.Errorf("entry %d: decoded\n%+v\nwant\n%+v", i, b, a)
		}
	}
	if _, ok := encodeGradePage(&gradePage{ts: in.ts}); ok {
		t.Error("a reported page's summary was encoded: decoded, it would have no positions")
	}
	// cut or spoilt bytes are an error, never a panic
	for n := 0; n < len(b); n++ {
		if _, err := decodeGradePage(nil, b[:n]); err == nil {
			t.Fatalf("%d of %d bytes decoded without an error", n, len(b))
		}
	}
	if _, err := decodeGradePage(nil, append(append([]byte(nil), b...), 0)); err == nil {
		t.Error("a byte too many decoded without an error")
	}
	if _, err := decodeGradePage(nil, []byte{0xff, 0xff, 0xff, 0xff, 0x0f}); err == nil {
		t.Error("a huge count decoded without an error")
	}
}

// TestCareerTitlesRoundTrip: career-ladder's cached summary gives back the
// page's titles; cut bytes are an error.
func TestCareerTitlesRoundTrip(t *testing.T) {
	in := careerTitles{"", "senior example writer", "example writer"}
	b, ok := encodeTitles(in)
	if !ok {
		t.Fatal("not encoded")
	}
	v, err := decodeTitles(nil, b)
	if err != nil || !reflect.DeepEqual(v, in) {
		t.Fatalf("decoded %#v, %v; want %#v", v, err, in)
	}
	for n := 0; n < len(b); n++ {
		if _, err := decodeTitles(nil, b[:n]); err == nil {
			t.Fatalf("%d of %d bytes decoded without an error", n, len(b))
		}
	}
}

// required-bullet keeps what other pages' findings need of an unreported
// page, and nothing of a reported one (its findings need positions).
func TestBulletSummaryRoundTrip(t *testing.T) {
	in := &bulletSummary{unreported: true, file: "/site/a.md", pageHas: map[string]bool{"ability to use gitlab": true},
		roles: []bulletRoleCover{
			{ids: addID("senior-director", "senior-director-1"), title: "senior director", has: []string{"leadership", "ability to use gitlab"},
				targets: []bulletTarget{{file: "/site/b.md", fragment: "director", text: "director"}}},
			{ids: "", title: "vp"},
			{ids: addID("", "custom"), title: "staff"}, // a heading without a GitHub anchor, with an id of its own
		}}
	for _, c := range []struct {
		ids, id string
		want    bool
	}{{in.roles[0].ids, "senior-director", true}, {in.roles[0].ids, "senior-director-1", true}, {in.roles[0].ids, "senior", false},
		{in.roles[2].ids, "custom", true}, {in.roles[1].ids, "custom", false}} {
		if got := hasID(c.ids, c.id); got != c.want {
			t.Errorf("hasID(%q, %q) = %v, want %v", c.ids, c.id, got, c.want)
		}
	}
	b, ok := encodeBulletSummary(in)
	if !ok {
		t.Fatal("not encoded")
	}
	v, err := decodeBulletSummary(nil, b)
	if err != nil || !reflect.DeepEqual(v, in) {
		t.Fatalf("decoded %#v, %v; want %#v", v, err, in)
	}
	for n := 0; n < len(b); n++ {
		if _, err := decodeBulletSummary(nil, b[:n]); err == nil {
			t.Fatalf("%d of %d bytes decoded without an error", n, len(b))
		}
	}
	in.unreported = false
	if _, ok := encodeBulletSummary(in); ok {
		t.Error("a reported page's summary was encoded")
	}
}
