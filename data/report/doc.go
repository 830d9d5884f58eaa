// Package report prints Duikou's lists as PDF forms a union office signs:
// the placement roster (就业安置花名册), the worker list, the follow-up
// ledger, the 慰问金签领表, and a subsidy roster's 公示名单 and 签领表 (a
// 签领表's rows leave room to sign). Pages are A4 landscape with a title, the issuing union, the date
// range, a table whose header row repeats on every page, "第 N 页 共 M 页"
// and a signature block (经办人 / 审核人 / 单位盖章 / 日期) at the end. The
// bundled Noto Sans SC font is embedded as a subset, so the file prints the
// same on a PC with no Chinese font. Long names and addresses wrap inside
// their cells, character by character, and no character is dropped.
//
// ID numbers and phones are masked unless full numbers are asked for, and
// every print is recorded in the audit log.
package report
