package shape_test

import (
	"fmt"
	"os"
	"testing"

	"gitlab.com/ladderlint/ladderlint/lint"
	"gitlab.com/ladderlint/ladderlint/lint/ladder"
	"gitlab.com/ladderlint/ladderlint/lint/model"
	"gitlab.com/ladderlint/ladderlint/lint/shape"
	_ "gitlab.com/ladderlint/ladderlint/rules"
)

func TestDebugShape(t *testing.T) {
	p := os.Getenv("SHAPE_DEBUG")
	if p == "" {
		t.Skip()
	}
	cfg, _ := lint.ProfileConfig("generic")
	o := shape.Options{Ladder: ladder.New(cfg.Grades.Tracks), Sections: cfg.Sections}
	data, _ := os.ReadFile(p)
	f := model.Parse(p, data)
	for _, l := range shape.Find(f, o) {
		fmt.Println("ladder", l.From, len(l.Levels))
		for _, v := range l.Levels {
			c := ""
			if v.Code != nil {
				c = v.Code.Raw + "/" + v.Code.Format
			}
			fmt.Printf("  %q code=%s placed=%v %s dims=%d\n", v.Title, c, v.Placed, v.Place.Label, len(v.Dims))
		}
	}
	fmt.Println("page level:", shape.PageLevel(f, o) != nil)
}
