package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"duikou/data/storage"
)

// exchangeConflicts is 冲突: values both offices changed at once. Each side
// holds the same provisional winner; the clerk picks one, and the choice
// travels to the partner with the next export.
type exchangeConflicts struct {
	x    *exchangeScreen
	tab  *container.TabItem
	list *fyne.Container
}

var conflictColumns = []string{"类别", "记录", "字段", "本单位的值", "对方的值", "暂定采用", "处理"}

func newExchangeConflicts(x *exchangeScreen) *exchangeConflicts {
	c := &exchangeConflicts{x: x, list: container.NewVBox()}
	hint := wrapLabel("双方同时修改了同一项内容时，两边都暂时采用同一个值，另一个值列在这里，" +
		"请核实后选定；选定的结果随下一次导出的交换文件发给对方。")
	hint.Importance = widget.LowImportance
	c.tab = container.NewTabItemWithIcon("冲突", theme.WarningIcon(),
		container.NewBorder(hint, nil, nil, nil, container.NewVScroll(c.list)))
	return c
}

func (c *exchangeConflicts) set(rows []storage.ConflictView) {
	c.tab.Text = "冲突"
	if len(rows) > 0 {
		c.tab.Text = fmt.Sprintf("冲突（%d）", len(rows))
	}
	if c.x.tabs != nil {
		c.x.tabs.Refresh()
	}
	showGrid(c.list, conflictColumns, rows, "没有待处理的冲突。", func(r storage.ConflictView) []fyne.CanvasObject {
		ours, theirs, winner := r.Loser, r.Winner, "对方的值"
		if r.OursWon {
			ours, theirs, winner = r.Winner, r.Loser, "本单位的值"
		}
		id, oursWon := r.ID, r.OursWon
		keep := widget.NewButton("用本单位的", func() { c.resolve(id, !oursWon) })
		take := widget.NewButton("用对方的", func() { c.resolve(id, oursWon) })
		return []fyne.CanvasObject{wrapLabel(r.TableLabel), wrapLabel(r.Record), wrapLabel(fieldLabel(r.Field)),
			wrapLabel(orDash(ours)), wrapLabel(orDash(theirs)), widget.NewLabel(winner),
			container.NewVBox(keep, take)}
	})
}

func (c *exchangeConflicts) resolve(id int64, takeLoser bool) {
	if err := c.x.st.ResolveConflict(id, takeLoser); err != nil {
		c.x.g.showError("未能处理冲突", err)
		return
	}
	c.x.refresh()
}

func orDash(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// fieldLabels name the travelling columns, for the conflict list.
var fieldLabels = map[string]string{
	"name": "姓名/名称", "phone": "电话", "notes": "备注", "status": "状态", "address": "地址",
	"contact": "联系人", "contact_phone": "联系电话", "headcount": "招聘人数", "title": "岗位名称",
	"wage_min": "工资下限", "wage_max": "工资上限", "valid_until": "有效期至", "stage": "进度",
	"referred_on": "推荐日期", "interviewed_on": "面试日期", "hired_on": "录用日期",
	"started_on": "上岗日期", "ended_on": "离职日期", "close_reason": "离职原因",
	"due_on": "应办日期", "done_on": "办理日期", "outcome": "结果", "handled_by": "经办人",
	"kind": "类别", "method": "方式", "amount": "金额", "consent": "同意共享", "consent_date": "同意日期", "registered_on": "登记日期",
	"skills": "技能", "trainings": "培训", "education": "文化程度", "poverty": "脱贫状态",
	"hukou_region": "户籍地", "desired_regions": "意向地区", "desired_occupations": "意向工种",
	"available_from": "可到岗日期", "expected_wage": "期望工资", "employer_id": "用工单位",
	"worker_id": "劳动者", "demand_id": "用工需求", "industry": "行业", "region": "所在地",
	"work_region": "工作地点", "occupation": "工种", "min_level": "最低技能等级",
	"sex_requirement": "性别要求", "contract_signed": "签订合同", "contract_date": "合同签订日期",
	"contract_months": "合同期限（月）", "social_insurance": "社会保险", "accident_insurance": "工伤保险",
	"program": "补贴项目", "destination": "去向", "months": "务工月数", "as_of": "核算日", "claimed_on": "申报日期",
	"placement_id": "就业安置", "id_number": "身份证号", "credit_code": "统一社会信用代码",
	"has_union": "已建会", "board": "包吃", "lodging": "包住", "valid_from": "有效期起",
	"age_min": "最低年龄", "age_max": "最高年龄", "deleted": "已删除",
}

func fieldLabel(column string) string {
	if l, ok := fieldLabels[column]; ok {
		return l
	}
	return column
}
