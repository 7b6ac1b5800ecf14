#!/usr/bin/env bash
# Start `tierwatch serve` on a free loopback port over a store (argument 1; default: a new
# store with ../shared/corpus ingested), run the browser tests against it, stop the server;
# then the team-mode browser test (e2e-team.mjs) on a second, new store with Mexico 2018 and
# two accounts: a throwaway PostgreSQL cluster (scripts/pg-cluster.sh) where Debian's
# `postgresql` is installed, as a team would run it, else a SQLite file (and it says so). Needs: the tierwatch binary ($TIERWATCH_BIN, else $CARGO_TARGET_DIR/debug or
# target/debug; cargo build -p tierwatch-cli), /usr/bin/chromium,
# npm ci --prefix crates/server/web (the map's shapes ship in the binary).
# Screenshots: target/e2e-screenshots/. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=${TIERWATCH_BIN:-${CARGO_TARGET_DIR:-target}/debug/tierwatch}
bin=$(realpath "$bin")
root=$PWD
db=${1:-}
if [ -z "$db" ]; then
    db=$(mktemp -d)/tierwatch.sqlite
    "$bin" --db "$db" ingest ../shared/corpus >/dev/null
fi
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
# serve DB: start a server on the store, set $url.
# serve DB [DIR]: the server runs in DIR (default: here), where a PostgreSQL store keeps its index.
serve() {
    local log
    log=$(mktemp)
    (cd "${2:-$root}" && exec "$bin" --db "$1" serve --addr 127.0.0.1:0) >"$log" 2>&1 &
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

teamdir=$(mktemp -d)
# shellcheck source=scripts/pg-cluster.sh
source scripts/pg-cluster.sh
if [ -x "$(pg_bin_dir)/initdb" ]; then
    pg_cluster_start
    trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; pg_cluster_stop' EXIT
    team=$TIERWATCH_TEST_PG
    echo "team-mode browser test on PostgreSQL ($team)"
else
    team=$teamdir/team.sqlite
    echo "team-mode browser test on SQLite: no PostgreSQL server binaries here (Debian package: postgresql)"
fi
tw() { (cd "$teamdir" && "$bin" "$@"); }
tw --db "$team" ingest "$root/../shared/corpus/tip-2018/mexico.txt" >/dev/null
export TW_E2E_PASSWORD="e2e password $$"
for who in ana:analyst rita:reviewer; do
    echo "$TW_E2E_PASSWORD" | tw --db "$team" user add "${who%%:*}" --role "${who##*:}" --password-stdin >/dev/null
done
serve "$team" "$teamdir"
timeout 300 node crates/server/web/e2e-team.mjs "$url" target/e2e-screenshots
