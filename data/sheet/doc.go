// Package sheet moves records between Duikou and spreadsheets: it reads
// rosters from .xlsx and .csv files as Chinese Excel and WPS save them
// (UTF-8 with or without BOM, GB18030/GBK, title rows above the header,
// header aliases, stray spaces and full-width characters), previews an
// import row by row before anything is written, applies the good rows in
// one transaction, and writes exports (.xlsx with Chinese headers and
// labels, .csv as UTF-8 with BOM) and import templates.
//
// The Store's validation is the truth: a preview runs the whole import
// inside a transaction and rolls it back, so every problem it lists is one
// the real import would meet, with the row and column it came from.
//
// For a screen:
//
//	plan, err := sheet.Preview(store, sheet.Workers, path, progress) // writes nothing
//	// show plan.Problems, plan.Duplicates, plan.New ...; a *FileError means the file is unusable
//	rep, err := sheet.Apply(store, plan, sheet.Skip, progress)       // or sheet.Update
//	n, err := sheet.Export(store, sheet.Placements, "x.xlsx", sheet.ExportOptions{FullIDs: false})
//	err = sheet.WriteTemplate(sheet.Workers, "劳动者导入模板.xlsx")
//
// Preview and Apply hold the database's write lock while they run (about
// half a minute for 100,000 rows), so run them off the UI goroutine;
// progress is called on that goroutine.
package sheet
