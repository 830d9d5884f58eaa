// Package recommend is the live recommender behind 匹配推荐 and the match
// and allocate subcommands: it keeps a match.Index of every live worker and
// demand in step with the records and answers the questions the screen and
// the command line ask, in one shape (Ranked), so both rank alike by
// construction.
//
// It reads through Source (source.go), which the Store in data/storage
// satisfies: New streams the rows once and subscribes to the change
// notices. A notice only marks its row dirty (the writer never waits on
// the index); every query first reloads the dirty rows by id, so an edit
// is reflected in the next match without a rebuild. A change to a
// placement reloads its worker (eligibility) and its demand (headcount
// left); a change to an employer reloads its demands (the name shown).
//
// Open is New from a snapshot (snapshot.go): the index's workers kept in a
// file beside the database, stamped with the state of the op log, so the
// match command and the window's 匹配推荐 read a million workers back in a
// fraction of a second instead of rebuilding them; a stamp that no longer
// matches means a rebuild, never a stale answer. The job fair draws its
// pool from the index too.
//
// Not to be confused with data/match, the pure engine (scoring, reasons,
// bands, the compact index, exact allocation), which knows nothing of
// records or storage; this package is the only place where data records
// become match.Worker and match.Demand.
package recommend
