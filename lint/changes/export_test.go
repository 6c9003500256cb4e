package changes

// Comparisons is the number of pairwise comparisons made so far.
func Comparisons() int64 { return comparisons.Load() }
