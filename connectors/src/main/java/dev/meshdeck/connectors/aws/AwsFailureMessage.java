package dev.meshdeck.connectors.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

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
        String profile = settings.effectiveProfile();
        if (isUnreachable(error)) {
            return "Cannot reach AWS Lambda for region " + region + " at " + settings.lambdaEndpointLabel(region)
                    + " (" + rootCause(error) + "). Check the network or proxy, or the endpoint override"
                    + " (AWS_ENDPOINT_URL_LAMBDA / AWS_ENDPOINT_URL).";
        }
        if (isCredentialsProblem(error)) {
            if (!settings.sandbox() && isSsoProfile(profile)) {
                return "AWS SSO session for profile " + profile + " has expired: run `aws sso login --profile "
                        + profile + "`";
            }
            return "No usable AWS credentials for profile " + profile + " (region " + region + "): "
                    + firstLine(error) + ". Configure the profile in ~/.aws/config and ~/.aws/credentials,"
                    + " or set AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.";
        }
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            if (service.statusCode() == 403) {
                return "AWS Lambda in " + region + " denied profile " + profile + " (" + code + "): " + message
                        + ". Its role needs lambda:ListFunctions, lambda:ListAliases, lambda:ListVersionsByFunction"
                        + " and lambda:GetFunction.";
            }
            return "AWS Lambda in " + region + " answered " + service.statusCode() + " " + code + ": " + message;
        }
        return "Lambda discovery in " + region + " with profile " + profile + " failed: " + firstLine(error);
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

    private static boolean isCredentialsProblem(Throwable error) {
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
