package app

import "duikou/data/dbconn"

// databaseText is 设置's line on where the office's records live, and
// where its backups go: a file on this PC, or the PostgreSQL server the
// clerks share (loc is the Store's Path, which never holds a password).
func databaseText(loc string) (where, backups string) {
	if dbconn.IsPostgres(loc) {
		return "数据库：" + dbconn.Describe(loc) + "（多位经办人共用）",
			"程序每天第一次打开时把服务器上的数据库备份为一个对口数据库文件，放在本机用户配置文件夹的 duikou\\backups 中；" +
				"服务器本身的备份（pg_dump）请由管理员安排。从备份恢复前，程序会先备份当前数据库。"
	}
	return "数据库文件：" + loc,
		"程序每天第一次打开时自动备份一次，导入和从备份恢复前也先备份当前数据库；备份放在数据库文件旁的 backups 文件夹中。"
}
