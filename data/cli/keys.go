package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"duikou/data/storage"
)

// EnvPassphrase names the environment variable a script sets to give the
// key export's passphrase without a prompt.
const EnvPassphrase = "DUIKOU_KEY_PASSPHRASE"

// readPassword reads a passphrase from the terminal without echo; a test
// replaces it.
var readPassword = func(prompt string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", fmt.Errorf("没有终端可输入口令：请在命令行窗口中运行，或用环境变量 %s 给出口令", EnvPassphrase)
	}
	fmt.Fprint(os.Stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	return string(b), err
}

// runKeys: duikou keys export --db PATH -o FILE | duikou keys import --db PATH FILE
func runKeys(env *Env, args []string) int {
	c := env.dbCommand("keys", dbUsage, "export --db 数据库 -o FILE | import --db 数据库 FILE", "FILE  导出或导入的密钥文件（口令加密）")
	out := c.String("o", "", "导出的密钥文件（export）")
	pos, err := parse(c.FlagSet, args)
	if err != nil {
		return parseExit(err)
	}
	const usage = "用法：duikou keys export --db 数据库 -o 密钥文件 | duikou keys import --db 数据库 密钥文件"
	switch {
	case len(pos) == 1 && pos[0] == "export":
		return keysExport(env, *c.db, *out)
	case len(pos) == 2 && pos[0] == "import":
		return keysImport(env, *c.db, pos[1])
	}
	return env.Fail(usage)
}

// passphrase is DUIKOU_KEY_PASSPHRASE, or asked for (twice when it is
// being chosen).
func passphrase(choosing bool) (string, error) {
	if p := os.Getenv(EnvPassphrase); p != "" {
		return p, nil
	}
	p, err := readPassword("请输入密钥文件的口令：")
	if err != nil || !choosing {
		return p, err
	}
	again, err := readPassword("请再输入一次口令：")
	if err != nil {
		return "", err
	}
	if again != p {
		return "", errors.New("两次输入的口令不一致")
	}
	return p, nil
}

func keysExport(env *Env, db, out string) int {
	if out == "" {
		return env.Fail("请用 -o 指定导出的密钥文件")
	}
	if _, err := os.Stat(out); err == nil {
		return env.Fail("%s 已存在，请换一个文件名", out)
	}
	return env.withDB(db, writing, func(s *storage.Store) int {
		pass, err := passphrase(true)
		if err != nil {
			return env.Fail("%v", err)
		}
		f, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return env.Fail("无法创建 %s：%v", out, err)
		}
		err = s.ExportKeys(f, pass)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(out)
			return env.Fail("%v", err)
		}
		fmt.Fprintf(env.Stdout, "已导出“%s”的密钥到 %s。请妥善保管此文件和口令：有了它们就能以本单位的名义收发交换文件。\n", s.Office().Name, out)
		return ExitOK
	})
}

func keysImport(env *Env, db, file string) int {
	f, err := os.Open(file)
	if err != nil {
		return env.Fail("无法打开密钥文件 %s", file)
	}
	defer f.Close()
	return env.withDB(db, writing, func(s *storage.Store) int {
		pass, err := passphrase(false)
		if err != nil {
			return env.Fail("%v", err)
		}
		if err := s.ImportKeys(f, pass); err != nil {
			return env.Fail("%s", strings.TrimSuffix(err.Error(), "。"))
		}
		fmt.Fprintf(env.Stdout, "已导入“%s”的密钥，这台电脑可以收发交换文件了。\n", s.Office().Name)
		return ExitOK
	})
}
