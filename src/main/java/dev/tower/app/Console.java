package dev.tower.app;

import java.io.PrintStream;

/** The command line's voice: the one class allowed to write to the terminal (logging goes to the log). */
final class Console {

    private Console() {}

    static void say(String text) {
        PrintStream out = System.out;
        out.println(text);
        out.flush();
    }

    static void complain(String text) {
        PrintStream err = System.err; // looked up per call, so a test can read what a user would see
        err.println("tower: " + text);
        err.flush();
    }
}
