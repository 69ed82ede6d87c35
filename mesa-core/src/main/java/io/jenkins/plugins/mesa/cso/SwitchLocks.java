package io.jenkins.plugins.mesa.cso;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per switch, so two changes on one switch never interleave their CSO association and deploy. */
final class SwitchLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock of(String switchName) {
        return locks.computeIfAbsent(CsoInventory.shortName(switchName).toLowerCase(Locale.ROOT), k -> new ReentrantLock(true));
    }
}
