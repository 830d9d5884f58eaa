package storage

import (
	"duikou/data"
	"errors"
	"fmt"
	"sort"

	"gorm.io/gorm"
)

// MoveSummary is what MoveTo copied: the rows per table, as counted in
// both databases after the copy.
type MoveSummary struct {
	Tables []TableCount
	// Origins is the op log checked per origin office: the number of ops
	// and the highest sequence number, equal on both sides.
	Origins []OriginLog
}

// TableCount is one table's rows.
type TableCount struct {
	Table string
	Rows  int64
}

// OriginLog is one origin office's part of the op log.
type OriginLog struct {
	Origin string
	Ops    int64
	MaxSeq int64
}

// MoveTo copies the whole database (records, op log, partners,
// conflicts, exchange history, audit log, settings) into dst, an empty
// Duikou database on another engine: an office moving from its SQLite
// file onto a PostgreSQL server. The source is read in one snapshot; dst
// is written in one transaction that also verifies the copy (every
// table's row count, and per origin the number of ops and the highest
// sequence), so on any error dst is left empty. s is not changed except
// for the audit entry that records the move.
func (s *Store) MoveTo(dst *Store) (*MoveSummary, error) {
	if err := dst.mustBeEmpty(); err != nil {
		return nil, err
	}
	sum := &MoveSummary{}
	err := s.db.Transaction(func(src *gorm.DB) error {
		return dst.db.Transaction(func(db *gorm.DB) error {
			if err := dst.dialect.lockOpLog(db); err != nil {
				return err
			}
			copied, err := copyTables(src, db, s.now().UTC())
			if err != nil {
				return err
			}
			return verifyMove(src, db, copied, sum)
		})
	}, s.dialect.snapshot())
	if err != nil {
		return nil, err
	}
	// dst now holds the office: its clock goes past every copied stamp.
	var maxHLC int64
	if err := dst.db.Model(&Op{}).Select("COALESCE(MAX(hlc), 0)").Scan(&maxHLC).Error; err != nil {
		return sum, err
	}
	dst.clock.Observe(maxHLC)
	if err := dst.loadOffice(); err != nil {
		return sum, err
	}
	return sum, nil
}

// mustBeEmpty refuses a database that holds anything but its schema
// version: a move never merges two offices.
func (s *Store) mustBeEmpty() error {
	counts, err := s.rowCounts()
	if err != nil {
		return err
	}
	for table, n := range counts {
		if table == "settings" && n <= 1 {
			continue
		}
		if n > 0 {
			return fmt.Errorf("目标数据库不是空的（表 %s 已有 %d 行），为免混入两个单位的数据，未做任何改动", table, n)
		}
	}
	return nil
}

// verifyMove compares the copy with the source inside the copying
// transaction, so a mismatch rolls the copy back.
func verifyMove(src, dst *gorm.DB, copied map[string]int64, sum *MoveSummary) error {
	for _, m := range models() {
		stmt := &gorm.Statement{DB: src}
		if err := stmt.Parse(m); err != nil {
			return err
		}
		table := stmt.Schema.Table
		var a, b int64
		if err := src.Model(m).Count(&a).Error; err != nil {
			return err
		}
		if err := dst.Model(m).Count(&b).Error; err != nil {
			return err
		}
		// The empty database's schema version row was overwritten, not added.
		if a != b || copied[table] != a {
			return fmt.Errorf("核对失败：表 %s 原有 %d 行，复制了 %d 行，目标中有 %d 行；目标数据库未做任何改动", table, a, copied[table], b)
		}
		sum.Tables = append(sum.Tables, TableCount{table, b})
	}
	logA, err := opLogByOrigin(src)
	if err != nil {
		return err
	}
	logB, err := opLogByOrigin(dst)
	if err != nil {
		return err
	}
	if len(logA) != len(logB) {
		return errors.New("核对失败：操作记录的来源单位数不一致；目标数据库未做任何改动")
	}
	for i := range logA {
		if logA[i] != logB[i] {
			return fmt.Errorf("核对失败：来源单位 %s 的操作记录不一致（原 %d 条、最大序号 %d；目标 %d 条、最大序号 %d）；目标数据库未做任何改动",
				logA[i].Origin, logA[i].Ops, logA[i].MaxSeq, logB[i].Ops, logB[i].MaxSeq)
		}
	}
	sum.Origins = logA
	return nil
}

func opLogByOrigin(db *gorm.DB) ([]OriginLog, error) {
	var out []OriginLog
	err := db.Model(&Op{}).Select("origin, COUNT(*) AS ops, MAX(seq) AS max_seq").Group("origin").Scan(&out).Error
	sort.Slice(out, func(i, j int) bool { return out[i].Origin < out[j].Origin })
	return out, err
}

// AuditMove records in the audit log that the database came from
// elsewhere (from says where, without secrets).
func (s *Store) AuditMove(summary string) {
	s.audit(data.AuditEntry{Action: data.ActMigrate, Summary: summary})
}
