package dev.meshdeck.sandbox.kube;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 synthetic functions into a sandbox. Not part of the default test run (surefire picks up *Test only):
 * {@code mvn -o -q -B -pl resources test -Dtest=SyntheticEstateBenchmark}; it prints the timings.
 */
class SyntheticEstateBenchmark {

    @Test
    void tenThousandFunctions() {
        long started = System.nanoTime();
        Estate estate = Estate.synthetic(10_000);
        long generated = System.nanoTime();
        try (KubeSandbox sandbox = KubeSandbox.start(0)) {
            long ready = System.nanoTime();
            sandbox.preload(estate);
            long preloaded = System.nanoTime();
            System.out.printf("10,000 functions = %d objects: generated in %d ms, preloaded in %d ms%n",
                    estate.size(), (generated - started) / 1_000_000, (preloaded - ready) / 1_000_000);

            assertThat(SyntheticEstateTest.functionsPerPlatform(sandbox.client()))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("knative", 3000L, "openfaas", 2000L,
                            "kubeless", 1000L, "kubernetes", 4000L));
        }
    }
}
