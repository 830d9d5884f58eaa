package exchange

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The bundle is a standard age file: the age command-line tool opens it
// with the partner's identity, and what comes out is a zip whose manifest
// verifies against the sender's card.
func TestAgeToolOpensABundle(t *testing.T) {
	tool, err := exec.LookPath("age")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("the age tool is missing in CI (apt-get install -y age)")
		}
		t.Skip("the age tool is not installed")
	}
	a, b := twoOffices(t)
	populate(t, a.s, 3)
	dir := t.TempDir()
	bundlePath := filepath.Join(dir, "a-to-b.duikou")
	if _, err := ExportFile(a.s, id(b), bundlePath); err != nil {
		t.Fatal(err)
	}
	idPath := filepath.Join(dir, "id.txt")
	if err := os.WriteFile(idPath, []byte(b.s.Office().AgeIdentity+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(tool, "-d", "-i", idPath, bundlePath)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("age -d: %v: %s", err, stderr.String())
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatalf("age's output is not a zip: %v", err)
	}
	members := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		members[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
	}
	card, _ := CardOf(a.s)
	if !ed25519.Verify(ed25519.PublicKey(card.SignPublic), members[memberManifest], members[memberSignature]) {
		t.Fatal("the manifest does not verify against A's card")
	}
	var m Manifest
	if err := json.Unmarshal(members[memberManifest], &m); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(members[memberChanges])
	if len(m.Members) != 1 || m.Members[0].SHA256 != hex.EncodeToString(sum[:]) || m.Members[0].Size != int64(len(members[memberChanges])) {
		t.Fatalf("changes.json does not match the manifest %+v", m.Members)
	}
	// A third office's identity does not open it.
	c := newOffice(t, 2)
	os.WriteFile(idPath, []byte(c.s.Office().AgeIdentity+"\n"), 0o600)
	if err := exec.Command(tool, "-d", "-i", idPath, bundlePath).Run(); err == nil {
		t.Fatal("age opened the bundle with a third office's identity")
	}
}
