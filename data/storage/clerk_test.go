package storage

import (
	"testing"

	"duikou/data"
)

// A desktop opened for clerk 王芳 writes her name in the audit log and
// shows it, while the office's own 经办人 (李娟, shared by every desktop
// of a server office) stays as it was.
func TestADesktopsClerkIsNamedInTheAuditLog(t *testing.T) {
	s, loc := openTemp(t)
	if _, err := s.SetupOffice("兰州市总工会", "620100", data.RoleSending, "李娟"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	opt := testOptions(t)
	opt.Clerk = "王芳"
	d, err := OpenWith(loc, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if got := d.Office().ClerkName; got != "王芳" {
		t.Fatalf("the desktop shows clerk %q", got)
	}
	w := validWorker(1)
	if err := d.Create(w); err != nil {
		t.Fatal(err)
	}
	var e data.AuditEntry
	if err := d.db.Where("row_id = ?", w.ID).First(&e).Error; err != nil {
		t.Fatal(err)
	}
	if e.Clerk != "王芳" {
		t.Fatalf("the audit entry names %q, want 王芳", e.Clerk)
	}
	var o data.Office
	if err := d.db.First(&o).Error; err != nil {
		t.Fatal(err)
	}
	if o.ClerkName != "李娟" {
		t.Fatalf("the office's 经办人 became %q", o.ClerkName)
	}
}
