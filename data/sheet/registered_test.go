package sheet

import (
	"os"
	"path/filepath"
	"testing"
)

// The roster's 登记日期 is the day the 统计报表 counts the worker by; a
// blank cell registers the worker on the day of the import, a date after
// today is refused with the row and the column named.
func TestImportReadsRegistrationDate(t *testing.T) {
	s := newStore(t) // today 2026-11-22
	path := filepath.Join(t.TempDir(), "登记.csv")
	a, b, c := idNumber(31, true), idNumber(32, false), idNumber(33, true)
	text := "姓名,身份证号,户籍地,登记日期\n" +
		"王秀兰," + a + ",榆中县,2026/3/9\n" +
		"李建军," + b + ",榆中县,\n" +
		"赵梅," + c + ",榆中县,2026-11-23\n"
	os.WriteFile(path, []byte(text), 0o644)
	rep, err := Import(s, Workers, path, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 2 || rep.Refused != 1 || len(rep.Problems) != 1 || rep.Problems[0].Row != 4 ||
		rep.Problems[0].Column != "登记日期" {
		t.Fatalf("%s", rep.Text())
	}
	want := map[string]string{a: "2026-03-09", b: "2026-11-22"}
	for id, day := range want {
		w, err := s.FindWorkerByIDNumber(id)
		if err != nil || w == nil || w.RegisteredOn.String() != day {
			t.Fatalf("worker %s: %+v %v, want 登记日期 %s", id, w, err, day)
		}
	}
}
