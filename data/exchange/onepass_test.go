package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"duikou/data"
)

// changes.json is read once, as it is merged: what only the end of the
// file can show (its hash, an op whose row it does not carry) is found
// after earlier parts were merged inside the transaction. Such a file
// must still be refused with the reason Open gave when it read the file
// first, in the preview and in the import, leaving the database and the
// backup folder as they were.

// refusedLate checks that the preview and the import of file both fail
// with want, and that nothing was written: no row, no audit entry, no
// backup.
func refusedLate(t *testing.T, recv *office, file []byte, want error) {
	t.Helper()
	before := checksum(t, recv.path)
	backups := filepath.Join(filepath.Dir(recv.path), "backups", "*")
	backupsBefore, _ := filepath.Glob(backups)
	o, err := open(recv.s, file)
	if err != nil {
		t.Fatalf("open: %v (the file's body is read by the preview and the import)", err)
	}
	if _, err := o.DryRun(); !errors.Is(err, want) {
		t.Fatalf("preview: got %v, want %v", err, want)
	}
	if _, err := o.Apply("late.duikou"); !errors.Is(err, want) {
		t.Fatalf("import: got %v, want %v", err, want)
	}
	if checksum(t, recv.path) != before {
		t.Fatal("the refused file changed the database")
	}
	if after, _ := filepath.Glob(backups); len(after) != len(backupsBefore) {
		t.Fatalf("a refused file left a backup: %d → %d", len(backupsBefore), len(after))
	}
	if n, _ := recv.s.CountWorkers(data.WorkerFilter{}); n != 0 {
		t.Fatalf("%d workers imported from a refused file", n)
	}
}

func TestContentChangedNearTheEndIsRefusedAfterTheMerge(t *testing.T) {
	smallParts(t)
	a, b := streamOffices(t)
	file, _ := bundle(t, a, b)
	ms := unseal(t, file, b)
	// One character of the last worker's name, in the file's last part:
	// the size stays, only the hash tells.
	changes := bytes.Clone(find(ms, memberChanges))
	at := bytes.LastIndex(changes, []byte("劳动者2"))
	if at < len(changes)/2 {
		t.Fatalf("test data: the last name is at byte %d of %d", at, len(changes))
	}
	changes[at+len("劳动者")] = '3'
	refusedLate(t, b, reseal(t, replace(ms, memberChanges, changes), recipientOf(t, b)), ErrContentChanged)
}

func TestOpWithoutItsRowAtTheEndIsRefusedAfterTheMerge(t *testing.T) {
	smallParts(t)
	a, b := streamOffices(t)
	c, err := a.s.ChangesFor(id(b))
	if err != nil {
		t.Fatal(err)
	}
	// The file's last row goes: its ops stay, with no row to go with them.
	c.Rows = c.Rows[:len(c.Rows)-1]
	refusedLate(t, b, sealFor(t, a, b, manifestFor(a, b, c), c), ErrBadRecords)
}

// The ops held for their rows' parts go to a sealed temporary file past
// spillAfter: the import is the same, row for row.
func TestSpilledOpsGiveTheSameDatabase(t *testing.T) {
	spillSmall(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	TestStreamedExchangeGivesTheSameDatabase(t)
	if left := spillFiles(t, tmp); len(left) != 0 {
		t.Fatalf("the import left %v", left)
	}
}

// spillFiles are the held ops' temporary files in dir, by name.
func spillFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "duikou-import-*.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func spillSmall(t *testing.T) {
	was := spillAfter
	spillAfter = 16 << 10 // a dozen ops in memory, the rest in the file
	t.Cleanup(func() { spillAfter = was })
}

func TestHeldOpsComeBackInAnyOrderAndLeaveNoFile(t *testing.T) {
	spillSmall(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var h heldOps
	var ops [][]byte
	for i := range 500 {
		op := []byte(fmt.Sprintf(`{"origin":"o","seq":%d,"row":"%d","fields":{"id_number":{"v":"620123199003141234"}}}`, i+1, i))
		ops = append(ops, op)
		if err := h.add(op); err != nil {
			t.Fatal(err)
		}
	}
	// The file has no name even while it is in use: a killed import
	// cannot leave it behind.
	if files, _ := filepath.Glob(filepath.Join(tmp, "*")); len(files) != 0 || len(h.mem) == 0 || len(h.off) == 0 {
		t.Fatalf("%d in memory, %d in the file, named in the temp folder: %v", len(h.mem), len(h.off), files)
	}
	if err := h.w.Flush(); err != nil {
		t.Fatal(err)
	}
	spilled := make([]byte, h.end)
	if _, err := h.file.ReadAt(spilled, 0); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(spilled, []byte("620123199003141234")) {
		t.Fatal("the file holds an ID number in clear")
	}
	var mem slab
	for _, i := range rand.Perm(len(ops)) {
		got, err := h.take(i, &mem)
		if err != nil || !bytes.Equal(got, ops[i]) {
			t.Fatalf("op %d: %q %v", i, got, err)
		}
	}
	h.close()
	if files, _ := filepath.Glob(filepath.Join(tmp, "*")); len(files) != 0 {
		t.Fatalf("left behind: %v", files)
	}
}

// An op's values are checked when its row's part is decoded, not as the
// op is read: a value that is not JSON is still refused as the file not
// being an exchange file, whether its row comes or not (before the
// refusal of an op whose row is missing, as when the whole file was
// checked first).
func TestAnOpValueThatIsNotJSONIsRefusedAsNotABundle(t *testing.T) {
	smallParts(t)
	a, b := streamOffices(t)
	for _, rowGoes := range []bool{true, false} {
		c, err := a.s.ChangesFor(id(b))
		if err != nil {
			t.Fatal(err)
		}
		last := c.Rows[len(c.Rows)-1]
		if !rowGoes {
			c.Rows = c.Rows[:len(c.Rows)-1]
		}
		broken := false
		for i := range c.Ops {
			if c.Ops[i].RowID == last.ID {
				for col, f := range c.Ops[i].Fields {
					f.Value = []byte("tru")
					c.Ops[i].Fields[col] = f
					broken = true
					break
				}
			}
		}
		if !broken {
			t.Fatal("test data: no op on the last row")
		}
		refusedLate(t, b, sealFor(t, a, b, manifestFor(a, b, c), c), ErrNotBundle)
	}
}
