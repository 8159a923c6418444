# Sourced by .ci/run (as root, on Debian): install Debian's PostgreSQL, start a cluster on a
# local port, create the irwatch test role and database, and export IRWATCH_TEST_PG for the tests.
# Idempotent: an installed package, an existing cluster, role or database, or a server that is
# already running are all fine.
irwatch_postgres() {
    local port="${IRWATCH_PG_PORT:-5432}" ver cluster status
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql >/dev/null
    fi
    ver="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    # the package creates the "main" cluster unless told not to; make one if it is missing
    cluster="$(pg_lsclusters --no-header | awk -v v="$ver" '$1 == v {print $2; exit}')"
    if [ -z "$cluster" ]; then
        cluster=main
        pg_createcluster "$ver" "$cluster" --port "$port" >/dev/null
    fi
    port="$(pg_lsclusters --no-header | awk -v v="$ver" -v c="$cluster" '$1 == v && $2 == c {print $3}')"
    status="$(pg_lsclusters --no-header | awk -v v="$ver" -v c="$cluster" '$1 == v && $2 == c {print $4}')"
    if [ "$status" != "online" ]; then
        pg_ctlcluster "$ver" "$cluster" start || pg_lsclusters --no-header | grep -q online
    fi
    local psql=(runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qAt)
    for _ in $(seq 1 30); do "${psql[@]}" -c "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
    if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'irwatch'")" != "1" ]; then
        "${psql[@]}" -c "CREATE ROLE irwatch LOGIN PASSWORD 'irwatch'"
    fi
    if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'irwatch_test'")" != "1" ]; then
        "${psql[@]}" -c "CREATE DATABASE irwatch_test OWNER irwatch"
    fi
    export IRWATCH_TEST_PG="postgresql+psycopg://irwatch:irwatch@127.0.0.1:${port}/irwatch_test"
    echo "PostgreSQL $ver ($cluster) on port $port: IRWATCH_TEST_PG=$IRWATCH_TEST_PG"
}
