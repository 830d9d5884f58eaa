package app

import (
	"strings"

	"duikou/data"
	"duikou/data/catalog"
)

// The list screens' scopes for their 导入/导出/打印 buttons: the filter
// the list applies, and the same in words for the dialogs and the
// printed heading.

// scopeNote joins the filter's parts: "户籍地：榆中县；状态：待业".
func scopeNote(parts ...string) string {
	var kept []string
	for i := 0; i+1 < len(parts); i += 2 {
		if parts[i+1] != "" {
			kept = append(kept, parts[i]+"："+parts[i+1])
		}
	}
	return strings.Join(kept, "；")
}

func regionNote(code string) string {
	if code == "" {
		return ""
	}
	return catalog.FullName(code)
}

func occNote(key string) string {
	if key == "" {
		return ""
	}
	return occName(key)
}

func labelNote(list []data.Labelled, code string) string {
	for _, l := range list {
		if l.Code == code && code != "" {
			return l.Label
		}
	}
	return ""
}

// scope is the worker list as filtered now.
func (s *workersScreen) scope() listScope {
	f := s.filter()
	return listScope{filter: data.ListFilter{Workers: f}, order: s.table.order(), note: scopeNote(
		"搜索", f.Text, "户籍地", regionNote(f.Region), "工种", occNote(f.Occupation),
		"状态", labelNote(data.WorkerStatuses, string(f.Status)), "脱贫状态", labelNote(data.Poverties, string(f.Poverty)))}
}

// employerScope is the employer list as filtered now.
func (s *employersScreen) employerScope() listScope {
	f := data.EmployerFilter{Text: strings.TrimSpace(s.search.Text)}
	return listScope{filter: data.ListFilter{Employers: f}, order: s.empTable.order(), note: scopeNote("搜索", f.Text)}
}

// demandScope is the list of every demand as filtered now.
func (s *employersScreen) demandScope() listScope {
	f := s.allFilter()
	open := ""
	if !f.OpenOn.IsZero() {
		open = "招聘中、未招满、在有效期内"
	}
	return listScope{filter: data.ListFilter{Demands: f}, order: s.allTable.order(), note: scopeNote(
		"搜索", f.Text, "工种", occNote(f.Occupation), "工作地点", regionNote(f.Region),
		"状态", labelNote(data.DemandStatuses, string(f.Status)), "只看", open)}
}

// listScope is the placement list as filtered now.
func (s *placementsScreen) listScope() listScope {
	f, r := s.Scope()
	employer := ""
	if s.employer.SelectedIndex() > 0 {
		employer = s.employer.Selected
	}
	return listScope{filter: data.ListFilter{Placements: f}, dates: r, order: s.table.order(), note: scopeNote(
		"阶段", labelNote(data.Stages, string(f.Stage)), "用工单位", employer, "接收地", regionNote(f.Region),
		"推荐或上岗日期", data.RangeText(r.From, r.To, ""))}
}

// listScope is the follow-up list as filtered now.
func (s *followUpsScreen) listScope() listScope {
	f, r := s.Scope()
	status := ""
	if s.status.Selected != statusAll {
		status = s.status.Selected
	}
	owner := ""
	if s.owner.SelectedIndex() > 0 {
		owner = s.owner.Selected
	}
	return listScope{filter: data.ListFilter{FollowUps: f}, dates: r, order: s.table.order(), note: scopeNote(
		"状态", status, "类别", labelNote(data.FollowUpKinds, string(f.Kind)), "负责方", owner)}
}
