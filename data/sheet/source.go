package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// FileError is a problem with the file as a whole: it cannot be read, or
// it holds no recognisable table. Nothing is imported from such a file.
type FileError struct {
	Reason string
}

func (e *FileError) Error() string { return e.Reason }

func fileErr(format string, args ...any) *FileError {
	return &FileError{Reason: fmt.Sprintf(format, args...)}
}

// AsFileError unwraps a FileError.
func AsFileError(err error) (*FileError, bool) {
	var fe *FileError
	ok := errors.As(err, &fe)
	return fe, ok
}

// table is a spreadsheet opened for reading: one or more sheets of rows.
type table interface {
	// sheets lists the sheets to try for a header, most likely first.
	sheets() []string
	// rows starts reading a sheet from its first row.
	rows(sheet string) (rowIter, error)
	// describe names the file's format for the report.
	describe(sheet string) string
	close() error
}

// rowIter reads a sheet row by row.
type rowIter interface {
	// next returns the next row's cells and its number as the spreadsheet
	// shows it (1-based); io.EOF after the last row. The cells are only
	// valid until the next call.
	next() (cells []string, row int, err error)
	// fraction is how far through the sheet the reader is, 0..1, or -1
	// when the sheet's size is unknown.
	fraction() float64
	close() error
}

// lossyReporter is a rowIter that can tell which cells of the row it
// returned last held a number too large to be exact: above 2^53 a float
// (what Excel keeps a number as, to 15 significant digits) has lost the
// last digits, as an 18-digit ID number typed into a General cell has.
type lossyReporter interface {
	// lossyColumns lists those cells' indexes (from 0), valid until the
	// next call of next.
	lossyColumns() []int
}

// maxExactNumber is 2^53: above it not every whole number is a float64.
const maxExactNumber = 1 << 53

// roundedNumber reports a numeric cell's raw value that is above 2^53.
func roundedNumber(raw string) bool {
	if len(raw) < 16 && !strings.ContainsAny(raw, "eE") {
		return false // 2^53 has 16 digits: most cells are answered here
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	return err == nil && math.Abs(f) > maxExactNumber
}

// Magic numbers at the start of a file.
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// msgLegacyXLS is what a clerk is told for a .xls or .et file.
const msgLegacyXLS = "这是旧版 Excel 97-2003（.xls）或 WPS（.et）格式的文件，也可能是设了打开密码的工作簿，本程序无法读取。" +
	"请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”后再导入。"

// openTable opens a spreadsheet file by its content, not its name: Excel
// workbooks are zip files, legacy .xls files OLE2 compound files, and
// anything else is read as CSV text.
func openTable(path string) (table, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fileErr("找不到文件 %s", path)
		}
		return nil, fileErr("无法打开文件 %s：%v", path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fileErr("无法读取文件 %s：%v", path, err)
	}
	if st.IsDir() {
		f.Close()
		return nil, fileErr("%s 是文件夹，请选择表格文件", path)
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fileErr("无法读取文件 %s：%v", path, err)
	}
	t, err := openContent(filepath.Base(path), head, f, st.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	return t, nil
}

// openContent picks the reader for a file from its first bytes; r is the
// whole file from its start and is closed with the table.
func openContent(name string, head []byte, r readSeekCloser, size int64) (table, error) {
	switch {
	case size == 0:
		return nil, fileErr("文件 %s 是空的", name)
	case bytes.HasPrefix(head, oleMagic):
		return nil, fileErr("%s", msgLegacyXLS)
	case bytes.HasPrefix(head, zipMagic):
		return openXLSX(name, r, size)
	case looksLikeHTML(head):
		return nil, fileErr("文件 %s 实际是网页（HTML）或 XML 格式，并不是 Excel 工作簿。请在 Excel 或 WPS 中打开它，"+
			"另存为“Excel 工作簿（*.xlsx）”后再导入。", name)
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".xlsx" || ext == ".xlsm" {
		return nil, fileErr("文件 %s 不是有效的 Excel 工作簿（可能已损坏或下载不完整），请在 Excel 或 WPS 中打开检查后重新保存", name)
	}
	return openCSV(name, r, size)
}

// readSeekCloser is an open file (or bytes in a test).
type readSeekCloser interface {
	io.ReadSeeker
	io.Closer
}

// looksLikeHTML spots the "Excel" files that web systems export as an HTML
// table with an .xls name.
func looksLikeHTML(head []byte) bool {
	h := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<table", "<?xml"} {
		if bytes.HasPrefix(h, []byte(p)) {
			return true
		}
	}
	return false
}
