package data

import (
	"sync"
	"time"
)

// HLC is a hybrid logical clock: physical milliseconds in the high 48 bits
// and a counter in the low 16. It never goes backwards, even when the PC's
// clock does, and after seeing a partner's stamp it stays ahead of it, so
// the order of ops agrees with causality across offices.
type HLC struct {
	mu   sync.Mutex
	last int64
	now  func() time.Time
}

const hlcCounterBits = 16

// NewHLC starts a clock that is at least past.
func NewHLC(past int64, now func() time.Time) *HLC {
	if now == nil {
		now = time.Now
	}
	return &HLC{last: past, now: now}
}

// Next returns a stamp later than every stamp this clock has issued or seen.
func (c *HLC) Next() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	wall := c.now().UnixMilli() << hlcCounterBits
	if wall > c.last {
		c.last = wall
	} else {
		c.last++
	}
	return c.last
}

// Observe moves the clock past a stamp received from another office.
func (c *HLC) Observe(remote int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if remote > c.last {
		c.last = remote
	}
}

// HLCTime is the physical part of a stamp.
func HLCTime(stamp int64) time.Time {
	return time.UnixMilli(stamp >> hlcCounterBits)
}

// Last is the latest stamp the clock has given or observed.
func (c *HLC) Last() int64 { return c.last }
