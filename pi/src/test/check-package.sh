#!/usr/bin/env bash
# Checks the Debian package that `mvn package` built (pi/target/minstrel_*_all.deb), for real as far
# as a machine without systemd as PID 1 allows:
#   1. metadata and contents (dpkg-deb -I/-c), lintian (no error), the unit (systemd-analyze verify,
#      and security offline: exposure at most 2.0), the settings file against the README's table;
#   2. installs it on this machine as root with preseeded answers (apt, so the dependencies
#      resolve), which runs the maintainer scripts: user, folders, install answers, the CDS archive;
#   3. starts the installed server as systemd would (the unit's user, working folder, environment
#      and files, and its exact ExecStart line) and checks: the owner signs in at the very first
#      answer, the archive is mapped, the address rule for cloudflared (CF-Connecting-IP believed
#      from loopback only), a clean stop;
#   4. apt remove keeps data, music and settings; apt purge removes settings and says what it leaves.
# Leaves the machine as it found it. Refuses to run where a real Minstrel is installed.
#   sudo pi/src/test/check-package.sh [path/to/minstrel.deb]
set -euo pipefail
cd "$(dirname "$0")/../../.."
DEB="${1:-$(ls pi/target/minstrel_*_all.deb)}"
PORT="${PORT:-4596}"
PASSWORD="package-test-$RANDOM$RANDOM"
fail() { echo "check-package: FAIL: $*" >&2; exit 1; }
pass() { echo "check-package: ok: $*"; }

[ "$(id -u)" -eq 0 ] || fail "run as root (it installs the package)"
if dpkg -s minstrel >/dev/null 2>&1 || getent passwd minstrel >/dev/null || [ -e /var/lib/minstrel ] || [ -e /srv/music ]; then
  fail "a Minstrel (package, user, /var/lib/minstrel or /srv/music) is already on this machine; not touching it"
fi
need=()
command -v lintian >/dev/null || need+=(lintian)
command -v debconf-set-selections >/dev/null || need+=(debconf)
if [ "${#need[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

echo "== 1. the package as built: $DEB"
info="$(dpkg-deb -I "$DEB")"
grep -q "^ Package: minstrel$" <<<"$info" || fail "package name"
grep -q "^ Architecture: all$" <<<"$info" || fail "Architecture: all"
grep -q "^ Depends: openjdk-17-jre-headless | java17-runtime-headless" <<<"$info" || fail "Depends on a Java 17 runtime"
grep -q "^ Depends: .*fonts-dejavu-core" <<<"$info" || fail "Depends on a font for the recap card's text"
grep -q "^ Recommends: ffmpeg" <<<"$info" || fail "Recommends ffmpeg"
contents="$(dpkg-deb -c "$DEB" | awk '{print $6}')"
for path in ./usr/share/minstrel/minstrel.jar ./usr/share/minstrel/jvm.options ./lib/systemd/system/minstrel.service \
            ./etc/minstrel/minstrel.env ./usr/sbin/minstrel-setup ./usr/share/doc/minstrel/copyright \
            ./usr/share/doc/minstrel/changelog.gz ./usr/share/doc/minstrel/cloudflare/config.yml; do
  grep -qx "$path" <<<"$contents" || fail "missing $path"
done
[ "$(grep -c '^./usr/share/minstrel/lib/.*\.jar$' <<<"$contents")" -gt 50 ] || fail "the libraries of the extracted jar"
control="$(mktemp -d)"
dpkg-deb -e "$DEB" "$control"
grep -qx "/etc/minstrel/minstrel.env" "$control/conffiles" || fail "minstrel.env is not a conffile"
rm -rf "$control"
pass "metadata and contents"
lintian_out="$(lintian --allow-root "$DEB" || true)"  # lintian exits non-zero on warnings too; errors are judged below
echo "$lintian_out" | sed 's/^/  lintian: /'
if grep -q "^E: " <<<"$lintian_out"; then fail "lintian reports errors"; fi
pass "lintian: no errors"
unit=pi/src/deb/minstrel.service
systemd-analyze verify "$unit" || fail "systemd-analyze verify"
exposure="$(systemd-analyze security --offline=true "$unit" | sed -n 's/.*Overall exposure level for minstrel.service: \([0-9.]*\).*/\1/p')"
python3 -c "import sys; sys.exit(0 if float('$exposure') <= 2.0 else 1)" || fail "systemd-analyze security: exposure $exposure > 2.0"
pass "systemd-analyze verify clean, security exposure $exposure"
missing=()
for variable in $(grep -o '^| `MINSTREL_[A-Z_]*`\(, `MINSTREL_[A-Z_]*`\)*' README.md | grep -o 'MINSTREL_[A-Z_]*'); do
  grep -q "^#$variable=" pi/src/deb/minstrel.env || missing+=("$variable")
done
[ "${#missing[@]}" -eq 0 ] || fail "minstrel.env lacks settings the README lists: ${missing[*]}"
grep -q "^[A-Z]" pi/src/deb/minstrel.env && fail "minstrel.env sets something; every setting stays commented"
pass "minstrel.env lists every setting of the README, all commented"

/usr/bin/python3 - cloudflare/config.yml <<'PY' || fail "cloudflare/config.yml"
import sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
rules = config["ingress"]
assert "hostname" not in rules[-1] and rules[-1]["service"].startswith("http_status:"), "the last rule must catch all"
assert rules[0]["service"] == "http://127.0.0.1:4533", "the tunnel must reach Minstrel on loopback, default port"
assert config["credentials-file"] == "/etc/cloudflared/minstrel.json", "the credentials file of cloudflare/README.md"
assert "tunnel create --credentials-file /etc/cloudflared/minstrel.json" in open("cloudflare/README.md").read()
PY
grep -q '`127.0.0.1,::1`' README.md || fail "the README's trusted-proxy default no longer matches the tunnel on loopback"
pass "cloudflare/config.yml: catch-all last rule, loopback service, the credentials path the guide writes"

echo "== 2. install (apt, preseeded answers: the owner password, this machine only)"
cleanup() {
  set +e
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  dpkg -s minstrel >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq minstrel >/dev/null
  getent passwd minstrel >/dev/null && deluser --quiet --system minstrel >/dev/null
  getent group minstrel >/dev/null && delgroup --quiet --system minstrel >/dev/null
  rm -rf /var/lib/minstrel /srv/music /etc/minstrel /var/cache/minstrel
  echo "minstrel minstrel/owner-password password " | debconf-set-selections
}
trap cleanup EXIT
printf 'minstrel minstrel/owner-password password %s\nminstrel minstrel/listen select this machine only\n' "$PASSWORD" \
  | debconf-set-selections
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$(realpath "$DEB")" | tee /tmp/minstrel-install.log
dpkg -s minstrel | grep -q "^Status: install ok installed" || fail "not installed"
getent passwd minstrel | grep -q ":/var/lib/minstrel:/usr/sbin/nologin$" || fail "the system user"
[ "$(stat -c %U /var/lib/minstrel/data)" = minstrel ] && [ "$(stat -c %U /srv/music)" = minstrel ] || fail "folders"
[ "$(stat -c %a /etc/minstrel/install.env)" = 600 ] || fail "install.env must be root-only"
grep -qx "SERVER_ADDRESS=127.0.0.1" /etc/minstrel/install.env || fail "the listen answer"
grep -qx "MINSTREL_OWNER_PASSWORD=$PASSWORD" /etc/minstrel/install.env || fail "the password answer"
[ -s /var/cache/minstrel/minstrel.jsa ] || fail "postinst made no CDS archive"
grep -q "systemd is not running here" /tmp/minstrel-install.log || [ -d /run/systemd/system ] || fail "no word about systemd"
pass "installed: user, folders, answers, archive $(du -h /var/cache/minstrel/minstrel.jsa | cut -f1)"

echo "== 3. the installed server, started as the unit starts it"
installed_unit=/lib/systemd/system/minstrel.service
value() { sed -n "s/^$1=//p" "$installed_unit"; }
environment=()
for pair in $(value Environment); do environment+=("$pair"); done
for file in $(value EnvironmentFile); do
  file="${file#-}"
  [ -f "$file" ] || continue
  while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) environment+=("$line") ;; esac
  done <"$file"
done
# the test's own port, and a small throttle so the address rule shows in a few requests
environment+=(MINSTREL_PORT="$PORT" MINSTREL_SECURITY_THROTTLE_ADDRESS_FAILURES=3 SERVER_ADDRESS=0.0.0.0)
# systemd splits an unset $MINSTREL_JAVA_OPTS into nothing
read -r -a exec_start <<<"$(value ExecStart | sed 's/ \$MINSTREL_JAVA_OPTS//')"
[ "${exec_start[0]}" = /usr/bin/java ] || fail "ExecStart is not /usr/bin/java"
cd "$(value WorkingDirectory)"
started=$(date +%s%N)
runuser -u "$(value User)" -- env -i "${environment[@]}" "${exec_start[@]}" >/tmp/minstrel-server.log 2>&1 &
SERVER=$!
cd - >/dev/null
auth="u=owner&p=$PASSWORD&v=1.16.1&c=package-test&f=json"
answer=""
for _ in $(seq 1 3000); do
  answer="$(curl -s "http://127.0.0.1:$PORT/rest/ping?$auth" || true)"
  [ -n "$answer" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat /tmp/minstrel-server.log; fail "the server stopped"; }
  sleep 0.02
done
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
grep -q '"status":"ok"' <<<"$answer" || { cat /tmp/minstrel-server.log; fail "the first answer is not a signed-in ok: $answer"; }
[ -f /var/lib/minstrel/data/minstrel.mv.db ] && [ ! -e /var/lib/minstrel/music ] \
  || fail "the database belongs in /var/lib/minstrel/data and the music in /srv/music"
pass "the owner signs in at the first answer, ${elapsed} ms after the start (empty library)"
java_pid="$(pgrep -P "$SERVER" java || pgrep -f "minstrel.jar" | head -n 1)"
grep -q "/var/cache/minstrel/minstrel.jsa" "/proc/$java_pid/maps" || fail "the CDS archive is not mapped"
pass "the CDS archive is mapped; RSS $(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$java_pid/status") MB"
ping_as() { # peer-address CF-Connecting-IP user password
  curl -s --interface "$1" -H "CF-Connecting-IP: $2" \
    "http://127.0.0.1:$PORT/rest/ping?u=$3&p=$4&v=1.16.1&c=package-test&f=json"
}
for n in 1 2 3; do ping_as 127.0.0.1 203.0.113.7 "nobody$n" wrong >/dev/null; done
ping_as 127.0.0.1 203.0.113.7 owner "$PASSWORD" | grep -q '"status":"failed"' \
  || fail "3 failures from CF-Connecting-IP 203.0.113.7 (via loopback) did not throttle that visitor"
ping_as 127.0.0.1 203.0.113.8 owner "$PASSWORD" | grep -q '"status":"ok"' \
  || fail "another visitor behind the tunnel was throttled too"
for n in 1 2 3; do ping_as 127.0.0.2 198.51.100.1 "nobody$n" wrong >/dev/null; done
ping_as 127.0.0.2 198.51.100.2 owner "$PASSWORD" | grep -q '"status":"failed"' \
  || fail "from an untrusted peer (127.0.0.2) CF-Connecting-IP must be ignored"
pass "CF-Connecting-IP is believed from loopback (cloudflared) and ignored from any other peer"
kill -TERM "$(pgrep -P "$SERVER" java || echo "$SERVER")"
wait "$SERVER" || true
SERVER=
if grep -E "ERROR|Exception" /tmp/minstrel-server.log; then echo "check-package: note: the stop logged the lines above"; fi

echo "== 4. remove, then purge"
echo "data" >/var/lib/minstrel/data/marker && echo "music" >/srv/music/marker.txt
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq minstrel
[ -f /var/lib/minstrel/data/marker ] && [ -f /srv/music/marker.txt ] || fail "remove lost data or music"
[ -f /etc/minstrel/minstrel.env ] || fail "remove must keep the settings"
[ ! -e /var/cache/minstrel ] || fail "remove left the archive of a jar that is gone"
pass "remove keeps data, music and settings"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq minstrel 2>&1 | tee /tmp/minstrel-purge.log
[ ! -e /etc/minstrel ] || fail "purge left /etc/minstrel"
[ -f /var/lib/minstrel/data/marker ] && [ -f /srv/music/marker.txt ] || fail "purge must keep data and music"
grep -q "Left in place" /tmp/minstrel-purge.log || fail "purge does not say what it leaves"
pass "purge removes the settings, keeps data and music, and says so"
echo "check-package: all checks passed"
