package io.jenkins.plugins.mesa.flow;

import static io.jenkins.plugins.mesa.flow.StandInPeers.SWITCH_MAC;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ap;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ge;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.guard.SiteDisconnect;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the flow's stores must do. A durable implementation (SQLite, Jenkins home)
 * extends the nested contract and supplies its store (mesa-core publishes its tests as a test-jar for that); the {@code InMemory*Test} classes run them for the in-memory ones.
 */
public final class StoreContracts {
    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private StoreContracts() {
    }

    static ApEvent event(String id, String type, int apNumber, Instant at) {
        return new ApEvent(id, type, ap(apNumber), "ap-" + apNumber, "org-1", "site-1", "HQ", at, "", "", "");
    }

    public abstract static class PortRegistryContract {
        protected abstract PortRegistry store();

        @Test
        void keepsOneAssignmentPerApAndFindsApsByPort() {
            PortRegistry r = store();
            SwitchPort p1 = new SwitchPort("ex-1", SWITCH_MAC, ge(1));
            SwitchPort p2 = new SwitchPort("ex-1", null, ge(2));
            r.put(new PortAssignment(ap(1), "ap-1", "site-1", p1, "ap", T0));
            r.put(new PortAssignment(ap(1), "ap-1", "site-1", p2, "ap", T0.plusSeconds(5)));
            r.put(new PortAssignment(ap(2), "", "site-1", p2, "secured", T0.plusSeconds(9)));
            assertThat(r.find(ap(1))).get().satisfies(a -> {
                assertThat(a.port()).isEqualTo(p2);
                assertThat(a.at()).isEqualTo(T0.plusSeconds(5));
            });
            assertThat(r.find(ap(3))).isEmpty();
            assertThat(r.atPort("ex-1", ge(1))).isEmpty();
            assertThat(r.atPort("ex-1", ge(2))).extracting(PortAssignment::ap).containsExactlyInAnyOrder(ap(1), ap(2));
            assertThat(r.atPort("ex-2", ge(2))).isEmpty();
        }
    }

    public abstract static class PendingEventsContract {
        protected abstract PendingEvents store();

        @Test
        void oneItemPerApOrderedByDueTimeAndRemovedOnlyIfStillTheSame() {
            PendingEvents s = store();
            PendingEvent a = new PendingEvent(event("e1", "AP_DISCONNECTED", 1, T0), T0, T0.plusSeconds(60));
            PendingEvent b = new PendingEvent(event("e2", "AP_CONNECTED", 2, T0), T0, T0.plusSeconds(30));
            s.put(a);
            s.put(b);
            assertThat(s.all()).containsExactly(b, a);
            PendingEvent a2 = new PendingEvent(event("e3", "AP_CONNECTED", 1, T0.plusSeconds(9)), T0.plusSeconds(9),
                    T0.plusSeconds(39));
            s.put(a2);
            assertThat(s.forAp(ap(1))).contains(a2);
            s.remove(a); // no longer AP 1's item: nothing happens
            assertThat(s.forAp(ap(1))).contains(a2);
            s.remove(a2);
            assertThat(s.forAp(ap(1))).isEmpty();
            assertThat(s.all()).containsExactly(b);
        }
    }

    public abstract static class DedupLogContract {
        protected abstract DedupLog store();

        @Test
        void remembersKeysUntilForgotten() {
            DedupLog d = store();
            d.remember("k1", T0);
            d.remember("k2", T0.plusSeconds(10));
            assertThat(d.firstSeen("k1")).contains(T0);
            d.forgetBefore(T0.plusSeconds(10));
            assertThat(d.firstSeen("k1")).isEmpty();
            assertThat(d.firstSeen("k2")).contains(T0.plusSeconds(10));
        }
    }

    public abstract static class OutageLogContract {
        protected abstract OutageLog store();

        @Test
        void keepsDisconnectsPerSiteOnceAndHeldItemsUntilReleased() {
            OutageLog o = store();
            o.recordDisconnect(new SiteDisconnect("site-1", ap(2), "e2", T0.plusSeconds(2)));
            o.recordDisconnect(new SiteDisconnect("site-1", ap(1), "e1", T0));
            o.recordDisconnect(new SiteDisconnect("site-1", ap(1), "e1", T0)); // redelivered
            o.recordDisconnect(new SiteDisconnect("site-2", ap(3), "e3", T0));
            assertThat(o.disconnects("site-1", T0)).extracting(SiteDisconnect::eventId).containsExactly("e1", "e2");
            assertThat(o.disconnects("site-1", T0.plusSeconds(1))).extracting(SiteDisconnect::eventId)
                    .containsExactly("e2");
            o.forgetBefore(T0.plusSeconds(1));
            assertThat(o.disconnects("site-1", T0.minusSeconds(100))).extracting(SiteDisconnect::eventId)
                    .containsExactly("e2");

            HeldDisconnect h1 = new HeldDisconnect(event("e1", "AP_DISCONNECTED", 1, T0), T0, T0.plusSeconds(60), 40);
            HeldDisconnect h2 = new HeldDisconnect(event("e2", "AP_DISCONNECTED", 2, T0), T0, T0.plusSeconds(62), 40);
            o.hold(h2);
            o.hold(h1);
            o.hold(h1);
            assertThat(o.held()).containsExactly(h1, h2);
            o.release("e1");
            assertThat(o.held()).containsExactly(h2);
        }
    }
}
