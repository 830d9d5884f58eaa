package demo

import (
	"math/rand/v2"

	"duikou/data"
)

// gen draws every generated value from one PCG stream, in a fixed order,
// so the same seed gives the same values.
type gen struct {
	r     *rand.Rand
	today data.Date
}

func newGen(seed int64, today data.Date) *gen {
	// The second PCG word is a constant: the seed alone picks the stream.
	return &gen{r: rand.New(rand.NewPCG(uint64(seed), 0x64756b6f75)), today: today}
}

// between is a uniform integer in [lo, hi].
func (g *gen) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.r.IntN(hi-lo+1)
}

func (g *gen) intn(n int) int { return g.r.IntN(n) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// weighted is a value with its relative weight.
type weighted[T any] struct {
	v T
	w int
}

// table draws from weighted values in O(log n).
type table[T any] struct {
	vals []T
	cum  []int
}

func newTable[T any](ws []weighted[T]) *table[T] {
	t := &table[T]{}
	sum := 0
	for _, x := range ws {
		sum += x.w
		t.vals = append(t.vals, x.v)
		t.cum = append(t.cum, sum)
	}
	return t
}

func (t *table[T]) draw(g *gen) T {
	x := g.r.IntN(t.cum[len(t.cum)-1])
	lo, hi := 0, len(t.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if t.cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return t.vals[lo]
}

// daysAgo is today minus n days (n may be negative: the future).
func (g *gen) daysAgo(n int) data.Date { return g.today.AddDays(-n) }

// yuan rounds an amount in yuan down to a multiple of step, as fen.
func yuan(v, step int) data.Fen { return data.Yuan(int64(v / step * step)) }

// minDate is the earlier of two dates.
func minDate(a, b data.Date) data.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func addYears(d data.Date, n int) data.Date {
	return data.DateOf(d.Time().AddDate(n, 0, 0))
}
