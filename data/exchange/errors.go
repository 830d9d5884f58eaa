package exchange

import "errors"

// Reasons a file is refused before anything is written. Each is a clerk's
// sentence; the error returned may add detail after it and still match
// with errors.Is.
var (
	ErrNotBundle      = errors.New("该文件不是对口交换文件")
	ErrCorrupt        = errors.New("文件已损坏或不完整")
	ErrNotForUs       = errors.New("该文件不是发给本单位的（本单位的密钥无法打开）；如对方确认是发给本单位的，则文件已损坏，请对方重新导出")
	ErrUnsigned       = errors.New("文件没有签名，不能导入")
	ErrUnknownSender  = errors.New("发送方不是已添加的协作单位：请先导入对方的单位名片")
	ErrBadSignature   = errors.New("签名验证失败：文件可能被篡改")
	ErrContentChanged = errors.New("文件内容与签名的清单不符：文件可能被篡改")
	ErrWrongAddressee = errors.New("该文件是发给另一单位的")
	ErrOwnFile        = errors.New("这是本单位自己导出的文件，应由对方导入")
	ErrTooNew         = errors.New("该文件由较新版本的对口程序生成，请先升级本程序")
	ErrNotCard        = errors.New("该文件不是对口单位名片")
)

// refusal is a reason with the particulars of this file.
type refusal struct {
	reason error
	detail string
}

func (e *refusal) Error() string {
	if e.detail == "" {
		return e.reason.Error()
	}
	return e.reason.Error() + "（" + e.detail + "）"
}

func (e *refusal) Unwrap() error { return e.reason }

func refuse(reason error, detail string) error { return &refusal{reason, detail} }

// After a file is opened: records a partner sent that fail this office's
// validation. Nothing is imported.
var (
	ErrBadRecords     = errors.New("文件中有格式不对的记录")
	ErrRecordsRefused = errors.New("文件中有记录未通过校验，未导入任何数据")
)
