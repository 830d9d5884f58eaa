// Package match ranks workers against labour demand and allocates workers to
// the demands of a job fair. It is the pure engine: data/recommend keeps its
// index in step with the stored records.
//
// Scoring (Score, Eligible) takes plain Worker and Demand values that the
// Store fills in; it knows nothing of SQL or the GUI. A pair first passes the
// hard filters (demand open with headcount left; worker available, consented
// and not placed; sex and age requirements) and then earns a score in [0,1]
// that is the sum of five weighted parts (occupation, skill level, location,
// wage, availability), each with a Chinese reason a clerk can read. The
// band (强匹配, 可考虑, 不推荐) follows the score, except that 强匹配 also
// needs the same or a substitute 工种, a place the worker accepts and a
// start within 30 days (see StrongMinOccupation), and that no related 工种
// at all is 不推荐.
//
// Rankings order workers by band and score; among equal scores a 脱贫户 or
// 监测对象 comes first, then the longest waiting, then the ID (see
// Index.TopWorkers), and the reasons say when the tie-break decided.
//
// Index keeps the matching features of every worker in compact columns,
// and lists the workers who can be put forward by the 工种 they hold or
// wish for (postings.go), so that one demand is ranked against a million
// workers in milliseconds: it reads the workers of its related 工种 best
// first and stops once no unread worker can enter its top k (rank.go);
// the Store keeps it in step with every write.
//
// Allocate assigns job-fair workers to demands, each worker at most once and
// each demand at most its remaining headcount, maximising the total score
// exactly with a min-cost flow, and reports the greedy total beside it.
// Index.Allocate does the same over the index's workers without decoding
// them (fair.go).
package match
