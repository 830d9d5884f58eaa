// Package assets holds what the program embeds: the Noto Sans SC fonts
// (SIL Open Font License, see fonts/OFL.txt) that draw Chinese on a PC with
// no Chinese system font and go into printed PDFs, and the program icon.
package assets

import _ "embed"

// FontRegular is Noto Sans SC Regular (TrueType), from the npm package
// @expo-google-fonts/noto-sans-sc 0.4.3.
//
//go:embed fonts/NotoSansSC_400Regular.ttf
var FontRegular []byte

// FontBold is Noto Sans SC Bold (TrueType), from the same package.
//
//go:embed fonts/NotoSansSC_700Bold.ttf
var FontBold []byte
