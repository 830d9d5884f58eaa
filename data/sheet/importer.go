package sheet

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"duikou/data"
	"duikou/data/storage"
)

// ProgressFunc is told how far a long job has got: rows done so far and
// the fraction of the work done (0..1, estimated from the position in the
// file; -1 when it cannot be estimated, as for a workbook that does not
// record its size, when only the row count can be shown). It is called on
// the goroutine running the job, every few hundred rows and with 1 at the
// end.
type ProgressFunc func(rows int, fraction float64)

// progressEvery is how many rows pass between progress calls.
const progressEvery = 250

// recordKind is what the import needs to know about one kind of record.
type recordKind interface {
	spec() *kindSpec
	newRecord() data.Record
	// fill writes the row's filled cells onto rec: a new record, or a
	// registered one being updated (empty cells leave its values alone).
	fill(r *rowCtx, rec data.Record)
	// existing finds the registered record the row repeats, or nil.
	existing(tx *storage.Tx, rec data.Record) (data.Record, error)
	// key identifies the record within the file, for repeated rows.
	key(rec data.Record) string
	// keyField is the field a repeated row is reported against.
	keyField() string
	// storeKey is the data.FieldError field by which the Store itself
	// refuses a second record with the same key ("" when it does not):
	// such rows are written first and looked up only when refused, which
	// spares a query per new row.
	storeKey() string
	// label names the record for the report, masked.
	label(rec data.Record) string
	// id is the record's id and its HLC, which moves when an update
	// changes anything.
	id(rec data.Record) (string, int64)
}

func kindOf(k Kind) (recordKind, error) {
	switch k {
	case Workers:
		return workerKind{}, nil
	case Employers:
		return employerKind{}, nil
	case Demands:
		return demandKind{}, nil
	}
	return nil, fileErr("%s不能从表格导入", k.Label())
}

// rowCtx is one data row being read.
type rowCtx struct {
	row      int
	cells    []string
	lossy    []int // cells that are numbers above 2^53 (lossyReporter)
	cols     *columns
	spec     *kindSpec
	run      *importRun
	problems []Problem
}

func (r *rowCtx) get(key string) string {
	v := r.cols.cell(r.cells, key)
	if hasGarble(v) {
		r.fail(key, "含有无法识别的字符（乱码），请检查文件编码，或在 Excel 中另存为 .xlsx 后导入")
		return ""
	}
	return v
}

// rounded reports that the key's cell is a number too large to be exact:
// in an ID number, phone or code column, Excel has already lost its last
// digits.
func (r *rowCtx) rounded(key string) bool {
	i, ok := r.cols.index[key]
	return ok && r.cols.header[key] != "" && slices.Contains(r.lossy, i)
}

func (r *rowCtx) fail(key, reason string) {
	r.problems = append(r.problems, Problem{Row: r.row, Column: r.column(key), Reason: reason})
}

// column is the header a field's problems are reported under: the file's
// own header text when it has the column, else the template's.
func (r *rowCtx) column(key string) string {
	if h := r.cols.header[key]; h != "" {
		return h
	}
	if f := r.spec.field(key); f != nil {
		return f.header
	}
	return ""
}

// checkRequired reports the required cells a new record's row left empty.
func (r *rowCtx) checkRequired() {
	for _, f := range r.spec.fields {
		if !f.required || r.cols.cell(r.cells, f.key) != "" {
			continue
		}
		if f.key == "employer_name" && r.cols.cell(r.cells, "employer_code") != "" {
			continue
		}
		r.problems = append(r.problems, Problem{Row: r.row, Column: r.column(f.key), Reason: "不能为空"})
	}
}

// storeProblem reports a Store refusal against the column it came from.
func (r *rowCtx) storeProblem(fe *data.FieldError) Problem {
	for _, key := range r.spec.byStore[fe.Field] {
		if r.cols.has(key) {
			return Problem{Row: r.row, Column: r.cols.header[key], Reason: fe.Reason}
		}
	}
	return Problem{Row: r.row, Column: fe.Label, Reason: fe.Reason}
}

// importRun holds what one pass over a file caches: regions and employers
// repeat from row to row.
type importRun struct {
	tx        *storage.Tx
	regionsOf map[regionQuery]regionAnswer
	employers map[string][2]string // "code:X" or "name:X" -> id, reason
}

type regionQuery struct {
	cell       string
	countyOnly bool
}

type regionAnswer struct{ code, rest, reason string }

func (run *importRun) region(cell string, countyOnly bool) (code, rest, reason string) {
	q := regionQuery{cell, countyOnly}
	a, ok := run.regionsOf[q]
	if !ok {
		a.code, a.rest, a.reason = resolveRegion(cell, countyOnly)
		if len(run.regionsOf) < 10000 {
			run.regionsOf[q] = a
		}
	}
	return a.code, a.rest, a.reason
}

func (run *importRun) employerByCode(code string) (id, reason string) {
	return run.employer("code:"+code, func() (id, reason string) {
		e, err := run.tx.EmployerByCreditCode(code)
		switch {
		case err != nil:
			reason = "查找用工单位出错：" + err.Error()
		case e == nil:
			reason = fmt.Sprintf("统一社会信用代码为%s的用工单位未登记，请先登记或导入用工单位", code)
		default:
			id = e.ID
		}
		return id, reason
	})
}

func (run *importRun) employerByName(name string) (id, reason string) {
	return run.employer("name:"+name, func() (id, reason string) {
		es, err := run.tx.EmployersNamed(name)
		switch {
		case err != nil:
			reason = "查找用工单位出错：" + err.Error()
		case len(es) == 0:
			reason = fmt.Sprintf("用工单位“%s”未登记，请先登记或导入用工单位（名称须与登记的完全一致）", name)
		case len(es) > 1:
			reason = fmt.Sprintf("有%d个名为“%s”的用工单位，请加一列“统一社会信用代码”区分", len(es), name)
		default:
			id = es[0].ID
		}
		return id, reason
	})
}

// employer answers the employer look-up key once per run with find and
// gives the same answer when a later row asks again.
func (run *importRun) employer(key string, find func() (id, reason string)) (id, reason string) {
	if a, ok := run.employers[key]; ok {
		return a[0], a[1]
	}
	id, reason = find()
	run.employers[key] = [2]string{id, reason}
	return id, reason
}

// source is a file opened for import, positioned after its header row.
type source struct {
	// ctx stops a long run between rows (the clerk pressed 取消); the
	// transaction is rolled back, so nothing is written.
	ctx    context.Context
	kind   Kind
	rk     recordKind
	name   string
	t      table
	sheet  string
	format string
	cols   *columns
	it     rowIter
}

// openSource opens a file and finds the header: the first sheet (the
// active one first) with a header row in its first rows, with every
// required column.
func openSource(kind Kind, path string) (*source, error) {
	rk, err := kindOf(kind)
	if err != nil {
		return nil, err
	}
	t, err := openTable(path)
	if err != nil {
		return nil, err
	}
	src, err := findSource(kind, rk, filepath.Base(path), t)
	if err != nil {
		t.close()
		return nil, err
	}
	return src, nil
}

func findSource(kind Kind, rk recordKind, name string, t table) (*source, error) {
	spec := rk.spec()
	var firstMissing error
	for _, sheet := range t.sheets() {
		it, err := t.rows(sheet)
		if err != nil {
			return nil, err
		}
		cols, err := findHeader(spec, it)
		if err != nil {
			it.close()
			return nil, err
		}
		if cols == nil {
			it.close()
			continue
		}
		if miss := cols.missing(spec); len(miss) > 0 {
			it.close()
			if firstMissing == nil {
				firstMissing = fileErr("第%d行是表头，但缺少必需的列%s，请检查列名%s", cols.rowIndex, strings.Join(miss, ""), otherKindHint(kind, cols))
			}
			continue
		}
		return &source{kind: kind, rk: rk, name: name, t: t, sheet: sheet, format: t.describe(sheet), cols: cols, it: it}, nil
	}
	if firstMissing != nil {
		return nil, firstMissing
	}
	hint := ""
	if other := guessKind(kind, t); other != "" {
		hint = fmt.Sprintf("；这似乎是%s名单，请选择导入%s", other.Label(), other.Label())
	}
	return nil, fileErr("在前%d行中没有找到表头（含“%s”等列名的一行），请检查文件是否是%s名单%s",
		headerSearchRows, exampleHeaders(spec), kind.Label(), hint)
}

// guessKind finds another kind whose header the file has, for a clerk who
// picked the wrong import.
func guessKind(not Kind, t table) Kind {
	for _, k := range []Kind{Workers, Employers, Demands} {
		if k == not {
			continue
		}
		rk, _ := kindOf(k)
		for _, sheet := range t.sheets() {
			it, err := t.rows(sheet)
			if err != nil {
				return ""
			}
			cols, err := findHeader(rk.spec(), it)
			it.close()
			if err == nil && cols != nil && len(cols.missing(rk.spec())) == 0 {
				return k
			}
		}
	}
	return ""
}

// otherKindHint guesses that the clerk picked the wrong kind.
func otherKindHint(kind Kind, cols *columns) string {
	for _, k := range []Kind{Workers, Employers, Demands} {
		if k == kind {
			continue
		}
		rk, _ := kindOf(k)
		var cells []string
		for _, h := range cols.header {
			cells = append(cells, h)
		}
		cells = append(cells, cols.ignored...)
		if other := matchHeaderRow(rk.spec(), cells); len(other.missing(rk.spec())) == 0 {
			return fmt.Sprintf("；这似乎是%s名单，请选择导入%s", k.Label(), k.Label())
		}
	}
	return ""
}

func exampleHeaders(spec *kindSpec) string {
	var hs []string
	for _, f := range spec.fields {
		if f.required {
			hs = append(hs, f.header)
		}
	}
	return strings.Join(hs, "”“")
}

func (src *source) close() error {
	src.it.close()
	return src.t.close()
}

// errDryRun rolls the preview's transaction back.
var errDryRun = errors.New("dry run")

// errNothingWritten rolls back an import in which every row was refused,
// skipped or unchanged: it is audited, but needs no backup.
var errNothingWritten = errors.New("nothing written")

// run reads every data row and writes it in one transaction: created,
// updated or skipped as a duplicate, or refused with its problems. With
// dry set the transaction is rolled back at the end, so the report is
// exactly what the import would do, by the Store's own rules.
func (src *source) run(s *storage.Store, dry bool, onDup OnDuplicate, progress ProgressFunc) (*Report, error) {
	rep := &Report{Kind: src.kind, File: src.name, Format: src.format, HeaderRow: src.cols.rowIndex,
		Ignored: src.cols.ignored, Notes: src.cols.notes, DryRun: dry, OnDuplicate: onDup}
	spec := src.rk.spec()
	err := s.WriteBulk(func(tx *storage.Tx) error {
		run := &importRun{tx: tx, regionsOf: map[regionQuery]regionAnswer{}, employers: map[string][2]string{}}
		seen := map[string]int{} // record key -> first row that wrote it
		it := newReadAhead(src.it, src.prefill(spec))
		defer it.stop()
		it.onBatch = foresee(tx)
		for {
			cells, row, err := it.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			if isBlankRow(cells) || isFooterRow(spec, src.cols, cells) {
				continue
			}
			if isExampleRow(spec, src.cols, cells) {
				rep.Notes = append(rep.Notes, fmt.Sprintf("第%d行是模板里的示例，未导入", row))
				continue
			}
			rep.Rows++
			if rep.Rows%progressEvery == 0 {
				if src.ctx != nil && src.ctx.Err() != nil {
					return src.ctx.Err()
				}
				if progress != nil {
					progress(rep.Rows, it.fraction())
				}
			}
			pre, _ := it.prepped().(*filled)
			if err := src.row(tx, run, rep, seen, cells, it.lossy(), row, dry, onDup, pre); err != nil {
				return err
			}
		}
		if dry {
			return errDryRun
		}
		if rep.New+rep.Updated == 0 {
			return errNothingWritten // no backup for an import that changes nothing
		}
		backup, err := tx.BackupBeforeCommit(storage.BackupBeforeImport)
		if err != nil {
			return fmt.Errorf("导入前备份失败，未做任何改动：%w", err)
		}
		rep.Backup = backup
		tx.Audit(data.AuditEntry{Action: data.ActImport, Table: string(src.kind), Count: rep.New + rep.Updated,
			Summary: fmt.Sprintf("导入%s：%s，新增%d，更新%d，重复未改%d，有误%d行未导入",
				src.kind.Label(), src.name, rep.New, rep.Updated, rep.Skipped+rep.Unchanged, rep.Refused)})
		return nil
	})
	if errors.Is(err, errNothingWritten) {
		err = s.Audit(data.ActImport, string(src.kind), 0, fmt.Sprintf("导入%s：%s，无新增或更新（重复未改%d，有误%d行），未备份",
			src.kind.Label(), src.name, rep.Skipped+rep.Unchanged, rep.Refused))
	}
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	if progress != nil {
		progress(rep.Rows, 1)
	}
	return rep, nil
}

// row handles one data row inside the transaction. Only a failure of the
// database itself is returned; everything wrong with the row goes into the
// report.
func (src *source) row(tx *storage.Tx, run *importRun, rep *Report, seen map[string]int,
	cells []string, lossy []int, row int, dry bool, onDup OnDuplicate, pre *filled) error {
	rk := src.rk
	var r *rowCtx
	var rec data.Record
	if pre != nil {
		r, rec = pre.r, pre.rec
		r.run = run // the reader's own run stays with the reader
	} else {
		r = &rowCtx{row: row, cells: cells, lossy: lossy, cols: src.cols, spec: rk.spec(), run: run}
		rec = rk.newRecord()
		r.checkRequired()
		rk.fill(r, rec)
	}
	if len(r.problems) > 0 {
		rep.refuse(r.problems...)
		return nil
	}
	key := rk.key(rec)
	if first, ok := seen[key]; ok {
		rep.refuse(Problem{Row: row, Column: r.column(rk.keyField()), Reason: fmt.Sprintf("与第%d行重复", first)})
		return nil
	}
	var old data.Record
	if rk.storeKey() == "" {
		var err error
		if old, err = rk.existing(tx, rec); err != nil {
			return err
		}
	}
	if old == nil {
		err := tx.Create(rec)
		if err == nil {
			seen[key] = row
			rep.New++
			return nil
		}
		fe, ok := data.AsFieldError(err)
		if !ok {
			return err
		}
		if fe.Field == rk.storeKey() {
			if old, err = rk.existing(tx, rec); err != nil {
				return err
			}
		}
		if old == nil {
			rep.refuse(r.storeProblem(fe))
			return nil
		}
	}
	dup := Duplicate{Row: row, Label: rk.label(rec), Existing: rk.label(old)}
	dup.ExistingID, _ = rk.id(old)
	seen[key] = row
	if !dry && onDup == Skip {
		rep.Skipped++
		rep.Duplicates = append(rep.Duplicates, dup)
		return nil
	}
	_, before := rk.id(old)
	rk.fill(r, old) // the same cells read cleanly a moment ago
	if err := tx.Update(old); err != nil {
		fe, ok := data.AsFieldError(err)
		if !ok {
			return err
		}
		p := r.storeProblem(fe)
		if dry {
			dup.Problem = p.Column + "：" + p.Reason
			rep.Duplicates = append(rep.Duplicates, dup)
		} else {
			delete(seen, key)
			rep.refuse(p)
		}
		return nil
	}
	_, after := rk.id(old)
	dup.Changed = after != before
	rep.Duplicates = append(rep.Duplicates, dup)
	if !dry {
		if dup.Changed {
			rep.Updated++
		} else {
			rep.Unchanged++
		}
	}
	return nil
}

// filled is a row read into a new record on the reading goroutine.
type filled struct {
	r   *rowCtx
	rec data.Record
}

// prefill is what the reading goroutine does with each row besides
// reading it: filling a new record from the cells, for kinds whose cells
// are read without the database (workers, employers: their regions come
// from the catalog). A demand names its employer, which is looked up in
// the transaction, so its rows are filled on the importing goroutine.
// The reader has its own importRun: the caches are not shared.
func (src *source) prefill(spec *kindSpec) func([]string, int, []int) any {
	if src.kind == Demands {
		return nil
	}
	run := &importRun{regionsOf: map[regionQuery]regionAnswer{}}
	return func(cells []string, row int, lossy []int) any {
		if isBlankRow(cells) || isFooterRow(spec, src.cols, cells) || isExampleRow(spec, src.cols, cells) {
			return nil
		}
		r := &rowCtx{row: row, cells: cells, lossy: lossy, cols: src.cols, spec: spec, run: run}
		rec := src.rk.newRecord()
		r.checkRequired()
		src.rk.fill(r, rec)
		return &filled{r: r, rec: rec}
	}
}

// Plan is a previewed import: what the file holds and what importing it
// would do, found by running the import and rolling it back.
type Plan struct {
	Report
	path  string
	stamp fileStamp
}

// fileStamp recognises the file a plan was made from.
type fileStamp struct {
	size int64
	sum  [sha256.Size]byte
}

func stampOf(path string) (fileStamp, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileStamp{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return fileStamp{}, err
	}
	st := fileStamp{size: n}
	copy(st.sum[:], h.Sum(nil))
	return st, nil
}

// Preview reads a spreadsheet of the given kind and reports, row by row,
// what importing it would do, writing nothing. A *FileError means the file
// itself cannot be used.
func Preview(s *storage.Store, kind Kind, path string, progress ProgressFunc) (*Plan, error) {
	return PreviewContext(context.Background(), s, kind, path, progress)
}

// PreviewContext is Preview that stops with ctx's error when ctx is
// cancelled (a screen's 取消 button).
func PreviewContext(ctx context.Context, s *storage.Store, kind Kind, path string, progress ProgressFunc) (*Plan, error) {
	src, err := openSource(kind, path)
	if err != nil {
		return nil, err
	}
	defer src.close()
	src.ctx = ctx
	stamp, err := stampOf(path)
	if err != nil {
		return nil, fileErr("无法读取文件 %s：%v", path, err)
	}
	rep, err := src.run(s, true, Skip, progress)
	if err != nil {
		return nil, err
	}
	return &Plan{Report: *rep, path: path, stamp: stamp}, nil
}

// Apply imports a previewed file: the good rows in one transaction, rows
// already registered skipped or updated as the clerk chose, after a backup
// of the database. A file changed since the preview is refused.
func Apply(s *storage.Store, plan *Plan, onDup OnDuplicate, progress ProgressFunc) (*Report, error) {
	return ApplyContext(context.Background(), s, plan, onDup, progress)
}

// ApplyContext is Apply that stops with ctx's error, writing nothing, when
// ctx is cancelled before the import commits.
func ApplyContext(ctx context.Context, s *storage.Store, plan *Plan, onDup OnDuplicate, progress ProgressFunc) (*Report, error) {
	stamp, err := stampOf(plan.path)
	if err != nil || stamp != plan.stamp {
		return nil, fileErr("文件 %s 在预览后被修改或移走了，请重新预览", filepath.Base(plan.path))
	}
	return importFile(ctx, s, plan.Kind, plan.path, onDup, progress)
}

// Import reads and imports a spreadsheet in one pass (no preview): after a
// backup, the good rows go in one transaction and the report says what
// happened to every row.
func Import(s *storage.Store, kind Kind, path string, onDup OnDuplicate, progress ProgressFunc) (*Report, error) {
	return importFile(context.Background(), s, kind, path, onDup, progress)
}

func importFile(ctx context.Context, s *storage.Store, kind Kind, path string, onDup OnDuplicate, progress ProgressFunc) (*Report, error) {
	src, err := openSource(kind, path)
	if err != nil {
		return nil, err
	}
	defer src.close()
	src.ctx = ctx
	if s.Office() == nil {
		return nil, errors.New("请先完成本单位设置（工会名称、地区、角色）")
	}
	// The backup is taken inside the import's transaction, once it is
	// known that rows will be written (source.run).
	return src.run(s, false, onDup, progress)
}

// foresee tells the transaction which records a batch of rows is about to
// create, so that on a server their duplicate checks take one query per
// batch rather than one per row.
func foresee(tx *storage.Tx) func(prepped []any) error {
	var recs []data.Record
	return func(prepped []any) error {
		recs = recs[:0]
		for _, p := range prepped {
			if f, ok := p.(*filled); ok && f != nil && len(f.r.problems) == 0 {
				recs = append(recs, f.rec)
			}
		}
		return tx.ForeseeCreates(recs)
	}
}
