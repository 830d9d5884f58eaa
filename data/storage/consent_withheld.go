package storage

import "duikou/data"

// restateWithheld notes, for each worker whose consent this import gives
// back here, the edits our clerk made while it was withdrawn here that
// still stand, for reissueReused to restate in an op of our own.
//
// Why: while a worker lacks consent the scope keeps its ops here (only a
// withdrawal travels), but the files we send meanwhile still report our
// whole log in their vector, so every partner takes itself to hold those
// ops, and the next files do not carry them. A consent given back by our
// own clerk is an op of ours and brings the row's state along; one that
// arrives in a file writes nothing of ours, so without this the edits
// stay here for good (seed 830 of TestExchangeConvergesAcrossRestores:
// 南京 withdrew a worker, then typed notes; 榆中's re-consent reached
// 南京, and the notes never left it. Seed 697: a deletion the same way).
// The consent column itself is never restated: an office that withdrew
// it again since must win.
//
// Which workers lacked consent before the import is what readRows saw
// (m.unconsented): no query here, where one per 500 updated workers used
// to cost a 100,000-row import some 200 more.
func (m *merge) restateWithheld() error {
	for _, id := range sortedKeys(m.touched[data.TableWorkers]) {
		withdrawnRef, was := m.unconsented[id]
		w, ok := m.rows[data.TableWorkers][id].(*data.Worker)
		if !was || !ok || !w.Consent {
			continue // had consent, or still lacks it (a row we lacked was not read)
		}
		if err := m.noteWithheld(id, withdrawnRef); err != nil {
			return err
		}
	}
	return nil
}

// noteWithheld notes our ops on a worker clocked after withdrawnRef, the
// op that left it without consent here: our clock had seen that op when
// we made them, so they were made while the worker could not travel.
// (One made before the withdrawal reached us and clocked later is
// restated needlessly: a partner holding it fast-forwards.)
func (m *merge) noteWithheld(id, withdrawnRef string) error {
	_, _, since, _ := parseRef(withdrawnRef) // 0 if none: created without consent
	var ops []Op
	if err := m.tx.db.Where("tbl = ? AND row_id = ? AND origin = ? AND hlc > ?", data.TableWorkers, id, m.tx.origin, since).
		Order("seq").Find(&ops).Error; err != nil {
		return err
	}
	for i := range ops {
		for col := range ops[i].Fields {
			if col != consentColumn {
				m.noteReissue(data.TableWorkers, id, col, ops[i].Ref()) // restated only if it still stands
			}
		}
	}
	return nil
}
