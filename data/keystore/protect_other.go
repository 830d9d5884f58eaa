//go:build !windows

package keystore

// protect and unprotect leave the bytes as they are: the file's 0600 mode
// in a 0700 folder is the protection where there is no DPAPI.
func protect(plain []byte) ([]byte, error)    { return plain, nil }
func unprotect(sealed []byte) ([]byte, error) { return sealed, nil }
