# compare-lib.sh: sourced by compare-stores.sh and compare-rerun.sh.
#
# compare_outputs OLD_DIR NEW_DIR FILE...: for each FILE, prints
# "identical: FILE (N bytes)" when OLD_DIR/FILE and NEW_DIR/FILE are
# byte-identical, or "DIFFERENT: FILE" and the first 20 lines of their
# diff; returns 0 when all are identical, 1 otherwise.
compare_outputs() {
	local a=$1 b=$2 f status=0
	shift 2
	for f in "$@"; do
		if cmp -s "$a/$f" "$b/$f"; then
			echo "identical: $f ($(wc -c <"$a/$f") bytes)"
		else
			echo "DIFFERENT: $f"
			diff "$a/$f" "$b/$f" | head -20
			status=1
		fi
	done
	return $status
}
