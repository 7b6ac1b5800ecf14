#!/usr/bin/env bash
# Run the fuzz targets one after another, one libFuzzer process at a time.
#
#   bash fuzz/run.sh 30                       # every target for 30 s (the CI smoke run)
#   bash fuzz/run.sh html=1200 query=1200     # chosen targets and seconds each
#
# Builds with cargo-fuzz (nightly toolchain; installs cargo-fuzz when missing) unless
# FUZZ_NO_BUILD=1, makes the seed corpora from ../shared (fuzz/seeds.py), and appends one
# line per target to $FUZZ_LOG (default fuzz/artifacts/fuzz.log): seconds, executions,
# crashes. A crash's input is kept in fuzz/artifacts/<target>/; after a crash the target is
# started again for the rest of its time (at most 5 times). Exit code 1 if anything crashed.
set -uo pipefail
cd "$(dirname "$0")/.."
ALL=(decode read_text refworld html pdf_layout segment extract query overrides)
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-${CARGO_TARGET_DIR:-$PWD/fuzz/target}}"
log="${FUZZ_LOG:-$PWD/fuzz/artifacts/fuzz.log}"
mkdir -p "$(dirname "$log")"

plan=()
if [ $# -eq 1 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
    for t in "${ALL[@]}"; do plan+=("$t=$1"); done
else
    plan=("$@")
fi
[ ${#plan[@]} -gt 0 ] || { echo "usage: fuzz/run.sh SECONDS | TARGET=SECONDS..." >&2; exit 2; }

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
    command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || exit 1
    # No sanitizer: the fuzzed code is safe Rust, so ASan would find nothing more than the
    # panics, aborts and stack overflows libFuzzer already catches, at half the speed.
    # cargo-fuzz wants nightly; where only the stable toolchain exists (no other can be
    # fetched on some machines), RUSTC_BOOTSTRAP lets stable take the same flags.
    if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
        cargo +nightly fuzz build -O -s none --fuzz-dir fuzz || exit 1
    else
        RUSTC_BOOTSTRAP=1 cargo fuzz build -O -s none --fuzz-dir fuzz || exit 1
    fi
fi
python3 fuzz/seeds.py "${SHARED:-../shared}" fuzz/corpus >/dev/null || exit 1

bin="$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release"
failed=0
for item in "${plan[@]}"; do
    t="${item%%=*}"; secs="${item#*=}"
    mkdir -p "fuzz/artifacts/$t"
    start=$(date +%s); execs=0; crashes=0; runs=0
    while :; do
        left=$(( secs - ($(date +%s) - start) ))
        [ "$left" -gt 0 ] && [ "$runs" -lt 6 ] || break
        runs=$((runs + 1))
        out="fuzz/artifacts/$t/run-$runs.log"
        "$bin/$t" "fuzz/corpus/$t" -max_total_time="$left" -max_len=16384 -timeout=20 -rss_limit_mb=4096 \
            -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" >"$out" 2>&1
        rc=$?
        n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out" | grep -o '[0-9]*$' | tail -1)
        [ -z "$n" ] && n=$(grep -o '^#[0-9]*' "$out" | tail -1 | tr -d '#')
        execs=$(( execs + ${n:-0} ))
        if [ $rc -ne 0 ]; then
            crashes=$((crashes + 1)); failed=1
            echo "== $t crashed (exit $rc); see $out:" >&2
            grep -m3 -E 'panicked|ERROR: libFuzzer|stack overflow|Test unit written' "$out" >&2
        fi
    done
    line="$(date -u +%FT%TZ) $t seconds=$(( $(date +%s) - start )) executions=$execs crashes=$crashes"
    echo "$line" | tee -a "$log"
done
exit $failed
