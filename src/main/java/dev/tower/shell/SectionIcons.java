package dev.tower.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The sidebar's icon for each section (a view concern, so not on the enum). */
final class SectionIcons {
    private SectionIcons() {}

    static Ikon of(Section section) {
        return switch (section) {
            case PROVIDERS -> Feather.TRUCK;
            case AREAS -> Feather.MAP;
            case BOOKINGS -> Feather.CALENDAR;
            case DISPUTES -> Feather.ALERT_TRIANGLE;
            case ANALYTICS -> Feather.BAR_CHART_2;
            case SCHEMA -> Feather.DATABASE;
            case HEALTH -> Feather.ACTIVITY;
            case STAFF -> Feather.USERS;
            case AUDIT -> Feather.SHIELD;
            case SETTINGS -> Feather.SLIDERS;
        };
    }
}
