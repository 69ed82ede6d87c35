#!/usr/bin/env bash
# Runs every MESA benchmark and rewrites BENCHMARKS.md at the repository root.
#
#   mesa-bench/run.sh            # JMH (intake verify+parse) and the HTTP intake load (4 and 64 connections)
#   mesa-bench/run.sh jmh        # only JMH
#   mesa-bench/run.sh intake     # only the HTTP intake load against `mesa serve` (INTAKE_TARGET=stand-in: the stand-in)
#   mesa-bench/run.sh storm      # only the storm / 48-APs / own-overhead run over the lab simulators
# A section not run keeps its previous text (own date and load averages) in BENCHMARKS.md.
#
# Environment:
#   INTAKE_SECONDS (20), INTAKE_WARMUP (5), INTAKE_CONNECTIONS ("4 64"), INTAKE_EVENTS_PER_BODY (1)
#   MESA_BENCH_URL + MESA_BENCH_PID + MESA_WEBHOOK_SECRET: load an already running receiver (e.g. `mesa serve`)
#     instead of starting `mesa serve`; MESA_BENCH_LABEL names it in the table ("mesa serve").
#   JMH_ARGS: extra JMH options (e.g. "-f 2 -i 10").
# Nothing here runs in `./mvnw verify`; the machine is measured as it is, so note what else is running.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
case "$what" in all | jmh | intake | storm) ;; *) echo "usage: $0 [all|jmh|intake|storm]" >&2; exit 2 ;; esac

out=mesa-bench/target/bench
jar=mesa-bench/target/benchmarks.jar
serve_jar=mesa-cli/target/mesa.jar
mkdir -p "$out"

echo "building $jar ..." >&2
./mvnw -B -q -Pbench -pl mesa-bench,mesa-cli -am package -DskipTests

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
java_version=$(java -version 2>&1 | head -n 2 | tail -n 1)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)

jmh_section() {
  local common=(IntakeBenchmark -rf text) load_thrpt load_avgt
  load_thrpt=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "JMH: throughput (ops/s) ..." >&2
  # shellcheck disable=SC2086
  java -jar "$jar" "${common[@]}" -bm thrpt -tu s -rff "$out/jmh-thrpt.txt" ${JMH_ARGS:-} >"$out/jmh-thrpt.log"
  load_avgt=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "JMH: average time (µs/op) ..." >&2
  # shellcheck disable=SC2086
  java -jar "$jar" "${common[@]}" -bm avgt -tu us -rff "$out/jmh-avgt.txt" ${JMH_ARGS:-} >"$out/jmh-avgt.log"
  cat <<MD
## JMH: webhook intake, verify + parse (single thread)

\`verifyAndParse\` is \`WebhookIntake.accept\`: size cap, HMAC-SHA256 of the raw body, bounded parse, shape checks and
event ids; \`verifySignatureOnly\` is the HMAC check alone. \`events\` is the number of events in the signed body
(realistic Mist \`device-events\`, ~330 bytes per event). 1 fork, 3×2 s warm-up, 5×2 s measurement, -Xmx256m.

Reproduce: \`./mvnw -B -q -Pbench -pl mesa-bench -am package -DskipTests\`, then
- ops/s: \`java -jar $jar IntakeBenchmark -bm thrpt -tu s\`
- µs/op: \`java -jar $jar IntakeBenchmark -bm avgt -tu us\`
(one figure: add e.g. \`-p events=50 'IntakeBenchmark.verifyAndParse'\`).
Load average (1/5/15 min) before the throughput run: $load_thrpt; before the average-time run: $load_avgt.

\`\`\`
$(cat "$out/jmh-thrpt.txt")

$(cat "$out/jmh-avgt.txt")
\`\`\`

MD
}

# A `mesa serve` configuration for the intake benchmark: the org of DeviceEventBodies, a random webhook secret
# and Mist token from the environment, the HTTP endpoint on a free port of 127.0.0.1. Mist points at a closed
# port of 127.0.0.1 (one attempt, no retry): the worker's later lookups fail at once and are audited as failed,
# so the figures are the intake (verify, parse, durable enqueue, worker take-in), not Mist's latency.
serve_config() {
  cat <<YAML
version: 1
mist:
  baseUrl: http://127.0.0.1:9
  token: \${env:MIST_TOKEN}
  orgId: 2818e386-8dec-2562-9ede-5b8a0fbbdc71
  retry:
    maxAttempts: 1
webhook:
  secret: \${env:MESA_WEBHOOK_SECRET}
switches:
  - name: sw1
    host: 127.0.0.1
    port: 9
    username: mesa
    password: \${env:MESA_SWITCH_PASSWORD}
    hostKey: SHA256:S+BZs8WrbF2+3vXNX+pZP+rhwiXFBq+1ZZjhSqLx7jg
junos:
  profiles:
    ap:
      statements:
        - set interfaces {interface} description AP
    secured:
      statements:
        - delete interfaces {interface} description
store:
  jdbcUrl: jdbc:sqlite:$1/mesa.db
server:
  bind: 127.0.0.1
  port: 0
YAML
}

target_note() {
  case "$1" in
    "stand-in receiver") echo " (\`StandInReceiver\`: Javalin + \`WebhookIntake\`, answers 202, queues nothing — the HTTP + intake floor, not \`mesa serve\`; JVM -Xms256m -Xmx256m -XX:+AlwaysPreTouch, so RSS starts with the heap resident)" ;;
    "mesa serve") [[ -z "${MESA_BENCH_URL:-}" ]] && echo " (\`java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -jar $serve_jar serve\` started by run.sh as its own process: SQLite store in a fresh temp dir, generated config with a random webhook secret, default accept wait of 2 s; each 202 comes after verify + parse + durable SQLite enqueue + the worker taking the body in and deciding each event's outcome; Mist points at a closed 127.0.0.1 port, so the lookups the worker schedules later fail at once and are audited — Mist's latency is not in these figures)" ;;
  esac
  return 0
}

intake_section() {
  local seconds="${INTAKE_SECONDS:-20}" warmup="${INTAKE_WARMUP:-5}" per_body="${INTAKE_EVENTS_PER_BODY:-1}"
  local url pid label receiver_pid=""
  rm -f "$out/intake.md" "$out/intake.txt"
  if [[ -n "${MESA_BENCH_URL:-}" ]]; then
    url=$MESA_BENCH_URL; pid=${MESA_BENCH_PID:?set MESA_BENCH_PID to the receiver process id}
    label=${MESA_BENCH_LABEL:-mesa serve}
    : "${MESA_WEBHOOK_SECRET:?set MESA_WEBHOOK_SECRET to the webhook secret of the receiver}"
  elif [[ ${INTAKE_TARGET:-serve} == serve ]]; then
    # the real `mesa serve` from the built jar, as its own process: SQLite in a temp dir, a generated config
    MESA_WEBHOOK_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    MIST_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    MESA_SWITCH_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    export MESA_WEBHOOK_SECRET MIST_TOKEN MESA_SWITCH_PASSWORD
    label="mesa serve"
    serve_dir=$(mktemp -d)
    serve_config "$serve_dir" >"$serve_dir/mesa.yaml"
    java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -jar "$serve_jar" serve -c "$serve_dir/mesa.yaml" \
      --db "jdbc:sqlite:$serve_dir/mesa.db" >"$out/serve.log" 2>&1 &
    receiver_pid=$!
    trap '[[ -n "${receiver_pid:-}" ]] && kill "$receiver_pid" 2>/dev/null || true' EXIT
    if ! timeout 90 grep -q -m1 'receiving Mist webhooks at' <(tail -n +1 -f "$out/serve.log"); then
      echo "mesa serve did not start:" >&2; cat "$out/serve.log" >&2; exit 1
    fi
    url=$(sed -n 's/^mesa serve: receiving Mist webhooks at \(http[^ ]*\).*/\1/p' "$out/serve.log" | head -n 1)
    pid=$receiver_pid
  else
    MESA_WEBHOOK_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    export MESA_WEBHOOK_SECRET
    label="stand-in receiver"
    # heap pre-touched, so RSS growth during the run is what the process adds, not the heap filling up
    java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$jar" io.jenkins.plugins.mesa.bench.StandInReceiver >"$out/receiver.log" 2>&1 &
    receiver_pid=$!
    trap '[[ -n "${receiver_pid:-}" ]] && kill "$receiver_pid" 2>/dev/null || true' EXIT
    if ! timeout 60 grep -q -m1 '^READY' <(tail -n +1 -f "$out/receiver.log"); then
      echo "stand-in receiver did not start:" >&2; cat "$out/receiver.log" >&2; exit 1
    fi
    local port
    port=$(sed -n 's/^READY port=\([0-9]*\).*/\1/p' "$out/receiver.log")
    url="http://127.0.0.1:$port/mist/webhook"; pid=$receiver_pid
  fi
  local commands="" loads=""
  for c in ${INTAKE_CONNECTIONS:-4 64}; do
    echo "intake: $label, $c connections, ${seconds}s ..." >&2
    loads+="$c connections: $(cut -d' ' -f1-3 /proc/loadavg); "
    local args=(--url "$url" --pid "$pid" --connections "$c" --duration "$seconds" --warmup "$warmup"
                --events-per-body "$per_body" --label "$label")
    java -Xmx512m -cp "$jar" io.jenkins.plugins.mesa.bench.IntakeLoad "${args[@]}" --markdown "$out/intake.md" \
      | tee -a "$out/intake.txt" >&2
    commands+="    MESA_WEBHOOK_SECRET=… java -Xmx512m -cp $jar io.jenkins.plugins.mesa.bench.IntakeLoad --url URL --pid PID --connections $c --duration $seconds --warmup $warmup --events-per-body $per_body"$'\n'
  done
  if [[ -n "$receiver_pid" ]]; then
    kill "$receiver_pid"; wait "$receiver_pid" 2>/dev/null || true; receiver_pid=""
  fi
  cat <<MD
## HTTP intake: signed webhooks from a separate load-generator process

Target: **$label**$(target_note "$label").
Load: \`IntakeLoad\` (java.net.http), one HttpClient and thread per connection, closed loop (next request after
the answer), $per_body event(s) per body with distinct event ids, ${warmup} s unrecorded warm-up, then ${seconds} s
measured. Latency is per request, send to answer, HdrHistogram. RSS and threads are the target's, from /proc/<pid>/status.
Target p99 ≤ 10 ms.

Reproduce all rows: \`mesa-bench/run.sh intake\` (starts \`mesa serve\`; \`INTAKE_TARGET=stand-in\` starts the stand-in receiver instead); against a running receiver:
\`MESA_BENCH_URL=http://127.0.0.1:PORT/PATH MESA_BENCH_PID=PID MESA_WEBHOOK_SECRET=… mesa-bench/run.sh intake\`. Each row alone:

$commands
$(cat "$out/intake.md")

Load average (1/5/15 min) before each row: ${loads%; }.

\`\`\`
$(cat "$out/intake.txt")
\`\`\`

MD
}

storm_section() {
  local events="${STORM_EVENTS:-10000}" sites="${STORM_SITES:-50}" outage="${STORM_OUTAGE_SITES:-10}"
  local junos="${STORM_JUNOS_SITES:-5}" span="${STORM_SPAN:-60}" load_storm load_one rc=0
  load_storm=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "storm: $events events, $sites sites ($outage in outage) ..." >&2
  java -Xmx512m -cp "$jar" io.jenkins.plugins.mesa.bench.Storm "$events" "$sites" "$outage" "$junos" "$span" \
    >"$out/storm.log" 2>&1 || rc=$?
  load_one=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "48 APs on one switch and own overhead ..." >&2
  java -Xmx512m -cp "$jar" io.jenkins.plugins.mesa.bench.OneSwitchBench 3 10 >"$out/one-switch.log" 2>&1 || rc=$?
  cat <<MD
## Storm: $events AP_CONNECTED / AP_DISCONNECTED events, $sites sites, $outage in outage

Through \`MesaRuntime\` (webhook intake + \`EventFlow\` + back-ends, in-memory stores) over the lab: the Mist cloud
simulator (\`MistWorld\`/\`MistCloudSimulator\`, real HTTP on 127.0.0.1), one switch per site — $junos of them NETCONF
switches served by \`JunosSimulator\` (real SSH/NETCONF on 127.0.0.1), the others Mist-managed (changed through the
Mist API of the simulator). **Time-compressed**: the events are spread over $span s of *lab time* on the one
hand-moved clock that Mist, the switches and the flow share (the flow's injected clock); hold-downs (60 s) and
outage windows (10 s) elapse on that clock, and the run goes on until nothing is pending. Wall time is how long
the work itself took. At each of the $outage outage sites every AP (ports in the AP profile) goes away within 1 s;
at the other sites every AP sends connect, disconnect (cancelled by the reconnect within the hold-down),
connect, disconnect (reverted after the hold-down), evenly spread. Mist batches: one webhook per 100 ms of events.
Outage: ≥ 90% of a site's APs (or 95%) within 10 s. Exactly once = each event id named by exactly one audit
record (as the record's event or one of a burst's coalesced events). JVM -Xmx512m; heap peak is the sum of the
heap pools' peak use (JMX).

Reproduce: \`mesa-bench/run.sh storm\`, or after \`./mvnw -B -q -Pbench -pl mesa-bench -am package -DskipTests\`:
\`java -Xmx512m -cp $jar io.jenkins.plugins.mesa.bench.Storm $events $sites $outage $junos $span\`. The small version
runs in \`./mvnw verify\` as \`StormTest\` (500 events, 10 sites, 2 in outage, 1 Junos switch).
Load average (1/5/15 min) before: $load_storm.

\`\`\`
$(grep -v -E ' (TRACE|DEBUG|INFO) ' "$out/storm.log")
\`\`\`

## Concurrency and own overhead: one switch, 48 ports

\`OneSwitchLab\`: one site, one \`JunosSimulator\` with 48 ports, the Mist cloud simulator, \`MesaRuntime\` on the
real clock (so the \`ChangeResult\` stage timings are wall time), in-memory stores, Mist asked at once after a
connect (lookup delay 0). Both simulators answer at once (no injected latency), so the figures are MESA's own work
plus the loopback HTTP/SSH round trips.

- Concurrency: 48 APs cabled, then 48 AP_CONNECTED webhooks (one per AP) released together from 48 threads into
  \`MesaRuntime.receive\`; the flow then works, as \`mesa serve\`'s single worker does, until nothing is due. Settle
  time = release → 48/48 ports in the AP profile on the switch. Changes on one switch are serial by design (one
  configuration lock), so settle time ≈ 48 × one change. Asserted (48/48, not the time) in \`FortyEightApsTest\`.
- Overhead: AP_CONNECTED events one at a time (each changes one port to the AP profile over the warm NETCONF
  session; the switch is reset to all-secured between rounds of 48, outside the measurement); 3 warm-up rounds,
  10 measured. Per event: \`receive\` (verify + parse + flow intake) + \`runDue\` (Mist lookups, guards, the change,
  the audit record). Per stage: the \`ChangeResult\` timings of the Junos engine.

Reproduce: \`java -Xmx512m -cp $jar io.jenkins.plugins.mesa.bench.OneSwitchBench 3 10\`.
Load average (1/5/15 min) before: $load_one.

$(grep -v -E ' (TRACE|DEBUG|INFO|WARN) ' "$out/one-switch.log")

MD
  [[ $rc -eq 0 ]] || echo "storm or one-switch run FAILED (exit $rc), see $out/" >&2
  return 0
}

# A section not run this time is kept from the previous BENCHMARKS.md (with its own date and load averages).
previous_section() {
  [[ -f BENCHMARKS.md ]] || return 0
  awk -v head="## $1" 'index($0, head) == 1 {on = 1; print; next} /^## / {on = 0} on' BENCHMARKS.md
}

sections=""
run_or_keep() { # name, heading prefix, function
  if [[ $what == all || $what == "$1" ]]; then
    sections+=$($3)$'\n\n'
  else
    local kept
    kept=$(previous_section "$2")
    [[ -n "$kept" ]] && sections+="$kept"$'\n\n'
  fi
  return 0
}
run_or_keep jmh "JMH:" jmh_section
run_or_keep intake "HTTP intake:" intake_section
run_or_keep storm "Storm:" storm_section
if [[ $what != all && $what != storm ]]; then
  kept=$(previous_section "Concurrency and own overhead")
  [[ -n "$kept" ]] && sections+="$kept"$'\n\n'
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
# the hand-written notes (reading of the figures, targets missed and why) survive a re-run
notes=""
if [[ -f BENCHMARKS.md ]]; then
  notes=$(sed -n '/^## Notes/,$p' BENCHMARKS.md)
fi

cat >BENCHMARKS.md <<MD
# MESA benchmarks

Written by \`mesa-bench/run.sh $what\` on $started. **Indicative figures**: the machine is shared (other builds and
tests run on it at the same time), so absolute numbers move with its load; compare runs only with the load averages in
mind. No figure here is asserted in \`./mvnw verify\` (the storm's and the 48 APs' correctness is, in \`StormTest\` and
\`FortyEightApsTest\`). A section not re-run keeps its text from an earlier run, with its own command and load averages;
the machine table describes this run.

| machine | |
|---|---|
| CPU | $cpu, $(nproc) cores (nproc) |
| memory | $mem |
| JDK | $java_version |
| load average (1/5/15 min) at start | $load_start |
| load average at end | $load_end |

$sections
MD
if [[ -n "$notes" ]]; then
  printf '\n%s\n' "$notes" >>BENCHMARKS.md
else
  printf '\n## Notes\n\n(hand-written after a run: what the figures mean, targets missed and what limits them; run.sh keeps this section)\n' >>BENCHMARKS.md
fi
echo "wrote BENCHMARKS.md" >&2
