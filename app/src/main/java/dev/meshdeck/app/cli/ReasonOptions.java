package dev.meshdeck.app.cli;

import dev.meshdeck.core.changes.ApplyRequest;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Why a change is written, and the emergency override of the validation gate: every writing command has them. */
public final class ReasonOptions {

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the history (required with --force).")
    public String reason;

    @Option(names = "--force", description = "Write even though validation finds errors (an emergency; needs --reason)."
            + " Recorded as forced, with the errors overridden, in the history and audit log.")
    public boolean force;

    /**
     * {@code request} with --reason (when given) and, with --force, overriding the gate's errors.
     *
     * @throws CommandLine.ParameterException for --force without --reason
     */
    public ApplyRequest applyTo(CommandSpec spec, ApplyRequest request) {
        ApplyRequest because = request.because(reason);
        return forced(spec) ? because.forced(reason.strip()) : because;
    }

    /**
     * Whether --force was given.
     *
     * @throws CommandLine.ParameterException for --force without --reason
     */
    public boolean forced(CommandSpec spec) {
        if (force && (reason == null || reason.isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--force needs --reason TEXT: say why the findings are overridden (it goes to the history and audit log)");
        }
        return force;
    }
}
