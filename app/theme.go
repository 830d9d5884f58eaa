package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"duikou/assets"
)

// The bundled Noto Sans SC is the font for every text style: a Windows PC
// with no Chinese system font (an English-language Windows, a fresh wine
// prefix) would otherwise draw each Chinese character as a box. Noto Sans
// SC has Latin glyphs too, so one family serves the whole window.
var (
	fontRegular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.FontBold)
)

// Theme is Duikou's theme: Fyne's default look in its light variant
// whatever the OS prefers (clerks print and compare with paper forms), with
// the bundled font.
type Theme struct{}

var _ fyne.Theme = Theme{}

// Font returns the bundled Noto Sans SC, bold for bold styles. Monospace
// text uses it as well: Fyne's own monospace font has no Chinese.
func (Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

// disabledText is darker than Fyne's (#e3e3e3, barely visible on white):
// Duikou's notes and hints use this colour, and a clerk must be able to
// read them on an old office monitor.
var disabledText = color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}

// inputBorder is darker than Fyne's (#e3e3e3 on a #f3f3f3 box): an
// unticked check box is drawn in this colour and was all but invisible, so
// a clerk could not see there was something to tick. Entry borders gain
// the same contrast.
var inputBorder = color.NRGBA{R: 0x8a, G: 0x8a, B: 0x8a, A: 0xff}

// successText is a dark green (5.6:1 on white) for 校验通过 and 已记录:
// Fyne's light green (#43f436) is hard to read on white.
var successText = color.NRGBA{R: 0x1b, G: 0x7a, B: 0x34, A: 0xff}

// Color is the default theme's light palette, with readable grey and
// green text and visible input borders.
func (Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameSuccess:
		return successText
	case theme.ColorNameDisabled:
		return disabledText
	case theme.ColorNameInputBorder:
		return inputBorder
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// Icon is the default theme's icon.
func (Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size is the default theme's size.
func (Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
