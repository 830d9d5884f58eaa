package cli

import (
	"fmt"

	"duikou/data"
	"duikou/data/report"
	"duikou/data/storage"
)

func init() {
	register("print", "打印就业安置花名册、劳动者名册或跟踪服务台账为 PDF", runPrint)
}

// runPrint: duikou print placements|workers|followups --db PATH -o
// FILE.pdf [--from DATE] [--to DATE] [--full-ids].
func runPrint(env *Env, args []string) int {
	fs := env.flags("print")
	db := fs.String("db", "", dbUsage)
	out := fs.String("o", "", "PDF 文件")
	from := fs.String("from", "", "起始日期（含），如 2026-03-01")
	to := fs.String("to", "", "截止日期（含）")
	fullIDs := fs.Bool("full-ids", false, "打印完整身份证号和电话（记入操作日志）；默认隐去中间部分")
	pos, err := parse(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 {
		return env.Fail("用法：duikou print placements|workers|followups --db 数据库 -o 文件.pdf [--from 日期] [--to 日期] [--full-ids]")
	}
	list, ok := report.ParseList(pos[0])
	if !ok {
		return env.Fail("不能打印 %q（可打印：placements 就业安置花名册、workers 劳动者名册、followups 跟踪服务台账）", pos[0])
	}
	if *out == "" {
		return env.Fail("请用 -o 指定 PDF 文件")
	}
	var r storage.DateRange
	if r.From, err = data.ParseDate(*from); err != nil {
		return env.Fail("--from：%v", err)
	}
	if r.To, err = data.ParseDate(*to); err != nil {
		return env.Fail("--to：%v", err)
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		return env.Fail("截止日期 %s 早于起始日期 %s", r.To, r.From)
	}
	s, code := openForReading(env, *db)
	if s == nil {
		return code
	}
	defer s.Close()
	res, err := report.Print(s, list, *out, report.Options{Range: r, FullIDs: *fullIDs})
	if err != nil {
		return env.Fail("%v", err)
	}
	fmt.Fprintf(env.Stdout, "已生成%s %s：%d 条，共 %d 页\n", list.Title(), *out, res.Rows, res.Pages)
	if len(res.Missing) > 0 {
		fmt.Fprintf(env.Stdout, "注意：字体中缺少这些字，打印为□，请在纸上手写补齐：%s\n", string(res.Missing))
	}
	return ExitOK
}
