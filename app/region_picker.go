package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/data/catalog"
)

// regionChooser is the dialog behind every region input: three columns,
// province → city → county, and a search box above them that finds a
// place by any part of its name ("榆中", "甘肃 榆中"). Tapping a county
// takes it at once; a province or city opens its children, and 确定 takes
// it when the field accepts any level (意向地区).
type regionChooser struct {
	chooserFrame
	countyOnly bool
	onPick     func(code string)

	provinces, cities, counties  []catalog.Region
	results                      []catalog.Region
	provList, cityList, cntyList *widget.List
	ok                           *widget.Button

	chosen string // the deepest place selected so far
}

func newRegionChooser(title string, countyOnly bool, current, start string, parent fyne.Window, onPick func(string)) *regionChooser {
	c := &regionChooser{countyOnly: countyOnly, onPick: onPick, provinces: catalog.Provinces()}
	c.provList = regionList(&c.provinces, c.provinceTapped)
	c.cityList = regionList(&c.cities, c.cityTapped)
	c.cntyList = regionList(&c.counties, c.countyTapped)
	resultList := widget.NewList(
		func() int { return len(c.results) },
		func() fyne.CanvasObject { return widget.NewLabel("甘肃省兰州市榆中县（县级）") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := c.results[i]
			o.(*widget.Label).SetText(r.FullName() + "（" + r.Level.String() + "）")
		})
	resultList.OnSelected = func(i widget.ListItemID) {
		resultList.UnselectAll()
		c.resultTapped(c.results[i])
	}
	columns := container.NewGridWithColumns(3,
		titled("省", c.provList), titled("市", c.cityList), titled("区县", c.cntyList))
	c.ok = widget.NewButton("确定", func() { c.pick(c.chosen) })
	c.ok.Importance = widget.HighImportance
	c.init(title, "输入地名搜索，如“榆中”或“甘肃 榆中”", columns, resultList,
		fyne.NewSize(760, 520), parent, c.searchChanged, c.ok)

	open := current
	if open == "" {
		open = start
	}
	c.openAt(open)
	return c
}

func regionList(items *[]catalog.Region, tapped func(int)) *widget.List {
	l := widget.NewList(
		func() int { return len(*items) },
		func() fyne.CanvasObject { return widget.NewLabel("新疆维吾尔自治区") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText((*items)[i].Name) })
	l.OnSelected = func(i widget.ListItemID) { tapped(i) }
	return l
}

// openAt selects the chain of code in the columns (nothing for "").
func (c *regionChooser) openAt(code string) {
	chain := catalog.Chain(code)
	c.cities, c.counties = nil, nil
	c.chosen = ""
	for i, r := range chain {
		switch i {
		case 0:
			c.selectIn(c.provList, c.provinces, r.Code)
			c.cities = catalog.Children(r.Code)
		case 1:
			c.selectIn(c.cityList, c.cities, r.Code)
			c.counties = catalog.Children(r.Code)
		case 2:
			c.selectIn(c.cntyList, c.counties, r.Code)
		}
		c.setChosen(r)
	}
	c.refreshLists()
}

// selectIn marks code in list without running its tap handler.
func (c *regionChooser) selectIn(l *widget.List, items []catalog.Region, code string) {
	for i, r := range items {
		if r.Code == code {
			h := l.OnSelected
			l.OnSelected = nil
			l.Select(i)
			l.ScrollTo(i)
			l.OnSelected = h
			return
		}
	}
}

func (c *regionChooser) refreshLists() {
	c.cityList.Refresh()
	c.cntyList.Refresh()
	c.updateStatus()
}

func (c *regionChooser) provinceTapped(i int) {
	p := c.provinces[i]
	c.cities, c.counties = catalog.Children(p.Code), nil
	c.cityList.UnselectAll()
	c.cntyList.UnselectAll()
	c.cityList.ScrollToOffset(0)
	c.setChosen(p)
	c.refreshLists()
}

func (c *regionChooser) cityTapped(i int) {
	r := c.cities[i]
	c.counties = catalog.Children(r.Code)
	c.cntyList.UnselectAll()
	c.cntyList.ScrollToOffset(0)
	c.setChosen(r)
	c.refreshLists()
	if len(c.counties) == 0 && r.CountyLevel() {
		c.pick(r.Code) // a city with no counties (东莞, 嘉峪关) is as deep as it goes
	}
}

func (c *regionChooser) countyTapped(i int) {
	r := c.counties[i]
	c.setChosen(r)
	c.pick(r.Code)
}

// setChosen records r as the selection; a grouping row (北京市's 市辖区)
// is not a place, so the selection stays at its province.
func (c *regionChooser) setChosen(r catalog.Region) {
	if !r.Grouping() {
		c.chosen = r.Code
	}
}

// resultTapped takes a search result the field accepts (any place for
// 意向地区, a county for a household or a work place); a province or city
// in a county-only field opens in the columns to choose further down.
func (c *regionChooser) resultTapped(r catalog.Region) {
	if c.acceptable(r.Code) {
		c.pick(r.Code)
		return
	}
	c.search.SetText("")
	c.openAt(r.Code)
}

func (c *regionChooser) searchChanged(q string) {
	q = strings.TrimSpace(q)
	c.results = nil
	if q != "" {
		c.results = catalog.SearchRegions(q, 100)
	}
	c.showResults(q != "")
	c.updateStatus()
}

// acceptable reports whether code may be taken by this field.
func (c *regionChooser) acceptable(code string) bool {
	r, ok := catalog.RegionByCode(code)
	if !ok {
		return false
	}
	return !c.countyOnly || r.CountyLevel()
}

func (c *regionChooser) updateStatus() {
	switch {
	case strings.TrimSpace(c.search.Text) != "" && len(c.results) == 0:
		c.status.SetText("没有找到这个地名，请换个写法，或清空搜索后逐级选择")
	case c.chosen == "":
		c.status.SetText("请选择省份")
	case c.acceptable(c.chosen):
		c.status.SetText("已选：" + catalog.FullName(c.chosen))
	default:
		c.status.SetText("已选：" + catalog.FullName(c.chosen) + "（请继续选到区县）")
	}
	if c.chosen != "" && c.acceptable(c.chosen) {
		c.ok.Enable()
	} else {
		c.ok.Disable()
	}
}

func (c *regionChooser) pick(code string) {
	if !c.acceptable(code) {
		return
	}
	c.dlg.Hide()
	c.onPick(code)
}

// regionField is an input for one region: a button with the chosen place's
// full name that opens the chooser, and a clear button when the field may
// be left empty.
type regionField struct {
	pickButton
	countyOnly bool
	start      func() string  // where the chooser opens when the field is empty
	chooser    *regionChooser // the open (or last) chooser
}

func newRegionField(parent fyne.Window, countyOnly, clearable bool, placeholder string, start func() string) *regionField {
	f := &regionField{countyOnly: countyOnly, start: start}
	f.init(f, parent, clearable, placeholder, catalog.FullName, f.open)
	return f
}

func (f *regionField) open() {
	title := "选择地区"
	if f.countyOnly {
		title = "选择区县"
	}
	start := ""
	if f.start != nil {
		start = f.start()
	}
	f.chooser = newRegionChooser(title, f.countyOnly, f.code, start, f.parent, func(code string) { f.set(code, true) })
	f.chooser.show()
}

// regionListField holds several regions at any level (意向地区): one line
// per place with a remove button, and an add button that opens the chooser.
type regionListField struct {
	pickedList
	start   func() string
	chooser *regionChooser
}

func newRegionListField(parent fyne.Window, start func() string) *regionListField {
	f := &regionListField{start: start}
	f.init(f, parent, "添加地区", catalog.FullName, f.open)
	return f
}

func (f *regionListField) open() {
	start := ""
	if f.start != nil {
		start = f.start()
	}
	if n := len(f.keys); n > 0 {
		start = f.keys[n-1]
	}
	f.chooser = newRegionChooser("添加意向地区（省、市、区县均可）", false, "", start, f.parent, f.pick)
	f.chooser.show()
}
