#!/usr/bin/env bash
# Start `tierwatch serve` on a free loopback port over a store (argument 1; default: a new
# store with ../shared/corpus ingested), run the browser tests against it, stop the server;
# then the team-mode browser test (e2e-team.mjs) on a second, new store with Mexico 2018 and
# two accounts. Needs: the tierwatch binary ($TIERWATCH_BIN, else $CARGO_TARGET_DIR/debug or
# target/debug; cargo build -p tierwatch-cli), /usr/bin/chromium,
# npm ci --prefix crates/server/web, and the map (node crates/server/web/build-map.mjs).
# Screenshots: target/e2e-screenshots/. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=${TIERWATCH_BIN:-${CARGO_TARGET_DIR:-target}/debug/tierwatch}
db=${1:-}
if [ -z "$db" ]; then
    db=$(mktemp -d)/tierwatch.sqlite
    "$bin" --db "$db" ingest ../shared/corpus >/dev/null
fi
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
# serve DB: start a server on the store, set $url.
serve() {
    local log
    log=$(mktemp)
    "$bin" --db "$1" serve --addr 127.0.0.1:0 --map-data crates/server/web/build/world.json >"$log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    url=
    for _ in $(seq 1 100); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
        [ -n "$url" ] && break
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$url" ] || { echo "server did not start" >&2; cat "$log" >&2; exit 1; }
}
serve "$db"
rm -rf target/e2e-screenshots
timeout 300 node crates/server/web/e2e.mjs "$url" target/e2e-screenshots

team=$(mktemp -d)/team.sqlite
"$bin" --db "$team" ingest ../shared/corpus/tip-2018/mexico.txt >/dev/null
export TW_E2E_PASSWORD="e2e password $$"
for who in ana:analyst rita:reviewer; do
    echo "$TW_E2E_PASSWORD" | "$bin" --db "$team" user add "${who%%:*}" --role "${who##*:}" --password-stdin >/dev/null
done
serve "$team"
timeout 300 node crates/server/web/e2e-team.mjs "$url" target/e2e-screenshots
