#!/usr/bin/env bash
# How many real-time transcodes this machine sustains through Minstrel, beside ffmpeg run alone on
# the same file in the same run (the limit), and beside plain streaming of the original. Needs the
# packaged server (server/target/minstrel.jar: `mvn -B -DskipTests package` builds it), ffmpeg,
# curl and python3. About 3 minutes.
#   bench/transcode.sh                         # MP3 320 -> MP3 128 kbit/s
#   FORMAT=opus RATE=96 bench/transcode.sh     # MP3 320 -> Opus 96
#   STREAMS="1 2 4 8" SECONDS_OF_AUDIO=120 bench/transcode.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
FORMAT="${FORMAT:-mp3}"
RATE="${RATE:-128}"
STREAMS="${STREAMS:-1 2 4 8}"
SECONDS_OF_AUDIO="${SECONDS_OF_AUDIO:-120}"
TTFB_SAMPLES="${TTFB_SAMPLES:-20}"
WORK="${WORK:-/tmp/minstrel-bench-transcode}"
PORT="${PORT:-4593}"
PASSWORD=bench-password
JAR=server/target/minstrel.jar
[ -f "$JAR" ] || { echo "build the server first: mvn -B -DskipTests package" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/music/Bench/Tones"
SOURCE="$WORK/music/Bench/Tones/01 Tone.mp3"
case "$FORMAT" in
  mp3) ENCODER=(-c:a libmp3lame -f mp3) ;;
  opus) ENCODER=(-c:a libopus -vbr constrained -f ogg) ;;
  aac) ENCODER=(-c:a aac -f adts) ;;
  *) echo "FORMAT must be mp3, opus or aac" >&2; exit 1 ;;
esac

echo "== source: ${SECONDS_OF_AUDIO} s of stereo MP3 at 320 kbit/s; target: $FORMAT at $RATE kbit/s; $(nproc) cores"
ffmpeg -nostdin -v error -f lavfi -i "sine=frequency=440:duration=$SECONDS_OF_AUDIO" \
  -f lavfi -i "sine=frequency=660:duration=$SECONDS_OF_AUDIO" -filter_complex amerge=inputs=2 \
  -c:a libmp3lame -b:a 320k -metadata title=Tone -metadata artist=Bench -metadata album=Tones "$SOURCE"

# Real-time streams one run sustains: seconds of audio made per second of wall time, all streams together.
realtime() { python3 -c "print(f'{$1 * $SECONDS_OF_AUDIO / $2:.1f}')"; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$(now) - $1:.3f}')"; }
# CPU seconds (user + system) of a process and of the children it has waited for
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat"; }

MAX=$(echo "$STREAMS" | tr ' ' '\n' | sort -n | tail -1)
MINSTREL_MUSIC_DIR="$WORK/music" MINSTREL_DATA_DIR="$WORK/data" MINSTREL_PORT="$PORT" \
MINSTREL_OWNER_PASSWORD="$PASSWORD" MINSTREL_LIBRARY_WATCH=false MINSTREL_TRANSCODING_CACHE_SIZE=0 \
MINSTREL_TRANSCODING_MAX_CONCURRENT="$MAX" \
  java -Xmx128m -XX:+UseSerialGC -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
AUTH="u=owner&p=$PASSWORD&v=1.16.1&c=bench"
BASE="http://127.0.0.1:$PORT/rest"
for _ in $(seq 1 120); do curl -sf "$BASE/ping?$AUTH" >/dev/null && break; sleep 1; done
wait_for_scan "$BASE" "$AUTH&f=json" >/dev/null
ID=$(curl -s "$BASE/search3?$AUTH&f=json&query=Tone" | python3 -c 'import json,sys; print(json.load(sys.stdin)["subsonic-response"]["searchResult3"]["song"][0]["id"])')
STREAM="$BASE/stream?$AUTH&id=$ID&format=$FORMAT&maxBitRate=$RATE"
curl -s -o /dev/null "$STREAM"   # warm the JIT on one stream
echo "== N streams at once: ffmpeg alone to /dev/null (the limit), then through Minstrel without its cache"
echo "   (every stream a transcode), alternating so that both see the same load of a shared machine"
for n in $STREAMS; do
  start=$(now)
  pids=()
  for _ in $(seq 1 "$n"); do
    ffmpeg -nostdin -v error -i "file:$SOURCE" -map 0:a:0 -map_metadata -1 "${ENCODER[@]}" -b:a "${RATE}k" - >/dev/null &
    pids+=($!)
  done
  wait "${pids[@]}"
  alone=$(realtime "$n" "$(elapsed "$start")")
  cpu_before=$(cpu_of "$SERVER")
  start=$(now)
  pids=()
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null "$STREAM" & pids+=($!); done
  wait "${pids[@]}"
  wall=$(elapsed "$start")
  cpu=$(python3 -c "print(f'{100 * ($(cpu_of "$SERVER") - $cpu_before) / ($n * $SECONDS_OF_AUDIO):.2f}')")
  through=$(realtime "$n" "$wall")
  printf '%3d at once: ffmpeg alone %6s real-time streams; Minstrel %6s (%s of ffmpeg alone), CPU per stream %s%% of a core (server + ffmpeg)\n' \
    "$n" "$alone" "$through" "$(python3 -c "print(f'{$through / $alone:.2f}')")" "$cpu"
done
CPU_ONE=$( (TIMEFORMAT='%U %S'; time ffmpeg -nostdin -v error -i "file:$SOURCE" -map 0:a:0 -map_metadata -1 \
  "${ENCODER[@]}" -b:a "${RATE}k" - >/dev/null) 2>&1 | awk '{print $1 + $2}')
echo "   CPU per stream (one ffmpeg): $(python3 -c "print(f'{100 * $CPU_ONE / $SECONDS_OF_AUDIO:.2f}')")% of a core in real time"

# p50 and p99 of seconds, one a line
percentiles() {
  sort -n | python3 -c '
import sys
v = [float(x) * 1000 for x in sys.stdin]
print(f"   p50 {v[len(v) // 2]:.0f} ms, p99 {v[min(len(v) - 1, int(len(v) * 0.99))]:.0f} ms")'
}
# the time to the first byte of $TTFB_SAMPLES sequential requests of a URL
ttfb() {
  for _ in $(seq 1 "$TTFB_SAMPLES"); do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$1"; done | percentiles
}
echo "== time to first byte, $TTFB_SAMPLES sequential requests each"
echo "   ffmpeg alone, from its start to its first byte out:"
for _ in $(seq 1 "$TTFB_SAMPLES"); do
  start=$(now)
  # ffmpeg ends on the closed pipe once head has its byte
  { ffmpeg -nostdin -v error -i "file:$SOURCE" -map 0:a:0 -map_metadata -1 "${ENCODER[@]}" -b:a "${RATE}k" - 2>/dev/null \
    || true; } | head -c 1 >/dev/null
  elapsed "$start"
done | percentiles
echo "   a transcode through Minstrel (a new ffmpeg each):"
ttfb "$STREAM"
echo "   the original file through Minstrel:"
ttfb "$BASE/stream?$AUTH&id=$ID&format=raw"

echo "== plain streaming of the original (format=raw), $MAX at once, in 320 kbit/s real-time streams"
start=$(now)
pids=()
for _ in $(seq 1 "$MAX"); do curl -s -o /dev/null "$BASE/stream?$AUTH&id=$ID&format=raw" & pids+=($!); done
wait "${pids[@]}"
wall=$(elapsed "$start")
printf '%3d at once: %7.3f s wall, %s real-time streams\n' "$MAX" "$wall" "$(realtime "$MAX" "$wall")"
