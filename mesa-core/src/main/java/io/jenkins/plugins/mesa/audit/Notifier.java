package io.jenkins.plugins.mesa.audit;

/**
 * Told about every audit record once it is stored (Slack, a Jenkins build log, …). The flow calls
 * it after the port change is done and the record written, and swallows anything it throws, so a
 * notifier can never stop or undo a change. It must return promptly: an implementation that talks
 * to the network hands the record to its own bounded queue and sends with a timeout.
 * Implementations decide which outcomes are worth a message (e.g. not duplicates).
 */
@FunctionalInterface
public interface Notifier {

    /** A notifier that tells no one. */
    Notifier NONE = record -> { };

    void publish(AuditRecord record);
}
