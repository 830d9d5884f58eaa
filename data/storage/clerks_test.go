package storage

// The concurrency test of issue 17: many clerks on one PostgreSQL office
// at once, each registering and editing its own workers while all of
// them edit a shared set of workers from the version each read. No
// change may be lost, every collision must reach the clerk as a
// ChangedMeanwhile, the op log stays numbered 1..N, and the office's
// exchange file brings a SQLite partner to the same rows.

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage/testdb"
)

const clerksSkip = "needs a PostgreSQL server (DUIKOU_TEST_POSTGRES)"

// clerkWorker is worker n of the test, n from 1 up: validWorker's ID
// numbers repeat after 499, so the birth date moves on a day every 499.
func clerkWorker(n int) *data.Worker {
	w := validWorker(n)
	birth := time.Date(1990, 3, 14, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n/499)
	w.IDNumber = ident.MakeID("620123", birth, n, true)
	return w
}

// clerkTag is what clerk c appends to a shared worker's notes: a clerk's
// edit is present exactly when its tag is.
func clerkTag(c int) string { return fmt.Sprintf("[经办人%d已回访]", c) }

// clerkTally is what one clerk saw: the ChangedMeanwhile refusals and the
// saves it retried after re-reading.
type clerkTally struct{ conflicts, retries int }

// clerkWork is one clerk's session: register workers first..first+n-1,
// editing each right after, wait at the barrier (so that all clerks reach
// the shared workers together, in the same order, and collide), then
// append its tag to every shared worker with UpdateFrom from the version
// it read. A refusal is re-read and the
// clerk's own change re-applied (what a clerk does after comparing the
// two values), so nothing of either clerk is lost.
func clerkWork(s *Store, c, first, n int, shared []string, barrier func()) (clerkTally, error) {
	var tally clerkTally
	err := registerAndEdit(s, first, n)
	barrier() // also on failure: the other clerks wait here for this one
	if err != nil {
		return tally, err
	}
	for _, id := range shared {
		for {
			w, err := s.Worker(id)
			if err != nil {
				return tally, err
			}
			opened := w.SyncInfo().HLC
			w.Notes += clerkTag(c)
			err = s.UpdateFrom(w, opened)
			var cm *ChangedMeanwhile
			if errors.As(err, &cm) {
				tally.conflicts++
				if cm.Current.SyncInfo().HLC == opened {
					return tally, fmt.Errorf("worker %s: refused though nobody wrote it since it was read", id)
				}
				if strings.Contains(cm.Current.(*data.Worker).Notes, clerkTag(c)) {
					return tally, fmt.Errorf("worker %s: refused, yet the clerk's edit is there", id)
				}
				tally.retries++
				continue
			}
			if err != nil {
				return tally, fmt.Errorf("shared %s: %w", id, err)
			}
			break
		}
	}
	return tally, nil
}

// registerAndEdit is a clerk's own work: workers first..first+n-1, each
// registered and then edited in a save of its own.
func registerAndEdit(s *Store, first, n int) error {
	for i := first; i < first+n; i++ {
		w := clerkWorker(i)
		if err := s.Create(w); err != nil {
			return fmt.Errorf("create %d: %w", i, err)
		}
		w.Notes = "已电话确认 " + strconv.Itoa(i)
		if err := s.Update(w); err != nil {
			return fmt.Errorf("update %d: %w", i, err)
		}
	}
	return nil
}

// clerksOffice is a PostgreSQL office with the shared workers registered.
func clerksOffice(t *testing.T, shared int) (*Store, string, []string) {
	t.Helper()
	s, loc := openTemp(t)
	if _, err := s.SetupOffice("兰州市总工会", "620100", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := 0; i < shared; i++ {
		w := clerkWorker(900000 + i)
		w.Notes = "共同回访："
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, w.ID)
	}
	return s, loc, ids
}

// checkClerks asserts what the clerks' sessions must leave: every
// clerk's edits present, refusals only where retried, and the op log
// 1..N with exactly one op per save.
func checkClerks(t *testing.T, s *Store, clerks, each int, shared []string, tallies []clerkTally) {
	t.Helper()
	conflicts, retries := 0, 0
	for _, ta := range tallies {
		conflicts += ta.conflicts
		retries += ta.retries
	}
	if conflicts != retries {
		t.Fatalf("%d ChangedMeanwhile seen, %d retries", conflicts, retries)
	}
	t.Logf("%d clerks × %d workers, %d shared: %d conflicts surfaced and retried", clerks, each, len(shared), conflicts)
	if n, _ := s.CountWorkers(data.WorkerFilter{}); n != int64(clerks*each+len(shared)) {
		t.Fatalf("%d workers, want %d", n, clerks*each+len(shared))
	}
	for _, id := range shared {
		w, err := s.Worker(id)
		if err != nil {
			t.Fatal(err)
		}
		for c := 0; c < clerks; c++ {
			if strings.Count(w.Notes, clerkTag(c)) != 1 {
				t.Fatalf("worker %s's notes %q hold 经办人%d's edit %d times, want once", id, w.Notes, c, strings.Count(w.Notes, clerkTag(c)))
			}
		}
	}
	if conflicts == 0 {
		t.Fatalf("the clerks never collided on a shared worker: the test proves nothing about conflicts")
	}
	var edited int64
	if err := s.db.Model(&data.Worker{}).Where("notes LIKE ?", "已电话确认 %").Count(&edited).Error; err != nil || edited != int64(clerks*each) {
		t.Fatalf("%d own workers carry their edit (%v), want %d", edited, err, clerks*each)
	}
	var seqs []int64
	if err := s.db.Model(&Op{}).Where("origin = ?", s.Office().ID).Order("seq").Pluck("seq", &seqs).Error; err != nil {
		t.Fatal(err)
	}
	// A create and an edit per own worker, a create per shared worker and
	// one edit per clerk on it; a refused save writes no op.
	want := 2*clerks*each + len(shared) + clerks*len(shared)
	if len(seqs) != want {
		t.Fatalf("%d ops, want %d", len(seqs), want)
	}
	for i, seq := range seqs {
		if seq != int64(i+1) {
			t.Fatalf("op %d is numbered %d: the log is not dense", i+1, seq)
		}
	}
}

// exchangeToSQLite sends the office's changes to a fresh SQLite partner
// (paired both ways, as newOffices pairs) and asserts both hold the same
// shared rows.
func exchangeToSQLite(t *testing.T, s *Store) {
	t.Helper()
	p, err := OpenWith(filepath.Join(t.TempDir(), "partner.db"), Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	if _, err := p.SetupOffice("南京市江宁区总工会", "320115", data.RoleReceiving, "经办人"); err != nil {
		t.Fatal(err)
	}
	a, b := &office{name: "兰州市总工会(PostgreSQL)", s: s}, &office{name: "南京市江宁区总工会(SQLite)", s: p}
	for _, pair := range [][2]*Store{{s, p}, {p, s}} {
		o := pair[1].Office()
		if err := pair[0].db.Create(&data.Partner{ID: o.ID, Name: o.Name, Region: o.Region, Role: o.Role}).Error; err != nil {
			t.Fatal(err)
		}
	}
	sum, err := receive(t, b, send(t, a, b), data.NewID())
	if err != nil {
		t.Fatalf("the SQLite partner refused the exchange file: %v", err)
	}
	if sum.Conflicts != 0 || len(sum.Refused) != 0 {
		t.Fatalf("the import raised %d conflicts and refused %v, want neither", sum.Conflicts, sum.Refused)
	}
	assertSameState(t, a, b)
}

// Ten clerks, each with its own Store (its own connections) on one
// PostgreSQL office, at once. Each registers and edits 1,000 workers of
// its own (55 to 75 s on a two-core machine) and then every clerk edits
// the same 50 workers from the version it read.
func TestTenClerks(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip(clerksSkip)
	}
	const clerks, each, shared = 10, 1000, 50
	first, loc, ids := clerksOffice(t, shared)
	stores := []*Store{first}
	for c := 1; c < clerks; c++ {
		opt := testOptions(t)
		opt.Clerk = fmt.Sprintf("经办人%d", c)
		s, err := OpenWith(loc, opt)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	tallies := make([]clerkTally, clerks)
	errs := make([]error, clerks)
	var wg, atBarrier sync.WaitGroup
	atBarrier.Add(clerks)
	barrier := func() { atBarrier.Done(); atBarrier.Wait() }
	for c, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tallies[c], errs[c] = clerkWork(s, c, 1+c*each, each, ids, barrier)
		}()
	}
	wg.Wait()
	for c, err := range errs {
		if err != nil {
			t.Fatalf("经办人%d: %v", c, err)
		}
	}
	checkClerks(t, first, clerks, each, ids, tallies)
	exchangeToSQLite(t, first)
}

// TestClerkProcessChild is one clerk in a process of its own, started by
// TestTenClerksInSeparateProcesses; it prints what it saw as
// "tally <conflicts> <retries>".
func TestClerkProcessChild(t *testing.T) {
	loc := os.Getenv("DUIKOU_CLERK_DB")
	if loc == "" {
		t.Skip("run by TestTenClerksInSeparateProcesses")
	}
	c, _ := strconv.Atoi(os.Getenv("DUIKOU_CLERK"))
	first, _ := strconv.Atoi(os.Getenv("DUIKOU_CLERK_FIRST"))
	n, _ := strconv.Atoi(os.Getenv("DUIKOU_CLERK_N"))
	dir := os.Getenv("DUIKOU_CLERK_BARRIER")
	s, err := OpenWith(loc, Options{Clerk: fmt.Sprintf("经办人%d", c), BackupDir: t.TempDir()})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	defer s.Close()
	barrier := func() { fileBarrier(dir, c) }
	tally, err := clerkWork(s, c, first, n, strings.Split(os.Getenv("DUIKOU_CLERK_SHARED"), ","), barrier)
	if err != nil {
		fmt.Println("clerk:", err)
		os.Exit(3)
	}
	fmt.Printf("tally %d %d\n", tally.conflicts, tally.retries)
}

// fileBarrier is the processes' barrier: clerk c says it is ready with a
// file in dir and waits for the parent's "go" file.
func fileBarrier(dir string, c int) {
	os.WriteFile(filepath.Join(dir, "ready"+strconv.Itoa(c)), nil, 0o600)
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(dir, "go")); err == nil {
			return
		}
	}
}

// Ten clerks, each in a process of its own, register and edit 200
// workers each (fewer than TestTenClerks, to keep it near 15 s) and all
// edit the same 50 workers: the same promises as TestTenClerks across
// processes.
func TestTenClerksInSeparateProcesses(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip(clerksSkip)
	}
	const clerks, each, shared = 10, 200, 50
	s, loc, ids := clerksOffice(t, shared)
	dir := t.TempDir()
	outs := make([][]byte, clerks)
	errs := make(chan error, clerks)
	for c := 0; c < clerks; c++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestClerkProcessChild$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "DUIKOU_CLERK_DB="+loc, "DUIKOU_CLERK="+strconv.Itoa(c),
			fmt.Sprintf("DUIKOU_CLERK_FIRST=%d", 1+c*each), fmt.Sprintf("DUIKOU_CLERK_N=%d", each),
			"DUIKOU_CLERK_BARRIER="+dir, "DUIKOU_CLERK_SHARED="+strings.Join(ids, ","))
		go func() {
			var err error
			outs[c], err = cmd.CombinedOutput()
			errs <- err
		}()
	}
	done := make(chan struct{})
	defer close(done)
	go func() { // let the clerks on to the shared workers once all are ready
		for {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
			if ready, _ := filepath.Glob(filepath.Join(dir, "ready*")); len(ready) == clerks {
				os.WriteFile(filepath.Join(dir, "go"), nil, 0o600)
				return
			}
		}
	}()
	for range clerks {
		if err := <-errs; err != nil {
			t.Fatalf("a clerk's process failed: %v\n%s", err, outs)
		}
	}
	tallies := make([]clerkTally, clerks)
	for c, out := range outs {
		i := strings.Index(string(out), "tally ")
		if i < 0 {
			t.Fatalf("经办人%d printed no tally:\n%s", c, out)
		}
		fmt.Sscanf(string(out[i:]), "tally %d %d", &tallies[c].conflicts, &tallies[c].retries)
	}
	checkClerks(t, s, clerks, each, ids, tallies)
	exchangeToSQLite(t, s)
}
