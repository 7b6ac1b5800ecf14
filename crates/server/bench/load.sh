#!/usr/bin/env bash
# Load benchmark of `tierwatch serve` on 127.0.0.1 only: the country page and the facts API,
# with wrk (Debian: apt-get install -y wrk), bounded duration. Prints requests/s and p99.
#   bash crates/server/bench/load.sh [seconds=10] [connections=16]
# Builds the release binary, ingests ../shared/corpus into a temporary store, starts the
# server on a free loopback port, runs wrk against each URL in turn, stops the server.
set -euo pipefail
cd "$(dirname "$0")/../../.."
secs=${1:-10}
conns=${2:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
cargo build --release --quiet -p tierwatch-cli
bin=target/release/tierwatch
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$bin" --db "$tmp/tw.sqlite" ingest ../shared/corpus >/dev/null
"$bin" --db "$tmp/tw.sqlite" serve --addr 127.0.0.1:0 >"$tmp/serve.log" 2>&1 &
pid=$!
url=
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.log" | head -1 || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "server did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }
echo "machine: $(nproc) cores; wrk -t2 -c$conns -d${secs}s; server $url"
printf '%-44s %12s %10s %10s\n' "url" "requests/s" "p50" "p99"
for path in /country/MEX/2018 /api/documents/MEX/2018/facts; do
    curl -sf -o /dev/null "$url$path" || { echo "$path does not answer 200" >&2; exit 1; }
    out=$(timeout $((secs + 30)) wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency "$url$path")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errs=$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)
    printf '%-44s %12s %10s %10s %s\n' "$path" "$rps" "$p50" "$p99" "$errs"
done
