package storage

import (
	"duikou/data"
	"encoding/json"
)

// Changes is what one office sends another: the ops the partner has not
// acknowledged, and the full state of every row those ops touch. The rows
// let the partner take in a record whose earlier ops it was never sent (a
// worker whose consent came later, a record relayed from a third office);
// ops alone would leave it with half a row.
type Changes struct {
	From   string           `json:"from"`   // sending office id
	To     string           `json:"to"`     // receiving office id
	Since  map[string]int64 `json:"since"`  // per origin: what the sender believed the receiver held
	Vector map[string]int64 `json:"vector"` // per origin: what the sender holds (its acknowledgement)
	Ops    []WireOp         `json:"ops"`
	Rows   []RowState       `json:"rows"`
	// Built, when set, holds Rows[i] built as a new record ahead of the
	// merge (Store.BuildRecord, by the reader of a file, on its own
	// goroutine), nil where it was not: the merge takes it for a row it
	// lacks instead of building it again. It does not travel.
	Built []data.Record `json:"-"`
}

// WireOp is an Op as it travels.
type WireOp struct {
	Origin string                 `json:"origin"`
	Seq    int64                  `json:"seq"`
	HLC    int64                  `json:"hlc"`
	Table  data.Table             `json:"table"`
	RowID  string                 `json:"row"`
	Fields map[string]FieldChange `json:"fields"`
}

// RowState is a row's whole travelling state: each column's value with
// the op that set it and that op's clock.
type RowState struct {
	Table  data.Table            `json:"table"`
	ID     string                `json:"id"`
	Origin string                `json:"origin"`
	HLC    int64                 `json:"hlc"`
	Fields map[string]FieldState `json:"fields"`
}

// FieldState is one column of a RowState.
type FieldState struct {
	Value json.RawMessage `json:"v"`
	Ref   string          `json:"ref"`
}

func (o *Op) wire() WireOp {
	return WireOp{Origin: o.Origin, Seq: o.Seq, HLC: o.HLC, Table: o.Table, RowID: o.RowID, Fields: o.Fields}
}

func (w *WireOp) op() *Op {
	return &Op{Origin: w.Origin, Seq: w.Seq, HLC: w.HLC, Table: w.Table, RowID: w.RowID, Fields: w.Fields}
}

// syncedTables are the tables that travel, parents before children so a
// new row's foreign keys find their targets.
var syncedTables = []data.Table{data.TableEmployers, data.TableDemands, data.TableWorkers, data.TablePlacements, data.TableFollowUps, data.TableClaims}

// newRecord makes an empty record for a travelling table.
func newRecord(table data.Table) (data.Record, bool) {
	switch table {
	case data.TableWorkers:
		return &data.Worker{}, true
	case data.TableEmployers:
		return &data.Employer{}, true
	case data.TableDemands:
		return &data.Demand{}, true
	case data.TablePlacements:
		return &data.Placement{}, true
	case data.TableFollowUps:
		return &data.FollowUp{}, true
	case data.TableClaims:
		return &data.SubsidyClaim{}, true
	}
	return nil, false
}

func tableRank(table data.Table) int {
	for i, t := range syncedTables {
		if t == table {
			return i
		}
	}
	return len(syncedTables)
}
