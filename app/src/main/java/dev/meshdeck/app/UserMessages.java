package dev.meshdeck.app;

/** Turns an exception into one line for the person at the terminal. */
final class UserMessages {

    private UserMessages() {
    }

    static String describe(Throwable ex) {
        Throwable t = ex;
        // wrappers such as CompletionException say nothing; the cause does
        while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
