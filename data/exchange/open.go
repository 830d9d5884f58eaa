package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	// Changes is the file without its rows and values: the offices and
	// vectors (the signed manifest's, which the file's must equal) once
	// opened, and each op's origin and number once DryRun or Apply has
	// read the file through. The file is read, checked and
	// merged in one pass, a part at a time, inside the Store's
	// transaction (parts.go).
	Changes *storage.Changes
	// AlreadyImported: this bundle was taken in before; applying it again
	// does nothing.
	AlreadyImported bool
	// FileName is the file's base name when it came from OpenFile.
	FileName string

	s        *storage.Store
	identity age.Identity
	source   func() (io.ReaderAt, int64, io.Closer, error) // the file again, for each pass over changes.json
	want     Member                                        // changes.json's signed size and hash
}

const ageIntro = "age-encryption.org/v1\n"

// OpenFile is Open on a file. The file is read again by DryRun and
// Apply: it is not held in memory (a million workers' file is hundreds of
// megabytes), and what they read is checked against what Open verified.
func OpenFile(s *storage.Store, path string) (*Opened, error) {
	source := func() (io.ReaderAt, int64, io.Closer, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, 0, nil, fmt.Errorf("无法打开交换文件：%w", err)
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, 0, nil, fmt.Errorf("无法打开交换文件：%w", err)
		}
		return f, info.Size(), f, nil
	}
	o, err := openFrom(s, source)
	if err != nil {
		return nil, err
	}
	o.FileName = filepath.Base(path)
	return o, nil
}

// Open decrypts a bundle with this office's identity (every byte of it
// authenticated), verifies the signature against the pinned sender,
// checks that it is addressed to this office, that the zip holds exactly
// the members the signed manifest lists, and that no earlier file is
// missing. It writes nothing. Each refusal matches one of the Err values
// with errors.Is (a missing earlier file matches data.ErrGap).
//
// What needs changes.json read through (its hash and size, its offices,
// vectors and counts against the manifest, every record's shape) is
// checked as DryRun and Apply read it, in their one pass: a file that
// fails there is refused as it would have been here, with the same
// errors, and nothing is written.
func Open(s *storage.Store, r io.Reader) (*Opened, error) {
	file, err := io.ReadAll(r)
	if err != nil {
		return nil, refuse(ErrCorrupt, "文件无法读取")
	}
	return openFrom(s, func() (io.ReaderAt, int64, io.Closer, error) {
		return bytes.NewReader(file), int64(len(file)), nil, nil
	})
}

// openFrom is Open on the file source gives, as often as asked.
func openFrom(s *storage.Store, source func() (io.ReaderAt, int64, io.Closer, error)) (*Opened, error) {
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
	src, size, closer, err := source()
	if err != nil {
		return nil, err
	}
	if closer != nil {
		defer closer.Close()
	}
	if err := authenticate(io.NewSectionReader(src, 0, size), identity); err != nil {
		return nil, err
	}
	zr, err := unzip(src, size, identity)
	if err != nil {
		return nil, err
	}
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
	want, err := signedMembers(members, &m)
	if err != nil {
		return nil, err
	}
	head := &storage.Changes{From: m.From.OfficeID, To: m.To.OfficeID, Since: nonNil(m.Since), Vector: nonNil(m.Vector)}
	o := &Opened{Manifest: m, Sender: *sender, Changes: head, s: s, identity: identity, source: source, want: want}
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

// authenticate reads the whole age file, every chunk of it authenticated,
// so a changed or missing byte anywhere is caught here; what it decrypts
// is not kept (unzip reads the file again).
func authenticate(r io.Reader, identity age.Identity) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(len(ageIntro))
	switch {
	case len(head) == 0:
		return refuse(ErrCorrupt, "文件是空的")
	case string(head) != ageIntro && bytes.HasPrefix([]byte(ageIntro), head):
		return refuse(ErrCorrupt, "文件被截断")
	case string(head) != ageIntro:
		return ErrNotBundle
	}
	head, _ = br.Peek(headerPeek) // a shorter file is all there is
	head = bytes.Clone(head)
	pr, err := age.Decrypt(br, identity)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			if damage := headerDamage(head); damage != "" {
				return refuse(ErrCorrupt, damage)
			}
			return ErrNotForUs
		}
		return refuse(ErrCorrupt, "文件头无法解开")
	}
	if _, err := io.Copy(io.Discard, pr); err != nil {
		return refuse(ErrCorrupt, "内容校验失败或被截断")
	}
	return nil
}

// compressedReadSize is how much of the compressed member one read of
// the decrypting reader asks for: four age chunks.
const compressedReadSize = 256 << 10

// unzip opens the zip inside an authenticated age file, decrypting what
// is read as it is read.
func unzip(src io.ReaderAt, size int64, identity age.Identity) (*zip.Reader, error) {
	plain, plainSize, err := age.DecryptReaderAt(src, size, identity)
	if err != nil {
		return nil, refuse(ErrCorrupt, "内容校验失败或被截断")
	}
	zr, err := zip.NewReader(plain, plainSize)
	if err != nil {
		return nil, refuse(ErrCorrupt, "压缩包无法读取")
	}
	// klauspost's inflater reads the same Deflate about twice as fast as
	// the standard library's: a large bundle's changes.json is hundreds of
	// megabytes once unpacked. It reads through a buffer of several age
	// chunks: each read of the decrypting reader allocates a chunk's
	// buffer (64 KB), so the inflater's own 4 KB reads would allocate 16
	// times what they read (250 MB for a 14 MB bundle).
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser {
		return kflate.NewReader(bufio.NewReaderSize(r, compressedReadSize))
	})
	return zr, nil
}

// openChanges opens changes.json for a pass over it, from the file read
// again; the pass checks it against the signed manifest.
func (o *Opened) openChanges() (io.ReadCloser, error) {
	src, size, closer, err := o.source()
	if err != nil {
		return nil, err
	}
	fail := func(err error) (io.ReadCloser, error) {
		if closer != nil {
			closer.Close()
		}
		return nil, err
	}
	zr, err := unzip(src, size, o.identity)
	if err != nil {
		return fail(err)
	}
	for _, f := range zr.File {
		if f.Name == memberChanges {
			rc, err := f.Open()
			if err != nil {
				return fail(refuse(ErrCorrupt, "变更内容无法读取"))
			}
			return readCloser{rc, closer}, nil
		}
	}
	return fail(refuse(ErrContentChanged, "缺少 "+memberChanges))
}

// readCloser is a member being read and the file it is read from.
type readCloser struct {
	io.ReadCloser
	file io.Closer
}

func (r readCloser) Close() error {
	r.ReadCloser.Close()
	if r.file != nil {
		return r.file.Close()
	}
	return nil
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

// signedMembers checks that the zip holds exactly the signed members,
// changes.json with its signed size, and returns what the manifest says
// of it. (Its hash is checked as it is read, parts.go.)
func signedMembers(members map[string]*zip.File, m *Manifest) (Member, error) {
	listed := map[string]Member{}
	for _, mem := range m.Members {
		listed[mem.Name] = mem
	}
	for name := range members {
		if _, ok := listed[name]; !ok && name != memberManifest && name != memberSignature {
			return Member{}, refuse(ErrContentChanged, "多出文件 "+name)
		}
	}
	want, ok := listed[memberChanges]
	if !ok || len(listed) != len(m.Members) {
		return Member{}, refuse(ErrNotBundle, "清单没有列出变更内容")
	}
	f := members[memberChanges]
	if f == nil {
		return Member{}, refuse(ErrContentChanged, "缺少 "+memberChanges)
	}
	if f.UncompressedSize64 != uint64(want.Size) { // what the zip says; the read counts it again
		return Member{}, changedContent()
	}
	return want, nil
}

// changedContent: changes.json is not the one the manifest signs.
func changedContent() error { return refuse(ErrContentChanged, memberChanges+" 的校验值不符") }
