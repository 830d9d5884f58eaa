package match

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"sync"
)

// A snapshot is the index's workers written to a file, so that a process
// ranking a million workers reads them back in a fraction of a second
// instead of rebuilding them from the database. It carries a stamp the
// caller chooses (data/recommend stamps it with the state of the op log)
// and a checksum, so a stale or damaged file is refused, never half used.
// Demands are not in it: they are few and always reloaded.
//
// Layout, little-endian: the magic, the stamp, the two interners' keys,
// the row count, every column as a block, the dead-space counters, and a
// CRC-32 of everything before it.

const snapshotMagic = "DUIKOU-MATCH-INDEX-2\n" // 2: packed UUIDs (flagPackedID)

// ErrStaleSnapshot: the snapshot was written for another stamp.
var ErrStaleSnapshot = errors.New("match: snapshot stamp differs")

// WriteSnapshot writes the index's workers under stamp.
func (ix *Index) WriteSnapshot(w io.Writer, stamp string) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	c := &ix.workers
	sw := &snapshotWriter{w: bufio.NewWriterSize(w, 1<<20), crc: crc32.NewIEEE()}
	sw.bytes([]byte(snapshotMagic))
	sw.text(stamp)
	sw.strings(ix.occ.keys)
	sw.strings(ix.reg.keys)
	sw.u64(uint64(c.len()))
	sw.bytes(c.flags)
	sw.ints(c.birth)
	sw.ints(c.avail)
	sw.u64s(c.wage)
	sw.ints(c.home)
	sw.ints(c.featAt)
	sw.bytes(c.nSkill)
	sw.bytes(c.nOcc)
	sw.bytes(c.nReg)
	sw.u64(uint64(len(c.feat)))
	sw.ints(c.feat)
	sw.ints(c.textAt)
	sw.shorts(c.idLen)
	sw.shorts(c.nameLen)
	sw.u64(uint64(len(c.text)))
	sw.bytes(c.text)
	sw.u64(uint64(c.featDead))
	sw.u64(uint64(c.textDead))
	if sw.err != nil {
		return sw.err
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], sw.crc.Sum32())
	if _, err := sw.w.Write(sum[:]); err != nil {
		return err
	}
	return sw.w.Flush()
}

// ReadSnapshot reads an index written by WriteSnapshot under the stamp
// want; another stamp is ErrStaleSnapshot (found after reading only the
// header). A damaged or truncated file is an error, and no index.
func ReadSnapshot(r io.Reader, want string) (*Index, error) {
	sr := &snapshotReader{r: bufio.NewReaderSize(r, 1<<20), crc: crc32.NewIEEE()}
	if magic := sr.bytes(len(snapshotMagic)); sr.err != nil || string(magic) != snapshotMagic {
		return nil, fmt.Errorf("match: not a snapshot")
	}
	if stamp := sr.text(); sr.err == nil && stamp != want {
		return nil, ErrStaleSnapshot
	}
	ix := NewIndex()
	ix.occ = newInterner(sr.strings())
	ix.reg = newInterner(sr.strings())
	c := &ix.workers
	n := sr.count()
	c.flags = sr.bytes(n)
	c.birth = readInts[day](sr, n)
	c.avail = readInts[day](sr, n)
	c.wage = readU64s[int64](sr, n)
	c.home = readInts[int32](sr, n)
	c.featAt = readInts[uint32](sr, n)
	c.nSkill, c.nOcc, c.nReg = sr.bytes(n), sr.bytes(n), sr.bytes(n)
	c.feat = readInts[int32](sr, sr.count())
	c.textAt = readInts[uint32](sr, n)
	c.idLen = readShorts(sr, n)
	c.nameLen = readShorts(sr, n)
	c.text = sr.bytes(sr.count())
	c.featDead, c.textDead = sr.count(), sr.count()
	want32 := sr.crc.Sum32()
	var sum [4]byte
	if sr.err == nil {
		_, sr.err = io.ReadFull(sr.r, sum[:])
	}
	if sr.err != nil {
		return nil, fmt.Errorf("match: snapshot damaged: %w", sr.err)
	}
	if binary.LittleEndian.Uint32(sum[:]) != want32 {
		return nil, fmt.Errorf("match: snapshot damaged: checksum")
	}
	if err := c.check(len(ix.occ.keys), len(ix.reg.keys)); err != nil {
		return nil, err
	}
	c.byOcc.rebuild(c)
	ix.idsOnce = sync.Once{} // not built yet: see ensureIDs
	go func() {
		ix.mu.RLock()
		defer ix.mu.RUnlock()
		ix.ensureIDs()
	}()
	return ix, nil
}

// indexIDs fills the ID table of columns read from a snapshot. A file
// that passed its checksum was written from an index, whose IDs are
// distinct; should one repeat all the same, the first row keeps it.
func (c *workerColumns) indexIDs() {
	size := 16
	for size < 2*c.len()+2 {
		size *= 2
	}
	c.ids.slots = make([]int32, size) // half full at most: no rehash on the way
	for row := range int32(c.len()) {
		if slot, found := c.findRow(row); !found {
			c.ids.insert(slot, row, c.idAt)
		}
	}
}

// check makes sure every offset and id in the columns points inside its
// arena or interner, so a file that passed the checksum by accident can
// not make a later query index out of range.
func (c *workerColumns) check(occs, regs int) error {
	bad := func(what string, row int) error {
		return fmt.Errorf("match: snapshot damaged: %s of row %d", what, row)
	}
	for row := range c.len() {
		end := uint64(c.featAt[row]) + uint64(c.nSkill[row]) + uint64(c.nOcc[row]) + uint64(c.nReg[row])
		if end > uint64(len(c.feat)) {
			return bad("features", row)
		}
		if uint64(c.textAt[row])+uint64(c.idLen[row])+uint64(c.nameLen[row]) > uint64(len(c.text)) {
			return bad("text", row)
		}
		if c.packedID(int32(row)) && c.idLen[row] != 16 {
			return bad("packed ID", row)
		}
		if h := c.home[row]; h < -1 || int(h) >= regs {
			return bad("home", row)
		}
		skills, wished, regions := c.features(int32(row))
		for _, s := range skills {
			if s < 0 || int(s>>levelBits) >= occs {
				return bad("skill", row)
			}
		}
		for _, o := range wished {
			if o < 0 || int(o) >= occs {
				return bad("desired occupation", row)
			}
		}
		for _, g := range regions {
			if g < 0 || int(g) >= regs {
				return bad("desired region", row)
			}
		}
	}
	return nil
}

func newInterner(keys []string) interner {
	in := interner{ids: make(map[string]int32, len(keys)), keys: keys}
	for i, k := range keys {
		in.ids[k] = int32(i)
	}
	return in
}

// snapshotWriter writes blocks and keeps the first error and the CRC.
type snapshotWriter struct {
	w   *bufio.Writer
	crc hash.Hash32
	err error
	buf []byte
}

func (sw *snapshotWriter) bytes(b []byte) {
	if sw.err != nil {
		return
	}
	sw.crc.Write(b)
	_, sw.err = sw.w.Write(b)
}

func (sw *snapshotWriter) u64(v uint64) { sw.bytes(binary.LittleEndian.AppendUint64(sw.buf[:0], v)) }

func (sw *snapshotWriter) text(s string) {
	sw.u64(uint64(len(s)))
	sw.bytes([]byte(s))
}

func (sw *snapshotWriter) strings(ss []string) {
	sw.u64(uint64(len(ss)))
	for _, s := range ss {
		sw.text(s)
	}
}

// ints writes 32-bit values, encoded in chunks so a million rows need no
// million-row buffer.
func (sw *snapshotWriter) ints(vs any) {
	switch v := vs.(type) {
	case []day:
		writeChunks(sw, v, func(b []byte, x day) []byte { return binary.LittleEndian.AppendUint32(b, uint32(x)) })
	case []int32:
		writeChunks(sw, v, func(b []byte, x int32) []byte { return binary.LittleEndian.AppendUint32(b, uint32(x)) })
	case []uint32:
		writeChunks(sw, v, binary.LittleEndian.AppendUint32)
	default:
		panic("match: snapshot column type")
	}
}

func (sw *snapshotWriter) u64s(vs []int64) {
	writeChunks(sw, vs, func(b []byte, x int64) []byte { return binary.LittleEndian.AppendUint64(b, uint64(x)) })
}

func (sw *snapshotWriter) shorts(vs []uint16) {
	writeChunks(sw, vs, binary.LittleEndian.AppendUint16)
}

// snapshotChunk is how many values are encoded or decoded at a time.
const snapshotChunk = 1 << 14

func writeChunks[T any](sw *snapshotWriter, vs []T, put func([]byte, T) []byte) {
	for len(vs) > 0 {
		n := min(len(vs), snapshotChunk)
		b := sw.buf[:0]
		for _, x := range vs[:n] {
			b = put(b, x)
		}
		sw.buf = b
		sw.bytes(b)
		vs = vs[n:]
	}
}

// snapshotReader reads blocks and keeps the first error and the CRC.
type snapshotReader struct {
	r   *bufio.Reader
	crc hash.Hash32
	err error
}

// maxSnapshotLen bounds any count in a snapshot: a damaged length must
// not make the reader allocate without end.
const maxSnapshotLen = 1 << 31

func (sr *snapshotReader) bytes(n int) []byte {
	if sr.err != nil || n < 0 || n > maxSnapshotLen {
		if sr.err == nil {
			sr.err = fmt.Errorf("length %d", n)
		}
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(sr.r, b); err != nil {
		sr.err = err
		return nil
	}
	sr.crc.Write(b)
	return b
}

func (sr *snapshotReader) u64() uint64 {
	b := sr.bytes(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

func (sr *snapshotReader) count() int {
	v := sr.u64()
	if v > math.MaxInt32 && sr.err == nil {
		sr.err = fmt.Errorf("count %d", v)
	}
	return int(v)
}

func (sr *snapshotReader) text() string { return string(sr.bytes(sr.count())) }

func (sr *snapshotReader) strings() []string {
	n := sr.count()
	if sr.err != nil || n > 1<<20 {
		if sr.err == nil {
			sr.err = fmt.Errorf("key count %d", n)
		}
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = sr.text()
	}
	return out
}

func readInts[T ~int32 | ~uint32](sr *snapshotReader, n int) []T {
	return readColumn(sr, n, 4, func(b []byte) T { return T(binary.LittleEndian.Uint32(b)) })
}

func readU64s[T ~int64](sr *snapshotReader, n int) []T {
	return readColumn(sr, n, 8, func(b []byte) T { return T(binary.LittleEndian.Uint64(b)) })
}

func readShorts(sr *snapshotReader, n int) []uint16 {
	return readColumn(sr, n, 2, binary.LittleEndian.Uint16)
}

// readColumn reads n values of size bytes each, decoding them in chunks:
// a million rows need no second buffer of a million rows, whose garbage
// would stay resident in the window long after the read.
func readColumn[T any](sr *snapshotReader, n, size int, get func([]byte) T) []T {
	if sr.err != nil || n < 0 || n > maxSnapshotLen/size {
		if sr.err == nil {
			sr.err = fmt.Errorf("length %d", n)
		}
		return nil
	}
	out := make([]T, n)
	buf := make([]byte, min(n, snapshotChunk)*size)
	for i := 0; i < n; i += snapshotChunk {
		m := min(snapshotChunk, n-i)
		b := buf[:m*size]
		if _, err := io.ReadFull(sr.r, b); err != nil {
			sr.err = err
			return nil
		}
		sr.crc.Write(b)
		for k := range m {
			out[i+k] = get(b[k*size:])
		}
	}
	return out
}
