package dblock

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// childEnv makes the test binary, re-executed, hold a lock on the named
// database until it is killed.
const childEnv = "DBLOCK_TEST_CHILD_DB"

func TestMain(m *testing.M) {
	if db := os.Getenv(childEnv); db != "" {
		l, err := Acquire(db, "duikou import")
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("locked", l.Holder().PID)
		time.Sleep(time.Hour) // until killed
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestSecondAcquireInProcessIsRefusedWithHolderNamed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	l, err := Acquire(db, "对口劳务协作窗口")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(db, "duikou restore")
	be, ok := IsBusy(err)
	if !ok {
		t.Fatalf("second acquire: %v", err)
	}
	host, _ := os.Hostname()
	if be.Holder.Program != "对口劳务协作窗口" || be.Holder.PID != os.Getpid() || be.Holder.Computer != host {
		t.Fatalf("holder %+v", be.Holder)
	}
	msg := err.Error()
	for _, want := range []string{"数据库正被另一个程序使用：对口劳务协作窗口（电脑 " + host, fmt.Sprintf("进程 %d", os.Getpid()), "起）。请先关闭它再试。"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("message %q lacks %q", msg, want)
		}
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if err := l.Release(); err != nil { // twice is fine
		t.Fatal(err)
	}
	l2, err := Acquire(db, "duikou restore")
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	defer l2.Release()
	if st, err := os.Stat(LockPath(db)); err != nil || (st.Mode().Perm()&0o077 != 0 && os.PathSeparator == '/') {
		t.Fatalf("lock file %v %v", st.Mode(), err)
	}
}

func TestHolderMessage(t *testing.T) {
	h := Holder{Program: "对口劳务协作窗口", Computer: "PC-01", PID: 1234, Since: time.Date(2026, 12, 6, 10, 2, 0, 0, time.Local)}
	want := "数据库正被另一个程序使用：对口劳务协作窗口（电脑 PC-01，进程 1234，自 2026-12-06 10:02 起）。请先关闭它再试。"
	if got := (&BusyError{Holder: h}).Error(); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if got := (&BusyError{Holder: h, Waited: 10 * time.Second}).Error(); !strings.Contains(got, "已等待 10 秒，仍未释放。请先关闭它再试。") {
		t.Fatal(got)
	}
	if got := (&BusyError{}).Error(); got != "数据库正被另一个程序使用（无法得知是哪个程序）。请先关闭它再试。" {
		t.Fatal(got)
	}
}

func TestAcquireWait(t *testing.T) {
	pollEvery = 10 * time.Millisecond
	db := filepath.Join(t.TempDir(), "office.db")
	l, err := Acquire(db, "duikou sync import")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = AcquireWait(db, "duikou import", 150*time.Millisecond)
	if be, ok := IsBusy(err); !ok || be.Waited == 0 || be.Holder.Program != "duikou sync import" || time.Since(start) < 150*time.Millisecond {
		t.Fatalf("wait ended with %v after %v", err, time.Since(start))
	}
	go func() {
		time.Sleep(100 * time.Millisecond)
		l.Release()
	}()
	var told []Holder
	l2, err := AcquireContext(context.Background(), db, "duikou import", func(h Holder) { told = append(told, h) })
	if err != nil {
		t.Fatalf("the lock was released but: %v", err)
	}
	defer l2.Release()
	if len(told) != 1 || told[0].Program != "duikou sync import" {
		t.Fatalf("told %+v", told)
	}
}

// TestOtherProcessAndKill: a lock held by another process is refused
// with that process named, and is free again once it is killed -9.
func TestOtherProcessAndKill(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	defer func() {
		if !killed {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "locked ") {
		t.Fatalf("child said %q, %v", line, err)
	}
	_, err = Acquire(db, "对口劳务协作窗口")
	be, ok := IsBusy(err)
	if !ok {
		t.Fatalf("acquire while the child holds it: %v", err)
	}
	if be.Holder.PID != cmd.Process.Pid || be.Holder.Program != "duikou import" {
		t.Fatalf("holder %+v, child %d", be.Holder, cmd.Process.Pid)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("duikou import（电脑 %s，进程 %d，", be.Holder.Computer, cmd.Process.Pid)) {
		t.Fatalf("message %s", err)
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix, TerminateProcess on Windows
		t.Fatal(err)
	}
	cmd.Wait()
	killed = true
	l, err := AcquireWait(db, "对口劳务协作窗口", 5*time.Second)
	if err != nil {
		t.Fatalf("after kill -9: %v", err)
	}
	if l.Holder().PID != os.Getpid() {
		t.Fatalf("holder %+v", l.Holder())
	}
	l.Release()
}
