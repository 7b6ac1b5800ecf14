#!/usr/bin/env bash
# Load test of `tierwatch serve` (issue 13), on 127.0.0.1 only, bounded in time:
#   1. with N idle connections held open (bench/idle.py: connect, send nothing; reopened when
#      the server closes them after its 10 s header-read timeout), a normal client asks each
#      endpoint 5 times and must be answered within BOUND seconds each time;
#   2. then, the idle connections still held, C concurrent connections for S seconds over the
#      map, a country page, the facts API and a search (four wrk runs side by side, C/4
#      connections each), while the same client keeps probing;
#   3. then each endpoint alone at 16 connections for TIERWATCH_LOAD_SOLO seconds (default
#      5), with the server's own CPU time (utime + stime from /proc) read before and after:
#      requests/s, p50, p99 and the server's mean CPU milliseconds per request.
# Prints requests/s, latency and errors per endpoint and the probe's slowest answer; exits
# non-zero on any error (non-2xx answer, socket error, a probe over the bound).
#
#   bash crates/server/bench/load.sh [seconds=30] [connections=1000] [idle=500]
#   TIERWATCH_BIN=target/debug/tierwatch  use that binary (default: build --release)
#   TIERWATCH_LOAD_DB=path.sqlite         serve that store (default: ingest ../shared/corpus)
#   TIERWATCH_LOAD_BOUND=2                seconds a probe may take with the idle connections
#   TIERWATCH_LOAD_BOUND_BUSY=10          ... and during the wrk runs (wrk's --timeout too)
#   TIERWATCH_LOAD_SOLO=5                 seconds of each one-endpoint run (0: skip phase 3)
# Needs wrk (Debian package `wrk`, installed when missing), python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/../../.."
secs=${1:-30}
conns=${2:-1000}
idle=${3:-500}
bound=${TIERWATCH_LOAD_BOUND:-2}
bound_busy=${TIERWATCH_LOAD_BOUND_BUSY:-10}

if ! command -v wrk >/dev/null; then
    echo "== load.sh: installing wrk (Debian)"
    if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
need=$((conns + idle + 512))
[ "$(ulimit -n)" -ge "$need" ] || ulimit -n "$need" || { echo "need $need open files (ulimit -n)" >&2; exit 1; }

if [ -n "${TIERWATCH_BIN:-}" ]; then
    bin=$TIERWATCH_BIN
else
    cargo build --release --quiet -p tierwatch-cli
    bin=${CARGO_TARGET_DIR:-target}/release/tierwatch
fi
tmp=$(mktemp -d)
pid=
idle_pid=
cleanup() {
    [ -z "$idle_pid" ] || kill "$idle_pid" 2>/dev/null || true
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
db=${TIERWATCH_LOAD_DB:-$tmp/tw.sqlite}
[ -n "${TIERWATCH_LOAD_DB:-}" ] || "$bin" --db "$db" ingest ../shared/corpus >/dev/null
"$bin" --db "$db" serve --addr 127.0.0.1:0 >"$tmp/serve.log" 2>&1 &
pid=$!
url=
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.log" | head -1 || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "server did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }
port=${url##*:}

paths=(/ /country/MEX/2018 /api/documents/MEX/2018/facts "/api/search?q=forced+labor")
names=(map country-page facts-api search)
for p in "${paths[@]}"; do
    curl -sf -o /dev/null "$url$p" || { echo "$p does not answer 2xx" >&2; exit 1; }
done

# The probe: one normal client asking each endpoint in turn; prints each answer's seconds.
probe() { # rounds
    for _ in $(seq 1 "$1"); do
        for p in "${paths[@]}"; do
            curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}\n' "$url$p" || echo "000 30"
        done
    done
}
check_probe() { # file bound label
    local worst bad
    worst=$(awk '{ if ($2 > m) m = $2 } END { printf "%.3f", m }' "$1")
    bad=$(awk -v b="$2" '$1 !~ /^2/ || $2 > b' "$1" | wc -l)
    printf 'probe (%s): %d answers, slowest %s s (bound %s s), %d bad\n' "$3" "$(wc -l <"$1")" "$worst" "$2" "$bad"
    [ "$bad" = 0 ]
}

# What one wrk run printed: sets out, rps, p50, p99 and non2xx (empty when none).
read_wrk() { # file
    out=$(cat "$1")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk -F: '/Non-2xx/ {gsub(/ /, "", $2); print $2}' <<<"$out")
}

echo "machine: $(nproc) cores; server $url ($bin); $idle idle connections; wrk: $conns connections for ${secs}s"
python3 crates/server/bench/idle.py 127.0.0.1 "$port" "$idle" >"$tmp/idle.log" 2>&1 &
idle_pid=$!
for _ in $(seq 1 50); do grep -q 'connections open' "$tmp/idle.log" && break; sleep 0.1; done
cat "$tmp/idle.log"
failed=0
probe 5 >"$tmp/probe-idle.txt"
check_probe "$tmp/probe-idle.txt" "$bound" "beside $idle idle connections" || failed=1

per=$((conns / ${#paths[@]}))
for i in "${!paths[@]}"; do
    timeout $((secs + 60)) wrk -t1 -c"$per" -d"${secs}s" --timeout "${bound_busy}s" --latency "$url${paths[$i]}" >"$tmp/wrk-$i.txt" 2>&1 &
done
sleep 1
probe_rounds=$((secs / 2))
probe "$probe_rounds" >"$tmp/probe-busy.txt"
wait $(jobs -p | grep -v -e "^$pid\$" -e "^$idle_pid\$") 2>/dev/null || true

printf '%-14s %-34s %11s %9s %9s %8s %s\n' endpoint url requests/s p50 p99 non-2xx "socket errors"
total_rps=0
for i in "${!paths[@]}"; do
    read_wrk "$tmp/wrk-$i.txt"
    sock=$(grep -o 'Socket errors:.*' <<<"$out" | sed 's/Socket errors: //' || true)
    [ -n "$rps" ] || { echo "wrk on ${paths[$i]} printed no result:" >&2; cat "$tmp/wrk-$i.txt" >&2; failed=1; continue; }
    printf '%-14s %-34s %11s %9s %9s %8s %s\n' "${names[$i]}" "${paths[$i]}" "$rps" "$p50" "$p99" "${non2xx:-0}" "${sock:-none}"
    total_rps=$(awk -v a="$total_rps" -v b="$rps" 'BEGIN { printf "%.1f", a + b }')
    if [ -n "$non2xx" ] || [ -n "$sock" ]; then failed=1; fi
done
echo "all endpoints: $total_rps requests/s"
check_probe "$tmp/probe-busy.txt" "$bound_busy" "during the wrk runs" || failed=1
kill -TERM "$idle_pid"
wait "$idle_pid" 2>/dev/null || true
idle_pid=
tail -1 "$tmp/idle.log"

# Phase 3: one endpoint at a time, 16 connections, with the server's CPU time per request.
solo=${TIERWATCH_LOAD_SOLO:-5}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
if [ "$solo" != 0 ]; then
    hz=$(getconf CLK_TCK)
    printf '%-14s %-34s %11s %9s %9s %8s %s\n' endpoint "url (16 connections, alone)" requests/s p50 p99 non-2xx "server CPU ms/request (mean)"
    for i in "${!paths[@]}"; do
        before=$(cpu_ticks)
        timeout $((solo + 60)) wrk -t1 -c16 -d"${solo}s" --timeout "${bound_busy}s" --latency "$url${paths[$i]}" >"$tmp/solo-$i.txt" 2>&1 || true
        after=$(cpu_ticks)
        read_wrk "$tmp/solo-$i.txt"
        reqs=$(awk '/requests in/ {print $1}' <<<"$out")
        [ -n "$rps" ] && [ -n "$reqs" ] || { echo "wrk on ${paths[$i]} printed no result:" >&2; cat "$tmp/solo-$i.txt" >&2; failed=1; continue; }
        ms=$(awk -v a="$before" -v b="$after" -v hz="$hz" -v n="$reqs" 'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')
        printf '%-14s %-34s %11s %9s %9s %8s %s\n' "${names[$i]}" "${paths[$i]}" "$rps" "$p50" "$p99" "${non2xx:-0}" "$ms"
        [ -z "$non2xx" ] || failed=1
    done
fi

if grep -q 'internal error\|database is locked' "$tmp/serve.log"; then
    echo "the server logged errors:" >&2
    grep 'internal error\|database is locked' "$tmp/serve.log" | sort | uniq -c | head >&2
    failed=1
fi
if [ "$failed" != 0 ]; then
    echo "load.sh: FAILED (see above)" >&2
    exit 1
fi
echo "load.sh: ok"
