package storage

import (
	"duikou/data"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// withdrawnSetup: A registers a consenting worker and a demand, B
// receives them and refers the worker (a placement of its own), A learns
// of the placement.
func withdrawnSetup(t *testing.T, n int) ([]*office, *data.Worker, *data.Placement) {
	t.Helper()
	offs := newOffices(t, n)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	w.Address = "榆中县城关镇栖云路12号"
	w.Notes = "丈夫在兰州务工，孩子随祖父母"
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	d := validDemand(t, a.s)
	mustReceive(t, a, b)
	p := &data.Placement{WorkerID: w.ID, DemandID: d.ID}
	if err := b.s.Create(p); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, b, a)
	return offs, w, p
}

func mustReceive(t *testing.T, from, to *office) *ApplySummary {
	t.Helper()
	sum, err := receive(t, to, send(t, from, to), data.NewID())
	if err != nil {
		t.Fatalf("%s→%s: %v", from.name, to.name, err)
	}
	return sum
}

// rawWorker reads a worker row whatever its state.
func rawWorker(t *testing.T, o *office, id string) *data.Worker {
	t.Helper()
	var w data.Worker
	if err := o.s.db.Where("id = ?", id).First(&w).Error; err != nil {
		t.Fatalf("%s: worker %s: %v", o.name, id, err)
	}
	return &w
}

// exchangeEveryWay has each of offs receive a file from each other, in
// turn (a to b, a to c, b to a ...).
func exchangeEveryWay(t *testing.T, offs ...*office) {
	t.Helper()
	for _, o := range offs {
		for _, p := range offs {
			if o != p {
				mustReceive(t, o, p)
			}
		}
	}
}

// setConsent has o's clerk tick (or clear) the consent of the worker id.
func setConsent(t *testing.T, o *office, id string, consent bool) {
	t.Helper()
	w, err := o.s.Worker(id)
	if err != nil {
		t.Fatalf("%s: worker %s: %v", o.name, id, err)
	}
	w.Consent = consent
	if err := o.s.Update(w); err != nil {
		t.Fatal(err)
	}
}

// assertHusk checks that o holds only the husk of w: no consent, no
// personal data in the row, in the op log or in the conflict list, and
// an audit entry saying so.
func assertHusk(t *testing.T, o *office, w *data.Worker) {
	t.Helper()
	got := rawWorker(t, o, w.ID)
	if got.Consent {
		t.Fatalf("%s: the worker still has consent", o.name)
	}
	if got.IDNumber != "" || got.Phone != "" || got.Address != "" || got.Notes != "" || !got.Birth.IsZero() {
		t.Fatalf("%s: personal data kept: %+v", o.name, got)
	}
	if got.Name != "王某（已撤回同意）" {
		t.Fatalf("%s: name %q", o.name, got.Name)
	}
	if len(got.Skills) != 1 || got.Skills[0].Occupation != "housekeeper" || got.Skills[0].CertNo != "" {
		t.Fatalf("%s: skills %+v", o.name, got.Skills)
	}
	if !got.IsWithdrawnHusk() {
		t.Fatalf("%s: not marked as a husk", o.name)
	}
	var ops []Op
	o.s.db.Where("row_id = ?", w.ID).Find(&ops)
	for _, op := range ops {
		b, _ := json.Marshal(op.Fields)
		for _, secret := range []string{w.IDNumber, "13893112345", "13911112222", "栖云路", "丈夫", "王秀兰", "S2024-01"} {
			if strings.Contains(string(b), secret) {
				t.Fatalf("%s: op %s still holds %q: %s", o.name, op.Ref(), secret, b)
			}
		}
	}
	var audits []data.AuditEntry
	o.s.db.Where("row_id = ? AND summary LIKE ?", w.ID, "%已撤回劳动者%").Find(&audits)
	if len(audits) != 1 {
		t.Fatalf("%s: %d audit entries for the withdrawal, want 1", o.name, len(audits))
	}
	if strings.Contains(audits[0].Summary, "王秀兰") {
		t.Fatalf("%s: the audit entry names the worker in full: %s", o.name, audits[0].Summary)
	}
}

func TestAWithdrawalOfConsentReachesThePartnerAndErasesItsCopy(t *testing.T) {
	offs, w, p := withdrawnSetup(t, 2)
	a, b := offs[0], offs[1]
	// The worker withdraws consent at A; the clerk also notes a new phone
	// in the same edit, and later an address.
	wa, _ := a.s.Worker(w.ID)
	wa.Consent, wa.Phone = false, "13911112222"
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	wa.Address = "兰州市城关区新址"
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	raw := send(t, a, b)
	var c Changes
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	withdrawals := 0
	for _, op := range c.Ops {
		if op.RowID == w.ID {
			if !op.Withdrawal() {
				t.Fatalf("an op on the withdrawn worker other than the withdrawal travels: %+v", op)
			}
			withdrawals++
		}
	}
	for _, st := range c.Rows {
		if st.ID == w.ID {
			t.Fatal("the withdrawn worker's row travels")
		}
	}
	if withdrawals != 1 {
		t.Fatalf("%d withdrawal ops in the file, want 1", withdrawals)
	}
	for _, secret := range []string{"13911112222", "新址", w.IDNumber} {
		if strings.Contains(string(raw), secret) {
			t.Fatalf("the file carries %q", secret)
		}
	}
	if _, err := receive(t, b, raw, data.NewID()); err != nil {
		t.Fatal(err)
	}
	assertHusk(t, b, w)
	// B's own placement of the worker stays, pointing at the husk, and
	// can still be followed through (the worker's status moves with it).
	pb, err := b.s.Placement(p.ID)
	if err != nil {
		t.Fatalf("B's placement is gone: %v", err)
	}
	pb.Stage, pb.HiredOn = data.StageHired, data.DateOf(fixedNow)
	if err := b.s.Update(pb); err != nil {
		t.Fatalf("advancing B's placement of the husk: %v", err)
	}
	if got := rawWorker(t, b, w.ID); got.Status != data.WorkerEmployed || got.IDNumber != "" {
		t.Fatalf("the husk after its placement moved: %+v", got)
	}
	// B cannot edit the husk.
	hb := rawWorker(t, b, w.ID)
	hb.Notes = "乙方补记"
	if err := b.s.Update(hb); err == nil || !strings.Contains(err.Error(), "撤回") {
		t.Fatalf("editing the husk at B: %v", err)
	}
	// B's next file erases nothing at A.
	mustReceive(t, b, a)
	ga := rawWorker(t, a, w.ID)
	if ga.IDNumber != w.IDNumber || ga.Phone != "13911112222" || ga.Address != "兰州市城关区新址" || ga.Name != w.Name || ga.Consent {
		t.Fatalf("A's record changed by B's file: %+v", ga)
	}
	// The same withdrawal file again changes nothing, and a second round
	// adds no audit entry.
	if sum, err := receive(t, b, raw, data.NewID()); err != nil || sum.Ops != 0 || sum.Updated != 0 {
		t.Fatalf("second import: %+v, %v", sum, err)
	}
	mustReceive(t, a, b)
	assertHusk(t, b, w)

	// The worker consents again: the whole row comes back, with what was
	// edited while withdrawn.
	setConsent(t, a, w.ID, true)
	mustReceive(t, a, b)
	gb := rawWorker(t, b, w.ID)
	if !gb.Consent || gb.IDNumber != w.IDNumber || gb.Phone != "13911112222" || gb.Address != "兰州市城关区新址" ||
		gb.Name != w.Name || gb.Notes != w.Notes || gb.Birth.IsZero() || gb.Skills[0].CertNo != "S2024-01" || gb.IsWithdrawnHusk() {
		t.Fatalf("after re-consent B holds %+v", gb)
	}
	gb.Notes = "乙方：已回访"
	if err := b.s.Update(gb); err != nil {
		t.Fatalf("editing at B after re-consent: %v", err)
	}
	mustReceive(t, b, a)
	mustReceive(t, a, b)
	assertSameState(t, a, b)
	if ga := rawWorker(t, a, w.ID); ga.Notes != "乙方：已回访" {
		t.Fatalf("B's edit after re-consent did not reach A: %q", ga.Notes)
	}
}

// Withdrawal and re-consent without the partner acknowledging in
// between: the ops it holds stripped come again in full and are the
// same ops, not another office's reused numbers.
func TestReConsentBeforeThePartnerAcknowledgesTheWithdrawal(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b) // B never writes back: A keeps sending from the start
	setConsent(t, a, w.ID, false)
	mustReceive(t, a, b)
	assertHusk(t, b, w)
	wa, _ := a.s.Worker(w.ID)
	wa.Consent, wa.Phone = true, "13911112222"
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	sum := mustReceive(t, a, b)
	if sum.Reused != 0 || sum.Conflicts != 0 {
		t.Fatalf("the full copies of stripped ops were taken for other ops: %+v", sum)
	}
	if tokens, _ := resendTokens(b.s.db, a.s.Office().ID); len(tokens) != 0 {
		t.Fatalf("B took A for an office that restored a backup and asks for all its ops: %v", tokens)
	}
	if gb := rawWorker(t, b, w.ID); !gb.Consent || gb.IDNumber != w.IDNumber || gb.Phone != "13911112222" {
		t.Fatalf("after re-consent B holds %+v", gb)
	}
	mustReceive(t, b, a)
	assertSameState(t, a, b)
}

// A third office that got the worker through B learns of the withdrawal
// through B too, and a stale copy from it does not bring the data back.
func TestAWithdrawalIsRelayedToAThirdOffice(t *testing.T) {
	offs, w, _ := withdrawnSetup(t, 3)
	a, b, c := offs[0], offs[1], offs[2]
	mustReceive(t, b, c) // C holds the worker through B only
	if _, err := c.s.Worker(w.ID); err != nil {
		t.Fatalf("the worker did not reach C: %v", err)
	}
	wc, _ := c.s.Worker(w.ID)
	wc.Phone = "13922223333" // C edits before it learns of the withdrawal
	if err := c.s.Update(wc); err != nil {
		t.Fatal(err)
	}
	setConsent(t, a, w.ID, false)
	mustReceive(t, a, b)
	mustReceive(t, c, b) // C's stale copy and edit reach the husk at B
	assertHusk(t, b, w)
	if strings.Contains(string(mustJSON(t, rawWorker(t, b, w.ID))), "13922223333") {
		t.Fatal("C's edit brought a phone back into the husk")
	}
	mustReceive(t, b, c)
	assertHusk(t, c, w)
	exchangeEveryWay(t, a, b, c)
	assertHusk(t, b, w)
	assertHusk(t, c, w)
	if ga := rawWorker(t, a, w.ID); ga.IDNumber != w.IDNumber || ga.Consent {
		t.Fatalf("A's record: %+v", ga)
	}
	assertSameState(t, a, b)
	assertSameState(t, a, c)
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A husk's conflicts on personal columns go with the data.
func TestAWithdrawalDropsTheConflictsOnErasedData(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	wa, _ := a.s.Worker(w.ID)
	wb, _ := b.s.Worker(w.ID)
	wa.Phone, wb.Phone = "13911112222", "13933334444"
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	if err := b.s.Update(wb); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	if n, _ := b.s.CountOpenConflicts(); n != 1 {
		t.Fatalf("%d open conflicts at B, want 1", n)
	}
	setConsent(t, a, w.ID, false)
	sum := mustReceive(t, a, b)
	if sum.Withdrawn != 1 {
		t.Fatalf("summary: %+v", sum)
	}
	if n := count(t, b.s, &Conflict{}); n != 0 {
		t.Fatalf("%d conflicts on the husk kept at B", n)
	}
	var logs []BundleLog
	b.s.db.Where("direction = ?", "in").Order("at DESC, id").Find(&logs)
	found := false
	for _, l := range logs {
		found = found || strings.Contains(l.Summary, "1名劳动者已撤回共享同意")
	}
	if !found {
		t.Fatalf("no exchange history entry says a worker withdrew: %+v", logs)
	}
}

// A backup restored from before the withdrawal holds the worker in full
// again; the next exchange erases it again.
func TestARestoredBackupIsErasedAgainByTheNextExchange(t *testing.T) {
	offs, w, _ := withdrawnSetup(t, 2)
	a, b := offs[0], offs[1]
	backup := filepath.Join(t.TempDir(), "b-before.db")
	if err := b.s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	setConsent(t, a, w.ID, false)
	mustReceive(t, a, b)
	mustReceive(t, b, a)
	assertHusk(t, b, w)
	restore(t, b, backup)
	if got := rawWorker(t, b, w.ID); !got.Consent || got.IDNumber == "" {
		t.Fatalf("the backup does not hold the worker in full: %+v", got)
	}
	mustReceive(t, b, a) // B's word that it went back in time
	mustReceive(t, a, b)
	if got := rawWorker(t, b, w.ID); got.Consent || got.IDNumber != "" || !got.IsWithdrawnHusk() {
		t.Fatalf("after the restore and an exchange B holds %+v", got)
	}
}

// After a re-consent, an office that erased the worker holds some of its
// ops stripped; relaying them would hand a third office ops that look
// whole but lack values. It sends the row's state instead.
func TestStrippedOpsAreNotRelayedAsWhole(t *testing.T) {
	offs := newOffices(t, 3)
	a, b, c := offs[0], offs[1], offs[2]
	w := validWorker(1)
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	mustReceive(t, a, c)
	wa, _ := a.s.Worker(w.ID)
	wa.Phone, wa.ExpectedWage = "13911112222", data.Yuan(6000) // B gets this edit, C does not
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	wa.Consent = false
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	assertHusk(t, b, w)
	wa.Consent = true
	if err := a.s.Update(wa); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, b)
	mustReceive(t, b, c) // C hears of the phone first from B
	mustReceive(t, a, c)
	if got := rawWorker(t, c, w.ID); got.Phone != "13911112222" {
		t.Fatalf("C's phone %q, want A's edit", got.Phone)
	}
	exchangeEveryWay(t, a, b, c)
	assertSameState(t, a, b)
	assertSameState(t, a, c)
}

// A withdrawal can reach an office before the worker does (it travels to
// every partner); the worker relayed later by an office that has not
// heard of it arrives as a husk.
func TestAWithdrawalThatArrivesBeforeTheWorker(t *testing.T) {
	offs := newOffices(t, 3)
	a, b, c := offs[0], offs[1], offs[2]
	w := validWorker(1)
	w.Address, w.Notes = "榆中县城关镇栖云路12号", "丈夫在兰州务工"
	if err := a.s.Create(w); err != nil {
		t.Fatal(err)
	}
	mustReceive(t, a, c)
	setConsent(t, a, w.ID, false)
	if sum := mustReceive(t, a, b); sum.New != 0 || sum.Withdrawn != 0 {
		t.Fatalf("the withdrawal of a worker B never had: %+v", sum)
	}
	if n := count(t, b.s, &data.Worker{}); n != 0 {
		t.Fatalf("B holds %d workers", n)
	}
	mustReceive(t, c, b) // C relays the worker, consenting as far as it knows
	assertHusk(t, b, w)
	mustReceive(t, b, c) // and B relays the withdrawal to C
	assertHusk(t, c, w)
}
