package dev.meshdeck.core.monitoring;

import java.util.List;

/**
 * Which of Istio's standard series are a function's: the {@code destination_service} values (the FQDNs of its
 * Services) and the {@code destination_workload} values (its Deployments) the destination proxies report.
 */
public record FunctionSeries(String namespace, String function, List<String> services, List<String> workloads) {

    public FunctionSeries {
        services = List.copyOf(services);
        workloads = List.copyOf(workloads);
        if (services.isEmpty() && workloads.isEmpty()) {
            throw new IllegalArgumentException("function " + namespace + "/" + function
                    + " has no Service and no workload whose Istio metrics could be selected");
        }
    }

    /** The label matchers selecting the function's series as its destination proxies report them. */
    String matchers() {
        StringBuilder s = new StringBuilder("reporter=\"destination\"");
        matcher(s, "destination_service", services);
        matcher(s, "destination_workload", workloads);
        return s.toString();
    }

    private static void matcher(StringBuilder s, String label, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        s.append(',').append(label);
        if (values.size() == 1) {
            s.append("=\"").append(values.get(0)).append('"');
            return;
        }
        s.append("=~\"");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : "|").append(regexLiteral(values.get(i)));
        }
        s.append('"');
    }

    /** A name as an RE2 literal inside a PromQL double-quoted string: "a.b" becomes a\\.b. */
    private static String regexLiteral(String name) {
        StringBuilder s = new StringBuilder();
        for (char c : name.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                s.append("\\\\");
            }
            s.append(c);
        }
        return s.toString();
    }
}
