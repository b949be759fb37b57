package dev.meshdeck.core.topology;

/** What a node of the topology graph stands for. */
public enum NodeKind {
    /** A function of the inventory, on any platform. */
    FUNCTION,
    /** One version of a function that routes between several (revision, subset, Lambda version). */
    VERSION,
    /** An ingress gateway: where outside traffic enters the mesh. */
    GATEWAY,
    /** A host outside the estate: a ServiceEntry host, a Lambda function URL, an unknown caller. */
    EXTERNAL
}
