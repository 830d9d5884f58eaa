package assets

import _ "embed"

// Icon is the program icon (512×512 PNG), drawn by make-icon.sh; the
// window, the taskbar and `fyne package` use it.
//
//go:embed icon.png
var Icon []byte
