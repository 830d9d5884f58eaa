package app

import (
	"fmt"
	"strings"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/recommend"
)

// rankedDetail explains one ranked pair for the detail pane: the score and
// band, then each weighted part with its reason, then what is met and what
// is missing.
func rankedDetail(who string, r recommend.Ranked) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s：%s，得分 %.3f\n", who, r.BandLabel, r.Score)
	for _, p := range r.Parts {
		fmt.Fprintf(&b, "• %s（占 %.0f%%，得 %.0f%%）：%s\n", p.Name, p.Weight*100, p.Value*100, p.Reason)
	}
	fmt.Fprintf(&b, "符合：%s\n欠缺：%s", joinOrNone(r.Reasons), joinOrNone(r.Missing))
	return b.String()
}

func joinOrNone(xs []string) string {
	if len(xs) == 0 {
		return "无"
	}
	return strings.Join(xs, "；")
}

// scoreText is a score to three places, as the command line prints it.
func scoreText(x float64) string { return fmt.Sprintf("%.3f", x) }

// skillText lists a worker's 工种 with their levels, briefly:
// 育婴员（五级）、家政服务员. All of them, not only the main one: a demand
// may match the second.
func skillText(w *data.Worker) string {
	if len(w.Skills) == 0 {
		return "未登记工种"
	}
	names := make([]string, len(w.Skills))
	for i, s := range w.Skills {
		names[i] = occName(s.Occupation)
		if s.Level != catalog.LevelNone {
			short, _, _ := strings.Cut(s.Level.Label(), "/")
			names[i] += "（" + short + "）"
		}
	}
	return strings.Join(names, "、")
}

// demandTitle names a demand as the matcher does: employer·title.
func demandTitle(d *data.Demand) string {
	title := d.Title
	if title == "" {
		title = occName(d.Occupation)
	}
	if d.Employer == nil || d.Employer.Name == "" {
		return title
	}
	return d.Employer.Name + "·" + title
}

// demandLine is a demand's 工种, work place and headcount left.
func demandLine(d *data.Demand) string {
	return fmt.Sprintf("%s · %s · 还缺 %d 人（共 %d 人，推荐中 %d 人）", occName(d.Occupation), shortRegionName(d.WorkRegion), d.Left(), d.Headcount, d.Referred)
}
