package dev.meshdeck.app.window;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** Waits for a window on the sandbox to reach a state; the condition is read on the FX thread. */
final class WindowWait {

    private WindowWait() {
    }

    /**
     * A condition that throws (a node not shown yet, on a loaded machine) counts as not met; the last such
     * failure is reported if the wait times out.
     */
    static void until(Callable<Boolean> condition) throws TimeoutException {
        AtomicReference<Exception> last = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                try {
                    return WaitForAsyncUtils.asyncFx(condition).get();
                } catch (Exception notYet) {
                    last.set(notYet);
                    return false;
                }
            });
        } catch (TimeoutException timeout) {
            if (last.get() != null) {
                timeout.addSuppressed(last.get());
            }
            throw timeout;
        }
    }
}
