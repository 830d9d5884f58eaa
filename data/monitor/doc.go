// Package monitor is the pure rule of 返贫监测 (monitoring against a return
// to poverty): which 脱贫户 and 监测对象 workers are at risk on a given day,
// and why, in words a clerk reads. It knows no SQL: the Store gathers each
// worker's placements and follow-ups into a Person and Check decides.
//
// A worker is flagged, with one reason per rule that holds, when
//   - (a) the latest 离职 or 返乡 on or before the day was more than
//     Rule.OutOfWorkDays days earlier and no placement is at work on the
//     day (so nothing started since: 离职已45天未再上岗);
//   - (b) a 欠薪 or 工伤 case is open (待办; 已完成 and 已取消 are closed);
//   - (c) a placement has been at work for more than Rule.QuietDays days
//     and no follow-up of any kind was completed in the last QuietDays
//     days (在岗但90天内无回访). A worker who started recently is left to
//     the scheduled check-ins, which head 首页 when overdue.
//
// 一般 workers are never flagged. The flag is computed, never stored.
package monitor
