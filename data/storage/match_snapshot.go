package storage

import (
	"fmt"

	"duikou/data/dbconn"
)

// matchSnapshotSuffix names the matching index kept beside the database
// file (data/recommend writes it; it holds names and matching features,
// no ID numbers or phones, and is created 0600).
const matchSnapshotSuffix = ".match-index"

// MatchSnapshot names the file beside the database where the matching
// index is kept between runs, and the stamp it must carry to be used: the
// schema version, the office, and the op log's count, latest HLC and a sum
// of its HLCs. Every write of a worker or placement adds an op, and a
// restore or an exchange changes the set, so a snapshot taken before any
// of them no longer matches. The three aggregates come from the index on
// hlc alone, a fraction of a second for millions of ops.
func (s *Store) MatchSnapshot() (path, stamp string, err error) {
	if s.path == "" || s.path == ":memory:" || s.dialect.engine() != dbconn.SQLite {
		// A server's database has no folder of its own to keep it in.
		return "", "", nil
	}
	var agg struct {
		N   int64
		Max int64
		Sum int64
	}
	if err := s.db.Raw(`SELECT COUNT(*) AS n, COALESCE(MAX(hlc), 0) AS max, COALESCE(SUM(hlc % 1000003), 0) AS sum FROM ops`).
		Scan(&agg).Error; err != nil {
		return "", "", err
	}
	office := ""
	if o := s.Office(); o != nil {
		office = o.ID
	}
	stamp = fmt.Sprintf("schema %d; office %s; ops %d, last %d, sum %d", SchemaVersion, office, agg.N, agg.Max, agg.Sum)
	return s.path + matchSnapshotSuffix, stamp, nil
}
