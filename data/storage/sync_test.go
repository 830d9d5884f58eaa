package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage/testdb"
)

// office is one simulated union office with its own database.
type office struct {
	name string
	s    *Store
	box  [][]byte // exchange files waiting to be imported
}

func newOffices(t *testing.T, n int) []*office {
	t.Helper()
	specs := []struct {
		name, region string
		role         data.OfficeRole
	}{
		{"榆中县总工会", "620123", data.RoleSending},
		{"南京市江宁区总工会", "320115", data.RoleReceiving},
		{"重庆市渝北区总工会", "500112", data.RoleBoth},
	}
	var offs []*office
	for i := 0; i < n; i++ {
		path := testdb.Location(t) // a file, or a PostgreSQL database (DUIKOU_TEST_POSTGRES)
		s, err := OpenWith(path, testOptions(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if _, err := s.SetupOffice(specs[i].name, specs[i].region, specs[i].role, "经办人"); err != nil {
			t.Fatal(err)
		}
		offs = append(offs, &office{name: specs[i].name, s: s})
	}
	for _, a := range offs {
		for _, b := range offs {
			if a != b {
				o := b.s.Office()
				p := &data.Partner{ID: o.ID, Name: o.Name, Region: o.Region, Role: o.Role}
				if err := a.s.db.Create(p).Error; err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return offs
}

// send exports from a for b, through JSON as the bundle carries it.
func send(t *testing.T, a, b *office) []byte {
	t.Helper()
	c, err := a.s.ChangesFor(b.s.Office().ID)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func receive(t *testing.T, b *office, raw []byte, bundleID string) (*ApplySummary, error) {
	t.Helper()
	var c Changes
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	if n := applyParts(t); n > 0 {
		return b.s.ApplyChunks(&c, partsOf(&c, n), bundleID, "test.duikou", false, nil) // sync_parts_test.go
	}
	return b.s.ApplyChanges(&c, bundleID, "test.duikou", false)
}

// state is every shared row of an office, as table/id -> travelling values.
// A worker without consent is left out, with its placements and
// follow-ups: it does not travel, and a withdrawn worker's row differs
// between offices on purpose (the registering office keeps its data, the
// partners an erased husk, consent.go).
func state(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	sc := newScope(s.db)
	for _, table := range syncedTables {
		var ids []string
		rec, _ := newRecord(table)
		s.db.Model(rec).Pluck("id", &ids)
		for _, id := range ids {
			if ok, _ := sc.shares(table, id); !ok {
				continue
			}
			st, err := rowState(s.db, table, id)
			if err != nil {
				t.Fatal(err)
			}
			vals := map[string]json.RawMessage{}
			for col, f := range st.Fields {
				vals[col] = f.Value
			}
			b, _ := json.Marshal(vals) // map keys are sorted
			out[string(table)+"/"+id] = string(b)
		}
	}
	return out
}

// typed remembers the last value each office's clerk typed per field and
// the op that set it ("office|table/id|col" -> value and ref).
type typed map[string]typedValue

type typedValue struct {
	value string
	ref   string
}

func (ty typed) note(o *office, table data.Table, id, col string, v any) {
	rec, _ := newRecord(table)
	o.s.db.Where("id = ?", id).First(rec)
	b, _ := json.Marshal(v)
	ty[o.name+"|"+string(table)+"/"+id+"|"+col] = typedValue{string(b), rec.SyncInfo().FieldOps.Base(col)}
}

func TestExchangeConvergesUnderLossDuplicationAndReordering(t *testing.T) {
	seeds := 12
	if testing.Short() {
		seeds = 3
	}
	for seed := 1; seed <= seeds; seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			n := 2 + seed%2 // two and three offices
			runExchange(t, uint64(seed), n)
		})
	}
}

func runExchange(t *testing.T, seed uint64, n int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	offs := newOffices(t, n)
	ty := typed{}
	idSeq := 0
	pick := func(o *office, table data.Table) data.Record {
		rec, _ := newRecord(table)
		var ids []string
		o.s.db.Model(rec).Where("deleted = ?", false).Order("id").Pluck("id", &ids)
		if len(ids) == 0 {
			return nil
		}
		o.s.db.Where("id = ?", ids[rng.IntN(len(ids))]).First(rec)
		return rec
	}
	for step := 0; step < 120; step++ {
		o := offs[rng.IntN(n)]
		switch r := rng.IntN(100); {
		case r < 15: // register a worker
			idSeq++
			w := &data.Worker{Name: fmt.Sprintf("劳动者%d", idSeq), HukouRegion: "620123", Consent: rng.IntN(5) > 0,
				IDNumber: ident.MakeID("620123", time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, idSeq), idSeq, idSeq%2 == 0)}
			if o.s.Create(w) == nil {
				ty.note(o, "workers", w.ID, "name", w.Name)
			}
		case r < 22: // an employer and a demand
			idSeq++
			body := fmt.Sprintf("MA%06d", idSeq)
			e := &data.Employer{Name: fmt.Sprintf("南京用工单位%d", idSeq), CreditCode: testCreditCode(body), Region: "320115"}
			if o.s.Create(e) == nil {
				o.s.Create(&data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 3, WorkRegion: "320115"})
			}
		case r < 30: // a referral of a worker this office knows to a demand it knows
			w, d := pick(o, "workers"), pick(o, "demands")
			if w != nil && d != nil {
				o.s.Create(&data.Placement{WorkerID: w.SyncInfo().ID, DemandID: d.SyncInfo().ID})
			}
		case r < 35: // a follow-up
			if w := pick(o, "workers"); w != nil {
				f := &data.FollowUp{WorkerID: w.SyncInfo().ID, Kind: data.KindWarmth, Outcome: "送米面油", Amount: data.Yuan(int64(rng.IntN(900)))}
				if o.s.Create(f) == nil {
					ty.note(o, "follow_ups", f.ID, "outcome", f.Outcome)
				}
			}
		case r < 55: // edit a worker's notes or phone: the conflicts come from here
			if rec := pick(o, "workers"); rec != nil {
				w := rec.(*data.Worker)
				w.Notes = fmt.Sprintf("%s第%d步的备注", o.name, step)
				if rng.IntN(2) == 0 {
					w.Phone = fmt.Sprintf("139%08d", rng.IntN(1e8))
				}
				if o.s.Update(w) == nil {
					ty.note(o, "workers", w.ID, "notes", w.Notes)
					if w.Phone != "" {
						ty.note(o, "workers", w.ID, "phone", w.Phone)
					}
				}
			}
		case r < 60: // consent arrives late, or is withdrawn (consent.go)
			if rec := pick(o, "workers"); rec != nil {
				w := rec.(*data.Worker)
				if !w.Consent {
					w.Consent = true
					o.s.Update(w)
				} else if rng.IntN(3) == 0 {
					w.Consent = false
					o.s.Update(w)
				}
			}
		case r < 65: // edit a demand
			if rec := pick(o, "demands"); rec != nil {
				d := rec.(*data.Demand)
				d.Headcount = 1 + rng.IntN(20)
				if o.s.Update(d) == nil {
					ty.note(o, "demands", d.ID, "headcount", d.Headcount)
				}
			}
		case r < 68: // delete a worker with no active placement
			if rec := pick(o, "workers"); rec != nil {
				o.s.Delete(rec)
			}
		case r < 88: // write an exchange file for someone
			to := offs[rng.IntN(n)]
			if to != o {
				to.box = append(to.box, send(t, o, to))
			}
		default: // import a waiting file: any of them, maybe twice, maybe never
			if len(o.box) > 0 {
				i := rng.IntN(len(o.box))
				_, err := receive(t, o, o.box[i], data.NewID())
				if err != nil && !errors.Is(err, ErrGap) {
					t.Fatalf("step %d import: %v", step, err)
				}
				switch rng.IntN(3) {
				case 0: // keep it to import again later (a duplicate)
				default:
					o.box = append(o.box[:i], o.box[i+1:]...)
				}
				if rng.IntN(6) == 0 && len(o.box) > 0 { // a file lost on the way
					o.box = o.box[1:]
				}
			}
		}
	}
	// Settle: everyone exchanges with everyone, in order, until quiet.
	for round := 0; round < 2*n; round++ {
		for _, a := range offs {
			for _, b := range offs {
				if a != b {
					if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
						t.Fatalf("settling %s→%s: %v", a.name, b.name, err)
					}
				}
			}
		}
	}
	want := state(t, offs[0].s)
	for _, o := range offs[1:] {
		got := state(t, o.s)
		if len(got) != len(want) {
			t.Fatalf("%s holds %d shared rows, %s holds %d", o.name, len(got), offs[0].name, len(want))
		}
		for k, v := range want {
			if got[k] != v {
				t.Fatalf("%s differs from %s on %s:\n%s\n%s", o.name, offs[0].name, k, got[k], v)
			}
		}
	}
	// Every value a clerk typed last is current, or was seen by whoever
	// replaced it (an ancestor of the current value's op), or lost a
	// concurrent edit and sits in a conflict list (or is an ancestor of one
	// that does).
	ops := map[string]*Op{}
	losers := map[string][]string{} // table/id|col -> loser refs
	for _, o := range offs {
		var all []Op
		o.s.db.Find(&all)
		for i := range all {
			// An office that erased a withdrawn worker holds its ops
			// stripped (consent.go): keep the fullest copy.
			if held := ops[all[i].Ref()]; held == nil || len(held.Fields) < len(all[i].Fields) {
				ops[all[i].Ref()] = &all[i]
			}
		}
		cs, _ := o.s.Conflicts(false, 100000)
		for _, c := range cs {
			k := string(c.Table) + "/" + c.RowID + "|" + c.Field
			losers[k] = append(losers[k], c.LoserRef)
		}
	}
	// lineage: walking back from ref along the field's bases, do we meet
	// the typed op, or an op that set the very same value (two clerks who
	// typed the same thing lose nothing when one replaces the other)?
	lineage := func(from, col string, want typedValue) bool {
		for ref, hops := from, 0; ref != "" && hops < 10000; hops++ {
			op := ops[ref]
			if ref == want.ref || (op != nil && string(op.Fields[col].Value) == want.value) {
				return true
			}
			if op == nil {
				return false
			}
			ref = op.Fields[col].Base
		}
		return false
	}
	keys := make([]string, 0, len(ty))
	for k := range ty {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts := strings.SplitN(k, "|", 3)
		officeName, row, col := parts[0], parts[1], parts[2]
		cur, shared := want[row]
		if !shared {
			continue // a worker without consent never left its office
		}
		var vals map[string]json.RawMessage
		json.Unmarshal([]byte(cur), &vals)
		if string(vals[col]) == ty[k].value {
			continue // concurrent edits to the same value: nothing to lose
		}
		table, id, _ := strings.Cut(row, "/")
		rec, _ := newRecord(data.Table(table))
		offs[0].s.db.Where("id = ?", id).First(rec)
		if lineage(rec.SyncInfo().FieldOps.Base(col), col, ty[k]) {
			continue
		}
		if data.IsPersonalColumn(col) && erasedByWithdrawal(offs, officeName, ty[k].ref, col) {
			// Lost on purpose: the office that typed it held the worker
			// by consent, and erased what it held when the registering
			// office withdrew that consent (consent.go).
			continue
		}
		accounted := false
		for _, l := range losers[row+"|"+col] {
			accounted = accounted || lineage(l, col, ty[k])
		}
		if !accounted {
			t.Fatalf("%s's value of %s on %s (op %s) is lost: not current, not replaced knowingly, not in a conflict list",
				officeName, col, row, ty[k].ref)
		}
	}
}

func TestConcurrentEditGivesOneConflictOnEachSideAndResolutionTravels(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	wa, _ := a.s.Worker(w.ID)
	wb, err := b.s.Worker(w.ID)
	if err != nil {
		t.Fatalf("worker did not arrive: %v", err)
	}
	wa.Notes, wb.Notes = "甲方：已联系家属", "乙方：已到岗"
	wa.Phone = "13900001111" // only A touches the phone: no conflict there
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	fromA, fromB := send(t, a, b), send(t, b, a)
	sb, err := receive(t, b, fromA, data.NewID())
	if err != nil {
		t.Fatal(err)
	}
	sa, err := receive(t, a, fromB, data.NewID())
	if err != nil {
		t.Fatal(err)
	}
	if sa.Conflicts != 1 || sb.Conflicts != 1 {
		t.Fatalf("conflicts: A %d, B %d; want 1 each", sa.Conflicts, sb.Conflicts)
	}
	ga, _ := a.s.Worker(w.ID)
	gb, _ := b.s.Worker(w.ID)
	if ga.Notes != gb.Notes || ga.Phone != "13900001111" || gb.Phone != "13900001111" {
		t.Fatalf("not converged: A %q %s, B %q %s", ga.Notes, ga.Phone, gb.Notes, gb.Phone)
	}
	ca, _ := a.s.Conflicts(true, 10)
	cb, _ := b.s.Conflicts(true, 10)
	if len(ca) != 1 || len(cb) != 1 || ca[0].WinnerValue != cb[0].WinnerValue || ca[0].LoserValue != cb[0].LoserValue {
		t.Fatalf("conflict lists differ: %+v / %+v", ca, cb)
	}
	// A second import of the same file changes nothing.
	again, err := receive(t, b, fromA, data.NewID())
	if err != nil || again.Ops != 0 || again.Conflicts != 0 || again.New != 0 || again.Updated != 0 {
		t.Fatalf("second import: %+v, %v", again, err)
	}
	// A's clerk takes the losing value; the decision travels and closes B's copy.
	if err := a.s.ResolveConflict(ca[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	ga, _ = a.s.Worker(w.ID)
	gb, _ = b.s.Worker(w.ID)
	var loser string
	json.Unmarshal([]byte(ca[0].LoserValue), &loser)
	if ga.Notes != loser || gb.Notes != loser {
		t.Fatalf("after resolution: A %q, B %q, want %q", ga.Notes, gb.Notes, loser)
	}
	if n, _ := b.s.CountOpenConflicts(); n != 0 {
		t.Fatalf("B still has %d open conflicts", n)
	}
}

func TestDeletesDoNotComeBack(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	a.s.Create(w)
	receive(t, b, send(t, a, b), data.NewID())
	// A deletes while B edits.
	if err := a.s.Delete(&data.Worker{Synced: data.Synced{ID: w.ID}}); err != nil {
		t.Fatal(err)
	}
	wb, _ := b.s.Worker(w.ID)
	wb.Notes = "乙方编辑"
	b.s.Update(wb)
	receive(t, a, send(t, b, a), data.NewID())
	receive(t, b, send(t, a, b), data.NewID())
	if _, err := a.s.Worker(w.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatal("the deleted worker came back at A")
	}
	if _, err := b.s.Worker(w.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatal("the delete did not reach B")
	}
}

func TestWorkerWithoutConsentStaysHomeUntilConsent(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	w.Consent = false
	a.s.Create(w)
	emp := validEmployer(t, a.s)
	d := &data.Demand{EmployerID: emp.ID, Occupation: "housekeeper", Headcount: 2, WorkRegion: "320115"}
	a.s.Create(d)
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID}
	a.s.Create(p)
	receive(t, b, send(t, a, b), data.NewID())
	if _, err := b.s.Worker(w.ID); err == nil {
		t.Fatal("a worker without consent reached the partner")
	}
	if _, err := b.s.Placement(p.ID); err == nil {
		t.Fatal("the placement of a worker without consent reached the partner")
	}
	if _, err := b.s.Demand(d.ID); err != nil {
		t.Fatal("the demand should travel")
	}
	// Consent recorded later: the worker and the withheld placement follow.
	w.Consent = true
	if err := a.s.Update(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, b, send(t, a, b), data.NewID()); err != nil {
		t.Fatal(err)
	}
	got, err := b.s.Worker(w.ID)
	if err != nil || got.Name != w.Name || got.Sex != data.Female {
		t.Fatalf("worker after consent: %+v, %v", got, err)
	}
	if _, err := b.s.Placement(p.ID); err != nil {
		t.Fatalf("withheld placement did not follow: %v", err)
	}
}

func TestGapIsRefusedAndNamesTheMissingFile(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	a.s.Create(validWorker(1))
	receive(t, b, send(t, a, b), data.NewID())
	receive(t, a, send(t, b, a), data.NewID()) // A learns what B holds
	// B loses its database and restores an old backup: A's next file starts
	// after ops B no longer holds.
	c, _ := a.s.ChangesFor(b.s.Office().ID)
	c.Since[a.s.Office().ID] = 5
	_, err := b.s.ApplyChanges(c, data.NewID(), "x.duikou", false)
	var gap *GapError
	if !errors.As(err, &gap) || gap.LastFile != "test.duikou" {
		t.Fatalf("gap: %v", err)
	}
}

// erasedByWithdrawal reports whether the office named holds the op ref
// with column col stripped: it erased the value on a withdrawal of
// consent (consent.go).
func erasedByWithdrawal(offs []*office, name, ref, col string) bool {
	origin, seq, _, ok := parseRef(ref)
	for _, o := range offs {
		if o.name != name || !ok {
			continue
		}
		var op Op
		if o.s.db.Where("origin = ? AND seq = ?", origin, seq).Limit(1).Find(&op).RowsAffected == 0 {
			return false
		}
		_, kept := op.Fields[col]
		return !kept
	}
	return false
}
