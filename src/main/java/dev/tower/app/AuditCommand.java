package dev.tower.app;

import dev.tower.audit.AuditCheckpoint;
import dev.tower.audit.AuditService;
import dev.tower.audit.ChainCheck;
import dev.tower.security.Session;
import dev.tower.signin.SignInRequest;
import dev.tower.signin.SignInService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Anchors the audit log outside the database: export a checkpoint, later prove the log up to it was not
 * rewritten. Signed in with a staff login of your own (admin), like the console.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Export and check audit-log checkpoints.",
        subcommands = {AuditCommand.Checkpoint.class, AuditCommand.Verify.class})
final class AuditCommand {

    static class SignIn {
        @Option(names = "--db-url", required = true, defaultValue = "${env:TOWER_DB_URL}", paramLabel = "URL",
                description = "The database (jdbc:postgresql://... or postgresql://...; default: $TOWER_DB_URL).")
        String dbUrl;

        @Option(names = "--login", required = true, paramLabel = "LOGIN",
                description = "Your staff login (admin). The password is asked for, or read from TOWER_PASSWORD.")
        String login;

        Session open() {
            char[] password = Passwords.read("TOWER_PASSWORD", "Password for " + login + ": ");
            return new SignInService().signIn(new SignInRequest(dbUrl, login, password, false));
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Print the audit log's current position and head hash, or write them to a file; keep it "
                    + "somewhere the database's admins cannot change.")
    static final class Checkpoint extends SignIn implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", description = "Write the checkpoint here (mode 600).")
        Path out;

        @Override
        public Integer call() {
            try (Session session = open()) {
                AuditService audit = new AuditService(session);
                AuditCheckpoint checkpoint = out == null ? audit.checkpoint() : audit.exportCheckpoint(out);
                Console.say(out == null ? checkpoint.toText().stripTrailing()
                        : "Checkpoint at entry #" + checkpoint.seq() + " written to " + out + ".");
                return 0;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain; with a checkpoint, prove the log up to it was not rewritten.")
    static final class Verify extends SignIn implements Callable<Integer> {
        @Option(names = "--checkpoint", paramLabel = "FILE", description = "A file written by 'tower audit checkpoint --out'.")
        Path checkpointFile;

        @Option(names = "--from", description = "Check only the entries after the checkpoint (fast; the part up to it "
                + "must have been verified before).")
        boolean fromCheckpoint;

        @Override
        public Integer call() throws IOException {
            AuditCheckpoint checkpoint = checkpointFile == null ? null
                    : AuditCheckpoint.parse(Files.readString(checkpointFile, StandardCharsets.UTF_8));
            try (Session session = open()) {
                AuditService audit = new AuditService(session);
                ChainCheck check = checkpoint == null ? audit.verifyChain()
                        : fromCheckpoint ? audit.verifyFrom(checkpoint) : audit.verifyAgainst(checkpoint);
                if (check.intact()) {
                    Console.say("Intact: " + check.rowsChecked() + " entries checked.");
                    return 0;
                }
                Console.complain("Broken at entry #" + check.firstBrokenSeq() + ": " + check.problem());
                return 3;
            }
        }
    }
}
