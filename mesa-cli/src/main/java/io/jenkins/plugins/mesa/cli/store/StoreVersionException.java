package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.MesaException;

/**
 * The database was written by a newer MESA (its schema version is above the one this build knows). Nothing was
 * changed in it: an older MESA must not guess at a newer layout, so the operator upgrades MESA or points it at
 * another database.
 */
public final class StoreVersionException extends MesaException {
    private final int found;
    private final int supported;

    StoreVersionException(String database, int found, int supported) {
        super("store-too-new", "database " + database + " has schema version " + found
                + " but this MESA supports up to version " + supported
                + ": upgrade MESA, or point --db at another database");
        this.found = found;
        this.supported = supported;
    }

    /** The version stored in the database. */
    public int found() {
        return found;
    }

    /** The newest version this build can read and write. */
    public int supported() {
        return supported;
    }
}
