package io.jenkins.plugins.mesa.audit;

/** The {@link AuditLog} contract, for the in-memory log. */
class InMemoryAuditLogTest extends AuditLogContract {
    @Override
    protected AuditLog store() {
        return new InMemoryAuditLog();
    }
}
