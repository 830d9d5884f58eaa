package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"duikou/data/storage"
)

func init() {
	register("backup", "备份数据库到一个文件（完整性检查通过后才生成）", runBackup)
	register("restore", "从备份文件恢复数据库（恢复前自动备份当前数据库）", runRestore)
}

// runBackup: duikou backup --db PATH -o FILE
func runBackup(env *Env, args []string) int {
	fs := env.flags("backup", "--db 数据库 -o FILE")
	db := fs.String("db", "", dbUsage)
	out := fs.String("o", "", "备份文件")
	if code, ok := env.parseFlagsOnly(fs, args); !ok {
		return code
	}
	switch {
	case *out == "":
		return env.Fail("请用 -o 指定备份文件")
	}
	if _, err := os.Stat(*out); err == nil {
		return env.Fail("%s 已存在，请换一个文件名", *out)
	}
	s, code := openExistingDB(env, *db)
	if s == nil {
		return code
	}
	defer s.Close()
	if err := s.Backup(*out); err != nil {
		return env.Fail("%v", err)
	}
	fmt.Fprintf(env.Stdout, "已备份到 %s（完整性检查通过）\n", *out)
	return ExitOK
}

// runRestore: duikou restore --db PATH FILE
func runRestore(env *Env, args []string) int {
	fs := env.flags("restore", "--db 数据库 FILE", "FILE  备份文件")
	db := fs.String("db", "", dbUsage)
	pos, err := parse(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 {
		return env.failUsage(fs)
	}
	info, err := storage.InspectBackup(pos[0])
	if err != nil {
		return env.Fail("%v", err)
	}
	s, code := openExistingDB(env, *db)
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
