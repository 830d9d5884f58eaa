//go:build windows

package keystore

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// protect encrypts with DPAPI for the current Windows account
// (CryptProtectData): another account, or the file copied to another PC,
// cannot unprotect it.
func protect(plain []byte) ([]byte, error) {
	return dpapi(plain, true)
}

// unprotect is CryptUnprotectData.
func unprotect(sealed []byte) ([]byte, error) {
	return dpapi(sealed, false)
}

func dpapi(in []byte, seal bool) ([]byte, error) {
	if len(in) == 0 {
		return nil, windows.ERROR_INVALID_DATA
	}
	blob := windows.DataBlob{Size: uint32(len(in)), Data: &in[0]}
	var out windows.DataBlob
	var err error
	if seal {
		err = windows.CryptProtectData(&blob, nil, nil, 0, nil, windows.CRYPTPROTECT_UI_FORBIDDEN, &out)
	} else {
		err = windows.CryptUnprotectData(&blob, nil, nil, 0, nil, windows.CRYPTPROTECT_UI_FORBIDDEN, &out)
	}
	if err != nil {
		return nil, err
	}
	defer windows.LocalFree(windows.Handle(unsafe.Pointer(out.Data)))
	return append([]byte(nil), unsafe.Slice(out.Data, out.Size)...), nil
}
