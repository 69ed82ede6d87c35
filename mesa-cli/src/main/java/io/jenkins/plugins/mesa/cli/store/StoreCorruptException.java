package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.MesaException;

/**
 * A stored row cannot be read back (edited by hand, written by something else, or damaged). The message names the
 * table and the row's key so the operator can inspect or delete it; nothing else is affected.
 */
public final class StoreCorruptException extends MesaException {
    StoreCorruptException(String message, Throwable cause) {
        super("store-corrupt", message, cause);
    }
}
