package prose

// WithinEdits reports whether a and b are at most k single-byte insertions,
// deletions or substitutions apart (Levenshtein distance), stopping as soon
// as the distance must exceed k.
func WithinEdits(a, b string, k int) bool {
	if len(a)-len(b) > k || len(b)-len(a) > k {
		return false
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= k
}
