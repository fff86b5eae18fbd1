package pdftext

import "strings"

// TeX's math fonts (Computer Modern's cmsy, cmmi and cmex, and the fonts
// made like them) name many glyphs outside the Adobe Glyph List: prime,
// triangle, mapsto, bardbl, angbracketleft, summationdisplay. A pdfTeX
// file gives such a font no ToUnicode and no /Encoding, so the built-in
// encoding's glyph name is all there is; without it the code was read as
// StandardEncoding reads it: "0" for ′ (A′ became A0), "4" for △, "k" for
// ∥, "X" for ∑. MuPDF reads most of these names as the characters they
// draw (pdftotext does not); texGlyph does the same, from the glyph names
// of the fonts' own encodings and the characters Unicode has for them
// (those of TeX Live's texglyphlist where it names one).

// texGlyph returns the text of a TeX math font's glyph name that the
// Adobe Glyph List lacks. The big operators and delimiters of cmex come
// in sizes ("parenleftbig" … "parenleftBigg", "summationtext",
// "summationdisplay"): the size is cut off first.
func texGlyph(name string) (string, bool) {
	if s, ok := texName(name); ok {
		return s, true
	}
	if s, ok := amsName(name); ok { // amsglyphs.go
		return s, true
	}
	for _, size := range [...]string{"Bigg", "bigg", "Big", "big", "display", "text"} {
		if base, ok := strings.CutSuffix(name, size); ok && base != "" {
			if s, ok := texName(base); ok {
				return s, true
			}
			if s, ok := aglLookup(base); ok {
				return s, true
			}
			return "", false
		}
	}
	return "", false
}

// texName is the table of texGlyph: a switch, compiled into the binary,
// so that it costs the collector nothing.
func texName(name string) (string, bool) {
	s := ""
	switch name {
	// cmsy: symbols.
	case "prime":
		s = "′"
	case "triangle":
		s = "△"
	case "triangleinv":
		s = "▽"
	case "mapsto":
		s = "↦"
	case "bardbl":
		s = "∥"
	case "owner":
		s = "∋"
	case "negationslash":
		s = "\u0338"
	case "diamondmath":
		s = "⋄"
	case "circleminus":
		s = "⊖"
	case "circledivide":
		s = "⊘"
	case "circledot":
		s = "⊙"
	case "circlecopyrt":
		s = "◯"
	case "equivasymptotic":
		s = "≍"
	case "precedesequal":
		s = "⪯"
	case "followsequal":
		s = "⪰"
	case "lessmuch":
		s = "≪"
	case "greatermuch":
		s = "≫"
	case "follows":
		s = "≻"
	case "similarequal":
		s = "≃"
	case "arrownortheast":
		s = "↗"
	case "arrowsoutheast":
		s = "↘"
	case "arrownorthwest":
		s = "↖"
	case "arrowsouthwest":
		s = "↙"
	case "arrowbothv":
		s = "↕"
	case "arrowdblbothv":
		s = "⇕"
	case "latticetop":
		s = "⊤"
	case "unionmulti":
		s = "⊎"
	case "unionsq":
		s = "⊔"
	case "intersectionsq":
		s = "⊓"
	case "subsetsqequal":
		s = "⊑"
	case "supersetsqequal":
		s = "⊒"
	case "turnstileleft":
		s = "⊢"
	case "turnstileright":
		s = "⊣"
	case "floorleft":
		s = "⌊"
	case "floorright":
		s = "⌋"
	case "ceilingleft":
		s = "⌈"
	case "ceilingright":
		s = "⌉"
	case "angbracketleft":
		s = "⟨"
	case "angbracketright":
		s = "⟩"
	case "wreathproduct":
		s = "≀"
	case "coproduct":
		s = "∐"
	// cmmi: letters and symbols.
	case "epsilon1":
		s = "ε"
	case "pi1":
		s = "ϖ"
	case "rho1":
		s = "ϱ"
	case "harpoonleftup":
		s = "↼"
	case "harpoonleftdown":
		s = "↽"
	case "harpoonrightup":
		s = "⇀"
	case "harpoonrightdown":
		s = "⇁"
	case "triangleright":
		s = "▷"
	case "triangleleft":
		s = "◁"
	case "star":
		s = "⋆"
	case "lscript":
		s = "ℓ"
	case "flat":
		s = "♭"
	case "natural":
		s = "♮"
	case "sharp":
		s = "♯"
	case "slurabove":
		s = "⌢"
	case "slurbelow":
		s = "⌣"
	// cmex: the big operators (their sizes cut off by texGlyph).
	case "summation":
		s = "∑"
	case "product":
		s = "∏"
	case "contintegral":
		s = "∮"
	case "logicaland":
		s = "⋀"
	case "logicalor":
		s = "⋁"
	case "circleplus":
		s = "⨁"
	case "circlemultiply":
		s = "⨂"
	default:
		return "", false
	}
	return s, true
}
