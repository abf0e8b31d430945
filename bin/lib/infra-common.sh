# Helpers for bin/infra: process groups, pid files, health waiting. Source after bin/lib/env.sh.
# shellcheck shell=bash

LS_DIR="$BEIAN_HOME/local-stack"
PID_DIR="$BEIAN_DATA/pids"
LOG_DIR="$BEIAN_DATA/logs"
INFRA_TIMEOUT="${BEIAN_INFRA_TIMEOUT:-120}"

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  C_OK=$'\e[32m'; C_ERR=$'\e[31m'; C_DIM=$'\e[2m'; C_OFF=$'\e[0m'
else
  C_OK=''; C_ERR=''; C_DIM=''; C_OFF=''
fi

info() { printf '%s\n' "$*"; }
warn() { printf '%s%s%s\n' "$C_ERR" "$*" "$C_OFF" >&2; }
die()  { warn "bin/infra: $*"; exit 1; }

now_ms() { date +%s%3N; }

pid_file() { echo "$PID_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

# Pid (= process group id) of a part, empty if no pid file.
part_pid() {
  local f; f="$(pid_file "$1")"
  [ -s "$f" ] && cat "$f" || true
}

# True when the part's process group still has a member.
part_alive() {
  local pid; pid="$(part_pid "$1")"
  [ -n "$pid" ] && kill -0 -- "-$pid" 2>/dev/null
}

# True when something listens on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

http_ok() { # url -> true on a 2xx answer
  curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null
}

# launch PART CMD...: runs CMD in a new session (own process group) in the background, stdout+stderr appended to the
# part's log, no stdin, pid (= pgid) in the part's pid file.
launch() {
  local part="$1"; shift
  local log pidf; log="$(log_file "$part")"; pidf="$(pid_file "$part")"
  mkdir -p "$LOG_DIR" "$PID_DIR"
  printf '=== beian-infra start %s (%s) ===\n' "$part" "$(date -Is)" >>"$log"
  rm -f "$pidf"
  # setsid makes the child a session and process-group leader; the inner shell records its pid and execs the command.
  setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' beian-infra "$pidf" "$@" </dev/null >>"$log" 2>&1 &
  local i
  for i in $(seq 1 50); do [ -s "$pidf" ] && break; sleep 0.1; done
  [ -s "$pidf" ] || die "$part: could not record its pid (see $log)"
}

# Lines of the part's log written since its last start banner.
log_since_start() {
  local log; log="$(log_file "$1")"
  [ -f "$log" ] || return 0
  awk '/^=== beian-infra start /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' "$log"
}

fail_with_log() {
  local part="$1" why="$2"
  warn "bin/infra: $part $why"
  warn "---- last 40 lines of $(log_file "$part") ----"
  log_since_start "$part" | tail -n 40 >&2
  warn "----"
  exit 1
}

# wait_healthy PART TIMEOUT_S: polls ${PART}_health until it succeeds; fails if the process dies or time runs out.
wait_healthy() {
  local part="$1" timeout="$2" deadline
  deadline=$(( $(date +%s) + timeout ))
  while true; do
    if "health_$part" >/dev/null 2>&1; then
      return 0
    fi
    part_alive "$part" || fail_with_log "$part" "exited before it became healthy"
    [ "$(date +%s)" -lt "$deadline" ] || fail_with_log "$part" "not healthy after ${timeout}s"
    sleep 0.5
  done
}

# stop_group PART [GRACE_S]: SIGTERM to the part's process group, SIGKILL after the grace period.
stop_group() {
  local part="$1" grace="${2:-30}" pid i
  pid="$(part_pid "$part")"
  if [ -z "$pid" ] || ! kill -0 -- "-$pid" 2>/dev/null; then
    rm -f "$(pid_file "$part")"
    return 1
  fi
  kill -TERM -- "-$pid" 2>/dev/null || true
  for i in $(seq 1 $(( grace * 10 ))); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 -- "-$pid" 2>/dev/null; then
    warn "$part did not stop within ${grace}s; killing process group $pid"
    kill -KILL -- "-$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$part")"
  return 0
}

# RSS in MB of all processes in the given process groups.
groups_rss_mb() {
  ps -e -o pgid=,rss= | awk -v list=" $* " 'index(list, " " $1 " ") {s+=$2} END{printf "%d", s/1024}'
}
