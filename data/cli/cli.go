// Package cli is Duikou's headless surface: the subcommands that scripts
// and a provincial IT person run against a database file. It holds no Fyne;
// main.go hands it the arguments when the first one names a subcommand.
//
// Exit codes: 0 success; 1 some rows were rejected (the report says which);
// 2 a usage or file-level error, with a one-line reason on stderr and
// nothing written.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// dbUsage is every command's --db: an office's file or its server.
const dbUsage = "数据库文件，或 PostgreSQL 连接串（postgres://用户@服务器/数据库；密码放在 PGPASSWORD 或 pgpass 文件中）"

// Exit codes.
const (
	ExitOK       = 0
	ExitRejected = 1
	ExitUsage    = 2
)

// command is one subcommand.
type command struct {
	summary string
	run     func(env *Env, args []string) int
}

// commands are the subcommands by name, each with the line duikou help
// shows for it.
var commands = map[string]command{
	"allocate": {"招聘会分配：把可推荐的劳动者分配到用工需求（总分最高）", runAllocate},
	"backup":   {"备份数据库到一个文件（完整性检查通过后才生成）", runBackup},
	"demo":     {"生成演示数据库", runDemo},
	"export":   {"导出劳动者、用工单位、用工需求、就业安置或跟踪服务到 .xlsx / .csv；--template 写导入模板", runExport},
	"import":   {"从 .xlsx / .csv 导入劳动者、用工单位或用工需求（先用 --dry-run 预览）", runImport},
	"keys":     {"导出或导入本单位的交换密钥（换电脑时用，口令加密）", runKeys},
	"list":     {"列出劳动者、用工单位、用工需求或就业安置的编号和名称（供 match、allocate 使用）", runList},
	"match":    {"为一条用工需求推荐劳动者，或为一名劳动者推荐岗位", runMatch},
	"migrate":  {"把本单位的数据库迁移到 PostgreSQL 服务器（目标须为空库，迁移后核对行数和操作记录）", runMigrate},
	"monitor":  {"返贫监测：列出有返贫风险的脱贫户和监测对象；--round --month 2026-12 为每人安排一次回访", runMonitor},
	"partner":  {"协作单位：card 写出本单位名片，add 添加对方名片，list 列出协作单位", runPartner},
	"print":    {"打印就业安置花名册、劳动者名册、跟踪服务台账、用工单位名录、招聘岗位信息表或慰问金签领表为 PDF", runPrint},
	"report":   {"统计报表：monthly --month 2026-11、quarterly --quarter 2026Q4 或 --from/--to，输出 .xlsx / .pdf / --json，--submit 报出", runReport},
	"restore":  {"从备份文件恢复数据库（恢复前自动备份当前数据库）", runRestore},
	"subsidy":  {"补贴申报花名册：按补贴规则文件列出可申报和未纳入的劳动者，输出 .xlsx、公示名单/签领表 PDF 或 --json，--apply 确认申报", runSubsidy},
	"sync":     {"交换文件：export 为协作单位导出，import 导入对方发来的文件", runSync},
}

// Env is where a command writes, and who runs it.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	// Clerk names the clerk in the audit log for what this command
	// writes, exports or prints: --clerk, else DUIKOU_CLERK, else the
	// clerk saved with the office (the window's last one).
	Clerk string
}

// IsCommand reports whether name is a subcommand (as opposed to GUI flags).
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help"
}

// IsCommandLine reports whether args (without the program name) are for
// a subcommand: one is named, or they start with the global --clerk (which
// the window does not take; Run then says what is missing).
func IsCommandLine(args []string) bool {
	clerk, rest, err := globalClerk(args)
	if err != nil || clerk != "" || len(rest) < len(args) {
		return true
	}
	return len(rest) > 0 && IsCommand(rest[0])
}

// Run runs the subcommand named by args[0] (after any global --clerk
// NAME) and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr, Clerk: strings.TrimSpace(os.Getenv(ClerkEnv))}
	clerk, args, err := globalClerk(args)
	if err != nil {
		return env.Fail("%v", err)
	}
	if clerk != "" {
		env.Clerk = clerk
	}
	if len(args) == 0 {
		return env.Fail("缺少子命令（duikou help 列出子命令）")
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[1] != "help" {
			if _, ok := commands[args[1]]; ok {
				return Run([]string{args[1], "-h"}, stdout, stderr)
			}
			return env.Fail("未知的子命令 %q（duikou help 列出子命令）", args[1])
		}
		env.usage(env.Stdout)
		return ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return env.Fail("未知的子命令 %q（duikou help 列出子命令）", args[0])
	}
	return cmd.run(env, args[1:])
}

// globalClerk takes a leading --clerk NAME (or --clerk=NAME) off args.
func globalClerk(args []string) (clerk string, rest []string, err error) {
	if len(args) == 0 {
		return "", args, nil
	}
	name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
	if !strings.HasPrefix(args[0], "-") || name != "clerk" {
		return "", args, nil
	}
	if hasValue {
		return strings.TrimSpace(value), args[1:], nil
	}
	if len(args) < 2 {
		return "", nil, errors.New("--clerk 后面要跟经办人姓名")
	}
	return strings.TrimSpace(args[1]), args[2:], nil
}

func (env *Env) usage(w io.Writer) {
	fmt.Fprintln(w, "用法：duikou [--db 文件] [--demo]    打开图形界面")
	fmt.Fprintln(w, "      duikou [--clerk 经办人] 子命令 [参数]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "      duikou %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "duikou help 子命令（或 duikou 子命令 -h）列出该子命令的参数。")
	fmt.Fprintln(w, "--clerk 经办人（或环境变量 "+ClerkEnv+"）：操作日志中记为该经办人；缺省为图形界面最近一次的经办人。")
}

// Fail prints a one-line reason and returns ExitUsage.
func (env *Env) Fail(format string, args ...any) int {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintln(env.Stderr, "duikou: "+strings.ReplaceAll(msg, "\n", " "))
	return ExitUsage
}

// flags makes a FlagSet that reports to stderr and parses flags given
// after positional arguments too ("import workers FILE --db X"). synopsis
// is the command line after "duikou name", positional arguments in
// capitals (KIND, FILE); args explain them, one "KIND  meaning" each.
// Every command takes --clerk.
func (env *Env) flags(name, synopsis string, args ...string) *flag.FlagSet {
	fs := flag.NewFlagSet("duikou "+name, flag.ContinueOnError)
	// A bad flag gets one line saying what is wrong, not the whole usage
	// listing: the design's promise for exit code 2.
	fs.SetOutput(prefixWriter{w: env.Stderr, prefix: "duikou " + name + ": 参数错误：", stdout: env.Stdout,
		synopsis: synopsis, args: args})
	fs.Usage = func() {}
	fs.StringVar(&env.Clerk, "clerk", env.Clerk, "经办人姓名，记入操作日志（也可用环境变量 "+ClerkEnv+"）")
	return fs
}

// usageLine is "用法：duikou NAME SYNOPSIS" for fs.
func usageLine(fs *flag.FlagSet) string {
	line := "用法：" + fs.Name()
	if pw, ok := fs.Output().(prefixWriter); ok && pw.synopsis != "" {
		line += " " + pw.synopsis
	}
	return line
}

// failUsage reports a wrong command line with the command's usage line.
func (env *Env) failUsage(fs *flag.FlagSet) int {
	return env.Fail("%s（-h 查看说明）", usageLine(fs))
}

// parse parses flags wherever they stand and returns the positionals.
// On -h or --help it prints the flags to stdout and returns flag.ErrHelp,
// which parseExit turns into a successful exit.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printFlags(fs)
			}
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseFlagsOnly parses the flags of a command that takes no positional
// argument; ok is false when the command must stop with code: after -h
// (ExitOK), a bad flag, or an argument it refuses, naming it.
func (env *Env) parseFlagsOnly(fs *flag.FlagSet, args []string) (code int, ok bool) {
	pos, err := parse(fs, args)
	if err != nil {
		return parseExit(err), false
	}
	if len(pos) > 0 {
		return env.Fail("%s 不接受参数 %q", strings.TrimPrefix(fs.Name(), "duikou "), pos[0]), false
	}
	return ExitOK, true
}

// parseExit is the exit code for an error from parse: asking for help is
// not a failure; anything else has already been reported on one line.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	return ExitUsage
}

// printFlags lists a command's flags on stdout for -h.
func printFlags(fs *flag.FlagSet) {
	pw, ok := fs.Output().(prefixWriter)
	if !ok {
		return
	}
	fmt.Fprintln(pw.stdout, usageLine(fs))
	fs.SetOutput(pw.stdout)
	for _, a := range pw.args {
		fmt.Fprintln(pw.stdout, "  "+a)
	}
	fmt.Fprintf(pw.stdout, "%s 的参数：\n", fs.Name())
	PrintDefaults(pw.stdout, fs)
	fs.SetOutput(pw)
}

// PrintDefaults is flag.PrintDefaults in Chinese: the flag package writes
// its value types and "(default …)" in English. A flag with no usage text
// is left out (the start-up measurement is not for clerks).
func PrintDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		if f.Usage == "" {
			return
		}
		kind, usage := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		switch kind {
		case "":
		case "string":
			line += " 文本"
		case "int", "int64", "uint", "uint64":
			line += " 整数"
		case "float":
			line += " 数值"
		case "duration":
			line += " 时长"
		default:
			line += " " + kind
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		switch f.DefValue {
		case "", "0", "false":
		default:
			line += "（默认 " + f.DefValue + "）"
		}
		fmt.Fprintln(w, line)
	})
}

// prefixWriter puts a prefix before what the flag package prints; stdout
// is where help goes when the clerk asks for it.
type prefixWriter struct {
	w      io.Writer
	prefix string
	stdout io.Writer
	// synopsis and args are the command line and its positional
	// arguments, for -h and usage errors.
	synopsis string
	args     []string
}

func (p prefixWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix+TranslateFlagError(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// TranslateFlagError puts the flag package's English messages into the
// clerk's language; anything unrecognised passes through unchanged.
func TranslateFlagError(msg string) string {
	for _, t := range []struct{ en, zh string }{
		{"flag provided but not defined: ", "没有这个参数："},
		{"flag needs an argument: ", "这个参数后面要跟一个值："},
		{"invalid value ", "参数值不对："},
		{"invalid boolean value ", "参数值不对（应为 true 或 false）："},
	} {
		if rest, ok := strings.CutPrefix(msg, t.en); ok {
			return t.zh + rest
		}
	}
	return msg
}

// subcommand is one command of a group (partner card, sync export ...):
// synopsis and args are its command line and positional arguments as in
// Env.flags, summary the line the group's -h shows. Every one works on a
// database, so run gets its flags with --db declared.
type subcommand struct {
	name     string
	synopsis string
	summary  string
	args     []string
	run      func(c *dbCommand, args []string) int
}

// runGroup runs the subcommand of group named by args[0]; with -h it
// lists them on stdout and succeeds.
func (env *Env) runGroup(group string, subs []subcommand, args []string) int {
	names := make([]string, len(subs))
	for i, s := range subs {
		names[i] = s.name
	}
	if len(args) == 0 {
		return env.Fail("用法：duikou %s %s …（duikou %s -h 查看说明）", group, strings.Join(names, "|"), group)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprintf(env.Stdout, "用法：\n")
		for _, s := range subs {
			fmt.Fprintf(env.Stdout, "  duikou %s %s %s\n      %s\n", group, s.name, s.synopsis, s.summary)
		}
		fmt.Fprintf(env.Stdout, "duikou %s 子命令 -h 列出该子命令的参数。\n", group)
		return ExitOK
	}
	for _, s := range subs {
		if s.name == args[0] {
			return s.run(env.dbCommand(group+" "+s.name, dbUsage, s.synopsis, s.args...), args[1:])
		}
	}
	return env.Fail("未知的 %s 子命令 %q（可用：%s）", group, args[0], strings.Join(names, "、"))
}

// needExt refuses an output file whose name does not end in one of exts
// (a PDF named .txt opens in nothing): ExitOK when it does.
func (env *Env) needExt(path string, exts ...string) int {
	ext := strings.ToLower(filepath.Ext(path))
	if slices.Contains(exts, ext) {
		return ExitOK
	}
	return env.Fail("输出文件名须以 %s 结尾：%s", strings.Join(exts, " 或 "), filepath.Base(path))
}
