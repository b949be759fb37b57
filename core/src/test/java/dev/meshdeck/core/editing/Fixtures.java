package dev.meshdeck.core.editing;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.List;

/** A function's objects as the catalog returns them, for the editing tests. */
final class Fixtures {

    static final SourceRef SANDBOX = new SourceRef.KubeContext("meshdeck-sandbox", "sandbox", "https://127.0.0.1:6443");
    static final FunctionId ORDERS = new FunctionId(SANDBOX, Platform.KUBERNETES, "serverless", "order-function");
    static final FunctionId RESIZE = new FunctionId(SANDBOX, Platform.KNATIVE, "serverless", "image-resize");
    static final FunctionId INVOICE = new FunctionId(new SourceRef.AwsRegion("123456789012", "eu-west-1", "default"),
            Platform.LAMBDA, "", "invoice-pdf");

    static final String ORDERS_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: order-function
              namespace: serverless
              resourceVersion: "42"
              annotations:
                team: orders
            spec:
              hosts:
              - order-function
              http:
              - route:
                - destination:
                    host: order-function
                    subset: v1
                  weight: 90
                - destination:
                    host: order-function
                    subset: v2
                  weight: 10
                timeout: 5s
                x-vendor-extension: keep-me
            status:
              observedGeneration: 3
            """;

    static final String ORDERS_DR = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: order-function
              namespace: serverless
            spec:
              host: order-function
              subsets:
              - name: v1
                labels: {version: v1}
              - name: v2
                labels: {version: v2}
              - name: v3
                labels: {version: v3}
            """;

    static final String THREE_WAY_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: order-function
              namespace: serverless
            spec:
              hosts:
              - order-function
              http:
              - route:
                - destination: {host: order-function, subset: v1}
                  weight: 70
                - destination: {host: order-function, subset: v2}
                  weight: 20
                - destination: {host: order-function, subset: v3}
                  weight: 10
            """;

    static final String RESIZE_KSVC = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata:
              name: image-resize
              namespace: serverless
            spec:
              template:
                spec:
                  containers:
                  - image: registry.example/resize:2
              traffic:
              - revisionName: image-resize-00001
                percent: 90
              - revisionName: image-resize-00002
                percent: 10
                tag: canary
            """;

    static final String INVOICE_ALIAS = """
            apiVersion: lambda.meshdeck.dev/v1
            kind: LambdaAlias
            metadata:
              name: live
            spec:
              functionName: invoice-pdf
              functionVersion: "3"
              routingConfig:
                additionalVersionWeights:
                  "4": 0.1
            """;

    static List<MeshResource> orders() {
        return List.of(new MeshResource("VirtualService", "serverless", "order-function", ORDERS_VS),
                new MeshResource("DestinationRule", "serverless", "order-function", ORDERS_DR));
    }

    static List<MeshResource> orders(String vs) {
        return List.of(new MeshResource("VirtualService", "serverless", "order-function", vs),
                new MeshResource("DestinationRule", "serverless", "order-function", ORDERS_DR));
    }

    static List<MeshResource> resize() {
        return List.of(new MeshResource("Service", "serverless", "image-resize", RESIZE_KSVC));
    }

    static List<MeshResource> invoice() {
        return List.of(new MeshResource("LambdaAlias", "", "live", INVOICE_ALIAS));
    }

    private Fixtures() {
    }
}
