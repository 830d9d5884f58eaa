package catalog

import "testing"

func TestKnownIDPrefix(t *testing.T) {
	tests := []struct {
		code string
		want bool
		why  string
	}{
		{"620123", true, "existing county"},
		{"621121", true, "existing county"},
		{"320115", true, "existing county"},
		{"110105", true, "existing municipal district"},
		{"419001", true, "existing county under a province"},
		{"620100", true, "existing city"},
		{"620000", true, "existing province"},
		{"441900", true, "city without counties"},
		{"620199", true, "unknown county in an existing city"},
		{"621101", true, "unknown county in an existing city"},
		{"429099", true, "unknown county in a 省直辖 grouping"},
		{"110229", true, "former 北京市县 (延庆县)"},
		{"500381", true, "former 重庆市市 (江津市)"},
		{"310230", true, "former 上海市县 (崇明县)"},
		{"120225", true, "former 天津市县 (蓟县)"},
		{"110400", false, "municipality code with no county part"},
		{"119901", false, "municipality with an impossible city part"},
		{"629901", false, "city that never existed in Gansu"},
		{"622421", true, "retired 定西地区 定西县"},
		{"622701", true, "retired 平凉地区 平凉市"},
		{"513001", true, "retired 达川地区 达川市"},
		{"512501", true, "retired 宜宾地区 宜宾市"},
		{"624400", false, "former prefecture's own row is no address"},
		{"625001", false, "city part beyond any former prefecture"},
		{"000000", false, "zeros"},
		{"999999", false, "nines"},
		{"990101", false, "unknown province"},
		{"710000", false, "not in the table"},
		{"62012", false, "short"},
		{"6201234", false, "long"},
		{"62012X", false, "not digits"},
		{"", false, "empty"},
	}
	for _, tt := range tests {
		if got := KnownIDPrefix(tt.code); got != tt.want {
			t.Errorf("KnownIDPrefix(%q) = %v, want %v (%s)", tt.code, got, tt.want, tt.why)
		}
	}
}
