package data

// Employer is a 用工单位 whose labour demand a receiving office collects.
type Employer struct {
	Synced
	Name         string `gorm:"size:100;not null;index"`
	CreditCode   string `gorm:"size:18;not null;index"` // GB 32100 统一社会信用代码
	Region       string `gorm:"size:6;not null;index"`  // county
	Address      string `gorm:"size:200"`
	Contact      string `gorm:"size:32"`
	ContactPhone string `gorm:"size:20"`
	Industry     string `gorm:"size:32"`
	HasUnion     bool   // 已建会
	Notes        string `gorm:"size:1000"`
}

// RecordName is 用工单位.
func (*Employer) RecordName() string { return "用工单位" }
