package storage

import (
	"duikou/data"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store keeps Duikou's records in one SQLite file.
type Store struct {
	db    *gorm.DB
	path  string
	clock *data.HLC
	now   func() time.Time
	opt   Options // as opened, to reopen the same way after a restore

	background    sync.WaitGroup // checkpoints after bulk writes (bulk_tx.go)
	checkpointing atomic.Bool
	closeMu       sync.Mutex // closing and background.Add, against Close's Wait
	closing       bool

	mu        sync.RWMutex
	office    *data.Office // nil until the first-run set-up
	listeners []func(data.Change)
}

// Options tune Open; the zero value is what the program uses.
type Options struct {
	// Now replaces the wall clock (tests inject one).
	Now func() time.Time
	// BackupDir is where automatic backups go; default "backups" beside the file.
	BackupDir string
}

// dsn sets the pragmas in the connection string because SQLite applies
// them per connection and database/sql opens connections as it likes.
// _txlock=immediate takes the write lock at BEGIN, so two writers queue on
// the busy timeout instead of failing to upgrade a read lock.
func dsn(path string) string {
	return path + "?_journal_mode=WAL&_foreign_keys=1&_busy_timeout=10000&_synchronous=FULL&_txlock=immediate"
}

// Open opens (creating if needed) the database at path and migrates it,
// taking a backup first when an existing database needs migrating.
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

// OpenWith is Open with options.
func OpenWith(path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("未指定数据库文件")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("无法创建数据库目录：%w", err)
	}
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{
		Logger:                                   logger.Default.LogMode(logger.Silent),
		NowFunc:                                  func() time.Time { return now().UTC() },
		DisableForeignKeyConstraintWhenMigrating: false,
		SkipDefaultTransaction:                   true, // we open our own transactions
	})
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库 %s：%w", path, err)
	}
	s := &Store{db: db, path: path, now: now, opt: opt}
	backupDir := opt.BackupDir
	if backupDir == "" {
		backupDir = filepath.Join(filepath.Dir(path), "backups")
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
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// OnChange registers a listener called after every committed write.
func (s *Store) OnChange(fn func(data.Change)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listeners = append(s.listeners, fn)
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
