package report

import (
	"fmt"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/catalog"
	"duikou/data/ident"
	"duikou/data/storage"
	"duikou/data/storage/storetest"
)

// testNow is the clock the tests run on (storetest.Now).
var testNow = storetest.Now

func newStore(t testing.TB) *storage.Store { return storetest.Office(t) }

func creditCode(body8 string) string { return ident.MakeCompanyCode("320115", body8) }

// names are what a Gansu roster holds, long ones included.
var names = []string{"王秀兰", "李建国", "张丽", "赵小军", "马秀英", "刘伟", "周桂兰", "阿依古丽·买买提", "欧阳春花", "孙强",
	"努尔比亚·艾合买提江", "马玉兰", "杨建华", "何淑芬"}

// fixture registers two employers with a demand each and n workers, each
// referred to a demand (every third one started work on 2026-04-05, which
// schedules check-ins), with referral dates spread over March 2026.
func fixture(t testing.TB, s *storage.Store, n int) []*data.Worker {
	t.Helper()
	var demands []*data.Demand
	for i, e := range []*data.Employer{
		{Name: "南京悦家家政服务有限公司", CreditCode: creditCode("MA1XY2K1"), Region: "320115"},
		{Name: "江苏省南京市江宁经济技术开发区恒信精密电子科技股份有限公司（第二分厂）", CreditCode: creditCode("MA2AB3C4"), Region: "320115"},
	} {
		if err := s.Create(e); err != nil {
			t.Fatal(err)
		}
		d := &data.Demand{EmployerID: e.ID, Occupation: []string{"housekeeper", "electronics_assembler"}[i],
			Title: []string{"住家保姆", "SMT贴片操作工"}[i], Headcount: n, WorkRegion: "320115"}
		if err := s.Create(d); err != nil {
			t.Fatal(err)
		}
		demands = append(demands, d)
	}
	var ws []*data.Worker
	err := s.WriteBulk(func(tx *storage.Tx) error {
		for i := 0; i < n; i++ {
			name := names[i%len(names)]
			if i >= len(names) {
				name += fmt.Sprint(i / len(names))
			}
			w := &data.Worker{Name: name, IDNumber: ident.MakeID("620123", time.Date(1985, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/500), i%500+1, i%2 == 0),
				Phone: fmt.Sprintf("1389311%04d", i%10000), HukouRegion: "620123", Address: "城关镇兴隆村",
				Skills:         []data.Skill{{Occupation: "housekeeper", Level: catalog.Level4}},
				DesiredRegions: []string{"320100"}, Consent: true}
			if i%7 == 3 {
				w.HukouRegion = "622927" // 积石山保安族东乡族撒拉族自治县: a long name
			}
			if err := tx.Create(w); err != nil {
				return err
			}
			ws = append(ws, w)
			p := &data.Placement{WorkerID: w.ID, DemandID: demands[i%2].ID, ReferredOn: data.MakeDate(2026, 3, 1+i%28)}
			if i%3 == 0 {
				p.Stage, p.HiredOn, p.StartedOn = data.StageStarted, data.MakeDate(2026, 4, 1), data.MakeDate(2026, 4, 5)
			}
			if i%11 == 5 {
				p.Notes = "本人要求与同村务工人员安排在同一宿舍，家中有老人需照顾，春节前需返乡"
			}
			if err := tx.Create(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}
