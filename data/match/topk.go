package match

// topK keeps the k best items seen so far in a min-heap whose root is the
// worst of them, so each new item costs one comparison when it is not
// better than the root, and O(log k) when it is.
type topK[T any] struct {
	k      int
	items  []T
	better func(a, b T) bool // strict order; ties broken by the caller
}

func newTopK[T any](k int, better func(a, b T) bool) *topK[T] {
	return &topK[T]{k: k, items: make([]T, 0, k), better: better}
}

// full reports whether k items are held; then root is the worst of them.
func (h *topK[T]) full() bool { return len(h.items) == h.k }
func (h *topK[T]) root() T    { return h.items[0] }

// offer keeps x if it is among the k best so far.
func (h *topK[T]) offer(x T) {
	if h.k <= 0 {
		return
	}
	if !h.full() {
		h.items = append(h.items, x)
		h.up(len(h.items) - 1)
		return
	}
	if !h.better(x, h.items[0]) {
		return
	}
	h.items[0] = x
	h.down(0)
}

func (h *topK[T]) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.better(h.items[p], h.items[i]) {
			return
		}
		h.items[p], h.items[i] = h.items[i], h.items[p]
		i = p
	}
}

func (h *topK[T]) down(i int) {
	n := len(h.items)
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < n && h.better(h.items[worst], h.items[l]) {
			worst = l
		}
		if r < n && h.better(h.items[worst], h.items[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		h.items[i], h.items[worst] = h.items[worst], h.items[i]
		i = worst
	}
}
