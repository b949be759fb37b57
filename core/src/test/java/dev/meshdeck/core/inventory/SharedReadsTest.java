package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

    private static final FunctionId INVOICE = new FunctionId(new SourceRef.AwsRegion("123456789012", "eu-west-1", null),
            Platform.LAMBDA, "", "invoice-pdf");

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> readers = new ArrayList<>();
    private volatile RuntimeException failure;

    /** A catalog whose reads block until released, answering with the call's number. */
    private final SharedReads reads = new SharedReads(id -> {
        int call = calls.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
        return List.of(new MeshResource("LambdaFunction", "", id.name(), "call: " + call));
    });

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private Future<List<MeshResource>> read() throws InterruptedException {
        CompletableFuture<Thread> started = new CompletableFuture<>();
        Future<List<MeshResource>> result = threads.submit(() -> {
            started.complete(Thread.currentThread());
            return reads.apply(INVOICE);
        });
        readers.add(started.join());
        return result;
    }

    /** Until every reader so far waits: in the read, or for the read it joined. */
    private void untilAllWait() throws InterruptedException {
        while (readers.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            Thread.sleep(5);
        }
    }

    @Test
    void readsAtTheSameTimeShareOneCall() throws Exception {
        Future<List<MeshResource>> details = read();
        Future<List<MeshResource>> incidents = read();
        untilAllWait();
        release.countDown();

        assertThat(details.get(10, TimeUnit.SECONDS)).isSameAs(incidents.get(10, TimeUnit.SECONDS));
        assertThat(calls).hasValue(1);
        // nothing is kept: the next read calls again
        assertThat(reads.apply(INVOICE).get(0).yaml()).isEqualTo("call: 2");
    }

    @Test
    void aReadAfterAnAppliedChangeDoesNotJoinOneStartedBefore() throws Exception {
        Future<List<MeshResource>> before = read();
        untilAllWait();
        reads.invalidate();
        Future<List<MeshResource>> after = read();
        untilAllWait();
        release.countDown();

        assertThat(Map.of("before", before.get(10, TimeUnit.SECONDS).get(0).yaml(),
                "after", after.get(10, TimeUnit.SECONDS).get(0).yaml()))
                .containsValues("call: 1", "call: 2");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailedReadFailsEveryReaderSharingIt() throws Exception {
        failure = new IllegalStateException("ExpiredTokenException: run `aws sso login --profile prod`");
        Future<List<MeshResource>> details = read();
        Future<List<MeshResource>> incidents = read();
        untilAllWait();
        release.countDown();

        for (Future<List<MeshResource>> f : List.of(details, incidents)) {
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(10, TimeUnit.SECONDS)).getCause()).isSameAs(failure);
        }
        assertThat(calls).hasValue(1);
    }
}
