package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/report"
	"duikou/data/sheet"
	"duikou/data/stats"
	"duikou/data/storage"
)

const reportUsage = "用法：duikou report monthly --month 2026-11 | quarterly --quarter 2026Q4 | --from 日期 --to 日期  --db 数据库 [-o 文件.xlsx|.pdf] [--json] [--head 负责人] [--phone 联系电话] [--submit]"

// runReport: duikou report monthly --month YYYY-MM | quarterly --quarter
// YYYYQn | --from DATE --to DATE, with --db, -o FILE.xlsx|FILE.pdf and
// --json (the shape of stats.Report). Without -o or --json the figures
// are listed on stdout. --head and --phone fill the header's 负责人 and
// 联系电话 for this report instead of the ones set in 设置; --submit stores
// the figures as the period's submitted ones (报出), after which a
// correction shows beside them.
func runReport(env *Env, args []string) int {
	c := env.dbCommand("report", dbUsage, "[monthly --month YYYY-MM | quarterly --quarter YYYYQn | --from 日期 --to 日期] --db 数据库 [-o FILE.xlsx|FILE.pdf] [--json]")
	out := c.String("o", "", "输出文件（.xlsx 或 .pdf）")
	month := c.String("month", "", "月报的月份，如 2026-11")
	quarter := c.String("quarter", "", "季报的季度，如 2026Q4")
	from := c.String("from", "", "起始日期（含），如 2026-03-01")
	to := c.String("to", "", "截止日期（含）")
	asJSON := c.Bool("json", false, "以 JSON 输出（格式见 README）")
	head := c.String("head", "", "表头的负责人（不填用设置中的）")
	phone := c.String("phone", "", "表头的联系电话（不填用设置中的）")
	submit := c.Bool("submit", false, "报出：把本期数字存为报出数（记入操作日志），之后的更正显示在更正列")
	pos, err := parse(c.FlagSet, args)
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
	if *out != "" {
		if code := env.needExt(*out, ".xlsx", ".pdf"); code != ExitOK {
			return code
		}
	}
	for _, f := range []struct{ label, v string }{{"--head", *head}, {"--phone", *phone}} {
		if reason := ident.TextCharReason(f.v, false); reason != "" || utf8.RuneCountInString(f.v) > 32 {
			if reason == "" {
				reason = "不能超过32个字"
			}
			return env.Fail("%s：%s", f.label, reason)
		}
	}
	// 报出 writes: it takes the database like any writer.
	return c.open(writingWhen(*submit), func(s *storage.Store) int {
		return reportRun{p, *out, ext, *head, *phone, *asJSON, *submit}.on(env, s)
	})
}

// reportRun is one duikou report once its command line is read: the
// period and what to do with its figures.
type reportRun struct {
	p           stats.Period
	out, ext    string
	head, phone string // the header's 负责人 and 联系电话 for this report, "" for 设置's
	asJSON      bool
	submit      bool
}

// on counts the period's figures in s, submits them when asked and writes
// them to out, as JSON or as a list on stdout.
func (q reportRun) on(env *Env, s *storage.Store) int {
	p := q.p
	r, err := s.Report(p)
	if err != nil {
		return env.Fail("统计失败：%v", err)
	}
	if q.submit && r.Submitted() {
		return env.Fail("所属期%s已于 %s 报出，不能重复报出；之后的更正显示在更正列", p.Label(), r.ReportedOn)
	}
	if !r.Submitted() { // a submitted period keeps the header it was submitted with
		if q.head != "" {
			r.Header.Head = strings.TrimSpace(q.head)
		}
		if q.phone != "" {
			r.Header.Phone = strings.TrimSpace(q.phone)
		}
	}
	if q.submit {
		if err := s.Submit(r); err != nil {
			return env.Fail("报出失败：%v", err)
		}
	}
	switch q.ext {
	case ".xlsx":
		if err := sheet.ExportStats(s, r, q.out); err != nil {
			return env.Fail("%v", err)
		}
	case ".pdf":
		res, err := report.PrintStats(s, r, q.out)
		if err != nil {
			return env.Fail("%v", err)
		}
		if len(res.Missing) > 0 && !q.asJSON {
			fmt.Fprintf(env.Stdout, "注意：字体中缺少这些字，打印为□：%s\n", string(res.Missing))
		}
	}
	if q.asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return env.Fail("%v", err)
		}
		return ExitOK
	}
	if q.submit {
		fmt.Fprintf(env.Stdout, "已报出%s（%s），报出日期 %s\n", p.Title(), p.Label(), r.ReportedOn)
	}
	if q.out != "" {
		fmt.Fprintf(env.Stdout, "已生成%s（%s）%s\n", r.Title(), p.Label(), q.out)
		return ExitOK
	}
	if q.submit {
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "%s　填报单位：%s　所属期：%s（%s 至 %s）\n", r.Title(), r.Office, p.Label(), r.From, r.To)
	if r.Submitted() {
		fmt.Fprintf(env.Stdout, "报出日期：%s\n", r.ReportedOn)
	}
	for _, in := range r.Indicators {
		line := fmt.Sprintf("%-24s %-14s %s %s", in.Code, string(in.Value), in.Unit, in.Label)
		if in.Submitted != nil && *in.Submitted != in.Value {
			line += "（报出数 " + string(*in.Submitted) + "，已更正）"
		}
		fmt.Fprintln(env.Stdout, line)
	}
	return ExitOK
}
