package match

import (
	"cmp"
	"slices"
)

// occPostings lists, for every occupation id, the eligible rows (those
// that can be put forward) that hold it as a skill and those that wish
// for it (意向工种). A demand's top workers almost always hold its own 工种
// or a close one, so a query reads the lists of the related occupations,
// best first, and stops as soon as no worker left unread can enter its top
// k (see rankRelated): for a common 工种 that is a tenth of the workers or
// less, instead of all of them.
//
// Each list starts with the rows it had when it was last rebuilt, in the
// order of the tie-break (a 脱贫户 or 监测对象 first, then the earliest
// 可到岗日期; see workerKey): among the workers who reach the same score,
// the first ones listed win, so a query can stop reading a list once even
// the list's best score, with the tie-break of the row it is at, would not
// enter its top k. Rows written since (moved) are appended after that
// sorted part and read in full; their old entries in it no longer count
// for stopping.
//
// Every eligible row is in the lists of all its occupations; that is the
// invariant the query's bound rests on. Rows that cannot be put forward
// are left out: no ranking or job fair takes them. A list may also hold
// stale entries (a row that no longer has the occupation, a row past the
// end, the same row twice): the query scores every row it reads exactly
// and reads each row once, so a stale entry costs a little time, never a
// wrong answer. Once the stale and appended entries are half of them, the
// lists are rebuilt.
type occPostings struct {
	skill, wish             [][]int32 // by occupation id
	skillSorted, wishSorted []int     // the length of each list's sorted part
	sortedRows              int       // rows when the lists were rebuilt
	moved                   rowSet    // rows among those written since
	entries                 int       // all entries, stale ones included
	unsorted                int       // entries stale or appended since the rebuild
}

// postingsRebuildMin: below this many unsorted entries a rebuild is not
// worth its pass over every row.
const postingsRebuildMin = 1 << 12

func addPosting(lists *[][]int32, occ, row int32) {
	for int(occ) >= len(*lists) {
		*lists = append(*lists, nil)
	}
	(*lists)[occ] = append((*lists)[occ], row)
}

// skillOcc is the occupation id of a skill entry.
func skillOcc(s int32) int32 { return s >> levelBits }

// addRow lists row under each occupation of skills and wishes, after the
// sorted parts.
func (p *occPostings) addRow(row int32, skills, wishes []int32) {
	for i, s := range skills {
		if o := skillOcc(s); !hasSkillOcc(skills[:i], o) {
			addPosting(&p.skill, o, row)
			p.entries++
			p.unsorted++
		}
	}
	for i, o := range wishes {
		if !has(wishes[:i], o) {
			addPosting(&p.wish, o, row)
			p.entries++
			p.unsorted++
		}
	}
}

// rewrite notes that row is being written: its entries so far (under
// skills and wishes) no longer count, and it is listed afresh under
// newSkills and newWishes.
func (p *occPostings) rewrite(row int32, skills, wishes, newSkills, newWishes []int32) {
	for i, s := range skills {
		if !hasSkillOcc(skills[:i], skillOcc(s)) {
			p.unsorted++
		}
	}
	for i, o := range wishes {
		if !has(wishes[:i], o) {
			p.unsorted++
		}
	}
	if int(row) < p.sortedRows {
		p.moved.add(row)
	}
	p.addRow(row, newSkills, newWishes)
}

func has(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func hasSkillOcc(skills []int32, o int32) bool {
	for _, s := range skills {
		if skillOcc(s) == o {
			return true
		}
	}
	return false
}

// listed is what row is listed under: its skills and wishes when it is
// eligible, else nothing.
func (c *workerColumns) listed(row int32) (skills, wishes []int32) {
	if c.flags[row]&flagEligible == 0 {
		return nil, nil
	}
	skills, wishes, _ = c.features(row)
	return skills, wishes
}

// tieBits is the tie-break part of a row's workerKey.
func (c *workerColumns) tieBits(row int32) int64 {
	return workerKey(0, c.flags[row]&flagFirst != 0, c.avail[row])
}

// rebuild lists every eligible row of c afresh, without stale entries,
// each list in tie-break order.
func (p *occPostings) rebuild(c *workerColumns) {
	order := c.tieOrder()
	var skillN, wishN []int32
	count := func(n *[]int32, o int32) {
		for int(o) >= len(*n) {
			*n = append(*n, 0)
		}
		(*n)[o]++
	}
	for row := range int32(c.len()) { // counting needs no order: read the rows as they lie
		skills, wishes := c.listed(row)
		for i, s := range skills {
			if o := skillOcc(s); !hasSkillOcc(skills[:i], o) {
				count(&skillN, o)
			}
		}
		for i, o := range wishes {
			if !has(wishes[:i], o) {
				count(&wishN, o)
			}
		}
	}
	*p = occPostings{skill: make([][]int32, len(skillN)), wish: make([][]int32, len(wishN))}
	for o, n := range skillN {
		p.skill[o] = make([]int32, 0, n)
	}
	for o, n := range wishN {
		p.wish[o] = make([]int32, 0, n)
	}
	for _, row := range order {
		skills, wishes := c.listed(row)
		p.addRow(row, skills, wishes)
	}
	p.skillSorted, p.wishSorted = lengths(p.skill), lengths(p.wish)
	p.sortedRows, p.moved, p.unsorted = c.len(), newRowSet(c.len()), 0
}

func lengths(lists [][]int32) []int {
	n := make([]int, len(lists))
	for i, l := range lists {
		n[i] = len(l)
	}
	return n
}

// tieOrder is the eligible rows by falling tieBits, in row order among
// equals. Dates span a few years, so the rows are counted into one bucket
// per flag and day; a span too wide for that is sorted instead.
func (c *workerColumns) tieOrder() []int32 {
	var rows []int32
	lo, hi, dated := day(0), day(0), false
	for row := range int32(c.len()) {
		if c.flags[row]&flagEligible == 0 {
			continue
		}
		if a := c.avail[row]; a != noDay {
			if !dated {
				lo, hi, dated = a, a, true
			}
			lo, hi = min(lo, a), max(hi, a)
		}
		rows = append(rows, row)
	}
	span := int64(hi) - int64(lo) + 2 // the days, and noDay last
	if span > 1<<20 {
		slices.SortStableFunc(rows, func(a, b int32) int { return cmp.Compare(c.tieBits(b), c.tieBits(a)) })
		return rows
	}
	bucket := func(row int32) int64 {
		b := span - 1
		if a := c.avail[row]; a != noDay {
			b = int64(a - lo)
		}
		if c.flags[row]&flagFirst == 0 {
			b += span
		}
		return b
	}
	at := make([]int, 2*span+1)
	for _, row := range rows {
		at[bucket(row)+1]++
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	out := make([]int32, len(rows))
	for _, row := range rows {
		b := bucket(row)
		out[at[b]] = row
		at[b]++
	}
	return out
}

// settle rebuilds the lists once half their entries are stale or
// appended since the last rebuild.
func (p *occPostings) settle(c *workerColumns) {
	if p.unsorted > postingsRebuildMin && 2*p.unsorted > p.entries {
		p.rebuild(c)
	}
}
