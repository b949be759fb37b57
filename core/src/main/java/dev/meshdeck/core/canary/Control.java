package dev.meshdeck.core.canary;

/** What a person asks of a run from outside the process driving it (another terminal, the window). */
public enum Control {
    PAUSE, RESUME, PROMOTE, ABORT
}
