# shellcheck shell=bash
# lab.sh - shared helpers for scripts/demo and scripts/bench (sourced, bash): a
# senderguard daemon and private Postfix instances (scripts/postfix-lab) under one
# temporary directory, started and stopped by PID.
#
#   lab_init NAME        create $LAB_DIR (mode 755, Postfix must reach it) and an EXIT
#                        trap that stops everything; the directory is removed on success
#                        unless LAB_KEEP=1, kept (and named) on failure
#   lab_binary [PATH]    set $SG_BIN: PATH, else $BUILD_DIR/milter/senderguard
#   sg_start CONFIG SOCKET   run "senderguard run --config CONFIG" in the background
#                        ($SG_PID), wait until SOCKET (unix:PATH or inet:PORT@HOST)
#                        listens; log in $LAB_DIR/senderguard.log
#   sg_stop              SIGTERM and wait (KILL after 10 s); $SG_STOP_MS is how long it took
#   postfix_start DIR [postfix-lab start options]   start a lab on ports postfix-lab chooses,
#                        source DIR/lab.env
#   postfix_stop DIR
#   port_listening PORT  true when something listens on TCP 127.0.0.1:PORT (no connect)
#   free_port VAR        set VAR to a loopback port below the kernel's ephemeral range that no
#                        socket uses in any state: ports inside the range can be taken by
#                        outgoing connections or blocked by TIME_WAIT after a benchmark
#   die MESSAGE          print and exit 1
#
# Exit status 77 from the callers means "skipped" (ctest SKIP_RETURN_CODE).

LAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LAB_NAME="lab"
LAB_DIR=""
LAB_KEEP="${LAB_KEEP:-0}"
LAB_POSTFIX_DIRS=()
SG_BIN=""
SG_PID=""
SG_STOP_MS=""

say() { echo "[$LAB_NAME] $*" >&2; }
die() {
    say "error: $*"
    exit 1
}

lab_cleanup() {
    local rc=$? d
    trap - EXIT
    sg_stop
    for d in "${LAB_POSTFIX_DIRS[@]}"; do "$LAB_ROOT/scripts/postfix-lab" stop "$d" || true; done
    if [[ -n "$LAB_DIR" && -d "$LAB_DIR" ]]; then
        if ((rc != 0 && rc != 77)) || [[ "$LAB_KEEP" == 1 ]]; then
            say "kept $LAB_DIR"
        else
            rm -rf "$LAB_DIR"
        fi
    fi
    exit "$rc"
}

lab_init() {
    LAB_NAME="$1"
    LAB_DIR="$(mktemp -d "${TMPDIR:-/tmp}/senderguard-$LAB_NAME.XXXXXX")"
    chmod 755 "$LAB_DIR"
    trap lab_cleanup EXIT
    trap 'exit 130' INT TERM
}

# lab_require TOOL...: exit 77 (skip) when a tool is missing or we are not root.
lab_require() {
    [[ "$(id -u)" == 0 ]] || { say "skipped: needs root (private Postfix instance)"; exit 77; }
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { say "skipped: $tool not installed (run scripts/setup)"; exit 77; }
    done
}

lab_binary() {
    SG_BIN="${1:-${BUILD_DIR:-$LAB_ROOT/build}/milter/senderguard}"
    [[ -x "$SG_BIN" ]] || die "senderguard binary $SG_BIN not found (build first: scripts/build)"
}

port_listening() {
    [[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]]
}

LAB_PICKED_PORTS=" "
free_port() {
    # Locals are prefixed: the caller's variable name must not be shadowed.
    local fp_low fp_port fp_tries
    read -r fp_low _ </proc/sys/net/ipv4/ip_local_port_range
    ((fp_low > 12000)) || fp_low=32768
    for ((fp_tries = 0; fp_tries < 200; fp_tries++)); do
        fp_port=$((10000 + RANDOM % (fp_low - 10000)))
        [[ "$LAB_PICKED_PORTS" == *" $fp_port "* ]] && continue
        [[ -z "$(ss -Htan "sport = :$fp_port or dport = :$fp_port" 2>/dev/null)" ]] || continue
        LAB_PICKED_PORTS+="$fp_port "
        printf -v "$1" '%s' "$fp_port"
        return 0
    done
    die "no free loopback port"
}

sg_start() {
    local config="$1" socket="$2" i
    [[ "$socket" == unix:* ]] && rm -f "${socket#unix:}"
    # umask 0: smtpd (user postfix) must be able to write to the unix socket.
    (umask 000 && exec "$SG_BIN" run --config "$config") </dev/null >>"$LAB_DIR/senderguard.log" 2>&1 &
    SG_PID=$!
    for ((i = 0; i < 150; i++)); do
        case "$socket" in
        unix:*) [[ -S "${socket#unix:}" ]] && return 0 ;;
        inet:*) socket_port="${socket#inet:}" && port_listening "${socket_port%@*}" && return 0 ;;
        esac
        if ! kill -0 "$SG_PID" 2>/dev/null; then
            wait "$SG_PID" || true
            SG_PID=""
            tail -n 20 "$LAB_DIR/senderguard.log" >&2
            die "senderguard run exited before listening on $socket"
        fi
        sleep 0.1
    done
    die "senderguard did not listen on $socket within 15 s"
}

sg_stop() {
    [[ -n "$SG_PID" ]] || return 0
    local i start end
    start="$(date +%s%N)"
    kill -TERM "$SG_PID" 2>/dev/null || true
    # Our own child stays a zombie until wait: read its state instead of kill -0.
    for ((i = 0; i < 1000; i++)); do
        [[ -e "/proc/$SG_PID" ]] || break
        grep -q '^State:[[:space:]]*Z' "/proc/$SG_PID/status" 2>/dev/null && break
        sleep 0.01
    done
    end="$(date +%s%N)"
    kill -KILL "$SG_PID" 2>/dev/null || true
    wait "$SG_PID" 2>/dev/null || true
    SG_STOP_MS=$(((end - start) / 1000000))
    SG_PID=""
}

postfix_start() {
    local dir="$1"
    shift
    LAB_POSTFIX_DIRS+=("$dir")
    # postfix-lab chooses free ports itself, and chooses again if one is taken meanwhile.
    "$LAB_ROOT/scripts/postfix-lab" start "$dir" "$@" >/dev/null || die "postfix-lab start $dir failed"
    # shellcheck source=/dev/null
    . "$dir/lab.env"
}

postfix_stop() {
    "$LAB_ROOT/scripts/postfix-lab" stop "$1" || true
    local d kept=()
    for d in "${LAB_POSTFIX_DIRS[@]}"; do [[ "$d" == "$1" ]] || kept+=("$d"); done
    LAB_POSTFIX_DIRS=("${kept[@]}")
}
