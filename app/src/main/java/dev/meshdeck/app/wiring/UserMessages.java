package dev.meshdeck.app.wiring;

/** Turns an exception into one line for the person at the terminal. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String describe(Throwable ex) {
        Throwable t = ex;
        // wrappers such as CompletionException say nothing; the cause does
        while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
