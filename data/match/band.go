package match

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

// bandOf places a score in its band; occupation is the occupation part's
// value, whose absence rules a pair out.
func bandOf(score, occupation float64) Band {
	switch {
	case occupation <= 0:
		return NotRecommended
	case score >= StrongThreshold:
		return Strong
	case score >= ConsiderThreshold:
		return Consider
	default:
		return NotRecommended
	}
}

// rankKey orders candidates: band first, then score. It differs from the
// score alone only for the occupation gate, which must not let a 不推荐
// worker outrank a 可考虑 one. Scores are whole millionths (see total).
func rankKey(b Band, score float64) int64 {
	return int64(b)*10_000_000 + micros(score)
}
