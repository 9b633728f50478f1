#!/usr/bin/env bash
# Installs (or upgrades) Minstrel as a systemd service on Raspberry Pi OS (Debian bookworm).
#   sudo pi/install.sh path/to/minstrel.jar
# Keeps /etc/minstrel/minstrel.env, the database and the music on upgrade.
set -euo pipefail

jar="${1:-server/target/minstrel.jar}"
[ "$(id -u)" -eq 0 ] || { echo "run as root: sudo $0 $jar" >&2; exit 1; }
[ -f "$jar" ] || { echo "no jar at $jar: build it first with mvn -B -DskipTests package" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"

apt-get install -y -qq openjdk-17-jre-headless ffmpeg >/dev/null

id minstrel >/dev/null 2>&1 || useradd --system --home-dir /var/lib/minstrel --shell /usr/sbin/nologin minstrel
install -d -o minstrel -g minstrel -m 0750 /var/lib/minstrel /var/lib/minstrel/data /var/lib/minstrel/home
install -d -o minstrel -g minstrel -m 0755 /srv/music
install -d -m 0755 /opt/minstrel /etc/minstrel
[ -f /etc/minstrel/minstrel.env ] || install -m 0640 -g minstrel "$here/minstrel.env" /etc/minstrel/minstrel.env

install -m 0644 "$jar" /opt/minstrel/minstrel.jar
install -m 0644 "$here/minstrel.service" /etc/systemd/system/minstrel.service

# Class-data sharing archive for this exact jar: start-up drops from ~10 s to ~4 s on a Pi 5.
rm -f /opt/minstrel/minstrel.jsa
sudo -u minstrel java -XX:ArchiveClassesAtExit=/tmp/minstrel.jsa -Dspring.context.exit=onRefresh \
  -Dminstrel.data-dir=/tmp/minstrel-cds -Dminstrel.music-dir=/tmp/minstrel-cds-music -Dserver.port=0 \
  -jar /opt/minstrel/minstrel.jar >/dev/null 2>&1 || true
if [ -f /tmp/minstrel.jsa ]; then install -m 0644 /tmp/minstrel.jsa /opt/minstrel/minstrel.jsa; fi
rm -rf /tmp/minstrel.jsa /tmp/minstrel-cds /tmp/minstrel-cds-music

systemctl daemon-reload
systemctl enable minstrel >/dev/null
systemctl restart minstrel
echo "Minstrel is starting. Owner password (first start only): journalctl -u minstrel | grep 'generated password'"
