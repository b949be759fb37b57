package dev.meshdeck.connectors.kube;

import static dev.meshdeck.connectors.kube.ClusterFixtures.latest;
import static dev.meshdeck.connectors.kube.ClusterFixtures.revision;
import static dev.meshdeck.connectors.kube.ClusterFixtures.to;

import java.util.List;
import java.util.Map;

/** A cluster with one function of each platform and the Istio policies around them (a subset of the sandbox). */
final class SmallEstate {

    static final int FUNCTIONS = 8;

    private SmallEstate() {
    }

    static void populate(ClusterFixtures f) {
        // serverless/order-function: kubernetes, v1 and v2, VS canary 90/10, DR, AP by selector
        f.deployment("serverless", "order-function-v1",
                Map.of("app", "order-function", "version", "v1", "meshdeck.dev/function", "true"), 2, 2, true);
        f.deployment("serverless", "order-function-v2",
                Map.of("app", "order-function", "version", "v2", "meshdeck.dev/function", "true"), 1, 1, true);
        f.service("serverless", "order-function", Map.of("app", "order-function"), 3);
        f.service("serverless", "order-function-v1", Map.of("app", "order-function", "version", "v1"), 2);
        f.service("serverless", "order-function-v2", Map.of("app", "order-function", "version", "v2"), 1);
        f.virtualService("serverless", "order-function", List.of("order-function"),
                to("order-function-v1", null, 90), to("order-function-v2", null, 10));
        f.destinationRule("serverless", "order-function", "order-function.serverless.svc.cluster.local");
        f.authorizationPolicy("serverless", "order-function-allow", Map.of("app", "order-function"));

        // serverless/image-resize and thumbnail: knative
        f.knativeService("serverless", "image-resize", "image-resize-00002",
                revision("image-resize-00001", 90), revision("image-resize-00002", 10));
        f.pods("serverless", "image-resize", Map.of("serving.knative.dev/service", "image-resize"), 2, 2, true);
        // The mock server keys objects by kind name, so a core Service named like the Knative Service would
        // clash; the revision Services carry the endpoints here (Knative's own Service has none either).
        f.service("serverless", "image-resize-00001", Map.of("serving.knative.dev/revision", "image-resize-00001"), 1);
        f.service("serverless", "image-resize-00002", Map.of("serving.knative.dev/revision", "image-resize-00002"), 1);
        f.knativeService("serverless", "thumbnail", "thumbnail-00003", latest(100));

        // serverless/pdf-render: openfaas; its Deployment also carries the function label (must not count twice)
        f.operatorFunction(KubeKind.OPENFAAS_FUNCTIONS, "openfaas.com/v1", "serverless", "pdf-render");
        f.deployment("serverless", "pdf-render",
                Map.of("faas_function", "pdf-render", "meshdeck.dev/function", "true"), 1, 1, true);
        f.service("serverless", "pdf-render", Map.of("faas_function", "pdf-render"), 1);

        // serverless/legacy-cron: kubeless, not in the mesh
        f.operatorFunction(KubeKind.KUBELESS_FUNCTIONS, "kubeless.io/v1beta1", "serverless", "legacy-cron");
        f.deployment("serverless", "legacy-cron",
                Map.of("function", "legacy-cron", "created-by", "kubeless", "meshdeck.dev/function", "true"), 1, 1, false);
        f.service("serverless", "legacy-cron", Map.of("function", "legacy-cron"), 1);

        f.requestAuthentication("serverless", "serverless-jwt", "https://auth.meshdeck.example");

        // backend: a degraded openfaas function, versions without a VirtualService, a one-version function
        f.operatorFunction(KubeKind.OPENFAAS_FUNCTIONS, "openfaas.com/v1", "backend", "recommendation");
        f.deployment("backend", "recommendation", Map.of("faas_function", "recommendation"), 2, 1, true);
        f.service("backend", "recommendation", Map.of("faas_function", "recommendation"), 1);
        f.deployment("backend", "inventory-function-v1",
                Map.of("app", "inventory-function", "version", "v1", "meshdeck.dev/function", "true"), 1, 1, true);
        f.deployment("backend", "inventory-function-v2",
                Map.of("app", "inventory-function", "version", "v2", "meshdeck.dev/function", "true"), 1, 1, true);
        f.deployment("backend", "solo-7d9f",
                Map.of("app.kubernetes.io/name", "solo", "app.kubernetes.io/component", "function"), 1, 1, false);
        f.deployment("backend", "postgres", Map.of("app", "postgres"), 1, 1, true);

        // istio-system: mesh-wide mTLS; a selector policy there applies to the gateway only
        f.strictPeerAuthentication("istio-system", "default");
        f.authorizationPolicy("istio-system", "ingress-only", Map.of("istio", "ingressgateway"));
        f.deployment("istio-system", "istiod", Map.of("app", "istiod"), 1, 1, false);
    }
}
