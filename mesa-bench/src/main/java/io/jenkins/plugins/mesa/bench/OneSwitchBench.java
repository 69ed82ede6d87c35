package io.jenkins.plugins.mesa.bench;

import io.jenkins.plugins.mesa.change.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The concurrency figure (48 APs plugged into one switch at once) and MESA's own overhead per event (flow + Junos
 * engine, Mist and switch simulators answering at once, warm SSH session), as a program run by
 * {@code mesa-bench/run.sh storm}.
 *
 * <pre>java -cp benchmarks.jar io.jenkins.plugins.mesa.bench.OneSwitchBench [warmupRounds measuredRounds]</pre>
 */
public final class OneSwitchBench {
    private OneSwitchBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean ok;
        try (OneSwitchLab lab = new OneSwitchLab(48)) {
            OneSwitchLab.Settled s = lab.plugAllAtOnce();
            System.out.printf("concurrency: 48 APs plugged into one switch, 48 webhooks released together: %d/%d ports"
                            + " in the AP profile; all webhooks taken in %d ms; settled (48/48 on the switch) %d ms after"
                            + " the release; %d changes%n", s.inApProfile(), s.ports(), s.plugged().toMillis(),
                    s.settled().toMillis(), s.changed());
            ok = s.inApProfile() == s.ports();
            lab.measureOverhead(warmup);
            OneSwitchLab.Overhead o = lab.measureOverhead(rounds);
            System.out.printf("overhead: %d AP_CONNECTED events one at a time (after %d warm-up rounds of 48), each"
                    + " one port change over the warm NETCONF session (%d SSH sessions opened in all)%n",
                    o.perEventMicros().size(), warmup, lab.sessionsOpened());
            System.out.println("| stage | n | median | p99 |");
            System.out.println("|---|---:|---:|---:|");
            row("webhook → audit record (verify, parse, flow, Mist lookup, change)", o.perEventMicros());
            for (Map.Entry<Stage, List<Long>> e : o.stageMicros().entrySet()) {
                row("change stage " + e.getKey(), e.getValue());
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static void row(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("| %s | %d | %s | %s |%n", what, sorted.size(), ms(pct(sorted, 0.50)), ms(pct(sorted, 0.99)));
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static String ms(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}
