package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/data/catalog"
)

// occChooser is the dialog behind every 工种 input: the catalog's groups
// on the left, their occupations on the right, and a search box that finds
// an occupation by name, alias ("保姆" finds 家政服务员) or group. Tapping an
// occupation takes it.
type occChooser struct {
	chooserFrame
	onPick func(key string)

	groups    []string
	inGroup   []catalog.Occupation
	results   []catalog.Occupation
	groupList *widget.List
	occList   *widget.List
}

func newOccChooser(title, current string, parent fyne.Window, onPick func(string)) *occChooser {
	c := &occChooser{onPick: onPick, groups: catalog.OccupationGroups()}
	c.groupList = widget.NewList(
		func() int { return len(c.groups) },
		func() fyne.CanvasObject { return widget.NewLabel("交通运输与物流") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.groups[i]) })
	c.groupList.OnSelected = func(i widget.ListItemID) { c.showGroup(c.groups[i]) }
	c.occList = occList(&c.inGroup, false, c.pick)
	columns := container.NewBorder(nil, nil,
		container.NewGridWrap(fyne.NewSize(200, 400), titled("类别", c.groupList)), nil,
		titled("工种", c.occList))
	c.init(title, "输入工种名称或俗称搜索，如“保姆”“电焊”", columns, occList(&c.results, true, c.pick),
		fyne.NewSize(700, 520), parent, c.searchChanged)

	group := ""
	if o, ok := catalog.OccupationByKey(current); ok {
		group = o.Group
	} else if len(c.groups) > 0 {
		group = c.groups[0]
	}
	for i, g := range c.groups {
		if g == group {
			c.groupList.Select(i)
		}
	}
	return c
}

func occList(items *[]catalog.Occupation, withGroup bool, pick func(string)) *widget.List {
	l := widget.NewList(
		func() int { return len(*items) },
		func() fyne.CanvasObject {
			return widget.NewLabel("家政服务员（家政服务）  又称：保姆、家政工")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			oc := (*items)[i]
			text := oc.Name
			if withGroup {
				text += "（" + oc.Group + "）"
			}
			if len(oc.Aliases) > 0 {
				text += "  又称：" + strings.Join(oc.Aliases, "、")
			}
			o.(*widget.Label).SetText(text)
		})
	l.OnSelected = func(i widget.ListItemID) {
		l.UnselectAll()
		pick((*items)[i].Key)
	}
	return l
}

func (c *occChooser) showGroup(g string) {
	c.inGroup = c.inGroup[:0]
	for _, o := range catalog.Occupations() {
		if o.Group == g {
			c.inGroup = append(c.inGroup, o)
		}
	}
	c.occList.ScrollToOffset(0)
	c.occList.Refresh()
}

func (c *occChooser) searchChanged(q string) {
	q = strings.TrimSpace(q)
	c.results = nil
	c.status.SetText("")
	if q != "" {
		c.results = catalog.SearchOccupations(q, 0)
		if len(c.results) == 0 {
			c.status.SetText("工种目录里没有“" + q + "”，请换个叫法，或按类别查找")
		}
	}
	c.showResults(q != "")
}

func (c *occChooser) pick(key string) {
	c.dlg.Hide()
	c.onPick(key)
}

// occName is catalog.OccupationName, under the name this package reads.
var occName = catalog.OccupationName

// occField is an input for one 工种: a button with its name that opens the
// chooser, and a clear button when the field may be left empty.
type occField struct {
	pickButton
	chooser *occChooser
}

func newOccField(parent fyne.Window, clearable bool, placeholder string) *occField {
	f := &occField{}
	f.init(f, parent, clearable, placeholder, occName, f.open)
	return f
}

func (f *occField) open() {
	f.chooser = newOccChooser("选择工种", f.code, f.parent, func(key string) { f.set(key, true) })
	f.chooser.show()
}

// occListField holds several 工种 (意向工种): one line each with a remove
// button, and an add button.
type occListField struct {
	pickedList
	chooser *occChooser
}

func newOccListField(parent fyne.Window) *occListField {
	f := &occListField{}
	f.init(f, parent, "添加工种", occName, f.open)
	return f
}

func (f *occListField) open() {
	f.chooser = newOccChooser("添加意向工种", "", f.parent, f.pick)
	f.chooser.show()
}
