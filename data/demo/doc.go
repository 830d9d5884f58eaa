// Package demo builds a reproducible demonstration database that mirrors
// the 2021 Jiangsu–Gansu labour cooperation (劳务协作) job fair: a Gansu
// sending office (Lanzhou and Dingxi counties), its Jiangsu receiving
// partner 南京市总工会, 55 Nanjing employers recruiting 1,600+ workers across
// realistic 工种 (many in domestic service), N Gansu workers with valid ID
// numbers, and placements and follow-ups at every stage and of every kind.
//
// Everything goes through the Store's validated write path, so each row has
// its op and the file is a real Duikou database. Every generated value comes
// from one PCG stream seeded by Options.Seed and every date is relative to
// Options.Today: the same seed and day give the same rows, except for the
// record keys and clock stamps, which are time-based by design.
package demo
