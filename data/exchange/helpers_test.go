package exchange

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"filippo.io/age"

	"duikou/data"
	"duikou/data/dbconn"
	"duikou/data/ident"
	"duikou/data/storage"
	"duikou/data/storage/testdb"
)

// office is one simulated union office with its own database.
type office struct {
	s       *storage.Store
	path    string
	backups string // the folder of its automatic backups
}

var officeSpecs = []struct {
	name, region string
	role         data.OfficeRole
}{
	{"榆中县总工会", "620123", data.RoleSending},
	{"南京市江宁区总工会", "320115", data.RoleReceiving},
	{"重庆市渝北区总工会", "500112", data.RoleBoth},
}

func newOffice(t testing.TB, i int) *office {
	t.Helper()
	path := testdb.Location(t) // a file, or a PostgreSQL database (DUIKOU_TEST_POSTGRES)
	backups := testdb.BackupDir(t)
	if backups == "" {
		backups = filepath.Join(filepath.Dir(path), "backups") // beside the file
	}
	s, err := storage.OpenWith(path, storage.Options{BackupDir: backups})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sp := officeSpecs[i]
	if _, err := s.SetupOffice(sp.name, sp.region, sp.role, "经办人"); err != nil {
		t.Fatal(err)
	}
	return &office{s: s, path: path, backups: backups}
}

// pin has a pin b's card, read back from its JSON as a clerk would.
func pin(t testing.TB, a, b *office) {
	t.Helper()
	var card bytes.Buffer
	if err := WriteCard(b.s, &card); err != nil {
		t.Fatal(err)
	}
	c, err := ReadCard(&card)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Pin(a.s, c); err != nil {
		t.Fatal(err)
	}
}

// twoOffices are a sending and a receiving office that pinned each other.
func twoOffices(t testing.TB) (*office, *office) {
	t.Helper()
	a, b := newOffice(t, 0), newOffice(t, 1)
	pin(t, a, b)
	pin(t, b, a)
	return a, b
}

func id(o *office) string { return o.s.Office().ID }

// worker makes a valid, consented worker; seq keeps ID numbers apart.
func worker(seq int) *data.Worker {
	birth := time.Date(1985, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, seq/500)
	return &data.Worker{Name: fmt.Sprintf("劳动者%d", seq), HukouRegion: "620123", Phone: "13893112345",
		IDNumber: ident.MakeID("620123", birth, seq%500+1, seq%2 == 0), Consent: true}
}

func creditCode(body8 string) string {
	c, err := ident.OrgCodeCheckChar(body8)
	if err != nil {
		panic(err)
	}
	return ident.MakeCreditCode("91320115" + body8 + string(c))
}

// populate gives an office a little of everything that travels.
func populate(t testing.TB, s *storage.Store, workers int) []*data.Worker {
	t.Helper()
	var ws []*data.Worker
	for i := 0; i < workers; i++ {
		w := worker(i)
		if err := s.Create(w); err != nil {
			t.Fatal(err)
		}
		ws = append(ws, w)
	}
	e := &data.Employer{Name: "南京悦家家政服务有限公司", CreditCode: creditCode("MA1XY2K1"), Region: "320115"}
	if err := s.Create(e); err != nil {
		t.Fatal(err)
	}
	d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 5, WorkRegion: "320115"}
	if err := s.Create(d); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(&data.Placement{WorkerID: ws[0].ID, DemandID: d.ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(&data.FollowUp{WorkerID: ws[0].ID, Kind: data.KindWarmth, Outcome: "送米面油", Amount: data.Yuan(300)}); err != nil {
		t.Fatal(err)
	}
	return ws
}

// bundle exports from a for b into memory.
func bundle(t testing.TB, a, b *office) ([]byte, Manifest) {
	t.Helper()
	var buf bytes.Buffer
	m, err := Export(a.s, id(b), &buf)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), m
}

func open(s *storage.Store, file []byte) (*Opened, error) { return Open(s, bytes.NewReader(file)) }

// checksum hashes every row of every table of the database (a file, or a
// PostgreSQL database), read through a separate connection: "unchanged"
// means nothing at all was written, audit log and exchange history
// included. Rows are hashed in sorted order: PostgreSQL has no rowid.
func checksum(t testing.TB, path string) string {
	t.Helper()
	driver, dsn := "sqlite3", "file:"+path+"?mode=ro"
	tablesSQL := "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
	if dbconn.IsPostgres(path) {
		driver, dsn = "pgx", path
		tablesSQL = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names, err := db.Query(tablesSQL)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for names.Next() {
		var n string
		names.Scan(&n)
		tables = append(tables, n)
	}
	names.Close()
	h := sha256.New()
	for _, table := range tables {
		rows, err := db.Query(fmt.Sprintf("SELECT * FROM %q", table))
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		fmt.Fprintf(h, "table %s\n", table)
		var lines []string
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%v\n", vals))
		}
		rows.Close()
		sort.Strings(lines)
		for _, l := range lines {
			h.Write([]byte(l))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func identityOf(t testing.TB, o *office) *age.X25519Identity {
	t.Helper()
	i, err := age.ParseX25519Identity(o.s.Office().AgeIdentity)
	if err != nil {
		t.Fatal(err)
	}
	return i
}

func recipientOf(t testing.TB, o *office) *age.X25519Recipient {
	t.Helper()
	r, err := age.ParseX25519Recipient(o.s.Office().AgeRecipient)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
