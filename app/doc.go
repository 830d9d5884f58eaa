// Package app is Duikou's desktop interface, built with Fyne: the main
// window with its navigation, the first-run office set-up, the screens
// (首页 with its counts and charts, 劳动者, 用工单位与需求, 匹配推荐 with the
// 招聘会 allocation, 就业安置 with a placement's page, 跟踪服务 with the quick
// result entry, 统计报表 with the lists behind its figures and 报出, 数据交换,
// 补贴与慰问 with the subsidy rosters, 设置 with backup and restore), the
// spreadsheet and
// print actions of the lists, and the theme that carries the bundled
// Chinese font.
//
// It never imports Fyne's app package (only main does), so every screen
// can be driven in tests with fyne.io/fyne/v2/test against a temporary
// database. Each screen reaches the data through the small interface it
// holds as a field (store.go and the *_store.go files), which New hands
// the *storage.Store; the window itself uses Shell. Every list is built by
// newListView (list_view.go); exports and prints follow its order
// (list_order.go). The parts list screens share live once: listScreen
// and formPlace (list_screen.go), the record forms' page and save, leave
// and delete steps (record_form.go), the picked-code fields
// (pick_fields.go) and the 工种 and region choosers' dialog
// (chooser_frame.go), the repeated-row editors (rows_editor.go), the
// dialogs that ask before a print or an export (choice_dialog.go,
// askPrint in pdf_out.go) and a scrolling form whose buttons stay in
// sight below it (scroll_footer.go).
// Wrapped text goes through wrapLabel (cjk_label.go),
// which breaks Chinese as the printed lists do. There is no SQL here.
//
// Threading: list queries, matching, imports, exports and exchange files
// run on background goroutines and hand their results to the UI through
// fyne.Do (GUI.ui), so the window never waits for the database. Saves of
// one record run on the UI thread: one row is milliseconds.
package app
