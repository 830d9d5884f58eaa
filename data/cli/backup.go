package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"duikou/data/storage"
)

// runBackup: duikou backup --db PATH -o FILE
func runBackup(env *Env, args []string) int {
	c := env.dbCommand("backup", dbUsage, "--db 数据库 -o FILE")
	out := c.requiredString("o", "备份文件", "请用 -o 指定备份文件")
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	if _, err := os.Stat(*out); err == nil {
		return env.Fail("%s 已存在，请换一个文件名", *out)
	}
	return c.open(writing, func(s *storage.Store) int {
		if err := s.Backup(*out); err != nil {
			return env.Fail("%v", err)
		}
		fmt.Fprintf(env.Stdout, "已备份到 %s（完整性检查通过）\n", *out)
		return ExitOK
	})
}

// runRestore: duikou restore --db PATH FILE. It opens the database itself
// rather than through dbCommand.open: RestoreFrom hands back the store to
// close, the restored one or, when it refused, this one.
func runRestore(env *Env, args []string) int {
	c := env.dbCommand("restore", dbUsage, "--db 数据库 FILE", "FILE  备份文件")
	pos, code, ok := c.positionals(args, 1)
	if !ok {
		return code
	}
	info, err := storage.InspectBackup(pos[0])
	if err != nil {
		return env.Fail("%v", err)
	}
	s, code := openExistingDB(env, *c.db)
	if s == nil {
		return code
	}
	ns, err := s.RestoreFrom(pos[0])
	if ns != nil {
		defer ns.Close()
	}
	if err != nil {
		return env.Fail("%v", err)
	}
	fmt.Fprintf(env.Stdout, "已从 %s 恢复：劳动者 %d 人，用工单位 %d 家，用工需求 %d 条，就业安置 %d 条，跟踪服务 %d 条\n",
		filepath.Base(pos[0]), info.Workers, info.Employers, info.Demands, info.Placements, info.FollowUps)
	fmt.Fprintln(env.Stdout, "恢复前的数据库已备份在 backups 文件夹中；下次与协作单位交换数据时，对方会补发本单位在备份之后发出的内容。")
	return ExitOK
}
