package dev.tower.testing;

import dev.tower.db.JdbiFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statement listener every test Jdbi carries: SQL on the FX thread fails; elsewhere it runs. */
class NoSqlOnFxThreadTest {
    @Test
    void aStatementOnTheFxThreadFailsAndOffItRuns() throws Exception {
        TestDatabase db = TestDatabase.get();
        Jdbi jdbi = JdbiFactory.create(db.superuser());
        Integer offFx = jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        assertThat(offFx).isEqualTo(1);

        FxToolkit.registerPrimaryStage();
        assertThatThrownBy(() -> WaitForAsyncUtils.asyncFx(
                        () -> jdbi.<Integer, RuntimeException>withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()))
                .get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .rootCause().hasMessageContaining("SQL on the FX thread");
    }
}
