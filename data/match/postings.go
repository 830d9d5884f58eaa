package match

// occPostings lists, for every occupation id, the eligible rows (those
// that can be put forward) that hold it as a skill and those that wish
// for it (意向工种). A demand's top workers
// almost always hold its own 工种 or a close one, so a query reads the
// lists of the related occupations, best first, and stops as soon as no
// worker left unread can enter its top k (see rankRelated): for a common
// 工种 that is a tenth of the workers or less, instead of all of them.
//
// Every eligible row is in the lists of all its occupations; that is the
// invariant the query's bound rests on. Rows that cannot be put forward
// are left out: no ranking or job fair takes them. A list may also hold stale entries (a row
// that no longer has the occupation, a row past the end, the same row
// twice): the query scores every row it reads exactly and reads each row
// once, so a stale entry costs a little time, never a wrong answer. Writes
// only append; once the stale entries are as many as the live ones, the
// lists are rebuilt.
type occPostings struct {
	skill, wish [][]int32 // by occupation id
	entries     int       // all entries, stale ones included
	stale       int
}

// postingsRebuildMin: below this many stale entries a rebuild is not
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

// addRow lists row under the occupations of skills and wishes that it is
// not listed under already (those in the had lists, in the same encoding).
func (p *occPostings) addRow(row int32, skills, wishes, hadSkills, hadWishes []int32) {
	for i, s := range skills {
		o := skillOcc(s)
		if !hasSkillOcc(skills[:i], o) && !hasSkillOcc(hadSkills, o) {
			addPosting(&p.skill, o, row)
			p.entries++
		}
	}
	for i, o := range wishes {
		if !has(wishes[:i], o) && !has(hadWishes, o) {
			addPosting(&p.wish, o, row)
			p.entries++
		}
	}
}

// dropRow counts the entries of a row's skills and wishes that no longer
// apply, those not in the kept lists.
func (p *occPostings) dropRow(skills, wishes, keptSkills, keptWishes []int32) {
	for i, s := range skills {
		o := skillOcc(s)
		if !hasSkillOcc(skills[:i], o) && !hasSkillOcc(keptSkills, o) {
			p.stale++
		}
	}
	for i, o := range wishes {
		if !has(wishes[:i], o) && !has(keptWishes, o) {
			p.stale++
		}
	}
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

// rebuild lists every row of c afresh, in row order, without stale entries.
func (p *occPostings) rebuild(c *workerColumns) {
	var skillN, wishN []int32
	count := func(n *[]int32, o int32) {
		for int(o) >= len(*n) {
			*n = append(*n, 0)
		}
		(*n)[o]++
	}
	for row := range int32(c.len()) {
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
	for row := range int32(c.len()) {
		skills, wishes := c.listed(row)
		p.addRow(row, skills, wishes, nil, nil)
	}
}

// settle rebuilds the lists once half their entries are stale.
func (p *occPostings) settle(c *workerColumns) {
	if p.stale > postingsRebuildMin && 2*p.stale > p.entries {
		p.rebuild(c)
	}
}
