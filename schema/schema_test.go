package schema

import (
	"encoding/json"
	"testing"
)

// TestEverySchemaCompiles compiles each embedded schema and checks that it
// is itself well-formed JSON with an $id.
func TestEverySchemaCompiles(t *testing.T) {
	names := Names()
	if len(names) < 5 {
		t.Fatalf("only %d schemas embedded: %v", len(names), names)
	}
	for _, n := range names {
		var doc map[string]any
		if err := json.Unmarshal(Raw(n), &doc); err != nil {
			t.Errorf("%s: not JSON: %v", n, err)
			continue
		}
		if _, ok := doc["$id"].(string); !ok {
			t.Errorf("%s: no $id", n)
		}
		if _, err := Compile(n, Raw(n)); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

func TestOffending(t *testing.T) {
	raw := []byte(`{"type":"object","properties":{"a":{"type":"object","required":["x","y"],"additionalProperties":false,"properties":{"x":{},"y":{},"z":{}}}}}`)
	s, err := Compile("t.json", raw)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	_ = json.Unmarshal(raw, &doc)
	inst, _ := ToJSONValue(map[string]any{"a": map[string]any{"x": 1, "w": 2}})
	err = s.Validate(inst)
	if err == nil {
		t.Fatal("want an error")
	}
	got := map[string]bool{}
	for _, leaf := range Leaves(err) {
		for _, k := range Offending(doc, inst, leaf) {
			got[k] = true
		}
	}
	if !got["y"] || !got["w"] || len(got) != 2 {
		t.Fatalf("offending = %v, want y (missing) and w (not allowed)", got)
	}
}
