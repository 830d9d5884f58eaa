package storage

import (
	"duikou/data"
	"duikou/data/dblock"
	"duikou/data/stats"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"
)

// SchemaVersion is the version this build writes. History:
//
//	1  first release
//	2  derived worker columns main_occ, main_level, occ_keys (list filters by 工种);
//	   exchange bookkeeping: coverages, partner_acks, conflicts, bundle_logs
//	3  demands.referred (open referrals count against the headcount)
//	4  workers.registered_on (登记日期), filled from created_at; report_submissions (报出)
//	5  subsidy_claims (补贴申报, travels like the placements)
//	6  workers.phone holds 20 characters (a landline with its area code)
const SchemaVersion = 6

const schemaVersionKey = "schema_version"

// models are every table, in an order that satisfies foreign keys.
func models() []any {
	return []any{
		&data.Setting{}, &data.Office{}, &data.Partner{}, &data.AuditEntry{}, &Op{},
		&data.Worker{}, &data.Employer{}, &data.Demand{}, &data.Placement{}, &data.FollowUp{},
		&data.SubsidyClaim{},
		&Coverage{}, &PartnerAck{}, &Conflict{}, &BundleLog{}, &stats.Submission{},
	}
}

// dataSteps run after AutoMigrate has shaped the tables, to fill what a
// new version adds. Step n upgrades from n-1; each is idempotent.
var dataSteps = map[int]func(tx *gorm.DB) error{
	2: backfillWorkerDerived,
	3: backfillDemandReferred,
	4: backfillRegistration, // migrate_registered.go
}

// migrate brings the schema to SchemaVersion: a backup first (unless the
// file is new), then AutoMigrate and the data steps in one transaction,
// then a check that no table lost rows and no foreign key dangles.
func (s *Store) migrate(backupDir string) error {
	return s.dialect.schemaLocked(s.db, func() error { return s.migrateLocked(backupDir) })
}

func (s *Store) migrateLocked(backupDir string) error {
	version, fresh, err := s.readSchemaVersion()
	if err != nil {
		return err
	}
	if version == SchemaVersion {
		return nil
	}
	if version > SchemaVersion {
		return fmt.Errorf("数据库由较新版本的对口创建（结构版本 %d，本程序支持 %d），请升级程序", version, SchemaVersion)
	}
	if s.opt.Reader && !fresh {
		// A reader runs beside a window without the lock, but upgrading
		// writes: it takes the lock for the upgrade, or leaves the file
		// alone when someone holds it.
		lock, err := dblock.AcquireWait(s.path, "对口劳务协作（升级数据库）", 0)
		if err != nil {
			return fmt.Errorf("数据库需要升级（结构版本 %d→%d）才能读取，但现在无法升级：%w", version, SchemaVersion, err)
		}
		defer lock.Release()
	}
	before := map[string]int64{}
	if !fresh {
		if _, err := s.backupTo(backupDir, fmt.Sprintf("%s-v%d", BackupBeforeMigrate, version)); err != nil {
			return fmt.Errorf("升级数据库前备份失败，未做任何改动：%w", err)
		}
		pruneBackups(backupDir, s.now())
		if before, err = s.rowCounts(); err != nil {
			return err
		}
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.AutoMigrate(models()...); err != nil {
			return fmt.Errorf("升级数据库结构失败：%w", err)
		}
		if err := s.dialect.afterMigrate(tx); err != nil {
			return fmt.Errorf("升级数据库结构失败：%w", err)
		}
		for v := version + 1; v <= SchemaVersion; v++ {
			if step := dataSteps[v]; step != nil && !fresh {
				if err := step(tx); err != nil {
					return fmt.Errorf("升级数据到版本 %d 失败：%w", v, err)
				}
			}
		}
		if err := tx.Save(&data.Setting{Key: schemaVersionKey, Value: strconv.Itoa(SchemaVersion)}).Error; err != nil {
			return err
		}
		if !fresh {
			return tx.Create(&data.AuditEntry{At: time.Now().UTC(), Action: data.ActMigrate,
				Summary: fmt.Sprintf("数据库结构由版本 %d 升级到 %d", version, SchemaVersion)}).Error
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.checkAfterMigrate(before)
}

// readSchemaVersion: a file with no tables is fresh (version 0); one with
// tables but no settings is not ours and is refused rather than altered.
func (s *Store) readSchemaVersion() (version int, fresh bool, err error) {
	m := s.db.Migrator()
	if !m.HasTable(&data.Setting{}) {
		tables, err := m.GetTables()
		if err != nil {
			return 0, false, fmt.Errorf("无法读取数据库：%w", err)
		}
		if len(tables) > 0 {
			return 0, false, fmt.Errorf("这不是对口的数据库文件（含有未知的表 %v）", tables)
		}
		return 0, true, nil
	}
	var st data.Setting
	if err := s.db.Where("key = ?", schemaVersionKey).Limit(1).Find(&st).Error; err != nil {
		return 0, false, err
	}
	v, err := strconv.Atoi(st.Value)
	if err != nil {
		return 0, false, fmt.Errorf("数据库的结构版本“%s”无法识别", st.Value)
	}
	return v, false, nil
}

func (s *Store) rowCounts() (map[string]int64, error) {
	counts := map[string]int64{}
	for _, m := range models() {
		if !s.db.Migrator().HasTable(m) {
			continue
		}
		var n int64
		if err := s.db.Model(m).Count(&n).Error; err != nil {
			return nil, err
		}
		stmt := &gorm.Statement{DB: s.db}
		if err := stmt.Parse(m); err != nil {
			return nil, err
		}
		counts[stmt.Schema.Table] = n
	}
	return counts, nil
}

func (s *Store) checkAfterMigrate(before map[string]int64) error {
	after, err := s.rowCounts()
	if err != nil {
		return err
	}
	for table, n := range before {
		// The migration itself adds one audit entry.
		if after[table] < n {
			return fmt.Errorf("升级后表 %s 的行数由 %d 变为 %d，请用升级前的备份恢复", table, n, after[table])
		}
	}
	return s.foreignKeyCheck()
}

// foreignKeyCheck fails when any row points at a missing parent.
func (s *Store) foreignKeyCheck() error { return s.dialect.foreignKeyCheck(s.db) }

// backfillWorkerDerived fills the version-2 columns from the skills.
func backfillWorkerDerived(tx *gorm.DB) error {
	var batch []data.Worker
	return tx.Model(&data.Worker{}).FindInBatches(&batch, 1000, func(b *gorm.DB, _ int) error {
		for i := range batch {
			w := &batch[i]
			w.Derive(w.Sex, w.Birth)
			if err := tx.Model(&data.Worker{}).Where("id = ?", w.ID).UpdateColumns(map[string]any{
				"main_occ": w.MainOcc, "main_level": w.MainLevel, "occ_keys": w.OccKeys,
			}).Error; err != nil {
				return err
			}
		}
		return nil
	}).Error
}

// backfillDemandReferred counts each demand's open referrals, which
// version 3 starts keeping beside the filled count.
func backfillDemandReferred(tx *gorm.DB) error {
	return tx.Exec(`UPDATE demands SET referred = (SELECT COUNT(*) FROM placements p
		WHERE p.demand_id = demands.id AND p.deleted = ? AND p.stage IN ?)`, false, referralStages).Error
}
