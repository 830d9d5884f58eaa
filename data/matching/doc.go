// Package matching is the Store-backed matcher: it keeps a match.Index of
// every live worker and demand in step with the Store and answers the
// questions the match screen and the match and allocate subcommands ask,
// in one shape (Ranked), so the screen and the command line rank alike by
// construction.
//
// New builds the index by streaming the Store's rows and subscribes to the
// Store's change notices. A notice only marks its row dirty (the writer
// never waits on the index); every query first reloads the dirty rows by
// id, so an edit is reflected in the next match without a rebuild. A change
// to a placement reloads its worker (eligibility) and its demand (headcount
// left); a change to an employer reloads its demands (the name shown).
//
// The package data/match knows nothing of the Store; this package is the
// only place where data records become match.Worker and match.Demand.
package matching
