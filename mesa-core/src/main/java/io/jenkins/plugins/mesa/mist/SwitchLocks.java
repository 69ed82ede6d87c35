package io.jenkins.plugins.mesa.mist;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One fair lock per switch, shared by every {@link MistPortConfigurator} in the JVM (a Jenkins run or
 * a {@code mesa serve} worker may each build their own configurator), so MESA never has two writes
 * to one switch's configuration in flight. Fair, so a burst of events is served in arrival order.
 */
final class SwitchLocks {
    static final SwitchLocks JVM = new SwitchLocks();

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock forSwitch(String key) {
        return locks.computeIfAbsent(key, k -> new ReentrantLock(true));
    }
}
