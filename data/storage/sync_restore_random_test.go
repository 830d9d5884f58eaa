package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"duikou/data"
	"duikou/data/ident"
	"duikou/data/storage/testdb"
)

// Offices that restore old backups now and then, carrying the sequence
// floor over as a restore feature should (SeqFloor before, RaiseSeqFloor
// after), while exchanging files that get lost, duplicated and
// reordered, still end up holding the same shared rows once everyone has
// exchanged. (What an office typed after its last backup and never sent
// is lost with the restore; that is what a restore means, so only
// agreement is checked here.) With DUIKOU_RESTORE_NOCARRY=1 half the
// restores do not carry the floor: a backup file copied into place by
// hand, the old disk gone. TestExchangeConvergesAcrossHandCopiedRestores
// always runs that mix, so the default run covers both.
//
// DUIKOU_SEEDS takes the number of seeds (1000 for the long run) or a
// list (8,118); the default is 50 of each (12 on PostgreSQL, where each
// seed takes seconds; -short: 3). DUIKOU_TRACE=1 (with -v and a -run
// naming one seed, e.g. TestExchangeConvergesAcrossRestores/seed8$) logs
// every step, every file and, at the end, each office's op log.
//
// Measured on 2026-12-07 with DUIKOU_SEEDS=1000 (742 s a mode, two runs
// side by side on a loaded 2-core machine; 50 seeds take about 66 s
// there): with the floor carried 998 pass, 697 and 830 diverge; with
// DUIKOU_RESTORE_NOCARRY=1 996 pass, 283, 362, 643 and 830 diverge. 830
// restores nothing (two offices withdraw a worker's consent and one
// gives it again while the other edits: consent.go), 697 ends with a
// deletion made while the worker's consent was withdrawn at one office
// only; 283 (four hand-copied restores over three offices) ends with a
// file refused for a demand whose employer the receiver lacks, 362 and
// 643 with a row at one office only. After restateWithheld (830, 697)
// all 1000 passed with the floor carried; with DUIKOU_RESTORE_NOCARRY=1,
// 283, 362 and 643 still diverged. After their fixes (below), on
// 2026-12-07: 1000 of 1000 pass in both modes (537 s without the floor,
// 429 s with it, one run at a time on the shared machine).
//
// The seeds that diverged once, each reduced to a deterministic test:
// 143 (refillWorker; TestReConsentRefillsOverAnErasedEditTheOriginNeverSaw),
// 830 and 697 (restateWithheld; TestAnEditMadeWhileConsentWasWithdrawnTravelsWhenItComesBack,
// TestADeletionMadeWhileConsentWasWithdrawnTravelsWhenItComesBack),
// 112 (TestAnOpBackFromALaterBackupReachesThePartner), and without the
// floor 8 and 60 (TestAHandCopiedBackupDoesNotWedgeTheExchange), 118
// (TestAFileFromAnOfficeAwaitingItsOwnOpsIsAGap), 120 and 122
// (TestAnOpALateFileBroughtThePartnerComesBack), 134
// (TestAReusedNumberNoOneSendsIsFound), 283
// (TestAFileRefusedAtItsStartStillFindsOwnOpsLost), 362
// (TestARestatedWithdrawalReachesTheOfficeThatLostIt), 643
// (TestAReusedNumberOfANeverExportedBackupIsFound); with the floor
// carried 329, 365, 589, 683 and 859
// (TestOpsOfAnOfficeAskingForItsOwnAreRelayed); see sync_restore.go.
func TestExchangeConvergesAcrossRestores(t *testing.T) {
	runRestoreSeeds(t, os.Getenv("DUIKOU_RESTORE_NOCARRY") == "1")
}

// TestExchangeConvergesAcrossHandCopiedRestores is the run above with
// half the restores copied into place by hand (DUIKOU_RESTORE_NOCARRY=1).
func TestExchangeConvergesAcrossHandCopiedRestores(t *testing.T) {
	runRestoreSeeds(t, true)
}

func runRestoreSeeds(t *testing.T, noCarry bool) {
	def := 50
	if testdb.Postgres() {
		def = 12
	}
	seeds, err := testSeeds(os.Getenv("DUIKOU_SEEDS"), def)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() && os.Getenv("DUIKOU_SEEDS") == "" {
		seeds = seeds[:3]
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			runRestoreExchange(t, seed, 2+int(seed%2), noCarry)
		})
	}
}

// testSeeds reads DUIKOU_SEEDS: a count (seeds 1 to n, e.g. 1000 for the
// long run) or a comma-separated list of seeds (e.g. 8,118); empty means
// seeds 1 to def.
func testSeeds(v string, def int) ([]uint64, error) {
	if v == "" {
		v = strconv.Itoa(def)
	}
	if !strings.Contains(v, ",") {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("DUIKOU_SEEDS=%q: want a positive number or a list of seeds", v)
		}
		seeds := make([]uint64, n)
		for i := range seeds {
			seeds[i] = uint64(i + 1)
		}
		return seeds, nil
	}
	var seeds []uint64
	for _, f := range strings.Split(v, ",") {
		seed, err := strconv.ParseUint(strings.TrimSpace(f), 10, 64)
		if err != nil || seed < 1 {
			return nil, fmt.Errorf("DUIKOU_SEEDS=%q: %q is not a seed", v, f)
		}
		seeds = append(seeds, seed)
	}
	return seeds, nil
}

func runRestoreExchange(t *testing.T, seed uint64, n int, noCarry bool) {
	rng := rand.New(rand.NewPCG(seed, 7))
	offs := newOffices(t, n)
	// The PCs' clocks move on (a millisecond per reading), so an op made
	// after a restore is stamped later than the ones the restore undid;
	// TestAReusedNumberConvergesBothWays covers a clock that stands still.
	ticking := tickingClocks(offs...)
	backups := make([][]string, n)
	dir := t.TempDir()
	idSeq := 0
	pick := func(o *office, table data.Table) data.Record {
		rec, _ := newRecord(table)
		var ids []string
		o.s.db.Model(rec).Where("deleted = ?", false).Order("id").Pluck("id", &ids)
		if len(ids) == 0 {
			return nil
		}
		o.s.db.Where("id = ?", ids[rng.IntN(len(ids))]).First(rec)
		return rec
	}
	tracing := os.Getenv("DUIKOU_TRACE") != ""
	fileNo := map[*byte]int{} // a file by the step that made it, for the trace
	trace := func(format string, args ...any) {
		if tracing {
			t.Logf(format, args...)
		}
	}
	for step := 0; step < 150; step++ {
		i := rng.IntN(n)
		o := offs[i]
		if tracing {
			seqNow, _ := o.s.SeqFloor()
			trace("step %d office %s seq %d", step, o.name, seqNow)
		}
		switch r := rng.IntN(100); {
		case r < 15:
			idSeq++
			w := &data.Worker{Name: fmt.Sprintf("劳动者%d", idSeq), HukouRegion: "620123", Consent: true,
				IDNumber: ident.MakeID("620123", time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, idSeq), idSeq, idSeq%2 == 0)}
			err := o.s.Create(w)
			trace("  create worker %s (%s): %v", w.ID, w.Name, err)
		case r < 20:
			idSeq++
			e := &data.Employer{Name: fmt.Sprintf("用工单位%d", idSeq), CreditCode: testCreditCode(fmt.Sprintf("MA%06d", idSeq)), Region: "320115"}
			if err := o.s.Create(e); err == nil {
				d := &data.Demand{EmployerID: e.ID, Occupation: "housekeeper", Headcount: 3, WorkRegion: "320115"}
				err := o.s.Create(d)
				trace("  create employer %s, demand %s: %v", e.ID, d.ID, err)
			}
		case r < 45:
			if rec := pick(o, data.TableWorkers); rec != nil {
				w := rec.(*data.Worker)
				w.Notes = fmt.Sprintf("%s第%d步", o.name, step)
				if rng.IntN(2) == 0 {
					w.Phone = fmt.Sprintf("139%08d", rng.IntN(1e8))
				}
				err := o.s.Update(w)
				trace("  update worker %s (%s) notes %q: %v", w.ID, w.Name, w.Notes, err)
			}
		case r < 50:
			if rec := pick(o, data.TableDemands); rec != nil {
				d := rec.(*data.Demand)
				d.Headcount = 1 + rng.IntN(20)
				err := o.s.Update(d)
				trace("  update demand %s headcount %d: %v", d.ID, d.Headcount, err)
			}
		case r < 53:
			if rec := pick(o, data.TableWorkers); rec != nil {
				err := o.s.Delete(rec)
				trace("  delete worker %s: %v", rec.SyncInfo().ID, err)
			}
		case r < 55: // consent withdrawn, or given again (consent.go)
			if rec := pick(o, data.TableWorkers); rec != nil {
				w := rec.(*data.Worker)
				w.Consent = !w.Consent
				err := o.s.Update(w)
				trace("  worker %s consent %v: %v", w.ID, w.Consent, err)
			}
		case r < 58: // a backup
			path := filepath.Join(dir, fmt.Sprintf("office%d-step%d.db", i, step))
			if err := o.s.Backup(path); err != nil {
				t.Fatal(err)
			}
			backups[i] = append(backups[i], path)
			trace("  backup %s", filepath.Base(path))
		case r < 61: // a restore of one of its backups
			if len(backups[i]) == 0 {
				continue
			}
			floor, err := o.s.SeqFloor()
			if err != nil {
				t.Fatal(err)
			}
			which := backups[i][rng.IntN(len(backups[i]))]
			restore(t, o, which)
			trace("  restore %s (floor was %d)", filepath.Base(which), floor)
			ticking(o)
			if !noCarry || rng.IntN(2) == 0 { // the restore feature carries the floor; a copied file does not
				if err := o.s.RaiseSeqFloor(floor); err != nil {
					t.Fatal(err)
				}
				trace("  floor carried")
			}
		case r < 82:
			to := offs[rng.IntN(n)]
			if to != o {
				to.box = append(to.box, send(t, o, to))
				fileNo[&to.box[len(to.box)-1][0]] = step
				trace("  send file %d to %s (box %d)", step, to.name, len(to.box))
				if tracing {
					dumpFile(t, to.box[len(to.box)-1])
				}
			}
		default:
			if len(o.box) > 0 {
				k := rng.IntN(len(o.box))
				sum, err := receive(t, o, o.box[k], data.NewID())
				trace("  receive file %d, box[%d] of %d: %+v %v", fileNo[&o.box[k][0]], k, len(o.box), sum, err)
				if err != nil && !errors.Is(err, ErrGap) {
					t.Fatalf("step %d import: %v", step, err)
				}
				if rng.IntN(3) > 0 {
					o.box = append(o.box[:k], o.box[k+1:]...)
				}
				if rng.IntN(6) == 0 && len(o.box) > 0 {
					o.box = o.box[1:]
				}
			}
		}
	}
	// Settle until a whole round takes nothing in. A file to an office that
	// restored since its partner last heard from it is refused as a gap
	// until the office has sent one itself (the message says so); asking
	// for ops back and restating them take a round trip or two more.
	for round, quiet := 0, 0; quiet < 2; round++ {
		if round > 8*n {
			t.Fatal("the offices do not settle")
		}
		busy := false
		for _, a := range offs {
			for _, b := range offs {
				if a != b {
					raw := send(t, a, b)
					if tracing {
						dumpFile(t, raw)
					}
					sum, err := receive(t, b, raw, data.NewID())
					trace("settle round %d %s→%s: %+v %v", round, a.name, b.name, sum, err)
					if errors.Is(err, ErrGap) || err == nil && (sum.Ops > 0 || sum.Updated > 0 || sum.New > 0) {
						busy = true
					} else if err != nil {
						for _, o := range offs {
							dumpLog(t, o)
						}
						t.Fatalf("settling %s→%s: %v", a.name, b.name, err)
					}
				}
			}
		}
		if quiet++; busy {
			quiet = 0
		}
	}
	if tracing {
		for _, o := range offs {
			dumpLog(t, o)
		}
	}
	for _, o := range offs[1:] {
		assertSameState(t, offs[0], o)
	}
}
