package dev.tower.app;

import java.io.PrintStream;

/** The command line's voice: the one class allowed to write to the terminal (logging goes to the log). */
final class Console {
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private Console() {}

    static void say(String text) {
        OUT.println(text);
        OUT.flush();
    }

    static void complain(String text) {
        ERR.println("tower: " + text);
        ERR.flush();
    }
}
