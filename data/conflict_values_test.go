package data

import (
	"testing"
)

// Both sides of a conflict read as a clerk typed them, not as stored.
func TestConflictValuesReadAsTyped(t *testing.T) {
	for _, c := range []struct{ table, column, raw, want string }{
		{"workers", "expected_wage", "500000", "5000 元"},
		{"follow_ups", "amount", "1250", "12.50 元"},
		{"workers", "status", `"idle"`, "待业"},
		{"demands", "status", `"open"`, "招聘中"},
		{"follow_ups", "status", `"open"`, "待办"},
		{"placements", "stage", `"started"`, "已上岗"},
		{"follow_ups", "method", `"phone"`, "电话"},
		{"workers", "hukou_region", `"620123"`, "甘肃省兰州市榆中县"},
		{"demands", "occupation", `"housekeeper"`, "家政服务员"},
		{"workers", "consent", "true", "是"},
		{"workers", "desired_regions", `["320100","320000"]`, "江苏省南京市、江苏省"},
		{"workers", "skills", `[{"occ":"electrician","level":3}]`, "电工（三级/高级工）"},
		{"workers", "notes", `"已订车票"`, "已订车票"},
		{"workers", "notes", "null", ""},
		{"demands", "headcount", "12", "12"},
	} {
		if got := ConflictValue(Table(c.table), c.column, c.raw); got != c.want {
			t.Errorf("%s.%s %s: got %q, want %q", c.table, c.column, c.raw, got, c.want)
		}
	}
}
