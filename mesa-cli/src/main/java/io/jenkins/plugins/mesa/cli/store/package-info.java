/**
 * The durable store of {@code mesa serve}: {@link io.jenkins.plugins.mesa.cli.store.SqliteStore} opens one database
 * (SQLite file by default) and hands out the flow's stores ({@code stores()}, passing mesa-core's store contracts)
 * and the webhook intake queue ({@link io.jenkins.plugins.mesa.cli.store.EventQueue}), whose javadoc states the
 * delivery guarantee across kill -9.
 */
package io.jenkins.plugins.mesa.cli.store;
