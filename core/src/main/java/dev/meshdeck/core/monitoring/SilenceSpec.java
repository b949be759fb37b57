package dev.meshdeck.core.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a silence holds back and for how long, as Alertmanager's {@code POST /api/v2/silences} takes it.
 *
 * @param createdBy who silenced it, shown to whoever is paged next
 * @param comment   why, for the same person
 */
public record SilenceSpec(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    /** One label matcher of a silence; {@code equal} false negates it ({@code !=}, {@code !~}). */
    public record Matcher(String name, String value, boolean regex, boolean equal) {
    }

    public SilenceSpec {
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts");
        }
        if (createdBy.isBlank()) {
            throw new IllegalArgumentException("a silence needs an author (Alertmanager refuses one without)");
        }
        if (comment.isBlank()) {
            throw new IllegalArgumentException("a silence needs a comment saying why (Alertmanager refuses one without)");
        }
    }

    /**
     * A silence of exactly this alert from {@code now} for {@code duration}: one equality matcher per label, so that
     * the same rule firing for another function or version still notifies.
     */
    public static SilenceSpec of(ActiveAlert alert, Duration duration, String createdBy, String comment, Instant now) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a silence must last a positive time, not " + PromDuration.format(duration));
        }
        List<Matcher> matchers = alert.labels().entrySet().stream()
                .map((Map.Entry<String, String> e) -> new Matcher(e.getKey(), e.getValue(), false, true))
                .toList();
        return new SilenceSpec(matchers, now, now.plus(duration), createdBy, comment);
    }
}
