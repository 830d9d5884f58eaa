package storage

import (
	"cmp"
	"context"
	"database/sql"
	"duikou/data"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// Vector is, per origin office, the last op this office holds: its own ops
// from the log, others' from what imports covered.
func (s *Store) Vector() (map[string]int64, error) { return vectorOf(s.db, s.Office()) }

func vectorOf(db *gorm.DB, self *data.Office) (map[string]int64, error) {
	var covs []Coverage
	if err := db.Find(&covs).Error; err != nil {
		return nil, err
	}
	v := make(map[string]int64, len(covs)+1)
	for _, c := range covs {
		v[c.Origin] = c.Seq
	}
	if self != nil {
		var own int64
		if err := db.Model(&Op{}).Where("origin = ?", self.ID).Select("COALESCE(MAX(seq), 0)").Scan(&own).Error; err != nil {
			return nil, err
		}
		v[self.ID] = own
	}
	return v, nil
}

// acksOf is what the partner last told us it holds.
func acksOf(db *gorm.DB, partnerID string) (map[string]int64, error) {
	var rows []PartnerAck
	if err := db.Where("partner_id = ?", partnerID).Find(&rows).Error; err != nil {
		return nil, err
	}
	acks := make(map[string]int64, len(rows))
	for _, r := range rows {
		acks[r.Origin] = r.Seq
	}
	return acks, nil
}

// ChangesFor gathers what partner has not acknowledged: every op it has
// not told us it holds, in clock order, plus the state of every row they
// touch. A worker travels only with consent to share recorded; the
// placements and follow-ups of a worker without it stay here too.
// Nothing is marked sent: until the partner's next bundle acknowledges
// them, the same ops go again, so a lost file loses nothing.
//
// The partner's own ops are included too when its acknowledgement of
// them is behind what we hold: normally it never is, but a partner that
// restored an old backup lost the ops it made since, and gets back those
// it had sent us.
//
// ChangesFor holds them all in memory; an export writes them as they are
// read instead (WriteChangesFor).
func (s *Store) ChangesFor(partnerID string) (*Changes, error) {
	return s.collectChanges(partnerID, false)
}

// PendingFor is what the next file to partner would carry, for the export
// screen's count. It writes nothing: the probe that a real export marks
// as sent stays wanted.
func (s *Store) PendingFor(partnerID string) (*Changes, error) {
	return s.collectChanges(partnerID, true)
}

// ChangesWriter takes a partner's changes as WriteChangesFor reads them:
// the header once (From, To, Since and Vector; no ops or rows), then each
// op in clock order, then each row, parents' tables first. What it is
// handed is its own to keep.
type ChangesWriter interface {
	Header(c *Changes) error
	Op(op *WireOp) error
	Row(st *RowState) error
}

// OpJSONWriter is a ChangesWriter that also takes an op with its fields
// as the JSON the log stores them in, which is what encoding/json
// writes for op.Fields (keys in order, compact) and holds no key or base
// that a JSON writer would escape: written as it is, the op costs no
// decoding into a map and encoding again. op.Fields is nil; fields is
// only the writer's during the call.
type OpJSONWriter interface {
	OpJSON(op *WireOp, fields []byte) error
}

// WriteChangesFor hands w what ChangesFor would return, op by op and row
// by row as they are read, so an export of a hundred thousand records
// never holds them all: only the ids of what goes travel through memory
// whole.
func (s *Store) WriteChangesFor(partnerID string, w ChangesWriter) error {
	return s.changesFor(partnerID, false, w)
}

func (s *Store) collectChanges(partnerID string, preview bool) (*Changes, error) {
	var k collector
	if err := s.changesFor(partnerID, preview, &k); err != nil {
		return nil, err
	}
	return k.c, nil
}

// collector is the ChangesWriter that keeps everything.
type collector struct{ c *Changes }

func (k *collector) Header(c *Changes) error { k.c = c; return nil }
func (k *collector) Op(op *WireOp) error     { k.c.Ops = append(k.c.Ops, *op); return nil }
func (k *collector) Row(st *RowState) error  { k.c.Rows = append(k.c.Rows, *st); return nil }

func (s *Store) changesFor(partnerID string, preview bool, w ChangesWriter) error {
	self := s.Office()
	if self == nil {
		return errors.New("请先完成本单位设置")
	}
	var partner data.Partner
	if res := s.db.Where("id = ?", partnerID).Limit(1).Find(&partner); res.Error != nil || res.RowsAffected == 0 {
		return fmt.Errorf("协作单位 %s 未添加", partnerID)
	}
	return s.db.Transaction(func(tx *gorm.DB) error { // one snapshot of the database
		p, err := planChanges(tx, self, partnerID, preview)
		if err != nil {
			return err
		}
		return p.write(tx, w)
	}, s.dialect.snapshot())
}

// changePlan is what a file to a partner carries, as keys: the ops
// (without their fields, read again a chunk at a time as they are
// written) and the ids of the rows, per table.
type changePlan struct {
	header *Changes
	ops    []Op      // in clock order; Fields nil until written
	send   []sending // per op
	rows   map[data.Table][]string
}

// sending says whether an op goes in the file.
type sending uint8

const (
	skipOp         sending = iota
	sendOp                 // its row may travel
	sendWithdrawal         // its row may not: only a withdrawal of consent goes, alone
)

func planChanges(tx *gorm.DB, self *data.Office, partnerID string, preview bool) (*changePlan, error) {
	c := &Changes{From: self.ID, To: partnerID}
	var err error
	if c.Vector, err = vectorOf(tx, self); err != nil {
		return nil, err
	}
	if c.Since, err = acksOf(tx, partnerID); err != nil {
		return nil, err
	}
	// Send what the log holds, which can be more than the vector says
	// (ops a partner sent while asking for its own lost ops back, see
	// sync_restore.go).
	held, err := logEnds(tx, c.Vector, partnerID)
	if err != nil {
		return nil, err
	}
	var ops []Op
	for origin, upTo := range held {
		if upTo <= c.Since[origin] {
			continue
		}
		if ops, err = readOpKeys(tx, ops, origin, c.Since[origin], upTo); err != nil {
			return nil, err
		}
	}
	// Ops of ours the partner lacks below what it acknowledges
	// (sync_restore.go).
	if ops, err = ownHoleOps(tx, ops, partnerID, self.ID, min(c.Since[self.ID], held[self.ID]), !preview); err != nil {
		return nil, err
	}
	// After the partner's word went back in time (a restore, or an old
	// file imported late), the last op of its own that we hold goes
	// along even if acknowledged: if it restored a backup and numbered
	// ops again, it finds another op under that number and asks for
	// all of its ops back (sync_restore.go).
	if probe, err := probeWanted(tx, partnerID); err != nil {
		return nil, err
	} else if top := held[partnerID]; probe && top > 0 && top <= c.Since[partnerID] {
		if ops, err = readOps(tx, ops, partnerID, top-1, top); err != nil {
			return nil, err
		}
		if !preview {
			if err := probeSent(tx, partnerID); err != nil {
				return nil, err
			}
		}
	}
	// Ask for ops back where we need them all (sync_restore.go).
	tokens, err := resendTokens(tx, partnerID)
	if err != nil {
		return nil, err
	}
	if pending, err := ownTokensPending(tx, self.ID); err != nil {
		return nil, err
	} else if pending {
		// Until our lost ops are back, say we hold our own only as far
		// as without a hole, so no office takes itself to cover them.
		prefix, err := ownPrefix(tx, self.ID)
		if err != nil {
			return nil, err
		}
		c.Vector[self.ID] = min(c.Vector[self.ID], prefix)
	}
	for origin, token := range tokens {
		c.Vector[origin] = token
	}
	slices.SortFunc(ops, func(a, b Op) int {
		return cmp.Or(cmp.Compare(a.HLC, b.HLC), strings.Compare(a.Origin, b.Origin), cmp.Compare(a.Seq, b.Seq))
	})
	scope := newScope(tx)
	opRows := map[data.Table]map[string]bool{}
	for i := range ops {
		mark(opRows, ops[i].Table, ops[i].RowID)
	}
	if err := scope.prefetch(opRows); err != nil {
		return nil, err
	}
	touched := map[data.Table]map[string]bool{}
	send := make([]sending, len(ops))
	for i := range ops {
		ok, err := scope.shares(ops[i].Table, ops[i].RowID)
		if err != nil {
			return nil, err
		}
		switch {
		case ops[i].Erased:
			// Stripped of a withdrawn worker's data (consent.go): it
			// would look whole and lack values. The row's state goes
			// instead, when the worker may travel again.
			if ok {
				mark(touched, ops[i].Table, ops[i].RowID)
			}
		case !ok:
			// A withdrawal of consent goes to every partner, alone: it
			// holds nothing but the worker's id, and one that holds
			// the worker must stop using it (consent.go). Whether this
			// op is one is seen once its fields are read.
			send[i] = sendWithdrawal
		default:
			send[i] = sendOp
			mark(touched, ops[i].Table, ops[i].RowID)
		}
	}
	// A partner that asked for all of an origin's ops (a token, see
	// sync_restore.go) also gets every row holding a value of that
	// origin: some came here as rows, without their ops.
	for origin, since := range c.Since {
		if since >= 0 {
			continue
		}
		for _, table := range syncedTables {
			rec, _ := newRecord(table)
			var ids []string
			if err := tx.Model(rec).Where("field_ops LIKE ?", `%"`+origin+`/%`).Pluck("id", &ids).Error; err != nil {
				return nil, err
			}
			for _, id := range ids {
				mark(touched, table, id)
			}
		}
	}
	if err := scope.prefetch(touched); err != nil {
		return nil, err
	}
	// A worker's placements and follow-ups go with it, so that a worker
	// whose consent arrives late brings the history withheld until then.
	if err := addDependents(tx, touched); err != nil {
		return nil, err
	}
	if err := scope.prefetch(touched); err != nil {
		return nil, err
	}
	p := &changePlan{header: c, ops: ops, send: send, rows: map[data.Table][]string{}}
	for _, table := range syncedTables {
		for _, id := range sortedKeys(touched[table]) {
			ok, err := scope.shares(table, id)
			if err != nil {
				return nil, err
			}
			if ok {
				p.rows[table] = append(p.rows[table], id)
			}
		}
	}
	return p, nil
}

// write hands w the header, the ops (their fields read chunkSize at a
// time) and the rows' states (read chunkSize at a time by findRows).
func (p *changePlan) write(tx *gorm.DB, w ChangesWriter) error {
	if err := w.Header(p.header); err != nil {
		return err
	}
	asJSON, _ := w.(OpJSONWriter)
	for start := 0; start < len(p.ops); start += chunkSize {
		end := min(start+chunkSize, len(p.ops))
		chunk, send := p.ops[start:end], p.send[start:end]
		stored, err := readOpFields(tx, chunk, send)
		if err != nil {
			return err
		}
		for i := range chunk {
			if send[i] == skipOp {
				continue
			}
			op := &chunk[i]
			if asJSON != nil && send[i] == sendOp && op.Fields == nil && plainFieldChanges(stored[i]) {
				wire := op.wire()
				if err := asJSON.OpJSON(&wire, stored[i]); err != nil {
					return err
				}
				continue
			}
			if op.Fields == nil {
				if op.Fields, err = decodeFieldChanges(stored[i]); err != nil {
					return fmt.Errorf("变更 %s/%d 无法读取：%w", op.Origin, op.Seq, err)
				}
			}
			if send[i] == sendOp || isWithdrawal(op.Table, op.Fields) {
				wire := op.wire()
				if err := w.Op(&wire); err != nil {
					return err
				}
			}
			op.Fields = nil // written: let it go
		}
	}
	return p.writeRows(tx, w)
}

// writeRows reads the rows' states and hands them to w: this goroutine
// reads the columns (stateReader.readRaw, sync_scan.go), another makes
// them records and encodes them into states for w, so that on two cores
// the database's work and the encoding overlap (a third, the
// exchange's, compresses and encrypts).
func (p *changePlan) writeRows(tx *gorm.DB, w ChangesWriter) error {
	batches := make(chan []rawRow, 2)
	encoded := make(chan error, 1)
	go func() { encoded <- encodeRows(tx, w, batches) }()
	var batch []rawRow
	var readErr error
	for _, table := range syncedTables {
		var reader *stateReader
		if reader, readErr = stateReaderFor(tx, table); readErr != nil {
			break
		}
		readErr = reader.readRaw(tx, p.rows[table], func(raw []any) error {
			if batch = append(batch, rawRow{reader, raw}); len(batch) == chunkSize {
				batches <- batch
				batch = nil
			}
			return nil
		})
		if readErr != nil {
			break
		}
	}
	if len(batch) > 0 && readErr == nil {
		batches <- batch
	}
	close(batches)
	if err := <-encoded; err != nil {
		return err
	}
	return readErr
}

// rawRow is a row's columns as its reader read them.
type rawRow struct {
	reader *stateReader
	raw    []any
}

// encodeRows makes records of the rows in batches and hands their states
// to w: as columns when w takes them so (RowColumnsWriter), else as
// RowStates. After an error it takes the rest of the batches unread, so
// that the reader never waits.
func encodeRows(tx *gorm.DB, w ChangesWriter, batches <-chan []rawRow) error {
	var err error
	byColumns, _ := w.(RowColumnsWriter)
	columns := map[*rowCodec]*rowColumns{}
	for batch := range batches {
		for _, row := range batch {
			if err != nil {
				break
			}
			var rec data.Record
			if rec, err = row.reader.record(row.raw); err != nil {
				break
			}
			var codec *rowCodec
			if codec, err = codecFor(tx, rec); err != nil {
				break
			}
			var st RowState
			if byColumns == nil {
				if st, err = codec.stateOf(rec); err == nil {
					err = w.Row(&st)
				}
				continue
			}
			rc := columns[codec]
			if rc == nil {
				rc = newRowColumns(codec)
				columns[codec] = rc
			}
			if st, err = rc.fill(rec); err == nil {
				err = byColumns.RowColumns(&st, rc.cols, rc.values, rc.refs)
			}
		}
	}
	return err
}

// logEnds is, per origin of the vector (and the partner), the highest op
// number our log holds, or the vector's if that is higher.
func logEnds(tx *gorm.DB, vector map[string]int64, partnerID string) (map[string]int64, error) {
	ends := make(map[string]int64, len(vector)+1)
	for origin, seq := range vector {
		ends[origin] = seq
	}
	if _, ok := ends[partnerID]; !ok {
		ends[partnerID] = 0
	}
	// Every origin of the log, not only those of the vector: an office
	// that asks for its own ops back says a token for itself, so no
	// coverage of it is kept, yet its ops are here to relay (sync_restore.go).
	var logged []struct {
		Origin  string
		LastSeq int64
	}
	if err := tx.Model(&Op{}).Select("origin, MAX(seq) AS last_seq").Group("origin").Scan(&logged).Error; err != nil {
		return nil, err
	}
	for _, l := range logged {
		ends[l.Origin] = max(ends[l.Origin], l.LastSeq)
	}
	return ends, nil
}

// readOps appends the ops of origin numbered after since up to upTo,
// reading the columns itself: GORM's scan and encoding/json take most of
// an export's time on a hundred thousand ops.
func readOps(tx *gorm.DB, ops []Op, origin string, since, upTo int64) ([]Op, error) {
	return scanOps(tx, ops, origin, since, upTo, true)
}

// readOpKeys appends the ops of origin numbered after since up to upTo
// without their fields: an export reads those a chunk at a time as it
// writes them (readOpFields).
func readOpKeys(tx *gorm.DB, ops []Op, origin string, since, upTo int64) ([]Op, error) {
	return scanOps(tx, ops, origin, since, upTo, false)
}

func scanOps(tx *gorm.DB, ops []Op, origin string, since, upTo int64, withFields bool) ([]Op, error) {
	cols := "origin, seq, hlc, tbl, row_id, erased"
	if withFields {
		cols += ", fields"
	}
	rows, err := tx.Model(&Op{}).Select(cols).Where("origin = ? AND seq > ? AND seq <= ?", origin, since, upTo).Rows()
	if err != nil {
		return nil, err
	}
	ops = slices.Grow(ops, int(max(0, min(upTo-since, 1<<17)))) // at most that many: grown once, or a few times
	defer rows.Close()
	for rows.Next() {
		var op Op
		var fields []byte
		dest := []any{&op.Origin, &op.Seq, &op.HLC, &op.Table, &op.RowID, &op.Erased}
		if withFields {
			dest = append(dest, &fields)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if withFields {
			if op.Fields, err = decodeFieldChanges(fields); err != nil {
				return nil, fmt.Errorf("变更 %s/%d 无法读取：%w", op.Origin, op.Seq, err)
			}
		}
		ops = append(ops, op)
	}
	return ops, rows.Err()
}

// readOpFields reads, as stored, the fields of the ops that are to be
// sent and lack them, one query per origin: by a range of numbers when
// the ops are most of theirs in it (an export of everything since the
// partner's last file), else by a list of numbers. stored[i] is ops[i]'s.
func readOpFields(tx *gorm.DB, ops []Op, send []sending) (stored [][]byte, err error) {
	stored = make([][]byte, len(ops))
	bySeq := map[string]map[int64][]int{}
	for i := range ops {
		if send[i] == skipOp || ops[i].Fields != nil {
			continue
		}
		if bySeq[ops[i].Origin] == nil {
			bySeq[ops[i].Origin] = map[int64][]int{}
		}
		bySeq[ops[i].Origin][ops[i].Seq] = append(bySeq[ops[i].Origin][ops[i].Seq], i)
	}
	for _, origin := range sortedKeys(bySeq) {
		at := bySeq[origin]
		keep := func(rows *sql.Rows) error {
			var seq int64
			var raw []byte
			if err := rows.Scan(&seq, &raw); err != nil {
				return err
			}
			for _, i := range at[seq] {
				stored[i] = raw
			}
			return nil
		}
		seqs := sortedKeys(at)
		if first, last := seqs[0], seqs[len(seqs)-1]; last-first < 2*int64(len(seqs)) {
			var rows *sql.Rows
			rows, err = tx.Statement.ConnPool.QueryContext(context.Background(), dialectOf(tx).rebind(
				`SELECT "seq", "fields" FROM "ops" WHERE "origin" = ? AND "seq" >= ? AND "seq" <= ?`), origin, first, last)
			err = forEachRow(rows, err, keep)
		} else {
			err = queryByIDs(tx, `SELECT "seq", "fields" FROM "ops" WHERE "origin" = ? AND "seq" IN (`, []any{origin}, seqs, keep)
		}
		if err != nil {
			return nil, err
		}
	}
	return stored, nil
}

// stateColumns are the columns a row's state is read from: its identity
// and bookkeeping and the travelling ones (not the derived ones, nor the
// timestamps, whose parsing is half the cost of reading a row).
func stateColumns(db *gorm.DB, table data.Table) []string {
	rec, _ := newRecord(table)
	codec, err := codecFor(db, rec)
	if err != nil {
		return nil
	}
	cols := []string{"id", "origin", "hlc", "field_ops"}
	for _, f := range codec.cols {
		cols = append(cols, f.DBName)
	}
	return cols
}

func addDependents(tx *gorm.DB, touched map[data.Table]map[string]bool) error {
	ids := make([]string, 0, len(touched[data.TableWorkers]))
	for id := range touched[data.TableWorkers] {
		ids = append(ids, id)
	}
	workers := touched[data.TableWorkers]
	for _, table := range dependentTables {
		err := selectByKeys(tx, `"id", "worker_id"`, string(table), "worker_id", ids, func(rows *sql.Rows) error {
			var id string
			var workerID sql.NullString
			if err := rows.Scan(&id, &workerID); err != nil {
				return err
			}
			if workers[workerID.String] && workerID.Valid {
				mark(touched, table, id)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// scope decides what may leave this office, caching per worker.
type scope struct {
	db      *gorm.DB
	consent map[string]bool   // worker id -> may travel
	owner   map[string]string // "placements/id", "follow_ups/id" or "subsidy_claims/id" -> worker id ("" when there is no such row)
}

func newScope(db *gorm.DB) *scope {
	return &scope{db: db, consent: map[string]bool{}, owner: map[string]string{}}
}

// prefetch reads, 500 rows at a time or the whole table (selectByKeys),
// what shares will ask about these rows: the worker of each placement
// and follow-up, and each worker's consent.
func (sc *scope) prefetch(rows map[data.Table]map[string]bool) error {
	if len(sc.consent) == 0 && len(rows[data.TableWorkers]) > chunkSize {
		sc.consent = make(map[string]bool, len(rows[data.TableWorkers])) // grown once, not step by step
	}
	var workers []string // whose consent to read
	ask := func(id string) {
		if _, seen := sc.consent[id]; !seen {
			workers = append(workers, id)
			sc.consent[id] = false // no such worker: nothing to share
		}
	}
	for id := range rows[data.TableWorkers] {
		ask(id)
	}
	for _, table := range dependentTables {
		var ids []string
		for id := range rows[table] {
			if _, seen := sc.owner[string(table)+"/"+id]; !seen {
				ids = append(ids, id)
				sc.owner[string(table)+"/"+id] = ""
			}
		}
		sort.Strings(ids)
		err := queryByIDs(sc.db, `SELECT "id", "worker_id" FROM "`+string(table)+`" WHERE "id" IN (`, nil, ids, func(r *sql.Rows) error {
			var id string
			var workerID sql.NullString
			if err := r.Scan(&id, &workerID); err != nil {
				return err
			}
			sc.owner[string(table)+"/"+id] = workerID.String
			ask(workerID.String)
			return nil
		})
		if err != nil {
			return err
		}
	}
	// Read as a whole table, it gives every worker's consent: all are
	// kept, being of the same snapshot.
	return selectByKeys(sc.db, `"id", "consent"`, "workers", "id", workers, func(r *sql.Rows) error {
		var id string
		var consent sql.NullBool
		if err := r.Scan(&id, &consent); err != nil {
			return err
		}
		sc.consent[id] = consent.Bool
		return nil
	})
}

// dependentTables hold a worker's history, which travels with the worker
// (addDependents) and only with the worker's consent (scope).
var dependentTables = []data.Table{data.TablePlacements, data.TableFollowUps, data.TableClaims}

func (sc *scope) shares(table data.Table, id string) (bool, error) {
	var workerID string
	switch table {
	case data.TableWorkers:
		workerID = id
	case data.TablePlacements, data.TableFollowUps, data.TableClaims:
		owner, seen := sc.owner[string(table)+"/"+id]
		if !seen {
			if err := sc.prefetch(map[data.Table]map[string]bool{table: {id: true}}); err != nil {
				return false, err
			}
			owner = sc.owner[string(table)+"/"+id]
		}
		if owner == "" {
			return false, nil
		}
		workerID = owner
	default:
		return true, nil
	}
	if _, seen := sc.consent[workerID]; !seen {
		if err := sc.prefetch(map[data.Table]map[string]bool{data.TableWorkers: {workerID: true}}); err != nil {
			return false, err
		}
	}
	return sc.consent[workerID], nil
}

// rowState reads a row (tombstones included) with each travelling
// column's value, the op that set it and that op's clock.
func rowState(db *gorm.DB, table data.Table, id string) (RowState, error) {
	rec, _ := newRecord(table)
	if err := db.Where("id = ?", id).First(rec).Error; err != nil {
		return RowState{}, fmt.Errorf("读取%s %s：%w", rec.RecordName(), id, err)
	}
	codec, err := codecFor(db, rec)
	if err != nil {
		return RowState{}, err
	}
	return codec.stateOf(rec)
}
