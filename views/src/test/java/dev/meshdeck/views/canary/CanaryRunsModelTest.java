package dev.meshdeck.views.canary;

import static dev.meshdeck.views.canary.CanaryRunFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.core.canary.RunStatus;
import dev.meshdeck.core.canary.CanaryActions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryRunsModelTest {

    final CanaryRunFixtures.Store store = new CanaryRunFixtures.Store();
    final CanaryRunsModel model = new CanaryRunsModel(store);

    List<CanaryRun> all() {
        List<CanaryRun> runs = new ArrayList<>(List.of(CanaryRunFixtures.running()));
        runs.addAll(CanaryRunFixtures.sandboxRuns());
        return runs;
    }

    @Test
    void everyRunIsListedWithItsStateAndTheSelectionFollowsItsRun() {
        model.show(all(), NOW);
        model.selected().set(model.runs().get(1));

        model.show(all(), NOW.plusSeconds(1));

        assertThat(model.runs()).extracting(model::label).containsExactly(
                "serverless/order-function\norder-function-v2 · running 25%",
                "serverless/image-resize\nimage-resize-00002 · aborted",
                "serverless/order-function\norder-function-v2 · promoted");
        assertThat(model.selected().get().id()).isEqualTo("image-resize-1");
    }

    @Test
    void aRunningRunCountsDownAndTakesPauseAndAbortThroughTheStore() {
        model.show(all(), NOW);

        assertThat(model.countdown()).isEqualTo("next decision in 7s");
        assertThat(model.canPause()).isTrue();
        assertThat(model.canResume()).isFalse();
        model.pause();
        assertThat(store.requests).containsEntry("order-function-2", Control.PAUSE);
        model.show(all(), NOW.plusSeconds(3));
        assertThat(model.countdown()).isEqualTo("next decision in 4s");
    }

    @Test
    void aRunWhoseProcessIsGoneTakesNoRequestAndSaysHowToGoOn() {
        model.show(all(), NOW.plusSeconds(30));

        assertThat(model.label(model.selected().get())).contains("interrupted (running)");
        assertThat(model.canPause() || model.canResume() || model.canPromote() || model.canAbort()).isFalse();
        model.abort();
        assertThat(store.requests).isEmpty();
        assertThat(model.hint()).contains("meshdeck canary resume --function order-function");
        assertThat(model.countdown()).isEmpty();
    }

    @Test
    void anInterruptedRunIsOfferedAndTakenOverOffTheCallersThreadOnce() {
        RecordingActions actions = new RecordingActions();
        List<String> asked = actions.asked;
        List<Runnable> background = new ArrayList<>();
        CanaryRunsModel here = new CanaryRunsModel(store, actions, background::add, Runnable::run);
        here.show(all(), NOW);
        assertThat(here.interrupted()).as("its process beats").isEmpty();

        here.show(all(), NOW.plusSeconds(30));

        assertThat(here.interrupted()).extracting(CanaryRun::id).containsExactly("order-function-2");
        assertThat(here.canResume() && here.canAbort()).isTrue();
        assertThat(here.canPause()).isFalse();
        assertThat(here.hint()).contains("Resume drives it from this window");
        here.abort();
        assertThat(asked).as("nothing runs on the caller's (FX) thread").isEmpty();
        assertThat(here.canAbort() || here.canResume()).isFalse();
        assertThat(here.interrupted()).isEmpty();
        here.resume();
        assertThat(background).as("a second click starts no second actions").hasSize(1);
        assertThat(here.message().get()).isEqualTo("Rolling serverless/order-function back to the weights from before the run…");

        background.get(0).run();

        assertThat(asked).containsExactly("abort order-function-2");
        assertThat(here.message().get()).isEqualTo("serverless/order-function: aborted: aborted by a person at 25%");
        assertThat(store.requests).isEmpty();
        here.savePlan();
        background.get(1).run();
        assertThat(asked).endsWith("save plan of order-function-2");
        assertThat(here.message().get()).isEqualTo("namespace serverless's canary plan: applied and verified");
    }

    @Test
    void theTimelineHasBothVersionsPerIntervalAndTheThresholds() {
        model.show(CanaryRunFixtures.sandboxRuns(), NOW);

        Timeline timeline = model.timeline().orElseThrow();

        assertThat(timeline.steps()).containsExactly(20, 40, 60, 80);
        assertThat(timeline.points()).extracting(Timeline.Point::weight).containsExactly(20, 40);
        assertThat(timeline.points()).extracting(Timeline.Point::passed).containsExactly(true, false);
        assertThat(timeline.points().get(1).candidateSuccess()).isCloseTo(91.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(timeline.points().get(1).stableSuccess()).isCloseTo(99.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(timeline.points().get(1).candidateLatency()).isEqualTo(420.0);
        assertThat(timeline.minSuccessRate()).isEqualTo(99);
        assertThat(timeline.maxLatencyMillis()).isEqualTo(500);
        assertThat(model.canAbort()).isFalse();
    }

    @Test
    void aPromotedRunIsRolledBackFromTheWindowOffTheCallersThread() {
        RecordingActions actions = new RecordingActions();
        List<Runnable> background = new ArrayList<>();
        CanaryRunsModel here = new CanaryRunsModel(store, actions, background::add, Runnable::run);
        here.show(all(), NOW);
        here.selected().set(here.runs().get(1));
        assertThat(here.canRollBackPromotion()).as("an aborted run has nothing to roll back").isFalse();

        here.selected().set(here.runs().get(2));
        assertThat(here.canRollBackPromotion()).isTrue();
        here.rollBackPromotion();
        here.rollBackPromotion();

        assertThat(actions.asked).as("nothing runs on the caller's (FX) thread").isEmpty();
        assertThat(background).as("a second click starts no second roll back").hasSize(1);
        background.get(0).run();
        assertThat(actions.asked).containsExactly("roll back order-function-1");
        assertThat(here.message().get()).isEqualTo("serverless/order-function: rolled back: back to the state before the run");
    }

    /** Actions that record what the window asked and end each run as a person would see it end. */
    private static final class RecordingActions implements CanaryActions {
        final List<String> asked = new ArrayList<>();

        @Override
        public CanaryRun resume(CanaryRun run) {
            asked.add("resume " + run.id());
            return run.with(d -> d.end(RunStatus.PROMOTED, "every step passed", NOW));
        }

        @Override
        public CanaryRun abort(CanaryRun run) {
            asked.add("abort " + run.id());
            return run.with(d -> d.end(RunStatus.ABORTED, "aborted by a person at 25%", NOW));
        }

        @Override
        public CanaryRun rollBack(CanaryRun run) {
            asked.add("roll back " + run.id());
            return run.with(d -> d.end(RunStatus.ROLLED_BACK, "back to the state before the run", NOW));
        }

        @Override
        public String savePlan(CanaryRun run) {
            asked.add("save plan of " + run.id());
            return "applied and verified";
        }
    }
}
