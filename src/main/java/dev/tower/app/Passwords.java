package dev.tower.app;

/** Reads a password for a command: from an environment variable (scripts) or the terminal, never echoed. */
final class Passwords {
    private Passwords() {}

    static char[] read(String environmentVariable, String prompt) {
        String fromEnv = System.getenv(environmentVariable);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("No terminal to ask for the password; set " + environmentVariable + ".");
        }
        char[] password = console.readPassword("%s", prompt);
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("No password given.");
        }
        return password;
    }
}
