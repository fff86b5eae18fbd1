#!/usr/bin/env python3
"""bench-families.py: the extractor's speed per producer family, two builds
alternating, on a machine whose single runs swing by ±20 %.

    go build -o /tmp/readbench-old ./internal/testpdf/readbench   # in the old checkout
    go build -o /tmp/readbench-new ./internal/testpdf/readbench
    scripts/bench-families.py TORTURE.json /tmp/readbench-old /tmp/readbench-new [ROUNDS (10)] [PASSES (3)]

TORTURE.json is a torture report (`go run ./internal/testpdf/torture ...
-json-out FILE`); the files of its pdfcpu and py-pdf sets that read
without error are grouped by producer family. Each round runs both builds
on each family, the order swapped every round, and takes the ratio of
their CPU times (new/old, as readbench prints them); the script prints
per family the median, lowest and highest ratio, and the median pages
read per CPU second of each build. Compare medians.
"""
import json
import os
import statistics
import subprocess
import sys


def cpu(binary, passes, files):
    """Pages read and CPU seconds, as readbench prints them."""
    out = subprocess.run([binary, str(passes)] + files, capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), float(out[2])


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    report, old, new = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    passes = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    families = {}
    for f in json.load(open(report))["files"]:
        if f["set"] in ("pdfcpu", "py-pdf") and f["exit_code"] == 0 and os.path.exists(f["file"]):
            families.setdefault(f["family"], []).append(f["file"])
    ratios, speeds = {}, {}
    for r in range(rounds):
        for fam, files in sorted(families.items()):
            if r % 2 == 0:
                (po, o), (pn, n) = cpu(old, passes, files), cpu(new, passes, files)
            else:
                (pn, n), (po, o) = cpu(new, passes, files), cpu(old, passes, files)
            if o > 0 and n > 0:
                ratios.setdefault(fam, []).append(n / o)
                speeds.setdefault(fam, ([], []))
                speeds[fam][0].append(po / o)
                speeds[fam][1].append(pn / n)
    for fam, rs in sorted(ratios.items()):
        so, sn = (statistics.median(v) for v in speeds[fam])
        print(f"{fam:22s} median {statistics.median(rs):5.2f}  lowest {min(rs):5.2f}  highest {max(rs):5.2f}  ({len(rs)} rounds)"
              f"  pages/CPU-s old {so:7.1f} new {sn:7.1f}")


if __name__ == "__main__":
    main()
