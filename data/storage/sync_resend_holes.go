package storage

import (
	"strconv"
	"strings"

	"duikou/data"
	"gorm.io/gorm"
)

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
// after since would not carry anyway, and, with anchor, our op numbered
// since itself: the last of ours the partner says it holds goes along as
// a check that it holds that very op. If it holds another under that
// number (we restored a backup without the floor and numbered ops again
// before hearing from it), it sees so and asks for all our ops
// (sync_reuse.go); otherwise neither side would ever notice (seed 134 of
// TestExchangeConvergesAcrossRestores without the floor). A partner that
// holds it skips it. (The export screen's count leaves it out: it is not
// a change the partner lacks.)
func ownHoleOps(tx *gorm.DB, ops []Op, partner, self string, since int64, anchor bool) ([]Op, error) {
	var st data.Setting
	if res := tx.Where("key = ?", settingOwnHoles+partner).Limit(1).Find(&st); res.Error != nil {
		return nil, res.Error
	}
	var err error
	for _, field := range strings.Split(st.Value, ",") {
		seq, perr := strconv.ParseInt(field, 10, 64)
		if perr != nil || seq >= since {
			continue
		}
		if ops, err = readOps(tx, ops, self, seq-1, seq); err != nil {
			return nil, err
		}
	}
	if anchor && since > 0 {
		return readOps(tx, ops, self, since-1, since)
	}
	return ops, nil
}
