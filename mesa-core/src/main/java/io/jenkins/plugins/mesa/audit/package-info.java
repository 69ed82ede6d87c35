/**
 * The audit trail: {@link io.jenkins.plugins.mesa.audit.AuditRecord} says what happened to an event and why (every
 * decision with its figures, every port change with its result), as JSON ({@link io.jenkins.plugins.mesa.audit.AuditJson})
 * and as one readable paragraph ({@code explain()}). {@link io.jenkins.plugins.mesa.audit.Notifier}s are told about
 * each stored record and can never block or undo a change.
 */
package io.jenkins.plugins.mesa.audit;
