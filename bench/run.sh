#!/usr/bin/env bash
# Reruns Minstrel's benchmarks on this machine and prints each figure beside a baseline taken in
# the same run (never a timed unit test). Needs JDK 17, Maven, python3, curl; installs wrk (the
# load generator: a JVM one on the same two cores measured itself more than the server) and nginx
# (the streaming baseline) from Debian when missing. Takes about 5 minutes, plus 2 for the
# side-by-side with supysonic (bench/supysonic.sh, which installs it from Debian).
#   bench/run.sh                 # 10,000 generated tracks
#   TRACKS=2000 bench/run.sh     # smaller
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
TRACKS="${TRACKS:-10000}"
WORK="${WORK:-/tmp/minstrel-bench}"
PORT="${PORT:-4590}"
NGINX_PORT="${NGINX_PORT:-4591}"
NGINX_TUNED_PORT="${NGINX_TUNED_PORT:-4592}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
PASSWORD=bench-password
rm -rf "$WORK" && mkdir -p "$WORK"

command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk >/dev/null
echo "== build"
mvn -q -B -DskipTests install
mvn -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="bench/target/classes:$(cat "$WORK/cp.txt")"
JAR=server/target/minstrel.jar

echo "== generate a library of $TRACKS tracks"
java -cp "$CP" dev.minstrel.library.fixtures.LibraryGenerator "$WORK/music" "$TRACKS" 7
java -cp "$CP" dev.minstrel.bench.stream.LongTrack "$WORK/music/Minstrel Bench/Bench/01 - Benchmark Suite.mp3" 1200

echo "== scan (issue: first scan >= 1,000 tracks/s, unchanged rescan < 2 s)"
java -Xmx256m -cp "$CP" dev.minstrel.bench.scan.ScanBenchmark "$WORK/music" "$WORK/scan" 2>/dev/null | grep -v "^[0-9:. ]*\(INFO\|WARN\|DEBUG\)"

echo "== durable commits (WRITE_DELAY=0) against H2's default write delay: scan and small writes"
java -Xmx256m -cp "$CP" dev.minstrel.bench.durability.WriteDelayBenchmark "$WORK/music" "$WORK/durability" 2>/dev/null | grep -v "^[0-9:. ]*\(INFO\|WARN\|DEBUG\)"

echo "== search over 50,000 tracks (issue: p99 < 5 ms); naiveBaseline = fold and scan every title"
java -cp "$CP" org.openjdk.jmh.Main SearchBenchmark -wi 2 -w 2 -i 3 -r 3 -f 1 -rf text -rff "$WORK/jmh.txt" >/dev/null 2>&1
grep -E "p0.50 |p0.99 " "$WORK/jmh.txt" || grep -E "search3|naive" "$WORK/jmh.txt"

echo "== server on the library, -Xmx64m: live heap once idle after the scan (issue: a 64 MB heap)"
MINSTREL_MUSIC_DIR="$WORK/music" MINSTREL_DATA_DIR="$WORK/data" MINSTREL_PORT="$PORT" \
MINSTREL_OWNER_PASSWORD="$PASSWORD" MINSTREL_LIBRARY_WATCH=false \
  java -Xmx64m -XX:+UseSerialGC -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true' EXIT
AUTH="u=owner&p=$PASSWORD&v=1.16.1&c=bench&f=json"
BASE="http://127.0.0.1:$PORT/rest"
wait_for_scan "$BASE" "$AUTH"
jcmd "$SERVER" GC.run >/dev/null
jcmd "$SERVER" GC.heap_info | grep -E "tenured|def new" | sed 's/\[.*//'
grep VmRSS "/proc/$SERVER/status"
kill $SERVER; wait $SERVER 2>/dev/null || true

echo "== the rest with -Xmx128m, as the Pi's systemd unit runs it"
MINSTREL_MUSIC_DIR="$WORK/music" MINSTREL_DATA_DIR="$WORK/data" MINSTREL_PORT="$PORT" \
MINSTREL_OWNER_PASSWORD="$PASSWORD" MINSTREL_LIBRARY_WATCH=false \
  java -Xmx128m -XX:+UseSerialGC -jar "$JAR" >"$WORK/server128.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "$BASE/ping?$AUTH" >/dev/null && break; sleep 1; done

echo "== API latency, 16 clients (issue: p99 < 10 ms); /rest/ping is the same-run floor of the HTTP stack"
python3 - "$BASE" "$AUTH" "$WORK" <<'PY'
import json, sys, urllib.request
base, auth, work = sys.argv[1:4]
def get(method, extra=""):
    return json.load(urllib.request.urlopen(f"{base}/{method}?{auth}{extra}"))["subsonic-response"]
albums = get("getAlbumList2", "&type=alphabeticalByName&size=500")["albumList2"]["album"]
songs = get("search3", "&query=&songCount=200&albumCount=0&artistCount=0")["searchResult3"]["song"]
words = ["love", "night", "the", "beat", "rio", "sum", "golden", "m", "blue", "fire"]
files = {
  "ping": [f"{base}/ping?{auth}"],
  "getAlbumList2": [f"{base}/getAlbumList2?{auth}&type={t}&size=50&offset={o}"
                    for t in ("newest", "alphabeticalByName", "random", "frequent") for o in (0, 50, 100)],
  "getArtists": [f"{base}/getArtists?{auth}"],
  "getAlbum": [f"{base}/getAlbum?{auth}&id={a['id']}" for a in albums[:200]],
  "search3": [f"{base}/search3?{auth}&query={w}" for w in words],
  "stream": [f"{base}/stream?{auth}&id={s['id']}" for s in songs],
}
for name, urls in files.items():
    open(f"{work}/{name}.urls", "w").write("\n".join(urls) + "\n")
PY
load() { # label clients url-file
  printf '%-34s ' "$1"
  wrk -t2 -c"$2" -d"${SECONDS_PER_RUN}s" --latency -s bench/wrk/rotate.lua "http://127.0.0.1:$PORT" -- "$3" \
    | awk '/Requests\/sec/ {rps=$2} /Transfer\/sec/ {tps=$2} / 50%/ {p50=$2} / 90%/ {p90=$2} / 99%/ {p99=$2}
           /Non-2xx|Socket errors/ {err=err $0 " "}
           END {printf "req/s=%s  %s/s  p50=%s p90=%s p99=%s %s\n", rps, tps, p50, p90, p99, err}'
}
for call in ping getAlbumList2 getArtists getAlbum search3; do # warm-up: JIT and caches
  wrk -t2 -c16 -d3s -s bench/wrk/rotate.lua "http://127.0.0.1:$PORT" -- "$WORK/$call.urls" >/dev/null
done
for call in ping getAlbumList2 getArtists getAlbum search3; do
  load "$call (c=16)" 16 "$WORK/$call.urls"
done

echo "== streaming one file, 16 clients, vs nginx serving the same file (issue: >= 80% of nginx)"
FILE="$WORK/music/Minstrel Bench/Bench/01 - Benchmark Suite.mp3"
command -v nginx >/dev/null 2>&1 || (apt-get install -y -qq nginx-light >/dev/null 2>&1 || apt-get install -y -qq nginx >/dev/null 2>&1 || true)
if command -v nginx >/dev/null 2>&1; then
  mkdir -p "$WORK/nginx/logs" && cp "$FILE" "$WORK/nginx/track.mp3"
  cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto; pid $WORK/nginx.pid; error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx; }
  server { listen 127.0.0.1:$NGINX_TUNED_PORT sndbuf=256k; root $WORK/nginx; } }
CONF
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
  STREAM_ID=$(python3 - "$BASE" "$AUTH" "$WORK/music" "$FILE" <<'PY'
import json, sys, urllib.request, os
base, auth, music, file = sys.argv[1:5]
# the track id of that file: the generated files differ in size, so its size finds it
size = os.path.getsize(file)
offset = 0
while True:
    page = json.load(urllib.request.urlopen(f"{base}/search3?{auth}&query=&songCount=500&songOffset={offset}"
                                            "&albumCount=0&artistCount=0"))["subsonic-response"]["searchResult3"]
    match = [s["id"] for s in page.get("song", []) if s["size"] == size]
    if match or not page.get("song"):
        print(match[0] if match else "")
        break
    offset += 500
PY
)
  printf '%s/stream?%s&id=%s\n' "$BASE" "$AUTH" "$STREAM_ID" >"$WORK/one-stream.urls"
  # one long run of each swings by a third on this VM; short runs taken in turn see the same
  # machine, and the median of their ratios is the figure. nginx runs twice: as installed, and with
  # the 256 KB socket send buffer Minstrel uses (minstrel.http.send-buffer), which helps it too.
  rate() { wrk -t2 -c16 -d5s "$1" | awk '/Requests\/sec/ {print $2}'; }
  ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
  median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
  echo "$(stat -c %s "$FILE") B file, 16 clients, 5 s each, in turn (req/s):"
  plain=() tuned=()
  for round in 1 2 3 4 5; do
    nginx_rate=$(rate "http://127.0.0.1:$NGINX_PORT/track.mp3")
    tuned_rate=$(rate "http://127.0.0.1:$NGINX_TUNED_PORT/track.mp3")
    minstrel_rate=$(rate "$BASE/stream?$AUTH&id=$STREAM_ID")
    plain+=("$(ratio "$minstrel_rate" "$nginx_rate")") tuned+=("$(ratio "$minstrel_rate" "$tuned_rate")")
    echo "  round $round: nginx $nginx_rate, nginx sndbuf=256k $tuned_rate, minstrel $minstrel_rate"
  done
  echo "  median ratio minstrel/nginx: $(median "${plain[@]}"); minstrel/nginx with sndbuf=256k: $(median "${tuned[@]}")"
  load "minstrel stream, latency (c=16)" 16 "$WORK/one-stream.urls"
else
  echo "nginx not installable here: skipping the streaming baseline"
fi

echo "== 50 concurrent streams with a 128 MB heap (issue: no errors)"
load "50 streams, Xmx128m (c=50)" 50 "$WORK/stream.urls"
echo "OutOfMemoryError lines in the server log: $(grep -c OutOfMemoryError "$WORK/server128.log" || true)"
jcmd "$SERVER" GC.heap_info | grep -E "tenured" | sed 's/\[.*//'
kill $SERVER; wait $SERVER 2>/dev/null || true

echo "== listening stats at scale (issue: < 200 ms for a user with 100,000 listens, the server with 1,000,000)"
echo "   (writes 1,000,000 listens and rebuilds the roll-ups first: several minutes; SKIP_STATS=1 skips)"
if [ "${SKIP_STATS:-0}" != 1 ]; then
  mvn -B -q -pl analytics test -Dtest=StatsAtScaleTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dminstrel.analytics.users=10 -Dminstrel.analytics.listensPerUser=100000 | grep '\[scale\]'
fi

echo "== side by side with supysonic, 2,000 tracks, 16 clients (issue: the ratios); SKIP_SUPYSONIC=1 skips"
if [ "${SKIP_SUPYSONIC:-0}" != 1 ]; then
  WORK="$WORK/supysonic" PORT="$PORT" bench/supysonic.sh
fi
