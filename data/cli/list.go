package cli

import (
	"fmt"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/storage"
)

// listed is one row of duikou list: the record's id and the name a clerk
// knows it by, with a few fields to tell namesakes apart. Its JSON form is
// documented in the README; keep the field names stable.
type listed struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Detail string `json:"detail"` // 户籍地 / 所在地 / 用工单位 / 用工单位·岗位
	Status string `json:"status"` // the record's status or stage, in Chinese
	// Left is a demand's headcount still to fill.
	Left *int `json:"left,omitempty"`
}

// listKind reads one kind of record page by page.
type listKind struct {
	detail string // the Detail column's heading
	status string // the Status column's heading
	rows   func(s *storage.Store, text string, p data.Page) ([]listed, *data.Cursor, error)
}

var listKinds = map[string]listKind{
	"workers":    {"户籍地", "状态", listWorkers},
	"employers":  {"所在地", "已建会", listEmployers},
	"demands":    {"用工单位", "状态", listDemands},
	"placements": {"用工单位·岗位", "阶段", listPlacements},
}

// runList: duikou list workers|employers|demands|placements --db PATH
// [--search TEXT] [--json]. It only reads, so it runs beside a window.
func runList(env *Env, args []string) int {
	c := env.dbCommand("list", dbUsage, "KIND --db 数据库 [--search TEXT] [--json]",
		"KIND  workers 劳动者、employers 用工单位、demands 用工需求、placements 就业安置")
	search := c.String("search", "", "只列出名称（劳动者姓名、单位名称、岗位名称）含这段文字的")
	asJSON := c.Bool("json", false, "以 JSON 输出（格式见 README）")
	pos, code, ok := c.positionals(args, 1)
	if !ok {
		return code
	}
	kind, ok := listKinds[pos[0]]
	if !ok {
		return env.Fail("不能列出 %q（可列出：workers、employers、demands、placements）", pos[0])
	}
	all := []listed{}
	if code := c.open(reading, func(s *storage.Store) int {
		page := data.Page{Limit: 500}
		for {
			rows, next, err := kind.rows(s, *search, page)
			if err != nil {
				return env.Fail("无法读取：%v", err)
			}
			all = append(all, rows...)
			if next == nil || len(rows) < page.Limit {
				return ExitOK
			}
			page.After = next
		}
	}); code != ExitOK {
		return code
	}
	if *asJSON {
		return writeJSON(env, all)
	}
	if len(all) == 0 {
		fmt.Fprintln(env.Stdout, "没有记录")
		return ExitOK
	}
	table := [][]string{{"编号", "名称", kind.detail, kind.status}}
	for _, r := range all {
		table = append(table, []string{r.ID, r.Name, r.Detail, r.Status})
	}
	writeTable(env.Stdout, table)
	fmt.Fprintf(env.Stdout, "共 %d 条\n", len(all))
	return ExitOK
}

func listWorkers(s *storage.Store, text string, p data.Page) ([]listed, *data.Cursor, error) {
	ws, next, err := s.ListWorkers(data.WorkerFilter{Text: text}, p)
	out := make([]listed, len(ws))
	for i, w := range ws {
		out[i] = listed{ID: w.ID, Name: w.Name, Detail: regionText(w.HukouRegion), Status: w.Status.Label()}
	}
	return out, next, err
}

func listEmployers(s *storage.Store, text string, p data.Page) ([]listed, *data.Cursor, error) {
	es, next, err := s.ListEmployers(data.EmployerFilter{Text: text}, p)
	out := make([]listed, len(es))
	for i, e := range es {
		union := "否"
		if e.HasUnion {
			union = "是"
		}
		out[i] = listed{ID: e.ID, Name: e.Name, Detail: regionText(e.Region), Status: union}
	}
	return out, next, err
}

func listDemands(s *storage.Store, text string, p data.Page) ([]listed, *data.Cursor, error) {
	ds, next, err := s.ListDemands(data.DemandFilter{Text: text}, p)
	out := make([]listed, len(ds))
	for i, d := range ds {
		name := d.Title
		if name == "" {
			name = occupationLabel(d.Occupation)
		}
		left := d.Left()
		out[i] = listed{ID: d.ID, Name: name, Detail: d.EmployerName(),
			Status: fmt.Sprintf("%s，还缺 %d 人", d.Status.Label(), left), Left: &left}
	}
	return out, next, err
}

func listPlacements(s *storage.Store, text string, p data.Page) ([]listed, *data.Cursor, error) {
	ps, next, err := s.ListPlacements(data.PlacementFilter{Text: text}, p)
	out := make([]listed, len(ps))
	for i, pl := range ps {
		r := listed{ID: pl.ID, Status: pl.Stage.Label()}
		if pl.Worker != nil {
			r.Name = pl.Worker.Name
		}
		if d := pl.Demand; d != nil {
			title := d.Title
			if title == "" {
				title = occupationLabel(d.Occupation)
			}
			if d.Employer != nil {
				title = d.Employer.Name + "·" + title
			}
			r.Detail = title
		}
		out[i] = r
	}
	return out, next, err
}

// regionText is catalog.FullName, under the name this file reads.
var regionText = catalog.FullName
