// Package app is Duikou's desktop interface, built with Fyne: the main
// window with its navigation, the first-run office set-up, the screens
// (首页 with its counts and charts, 劳动者, 用工单位与需求, 匹配推荐 with the
// 招聘会 allocation, 就业安置 with a placement's page, 跟踪服务 with the quick
// result entry, 统计报表 with the lists behind its figures and 报出, 数据交换,
// 设置 with backup and restore), the spreadsheet and
// print actions of the lists, and the theme that carries the bundled
// Chinese font.
//
// It never imports Fyne's app package (only main does), so every screen
// can be driven in tests with fyne.io/fyne/v2/test against a temporary
// database. Each screen reaches the data through the small interface it
// holds as a field (store.go and the *_store.go files), which New hands
// the *storage.Store; the window itself uses Shell. Every list is built by
// newListView (list_view.go). There is no SQL here.
//
// Threading: list queries, matching, imports, exports and exchange files
// run on background goroutines and hand their results to the UI through
// fyne.Do (GUI.ui), so the window never waits for the database. Saves of
// one record run on the UI thread: one row is milliseconds.
package app
