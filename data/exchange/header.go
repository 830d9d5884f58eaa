package exchange

import (
	"bytes"
	"encoding/base64"
)

// An exchange file's age header names its recipients in clear: one
// X25519 stanza for the receiving office and one for the sender's own
// copy. When no stanza opens with this office's identity, the file is
// either addressed to another office or its header was damaged; a header
// that is not what Export writes (another stanza type, a key or wrapped
// key of the wrong length, a stanza count other than two) is damaged, and
// is called so rather than "not for us".

// headerPeek is how much of a file is looked at: a two-stanza header is
// about 250 bytes.
const headerPeek = 4 << 10

// headerDamage describes what is wrong with the age header at the start
// of head, or "" when it is a well-formed two-recipient X25519 header (one
// that could only be refused because it is for someone else, or damaged
// within its key material where nothing can tell).
func headerDamage(head []byte) string {
	end := bytes.Index(head, []byte("\n--- "))
	if end < 0 || !bytes.HasPrefix(head, []byte(ageIntro)) {
		return "文件头不完整"
	}
	lines := bytes.Split(head[len(ageIntro):end], []byte("\n"))
	stanzas := 0
	for i := 0; i < len(lines); i++ {
		args := bytes.Fields(lines[i])
		if len(args) != 3 || string(args[0]) != "->" || string(args[1]) != "X25519" || !is32(args[2]) {
			return "文件头中的收件方记录已损坏"
		}
		i++
		if i >= len(lines) || !is32(lines[i]) {
			return "文件头中的密钥记录已损坏"
		}
		stanzas++
	}
	if stanzas != 2 {
		return "文件头中的收件方记录数目不对"
	}
	if mac := head[end+len("\n--- "):]; len(mac) < 43 || !is32(mac[:43]) {
		return "文件头的校验码已损坏"
	}
	return ""
}

// is32 reports whether b is 32 bytes in age's unpadded base64.
func is32(b []byte) bool {
	out, err := base64.RawStdEncoding.Strict().DecodeString(string(b))
	return err == nil && len(out) == 32
}
