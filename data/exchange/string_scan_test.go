package exchange

import (
	"encoding/binary"
	"testing"
)

// The string scanner skips eight bytes at a time: every byte value at
// every place among plain ASCII and UTF-8 bytes must be seen as special
// exactly when the byte-at-a-time table says so.
func TestStringScanSeesEverySpecialByteEightAtATime(t *testing.T) {
	var b [8]byte
	for _, fill := range []byte{'a', 0x20, 0x7f, 0x80, 0xe5, 0xff} {
		for pos := range b {
			for c := 0; c < 256; c++ {
				for i := range b {
					b[i] = fill
				}
				b[pos] = byte(c)
				if got, want := anySpecial(binary.LittleEndian.Uint64(b[:])), !plainInString[c]; got != want {
					t.Fatalf("byte %#x at %d among %#x: special %v, want %v", c, pos, fill, got, want)
				}
			}
		}
	}
}
