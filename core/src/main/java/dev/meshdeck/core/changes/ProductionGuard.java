package dev.meshdeck.core.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps production read-only until someone arms it: a target whose name matches the pattern (default
 * {@value #DEFAULT_PATTERN}) refuses every write unless armed, and arming expires.
 */
public final class ProductionGuard {

    public static final String DEFAULT_PATTERN = "(?i)prod";

    private final Pattern pattern;
    private final Instant armedUntil;
    private final Clock clock;

    private ProductionGuard(Pattern pattern, Instant armedUntil, Clock clock) {
        this.pattern = pattern;
        this.armedUntil = armedUntil;
        this.clock = clock;
    }

    /** Disarmed, with {@code pattern} (a Java regular expression found anywhere in the target's name). */
    public static ProductionGuard of(String pattern, Clock clock) {
        return new ProductionGuard(Pattern.compile(pattern == null || pattern.isBlank() ? DEFAULT_PATTERN : pattern),
                Instant.MIN, clock);
    }

    public static ProductionGuard defaults() {
        return of(DEFAULT_PATTERN, Clock.systemUTC());
    }

    /** The same guard armed for {@code duration} from now. */
    public ProductionGuard armedFor(Duration duration) {
        return new ProductionGuard(pattern, clock.instant().plus(duration), clock);
    }

    public ProductionGuard disarmed() {
        return new ProductionGuard(pattern, Instant.MIN, clock);
    }

    /** The regular expression a production target's name matches. */
    public String pattern() {
        return pattern.pattern();
    }

    public boolean isProduction(String target) {
        return pattern.matcher(target).find();
    }

    public boolean armed() {
        return clock.instant().isBefore(armedUntil);
    }

    public Optional<Instant> armedUntil() {
        return armed() ? Optional.of(armedUntil) : Optional.empty();
    }

    /** Why {@code target} may not be written now, or empty when it may. */
    public Optional<String> refusal(String target) {
        if (!isProduction(target) || armed()) {
            return Optional.empty();
        }
        return Optional.of(target + " is production (its name matches " + pattern.pattern()
                + "): it is read-only until armed. Arm it (CLI: --arm-production) and apply again.");
    }
}
