# Shared by the bench scripts (sourced, not run).

# Waits until the Minstrel at $1 (its /rest base URL, auth query $2) has scanned tracks and is idle,
# then prints its scan status.
wait_for_scan() {
  local status=""
  for _ in $(seq 1 300); do
    status=$(curl -s "$1/getScanStatus?$2" || true)
    if echo "$status" | grep -q '"scanning":false' && echo "$status" | grep -q '"count":[1-9]'; then break; fi
    sleep 1
  done
  echo "$status"
}
