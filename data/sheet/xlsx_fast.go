package sheet

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// fastBook reads a workbook's worksheets straight from the zip with
// xmlScan, giving the same cells as excelize's Rows with RawCellValue
// (which xlsxTable used, and still uses when a workbook's layout is not
// the plain one read here): row numbers as Excel shows them, gaps as
// empty rows, shared and inline strings resolved, everything else as
// stored. excelize still opens the file and names its sheets.
type fastBook struct {
	zr    *zip.Reader
	paths map[string]string // sheet name -> worksheet part
	sst   []string
	read  bool // sst loaded
	sstAt string
}

// openFastBook maps sheet names to their parts; nil when the workbook
// cannot be read this way (excelize then reads it).
func openFastBook(r io.ReaderAt, size int64) *fastBook {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil
	}
	b := &fastBook{zr: zr, paths: map[string]string{}}
	wbPath := "xl/workbook.xml"
	var root relList
	if b.unmarshal("_rels/.rels", &root) == nil {
		for _, rel := range root.Rels {
			if strings.HasSuffix(rel.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(rel.Target, "/")
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels relList
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	if b.unmarshal(wbPath, &wb) != nil || b.unmarshal(relsPath, &rels) != nil {
		return nil
	}
	target := map[string]string{}
	for _, rel := range rels.Rels {
		t := rel.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(path.Clean(t), "/")
		} else {
			t = path.Clean(path.Join(path.Dir(wbPath), t))
		}
		target[rel.ID] = t
		if strings.HasSuffix(rel.Type, "/sharedStrings") {
			b.sstAt = t
		}
	}
	for _, s := range wb.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && strings.Contains(a.Name.Space, "relationships") {
				b.paths[s.Name] = target[a.Value]
			}
		}
	}
	return b
}

type relList struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func (b *fastBook) file(name string) *zip.File {
	for _, f := range b.zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// unmarshal decodes a small part (the workbook, its relationships).
func (b *fastBook) unmarshal(name string, v any) error {
	f := b.file(name)
	if f == nil {
		return fmt.Errorf("no %s", name)
	}
	r, err := f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	return xml.NewDecoder(io.LimitReader(r, 16<<20)).Decode(v)
}

// sharedStrings loads the shared-string table once: the only part held
// whole, as excelize holds it.
func (b *fastBook) sharedStrings() ([]string, error) {
	if b.read {
		return b.sst, nil
	}
	b.read = true
	name := b.sstAt
	if name == "" {
		name = "xl/sharedStrings.xml"
	}
	f := b.file(name)
	if f == nil {
		return nil, nil
	}
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	x := newXMLScan(r)
	var si strings.Builder
	inPh, inT, inSI := false, false, false
	for {
		err := x.next(inT)
		if err == io.EOF {
			return b.sst, nil
		}
		if err != nil {
			return nil, err
		}
		switch x.kind {
		case tokText:
			si.Write(x.text)
		case tokStart:
			switch {
			case x.is("si") && !x.closed:
				inSI = true
				si.Reset()
			case x.is("si"):
				b.sst = append(b.sst, "")
			case x.is("rPh") && !x.closed:
				inPh = true
			case x.is("t") && inSI && !inPh && !x.closed:
				inT = true
			}
		case tokEnd:
			switch {
			case x.is("t"):
				inT = false
			case x.is("rPh"):
				inPh = false
			case x.is("si"):
				inSI = false
				b.sst = append(b.sst, bstrUnmarshal(si.String()))
			}
		}
	}
}

// rows starts reading a sheet, or returns nil when it is not one of the
// parts found.
func (b *fastBook) rows(sheet string) (*fastRows, error) {
	p, ok := b.paths[sheet]
	if !ok {
		return nil, nil
	}
	f := b.file(p)
	if f == nil {
		return nil, nil
	}
	sst, err := b.sharedStrings()
	if err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	cr := &countingReader{r: rc}
	return &fastRows{rc: rc, read: cr, size: f.UncompressedSize64, x: newXMLScan(cr), sst: sst}, nil
}

// fastRows yields a sheet's rows as excelize's Rows does: a row element
// numbered r comes after empty rows for any numbers skipped; a row without
// a number follows the one before it.
type fastRows struct {
	rc      io.ReadCloser
	read    *countingReader
	size    uint64 // the worksheet's size unzipped, as the zip records it
	x       *xmlScan
	sst     []string
	yielded int  // rows handed out so far
	curRow  int  // number of the last row element read
	held    bool // a row element is read but its cells are not
	heldEnd bool // ... and it was <row/>, with no cells
	done    bool
	cells   []string
	lossy   []int // cells of the last row that are numbers above 2^53
	val     strings.Builder
}

// next returns the next row's cells (valid until the following call).
func (f *fastRows) next() ([]string, error) {
	f.lossy = f.lossy[:0]
	if !f.held && !f.done {
		if err := f.findRow(); err != nil {
			return nil, err
		}
	}
	if !f.held {
		return nil, io.EOF
	}
	f.yielded++
	if f.curRow > f.yielded {
		return f.cells[:0], nil // a row number skipped: an empty row
	}
	f.held = false
	if f.heldEnd {
		return f.cells[:0], nil
	}
	return f.readCells()
}

// findRow reads on to the next <row> start tag.
func (f *fastRows) findRow() error {
	for {
		err := f.x.next(false)
		if err == io.EOF {
			f.done = true
			return nil
		}
		if err != nil {
			return err
		}
		if f.x.kind == tokEnd && f.x.is("sheetData") {
			f.done = true
			return nil
		}
		if f.x.kind == tokStart && f.x.is("row") {
			n := 0
			if v, ok := f.x.attr("r"); ok {
				n, _ = strconv.Atoi(v)
			}
			if n != 0 {
				f.curRow = n
			} else {
				f.curRow++
			}
			f.held, f.heldEnd = true, f.x.closed
			return nil
		}
	}
}

// readCells reads the cells of the held row up to its end tag.
func (f *fastRows) readCells() ([]string, error) {
	cells := f.cells[:0]
	col := 0
	for {
		if err := f.x.next(false); err != nil {
			if err == io.EOF {
				f.done = true
				f.cells = cells
				return cells, nil
			}
			return nil, err
		}
		if f.x.kind == tokEnd && f.x.is("row") {
			f.cells = cells
			return cells, nil
		}
		if f.x.kind != tokStart || !f.x.is("c") {
			continue
		}
		col++
		if r, ok := f.x.rawAttr("r"); ok && len(r) > 0 {
			c, ok := cellColumn(r)
			if !ok { // anything unusual: excelize's reading, and its error
				var err error
				if c, _, err = excelize.CellNameToCoordinates(string(decodeXMLText(nil, r))); err != nil {
					return nil, err
				}
			}
			col = c
		}
		val, typ, hasF, err := f.cellValue()
		if err != nil {
			return nil, err
		}
		if (typ == "" || typ == "n") && val != "" && roundedNumber(val) {
			f.lossy = append(f.lossy, col-1)
		}
		if val != "" || hasF {
			for len(cells) < col-1 {
				cells = append(cells, "")
			}
			cells = append(cells, val)
		}
	}
}

// cellColumn reads the column of a plain cell reference such as "AB12"; ok
// is false for anything else ($A$1, lower case, entities, no row).
func cellColumn(ref []byte) (col int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 || i > 3 || i == len(ref) || col > excelize.MaxColumns {
		return 0, false
	}
	row := 0
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		row = row*10 + int(c-'0')
		if row > excelize.TotalRows {
			return 0, false
		}
	}
	return col, row > 0
}

// cellValue reads the current <c> element: its raw value by its type
// (the t attribute: "" or "n" for a number).
func (f *fastRows) cellValue() (val, typ string, hasF bool, err error) {
	typ = cellType(f.x)
	if f.x.closed {
		return "", typ, false, nil
	}
	var v string
	hasIS := false
	f.val.Reset()
	inV, inT, inPh := false, false, false
	for {
		if err := f.x.next(inV || inT); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", typ, false, err
		}
		switch f.x.kind {
		case tokText:
			if inV {
				v += string(f.x.text)
			} else {
				f.val.Write(f.x.text)
			}
		case tokStart:
			switch {
			case f.x.is("v"):
				inV = !f.x.closed
			case f.x.is("f"):
				hasF = true
			case f.x.is("is"):
				hasIS = true
			case f.x.is("rPh"):
				inPh = !f.x.closed
			case f.x.is("t") && hasIS && !inPh:
				inT = !f.x.closed
			}
		case tokEnd:
			switch {
			case f.x.is("c"):
				return f.resolve(typ, v, hasIS), typ, hasF, nil
			case f.x.is("v"):
				inV = false
			case f.x.is("t"):
				inT = false
			case f.x.is("rPh"):
				inPh = false
			}
		}
	}
}

// cellType is the cell's t attribute, without an allocation for the
// usual ones.
func cellType(x *xmlScan) string {
	t, _ := x.rawAttr("t")
	switch string(t) {
	case "":
		return ""
	case "s":
		return "s"
	case "n":
		return "n"
	case "str":
		return "str"
	case "inlineStr":
		return "inlineStr"
	}
	v, _ := x.attr("t")
	return v
}

func (f *fastRows) resolve(typ, v string, hasIS bool) string {
	switch typ {
	case "s":
		if v != "" {
			i, _ := strconv.Atoi(strings.TrimSpace(v))
			if i >= 0 && i < len(f.sst) {
				return f.sst[i]
			}
		}
		return v
	case "inlineStr":
		if hasIS {
			return bstrUnmarshal(f.val.String())
		}
	}
	return v
}

func (f *fastRows) close() error { return f.rc.Close() }

// fraction is the share of the worksheet's XML read so far, or -1 when
// the zip does not record its size.
func (f *fastRows) fraction() float64 {
	if f.size == 0 {
		return -1
	}
	return min(1, float64(f.read.n)/float64(f.size)) // countingReader: source_csv.go
}

// bstrExp is an escaped character in a string item: _x000D_ is a
// carriage return; _x005F_ is a literal underscore.
var bstrExp = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal decodes the _xHHHH_ escapes as excelize does.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	cursor := 0
	for _, m := range bstrExp.FindAllStringIndex(s, -1) {
		b.WriteString(s[cursor:m[0]])
		cursor = m[1]
		sub := s[m[0]:m[1]]
		if sub == "_x005F_" {
			b.WriteString("_")
			continue
		}
		u, _ := strconv.Unquote(`"\u` + sub[2:6] + `"`)
		b.WriteString(u)
	}
	b.WriteString(s[cursor:])
	return b.String()
}
