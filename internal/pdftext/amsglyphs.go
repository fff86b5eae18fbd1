package pdftext

// The AMS symbol fonts (msam and msbm, from amssymb) name their glyphs
// outside the Adobe Glyph List too. Beamer draws every default bullet
// with msam's "trianglerightsld" (▶); a pdfTeX slide set gives that font
// no ToUnicode, so the bullet was read by its code, as a letter "I" at
// the start of every item. Relations (⩽, ≨, ⊊), negations (≰, ⊈) and
// arrows come from the same fonts.

// amsName returns the text of an msam or msbm glyph name that neither
// the Adobe Glyph List nor texName has (where the list names the glyph,
// as "muchless" or "notless", the list's reading is kept).
func amsName(name string) (string, bool) {
	s := ""
	switch name {
	// msam: symbols, relations and arrows.
	case "square":
		s = "□"
	case "squaresolid":
		s = "■"
	case "squaredot":
		s = "⊡"
	case "squareplus":
		s = "⊞"
	case "squaremultiply":
		s = "⊠"
	case "squareminus":
		s = "⊟"
	case "circleequal":
		s = "≗"
	case "followsorequal":
		s = "≿"
	case "greaterorsimilar":
		s = "≳"
	case "greaterorapproxeql":
		s = "⪆"
	case "multimap":
		s = "⊸"
	case "equalsdots":
		s = "≑"
	case "defines":
		s = "≜"
	case "precedesorequal":
		s = "≾"
	case "lessorsimilar":
		s = "≲"
	case "lessorapproxeql":
		s = "⪅"
	case "equalorless":
		s = "⪕"
	case "equalorgreater":
		s = "⪖"
	case "equalorprecedes":
		s = "⋞"
	case "equalorfollows":
		s = "⋟"
	case "precedesorcurly":
		s = "≼"
	case "lessdblequal":
		s = "≦"
	case "lessorequalslant":
		s = "⩽"
	case "primereverse":
		s = "‵"
	case "equaldotrightleft":
		s = "≓"
	case "equaldotleftright":
		s = "≒"
	case "followsorcurly":
		s = "≽"
	case "greaterdblequal":
		s = "≧"
	case "greaterorequalslant":
		s = "⩾"
	case "squareimage":
		s = "⊏"
	case "squareoriginal":
		s = "⊐"
	case "trianglerightequal":
		s = "⊵"
	case "triangleleftequal":
		s = "⊴"
	case "between":
		s = "≬"
	case "triangledownsld":
		s = "▼"
	case "trianglerightsld":
		s = "▶"
	case "triangleleftsld":
		s = "◀"
	case "trianglesolid":
		s = "▲"
	case "ringinequal":
		s = "≖"
	case "lessequalgreater":
		s = "⋚"
	case "greaterlessequal":
		s = "⋛"
	case "lessdbleqlgreater":
		s = "⪋"
	case "greaterdbleqlless":
		s = "⪌"
	case "arrowtripleright":
		s = "⇛"
	case "arrowtripleleft":
		s = "⇚"
	case "orunderscore":
		s = "⊻"
	case "nand":
		s = "⊼"
	case "perpcorrespond":
		s = "⩞"
	case "measuredangle":
		s = "∡"
	case "sphericalangle":
		s = "∢"
	case "subsetdbl":
		s = "⋐"
	case "supersetdbl":
		s = "⋑"
	case "uniondbl":
		s = "⋓"
	case "intersectiondbl":
		s = "⋒"
	case "uprise":
		s = "⋏"
	case "downfall":
		s = "⋎"
	case "multiopenleft":
		s = "⋋"
	case "multiopenright":
		s = "⋌"
	case "subsetdblequal":
		s = "⫅"
	case "supersetdblequal":
		s = "⫆"
	case "difference":
		s = "≏"
	case "geomequivalent":
		s = "≎"
	case "rightanglenw":
		s = "⌜"
	case "rightanglene":
		s = "⌝"
	case "rightanglesw":
		s = "⌞"
	case "rightanglese":
		s = "⌟"
	case "circleR":
		s = "®"
	case "circleS":
		s = "Ⓢ"
	case "fork":
		s = "⋔"
	case "dotplus":
		s = "∔"
	case "revsimilar":
		s = "∽"
	case "revasymptequal":
		s = "⋍"
	case "maltesecross":
		s = "✠"
	case "complement":
		s = "∁"
	case "intercal":
		s = "⊺"
	case "circlering":
		s = "⊚"
	case "circleasterisk":
		s = "⊛"
	case "check":
		s = "✓"
	case "Yen":
		s = "¥"
	case "lozengesolid":
		s = "⧫"
	case "squigarrowright":
		s = "⇝"
	// msbm: negated relations, Hebrew letters and others.
	case "notlessequal":
		s = "≰"
	case "notgreaterequal":
		s = "≱"
	case "notfollows":
		s = "⊁"
	case "lessornotdbleql":
		s = "≨"
	case "greaterornotdbleql":
		s = "≩"
	case "lessnotequal":
		s = "⪇"
	case "greaternotequal":
		s = "⪈"
	case "precedeornoteqvlnt":
		s = "⋨"
	case "followornoteqvlnt":
		s = "⋩"
	case "lessornotsimilar":
		s = "⋦"
	case "greaterornotsimilar":
		s = "⋧"
	case "precedenotslnteql":
		s = "⪵"
	case "follownotslnteql":
		s = "⪶"
	case "precedenotdbleqv":
		s = "⪹"
	case "follownotdbleqv":
		s = "⪺"
	case "lessnotdblequal":
		s = "⪉"
	case "greaternotdblequal":
		s = "⪊"
	case "notsimilar":
		s = "≁"
	case "notapproxequal":
		s = "≇"
	case "subsetornotdbleql":
		s = "⫋"
	case "supersetornotdbleql":
		s = "⫌"
	case "subsetnoteql":
		s = "⊊"
	case "supersetnoteql":
		s = "⊋"
	case "notsubseteql":
		s = "⊈"
	case "notsuperseteql":
		s = "⊉"
	case "notbar":
		s = "∤"
	case "notturnstile":
		s = "⊬"
	case "notforces":
		s = "⊮"
	case "notsatisfies":
		s = "⊭"
	case "notforcesextra":
		s = "⊯"
	case "nottriangeqlright":
		s = "⋭"
	case "nottriangeqlleft":
		s = "⋬"
	case "nottriangleleft":
		s = "⋪"
	case "nottriangleright":
		s = "⋫"
	case "notarrowleft":
		s = "↚"
	case "notarrowright":
		s = "↛"
	case "notdblarrowleft":
		s = "⇍"
	case "notdblarrowright":
		s = "⇏"
	case "notdblarrowboth":
		s = "⇎"
	case "notarrowboth":
		s = "↮"
	case "dividemultiply":
		s = "⋇"
	case "notexistential":
		s = "∄"
	case "Omegainv":
		s = "℧"
	case "beth":
		s = "ℶ"
	case "daleth":
		s = "ℸ"
	case "equalorsimilar":
		s = "≂"
	case "lessdot":
		s = "⋖"
	case "greaterdot":
		s = "⋗"
	case "multicloseleft":
		s = "⋉"
	case "multicloseright":
		s = "⋊"
	case "integerdivide":
		s = "∖"
	case "approxorequal":
		s = "≊"
	case "archleftdown":
		s = "↶"
	case "archrightdown":
		s = "↷"
	case "planckover2pi":
		s = "ℏ"
	case "planckover2pi1":
		s = "ℏ"
	case "epsiloninv":
		s = "϶"
	case "Finv":
		s = "Ⅎ"
	case "Gmir":
		s = "⅁"
	default:
		return "", false
	}
	return s, true
}
