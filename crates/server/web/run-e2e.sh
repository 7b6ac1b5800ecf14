#!/usr/bin/env bash
# Start `tierwatch serve` on a free loopback port over a store (argument 1; default: a new
# store with ../shared/corpus ingested), run the browser tests against it, stop the server.
# Needs: target/debug/tierwatch (cargo build -p tierwatch-cli), /usr/bin/chromium,
# npm ci --prefix crates/server/web, and the map (node crates/server/web/build-map.mjs).
# Screenshots: target/e2e-screenshots/. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=target/debug/tierwatch
db=${1:-}
if [ -z "$db" ]; then
    db=$(mktemp -d)/tierwatch.sqlite
    "$bin" --db "$db" ingest ../shared/corpus >/dev/null
fi
log=$(mktemp)
"$bin" --db "$db" serve --addr 127.0.0.1:0 --map-data crates/server/web/build/world.json >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
url=
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "server did not start" >&2; cat "$log" >&2; exit 1; }
rm -rf target/e2e-screenshots
timeout 300 node crates/server/web/e2e.mjs "$url" target/e2e-screenshots
