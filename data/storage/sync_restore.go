package storage

import (
	"duikou/data"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// The restore bookkeeping, in one place. Restoring a backup puts an
// office's database back in time while its partners remember what it
// sent and acknowledged since; a clerk may also copy an old file into
// place by hand, without the program knowing. The whole rule is here,
// with one entry from the import, keepRestoreBooks, called once per file
// by ApplyChanges: in the import's transaction when the file is taken
// in, or in a transaction of its own when it was refused as a gap (the
// import itself rolled back). The merge (sync_merge.go, sync_reuse.go)
// only notices things and asks one question, refusedForRestore; the
// export (ChangesFor) reads what is decided here.
//
// 1. The sequence floor. An op is known everywhere by its origin and
// number, so an office must never number two ops alike. New ops are
// numbered above both the log and the floor (lastSeq). A restore should
// carry the floor over from the database it replaces (SeqFloor before,
// RaiseSeqFloor on the restored one): then no number is reused.
//
// 2. Lost ops (our own). A partner's file shows what it holds of ours
// (its vector) and what it takes us to hold (since). Either above our
// log means we restored a backup: the floor goes up to it and every
// partner is asked for all our ops (noteLostOps, checkOwnGap). Until
// they answer, our files say we hold our own only as far as our log has
// no hole (ChangesFor), so no office takes itself to cover them. A file
// that does not pass validation while our ops are missing (it may build
// on them: a demand whose employer we lost) is refused as a gap telling
// the clerk to send a file first, never as a bad record: nothing would
// change from one try to the next.
//
// 3. Resend requests. To have a partner send every op of an origin it
// holds, we put a token in our vector instead of a number (askResend):
// a negative number drawn at random, so no file made before can carry
// it. The partner's next file starts from the token, carries them all,
// and settles it (settleResends). We ask every partner for our own ops
// when we lost some, and the sender for another origin's when its file
// shows that origin reused numbers (sync_reuse.go). A file refused while
// we await an answer from its sender, or while its sender awaits ours
// (a token in its vector: it restored and may reuse numbers we hold), is
// a gap too (refusedForRestore); the sender's vector is kept all the
// same, so two offices waiting on each other do not deadlock.
//
// 4. Resend holes, both ways. An answer shows which ops of ours the
// partner lacks below what it acknowledges (made between two backups,
// lost in a restore of the earlier one, back with the later one): they
// go to it again in every file until its next answer (noteOwnHoles,
// ownHoleOps). And when a partner's vector later holds ops of ours past
// its last answer while our log has holes there (an old file of ours it
// imported after answering), we ask it again (askForOwnHoles).
//
// 5. A partner that went back, or we did. What a partner holds is what
// its latest file says, not the most it ever said (storeAcks), so after
// its restore our next file starts where it now is. When its vector goes
// back, our next file carries the last op of its own we hold (a probe,
// notePartnerWentBack), and it notices if it holds another op under that
// number (sync_reuse.go). When a partner says it holds ops of ours
// numbered above any that a file of ours ever carried, we numbered them
// again after a restore we did not know of, and ask for all our ops
// (neverExported, checkOwnGap).
//
// 6. Reused numbers (sync_reuse.go). The receiver of an op under a number
// it holds for another takes it in like any op and restates what stands
// of both in an op of its own (reissueReused), which travels on; a
// withdrawal of consent among them in an op of its own, the only kind
// that leaves while the worker is withdrawn (the origin may have lost it).
//
// Known limits: see TestExchangeConvergesAcrossRestores for what the
// random runs cover. Conflicts may list a value that came back from a
// partner after a restore.

// keepRestoreBooks is the one entry: after a file from c.From was taken
// in (imported) or refused as a gap, it asks for what the merge found
// missing or reused (found: the origins to ask the sender for in full;
// our own ops numbered up to found.floor), for a refused file also for
// our own ops its vector shows lost here, and, for a file taken in,
// raises the floor to the ops of ours the sender holds, settles the
// requests the file answers, notes the holes its answer shows, and asks
// again where the sender now holds ops of ours we lack. Last, the
// sender's vector becomes its acknowledgement, whatever the outcome.
func keepRestoreBooks(db *gorm.DB, c *Changes, found *GapError, imported bool) error {
	if !imported {
		if err := askIfOwnOpsLost(db, c); err != nil {
			return err
		}
	}
	if err := found.askSender(db, c.From, c.To); err != nil {
		return err
	}
	if imported {
		if err := noteLostOps(db, c.To, c.Vector[c.To]); err != nil {
			return err
		}
		if err := settleResends(db, c); err != nil {
			return err
		}
		if err := askForOwnHoles(db, c); err != nil {
			return err
		}
	}
	return storeAcks(db, c)
}

// refusedForRestore is the merge's one question, for a file with records
// that do not pass validation: is it a gap (it may build on ops that a
// restore took from one side, and the next exchange brings them), and
// not bad records? Then the gap is returned, naming what to ask for.
func (m *merge) refusedForRestore() *GapError {
	self := m.tx.origin
	for _, origin := range m.late.ask {
		m.asks.add(self, origin, m.late.Needed)
	}
	waiting := ""
	for _, origin := range sortedKeys(m.tokens) {
		if !m.answers(origin) {
			waiting = origin
		}
	}
	// The sender awaits our answer to its own request (a token in its
	// vector): it restored a backup, and may have numbered new ops under
	// numbers we hold for the ones it lost.
	if waiting == "" && m.senderAwaits() {
		m.asks.Origin = m.c.From
	}
	if len(m.asks.ask) == 0 && waiting == "" && m.asks.Origin == "" {
		return nil
	}
	m.sum.Refused = nil
	if m.asks.Origin == "" {
		m.asks.Origin, m.asks.Own = waiting, waiting == self
	}
	return m.asks
}

// settingSeqFloor is the Setting holding the sequence floor.
const settingSeqFloor = "op_seq_floor"

// lastSeq is the number after which this office numbers its next op: the
// highest in its log or the floor, whichever is higher.
// Two queries, compared here: the one-statement form needs SQLite's
// two-argument MAX, which PostgreSQL spells GREATEST.
func lastSeq(db *gorm.DB, origin string) (int64, error) {
	var last, floor int64
	if err := db.Raw(`SELECT COALESCE(MAX(seq), 0) FROM ops WHERE origin = ?`, origin).Scan(&last).Error; err != nil {
		return 0, err
	}
	if err := db.Raw(`SELECT COALESCE(MAX(CAST(value AS BIGINT)), 0) FROM settings WHERE key = ?`, settingSeqFloor).
		Scan(&floor).Error; err != nil {
		return 0, err
	}
	return max(last, floor), nil
}

// beginOpLog starts the op log's part of a write transaction: it holds
// the op log against other writers (dialect.lockOpLog) and returns the
// number after which this transaction numbers its ops.
//
// Where other desktops write too, the clock first goes past the newest
// stamp in the log: their ops were stamped by their own clocks, and an
// edit here must not sort before an earlier one from there (a later edit
// has to win a concurrent one on every office, by its stamp).
func (s *Store) beginOpLog(db *gorm.DB, origin string) (int64, error) {
	if err := s.dialect.lockOpLog(db); err != nil {
		return 0, err
	}
	if s.dialect.sharedWriters() {
		var newest int64
		if err := db.Model(&Op{}).Select("COALESCE(MAX(hlc), 0)").Scan(&newest).Error; err != nil {
			return 0, err
		}
		s.clock.Observe(newest)
	}
	return lastSeq(db, origin)
}

// SeqFloor is the highest op number this office has used or knows a
// partner holds from it: its next op is numbered above it. A restore
// should read it from the database it is about to replace and pass it to
// RaiseSeqFloor on the restored one, so no number is ever used twice.
func (s *Store) SeqFloor() (int64, error) {
	self := s.Office()
	if self == nil {
		return 0, nil
	}
	return lastSeq(s.db, self.ID)
}

// RaiseSeqFloor makes sure this office numbers its next op above n. When
// n is above the log (a restore carrying the floor over), the ops in
// between were lost here while partners may hold them, and each partner
// is asked to send back every op of ours it holds (see askForLostOps).
func (s *Store) RaiseSeqFloor(n int64) error {
	self := s.Office()
	if self == nil {
		return raiseSeqFloor(s.db, n)
	}
	return s.db.Transaction(func(db *gorm.DB) error { return noteLostOps(db, self.ID, n) })
}

// askIfOwnOpsLost asks every partner for all our ops when a refused file
// shows some of ours lost here (ownOpsLost), and raises the floor past
// them. A file refused at its start (it begins past ops of another
// origin we lack) never reached the merge's check (checkOwnGap), yet its
// vector is the sender's word all the same. Without asking now, our next
// file let the sender go on from a number we had used again: its next
// file built on its op there (a demand on an employer we never got) and
// was refused as a bad record, again and again (seed 283 without the
// floor, TestAFileRefusedAtItsStartStillFindsOwnOpsLost). The refusal's
// message is left as it is: it names the file that is missing.
func askIfOwnOpsLost(db *gorm.DB, c *Changes) error {
	claimed, err := ownOpsLost(db, c)
	if err != nil || claimed == 0 {
		return err
	}
	if err := askForLostOps(db, c.To); err != nil {
		return err
	}
	return raiseSeqFloor(db, claimed)
}

// noteLostOps raises the floor to n; when n is above both the floor and
// the log, ops of ours up to n are missing here, and every partner is
// asked for them.
func noteLostOps(db *gorm.DB, self string, n int64) error {
	last, err := lastSeq(db, self)
	if err != nil || n <= last {
		return err
	}
	if err := askForLostOps(db, self); err != nil {
		return err
	}
	return raiseSeqFloor(db, n)
}

func raiseSeqFloor(db *gorm.DB, n int64) error {
	var st data.Setting
	if res := db.Where("key = ?", settingSeqFloor).Limit(1).Find(&st); res.Error != nil {
		return res.Error
	}
	if cur, _ := strconv.ParseInt(st.Value, 10, 64); cur >= n {
		return nil
	}
	return db.Save(&data.Setting{Key: settingSeqFloor, Value: strconv.FormatInt(n, 10)}).Error
}

// Asking for ops back. Our files tell a partner, in the vector, how far
// we hold each origin's ops, and the partner's next file starts from
// there. To have a partner send every op of an origin it holds, we give
// it a token instead: a negative number, drawn at random each time (so no
// file made before can carry it, even one made for the token of an
// earlier restore that this one undid). The partner's next file starts
// from the token, so it carries all of them, and settles it. We ask
//
//   - every partner for our own ops, when we lost some in a restore;
//   - the sender for an origin's ops, when its file refers to an op of
//     that origin that is not the one we hold under that number: the
//     origin reused numbers after a restore, and we must see both ops.
const (
	settingResendToken   = "op_resend_token/"   // + partner/origin: the token while the answer is awaited
	settingResendChecked = "op_resend_checked/" // + partner/origin: how far the last answer went
	settingOwnAnswered   = "op_own_answered/"   // + partner: its vector for our ops in its last answer
)

// askResend asks partner for every op of origin it holds, unless it has
// been asked and not answered yet.
func askResend(db *gorm.DB, partner, origin string) error {
	if _, pending, err := settingInt(db, settingResendToken+partner+"/"+origin); err != nil || pending {
		return err
	}
	return db.Save(&data.Setting{Key: settingResendToken + partner + "/" + origin,
		Value: strconv.FormatInt(-1-rand.Int64N(1<<62), 10)}).Error
}

func askForLostOps(db *gorm.DB, self string) error {
	var partners []string
	if err := db.Model(&data.Partner{}).Pluck("id", &partners).Error; err != nil {
		return err
	}
	for _, p := range partners {
		if err := askResend(db, p, self); err != nil {
			return err
		}
	}
	return nil
}

// resendTokens are the tokens partner has yet to answer, per origin.
func resendTokens(db *gorm.DB, partner string) (map[string]int64, error) {
	var sts []data.Setting
	prefix := settingResendToken + partner + "/"
	if err := db.Where("key LIKE ?", prefix+"%").Find(&sts).Error; err != nil {
		return nil, err
	}
	tokens := make(map[string]int64, len(sts))
	for _, st := range sts {
		if token, err := strconv.ParseInt(st.Value, 10, 64); err == nil {
			tokens[strings.TrimPrefix(st.Key, prefix)] = token
		}
	}
	return tokens, nil
}

// settleResends settles the tokens a file from the partner answers,
// noting how far the answer went.
func settleResends(db *gorm.DB, c *Changes) error {
	tokens, err := resendTokens(db, c.From)
	if err != nil {
		return err
	}
	for origin, token := range tokens {
		if c.Since[origin] != token {
			continue
		}
		reach := c.Vector[origin]
		for i := range c.Ops {
			if c.Ops[i].Origin == origin {
				reach = max(reach, c.Ops[i].Seq)
			}
		}
		if err := db.Where("key = ?", settingResendToken+c.From+"/"+origin).Delete(&data.Setting{}).Error; err != nil {
			return err
		}
		if err := db.Save(&data.Setting{Key: settingResendChecked + c.From + "/" + origin, Value: strconv.FormatInt(reach, 10)}).Error; err != nil {
			return err
		}
		if origin == c.To { // our own ops: what the partner lacks goes to it again
			if err := noteOwnHoles(db, c, reach); err != nil {
				return err
			}
			// How far the partner held our ops without a gap when it
			// answered (its vector; the answer may carry later ops too).
			held := strconv.FormatInt(max(c.Vector[origin], 0), 10)
			if err := db.Save(&data.Setting{Key: settingOwnAnswered + c.From, Value: held}).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// askForOwnHoles asks the partner again for all our ops when it holds
// (by its vector) ops of ours numbered past its last answer that our log
// lacks. Its answer went only as far as it then held; a file of ours it
// imported later (sent before our restore, carried on a stick) can bring
// it ops we lost, and our own vector, which says we hold all of ours up
// to the newest, would keep them from ever coming back. Each hole is
// asked about once per partner: the answer's reach passes it.
func askForOwnHoles(db *gorm.DB, c *Changes) error {
	self := c.To
	claimed := c.Vector[self]
	checked, _, err := settingInt(db, settingOwnAnswered+c.From)
	if err != nil || claimed <= checked {
		return err
	}
	var held int64
	if err := db.Model(&Op{}).Where("origin = ? AND seq > ? AND seq <= ?", self, checked, claimed).
		Count(&held).Error; err != nil {
		return err
	}
	if held == claimed-checked {
		return nil // no hole: the normal case
	}
	return askResend(db, c.From, self)
}

// Probing a partner that went back in time. A partner that restored a
// backup without the floor and numbered ops again, before hearing from
// us, holds other ops under numbers we hold for its lost ones; as long as
// neither side sends the other its version, neither notices. When a
// partner's vector goes back (for some origin it says it holds less than
// it said before: it restored, or we took in an old file of its late),
// our next file to it carries the last op of its own we hold, which it
// compares with its own.
const settingProbe = "op_probe/" // + partner id: "wanted" until a file carried the probe, then "sent"

func notePartnerWentBack(db *gorm.DB, c *Changes, acks map[string]int64) error {
	back := false
	for origin, was := range acks {
		if now, ok := c.Vector[origin]; was > 0 && (!ok || now < was) {
			back = true
		}
	}
	key := settingProbe + c.From
	if back {
		return db.Save(&data.Setting{Key: key, Value: "wanted"}).Error
	}
	// A file after ours with the probe: it has been compared.
	return db.Where("key = ? AND value = ?", key, "sent").Delete(&data.Setting{}).Error
}

func probeWanted(db *gorm.DB, partner string) (bool, error) {
	var n int64
	err := db.Model(&data.Setting{}).Where("key = ?", settingProbe+partner).Count(&n).Error
	return n > 0, err
}

func probeSent(db *gorm.DB, partner string) error {
	return db.Save(&data.Setting{Key: settingProbe + partner, Value: "sent"}).Error
}

// ownTokensPending reports whether some partner has yet to send back our
// own ops.
func ownTokensPending(db *gorm.DB, self string) (bool, error) {
	var n int64
	err := db.Model(&data.Setting{}).Where("key LIKE ?", settingResendToken+"%/"+self).Count(&n).Error
	return n > 0, err
}

// ownPrefix is how far our log holds our own ops without a hole.
func ownPrefix(db *gorm.DB, self string) (int64, error) {
	var first []int64
	if err := db.Model(&Op{}).Where("origin = ? AND seq = 1", self).Limit(1).Pluck("seq", &first).Error; err != nil || len(first) == 0 {
		return 0, err
	}
	var prefix int64
	err := db.Raw(`SELECT COALESCE(MIN(seq), 0) FROM ops o WHERE origin = ? AND NOT EXISTS
		(SELECT 1 FROM ops p WHERE p.origin = o.origin AND p.seq = o.seq + 1)`, self).Scan(&prefix).Error
	return prefix, err
}

// resendChecked is how far partner's last answer for origin went (0: none).
func resendChecked(db *gorm.DB, partner, origin string) (int64, error) {
	n, _, err := settingInt(db, settingResendChecked+partner+"/"+origin)
	return n, err
}

func settingInt(db *gorm.DB, key string) (n int64, ok bool, err error) {
	var st data.Setting
	res := db.Where("key = ?", key).Limit(1).Find(&st)
	if res.Error != nil || res.RowsAffected == 0 {
		return 0, false, res.Error
	}
	n, err = strconv.ParseInt(st.Value, 10, 64)
	return n, err == nil, nil
}

// add notes that the sender's file refers to op seq of origin, which we
// do not hold as it does.
func (e *GapError) add(self, origin string, seq int64) {
	if !slices.Contains(e.ask, origin) {
		e.ask = append(e.ask, origin)
	}
	if e.Origin == "" || origin == self {
		e.Origin, e.Needed = origin, max(e.Needed, seq)
	}
	if origin == self {
		e.Own, e.floor = true, max(e.floor, seq)
	}
}

// askSender asks the sender for every op of the origins the gap names:
// for our own, every partner, as any may hold some (sync_restore.go).
func (e *GapError) askSender(db *gorm.DB, sender, self string) error {
	for _, origin := range e.ask {
		var err error
		if origin == self {
			err = askForLostOps(db, self)
		} else {
			err = askResend(db, sender, origin)
		}
		if err != nil {
			return err
		}
	}
	return raiseSeqFloor(db, e.floor)
}

// storeAcks replaces what we hold as the sender's acknowledgement with
// the vector of its file: its latest word, not the highest ever seen. An
// office that restored a backup holds less than it once said, and only
// its new vector makes our next file start where it now is (the highest
// would have every later file refused as a gap). A file imported late can
// lower it to an older vector; that only makes our next file repeat ops
// the partner already holds, which it skips.
func storeAcks(db *gorm.DB, c *Changes) error {
	old, err := acksOf(db, c.From)
	if err != nil {
		return err
	}
	if err := notePartnerWentBack(db, c, old); err != nil {
		return err
	}
	if err := db.Where("partner_id = ?", c.From).Delete(&PartnerAck{}).Error; err != nil {
		return err
	}
	acks := make([]PartnerAck, 0, len(c.Vector))
	for _, origin := range sortedKeys(c.Vector) {
		acks = append(acks, PartnerAck{PartnerID: c.From, Origin: origin, Seq: c.Vector[origin]})
	}
	if len(acks) == 0 {
		return nil
	}
	return db.Create(&acks).Error
}

// Own ops a partner never got. A restore can bring back ops of ours that
// no partner holds: made after one backup, lost in a restore of an older
// one before any file carried them (the floor moves past them), and back
// in the log when a later restore puts that backup in place. Partners
// acknowledge our ops well past them, so no file would carry them again
// and the rows they made stay here alone (seed 112 of
// TestExchangeConvergesAcrossRestores). The partner's answer to our
// request for all our ops (askForLostOps) shows what it holds: the ops of
// ours up to the answer's reach that it lacks are noted here and go along
// in every later file to it (one it holds after all is skipped), until
// its next answer says anew what it lacks. The receiver takes an op of
// the sender's own below its vector when its log does not hold it (run).
const settingOwnHoles = "op_own_holes/" // + partner id: the numbers, comma-separated

// noteOwnHoles notes, from the partner's answer c for our own ops (up to
// reach), which ops of ours it lacks.
func noteOwnHoles(db *gorm.DB, c *Changes, reach int64) error {
	self := c.To
	sent := map[int64]bool{}
	for i := range c.Ops {
		if c.Ops[i].Origin == self {
			sent[c.Ops[i].Seq] = true
		}
	}
	var logged []int64
	if err := db.Model(&Op{}).Where("origin = ? AND seq <= ?", self, reach).Order("seq").Pluck("seq", &logged).Error; err != nil {
		return err
	}
	var lacking []string
	for _, seq := range logged {
		if !sent[seq] {
			lacking = append(lacking, strconv.FormatInt(seq, 10))
		}
	}
	key := settingOwnHoles + c.From
	if len(lacking) == 0 {
		return db.Where("key = ?", key).Delete(&data.Setting{}).Error
	}
	return db.Save(&data.Setting{Key: key, Value: strings.Join(lacking, ",")}).Error
}

// ownHoleOps appends the ops of ours partner lacks that a file starting
// after since would not carry anyway. With record (a real export, not
// the export screen's count) it also notes the highest op of ours that a
// file has carried (noteOwnExported).
func ownHoleOps(tx *gorm.DB, ops []Op, partner, self string, since int64, record bool) ([]Op, error) {
	var st data.Setting
	if res := tx.Where("key = ?", settingOwnHoles+partner).Limit(1).Find(&st); res.Error != nil {
		return nil, res.Error
	}
	var err error
	for _, field := range strings.Split(st.Value, ",") {
		seq, perr := strconv.ParseInt(field, 10, 64)
		if perr != nil || seq > since {
			continue
		}
		if ops, err = readOps(tx, ops, self, seq-1, seq); err != nil {
			return nil, err
		}
	}
	if record {
		return ops, noteOwnExported(tx, ops, self)
	}
	return ops, nil
}

// Numbers no file of ours carried. No partner can hold an op of ours that
// no file of ours (to it or to an office that relays it) carried. So when
// a partner's file says it holds ops of ours numbered above the highest
// that ever left here, those are ops of a history we lost: a backup was
// copied into place by hand (no floor carried) and the numbers used again
// before any partner was heard from (seed 134 of
// TestExchangeConvergesAcrossRestores without the floor). Neither side
// would ever send the other its op under such a number; checkOwnGap asks
// the partners for all our ops instead, and the reuse shows. The mark is
// in the database, so a restored one has the mark of its day. It starts
// at 0 when the office is set up (startOwnExported); a database set up
// before that is not checked until its first export.
const settingOwnExported = "op_own_exported"

// startOwnExported sets the mark of a newly set-up office: no file has
// carried an op of it yet. Without it, a backup made before the first
// export that carried one has no mark, and after a hand-copied restore
// of it the numbers used again go unseen (seed 643 without the floor,
// TestAReusedNumberOfANeverExportedBackupIsFound).
func startOwnExported(db *gorm.DB) error {
	return db.Save(&data.Setting{Key: settingOwnExported, Value: "0"}).Error
}

// noteOwnExported raises the mark to the highest op of ours in ops.
func noteOwnExported(db *gorm.DB, ops []Op, self string) error {
	top := int64(0)
	for i := range ops {
		if ops[i].Origin == self {
			top = max(top, ops[i].Seq)
		}
	}
	cur, known, err := settingInt(db, settingOwnExported)
	if err != nil || known && cur >= top || top == 0 {
		return err
	}
	return db.Save(&data.Setting{Key: settingOwnExported, Value: strconv.FormatInt(top, 10)}).Error
}

// ownOpsLost returns how far the sender of c takes our own ops to go,
// when that shows ops of ours lost here (0 if none): what it took us to
// hold (since) or holds itself (vector) is above our log (a backup
// copied into place without the floor), or, within our log, above any
// number a file of ours carried (we numbered them again: neverExported).
func ownOpsLost(db *gorm.DB, c *Changes) (int64, error) {
	self := c.To
	claimed := max(c.Since[self], c.Vector[self])
	if claimed <= 0 {
		return 0, nil
	}
	var logEnd int64
	if err := db.Model(&Op{}).Where("origin = ?", self).Select("COALESCE(MAX(seq), 0)").Scan(&logEnd).Error; err != nil {
		return 0, err
	}
	if claimed > logEnd {
		return claimed, nil
	}
	if reused, err := neverExported(db, c.From, self, claimed); err != nil || !reused {
		return 0, err
	}
	return claimed, nil
}

// neverExported reports whether the partner claims ops of ours numbered
// above any that left here and above its last answer to our request.
func neverExported(db *gorm.DB, partner, self string, claimed int64) (bool, error) {
	exported, known, err := settingInt(db, settingOwnExported)
	if err != nil || !known {
		return false, err
	}
	checked, err := resendChecked(db, partner, self)
	return claimed > max(exported, checked), err
}
