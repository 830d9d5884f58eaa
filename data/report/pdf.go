package report

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/signintech/gopdf"

	"duikou/assets"
)

// Page geometry in millimetres: A4 landscape.
const (
	pageW   = 297.0
	pageH   = 210.0
	marginL = 12.0
	marginR = 12.0
	marginT = 11.0
	marginB = 15.0 // room for the page number
	bodyW   = pageW - marginL - marginR
	bottom  = pageH - marginB

	cellPad = 1.2 // mm inside a cell

	sizeTitle = 17.0 // pt
	sizeMeta  = 10.0
	sizeHead  = 9.5
	sizeCell  = 9.0
	sizeFoot  = 8.5

	signatureHeight = 42.0 // the signature block with room for a seal
)

const (
	fontRegular = "noto"
	fontBold    = "noto-bold"
)

// ptToMM converts a font size to millimetres.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }

// lineHeight is the distance between lines of text at a font size.
func lineHeight(pt float64) float64 { return ptToMM(pt) * 1.32 }

// header is what the top of the first page says besides the title.
type header struct {
	union   string // issuing union
	period  string // "推荐或上岗日期：2026-03-01 至 2026-03-31"
	printed string // "打印日期：2026年11月22日"
	note    string // under every page: masked or full numbers
	filter  string // the line under the heading: what the list was narrowed to (as printed)
}

// pdfDoc draws one list.
type pdfDoc struct {
	gp      *gopdf.GoPdf
	widths  map[string]map[rune]float64 // font+size -> rune -> mm
	font    string
	size    float64
	missing map[rune]bool
	y       float64
	pages   int
	// needHeader is set on a new page until the header row is drawn;
	// rowsTop is where the first row of this page starts, headH the
	// header row's height.
	needHeader bool
	rowsTop    float64
	headH      float64
}

func newPDF(title, author string, created time.Time) (*pdfDoc, error) {
	d := &pdfDoc{gp: &gopdf.GoPdf{}, widths: map[string]map[rune]float64{}, missing: map[rune]bool{}}
	d.gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4Landscape, Unit: gopdf.UnitMM})
	d.gp.SetInfo(gopdf.PdfInfo{Title: title, Author: author, Creator: "对口劳务协作", Producer: "对口劳务协作", CreationDate: created})
	// A character the font lacks prints as □ and is reported, so the clerk
	// can write it in by hand rather than sign a list with a gap in a name.
	opt := gopdf.TtfOption{
		OnGlyphNotFound:           func(r rune) { d.missing[r] = true },
		OnGlyphNotFoundSubstitute: func(rune) rune { return '□' },
	}
	if err := d.gp.AddTTFFontDataWithOption(fontRegular, assets.FontRegular, opt); err != nil {
		return nil, fmt.Errorf("无法载入字体：%w", err)
	}
	// The bold face is a family of its own (selected by name), so it is
	// registered as that family's regular style.
	if err := d.gp.AddTTFFontDataWithOption(fontBold, assets.FontBold, opt); err != nil {
		return nil, fmt.Errorf("无法载入字体：%w", err)
	}
	return d, nil
}

func (d *pdfDoc) setFont(font string, size float64) {
	if d.font == font && d.size == size {
		return
	}
	d.font, d.size = font, size
	if err := d.gp.SetFont(font, "", size); err != nil {
		panic("report: " + err.Error()) // both fonts are registered in newPDF
	}
}

// runeWidth is a character's advance in mm in the current font, measured
// once per font and size.
func (d *pdfDoc) runeWidth(r rune) float64 {
	key := fmt.Sprintf("%s/%g", d.font, d.size)
	m := d.widths[key]
	if m == nil {
		m = map[rune]float64{}
		d.widths[key] = m
	}
	w, ok := m[r]
	if !ok {
		w, _ = d.gp.MeasureTextWidth(string(r))
		m[r] = w
	}
	return w
}

func (d *pdfDoc) textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += d.runeWidth(r)
	}
	return w
}

// text draws s with its top-left corner at x, y.
func (d *pdfDoc) text(x, y float64, s string) {
	if s == "" {
		return
	}
	d.gp.SetXY(x, y)
	_ = d.gp.CellWithOption(&gopdf.Rect{W: d.textWidth(s) + 1, H: lineHeight(d.size)}, s, gopdf.CellOption{Align: gopdf.Left | gopdf.Top})
}

// textIn draws s aligned within a span of width w starting at x.
func (d *pdfDoc) textIn(x, y, w float64, s string, a align) {
	switch a {
	case alignCenter:
		x += (w - d.textWidth(s)) / 2
	case alignRight:
		x += w - d.textWidth(s)
	}
	d.text(x, y, s)
}

// render lays the table out over as many pages as it needs and writes
// the PDF.
func (d *pdfDoc) render(t *table, h header, out io.Writer) error {
	d.setFont(fontRegular, sizeCell)
	cell := func(s string) float64 { d.setFont(fontRegular, sizeCell); return d.textWidth(s) }
	head := func(s string) float64 { d.setFont(fontBold, sizeHead); return d.textWidth(s) }
	layoutColumns(t.columns, bodyW, cellPad, cell, head)

	d.newPage(t, h, true)
	d.ensureHeader(t)
	for _, row := range t.rows {
		d.row(t, h, row)
	}
	d.closing(t, h)
	d.footers(h)
	_, err := d.gp.WriteTo(out)
	return err
}

// newPage starts a page: the full heading on the first, a short one after;
// the header row follows before the page's first row.
func (d *pdfDoc) newPage(t *table, h header, first bool) {
	d.gp.AddPage()
	d.pages++
	d.needHeader = true
	d.y = marginT
	if first {
		d.setFont(fontBold, sizeTitle)
		d.textIn(marginL, d.y, bodyW, t.title, alignCenter)
		d.y += lineHeight(sizeTitle) + 3
		d.setFont(fontRegular, sizeMeta)
		d.text(marginL, d.y, "填报单位："+h.union)
		d.textIn(marginL, d.y, bodyW, h.period, alignCenter)
		d.textIn(marginL, d.y, bodyW, h.printed, alignRight)
		d.y += lineHeight(sizeMeta) + 2
		if h.filter != "" {
			d.text(marginL, d.y, h.filter)
			d.y += lineHeight(sizeMeta) + 2
		}
	} else {
		d.setFont(fontRegular, sizeMeta)
		d.text(marginL, d.y, t.title+"（续）")
		d.textIn(marginL, d.y, bodyW, "填报单位："+h.union, alignRight)
		d.y += lineHeight(sizeMeta) + 1.5
	}
	d.rowsTop = d.y
}

// ensureHeader draws the header row if this page does not have it yet.
func (d *pdfDoc) ensureHeader(t *table) {
	if d.needHeader {
		d.headerRow(t)
		d.needHeader = false
		d.rowsTop = d.y
	}
}

// headerRow draws the column headings on a grey band.
func (d *pdfDoc) headerRow(t *table) {
	d.setFont(fontBold, sizeHead)
	lh := lineHeight(sizeHead)
	wrapped := make([][]string, len(t.columns))
	n := 1
	for i, c := range t.columns {
		wrapped[i] = wrap(c.header, c.width-2*cellPad, d.runeWidth)
		n = max(n, len(wrapped[i]))
	}
	rowH := float64(n)*lh + 2*cellPad + 0.6
	x := marginL
	d.gp.SetLineWidth(0.25)
	d.gp.SetStrokeColor(0, 0, 0)
	for _, c := range t.columns {
		d.gp.SetFillColor(230, 230, 230)
		d.gp.RectFromUpperLeftWithStyle(x, d.y, c.width, rowH, "FD")
		x += c.width
	}
	d.gp.SetFillColor(0, 0, 0)
	x = marginL
	for i, c := range t.columns {
		top := d.y + (rowH-float64(len(wrapped[i]))*lh)/2
		for j, line := range wrapped[i] {
			d.textIn(x+cellPad, top+float64(j)*lh, c.width-2*cellPad, line, alignCenter)
		}
		x += c.width
	}
	// PDF paints text with the fill colour: back to black for the rows.
	d.gp.SetFillColor(0, 0, 0)
	d.y += rowH
	d.headH = rowH
}

// row draws one table row, moving to a new page when it does not fit; a
// row taller than a whole page continues on the next one.
func (d *pdfDoc) row(t *table, h header, cells []string) {
	d.ensureHeader(t)
	d.setFont(fontRegular, sizeCell)
	lh := lineHeight(sizeCell)
	wrapped := make([][]string, len(t.columns))
	n := 1
	for i, c := range t.columns {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		wrapped[i] = wrap(text, c.width-2*cellPad, d.runeWidth)
		n = max(n, len(wrapped[i]))
	}
	n = max(n, t.minLines)
	for from := 0; from < n; {
		room := int((bottom - d.y - 2*cellPad) / lh)
		if room < n-from && d.y > d.rowsTop && (n-from <= d.linesPerPage() || room < 2) {
			// Not enough room here: a row that fits a fresh page moves
			// there whole; a longer one fills this page first.
			d.newPage(t, h, false)
			d.ensureHeader(t)
			d.setFont(fontRegular, sizeCell)
			continue
		}
		take := min(n-from, max(1, room))
		rowH := float64(take)*lh + 2*cellPad
		x := marginL
		d.gp.SetLineWidth(0.2)
		d.gp.SetStrokeColor(0, 0, 0)
		for i, c := range t.columns {
			d.gp.RectFromUpperLeftWithStyle(x, d.y, c.width, rowH, "D")
			part := wrapped[i][min(from, len(wrapped[i])):min(from+take, len(wrapped[i]))]
			top := d.y + cellPad
			if take == n { // a whole row: centre its text vertically
				top = d.y + (rowH-float64(len(part))*lh)/2
			}
			for j, line := range part {
				d.textIn(x+cellPad, top+float64(j)*lh, c.width-2*cellPad, line, c.align)
			}
			x += c.width
		}
		d.y += rowH
		from += take
		if from < n {
			d.newPage(t, h, false)
			d.ensureHeader(t)
			d.setFont(fontRegular, sizeCell)
		}
	}
}

// linesPerPage is how many lines of cell text fit under the heading and
// header row of a continuation page.
func (d *pdfDoc) linesPerPage() int {
	top := marginT + lineHeight(sizeMeta) + 1.5 + d.headH
	return int((bottom - top - 2*cellPad) / lineHeight(sizeCell))
}

// closing writes the summary line and the signature block, on a new page
// if this one has no room for them.
func (d *pdfDoc) closing(t *table, h header) {
	need := lineHeight(sizeMeta) + 4 + signatureHeight
	if d.y+need > bottom {
		d.newPage(t, h, false)
	}
	d.y += 3
	d.setFont(fontRegular, sizeMeta)
	d.text(marginL, d.y, t.summary)
	d.y += lineHeight(sizeMeta) + 7

	// 经办人 / 审核人 / 单位盖章 / 日期 in four columns; the seal column
	// leaves a 40 mm square empty for the stamp.
	colW := bodyW / 4
	lineY := d.y + lineHeight(sizeMeta) + 0.8
	labels := []string{"经办人：", "审核人：", "单位盖章：", "日期："}
	d.gp.SetLineWidth(0.3)
	for i, l := range labels {
		x := marginL + float64(i)*colW
		d.text(x, d.y, l)
		lw := d.textWidth(l)
		switch i {
		case 2:
			// The seal goes over the words; no line to sign on.
		case 3:
			d.text(x+lw, d.y, "        年      月      日")
		default:
			d.gp.Line(x+lw, lineY, x+colW-10, lineY)
		}
	}
	d.y += signatureHeight
}

// footers goes back over every page to write "第 N 页 共 M 页", now that
// the page count is known, and the note on masking.
func (d *pdfDoc) footers(h header) {
	for p := 1; p <= d.pages; p++ {
		if err := d.gp.SetPage(p); err != nil {
			return
		}
		d.font, d.size = "", 0 // the page's own font state starts afresh
		d.setFont(fontRegular, sizeFoot)
		y := pageH - marginB + 4
		d.gp.SetTextColor(0, 0, 0)
		d.textIn(marginL, y, bodyW, fmt.Sprintf("第 %d 页 共 %d 页", p, d.pages), alignCenter)
		d.gp.SetTextColor(90, 90, 90)
		d.text(marginL, y, h.note)
		d.textIn(marginL, y, bodyW, h.union, alignRight)
		d.gp.SetTextColor(0, 0, 0)
	}
}

// missingRunes lists the characters the font could not draw, in order.
func (d *pdfDoc) missingRunes() []rune {
	out := make([]rune, 0, len(d.missing))
	for r := range d.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}
