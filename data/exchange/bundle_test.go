package exchange

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duikou/data"
)

func TestTwoOfficesExchangeBothWays(t *testing.T) {
	a, b := twoOffices(t)
	ws := populate(t, a.s, 5)

	file, m := bundle(t, a, b)
	if m.From.OfficeID != id(a) || m.To.OfficeID != id(b) || m.Counts.Rows != 9 || m.Counts.Tables["workers"] != 5 || m.Counts.Ops == 0 {
		t.Fatalf("manifest %+v", m)
	}
	if hist, _ := a.s.BundleHistory(id(b), "out", 5); len(hist) != 1 || hist[0].ID != m.BundleID {
		t.Fatalf("export not recorded: %+v", hist)
	}
	o, err := open(b.s, file)
	if err != nil {
		t.Fatal(err)
	}
	if o.Sender.ID != id(a) || o.AlreadyImported {
		t.Fatalf("opened %+v", o)
	}
	before := checksum(t, b.path)
	dry, err := o.DryRun()
	if err != nil || dry.New != 9 || dry.Updated != 0 || dry.Conflicts != 0 || len(dry.Refused) != 0 {
		t.Fatalf("dry run %+v %v", dry, err)
	}
	if checksum(t, b.path) != before {
		t.Fatal("the dry run wrote to the database")
	}
	res, err := o.Apply("a-to-b-1.duikou")
	if err != nil || res.Summary.New != 9 || res.AlreadyImported {
		t.Fatalf("apply %+v %v", res, err)
	}
	if _, err := os.Stat(res.Backup); err != nil || filepath.Dir(res.Backup) != b.backups {
		t.Fatalf("backup %q: %v", res.Backup, err)
	}
	got, err := b.s.Worker(ws[3].ID)
	if err != nil || got.Name != ws[3].Name || got.IDNumber != ws[3].IDNumber {
		t.Fatalf("worker at B: %+v %v", got, err)
	}

	// B's clerk notes the worker's arrival; the edit goes back to A.
	got.Notes = "已到南京，住宿已安排"
	if err := b.s.Update(got); err != nil {
		t.Fatal(err)
	}
	back, _ := bundle(t, b, a)
	o2, err := open(a.s, back)
	if err != nil {
		t.Fatal(err)
	}
	res2, err := o2.Apply("b-to-a-1.duikou")
	if err != nil || res2.Summary.Updated != 1 || res2.Summary.Conflicts != 0 {
		t.Fatalf("apply at A %+v %v", res2.Summary, err)
	}
	if w, _ := a.s.Worker(ws[3].ID); w.Notes != "已到南京，住宿已安排" {
		t.Fatalf("A did not get B's note: %q", w.Notes)
	}
	if in, _ := a.s.BundleHistory(id(b), "in", 5); len(in) != 1 || in[0].FileName != "b-to-a-1.duikou" {
		t.Fatalf("import not recorded: %+v", in)
	}

	// A's next file carries nothing B lacks: B acknowledged everything.
	again, m3 := bundle(t, a, b)
	if m3.Counts.Ops != 0 || len(m3.Previous) != 1 || m3.Previous[0].BundleID != m.BundleID {
		t.Fatalf("after acknowledgement: %+v", m3)
	}
	if o3, err := open(b.s, again); err != nil {
		t.Fatal(err)
	} else if _, err := o3.Apply("a-to-b-2.duikou"); err != nil {
		t.Fatal(err)
	}
}

func TestSecondImportChangesNothing(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 3)
	file, _ := bundle(t, a, b)
	o, err := open(b.s, file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.Apply("x.duikou"); err != nil {
		t.Fatal(err)
	}
	before := checksum(t, b.path)
	backups, _ := os.ReadDir(b.backups)
	o, err = open(b.s, file)
	if err != nil {
		t.Fatal(err)
	}
	if !o.AlreadyImported {
		t.Fatal("the second open does not know the file was imported")
	}
	if sum, err := o.DryRun(); err != nil || sum.New+sum.Updated+sum.Unchanged+sum.Conflicts+sum.Ops+len(sum.Refused) != 0 {
		t.Fatalf("dry run of an imported file: %+v %v", sum, err)
	}
	res, err := o.Apply("x.duikou")
	if err != nil || !res.AlreadyImported {
		t.Fatalf("second apply %+v %v", res, err)
	}
	if checksum(t, b.path) != before {
		t.Fatal("the second import wrote to the database")
	}
	if again, _ := os.ReadDir(b.backups); len(again) != len(backups) {
		t.Fatal("the second import took a backup")
	}
}

func TestOwnBundleReopensButIsNotImported(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 1)
	file, _ := bundle(t, a, b)
	// Encrypted to ourselves too: we can open it (and are told it is ours).
	_, err := open(a.s, file)
	if !errors.Is(err, ErrOwnFile) || !strings.Contains(err.Error(), "南京市江宁区总工会") {
		t.Fatalf("own file: %v", err)
	}
}

func TestExportFileWritesAtomicallyAndRecordsTheName(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 1)
	path := filepath.Join(t.TempDir(), FileName("榆中县总工会", "南京市江宁区总工会", a.s.Today().Time()))
	m, err := ExportFile(a.s, id(b), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".partial"); !os.IsNotExist(err) {
		t.Fatal("the temporary file was left behind")
	}
	hist, _ := a.s.BundleHistory(id(b), "out", 1)
	if len(hist) != 1 || hist[0].ID != m.BundleID || hist[0].FileName != filepath.Base(path) {
		t.Fatalf("history %+v", hist)
	}
	o, err := OpenFile(b.s, path)
	if err != nil || o.FileName != filepath.Base(path) {
		t.Fatalf("open file: %v", err)
	}
	// To a partner pinned without a card, nothing is written.
	bare := &data.Partner{ID: data.NewID(), Name: "手工添加的工会"}
	if err := a.s.AddPartner(bare); err != nil {
		t.Fatal(err)
	}
	nowhere := filepath.Join(t.TempDir(), "x.duikou")
	if _, err := ExportFile(a.s, bare.ID, nowhere); err == nil || !strings.Contains(err.Error(), "名片") {
		t.Fatalf("export to a partner without keys: %v", err)
	}
	if _, err := os.Stat(nowhere); !os.IsNotExist(err) {
		t.Fatal("a failed export left a file")
	}
}

func TestEmptyBundleStillCarriesTheAcknowledgement(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 2)
	file, _ := bundle(t, a, b)
	o, _ := open(b.s, file)
	if _, err := o.Apply("1.duikou"); err != nil {
		t.Fatal(err)
	}
	// B has nothing of its own; its file tells A what B now holds.
	ack, m := bundle(t, b, a)
	if m.Counts.Ops != 0 || m.Vector[id(a)] == 0 {
		t.Fatalf("B's empty file: %+v", m)
	}
	o, err := open(a.s, ack)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.Apply("ack.duikou"); err != nil {
		t.Fatal(err)
	}
	if _, m := bundle(t, a, b); m.Counts.Ops != 0 {
		t.Fatalf("A still sends %d ops B acknowledged", m.Counts.Ops)
	}
}
