package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/storage"
)

// The employer directory and the job-fair list (招聘岗位信息表): the
// receiving side's own prints, in the same A4 landscape form as the
// rosters. The job-fair list is posted on a wall, so it holds no
// personal numbers at all; the directory masks the contact's phone as the
// rosters do.

func employerTable(s *storage.Store, f data.EmployerFilter, o data.Order, m masker) (*table, error) {
	t := &table{title: Employers.Title(), columns: []column{
		{header: "序号", fit: "999", align: alignCenter},
		{header: "单位名称", weight: 3},
		{header: "统一社会信用代码", fit: "91320100MAMMMMMMMM"}, // letters run wider than digits
		{header: "所在地", weight: 2},
		{header: "地址", weight: 2.5},
		{header: "联系人", fit: "欧阳春花"},
		{header: "联系电话", fit: fitPhone},
		{header: "行业", weight: 1.2},
		{header: "已建会", fit: "已建会", align: alignCenter},
	}}
	union := 0
	err := s.EachEmployerBy(o, f, func(e *data.Employer) error {
		has := "否"
		if e.HasUnion {
			has, union = "是", union+1
		}
		t.rows = append(t.rows, []string{seq(len(t.rows)), e.Name, e.CreditCode, regionName(e.Region), e.Address,
			e.Contact, m.phone(e.ContactPhone), e.Industry, has})
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.summary = fmt.Sprintf("合计 %d 家，其中已建会 %d 家。", len(t.rows), union)
	return t, nil
}

// demandTable lists the demands recruiting on the day (status 招聘中,
// headcount left, within their validity) that also match the screen's
// filter.
func demandTable(s *storage.Store, f data.DemandFilter, o data.Order) (*table, error) {
	f.OpenOn = s.Today()
	ds, err := collect(func(fn func(*data.Demand) error) error { return s.EachDemandBy(o, f, fn) })
	if err != nil {
		return nil, err
	}
	// Without the screen's order, by employer then post, as a job-fair
	// wall is read.
	if o.Sort == "" {
		slices.SortStableFunc(ds, func(a, b data.Demand) int {
			return cmp.Or(strings.Compare(a.EmployerName(), b.EmployerName()), strings.Compare(a.Title, b.Title))
		})
	}
	t := &table{title: Demands.Title(), columns: []column{
		{header: "序号", fit: "999", align: alignCenter},
		{header: "用工单位", weight: 2.6},
		{header: "岗位名称", weight: 1.6},
		{header: "工种", weight: 1.3},
		{header: "招聘人数", fit: "9999", align: alignCenter},
		{header: "尚缺", fit: "9999", align: alignCenter},
		{header: "工作地点", weight: 2},
		{header: "月薪（元）", fit: "12,000-15,000", align: alignCenter},
		{header: "年龄", fit: "18-45岁", align: alignCenter},
		{header: "性别", fit: "限女性", align: alignCenter},
		{header: "技能要求", weight: 1},
		{header: "食宿", fit: "包吃住", align: alignCenter},
		{header: "合同期限", fit: "36个月", align: alignCenter},
		{header: "有效期至", fit: fitDate, align: alignCenter},
	}}
	left := 0
	for i := range ds {
		d := &ds[i]
		left += d.Left()
		level := "不限"
		if d.MinLevel != catalog.LevelNone {
			level = d.MinLevel.Label() + "及以上"
		}
		contract := ""
		if d.ContractMonths > 0 {
			contract = fmt.Sprintf("%d个月", d.ContractMonths)
		}
		t.rows = append(t.rows, []string{seq(i), d.EmployerName(), d.Title, occupationName(d.Occupation),
			fmt.Sprint(d.Headcount), fmt.Sprint(d.Left()), regionName(d.WorkRegion), wageText(d.WageMin, d.WageMax),
			data.AgeRangeText(d.AgeMin, d.AgeMax, "%d-%d岁"), d.SexRequirement.Label(), level, boardText(d.Board, d.Lodging), contract,
			d.ValidUntil.String()})
	}
	t.summary = fmt.Sprintf("合计 %d 个岗位，尚缺 %d 人。", len(ds), left)
	return t, nil
}

// wageText is a monthly wage range in yuan: "5,000-7,000", "6,000以上",
// "面议".
func wageText(lo, hi data.Fen) string {
	switch {
	case lo > 0 && hi > 0 && lo != hi:
		return yuanText(lo) + "-" + yuanText(hi)
	case hi > 0:
		return yuanText(hi)
	case lo > 0:
		return yuanText(lo) + "以上"
	}
	return "面议"
}

func boardText(board, lodging bool) string {
	switch {
	case board && lodging:
		return "包吃住"
	case board:
		return "包吃"
	case lodging:
		return "包住"
	}
	return "不包"
}
