package exchange

import (
	"errors"
	"fmt"
	"sort"

	"duikou/data"
	"duikou/data/storage"
)

// skeleton takes the records of changes.json as the import's one pass
// parses them (parts.go): it keeps each op's origin and number (the
// Store's restore bookkeeping reads them once the file is merged) and
// which ops wait for their row, and refuses, once the pass is over, a
// file whose records are not shaped like records: an unknown table, a
// missing id, an op whose row is not in the file. (Whether the values
// are valid is the Store's to say, in the same pass.) It holds a few
// dozen bytes an op, a million ops in a first full sync.
type skeleton struct {
	ops  []opID
	rows int
	// The first refusals, in the file's order of rows then ops (as the
	// records were checked when the file was read whole).
	badRow, badOp string
	badOpAt       int
	// waiting are the ops whose row has not come, each row's latest
	// first, chained through next (-1 ends a chain). Ops are chained only
	// until one is misshapen: later ones cannot change the refusal.
	waiting map[rowRef]int32
	next    []int32
	alone   map[int32]bool  // withdrawals of consent, which may travel without their row
	early   map[rowRef]bool // rows that came before the ops were all read
}

type opID struct {
	origin string
	seq    int64
}

type rowRef struct {
	table data.Table
	id    string
}

var knownTables = func() map[data.Table]bool {
	known := map[data.Table]bool{}
	for _, t := range storage.SyncedTables() {
		known[t] = true
	}
	return known
}()

// op takes the next op of the file: its identity, the shape of its
// fields (op_shape.go), and whether it withdraws a worker's consent.
func (sk *skeleton) op(op *storage.WireOp, shape opShape, withdrawal bool) {
	i := len(sk.ops)
	sk.ops = append(sk.ops, opID{op.Origin, op.Seq})
	if sk.badOp != "" {
		return
	}
	switch {
	case !knownTables[op.Table] || op.Origin == "" || op.Seq <= 0 || op.RowID == "" || shape.fields == 0:
		sk.badOp, sk.badOpAt = fmt.Sprintf("第%d条变更", i+1), i
		return
	case shape.missing:
		sk.badOp, sk.badOpAt = fmt.Sprintf("第%d条变更缺少字段值", i+1), i
		return
	}
	if sk.waiting == nil {
		sk.waiting, sk.alone = map[rowRef]int32{}, map[int32]bool{}
	}
	k := rowRef{op.Table, op.RowID}
	prev, ok := sk.waiting[k]
	if !ok {
		prev = -1
	}
	sk.next = append(sk.next, prev)
	sk.waiting[k] = int32(i)
	if withdrawal { // a withdrawal of consent travels alone
		sk.alone[int32(i)] = true
	}
}

// row takes the next row of the file, its fields parsed, and returns the
// chain of ops waiting for it (-1 for none); opsDone: every op is read.
func (sk *skeleton) row(r *storage.RowState, opsDone bool) int32 {
	if sk.badRow == "" {
		switch {
		case !knownTables[r.Table] || r.ID == "" || r.Origin == "" || len(r.Fields) == 0:
			sk.badRow = fmt.Sprintf("第%d条记录", sk.rows+1)
		case !valuesPresent(r.Fields, func(f storage.FieldState) []byte { return f.Value }):
			sk.badRow = fmt.Sprintf("第%d条记录缺少字段值", sk.rows+1)
		}
	}
	sk.rows++
	k := rowRef{r.Table, r.ID}
	if !opsDone {
		if sk.early == nil {
			sk.early = map[rowRef]bool{}
		}
		sk.early[k] = true
		return -1
	}
	first, ok := sk.waiting[k]
	if !ok {
		return -1
	}
	delete(sk.waiting, k)
	return first
}

// chain appends the ops of the chain from first to at.
func (sk *skeleton) chain(at []int, first int32) []int {
	for i := first; i >= 0; i = sk.next[i] {
		at = append(at, int(i))
	}
	return at
}

// misshapen: a record read so far is refused, whatever follows.
func (sk *skeleton) misshapen() bool { return sk.badRow != "" || sk.badOp != "" }

// valuesPresent: every column named, every value there.
func valuesPresent[F any](fields map[string]F, value func(F) []byte) bool {
	for col, f := range fields {
		if col == "" || len(value(f)) == 0 {
			return false
		}
	}
	return true
}

// check is the refusal of the first misshapen record, if any, once the
// whole file is read.
func (sk *skeleton) check() error {
	if sk.badRow != "" {
		return refuse(ErrBadRecords, sk.badRow)
	}
	missing := int32(-1) // the first op whose row the file does not carry
	for k, first := range sk.waiting {
		if sk.early[k] {
			continue
		}
		for i := first; i >= 0; i = sk.next[i] {
			if !sk.alone[i] && (missing < 0 || i < missing) {
				missing = i
			}
		}
	}
	if missing >= 0 {
		return refuse(ErrBadRecords, fmt.Sprintf("第%d条变更所属的记录不在文件中", missing+1))
	}
	if sk.badOp != "" {
		return refuse(ErrBadRecords, sk.badOp)
	}
	return nil
}

// MissingFileError is a gap (data.GapError: the file starts after changes
// this office does not hold) with the sender's earlier file that would
// fill it, when the manifest names one.
type MissingFileError struct {
	Gap     *storage.GapError
	Missing *PreviousFile
}

func (e *MissingFileError) Error() string {
	if e.Missing == nil {
		return e.Gap.Error()
	}
	name := e.Missing.FileName
	if name == "" {
		name = "编号 " + e.Missing.BundleID
	}
	return fmt.Sprintf("缺少对方于 %s 导出的交换文件“%s”：请先导入它，再导入本文件（%s）",
		e.Missing.Created.Local().Format("2006-01-02 15:04"), name, e.Gap.Error())
}

// Unwrap lets errors.Is(err, data.ErrGap) and errors.As(err, **data.GapError) see the gap.
func (e *MissingFileError) Unwrap() error { return e.Gap }

// checkNoGap refuses, before any backup or write, a file that starts
// after changes this office does not hold (the same test ApplyChanges
// makes inside its transaction), by the signed manifest's vectors: the
// file's own must be the same, or the import refuses it as changed.
func (o *Opened) checkNoGap() error {
	have, err := o.s.Vector()
	if err != nil {
		return err
	}
	self := o.s.Office().ID
	starts := o.Manifest.Since
	origins := make([]string, 0, len(starts))
	for origin := range starts {
		origins = append(origins, origin)
	}
	sort.Strings(origins)
	for _, origin := range origins {
		if since := starts[origin]; origin != self && since > have[origin] {
			gap := &storage.GapError{Origin: origin, Have: have[origin], Needed: since}
			last, err := o.s.BundleHistory(o.Sender.ID, "in", 1)
			if err != nil {
				return err
			}
			if len(last) == 1 {
				gap.LastFile = last[0].FileName
			}
			return o.missing(gap)
		}
	}
	return nil
}

// missing names the earliest of the sender's earlier files after the last
// one this office holds a record of importing.
func (o *Opened) missing(gap *storage.GapError) error {
	e := &MissingFileError{Gap: gap}
	prev := o.Manifest.Previous
	next := 0
	for i, p := range prev {
		imported, err := o.s.BundleImported(p.BundleID)
		if err != nil {
			return err
		}
		if imported {
			next = i + 1
		}
	}
	if next < len(prev) {
		e.Missing = &prev[next]
	}
	return e
}

// explain turns the Store's gap into one naming the missing file.
func (o *Opened) explain(err error) error {
	var gap *storage.GapError
	if errors.As(err, &gap) {
		return o.missing(gap)
	}
	return err
}
