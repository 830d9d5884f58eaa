package demo

import (
	"errors"
	"fmt"

	"duikou/data"
	"duikou/data/dbconn"
	"duikou/data/storage"
)

// Options shape the demo database; the zero value is the default demo.
type Options struct {
	// Workers is how many Gansu workers to register (default 2000).
	Workers int
	// Seed picks the random stream (default 1): same seed, same data.
	Seed int64
	// Today anchors every date (zero: the Store's today). It may not be
	// after the Store's today, since no placement is dated in the future.
	Today data.Date
	// Progress, if set, is told after each batch of workers is written.
	Progress func(done, total int)
}

// The office the demo database belongs to, and its partner.
const (
	OfficeName     = "兰州市总工会"
	OfficeRegion   = "620100"
	OfficeClerk    = "马丽娟"
	PartnerName    = "南京市总工会"
	PartnerRegion  = "320100"
	DefaultWorkers = 2000
)

// batchSize is how many workers go into one transaction: memory stays
// bounded and progress moves at a million workers.
const batchSize = 20000

// Create builds a demo database in a new file at path and returns the open
// Store. It refuses a file that exists and is not empty; the file appears
// only once it is complete (see buildAtomically), so a failed or killed run
// leaves nothing at path. path may name an empty PostgreSQL database
// instead (createOnServer).
func Create(path string, opt Options) (*storage.Store, error) {
	fill := func(s *storage.Store) error {
		if _, err := s.SetupOffice(OfficeName, OfficeRegion, data.RoleSending, OfficeClerk); err != nil {
			return err
		}
		return Populate(s, opt)
	}
	if dbconn.IsPostgres(path) {
		return createOnServer(path, fill)
	}
	return buildAtomically(path, fill)
}

// createOnServer fills an empty PostgreSQL database. There is no file to
// build beside it and rename, so a database that already holds an office
// is refused untouched, and a run that fails leaves what it wrote for the
// administrator to drop (dropdb) before trying again.
func createOnServer(path string, fill func(*storage.Store) error) (*storage.Store, error) {
	s, err := storage.Open(path)
	if err != nil {
		return nil, err
	}
	if o := s.Office(); o != nil {
		s.Close()
		return nil, fmt.Errorf("数据库 %s 不是空的（已有单位“%s”），演示数据库只能写入空库，未做任何改动", dbconn.Display(path), o.Name)
	}
	if err := fill(s); err != nil {
		s.Close()
		return nil, fmt.Errorf("%w（数据库 %s 中已写入的部分请由管理员删除后重建）", err, dbconn.Display(path))
	}
	return s, nil
}

// Populate fills a Store whose office is set up and which holds no workers
// or employers yet: the Nanjing partner (pinned unless a receiving partner
// is), employers and demands, workers, placements and follow-ups.
func Populate(s *storage.Store, opt Options) error {
	office := s.Office()
	if office == nil {
		return errors.New("请先完成本单位设置")
	}
	if opt.Workers == 0 {
		opt.Workers = DefaultWorkers
	}
	if opt.Workers < 0 {
		return fmt.Errorf("劳动者人数不能为负数（%d）", opt.Workers)
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Today.IsZero() {
		opt.Today = s.Today()
	}
	if opt.Today.After(s.Today()) {
		return fmt.Errorf("演示数据的日期 %s 晚于今天 %s", opt.Today, s.Today())
	}
	for _, f := range []func() (int64, error){
		func() (int64, error) { return s.CountWorkers(data.WorkerFilter{}) },
		func() (int64, error) { return s.CountEmployers(data.EmployerFilter{}) },
	} {
		if n, err := f(); err != nil {
			return err
		} else if n > 0 {
			return errors.New("数据库中已有劳动者或用工单位，演示数据只能写入空数据库")
		}
	}
	partner, err := receivingPartner(s)
	if err != nil {
		return err
	}
	p := &populator{s: s, g: newGen(opt.Seed, opt.Today), opt: opt, ours: office.ID, partner: partner}
	for _, step := range []func() error{p.employers, p.workers, p.placements, p.followUps} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// receivingPartner is the id of the first pinned receiving partner, pinning
// 南京市总工会 when there is none.
func receivingPartner(s *storage.Store) (string, error) {
	partners, err := s.Partners()
	if err != nil {
		return "", err
	}
	for _, p := range partners {
		if p.Role == data.RoleReceiving || p.Role == data.RoleBoth {
			return p.ID, nil
		}
	}
	p := &data.Partner{ID: data.NewID(), Name: PartnerName, Region: PartnerRegion, Role: data.RoleReceiving}
	if err := s.AddPartner(p); err != nil {
		return "", err
	}
	return p.ID, nil
}

// populator carries the state between the steps.
type populator struct {
	s       *storage.Store
	g       *gen
	opt     Options
	ours    string // this office's id
	partner string // the receiving partner's office id
	demands []*data.Demand
	plans   []*plan
	// poor holds some unplaced 脱贫户 and 监测对象 workers for 困难帮扶.
	poor []*data.Worker
}

// maxPoorKept bounds the workers kept in memory for hardship follow-ups.
const maxPoorKept = 200

func (p *populator) employers() error {
	used := map[string]bool{}
	return p.s.WriteBulk(func(tx *storage.Tx) error {
		p.demands = nil
		for _, spec := range employers {
			e := p.g.newEmployer(spec, used)
			if err := tx.Create(e); err != nil {
				return err
			}
			p.demands = append(p.demands, p.g.demandsFor(spec, e.ID)...)
		}
		p.g.topUp(p.demands)
		positions := 0
		for _, d := range p.demands {
			if err := tx.Create(d); err != nil {
				return err
			}
			positions += d.Headcount
		}
		tx.Audit(data.AuditEntry{Action: data.ActCreate, Table: "employers", Count: len(employers),
			Summary: fmt.Sprintf("演示数据：新增用工单位%d家", len(employers))})
		tx.Audit(data.AuditEntry{Action: data.ActCreate, Table: "demands", Count: len(p.demands),
			Summary: fmt.Sprintf("演示数据：新增用工需求%d条，共%d个岗位", len(p.demands), positions)})
		return nil
	})
}

// placementCount: about three in ten workers are in the placement
// pipeline, bounded to a few thousand however many are registered.
func placementCount(workers int) int {
	n := workers * 3 / 10
	n = max(n, min(workers, 12))
	return min(n, 2400)
}

// workers writes the workers in batches. The ones to be placed are spread
// evenly through the list and drawn to fit their demand.
func (p *populator) workers() error {
	n := p.opt.Workers
	p.plans = p.g.planPlacements(p.demands, placementCount(n))
	stride := max(n/max(len(p.plans), 1), 1)
	ids := newIDAllocator(p.g.today)
	for start := 0; start < n; start += batchSize {
		end := min(start+batchSize, n)
		err := p.s.WriteBulk(func(tx *storage.Tx) error {
			for i := start; i < end; i++ {
				var pl *plan
				if j := i / stride; i%stride == 0 && j < len(p.plans) {
					pl = p.plans[j]
				}
				if err := p.worker(tx, ids, pl); err != nil {
					return err
				}
			}
			tx.Audit(data.AuditEntry{Action: data.ActCreate, Table: "workers", Count: end - start,
				Summary: fmt.Sprintf("演示数据：新增劳动者%d人（第%d至%d人）", end-start, start+1, end)})
			return nil
		})
		if err != nil {
			return err
		}
		if p.opt.Progress != nil {
			p.opt.Progress(end, n)
		}
	}
	return nil
}

func (p *populator) worker(tx *storage.Tx, ids *idAllocator, pl *plan) error {
	var target *data.Demand
	if pl != nil {
		target = pl.demand
	}
	w := p.g.newWorker(ids, target)
	if pl != nil {
		w.Status = statusAfter(pl.p.Stage)
		w.AvailableFrom = pl.p.ReferredOn.AddDays(-p.g.between(0, 30))
		if w.ConsentDate.After(pl.p.ReferredOn) {
			w.ConsentDate = w.AvailableFrom
		}
		if w.RegisteredOn.After(w.AvailableFrom) {
			w.RegisteredOn = w.AvailableFrom // registered before being referred
			w.CreatedAt = registeredAt(w.AvailableFrom)
		}
		pl.worker = w
	}
	if err := tx.Create(w); err != nil {
		return fmt.Errorf("演示劳动者 %s：%w", w.Name, err)
	}
	if pl == nil && w.Poverty != data.PovertyGeneral && len(p.poor) < maxPoorKept {
		p.poor = append(p.poor, w)
	}
	return nil
}

func (p *populator) placements() error {
	return p.s.WriteBulk(func(tx *storage.Tx) error {
		for _, pl := range p.plans {
			if pl.worker == nil {
				continue // fewer workers than plans cannot happen, but be safe
			}
			pl.p.WorkerID = pl.worker.ID
			if err := tx.Create(pl.p); err != nil {
				return fmt.Errorf("演示就业安置：%w", err)
			}
		}
		tx.Audit(data.AuditEntry{Action: data.ActCreate, Table: "placements", Count: len(p.plans),
			Summary: fmt.Sprintf("演示数据：新增就业安置%d条", len(p.plans))})
		return nil
	})
}

// followUps brings the check-ins (scheduled by the Store when a placement
// starts, or made here for those already ended) to where they stand today
// and adds the other kinds of follow-up.
func (p *populator) followUps() error {
	scheduled, err := p.scheduledCheckIns()
	if err != nil {
		return err
	}
	days := p.s.CheckInDays()
	return p.s.WriteBulk(func(tx *storage.Tx) error {
		count := 0
		for _, pl := range p.plans {
			if pl.worker == nil || pl.p.StartedOn.IsZero() {
				continue
			}
			for _, d := range days {
				due := pl.p.StartedOn.AddDays(d)
				f, ok := scheduled[pl.p.ID][due]
				if !ok {
					id := pl.p.ID
					f = &data.FollowUp{WorkerID: pl.worker.ID, PlacementID: &id, Kind: data.KindCheckIn,
						DueOn: due, Method: "phone", Notes: fmt.Sprintf("上岗后第%d天回访", d)}
				}
				if !p.g.checkIn(f, pl.p.EndedOn) {
					continue
				}
				write := tx.Create
				if ok {
					write = tx.Update
				}
				if err := write(f); err != nil {
					return fmt.Errorf("演示回访：%w", err)
				}
				count++
			}
		}
		for _, k := range kinds {
			n, err := p.kind(tx, k)
			if err != nil {
				return err
			}
			count += n
		}
		tx.Audit(data.AuditEntry{Action: data.ActCreate, Table: "follow_ups", Count: count,
			Summary: fmt.Sprintf("演示数据：新增跟踪服务%d条", count)})
		return nil
	})
}

// scheduledCheckIns reads the check-ins the Store scheduled, by placement
// and due date.
func (p *populator) scheduledCheckIns() (map[string]map[data.Date]*data.FollowUp, error) {
	out := map[string]map[data.Date]*data.FollowUp{}
	page := data.Page{Limit: 1000}
	for {
		rows, next, err := p.s.ListFollowUps(data.FollowUpFilter{Kind: data.KindCheckIn}, page)
		if err != nil {
			return nil, err
		}
		for i := range rows {
			f := &rows[i]
			if f.PlacementID == nil {
				continue
			}
			f.Worker = nil
			if out[*f.PlacementID] == nil {
				out[*f.PlacementID] = map[data.Date]*data.FollowUp{}
			}
			out[*f.PlacementID][f.DueOn] = f
		}
		if next == nil {
			return out, nil
		}
		page.After = next
	}
}

// kind writes the follow-ups of one kind: a share of the eligible
// placements (at least one), the first of them overdue, so every kind
// shows on the overdue list.
func (p *populator) kind(tx *storage.Tx, k kindSpec) (int, error) {
	type subject struct {
		w  *data.Worker
		pl *data.Placement
	}
	var pool []subject
	for _, pl := range p.plans {
		if pl.worker == nil {
			continue
		}
		ok := false
		switch k.pool {
		case "employed":
			ok = pl.p.Stage == data.StageStarted
		case "worked":
			ok = !pl.p.StartedOn.IsZero()
		case "poor":
			ok = pl.worker.Poverty != data.PovertyGeneral
		}
		if ok {
			pool = append(pool, subject{pl.worker, pl.p})
		}
	}
	if k.pool == "poor" {
		for _, w := range p.poor {
			pool = append(pool, subject{w, nil})
		}
	}
	if len(pool) == 0 { // a tiny demo: anyone placed will do
		for _, pl := range p.plans {
			if pl.worker != nil {
				pool = append(pool, subject{pl.worker, pl.p})
			}
		}
	}
	n := min(max(int(float64(len(pool))*k.share), 1), len(pool))
	order := p.g.r.Perm(len(pool))
	overdue := stateOverdue
	for i := 0; i < n; i++ {
		s := pool[order[i]]
		var force *followUpState
		if i == 0 {
			force = &overdue
		}
		f := p.g.followUp(k, s.w, s.pl, p.ours, p.partner, force)
		if err := tx.Create(f); err != nil {
			return 0, fmt.Errorf("演示%s：%w", k.kind.Label(), err)
		}
	}
	return n, nil
}
