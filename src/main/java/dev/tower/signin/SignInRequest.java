package dev.tower.signin;

/**
 * One sign-in attempt.
 *
 * @param databaseAddress a JDBC URL or postgres:// URI as typed, or the embedded database's URL
 * @param embedded        true when {@code databaseAddress} is the embedded database Tower started
 */
public record SignInRequest(String databaseAddress, String login, char[] password, boolean embedded) {
    public SignInRequest {
        databaseAddress = databaseAddress == null ? "" : databaseAddress.strip();
        login = login == null ? "" : login.strip();
        password = password == null ? new char[0] : password.clone();
    }

    @Override
    public String toString() {
        return "SignInRequest[" + login + " at " + databaseAddress + "]";
    }
}
