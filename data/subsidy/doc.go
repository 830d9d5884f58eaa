// Package subsidy turns placements into the rosters a county pays from:
// the 一次性交通补贴 (or 稳岗/务工补贴) a worker is owed for going out to
// work, decided by a rules table the clerk loads, never by code, because
// amounts and conditions differ county by county.
//
// It is pure: ParseRules reads the rows of a rules file (the spreadsheet
// itself is read by data/sheet), Evaluate decides who is paid under one
// 项目 from the workers' started placements and the claims already made,
// both handed in by the caller (data/storage reads them). Nothing here
// touches a database, a file or Fyne.
//
// The destination bands are those of the 统计报表 (stats.Crossing): the
// 户籍 county against the work county by GB/T 2260 code. The month rule
// is SQLite's date(start, '+N months'), which is Go's AddDate: a day the
// month does not have rolls over (08-31 + 3 months is 12-01).
package subsidy
