package match

import "math"

// Band is the verdict a clerk reads first; the number comes second.
type Band int

const (
	NotRecommended Band = iota // 不推荐
	Consider                   // 可考虑
	Strong                     // 强匹配
)

// Thresholds of the bands on the score. A worker with no related occupation
// at all is 不推荐 whatever the other parts say: being near, cheap and free
// does not make a welder a nanny, and without the gate the four other parts
// alone (0.60) would reach 可考虑.
const (
	StrongThreshold   = 0.75
	ConsiderThreshold = 0.50
)

// Label is the band's Chinese name.
func (b Band) Label() string {
	switch b {
	case Strong:
		return "强匹配"
	case Consider:
		return "可考虑"
	default:
		return "不推荐"
	}
}

func (b Band) String() string { return b.Label() }

// Conditions of 强匹配 besides the score. A high total can be made of wage,
// skill and availability points while the worker cannot do the job, does
// not want to go there, or cannot come in time; such a pair is at most
// 可考虑, and its reasons say which condition held it back.
const (
	// StrongMinOccupation: the same 工种 (held, or wished for at
	// WishShare), or a held substitute the catalog relates at 0.8 or more.
	StrongMinOccupation = 0.8
	// StrongMinLocation: a place the worker accepts. A desired region
	// containing the work county reaches it; so does a desired region in
	// the same province as the work county, or naming no region, when the
	// worker's home is in a partner province or the demand lists none.
	StrongMinLocation = 0.5
	// StrongMaxLateDays: the worker can start at most this many days after
	// work starts (or after today, when work has started).
	StrongMaxLateDays = 30
)

// hold is the set of 强匹配 conditions a pair misses.
type hold uint8

const (
	holdOccupation hold = 1 << iota // occupation part below StrongMinOccupation
	holdLocation                    // location part below StrongMinLocation
	holdLate                        // starts more than StrongMaxLateDays late
)

// holdOf is the set of 强匹配 conditions missed by a pair with these
// occupation and location parts that starts late days after work starts.
func holdOf(occ, loc float64, late day) hold {
	var h hold
	if occ < StrongMinOccupation {
		h |= holdOccupation
	}
	if loc < StrongMinLocation {
		h |= holdLocation
	}
	if late > StrongMaxLateDays {
		h |= holdLate
	}
	return h
}

// bandOf places a score in its band; occupation is the occupation part's
// value, whose absence rules a pair out, and h the 强匹配 conditions the
// pair misses, any of which keeps it at 可考虑 or below.
func bandOf(score, occupation float64, h hold) Band {
	switch {
	case occupation <= 0:
		return NotRecommended
	case score >= StrongThreshold && h == 0:
		return Strong
	case score >= ConsiderThreshold:
		return Consider
	default:
		return NotRecommended
	}
}

// rankKey orders candidates: band first, then score. It differs from the
// score alone where the band does not follow the score (the occupation
// gate, the 强匹配 conditions): a 不推荐 worker must not outrank a 可考虑
// one, nor a 可考虑 one a 强匹配 one. Scores are whole millionths (see
// total), so the key is below 2^25.
func rankKey(b Band, score float64) int64 {
	return int64(b)*rankBandUnit + micros(score)
}

// rankBandUnit is a band's step in a rankKey: above any score in micros.
const rankBandUnit = 10_000_000

// workerKey extends a worker's rankKey with the tie-break among equal
// scores, so that the index's hot loop compares one integer: first a
// 脱贫户 or 监测对象 (first), then the longest waiting, i.e. the earliest
// 可到岗日期 (avail; a worker without one comes after every worker with
// one, since how long he has waited is not known). Only the worker ID is
// left to break a tie of equal keys (UUIDv7 IDs: registration order).
// Larger is better.
func workerKey(rank int64, first bool, avail day) int64 {
	k := rank << 33
	if first {
		k |= 1 << 32
	}
	if avail != noDay {
		// Flip the sign bit so that uint32 order is day order, then
		// reverse it: an earlier day is a larger key.
		k |= int64(math.MaxUint32 - (uint32(avail) ^ 1<<31))
	}
	return k
}
