#!/usr/bin/env bash
# deps.sh — install what referat's scripts need and the machine lacks.
#   scripts/deps.sh test    for the tests: java, mvn, unzip, curl, python3, chromium,
#                           tesseract with Norwegian and pdftoppm (OCR of scans),
#                           and a JDK 21 or later for Elasticsearch 9
#   scripts/deps.sh gen     also what makes the test PDFs: LibreOffice Writer,
#                           ghostscript, qpdf, poppler-utils, fonts, hyphenation
# Debian packages are installed with apt-get when running as root; otherwise
# the missing ones are named.
set -euo pipefail

want=()
need() { # COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 || want+=("$2")
}
need java openjdk-17-jre-headless
need mvn maven
need unzip unzip
need curl curl
need python3 python3
need chromium chromium
need tesseract tesseract-ocr
need pdftoppm poppler-utils
[ -f /usr/share/tesseract-ocr/5/tessdata/nor.traineddata ] || ls /usr/share/tesseract-ocr/*/tessdata/nor.traineddata >/dev/null 2>&1 || want+=(tesseract-ocr-nor)
if [ "${1:-test}" = gen ]; then
	need soffice libreoffice-writer-nogui
	need gs ghostscript
	need qpdf qpdf
	need pdftotext poppler-utils
	need pdflatex texlive-latex-base
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || want+=(fonts-dejavu-core)
	[ -d /usr/share/fonts/truetype/liberation ] || want+=(fonts-liberation)
	[ -d /usr/share/hyphen ] && ls /usr/share/hyphen | grep -q nb || want+=(hyphen-no)
fi
# Elasticsearch 9 needs a full JDK 21 or later (scripts/es.sh says why and
# where it looks): the newest OpenJDK apt offers, else (Debian bookworm,
# which has 17 only) trixie's, made to run here by scripts/jdk.sh.
jdk_sh=
if [ "${1:-test}" = test ] && ! ES_VERSION=9 "$(dirname "$0")/es.sh" java >/dev/null 2>&1; then
	jdk=
	[ "$(id -u)" = 0 ] && apt-get update -qq >&2 && updated=1
	for v in 25 21; do
		if apt-cache policy "openjdk-$v-jdk-headless" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
			jdk=openjdk-$v-jdk-headless
			break
		fi
	done
	if [ -n "$jdk" ]; then
		want+=("$jdk")
	else
		need patchelf patchelf
		jdk_sh=1
	fi
fi
if [ ${#want[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "deps.sh: please install these Debian packages: ${want[*]}" >&2
		exit 1
	fi
	echo "deps.sh: installing ${want[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	[ -n "${updated:-}" ] || apt-get update -qq >&2
	apt-get install -y -qq --no-install-recommends "${want[@]}" >&2
fi
if [ -n "$jdk_sh" ] && ! "$(dirname "$0")/jdk.sh" >/dev/null; then
	echo "deps.sh: no JDK for Elasticsearch 9: scripts/test.sh skips its tests (fails under CI=true)" >&2
fi
