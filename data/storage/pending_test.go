package storage

import (
	"duikou/data"
	"testing"
)

// The export screen's count is a preview: it carries what the export will,
// and unlike the export it does not mark the restore probe as sent, so the
// next real file still carries it.
func TestPendingForWritesNothing(t *testing.T) {
	offs := newOffices(t, 2)
	a, b := offs[0], offs[1]
	partner := b.s.Office().ID
	if err := a.s.Create(validWorker(1)); err != nil {
		t.Fatal(err)
	}
	// A holds an op of B's, which B acknowledges: what the probe carries.
	w := validWorker(2)
	if err := b.s.Create(w); err != nil {
		t.Fatal(err)
	}
	if _, err := receive(t, a, send(t, b, a), data.NewID()); err != nil {
		t.Fatal(err)
	}
	probe := data.Setting{Key: settingProbe + partner, Value: "wanted"}
	if err := a.s.db.Save(&probe).Error; err != nil {
		t.Fatal(err)
	}
	value := func() string {
		var st data.Setting
		a.s.db.Where("key = ?", probe.Key).First(&st)
		return st.Value
	}
	pending, err := a.s.PendingFor(partner)
	if err != nil {
		t.Fatal(err)
	}
	if got := value(); got != "wanted" {
		t.Fatalf("the preview marked the probe %q", got)
	}
	c, err := a.s.ChangesFor(partner)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending.Ops) != len(c.Ops) || len(pending.Rows) != len(c.Rows) {
		t.Fatalf("preview %d ops %d rows, export %d ops %d rows", len(pending.Ops), len(pending.Rows), len(c.Ops), len(c.Rows))
	}
	if got := value(); got != "sent" {
		t.Fatalf("the export left the probe %q", got)
	}
}
