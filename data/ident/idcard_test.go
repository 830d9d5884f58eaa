package ident

import (
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// withCheck appends the computed check character to a 17-digit body, to
// build numbers whose only fault is elsewhere (date, region, sequence).
func withCheck(body string) string { return body + string(IDCheckChar(body)) }

func TestParseIDStandardExample(t *testing.T) {
	// The example number of GB 11643-1999.
	id, err := ParseID("11010519491231002X")
	if err != nil {
		t.Fatalf("ParseID: %v", err)
	}
	want := ID{Number: "11010519491231002X", Region: "110105", Birth: date(1949, 12, 31), Sex: Female}
	if id != want {
		t.Fatalf("ParseID = %+v, want %+v", id, want)
	}
	if id.Sex.Label() != "女" {
		t.Errorf("Label = %q, want 女", id.Sex.Label())
	}
}

func TestParseIDNormalisesInput(t *testing.T) {
	for _, in := range []string{
		"11010519491231002x",
		" 11010519491231002X\t",
		"110105 19491231 002X",
		"110105-19491231-002x",
		"１１０１０５１９４９１２３１００２Ｘ",
		"１１０１０５１９４９１２３１００２ｘ",
		"110105\u300019491231\u00a0002X",
		"\ufeff110105\u200b19491231002X",
	} {
		id, err := ParseID(in)
		if err != nil {
			t.Errorf("ParseID(%q): %v", in, err)
			continue
		}
		if id.Number != "11010519491231002X" {
			t.Errorf("ParseID(%q).Number = %q", in, id.Number)
		}
	}
}

func TestParseIDUpgradesFirstGeneration(t *testing.T) {
	cases := []struct {
		in   string
		want ID
	}{
		// The standard's example person before the 1999 upgrade.
		{"110105491231002", ID{Number: "11010519491231002X", Region: "110105", Birth: date(1949, 12, 31), Sex: Female}},
		{"620123850615123", ID{Number: withCheck("62012319850615123"), Region: "620123", Birth: date(1985, 6, 15), Sex: Male}},
		{"６２０１２３ ７６０２２９ ０４４", ID{Number: withCheck("62012319760229044"), Region: "620123", Birth: date(1976, 2, 29), Sex: Female}},
	}
	for _, c := range cases {
		id, err := ParseID(c.in)
		if err != nil {
			t.Errorf("ParseID(%q): %v", c.in, err)
			continue
		}
		if id != c.want {
			t.Errorf("ParseID(%q) = %+v, want %+v", c.in, id, c.want)
		}
		if len(id.Number) != 18 {
			t.Errorf("upgraded number %q is not 18 long", id.Number)
		}
	}
	if got := withCheck("62012319850615123"); got != "620123198506151239" {
		// Pin one upgrade against a hand computation (weighted sum 278 ≡ 3,
		// check 9) so the test does not
		// only compare the code with itself.
		t.Errorf("upgrade of 620123850615123 = %q, want 620123198506151239", got)
	}
}

func TestParseIDRefusesBadFirstGeneration(t *testing.T) {
	cases := map[string]string{
		"620123850231123": "15位旧身份证号无法升级为18位：出生日期19850231不存在",
		"620123850615000": "15位旧身份证号无法升级为18位：顺序码000无效（第15～17位不能全为0）",
		"629901850615123": "15位旧身份证号无法升级为18位：地址码629901不是有效的行政区划",
		"62012385061512X": "身份证号应为18位，现为15位",
	}
	for in, reason := range cases {
		_, err := ParseID(in)
		if err == nil || err.Error() != reason {
			t.Errorf("ParseID(%q) error = %v, want %q", in, err, reason)
		}
	}
}

func TestParseIDRefusals(t *testing.T) {
	tomorrow := time.Now().AddDate(0, 0, 1).Format("20060102")
	cases := []refusal{
		{"", KindEmpty, "身份证号为空"},
		{" \u3000 - ", KindEmpty, "身份证号为空"},
		{"11010519491231002", KindLength, "身份证号应为18位，现为17位"},
		{"11010519491231002X1", KindLength, "身份证号应为18位，现为19位"},
		{"11010519491231OO2X", KindChar, "含有非法字符“O”"},
		{"身份证11010519491231002X", KindChar, "含有非法字符“身”"},
		{"1101051949X231002X", KindChar, "第11位不能是“X”，X只能出现在第18位（校验位）"},
		{"110105194912310021", KindCheck, "身份证号校验不通过（通常是有一位抄错或相邻两位颠倒），请对照证件核对第2、5、9、10、15～18位，或第5、6位是否颠倒"},
		{"11010519491231002Y", KindChar, "含有非法字符“Y”"},
		{withCheck("11010519490231002"), KindDate, "出生日期19490231不存在"},
		{withCheck("62012320000230002"), KindDate, "出生日期20000230不存在"},
		{withCheck("62012319000229002"), KindDate, "出生日期19000229不存在"},
		{withCheck("62012319851301002"), KindDate, "出生日期19851301不存在"},
		{withCheck("62012319850600002"), KindDate, "出生日期19850600不存在"},
		{withCheck("62012318991231002"), KindDate, "出生日期18991231早于1900年"},
		{withCheck("620123" + tomorrow + "002"), KindDate, "出生日期" + tomorrow + "晚于今天"},
		{withCheck("62990119850615002"), KindRegion, "地址码629901不是有效的行政区划"},
		{withCheck("00000019850615002"), KindRegion, "地址码000000不是有效的行政区划"},
		{withCheck("62012319850615000"), KindSequence, "顺序码000无效（第15～17位不能全为0）"},
	}
	checkRefusals(t, "ParseID", ParseID, cases)
}

func TestParseIDDateLimits(t *testing.T) {
	today := time.Now().Format("20060102")
	for _, body := range []string{
		"62012319000101002", // the earliest accepted birth date
		"62012320000229002", // leap day of a century leap year
		"620123" + today + "002",
	} {
		if _, err := ParseID(withCheck(body)); err != nil {
			t.Errorf("ParseID(%s): %v", withCheck(body), err)
		}
	}
}

func TestIDCheckChar(t *testing.T) {
	cases := map[string]byte{
		"11010519491231002":  'X',
		"62012319850615123":  '9',
		"00000000000000000":  '1',
		"abc":                0,
		"1101051949123100X":  0,
		"110105194912310021": 0,
	}
	checkEach(t, "IDCheckChar", IDCheckChar, cases)
}

func TestAgeOn(t *testing.T) {
	id := ID{Birth: date(1949, 12, 31)}
	cases := []struct {
		day  time.Time
		want int
	}{
		{date(1950, 12, 30), 0},
		{date(1950, 12, 31), 1},
		{date(2025, 6, 1), 75},
		{date(1949, 12, 30), -1},
		// The calendar date in the day's own zone counts, not the instant.
		{time.Date(1950, 12, 31, 0, 30, 0, 0, time.FixedZone("CST", 8*3600)), 1},
	}
	for _, c := range cases {
		if got := id.AgeOn(c.day); got != c.want {
			t.Errorf("AgeOn(%v) = %d, want %d", c.day, got, c.want)
		}
	}
	leap := ID{Birth: date(2004, 2, 29)}
	if got := leap.AgeOn(date(2022, 2, 28)); got != 17 {
		t.Errorf("leap-day birth on 2022-02-28: age %d, want 17", got)
	}
	if got := leap.AgeOn(date(2022, 3, 1)); got != 18 {
		t.Errorf("leap-day birth on 2022-03-01: age %d, want 18", got)
	}
}

func TestMakeID(t *testing.T) {
	birth := date(1990, 7, 4)
	seen := map[string]bool{}
	for seq := -3; seq < 1003; seq++ {
		for _, female := range []bool{false, true} {
			n := MakeID("620102", birth, seq, female)
			id, err := ParseID(n)
			if err != nil {
				t.Fatalf("MakeID(620102, 1990-07-04, %d, %v) = %s refused: %v", seq, female, n, err)
			}
			wantSex := Male
			if female {
				wantSex = Female
			}
			if id.Number != n || id.Region != "620102" || !id.Birth.Equal(birth) || id.Sex != wantSex {
				t.Fatalf("MakeID(%d, %v) = %s parses to %+v", seq, female, n, id)
			}
			if seq >= 0 && seq < 499 {
				if seen[n] {
					t.Fatalf("MakeID(%d, %v) = %s repeats", seq, female, n)
				}
				seen[n] = true
			}
		}
	}
	if got := MakeID("110105", date(1949, 12, 31), 0, true); got != "11010519491231002X" {
		t.Errorf("MakeID for the standard's example = %s", got)
	}
	if got := MakeID("620123", date(1985, 6, 15), 499, false); got[14:17] != "999" {
		t.Errorf("seq 499 male gives sequence %s, want 999", got[14:17])
	}
}

func TestMakeIDPanicsOnBadRegion(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MakeID with a five-digit region did not panic")
		}
	}()
	MakeID("62012", date(1990, 1, 1), 1, false)
}

func TestSexLabel(t *testing.T) {
	if Male.Label() != "男" || Female.Label() != "女" || SexUnknown.Label() != "" {
		t.Errorf("labels: %q %q %q", Male.Label(), Female.Label(), SexUnknown.Label())
	}
}
