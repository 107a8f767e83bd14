package org.w3id.vlmsurvey.linking;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The pauses a {@link RemoteClient} asked for, in order (none is waited: the tests count them instead of timing). */
final class Pauses implements RemoteClient.Pause {
    final List<Long> asked = new CopyOnWriteArrayList<>();

    @Override
    public void millis(long ms) {
        asked.add(ms);
    }
}
