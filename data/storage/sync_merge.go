package storage

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"sync"

	"gorm.io/gorm"

	"duikou/data"
	"duikou/data/ident"
)

// merge is one import's work, done in memory between a batched read and a
// batched write: the rows the file touches are read 500 at a time, the
// ops and row states are merged into them, each touched record is
// validated and its derived columns refreshed, and then rows, ops and
// conflicts are written in batches. The outcome is the one of applying
// op after op and row after row to the database.
type merge struct {
	tx       *Tx
	c        *Changes
	bundleID string
	sum      *ApplySummary

	have    map[string]int64                      // our vector before the import
	tokens  map[string]int64                      // our requests to the sender for all of an origin's ops
	asks    *GapError                             // origins to ask the sender for in full (sync_restore.go)
	late    *GapError                             // and those to ask for again if the file is refused
	rows    map[data.Table]map[string]data.Record // table -> id -> the row as merged so far (absent: we do not have it)
	created map[string]bool                       // "table/id" of rows built from their state in this import
	touched map[data.Table]map[string]bool        // rows changed by the import
	// unconsented: the workers read without consent, with the ref of
	// their consent column as read (restateWithheld, consent_withheld.go).
	unconsented map[string]string

	held   map[opKey]*Op // ops of the file whose number our log already holds
	logged map[opKey]*Op // ops written to our log by this import
	known  map[opKey]int64
	asked  map[opKey]bool // looked up in the log (known holds the clock of those found)
	newOps []*Op

	conflicts map[string][]*Conflict // "table/row/field" -> conflicts on that field (stored, and new)
	fresh     []*Conflict            // conflicts found by this import, in order
	settled   map[int64]*Conflict    // stored conflicts this import closes

	prebuilt map[*RowState]data.Record // rows we lack, built from their state ahead of applyRowState

	// reissue lists, per row ("table/id"), the columns set by ops taken in
	// under a reused number, with their ref: those ops cannot go into our
	// log (their numbers are taken), so we restate the values in an op of
	// our own (see reissueReused).
	reissue map[string]map[string]string
}

func newMerge(tx *Tx, c *Changes, bundleID string, sum *ApplySummary) *merge {
	return &merge{tx: tx, c: c, bundleID: bundleID, sum: sum, asks: &GapError{Restored: true}, late: &GapError{Restored: true},
		rows: map[data.Table]map[string]data.Record{}, created: map[string]bool{}, touched: map[data.Table]map[string]bool{},
		held: map[opKey]*Op{}, logged: map[opKey]*Op{}, known: map[opKey]int64{}, asked: map[opKey]bool{},
		conflicts: map[string][]*Conflict{}, settled: map[int64]*Conflict{}, reissue: map[string]map[string]string{},
		unconsented: map[string]string{}}
}

func (m *merge) run() error {
	tx, c := m.tx, m.c
	var err error
	if m.have, err = vectorOf(tx.db, tx.s.Office()); err != nil {
		return err
	}
	for _, origin := range sortedKeys(c.Since) {
		if since := c.Since[origin]; origin != tx.origin && since > m.have[origin] {
			gap := &GapError{Origin: origin, Have: m.have[origin], Needed: since}
			var last BundleLog
			if res := tx.db.Where("partner_id = ? AND direction = ?", c.From, "in").Order("at DESC").Limit(1).Find(&last); res.RowsAffected > 0 {
				gap.LastFile = last.FileName
			}
			return gap
		}
	}
	if m.tokens, err = resendTokens(tx.db, c.From); err != nil {
		return err
	}
	if err := m.checkOwnGap(); err != nil {
		return err
	}
	inFile := make(map[string]bool, len(c.Rows))
	var maxHLC int64
	for i := range c.Rows {
		inFile[string(c.Rows[i].Table)+"/"+c.Rows[i].ID] = true
		maxHLC = max(maxHLC, c.Rows[i].HLC)
	}
	// Ops of ours the sender holds are numbered up to its vector: any op we
	// write in this import goes above them (sync_restore.go).
	tx.seq = max(tx.seq, c.Vector[tx.origin])
	if err := m.readHeldOps(); err != nil {
		return err
	}
	if err := m.detectReuse(); err != nil {
		return err
	}
	// Which ops to take in: not seen before, or another op under a number
	// we hold (its origin restored a backup and numbered ops again).
	take := make([]bool, len(c.Ops))
	need := map[data.Table]map[string]bool{}
	for i := range c.Ops {
		w := &c.Ops[i]
		maxHLC = max(maxHLC, w.HLC)
		k := opKey{w.Origin, w.Seq}
		if held := m.held[k]; held != nil {
			if sameOp(held, w) {
				continue // taken in before: a second import is a no-op
			}
			if !m.answers(w.Origin) { // there may be more: ask for all
				checked, err := resendChecked(tx.db, c.From, w.Origin)
				if err != nil {
					return err
				}
				if w.Seq > checked {
					m.asks.add(tx.origin, w.Origin, w.Seq)
				} else {
					m.late.add(tx.origin, w.Origin, w.Seq) // seen in an answer: settled then
				}
			}
		} else if w.Origin != tx.origin && w.Origin != c.From && w.Seq <= m.have[w.Origin] {
			// Covered already (or withheld from us by the sender's scope).
			// One of the sender's own that our log lacks is taken in: it
			// sends them again only when we lack them (sync_restore.go).
			continue
		}
		if _, ok := newRecord(w.Table); !ok {
			return fmt.Errorf("文件含有未知的表 %q", w.Table)
		}
		if !inFile[string(w.Table)+"/"+w.RowID] && !w.Withdrawal() { // a withdrawal travels alone (consent.go)
			return fmt.Errorf("文件不完整：变更 %s/%d 所属的记录缺失", w.Origin, w.Seq)
		}
		take[i] = true
		mark(need, w.Table, w.RowID)
		if held := m.held[k]; held != nil {
			mark(need, held.Table, held.RowID) // restated in reissueReused
		}
	}
	for i := range c.Rows {
		mark(need, c.Rows[i].Table, c.Rows[i].ID)
	}
	if err := m.readRows(need); err != nil {
		return err
	}
	if err := m.readConflicts(need); err != nil {
		return err
	}
	for i := range c.Ops {
		if take[i] {
			if err := m.applyOp(&c.Ops[i]); err != nil {
				return err
			}
		}
	}
	if err := m.buildNewRows(); err != nil {
		return err
	}
	if err := m.readRefs(); err != nil {
		return err
	}
	for _, table := range syncedTables {
		for i := range c.Rows {
			if c.Rows[i].Table == table {
				if err := m.applyRowState(&c.Rows[i]); err != nil {
					return err
				}
			}
		}
	}
	if err := m.applyHeldWithdrawals(); err != nil {
		return err
	}
	tx.s.clock.Observe(maxHLC)
	if err := m.restateWithheld(); err != nil { // before reissueReused, which writes the op (consent_withheld.go)
		return err
	}
	if err := m.reissueReused(); err != nil {
		return err
	}
	if err := m.eraseWithdrawn(); err != nil {
		return err
	}
	if err := m.validateAndWrite(); err != nil {
		return err
	}
	if len(m.sum.Refused) > 0 {
		if gap := m.refusedForRestore(); gap != nil {
			return gap // ApplyChanges keeps the restore books all the same
		}
		return nil // all of it is rolled back
	}
	return m.writeBookkeeping()
}

// readHeldOps looks up, 500 at a time, which ops of the file our log
// holds already. Every op is looked up, not only those up to what we
// cover: a sender asking for ops back reports less than it holds
// (sync_restore.go), so coverage can lag behind the log.
func (m *merge) readHeldOps() error {
	bySeq := map[string][]int64{}
	for i := range m.c.Ops {
		w := &m.c.Ops[i]
		bySeq[w.Origin] = append(bySeq[w.Origin], w.Seq)
	}
	for _, origin := range sortedKeys(bySeq) {
		seqs := bySeq[origin]
		for start := 0; start < len(seqs); start += chunkSize {
			chunk := seqs[start:min(start+chunkSize, len(seqs))]
			if some, err := anyBetween(m.tx.db, "ops", "seq", chunk, "origin", origin); err != nil {
				return err
			} else if !some {
				continue // none of them in our log (id_probe.go)
			}
			var ops []Op
			if err := m.tx.db.Where("origin = ? AND seq IN ?", origin, chunk).Find(&ops).Error; err != nil {
				return err
			}
			for i := range ops {
				m.held[opKey{ops[i].Origin, ops[i].Seq}] = &ops[i]
			}
		}
	}
	return nil
}

// readRows reads every row the file touches that we have (not the
// timestamps: a row written back keeps created_at and gets a new
// updated_at).
func (m *merge) readRows(need map[data.Table]map[string]bool) error {
	db := m.tx.db.Omit("created_at", "updated_at").Session(&gorm.Session{})
	for _, table := range syncedTables {
		m.rows[table] = make(map[string]data.Record, len(need[table]))
		err := findRows(db, table, sortedKeys(need[table]), func(rec data.Record) {
			m.rows[table][rec.SyncInfo().ID] = rec
			if w, ok := rec.(*data.Worker); ok && !w.Consent {
				m.unconsented[w.ID] = w.FieldOps.Base(consentColumn)
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// readConflicts reads the open conflicts on the rows the file touches: an
// op based on a conflict's winner closes it.
func (m *merge) readConflicts(need map[data.Table]map[string]bool) error {
	var open []int64
	if err := m.tx.db.Model(&Conflict{}).Where("resolved = ?", false).Limit(1).Pluck("id", &open).Error; err != nil || len(open) == 0 {
		return err // none open: nothing to look for
	}
	ids := map[string]bool{}
	for _, set := range need {
		for id := range set {
			ids[id] = true
		}
	}
	return inChunks(sortedKeys(ids), func(chunk []string) error {
		var cs []Conflict
		if err := m.tx.db.Where("row_id IN ? AND resolved = ?", chunk, false).Order("id").Find(&cs).Error; err != nil {
			return err
		}
		for i := range cs {
			if need[cs[i].Table][cs[i].RowID] {
				k := string(cs[i].Table) + "/" + cs[i].RowID + "/" + cs[i].Field
				m.conflicts[k] = append(m.conflicts[k], &cs[i])
			}
		}
		return nil
	})
}

// applyOp merges one op into its row (if we have the row; a row we lack
// is built from its state afterwards, which already includes the op).
func (m *merge) applyOp(w *WireOp) error {
	changed := false
	tx := m.tx
	op := w.op()
	k := opKey{w.Origin, w.Seq}
	if first := m.logged[k]; first != nil && sameOp(first, w) {
		return nil // the same op twice in one file
	}
	reused := m.held[k] != nil || m.logged[k] != nil
	if reused {
		// Counted only if it changes something: the same reused op comes
		// again and again (sync_restore.go) once settled.
		conflicts := m.sum.Conflicts
		defer func() {
			if changed || m.sum.Conflicts > conflicts {
				m.sum.Ops++
				m.sum.Reused++
			}
		}()
		// Its origin lost the op we hold under that number: restate what
		// of it still stands, too.
		if x := m.held[k]; x != nil {
			for col := range x.Fields {
				m.noteReissue(x.Table, x.RowID, col, x.Ref())
			}
		}
	} else {
		m.sum.Ops++
		m.logged[k] = op
		m.newOps = append(m.newOps, op)
		if w.Origin == tx.origin {
			tx.seq = max(tx.seq, w.Seq)
		}
	}
	ref := op.Ref()
	rec := m.rows[w.Table][w.RowID]
	if rec == nil {
		if reused { // the row comes from its state; restate what is still this op's then
			for col := range w.Fields {
				m.noteReissue(w.Table, w.RowID, col, ref)
			}
		}
		return nil
	}
	codec, err := codecFor(tx.db, rec)
	if err != nil {
		return err
	}
	sy := rec.SyncInfo()
	var fops data.FieldOps
	for _, col := range sortedKeys(w.Fields) {
		fc := w.Fields[col]
		have := sy.FieldOps.Base(col)
		if _, erased := data.ErasedRef(have); erased {
			continue // a withdrawn worker's erased data: only a re-consent's row state fills it (consent.go)
		}
		switch {
		case have == ref && !reused:
			continue
		case have == fc.Base && have != ref:
			// Fast-forward; a resolution travelling back closes our copy
			// of the conflict it settles.
			m.settle(w.Table, w.RowID, col, fc.Base)
		default:
			cur, err := codec.value(rec, col)
			if err != nil {
				return err
			}
			if reused && (bytes.Equal(cur, fc.Value) || m.decided(w.Table, w.RowID, col, ref, have)) {
				continue // this op was taken in before and its field settled
			}
			winnerIsOp := refAfter(ref, have)
			if have == ref {
				// Another op under the very same ref: the sender's clock
				// stood still or went back across its restore. The greater
				// value wins, the same on every office.
				winnerIsOp = bytes.Compare(fc.Value, cur) > 0
			}
			if col == "deleted" { // a delete never comes undone by itself
				winnerIsOp = bytes.Equal(fc.Value, []byte("true"))
			}
			if !bytes.Equal(cur, fc.Value) {
				cf := &Conflict{Table: w.Table, RowID: w.RowID, Field: col, BundleID: m.bundleID, DetectedAt: tx.s.now().UTC()}
				if winnerIsOp {
					cf.WinnerValue, cf.WinnerRef, cf.LoserValue, cf.LoserRef = string(fc.Value), ref, string(cur), have
				} else {
					cf.WinnerValue, cf.WinnerRef, cf.LoserValue, cf.LoserRef = string(cur), have, string(fc.Value), ref
				}
				m.addConflict(cf)
				m.sum.Conflicts++
			}
			if !winnerIsOp {
				continue
			}
		}
		if err := codec.set(rec, col, fc.Value); err != nil {
			return err
		}
		if fops == nil {
			fops = cloneFieldOps(sy.FieldOps)
		}
		fops[col] = ref
		if reused {
			m.noteReissue(w.Table, w.RowID, col, ref)
		}
	}
	if fops == nil {
		return nil
	}
	changed = true
	sy.FieldOps = fops
	sy.HLC = max(sy.HLC, w.HLC)
	mark(m.touched, w.Table, w.RowID)
	return nil
}

func (m *merge) addConflict(cf *Conflict) {
	k := string(cf.Table) + "/" + cf.RowID + "/" + cf.Field
	m.conflicts[k] = append(m.conflicts[k], cf)
	m.fresh = append(m.fresh, cf)
}

// settle marks resolved the open conflicts on a field whose winner an
// incoming op was based on: the partner's clerk has decided.
func (m *merge) settle(table data.Table, rowID, column, base string) {
	if base == "" {
		return
	}
	for _, cf := range m.conflicts[string(table)+"/"+rowID+"/"+column] {
		if cf.WinnerRef == base && !cf.Resolved {
			cf.Resolved, cf.ResolvedAt, cf.Resolution = true, m.tx.s.now().UTC(), "对方已处理"
			if cf.ID != 0 {
				m.settled[cf.ID] = cf
			}
		}
	}
}

// readRefs looks up, 500 at a time, the ops that row states name for
// columns where they are ahead of what we hold, so applyRowState can tell
// a value whose op we applied (and moved on from) from one we never got.
func (m *merge) readRefs() error {
	bySeq := map[string][]int64{}
	for i := range m.c.Rows {
		st := &m.c.Rows[i]
		rec := m.rows[st.Table][st.ID]
		if rec == nil {
			continue
		}
		fops := rec.SyncInfo().FieldOps
		for col, fs := range st.Fields {
			if have := fops.Base(col); have == fs.Ref || !refAfter(fs.Ref, have) {
				continue
			}
			origin, seq, _, ok := parseRef(fs.Ref)
			k := opKey{origin, seq}
			if !ok || m.asked[k] || m.logged[k] != nil {
				continue
			}
			m.asked[k] = true
			bySeq[origin] = append(bySeq[origin], seq)
		}
	}
	for _, origin := range sortedKeys(bySeq) {
		seqs := bySeq[origin]
		for start := 0; start < len(seqs); start += chunkSize {
			var found []struct {
				Seq int64
				HLC int64 `gorm:"column:hlc"`
			}
			if err := m.tx.db.Model(&Op{}).Select("seq, hlc").
				Where("origin = ? AND seq IN ?", origin, seqs[start:min(start+chunkSize, len(seqs))]).
				Scan(&found).Error; err != nil {
				return err
			}
			for _, f := range found {
				m.known[opKey{origin, f.Seq}] = f.HLC
			}
		}
	}
	return nil
}

// haveOp reports whether the op a ref names is in our log (the very op:
// same number and clock).
func (m *merge) haveOp(ref string) (bool, error) {
	origin, seq, hlc, ok := parseRef(ref)
	if !ok {
		return false, nil
	}
	k := opKey{origin, seq}
	if op := m.logged[k]; op != nil {
		return op.HLC == hlc, nil
	}
	if !m.asked[k] {
		m.asked[k] = true
		var found []int64
		if err := m.tx.db.Model(&Op{}).Where("origin = ? AND seq = ?", origin, seq).Limit(1).Pluck("hlc", &found).Error; err != nil {
			return false, err
		}
		if len(found) == 1 {
			m.known[k] = found[0]
		}
	}
	got, found := m.known[k]
	return found && got == hlc, nil
}

// applyRowState creates a row we did not have; for a row we have, it
// fills in columns whose op we never received (withheld or relayed), the
// later ref winning so both offices agree.
func (m *merge) applyRowState(st *RowState) error {
	rec := m.rows[st.Table][st.ID]
	if rec == nil {
		if rec = m.prebuilt[st]; rec == nil {
			var err error
			if rec, err = m.tx.recordFromState(st); err != nil {
				return err
			}
		}
		m.rows[st.Table][st.ID] = rec
		m.created[string(st.Table)+"/"+st.ID] = true
		m.sum.New++
		mark(m.touched, st.Table, st.ID)
		return nil
	}
	codec, err := codecFor(m.tx.db, rec)
	if err != nil {
		return err
	}
	sy := rec.SyncInfo()
	var fops data.FieldOps
	for _, col := range sortedKeys(st.Fields) {
		fs := st.Fields[col]
		have := sy.FieldOps.Base(col)
		if _, erased := data.ErasedRef(have); erased || have == fs.Ref || !refAfter(fs.Ref, have) {
			continue
		}
		if seen, err := m.haveOp(fs.Ref); err != nil {
			return err
		} else if seen {
			// We applied that op already; what we hold since is newer,
			// unless the op reached us before a withdrawal that stripped
			// its value, and a re-consent refilled the column from an
			// older state (refillWorker).
			if stripped, err := m.heldStripped(st.Table, col, fs.Ref); err != nil {
				return err
			} else if !stripped {
				continue
			}
		}
		if err := codec.set(rec, col, fs.Value); err != nil {
			return err
		}
		if fops == nil {
			fops = cloneFieldOps(sy.FieldOps)
		}
		fops[col] = fs.Ref
	}
	if w, ok := rec.(*data.Worker); ok && w.Consent && data.IsHusk(w) { // consent came back (consent.go)
		next := fops
		if next == nil {
			next = cloneFieldOps(sy.FieldOps)
		}
		if filled, err := refillWorker(w, codec, st, next); err != nil {
			return err
		} else if filled {
			fops = next
		}
	}
	if fops != nil {
		sy.FieldOps, sy.HLC = fops, max(sy.HLC, st.HLC)
		mark(m.touched, st.Table, st.ID)
	}
	if m.touched[st.Table][st.ID] {
		m.sum.Updated++
	} else {
		m.sum.Unchanged++
	}
	return nil
}

// recordFromState builds a row we do not have from its state.
func (tx *Tx) recordFromState(st *RowState) (data.Record, error) {
	rec, ok := newRecord(st.Table)
	if !ok {
		return nil, fmt.Errorf("文件含有未知的表 %q", st.Table)
	}
	codec, err := codecFor(tx.db, rec)
	if err != nil {
		return nil, err
	}
	// One pass over the table's columns, each looked up in the state
	// (cheaper than walking the map, and it gives the column's decoder
	// without a second lookup): each value decoded into the record, and
	// whether the refs agree (a row made by one op and never edited), as
	// most rows of a first exchange do.
	rv := reflect.ValueOf(rec)
	common, uniform, found := "", true, 0
	for _, cd := range codec.ordered {
		fs, ok := st.Fields[cd.f.DBName]
		if !ok {
			continue
		}
		switch found++; {
		case found == 1:
			common = fs.Ref
		case fs.Ref != common:
			uniform = false
		}
		if err := codec.decode(rv, cd, fs.Value, true); err != nil {
			return nil, err
		}
	}
	if found != len(st.Fields) { // a column the table does not have
		for col, fs := range st.Fields {
			if err := codec.setIn(rv, col, fs.Value, true); err != nil {
				return nil, err
			}
		}
	}
	sy := rec.SyncInfo()
	sy.ID, sy.Origin, sy.HLC = st.ID, st.Origin, st.HLC
	if sy.FieldOps = (data.FieldOps{"*": common}); !uniform {
		sy.FieldOps = compactFieldOps(st.Fields)
	}
	return rec, nil
}

// BuildRecord builds a row from its state as the merge does for a row it
// lacks (recordFromState), for a reader that has the time to do it ahead
// (Changes.Built); it reads nothing from the database.
func (s *Store) BuildRecord(st *RowState) (data.Record, error) {
	return (&Tx{s: s, db: s.db}).recordFromState(st)
}

// buildNewRows builds the rows we lack from their states on every core
// (those the reader did not build already, Changes.Built): decoding a
// hundred thousand rows' values is pure work that need not wait for the
// database. applyRowState then takes them in, in order.
func (m *merge) buildNewRows() error {
	type rowKey struct {
		table data.Table
		id    string
	}
	todo := make([]*RowState, 0, len(m.c.Rows))
	built := make([]data.Record, 0, len(m.c.Rows)) // by the reader, where it did (Changes.Built)
	seen := make(map[rowKey]bool, len(m.c.Rows))
	for i := range m.c.Rows {
		st := &m.c.Rows[i]
		if key := (rowKey{st.Table, st.ID}); m.rows[st.Table][st.ID] == nil && !seen[key] {
			seen[key] = true
			todo = append(todo, st)
			if i < len(m.c.Built) {
				built = append(built, m.c.Built[i])
			} else {
				built = append(built, nil)
			}
		}
	}
	for _, table := range syncedTables { // fill the codec cache before going parallel
		rec, _ := newRecord(table)
		if _, err := codecFor(m.tx.db, rec); err != nil {
			return err
		}
	}
	missing := 0
	for _, rec := range built {
		if rec == nil {
			missing++
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	if missing < 1000 {
		workers = 1
	}
	errs := make([]error, len(todo))
	var wg sync.WaitGroup
	for w := 0; w < workers && missing > 0; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(todo); i += workers {
				if built[i] == nil {
					built[i], errs[i] = m.tx.recordFromState(todo[i])
				}
			}
		}()
	}
	wg.Wait()
	m.prebuilt = make(map[*RowState]data.Record, len(todo))
	for i, st := range todo {
		if errs[i] != nil {
			return errs[i] // the first in the file
		}
		m.prebuilt[st] = built[i]
	}
	return nil
}

// validateAndWrite validates every touched record as the form would (but
// without the checks that only make sense for this office's own entries:
// duplicates, capacity, dates against our calendar), refreshes the
// derived columns, writes the rows table by table, parents first (a
// child's check looks its parents up), and recounts the demands' filled
// positions.
func (m *merge) validateAndWrite() error {
	tx := m.tx
	demands := map[string]bool{}
	for _, table := range syncedTables {
		var inserts, updates []data.Record
		for _, id := range sortedKeys(m.touched[table]) {
			rec := m.rows[table][id]
			if m.created[string(table)+"/"+id] {
				inserts = append(inserts, rec)
			} else {
				updates = append(updates, rec)
			}
			h, _ := hooks(rec)
			if w, husk := rec.(*data.Worker); !rec.SyncInfo().Deleted && !(husk && data.IsHusk(w)) { // a husk is not a valid worker (consent.go)
				if err := h.prepare(tx, rec); err != nil {
					m.sum.Refused = append(m.sum.Refused, fmt.Sprintf("%s %s：%v", rec.RecordName(), describeRemote(rec), err))
					continue // still written, for its children's checks; all is rolled back
				}
			}
			if w, ok := rec.(*data.Worker); ok {
				if w.RegisteredOn.IsZero() { // a partner on an older version sends none
					_ = tx.checkRegistration(w, nil) // remote: fills, refuses nothing
				}
				if id, err := ident.ParseID(w.IDNumber); err == nil {
					w.Derive(data.Sex(id.Sex), data.DateOf(id.Birth))
				}
			}
			if p, ok := rec.(*data.Placement); ok {
				demands[p.DemandID] = true
			}
			tx.changes = append(tx.changes, data.Change{Table: table, ID: id, Deleted: rec.SyncInfo().Deleted})
		}
		if err := insertRows(tx, inserts); err != nil {
			return err
		}
		if err := saveRows(tx, updates); err != nil {
			return err
		}
	}
	if len(m.sum.Refused) > 0 {
		return nil
	}
	return tx.recountDemandsOf(sortedKeys(demands))
}

// writeBookkeeping stores the ops taken in and the conflicts found and
// closed.
func (m *merge) writeBookkeeping() error {
	db := m.tx.db
	if err := bulkInsert(db, m.tx.s.now().UTC(), m.newOps, false); err != nil {
		return err
	}
	if len(m.fresh) > 0 {
		if err := db.CreateInBatches(m.fresh, 200).Error; err != nil {
			return err
		}
	}
	for _, id := range sortedKeys(m.settled) {
		cf := m.settled[id]
		if err := db.Model(&Conflict{}).Where("id = ?", id).
			Updates(map[string]any{"resolved": true, "resolved_at": cf.ResolvedAt, "resolution": cf.Resolution}).Error; err != nil {
			return err
		}
	}
	return nil
}

// compactFieldOps is the bookkeeping of a row built from its state: the
// ref most columns share under "*" (as a row created here keeps it) and
// the others by name. Base answers for every column as the full map
// would, in a fraction of the space.
func compactFieldOps(fields map[string]FieldState) data.FieldOps {
	common, uniform, first := "", true, true
	for _, fs := range fields {
		if first {
			common, first = fs.Ref, false
		} else if fs.Ref != common {
			uniform = false
			break
		}
	}
	if !uniform { // the most common ref, the smallest of equals
		count, best := map[string]int{}, 0
		for _, fs := range fields {
			count[fs.Ref]++
		}
		for ref, n := range count {
			if n > best || n == best && ref < common {
				common, best = ref, n
			}
		}
	}
	fops := data.FieldOps{"*": common}
	if !uniform {
		for col, fs := range fields {
			if fs.Ref != common {
				fops[col] = fs.Ref
			}
		}
	}
	return fops
}

// sortedKeys lists a map's keys in order, so batches, bundles and merges
// come out the same every time.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	return slices.Sorted(maps.Keys(m))
}
