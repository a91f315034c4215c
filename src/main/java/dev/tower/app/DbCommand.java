package dev.tower.app;

import dev.tower.setup.EmbeddedStartup;
import dev.tower.setup.ExternalSetup;
import dev.tower.demo.DemoLogins;
import dev.tower.db.JdbcUrls;
import dev.tower.db.TowerHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "db", mixinStandardHelpOptions = true, description = "Manage Tower's embedded database.",
        subcommands = {DbCommand.Start.class, DbCommand.Setup.class})
final class DbCommand {

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the embedded database, migrate it, print how to connect, and keep it running until "
                    + "interrupted (Ctrl+C), so psql, BI tools and scripts can use it.")
    static final class Start implements Callable<Integer> {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Database folder (default: ~/.local/share/tower).")
        Path dataDir;

        @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: the saved one, or a free one).")
        int port;

        @Override
        public Integer call() throws InterruptedException {
            if (port != 0 && (port < 1024 || port > 65535)) {
                throw new IllegalArgumentException("--port must be between 1024 and 65535, not " + port + ".");
            }
            Path home = dataDir != null ? dataDir : TowerHome.resolve();
            EmbeddedStartup.Ready ready = EmbeddedStartup.start(home, port);
            var db = ready.database();
            ready.upgraded().ifPresent(Console::say);
            if (db.attached() && port != 0 && port != db.port()) {
                throw new IllegalStateException("The database in " + home + " is already running on port " + db.port()
                        + "; stop it first to move it to port " + port + ".");
            }
            StringBuilder text = new StringBuilder()
                    .append(db.attached() ? "Tower's database was already running.\n" : "Tower's database is running.\n")
                    .append("  JDBC URL : ").append(db.publicJdbcUrl()).append('\n')
                    .append("  psql     : psql -h localhost -p ").append(db.port()).append(" -U demo_admin postgres\n")
                    .append("  Logins   : (password \"").append(DemoLogins.PASSWORD).append("\")\n");
            for (DemoLogins.DemoLogin login : DemoLogins.ALL) {
                text.append("             ").append(login.login()).append("  (").append(login.group()).append(")\n");
            }
            text.append("  Superuser: postgres, password in ").append(home.resolve("embedded.properties")).append('\n');
            ready.demoLoaded().ifPresent(r -> text.append("  Loaded the small demo market in ").append(r.took().toMillis()).append(" ms.\n"));
            if (db.attached()) {
                Console.say(text.toString().stripTrailing());
                return 0;
            }
            text.append("Press Ctrl+C to stop.");
            Console.say(text.toString());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.close();
                stopped.countDown();
            }, "tower-db-stop"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = "Prepare your own PostgreSQL or Supabase database for Tower (run once, by its administrator): "
                    + "creates Tower's roles, applies the migrations as tower_owner, installs the staff functions and "
                    + "creates the first admin login. Passwords are asked for, or read from TOWER_SETUP_PASSWORD and "
                    + "TOWER_ADMIN_PASSWORD.")
    static final class Setup implements Callable<Integer> {
        @Option(names = "--db-url", required = true, paramLabel = "URL", description = "The database (jdbc:postgresql://... or postgresql://...).")
        String dbUrl;

        @Option(names = "--setup-login", defaultValue = "postgres", paramLabel = "LOGIN",
                description = "A superuser or CREATEROLE login of that database (default: postgres).")
        String setupLogin;

        @Option(names = "--first-admin", paramLabel = "LOGIN", description = "Create this Tower admin login (skip to add none).")
        String firstAdmin;

        @Override
        public Integer call() {
            String url = JdbcUrls.normalise(dbUrl);
            char[] setupPassword = Passwords.read("TOWER_SETUP_PASSWORD", "Password of " + setupLogin + ": ");
            char[] adminPassword = null;
            if (firstAdmin != null) {
                adminPassword = Passwords.read("TOWER_ADMIN_PASSWORD", "New password for " + firstAdmin + ": ");
                if (adminPassword.length < 10) {
                    throw new IllegalArgumentException("The admin password must be at least 10 characters long.");
                }
            }
            ExternalSetup.Result result = ExternalSetup.run(url, setupLogin, setupPassword, firstAdmin, adminPassword);
            Console.say("Tower is set up on " + url + ": " + result.migrationsApplied() + " migration(s) applied"
                    + (result.adminCreated() ? ", admin login " + firstAdmin + " created." : "."));
            Console.say("Run Tower against it with: tower --db-url " + url);
            return 0;
        }
    }
}
