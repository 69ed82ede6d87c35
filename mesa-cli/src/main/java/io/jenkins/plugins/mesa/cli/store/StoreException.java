package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.MesaException;

/**
 * The database could not be opened, read or written (file not writable, locked by another process for longer
 * than the busy timeout, disk full, store closed). The message names the database without credentials.
 */
public final class StoreException extends MesaException {
    StoreException(String message, Throwable cause) {
        super("store-failed", message, cause);
    }

    StoreException(String message) {
        super("store-failed", message);
    }
}
