package pdftext

// Text outside the clip. A viewer paints nothing outside the clipping
// region in force, so a glyph drawn wholly outside it is not on the page
// a person reads: the end of a line that runs past a text box or a table
// cell and is cut off at its edge, the digits of a long number cut by the
// panel that shows it, a slide's line cut off by the next slide's frame.
// Only an exact clip counts (paint.go: rectangles along the axes, and a
// form's /BBox); a glyph whose box meets the clip at all, even by a
// sliver, stays, and so does every glyph under a clip not known exactly.

// clipSlack is how far, in points, a glyph's box may lie outside an exact
// clip and still count as meeting it: rounding in producers' rectangles.
const clipSlack = 0.5

// clippedOut reports whether a glyph at x, y (its origin on the baseline)
// with advance w, in frame fr, lies wholly outside the clip c. Upright,
// the box runs along the baseline from the origin over the advance (at
// least a tenth of the size), and from a quarter of the size below the
// baseline to the size above it; turned by another angle or skewed, it is
// taken as everything within the advance plus the size of the origin, in
// doubt larger.
func clippedOut(c *clip, x, y, w float64, fr *frame) bool {
	if !c.set || c.inexact {
		return false
	}
	size := fr.size
	along := max(w, size/10)
	var x0, y0, x1, y1 float64
	if fr.upright {
		// the corners origin + a·(dx, dy) + u·(-dy, dx), a in [0, along], u in [-size/4, size]
		dx, dy := baselineDirection(fr.rot)
		lo, hi := -size/4, size
		x0, y0, x1, y1 = bounds([]point{
			{x - dy*lo, y + dx*lo}, {x - dy*hi, y + dx*hi},
			{x + dx*along - dy*lo, y + dy*along + dx*lo}, {x + dx*along - dy*hi, y + dy*along + dx*hi},
		})
	} else {
		r := along + size
		x0, y0, x1, y1 = x-r, y-r, x+r, y+r
	}
	return x1 < c.x0-clipSlack || x0 > c.x1+clipSlack || y1 < c.y0-clipSlack || y0 > c.y1+clipSlack
}
