#!/usr/bin/env bash
# Start-up and footprint benchmark (issue 16): the server on a scanned library under the Pi unit's
# JVM line (pi/src/deb/jvm.options, the unit's MALLOC_ARENA_MAX, a class-data-sharing archive made
# by the same training run as `minstrel-setup cds`), that line without each of its measures, the
# line the unit had before, and a plain `java -jar`, in alternating rounds; then supysonic on the
# same library (bench/supysonic.sh, FOOTPRINT mode). Prints the issue's table and one row per line.
# Needs JDK 17, Maven, python3, curl; installs wrk (and supysonic) from Debian when missing.
# About 10 minutes per round with 10,000 tracks, plus supysonic's scan.
#   bench/startup.sh
#   ROUNDS=3 TRACKS=10000 bench/startup.sh
#   SKIP_SUPYSONIC=1 ROUNDS=1 LOAD_SECONDS=10 bench/startup.sh     # quicker
set -euo pipefail
cd "$(dirname "$0")/.."
export TRACKS="${TRACKS:-10000}" WORK="${WORK:-/tmp/minstrel-startup}" PORT="${PORT:-4595}"
export ROUNDS="${ROUNDS:-2}" LOAD_SECONDS="${LOAD_SECONDS:-20}"
rm -rf "$WORK" && mkdir -p "$WORK"
command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk

echo "== build: the server jar and the Debian package's extracted jar"
mvn -q -B -DskipTests package -pl pi -am
mvn -q -B -pl library dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
export APP="$PWD/pi/target/app" FAT_JAR="$PWD/server/target/minstrel.jar" MUSIC="$WORK/music"

echo "== generate a library of $TRACKS tracks"
java -cp "library/target/test-classes:library/target/classes:$(cat "$WORK/cp.txt")" \
  dev.minstrel.library.fixtures.LibraryGenerator "$MUSIC" "$TRACKS" 7

if [ "${SKIP_SUPYSONIC:-0}" != 1 ]; then
  echo "== supysonic on the same library"
  WORK="$WORK/supysonic" MUSIC="$MUSIC" FOOTPRINT=1 bench/supysonic.sh
fi

echo "== Minstrel: $ROUNDS rounds"
python3 bench/startup.py
