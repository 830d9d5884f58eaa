// Package cli is Duikou's headless surface: the subcommands that scripts
// and a provincial IT person run against a database file. It holds no Fyne;
// main.go hands it the arguments when the first one names a subcommand.
//
// Exit codes: 0 success; 1 some rows were rejected (the report says which);
// 2 a usage or file-level error, with a one-line reason on stderr and
// nothing written.
package cli

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

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
	fs.SetOutput(prefixWriter{env.Stderr, "duikou " + name + ": 参数错误："})
	fs.Usage = func() {}
	return fs
}

// parse parses flags wherever they stand and returns the positionals.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
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

// prefixWriter puts a prefix before what the flag package prints.
type prefixWriter struct {
	w      io.Writer
	prefix string
}

func (p prefixWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix); err != nil {
		return 0, err
	}
	return p.w.Write(b)
}
