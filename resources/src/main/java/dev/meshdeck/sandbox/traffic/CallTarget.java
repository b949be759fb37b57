package dev.meshdeck.sandbox.traffic;

/** Where a call goes: a host in the mesh, or an AWS Lambda function through an alias. */
public sealed interface CallTarget permits CallTarget.MeshHost, CallTarget.LambdaFunction {

    /** Reads {@code namespace/host} or {@code lambda/function[:alias]} as written in traffic.yaml. */
    static CallTarget parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("call target '" + text
                    + "' must be namespace/host or lambda/function:alias");
        }
        String scope = text.substring(0, slash);
        String rest = text.substring(slash + 1);
        if (scope.equals("lambda")) {
            int colon = rest.indexOf(':');
            return colon < 0 ? new LambdaFunction(rest, "") : new LambdaFunction(rest.substring(0, colon), rest.substring(colon + 1));
        }
        return new MeshHost(scope, rest);
    }

    /** A Kubernetes Service host, short name, in its namespace. */
    record MeshHost(String namespace, String host) implements CallTarget {
        @Override
        public String toString() {
            return namespace + "/" + host;
        }
    }

    /** A Lambda function invoked through {@code alias}, or its {@code $LATEST} when the alias is empty. */
    record LambdaFunction(String function, String alias) implements CallTarget {
        @Override
        public String toString() {
            return "lambda/" + function + (alias.isEmpty() ? "" : ":" + alias);
        }
    }
}
