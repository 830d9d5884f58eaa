package match

import (
	"slices"
	"time"

	"duikou/data/catalog"
)

// Candidate is a worker ranked for a demand. Its Result is Score's for
// the pair, with the TieNote of the ranking it came from.
type Candidate struct {
	WorkerID, Name string
	Result         Result
}

// DemandCandidate is a demand ranked for a worker.
type DemandCandidate struct {
	DemandID, Title, EmployerName string
	Result                        Result
}

// workerQuery is one demand prepared for the hot loop: every catalog
// question the loop could ask is answered once, into tables indexed by the
// interned ids, so the loop does arithmetic and array reads only.
type workerQuery struct {
	occRel        []float64 // relatedness of each occupation id to the demand's
	occWish       []float64 // the same for an occupation only wished for
	occ           int32     // the demand's occupation id; -1 if no worker has it
	minLevel      catalog.SkillLevel
	regFit        []float64 // fit of each region id as a desired region
	partnerListed bool
	partner       []bool // region id (as a home province) is a partner province
	sex           SexRequirement
	age           ageFilter
	offer         int64
	today, start  day
}

func (ix *Index) newWorkerQuery(d Demand, today time.Time) *workerQuery {
	q := &workerQuery{
		occ:           -1,
		minLevel:      d.MinLevel,
		partnerListed: len(d.PartnerProvinces) > 0,
		sex:           d.Sex,
		age:           newAgeFilter(d, today),
		offer:         wageOffer(d),
		today:         dayOf(today),
	}
	q.start = max(dayOf(d.StartDate), q.today)
	if id, ok := ix.occ.ids[d.Occupation]; ok {
		q.occ = id
	}
	q.occRel = make([]float64, len(ix.occ.keys))
	q.occWish = make([]float64, len(ix.occ.keys))
	for i, key := range ix.occ.keys {
		q.occRel[i] = catalog.Relatedness(key, d.Occupation)
		q.occWish[i] = wished(q.occRel[i])
	}
	q.regFit = make([]float64, len(ix.reg.keys))
	if q.partnerListed {
		q.partner = make([]bool, len(ix.reg.keys))
	}
	for i, code := range ix.reg.keys {
		q.regFit[i] = regionFit(d.WorkRegion, code)
		if q.partnerListed {
			q.partner[i] = inPartnerProvince(code, d.PartnerProvinces)
		}
	}
	return q
}

// ranked is a scanned worker: its workerKey and row.
type ranked struct {
	key int64
	row int32
}

// TopWorkers ranks the eligible workers for demand d on today and returns
// the best k, best first, each fully explained. Order: band, then score;
// among equal scores (in the same band) a 脱贫户 or 监测对象 first, then the
// longest waiting (the earliest 可到岗日期; workers without one after those
// with one), then the worker ID (UUIDv7 IDs sort by registration, so the
// worker who registered first). A closed or filled demand has no
// candidates.
//
// A candidate placed ahead of another one in the result with an equal
// score by the tie-break gets a TieNote (see tieNotes); the ID deciding
// earns none.
func (ix *Index) TopWorkers(d Demand, k int, today time.Time) []Candidate {
	if k <= 0 || !d.Open || d.Left <= 0 {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	c := &ix.workers
	q := ix.newWorkerQuery(d, today)
	better := func(a, b ranked) bool {
		if a.key != b.key {
			return a.key > b.key
		}
		return c.compareIDs(a.row, b.row) < 0
	}

	best := c.rank(q, min(k, c.len()), better)

	out := make([]Candidate, len(best))
	ties := make([]tieFacts, len(best))
	for i, r := range best {
		w := c.decode(r.row, &ix.occ, &ix.reg)
		out[i] = Candidate{WorkerID: w.ID, Name: w.Name, Result: Score(w, d, today)}
		ties[i] = tieFacts{rank: rankKey(out[i].Result.Band, out[i].Result.Score), priority: w.Priority, avail: c.avail[r.row]}
	}
	for i, note := range tieNotes(ties) {
		if note != "" {
			out[i].Result.TieNote = note
			out[i].Result.Matched = append(out[i].Result.Matched, note)
		}
	}
	return out
}

// tieFacts is what the tie-break looks at in one ranked worker.
type tieFacts struct {
	rank     int64 // rankKey: band and score
	priority Priority
	avail    day // 可到岗日期; noDay when not given
}

// tieNotes explains the tie-breaks in a ranking ts, best first, ordered as
// TopWorkers orders it. Worker i is noted when some worker after it in ts
// has the same band and score and the tie-break, not the ID, put i first:
// "同分优先：脱贫户" (or 监测对象) when i is one and such a worker is not;
// otherwise "同分优先：待业最久" when such a worker of i's own priority
// waited less (a later 可到岗日期, or none). Only the workers in ts count,
// so the note may differ with the number of workers asked for.
func tieNotes(ts []tieFacts) []string {
	notes := make([]string, len(ts))
	for lo := 0; lo < len(ts); {
		hi := lo + 1
		for hi < len(ts) && ts[hi].rank == ts[lo].rank {
			hi++
		}
		// ts[lo:hi] is one tie: its first-priority workers, then the
		// others, each run by 可到岗日期. lastFirst ends the first run.
		lastFirst := lo - 1
		for j := lo; j < hi && ts[j].priority.first(); j++ {
			lastFirst = j
		}
		for i := lo; i < hi; i++ {
			last := hi - 1 // the last worker of i's own run
			if ts[i].priority.first() {
				if lastFirst < hi-1 {
					notes[i] = "同分优先：" + ts[i].priority.Label()
					continue
				}
				last = lastFirst
			}
			if waitedLess(ts[last].avail, ts[i].avail) {
				notes[i] = "同分优先：待业最久"
			}
		}
		lo = hi
	}
	return notes
}

// waitedLess reports whether a worker available from a waited less than
// one available from b: a is later, or unknown where b is known.
func waitedLess(a, b day) bool {
	return b != noDay && (a == noDay || a > b)
}

// scan offers the eligible rows in [lo, hi) that skip does not mark (nil:
// none) to h.
func (c *workerColumns) scan(q *workerQuery, lo, hi int32, skip rowSet, h *topK[ranked]) {
	for row := lo; row < hi; row++ {
		if !skip.has(row) {
			c.offer(q, row, h)
		}
	}
}

// offer offers row to h if it can enter it.
func (c *workerColumns) offer(q *workerQuery, row int32, h *topK[ranked]) {
	floor := int64(0)
	if h.full() {
		floor = h.root().key >> rankShift
	}
	if key, ok := c.keyAbove(q, row, floor); ok && !(h.full() && key < h.root().key) {
		h.offer(ranked{key, row})
	}
}

// keyAbove is the hot loop's body: the workerKey of row for q, computed
// with the same functions Score uses; false when a hard filter rules the
// row out, or when its rank (rankKey) is sure to fall below floor. The
// parts are added in turn, and after each the rank the row could still
// reach is checked against floor: once a ranking holds its k workers, most
// rows are dropped before their places, wage and start are read.
func (c *workerColumns) keyAbove(q *workerQuery, row int32, floor int64) (int64, bool) {
	flags := c.flags[row]
	if flags&flagEligible == 0 ||
		(q.sex == MaleOnly && flags&flagFemale != 0) ||
		(q.sex == FemaleOnly && flags&flagFemale == 0) ||
		!q.age.admits(c.birth[row]) {
		return 0, false
	}
	skills, occs, regions := c.features(row)
	occ, level := 0.0, catalog.LevelNone
	for _, s := range skills {
		o := s >> levelBits
		if r := q.occRel[o]; r > occ {
			occ = r
		}
		if lv := catalog.SkillLevel(s & maxLevel); o == q.occ && lv > level {
			level = lv
		}
	}
	for _, o := range occs {
		if r := q.occWish[o]; r > occ {
			occ = r
		}
	}
	skill := skillValue(level, q.minLevel)
	if floor > 0 && rankCeiling(occ, skill, 1, 1, 1) < floor {
		return 0, false
	}
	fit := 0.0
	if len(regions) == 0 {
		fit = NoDesiredRegionFit
	}
	for _, g := range regions {
		if f := q.regFit[g]; f > fit {
			fit = f
		}
	}
	home := c.home[row]
	loc := locationValue(fit, q.partnerListed, q.partnerListed && home >= 0 && q.partner[home])
	if floor > 0 && rankCeiling(occ, skill, loc, 1, 1) < floor {
		return 0, false
	}
	avail := c.avail[row]
	late := max(avail, q.today) - q.start
	score := total(occ, skill, loc, wageValue(q.offer, c.wage[row]), availabilityValue(late))
	return workerKey(rankKey(bandOf(score, occ, holdOf(occ, loc, late)), score),
		flags&flagFirst != 0, avail), true
}

// rankCeiling is the highest rankKey of a worker whose parts are at most
// these values, in the best band its occupation and location parts allow.
// The score is total's, which rounds a sum of non-negative products and
// so never falls when a part rises: the ceiling is exact, and a worker
// who has every part at its maximum reaches it.
func rankCeiling(occ, skill, loc, wage, avail float64) int64 {
	band := NotRecommended
	switch {
	case occ <= 0:
	case occ >= StrongMinOccupation && loc >= StrongMinLocation:
		band = Strong
	default:
		band = Consider
	}
	return rankKey(band, total(occ, skill, loc, wage, avail))
}

// TopDemands ranks the demands worker w is eligible for on today and
// returns the best k, best first (band, score, then demand ID).
func (ix *Index) TopDemands(w Worker, k int, today time.Time) []DemandCandidate {
	if k <= 0 {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	type scored struct {
		key int64
		i   int
	}
	better := func(a, b scored) bool {
		if a.key != b.key {
			return a.key > b.key
		}
		return ix.demands[a.i].ID < ix.demands[b.i].ID
	}
	h := newTopK(min(k, len(ix.demands)), better)
	for i, d := range ix.demands {
		if ok, _ := Eligible(w, d, today); !ok {
			continue
		}
		e := evaluate(w, d, today)
		h.offer(scored{rankKey(e.band, e.score), i})
	}
	best := h.items
	slices.SortFunc(best, func(a, b scored) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	out := make([]DemandCandidate, len(best))
	for j, s := range best {
		d := ix.demands[s.i]
		out[j] = DemandCandidate{DemandID: d.ID, Title: d.Title, EmployerName: d.EmployerName, Result: Score(w, d, today)}
	}
	return out
}
