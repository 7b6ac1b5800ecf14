# A throwaway PostgreSQL cluster for tests, sourced by scripts/test.sh (and usable by
# anything that needs one):
#
#   source scripts/pg-cluster.sh; pg_cluster_start   # exports TIERWATCH_TEST_PG
#   ...                                              # stopped and removed at exit
#
# Uses the newest /usr/lib/postgresql/*/bin (Debian's `postgresql`, installed by the
# caller when missing), a fresh data folder under /tmp, a free 127.0.0.1 port and a socket
# in that folder, trust authentication (nothing outside this machine can reach it), and
# one database, tierwatch_test. PostgreSQL refuses to run as root: as root the cluster is
# run by the `postgres` user (made by the Debian package) through runuser.

pg_bin_dir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_cluster_start() {
    local bin
    bin=$(pg_bin_dir)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (Debian package: postgresql)" >&2
        return 1
    fi
    PG_CLUSTER_DIR=$(mktemp -d /tmp/tierwatch-pg.XXXXXX)
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$PG_CLUSTER_DIR"
        pg_as() { runuser -u postgres -- "$@"; }
    else
        pg_as() { "$@"; }
    fi
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    pg_as "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PG_CLUSTER_DIR/initdb.log" 2>&1 \
        || { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
    PG_CLUSTER_BIN=$bin
    trap pg_cluster_stop EXIT
    pg_as "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w \
        -o "-p $port -k $PG_CLUSTER_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
        || { cat "$PG_CLUSTER_DIR/server.log" >&2; return 1; }
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres tierwatch_test
    export TIERWATCH_TEST_PG="postgres://postgres@127.0.0.1:$port/tierwatch_test"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') test cluster on 127.0.0.1:$port ($PG_CLUSTER_DIR): TIERWATCH_TEST_PG=$TIERWATCH_TEST_PG"
}

pg_cluster_stop() {
    [ -n "${PG_CLUSTER_DIR:-}" ] || return 0
    pg_as "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_CLUSTER_DIR"
    PG_CLUSTER_DIR=
}
