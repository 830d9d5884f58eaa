package stats

import "duikou/data"

// List is the kind of record a figure counts, so the 统计报表 screen can
// open the list behind it.
type List int

const (
	NoList        List = iota
	WorkerList         // 劳动者
	PlacementList      // 就业安置
	FollowUpList       // 跟踪服务
	DemandList         // 用工需求
)

// ListOf is the list behind an indicator: the records it counts (for a
// sum, the records whose amounts it adds; for the contract rate, the
// contracts signed).
func ListOf(c Code) List {
	switch c {
	case WorkersRegistered, WorkersTotal:
		return WorkerList
	case PlacementsStarted, StartedCrossProv, StartedCrossCity, StartedCrossCounty, StartedInCounty, StartedPoverty,
		InWorkEnd, PlacementsLeft, PlacementsReturned, ContractsSigned, ContractsSignedPct:
		return PlacementList
	case DemandsNew, PositionsNew:
		return DemandList
	case CheckinsOverdueEnd, ArrearsOpened, ArrearsClosed, ArrearsOwedYuan, ArrearsRecoveredYuan, WarmthVisits,
		WarmthAmountYuan, FollowUpsDone:
		return FollowUpList
	}
	if _, ok := FollowUpKindOf(c); ok {
		return FollowUpList
	}
	return NoList
}

// FollowUpKindOf is the kind of a followups_done_<kind> code.
func FollowUpKindOf(c Code) (data.FollowUpKind, bool) {
	for _, k := range data.FollowUpKinds {
		if FollowUpsDoneOf(data.FollowUpKind(k.Code)) == c {
			return data.FollowUpKind(k.Code), true
		}
	}
	return "", false
}
