package subsidy

import (
	"errors"
	"strings"
	"testing"

	"duikou/data"
	"duikou/data/stats"
)

// grid makes spreadsheet lines numbered from 1.
func grid(rows ...[]string) []Line {
	out := make([]Line, len(rows))
	for i, r := range rows {
		out[i] = Line{Row: i + 1, Cells: r}
	}
	return out
}

var header = []string{"项目", "去向", "金额（元）", "最少务工月数", "对象", "上岗起", "上岗止"}

// chongxin is the 崇信县 table of the issue (甘人社通〔2024〕155号).
func chongxin() []Line {
	return grid(
		[]string{"崇信县一次性交通补贴"}, // a title row above the header
		header,
		[]string{"一次性交通补贴", "陕西", "400", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
		[]string{"一次性交通补贴", "64", "400", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
		[]string{"一次性交通补贴", "跨省", "600", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
		[]string{"一次性交通补贴", "省内跨市", "300", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
		[]string{"一次性交通补贴", "市内跨县", "200", "3", "脱贫户和监测对象", "2026-01-01", "2026-12-31"},
	)
}

func TestParseRulesReadsTheChongxinTable(t *testing.T) {
	rs, err := ParseRules(chongxin())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 5 {
		t.Fatalf("%d rules, want 5", len(rs))
	}
	want := []struct {
		dest   Destination
		amount data.Fen
		row    int
	}{
		{Destination{Province: "61"}, data.Yuan(400), 3},
		{Destination{Province: "64"}, data.Yuan(400), 4},
		{Destination{Band: stats.StartedCrossProv}, data.Yuan(600), 5},
		{Destination{Band: stats.StartedCrossCity}, data.Yuan(300), 6},
		{Destination{Band: stats.StartedCrossCounty}, data.Yuan(200), 7},
	}
	for i, w := range want {
		r := rs[i]
		if r.Dest != w.dest || r.Amount != w.amount || r.Row != w.row || r.MinMonths != 3 || r.Target != TargetBoth ||
			r.From != d("2026-01-01") || r.To != d("2026-12-31") {
			t.Errorf("rule %d = %+v", i, r)
		}
	}
	if rs[0].Dest.Label() != "陕西省" || rs[1].Dest.Label() != "宁夏回族自治区" {
		t.Errorf("labels %q %q", rs[0].Dest.Label(), rs[1].Dest.Label())
	}
	if got := rs.Programs(); len(got) != 1 || got[0] != "一次性交通补贴" {
		t.Errorf("programs %v", got)
	}
}

func TestParseRulesRefusesBadRowsNamingRowAndField(t *testing.T) {
	lines := grid(header,
		[]string{"交通补贴", "火星", "400", "3", "全部", "", ""},
		[]string{"交通补贴", "跨省", "-5", "3", "全部", "", ""},
		[]string{"交通补贴", "县内", "100", "3", "贫困户", "", ""},
		[]string{"交通补贴", "省内跨市", "300", "3", "全部", "2026-06-01", "2026-01-01"},
		[]string{"交通补贴", "市内跨县", "200", "三", "全部", "2026-01-01", "2026-06-30"},
		[]string{"交通补贴", "市内跨县", "200", "3", "全部", "2026-06-30", "2026-12-31"},
	)
	_, err := ParseRules(lines)
	var re *RulesError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v", err)
	}
	want := []Problem{
		{2, "去向", ""}, {3, "金额（元）", ""}, {4, "对象", ""}, {5, "上岗止", ""}, {6, "最少务工月数", ""},
	}
	if len(re.Problems) != len(want) {
		t.Fatalf("problems %v", re.Problems)
	}
	for i, w := range want {
		if p := re.Problems[i]; p.Row != w.Row || p.Field != w.Field {
			t.Errorf("problem %d = %v, want row %d field %s", i, p, w.Row, w.Field)
		}
	}
	if msg := err.Error(); !strings.Contains(msg, "第 2 行“去向”：“火星”无法识别") || !strings.Contains(msg, "不能为负数") {
		t.Errorf("message %q", msg)
	}
}

func TestParseRulesRefusesOverlappingRows(t *testing.T) {
	_, err := ParseRules(grid(header,
		[]string{"交通补贴", "跨省", "600", "3", "全部", "2026-01-01", "2026-06-30"},
		[]string{"交通补贴", "跨省", "500", "3", "全部", "2026-07-01", "2026-12-31"},  // follows on: fine
		[]string{"交通补贴", "跨省", "700", "3", "全部", "2026-06-30", ""},            // shares 06-30 with row 2
		[]string{"稳岗补贴", "跨省", "1500", "6", "全部", "2026-01-01", "2026-12-31"}, // another 项目: fine
	))
	var re *RulesError
	if !errors.As(err, &re) || len(re.Problems) != 2 {
		t.Fatalf("err = %v", err)
	}
	if p := re.Problems[0]; p.Row != 4 || !strings.Contains(p.Reason, "与第 2 行重叠") {
		t.Errorf("first problem %v", p)
	}
	if p := re.Problems[1]; p.Row != 4 || !strings.Contains(p.Reason, "与第 3 行重叠") {
		t.Errorf("second problem %v", p)
	}
}

func TestParseRulesNeedsEveryHeader(t *testing.T) {
	_, err := ParseRules(grid([]string{"项目", "去向", "金额"}, []string{"x", "跨省", "1"}))
	if err == nil || !strings.Contains(err.Error(), "缺少列：最少务工月数、对象、上岗起、上岗止") {
		t.Fatalf("err = %v", err)
	}
	_, err = ParseRules(grid([]string{"姓名"}))
	if err == nil || !strings.Contains(err.Error(), "找不到表头") {
		t.Fatalf("err = %v", err)
	}
}

func TestParseRulesReadsExcelDateSerials(t *testing.T) {
	rs, err := ParseRules(grid(header, []string{"交通补贴", "61", "400", "", "全部", "46023", "46387"}))
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].From != d("2026-01-01") || rs[0].To != d("2026-12-31") || rs[0].MinMonths != 0 {
		t.Errorf("rule %+v", rs[0])
	}
}
