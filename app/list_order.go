package app

import "duikou/data"

// order is the list's order as the clerk sees it, for an export or a
// print to follow row for row, with the words the title line shows:
// "按姓名升序" for a sorted column (as its arrow shows it), "按录入时间，
// 新的在前" for the order of entry.
func (t *recordTable[T, F]) order() data.Order {
	q := t.rows.query()
	o := data.Order{Sort: q.sort, Desc: q.desc}
	switch {
	case t.sortCol >= 0:
		dir := "升序"
		if t.desc {
			dir = "降序"
		}
		o.Label = "按" + t.cols[t.sortCol].title + dir
	case q.sort == "" || q.sort == "created":
		o.Label = "按录入时间，早的在前"
		if q.desc {
			o.Label = "按录入时间，新的在前"
		}
	}
	return o
}
