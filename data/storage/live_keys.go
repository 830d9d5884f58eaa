package storage

import (
	"context"
	"database/sql"
	"strings"

	"duikou/data"
	"duikou/data/dbconn"
)

// A bulk job asks, for every row, whether its unique number (a worker's
// ID number, an employer's credit code) is already registered: on a
// server, a round trip per row. ForeseeCreates asks for a batch of rows
// in one query before the job creates them; liveNamed then answers from
// those answers, kept current by every create the transaction makes
// (noteLive). Any statement that may write anything else forgets them all
// (execCache.before): what it changed is read again, from the server.

// liveKey is one value of a unique column.
type liveKey struct {
	table  data.Table
	column string
	value  string
}

// liveAnswer is whether a live row holds the value, and its name.
type liveAnswer struct {
	name  string
	found bool
}

// uniqueKey is the unique number of a record that liveNamed checks, and
// the name it answers with; ok is false for other records.
func uniqueKey(rec data.Record) (k liveKey, name string, ok bool) {
	switch r := rec.(type) {
	case *data.Worker:
		return liveKey{data.TableWorkers, "id_number", r.IDNumber}, r.Name, true
	case *data.Employer:
		return liveKey{data.TableEmployers, "credit_code", r.CreditCode}, r.Name, true
	}
	return liveKey{}, "", false
}

// liveLookupBatch bounds the values of one ForeseeCreates query.
const liveLookupBatch = 500

// ForeseeCreates tells a bulk job's transaction which records it is about
// to create, so their duplicate checks are answered from one query per
// batch instead of one per row. Only a bulk transaction on a server does
// anything with it; elsewhere each check is a cheap local query anyway.
func (tx *Tx) ForeseeCreates(recs []data.Record) error {
	c, ok := tx.db.Statement.ConnPool.(*execCache)
	if !ok || !tx.quiet || c.engine != dbconn.Postgres {
		return nil
	}
	asked := map[liveKey]bool{}
	var byColumn [][]liveKey // the values to ask, per table and column
	index := map[liveKey]int{}
	for _, rec := range recs {
		k, _, ok := uniqueKey(rec)
		if !ok || asked[k] {
			continue
		}
		if _, known := c.live[k]; known {
			continue
		}
		asked[k] = true
		col := liveKey{table: k.table, column: k.column}
		i, seen := index[col]
		if !seen {
			i = len(byColumn)
			index[col] = i
			byColumn = append(byColumn, nil)
		}
		byColumn[i] = append(byColumn[i], k)
	}
	for _, keys := range byColumn {
		for start := 0; start < len(keys); start += liveLookupBatch {
			if err := tx.askLive(c, keys[start:min(start+liveLookupBatch, len(keys))]); err != nil {
				return err
			}
		}
	}
	return nil
}

// askLive reads which of keys (one table and column) live rows hold.
func (tx *Tx) askLive(c *execCache, keys []liveKey) error {
	table, column := keys[0].table, keys[0].column
	args := make([]any, 0, len(keys)+1)
	args = append(args, false)
	for _, k := range keys {
		args = append(args, k.value)
	}
	// One index probe per value, as the single-row check makes: the
	// server plans "column IN (...)" from default guesses while the job's
	// own rows are not yet counted (a scan of every row, for each batch).
	query := "SELECT v.x, (SELECT name FROM " + string(table) + " WHERE " + column + " = v.x AND deleted = ? LIMIT 1)" +
		" FROM (VALUES " + strings.TrimSuffix(strings.Repeat("(?),", len(keys)), ",") + ") AS v(x)"
	ctx := context.Background()
	rows, err := c.QueryContext(ctx, c.rebind(query), args...) // sends the queue first
	if err != nil {
		return err
	}
	defer rows.Close()
	if c.live == nil {
		c.live = map[liveKey]liveAnswer{}
	}
	for _, k := range keys {
		c.live[k] = liveAnswer{}
	}
	for rows.Next() {
		var value string
		var name sql.NullString // NULL: no live row holds the value
		if err := rows.Scan(&value, &name); err != nil {
			return err
		}
		if name.Valid {
			c.live[liveKey{table, column, value}] = liveAnswer{name: name.String, found: true}
		}
	}
	return rows.Err()
}

// noteLive records a row the transaction just created (perhaps still
// queued) in the answers kept for the duplicate checks.
func (tx *Tx) noteLive(rec data.Record) {
	c, ok := tx.db.Statement.ConnPool.(*execCache)
	if !ok || c.live == nil || rec.SyncInfo().Deleted {
		return
	}
	if k, name, ok := uniqueKey(rec); ok {
		if !c.live[k].found {
			c.live[k] = liveAnswer{name: name, found: true}
		}
	}
}

// knownLive answers a duplicate check from the kept answers; known is
// false when the server must be asked.
func (tx *Tx) knownLive(table data.Table, column, value string) (name *string, known bool) {
	c, ok := tx.db.Statement.ConnPool.(*execCache)
	if !ok || c.live == nil {
		return nil, false
	}
	a, known := c.live[liveKey{table, column, value}]
	if !known || !a.found {
		return nil, known
	}
	return &a.name, true
}
