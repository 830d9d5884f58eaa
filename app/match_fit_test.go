package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableRowsShown is how many whole rows of t fit below its header: rows
// are the height of a cell (a tick box over a label) plus a line.
func tableRowsShown(t *checkTable[candidate]) int {
	cell := container.NewStack(widget.NewCheck("", nil), widget.NewLabel("")).MinSize().Height
	header := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Height
	line := theme.SeparatorThicknessSize()
	return int((t.table.Size().Height - header - line) / (cell + line))
}

// In the default window 匹配推荐 lists at least ten candidates with the
// 匹配说明 folded; unfolding it shows the whole explanation, folding it
// again gives the rows back.
func TestMatchShowsTenCandidatesAndFoldsTheReasons(t *testing.T) {
	h := newHarness(t, true)
	fourCandidates(h)
	h.w.Resize(defaultWindowSize)
	s := h.openMatch()
	h.pickDemand(s, "南京悦家")
	m := s.byDemand
	if n := tableRowsShown(m.table); n < 10 {
		t.Errorf("the default window shows %d candidate rows, want at least 10", n)
	}
	m.table.table.Select(tableCell(0, 2))
	if m.detail.box.Visible() || m.detail.summary.Text != "李春梅：强匹配，得分 "+scoreText(m.table.rows[0].r.Score) {
		t.Errorf("folded, the panel shows %q", m.detail.summary.Text)
	}
	folded := m.table.table.Size().Height
	test.Tap(m.detail.toggle)
	if !m.detail.box.Visible() || m.detail.toggle.Text != "收起匹配说明" {
		t.Fatal("展开匹配说明 did not unfold the explanation")
	}
	if m.table.table.Size().Height >= folded {
		t.Error("the unfolded explanation took no room from the list")
	}
	test.Tap(m.detail.toggle)
	if m.detail.box.Visible() || m.table.table.Size().Height != folded {
		t.Error("收起匹配说明 did not give the rows back")
	}
}

// The question before a referral names one worker plainly and several as
// "甲等N人", listing them all.
func TestReferQuestionGrammar(t *testing.T) {
	if got, want := referQuestion([]string{"汪晓桂"}, "南京悦家·住家保姆"),
		"把汪晓桂推荐到“南京悦家·住家保姆”？\n将为每人记录一条就业安置（已推荐），之后可在“就业安置”中跟进。"; got != want {
		t.Errorf("one: %q", got)
	}
	if got, want := referQuestion([]string{"汪晓桂", "李梅", "张丽"}, "南京悦家·住家保姆"),
		"把汪晓桂等3人推荐到“南京悦家·住家保姆”？\n推荐名单：汪晓桂、李梅、张丽。\n将为每人记录一条就业安置（已推荐），之后可在“就业安置”中跟进。"; got != want {
		t.Errorf("three: %q", got)
	}
}
