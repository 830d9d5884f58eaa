package app

import (
	"errors"
	"os"

	"duikou/data"
	"duikou/data/exchange"
	"duikou/data/storage"
)

// ExchangeStore is the exchange bookkeeping the 数据交换 screen lists:
// partners, files sent and received, the conflict list.
type ExchangeStore interface {
	officeReader
	Partners() ([]data.Partner, error)
	BundleHistory(partnerID, direction string, limit int) ([]storage.BundleLog, error)
	OpenConflictViews(limit int) ([]storage.ConflictView, error)
	CountOpenConflicts() (int64, error)
	ResolveConflict(id int64, takeLoser bool) error
	// PendingFor is what the next file to a partner would carry; it writes nothing.
	PendingFor(partnerID string) (*storage.Changes, error)
}

// exchangeEngine is the exchange engine (data/exchange): cards, export,
// open and apply. The engine works on the concrete *storage.Store (it
// needs the keys and the op log), which newExchangeScreen hands it.
type exchangeEngine interface {
	writeCard(path string) error
	fingerprint() (string, error)
	readCard(path string) (exchange.Card, error)
	pin(c exchange.Card) (*data.Partner, error)
	export(partnerID, path string) (exchange.Manifest, error)
	open(path string) (*exchange.Opened, error)
}

type storeEngine struct{ s *storage.Store }

func (e storeEngine) writeCard(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = exchange.WriteCard(e.s, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

func (e storeEngine) fingerprint() (string, error) { return exchange.OfficeFingerprint(e.s) }

func (e storeEngine) readCard(path string) (exchange.Card, error) {
	f, err := os.Open(path)
	if err != nil {
		return exchange.Card{}, errors.New("无法打开名片文件：" + err.Error())
	}
	defer f.Close()
	return exchange.ReadCard(f)
}

func (e storeEngine) pin(c exchange.Card) (*data.Partner, error) { return exchange.Pin(e.s, c) }

func (e storeEngine) export(partnerID, path string) (exchange.Manifest, error) {
	return exchange.ExportFile(e.s, partnerID, path)
}

func (e storeEngine) open(path string) (*exchange.Opened, error) { return exchange.OpenFile(e.s, path) }
