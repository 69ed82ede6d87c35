#!/usr/bin/env bash
# Real NETCONF peer for MESA's conformance tests: Debian's yuma123 netconfd behind a private OpenSSH
# sshd on 127.0.0.1:830. Nobody in this project wrote either, which is the point.
#
#   run.sh start    install (when missing), start (when not running), probe with a real NETCONF hello,
#                   print "READY host=... fingerprint=..." and write $STATE/env
#   run.sh stop     stop our netconfd and sshd (and their sessions); remove $STATE/env
#   run.sh status   exit 0 and print the READY line when both run and answer a hello; exit 3 otherwise
#
# Needs root on Debian 12. State lives in MESA_NETCONFD_STATE (default /tmp/mesa-netconfd). Facts and
# pitfalls behind each choice: shared/reference/lab-peers-and-versions.md §A.
set -euo pipefail

STATE=${MESA_NETCONFD_STATE:-/tmp/mesa-netconfd}
STATE=${STATE%/}
HOST=127.0.0.1
PORT=830
NC_USER=netconf
NC_PASSWORD=netconf
YANG_IF=/usr/share/yuma/modules/ietf/ietf-interfaces@2014-05-08.yang

DB=$STATE/netconfd                      # owned by the netconf user: startup/backup config, socket, log
SOCK=$DB/ncxserver.sock
STARTUP=$DB/startup-cfg.xml
HOST_KEY=$STATE/ssh_host_ed25519_key
CLIENT_KEY=$STATE/client_ed25519
KNOWN_HOSTS=$STATE/known_hosts
SSHD_CONFIG=$STATE/sshd_config
NETCONFD_PID=$STATE/netconfd.pid
SSHD_PID=$STATE/sshd.pid
ENV_FILE=$STATE/env

APT_TIMEOUT=600        # whole apt-get run, including waiting for another apt's lock
START_TIMEOUT=15       # each daemon to become ready
PROBE_TIMEOUT=15       # one NETCONF hello round trip
STOP_TIMEOUT=10        # graceful exit before SIGKILL

log() { printf 'netconfd: %s\n' "$*" >&2; }
die() { printf 'netconfd: FAILED: %s\n' "$*" >&2; exit 1; }

tail_log() { [[ -s $1 ]] && { log "last lines of $1:"; tail -n "${2:-15}" "$1" | sed 's/^/    /' >&2; }; return 0; }

# --- processes -------------------------------------------------------------------------------------

# Builtins only (read, mapfile): with a loaded machine every fork of cat costs tens of milliseconds,
# and stop scans all of /proc.
alive() {   # not gone and not a zombie (a lazy PID 1, as in containers, leaves zombies around)
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z && ${stat:0:1} != X ]]
}

# A PID counts as ours only if it is alive, has the expected command name and names our state dir
# on its command line (guards against PID reuse).
is_ours() {
  local pid=$1 comm=$2 actual arg args=()
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  read -r actual 2>/dev/null <"/proc/$pid/comm" && [[ $actual == "$comm" ]] || return 1
  mapfile -d '' args 2>/dev/null <"/proc/$pid/cmdline" || return 1
  for arg in "${args[@]}"; do [[ $arg == *"$STATE/"* ]] && return 0; done
  return 1
}

running_pid() {   # pidfile comm -> prints the PID if that process is ours and alive
  local pid
  read -r pid 2>/dev/null <"$1" || return 1
  is_ours "$pid" "$2" && printf '%s\n' "$pid"
}

descendants() {   # all live descendants of $1 (sshd's per-connection processes)
  local p stat ppid
  local -A children=()
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    read -r stat 2>/dev/null <"/proc/$p/stat" || continue
    stat=${stat##*) }
    read -r _ ppid _ <<<"$stat"
    children[$ppid]+=" $p"
  done
  local queue=("$1") next
  while ((${#queue[@]})); do
    next=${queue[0]}; queue=("${queue[@]:1}")
    for p in ${children[$next]:-}; do printf '%s\n' "$p"; queue+=("$p"); done
  done
}

# Processes of ours that lost their PID file: our daemons name the state dir on their command line.
strays() {
  local p comm
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    read -r comm 2>/dev/null <"/proc/$p/comm" || continue
    case $comm in netconfd | sshd | netconf-subsyst*) is_ours "$p" "$comm" && printf '%s\n' "$p" ;; esac
  done
  return 0
}

terminate() {   # pids... : TERM, wait bounded, then KILL, wait bounded
  local pids=("$@") p deadline left signal
  ((${#pids[@]})) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for signal in KILL ''; do
    deadline=$((SECONDS + STOP_TIMEOUT))
    while :; do
      left=()
      for p in "${pids[@]}"; do alive "$p" && left+=("$p"); done
      ((${#left[@]})) || return 0
      ((SECONDS < deadline)) || break
      sleep 0.1
    done
    [[ -n $signal ]] || break
    log "still running after ${STOP_TIMEOUT}s, sending SIGKILL to ${left[*]}"
    kill -KILL "${left[@]}" 2>/dev/null || true
    pids=("${left[@]}")
  done
  die "could not stop PIDs ${left[*]}"
}

stop_servers() {
  local pid victims=()
  rm -f "$ENV_FILE"
  # sshd first, so no new session arrives while netconfd goes down; its session processes go with it.
  if pid=$(running_pid "$SSHD_PID" sshd); then
    mapfile -t victims < <(descendants "$pid")
    victims=("$pid" "${victims[@]}")
  fi
  if pid=$(running_pid "$NETCONFD_PID" netconfd); then victims+=("$pid"); fi
  mapfile -t -O "${#victims[@]}" victims < <(strays)
  if ((${#victims[@]})); then
    mapfile -t victims < <(printf '%s\n' "${victims[@]}" | sort -un)
    log "stopping PIDs ${victims[*]}"
    terminate "${victims[@]}"
  fi
  rm -f "$SSHD_PID" "$NETCONFD_PID" "$SOCK"
}

# --- installation and one-time setup ---------------------------------------------------------------

installed() {
  local pkg
  for pkg in "$@"; do
    [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) == "install ok installed" ]] || return 1
  done
}

apt_install() {
  local apt=(timeout "$APT_TIMEOUT" apt-get -q -o DPkg::Lock::Timeout=300)
  local pkgs=(netconfd openssh-server) updated=false policy
  installed "${pkgs[@]}" && return 0
  command -v apt-get >/dev/null || die "apt-get not found; this script needs Debian 12"
  # Update the package lists only when they cannot name a candidate for each (or, below, are stale).
  policy=$(apt-cache policy "${pkgs[@]}" 2>/dev/null || true)
  if (($(grep -c 'Candidate: [^(]' <<<"$policy") < ${#pkgs[@]})); then
    log "apt lists lack ${pkgs[*]}; running apt-get update"
    "${apt[@]}" update >&2 || die "apt-get update failed"
    updated=true
  fi
  # On a machine with systemd, installing openssh-server would also start the system sshd on :22,
  # where the netconf/netconf account would be reachable from the network. We only want our private
  # loopback sshd, so if we are the ones installing it, tell Debian's unit not to run the system one.
  if ! installed openssh-server && [[ ! -e /etc/ssh/sshd_not_to_be_run ]]; then
    mkdir -p /etc/ssh && touch /etc/ssh/sshd_not_to_be_run
    log "created /etc/ssh/sshd_not_to_be_run: the system sshd stays off (delete it to enable it)"
  fi
  log "installing ${pkgs[*]}"
  if ! DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "${pkgs[@]}" >&2; then
    $updated && die "apt-get install ${pkgs[*]} failed"
    log "install failed; package lists may be stale, running apt-get update and retrying once"
    "${apt[@]}" update >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "${pkgs[@]}" >&2 \
      || die "apt-get install ${pkgs[*]} failed"
  fi
  installed "${pkgs[@]}" || die "${pkgs[*]} still not installed after apt-get install"
}

ensure_user() {
  local home
  if ! id "$NC_USER" >/dev/null 2>&1; then
    log "creating user $NC_USER"
    useradd --create-home --shell /bin/sh --user-group \
      --comment 'MESA lab NETCONF peer (mesa-lab/netconfd/run.sh)' "$NC_USER" || die "useradd $NC_USER failed"
  fi
  printf '%s:%s\n' "$NC_USER" "$NC_PASSWORD" | chpasswd || die "chpasswd for $NC_USER failed"
  home=$(getent passwd "$NC_USER" | cut -d: -f6)
  [[ -d $home ]] || install -d -m 0750 -o "$NC_USER" -g "$NC_USER" "$home"
  # sshd's StrictModes refuses keys under a group/world-writable home.
  chmod go-w "$home"
  install -d -m 0700 -o "$NC_USER" -g "$NC_USER" "$home/.ssh"
  local keyline
  keyline=$(cat "$CLIENT_KEY.pub")
  touch "$home/.ssh/authorized_keys"
  grep -qxF -- "$keyline" "$home/.ssh/authorized_keys" || printf '%s\n' "$keyline" >>"$home/.ssh/authorized_keys"
  chown "$NC_USER:$NC_USER" "$home/.ssh/authorized_keys"
  chmod 0600 "$home/.ssh/authorized_keys"
  install -d -m 0750 -o "$NC_USER" -g "$NC_USER" "$DB"
}

ensure_files() {
  local sockname_max=107
  install -d -m 0755 "$STATE"
  ((${#SOCK} <= sockname_max)) || die "socket path $SOCK is longer than $sockname_max bytes; use a shorter MESA_NETCONFD_STATE"
  [[ -s $HOST_KEY && -s $HOST_KEY.pub ]] \
    || { rm -f "$HOST_KEY" "$HOST_KEY.pub"; ssh-keygen -q -t ed25519 -N '' -C "mesa-netconfd-host" -f "$HOST_KEY"; }
  [[ -s $CLIENT_KEY && -s $CLIENT_KEY.pub ]] \
    || { rm -f "$CLIENT_KEY" "$CLIENT_KEY.pub"; ssh-keygen -q -t ed25519 -N '' -C "mesa-netconfd-client" -f "$CLIENT_KEY"; }
  chmod 0600 "$HOST_KEY" "$CLIENT_KEY"
  printf '[%s]:%s %s\n' "$HOST" "$PORT" "$(cut -d' ' -f1,2 "$HOST_KEY.pub")" >"$KNOWN_HOSTS"
  cat >"$SSHD_CONFIG" <<EOF
# Private sshd for the MESA lab NETCONF peer (written by mesa-lab/netconfd/run.sh; edits are overwritten).
Port $PORT
ListenAddress $HOST
HostKey $HOST_KEY
PidFile none
AllowUsers $NC_USER
PermitRootLogin no
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
AuthorizedKeysFile .ssh/authorized_keys
DisableForwarding yes
PermitTTY no
PrintMotd no
UseDNS no
LogLevel INFO
Subsystem netconf "/usr/sbin/netconf-subsystem --ncxserver-sockname=$PORT@$SOCK"
EOF
  install -d -m 0755 /run/sshd   # sshd's privilege-separation directory
}

host_fingerprint() { ssh-keygen -l -E sha256 -f "$HOST_KEY.pub" | awk '{print $2}'; }

# --- starting --------------------------------------------------------------------------------------

start_netconfd() {
  local pid deadline
  # A fresh server starts from an empty configuration; netconfd needs the --startup file to exist and
  # saves running into it on every commit (--no-startup would still write into ~/.yuma).
  printf '%s\n' '<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"/>' >"$STARTUP"
  rm -f "$SOCK" "$DB/backup-cfg.xml"
  chown "$NC_USER:$NC_USER" "$STARTUP"
  : >"$STATE/netconfd.out"
  # exec all the way down, so $! is netconfd itself and not a shell that would orphan it on stop.
  # Unprivileged: netconfd writes ~/.yuma into the passwd home of whoever runs it.
  (cd "$DB" && exec setsid setpriv --reuid="$NC_USER" --regid="$NC_USER" --init-groups --reset-env \
    /usr/sbin/netconfd \
    --module=iana-if-type \
    --module="$YANG_IF" \
    --target=candidate \
    --superuser="$NC_USER" \
    --access-control=permissive \
    --startup="$STARTUP" \
    --port="$PORT" \
    --ncxserver-sockname="$SOCK" \
    --log="$DB/netconfd.log") </dev/null >>"$STATE/netconfd.out" 2>&1 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$NETCONFD_PID"
  deadline=$((SECONDS + START_TIMEOUT))
  until [[ -S $SOCK ]]; do
    if ! alive "$pid"; then
      tail_log "$DB/netconfd.log"; tail_log "$STATE/netconfd.out"
      die "netconfd exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      tail_log "$DB/netconfd.log"
      die "netconfd did not open its socket $SOCK within ${START_TIMEOUT}s"
    fi
    sleep 0.05
  done
  is_ours "$pid" netconfd || die "PID $pid is not netconfd (exec chain broken?)"
  log "netconfd running, pid $pid"
}

port_busy() { [[ -n $(ss -Hltn "sport = :$PORT" 2>/dev/null) ]]; }

start_sshd() {
  local pid deadline err
  err=$(/usr/sbin/sshd -t -f "$SSHD_CONFIG" 2>&1) || die "sshd rejects $SSHD_CONFIG: $err"
  if port_busy; then
    die "port $PORT is already in use by a process that is not ours: $(ss -Hltnp "sport = :$PORT" | tr -s ' ')"
  fi
  : >"$STATE/sshd.log"
  # sshd must be started by absolute path (it re-executes itself); -D keeps it in the foreground so
  # the recorded PID is the listener.
  (exec setsid /usr/sbin/sshd -D -f "$SSHD_CONFIG" -E "$STATE/sshd.log") </dev/null >/dev/null 2>&1 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$SSHD_PID"
  deadline=$((SECONDS + START_TIMEOUT))
  until [[ -n $(ss -Hltnp "src $HOST and sport = :$PORT" 2>/dev/null | grep -F "pid=$pid,") ]]; do
    if ! alive "$pid"; then tail_log "$STATE/sshd.log"; die "sshd exited during startup"; fi
    if ((SECONDS >= deadline)); then
      tail_log "$STATE/sshd.log"
      die "sshd did not listen on $HOST:$PORT within ${START_TIMEOUT}s"
    fi
    sleep 0.05
  done
  is_ours "$pid" sshd || die "PID $pid is not sshd (exec chain broken?)"
  log "sshd running, pid $pid, listening on $HOST:$PORT"
}

# A real NETCONF exchange over SSH with the pinned host key and the client key: read the server's
# <hello> (EOM-framed), answer with a base:1.0 hello and <close-session>, expect <ok/>.
probe() {
  local deadline=$((SECONDS + PROBE_TIMEOUT)) reply sid
  local hello='<?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>'
  local close='<?xml version="1.0" encoding="UTF-8"?><rpc message-id="1" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><close-session/></rpc>]]>]]>'
  coproc PROBE {
    exec timeout "$PROBE_TIMEOUT" ssh -F /dev/null -T -p "$PORT" \
      -o BatchMode=yes -o IdentitiesOnly=yes -o IdentityFile="$CLIENT_KEY" \
      -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$KNOWN_HOSTS" -o GlobalKnownHostsFile=/dev/null \
      -o ConnectTimeout=5 -o LogLevel=ERROR \
      "$NC_USER@$HOST" -s netconf 2>"$STATE/probe.err" 9>&-
  }
  # Own copies of the pipe ends: bash closes the coproc's when ssh exits, which can be before we
  # have read the last reply.
  local out in ssh_pid=$PROBE_PID
  exec {out}<&"${PROBE[0]}" {in}>&"${PROBE[1]}"
  if reply=$(read_message "$out" "$deadline"); then
    if [[ $reply == *'urn:ietf:params:netconf:base:1.0'* && $reply =~ \<session-id\>([0-9]+)\< ]]; then
      sid=${BASH_REMATCH[1]}
      printf '%s' "$hello" >&"$in" 2>/dev/null || true
      # yuma123 2.13 loses the session when an RPC arrives in the same read as the client's hello (the
      # reply never comes; its log says "IO failed on session"), and NETCONF has no reply to a hello.
      # So wait until netconfd logs the session as active before sending the RPC.
      until grep -qE "^Session $sid for .* now active" "$DB/netconfd.log" 2>/dev/null; do
        ((SECONDS < deadline)) || break
        sleep 0.02
      done
      if ((SECONDS >= deadline)); then
        PROBE_ERROR="netconfd did not log session $sid as active within ${PROBE_TIMEOUT}s"
      else
        printf '%s' "$close" >&"$in" 2>/dev/null || true
        if reply=$(read_message "$out" "$deadline") && [[ $reply == *'<ok/>'* ]]; then
          exec {in}>&- {out}<&-
          wait "$ssh_pid" 2>/dev/null || true
          return 0
        fi
        PROBE_ERROR="no <ok/> to <close-session>: ${reply:0:300}"
      fi
    else
      PROBE_ERROR="the server's first message is not a NETCONF hello: ${reply:0:300}"
    fi
  else
    PROBE_ERROR="no NETCONF hello within ${PROBE_TIMEOUT}s; ssh said: $(tr '\n' ' ' <"$STATE/probe.err")"
  fi
  exec {in}>&- {out}<&-
  kill "$ssh_pid" 2>/dev/null || true
  wait "$ssh_pid" 2>/dev/null || true
  return 1
}

read_message() {   # fd deadline -> one EOM-framed message on stdout
  local fd=$1 deadline=$2 buf='' piece left
  while :; do
    left=$((deadline - SECONDS))
    ((left > 0)) || return 1
    IFS= read -r -d '>' -t "$left" -u "$fd" piece || return 1
    buf+="$piece>"
    [[ $buf == *']]>]]>' ]] && { printf '%s' "$buf"; return 0; }
  done
}

ready_line() {   # fingerprint
  printf 'READY host=%s port=%s user=%s fingerprint=%s\n' "$HOST" "$PORT" "$NC_USER" "$1"
}

write_env() {   # fingerprint
  local tmp
  tmp=$(mktemp "$STATE/env.XXXXXX")
  cat >"$tmp" <<EOF
NETCONFD_HOST=$HOST
NETCONFD_PORT=$PORT
NETCONFD_USER=$NC_USER
NETCONFD_PASSWORD=$NC_PASSWORD
NETCONFD_KEY=$CLIENT_KEY
NETCONFD_FINGERPRINT=$1
EOF
  chmod 0644 "$tmp"
  mv -f "$tmp" "$ENV_FILE"
}

start() {
  # A failed start leaves nothing of ours running, so a caller never meets a half-started server.
  trap 'rc=$?; if ((rc != 0)); then stop_servers >/dev/null 2>&1 || true; fi' EXIT
  apt_install
  ensure_files
  ensure_user
  if ! running_pid "$SSHD_PID" sshd >/dev/null && port_busy; then
    die "port $PORT is already in use by a process that is not ours: $(ss -Hltnp "sport = :$PORT" | tr -s ' ')"
  fi
  local attempt
  for attempt in 1 2; do
    running_pid "$NETCONFD_PID" netconfd >/dev/null || { stop_servers; start_netconfd; }
    running_pid "$SSHD_PID" sshd >/dev/null || start_sshd
    if probe; then
      local fingerprint
      fingerprint=$(host_fingerprint)
      write_env "$fingerprint"
      ready_line "$fingerprint"
      return 0
    fi
    log "probe failed: $PROBE_ERROR"
    # Running but not answering (e.g. left over from an older run): restart both once.
    ((attempt == 1)) && { log "restarting netconfd and sshd"; stop_servers; }
  done
  tail_log "$DB/netconfd.log"; tail_log "$STATE/sshd.log"
  die "the server does not answer a NETCONF hello: $PROBE_ERROR"
}

status() {
  local npid spid
  npid=$(running_pid "$NETCONFD_PID" netconfd) || { echo "netconfd: not running"; return 3; }
  spid=$(running_pid "$SSHD_PID" sshd) || { echo "netconfd: running (pid $npid) but sshd is not"; return 3; }
  probe || { echo "netconfd: pids $npid/$spid alive but no NETCONF hello: $PROBE_ERROR"; return 3; }
  echo "netconfd pid=$npid sshd pid=$spid"
  ready_line "$(host_fingerprint)"
}

main() {
  local cmd=${1:-}
  case $cmd in start | stop | status) ;; *)
    echo "usage: $0 start|stop|status   (state dir: \$MESA_NETCONFD_STATE, default /tmp/mesa-netconfd)" >&2
    exit 2 ;;
  esac
  [[ $(id -u) == 0 ]] || die "must run as root (installs packages, creates user $NC_USER, binds port $PORT)"
  install -d -m 0755 "$STATE"
  # One run.sh at a time per state dir: engineers and CI share this machine and port 830.
  exec 9>"$STATE/.lock"
  flock -w 120 9 || die "another run.sh holds $STATE/.lock for more than 120s"
  case $cmd in
    start) start ;;
    stop) stop_servers; log "stopped" ;;
    status) status ;;
  esac
}

main "$@"
