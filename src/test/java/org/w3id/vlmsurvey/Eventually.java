package org.w3id.vlmsurvey;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition instead of sleeping: polls {@code condition} until it holds, and fails naming
 * {@code what} if it still does not after {@code limit} (a bound for a hung test, not a timed assertion).
 */
public final class Eventually {
    private Eventually() {}

    public static void until(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + limit + ": " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }

    /** As {@link #until}, with the limit used by the server tests: 60 s. */
    public static void until(String what, BooleanSupplier condition) {
        until(Duration.ofSeconds(60), what, condition);
    }
}
