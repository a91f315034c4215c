package dev.tower.signin;

/** Where to sign in: the embedded database Tower started on this computer, or one given by address. */
public enum DatabaseChoice {
    EMBEDDED,
    ADDRESS
}
