package sheet

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"duikou/data"
	"duikou/data/ident"
)

// writeRoster100k writes an n-row worker roster as Excel would hold it: a
// title row, the header, then one row per worker across several counties,
// with dates as date cells and wages as numbers.
func writeRoster(b testing.TB, path string, n int) {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"2026年外出务工人员花名册"})
	sw.SetRow("A2", []any{"序号", "姓名", "性别", "身份证号码", "联系电话", "户籍所在地", "详细住址", "文化程度",
		"工种", "技能等级", "意向务工地", "期望工资", "可出行日期", "备注"})
	counties := []struct{ code, name string }{
		{"620123", "甘肃省兰州市榆中县"}, {"620121", "永登县"}, {"621121", "定西市通渭县"}, {"622927", "积石山保安族东乡族撒拉族自治县"},
		{"510821", "四川省广元市旺苍县"}, {"510824", "苍溪县"},
	}
	surnames := []rune("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗")
	given := []string{"秀兰", "建国", "丽", "小军", "桂英", "伟", "春花", "强", "玉兰", "淑芬", "志刚", "海燕"}
	occs := []string{"家政服务员", "育婴员", "保安员", "电工", "焊工", "中式烹调师"}
	levels := []string{"五级/初级工", "四级", "中级工", "", "三级/高级工"}
	places := []string{"江苏省南京市", "南京、苏州", "重庆市合川区", "江苏"}
	date := excelize.Cell{Value: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	date.StyleID = style
	row := make([]any, 14)
	for i := 0; i < n; i++ {
		c := counties[i%len(counties)]
		birth := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i/900)%12000)
		female := i%2 == 0
		sex := "男"
		if female {
			sex = "女"
		}
		row[0], row[1], row[2] = i+1, string(surnames[i%len(surnames)])+given[i%len(given)], sex
		row[3] = ident.MakeID(c.code, birth, i%900+1, female)
		row[4] = 13800000000 + i
		row[5], row[6], row[7] = c.name, "某某镇某某村", "初中"
		row[8], row[9], row[10] = occs[i%len(occs)], levels[i%len(levels)], places[i%len(places)]
		row[11], row[12], row[13] = 4000+(i%30)*100, date, ""
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
}

// TestWriteRoster100k writes the benchmark's 100,000-row roster to the
// path in DUIKOU_ROSTER, to try the import in the window:
// DUIKOU_ROSTER=/tmp/roster.xlsx go test ./data/sheet -run TestWriteRoster100k
func TestWriteRoster100k(t *testing.T) {
	path := os.Getenv("DUIKOU_ROSTER")
	if path == "" {
		t.Skip("set DUIKOU_ROSTER to the file to write")
	}
	writeRoster(t, path, 100_000)
}

// peakHeap samples the live heap from a progress callback.
type peakHeap struct{ max uint64 }

func (p *peakHeap) sample(int, float64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	p.max = max(p.max, m.HeapInuse)
}

// BenchmarkImportXLSX100k imports a 100,000-row roster into an empty
// database in one pass (what `duikou import` does) and, separately,
// previews it (the dry run the GUI shows before Apply). peak-heap-MB is
// the largest heap in use seen during the run.
func BenchmarkImportXLSX100k(b *testing.B) {
	const n = 100_000
	path := filepath.Join(b.TempDir(), "roster.xlsx")
	writeRoster(b, path, n)
	b.Run("parse", func(b *testing.B) {
		// Reading and checking cells only, no Store: the importer's own
		// share of the time.
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			src, err := openSource(Workers, path)
			if err != nil {
				b.Fatal(err)
			}
			run := &importRun{regionsOf: map[regionQuery]regionAnswer{}}
			rows := 0
			for {
				cells, row, err := src.it.next()
				if err != nil {
					break
				}
				r := &rowCtx{row: row, cells: cells, cols: src.cols, spec: workerSpec, run: run}
				workerKind{}.fill(r, &data.Worker{})
				if len(r.problems) > 0 {
					b.Fatal(r.problems)
				}
				rows++
			}
			src.close()
			if rows != n {
				b.Fatalf("%d rows", rows)
			}
		}
	})
	for _, mode := range []string{"import", "preview"} {
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			var peak peakHeap
			cpu := 0.0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := newStore(b)
				runtime.GC()
				b.StartTimer()
				cpu -= cpuSeconds()
				var rep *Report
				var err error
				if mode == "import" {
					rep, err = Import(s, Workers, path, Skip, peak.sample)
				} else {
					var plan *Plan
					plan, err = Preview(s, Workers, path, peak.sample)
					if plan != nil {
						rep = &plan.Report
					}
				}
				cpu += cpuSeconds()
				if err != nil {
					b.Fatal(err)
				}
				if rep.New != n || rep.Refused != 0 {
					b.Fatalf("new %d refused %d: %v", rep.New, rep.Refused, rep.Problems[:min(5, len(rep.Problems))])
				}
			}
			b.ReportMetric(float64(peak.max)/(1<<20), "peak-heap-MB")
			b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
		})
	}
}
