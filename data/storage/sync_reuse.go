package storage

import (
	"bytes"
	"encoding/json"
	"strings"

	"duikou/data"
)

// Reused op numbers and lost ops in an import: noticing them, asking the
// sender for what is missing, and restating what stands of ops that cannot
// go into our log. The why is in sync_restore.go.

// answers reports whether the file starts, for origin, from the token of
// our request for all its ops (sync_restore.go).
func (m *merge) answers(origin string) bool {
	token, asked := m.tokens[origin]
	return asked && m.c.Since[origin] == token
}

// checkOwnGap notes a file whose sender takes us to hold more of our own
// ops than our log does, or ops of ours no file of ours carried: we lost
// them in a restore, and ask for them back (ownOpsLost, sync_restore.go).
func (m *merge) checkOwnGap() error {
	claimed, err := ownOpsLost(m.tx.db, m.c)
	if err != nil || claimed == 0 {
		return err
	}
	m.asks.add(m.tx.origin, m.tx.origin, claimed)
	return nil
}

// detectReuse looks at the ops the file refers to (the ref of each column
// of its rows, the base of each column of its ops) for one that is not
// the op we hold under its number. One of ours we do not hold means we
// lost it in a restore; another office's that differs from ours means
// that office reused numbers after a restore. Either way the sender thinks
// we hold ops we do not: we ask it for all ops of that origin
// (sync_restore.go), and if the file does not pass validation without
// them it is refused until the answer comes. Only a different clock tells
// such ops apart here; ops carried in the file are compared whole in run.
// An origin the file answers for is not looked at: its ops are all in it.
func (m *merge) detectReuse() error {
	tx, c := m.tx, m.c
	inFile := make(map[opKey]bool, len(c.Ops))
	for i := range c.Ops {
		inFile[opKey{c.Ops[i].Origin, c.Ops[i].Seq}] = true
	}
	refs := map[string]map[int64]int64{} // origin -> seq -> clock
	var beyond []string                  // "origin/" of origins we hold nothing of
	for _, origin := range sortedKeys(c.Vector) {
		if origin != tx.origin && m.have[origin] <= 0 {
			beyond = append(beyond, origin+"/")
		}
	}
	add := func(ref string) {
		for _, prefix := range beyond {
			if strings.HasPrefix(ref, prefix) {
				return // a first file from that origin: nothing to compare
			}
		}
		origin, seq, hlc, ok := parseRef(ref)
		if !ok || inFile[opKey{origin, seq}] || origin != tx.origin && seq > m.have[origin] {
			return // compared whole in run, or beyond what we could hold
		}
		if m.answers(origin) {
			return // this file answers for the origin
		}
		if refs[origin] == nil {
			refs[origin] = map[int64]int64{}
		}
		refs[origin][seq] = hlc
	}
	for i := range c.Rows {
		last := ""
		for _, fs := range c.Rows[i].Fields {
			if fs.Ref != last && fs.Ref != "" {
				add(fs.Ref)
				last = fs.Ref
			}
		}
	}
	for i := range c.Ops {
		for _, fc := range c.Ops[i].Fields {
			if fc.Base != "" {
				add(fc.Base)
			}
		}
	}
	for _, origin := range sortedKeys(refs) {
		seqs := make([]int64, 0, len(refs[origin]))
		for seq := range refs[origin] {
			seqs = append(seqs, seq)
		}
		held := make(map[int64]int64, len(seqs))
		for start := 0; start < len(seqs); start += chunkSize {
			var found []struct {
				Seq int64
				HLC int64 `gorm:"column:hlc"`
			}
			if err := tx.db.Model(&Op{}).Select("seq, hlc").
				Where("origin = ? AND seq IN ?", origin, seqs[start:min(start+chunkSize, len(seqs))]).
				Scan(&found).Error; err != nil {
				return err
			}
			for _, f := range found {
				held[f.Seq] = f.HLC
			}
		}
		var worst int64
		for seq, hlc := range refs[origin] {
			got, ok := held[seq]
			if ok && got != hlc || !ok && origin == tx.origin {
				worst = max(worst, seq)
			}
		}
		if worst == 0 {
			continue // all as we hold them
		}
		checked, err := resendChecked(tx.db, c.From, origin)
		if err != nil {
			return err
		}
		if worst <= checked {
			// Seen in an answer already: most likely refs left over from
			// before. Asked again only if the file cannot be taken in
			// without it (the sender got the op after answering).
			m.late.add(tx.origin, origin, worst)
			continue
		}
		m.asks.add(tx.origin, origin, worst)
	}
	return nil
}

func (m *merge) noteReissue(table data.Table, id, col, ref string) {
	key := string(table) + "/" + id
	if m.reissue[key] == nil {
		m.reissue[key] = map[string]string{}
	}
	m.reissue[key][col] = ref
}

// reissueReused restates, in an op of our own, the values that still
// stand from the two ops behind a reused number: the one taken in, which
// cannot go into our log (its number is taken), and the one we hold,
// which its origin lost in the restore. In our log, the values travel on
// like any edit of ours, based on those ops, so an office that holds
// them fast-forwards, and one that lost them takes them back.
func (m *merge) reissueReused() error {
	tx := m.tx
	for _, key := range sortedKeys(m.reissue) {
		name, id, _ := strings.Cut(key, "/")
		table := data.Table(name)
		rec := m.rows[table][id]
		if rec == nil {
			continue
		}
		codec, err := codecFor(tx.db, rec)
		if err != nil {
			return err
		}
		sy := rec.SyncInfo()
		var withdrawal, rest map[string]FieldChange
		for _, col := range sortedKeys(m.reissue[key]) {
			ref := m.reissue[key][col]
			if sy.FieldOps.Base(col) != ref {
				continue // replaced since, or lost the merge (then in the conflict list)
			}
			v, err := codec.value(rec, col)
			if err != nil {
				return err
			}
			fc := FieldChange{Value: v, Base: ref}
			if isWithdrawal(table, map[string]FieldChange{col: fc}) {
				// A withdrawal of consent restated goes first, in an op of
				// its own, as a clerk's does (splitWithdrawal): only such an
				// op leaves here while the worker is withdrawn. Its origin
				// may have lost it in the restore that reused its number;
				// in an op with other columns it would stay here, and the
				// origin would share the worker for good (seed 362 without
				// the floor, TestARestatedWithdrawalReachesTheOfficeThatLostIt).
				withdrawal = map[string]FieldChange{col: fc}
				continue
			}
			if rest == nil {
				rest = map[string]FieldChange{}
			}
			rest[col] = fc
		}
		for _, fields := range []map[string]FieldChange{withdrawal, rest} {
			if fields == nil {
				continue
			}
			op := tx.nextOp(table, id)
			op.Fields = fields
			fops := cloneFieldOps(sy.FieldOps)
			for col := range op.Fields {
				fops[col] = op.Ref()
			}
			sy.FieldOps, sy.HLC = fops, op.HLC
			m.logged[opKey{op.Origin, op.Seq}] = op
			m.newOps = append(m.newOps, op)
			mark(m.touched, table, id)
		}
	}
	return nil
}

// decided reports, for an op taken in under a reused number, whether it
// was taken in before (by an earlier file carrying it): a conflict lists
// it already, or the value we hold was based on it.
func (m *merge) decided(table data.Table, rowID, col, ref, have string) bool {
	for _, cf := range m.conflicts[string(table)+"/"+rowID+"/"+col] {
		if cf.LoserRef == ref || cf.WinnerRef == ref {
			return true
		}
	}
	var stored int64
	m.tx.db.Model(&Conflict{}).Where("tbl = ? AND row_id = ? AND field = ? AND (loser_ref = ? OR winner_ref = ?)",
		table, rowID, col, ref, ref).Count(&stored)
	if stored > 0 {
		return true
	}
	// Walk back along the field's bases from what we hold.
	for hops := 0; have != "" && hops < 100; hops++ {
		origin, seq, _, ok := parseRef(have)
		if !ok {
			return false
		}
		op := m.logged[opKey{origin, seq}]
		if op == nil {
			var ops []Op
			if m.tx.db.Where("origin = ? AND seq = ?", origin, seq).Limit(1).Find(&ops).Error != nil || len(ops) == 0 {
				return false
			}
			op = &ops[0]
		}
		fc, ok := op.Fields[col]
		if !ok {
			return false
		}
		if fc.Base == ref {
			return true
		}
		have = fc.Base
	}
	return false
}

// senderAwaits reports whether the file asks us for all of some origin's
// ops (a token in the sender's vector, sync_restore.go).
func (m *merge) senderAwaits() bool {
	for _, seq := range m.c.Vector {
		if seq < 0 {
			return true
		}
	}
	return false
}

// opKey identifies an op in the log.
type opKey struct {
	origin string
	seq    int64
}

// sameOp reports whether an op from a file is the op we hold under its
// number. Normally it always is; after the sender restored a backup it
// may be another op under a reused number. The clock alone does not tell
// them apart (a PC whose clock stood still or went back numbers and
// stamps alike), so the content is compared too.
func sameOp(held *Op, w *WireOp) bool {
	if held.HLC != w.HLC || held.Table != w.Table || held.RowID != w.RowID || len(held.Fields) != len(w.Fields) {
		return redactedPair(held, w) // a copy with a withdrawn worker's data erased (consent.go)
	}
	for col, hf := range held.Fields {
		wf, ok := w.Fields[col]
		if !ok || hf.Base != wf.Base || !sameJSON(hf.Value, wf.Value) {
			return false
		}
	}
	return true
}

// sameJSON compares two JSON values as values (spacing and escapes aside).
func sameJSON(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	ca, okA := canonicalJSON(a)
	cb, okB := canonicalJSON(b)
	return okA && okB && bytes.Equal(ca, cb)
}

func canonicalJSON(raw json.RawMessage) ([]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // numbers compare exactly
	var v any
	if dec.Decode(&v) != nil {
		return nil, false
	}
	out, err := json.Marshal(v)
	return out, err == nil
}
