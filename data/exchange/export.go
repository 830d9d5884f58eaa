package exchange

import (
	"archive/zip"
	"crypto/ed25519"
	"crypto/sha256"
	"duikou/data/filewrite"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/klauspost/compress/flate"

	"filippo.io/age"

	"duikou/data"
	"duikou/data/storage"
)

// previousListed is how many of the sender's earlier files a manifest
// names.
const previousListed = 20

// Export writes a bundle of everything the partner has not acknowledged to
// w and records it in the exchange history, under w's file name when w is
// a file. The bundle goes out even with no changes: it still carries this
// office's acknowledgement. The bundle is written as the changes are
// read, so a failure can leave part of one in w (ExportFile never does).
func Export(s *storage.Store, partnerID string, w io.Writer) (Manifest, error) {
	name := ""
	if f, ok := w.(interface{ Name() string }); ok {
		name = filepath.Base(f.Name())
	}
	m, err := writeBundle(s, partnerID, w)
	if err != nil {
		return m, err
	}
	return m, recordSent(s, m, name)
}

// ExportFile writes the bundle to path through a temporary name, so a
// failed export never leaves half a file under the name the clerk chose.
func ExportFile(s *storage.Store, partnerID, path string) (Manifest, error) {
	tmp := filewrite.TempName(path)
	f, err := os.Create(tmp)
	if err != nil {
		return Manifest{}, filewrite.Error(path, err)
	}
	m, err := writeBundle(s, partnerID, f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Manifest{}, filewrite.Failed(path, err)
	}
	if err := filewrite.Commit(path); err != nil {
		return Manifest{}, err
	}
	return m, recordSent(s, m, filepath.Base(path))
}

// recordSent notes the bundle in the exchange history.
func recordSent(s *storage.Store, m Manifest, fileName string) error {
	return s.RecordSent(m.To.OfficeID, m.Counts.Ops, m.Counts.Rows, m.BundleID, fileName)
}

// FileName suggests a name for a bundle: who to whom, and when.
func FileName(from, to string, at time.Time) string {
	return fmt.Sprintf("对口交换-%s至%s-%s.duikou", from, to, at.Format("20060102-150405"))
}

// writeBundle writes the bundle as the store reads the changes: the
// JSON goes through compression and encryption op by op and row by row,
// and the manifest, which counts them, follows.
func writeBundle(s *storage.Store, partnerID string, w io.Writer) (Manifest, error) {
	self := s.Office()
	if self == nil {
		return Manifest{}, errors.New("请先完成本单位设置")
	}
	partner, err := pinned(s, partnerID)
	if err != nil {
		return Manifest{}, err
	}
	if partner == nil {
		return Manifest{}, fmt.Errorf("协作单位 %s 未添加", partnerID)
	}
	if len(partner.SignPublic) != ed25519.PublicKeySize || partner.AgeRecipient == "" {
		return Manifest{}, fmt.Errorf("协作单位“%s”没有名片上的密钥：请先导入对方的单位名片", partner.Name)
	}
	theirs, err := age.ParseX25519Recipient(partner.AgeRecipient)
	if err != nil {
		return Manifest{}, fmt.Errorf("协作单位“%s”的加密公钥无效：%w", partner.Name, err)
	}
	if len(self.SignPrivate) == 0 {
		return Manifest{}, storage.ErrNoKeys
	}
	ours, err := age.ParseX25519Recipient(self.AgeRecipient)
	if err != nil || len(self.SignPrivate) != ed25519.PrivateKeySize {
		return Manifest{}, errors.New("本单位的交换密钥缺失或无效")
	}
	m := Manifest{
		Format:   Format,
		BundleID: data.NewID(),
		Created:  time.Now().UTC().Truncate(time.Second),
		From:     Party{OfficeID: self.ID, Name: self.Name},
		To:       Party{OfficeID: partner.ID, Name: partner.Name, AgeRecipient: partner.AgeRecipient},
	}
	history, err := s.BundleHistory(partner.ID, "out", previousListed)
	if err != nil {
		return Manifest{}, err
	}
	for i := len(history) - 1; i >= 0; i-- {
		m.Previous = append(m.Previous, PreviousFile{BundleID: history[i].ID, FileName: history[i].FileName,
			Created: history[i].At.UTC()})
	}
	changes := func(e *changesEncoder) error {
		if err := s.WriteChangesFor(partner.ID, e); err != nil {
			return err
		}
		m.Since, m.Vector = nonNil(e.header.Since), nonNil(e.header.Vector)
		m.Counts = Counts{Ops: e.ops, Rows: e.rows, Tables: e.tables}
		return nil
	}
	// Encrypted to the partner and to ourselves, so this office can reopen
	// what it sent.
	if err := sealStream(w, &m, changes, ed25519.PrivateKey(self.SignPrivate), theirs, ours); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// seal writes a bundle of c (the manifest's members filled in here).
func seal(w io.Writer, m *Manifest, c *storage.Changes, key ed25519.PrivateKey, to ...age.Recipient) error {
	return sealStream(w, m, func(e *changesEncoder) error { return encodeInto(e, c) }, key, to...)
}

// sealStream writes the zip of the changes that changes hands the
// encoder, then the manifest (its members filled in here; changes may
// fill in the rest) and the manifest's signature, encrypted to the
// recipients.
func sealStream(w io.Writer, m *Manifest, changes func(*changesEncoder) error, key ed25519.PrivateKey, to ...age.Recipient) error {
	enc, err := age.Encrypt(w, to...)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(enc)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		// klauspost's deflater writes standard Deflate (unzip and the age
		// tool's users read it) several times faster at this level.
		return flate.NewWriter(out, flate.BestSpeed)
	})
	// changes.json first: its hash goes into the manifest.
	member, err := zw.CreateHeader(&zip.FileHeader{Name: memberChanges, Method: zip.Deflate, Modified: m.Created})
	if err != nil {
		return err
	}
	h, n := sha256.New(), &counter{}
	pipe := newAsyncWriter(io.MultiWriter(member, h, n))
	e := newChangesEncoder(pipe)
	err = changes(e)
	if err == nil {
		err = e.Close()
	}
	if cerr := pipe.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("写交换文件失败：%w", cerr)
	}
	if err != nil {
		return err
	}
	m.Members = []Member{{Name: memberChanges, Size: n.n, SHA256: hex.EncodeToString(h.Sum(nil))}}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		body []byte
	}{{memberManifest, manifest}, {memberSignature, ed25519.Sign(key, manifest)}} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Store, Modified: m.Created})
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.body); err != nil {
			return fmt.Errorf("写交换文件失败：%w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("写交换文件失败：%w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("写交换文件失败：%w", err)
	}
	return nil
}

// pinned finds a partner by office id; nil when not pinned.
func pinned(s *storage.Store, id string) (*data.Partner, error) {
	ps, err := s.Partners()
	if err != nil {
		return nil, err
	}
	for i := range ps {
		if ps[i].ID == id {
			return &ps[i], nil
		}
	}
	return nil, nil
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
