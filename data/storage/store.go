package storage

import (
	"duikou/data"
	"duikou/data/dbconn"
	"duikou/data/dblock"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store keeps Duikou's records in one SQLite file or a PostgreSQL
// database.
type Store struct {
	db      *gorm.DB
	path    string  // the file, or the PostgreSQL connection (no password in it)
	dialect dialect // what differs per engine (dialect.go)
	clock   *data.HLC
	now     func() time.Time
	opt     Options // as opened, to reopen the same way after a restore

	background    sync.WaitGroup // checkpoints after bulk writes (bulk_tx.go)
	checkpointing atomic.Bool
	closeMu       sync.Mutex // closing and background.Add, against Close's Wait
	closing       bool
	lock          *dblock.Lock // this process's hold on the file (nil once released)

	mu        sync.RWMutex
	office    *data.Office // nil until the first-run set-up
	listeners []func(data.Change)

	// Other desktops' writes (PostgreSQL): token names this Store in its
	// announcements; the listener starts with the first OnChange.
	token         string
	stopListening func()
	listening     atomic.Bool // connected and LISTENing (tests wait for it)
}

// Options tune Open; the zero value is what the program uses.
type Options struct {
	// Now replaces the wall clock (tests inject one).
	Now func() time.Time
	// BackupDir is where automatic backups go; default "backups" beside the file.
	BackupDir string
	// Program names this process in the one-writer lock beside the file
	// (data/dblock), so a second program refused on it can say who holds
	// it; default "对口劳务协作".
	Program string
	// LockWait is how long Open waits for another program to release the
	// database (a short command waits; the window does not).
	LockWait time.Duration
	// Reader opens without the lock, for a command that only reads (and
	// audits what it read): matching, exports and prints may run beside
	// an open window. It never writes records, so there is nothing of its
	// own a restore could lose.
	Reader bool
	// Clerk, when set, names the clerk in the audit log for this session
	// instead of the one saved with the office (the window's last clerk):
	// a command run with --clerk or DUIKOU_CLERK, or one desktop of a
	// server office, whose clerks share the office's row. It is not saved.
	Clerk string

	// KeyDir is the folder of the office's private keys (data/keystore);
	// default keystore.Dir(), the user's config folder.
	KeyDir string

	// held is the lock a restore carries across the swap of the file.
	held *dblock.Lock
}

// Open opens (creating if needed) the database at path and migrates it,
// taking a backup first when an existing database needs migrating. path
// may instead be a PostgreSQL connection (data/dbconn), whose database
// must exist; its tables are made on the first open.
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

// OpenWith is Open with options.
func OpenWith(path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("未指定数据库文件")
	}
	dia := dialectFor(path)
	if dia.engine() == dbconn.Postgres {
		if err := dbconn.CheckPostgres(path); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("无法创建数据库目录：%w", err)
	}
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	// One writer process per file: a window and a command (or two windows)
	// on one database would each keep writing to a file the other may
	// replace in a restore. The OS drops the lock when the process dies.
	// Several desktops share a PostgreSQL server by design: there the lock
	// has nothing to guard.
	lock := opt.held
	opt.held = nil
	if lock == nil && !opt.Reader && dia.engine() == dbconn.SQLite {
		program := opt.Program
		if program == "" {
			program = "对口劳务协作"
		}
		var err error
		if lock, err = dblock.AcquireWait(path, program, opt.LockWait); err != nil {
			return nil, err
		}
	}
	if !opt.Reader && dia.engine() == dbconn.SQLite {
		if err := privateFile(path); err != nil {
			lock.Release()
			return nil, err
		}
	}
	db, err := gorm.Open(dia.open(path), &gorm.Config{
		Logger:                                   logger.Default.LogMode(logger.Silent),
		NowFunc:                                  func() time.Time { return now().UTC() },
		DisableForeignKeyConstraintWhenMigrating: false,
		SkipDefaultTransaction:                   true, // we open our own transactions
	})
	if err != nil {
		lock.Release()
		return nil, fmt.Errorf("无法打开数据库 %s：%s", dbconn.Display(path), dbconn.Redact(err.Error()))
	}
	s := &Store{db: db, path: path, dialect: dia, now: now, opt: opt, lock: lock, token: newStoreToken()}
	backupDir := opt.BackupDir
	if backupDir == "" {
		backupDir = s.backupsDir()
	}
	if err := s.migrate(backupDir); err != nil {
		s.Close()
		return nil, err
	}
	var maxHLC int64
	if err := db.Model(&Op{}).Select("COALESCE(MAX(hlc), 0)").Scan(&maxHLC).Error; err != nil {
		s.Close()
		return nil, err
	}
	s.clock = data.NewHLC(maxHLC, now)
	if err := s.loadOffice(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the database once background checkpoints are done.
func (s *Store) Close() error {
	s.closeMu.Lock()
	s.closing = true
	s.closeMu.Unlock()
	s.background.Wait()
	s.mu.Lock()
	stop := s.stopListening
	s.stopListening = nil
	s.mu.Unlock()
	if stop != nil {
		stop()
	}
	defer s.releaseLock()
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// releaseLock lets another program open the file (once the connections
// are closed, which the deferred call in Close waits for).
func (s *Store) releaseLock() {
	s.closeMu.Lock()
	lock := s.lock
	s.lock = nil
	s.closeMu.Unlock()
	lock.Release()
}

// handOverLock takes the lock away from Close, for a restore that swaps
// the file and opens it again without letting anyone in between.
func (s *Store) handOverLock() *dblock.Lock {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	lock := s.lock
	s.lock = nil
	return lock
}

// Path is the database file, or the PostgreSQL connection as
// dbconn.Display renders it (for the title bar and 设置).
func (s *Store) Path() string { return dbconn.Display(s.path) }

// Engine is the kind of database the Store is on.
func (s *Store) Engine() dbconn.Engine { return s.dialect.engine() }

// OnChange registers a listener called after every committed write: this
// Store's and, on PostgreSQL, other desktops' (on a goroutine of its own).
func (s *Store) OnChange(fn func(data.Change)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listeners = append(s.listeners, fn)
	if s.stopListening == nil && s.dialect.sharedWriters() {
		s.stopListening = s.dialect.listen(s)
	}
}

func (s *Store) notify(changes []data.Change) {
	s.mu.RLock()
	ls := s.listeners
	s.mu.RUnlock()
	for _, c := range changes {
		for _, fn := range ls {
			fn(c)
		}
	}
}

// today is the local date by the Store's clock.
func (s *Store) today() data.Date { return data.DateOf(s.now()) }

// Today is the Store's idea of today (tests inject a clock).
func (s *Store) Today() data.Date { return s.today() }
