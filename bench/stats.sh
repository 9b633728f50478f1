#!/usr/bin/env bash
# The listening stats at 50 listeners (issue 13: 1,000,000 listens) beside the same calls at 10,000
# listens, in the same run (never a timed unit test): p50 and p99 of one user's stats, the circle,
# a recap, the taste overlap, making the playlists again after a listen, the recap card, and an
# indexed COUNT(*) as the baseline (ListeningStatsBenchmark). The generated histories are kept in
# $WORK/stats for the next run: writing a million listens and rebuilding their roll-ups takes
# tens of minutes on two cores.
#   bench/stats.sh                    # 10,000 and 1,000,000 listens
#   LISTENS=200000 bench/stats.sh     # a smaller history beside the baseline
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="${WORK:-/tmp/minstrel-bench}"
LISTENS="${LISTENS:-1000000}"
mkdir -p "$WORK"

echo "== build"
mvn -q -B -ntp -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$WORK/stats-cp.txt"
CP="bench/target/classes:$(cat "$WORK/stats-cp.txt")"

echo "== listening stats at 50 listeners, 10,000 and $LISTENS listens (issue: p99 < 200 ms, playlists < 50 ms, card < 300 ms)"
java -cp "$CP" org.openjdk.jmh.Main ListeningStatsBenchmark -p "listens=10000,$LISTENS" \
  -jvmArgsAppend "-Dminstrel.bench.dir=$WORK/stats" -wi 1 -w 3 -i 1 -r 5 -f 1 \
  -rf text -rff "$WORK/stats.txt" >"$WORK/stats.log" 2>&1
grep -E "\[history\]" "$WORK/stats.log" || true
grep -E "p0.50 |p0.99 " "$WORK/stats.txt"
