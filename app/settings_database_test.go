package app

import (
	"strings"
	"testing"
)

// 设置 names the engine and the server for a server office, and where its
// backups go; for a file, the file and the folder beside it.
func TestDatabaseTextNamesTheServer(t *testing.T) {
	where, backups := databaseText("postgres://jingban@10.0.0.5:6543/duikou")
	if where != "数据库：PostgreSQL 服务器 10.0.0.5:6543，数据库 duikou，用户 jingban（多位经办人共用）" {
		t.Errorf("server office: %q", where)
	}
	if !strings.Contains(backups, "用户配置文件夹") || !strings.Contains(backups, "pg_dump") {
		t.Errorf("server office's backups: %q", backups)
	}
	where, backups = databaseText(`D:\对口\office.db`)
	if where != `数据库文件：D:\对口\office.db` || !strings.Contains(backups, "数据库文件旁的 backups") {
		t.Errorf("file office: %q / %q", where, backups)
	}
}
