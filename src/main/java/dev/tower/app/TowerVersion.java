package dev.tower.app;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code tower --version}: the version the build wrote into the jar's manifest (the pom's), or the installed
 * package's (jpackage passes {@code jpackage.app-version}); "development build" when run from classes.
 */
final class TowerVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Tower " + current()};
    }

    static String current() {
        String packaged = System.getProperty("jpackage.app-version");
        if (packaged != null && !packaged.isBlank()) {
            return packaged;
        }
        String built = TowerVersion.class.getPackage().getImplementationVersion();
        return built != null ? built : "(development build)";
    }
}
