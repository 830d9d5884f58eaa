package exchange

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	mathrand "math/rand/v2"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"duikou/data"
	"duikou/data/storage"
)

// member is one file of a bundle's zip.
type member struct {
	name string
	body []byte
}

// unseal decrypts a bundle with an office's identity and lists its zip.
func unseal(t *testing.T, file []byte, as *office) []member {
	t.Helper()
	r, err := age.Decrypt(bytes.NewReader(file), identityOf(t, as))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain)))
	if err != nil {
		t.Fatal(err)
	}
	var out []member
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out = append(out, member{f.Name, b})
	}
	return out
}

// reseal zips members and encrypts them to the recipients: what someone
// holding only our public card could do.
func reseal(t *testing.T, members []member, to ...age.Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc, err := age.Encrypt(&buf, to...)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(enc)
	for _, m := range members {
		w, _ := zw.Create(m.name)
		w.Write(m.body)
	}
	zw.Close()
	enc.Close()
	return buf.Bytes()
}

func find(ms []member, name string) []byte {
	for _, m := range ms {
		if m.name == name {
			return m.body
		}
	}
	return nil
}

func replace(ms []member, name string, body []byte) []member {
	out := make([]member, 0, len(ms))
	for _, m := range ms {
		if m.name == name {
			if body == nil {
				continue
			}
			m.body = body
		}
		out = append(out, m)
	}
	return out
}

// refused checks that opening file fails with want and that the receiving
// database is unchanged.
func refused(t *testing.T, recv *office, file []byte, want error) error {
	t.Helper()
	before := checksum(t, recv.path)
	o, err := open(recv.s, file)
	if err == nil {
		_, err = o.Apply("bad.duikou")
	}
	if !errors.Is(err, want) {
		t.Fatalf("got %v, want %v", err, want)
	}
	if after := checksum(t, recv.path); after != before {
		t.Fatal("the refused file changed the database")
	}
	return err
}

func TestRandomSingleByteChangesAreAllRefused(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 20)
	file, _ := bundle(t, a, b)
	if _, err := open(b.s, file); err != nil {
		t.Fatalf("the untouched file: %v", err)
	}
	before := checksum(t, b.path)
	rng := mathrand.New(mathrand.NewPCG(2026, 11))
	reasons := map[error]int{}
	for i := 0; i < 1000; i++ {
		bad := bytes.Clone(file)
		pos := rng.IntN(len(bad))
		bad[pos] ^= byte(1 + rng.IntN(255)) // never zero: the byte really changes
		o, err := open(b.s, bad)
		if err == nil {
			_, err = o.Apply("bad.duikou")
			t.Fatalf("change %d at byte %d of %d was not refused (apply: %v)", i, pos, len(file), err)
		}
		known := false
		for _, reason := range []error{ErrNotBundle, ErrCorrupt, ErrNotForUs} {
			if errors.Is(err, reason) {
				reasons[reason]++
				known = true
			}
		}
		if !known {
			t.Fatalf("change %d at byte %d refused without a clerk's reason: %v", i, pos, err)
		}
	}
	if after := checksum(t, b.path); after != before {
		t.Fatal("the refused files changed the database")
	}
	if reasons[ErrCorrupt] < 900 {
		t.Fatalf("reasons %v: most changes land in the payload and should read as damaged", reasons)
	}
	t.Logf("reasons: %v", reasons)
}

func TestTruncatedFileIsRefused(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 20)
	file, _ := bundle(t, a, b)
	header := bytes.Index(file, []byte("\n---")) + 1
	for _, n := range []int{0, 1, 10, len(ageIntro), header / 2, header, header + 20, len(file) / 2, len(file) - 17, len(file) - 1} {
		err := refused(t, b, file[:n], ErrCorrupt)
		if n == 0 && !strings.Contains(err.Error(), "文件已损坏或不完整") {
			t.Fatalf("message %q", err)
		}
	}
}

func TestNotAnExchangeFileIsRefused(t *testing.T) {
	_, b := twoOffices(t)
	refused(t, b, []byte("PK\x03\x04 a zip someone picked by mistake"), ErrNotBundle)
	refused(t, b, []byte("姓名,身份证号\n王秀兰,620123199003141234\n"), ErrNotBundle)
}

func TestForeignFileIsRefused(t *testing.T) {
	a, b := twoOffices(t)
	c := newOffice(t, 2)
	pin(t, c, a)
	pin(t, a, c)
	populate(t, c.s, 2)
	toA, _ := bundle(t, c, a)
	err := refused(t, b, toA, ErrNotForUs)
	if !strings.Contains(err.Error(), "不是发给本单位的") {
		t.Fatalf("message %q", err)
	}
}

func TestWronglyAddressedFileIsRefused(t *testing.T) {
	a, b := twoOffices(t)
	c := newOffice(t, 2)
	pin(t, a, c)
	pin(t, b, c)
	populate(t, a.s, 2)
	// A's file for C, signed by A, but encrypted to B.
	toC, _ := bundle(t, a, c)
	file := reseal(t, unseal(t, toC, a), recipientOf(t, b))
	err := refused(t, b, file, ErrWrongAddressee)
	if !strings.Contains(err.Error(), "重庆市渝北区总工会") {
		t.Fatalf("message %q does not say whom it was for", err)
	}
}

func TestUnsignedFileIsRefused(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 2)
	file, _ := bundle(t, a, b)
	ms := unseal(t, file, b)
	// The untouched members resealed are accepted: the test is about the signature.
	if _, err := open(b.s, reseal(t, ms, recipientOf(t, b))); err != nil {
		t.Fatalf("resealed as sent: %v", err)
	}
	refused(t, b, reseal(t, replace(ms, memberSignature, nil), recipientOf(t, b)), ErrUnsigned)
}

func TestSignatureByAnUnpinnedKeyIsRefused(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 2)
	file, _ := bundle(t, a, b)
	ms := unseal(t, file, b)
	_, forger, _ := ed25519.GenerateKey(rand.Reader)
	forged := ed25519.Sign(forger, find(ms, memberManifest))
	err := refused(t, b, reseal(t, replace(ms, memberSignature, forged), recipientOf(t, b)), ErrBadSignature)
	if err.Error() != "签名验证失败：文件可能被篡改" {
		t.Fatalf("message %q", err)
	}
	// A signature cut short is no signature either.
	refused(t, b, reseal(t, replace(ms, memberSignature, find(ms, memberSignature)[:40]), recipientOf(t, b)), ErrBadSignature)
}

func TestFileFromAnOfficeNotPinnedIsRefused(t *testing.T) {
	_, b := twoOffices(t)
	c := newOffice(t, 2)
	pin(t, c, b) // C has B's card; B never pinned C
	populate(t, c.s, 2)
	file, _ := bundle(t, c, b)
	err := refused(t, b, file, ErrUnknownSender)
	if !strings.Contains(err.Error(), "重庆市渝北区总工会") {
		t.Fatalf("message %q does not name the sender", err)
	}
}

func TestTamperedContentIsRefused(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 2)
	file, _ := bundle(t, a, b)
	ms := unseal(t, file, b)
	to := recipientOf(t, b)

	// Someone with B's public card edits a worker's name in the changes
	// and keeps A's manifest and signature.
	changes := find(ms, memberChanges)
	edited := bytes.Replace(changes, []byte("劳动者1"), []byte("劳动者9"), 1)
	if bytes.Equal(edited, changes) {
		t.Fatal("test data: nothing to edit")
	}
	refused(t, b, reseal(t, replace(ms, memberChanges, edited), to), ErrContentChanged)
	// ... or adds a member.
	refused(t, b, reseal(t, append(ms, member{"extra.json", []byte("{}")}), to), ErrContentChanged)
	// ... or edits the manifest to match: the signature no longer does.
	var m Manifest
	json.Unmarshal(find(ms, memberManifest), &m)
	m.Counts.Rows++
	mb, _ := json.MarshalIndent(m, "", "  ")
	refused(t, b, reseal(t, replace(ms, memberManifest, mb), to), ErrBadSignature)
}

// sealFor writes a bundle of hand-made changes, signed with A's key, for B.
func sealFor(t *testing.T, a, b *office, m Manifest, c *storage.Changes) []byte {
	t.Helper()
	var buf bytes.Buffer
	key := ed25519.PrivateKey(a.s.Office().SignPrivate)
	if err := seal(&buf, &m, c, key, recipientOf(t, b), recipientOf(t, a)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func manifestFor(a, b *office, c *storage.Changes) Manifest {
	return Manifest{Format: Format, BundleID: data.NewID(), Created: time.Now().UTC(),
		From:  Party{OfficeID: id(a), Name: a.s.Office().Name},
		To:    Party{OfficeID: id(b), Name: b.s.Office().Name, AgeRecipient: b.s.Office().AgeRecipient},
		Since: nonNil(c.Since), Vector: nonNil(c.Vector), Counts: Counts{Ops: len(c.Ops), Rows: len(c.Rows)}}
}

func TestNewerFormatIsRefusedWithAnUpgradeHint(t *testing.T) {
	a, b := twoOffices(t)
	c := &storage.Changes{From: id(a), To: id(b)}
	m := manifestFor(a, b, c)
	m.Format = Format + 1
	err := refused(t, b, sealFor(t, a, b, m, c), ErrTooNew)
	if !strings.Contains(err.Error(), "升级") {
		t.Fatalf("message %q", err)
	}
}

func TestMalformedRecordsAreRefusedBeforeAnyWrite(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 1)
	c, err := a.s.ChangesFor(id(b))
	if err != nil {
		t.Fatal(err)
	}
	c.Ops[0].Table = "salaries"
	refused(t, b, sealFor(t, a, b, manifestFor(a, b, c), c), ErrBadRecords)

	c, _ = a.s.ChangesFor(id(b))
	c.Rows = c.Rows[1:] // an op whose row is missing
	refused(t, b, sealFor(t, a, b, manifestFor(a, b, c), c), ErrBadRecords)
}

func TestRecordsFailingValidationAreAllRefused(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 3)
	c, err := a.s.ChangesFor(id(b))
	if err != nil {
		t.Fatal(err)
	}
	// A worker whose ID number fails its check digit, as a damaged or
	// hand-edited database at the sender might hold.
	for i := range c.Rows {
		if c.Rows[i].Table == "workers" {
			c.Rows[i].Fields["id_number"] = storage.FieldState{Value: []byte(`"620123199001011230"`), Ref: c.Rows[i].Fields["id_number"].Ref}
			break
		}
	}
	file := sealFor(t, a, b, manifestFor(a, b, c), c)
	o, err := open(b.s, file)
	if err != nil {
		t.Fatal(err)
	}
	before := checksum(t, b.path)
	dry, err := o.DryRun()
	if err != nil || len(dry.Refused) != 1 || !strings.Contains(dry.Refused[0], "劳动者") {
		t.Fatalf("dry run %+v %v", dry, err)
	}
	if checksum(t, b.path) != before {
		t.Fatal("the dry run wrote")
	}
	res, err := o.Apply("bad.duikou")
	if !errors.Is(err, ErrRecordsRefused) || res == nil || len(res.Summary.Refused) != 1 {
		t.Fatalf("apply: %+v %v", res, err)
	}
	if n, _ := b.s.CountWorkers(data.WorkerFilter{}); n != 0 {
		t.Fatalf("%d workers imported from a refused file", n)
	}
	if imported, _ := b.s.BundleImported(o.Manifest.BundleID); imported {
		t.Fatal("a refused file was recorded as imported")
	}
}

// A changed byte in the recipients' part of the header is called damaged
// when the header no longer has the shape Export writes (a stanza type of
// X25518, a key of the wrong length, a broken line): before, every header
// change that age could not open read as "不是发给本单位的". Only a change
// that leaves the header well formed (inside a key, where nothing can
// tell) is still not-for-us, and that message says it may be damage.
func TestDamagedHeadersAreCalledDamaged(t *testing.T) {
	a, b := twoOffices(t)
	populate(t, a.s, 3)
	file, _ := bundle(t, a, b)
	end := bytes.Index(file, []byte("\n--- "))
	typeAt := bytes.Index(file, []byte("X25519"))
	for pos := typeAt; pos < typeAt+len("X25519"); pos++ {
		bad := bytes.Clone(file)
		bad[pos] ^= 0x01
		refused(t, b, bad, ErrCorrupt)
	}
	counts := map[error]int{}
	for pos := len(ageIntro); pos < end; pos++ {
		for _, flip := range []byte{0x01, 0x20, 0x80} {
			bad := bytes.Clone(file)
			bad[pos] ^= flip
			_, err := open(b.s, bad)
			switch {
			case errors.Is(err, ErrCorrupt):
				counts[ErrCorrupt]++
			case errors.Is(err, ErrNotForUs):
				counts[ErrNotForUs]++
				if !strings.Contains(err.Error(), "已损坏") {
					t.Fatalf("the not-for-us message does not mention damage: %v", err)
				}
			default:
				t.Fatalf("byte %d ^ %#x: %v", pos, flip, err)
			}
		}
	}
	// Of the 585 changes (195 header bytes, three flips each), the ones that keep the
	// header well formed are inside the four base64 keys (43 characters
	// each, and only a flip that stays in the alphabet); all the others
	// (the "->", stanza types, line breaks, spaces, non-alphabet bytes)
	// must read as damaged.
	if counts[ErrCorrupt] < counts[ErrNotForUs] {
		t.Fatalf("most header changes should read as damaged: %v", counts)
	}
	t.Logf("header changes: %v", counts)
}
