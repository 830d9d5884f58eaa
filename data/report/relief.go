package report

import (
	"cmp"
	"fmt"
	"slices"

	"duikou/data"
	"duikou/data/storage"
)

// reliefKinds are the follow-ups that hand a worker the union's 慰问金.
var reliefKinds = []data.FollowUpKind{data.KindWarmth, data.KindHardship}

// reliefDate is the day the money was (or is to be) handed over: the
// visit's done date, or its due date while it is still planned.
func reliefDate(f *data.FollowUp) data.Date {
	if !f.DoneOn.IsZero() {
		return f.DoneOn
	}
	return f.DueOn
}

// reliefTable is the 慰问金签领表: every 送温暖 and 困难帮扶 item with an
// amount, not cancelled, dated in the range, with a column for the
// worker's signature and the day it was received.
func reliefTable(s *storage.Store, r storage.DateRange, m masker) (*table, error) {
	var fs []data.FollowUp
	for _, k := range reliefKinds {
		err := s.EachFollowUp(data.FollowUpFilter{Kind: k}, storage.DateRange{}, func(f *data.FollowUp) error {
			on := reliefDate(f)
			if f.Amount > 0 && f.Status != data.FollowUpCancelled &&
				(r.From.IsZero() || !on.Before(r.From)) && (r.To.IsZero() || !on.After(r.To)) {
				fs = append(fs, *f)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(fs, func(a, b data.FollowUp) int {
		return cmp.Or(reliefDate(&a).Compare(reliefDate(&b)), cmp.Compare(a.ID, b.ID))
	})
	t := &table{title: Relief.Title(), minLines: 2, columns: []column{
		{header: "序号", fit: "999", align: alignCenter},
		{header: "姓名", fit: "欧阳春花"},
		{header: "身份证号", fit: fitID},
		{header: "户籍地", weight: 2},
		{header: "类别", fit: "送温暖慰问", align: alignCenter},
		{header: "慰问日期", fit: fitDate, align: alignCenter},
		{header: "事由", weight: 2},
		{header: "金额（元）", fit: "99,999.00", align: alignRight},
		{header: "领取人签名", weight: 1.6},
		{header: "领取日期", fit: "2026年12月31日"},
	}}
	var total data.Fen
	for i := range fs {
		f := &fs[i]
		w := f.WorkerOrBlank()
		total += f.Amount
		t.rows = append(t.rows, []string{seq(i), w.Name, m.id(w.IDNumber), regionName(w.HukouRegion), f.Kind.Label(),
			reliefDate(f).String(), f.Outcome, yuanText(f.Amount), "", ""})
	}
	t.summary = fmt.Sprintf("合计 %d 人次，金额合计 %s 元。", len(fs), yuanText(total))
	return t, nil
}
