// Package ident validates, normalises and masks the identifiers a clerk
// types or imports: the resident identity card number (GB 11643-1999,
// 公民身份号码), the unified social credit code of an employer or union
// (GB 32100-2015, 统一社会信用代码) and a mainland phone number (mobile, or a fixed line with its area code).
//
// Input is first normalised the way clerks' data actually arrives: pasted
// from Excel or WeChat with spaces, hyphens, full-width digits and lower-case
// letters. Every refusal is an *Error whose Reason is a Chinese sentence that
// tells the clerk what is wrong and where to look ("请对照证件核对第9、15～18
// 位"), so the GUI and the importer can show it unchanged.
//
// Masking (MaskID, MaskPhone) implements the display rule of the design:
// ID numbers show the first six and last four characters, phones the first
// three and last four; odd input is masked more, never less.
//
// BadTextChar (and TextCharReason, its sentence for the clerk) finds the
// control and bidirectional formatting characters that no text field may
// hold (a NUL in a name, a U+202E that makes it display reversed).
package ident
