package cli

import (
	"fmt"
	"strings"

	"duikou/data/match"
	"duikou/data/recommend"
)

// allocationJSON is the stable --json form of an allocation.
type allocationJSON struct {
	Assignments      []assignmentJSON `json:"assignments"`
	TotalScore       float64          `json:"total_score"`
	GreedyTotalScore float64          `json:"greedy_total_score"`
	Unfilled         []unfilledJSON   `json:"unfilled"`
}

type assignmentJSON struct {
	WorkerID string  `json:"worker_id"`
	DemandID string  `json:"demand_id"`
	Score    float64 `json:"score"`
}

type unfilledJSON struct {
	DemandID string `json:"demand_id"`
	Left     int    `json:"left"`
}

func allocationToJSON(a match.Allocation) allocationJSON {
	out := allocationJSON{
		Assignments:      make([]assignmentJSON, len(a.Assignments)),
		TotalScore:       a.TotalScore,
		GreedyTotalScore: a.GreedyTotalScore,
		Unfilled:         make([]unfilledJSON, len(a.Unfilled)),
	}
	for i, x := range a.Assignments {
		out.Assignments[i] = assignmentJSON{x.WorkerID, x.DemandID, x.Score}
	}
	for i, u := range a.Unfilled {
		out.Unfilled[i] = unfilledJSON{u.DemandID, u.Left}
	}
	return out
}

// runAllocate: duikou allocate --db PATH [--demands ID,ID...] [--json]
// [--apply]. Without --demands every open demand with headcount left takes
// part. --apply records the assignments as placements at 已推荐, all or
// none; when it fails nothing is printed on stdout.
func runAllocate(env *Env, args []string) int {
	c := env.dbCommand("allocate", dbUsage, "--db 数据库 [--demands 编号,编号…] [--json] [--apply]")
	list := c.String("demands", "", "参加分配的用工需求编号，用逗号分隔（缺省：全部招聘中的用工需求）")
	asJSON := c.Bool("json", false, "以 JSON 输出")
	apply := c.Bool("apply", false, "把分配结果记录为就业安置（已推荐）")
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	var ids []string
	for _, id := range strings.Split(*list, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	if strings.TrimSpace(*list) != "" && len(ids) == 0 {
		return env.Fail("--demands 中没有用工需求编号")
	}
	var alloc match.Allocation
	var workers, demands map[string]string
	applied := 0
	if code := c.match(writing, func(m *recommend.Matcher) int {
		var err error
		if alloc, err = m.Allocate(ids, nil); err != nil {
			return env.failLookup(err, "用工需求", lookupID(err, ids))
		}
		// Names are read before --apply, which takes the workers out of the pool.
		if workers, demands, err = m.AllocationNames(alloc); err != nil {
			return env.Fail("分配失败：%v", err)
		}
		if *apply {
			if applied, err = m.Apply(alloc); err != nil {
				return env.Fail("未记录任何就业安置：%v", err)
			}
		}
		return ExitOK
	}); code != ExitOK {
		return code
	}
	if *asJSON {
		return writeJSON(env, allocationToJSON(alloc))
	}

	positions := 0
	for _, u := range alloc.Unfilled {
		positions += u.Left
	}
	positions += len(alloc.Assignments)
	fmt.Fprintf(env.Stdout, "岗位 %d 个，分配 %d 人，总分 %.3f（逐个取最高分的贪心分配为 %.3f，分配 %d 人）\n",
		positions, len(alloc.Assignments), alloc.TotalScore, alloc.GreedyTotalScore, alloc.GreedyAssigned)
	if len(alloc.Assignments) > 0 {
		rows := [][]string{{"用工需求", "劳动者", "分数", "匹配度"}}
		for _, a := range alloc.Assignments {
			rows = append(rows, []string{demands[a.DemandID], workers[a.WorkerID], fmt.Sprintf("%.3f", a.Score), a.Band.Label()})
		}
		writeTable(env.Stdout, rows)
	}
	if len(alloc.Unfilled) > 0 {
		fmt.Fprintln(env.Stdout, "未招满的用工需求：")
		rows := [][]string{{"用工需求", "尚可推荐"}}
		for _, u := range alloc.Unfilled {
			rows = append(rows, []string{demands[u.DemandID], fmt.Sprintf("%d 人", u.Left)})
		}
		writeTable(env.Stdout, rows)
	}
	if *apply {
		fmt.Fprintf(env.Stdout, "已记录 %d 条就业安置（已推荐）\n", applied)
	} else if len(alloc.Assignments) > 0 {
		fmt.Fprintln(env.Stdout, "未记录：加 --apply 把以上分配记录为就业安置（已推荐）")
	}
	return ExitOK
}

// lookupID picks the id an allocation error names, for the message.
func lookupID(err error, ids []string) string {
	for _, id := range ids {
		if strings.Contains(err.Error(), id) {
			return id
		}
	}
	return strings.Join(ids, ",")
}
