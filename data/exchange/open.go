package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"

	"filippo.io/age"
	"github.com/google/uuid"
	kflate "github.com/klauspost/compress/flate"

	"duikou/data"
	"duikou/data/storage"
)

// Opened is a bundle decrypted, verified and checked, not yet applied.
type Opened struct {
	Manifest Manifest
	Sender   data.Partner // the pinned partner whose key signed it
	// Changes is the file without the values: the offices and vectors,
	// and each op and row with its identity but no fields. The values are
	// read again, a part at a time, when the file is applied (parts.go).
	Changes *storage.Changes
	// AlreadyImported: this bundle was taken in before; applying it again
	// does nothing.
	AlreadyImported bool
	// FileName is the file's base name when it came from OpenFile.
	FileName string

	s       *storage.Store
	changes *zip.File // changes.json, checked
	index   *partIndex
}

const ageIntro = "age-encryption.org/v1\n"

// OpenFile is Open on a file.
func OpenFile(s *storage.Store, path string) (*Opened, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开交换文件：%w", err)
	}
	defer f.Close()
	o, err := Open(s, f)
	if err != nil {
		return nil, err
	}
	o.FileName = filepath.Base(path)
	return o, nil
}

// Open decrypts a bundle with this office's identity, verifies the
// signature against the pinned sender, checks that it is addressed to
// this office, that every member matches the signed manifest and that
// every record is well formed, and that no earlier file is missing. It
// writes nothing. Each refusal matches one of the Err values with
// errors.Is (a missing earlier file matches data.ErrGap).
func Open(s *storage.Store, r io.Reader) (*Opened, error) {
	self := s.Office()
	if self == nil {
		return nil, errors.New("请先完成本单位设置")
	}
	if self.AgeIdentity == "" {
		return nil, storage.ErrNoKeys
	}
	identity, err := age.ParseX25519Identity(self.AgeIdentity)
	if err != nil {
		return nil, errors.New("本单位的解密密钥缺失或无效")
	}
	plain, err := decrypt(r, identity)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain)))
	if err != nil {
		return nil, refuse(ErrCorrupt, "压缩包无法读取")
	}
	// klauspost's inflater reads the same Deflate about twice as fast as
	// the standard library's: a large bundle's changes.json is hundreds of
	// megabytes once unpacked.
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return kflate.NewReader(r) })
	members := map[string]*zip.File{}
	for _, f := range zr.File {
		if members[f.Name] != nil {
			return nil, refuse(ErrCorrupt, "压缩包内有重名文件")
		}
		members[f.Name] = f
	}
	if members[memberManifest] == nil {
		return nil, refuse(ErrNotBundle, "缺少清单")
	}
	manifestBytes, err := readMember(members[memberManifest], 1<<20)
	if err != nil {
		return nil, refuse(ErrCorrupt, "清单无法读取")
	}
	var m Manifest
	if err := json.Unmarshal(manifestBytes, &m); err != nil || m.Format < 1 {
		return nil, refuse(ErrNotBundle, "清单无法识别")
	}
	if m.Format > Format {
		return nil, refuse(ErrTooNew, fmt.Sprintf("文件格式 %d，本程序只认识到 %d", m.Format, Format))
	}
	if members[memberSignature] == nil {
		return nil, ErrUnsigned
	}
	sig, err := readMember(members[memberSignature], 1024)
	if err != nil {
		return nil, refuse(ErrCorrupt, "签名无法读取")
	}
	// Our own files are encrypted to us too; we check them with our own key.
	key := self.SignPublic
	sender := &data.Partner{ID: self.ID, Name: self.Name}
	if m.From.OfficeID != self.ID {
		if sender, err = pinned(s, m.From.OfficeID); err != nil {
			return nil, err
		}
		if sender == nil || len(sender.SignPublic) != ed25519.PublicKeySize {
			return nil, refuse(ErrUnknownSender, "发送方："+m.From.Name)
		}
		key = sender.SignPublic
	}
	if len(sig) != ed25519.SignatureSize || !ed25519.Verify(ed25519.PublicKey(key), manifestBytes, sig) {
		return nil, ErrBadSignature
	}
	// From here on the manifest is the sender's own word.
	if m.From.OfficeID == self.ID {
		return nil, refuse(ErrOwnFile, "发给"+m.To.Name)
	}
	if m.To.OfficeID != self.ID {
		return nil, refuse(ErrWrongAddressee, "收件单位："+m.To.Name)
	}
	if m.To.AgeRecipient != self.AgeRecipient {
		return nil, refuse(ErrWrongAddressee, "加密所用的不是本单位现在的公钥")
	}
	if _, err := uuid.Parse(m.BundleID); err != nil {
		return nil, refuse(ErrNotBundle, "文件编号无效")
	}
	c, err := readChanges(members, &m)
	if err != nil {
		return nil, err
	}
	o := &Opened{Manifest: m, Sender: *sender, Changes: c, s: s, changes: members[memberChanges], index: indexParts(c)}
	if o.AlreadyImported, err = s.BundleImported(m.BundleID); err != nil {
		return nil, err
	}
	if !o.AlreadyImported {
		if err := o.checkNoGap(); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// decrypt reads the whole age file and returns its plaintext: every chunk
// authenticated, so a changed or missing byte anywhere is caught here.
func decrypt(r io.Reader, identity age.Identity) ([]byte, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(len(ageIntro))
	switch {
	case len(head) == 0:
		return nil, refuse(ErrCorrupt, "文件是空的")
	case string(head) != ageIntro && bytes.HasPrefix([]byte(ageIntro), head):
		return nil, refuse(ErrCorrupt, "文件被截断")
	case string(head) != ageIntro:
		return nil, ErrNotBundle
	}
	head, _ = br.Peek(headerPeek) // a shorter file is all there is
	head = bytes.Clone(head)
	pr, err := age.Decrypt(br, identity)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			if damage := headerDamage(head); damage != "" {
				return nil, refuse(ErrCorrupt, damage)
			}
			return nil, ErrNotForUs
		}
		return nil, refuse(ErrCorrupt, "文件头无法解开")
	}
	plain, err := io.ReadAll(pr)
	if err != nil {
		return nil, refuse(ErrCorrupt, "内容校验失败或被截断")
	}
	return plain, nil
}

func readMember(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, errors.New("member too large")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, limit+1))
}

// readChanges checks that the zip holds exactly the signed members, each
// with its signed size and hash, and decodes the changes, which must agree
// with the manifest.
func readChanges(members map[string]*zip.File, m *Manifest) (*storage.Changes, error) {
	listed := map[string]Member{}
	for _, mem := range m.Members {
		listed[mem.Name] = mem
	}
	for name := range members {
		if _, ok := listed[name]; !ok && name != memberManifest && name != memberSignature {
			return nil, refuse(ErrContentChanged, "多出文件 "+name)
		}
	}
	want, ok := listed[memberChanges]
	if !ok || len(listed) != len(m.Members) {
		return nil, refuse(ErrNotBundle, "清单没有列出变更内容")
	}
	f := members[memberChanges]
	if f == nil {
		return nil, refuse(ErrContentChanged, "缺少 "+memberChanges)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, refuse(ErrCorrupt, "变更内容无法读取")
	}
	defer rc.Close()
	// One pass over the member as it is inflated: its hash and size, and
	// every record's shape, keeping only the records' identities.
	h, n := sha256.New(), &counter{}
	body := readAhead(io.TeeReader(io.LimitReader(rc, want.Size+1), io.MultiWriter(h, n)))
	defer body.Close()
	var sk skeleton
	c, decodeErr := decodeStream(body, sk.op, sk.row, true)
	if _, err := io.Copy(io.Discard, body); err != nil { // the hash covers what the parser did not read
		return nil, refuse(ErrCorrupt, "变更内容无法读取")
	}
	if n.n != want.Size || hex.EncodeToString(h.Sum(nil)) != want.SHA256 {
		return nil, refuse(ErrContentChanged, memberChanges+" 的校验值不符")
	}
	if decodeErr != nil {
		return nil, refuse(ErrNotBundle, "变更内容无法识别")
	}
	c.Ops, c.Rows = sk.ops, sk.rows
	if c.From != m.From.OfficeID || c.To != m.To.OfficeID || !maps.Equal(nonNil(c.Since), m.Since) ||
		!maps.Equal(nonNil(c.Vector), m.Vector) || len(c.Ops) != m.Counts.Ops || len(c.Rows) != m.Counts.Rows {
		return nil, refuse(ErrContentChanged, "变更内容与清单的收发单位或数量不一致")
	}
	if err := sk.check(); err != nil {
		return nil, err
	}
	return c, nil
}
