package io.jenkins.plugins.mesa.guard;

import static io.jenkins.plugins.mesa.guard.GuardFixtures.T0;
import static io.jenkins.plugins.mesa.guard.GuardFixtures.ap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.mist.SiteApCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutageGuardTest {
    private final OutageGuard guard = new OutageGuard(new OutageGuard.Thresholds(Duration.ofSeconds(60), 5, 0.25));

    /** {@code n} distinct APs going away every {@code stepSeconds}, starting at T0. */
    private static List<SiteDisconnect> disconnects(int n, int stepSeconds) {
        List<SiteDisconnect> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SiteDisconnect("site-1", ap(i + 1), "ev" + i, T0.plusSeconds((long) i * stepSeconds)));
        }
        return out;
    }

    private static SiteApCounts site(int total) {
        return new SiteApCounts("site-1", total, total);
    }

    @Test
    void countThresholdIsInclusive() {
        // 1000 APs keep the ratio far away; only the count matters
        assertThat(guard.evaluate("HQ", disconnects(4, 1), T0, site(1000)).verdict()).isEqualTo(Verdict.PROCEED);
        Decision five = guard.evaluate("HQ", disconnects(5, 1), T0, site(1000));
        assertThat(five.verdict()).isEqualTo(Verdict.STOP);
        assertThat(five.explanation()).startsWith("site outage at HQ: 5 of 1000 APs disconnected within 60 s");
    }

    @Test
    void ratioThresholdIsInclusive() {
        OutageGuard byRatio = new OutageGuard(new OutageGuard.Thresholds(Duration.ofSeconds(60), 100, 0.25));
        assertThat(byRatio.evaluate("HQ", disconnects(3, 1), T0, site(13)).verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(byRatio.evaluate("HQ", disconnects(3, 1), T0, site(12)).verdict()).isEqualTo(Verdict.STOP);
        assertThat(byRatio.evaluate("HQ", disconnects(10, 2), T0, site(40)).figures())
                .containsEntry("peakAps", "10").containsEntry("siteApTotal", "40");
    }

    @Test
    void aSingleApIsNeverAnOutageEvenAtATinySite() {
        // the original never reverted at sites with more than 2 APs; here one AP gone at a 2-AP site (50 %) is no outage
        Decision d = guard.evaluate("HQ", disconnects(1, 1), T0, site(2));
        assertThat(d.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(d.explanation()).startsWith("no outage at HQ: 1 of 2 APs");
        assertThat(guard.evaluate("HQ", disconnects(2, 1), T0, site(2)).verdict()).isEqualTo(Verdict.STOP);
    }

    @Test
    void theWindowIsClosedAtBothEnds() {
        OutageGuard two = new OutageGuard(new OutageGuard.Thresholds(Duration.ofSeconds(60), 2, 1.0));
        // exactly 60 s apart: same window
        assertThat(two.evaluate("HQ", disconnects(2, 60), T0, site(0)).verdict()).isEqualTo(Verdict.STOP);
        // 61 s apart: two bursts of one AP each
        assertThat(two.evaluate("HQ", disconnects(2, 61), T0, site(0)).verdict()).isEqualTo(Verdict.PROCEED);
    }

    @Test
    void theSameApTwiceCountsOnce() {
        List<SiteDisconnect> flapping = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flapping.add(new SiteDisconnect("site-1", ap(1), "ev" + i, T0.plusSeconds(i)));
        }
        assertThat(guard.evaluate("HQ", flapping, T0, site(1000)).verdict()).isEqualTo(Verdict.PROCEED);
    }

    @Test
    void everyDisconnectOfAnOutageBurstIsStoppedIncludingTheOnesBeforeTheThreshold() {
        List<SiteDisconnect> ten = disconnects(10, 2); // 10 APs in 18 s
        for (SiteDisconnect d : ten) {
            assertThat(guard.evaluate("HQ", ten, d.at(), site(40)).verdict()).as(d.toString()).isEqualTo(Verdict.STOP);
        }
    }

    @Test
    void aBurstEndsAfterAWindowWithoutDisconnectsAndALaterSingleApIsNotPartOfIt() {
        List<SiteDisconnect> all = new ArrayList<>(disconnects(10, 2));
        Instant later = T0.plusSeconds(18 + 61);
        all.add(new SiteDisconnect("site-1", ap(99), "late", later));
        OutageGuard.Burst burst = guard.burstAround(all, T0.plusSeconds(4));
        assertThat(burst.start()).isEqualTo(T0);
        assertThat(burst.end()).isEqualTo(T0.plusSeconds(18));
        assertThat(burst.aps()).isEqualTo(10);
        assertThat(guard.quietAt(burst)).isEqualTo(T0.plusSeconds(78));
        assertThat(guard.evaluate("HQ", all, later, site(40)).verdict()).isEqualTo(Verdict.PROCEED);
    }

    @Test
    void aChainOfDisconnectsEachWithinTheWindowIsOneBurstButItsPeakIsPerWindow() {
        List<SiteDisconnect> slow = disconnects(6, 40); // 6 APs over 200 s, at most 2 in any 60 s
        OutageGuard.Burst burst = guard.burstAround(slow, T0);
        assertThat(burst.aps()).isEqualTo(6);
        assertThat(burst.peakAps()).isEqualTo(2);
        assertThat(guard.isOutage(burst, 1000)).isFalse();
    }

    @Test
    void unknownSiteSizeUsesTheCountOnly() {
        Decision d = guard.evaluate("HQ", disconnects(4, 1), T0, site(0));
        assertThat(d.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(d.explanation()).contains("4 of an unknown number of APs");
    }

    @Test
    void theCoalescedDecisionNamesSiteApsAndPorts() {
        List<SiteDisconnect> ten = disconnects(10, 2);
        Decision d = guard.coalesced("HQ", guard.burstAround(ten, T0), 40, 10);
        assertThat(d.verdict()).isEqualTo(Verdict.STOP);
        assertThat(d.explanation()).startsWith("site outage at HQ: 10 of 40 APs disconnected between "
                + "2026-11-29T10:00:00Z and 2026-11-29T10:00:18Z").endsWith("no change to 10 ports");
    }

    @Test
    void rejectsThresholdsThatCannotWork() {
        assertThatThrownBy(() -> new OutageGuard.Thresholds(Duration.ofSeconds(60), 1, 0.5))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new OutageGuard.Thresholds(Duration.ofSeconds(60), 5, 0))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new OutageGuard.Thresholds(Duration.ofSeconds(60), 5, 1.5))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new OutageGuard.Thresholds(Duration.ZERO, 5, 0.5))
                .isInstanceOf(InvalidSettingException.class);
    }
}
