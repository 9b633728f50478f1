"""Start-up and footprint of the server under several JVM lines, in alternating rounds (run by
bench/startup.sh, which builds, generates the library and sets the environment this reads).

Each line runs once per round, in turn, so every line sees the same machine: start on the scanned
library, time to the first successful /rest/ping, the first call of each kind against the same call
warm, 20 s of 16 API clients (its p99 is the first-minute tail), idle RSS/PSS, 10 s of warm API, then
20 s of 50 streams plus 16 API clients (peak RSS). A second pass times a first scan of the whole
library per line and the memory it leaves. Figures are medians over the rounds."""
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.getcwd()
WORK = os.environ["WORK"]
PORT = int(os.environ["PORT"])
ROUNDS = int(os.environ.get("ROUNDS", "2"))
LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", "20"))
PASSWORD = "bench-password"
AUTH = f"u=owner&p={PASSWORD}&v=1.16.1&c=bench&f=json"
BASE = f"http://127.0.0.1:{PORT}/rest"
APP = os.environ["APP"]            # the extracted jar, as the package installs it
FAT_JAR = os.environ["FAT_JAR"]    # the jar `java -jar` runs
MUSIC = os.environ["MUSIC"]

# The line the Pi unit ran before issue 16 (and pi/install.sh's archive gained ~6% over nothing).
BEFORE = ["-Xmx128m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=48m",
          "-Xss512k", "-XX:+ExitOnOutOfMemoryError"]


def jvm_options():
    """The options of pi/src/deb/jvm.options, which the unit passes as java @jvm.options."""
    with open(os.path.join(ROOT, "pi/src/deb/jvm.options")) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def unit_environment():
    """The unit's Environment= variables that shape the JVM's memory (MALLOC_*)."""
    env = {}
    with open(os.path.join(ROOT, "pi/src/deb/minstrel.service")) as f:
        for line in f:
            if line.startswith("Environment="):
                for pair in line[len("Environment="):].split():
                    key, _, value = pair.partition("=")
                    if key.startswith("MALLOC_"):
                        env[key] = value
    return env


def without(options, *prefixes):
    return [o for o in options if not o.startswith(prefixes)]


def train(name, options):
    """A class-data-sharing archive made the way minstrel-setup cds makes it."""
    archive = os.path.join(WORK, name + ".jsa")
    if not os.path.exists(archive):
        subprocess.run(["java", *options, "-Xlog:cds=error", "-Xlog:cds+dynamic=error",
                        f"-XX:ArchiveClassesAtExit={archive}", "-cp", f"{APP}/minstrel.jar",
                        "dev.minstrel.server.TrainingRun"], check=True, stdout=subprocess.DEVNULL)
    return archive


def lines():
    now = jvm_options()
    malloc = unit_environment()
    app_jar = ["-jar", f"{APP}/minstrel.jar"]
    archive = train("now", now)
    no_aot = without(now, "-Dspring.aot.enabled")
    archive_no_aot = train("now-without-aot", no_aot)
    heap = ("-Xms", "-Xmx", "-XX:MinHeapFreeRatio", "-XX:MaxHeapFreeRatio", "-XX:MaxMetaspaceSize",
            "-XX:ReservedCodeCacheSize")
    return {
        "plain java -jar": ([], {}, ["-jar", FAT_JAR]),
        "Pi line before": (BEFORE, {}, ["-jar", FAT_JAR]),
        "Pi line now": (now + [f"-XX:SharedArchiveFile={archive}"], malloc, app_jar),
        "now without Spring AOT": (no_aot + [f"-XX:SharedArchiveFile={archive_no_aot}"], malloc, app_jar),
        "now without the CDS archive": (now, malloc, app_jar),
        "now without C1-only": (without(now, "-XX:TieredStopAtLevel")
                                + [f"-XX:SharedArchiveFile={train('now-without-c1', without(now, '-XX:TieredStopAtLevel'))}"],
                                malloc, app_jar),
        "now with the before heap sizes": (without(now, *heap) + ["-Xmx128m", "-XX:MaxMetaspaceSize=128m",
                                                                  "-XX:ReservedCodeCacheSize=48m",
                                                                  f"-XX:SharedArchiveFile={archive}"], malloc, app_jar),
        "now without MALLOC_ARENA_MAX": (now + [f"-XX:SharedArchiveFile={archive}"], {}, app_jar),
        "now without the 48 MB heap floor (-Xms16m)": (without(now, "-Xms") + ["-Xms16m", f"-XX:SharedArchiveFile={archive}"],
                                                       malloc, app_jar),
        # tried, not shipped: the archive mapped where it was made instead of relocated
        "now with ArchiveRelocationMode=0": (now + [f"-XX:SharedArchiveFile={archive}", "-XX:+UnlockDiagnosticVMOptions",
                                                    "-XX:ArchiveRelocationMode=0"], malloc, app_jar),
    }


class Server:
    def __init__(self, options, env_extra, launch, data, log):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MINSTREL_", "MALLOC_"))}
        env.update(env_extra)
        env.update(MINSTREL_MUSIC_DIR=MUSIC, MINSTREL_DATA_DIR=data, MINSTREL_PORT=str(PORT),
                   MINSTREL_OWNER_PASSWORD=PASSWORD, MINSTREL_LIBRARY_WATCH="false")
        self.log = log
        self.started = time.monotonic()
        self.process = subprocess.Popen(["java", *options, *launch], env=env, cwd=WORK,
                                        stdout=open(log, "w"), stderr=subprocess.STDOUT)
        self.pid = self.process.pid

    def wait_for_ping(self, timeout=180):
        while time.monotonic() - self.started < timeout:
            if self.process.poll() is not None:
                raise SystemExit(f"the server stopped: see {self.log}")
            try:
                if '"status":"ok"' in get(f"{BASE}/ping?{AUTH}", timeout=2)[1]:
                    elapsed = time.monotonic() - self.started
                    with open(f"/proc/{self.pid}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    # utime and stime: less bound to the machine's load than the wall time
                    self.start_cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
                    return elapsed
            except OSError:
                pass
            time.sleep(0.01)
        raise SystemExit(f"no answer in {timeout} s: see {self.log}")

    def wait_idle(self):
        for _ in range(600):
            status = json.loads(get(f"{BASE}/getScanStatus?{AUTH}")[1])["subsonic-response"]["scanStatus"]
            if not status["scanning"] and status["count"] > 0:
                return status
            time.sleep(0.5)
        raise SystemExit("the scan did not finish")

    def memory(self):
        values = {}
        with open(f"/proc/{self.pid}/smaps_rollup") as f:
            for line in f:
                key, *rest = line.split()
                if key in ("Rss:", "Pss:"):
                    values[key[:-1]] = int(rest[0]) / 1024
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    values["Peak"] = int(line.split()[1]) / 1024
        return values

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def out_of_memory(self):
        with open(self.log, errors="replace") as f:
            return sum("OutOfMemoryError" in line for line in f)


def get(url, timeout=30):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as response:
        body = response.read().decode("utf-8", "replace")
    return time.perf_counter() - started, body


def wrk(urls_file, clients, seconds):
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "--latency", "-s",
                          "bench/wrk/rotate.lua", f"http://127.0.0.1:{PORT}", "--", urls_file],
                         capture_output=True, text=True, check=True).stdout
    def ms(value):
        number = float(re.match(r"[\d.]+", value).group())
        return number / 1000 if value.endswith("us") else number * 1000 if value.endswith("s") and not value.endswith("ms") else number
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    return {"rps": rps, "p99": p99, "errors": wrk_errors(out)}


def wrk_errors(out):
    """Non-2xx answers plus socket errors, as wrk reports them."""
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return (int(errors.group(1)) if errors else 0) + (sum(map(int, sockets.groups())) if sockets else 0)


def url_files():
    """URL lists for the loads, from a server on the scanned library; the first calls to time."""
    albums = json.loads(get(f"{BASE}/getAlbumList2?{AUTH}&type=alphabeticalByName&size=500")[1])
    albums = albums["subsonic-response"]["albumList2"]["album"]
    songs = json.loads(get(f"{BASE}/search3?{AUTH}&query=&songCount=200&albumCount=0&artistCount=0")[1])
    songs = songs["subsonic-response"]["searchResult3"]["song"]
    words = ["love", "night", "the", "beat", "rio", "sum", "golden", "m", "blue", "fire"]
    api = ([f"{BASE}/ping?{AUTH}", f"{BASE}/getArtists?{AUTH}"]
           + [f"{BASE}/getAlbumList2?{AUTH}&type={t}&size=50&offset={o}" for t in ("newest", "alphabeticalByName",
                                                                                   "random", "frequent") for o in (0, 50)]
           + [f"{BASE}/getAlbum?{AUTH}&id={a['id']}" for a in albums[:100]]
           + [f"{BASE}/search3?{AUTH}&query={w}" for w in words])
    streams = [f"{BASE}/stream?{AUTH}&id={s['id']}" for s in songs]
    for name, urls in (("api", api), ("streams", streams)):
        with open(os.path.join(WORK, name + ".urls"), "w") as f:
            f.write("\n".join(urls) + "\n")
    return {"getAlbumList2": f"{BASE}/getAlbumList2?{AUTH}&type=newest&size=50",
            "getArtists": f"{BASE}/getArtists?{AUTH}",
            "getAlbum": f"{BASE}/getAlbum?{AUTH}&id={albums[7]['id']}",
            "search3": f"{BASE}/search3?{AUTH}&query=night",
            "getCoverArt": f"{BASE}/getCoverArt?{AUTH}&id={albums[3]['id']}&size=300",
            "stream": f"{BASE}/stream?{AUTH}&id={songs[5]['id']}&maxBitRate=0"}


def restart_run(name, line, data, first_calls):
    options, env, launch = line
    server = Server(options, env, launch, data, os.path.join(WORK, f"{slug(name)}.log"))
    try:
        result = {"start": server.wait_for_ping()}
        result["start_cpu"] = server.start_cpu
        first = {call: get(url)[0] for call, url in first_calls.items()}
        first_load = wrk(os.path.join(WORK, "api.urls"), 16, LOAD_SECONDS)
        server.wait_idle()
        time.sleep(5)
        idle = server.memory()
        warm_load = wrk(os.path.join(WORK, "api.urls"), 16, 10)
        with open(os.path.join(WORK, f"{slug(name)}.streams.txt"), "w") as out:
            streams = subprocess.Popen(["wrk", "-t1", "-c50", f"-d{LOAD_SECONDS}s", "--timeout", "10s", "-s",
                                        "bench/wrk/rotate.lua", f"http://127.0.0.1:{PORT}", "--",
                                        os.path.join(WORK, "streams.urls")], stdout=out, text=True)
            mixed = wrk(os.path.join(WORK, "api.urls"), 16, LOAD_SECONDS)
            streams.wait()
        with open(os.path.join(WORK, f"{slug(name)}.streams.txt")) as f:
            stream_out = f.read()
        stream_errors = wrk_errors(stream_out)
        result.update(
            tail_ratio=first_load["p99"] / warm_load["p99"],
            first_worst=max(first.values()) * 1000,
            first20_p99=first_load["p99"], idle_rss=idle["Rss"], idle_pss=idle["Pss"],
            warm_rps=warm_load["rps"], warm_p99=warm_load["p99"],
            stream_rps=float(re.search(r"Requests/sec:\s+([\d.]+)", stream_out).group(1)),
            peak_rss=server.memory()["Peak"],
            errors=first_load["errors"] + warm_load["errors"] + mixed["errors"] + stream_errors,
            oom=server.out_of_memory())
        return result
    finally:
        server.stop()


def first_scan_run(name, line, data):
    options, env, launch = line
    shutil.rmtree(data, ignore_errors=True)
    log = os.path.join(WORK, f"{slug(name)}.scan.log")
    server = Server(options, env, launch, data, log)
    try:
        server.wait_for_ping()
        server.wait_idle()
        time.sleep(5)
        memory = server.memory()
        with open(log) as f:
            scan_ms = int(re.findall(r"library scan done: .* (\d+) ms", f.read())[-1])
        return {"scan_s": scan_ms / 1000, "scan_rss": memory["Rss"], "scan_pss": memory["Pss"]}
    finally:
        server.stop()


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main():
    all_lines = lines()
    if os.environ.get("ONLY"):
        wanted = os.environ["ONLY"].split(",")
        all_lines = {name: line for name, line in all_lines.items() if name in wanted or name == "Pi line now"}
    scanned = os.path.join(WORK, "scanned-data")
    print(f"== first scan of {MUSIC} (the data folder every restart below starts from)", flush=True)
    server = Server(*all_lines["Pi line now"], scanned, os.path.join(WORK, "first.log"))
    server.wait_for_ping()
    server.wait_idle()
    first_calls = url_files()
    server.stop()

    results = {name: [] for name in all_lines}
    for round_number in range(1, ROUNDS + 1):
        for name, line in all_lines.items():
            data = os.path.join(WORK, "data")
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(scanned, data)
            result = restart_run(name, line, data, first_calls)
            results[name].append(result)
            print(f"round {round_number} {name:32} " + " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                                                            for k, v in result.items()), flush=True)
    scans = {name: [] for name in ("Pi line before", "Pi line now", "now without C1-only") if name in all_lines}
    for round_number in range(1, ROUNDS + 1):
        for name in scans:
            result = first_scan_run(name, all_lines[name], os.path.join(WORK, "scan-data"))
            scans[name].append(result)
            print(f"round {round_number} first scan {name:22} " + " ".join(f"{k}={v:.2f}" for k, v in result.items()),
                  flush=True)
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump({"restarts": results, "scans": scans}, f, indent=1)
    print_tables(results, scans)


def median(rows, key):
    return statistics.median(row[key] for row in rows)


def print_tables(results, scans):
    supysonic = {}
    path = os.path.join(WORK, "supysonic", "footprint.json")
    if os.path.exists(path):
        with open(path) as f:
            supysonic = json.load(f)
    if not {"Pi line now", "Pi line before", "plain java -jar"} <= results.keys():
        print_lines(results, scans)
        return
    now, before, plain = results["Pi line now"], results["Pi line before"], results["plain java -jar"]
    def s(key, fmt="{:.0f}"):
        return fmt.format(supysonic[key]) if key in supysonic else "not run"
    print(f"\n== the issue's table: median of {ROUNDS} rounds, {os.environ.get('TRACKS')} tracks")
    print("| | Minstrel, Pi line now | Minstrel, Pi line before | supysonic | Navidrome (published) |")
    print("|---|---|---|---|---|")
    print(f"| start to first `/rest/ping` | {median(now, 'start'):.2f} s (plain `java -jar` {median(plain, 'start'):.2f} s)"
          f" | {median(before, 'start'):.2f} s | {s('start', '{:.2f}')} s | 0.04 s |")
    print(f"| idle RSS / PSS after a restart and 20 s of API load | {median(now, 'idle_rss'):.0f} / {median(now, 'idle_pss'):.0f} MB"
          f" | {median(before, 'idle_rss'):.0f} / {median(before, 'idle_pss'):.0f} MB"
          f" | {s('idle_rss')} / {s('idle_pss')} MB | 23–55 MB |")
    print(f"| idle RSS / PSS right after a first scan, same process | {median(scans['Pi line now'], 'scan_rss'):.0f} /"
          f" {median(scans['Pi line now'], 'scan_pss'):.0f} MB | {median(scans['Pi line before'], 'scan_rss'):.0f} /"
          f" {median(scans['Pi line before'], 'scan_pss'):.0f} MB | — | — |")
    print(f"| peak RSS, 50 streams + 16 API clients for {LOAD_SECONDS} s | {median(now, 'peak_rss'):.0f} MB"
          f" | {median(before, 'peak_rss'):.0f} MB | {s('peak_rss')} MB | ~200 MB |")
    print(f"| API p99, 16 clients, first {LOAD_SECONDS} s after a start | {median(now, 'first20_p99'):.1f} ms"
          f" (warm {median(now, 'warm_p99'):.1f} ms) | {median(before, 'first20_p99'):.1f} ms"
          f" (warm {median(before, 'warm_p99'):.1f} ms) | — | — |")
    print(f"| that p99 / the warm p99 (issue: at most 2) | {median(now, 'tail_ratio'):.1f}"
          f" | {median(before, 'tail_ratio'):.1f} | — | — |")
    print(f"| slowest first call of getAlbumList2, getArtists, getAlbum, search3, getCoverArt, stream"
          f" | {median(now, 'first_worst'):.0f} ms | {median(before, 'first_worst'):.0f} ms | — | — |")

    print_lines(results, scans)
    print(f"\nratios now/before (1.00 = equal; the issue allows API and streaming 10% slower at most):"
          f" API req/s {median(now, 'warm_rps') / median(before, 'warm_rps'):.2f},"
          f" stream req/s {median(now, 'stream_rps') / median(before, 'stream_rps'):.2f},"
          f" first-scan time {median(scans['Pi line now'], 'scan_s') / median(scans['Pi line before'], 'scan_s'):.2f}")


def print_lines(results, scans):
    print("\n== every line (medians); errors and OutOfMemoryError lines summed over the rounds")
    header = ("line", "start s", "start cpu s", "idle RSS", "idle PSS", "peak RSS", "first p99 ms", "warm p99 ms", "API req/s",
              "stream req/s", "tail ratio", "slowest 1st call ms", "errors", "OOM")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, rows in results.items():
        print(f"| {name} | {median(rows, 'start'):.2f} | {median(rows, 'start_cpu'):.2f} | {median(rows, 'idle_rss'):.0f} | {median(rows, 'idle_pss'):.0f}"
              f" | {median(rows, 'peak_rss'):.0f} | {median(rows, 'first20_p99'):.1f} | {median(rows, 'warm_p99'):.1f}"
              f" | {median(rows, 'warm_rps'):.0f} | {median(rows, 'stream_rps'):.0f} | {median(rows, 'tail_ratio'):.1f}"
              f" | {median(rows, 'first_worst'):.0f}"
              f" | {sum(r['errors'] for r in rows)} | {sum(r['oom'] for r in rows)} |")
    print("\n== first scan of the library in a fresh data folder (medians)")
    print("| line | scan s | idle RSS after | idle PSS after |")
    print("|---|---|---|---|")
    for name, rows in scans.items():
        print(f"| {name} | {median(rows, 'scan_s'):.1f} | {median(rows, 'scan_rss'):.0f} | {median(rows, 'scan_pss'):.0f} |")


if __name__ == "__main__":
    sys.exit(main())
