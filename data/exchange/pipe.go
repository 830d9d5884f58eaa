package exchange

import "io"

// asyncWriter hands the bytes written to it to another goroutine that
// writes them on, so producing a bundle's JSON and compressing, hashing
// and encrypting it use two cores instead of one.
type asyncWriter struct {
	full  chan []byte
	empty chan []byte
	done  chan error
	err   error
}

const asyncChunk = 256 << 10

func newAsyncWriter(dst io.Writer) *asyncWriter {
	w := &asyncWriter{full: make(chan []byte, 4), empty: make(chan []byte, 4), done: make(chan error, 1)}
	for range 4 {
		w.empty <- make([]byte, 0, asyncChunk)
	}
	go func() {
		var err error
		for b := range w.full {
			if err == nil {
				_, err = dst.Write(b)
			}
			w.empty <- b[:0]
		}
		w.done <- err
	}()
	return w
}

// Write copies p into free buffers and queues them; an error from the
// destination surfaces at Close.
func (w *asyncWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		b := <-w.empty
		k := min(len(p), cap(b))
		w.full <- append(b, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// Close waits for everything queued to be written.
func (w *asyncWriter) Close() error {
	close(w.full)
	return <-w.done
}
