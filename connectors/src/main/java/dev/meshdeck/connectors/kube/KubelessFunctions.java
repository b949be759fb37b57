package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.Platform;

/** Kubeless {@code kubeless.io/v1beta1} Functions; the controller labels the Deployment and pods {@code function=<name>}. */
final class KubelessFunctions extends OperatorFunctions {

    static final String POD_LABEL = "function";

    KubelessFunctions() {
        super(Platform.KUBELESS, KubeKind.KUBELESS_FUNCTIONS, POD_LABEL);
    }
}
