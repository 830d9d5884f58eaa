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

var commands = map[string]command{}

func register(name, summary string, run func(env *Env, args []string) int) {
	commands[name] = command{summary, run}
}

// Env is where a command writes.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
}

// IsCommand reports whether name is a subcommand (as opposed to GUI flags).
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help"
}

// Run runs the subcommand named by args[0] and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr}
	if len(args) == 0 || args[0] == "help" {
		env.usage()
		return ExitUsage
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return env.Fail("未知的子命令 %q", args[0])
	}
	return cmd.run(env, args[1:])
}

func (env *Env) usage() {
	fmt.Fprintln(env.Stderr, "用法：duikou [--db 文件] [--demo]    打开图形界面")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(env.Stderr, "      duikou %-8s %s\n", n, commands[n].summary)
	}
}

// Fail prints a one-line reason and returns ExitUsage.
func (env *Env) Fail(format string, args ...any) int {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintln(env.Stderr, "duikou: "+strings.ReplaceAll(msg, "\n", " "))
	return ExitUsage
}

// flags makes a FlagSet that reports to stderr and parses flags given
// after positional arguments too ("import workers FILE --db X").
func (env *Env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("duikou "+name, flag.ContinueOnError)
	// A bad flag gets one line saying what is wrong, not the whole usage
	// listing: the design's promise for exit code 2.
	fs.SetOutput(prefixWriter{env.Stderr, "duikou " + name + ": 参数错误：", env.Stdout})
	fs.Usage = func() {}
	return fs
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
	fs.SetOutput(pw.stdout)
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
}

func (p prefixWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix+translateFlagError(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// translateFlagError puts the flag package's English messages into the
// clerk's language; anything unrecognised passes through unchanged.
func translateFlagError(msg string) string {
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
