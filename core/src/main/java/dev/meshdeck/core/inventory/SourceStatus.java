package dev.meshdeck.core.inventory;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Connection state of one source. {@code message} is written for the user: it names the context or
 * file and what went wrong; it never contains a credential.
 *
 * @param since     when the source entered {@code state}
 * @param lastHeard when the source last answered anything (null: never), the age of the data shown while
 *                  it is {@link State#STALE} or {@link State#FAILED}
 */
public record SourceStatus(SourceRef source, State state, String message, Instant since, Instant lastHeard) {

    public enum State {
        CONNECTING,
        /** Answering; its data is live. */
        CONNECTED,
        /** Answering, but some kinds fail or the server throttles us: data may lag. */
        DEGRADED,
        /** Not answering (down, unreachable, timing out): the data shown is as of {@code lastHeard}. */
        STALE,
        /** Cannot be used until someone acts: credentials rejected, never reached, misconfigured. */
        FAILED;

        /** Whether the source answers now, so that what is shown is live and a write may be sent to it. */
        public boolean answering() {
            return this == CONNECTED || this == DEGRADED;
        }
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A status that starts now, with nothing heard yet. */
    public SourceStatus(SourceRef source, State state, String message) {
        this(source, state, message, Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }

    public static SourceStatus connecting(SourceRef s) {
        return new SourceStatus(s, State.CONNECTING, "connecting");
    }

    public static SourceStatus connected(SourceRef s, String message) {
        return new SourceStatus(s, State.CONNECTED, message);
    }

    public static SourceStatus failed(SourceRef s, String message) {
        return new SourceStatus(s, State.FAILED, message);
    }

    /**
     * Why a write to this source is refused before any dialog opens: it does not answer, so the write could
     * neither be checked against the live objects nor be sent. Empty when it answers.
     */
    public Optional<String> writeRefusal() {
        if (state.answering()) {
            return Optional.empty();
        }
        String why = state == State.CONNECTING ? "is still connecting" : "is not answering (" + message + ")";
        return Optional.of(source.label() + " " + why + ": nothing can be written to it now");
    }

    /**
     * "prod-eu is not answering since 14:03:12 — data as of 14:03:09; changes cannot be applied (reason)": the line a
     * pane showing one of its functions carries while the source is stale or failed. Empty while it answers or is
     * still connecting.
     */
    public Optional<String> notAnswering(ZoneId zone) {
        if (state != State.STALE && state != State.FAILED) {
            return Optional.empty();
        }
        return Optional.of(source.label() + " is not answering since " + clock(since, zone)
                + asOf(zone).map(a -> " — data " + a).orElse("") + "; changes cannot be applied (" + message + ")");
    }

    /** "as of 14:03:12" in the local time zone: the age of data shown from a source that stopped answering. */
    public Optional<String> asOf(ZoneId zone) {
        return asOf(lastHeard, zone);
    }

    /** "as of 14:03:12" for data last heard at {@code lastHeard} (null: never), any source's. */
    public static Optional<String> asOf(Instant lastHeard, ZoneId zone) {
        return Optional.ofNullable(lastHeard).map(t -> "as of " + clock(t, zone));
    }

    /** "14:03:12": a moment of today as a person reads it on a status line. */
    public static String clock(Instant moment, ZoneId zone) {
        return LocalTime.ofInstant(moment, zone).truncatedTo(ChronoUnit.SECONDS).format(CLOCK);
    }
}
