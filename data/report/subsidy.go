package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"time"

	"duikou/data"
	"duikou/data/filewrite"
	"duikou/data/storage"
	"duikou/data/subsidy"
)

// SubsidyForm is a printed subsidy roster.
type SubsidyForm string

const (
	// Notice is the 公示名单 posted in the village before payment: ID
	// numbers are always masked on it.
	Notice SubsidyForm = "公示名单"
	// Receipt is the 签领表 each worker signs on payment.
	Receipt SubsidyForm = "签领表"
)

// ParseSubsidyForm reads a form name as the command line writes it.
func ParseSubsidyForm(s string) (SubsidyForm, bool) {
	switch SubsidyForm(s) {
	case Notice, Receipt:
		return SubsidyForm(s), true
	}
	return "", false
}

// FileName is a file name for the form of a roster printed at a time.
func (f SubsidyForm) FileName(program string, at time.Time) string {
	return program + string(f) + "-" + at.Format("20060102-1504") + ".pdf"
}

// PrintSubsidy writes a roster's 公示名单 or 签领表 as a PDF to path (the
// file appears complete or not at all) and records the print in the audit
// log. fullIDs prints whole ID numbers on a 签领表; a 公示名单 is posted
// in public and refuses them.
func PrintSubsidy(s *storage.Store, r *subsidy.Roster, form SubsidyForm, path string, fullIDs bool) (*Result, error) {
	if form == Notice && fullIDs {
		return nil, fmt.Errorf("公示名单要张贴公示，不能打印完整身份证号")
	}
	t := subsidyTable(r, form, masker(fullIDs))
	var buf bytes.Buffer
	period := "项目：" + r.Program + "　核算日：" + r.AsOf.String()
	res, err := render(s, t, period, "", maskNote(fullIDs), &buf)
	if err != nil {
		return nil, err
	}
	if err := filewrite.Bytes(path, buf.Bytes()); err != nil {
		return nil, err
	}
	how := "身份证号已隐去中间部分"
	if fullIDs {
		how = "含完整身份证号"
	}
	summary := fmt.Sprintf("打印“%s”%s %d 人，金额合计 %s 元，%s（%s）", r.Program, form, res.Rows, r.Total, filepath.Base(path), how)
	if err := s.Audit(data.ActPrint, string(data.TableClaims), res.Rows, summary); err != nil {
		return res, fmt.Errorf("已生成，但写操作日志失败：%w", err)
	}
	return res, nil
}

func subsidyTable(r *subsidy.Roster, form SubsidyForm, m masker) *table {
	t := &table{title: r.Program + string(form), columns: []column{
		{header: "序号", fit: "999", align: alignCenter},
		{header: "姓名", fit: "欧阳春花"},
		{header: "身份证号", fit: fitID},
		{header: "户籍地", weight: 2},
	}}
	if form == Notice {
		t.columns = append(t.columns,
			column{header: "务工地", weight: 2},
			column{header: "上岗日期", fit: fitDate, align: alignCenter},
			column{header: "务工月数", fit: "99", align: alignCenter},
			column{header: "去向", fit: "省内跨市", align: alignCenter},
			column{header: "金额（元）", fit: "99,999.00", align: alignRight})
	} else {
		t.minLines = 2 // room to sign
		t.columns = append(t.columns,
			column{header: "去向", fit: "省内跨市", align: alignCenter},
			column{header: "金额（元）", fit: "99,999.00", align: alignRight},
			column{header: "领取人签名", weight: 1.6},
			column{header: "领取日期", fit: "2026年12月31日"})
	}
	for i, e := range r.Eligible {
		w, p := e.Worker, e.Placement
		row := []string{seq(i), w.Name, m.id(w.IDNumber), regionName(w.HukouRegion)}
		if form == Notice {
			row = append(row, regionName(p.WorkRegion), p.Start.String(), fmt.Sprint(e.Months), e.Destination(), yuanText(e.Amount()))
		} else {
			row = append(row, e.Destination(), yuanText(e.Amount()), "", "")
		}
		t.rows = append(t.rows, row)
	}
	t.summary = fmt.Sprintf("合计 %d 人，金额合计 %s 元。", len(r.Eligible), yuanText(r.Total))
	if form == Notice {
		t.summary += "公示期间如有异议，请向本单位反映。"
	}
	return t
}
