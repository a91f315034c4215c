package dev.tower.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tower --version} says the version that was built or installed, never a number typed into the code. */
class TowerVersionTest {
    @Test
    void theInstalledPackagesVersionWinsOverTheBuilds() {
        String before = System.getProperty("jpackage.app-version");
        try {
            System.setProperty("jpackage.app-version", "9.8.7");
            assertThat(new TowerVersion().getVersion()).containsExactly("Tower 9.8.7");
            System.clearProperty("jpackage.app-version");
            // tests run from classes, where no manifest names a version
            assertThat(TowerVersion.current()).isEqualTo("(development build)");
        } finally {
            if (before != null) {
                System.setProperty("jpackage.app-version", before);
            }
        }
    }
}
