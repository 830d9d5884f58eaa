package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reasonPanel is the 匹配说明 under a ranking. Folded (as it starts) it is
// one line, the first of the explanation, so the ranking above shows at
// least ten rows in the default window; unfolded it shows the whole
// explanation in a scrolling box. The embedded label holds the full text
// (its source; Text is that text laid out for the panel's width).
type reasonPanel struct {
	*cjkLabel
	summary *widget.Label
	box     *container.Scroll
	toggle  *widget.Button
}

// reasonPrompt is what the panel says before a row is picked.
const reasonPrompt = "点选一行查看匹配说明"

func newReasonPanel() *reasonPanel {
	p := &reasonPanel{cjkLabel: wrapLabel(reasonPrompt), summary: widget.NewLabel(reasonPrompt)}
	p.summary.Truncation = fyne.TextTruncateEllipsis
	p.box = container.NewVScroll(p.cjkLabel)
	p.box.SetMinSize(fyne.NewSize(0, 150))
	p.box.Hide()
	p.toggle = widget.NewButtonWithIcon("展开匹配说明", theme.MenuDropUpIcon(), p.flip)
	p.toggle.Importance = widget.LowImportance
	return p
}

// SetText shows an explanation (or the prompt) in both forms.
func (p *reasonPanel) SetText(text string) {
	p.cjkLabel.SetText(text)
	first, _, _ := strings.Cut(text, "\n")
	p.summary.SetText(first)
}

// flip folds or unfolds the explanation.
func (p *reasonPanel) flip() {
	if p.box.Visible() {
		p.box.Hide()
		p.summary.Show()
		p.toggle.SetText("展开匹配说明")
		p.toggle.SetIcon(theme.MenuDropUpIcon())
	} else {
		p.box.Show()
		p.summary.Hide()
		p.toggle.SetText("收起匹配说明")
		p.toggle.SetIcon(theme.MenuDropDownIcon())
	}
	relayoutWindowOf(p.toggle) // the list above takes or gives the room
}

// view is the panel with its toggle line; actions (推荐所选) sit at the
// right-hand end of that line.
func (p *reasonPanel) view(actions ...fyne.CanvasObject) fyne.CanvasObject {
	line := container.NewBorder(nil, nil, p.toggle, container.NewHBox(actions...), p.summary)
	return container.NewVBox(widget.NewSeparator(), p.box, line)
}
