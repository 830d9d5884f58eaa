package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"sync"
	"time"

	"duikou/data"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"
)

// Several desktops on one PostgreSQL office see each other's writes: a
// write transaction announces its changes on a channel (NOTIFY, which the
// server delivers at commit and never for a rollback), and a Store with
// listeners (the window's lists and home screen, the matching index)
// LISTENs on its own connection and hands what other desktops wrote to
// them as if written here. A SQLite file has one writer process, whose
// listeners already hear everything.

// changesChannel is the NOTIFY channel of an office's database.
const changesChannel = "duikou_changes"

// maxNotifyPayload keeps each notification under the server's 8,000-byte
// limit; a bulk write sends several.
const maxNotifyPayload = 7000

// announcement is one notification: which Store wrote (so it skips its
// own) and some of the changes, or that it replaced every table (a
// restore from a backup).
type announcement struct {
	From     string         `json:"f"`
	Changes  []announcedRow `json:"c"`
	Replaced bool           `json:"r,omitempty"`
}

type announcedRow struct {
	Table   data.Table `json:"t"`
	ID      string     `json:"i"`
	Deleted bool       `json:"d,omitempty"`
}

// newStoreToken names this Store in its announcements.
func newStoreToken() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// announceOnServer sends the changes of a write transaction, in
// notifications of at most maxNotifyPayload bytes each.
func announceOnServer(db *gorm.DB, from string, changes []data.Change) error {
	send := func(rows []announcedRow) error {
		payload, err := json.Marshal(announcement{From: from, Changes: rows})
		if err != nil {
			return err
		}
		return db.Exec("SELECT pg_notify(?, ?)", changesChannel, string(payload)).Error
	}
	var rows []announcedRow
	size := 0
	for _, c := range changes {
		r := announcedRow{Table: c.Table, ID: c.ID, Deleted: c.Deleted}
		n := len(c.Table) + len(c.ID) + 24
		if size+n > maxNotifyPayload && len(rows) > 0 {
			if err := send(rows); err != nil {
				return err
			}
			rows, size = rows[:0], 0
		}
		rows = append(rows, r)
		size += n
	}
	if len(rows) == 0 {
		return nil
	}
	return send(rows)
}

// announceReplacedOnServer tells the other desktops, at the commit of
// db's transaction, that every table was replaced (a restore): they read
// everything again rather than row by row.
func announceReplacedOnServer(db *gorm.DB, from string) error {
	payload, err := json.Marshal(announcement{From: from, Replaced: true})
	if err != nil {
		return err
	}
	return db.Exec("SELECT pg_notify(?, ?)", changesChannel, string(payload)).Error
}

// serverListener is a Store's LISTEN connection and its goroutine.
type serverListener struct {
	cancel context.CancelFunc
	done   sync.WaitGroup
}

// listenOnServer starts hearing the other desktops' writes; stop ends it.
// It returns once the first LISTEN is in place (or has failed, or
// listenWait has passed): a write another desktop commits after Open
// returns is then heard, whereas one committed while the connection was
// still being made would be missed until the next reload, though the
// screens have already read the tables without it. A lost connection is
// opened again (a server restart, a network hiccup); what was written
// meanwhile shows at the next reload.
func listenOnServer(s *Store) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	l := &serverListener{cancel: cancel}
	first := make(chan struct{})
	var firstOnce sync.Once
	settled := func() { firstOnce.Do(func() { close(first) }) }
	l.done.Add(1)
	go func() {
		defer l.done.Done()
		for ctx.Err() == nil {
			err := s.hearServer(ctx, settled)
			settled() // failed before listening
			if err != nil && ctx.Err() == nil {
				select { // wait a little before connecting again
				case <-ctx.Done():
				case <-time.After(2 * time.Second):
				}
			}
		}
	}()
	select {
	case <-first:
	case <-time.After(listenWait):
	}
	return func() {
		l.cancel()
		l.done.Wait()
	}
}

// listenWait bounds how long Open waits for the first LISTEN: a server
// that is slow to take a second connection delays the window, not stops it.
const listenWait = 5 * time.Second

// hearServer listens on one connection until it fails or ctx ends,
// calling listening once its LISTEN is in place.
func (s *Store) hearServer(ctx context.Context, listening func()) error {
	conn, err := pgx.Connect(ctx, s.path)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
		return err
	}
	s.listening.Store(true)
	defer s.listening.Store(false)
	listening()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var a announcement
		if json.Unmarshal([]byte(n.Payload), &a) != nil || a.From == s.token {
			continue // not ours to read, or our own write (already told)
		}
		if a.Replaced {
			// The office row came back from the backup too (its 经办人,
			// say): read it again. Should that fail, the one held is
			// still this office's, as a restore takes only its backups.
			_ = s.loadOffice()
			s.notify([]data.Change{{Replaced: true}})
			continue
		}
		changes := make([]data.Change, len(a.Changes))
		for i, r := range a.Changes {
			changes[i] = data.Change{Table: r.Table, ID: r.ID, Deleted: r.Deleted}
		}
		s.notify(changes)
	}
}
