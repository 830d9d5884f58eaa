package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"duikou/data"
	"duikou/data/report"
	"duikou/data/sheet"
	"duikou/data/storage"
	"duikou/data/subsidy"
)

const subsidyUsage = "用法：duikou subsidy --rules 规则.xlsx --db 数据库 [--as-of 日期] [-o 申报花名册.xlsx | --pdf 公示名单|签领表 -o 文件.pdf] [--json] [--apply] [--full-ids]；duikou subsidy --template -o 规则.xlsx"

// subsidyJSON is the --json shape, as the README documents it.
type subsidyJSON struct {
	Program   string         `json:"program"`
	AsOf      data.Date      `json:"as_of"`
	Count     int            `json:"count"`
	TotalYuan json.Number    `json:"total_yuan"`
	Eligible  []eligibleJSON `json:"eligible"`
	Excluded  []excludedJSON `json:"excluded"`
}

type eligibleJSON struct {
	WorkerID    string      `json:"worker_id"`
	Name        string      `json:"name"`
	Destination string      `json:"destination"`
	Months      int         `json:"months"`
	AmountYuan  json.Number `json:"amount_yuan"`
}

type excludedJSON struct {
	WorkerID string `json:"worker_id"`
	Reason   string `json:"reason"`
}

// runSubsidy: duikou subsidy --rules FILE --db PATH [--program NAME]
// [--as-of DATE] [-o FILE.xlsx | --pdf 公示名单|签领表 -o FILE.pdf]
// [--json] [--apply] [--full-ids], or --template -o FILE.xlsx. Everything
// the clerk typed and the rules file are checked before anything is
// written.
func runSubsidy(env *Env, args []string) int {
	c := env.dbCommand("subsidy", dbUsage, "--rules 规则文件 --db 数据库 [--program 项目] [--as-of 日期] [-o FILE.xlsx | --pdf 公示名单|签领表 -o FILE.pdf] [--json] [--apply] [--full-ids]，或 --template -o FILE.xlsx")
	rulesPath := c.String("rules", "", "补贴规则文件（.xlsx 或 .csv）")
	program := c.String("program", "", "规则文件有多个项目时，选其中一个")
	asOfText := c.String("as-of", "", "核算日（默认今天），在岗者的务工月数算到这一天")
	out := c.String("o", "", "输出文件：申报花名册 .xlsx，或与 --pdf 一起的 .pdf")
	pdf := c.String("pdf", "", "打印 公示名单 或 签领表（PDF，用 -o 指定文件）")
	asJSON := c.Bool("json", false, "以 JSON 输出（格式见 README）")
	apply := c.Bool("apply", false, "确认申报：为名单上的劳动者记录申报，以后不再重复申报")
	fullIDs := c.Bool("full-ids", false, "花名册和签领表写完整身份证号（记入操作日志）；默认隐去中间部分")
	template := c.Bool("template", false, "写出补贴规则示例文件（崇信县标准，不需要数据库）")
	pos, err := parse(c.FlagSet, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) > 0 {
		return env.Fail("%s", subsidyUsage)
	}
	if *template {
		if *out == "" || !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			return env.Fail("请用 -o 指定规则示例文件（.xlsx）")
		}
		if err := sheet.WriteSubsidyTemplate(*out); err != nil {
			return env.Fail("%v", err)
		}
		fmt.Fprintf(env.Stdout, "已写出补贴规则示例 %s（崇信县一次性交通补贴标准）\n", *out)
		return ExitOK
	}
	form, code := subsidyOutput(env, *out, *pdf, *fullIDs)
	if code != ExitOK {
		return code
	}
	if *rulesPath == "" {
		return env.Fail("请用 --rules 指定补贴规则文件（可用 duikou subsidy --template -o 规则.xlsx 写出示例）")
	}
	rules, name, code := loadRules(env, *rulesPath, *program)
	if code != ExitOK {
		return code
	}
	var asOf data.Date
	if asOf, err = data.ParseDate(*asOfText); err != nil {
		return env.Fail("--as-of：%v", err)
	}
	// --apply is a writer: the claims are recorded.
	return c.open(writingWhen(*apply), func(s *storage.Store) int {
		if asOf.IsZero() {
			asOf = s.Today()
		}
		r, err := s.SubsidyRoster(rules, name, asOf)
		if err != nil {
			return env.Fail("%v", err)
		}
		say := env.Stdout // what was written, unless stdout is for the JSON
		if *asJSON {
			say = env.Stderr
		}
		if code := writeSubsidyFiles(env, say, s, r, *out, form, *fullIDs); code != ExitOK {
			return code
		}
		added := 0
		if *apply {
			if added, err = s.ApplyClaims(r); err != nil {
				return env.Fail("确认申报失败，未记录任何申报：%v", err)
			}
		}
		if *asJSON {
			return writeJSON(env, rosterJSON(r))
		}
		fmt.Fprintf(env.Stdout, "项目“%s”　核算日 %s：%s\n", r.Program, r.AsOf, r.Summary())
		if *apply {
			fmt.Fprintf(env.Stdout, "已确认申报 %d 人（已记入操作日志；再次生成时列为“已申报”）\n", added)
		}
		return ExitOK
	})
}

// subsidyOutput checks -o and --pdf together: a roster goes to .xlsx, a
// printed form to .pdf, and a 公示名单 never shows whole ID numbers.
func subsidyOutput(env *Env, out, pdf string, fullIDs bool) (report.SubsidyForm, int) {
	ext := strings.ToLower(filepath.Ext(out))
	if pdf == "" {
		if out != "" && ext != ".xlsx" {
			return "", env.Fail("申报花名册请存为 .xlsx（打印 PDF 请加 --pdf 公示名单 或 --pdf 签领表）：%s", filepath.Base(out))
		}
		return "", ExitOK
	}
	form, ok := report.ParseSubsidyForm(pdf)
	if !ok {
		return "", env.Fail("--pdf 只能是 公示名单 或 签领表，不是 %q", pdf)
	}
	if out == "" || ext != ".pdf" {
		return "", env.Fail("请用 -o 指定%s的 PDF 文件（.pdf）", form)
	}
	if form == report.Notice && fullIDs {
		return "", env.Fail("公示名单要张贴公示，不能打印完整身份证号（去掉 --full-ids）")
	}
	return form, ExitOK
}

// loadRules reads and checks the rules file and picks the 项目.
func loadRules(env *Env, path, program string) (subsidy.Rules, string, int) {
	rules, err := sheet.ReadSubsidyRules(path)
	if err != nil {
		return nil, "", env.Fail("%v", err)
	}
	programs := rules.Programs()
	switch {
	case program != "" && !slices.Contains(programs, program):
		return nil, "", env.Fail("规则文件中没有项目“%s”（有：%s）", program, strings.Join(programs, "、"))
	case program != "":
		return rules, program, ExitOK
	case len(programs) > 1:
		return nil, "", env.Fail("规则文件有 %d 个项目（%s），请用 --program 选一个", len(programs), strings.Join(programs, "、"))
	}
	return rules, programs[0], ExitOK
}

// writeSubsidyFiles writes the roster workbook or the printed form, each
// audited, the workbook's whole ID numbers noted when asked for.
func writeSubsidyFiles(env *Env, say io.Writer, s *storage.Store, r *subsidy.Roster, out string, form report.SubsidyForm, fullIDs bool) int {
	switch {
	case out == "":
		return ExitOK
	case form != "":
		res, err := report.PrintSubsidy(s, r, form, out, fullIDs)
		if err != nil {
			return env.Fail("%v", err)
		}
		fmt.Fprintf(say, "已生成“%s”%s %s：%d 人，共 %d 页\n", r.Program, form, out, res.Rows, res.Pages)
		if len(res.Missing) > 0 {
			fmt.Fprintf(say, "注意：字体中缺少这些字，打印为□，请在纸上手写补齐：%s\n", string(res.Missing))
		}
		return ExitOK
	}
	if err := sheet.ExportRoster(s, r, out, fullIDs); err != nil {
		return env.Fail("%v", err)
	}
	how := "身份证号已隐去中间部分"
	if fullIDs {
		how = "含完整身份证号，已记入操作日志"
	}
	fmt.Fprintf(say, "已导出申报花名册 %s（%s）\n", out, how)
	return ExitOK
}

func rosterJSON(r *subsidy.Roster) subsidyJSON {
	j := subsidyJSON{Program: r.Program, AsOf: r.AsOf, Count: len(r.Eligible), TotalYuan: json.Number(r.Total.String()),
		Eligible: []eligibleJSON{}, Excluded: []excludedJSON{}}
	for _, e := range r.Eligible {
		j.Eligible = append(j.Eligible, eligibleJSON{e.Worker.ID, e.Worker.Name, e.Destination(), e.Months, json.Number(e.Amount().String())})
	}
	for _, x := range r.Excluded {
		j.Excluded = append(j.Excluded, excludedJSON{x.Worker.ID, string(x.Reason)})
	}
	return j
}
