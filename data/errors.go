package data

import (
	"errors"
	"fmt"
)

// FieldError says which field of which record is wrong and why, in words a
// clerk can act on. The Store returns it before writing anything.
type FieldError struct {
	Record string // 劳动者, 用工单位 ...
	Field  string // Go field name, e.g. "IDNumber", for the UI to place the message
	Label  string // 身份证号
	Reason string // 身份证号校验不通过…，请对照证件核对第9、15～18位
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%s的%s有误：%s", e.Record, e.Label, e.Reason)
}

func NewFieldError(record, field, label, reason string) *FieldError {
	return &FieldError{Record: record, Field: field, Label: label, Reason: reason}
}

// ErrNotFound is returned for a missing or deleted record.
var ErrNotFound = errors.New("记录不存在或已删除")

// AsFieldError unwraps a FieldError.
func AsFieldError(err error) (*FieldError, bool) {
	var fe *FieldError
	ok := errors.As(err, &fe)
	return fe, ok
}
