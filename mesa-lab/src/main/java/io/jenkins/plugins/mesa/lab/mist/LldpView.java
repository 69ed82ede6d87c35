package io.jenkins.plugins.mesa.lab.mist;

/**
 * What an AP learnt over LLDP on one of its interfaces. It stays after the cable is pulled (Mist keeps
 * reporting the last neighbour), so it may be stale.
 */
record LldpView(String switchMac, String systemName, String systemDesc, String portId, String portDesc,
                String mgmtAddr) {
}
