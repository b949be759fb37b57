package dev.meshdeck.app.wiring;

/** What the wiring of the window tells the startup screen, from its own thread, as each step begins and ends. */
public interface StartupProgress {

    /** The headless commands start without a screen to tell. */
    StartupProgress NONE = new StartupProgress() {
        @Override
        public void begin(String step) {
        }

        @Override
        public void done(String step, String detail) {
        }
    };

    void begin(String step);

    void done(String step, String detail);
}
