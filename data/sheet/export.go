package sheet

import (
	"bufio"
	"duikou/data/filewrite"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"duikou/data"
	"duikou/data/storage"
)

// Format is an export file's format, chosen by its extension.
type Format int

const (
	XLSX Format = iota // Excel workbook
	CSV                // UTF-8 with BOM, which Excel opens without garbling
)

// FormatOf picks the format from a file name: .xlsx or .csv.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return XLSX, nil
	case ".csv":
		return CSV, nil
	case ".xls":
		return 0, fmt.Errorf("不能导出为旧版 .xls，请用 .xlsx")
	}
	return 0, fmt.Errorf("导出文件名须以 .xlsx 或 .csv 结尾：%s", filepath.Base(path))
}

// ExportOptions tune an export.
type ExportOptions struct {
	// FullIDs writes full ID numbers and phones instead of masked ones; the
	// audit log records that it was done.
	FullIDs  bool
	Progress ProgressFunc
	// Filter keeps the rows a list screen shows (the field of the
	// exported kind); zero exports every live record.
	Filter data.ListFilter
	// Range keeps workers registered, placements referred or started,
	// and follow-ups due within it (as the printed lists do); employers
	// and demands have no such date and ignore it.
	Range storage.DateRange
	// Order is the list screen's order; the rows follow it and the
	// printed page header says it. Zero is the order of entry.
	Order data.Order
}

// Export writes every live record of a kind to path (.xlsx or .csv),
// records the export in the audit log and returns how many rows it wrote.
// The file appears complete or not at all.
func Export(s *storage.Store, kind Kind, path string, opt ExportOptions) (int, error) {
	format, err := FormatOf(path)
	if err != nil {
		return 0, err
	}
	spec, err := exportSpecOf(kind)
	if err != nil {
		return 0, err
	}
	total, err := spec.count(s, opt)
	if err != nil {
		return 0, err
	}
	tmp := filewrite.TempName(path)
	var w rowWriter
	switch format {
	case XLSX:
		w, err = newXLSXWriter(kind.Label(), exportTitle(kind, opt.Order), spec.columns)
	default:
		w, err = newCSVWriter(tmp, spec.columns)
	}
	if err != nil {
		return 0, filewrite.Failed(path, err)
	}
	n := 0
	err = spec.each(s, opt, masker{full: opt.FullIDs}, func(row []any) error {
		n++
		if opt.Progress != nil && n%progressEvery == 0 {
			opt.Progress(n, float64(n)/float64(max(total, 1)))
		}
		return w.write(row)
	})
	if err == nil {
		err = w.finish(tmp)
	} else {
		w.abort()
	}
	if err != nil {
		return 0, filewrite.Failed(path, err)
	}
	if err := filewrite.Commit(path); err != nil {
		return 0, err
	}
	if opt.Progress != nil {
		opt.Progress(n, 1)
	}
	how := "身份证号、电话已隐去中间部分，详细住址只留到乡镇"
	if opt.FullIDs {
		how = "含完整身份证号、电话号码和详细住址"
	}
	if opt.Filter != (data.ListFilter{}) || !opt.Range.IsZero() {
		how += "，按列表的筛选条件"
	}
	if opt.Order.Label != "" {
		how += "，" + opt.Order.Label
	}
	summary := fmt.Sprintf("导出%s %d 条到 %s（%s）", kind.Label(), n, filepath.Base(path), how)
	if err := s.Audit(data.ActExport, string(kind), n, summary); err != nil {
		return n, fmt.Errorf("已导出，但写操作日志失败：%w", err)
	}
	return n, nil
}

// exportTitle is the title line of an export's printed pages:
// "劳动者（按姓名升序）", or the kind alone in the order of entry.
func exportTitle(kind Kind, o data.Order) string {
	if o.Label == "" {
		return kind.Label()
	}
	return kind.Label() + "（" + o.Label + "）"
}

// rowWriter writes an export's rows after its header.
type rowWriter interface {
	write(row []any) error
	finish(path string) error
	abort()
}

// xlsxWriter streams rows into a workbook: bold header on a grey fill,
// frozen so it stays in view, columns wide enough for their content,
// dates as real dates and money as numbers so Excel can sort and sum.
type xlsxWriter struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	row    int
	cells  []any
	head   int // style ids
	date   int
	money  int
	text   int
	ncols  int
	header []string
	title  string // each printed page's heading: what the sheet holds, in which order
}

func newXLSXWriter(sheet, title string, cols []column) (*xlsxWriter, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	x := &xlsxWriter{f: f, title: title}
	var err error
	x.head, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    thinBorder(),
	})
	if err != nil {
		return nil, err
	}
	date := "yyyy-mm-dd"
	if x.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &date}); err != nil {
		return nil, err
	}
	moneyFmt := "#,##0.##"
	if x.money, err = f.NewStyle(&excelize.Style{CustomNumFmt: &moneyFmt}); err != nil {
		return nil, err
	}
	if x.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil { // "@": keeps numbers as typed
		return nil, err
	}
	return x, x.startSheet(sheet, cols)
}

// nextSheet finishes the sheet being written and starts another, for a
// workbook of more than one list (a roster and the workers left off it).
func (x *xlsxWriter) nextSheet(sheet string, cols []column) error {
	if err := x.sw.Flush(); err != nil {
		return err
	}
	if _, err := x.f.NewSheet(sheet); err != nil {
		return err
	}
	return x.startSheet(sheet, cols)
}

// startSheet sets a sheet up and writes its header row.
func (x *xlsxWriter) startSheet(sheet string, cols []column) error {
	x.ncols, x.cells, x.header = len(cols), make([]any, len(cols)), nil
	// Sheet settings go in before streaming starts: the stream writer
	// copies them from the sheet as it stands when it is made.
	if err := x.printSetup(sheet, x.title); err != nil {
		return err
	}
	var err error
	if x.sw, err = x.f.NewStreamWriter(sheet); err != nil {
		return err
	}
	for i, c := range cols {
		if err := x.sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	if err := x.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: x.head, Value: c.header}
		x.header = append(x.header, c.header)
	}
	if err := x.sw.SetRow("A1", header, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	x.row = 1
	return nil
}

func thinBorder() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "A6A6A6", Style: 1})
	}
	return b
}

func (x *xlsxWriter) write(row []any) error {
	x.row++
	for i, v := range row {
		switch v := v.(type) {
		case data.Date:
			if v.IsZero() {
				x.cells[i] = nil
			} else {
				x.cells[i] = excelize.Cell{StyleID: x.date, Value: v.Time()}
			}
		case data.Fen:
			x.cells[i] = excelize.Cell{StyleID: x.money, Value: float64(v) / 100}
		case string:
			if v == "" {
				x.cells[i] = nil
			} else {
				x.cells[i] = excelize.Cell{StyleID: x.text, Value: v}
			}
		default:
			x.cells[i] = v
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return err
	}
	return x.sw.SetRow(cell, x.cells)
}

func (x *xlsxWriter) finish(path string) error {
	if err := x.sw.Flush(); err != nil {
		return err
	}
	if err := saveWorkbook(x.f, path); err != nil {
		return err
	}
	return x.f.Close()
}

// printSetup makes the sheet print as a clerk would set it up (A4
// landscape, all columns on the page width, the header row repeated on
// every page) and puts a filter on the header row: clerks sort and
// filter rosters by county or employer.
func (x *xlsxWriter) printSetup(sheet, title string) error {
	// The title line of every printed page says what the sheet holds and
	// in which order, as a printed list's heading does.
	if err := x.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&C" + strings.ReplaceAll(title, "&", "&&")}); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(x.ncols, 1)
	if err != nil {
		return err
	}
	if err := x.f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	a4, landscape, one, any := 9, "landscape", 1, 0
	if err := x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape,
		FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	fit := true
	if err := x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet})
}

// saveWorkbook writes a workbook to path whatever its extension (excelize's
// SaveAs insists on .xlsx, and exports go to a temporary name first).
func saveWorkbook(f *excelize.File, path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.WriteTo(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func (x *xlsxWriter) abort() { x.f.Close() }

// csvWriter writes UTF-8 with a BOM (so Excel on Chinese Windows does not
// read it as GBK) and CRLF line ends.
type csvWriter struct {
	file  *os.File
	buf   *bufio.Writer
	w     *csv.Writer
	cells []string
}

func newCSVWriter(path string, cols []column) (*csvWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	c := &csvWriter{file: f, buf: bufio.NewWriterSize(f, 64<<10), cells: make([]string, len(cols))}
	c.buf.Write(utf8BOM)
	c.w = csv.NewWriter(c.buf)
	c.w.UseCRLF = true
	for i, col := range cols {
		c.cells[i] = col.header
	}
	if err := c.w.Write(c.cells); err != nil {
		f.Close()
		return nil, err
	}
	return c, nil
}

func (c *csvWriter) write(row []any) error {
	for i, v := range row {
		switch v := v.(type) {
		case data.Date:
			c.cells[i] = v.String()
		case data.Fen:
			c.cells[i] = v.String()
		case int:
			c.cells[i] = strconv.Itoa(v)
		case string:
			c.cells[i] = csvText(v)
		default:
			c.cells[i] = fmt.Sprint(v)
		}
	}
	return c.w.Write(c.cells)
}

// csvText guards a text cell against what Excel does when it opens a CSV:
// a long digit string (a full ID number) would become 6.20123E+17 and lose
// its last digits, and a cell starting with = + - @ would run as a formula
// (-2+3+cmd|' /C calc'!A0 starts a program), as would one starting with a
// tab or carriage return in a program that trims them first. A leading tab
// keeps all of these as text (leading white space before it is dropped, so
// that the tab is always what comes first); the importer trims the tab
// (cleanCell), so a value exported and imported again comes back as it
// was typed, a leading minus included.
func csvText(s string) string {
	if s == "" {
		return s
	}
	if t := strings.TrimLeft(s, " \t\r\n"); s[0] == '\t' || s[0] == '\r' || (t != "" && strings.IndexByte("=+-@", t[0]) >= 0) {
		return "\t" + t
	}
	if len(s) > 11 && allDigits(strings.TrimSuffix(s, "X")) {
		return "\t" + s
	}
	return s
}

func (c *csvWriter) finish(string) error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		c.file.Close()
		return err
	}
	if err := c.buf.Flush(); err != nil {
		c.file.Close()
		return err
	}
	return c.file.Close()
}

func (c *csvWriter) abort() { c.file.Close() }

// SuggestedName is a file name for an export made at a given time, e.g.
// "劳动者-20261122-1030.xlsx", for the GUI's save dialog.
func SuggestedName(k Kind, f Format, at time.Time) string {
	ext := ".xlsx"
	if f == CSV {
		ext = ".csv"
	}
	return k.Label() + "-" + at.Format("20060102-1504") + ext
}
