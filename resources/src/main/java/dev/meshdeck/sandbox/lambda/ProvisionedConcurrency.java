package dev.meshdeck.sandbox.lambda;

/**
 * The provisioned concurrency of one alias or version. The sandbox has it allocated at once: Lambda reports
 * IN_PROGRESS while it prepares the environments, then READY.
 *
 * @param qualifier    the alias or version
 * @param requested    RequestedProvisionedConcurrentExecutions
 * @param lastModified when it was last set, as Lambda writes it
 */
record ProvisionedConcurrency(String qualifier, int requested, String lastModified) {
}
