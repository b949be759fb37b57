package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.SourceStatus;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an SDK failure into the sentence an SRE needs: which profile or endpoint, and what to run or check.
 * SDK messages about credentials name profiles and providers, never secrets, so they may be quoted.
 */
final class AwsFailureMessage {

    private static final Set<String> REJECTED_CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException",
            "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
            "UnauthorizedException", "InvalidGrantException");

    private AwsFailureMessage() {
    }

    static String explain(Throwable error, AwsSettings settings, String region) {
        return explain(error, settings, region, AwsService.LAMBDA);
    }

    static String explain(Throwable error, AwsSettings settings, String region, AwsService service) {
        String profile = settings.effectiveProfile();
        String name = "AWS " + service.serviceId();
        if (isUnreachable(error)) {
            return "Cannot reach " + name + " for region " + region + " at " + settings.endpointLabel(service, region)
                    + " (" + rootCause(error) + "). Check the network or proxy, or the endpoint override"
                    + " (" + service.endpointVariable() + " / AWS_ENDPOINT_URL).";
        }
        if (isCredentialsProblem(error)) {
            if (!settings.sandbox() && (isSsoProfile(profile) || causedBy(error, ExpiredTokenException.class))) {
                return "AWS SSO session for profile " + profile + " has expired: run `aws sso login --profile "
                        + profile + "`";
            }
            return "No usable AWS credentials for profile " + profile + " (region " + region + "): "
                    + firstLine(error) + ". Configure the profile in ~/.aws/config and ~/.aws/credentials,"
                    + " or set AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.";
        }
        if (error instanceof AwsServiceException failure) {
            String code = failure.awsErrorDetails() == null ? "" : failure.awsErrorDetails().errorCode();
            String message = failure.awsErrorDetails() == null ? failure.getMessage()
                    : failure.awsErrorDetails().errorMessage();
            if (failure.statusCode() == 403) {
                return name + " in " + region + " denied profile " + profile + " (" + code + "): " + message
                        + ". Its role needs " + service.permissions() + ".";
            }
            return name + " in " + region + " answered " + failure.statusCode() + " " + code + ": " + message;
        }
        return name + " in " + region + " with profile " + profile + " failed: " + firstLine(error);
    }

    /**
     * What a failure says of the region's state: no answer (unreachable, timed out, 5xx) is {@code STALE} once it
     * was heard from and {@code FAILED} before; throttling is {@code DEGRADED} (it answers, slowly); rejected or
     * missing credentials and anything else need someone to act: {@code FAILED}.
     */
    static SourceStatus.State state(Throwable error, boolean heardBefore) {
        if (isUnreachable(error) || error instanceof AwsServiceException service && service.statusCode() >= 500) {
            return heardBefore ? SourceStatus.State.STALE : SourceStatus.State.FAILED;
        }
        boolean throttled = error instanceof AwsServiceException service
                && (service.isThrottlingException() || service.statusCode() == 429);
        return throttled && !isCredentialsProblem(error) ? SourceStatus.State.DEGRADED : SourceStatus.State.FAILED;
    }

    private static boolean isUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof InterruptedIOException
                    || t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCredentialsProblem(Throwable error) {
        if (causedBy(error, ExpiredTokenException.class)) {
            return true;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service && service.awsErrorDetails() != null
                    && REJECTED_CREDENTIALS.contains(service.awsErrorDetails().errorCode())) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (!(t instanceof AwsServiceException)
                    && (message.contains("credentials") || message.contains("token") || message.contains("sso"))) {
                return true;
            }
        }
        return false;
    }

    /** A profile that gets its credentials from IAM Identity Center (legacy sso_start_url or an sso-session). */
    static boolean isSsoProfile(String profile) {
        try {
            Optional<Profile> found = ProfileFile.defaultProfileFile().profile(profile);
            return found.map(p -> p.property("sso_start_url").isPresent() || p.property("sso_session").isPresent())
                    .orElse(false);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The SDK's first sentence, without the dump of every profile it appends to profile errors. */
    private static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        int end = message.length();
        for (String noise : new String[] {"\n", ": ProfileFile("}) {
            int at = message.indexOf(noise);
            end = at < 0 ? end : Math.min(end, at);
        }
        String line = message.substring(0, end);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
