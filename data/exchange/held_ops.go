package exchange

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"os"
)

// heldOps keeps each op's JSON from where the file has it (all ops before
// the rows) until its row's part is decoded: in memory up to spillAfter
// bytes, the rest in a temporary file. A first full sync of a million
// workers carries over a gigabyte of ops, more than an office PC should
// hold at once; a hundred thousand records stay mostly in memory. An op
// holds a worker's ID number and phone, so what goes to the file is
// sealed (AES-GCM) with a key that lives only in this process, and the
// file is removed when the import is done.
type heldOps struct {
	mem     [][]byte // the ops before spilling began; nil once taken
	memSize int64
	memory  slab

	file  *os.File
	w     *bufio.Writer
	aead  cipher.AEAD
	off   []int64 // where each op after mem starts in the file
	end   int64
	nonce [12]byte
	buf   []byte
}

// spillAfter is how many bytes of ops are held in memory.
var spillAfter int64 = 64 << 20

// add holds the next op of the file.
func (h *heldOps) add(op []byte) error {
	if h.file == nil && h.memSize+int64(len(op)) <= spillAfter {
		h.mem = append(h.mem, h.memory.copy(op))
		h.memSize += int64(len(op))
		return nil
	}
	if h.file == nil {
		if err := h.spill(); err != nil {
			return err
		}
	}
	h.buf = h.aead.Seal(h.buf[:0], h.nonceOf(len(h.mem)+len(h.off)), op, nil)
	if _, err := h.w.Write(h.buf); err != nil {
		return err
	}
	h.off = append(h.off, h.end)
	h.end += int64(len(h.buf))
	return nil
}

func (h *heldOps) spill() error {
	key := make([]byte, 32)
	rand.Read(key)
	block, err := aes.NewCipher(key)
	if err != nil {
		return err
	}
	if h.aead, err = cipher.NewGCM(block); err != nil {
		return err
	}
	if h.file, err = createGoneTemp("duikou-import-*.tmp"); err != nil {
		return err
	}
	h.w = bufio.NewWriterSize(h.file, 1<<20)
	return nil
}

// nonceOf is op i's nonce: each op is sealed once under the key.
func (h *heldOps) nonceOf(i int) []byte {
	binary.BigEndian.PutUint64(h.nonce[4:], uint64(i))
	return h.nonce[:]
}

var errHeldOp = errors.New("changes.json: an op held for its part was lost")

// take hands out op i once, its bytes in into (they live as long as the
// part that decodes them).
func (h *heldOps) take(i int, into *slab) ([]byte, error) {
	b, err := h.read(i, into)
	if i < len(h.mem) {
		h.mem[i] = nil // its bytes may go once the part has
	}
	return b, err
}

// read is op i, its bytes in into when they come from the file.
func (h *heldOps) read(i int, into *slab) ([]byte, error) {
	if i < len(h.mem) {
		if h.mem[i] == nil {
			return nil, errHeldOp
		}
		return h.mem[i], nil
	}
	j := i - len(h.mem)
	if j >= len(h.off) {
		return nil, errHeldOp
	}
	if err := h.w.Flush(); err != nil {
		return nil, err
	}
	end := h.end
	if j+1 < len(h.off) {
		end = h.off[j+1]
	}
	if n := int(end - h.off[j]); cap(h.buf) < n {
		h.buf = make([]byte, n)
	} else {
		h.buf = h.buf[:n]
	}
	if _, err := h.file.ReadAt(h.buf, h.off[j]); err != nil {
		return nil, err
	}
	op, err := h.aead.Open(h.buf[:0], h.nonceOf(i), h.buf, nil)
	if err != nil {
		return nil, errHeldOp
	}
	return into.copy(op), nil
}

// close removes the file, if any.
func (h *heldOps) close() {
	if h.file != nil {
		h.file.Close() // nameless (createGoneTemp): closing frees it
	}
}
