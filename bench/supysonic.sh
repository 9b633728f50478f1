#!/usr/bin/env bash
# Runs the same wrk load (16 clients: ping, getAlbumList2, getArtists) against Minstrel and against
# supysonic 0.7.2 (Debian's Python Subsonic server) on one generated library of 2,000 tracks, one
# server at a time, and prints each server's p50/p99 and the ratios. Installs supysonic, gunicorn
# and wrk from Debian when missing; builds Minstrel when its jar is missing or older than the
# sources. Takes about 2 minutes (plus the installs and build the first time).
#
# supysonic runs the way its Debian docs call "the easiest": its own `supysonic-server` command
# (the package ships it but none of the WSGI servers it wraps), on gunicorn from Debian, with one
# sync worker process per core, so both servers get the same cores. (Waitress, the other choice
# Debian has, is one process behind the GIL and was slower here on every call.)
#   bench/supysonic.sh
#   PORT=4593 SUPYSONIC_PORT=4594 bench/supysonic.sh   # when 4590/4592 are taken
#   SUPYSONIC_TRACKS=10000 bench/supysonic.sh
#   MUSIC=/path/to/library FOOTPRINT=1 bench/supysonic.sh
#       supysonic alone on that library: start to first ping, idle RSS/PSS, peak RSS under 50
#       streams + 16 API clients, written to $WORK/footprint.json (bench/startup.sh's column)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
TRACKS="${SUPYSONIC_TRACKS:-2000}"
WORK="${WORK:-/tmp/minstrel-supysonic}"
PORT="${PORT:-4590}"
SUPYSONIC_PORT="${SUPYSONIC_PORT:-4592}"
SUPYSONIC_PROCESSES="${SUPYSONIC_PROCESSES:-$(nproc)}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
CLIENTS=16
CALLS="ping getAlbumList2 getArtists"
PASSWORD=bench-password
AUTH="u=owner&p=$PASSWORD&v=1.16.1&c=bench&f=json"
JAR=server/target/minstrel.jar
SUPY="$WORK/supysonic"

for port in "$PORT" "$SUPYSONIC_PORT"; do # else we would measure whatever already answers there
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already in use: set PORT / SUPYSONIC_PORT" >&2
    exit 1
  fi
done
rm -rf "$WORK" && mkdir -p "$WORK" "$SUPY/cache"

command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk >/dev/null
# --no-install-recommends: the recommends pull in Apache with mod_wsgi, a daemon this never uses
command -v supysonic-server >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends supysonic >/dev/null
python3 -c 'import gunicorn' 2>/dev/null || apt-get install -y -qq python3-gunicorn >/dev/null

if [ "${FOOTPRINT:-0}" = 1 ]; then
  : # supysonic alone: no Minstrel to build
elif [ ! -f "$JAR" ] || [ ! -d bench/target/classes ] || [ -n "$(find . \( -name target -o -name node_modules -o -name .git \) -prune \
     -o \( -path '*/src/*' -o -name pom.xml \) -newer "$JAR" -print -quit)" ]; then
  echo "== build"
  mvn -q -B -DskipTests install
fi
if [ -z "${MUSIC:-}" ]; then
  MUSIC="$WORK/music"
  mvn -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  CP="bench/target/classes:$(cat "$WORK/cp.txt")"
  echo "== generate a library of $TRACKS tracks"
  java -cp "$CP" dev.minstrel.library.fixtures.LibraryGenerator "$MUSIC" "$TRACKS" 7
fi

cleanup() {
  for pid in ${MINSTREL:-} ${SUPYSONIC:-}; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# supysonic reads supysonic.conf from the working directory, last of its config files, so every
# supysonic command runs in $SUPY; HOME too, so a ~/.supysonic cannot add settings.
cat >"$SUPY/supysonic.conf" <<CONF
[base]
database_uri = sqlite:///$SUPY/supysonic.db
[webapp]
cache_dir = $SUPY/cache
log_file = $SUPY/webapp.log
[daemon]
socket = $SUPY/supysonic.sock
run_watcher = no
CONF
supy() { (cd "$SUPY" && HOME="$SUPY" exec "$@"); }
echo "== supysonic: add the user and the folder, scan"
supy supysonic-cli user add owner -p "$PASSWORD"
supy supysonic-cli folder add music "$MUSIC" >/dev/null
supy supysonic-cli folder scan --foreground 2>&1 | tr '\r' '\n' | grep -E "^(Added|Deleted):"

if [ "${FOOTPRINT:-0}" = 1 ]; then
  (cd "$SUPY" && HOME="$SUPY" exec supysonic-server -S gunicorn -h 127.0.0.1 -p "$SUPYSONIC_PORT" \
    --processes "$SUPYSONIC_PROCESSES" >"$SUPY/server.log" 2>&1) &
  SUPYSONIC=$!
  python3 - "$SUPYSONIC" "http://127.0.0.1:$SUPYSONIC_PORT/rest" "$AUTH" "$WORK" "$SUPYSONIC_PORT" <<'PY'
import json, os, re, subprocess, sys, time, urllib.request
pid, base, auth, work, port = sys.argv[1:6]
started = time.monotonic()  # the server was launched just before this script
def tree(root):
    pids, todo = [], [root]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo += subprocess.run(["pgrep", "-P", p], capture_output=True, text=True).stdout.split()
    return pids
def memory(key):
    total = 0
    for p in tree(pid):
        try:
            text = open(f"/proc/{p}/smaps_rollup" if key != "VmHWM" else f"/proc/{p}/status").read()
        except OSError:
            continue
        m = re.search(rf"^{key}:\s+(\d+)", text, re.M)
        total += int(m.group(1)) if m else 0
    return total / 1024
while True:
    try:
        if b'"ok"' in urllib.request.urlopen(f"{base}/ping?{auth}", timeout=2).read():
            break
    except OSError:
        pass
    if time.monotonic() - started > 120:
        sys.exit("supysonic did not answer in 120 s")
    time.sleep(0.01)
start = time.monotonic() - started
time.sleep(5)
idle_rss, idle_pss = memory("Rss"), memory("Pss")
songs = json.load(urllib.request.urlopen(f"{base}/search3?{auth}&query=a&songCount=200&albumCount=0&artistCount=0"))
songs = songs["subsonic-response"]["searchResult3"]["song"]
albums = json.load(urllib.request.urlopen(f"{base}/getAlbumList2?{auth}&type=newest&size=50"))
open(f"{work}/streams.urls", "w").write("\n".join(f"{base}/stream?{auth}&id={s['id']}" for s in songs) + "\n")
open(f"{work}/api.urls", "w").write("\n".join([f"{base}/ping?{auth}", f"{base}/getArtists?{auth}"]
    + [f"{base}/getAlbumList2?{auth}&type=newest&size=50&offset={o}" for o in (0, 50, 100)]
    + [f"{base}/getAlbum?{auth}&id={a['id']}" for a in albums["subsonic-response"]["albumList2"]["album"]]) + "\n")
wrk = ["wrk", "-t1", "-d20s", "--timeout", "10s", "-s", "bench/wrk/rotate.lua", f"http://127.0.0.1:{port}", "--"]
streams = subprocess.Popen(wrk[:2] + ["-c50"] + wrk[2:] + [f"{work}/streams.urls"], stdout=subprocess.DEVNULL)
subprocess.run(wrk[:2] + ["-c16"] + wrk[2:] + [f"{work}/api.urls"], stdout=subprocess.DEVNULL, check=True)
streams.wait()
result = {"start": start, "idle_rss": idle_rss, "idle_pss": idle_pss, "peak_rss": memory("VmHWM")}
json.dump(result, open(f"{work}/footprint.json", "w"))
print("supysonic " + " ".join(f"{k}={v:.2f}" for k, v in result.items()))
PY
  exit 0
fi

# One URL file per call and server; every URL is fetched once first, so an error body served
# with a 200 (which would look fast) stops the run instead of being measured.
urls() { # server-name base-url
  python3 - "$1" "$2" "$AUTH" "$WORK" <<'PY'
import json, sys, urllib.request
name, base, auth, work = sys.argv[1:5]
files = {
  "ping": [f"{base}/ping?{auth}"],
  "getAlbumList2": [f"{base}/getAlbumList2?{auth}&type={t}&size=50&offset={o}"
                    for t in ("newest", "alphabeticalByName", "random", "frequent") for o in (0, 50, 100)],
  "getArtists": [f"{base}/getArtists?{auth}"],
}
counts = {}
for call, urls in files.items():
    for url in urls:
        r = json.load(urllib.request.urlopen(url))["subsonic-response"]
        if call == "getAlbumList2":
            n = len(r.get("albumList2", {}).get("album", []))
        elif call == "getArtists":
            n = sum(len(i.get("artist", [])) for i in r.get("artists", {}).get("index", []))
        else:
            n = 1
        # nothing has been played yet, so an empty "frequent" list is a right answer
        if r.get("status") != "ok" or (n == 0 and "type=frequent" not in url):
            sys.exit(f"{name}: {url} answered {json.dumps(r)[:300]}")
        counts[url.split("&type=")[-1].split("&")[0] if "&type=" in url else call] = n
    open(f"{work}/{name}.{call}.urls", "w").write("\n".join(urls) + "\n")
albums = json.load(urllib.request.urlopen(f"{base}/getAlbumList2?{auth}&type=alphabeticalByName&size=500"))
print(f"{name}: every URL answered ok; {len(albums['subsonic-response']['albumList2']['album'])} albums"
      f" (500 is the most one call lists), {counts['getArtists']} artists,"
      f" {counts['frequent']} albums on a page of type=frequent")
PY
}
# as run.sh's load(), plus --timeout: supysonic's slowest answers pass wrk's default 2 s, and wrk
# drops timed-out requests from its percentiles
load() { # server-name port call
  printf '%-34s ' "$1 $3 (c=$CLIENTS)"
  wrk -t2 -c"$CLIENTS" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -s bench/wrk/rotate.lua \
      "http://127.0.0.1:$2" -- "$WORK/$1.$3.urls" \
    | awk -v server="$1" -v call="$3" -v out="$WORK/results.txt" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0
                         if (v ~ /s$/) return v * 1000; return v * 60000 }
        /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 90%/ {p90=$2} / 99%/ {p99=$2}
        /Non-2xx|Socket errors/ {err=err $0 " "}
        END {printf "req/s=%s  p50=%s p90=%s p99=%s %s\n", rps, p50, p90, p99, err
             printf "%s %s %s %s %s %s\n", server, call, rps, ms(p50), ms(p99), (err == "" ? "-" : "ERRORS") >> out}'
}
measure() { # server-name port
  for call in $CALLS; do # warm-up: JIT and caches
    wrk -t2 -c"$CLIENTS" -d3s -s bench/wrk/rotate.lua "http://127.0.0.1:$2" -- "$WORK/$1.$call.urls" >/dev/null
  done
  echo "$1 load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/load.txt"
  for call in $CALLS; do load "$1" "$2" "$call"; done
}

echo "== Minstrel, -Xmx128m"
MINSTREL_MUSIC_DIR="$MUSIC" MINSTREL_DATA_DIR="$WORK/minstrel-data" MINSTREL_PORT="$PORT" \
MINSTREL_OWNER_PASSWORD="$PASSWORD" MINSTREL_LIBRARY_WATCH=false \
  java -Xmx128m -XX:+UseSerialGC -jar "$JAR" >"$WORK/minstrel.log" 2>&1 &
MINSTREL=$!
wait_for_scan "http://127.0.0.1:$PORT/rest" "$AUTH"
urls minstrel "http://127.0.0.1:$PORT/rest"
measure minstrel "$PORT"
kill $MINSTREL; wait $MINSTREL 2>/dev/null || true; MINSTREL=

echo "== supysonic, supysonic-server -S gunicorn --processes $SUPYSONIC_PROCESSES"
(cd "$SUPY" && HOME="$SUPY" exec supysonic-server -S gunicorn -h 127.0.0.1 -p "$SUPYSONIC_PORT" \
  --processes "$SUPYSONIC_PROCESSES" >"$SUPY/server.log" 2>&1) &
SUPYSONIC=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$SUPYSONIC_PORT/rest/ping?$AUTH" >/dev/null && break; sleep 1; done
urls supysonic "http://127.0.0.1:$SUPYSONIC_PORT/rest"
measure supysonic "$SUPYSONIC_PORT"
kill $SUPYSONIC; wait $SUPYSONIC 2>/dev/null || true; SUPYSONIC=

echo "== side by side, $CLIENTS clients, ${SECONDS_PER_RUN} s a call; ratios above 1 favour Minstrel"
awk '{rps[$1,$2]=$3; p50[$1,$2]=$4; p99[$1,$2]=$5; err[$1,$2]=$6}
     END {printf "%-14s %24s %24s %10s %10s\n", "call", "Minstrel p50/p99 ms", "supysonic p50/p99 ms",
                 "p99 s/M", "req/s M/s"
          n = split("ping getAlbumList2 getArtists", calls, " ")
          for (i = 1; i <= n; i++) { c = calls[i]; m = "minstrel" SUBSEP c; s = "supysonic" SUBSEP c
            printf "%-14s %24s %24s %9.1fx %9.1fx%s\n", c,
                   sprintf("%.2f / %.2f", p50[m], p99[m]), sprintf("%.2f / %.2f", p50[s], p99[s]),
                   p99[s] / p99[m], rps[m] / rps[s],
                   (err[m] != "-" || err[s] != "-") ? "  (wrk reported errors, see above)" : "" } }' \
  "$WORK/results.txt"
sed 's/^/  /' "$WORK/load.txt"
