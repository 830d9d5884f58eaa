package storage

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"duikou/data"
	"duikou/data/storage/testdb"
)

// TestDesktopProcessChild is one clerk's desktop in a process of its own,
// started by TestSeparateProcessesKeepTheOpLogDense: it registers its
// workers one save at a time and then edits each.
func TestDesktopProcessChild(t *testing.T) {
	loc := os.Getenv("DUIKOU_DESKTOP_DB")
	if loc == "" {
		t.Skip("run by TestSeparateProcessesKeepTheOpLogDense")
	}
	first, _ := strconv.Atoi(os.Getenv("DUIKOU_DESKTOP_FIRST"))
	n, _ := strconv.Atoi(os.Getenv("DUIKOU_DESKTOP_N"))
	s, err := OpenWith(loc, Options{Clerk: os.Getenv("DUIKOU_DESKTOP_CLERK")})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	defer s.Close()
	for i := first; i < first+n; i++ {
		w := validWorker(i)
		if err := s.Create(w); err != nil {
			fmt.Println("create:", err)
			os.Exit(3)
		}
		w.Notes = "已电话确认 " + strconv.Itoa(i)
		if err := s.Update(w); err != nil {
			fmt.Println("update:", err)
			os.Exit(3)
		}
	}
}

// Six clerks, each in a process of its own with its own connections,
// register 30 workers and edit each, all at once: every save is there,
// each clerk's audit entries name that clerk, and the office's op log is
// numbered 1..N with no gap or repeat.
func TestSeparateProcessesKeepTheOpLogDense(t *testing.T) {
	testdb.SkipUnlessPostgres(t)
	s, loc := openTemp(t)
	office, err := s.SetupOffice("兰州市总工会", "620100", data.RoleSending, "李娟")
	if err != nil {
		t.Fatal(err)
	}
	const clerks, each = 6, 30
	var cmds []*exec.Cmd
	outs := make([][]byte, clerks)
	errs := make(chan error, clerks)
	for c := 0; c < clerks; c++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDesktopProcessChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "DUIKOU_DESKTOP_DB="+loc, fmt.Sprintf("DUIKOU_DESKTOP_CLERK=经办人%d", c),
			fmt.Sprintf("DUIKOU_DESKTOP_FIRST=%d", 1+c*each), fmt.Sprintf("DUIKOU_DESKTOP_N=%d", each))
		cmds = append(cmds, cmd)
	}
	for c, cmd := range cmds {
		go func() {
			var err error
			outs[c], err = cmd.CombinedOutput()
			errs <- err
		}()
	}
	for range cmds {
		if err := <-errs; err != nil {
			t.Fatalf("a desktop failed: %v\n%s", err, outs)
		}
	}
	if n, _ := s.CountWorkers(data.WorkerFilter{}); n != clerks*each {
		t.Fatalf("%d workers, want %d", n, clerks*each)
	}
	for c := 0; c < clerks; c++ {
		var n int64
		if err := s.db.Model(&data.AuditEntry{}).Where("clerk = ? AND tbl = ?", fmt.Sprintf("经办人%d", c), "workers").
			Count(&n).Error; err != nil || n != 2*each {
			t.Fatalf("经办人%d has %d audit entries on workers (%v), want %d", c, n, err, 2*each)
		}
	}
	var seqs []int64
	if err := s.db.Model(&Op{}).Where("origin = ?", office.ID).Order("seq").Pluck("seq", &seqs).Error; err != nil {
		t.Fatal(err)
	}
	if len(seqs) != 2*clerks*each {
		t.Fatalf("%d ops, want %d (a create and an edit per worker)", len(seqs), 2*clerks*each)
	}
	for i, seq := range seqs {
		if seq != int64(i+1) {
			t.Fatalf("op %d is numbered %d: the log is not dense", i+1, seq)
		}
	}
}
