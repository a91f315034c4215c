package dev.tower.ui;

import dev.tower.error.TowerException;
import dev.tower.error.ValidationException;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {
    @Test
    void worksOffTheFxThreadAndAnswersOnIt() throws Exception {
        var busy = new SimpleBooleanProperty();
        var workThreadWasFx = new CompletableFuture<Boolean>();
        var answer = new CompletableFuture<String>();
        try (FxTaskExecutor executor = new FxTaskExecutor(new WriteGate())) {
            Platform.runLater(() -> executor.execute(BackgroundTask.of("probe", busy, () -> {
                workThreadWasFx.complete(Platform.isFxApplicationThread());
                return "done";
            }).onSuccess(r -> answer.complete(r + " fx=" + Platform.isFxApplicationThread() + " busy=" + busy.get()))));
            assertThat(workThreadWasFx.get(5, TimeUnit.SECONDS)).isFalse();
            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("done fx=true busy=false");
        }
    }

    @Test
    void failuresAreTypedAndDeliveredOnTheFxThread() throws Exception {
        var failure = new CompletableFuture<TowerException>();
        var onFx = new CompletableFuture<Boolean>();
        try (FxTaskExecutor executor = new FxTaskExecutor(new WriteGate())) {
            executor.execute(BackgroundTask.of("probe", new SimpleBooleanProperty(), () -> {
                throw new ValidationException("x", "Plain.");
            }).onFailure(e -> {
                onFx.complete(Platform.isFxApplicationThread());
                failure.complete(e);
            }));
            assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(ValidationException.class);
            assertThat(onFx.get()).isTrue();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
