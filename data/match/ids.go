package match

import "bytes"

// Worker IDs are UUIDs (36 characters of text) in every office's database,
// and a million of them were most of the index's text arena. A canonical
// one (lowercase, 8-4-4-4-12) is kept as its 16 bytes instead, flagged
// flagPackedID; any other ID is kept as given. Both forms sort as the text
// does: the hyphens stand at the same places in every canonical UUID, and
// the bytes hold the hex digits in order.

const uuidLen = 36

// idKey is how an ID is kept: its 16 bytes when it is a canonical UUID
// (packed), else the ID itself.
func idKey(id string) (key string, packed bool) {
	if len(id) != uuidLen {
		return id, false
	}
	var b [16]byte
	n := 0
	for i := 0; i < uuidLen; i++ {
		ch := id[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if ch != '-' {
				return id, false
			}
			continue
		}
		var v byte
		switch {
		case '0' <= ch && ch <= '9':
			v = ch - '0'
		case 'a' <= ch && ch <= 'f':
			v = ch - 'a' + 10
		default:
			return id, false
		}
		b[n/2] |= v << (4 * (1 - n%2))
		n++
	}
	return string(b[:]), true
}

// appendUUID appends the text of a packed UUID.
func appendUUID(dst, b []byte) []byte {
	const hex = "0123456789abcdef"
	for i, x := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, hex[x>>4], hex[x&15])
	}
	return dst
}

func (c *workerColumns) packedID(row int32) bool { return c.flags[row]&flagPackedID != 0 }

// appendID appends a row's ID as text.
func (c *workerColumns) appendID(dst []byte, row int32) []byte {
	if c.packedID(row) {
		return appendUUID(dst, c.idAt(row))
	}
	return append(dst, c.idAt(row)...)
}

// idText is a row's ID as given.
func (c *workerColumns) idText(row int32) string {
	var buf [uuidLen]byte
	return string(c.appendID(buf[:0], row))
}

// compareIDs orders two rows by their IDs as text.
func (c *workerColumns) compareIDs(a, b int32) int {
	if c.packedID(a) && c.packedID(b) {
		return bytes.Compare(c.idAt(a), c.idAt(b))
	}
	var bufA, bufB [uuidLen]byte
	return bytes.Compare(c.appendID(bufA[:0], a), c.appendID(bufB[:0], b))
}

// findID is the ID table's slot for id (as given), or the empty slot
// where it would go.
func (c *workerColumns) findID(id string) (slot int, found bool) {
	key, packed := idKey(id)
	return c.findKey(key, packed)
}

// findRow is the ID table's slot for the ID of row.
func (c *workerColumns) findRow(row int32) (slot int, found bool) {
	return c.findKey(string(c.idAt(row)), c.packedID(row))
}

func (c *workerColumns) findKey(key string, packed bool) (int, bool) {
	return c.ids.find(key, func(row int32) bool {
		return c.packedID(row) == packed && string(c.idAt(row)) == key
	})
}
