package storage

import (
	"duikou/data"
	"strings"

	"gorm.io/gorm"

	"golang.org/x/text/width"
)

var workerSorts = map[string]sortKey[data.Worker]{
	"created": {"id", func(w *data.Worker) any { return w.ID }},
	"name":    {"name", func(w *data.Worker) any { return w.Name }},
	"sex":     {"sex", func(w *data.Worker) any { return w.Sex }},
	// Older first when ascending by age is newer birth dates last; the
	// list asks for "birth" and flips Desc itself for an age column.
	"birth":  {"birth", func(w *data.Worker) any { return w.Birth }},
	"region": {"hukou_region", func(w *data.Worker) any { return w.HukouRegion }},
	"occ":    {"main_occ", func(w *data.Worker) any { return w.MainOcc }},
	"level":  {"main_level", func(w *data.Worker) any { return w.MainLevel }},
	"status": {"status", func(w *data.Worker) any { return w.Status }},
	"phone":  {"phone", func(w *data.Worker) any { return w.Phone }},
}

func (s *Store) workerQuery(f data.WorkerFilter) *gorm.DB {
	q := s.db.Model(&data.Worker{}).Where("deleted = ?", false)
	if f.Region != "" {
		q = q.Where("hukou_region LIKE ?", regionPrefix(f.Region)+"%")
	}
	if f.Occupation != "" {
		q = q.Where(`occ_keys LIKE ? ESCAPE '\'`, "%|"+likeEscape(f.Occupation)+"|%")
	}
	q = whereIs(q, "status", f.Status)
	q = whereIs(q, "poverty", f.Poverty)
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + likeEscape(t) + "%"
		// ID numbers and phones are stored normalised; normalise the
		// search text the same way so "x" finds "X" and full-width digits work.
		num := "%" + likeEscape(normalizeNumber(t)) + "%"
		q = q.Where(`(name `+s.dialect.likeAnyCase()+` ? ESCAPE '\' OR id_number LIKE ? ESCAPE '\' OR phone LIKE ? ESCAPE '\')`, like, num, num)
	}
	return workersBehind(q, f.Figure) // stats_lists.go
}

// ListWorkers returns one page of live workers.
func (s *Store) ListWorkers(f data.WorkerFilter, p data.Page) ([]data.Worker, *data.Cursor, error) {
	return list(s.workerQuery(f), workerSorts, "created", p, func(w *data.Worker) string { return w.ID })
}

// CountWorkers counts live workers matching f.
func (s *Store) CountWorkers(f data.WorkerFilter) (int64, error) {
	var n int64
	err := s.workerQuery(f).Count(&n).Error
	return n, err
}

// FindWorkerByIDNumber finds the live worker with this ID number, if any.
func (s *Store) FindWorkerByIDNumber(idNumber string) (*data.Worker, error) {
	return firstOf[data.Worker](s.db.Where("id_number = ? AND deleted = ?", idNumber, false))
}

// normalizeNumber folds full-width characters and case and drops spaces,
// as ID numbers and phones are stored.
func normalizeNumber(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(width.Narrow.String(s)), ""))
}
