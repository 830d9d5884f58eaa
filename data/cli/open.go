package cli

import (
	"errors"
	"os"
	"time"
	"unicode/utf8"

	"duikou/data/dbconn"
	"duikou/data/dblock"
	"duikou/data/filewrite"
	"duikou/data/recommend"
	"duikou/data/storage"
)

// access is how a command opens its database: a reader runs beside a
// window; a writer takes the database's lock like the window does.
type access bool

const (
	reading access = false
	writing access = true
)

// writingWhen is writing when this run of a command writes (报出,
// --apply, --round) and reading otherwise.
func writingWhen(writes bool) access { return access(writes) }

// withDB opens the database at path that must already exist, runs do on
// it and closes it. When it cannot be opened the reason has been reported
// and the exit code is returned; do's code otherwise.
func (env *Env) withDB(path string, a access, do func(s *storage.Store) int) int {
	open := openForReading
	if a == writing {
		open = openExistingDB
	}
	s, code := open(env, path)
	if s == nil {
		return code
	}
	defer s.Close()
	return do(s)
}

// withMatcher is withDB with the matching index on the database, from its
// snapshot beside the database when the records have not changed since
// (recommend.Open).
func (env *Env) withMatcher(path string, a access, do func(m *recommend.Matcher) int) int {
	return env.withDB(path, a, func(s *storage.Store) int {
		m, err := recommend.Open(s)
		if err != nil {
			return env.Fail("无法建立匹配索引：%v", err)
		}
		return do(m)
	})
}

// openExistingDB opens a database file that must already exist: matching
// an empty new file would only hide a mistyped path. On failure it has
// reported and returns a nil Store and the exit code.
func openExistingDB(env *Env, path string) (*storage.Store, int) {
	return openDB(env, path, storage.Options{Program: "duikou 命令行", LockWait: lockWait})
}

// openForReading is openExistingDB for a command that only reads: it may
// run while a window has the database open.
func openForReading(env *Env, path string) (*storage.Store, int) {
	return openDB(env, path, storage.Options{Reader: true})
}

func openDB(env *Env, path string, opt storage.Options) (*storage.Store, int) {
	if path == "" {
		return nil, env.Fail("请用 --db 指定数据库文件或 PostgreSQL 连接串")
	}
	if dbconn.IsPostgres(path) {
		// A server's database is made by its administrator (createdb);
		// whether it exists the server says when we connect.
		if err := dbconn.CheckPostgres(path); err != nil {
			return nil, env.Fail("%v", err)
		}
	} else if fi, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, env.Fail("数据库文件 %s 不存在", path)
		}
		return nil, env.Fail("无法访问 %s：%s", path, filewrite.Reason(err))
	} else if fi.IsDir() {
		return nil, env.Fail("%s 是文件夹，不是数据库文件", path)
	}
	clerk := env.Clerk // --clerk, or DUIKOU_CLERK as Run read it
	if clerk == "" {
		c, err := ClerkFromEnv()
		if err != nil {
			return nil, env.Fail("%v", err)
		}
		clerk = c
	}
	if n := utf8.RuneCountInString(clerk); n > 32 {
		return nil, env.Fail("经办人姓名过长（%d 个字，最多 32 个字；--clerk 或环境变量 %s）", n, ClerkEnv)
	}
	opt.Clerk = clerk
	s, err := storage.OpenWith(path, opt)
	if _, busy := dblock.IsBusy(err); busy {
		return nil, env.Fail("%v", err) // names the program holding it
	}
	if err != nil {
		return nil, env.Fail("无法打开数据库 %s：%s", dbconn.Display(path), dbconn.Redact(err.Error()))
	}
	return s, ExitOK
}

// lockWait is how long a command waits for a window or another command
// to let go of the database before it gives up (a short write by another
// command is over well within it).
var lockWait = 10 * time.Second
