package report

import (
	"bytes"
	"cmp"
	"duikou/data/filewrite"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
)

// List is a printed list.
type List string

const (
	Placements List = "placements" // 就业安置花名册
	Workers    List = "workers"    // 劳动者名册
	FollowUps  List = "followups"  // 跟踪服务台账
	Employers  List = "employers"  // 用工单位名录
	Demands    List = "demands"    // 招聘岗位信息表
	Relief     List = "relief"     // 慰问金签领表
)

// Lists in menu order.
var Lists = []List{Placements, Workers, FollowUps, Employers, Demands, Relief}

// ParseList reads a list name as the command line writes it.
func ParseList(s string) (List, bool) {
	for _, l := range Lists {
		if string(l) == s {
			return l, true
		}
	}
	return "", false
}

// Title is the list's printed title.
func (l List) Title() string {
	switch l {
	case Placements:
		return "劳务协作就业安置花名册"
	case Workers:
		return "劳务协作劳动者名册"
	case FollowUps:
		return "劳务协作跟踪服务台账"
	case Employers:
		return "劳务协作用工单位名录"
	case Demands:
		return "劳务协作招聘岗位信息表"
	case Relief:
		return "慰问金签领表"
	}
	return string(l)
}

// KindsHelp lists the printable lists as the command line names them,
// e.g. "placements 就业安置花名册、workers 劳动者名册".
func KindsHelp() string {
	parts := make([]string, len(Lists))
	for i, l := range Lists {
		parts[i] = string(l) + " " + strings.TrimPrefix(l.Title(), "劳务协作")
	}
	return strings.Join(parts, "、")
}

// ShortTitle is the list's everyday name, for file names: 花名册,
// 劳动者名册, 跟踪服务台账, 用工单位名录, 招聘岗位信息表.
func (l List) ShortTitle() string {
	if l == Placements {
		return "花名册"
	}
	return strings.TrimPrefix(l.Title(), "劳务协作")
}

// SaveName is the readable name a print from the window is saved under:
// "花名册-2026-12-06-已上岗.pdf", tag saying what the list was narrowed to
// ("" for the whole list).
func (l List) SaveName(day data.Date, tag string) string {
	name := l.ShortTitle() + "-" + day.String()
	if tag != "" {
		name += "-" + tag
	}
	return name + ".pdf"
}

// Dated reports whether the list is narrowed by a date range: employers
// are not, and the job-fair list holds the demands open on the day.
func (l List) Dated() bool { return l != Employers && l != Demands }

// periodLine is the heading's middle: the date range the list covers.
func (l List) periodLine(r storage.DateRange, today data.Date) string {
	switch l {
	case Employers:
		return ""
	case Demands:
		return "截至 " + today.String() + " 招聘中、未招满、在有效期内的岗位"
	}
	return l.dateLabel() + "：" + periodText(r)
}

// dateLabel names the date the range filters on.
func (l List) dateLabel() string {
	switch l {
	case Placements:
		return "推荐或上岗日期"
	case Workers:
		return "登记日期"
	case Relief:
		return "慰问日期"
	}
	return "应办日期"
}

// Options choose what a list holds.
type Options struct {
	// Range keeps placements referred or started, workers registered, or
	// follow-ups due within it; zero ends are open.
	Range storage.DateRange
	// FullIDs prints full ID numbers and phones; the audit log records it.
	FullIDs bool
	// Filter keeps the rows a list screen shows (the field of the printed
	// list's kind); zero prints every live record in the range.
	Filter data.ListFilter
	// Note says under the heading what the list was narrowed to, e.g.
	// "户籍地：榆中县；状态：待业", so the paper says what it holds.
	Note string
	// Order is the list screen's order: the rows follow it and the line
	// under the heading says it. Zero is each list's own order (the bus
	// list by referral date, follow-ups by due date, workers as entered).
	Order data.Order
}

// Result says what was printed.
type Result struct {
	Rows  int
	Pages int
	// Missing lists characters the bundled font cannot draw; they print
	// as □ and should be written in by hand.
	Missing []rune
}

// Print writes a list as a PDF to path (the file appears complete or not
// at all) and records the print in the audit log.
func Print(s *storage.Store, l List, path string, opt Options) (*Result, error) {
	var buf bytes.Buffer
	res, err := Write(s, l, &buf, opt)
	if err != nil {
		return nil, err
	}
	if err := filewrite.Bytes(path, buf.Bytes()); err != nil {
		return nil, err
	}
	how := "身份证号、电话已隐去中间部分"
	if opt.FullIDs {
		how = "含完整身份证号和电话号码"
	}
	if opt.Note != "" {
		how += "，" + opt.Note
	}
	if opt.Order.Label != "" {
		how += "，" + opt.Order.Label
	}
	summary := fmt.Sprintf("打印%s %d 条，%d 页，%s（%s）", l.Title(), res.Rows, res.Pages, filepath.Base(path), how)
	if err := s.Audit(data.ActPrint, string(l), res.Rows, summary); err != nil {
		return res, fmt.Errorf("已生成，但写操作日志失败：%w", err)
	}
	return res, nil
}

// Write renders a list as a PDF to w. It does not write the audit entry;
// Print does.
func Write(s *storage.Store, l List, w io.Writer, opt Options) (*Result, error) {
	t, err := build(s, l, opt)
	if err != nil {
		return nil, err
	}
	note := maskNote(opt.FullIDs)
	switch {
	case l == Demands:
		note = "" // no personal numbers on a job-fair list
	case l == Employers && !opt.FullIDs:
		note = "注：联系电话已隐去中间部分"
	}
	return render(s, t, l.periodLine(opt.Range, s.Today()), noteLine(opt.Note, opt.Order), note, w)
}

// maskNote is the foot line on masked or full numbers.
func maskNote(fullIDs bool) string {
	if fullIDs {
		return "注：本表含完整身份证号和联系电话，属个人信息，请妥善保管"
	}
	return "注：身份证号、联系电话已隐去中间部分"
}

// render lays a table out under the office's heading: the issuing union,
// the period line, the print date, the filter line and the note on masked
// or full numbers at the foot of every page.
func render(s *storage.Store, t *table, period, filter, note string, w io.Writer) (*Result, error) {
	office := s.Office()
	union := "（未设置本单位）"
	if office != nil {
		union = office.Name
	}
	today := s.Today()
	h := header{
		union:   union,
		period:  period,
		printed: fmt.Sprintf("打印日期：%d年%d月%d日", today.Year, today.Month, today.Day),
		note:    note,
		filter:  filter,
	}
	d, err := newPDF(t.title, union, today.Time())
	if err != nil {
		return nil, err
	}
	if err := d.render(t, h, w); err != nil {
		return nil, fmt.Errorf("生成 PDF 失败：%w", err)
	}
	return &Result{Rows: len(t.rows), Pages: d.pages, Missing: d.missingRunes()}, nil
}

func periodText(r storage.DateRange) string { return data.RangeText(r.From, r.To, "全部") }

// masker hides the middle of numbers unless full numbers were asked for.
type masker bool

func (m masker) id(s string) string {
	if m || s == "" {
		return s
	}
	return ident.MaskID(s)
}

func (m masker) phone(s string) string {
	if m || s == "" {
		return s
	}
	return ident.MaskPhone(s)
}

func build(s *storage.Store, l List, opt Options) (*table, error) {
	m := masker(opt.FullIDs)
	switch l {
	case Placements:
		return placementTable(s, opt.Filter.Placements, opt.Range, opt.Order, m)
	case Workers:
		return workerTable(s, opt.Filter.Workers, opt.Range, opt.Order, m)
	case FollowUps:
		return followUpTable(s, opt.Filter.FollowUps, opt.Range, opt.Order, m)
	case Employers:
		return employerTable(s, opt.Filter.Employers, opt.Order, m)
	case Demands:
		return demandTable(s, opt.Filter.Demands, opt.Order)
	case Relief:
		return reliefTable(s, opt.Range, m)
	}
	return nil, fmt.Errorf("未知的打印清单 %q", l)
}

// Fitted column samples.
const (
	fitID    = "620123199003141234"
	fitPhone = "13893112345"
	fitDate  = "2026-03-01"
)

func regionName(code string) string {
	if n := catalog.FullName(code); n != "" {
		return n
	}
	return code
}

// occupationName is catalog.OccupationName, under the name this package reads.
var occupationName = catalog.OccupationName

func seq(i int) string { return fmt.Sprint(i + 1) }

// collect gathers the records that each (one of the Store's Each…By,
// bound to its filter and order) walks over.
func collect[T any](each func(func(*T) error) error) ([]T, error) {
	var out []T
	err := each(func(r *T) error {
		out = append(out, *r)
		return nil
	})
	return out, err
}

func placementTable(s *storage.Store, f data.PlacementFilter, r storage.DateRange, o data.Order, m masker) (*table, error) {
	ps, err := collect(func(fn func(*data.Placement) error) error { return s.EachPlacementBy(o, f, r, fn) })
	if err != nil {
		return nil, err
	}
	// Without the screen's order, the bus list order: by referral date,
	// then employer, then name.
	if o.Sort == "" {
		slices.SortStableFunc(ps, func(a, b data.Placement) int {
			return cmp.Or(a.ReferredOn.Compare(b.ReferredOn), strings.Compare(a.EmployerName(), b.EmployerName()),
				strings.Compare(a.WorkerOrBlank().Name, b.WorkerOrBlank().Name))
		})
	}
	t := &table{title: Placements.Title(), columns: []column{
		{header: "序号", fit: "999", align: alignCenter},
		{header: "姓名", fit: "欧阳春花"},
		{header: "性别", fit: "男", align: alignCenter},
		{header: "身份证号", fit: fitID},
		{header: "联系电话", fit: fitPhone},
		{header: "户籍地", weight: 2},
		{header: "用工单位", weight: 2.6},
		{header: "岗位/工种", weight: 1.7},
		{header: "工作地点", weight: 2},
		{header: "阶段", fit: "已推荐", align: alignCenter},
		{header: "推荐日期", fit: fitDate, align: alignCenter},
		{header: "上岗日期", fit: fitDate, align: alignCenter},
		{header: "备注", weight: 1.8},
	}}
	started := 0
	for i := range ps {
		p := &ps[i]
		w := p.WorkerOrBlank()
		var job, place string
		if d := p.Demand; d != nil {
			job = occupationName(d.Occupation)
			if d.Title != "" && d.Title != job {
				job = d.Title + "/" + job
			}
			place = regionName(d.WorkRegion)
		}
		if p.Stage == data.StageStarted {
			started++
		}
		t.rows = append(t.rows, []string{seq(i), w.Name, w.Sex.Label(), m.id(w.IDNumber), m.phone(w.Phone),
			regionName(w.HukouRegion), p.EmployerName(), job, place, p.Stage.Label(), p.ReferredOn.String(),
			p.StartedOn.String(), p.Notes})
	}
	t.summary = fmt.Sprintf("合计 %d 人，其中已上岗 %d 人。", len(ps), started)
	return t, nil
}

func workerTable(s *storage.Store, f data.WorkerFilter, r storage.DateRange, o data.Order, m masker) (*table, error) {
	t := &table{title: Workers.Title(), columns: []column{
		{header: "序号", fit: "9999", align: alignCenter},
		{header: "姓名", fit: "欧阳春花"},
		{header: "性别", fit: "男", align: alignCenter},
		{header: "年龄", fit: "99", align: alignCenter},
		{header: "身份证号", fit: fitID},
		{header: "联系电话", fit: fitPhone},
		{header: "户籍地", weight: 2},
		{header: "文化程度", fit: "中专/技校", align: alignCenter},
		{header: "脱贫状态", fit: "监测对象", align: alignCenter},
		{header: "工种及等级", weight: 2.8},
		{header: "意向地区", weight: 1.8},
		{header: "状态", fit: "已推荐", align: alignCenter},
		{header: "登记日期", fit: fitDate, align: alignCenter},
	}}
	today := s.Today()
	n := 0
	err := s.EachWorkerBy(o, f, r, func(w *data.Worker) error {
		var skills, desired []string
		for _, sk := range w.Skills {
			label := occupationName(sk.Occupation)
			if sk.Level != catalog.LevelNone {
				label += "（" + sk.Level.Label() + "）"
			}
			skills = append(skills, label)
		}
		for _, c := range w.DesiredRegions {
			desired = append(desired, regionName(c))
		}
		age := ""
		if a := w.Age(today); a > 0 {
			age = fmt.Sprint(a)
		}
		t.rows = append(t.rows, []string{seq(n), w.Name, w.Sex.Label(), age, m.id(w.IDNumber), m.phone(w.Phone),
			regionName(w.HukouRegion), w.Education.Label(), w.Poverty.Label(), strings.Join(skills, "、"),
			strings.Join(desired, "、"), w.Status.Label(), w.RegisteredOn.String()})
		n++
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.summary = fmt.Sprintf("合计 %d 人。", n)
	return t, nil
}

func followUpTable(s *storage.Store, f data.FollowUpFilter, r storage.DateRange, o data.Order, m masker) (*table, error) {
	fs, err := collect(func(fn func(*data.FollowUp) error) error { return s.EachFollowUpBy(o, f, r, fn) })
	if err != nil {
		return nil, err
	}
	if o.Sort == "" {
		slices.SortStableFunc(fs, func(a, b data.FollowUp) int { return a.DueOn.Compare(b.DueOn) })
	}
	t := &table{title: FollowUps.Title(), columns: []column{
		{header: "序号", fit: "999", align: alignCenter},
		{header: "姓名", fit: "欧阳春花"},
		{header: "身份证号", fit: fitID},
		{header: "联系电话", fit: fitPhone},
		{header: "类别", fit: "送温暖慰问", align: alignCenter},
		{header: "用工单位", weight: 2},
		{header: "应办日期", fit: fitDate, align: alignCenter},
		{header: "办结日期", fit: fitDate, align: alignCenter},
		{header: "方式", fit: "上门", align: alignCenter},
		{header: "情况", weight: 3},
		{header: "金额（元）", fit: "99,999.00", align: alignRight},
		{header: "状态", fit: "已完成", align: alignCenter},
		{header: "经办人", fit: "欧阳春花"},
	}}
	done := 0
	var total data.Fen
	for i := range fs {
		f := &fs[i]
		w, employer := f.WorkerOrBlank(), f.EmployerName()
		method := ""
		if f.Method != "" {
			method = data.LabelOf(data.Methods, f.Method)
		}
		amount := ""
		if f.Amount != 0 {
			amount = yuanText(f.Amount)
			total += f.Amount
		}
		if f.Status == data.FollowUpDone {
			done++
		}
		t.rows = append(t.rows, []string{seq(i), w.Name, m.id(w.IDNumber), m.phone(w.Phone), f.Kind.Label(), employer,
			f.DueOn.String(), f.DoneOn.String(), method, f.Outcome, amount, f.Status.Label(), f.HandledBy})
	}
	t.summary = fmt.Sprintf("合计 %d 项，已完成 %d 项，金额合计 %s 元。", len(fs), done, yuanText(total))
	return t, nil
}

// yuanText writes an amount with thousands separators: "20,500",
// "1,234.50".
func yuanText(f data.Fen) string {
	s := f.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// noteLine is the line under a printed list's heading: 筛选条件 and what
// the list was narrowed to, and 排列顺序 when it follows the screen's
// order, or nothing.
func noteLine(note string, o data.Order) string {
	var parts []string
	if note != "" {
		parts = append(parts, "筛选条件："+note)
	}
	if o.Label != "" {
		parts = append(parts, "排列顺序："+o.Label)
	}
	return strings.Join(parts, "　")
}
