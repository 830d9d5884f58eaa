package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowsEditor is what the editors of a worker's repeated entries (技能,
// 培训经历) share: one line per row with a remove button, an add button
// under them, and the change listener. R is the editor's row (a pointer).
type rowsEditor[R comparable] struct {
	widget.BaseWidget
	rows      []R
	lines     *fyne.Container
	add       *widget.Button
	onChanged func()
	// line is row i's line without its remove button.
	line func(i int, r R) fyne.CanvasObject
	// added, if set, runs when a row the clerk added shows (the skills
	// editor opens the new row's 工种 chooser).
	added func(r R)
}

// init makes the editor self (the widget that embeds e). Its add button,
// labelled addLabel, runs blank (which appends an empty row), shows the
// new line and tells onChanged.
func (e *rowsEditor[R]) init(self fyne.Widget, addLabel string, blank func(), line func(int, R) fyne.CanvasObject) {
	e.line = line
	e.lines = container.NewVBox()
	e.add = widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
		blank()
		e.layoutRows()
		e.changed()
		if e.added != nil {
			e.added(e.rows[len(e.rows)-1])
		}
	})
	e.ExtendBaseWidget(self)
}

func (e *rowsEditor[R]) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(e.lines, container.NewHBox(e.add)))
}

func (e *rowsEditor[R]) changed() {
	if e.onChanged != nil {
		e.onChanged()
	}
}

// refillRows replaces e's rows by one per value, each made by addRow, and
// lays them out (a record loaded into the form).
func refillRows[R comparable, V any](e *rowsEditor[R], values []V, addRow func(V)) {
	e.rows = nil
	for _, v := range values {
		addRow(v)
	}
	e.layoutRows()
}

// layoutRows rebuilds the lines after rows were added or removed.
func (e *rowsEditor[R]) layoutRows() {
	e.lines.Objects = nil
	for i, r := range e.rows {
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeRow(r) })
		rm.Importance = widget.LowImportance
		e.lines.Add(container.NewBorder(nil, nil, nil, rm, e.line(i, r)))
	}
	e.lines.Refresh()
}

func (e *rowsEditor[R]) removeRow(r R) {
	for i, x := range e.rows {
		if x == r {
			e.rows = append(e.rows[:i], e.rows[i+1:]...)
			break
		}
	}
	e.layoutRows()
	e.changed()
}
