// Command duikou is 对口劳务协作: a desktop program for county trade-union
// clerks who run cross-province labour cooperation. With no subcommand it
// opens the GUI; with one (demo, import, export, match ...) it runs
// headless for scripts. This is the only file that imports Fyne's app
// package, so everything else can be tested without a display.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"duikou/app"
	"duikou/assets"
	"duikou/data/applog"
	"duikou/data/cli"
	"duikou/data/dbconn"
	"duikou/data/demo"
	"duikou/data/keystore"
	"duikou/data/osopen"
	"duikou/data/storage"
)

func main() {
	os.Exit(run())
}

func run() int {
	lg := openLog()
	defer lg.Close()
	if cli.IsCommandLine(os.Args[1:]) {
		return runCommand(lg.Logger, os.Args[1:])
	}
	return runGUI(lg, os.Args[1:])
}

// openLog opens the log file in the user config folder's duikou\logs
// (%AppData%\duikou\logs on Windows), whichever database --db names, and
// makes it the default slog logger (the standard log package, and so
// Fyne's own error messages, then write there too). Without a config
// folder (or a writable one) nothing is logged.
func openLog() *applog.Log {
	if dir, err := os.UserConfigDir(); err == nil {
		if lg, err := applog.Open(filepath.Join(dir, "duikou", "logs"), applog.Options{}); err == nil {
			slog.SetDefault(lg.Logger)
			return lg
		}
	}
	return applog.Nop()
}

// runCommand runs a subcommand with its stderr also kept (the last few KB)
// so that a failure or a warning is written to the log as one record; a
// panic is logged with its stack and then goes on as a panic. Arguments are
// not logged: a PostgreSQL connection string may hold a password.
func runCommand(lg *slog.Logger, args []string) int {
	defer applog.Catch(lg, "duikou "+args[0], nil)
	var tail tailBuffer
	code := cli.Run(args, os.Stdout, io.MultiWriter(os.Stderr, &tail))
	switch {
	case code == cli.ExitOK && tail.Len() == 0:
	case code == cli.ExitOK || code == cli.ExitRejected:
		lg.Warn("命令有提示", "command", args[0], "exit", code, "stderr", tail.String())
	default:
		lg.Error("命令失败", "command", args[0], "exit", code, "stderr", tail.String())
	}
	return code
}

// tailBuffer keeps the last 8 KB written to it.
type tailBuffer struct{ bytes.Buffer }

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.Buffer.Write(p)
	if over := t.Len() - 8<<10; over > 0 {
		t.Next(over)
	}
	return len(p), nil
}

// runGUI opens the window on the database named by --db, a fresh demo
// database (--demo) or the default one in the user's config directory.
func runGUI(lg *applog.Log, args []string) (code int) {
	// A panic on the UI goroutine (or one of the window's goroutines,
	// which forward theirs to it: app/panic.go) ends the window: the
	// deferred cleanups below (closing the Store) run first, then it is
	// logged here with its stack, and a small window of a fresh process
	// tells the clerk what happened and where the log file is (this
	// process's Fyne loop is gone; a -H=windowsgui build has no stderr).
	defer applog.Catch(lg.Logger, "窗口", func(v any) {
		msg := fmt.Sprintf("程序出错（%v），窗口已关闭。", v)
		if lg.Path() != "" {
			msg += "详情已记录在日志文件 " + lg.Path() + " 中，请把它发给技术支持。"
		}
		fmt.Fprintln(os.Stderr, "duikou: "+msg)
		startPanicReport(msg, lg.Dir())
		code = exitPanic
	})
	fs := flag.NewFlagSet("duikou", flag.ContinueOnError)
	dbPath := fs.String("db", "", "数据库`文件`（默认在用户配置目录的 duikou 文件夹中），或 PostgreSQL 连接串\n（postgres://用户@服务器/数据库，密码放在 PGPASSWORD 或 pgpass 文件中）")
	useDemo := fs.Bool("demo", false, "在临时文件夹中新建一个演示数据库并打开（关闭后删除）")
	// --measure-startup prints the time to the first frame, the time until
	// the worker list shows its first rows, and the resident memory, then
	// quits: the README's start-up figures come from it.
	measure := fs.Bool("measure-startup", false, "")
	// --measure-match opens 匹配推荐 after the first frame and prints when
	// the match index is ready, one ranking's time and the resident
	// memory, then quits: the README's 匹配推荐 figures come from it.
	measureMatch := fs.Bool("measure-match", false, "")
	// --panic-report is the window a crashed window starts (startPanicReport).
	panicReport := fs.Bool("panic-report", false, "")
	// -h prints the usage on stdout and succeeds; a wrong flag is one
	// Chinese line on stderr (the flag package's own output is English).
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stdout, "用法：duikou [--db 文件] [--demo]    打开图形界面；duikou help 列出子命令")
			cli.PrintDefaults(os.Stdout, fs)
			return cli.ExitOK
		}
		fmt.Fprintln(os.Stderr, "duikou: 参数错误："+cli.TranslateFlagError(err.Error())+"（duikou -h 查看用法）")
		return cli.ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "duikou: 未知的子命令 %q（duikou help 列出子命令）\n", fs.Arg(0))
		return cli.ExitUsage
	}

	a := fyneapp.NewWithID(app.AppID)
	app.UseTheme(a)
	icon := fyne.NewStaticResource("icon.png", assets.Icon)
	a.SetIcon(icon)

	if *panicReport {
		showPanicReport(a, os.Getenv(envPanicMessage), os.Getenv(envPanicLogDir))
		return cli.ExitOK
	}

	store, cleanup, err := openStore(*dbPath, *useDemo)
	if err != nil {
		showFatal(a, err)
		return cli.ExitUsage
	}
	defer cleanup()

	w := a.NewWindow(app.AppName)
	w.SetIcon(icon)
	app.RememberSize(a, w)
	w.SetMaster()
	gui := app.New(a, w, store, app.Options{Demo: *useDemo, LogDir: lg.Dir()})
	// A restore in 设置 replaces the Store: close whichever is current
	// (and keep the matching index for the next start).
	defer gui.Close()
	if *measure {
		app.MeasureStartup(gui, os.Stdout)
	} else if *measureMatch {
		app.MeasureMatch(gui, os.Stdout)
	} else if !*useDemo {
		// The daily backup copies the whole file; start it once the
		// window is up rather than delay the first frame.
		time.AfterFunc(5*time.Second, func() {
			fyne.Do(func() {
				current := gui.Store()
				go func() {
					defer applog.Catch(lg.Logger, "每日备份", func(any) {})
					if _, err := current.DailyBackup(); err != nil {
						fyne.LogError("每日备份失败", err)
					}
				}()
			})
		})
	}
	slog.Info("窗口已打开", "db", dbconn.Display(*dbPath), "demo", *useDemo)
	w.ShowAndRun()
	return cli.ExitOK
}

// exitPanic is the exit code after a panic was caught and logged.
const exitPanic = 3

// openStore opens the database the flags name; cleanup removes a demo
// database's folder after the window closes.
func openStore(path string, useDemo bool) (*storage.Store, func(), error) {
	none := func() {}
	if useDemo {
		dir, err := os.MkdirTemp("", "duikou-demo-")
		if err != nil {
			return nil, none, fmt.Errorf("无法创建演示数据库的临时文件夹：%w", err)
		}
		// The throwaway office's keys go with it, not into the clerk's
		// key folder (data/keystore).
		os.Setenv(keystore.EnvDir, filepath.Join(dir, "keys"))
		s, err := demo.Create(filepath.Join(dir, "demo.db"), demo.Options{})
		if err != nil {
			os.RemoveAll(dir)
			return nil, none, fmt.Errorf("无法创建演示数据库：%w", err)
		}
		return s, func() { os.RemoveAll(dir) }, nil
	}
	if path == "" {
		dir, err := os.UserConfigDir() // %AppData% on Windows
		if err != nil {
			return nil, none, errors.New("找不到用户配置目录，请用 --db 指定数据库文件或 PostgreSQL 连接串")
		}
		path = filepath.Join(dir, "duikou", "duikou.db")
	}
	clerk, err := cli.ClerkFromEnv()
	if err != nil {
		return nil, none, err
	}
	s, err := storage.OpenWith(path, storage.Options{Program: "对口劳务协作窗口", Clerk: clerk})
	if err != nil {
		return nil, none, err
	}
	return s, none, nil
}

// The message and log folder a crashed window hands to its report window.
const (
	envPanicMessage = "DUIKOU_PANIC_MESSAGE"
	envPanicLogDir  = "DUIKOU_PANIC_LOG_DIR"
)

// startPanicReport starts this program again to show msg in a window,
// with a button that opens the log folder; it does not wait for it.
func startPanicReport(msg, logDir string) {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	cmd := exec.Command(exe, "--panic-report")
	cmd.Env = append(os.Environ(), envPanicMessage+"="+msg, envPanicLogDir+"="+logDir)
	if err := cmd.Start(); err != nil {
		slog.Error("无法显示出错提示窗口", "err", err)
	}
}

// showPanicReport is the window startPanicReport opens.
func showPanicReport(a fyne.App, msg, logDir string) {
	w := a.NewWindow(app.AppName + " — 程序出错")
	text := widget.NewLabel(msg + "\n\n重新打开程序即可继续工作；已保存的数据不受影响。")
	text.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(widget.NewButton("关闭", a.Quit))
	if logDir != "" {
		open := widget.NewButton("打开日志文件夹", func() {
			if err := osopen.Open(logDir); err != nil {
				text.SetText(text.Text + "\n\n无法打开日志文件夹：" + err.Error())
			}
		})
		open.Importance = widget.HighImportance
		buttons.Objects = append([]fyne.CanvasObject{open}, buttons.Objects...)
	}
	w.SetContent(container.NewBorder(nil, container.NewCenter(buttons), nil, nil, text))
	w.Resize(fyne.NewSize(560, 240))
	w.ShowAndRun()
}

// showFatal tells the clerk why the program cannot start: a windowsgui
// program has no console, so the reason goes in a window as well.
func showFatal(a fyne.App, err error) {
	fmt.Fprintln(os.Stderr, "duikou: "+err.Error())
	slog.Error("程序无法启动", "err", err)
	w := a.NewWindow(app.AppName)
	msg := widget.NewLabel("程序无法启动：\n" + err.Error())
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton("确定", a.Quit)), nil, nil, msg))
	w.Resize(fyne.NewSize(520, 200))
	w.ShowAndRun()
}
