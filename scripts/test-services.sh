#!/usr/bin/env bash
# Runs a command (the test suite) with the throwaway services the tests use, and stops them afterwards:
#  - a real Secret Service: gnome-keyring in its own D-Bus session, unlocked, in a temporary HOME (CB_TEST_KEYRING=1)
#  - a PostgreSQL 15 server on 127.0.0.1 in a temporary data directory (CB_TEST_PG_URL)
# A service that cannot start is reported and its tests skip with the reason; the command still runs.
set -uo pipefail

tmp=$(mktemp -d /tmp/casebridge-services.XXXXXX)
chmod 755 "$tmp"
pgwork="$tmp/pg"
pgdata="$pgwork/data"
pgport="${CB_TEST_PG_PORT:-55432}"
pgbin=/usr/lib/postgresql/15/bin
pg_started=0

cleanup() {
    if [ "$pg_started" = 1 ]; then
        su postgres -s /bin/sh -c "$pgbin/pg_ctl -D '$pgdata' -m immediate stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

if [ -x "$pgbin/initdb" ] && id postgres >/dev/null 2>&1; then
    mkdir -p "$pgwork" && chown postgres:postgres "$pgwork"
    if su postgres -s /bin/sh -c "$pgbin/initdb -D '$pgdata' -A trust -U postgres >'$pgwork/initdb.log' 2>&1 && \
        $pgbin/pg_ctl -D '$pgdata' -o \"-p $pgport -k '$pgdata' -c listen_addresses=127.0.0.1 -c fsync=off\" \
        -l '$pgwork/server.log' -w start >/dev/null"; then
        pg_started=1
        export CB_TEST_PG_URL="postgresql://postgres@127.0.0.1:$pgport/postgres"
        echo "test-services: PostgreSQL on 127.0.0.1:$pgport"
    else
        echo "test-services: PostgreSQL did not start; its tests will skip. $(tail -3 "$pgwork/initdb.log" "$pgwork/server.log" 2>/dev/null)" >&2
    fi
else
    echo "test-services: PostgreSQL 15 is not installed; its tests will skip (scripts/install-deps.sh installs it)." >&2
fi

if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/home"
    mkdir -p "$HOME" && chmod 700 "$HOME"
    export CB_TEST_KEYRING=1
    dbus-run-session -- sh -c 'echo -n casebridge-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
    rc=$?
else
    echo "test-services: no D-Bus session or gnome-keyring; keychain tests will skip." >&2
    "$@"
    rc=$?
fi
exit $rc
