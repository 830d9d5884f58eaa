package sheet

import (
	"path/filepath"
	"testing"

	"duikou/data"
	"duikou/data/stats"
)

// LibreOffice Calc opens the 统计报表 xlsx and every figure reads back as
// the form shows it: a plain October form, then the same period as a
// 更正版 with the submitted figures beside the corrected ones.
func TestStatsFormReadsBackInLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	oct := stats.Period{Kind: stats.Month, From: data.MakeDate(2026, 10, 1), To: data.MakeDate(2026, 10, 31)}
	now := stats.Figures{
		stats.WorkersRegistered: 12, stats.WorkersTotal: 1234, stats.PlacementsStarted: 3, stats.StartedCrossProv: 2,
		stats.StartedCrossCity: 1, stats.ContractsSigned: 2, stats.ArrearsRecoveredYuan: 450000,
		stats.WarmthVisits: 2, stats.WarmthAmountYuan: 80050, stats.InWorkEnd: 187,
	}
	r := stats.Build(oct, "榆中县总工会", now, []stats.Row{{Region: "320100", Name: "江苏省南京市", Started: 3, Poverty: 1, InWorkEnd: 2}})
	r.RowsBy = "工作地（市）"
	r.Header.Head, r.Header.Clerk, r.Header.Phone = "张建国", "李娟", "0931-5221234"
	// What a clerk sees for each figure: thousands separators, and the
	// decimals the figure has (fen, the percent's tenth), no stray point.
	shown := map[stats.Code]string{
		stats.WorkersRegistered: "12", stats.WorkersTotal: "1,234", stats.PlacementsStarted: "3",
		stats.ContractsSignedPct: "66.7", stats.ArrearsRecoveredYuan: "4,500", stats.WarmthAmountYuan: "800.50",
		stats.PlacementsLeft: "0",
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "月报.xlsx")
	if err := WriteStats(r, plain); err != nil {
		t.Fatal(err)
	}
	rows := convertToCSV(t, lo, plain)
	if rows[0][0] != "劳务协作工作统计月报表" || rows[2][1] != "2026年10月" || rows[2][4] != "张建国" {
		t.Fatalf("header as LibreOffice reads it: %q / %q", rows[0], rows[2])
	}
	byCode := figuresByCode(rows, 5)
	if len(byCode) != len(stats.Defs) {
		t.Errorf("LibreOffice read %d figures, want %d", len(byCode), len(stats.Defs))
	}
	for c, v := range shown {
		if got := byCode[string(c)]; got == nil || got[3] != v {
			t.Errorf("%s reads back as %q, want %s", c, got, v)
		}
	}

	// 报出 with one start fewer and no warmth money; the records were
	// corrected since.
	was := stats.Figures{}
	for k, v := range now {
		was[k] = v
	}
	was[stats.PlacementsStarted], was[stats.WarmthAmountYuan] = 2, 0
	r.Attach(&stats.Submission{SubmittedOn: data.MakeDate(2026, 11, 3), Head: "张建国", Figures: was})
	corrected := filepath.Join(dir, "更正.xlsx")
	if err := WriteStats(r, corrected); err != nil {
		t.Fatal(err)
	}
	rows = convertToCSV(t, lo, corrected)
	if rows[0][0] != "劳务协作工作统计月报表（更正版）" || rows[4][1] != "2026-11-03" || rows[6][3] != "报出数" || rows[6][4] != "更正数" {
		t.Fatalf("更正版 header: %q %q %q", rows[0], rows[4], rows[6])
	}
	byCode = figuresByCode(rows, 6)
	for c, pair := range map[stats.Code][2]string{
		stats.PlacementsStarted:  {"2", "3"},
		stats.ContractsSignedPct: {"100", "66.7"},
		stats.WarmthAmountYuan:   {"0", "800.50"},
		stats.WorkersTotal:       {"1,234", "1,234"},
	} {
		got := byCode[string(c)]
		if got == nil || got[3] != pair[0] || got[4] != pair[1] {
			t.Errorf("%s reads back as %q, want 报出数 %s 更正数 %s", c, got, pair[0], pair[1])
		}
	}
}

// figuresByCode indexes the indicator rows by the code in column col.
func figuresByCode(rows [][]string, col int) map[string][]string {
	out := map[string][]string{}
	for _, r := range rows {
		if len(r) > col {
			if _, ok := stats.DefOf(stats.Code(r[col])); ok {
				out[r[col]] = r
			}
		}
	}
	return out
}
