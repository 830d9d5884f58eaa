package app

import (
	"errors"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// KeyStore is what 设置's 交换密钥 asks of the data layer: the office's
// private keys live outside the database (data/keystore), and moving the
// office to a new PC is an export with a passphrase and an import there.
type KeyStore interface {
	HasKeys() bool
	ExportKeys(w io.Writer, passphrase string) error
	ImportKeys(r io.Reader, passphrase string) error
}

// keyFileExt is the extension of a key export.
const keyFileExt = ".duikoukey"

// keysSection is 设置's 交换密钥 card.
type keysSection struct {
	g      *GUI
	st     KeyStore
	status *cjkLabel
	run    *latest // the export or import, off the UI thread (scrypt takes a second)
}

func newKeysSection(g *GUI, st KeyStore) *keysSection {
	return &keysSection{g: g, st: st, run: g.newLatest()}
}

func (k *keysSection) view() fyne.CanvasObject {
	k.status = wrapLabel("")
	k.refresh()
	export := widget.NewButtonWithIcon("导出密钥…", theme.UploadIcon(), k.askExport)
	imp := widget.NewButtonWithIcon("导入密钥…", theme.DownloadIcon(), k.chooseImport)
	return section("交换密钥", "本单位给交换文件签名、解开合作方文件所用的密钥保存在这台电脑的用户账户中，不在数据库和备份里。"+
		"换电脑时在旧电脑上导出（用口令加密），在新电脑上导入。", container.NewVBox(k.status, container.NewHBox(export, imp)))
}

func (k *keysSection) refresh() {
	if k.st.HasKeys() {
		k.status.SetText("这台电脑上有本单位的密钥，可以收发交换文件。")
	} else {
		k.status.SetText("这台电脑上没有本单位的密钥：请在原来的电脑上导出密钥，再在这里导入，才能收发交换文件。")
	}
}

// askExport asks for the passphrase twice, then where to save.
func (k *keysSection) askExport() {
	pass, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem("口令", pass), widget.NewFormItem("再输一次", again)}
	items[0].HintText = "至少 8 个字符；导入时要用，请记在安全的地方"
	dialog.ShowForm("导出密钥", "导出", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		if pass.Text != again.Text {
			k.g.showText("未导出", "两次输入的口令不一致，请重新导出。")
			return
		}
		k.g.hooks().pickSave("导出密钥", "本单位密钥"+keyFileExt, []string{keyFileExt}, func(path string) {
			k.export(path, pass.Text)
		})
	}, k.g.win)
}

func (k *keysSection) export(path, passphrase string) {
	st := k.st
	k.run.submit(func() func() {
		err := writeKeyFile(path, func(w io.Writer) error { return st.ExportKeys(w, passphrase) })
		return func() {
			if err != nil {
				k.g.showError("未导出密钥", err)
				return
			}
			k.g.showText("已导出密钥", "已导出到 "+path+"。\n有了这个文件和口令就能以本单位的名义收发交换文件：请妥善保管，不要和口令放在一起。")
		}
	})
}

// writeKeyFile writes a new file readable by this account only, removing
// it again when write fails.
func writeKeyFile(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// chooseImport asks for the file, then its passphrase.
func (k *keysSection) chooseImport() {
	k.g.hooks().pickOpen("导入密钥", []string{keyFileExt}, func(path string) {
		pass := widget.NewPasswordEntry()
		dialog.ShowForm("导入密钥", "导入", "取消", []*widget.FormItem{widget.NewFormItem("口令", pass)}, func(ok bool) {
			if ok {
				k.importFile(path, pass.Text)
			}
		}, k.g.win)
	})
}

func (k *keysSection) importFile(path, passphrase string) {
	st := k.st
	k.run.submit(func() func() {
		err := readKeyFile(path, func(r io.Reader) error { return st.ImportKeys(r, passphrase) })
		return func() {
			k.refresh()
			if err != nil {
				k.g.showError("未导入密钥", err)
				return
			}
			k.g.showText("已导入密钥", "这台电脑现在可以收发本单位的交换文件了。")
		}
	})
}

func readKeyFile(path string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return errors.New("无法打开密钥文件 " + path)
	}
	defer f.Close()
	return read(f)
}
