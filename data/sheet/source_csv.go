package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Byte-order marks.
var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// textEncoding is how a CSV file's bytes become text.
type textEncoding int

const (
	encUTF8 textEncoding = iota
	encUTF8BOM
	encGB18030
	encUTF16LE
	encUTF16BE
)

func (e textEncoding) String() string {
	return [...]string{"UTF-8", "UTF-8（带BOM）", "GB18030/GBK", "UTF-16", "UTF-16"}[e]
}

// csvTable is a CSV (or tab-separated text) file: one sheet.
type csvTable struct {
	name string
	r    readSeekCloser
	size int64
	enc  textEncoding
}

// openCSV settles the encoding: a BOM says it; otherwise a file that is
// valid UTF-8 throughout is UTF-8 and anything else is GB18030, which is
// what Excel on Chinese Windows writes for "CSV (逗号分隔)" (GB18030 is a
// superset of GBK and GB2312).
func openCSV(name string, r readSeekCloser, size int64) (table, error) {
	head := make([]byte, 512)
	n, _ := io.ReadFull(r, head)
	head = head[:n]
	t := &csvTable{name: name, r: r, size: size}
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		t.enc = encUTF8BOM
	case bytes.HasPrefix(head, utf16LEBOM):
		t.enc = encUTF16LE
	case bytes.HasPrefix(head, utf16BEBOM):
		t.enc = encUTF16BE
	default:
		if bytes.IndexByte(head, 0) >= 0 {
			return nil, fileErr("文件 %s 不是表格文件（.xlsx 或 .csv）", name)
		}
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return nil, fileErr("无法读取文件 %s：%v", name, err)
		}
		valid, err := validUTF8(r)
		if err != nil {
			return nil, fileErr("无法读取文件 %s：%v", name, err)
		}
		if !valid {
			t.enc = encGB18030
		}
	}
	return t, nil
}

// validUTF8 reads r to the end (or the first bad byte) in chunks, carrying
// a rune split across two chunks over to the next.
func validUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		chunk := buf[:carry+n]
		end := len(chunk)
		if err == nil {
			// Keep back an incomplete rune at the end for the next chunk.
			for i := len(chunk) - 1; i >= 0 && i >= len(chunk)-utf8.UTFMax; i-- {
				if utf8.RuneStart(chunk[i]) {
					if !utf8.FullRune(chunk[i:]) {
						end = i
					}
					break
				}
			}
		}
		if !utf8.Valid(chunk[:end]) {
			return false, nil
		}
		carry = copy(buf, chunk[end:])
		if errors.Is(err, io.EOF) {
			return carry == 0 || utf8.Valid(buf[:carry]), nil
		}
		if err != nil {
			return false, err
		}
	}
}

func (t *csvTable) sheets() []string { return []string{""} }

func (t *csvTable) describe(string) string { return t.enc.String() + " 编码的 CSV 文件" }

func (t *csvTable) close() error { return t.r.Close() }

func (t *csvTable) rows(string) (rowIter, error) {
	if _, err := t.r.Seek(0, io.SeekStart); err != nil {
		return nil, fileErr("无法读取文件 %s：%v", t.name, err)
	}
	counted := &countingReader{r: t.r}
	var text io.Reader = counted
	switch t.enc {
	case encUTF8BOM:
		text = skipBOM(counted)
	case encGB18030:
		text = transform.NewReader(counted, simplifiedchinese.GB18030.NewDecoder())
	case encUTF16LE:
		text = transform.NewReader(counted, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case encUTF16BE:
		text = transform.NewReader(counted, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	}
	br := bufio.NewReaderSize(text, 64<<10)
	cr := csv.NewReader(br)
	cr.Comma = sniffDelimiter(br)
	cr.FieldsPerRecord = -1 // title rows have one cell, data rows many
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return &csvIter{cr: cr, counted: counted, size: t.size}, nil
}

// skipBOM drops the UTF-8 BOM the caller has seen at the start.
func skipBOM(r io.Reader) io.Reader {
	var bom [3]byte
	_, _ = io.ReadFull(r, bom[:])
	return r
}

// sniffDelimiter picks comma or tab from the start of the text: Excel's
// "Unicode 文本" and many web systems write tab-separated files.
func sniffDelimiter(br *bufio.Reader) rune {
	head, _ := br.Peek(16 << 10)
	if bytes.Count(head, []byte{'\t'}) > bytes.Count(head, []byte{','}) {
		return '\t'
	}
	return ','
}

type csvIter struct {
	cr      *csv.Reader
	counted *countingReader
	size    int64
	row     int
}

func (it *csvIter) next() ([]string, int, error) {
	rec, err := it.cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, 0, fileErr("第%d行附近不是有效的 CSV 格式（%v），请用 Excel 打开检查后重新保存", it.row+1, pe.Err)
		}
		return nil, 0, fileErr("读取文件出错：%v", err)
	}
	it.row++
	return rec, it.row, nil
}

func (it *csvIter) fraction() float64 {
	if it.size <= 0 {
		return 0
	}
	return min(1, float64(it.counted.n)/float64(it.size))
}

func (it *csvIter) close() error { return nil }

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
