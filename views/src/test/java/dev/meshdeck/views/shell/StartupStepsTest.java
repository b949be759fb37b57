package dev.meshdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.views.shell.StartupSteps.State;
import dev.meshdeck.views.shell.StartupSteps.Step;
import org.junit.jupiter.api.Test;

class StartupStepsTest {

    @Test
    void aStepKeepsItsLineWhenItEnds() {
        StartupSteps steps = new StartupSteps();
        steps.begin("Kubeconfig");
        steps.begin("Sandbox");
        steps.done("Kubeconfig", "none found");

        assertThat(steps.steps()).containsExactly(new Step("Kubeconfig", State.DONE, "none found"),
                new Step("Sandbox", State.RUNNING, ""));
    }

    @Test
    void aFailureIsShownOnTheStepThatWasRunning() {
        StartupSteps steps = new StartupSteps();
        steps.begin("Kubeconfig");
        steps.done("Kubeconfig", "2 contexts in 1 files");
        steps.begin("Telemetry");

        steps.failed(steps.running().orElseThrow(), "--prometheus x: no context x");

        assertThat(steps.steps()).last().isEqualTo(new Step("Telemetry", State.FAILED, "--prometheus x: no context x"));
        assertThat(steps.running()).isEmpty();
    }
}
