package cli

import (
	"duikou/data/filewrite"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/width"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/dbconn"
	"duikou/data/dblock"
	"duikou/data/recommend"
	"duikou/data/storage"
)

func init() {
	register("match", "为一条用工需求推荐劳动者，或为一名劳动者推荐岗位", runMatch)
}

// runMatch: duikou match --db PATH (--demand ID | --worker ID) [--top N]
// [--json]. The ranking is the match screen's (both come from
// recommend.Matcher); --json prints it as a list of recommend.Ranked.
func runMatch(env *Env, args []string) int {
	fs := env.flags("match", "--db 数据库 (--demand 编号 | --worker 编号) [--top N] [--json]（编号用 duikou list demands|workers 查看）")
	db := fs.String("db", "", dbUsage)
	demandID := fs.String("demand", "", "用工需求编号：为它推荐劳动者")
	workerID := fs.String("worker", "", "劳动者编号：为他/她推荐岗位")
	top := fs.Int("top", 20, "列出前 N 名")
	asJSON := fs.Bool("json", false, "以 JSON 输出")
	if code, ok := env.parseFlagsOnly(fs, args); !ok {
		return code
	}
	switch {
	case (*demandID == "") == (*workerID == ""):
		return env.Fail("请用 --demand 或 --worker 指定一条用工需求或一名劳动者（二选一）")
	case *top <= 0:
		return env.Fail("--top 应为正整数，现为 %d", *top)
	}
	s, m, code := openMatcher(env, *db, openForReading)
	if m == nil {
		return code
	}
	defer s.Close()

	var ranked []recommend.Ranked
	var heading, none string
	var err error
	if *demandID != "" {
		if ranked, err = m.TopWorkers(*demandID, *top); err != nil {
			return env.failLookup(err, "用工需求", *demandID)
		}
		d, _, _ := m.Demand(*demandID)
		heading = fmt.Sprintf("用工需求：%s（%s，%s，还缺 %d 人，推荐中 %d 人）",
			recommend.DemandName(d), occupationLabel(d.Occupation), catalog.FullName(d.WorkRegion), d.Left, d.Referred)
		none = "没有符合条件的劳动者"
		if why, _ := m.DemandClosed(*demandID); why != "" {
			none = why + "，不推荐劳动者"
		}
	} else {
		if ranked, err = m.TopDemands(*workerID, *top); err != nil {
			return env.failLookup(err, "劳动者", *workerID)
		}
		w, _, _ := m.Worker(*workerID)
		heading = "劳动者：" + w.Name
		none = "没有符合条件的用工需求"
		if why, _ := m.WorkerUnavailable(*workerID); why != "" {
			none = why + "，不推荐岗位"
		}
	}

	if *asJSON {
		if ranked == nil {
			ranked = []recommend.Ranked{}
		}
		return writeJSON(env, ranked)
	}
	fmt.Fprintln(env.Stdout, heading)
	if len(ranked) == 0 {
		fmt.Fprintln(env.Stdout, none)
		return ExitOK
	}
	who := "姓名"
	if *workerID != "" {
		who = "用工需求"
	}
	rows := [][]string{{"排名", who, "分数", "匹配度", "符合", "欠缺"}}
	for i, r := range ranked {
		rows = append(rows, []string{fmt.Sprint(i + 1), r.Name, fmt.Sprintf("%.3f", r.Score), r.BandLabel,
			joinOrDash(r.Reasons), joinOrDash(r.Missing)})
	}
	writeTable(env.Stdout, rows)
	return ExitOK
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

// openMatcher opens the database at path with open (openForReading,
// openExistingDB) and the matching index on it, from its snapshot beside
// the database when the records have not changed since (recommend.Open).
// m is nil when the command must stop with code, the database closed.
func openMatcher(env *Env, path string, open func(*Env, string) (*storage.Store, int)) (s *storage.Store, m *recommend.Matcher, code int) {
	s, code = open(env, path)
	if s == nil {
		return nil, nil, code
	}
	m, err := recommend.Open(s)
	if err != nil {
		s.Close()
		return nil, nil, env.Fail("无法建立匹配索引：%v", err)
	}
	return s, m, ExitOK
}

func openDB(env *Env, path string, opt storage.Options) (*storage.Store, int) {
	if path == "" {
		return nil, env.Fail("请用 --db 指定数据库文件")
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

// failLookup reports an id the database does not hold, or another error.
func (env *Env) failLookup(err error, kind, id string) int {
	if errors.Is(err, data.ErrNotFound) {
		return env.Fail("未找到%s %s（编号不存在或已删除）", kind, id)
	}
	return env.Fail("匹配失败：%v", err)
}

// writeJSON prints v as indented JSON, Chinese left as it is.
func writeJSON(env *Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return env.Fail("输出失败：%v", err)
	}
	return ExitOK
}

// occupationLabel is catalog.OccupationName, under the name this package reads.
var occupationLabel = catalog.OccupationName

func joinOrDash(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	return strings.Join(xs, "；")
}

// writeTable prints rows in columns padded to their display width (a
// Chinese character takes two columns in a terminal); the last column is
// not padded.
func writeTable(w io.Writer, rows [][]string) {
	widths := map[int]int{}
	for _, row := range rows {
		for i, cell := range row[:len(row)-1] {
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			if r != utf8.RuneError {
				n++
			}
		}
	}
	return n
}
