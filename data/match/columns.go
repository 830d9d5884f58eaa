package match

import (
	"math"

	"duikou/data/catalog"
)

// workerColumns holds the matching features of every indexed worker as
// parallel arrays indexed by row, with no pointers per worker: the hot loop
// reads a few bytes per worker from memory it streams through, and the
// garbage collector has almost nothing to scan. Variable-length lists live
// in one shared feat array, strings in one byte arena.
type workerColumns struct {
	flags []uint8 // flagEligible, flagFemale, flagLifted, flagMonitored
	birth []day   // noDay when unknown
	avail []day   // noDay when available at once
	wage  []int64 // expected monthly wage in fen
	home  []int32 // region id of the household registration province, -1 none

	// feat[featAt[i]:] holds nSkill skills (occupation id<<3 | level), then
	// nOcc desired occupation ids, then nReg desired region ids.
	featAt             []uint32
	nSkill, nOcc, nReg []uint8
	feat               []int32
	featDead           int // entries no row uses any more

	// text[textAt[i]:] holds the ID (idLen bytes, as ids.go keeps it) and
	// then the name.
	textAt         []uint32
	idLen, nameLen []uint16
	text           []byte
	textDead       int
	ids            idTable

	byOcc occPostings // rows by skill and wished occupation
}

const (
	flagEligible uint8 = 1 << iota
	flagFemale
	flagLifted    // 脱贫户
	flagMonitored // 监测对象
	flagPackedID  // the ID is kept as a UUID's 16 bytes (ids.go)

	flagFirst = flagLifted | flagMonitored // first among equal scores
)

// Limits of the compact encoding. Longer lists are cut: no real worker
// holds 255 skills or names 255 regions.
const (
	maxListLen = math.MaxUint8
	maxTextLen = math.MaxUint16
	maxLevel   = 7 // three bits in a skill entry
	levelBits  = 3
	compactMin = 1 << 12 // do not bother compacting small arenas
)

func (c *workerColumns) len() int { return len(c.flags) }

func (c *workerColumns) idAt(row int32) []byte {
	at := c.textAt[row]
	return c.text[at : at+uint32(c.idLen[row])]
}

func (c *workerColumns) nameAt(row int32) []byte {
	at := c.textAt[row] + uint32(c.idLen[row])
	return c.text[at : at+uint32(c.nameLen[row])]
}

// features returns a row's three lists.
func (c *workerColumns) features(row int32) (skills, occs, regions []int32) {
	at := c.featAt[row]
	ns, no, nr := uint32(c.nSkill[row]), uint32(c.nOcc[row]), uint32(c.nReg[row])
	f := c.feat[at : at+ns+no+nr : at+ns+no+nr]
	return f[:ns], f[ns : ns+no], f[ns+no:]
}

// encoded is one worker's features ready to be stored.
type encoded struct {
	flags                 uint8
	birth, avail          day
	wage                  int64
	home                  int32
	skills, occs, regions []int32
	id, name              string
}

// listed is what the worker is listed under in the occupation lists (see
// workerColumns.listed).
func (e encoded) listed() (skills, wishes []int32) {
	if e.flags&flagEligible == 0 {
		return nil, nil
	}
	return e.skills, e.occs
}

func encodeWorker(w Worker, occ, reg *interner) encoded {
	e := encoded{
		birth: dayOf(w.Birth),
		avail: dayOf(w.AvailableFrom),
		wage:  w.ExpectedWageFen,
		home:  -1,
		name:  w.Name,
	}
	var packed bool
	if e.id, packed = idKey(w.ID); packed {
		e.flags |= flagPackedID
	}
	if w.Eligible {
		e.flags |= flagEligible
	}
	if w.Female {
		e.flags |= flagFemale
	}
	switch w.Priority {
	case PriorityLifted:
		e.flags |= flagLifted
	case PriorityMonitored:
		e.flags |= flagMonitored
	}
	if w.HomeProvince != "" {
		e.home = reg.id(w.HomeProvince)
	}
	for _, s := range w.Skills[:min(len(w.Skills), maxListLen)] {
		lv := min(max(s.Level, catalog.LevelNone), maxLevel)
		e.skills = append(e.skills, occ.id(s.Occupation)<<levelBits|int32(lv))
	}
	for _, o := range w.DesiredOccupations[:min(len(w.DesiredOccupations), maxListLen)] {
		e.occs = append(e.occs, occ.id(o))
	}
	for _, r := range w.DesiredRegions[:min(len(w.DesiredRegions), maxListLen)] {
		e.regions = append(e.regions, reg.id(r))
	}
	// IDs are UUIDs and names a few characters; the cut only keeps an
	// absurd value from corrupting the arena.
	e.id = e.id[:min(len(e.id), maxTextLen)]
	e.name = e.name[:min(len(e.name), maxTextLen-len(e.id))]
	return e
}

// decode rebuilds the Worker a row was made from, for explaining a result.
func (c *workerColumns) decode(row int32, occ, reg *interner) Worker {
	w := Worker{
		ID:              c.idText(row),
		Name:            string(c.nameAt(row)),
		Female:          c.flags[row]&flagFemale != 0,
		Eligible:        c.flags[row]&flagEligible != 0,
		Birth:           c.birth[row].date(),
		AvailableFrom:   c.avail[row].date(),
		ExpectedWageFen: c.wage[row],
	}
	if h := c.home[row]; h >= 0 {
		w.HomeProvince = reg.keys[h]
	}
	switch f := c.flags[row]; {
	case f&flagLifted != 0:
		w.Priority = PriorityLifted
	case f&flagMonitored != 0:
		w.Priority = PriorityMonitored
	}
	skills, occs, regions := c.features(row)
	for _, s := range skills {
		w.Skills = append(w.Skills, Skill{Occupation: occ.keys[s>>levelBits], Level: catalog.SkillLevel(s & maxLevel)})
	}
	for _, o := range occs {
		w.DesiredOccupations = append(w.DesiredOccupations, occ.keys[o])
	}
	for _, r := range regions {
		w.DesiredRegions = append(w.DesiredRegions, reg.keys[r])
	}
	return w
}

// append adds a new row and returns it.
func (c *workerColumns) append(e encoded) int32 {
	row := int32(c.len())
	c.flags = append(c.flags, e.flags)
	c.birth = append(c.birth, e.birth)
	c.avail = append(c.avail, e.avail)
	c.wage = append(c.wage, e.wage)
	c.home = append(c.home, e.home)
	c.featAt = append(c.featAt, 0)
	c.nSkill = append(c.nSkill, 0)
	c.nOcc = append(c.nOcc, 0)
	c.nReg = append(c.nReg, 0)
	c.textAt = append(c.textAt, 0)
	c.idLen = append(c.idLen, 0)
	c.nameLen = append(c.nameLen, 0)
	c.writeLists(row, e, false)
	c.writeText(row, e, false)
	skills, wishes := e.listed()
	c.byOcc.rewrite(row, nil, nil, skills, wishes)
	return row
}

// overwrite replaces a row's features, reusing its list and text space
// when the new ones fit.
func (c *workerColumns) overwrite(row int32, e encoded) {
	skills, wishes := c.listed(row)
	newSkills, newWishes := e.listed()
	c.byOcc.rewrite(row, skills, wishes, newSkills, newWishes)
	c.flags[row] = e.flags
	c.birth[row] = e.birth
	c.avail[row] = e.avail
	c.wage[row] = e.wage
	c.home[row] = e.home
	c.writeLists(row, e, true)
	c.writeText(row, e, true)
}

func (c *workerColumns) writeLists(row int32, e encoded, reuse bool) {
	old := int(c.nSkill[row]) + int(c.nOcc[row]) + int(c.nReg[row])
	n := len(e.skills) + len(e.occs) + len(e.regions)
	at := c.featAt[row]
	if reuse && n <= old {
		c.featDead += old - n
	} else {
		if reuse {
			c.featDead += old
		}
		at = uint32(len(c.feat))
		c.feat = append(c.feat, make([]int32, n)...)
	}
	dst := c.feat[at : int(at)+n]
	copy(dst, e.skills)
	copy(dst[len(e.skills):], e.occs)
	copy(dst[len(e.skills)+len(e.occs):], e.regions)
	c.featAt[row] = at
	c.nSkill[row], c.nOcc[row], c.nReg[row] = uint8(len(e.skills)), uint8(len(e.occs)), uint8(len(e.regions))
}

func (c *workerColumns) writeText(row int32, e encoded, reuse bool) {
	old := int(c.idLen[row]) + int(c.nameLen[row])
	n := len(e.id) + len(e.name)
	at := c.textAt[row]
	if reuse && n <= old {
		c.textDead += old - n
	} else {
		if reuse {
			c.textDead += old
		}
		at = uint32(len(c.text))
		c.text = append(c.text, make([]byte, n)...)
	}
	copy(c.text[at:], e.id)
	copy(c.text[int(at)+len(e.id):], e.name)
	c.textAt[row] = at
	c.idLen[row], c.nameLen[row] = uint16(len(e.id)), uint16(len(e.name))
}

// moveRow copies row from into row to (for swap-removal); the caller fixes
// the ID table and truncates.
func (c *workerColumns) moveRow(to, from int32) {
	c.flags[to] = c.flags[from]
	c.birth[to] = c.birth[from]
	c.avail[to] = c.avail[from]
	c.wage[to] = c.wage[from]
	c.home[to] = c.home[from]
	c.featAt[to] = c.featAt[from]
	c.nSkill[to], c.nOcc[to], c.nReg[to] = c.nSkill[from], c.nOcc[from], c.nReg[from]
	c.textAt[to] = c.textAt[from]
	c.idLen[to], c.nameLen[to] = c.idLen[from], c.nameLen[from]
}

// dropLast removes the last row, whose space the caller has accounted for.
func (c *workerColumns) dropLast() {
	n := c.len() - 1
	c.flags = c.flags[:n]
	c.birth = c.birth[:n]
	c.avail = c.avail[:n]
	c.wage = c.wage[:n]
	c.home = c.home[:n]
	c.featAt = c.featAt[:n]
	c.nSkill, c.nOcc, c.nReg = c.nSkill[:n], c.nOcc[:n], c.nReg[:n]
	c.textAt = c.textAt[:n]
	c.idLen, c.nameLen = c.idLen[:n], c.nameLen[:n]
}

// compact rewrites the feature and text arenas in row order once more than
// half of either is dead, which also restores the sequential layout the
// hot loop streams through best. Amortised over the writes that made the
// garbage, it costs O(1) per write.
func (c *workerColumns) compact() {
	if c.featDead > compactMin && 2*c.featDead > len(c.feat) {
		feat := make([]int32, 0, len(c.feat)-c.featDead)
		for row := range int32(c.len()) {
			s, o, r := c.features(row)
			c.featAt[row] = uint32(len(feat))
			feat = append(append(append(feat, s...), o...), r...)
		}
		c.feat, c.featDead = feat, 0
	}
	if c.textDead > compactMin && 2*c.textDead > len(c.text) {
		text := make([]byte, 0, len(c.text)-c.textDead)
		for row := range int32(c.len()) {
			at, n := c.textAt[row], uint32(c.idLen[row])+uint32(c.nameLen[row])
			c.textAt[row] = uint32(len(text))
			text = append(text, c.text[at:at+n]...)
		}
		c.text, c.textDead = text, 0
	}
}
