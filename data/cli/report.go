package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"duikou/data"
	"duikou/data/report"
	"duikou/data/sheet"
	"duikou/data/stats"
)

func init() {
	register("report", "统计报表：monthly --month 2026-11、quarterly --quarter 2026Q4 或 --from/--to，输出 .xlsx / .pdf / --json", runReport)
}

const reportUsage = "用法：duikou report monthly --month 2026-11 | quarterly --quarter 2026Q4 | --from 日期 --to 日期  --db 数据库 [-o 文件.xlsx|.pdf] [--json]"

// runReport: duikou report monthly --month YYYY-MM | quarterly --quarter
// YYYYQn | --from DATE --to DATE, with --db, -o FILE.xlsx|FILE.pdf and
// --json (the shape of stats.Report). Without -o or --json the figures
// are listed on stdout.
func runReport(env *Env, args []string) int {
	fs := env.flags("report")
	db := fs.String("db", "", dbUsage)
	out := fs.String("o", "", "输出文件（.xlsx 或 .pdf）")
	month := fs.String("month", "", "月报的月份，如 2026-11")
	quarter := fs.String("quarter", "", "季报的季度，如 2026Q4")
	from := fs.String("from", "", "起始日期（含），如 2026-03-01")
	to := fs.String("to", "", "截止日期（含）")
	asJSON := fs.Bool("json", false, "以 JSON 输出（格式见 README）")
	pos, err := parse(fs, args)
	if err != nil {
		return parseExit(err)
	}
	today := data.Today()
	var p stats.Period
	switch {
	case len(pos) == 1 && pos[0] == "monthly":
		if *month == "" || *quarter != "" || *from != "" || *to != "" {
			return env.Fail("月报请用 --month 指定月份，如 --month 2026-11")
		}
		p, err = stats.ParseMonth(*month, today)
	case len(pos) == 1 && pos[0] == "quarterly":
		if *quarter == "" || *month != "" || *from != "" || *to != "" {
			return env.Fail("季报请用 --quarter 指定季度，如 --quarter 2026Q4")
		}
		p, err = stats.ParseQuarter(*quarter, today)
	case len(pos) == 0:
		if *month != "" || *quarter != "" {
			return env.Fail("--month 用于 report monthly，--quarter 用于 report quarterly")
		}
		p, err = stats.ParseRange(*from, *to, today)
	default:
		return env.Fail("%s", reportUsage)
	}
	if err != nil {
		return env.Fail("%v", err)
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out != "" && ext != ".xlsx" && ext != ".pdf" {
		return env.Fail("输出文件名须以 .xlsx 或 .pdf 结尾：%s", filepath.Base(*out))
	}
	s, code := openForReading(env, *db)
	if s == nil {
		return code
	}
	defer s.Close()
	r, err := s.Report(p)
	if err != nil {
		return env.Fail("统计失败：%v", err)
	}
	switch ext {
	case ".xlsx":
		if err := sheet.WriteStats(r, *out); err != nil {
			return env.Fail("%v", err)
		}
		if err := s.Audit(data.ActExport, "report", len(r.Indicators),
			fmt.Sprintf("导出%s（%s）%s", p.Title(), p.Label(), filepath.Base(*out))); err != nil {
			return env.Fail("已导出，但写操作日志失败：%v", err)
		}
	case ".pdf":
		res, err := report.PrintStats(s, r, *out)
		if err != nil {
			return env.Fail("%v", err)
		}
		if len(res.Missing) > 0 && !*asJSON {
			fmt.Fprintf(env.Stdout, "注意：字体中缺少这些字，打印为□：%s\n", string(res.Missing))
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return env.Fail("%v", err)
		}
		return ExitOK
	}
	if *out != "" {
		fmt.Fprintf(env.Stdout, "已生成%s（%s）%s\n", p.Title(), p.Label(), *out)
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "%s　填报单位：%s　所属期：%s（%s 至 %s）\n", p.Title(), r.Office, p.Label(), r.From, r.To)
	for _, in := range r.Indicators {
		fmt.Fprintf(env.Stdout, "%-24s %-14s %s %s\n", in.Code, string(in.Value), in.Unit, in.Label)
	}
	return ExitOK
}
