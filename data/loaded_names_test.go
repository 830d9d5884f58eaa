package data

import "testing"

// A list prints a follow-up or placement whose worker, demand or employer
// was not loaded with it (a worker-only follow-up, a partner's record
// still on its way): the names are then empty, never a nil dereference.
func TestEmployerNameAndWorkerOrBlankOnPartlyLoadedRecords(t *testing.T) {
	e := &Employer{Name: "南京悦家家政服务有限公司"}
	w := &Worker{Name: "王秀兰"}
	full := &Placement{Worker: w, Demand: &Demand{Employer: e}}
	for _, c := range []struct {
		what string
		got  string
		want string
	}{
		{"placement with demand and employer", full.EmployerName(), "南京悦家家政服务有限公司"},
		{"placement without demand", (&Placement{}).EmployerName(), ""},
		{"placement whose demand has no employer", (&Placement{Demand: &Demand{}}).EmployerName(), ""},
		{"follow-up on a placement", (&FollowUp{Placement: full}).EmployerName(), "南京悦家家政服务有限公司"},
		{"follow-up on a worker only", (&FollowUp{}).EmployerName(), ""},
		{"placement's worker", full.WorkerOrBlank().Name, "王秀兰"},
		{"placement without worker", (&Placement{}).WorkerOrBlank().Name, ""},
		{"follow-up without worker", (&FollowUp{}).WorkerOrBlank().Name, ""},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
}
