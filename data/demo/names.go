package demo

import (
	"fmt"
	"strings"
)

// gansuSurnames are common in Lanzhou and Dingxi, roughly by frequency.
var gansuSurnames = newTable([]weighted[string]{
	{"王", 90}, {"李", 85}, {"张", 80}, {"刘", 60}, {"杨", 55}, {"马", 50}, {"陈", 45}, {"赵", 40},
	{"何", 25}, {"魏", 22}, {"牛", 20}, {"汪", 20}, {"郭", 20}, {"冯", 18}, {"罗", 16}, {"朱", 16},
	{"孙", 15}, {"周", 15}, {"吴", 14}, {"徐", 13}, {"高", 13}, {"胡", 12}, {"黄", 12}, {"董", 12},
	{"苏", 10}, {"包", 9}, {"蒲", 8}, {"杜", 8}, {"谢", 7}, {"雷", 7}, {"韩", 7}, {"石", 6},
	{"安", 6}, {"漆", 5}, {"令狐", 3}, {"边", 4}, {"毛", 5}, {"祁", 5}, {"常", 5}, {"景", 4},
})

// jiangsuSurnames for the Nanjing employers' contacts and partner clerks.
var jiangsuSurnames = newTable([]weighted[string]{
	{"王", 60}, {"张", 50}, {"陈", 60}, {"徐", 40}, {"朱", 35}, {"周", 35}, {"吴", 35}, {"孙", 30},
	{"钱", 20}, {"沈", 20}, {"顾", 18}, {"陆", 18}, {"蒋", 15}, {"丁", 12}, {"葛", 10}, {"汤", 10},
})

var (
	femaleGiven = []string{"秀", "兰", "英", "芳", "霞", "梅", "红", "娟", "丽", "燕", "玲", "萍", "琴", "花",
		"凤", "艳", "桂", "珍", "莉", "静", "敏", "婷", "雪", "娥", "春", "慧", "巧", "月", "小", "晓"}
	maleGiven = []string{"建", "国", "军", "明", "强", "伟", "平", "文", "华", "林", "海", "亮", "勇", "刚",
		"斌", "杰", "涛", "鹏", "东", "福", "成", "宝", "忠", "有", "生", "兴", "旺", "学", "永", "红"}
)

// personName is a surname and a one- or two-character given name.
func (g *gen) personName(surnames *table[string], female bool) string {
	given := maleGiven
	if female {
		given = femaleGiven
	}
	var b strings.Builder
	b.WriteString(surnames.draw(g))
	b.WriteString(pick(g, given))
	if g.chance(0.75) {
		b.WriteString(pick(g, given))
	}
	return b.String()
}

// mobilePrefixes are the mainland mobile network prefixes, weighted.
var mobilePrefixes = newTable([]weighted[string]{
	{"139", 10}, {"138", 8}, {"137", 6}, {"136", 5}, {"135", 6}, {"134", 3}, {"150", 5}, {"151", 5},
	{"152", 3}, {"157", 3}, {"158", 5}, {"159", 5}, {"177", 3}, {"178", 3}, {"180", 4}, {"181", 4},
	{"182", 4}, {"183", 4}, {"187", 5}, {"188", 4}, {"189", 6}, {"199", 3}, {"198", 2}, {"193", 2},
})

// mobile is a plausible eleven-digit mobile number.
func (g *gen) mobile() string {
	return fmt.Sprintf("%s%08d", mobilePrefixes.draw(g), g.intn(100000000))
}

// nanjingLandline is a Nanjing fixed-line number: area code 025 and eight
// digits starting 5, 6 or 8.
func (g *gen) nanjingLandline() string {
	return fmt.Sprintf("025-%d%07d", pick(g, []int{5, 6, 8, 8}), g.intn(10000000))
}
