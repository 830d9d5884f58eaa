package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"duikou/data/exchange"
	"duikou/data/storage"
)

// runSync: duikou sync export|import ...
func runSync(env *Env, args []string) int {
	return env.runGroup("sync", []subcommand{
		{"export", "--db 数据库 --to 协作单位 -o FILE", "为协作单位导出交换文件 FILE", nil, runSyncExport},
		{"import", "--db 数据库 FILE [--dry-run]", "导入协作单位发来的交换文件 FILE（先用 --dry-run 预览）",
			[]string{"FILE  对方发来的交换文件"}, runSyncImport},
	}, args)
}

// runSyncExport: duikou sync export --db PATH --to PARTNER -o FILE, where
// PARTNER is the partner's office id or union name.
func runSyncExport(c *dbCommand, args []string) int {
	env := c.env
	to := c.requiredString("to", "协作单位的编号或工会名称", "请用 --to 指定协作单位（编号或工会名称）")
	out := c.requiredString("o", "交换文件", "请用 -o 指定交换文件")
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	return c.open(writing, func(s *storage.Store) int {
		p, err := exchange.FindPartner(s, *to)
		if err != nil {
			return env.Fail("%v", err)
		}
		m, err := exchange.ExportFile(s, p.ID, *out)
		if err != nil {
			return env.Fail("未导出：%v", err)
		}
		fmt.Fprintf(env.Stdout, "已导出交换文件 %s\n发给：%s\n变更 %d 条，记录 %d 条%s\n", *out, p.Name, m.Counts.Ops, m.Counts.Rows, tableCounts(m.Counts.Tables))
		return ExitOK
	})
}

// tableCounts is "（劳动者 5，用工单位 1）" in the order records travel.
func tableCounts(tables map[string]int) string {
	var parts []string
	for _, t := range storage.SyncedTables() {
		if n := tables[string(t)]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", storage.TableLabel(t), n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// runSyncImport: duikou sync import --db PATH FILE [--dry-run]. Exit 2 for
// a file refused as a whole (one line on stderr, nothing written), 1 when
// records in it failed validation (nothing imported either), 0 otherwise.
func runSyncImport(c *dbCommand, args []string) int {
	env := c.env
	dryRun := c.Bool("dry-run", false, "只预览，不写入数据库")
	pos, err := parse(c.FlagSet, args)
	if err != nil {
		return parseExit(err)
	}
	switch {
	case len(pos) == 0:
		return env.Fail("请给出要导入的交换文件")
	case len(pos) > 1:
		return env.Fail("一次只能导入一个交换文件，多出参数 %q", pos[1])
	}
	return c.open(writing, func(s *storage.Store) int { return syncImport(env, s, pos[0], *dryRun) })
}

// syncImport reads the exchange file and, unless dryRun, applies it.
func syncImport(env *Env, s *storage.Store, file string, dryRun bool) int {
	o, err := exchange.OpenFile(s, file)
	if err != nil {
		return env.Fail("未导入 %s：%v", filepath.Base(file), err)
	}
	from := o.Manifest.From.Name
	if o.AlreadyImported {
		fmt.Fprintf(env.Stdout, "来自 %s 的交换文件 %s 已导入过，未作任何更改。\n", from, filepath.Base(file))
		return ExitOK
	}
	if dryRun {
		sum, err := o.DryRun()
		if err != nil {
			return env.Fail("未导入 %s：%v", filepath.Base(file), err)
		}
		fmt.Fprintf(env.Stdout, "预览（未写入数据库）：来自 %s 的交换文件 %s\n%s\n", from, filepath.Base(file), summaryLine(sum))
		if sum.Withdrawn > 0 {
			fmt.Fprintf(env.Stdout, "%d 名劳动者已由登记单位撤回共享同意：导入后将删除本单位保存的其个人信息。\n", sum.Withdrawn)
		}
		return printRefused(env, sum, true)
	}
	res, err := o.Apply(o.FileName)
	if errors.Is(err, exchange.ErrRecordsRefused) {
		fmt.Fprintf(env.Stdout, "未导入：来自 %s 的交换文件 %s 中有记录未通过校验\n%s\n", from, filepath.Base(file), summaryLine(res.Summary))
		return printRefused(env, res.Summary, false)
	}
	if err != nil {
		return env.Fail("未导入 %s：%v", filepath.Base(file), err)
	}
	if res.AlreadyImported {
		fmt.Fprintf(env.Stdout, "来自 %s 的交换文件 %s 已导入过，未作任何更改。\n", from, filepath.Base(file))
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "已导入来自 %s 的交换文件 %s\n%s\n导入前的备份：%s\n", from, filepath.Base(file), summaryLine(res.Summary), res.Backup)
	if res.Summary.Conflicts > 0 {
		fmt.Fprintf(env.Stdout, "有 %d 处双方同时修改的内容，已暂按统一规则取值，请在“冲突处理”中逐一确认。\n", res.Summary.Conflicts)
	}
	if res.Summary.Withdrawn > 0 {
		fmt.Fprintf(env.Stdout, "%d 名劳动者已由登记单位撤回共享同意，已删除本单位保存的其个人信息。\n", res.Summary.Withdrawn)
	}
	return ExitOK
}

// summaryLine is the import's count in the clerk's words.
func summaryLine(sum *storage.ApplySummary) string {
	return fmt.Sprintf("新增 %d 条，更新 %d 条，未变 %d 条，冲突 %d 处，拒收 %d 条",
		sum.New, sum.Updated, sum.Unchanged, sum.Conflicts, len(sum.Refused))
}

// printRefused lists the records that failed validation; exit 1 if any.
func printRefused(env *Env, sum *storage.ApplySummary, dryRun bool) int {
	if len(sum.Refused) == 0 {
		return ExitOK
	}
	for _, r := range sum.Refused {
		fmt.Fprintln(env.Stdout, "拒收："+r)
	}
	what := "整个文件未导入"
	if dryRun {
		what = "导入时整个文件将被拒收"
	}
	fmt.Fprintf(env.Stderr, "duikou: %d 条记录未通过校验，%s；请对方更正后重新导出\n", len(sum.Refused), what)
	return ExitRejected
}
