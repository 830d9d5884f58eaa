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
// Preview and Apply hold the database's write lock while they run (under
// ten seconds for 100,000 rows), so run them off the UI goroutine;
// progress is called on that goroutine. PreviewContext and ApplyContext
// stop, writing nothing, when their context is cancelled.
//
// Speed: an .xlsx worksheet is read straight from the zip by a small XML
// scanner (xlsx_fast.go; excelize still opens the workbook and reads what
// the scanner does not), rows are read and filled into records a few
// batches ahead on a goroutine of their own (read_ahead.go), and the
// Store writes a bulk job's rows through prepared statements.
package sheet
