#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs the
# whole suite. `.ci/run` calls this same script, so CI tests what a newcomer runs.
#
#   bash scripts/test.sh [extra cargo test args...]
#
# Needs: a clean clone with ../shared beside it, Rust (rustup) and a C compiler. Installs,
# only when missing: poppler-utils (pdftotext: PDF tests), chromium (browser tests) and
# postgresql (the store suite's PostgreSQL cases) from Debian (apt-get, as root or through
# sudo); pyarrow and pandas from PyPI (the Parquet/CSV
# round trip); the npm packages of crates/server/web and the map data built from them.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "== scripts/test.sh: $*"; }
if [ ! -d ../shared/corpus ]; then
    echo "the tests read ../shared (corpus, gold, reference) beside this clone; it is missing" >&2
    exit 1
fi

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else echo "need root (or sudo) to run: $*" >&2; return 1
    fi
}
apt_updated=
apt_install() {
    [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Debian packages: PDF reading (pdftotext) and the browser tests (chromium).
missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v chromium >/dev/null || missing+=(chromium)
# shellcheck source=scripts/pg-cluster.sh
source scripts/pg-cluster.sh
[ -n "${TIERWATCH_TEST_PG:-}" ] || [ -x "$(pg_bin_dir)/initdb" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}"
fi

# Python modules for crates/cli/tests/export.rs.
if ! python3 -c 'import pyarrow, pandas' 2>/dev/null; then
    say "installing pyarrow and pandas from PyPI"
    python3 -m pip install --quiet pyarrow pandas 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages pyarrow pandas
fi

# npm packages (map data, playwright-core for the browser tests) and the map they build.
if [ ! -d crates/server/web/node_modules ]; then
    say "installing the npm packages of crates/server/web"
    (cd crates/server/web && npm ci --no-audit --no-fund --loglevel=error)
fi

# PostgreSQL: the store suite runs against TIERWATCH_TEST_PG when it is set; otherwise a
# throwaway cluster is started here (scripts/pg-cluster.sh) and stopped when this ends.
if [ -n "${TIERWATCH_TEST_PG:-}" ]; then
    say "PostgreSQL from TIERWATCH_TEST_PG"
else
    say "starting a throwaway PostgreSQL cluster"
    pg_cluster_start
fi

say "cargo test --workspace"
cargo test --workspace --locked "$@"
