package site

import (
	"reflect"
	"testing"
)

// TestPageMetaCodec: alias fields read back as written; damaged bytes are
// refused.
func TestPageMetaCodec(t *testing.T) {
	for _, m := range []pageMeta{{}, {Aliases: []string{"/a/", "/b/c/"}, URL: "/u/", Slug: "s"}, {Slug: "only"}} {
		b := encodePageMeta(m)
		got, ok := decodePageMeta(b)
		if !ok || !reflect.DeepEqual(got, m) {
			t.Errorf("%+v read back as %+v (%v)", m, got, ok)
		}
		if len(b) > 1 {
			if _, ok := decodePageMeta(b[:len(b)-1]); ok {
				t.Errorf("%+v: truncated bytes read", m)
			}
		}
		if _, ok := decodePageMeta(append(append([]byte(nil), b...), 'x')); ok {
			t.Errorf("%+v: trailing byte read", m)
		}
	}
	if _, ok := decodePageMeta([]byte{0xff}); ok {
		t.Error("a bad count read")
	}
}
