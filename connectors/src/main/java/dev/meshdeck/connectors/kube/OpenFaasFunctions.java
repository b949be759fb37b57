package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.Platform;

/** OpenFaaS {@code openfaas.com/v1} Functions; the operator labels the Deployment and pods {@code faas_function=<name>}. */
final class OpenFaasFunctions extends OperatorFunctions {

    static final String POD_LABEL = "faas_function";

    OpenFaasFunctions() {
        super(Platform.OPENFAAS, KubeKind.OPENFAAS_FUNCTIONS, POD_LABEL);
    }
}
