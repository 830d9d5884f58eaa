package sheet

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with one row.
type Problem struct {
	Row    int    // as the spreadsheet shows it
	Column string // the column's header as the file has it; "" for the whole row
	Reason string // in Chinese, for the clerk
}

// String is "第12行 身份证号：身份证号校验不通过…".
func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("第%d行：%s", p.Row, p.Reason)
	}
	return fmt.Sprintf("第%d行 %s：%s", p.Row, p.Column, p.Reason)
}

// Duplicate is a row whose person or employer is already registered (same
// ID number, same credit code; for a demand, same employer, 工种, title,
// work place and start date).
type Duplicate struct {
	Row        int
	Label      string // the row's record, masked: "王秀兰 620123********1234"
	Existing   string // the registered record, masked
	ExistingID string
	// Changed reports whether updating from the row would change the
	// registered record (preview), or did (import).
	Changed bool
	// Problem is why updating from the row would be refused; skipping the
	// row is always possible.
	Problem string
}

// OnDuplicate is what an import does with rows already registered.
type OnDuplicate int

const (
	Skip   OnDuplicate = iota // leave the registered record as it is
	Update                    // write the row's filled cells over it
)

// Report is what an import found (a preview) or did.
type Report struct {
	Kind      Kind
	File      string   // base name
	Format    string   // "GB18030/GBK 编码的 CSV 文件", "Excel 工作簿，工作表“花名册”"
	HeaderRow int      // where the header was found
	Ignored   []string // columns in the file that are not imported
	Notes     []string // remarks about the file

	Rows       int // data rows read (blank and footer rows not counted)
	New        int // rows created, or that would be
	Duplicates []Duplicate
	Problems   []Problem // in row order; a row may have several
	Refused    int       // rows refused

	DryRun      bool
	OnDuplicate OnDuplicate // what the import did with duplicates
	Updated     int         // registered records changed (import with Update)
	Unchanged   int         // duplicates whose update changed nothing
	Skipped     int         // duplicates left alone (import with Skip)
	Backup      string      // the backup taken before the import
}

func (r *Report) refuse(ps ...Problem) {
	r.Problems = append(r.Problems, ps...)
	r.Refused++
}

// Text is the report as the command line prints it and a clerk reads it.
func (r *Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "文件：%s（%s），表头在第%d行\n", r.File, r.Format, r.HeaderRow)
	if len(r.Ignored) > 0 {
		fmt.Fprintf(&b, "未导入的列：%s\n", strings.Join(r.Ignored, "、"))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "注意：%s\n", n)
	}
	what := r.Kind.Label()
	if r.DryRun {
		fmt.Fprintf(&b, "预览（未写入）：共%d行%s，可导入%d行，有误%d行，重复%d行\n", r.Rows, what, r.New, r.Refused, len(r.Duplicates))
	} else {
		fmt.Fprintf(&b, "已导入：共%d行%s，新增%d行，更新%d行，重复未改%d行，有误%d行未导入\n",
			r.Rows, what, r.New, r.Updated, r.Skipped+r.Unchanged, r.Refused)
	}
	if len(r.Problems) > 0 {
		b.WriteString("有误的行：\n")
		for _, p := range r.Problems {
			fmt.Fprintf(&b, "  %s\n", p)
		}
	}
	if len(r.Duplicates) > 0 {
		b.WriteString("已登记过的（重复）：\n")
		for _, d := range r.Duplicates {
			fmt.Fprintf(&b, "  第%d行 %s", d.Row, d.Label)
			if d.Existing != d.Label {
				fmt.Fprintf(&b, "（已登记为 %s）", d.Existing)
			}
			switch {
			case d.Problem != "":
				fmt.Fprintf(&b, "：不能更新，%s", d.Problem)
			case !r.DryRun && r.OnDuplicate == Skip:
				b.WriteString("：已跳过")
			case !d.Changed:
				b.WriteString("：内容相同")
			case r.DryRun:
				b.WriteString("：内容有变化，可选择更新")
			default:
				b.WriteString("：已更新")
			}
			b.WriteByte('\n')
		}
	}
	if r.Backup != "" {
		fmt.Fprintf(&b, "导入前已备份数据库：%s\n", r.Backup)
	}
	return b.String()
}
