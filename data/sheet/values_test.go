package sheet

import (
	"strings"
	"testing"

	"duikou/data"
)

func TestParseDate(t *testing.T) {
	want := data.MakeDate(2026, 3, 5)
	for _, s := range []string{"2026-03-05", "2026/3/5", "2026.3.5", "20260305", "2026年3月5日", "2026年03月05日",
		"46086", "46086.5", "2026-03-05 00:00:00", "２０２６－０３－０５", " 2026-3-5 "} {
		if got, reason := parseDate(s); got != want || reason != "" {
			t.Errorf("parseDate(%q) = %s %q", s, got, reason)
		}
	}
	if got, _ := parseDate("2026.03"); got != data.MakeDate(2026, 3, 1) {
		t.Errorf("a month reads as its first day, got %s", got)
	}
	for _, s := range []string{"2026-02-30", "昨天", "2026", "13/45/2026", "1850-01-01"} {
		if _, reason := parseDate(s); reason == "" {
			t.Errorf("parseDate(%q) accepted", s)
		}
	}
}

func TestParseMoneyAndRanges(t *testing.T) {
	for s, want := range map[string]data.Fen{"5000": data.Yuan(5000), "5,000.00": data.Yuan(5000), "￥5000": data.Yuan(5000),
		"5000元/月": data.Yuan(5000), "5500.5": 550050, "５０００": data.Yuan(5000), "": 0} {
		if got, reason := parseMoney(s); got != want || reason != "" {
			t.Errorf("parseMoney(%q) = %d %q", s, got, reason)
		}
	}
	if _, reason := parseMoney("面议很多"); reason == "" {
		t.Error("text accepted as money")
	}
	cases := []struct {
		s      string
		lo, hi data.Fen
	}{
		{"5000-7000", data.Yuan(5000), data.Yuan(7000)}, {"5000～7000元", data.Yuan(5000), data.Yuan(7000)},
		{"5000至7000", data.Yuan(5000), data.Yuan(7000)}, {"6000以上", data.Yuan(6000), 0},
		{"7000以下", 0, data.Yuan(7000)}, {"6500", data.Yuan(6500), data.Yuan(6500)}, {"面议", 0, 0},
	}
	for _, c := range cases {
		if lo, hi, reason := parseMoneyRange(c.s); lo != c.lo || hi != c.hi || reason != "" {
			t.Errorf("parseMoneyRange(%q) = %d %d %q", c.s, lo, hi, reason)
		}
	}
}

func TestParseAgesMonthsCountsAndBools(t *testing.T) {
	ages := map[string][2]int{"18-45": {18, 45}, "18～45岁": {18, 45}, "18至45周岁": {18, 45}, "45岁以下": {0, 45},
		"18岁以上": {18, 0}, "不限": {0, 0}}
	for s, want := range ages {
		if lo, hi, reason := parseAgeRange(s); lo != want[0] || hi != want[1] || reason != "" {
			t.Errorf("parseAgeRange(%q) = %d %d %q", s, lo, hi, reason)
		}
	}
	months := map[string]int{"12": 12, "12个月": 12, "1年": 12, "2年": 24, "无": 0}
	for s, want := range months {
		if got, reason := parseMonths(s); got != want || reason != "" {
			t.Errorf("parseMonths(%q) = %d %q", s, got, reason)
		}
	}
	if n, reason := parseCount("２０人", "人"); n != 20 || reason != "" {
		t.Errorf("parseCount = %d %q", n, reason)
	}
	for s, want := range map[string]bool{"是": true, "√": true, "TRUE": true, "1": true, "否": false, "无": false, "0": false} {
		if got, ok := parseBool(s); !ok || got != want {
			t.Errorf("parseBool(%q) = %v %v", s, got, ok)
		}
	}
	if _, ok := parseBool("也许"); ok {
		t.Error("也许 read as yes or no")
	}
}

func TestHeadersAndNames(t *testing.T) {
	for raw, want := range map[string]string{"身份证号码(18位)": "身份证号码", "*姓名": "姓名", "期望月薪（元）": "期望月薪",
		"姓  名": "姓名", "联系电话\n（手机）": "联系电话", "ＮＯ.": "no."} {
		if got := normHeader(raw); got != want {
			t.Errorf("normHeader(%q) = %q, want %q", raw, got, want)
		}
	}
	for raw, want := range map[string]string{"王　芳": "王芳", " 李 建 国 ": "李建国", "阿依古丽•买买提": "阿依古丽·买买提",
		"John  Smith": "John Smith"} {
		if got := cleanName(raw); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", raw, got, want)
		}
	}
	// Every alias names one field only, in every kind.
	for _, spec := range []*kindSpec{workerSpec, employerSpec, demandSpec} {
		for h, f := range spec.byHeader {
			if h != normHeader(h) {
				t.Errorf("%s: header key %q is not normalised", spec.kind, h)
			}
			if f == nil {
				t.Errorf("%s: %q maps to nothing", spec.kind, h)
			}
		}
	}
}

func TestResolveRegion(t *testing.T) {
	county := map[string]string{
		"620123": "620123", "榆中县": "620123", "甘肃省兰州市榆中县": "620123", "兰州市榆中县": "620123",
		"甘肃榆中县": "620123", "甘肃 兰州 榆中县": "620123", "甘肃省榆中县": "620123", "榆中": "620123",
		"北京市朝阳区": "110105", "吉林省长春市朝阳区": "220104", "东莞市": "441900",
		"积石山保安族东乡族撒拉族自治县": "622927", "临夏州积石山县": "", // 州 is not a short form we know
	}
	for cell, want := range county {
		code, rest, reason := resolveRegion(cell, true)
		if want == "" {
			if reason == "" {
				t.Errorf("resolveRegion(%q) = %s, want a refusal", cell, code)
			}
			continue
		}
		if code != want || rest != "" || reason != "" {
			t.Errorf("resolveRegion(%q) = %q %q %q, want %s", cell, code, rest, reason, want)
		}
	}
	if code, rest, _ := resolveRegion("甘肃省兰州市榆中县城关镇兴隆村3社", true); code != "620123" || rest != "城关镇兴隆村3社" {
		t.Errorf("county with township: %q %q", code, rest)
	}
	for cell, wantIn := range map[string]string{"朝阳区": "有2处同名", "兰州市": "不是区县", "火星县": "未找到", "999999": "不存在", "620100": "不是区县"} {
		if _, _, reason := resolveRegion(cell, true); !strings.Contains(reason, wantIn) {
			t.Errorf("resolveRegion(%q) reason %q, want %q", cell, reason, wantIn)
		}
	}
	// Desired regions may be any level, and short.
	for cell, want := range map[string]string{"江苏": "320000", "江苏省": "320000", "南京": "320100", "南京市": "320100",
		"广西": "450000", "临夏": "622900", "重庆市合川区": "500117"} {
		if code, _, reason := resolveRegion(cell, false); code != want || reason != "" {
			t.Errorf("resolveRegion(%q, any level) = %q %q, want %s", cell, code, reason, want)
		}
	}
}
