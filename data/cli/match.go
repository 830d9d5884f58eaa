package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/recommend"
)

// runMatch: duikou match --db PATH (--demand ID | --worker ID) [--top N]
// [--json]. The ranking is the match screen's (both come from
// recommend.Matcher); --json prints it as a list of recommend.Ranked.
func runMatch(env *Env, args []string) int {
	c := env.dbCommand("match", dbUsage, "--db 数据库 (--demand 编号 | --worker 编号) [--top N] [--json]（编号用 duikou list demands|workers 查看）")
	demandID := c.String("demand", "", "用工需求编号：为它推荐劳动者")
	workerID := c.String("worker", "", "劳动者编号：为他/她推荐岗位")
	top := c.Int("top", 20, "列出前 N 名")
	asJSON := c.Bool("json", false, "以 JSON 输出")
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	switch {
	case (*demandID == "") == (*workerID == ""):
		return env.Fail("请用 --demand 或 --worker 指定一条用工需求或一名劳动者（二选一）")
	case *top <= 0:
		return env.Fail("--top 应为正整数，现为 %d", *top)
	}
	var ranked []recommend.Ranked
	var heading, none string
	if code := c.match(reading, func(m *recommend.Matcher) int {
		var err error
		if *demandID != "" {
			if ranked, err = m.TopWorkers(*demandID, *top); err != nil {
				return env.failLookup(err, "用工需求", *demandID)
			}
			d, _, _ := m.Demand(*demandID)
			heading = fmt.Sprintf("用工需求：%s（%s，%s，还缺 %d 人，推荐中 %d 人）",
				recommend.DemandName(d), occupationLabel(d.Occupation), catalog.FullName(d.WorkRegion), d.Left, d.Referred)
			none = "没有符合条件的劳动者"
			if why, _ := m.DemandClosed(*demandID); why != "" {
				none = why + "，不推荐劳动者"
			}
			return ExitOK
		}
		if ranked, err = m.TopDemands(*workerID, *top); err != nil {
			return env.failLookup(err, "劳动者", *workerID)
		}
		w, _, _ := m.Worker(*workerID)
		heading = "劳动者：" + w.Name
		none = "没有符合条件的用工需求"
		if why, _ := m.WorkerUnavailable(*workerID); why != "" {
			none = why + "，不推荐岗位"
		}
		return ExitOK
	}); code != ExitOK {
		return code
	}

	if *asJSON {
		if ranked == nil {
			ranked = []recommend.Ranked{}
		}
		return writeJSON(env, ranked)
	}
	fmt.Fprintln(env.Stdout, heading)
	if len(ranked) == 0 {
		fmt.Fprintln(env.Stdout, none)
		return ExitOK
	}
	who := "姓名"
	if *workerID != "" {
		who = "用工需求"
	}
	rows := [][]string{{"排名", who, "分数", "匹配度", "符合", "欠缺"}}
	for i, r := range ranked {
		rows = append(rows, []string{fmt.Sprint(i + 1), r.Name, fmt.Sprintf("%.3f", r.Score), r.BandLabel,
			joinOrDash(r.Reasons), joinOrDash(r.Missing)})
	}
	writeTable(env.Stdout, rows)
	return ExitOK
}

// failLookup reports an id the database does not hold, or another error.
func (env *Env) failLookup(err error, kind, id string) int {
	if errors.Is(err, data.ErrNotFound) {
		return env.Fail("未找到%s %s（编号不存在或已删除）", kind, id)
	}
	return env.Fail("匹配失败：%v", err)
}

// writeJSON prints v as indented JSON, Chinese left as it is.
func writeJSON(env *Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return env.Fail("输出失败：%v", err)
	}
	return ExitOK
}

// occupationLabel is catalog.OccupationName, under the name this package reads.
var occupationLabel = catalog.OccupationName

func joinOrDash(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	return strings.Join(xs, "；")
}

// writeTable prints rows in columns padded to their display width (a
// Chinese character takes two columns in a terminal); the last column is
// not padded.
func writeTable(w io.Writer, rows [][]string) {
	widths := map[int]int{}
	for _, row := range rows {
		for i, cell := range row[:len(row)-1] {
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			if r != utf8.RuneError {
				n++
			}
		}
	}
	return n
}
