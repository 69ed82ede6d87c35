package io.jenkins.plugins.mesa.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The storm benchmark as a program (run by {@code mesa-bench/run.sh storm}): prints the figures and exits 1 when an
 * event of a site not in outage was not handled exactly once or an outage site had a port reverted.
 *
 * <pre>java -cp benchmarks.jar io.jenkins.plugins.mesa.bench.Storm [events sites outageSites junosSites spanSeconds]</pre>
 */
public final class Storm {
    private Storm() {
    }

    public static void main(String[] args) {
        int events = arg(args, 0, 10_000);
        int sites = arg(args, 1, 50);
        int outage = arg(args, 2, 10);
        int junos = arg(args, 3, 5);
        int span = arg(args, 4, 60);
        StormLab.Plan plan = new StormLab.Plan(sites, outage, junos, events, Duration.ofSeconds(span));
        StormLab.Result r;
        Set<String> normal;
        try (StormLab lab = new StormLab(plan)) {
            r = lab.run();
            normal = lab.normalEventIds();
        }
        List<String> wrong = r.notExactlyOnce(normal);
        System.out.printf("storm: %d events in %d webhooks over %d s of lab time, %d sites (%d in outage, %d Junos"
                        + " simulators, the others Mist-managed), %d APs per site%n", r.eventsSent(), r.webhooks(), span,
                sites, outage, junos, plan.apsPerSite());
        System.out.printf("  events of non-outage sites: %d, handled exactly once: %d, not: %d%n", normal.size(),
                normal.size() - wrong.size(), wrong.size());
        System.out.printf("  outage sites: port changes recorded %d, ports still in the AP profile %d/%d%n",
                r.outageSiteReverts(), r.outageSitePortsStillAp(), r.outageSitePorts());
        System.out.printf("  other sites: ports secured at the end %d/%d%n", r.normalPortsSecured(), r.normalPorts());
        System.out.printf("  audit outcomes: %s%n", r.outcomes());
        System.out.printf("  wall time %.1f s (storm and every hold-down run out), heap peak %.0f MiB%n",
                r.wall().toMillis() / 1000.0, r.heapPeakBytes() / 1048576.0);
        if (!wrong.isEmpty()) {
            System.out.println("  first events not handled exactly once: " + wrong.subList(0, Math.min(5, wrong.size())));
        }
        boolean ok = wrong.isEmpty() && r.outageSiteReverts() == 0 && r.outageSitePortsStillAp() == r.outageSitePorts();
        System.out.println(ok ? "STORM OK" : "STORM FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }
}
