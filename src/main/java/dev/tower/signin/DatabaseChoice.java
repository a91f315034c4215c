package dev.tower.signin;

/**
 * Where to sign in: the embedded database Tower started on this computer, one given by address, or a
 * saved connection profile (whose address the profile fills in).
 */
public enum DatabaseChoice {
    EMBEDDED,
    ADDRESS,
    PROFILE
}
