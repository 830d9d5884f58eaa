package cli

import (
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

// ClerkEnv names the clerk at this desktop for the audit log (a shortcut
// per clerk on a shared server office: set DUIKOU_CLERK=王芳). Unset, the
// office's 经办人 from 设置 is used.
const ClerkEnv = "DUIKOU_CLERK"

// ClerkFromEnv reads ClerkEnv; a name too long for the audit log is an
// error naming the variable.
func ClerkFromEnv() (string, error) {
	name := strings.TrimSpace(os.Getenv(ClerkEnv))
	if n := utf8.RuneCountInString(name); n > 32 {
		return "", fmt.Errorf("环境变量 %s 的经办人姓名过长（%d 个字，最多 32 个字）", ClerkEnv, n)
	}
	return name, nil
}
