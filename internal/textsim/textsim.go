// Package textsim measures how alike two texts are, word by word, for
// tests and reports that compare extracted text with a reference: the
// order-sensitive F1 of the longest common subsequence of words. It
// reads and writes nothing.
package textsim

import "math/bits"

// WordF1 is 2·LCS(a, b) / (len(a) + len(b)): 1 for the same words in the
// same order, and for two empty texts.
func WordF1(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(LCS(a, b)) / float64(len(a)+len(b))
}

// LCS is the length of the longest common subsequence of a and b, by the
// bit-parallel algorithm of Hyyrö (2004): one bit per word of b, a row per
// word of a, O(len(a)·len(b)/64) time and O(len(b)) memory.
func LCS(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	pos := map[string][]int{}
	for j, w := range b {
		pos[w] = append(pos[w], j)
	}
	n := (len(b) + 63) / 64
	v := make([]uint64, n) // ones where the column has not been used
	for i := range v {
		v[i] = ^uint64(0)
	}
	m := make([]uint64, n)
	for _, w := range a {
		ps := pos[w]
		if len(ps) == 0 {
			continue
		}
		for _, j := range ps {
			m[j/64] |= 1 << (j % 64)
		}
		var carry uint64
		for k := range v {
			u := v[k] & m[k]
			sum, c := bits.Add64(v[k], u, carry)
			carry = c
			v[k] = sum | (v[k] - u)
		}
		for _, j := range ps {
			m[j/64] = 0
		}
	}
	zeros := 0
	for k, x := range v {
		if k == n-1 && len(b)%64 != 0 {
			x |= ^uint64(0) << (len(b) % 64)
		}
		zeros += 64 - bits.OnesCount64(x)
	}
	return zeros
}
