package cli

import (
	"bytes"
	"duikou/data/filewrite"
	"fmt"
	"os"

	"duikou/data/exchange"
	"duikou/data/storage"
)

// runPartner: duikou partner card|add|list ...
func runPartner(env *Env, args []string) int {
	return env.runGroup("partner", []subcommand{
		{"card", "--db 数据库 -o FILE", "写出本单位名片（FILE），并显示指纹", nil, runPartnerCard},
		{"add", "--db 数据库 FILE", "添加协作单位的名片文件 FILE", []string{"FILE  对方的名片文件"}, runPartnerAdd},
		{"list", "--db 数据库", "列出协作单位及其指纹", nil, runPartnerList},
	}, args)
}

// runPartnerCard: duikou partner card --db PATH -o FILE writes this
// office's public card and prints the fingerprint to read out by phone.
func runPartnerCard(c *dbCommand, args []string) int {
	env := c.env
	out := c.requiredString("o", "名片文件", "请用 -o 指定名片文件")
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	return c.open(reading, func(s *storage.Store) int {
		var card bytes.Buffer
		if err := exchange.WriteCard(s, &card); err != nil {
			return env.Fail("%v", err)
		}
		if err := filewrite.Bytes(*out, card.Bytes()); err != nil {
			return env.Fail("%v", err)
		}
		fp, _ := exchange.OfficeFingerprint(s)
		o := s.Office()
		fmt.Fprintf(env.Stdout, "已写出本单位名片 %s\n单位：%s（编号 %s）\n指纹：%s\n", *out, o.Name, o.ID, fp)
		fmt.Fprintln(env.Stdout, "请把名片发给协作单位，对方添加后在电话里核对指纹。")
		return ExitOK
	})
}

// runPartnerAdd: duikou partner add --db PATH FILE pins a partner's card.
func runPartnerAdd(c *dbCommand, args []string) int {
	env := c.env
	pos, err := parse(c.FlagSet, args)
	if err != nil {
		return parseExit(err)
	}
	switch {
	case len(pos) == 0:
		return env.Fail("请给出对方的名片文件")
	case len(pos) > 1:
		return env.Fail("一次只能添加一张名片，多出参数 %q", pos[1])
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return env.Fail("无法打开名片文件 %s：%s", pos[0], filewrite.Reason(err))
	}
	defer f.Close()
	card, err := exchange.ReadCard(f)
	if err != nil {
		return env.Fail("%s：%v", pos[0], err)
	}
	return c.open(writing, func(s *storage.Store) int {
		p, err := exchange.Pin(s, card)
		if err != nil {
			return env.Fail("未添加：%v", err)
		}
		fmt.Fprintf(env.Stdout, "已添加协作单位：%s\n", p.Name)
		if p.Role != "" {
			fmt.Fprintf(env.Stdout, "角色：%s\n", p.Role.Label())
		}
		fmt.Fprintf(env.Stdout, "单位编号：%s\n指纹：%s\n", p.ID, p.Fingerprint)
		fmt.Fprintln(env.Stdout, "请给对方打电话，核对对方读出的指纹与上面是否逐组一致；不一致时不要交换数据。")
		return ExitOK
	})
}

// runPartnerList: duikou partner list --db PATH. It only reads, so it
// answers while the window has the database open.
func runPartnerList(c *dbCommand, args []string) int {
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	return c.open(reading, func(s *storage.Store) int { return listPartners(c.env, s) })
}

// listPartners prints the partner table.
func listPartners(env *Env, s *storage.Store) int {
	ps, err := s.Partners()
	if err != nil {
		return env.Fail("无法读取协作单位：%v", err)
	}
	if len(ps) == 0 {
		fmt.Fprintln(env.Stdout, "还没有协作单位。用 duikou partner add 添加对方的名片。")
		return ExitOK
	}
	rows := [][]string{{"单位编号", "工会名称", "角色", "指纹"}}
	for _, p := range ps {
		fp := p.Fingerprint
		if fp == "" {
			fp = "（未导入名片，不能交换）"
		}
		role := "-"
		if p.Role != "" {
			role = p.Role.Label()
		}
		rows = append(rows, []string{p.ID, p.Name, role, fp})
	}
	writeTable(env.Stdout, rows)
	return ExitOK
}
