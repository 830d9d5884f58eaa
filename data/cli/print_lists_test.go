package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/ident"
)

// duikou print demands is the job-fair list: the demands recruiting today
// with their wage, age, sex and headcount left; a closed demand is not on
// it. duikou print employers is the directory with masked phones.
func TestPrintDemandsAndEmployers(t *testing.T) {
	f := newMatchFixture(t)
	s := openStore(t, f.path)
	var e data.Employer
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ds, _, err := s.ListDemands(data.DemandFilter{}, data.Page{})
	must(err)
	e = *ds[0].Employer
	e.Contact, e.ContactPhone, e.HasUnion = "陈经理", "13951234567", true
	must(s.Update(&e))
	closed := &data.Demand{EmployerID: e.ID, Occupation: "nanny", Title: "厨师", Headcount: 3, WorkRegion: "320115",
		Status: data.DemandClosed}
	must(s.Create(closed))
	s.Close()

	dir := t.TempDir()
	demands := filepath.Join(dir, "招聘岗位信息表.pdf")
	code, out, errOut := runCLI("print", "demands", "--db", f.path, "-o", demands)
	if code != ExitOK || !strings.Contains(out, "2 条，共 1 页") {
		t.Fatalf("print demands: exit %d %s%s", code, out, errOut)
	}
	text := pdfRaw(t, demands)
	for _, want := range []string{
		"劳务协作招聘岗位信息表",
		"住家保姆", "4,500-6,500", "电工", "7,000", "限男性",
		"合计2个岗位，尚缺3人。", // 2 + 1 places, none filled
	} {
		if !strings.Contains(text, want) {
			t.Errorf("job-fair list lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "厨师") || strings.Contains(text, "13951234567") {
		t.Fatalf("a closed demand or a phone on the job-fair list:\n%s", text)
	}

	employers := filepath.Join(dir, "用工单位名录.pdf")
	if code, out, errOut := runCLI("print", "employers", "--db", f.path, "-o", employers); code != ExitOK {
		t.Fatalf("print employers: exit %d %s%s", code, out, errOut)
	}
	text = pdfRaw(t, employers)
	for _, want := range []string{"劳务协作用工单位名录", "南京悦家家政服务有限公司", "陈经理",
		ident.MaskPhone("13951234567"), "合计1家，其中已建会1家。"} {
		if !strings.Contains(text, want) {
			t.Errorf("directory lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "13951234567") {
		t.Fatal("the directory shows the full phone by default")
	}
}
