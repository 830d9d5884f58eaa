package sheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/width"

	"duikou/data"
)

// badCheck spoils an ID number's check character.
func badCheck(id string) string {
	last := id[17]
	repl := byte('0')
	if last == '0' {
		repl = '1'
	}
	return id[:17] + string(repl)
}

// gbkRoster is a village roster as Excel on Chinese Windows saves it: a
// title row and a unit line above the header, aliases for the headers,
// padded names, a full-width ID number, a township after the county, and
// five bad rows, then a footer.
func gbkRoster(t *testing.T) (path string, good []string) {
	id := func(seq int, female bool) string { return idNumber(seq, female) }
	lines := []string{
		"榆中县2026年春季外出务工人员花名册,,,,,,,,",
		"填报单位：榆中县总工会,,,,,,,填报日期：2026年3月1日,",
		"序号,姓  名,性别,公民身份号码,手机号码,户籍所在地,文化程度,技能工种,技能等级,意向务工地,期望工资（元）,备注",
		"1,王　芳,女," + id(1, true) + ",138-9311-2345,兰州市榆中县,初中,家政服务员,四级,江苏省南京市,\"5,000\",",
		"2,李建国,男," + width.Widen.String(id(2, false)) + ",13993154321,榆中县,高中,保姆,中级工,南京、苏州,6000元,",
		"3,张丽,女," + badCheck(id(3, true)) + ",13893100001,榆中县,小学,育婴员,,江苏,4500,",
		"4,赵小军,男," + id(4, false) + ",0931-522123,榆中县,初中,,,,,", // a fixed line one digit short
		"5,马秀英,女," + id(5, true) + ",13893100005,火星县,初中,,,,,",
		"6,刘伟,女," + id(6, false) + ",13893100006,榆中县,初中,,,,,",
		"7,,女," + id(7, true) + ",13893100007,榆中县,初中,,,,,",
		"8,周桂兰,女," + id(8, true) + ",13893100008,甘肃省兰州市榆中县城关镇兴隆村3社,初中,家政服务员,五级/初级工,江苏省南京市江宁区,4800,住家",
		"",
		"合计：8人,,,,,,,,",
		"制表人：李娟,,,审核人：王强,,,,,",
	}
	path = filepath.Join(t.TempDir(), "花名册.csv")
	writeGBK(t, path, strings.Join(lines, "\r\n")+"\r\n")
	return path, []string{"王芳", "李建国", "周桂兰"}
}

func TestGBKRosterWithTitleRowImportsGoodRowsAndNamesBadOnes(t *testing.T) {
	s := newStore(t)
	path, good := gbkRoster(t)

	plan, err := Preview(s, Workers, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := countWorkers(t, s); n != 0 {
		t.Fatalf("preview wrote %d workers", n)
	}
	if plan.HeaderRow != 3 || !strings.Contains(plan.Format, "GB18030") {
		t.Fatalf("header row %d, format %s", plan.HeaderRow, plan.Format)
	}
	if plan.Rows != 8 || plan.New != 3 || plan.Refused != 5 || len(plan.Duplicates) != 0 {
		t.Fatalf("rows %d new %d refused %d dups %d\n%s", plan.Rows, plan.New, plan.Refused, len(plan.Duplicates), plan.Text())
	}
	want := []string{
		"第6行 公民身份号码：身份证号校验不通过",
		"第7行 手机号码：固定电话应为区号加7～8位号码",
		"第8行 户籍所在地：未找到地区“火星县”",
		"第9行 性别：“女”与身份证号不符（号码为男性）",
		"第10行 姓名：不能为空",
	}
	if len(plan.Problems) != len(want) {
		t.Fatalf("problems:\n%s", plan.Text())
	}
	for i, w := range want {
		if got := plan.Problems[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("problem %d = %q, want prefix %q", i, got, w)
		}
	}

	rep, err := Apply(s, plan, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 3 || rep.Refused != 5 || rep.Backup == "" {
		t.Fatalf("apply: %s", rep.Text())
	}
	if n := countWorkers(t, s); n != 3 {
		t.Fatalf("%d workers after import", n)
	}
	ws, _, _ := s.ListWorkers(data.WorkerFilter{}, data.Page{Sort: "created"})
	var names []string
	for _, w := range ws {
		names = append(names, w.Name)
	}
	if strings.Join(names, ",") != strings.Join(good, ",") {
		t.Fatalf("imported %v, want %v", names, good)
	}
	li := ws[1]
	if li.IDNumber != idNumber(2, false) || li.Skills[0].Occupation != "housekeeper" || li.ExpectedWage != data.Yuan(6000) ||
		len(li.DesiredRegions) != 2 || li.DesiredRegions[0] != "320100" || li.DesiredRegions[1] != "320500" || li.Education != "senior" {
		t.Fatalf("李建国 read as %+v", li)
	}
	zhou := ws[2]
	if zhou.HukouRegion != "620123" || zhou.Address != "甘肃省兰州市榆中县城关镇兴隆村3社" || zhou.DesiredRegions[0] != "320115" {
		t.Fatalf("周桂兰 read as region %s address %q desired %v", zhou.HukouRegion, zhou.Address, zhou.DesiredRegions)
	}
	if ws[0].Phone != "13893112345" || ws[0].ExpectedWage != data.Yuan(5000) {
		t.Fatalf("王芳 read as %+v", ws[0])
	}

	// The same file again adds nothing: the good rows are duplicates now.
	again, err := Import(s, Workers, path, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.New != 0 || again.Skipped != 3 || len(again.Duplicates) != 3 || again.Refused != 5 {
		t.Fatalf("second import: %s", again.Text())
	}
	if n := countWorkers(t, s); n != 3 {
		t.Fatalf("%d workers after second import", n)
	}
	log, _ := s.AuditLog(20)
	imports := 0
	for _, e := range log {
		if e.Action == data.ActImport {
			imports++
			if strings.Contains(e.Summary, idNumber(1, true)) {
				t.Fatalf("audit entry holds a full ID number: %s", e.Summary)
			}
		}
	}
	if imports != 2 {
		t.Fatalf("%d import audit entries", imports)
	}
}

func TestUpdateWritesFilledCellsAndKeepsTheRest(t *testing.T) {
	s := newStore(t)
	w := addWorker(t, s, "王秀兰", 11)
	path := filepath.Join(t.TempDir(), "更新.csv")
	text := "姓名,身份证号,联系电话,户籍地,详细住址\n王秀兰," + w.IDNumber + ",13800001111,榆中县,\n"
	os.WriteFile(path, []byte(text), 0o644)

	plan, err := Preview(s, Workers, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Duplicates) != 1 || !plan.Duplicates[0].Changed || plan.Duplicates[0].ExistingID != w.ID || plan.New != 0 {
		t.Fatalf("preview: %s", plan.Text())
	}
	skipped, err := Apply(s, plan, Skip, nil)
	if err != nil || skipped.Skipped != 1 {
		t.Fatalf("skip: %v %s", err, skipped.Text())
	}
	if got, _ := s.Worker(w.ID); got.Phone != w.Phone {
		t.Fatalf("skip changed the phone to %s", got.Phone)
	}
	rep, err := Apply(s, plan, Update, nil)
	if err != nil || rep.Updated != 1 {
		t.Fatalf("update: %v %s", err, rep.Text())
	}
	got, _ := s.Worker(w.ID)
	if got.Phone != "13800001111" || got.Address != "城关镇兴隆村" || len(got.Skills) != 1 {
		t.Fatalf("after update: phone %s address %q skills %v", got.Phone, got.Address, got.Skills)
	}
	// Updating again changes nothing.
	rep, err = Import(s, Workers, path, Update, nil)
	if err != nil || rep.Updated != 0 || rep.Unchanged != 1 {
		t.Fatalf("second update: %v %s", err, rep.Text())
	}
}

func TestRepeatedRowInFileIsRefused(t *testing.T) {
	s := newStore(t)
	path := filepath.Join(t.TempDir(), "重复.csv")
	id := idNumber(21, true)
	os.WriteFile(path, []byte("\ufeff姓名,身份证号,户籍地\n王秀兰,"+id+",榆中县\n王秀兰,"+strings.ToLower(id)+" ,榆中县\n"), 0o644)
	rep, err := Import(s, Workers, path, Skip, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 1 || rep.Refused != 1 || rep.Problems[0].String() != "第3行 身份证号：与第2行重复" {
		t.Fatalf("%s", rep.Text())
	}
}

func TestFileLevelErrors(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	cases := []struct {
		name    string
		content []byte
		want    string
	}{
		{"旧名单.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "另存为"},
		{"网页.xls", []byte("<html><table><tr><td>姓名</td></tr></table></html>"), "网页"},
		{"空.csv", nil, "空的"},
		{"无表头.csv", []byte("甲,乙,丙\n1,2,3\n"), "没有找到表头"},
		{"缺列.csv", []byte("姓名,联系电话\n王秀兰,13893112345\n"), "缺少必需的列“身份证号”“户籍地”"},
		{"单位.csv", []byte("单位名称,统一社会信用代码,所在地\n某公司,91320115MA1XY2K154,江宁区\n"), "这似乎是用工单位名单"},
		{"坏.xlsx", []byte("PK\x03\x04 not really a zip"), "不是有效的 Excel 工作簿"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		os.WriteFile(path, c.content, 0o644)
		_, err := Preview(s, Workers, path, nil)
		fe, ok := AsFileError(err)
		if !ok || !strings.Contains(fe.Reason, c.want) {
			t.Errorf("%s: got %v, want a file error saying %q", c.name, err, c.want)
		}
	}
	if _, err := Preview(s, Workers, filepath.Join(dir, "没有这个文件.csv"), nil); err == nil {
		t.Fatal("a missing file previewed")
	}
}

func TestApplyRefusesAFileChangedSincePreview(t *testing.T) {
	s := newStore(t)
	path := filepath.Join(t.TempDir(), "名单.csv")
	os.WriteFile(path, []byte("姓名,身份证号,户籍地\n王秀兰,"+idNumber(31, true)+",榆中县\n"), 0o644)
	plan, err := Preview(s, Workers, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("姓名,身份证号,户籍地\n李四,"+idNumber(32, false)+",榆中县\n"), 0o644)
	if _, err := Apply(s, plan, Skip, nil); err == nil || !strings.Contains(err.Error(), "重新预览") {
		t.Fatalf("got %v", err)
	}
	if countWorkers(t, s) != 0 {
		t.Fatal("a changed file was imported")
	}
}

func TestEmployersThenDemands(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	yj, hx := creditCode("MA1XY2K1"), creditCode("MA2AB3C4")
	emp := filepath.Join(dir, "单位.csv")
	os.WriteFile(emp, []byte(strings.Join([]string{
		"用工单位名称,统一社会信用代码,所在区县,单位地址,联系人,联系电话,行业,是否建会",
		"南京悦家家政服务有限公司," + yj + ",南京市江宁区,竹山路88号,张敏,025-52101234,居民服务业,是",
		"南京恒信电子有限公司," + strings.ToLower(hx) + ",江苏省南京市江宁区,,刘洋,13951230000,制造业,否",
		"坏代码公司,91320115MA1XY2K150,江宁区,,,,,",
	}, "\n")), 0o644)
	rep, err := Import(s, Employers, emp, Skip, nil)
	if err != nil || rep.New != 2 || rep.Refused != 1 {
		t.Fatalf("%v\n%s", err, rep.Text())
	}
	if !strings.Contains(rep.Problems[0].String(), "第4行 统一社会信用代码") {
		t.Fatalf("problem %s", rep.Problems[0])
	}

	dem := filepath.Join(dir, "需求.csv")
	os.WriteFile(dem, []byte(strings.Join([]string{
		"用工单位,工种,岗位,招聘人数,工作地点,薪资待遇,年龄要求,性别要求,食宿,合同期限,截止日期",
		"南京悦家家政服务有限公司,家政服务员,住家保姆,20人,江宁区,5000-7000元,18～50岁,限女性,包吃住,1年,2026/12/31",
		"南京恒信电子有限公司,电子设备装接工,操作工,50,南京市江宁区,6000以上,45岁以下,不限,包住,24个月,2027年1月31日",
		"南京某不存在公司,家政服务员,保洁,5,江宁区,,,,,,",
		"南京悦家家政服务有限公司,家政服务员,钟点工,0,江宁区,,,,,,",
	}, "\n")), 0o644)
	rep, err = Import(s, Demands, dem, Skip, nil)
	if err != nil || rep.New != 2 || rep.Refused != 2 {
		t.Fatalf("%v\n%s", err, rep.Text())
	}
	if p := rep.Problems[0].String(); !strings.HasPrefix(p, "第4行 用工单位：用工单位“南京某不存在公司”未登记") {
		t.Fatalf("problem %s", p)
	}
	if p := rep.Problems[1].String(); p != "第5行 招聘人数：须大于0" {
		t.Fatalf("problem %s (the Store's rule, reported against its column)", p)
	}
	ds, _, _ := s.ListDemands(data.DemandFilter{}, data.Page{})
	d := ds[0]
	if d.Title != "住家保姆" || d.Headcount != 20 || d.WageMin != data.Yuan(5000) || d.WageMax != data.Yuan(7000) ||
		d.AgeMin != 18 || d.AgeMax != 50 || d.SexRequirement != data.FemaleOnly || !d.Board || !d.Lodging ||
		d.ContractMonths != 12 || d.ValidUntil != data.MakeDate(2026, 12, 31) || d.WorkRegion != "320115" {
		t.Fatalf("demand read as %+v", d)
	}
	again, err := Import(s, Demands, dem, Skip, nil)
	if err != nil || again.New != 0 || len(again.Duplicates) != 2 {
		t.Fatalf("second demand import: %v\n%s", err, again.Text())
	}
}

func TestProgressIsReported(t *testing.T) {
	s := newStore(t)
	var b strings.Builder
	// Big enough (about 250 KB) that the position in the file moves
	// between progress calls despite read-ahead buffering.
	b.WriteString("姓名,身份证号,户籍地,备注\n")
	note := strings.Repeat("家中有老人需照顾", 16)
	for i := 0; i < 600; i++ {
		b.WriteString("工人," + idNumber(900*i, i%2 == 0) + ",榆中县," + note + "\n")
	}
	path := filepath.Join(t.TempDir(), "名单.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	type call struct {
		rows     int
		fraction float64
	}
	var calls []call
	rep, err := Import(s, Workers, path, Skip, func(rows int, f float64) { calls = append(calls, call{rows, f}) })
	if err != nil || rep.New != 600 {
		t.Fatalf("%v %v", err, rep)
	}
	if len(calls) != 3 || calls[0].rows != 250 || calls[1].rows != 500 || calls[2] != (call{600, 1}) {
		t.Fatalf("progress calls %v", calls)
	}
	if !(calls[0].fraction > 0 && calls[0].fraction < calls[1].fraction && calls[1].fraction <= 1) {
		t.Fatalf("fractions %v", calls)
	}
}
