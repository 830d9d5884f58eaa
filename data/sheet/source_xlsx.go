package sheet

import (
	"archive/zip"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxTable is an Excel workbook read with excelize's streaming row
// iterator: large worksheets are unzipped to a temporary file and parsed
// as they are read, so memory stays bounded by the shared-string table.
type xlsxTable struct {
	name string
	r    io.Closer
	f    *excelize.File
	fast *fastBook // the rows read straight from the zip (xlsx_fast.go); nil: excelize reads them
}

// maxUnzipped is the most a workbook may unzip to: a 100,000-row roster
// is about 100 MB, so 1 GB stops a zip bomb with room to spare.
const maxUnzipped = 1 << 30

func openXLSX(name string, r readSeekCloser, size int64) (t table, err error) {
	defer recoverAsFileError(&err, name)
	if ra, ok := r.(io.ReaderAt); ok {
		if err := checkUnzippedSize(ra, size, name); err != nil {
			return nil, err
		}
	}
	// Worksheets over 16 MB unzipped are spooled to a temporary file and
	// streamed; excelize enforces the same 1 GB limit.
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: excelize.StreamChunkSize})
	if err != nil {
		// The library's reason is English: the log keeps it for support,
		// the clerk gets what to do.
		slog.Warn("无法读取 Excel 工作簿", "file", name, "err", err)
		return nil, fileErr("文件 %s 不是有效的 Excel 工作簿（可能已损坏，或并非 .xlsx 格式），请在 Excel 或 WPS 中打开检查后另存为 .xlsx", name)
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, fileErr("工作簿 %s 里没有工作表", name)
	}
	t = &xlsxTable{name: name, r: r, f: f}
	if ra, ok := r.(io.ReaderAt); ok {
		t.(*xlsxTable).fast = openFastBook(ra, size)
	}
	return t, nil
}

// recoverAsFileError turns a panic inside the xlsx library on a damaged
// file into a file error, so a bad file never takes the program down.
func recoverAsFileError(err *error, name string) {
	if p := recover(); p != nil {
		slog.Warn("读取 Excel 工作簿时出错", "file", name, "panic", fmt.Sprint(p))
		*err = fileErr("文件 %s 已损坏，无法读取，请在 Excel 或 WPS 中打开检查后另存为 .xlsx", name)
	}
}

// checkUnzippedSize refuses a workbook whose parts would unzip to more than
// maxUnzipped, from the sizes its zip directory states, before anything is
// unpacked. A file that is not a zip is left to excelize to refuse.
func checkUnzippedSize(r io.ReaderAt, size int64, name string) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > maxUnzipped {
		return fileErr("文件 %s 解压后超过 1 GB（一份 10 万行的名册解压后约 100 MB），不像是正常的名册，可能已损坏，未导入。请在 Excel 或 WPS 中打开检查，或把名册分成几个文件后再导入", name)
	}
	return nil
}

// sheets puts the sheet that was active when the file was saved first,
// then the others in workbook order.
func (t *xlsxTable) sheets() []string {
	list := t.f.GetSheetList()
	active := t.f.GetActiveSheetIndex()
	out := make([]string, 0, len(list))
	if active >= 0 && active < len(list) {
		out = append(out, list[active])
	}
	for i, s := range list {
		if i != active {
			out = append(out, s)
		}
	}
	return out
}

func (t *xlsxTable) describe(sheet string) string {
	if len(t.f.GetSheetList()) == 1 {
		return "Excel 工作簿"
	}
	return fmt.Sprintf("Excel 工作簿，工作表“%s”", sheet)
}

func (t *xlsxTable) close() error {
	err := t.f.Close()
	if cerr := t.r.Close(); err == nil {
		err = cerr
	}
	return err
}

func (t *xlsxTable) rows(sheet string) (it rowIter, err error) {
	defer recoverAsFileError(&err, t.name)
	x := &xlsxIter{name: t.name, f: t.f, sheet: sheet}
	if t.fast != nil {
		if x.fast, err = t.fast.rows(sheet); err != nil {
			return nil, fileErr("无法读取工作表“%s”：%v", sheet, err)
		}
	}
	if x.fast == nil {
		if x.rows, err = t.f.Rows(sheet); err != nil {
			return nil, fileErr("无法读取工作表“%s”：%v", sheet, err)
		}
	}
	if dim, err := t.f.GetSheetDimension(sheet); err == nil {
		x.total = lastRowOf(dim)
	}
	return x, nil
}

// lastRowOf reads the last row number from a dimension such as "A1:T1003".
func lastRowOf(dim string) int {
	_, last, _ := strings.Cut(dim, ":")
	if last == "" {
		last = dim
	}
	_, row, err := excelize.SplitCellName(last)
	if err != nil {
		return 0
	}
	return row
}

type xlsxIter struct {
	name  string
	fast  *fastRows // or
	rows  *excelize.Rows
	row   int
	total int
	f     *excelize.File
	sheet string
	lossy []int // excelize's path: the row's numbers above 2^53
}

// lossyColumns lists the cells of the last row that are numbers above
// 2^53 (lossyReporter).
func (x *xlsxIter) lossyColumns() []int {
	if x.fast != nil {
		return x.fast.lossy
	}
	return x.lossy
}

// findLossy finds the rounded numbers of a row read by excelize, whose
// raw values do not say whether a cell is a number or text: the few
// cells that look like one are asked for their type.
func (x *xlsxIter) findLossy(cells []string) {
	x.lossy = x.lossy[:0]
	for i, c := range cells {
		if !roundedNumber(c) {
			continue
		}
		name, err := excelize.CoordinatesToCellName(i+1, x.row)
		if err != nil {
			continue
		}
		if typ, err := x.f.GetCellType(x.sheet, name); err == nil && (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber) {
			x.lossy = append(x.lossy, i)
		}
	}
}

// next reads raw cell values: numbers as stored (an Excel date is its
// serial number, which the date parser reads), strings as typed, so that
// a cell's display format never changes what is imported.
func (x *xlsxIter) next() (cells []string, row int, err error) {
	defer recoverAsFileError(&err, x.name)
	if x.fast != nil {
		cells, err := x.fast.next()
		if err == io.EOF {
			return nil, 0, io.EOF
		}
		x.row++
		if err != nil {
			return nil, 0, fileErr("第%d行无法读取，文件可能已损坏：%v", x.row, err)
		}
		if x.row > excelize.TotalRows {
			return nil, 0, fileErr("文件 %s 的行号超出 Excel 的上限（%d 行），文件可能已损坏", x.name, excelize.TotalRows)
		}
		return cells, x.row, nil
	}
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, fileErr("读取工作表出错：%v", err)
		}
		return nil, 0, io.EOF
	}
	x.row++
	if x.row > excelize.TotalRows {
		// Only a damaged or crafted file numbers rows past Excel's limit;
		// reading on would walk billions of empty rows.
		return nil, 0, fileErr("文件 %s 的行号超出 Excel 的上限（%d 行），文件可能已损坏", x.name, excelize.TotalRows)
	}
	cells, err = x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, 0, fileErr("第%d行无法读取：%v", x.row, err)
	}
	x.findLossy(cells)
	return cells, x.row, nil
}

func (x *xlsxIter) fraction() float64 {
	if x.fast != nil {
		if f := x.fast.fraction(); f >= 0 {
			return f // from the bytes read: known even when the sheet does not record its size
		}
	}
	if x.total <= 1 {
		return -1 // the workbook does not record its size (a streamed one says "A1")
	}
	return min(1, float64(x.row)/float64(x.total))
}

func (x *xlsxIter) close() error {
	if x.fast != nil {
		return x.fast.close()
	}
	return x.rows.Close()
}

// itoa is strconv.Itoa, short for messages.
func itoa(n int) string { return strconv.Itoa(n) }
