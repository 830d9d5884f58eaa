package cli

import (
	"strings"
	"sync"
	"testing"
	"time"

	"duikou/data/storage"
)

// A window holding the database keeps a restore and an import out: they
// are refused with the holder named, and nothing is written.
func TestCommandsAreRefusedWhileTheWindowHoldsTheDatabase(t *testing.T) {
	lockWait = 200 * time.Millisecond
	defer func() { lockWait = 10 * time.Second }()
	db := sheetNewOfficeDB(t)
	backup := db + ".bak"
	if code, _, errOut := runCLI("backup", "--db", db, "-o", backup); code != ExitOK {
		t.Fatalf("backup: %s", errOut)
	}
	window, err := storage.OpenWith(db, storage.Options{Program: "对口劳务协作窗口"})
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"restore", "--db", db, backup},
		{"import", "workers", sheetGbkRoster(t), "--db", db},
	} {
		code, _, errOut := runCLI(args...)
		if code != ExitUsage || !strings.Contains(errOut, "数据库正被另一个程序使用：对口劳务协作窗口") {
			t.Fatalf("%s while the window is open: exit %d %q", args[0], code, errOut)
		}
	}
	if _, err := storage.OpenWith(db, storage.Options{Program: "第二个窗口"}); err == nil ||
		!strings.Contains(err.Error(), "对口劳务协作窗口") {
		t.Fatalf("a second window on the open database: %v", err)
	}
	window.Close()
	if n := sheetWorkersIn(t, db); n != 0 {
		t.Fatalf("%d workers written while refused", n)
	}
}

// An import and a restore started at once on one database: one waits for
// the other or is refused, and every row the import reported is in the
// database afterwards or in the backup the restore took before replacing
// it — never lost.
func TestImportAndRestoreAtOnceLoseNoReportedRow(t *testing.T) {
	for i := 0; i < 5; i++ {
		db := sheetNewOfficeDB(t)
		backup := db + ".bak"
		if code, _, errOut := runCLI("backup", "--db", db, "-o", backup); code != ExitOK {
			t.Fatalf("backup: %s", errOut)
		}
		roster := sheetGbkRoster(t)
		var wg sync.WaitGroup
		var impCode, resCode int
		var impOut, resErr string
		wg.Add(2)
		go func() {
			defer wg.Done()
			impCode, impOut, _ = runCLI("import", "workers", roster, "--db", db)
		}()
		go func() {
			defer wg.Done()
			resCode, _, resErr = runCLI("restore", "--db", db, backup)
		}()
		wg.Wait()
		if !strings.Contains(impOut, "新增2行") {
			continue // the import was refused: nothing to lose
		}
		if n := sheetWorkersIn(t, db); n == 2 {
			continue
		}
		// The rows are gone from the database: only a restore that ran
		// after the import may have replaced them, and its before-restore
		// backup must hold them.
		if resCode != ExitOK {
			t.Fatalf("run %d: import reported 2 rows, the database lacks them and the restore failed: %s", i, resErr)
		}
		s := openStore(t, db)
		files, err := s.BackupFiles()
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range files {
			info, err := storage.InspectBackup(f.Path)
			if err != nil {
				t.Fatal(err)
			}
			if info.Workers == 2 {
				found = true
			}
		}
		if !found {
			t.Fatalf("run %d: import (exit %d) reported 2 rows that exist nowhere", i, impCode)
		}
	}
}
