#!/usr/bin/env bash
# deps.sh — install what referat's scripts need and the machine lacks.
#   scripts/deps.sh test    for the tests: java, mvn, unzip, curl, python3, chromium,
#                           tesseract with Norwegian and pdftoppm (OCR of scans)
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
[ ${#want[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: please install these Debian packages: ${want[*]}" >&2
	exit 1
fi
echo "deps.sh: installing ${want[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${want[@]}" >&2
