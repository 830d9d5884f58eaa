package cli

import (
	"fmt"

	"duikou/data/sheet"
	"duikou/data/storage"
)

// runExport: duikou export workers|employers|demands|placements|followups
// --db PATH -o FILE(.xlsx|.csv) [--full-ids], or --template -o FILE.xlsx
// for an empty import template (no database needed).
func runExport(env *Env, args []string) int {
	c := env.dbCommand("export", dbUsage, "KIND --db 数据库 -o FILE.xlsx|FILE.csv [--full-ids]  或  KIND --template -o FILE.xlsx",
		"KIND  workers 劳动者、employers 用工单位、demands 用工需求、placements 就业安置、followups 跟踪服务")
	out := c.String("o", "", "导出文件（.xlsx 或 .csv）")
	fullIDs := c.Bool("full-ids", false, "导出完整身份证号和电话（记入操作日志）；默认隐去中间部分")
	template := c.Bool("template", false, "写出导入模板（不需要数据库）")
	pos, code, ok := c.positionals(args, 1)
	if !ok {
		return code
	}
	kind, ok := sheet.ParseKind(pos[0])
	if !ok {
		return env.Fail("不能导出 %q（可导出：workers、employers、demands、placements、followups）", pos[0])
	}
	if *out == "" {
		return env.Fail("请用 -o 指定导出文件（.xlsx 或 .csv）")
	}
	if *template {
		if !kind.Importable() {
			return env.Fail("%s没有导入模板", kind.Label())
		}
		if code := env.needExt(*out, ".xlsx"); code != ExitOK {
			return code
		}
		if err := sheet.WriteTemplate(kind, *out); err != nil {
			return env.Fail("%v", err)
		}
		fmt.Fprintf(env.Stdout, "已写出%s导入模板 %s\n", kind.Label(), *out)
		return ExitOK
	}
	if _, err := sheet.FormatOf(*out); err != nil {
		return env.Fail("%v", err)
	}
	return c.open(reading, func(s *storage.Store) int {
		n, err := sheet.Export(s, kind, *out, sheet.ExportOptions{FullIDs: *fullIDs})
		if err != nil {
			return env.Fail("%v", err)
		}
		how := "身份证号、电话已隐去中间部分"
		if *fullIDs {
			how = "含完整身份证号和电话，已记入操作日志"
		}
		fmt.Fprintf(env.Stdout, "已导出%s %d 条到 %s（%s）\n", kind.Label(), n, *out, how)
		return ExitOK
	})
}
