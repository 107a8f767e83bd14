package org.w3id.vlmsurvey.server.store;

import java.time.Instant;

/**
 * The outcome of a refresh of the served history ({@link HistoryRefresh}): when it ran, whether it went well
 * (fetched, and the newest version of the file is served), and what it found, for the log and the {@code /versions}
 * page.
 */
public record RefreshStatus(Instant at, boolean ok, String message) {}
