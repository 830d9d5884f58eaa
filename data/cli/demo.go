package cli

import (
	"duikou/data/filewrite"
	"errors"
	"fmt"
	"os"
	"time"

	"duikou/data/demo"
	"duikou/data/storage"
)

// runDemo: duikou demo --db PATH [--workers N] [--seed S]. Progress goes
// to stderr for large N; the summary to stdout. With --partner-of A.db it
// makes A's receiving partner office instead (see runDemoPartner).
func runDemo(env *Env, args []string) int {
	c := env.dbCommand("demo", "新数据库文件（必须不存在或为空），或空的 PostgreSQL 数据库的连接串",
		"--db FILE [--workers N] [--seed S] [--partner-of FILE]")
	workers := c.Int("workers", demo.DefaultWorkers, "劳动者人数")
	seed := c.Int64("seed", 1, "随机种子：相同种子生成相同数据")
	partnerOf := c.String("partner-of", "", "已有的演示数据库：生成它的输入地合作单位（双方已互加名片）")
	if code, ok := c.flagsOnly(args); !ok {
		return code
	}
	switch {
	case *c.db == "":
		return env.Fail("请用 --db 指定新数据库文件")
	case *workers <= 0:
		return env.Fail("--workers 应为正整数，现为 %d", *workers)
	}
	if fi, err := os.Stat(*c.db); err == nil && fi.Size() > 0 {
		return env.Fail("文件 %s 已存在且不为空，未做任何改动", *c.db)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return env.Fail("无法访问 %s：%s", *c.db, filewrite.Reason(err))
	}
	if *partnerOf != "" {
		return runDemoPartner(env, *partnerOf, *c.db, *seed)
	}
	start := time.Now()
	opt := demo.Options{Workers: *workers, Seed: *seed}
	if *workers >= 50000 {
		last := time.Now()
		opt.Progress = func(done, total int) {
			if done == total || time.Since(last) >= 2*time.Second {
				last = time.Now()
				fmt.Fprintf(env.Stderr, "已写入劳动者 %d / %d（%.0f 秒）\n", done, total, time.Since(start).Seconds())
			}
		}
	}
	s, err := demo.Create(*c.db, opt)
	if err != nil {
		return env.Fail("生成演示数据库失败：%v", err)
	}
	defer s.Close()
	sum, code, ok := demoCreated(env, s, *c.db)
	if !ok {
		return code
	}
	fmt.Fprintf(env.Stdout, "单位：%s（输出地），合作单位：%s\n", sum.Office, demo.PartnerName)
	fmt.Fprintf(env.Stdout, "劳动者 %d 人，用工单位 %d 家，用工需求 %d 条 共 %d 个岗位\n",
		sum.Workers, sum.Employers, sum.Demands, sum.Positions)
	fmt.Fprintf(env.Stdout, "就业安置 %d 条，跟踪服务 %d 条（逾期 %d 条）\n", sum.Placements, sum.FollowUps, sum.Overdue)
	fmt.Fprintf(env.Stdout, "用时 %.1f 秒\n", time.Since(start).Seconds())
	return ExitOK
}

// runDemoPartner makes the receiving office that the demo database at
// sendingDB names as its partner, both offices pinned to each other, so a
// newcomer can try the exchange between two demo offices at once.
func runDemoPartner(env *Env, sendingDB, db string, seed int64) int {
	return env.withDB(sendingDB, writing, func(a *storage.Store) int {
		b, err := demo.CreatePartner(db, a, seed)
		if err != nil {
			return env.Fail("生成合作单位演示数据库失败：%v", err)
		}
		defer b.Close()
		sum, code, ok := demoCreated(env, b, db)
		if !ok {
			return code
		}
		fmt.Fprintf(env.Stdout, "单位：%s（输入地），合作单位：%s（%s），双方已互加名片\n", sum.Office, a.Office().Name, sendingDB)
		fmt.Fprintf(env.Stdout, "用工单位 %d 家，用工需求 %d 条 共 %d 个岗位；劳动者由对方的交换文件带来\n",
			sum.Employers, sum.Demands, sum.Positions)
		return ExitOK
	})
}

// demoCreated counts the demo database just made at path and says it was
// made; ok is false when it could not be counted (reported, with code).
func demoCreated(env *Env, s *storage.Store, path string) (sum demo.Summary, code int, ok bool) {
	sum, err := demo.Summarize(s, s.Today())
	if err != nil {
		return sum, env.Fail("统计演示数据库失败：%v", err), false
	}
	fmt.Fprintf(env.Stdout, "已生成演示数据库 %s\n", path)
	return sum, ExitOK, true
}
