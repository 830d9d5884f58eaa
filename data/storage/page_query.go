package storage

import (
	"duikou/data"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// sortKey maps a list's sort key to its column and how to read the value
// back from a row for the next cursor.
type sortKey[T any] struct {
	column string
	value  func(*T) any
}

// pageQuery applies ordering and keyset/offset to q. The id tiebreak makes
// the order total, so no row is skipped or repeated between pages.
func pageQuery[T any](q *gorm.DB, keys map[string]sortKey[T], def string, p data.Page) (*gorm.DB, sortKey[T], error) {
	name := p.Sort
	if name == "" {
		name = def
	}
	k, ok := keys[name]
	if !ok {
		return nil, k, fmt.Errorf("data: unknown sort key %q", name)
	}
	dir, cmp := "ASC", ">"
	if p.Desc {
		dir, cmp = "DESC", "<"
	}
	col := k.column
	if p.After != nil {
		if col == "id" {
			q = q.Where(fmt.Sprintf("id %s ?", cmp), p.After.ID)
		} else {
			// The same condition as (col > v OR (col = v AND id > i)),
			// written with a leading range on col so the planner can start
			// the column's index at v even when it does not split the OR.
			q = q.Where(fmt.Sprintf("%s %s= ? AND (%s %s ? OR id %s ?)", col, cmp, col, cmp, cmp),
				p.After.Value, p.After.Value, p.After.ID)
		}
	} else if p.Offset > 0 {
		q = q.Offset(p.Offset)
	}
	order := col + " " + dir
	if col != "id" {
		order += ", id " + dir
	}
	limit := p.Limit
	if limit <= 0 {
		limit = 100
	}
	return q.Order(order).Limit(limit), k, nil
}

// list runs a paged query and returns the rows and the cursor after the
// last one (nil when the page was not full: there is no more).
func list[T any](q *gorm.DB, keys map[string]sortKey[T], def string, p data.Page, idOf func(*T) string) ([]T, *data.Cursor, error) {
	q, k, err := pageQuery(q, keys, def, p)
	if err != nil {
		return nil, nil, err
	}
	var rows []T
	if err := q.Find(&rows).Error; err != nil {
		return nil, nil, err
	}
	limit := p.Limit
	if limit <= 0 {
		limit = 100
	}
	if len(rows) < limit {
		return rows, nil, nil
	}
	last := &rows[len(rows)-1]
	return rows, &data.Cursor{Value: k.value(last), ID: idOf(last)}, nil
}

// regionPrefix turns a region code at any level into the prefix its
// descendants share: 620000 -> 62, 620100 -> 6201, 620123 -> 620123.
func regionPrefix(code string) string {
	switch {
	case len(code) == 6 && strings.HasSuffix(code, "0000"):
		return code[:2]
	case len(code) == 6 && strings.HasSuffix(code, "00"):
		return code[:4]
	}
	return code
}

// likeEscape escapes LIKE wildcards in user text (ESCAPE '\').
func likeEscape(s string) string {
	return likeEscaper.Replace(s)
}

// likeEscaper is built once: building a Replacer costs more than using it.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
