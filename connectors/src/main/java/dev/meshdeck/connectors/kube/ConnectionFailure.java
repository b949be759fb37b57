package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.SourceRef;
import io.fabric8.kubernetes.client.KubernetesClientException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Turns a failure to discover a context into one sentence an SRE can act on. Never includes a credential. */
final class ConnectionFailure {

    private ConnectionFailure() {
    }

    static String describe(SourceRef.KubeContext context, Throwable failure) {
        String server = context.server().isEmpty() ? "its API server" : context.server();
        String prefix = "context " + context.context() + ": ";
        String what = failure instanceof ClusterReader.ListFailure lf ? lf.kind().resourceName() : null;
        KubernetesClientException api = find(failure, KubernetesClientException.class);
        if (api != null && api.getCode() > 0) {
            return prefix + describeStatus(api, server, what);
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return prefix + "cannot reach " + server + " (no route to host; check VPN/network)";
        }
        ConnectException connect = find(failure, ConnectException.class);
        if (connect != null) {
            return prefix + "cannot reach " + server + " (" + connectReason(connect) + ")";
        }
        UnknownHostException unknownHost = find(failure, UnknownHostException.class);
        if (unknownHost != null) {
            return prefix + "cannot reach " + server + " (unknown host " + unknownHost.getMessage() + ")";
        }
        if (find(failure, SocketTimeoutException.class) != null || find(failure, TimeoutException.class) != null) {
            return prefix + "cannot reach " + server + " (no answer in time; check VPN/network)";
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return prefix + "TLS handshake with " + server + " failed (" + tls.getMessage()
                    + "); check the cluster's certificate-authority in the kubeconfig";
        }
        NoSuchFileException missingFile = find(failure, NoSuchFileException.class);
        if (missingFile != null) {
            return prefix + "the kubeconfig names " + missingFile.getFile() + ", which does not exist";
        }
        if (failure instanceof IllegalArgumentException) {
            return failure.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return prefix + "cannot talk to " + server + " (" + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()) + ")";
    }

    /** Said whenever credentials are rejected: fabric8 re-runs an exec plugin by itself, a login it cannot do. */
    static final String LOGIN_HINT = "log in again (your exec plugin's or cloud CLI's login, e.g. `aws sso login`,"
            + " `gcloud auth login`, `kubelogin`) or check the context's user; MeshDeck reconnects by itself";

    /** The probe's 401/403 while the source was in use: the session expired or the rights were taken away. */
    static String rejected(SourceRef.KubeContext context, int code) {
        String server = context.server().isEmpty() ? "its API server" : context.server();
        String status = code == HttpURLConnection.HTTP_UNAUTHORIZED ? "401 Unauthorized" : "403 Forbidden";
        return "context " + context.context() + ": " + server + " rejected the credentials (" + status + "): " + LOGIN_HINT;
    }

    static String throttled(SourceRef.KubeContext context, java.time.Duration backoff) {
        return "context " + context.context() + ": the API server is throttling MeshDeck (429 Too Many Requests); backing off "
                + backoff.toSeconds() + " s";
    }

    static String unwell(SourceRef.KubeContext context, int code) {
        return "context " + context.context() + ": the API server answers " + code + "; showing what the watches last delivered";
    }

    /** True when the server gave no answer at all (refused, timed out, unknown host): it may come up later. */
    static boolean isNoAnswer(Throwable failure) {
        return find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null
                || find(failure, UnknownHostException.class) != null || find(failure, SocketTimeoutException.class) != null
                || find(failure, TimeoutException.class) != null;
    }

    private static String connectReason(ConnectException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("refused")) {
            return "connection refused";
        }
        if (message.contains("timed out")) {
            return "connection timed out; check VPN/network";
        }
        int detail = message.indexOf(':');
        return detail < 0 ? message : message.substring(0, detail);
    }

    private static String describeStatus(KubernetesClientException e, String server, String kind) {
        String listing = kind == null ? "" : " listing " + kind;
        switch (e.getCode()) {
            case HttpURLConnection.HTTP_UNAUTHORIZED:
                return server + " rejected the credentials (401 Unauthorized): " + LOGIN_HINT;
            case HttpURLConnection.HTTP_FORBIDDEN:
                return "not allowed" + listing + " in all namespaces (403 Forbidden): MeshDeck needs cluster-wide list and watch"
                        + (kind == null ? "" : " on " + kind);
            default:
                String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
                return server + " answered " + e.getCode() + listing + ": " + reason;
        }
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
