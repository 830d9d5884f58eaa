package cli

import (
	"fmt"
	"strings"

	"duikou/data"
	"duikou/data/report"
	"duikou/data/storage"
)

// runPrint: duikou print placements|workers|followups|employers|demands|relief
// --db PATH -o FILE.pdf [--from DATE] [--to DATE] [--full-ids]; relief (the
// 慰问金签领表) needs both dates: it is signed for one period's payments.
func runPrint(env *Env, args []string) int {
	c := env.dbCommand("print", dbUsage, "KIND --db 数据库 -o FILE.pdf [--from 日期] [--to 日期] [--full-ids]",
		"KIND  "+report.KindsHelp())
	out := c.String("o", "", "PDF 文件")
	from := c.String("from", "", "起始日期（含），如 2026-03-01")
	to := c.String("to", "", "截止日期（含）")
	fullIDs := c.Bool("full-ids", false, "打印完整身份证号和电话（记入操作日志）；默认隐去中间部分")
	pos, code, ok := c.positionals(args, 1)
	if !ok {
		return code
	}
	list, ok := report.ParseList(pos[0])
	if !ok {
		return env.Fail("不能打印 %q（可打印：%s）", pos[0], report.KindsHelp())
	}
	if *out == "" {
		return env.Fail("请用 -o 指定 PDF 文件")
	}
	if code := env.needExt(*out, ".pdf"); code != ExitOK {
		return code
	}
	var r storage.DateRange
	var err error
	if r.From, err = data.ParseDate(*from); err != nil {
		return env.Fail("--from：%v", err)
	}
	if r.To, err = data.ParseDate(*to); err != nil {
		return env.Fail("--to：%v", err)
	}
	if !list.Dated() && !r.IsZero() {
		return env.Fail("%s不按日期筛选，请去掉 --from / --to", strings.TrimPrefix(list.Title(), "劳务协作"))
	}
	if list == report.Relief && (r.From.IsZero() || r.To.IsZero()) {
		return env.Fail("慰问金签领表请用 --from 和 --to 指定慰问日期的范围")
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		return env.Fail("截止日期 %s 早于起始日期 %s", r.To, r.From)
	}
	return c.open(reading, func(s *storage.Store) int {
		res, err := report.Print(s, list, *out, report.Options{Range: r, FullIDs: *fullIDs})
		if err != nil {
			return env.Fail("%v", err)
		}
		fmt.Fprintf(env.Stdout, "已生成%s %s：%d 条，共 %d 页\n", list.Title(), *out, res.Rows, res.Pages)
		if len(res.Missing) > 0 {
			fmt.Fprintf(env.Stdout, "注意：字体中缺少这些字，打印为□，请在纸上手写补齐：%s\n", string(res.Missing))
		}
		return ExitOK
	})
}
