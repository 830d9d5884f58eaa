package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"duikou/data"
	"duikou/data/monitor"
	"duikou/data/storage"
)

// monitorJSON is `duikou monitor --json`: {"as_of":DATE,"flags":[...]},
// flags never null.
type monitorJSON struct {
	AsOf  string         `json:"as_of"`
	Flags []monitor.Flag `json:"flags"`
}

// roundJSON is `duikou monitor --round --json`.
type roundJSON struct {
	AsOf    string `json:"as_of"`
	Month   string `json:"month"`
	Flagged int    `json:"flagged"`
	Added   int    `json:"added"`
}

// runMonitor: duikou monitor --db PATH [--as-of DATE] [--json], or with
// --round --month YYYY-MM, which files one 回访 per flagged worker in
// that month (none for a worker who already has one there).
func runMonitor(env *Env, args []string) int {
	c := env.dbCommand("monitor", dbUsage, "--db 数据库 [--as-of 日期] [--json] 或 --db 数据库 --round --month YYYY-MM")
	asOfText := c.String("as-of", "", "核查日期，如 2026-12-06（默认今天）")
	asJSON := c.Bool("json", false, "以 JSON 输出（格式见 README）")
	round := c.Bool("round", false, "为每名有风险的劳动者安排一次回访（需同时给 --month）")
	monthText := c.String("month", "", "回访安排在哪个月，如 2026-12")
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	var err error
	asOf := data.Today()
	if *asOfText != "" {
		if asOf, err = data.ParseDate(*asOfText); err != nil {
			return env.Fail("--as-of 的%v", err)
		}
	}
	var month storage.DateRange
	switch {
	case *round && *monthText == "":
		return env.Fail("安排回访请用 --month 指定月份，如 --month 2026-12")
	case !*round && *monthText != "":
		return env.Fail("--month 只用于安排回访（--round）")
	case *round:
		if month, err = parseMonth(*monthText); err != nil {
			return env.Fail("%v", err)
		}
	}
	return c.open(writingWhen(*round), func(s *storage.Store) int {
		flags, err := s.MonitorFlags(asOf)
		if err != nil {
			return env.Fail("返贫监测失败：%v", err)
		}
		if flags == nil {
			flags = []monitor.Flag{}
		}
		switch {
		case *round:
			return scheduleRound(env, s, flags, asOf, month, *monthText, *asJSON)
		case *asJSON:
			return writeCompactJSON(env, monitorJSON{AsOf: asOf.String(), Flags: flags})
		}
		return printRiskFlags(env, flags, asOf, s.MonitorRule())
	})
}

// scheduleRound files one 回访 per flagged worker in month and says how
// many it added.
func scheduleRound(env *Env, s *storage.Store, flags []monitor.Flag, asOf data.Date, month storage.DateRange, monthText string, asJSON bool) int {
	added, err := s.ScheduleRiskCheckIns(flags, month)
	if err != nil {
		return env.Fail("%v", err)
	}
	if asJSON {
		return writeCompactJSON(env, roundJSON{AsOf: asOf.String(), Month: monthText, Flagged: len(flags), Added: added})
	}
	fmt.Fprintf(env.Stdout, "有返贫风险 %d 人，新安排%d年%d月回访 %d 条", len(flags), month.From.Year, int(month.From.Month), added)
	if skipped := len(flags) - added; skipped > 0 {
		fmt.Fprintf(env.Stdout, "（%d 人当月已有回访，未重复安排）", skipped)
	}
	fmt.Fprintln(env.Stdout)
	return ExitOK
}

// printRiskFlags lists the flagged workers under the rule they were read by.
func printRiskFlags(env *Env, flags []monitor.Flag, asOf data.Date, r monitor.Rule) int {
	fmt.Fprintf(env.Stdout, "返贫监测　核查日期：%s　规则：离职或返乡超过%d天未再上岗、欠薪或工伤案件未结、在岗超过%d天无回访\n",
		asOf, r.OutOfWorkDays, r.QuietDays)
	if len(flags) == 0 {
		fmt.Fprintln(env.Stdout, "没有发现有返贫风险的脱贫户或监测对象。")
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "有返贫风险 %d 人：\n", len(flags))
	rows := [][]string{{"序号", "姓名", "类别", "风险原因"}}
	for i, f := range flags {
		rows = append(rows, []string{fmt.Sprint(i + 1), f.Name, f.Poverty.Label(), strings.Join(f.Reasons, "；")})
	}
	writeTable(env.Stdout, rows)
	return ExitOK
}

// parseMonth reads "2026-12" (also "2026/12" and "202612") as the range
// of that month.
func parseMonth(s string) (storage.DateRange, error) {
	for _, layout := range []string{"2006-01", "2006/01", "200601", "2006-1"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return storage.MonthRange(data.DateOf(t)), nil
		}
	}
	return storage.DateRange{}, fmt.Errorf("--month 的月份“%s”格式不对，应为 2026-12", s)
}

// writeCompactJSON prints v as one line of JSON, Chinese left as it is.
func writeCompactJSON(env *Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return env.Fail("输出失败：%v", err)
	}
	return ExitOK
}
