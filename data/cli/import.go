package cli

import (
	"fmt"

	"duikou/data/sheet"
	"duikou/data/storage"
)

// runImport: duikou import workers|employers|demands FILE --db PATH
// [--dry-run] [--update]. It prints the row-by-row report and exits 1 when
// any row was refused, 2 when the file itself cannot be used (nothing is
// written then).
func runImport(env *Env, args []string) int {
	c := env.dbCommand("import", dbUsage, "KIND FILE --db 数据库 [--dry-run] [--update]",
		"KIND  workers 劳动者、employers 用工单位、demands 用工需求", "FILE  要导入的 .xlsx 或 .csv 文件")
	dryRun := c.Bool("dry-run", false, "只预览，不写入")
	update := c.Bool("update", false, "已登记过的（身份证号或信用代码相同）用表中填写的内容更新；默认跳过")
	pos, code, ok := c.positionals(args, 2)
	if !ok {
		return code
	}
	kind, ok := sheet.ParseKind(pos[0])
	if !ok || !kind.Importable() {
		return env.Fail("不能导入 %q（可导入：workers 劳动者、employers 用工单位、demands 用工需求）", pos[0])
	}
	return c.open(writing, func(s *storage.Store) int {
		var rep *sheet.Report
		if *dryRun {
			plan, err := sheet.Preview(s, kind, pos[1], nil)
			if err != nil {
				return env.Fail("%v", err)
			}
			rep = &plan.Report
		} else {
			onDup := sheet.Skip
			if *update {
				onDup = sheet.Update
			}
			var err error
			if rep, err = sheet.Import(s, kind, pos[1], onDup, nil); err != nil {
				return env.Fail("未导入：%v", err)
			}
		}
		fmt.Fprint(env.Stdout, rep.Text())
		if rep.Refused > 0 {
			return ExitRejected
		}
		return ExitOK
	})
}
