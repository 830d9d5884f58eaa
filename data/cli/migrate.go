package cli

import (
	"fmt"

	"duikou/data/dbconn"
	"duikou/data/storage"
)

// runMigrate: duikou migrate --db office.db --to postgres://user@server/db
// The office's SQLite database moves onto an empty PostgreSQL database;
// the file is left as it was, so the office can go back to it.
func runMigrate(env *Env, args []string) int {
	c := env.dbCommand("migrate", "现有的数据库文件", "--db 数据库文件 --to postgres://用户@服务器/数据库")
	to := c.String("to", "", "目标 PostgreSQL 连接串（postgres://用户@服务器/数据库；密码放在 PGPASSWORD 或 pgpass 文件中）")
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	db := *c.db
	switch {
	case db == "":
		return env.Fail("请用 --db 指定现有的数据库文件")
	case *to == "":
		return env.Fail("请用 --to 指定目标 PostgreSQL 数据库")
	case dbconn.IsPostgres(db):
		return env.Fail("--db 应为本机的数据库文件；从一台 PostgreSQL 服务器迁到另一台请用 pg_dump")
	case !dbconn.IsPostgres(*to):
		return env.Fail("--to 应为 PostgreSQL 连接串，例如 postgres://jingban@192.168.1.10/duikou")
	}
	if err := dbconn.CheckPostgres(*to); err != nil {
		return env.Fail("%v", err) // before anything is opened
	}
	return c.open(writing, func(src *storage.Store) int {
		if src.Office() == nil {
			return env.Fail("数据库 %s 还没有设置本单位，没有可迁移的内容", db)
		}
		dst, code := openDB(env, *to, storage.Options{Program: "duikou 命令行"})
		if dst == nil {
			return code
		}
		defer dst.Close()
		return moveTo(env, src, dst, db, *to)
	})
}

// moveTo moves src's records onto dst, audits the move in both and lists
// what the check counted.
func moveTo(env *Env, src, dst *storage.Store, db, to string) int {
	sum, err := src.MoveTo(dst)
	if err != nil {
		return env.Fail("迁移失败：%s", dbconn.Redact(err.Error()))
	}
	where := dbconn.Display(to)
	dst.AuditMove(fmt.Sprintf("由数据库文件 %s 迁移而来", db))
	src.AuditMove("已迁移到 " + where + "（本文件保持原样）")
	fmt.Fprintf(env.Stdout, "已迁移到 %s，核对无误：\n", where)
	for _, t := range sum.Tables {
		fmt.Fprintf(env.Stdout, "  %-14s %d 行\n", t.Table, t.Rows)
	}
	for _, o := range sum.Origins {
		fmt.Fprintf(env.Stdout, "  操作记录 来源 %s：%d 条，最大序号 %d\n", o.Origin, o.Ops, o.MaxSeq)
	}
	fmt.Fprintln(env.Stdout, "以后请各经办人用 --db "+where+" 打开；原数据库文件未改动，可留作备份。")
	return ExitOK
}
