package app

import "sync"

// latest runs background work where only the newest request matters (the
// home screen's counts, an employer's demands): one job at a time, and a
// job submitted while another runs replaces any job still waiting. The job
// returns a function that is run on the UI thread with its result.
type latest struct {
	ui func(func())

	mu      sync.Mutex
	idle    *sync.Cond
	next    func() func()
	running bool
}

func newLatest(ui func(func())) *latest {
	l := &latest{ui: ui}
	l.idle = sync.NewCond(&l.mu)
	return l
}

// submit queues job, replacing a job that has not started.
func (l *latest) submit(job func() (apply func())) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next = job
	if !l.running {
		l.running = true
		go l.loop()
	}
}

func (l *latest) loop() {
	defer forwardPanic(l.ui, "后台查询")
	for {
		l.mu.Lock()
		job := l.next
		l.next = nil
		if job == nil {
			l.running = false
			l.idle.Broadcast()
			l.mu.Unlock()
			return
		}
		l.mu.Unlock()
		if apply := job(); apply != nil {
			l.ui(apply)
		}
	}
}

// waitIdle blocks until no job is waiting or running (tests).
func (l *latest) waitIdle() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for l.running {
		l.idle.Wait()
	}
}
