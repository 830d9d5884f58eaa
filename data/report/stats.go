package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"duikou/data"
	"duikou/data/stats"
	"duikou/data/storage"
)

// WriteStats renders a 统计报表 as a PDF to w, like the other prints: the
// title, the header block (表号, 填报单位, 所属期, 负责人, 填表人, 联系电话,
// 报出日期), the indicators with their definitions, then the figures by
// region, and the signature block.
func WriteStats(r *stats.Report, today data.Date, w io.Writer) (*Result, error) {
	// A corrected report (更正版) prints the submitted figure and the
	// corrected one side by side.
	valueCol := column{header: "数值", fit: "9,999,999.99", align: alignRight}
	columns := []column{
		{header: "序号", fit: "99", align: alignCenter},
		{header: "指标", weight: 2.2},
		{header: "单位", fit: "人次", align: alignCenter},
		valueCol,
		{header: "指标解释", weight: 5},
		{header: "代码", weight: 2},
	}
	if r.Corrected {
		columns[3].header = "报出数"
		valueCol.header = "更正数"
		columns = slices.Insert(columns, 4, valueCol)
	}
	t := &table{title: r.Title(), columns: columns}
	for i, in := range r.Indicators {
		row := []string{seq(i), in.Label, in.Unit, valueText(in, in.Value), in.Definition, string(in.Code)}
		if r.Corrected {
			row = []string{seq(i), in.Label, in.Unit, valueText(in, *in.Submitted), correctedText(in), in.Definition, string(in.Code)}
		}
		t.rows = append(t.rows, row)
	}
	if len(r.Rows) > 0 {
		pad := make([]string, len(columns)-6) // the 更正数 column, when there is one
		t.rows = append(t.rows, slices.Concat([]string{"", "按" + r.RowsBy + "统计", "", ""}, pad,
			[]string{"上岗人数 / 其中脱贫劳动力 / 期末在岗人数", ""}))
		for _, x := range r.Rows {
			t.rows = append(t.rows, slices.Concat([]string{"", x.Name, "人次", fmt.Sprint(x.Started)}, pad,
				[]string{fmt.Sprintf("上岗 %d，其中脱贫劳动力 %d，期末在岗 %d", x.Started, x.Poverty, x.InWorkEnd), x.Region}))
		}
	}
	t.summary = "说明：各项指标按所属期末的记录日期计算，已删除的记录不计；金额单位为元。"
	if r.Corrected {
		t.summary += "本表为更正版：报出后有记录更正，更正数为按现有记录重新计算的数字，与报出数不同的标“*”；按地区统计为更正后的数字。"
	}
	h := r.Header
	blank := func(s string) string {
		if s == "" {
			return "________"
		}
		return s
	}
	hd := header{
		union:   h.Union,
		period:  "所属期：" + h.Period,
		printed: "报出日期：" + blank(h.Reported),
		note:    "表号：" + h.FormNo,
		filter: fmt.Sprintf("表号：%s　　负责人：%s　　填表人：%s　　联系电话：%s", h.FormNo, blank(h.Head),
			blank(h.Clerk), blank(h.Phone)),
	}
	d, err := newPDF(t.title, h.Union, today.Time())
	if err != nil {
		return nil, err
	}
	if err := d.render(t, hd, w); err != nil {
		return nil, fmt.Errorf("生成 PDF 失败：%w", err)
	}
	return &Result{Rows: len(r.Indicators), Pages: d.pages, Missing: d.missingRunes()}, nil
}

// valueText is a value of an indicator as printed: money with thousands
// separators, a percent with its sign.
func valueText(in stats.Indicator, v json.Number) string {
	switch in.Unit {
	case "元":
		f, err := data.ParseYuan(string(v))
		if err == nil {
			return yuanText(f)
		}
	case "%":
		return string(v) + "%"
	}
	return string(v)
}

// correctedText is the 更正数 column's entry: the figure counted now,
// starred where it differs from the submitted one.
func correctedText(in stats.Indicator) string {
	t := valueText(in, in.Value)
	if in.Submitted != nil && *in.Submitted != in.Value {
		return "*" + t
	}
	return t
}

// PrintStats writes a 统计报表 PDF to path (complete or not at all) and
// records the print in the audit log.
func PrintStats(s *storage.Store, r *stats.Report, path string) (*Result, error) {
	var buf bytes.Buffer
	res, err := WriteStats(r, s.Today(), &buf)
	if err != nil {
		return nil, err
	}
	tmp := path + ".partial"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("无法写入 %s：%w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("无法保存 %s：%w", path, err)
	}
	summary := fmt.Sprintf("打印%s（%s）%s%s", r.Title(), r.Period.Label(), filepath.Base(path), r.CorrectionNote())
	if err := s.Audit(data.ActPrint, "report", len(r.Indicators), summary); err != nil {
		return res, fmt.Errorf("已生成，但写操作日志失败：%w", err)
	}
	return res, nil
}
