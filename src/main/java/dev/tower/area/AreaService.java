package dev.tower.area;

import dev.tower.error.ConflictException;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.Retry;
import dev.tower.error.TowerException;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Service areas: everyone with {@link Permission#VIEW_SERVICE_AREAS} reads them and the map's demand
 * layer; admins ({@link Permission#MANAGE_SERVICE_AREAS}) change them through the guarded functions,
 * always passing the version they saw.
 */
public final class AreaService {
    /** The database's refusal to deactivate an area some providers serve alone; confirm to go ahead. */
    public static final String SOLE_AREA_CODE = "area.sole_area_of_providers";
    private static final int ATTEMPTS = 3;

    private final Session session;

    public AreaService(Session session) {
        this.session = session;
    }

    public List<ServiceArea> list() {
        AccessGuard.require(session, Permission.VIEW_SERVICE_AREAS);
        return read(dao -> dao.listAreas().stream().map(AreaDao.Row::toArea).toList());
    }

    /**
     * The drop-offs of the last 30 days per map cell, a whole number of {@link DemandGrid} cells: each size
     * is rounded to the nearest multiple (at least one), and the cells returned are centred on that grid.
     *
     * @param cellLat cell height in degrees of latitude, up to 1
     * @param cellLng cell width in degrees of longitude, up to 1
     */
    public List<DemandCell> demand(double cellLat, double cellLng) {
        AccessGuard.require(session, Permission.VIEW_SERVICE_AREAS);
        int rows = DemandGrid.cells(cellLat);
        int cols = DemandGrid.cells(cellLng);
        return read(dao -> dao.demandCells(rows, cols));
    }


    public AreaDao.Created create(AreaDraft draft) {
        AccessGuard.require(session, Permission.MANAGE_SERVICE_AREAS);
        return write(dao -> dao.create(draft.name(), draft.centerLat(), draft.centerLng(), draft.radiusMiles()));
    }

    /** Edits every field; a new name renames the area for every provider too. @return the new version */
    public int edit(UUID id, int expectedVersion, AreaDraft draft) {
        AccessGuard.require(session, Permission.MANAGE_SERVICE_AREAS);
        return write(dao -> dao.edit(id, expectedVersion, draft.name(), draft.centerLat(), draft.centerLng(),
                draft.radiusMiles()));
    }

    /**
     * @param confirmed true once the admin has read which providers would be left without an active area
     * @throws ValidationException with code {@link #SOLE_AREA_CODE} when not confirmed and some would be
     */
    public int deactivate(UUID id, int expectedVersion, boolean confirmed) {
        AccessGuard.require(session, Permission.MANAGE_SERVICE_AREAS);
        return write(dao -> dao.deactivate(id, expectedVersion, confirmed));
    }

    public int reactivate(UUID id, int expectedVersion) {
        AccessGuard.require(session, Permission.MANAGE_SERVICE_AREAS);
        return write(dao -> dao.reactivate(id, expectedVersion));
    }

    private <T> T read(Function<AreaDao, T> query) {
        return session.jdbi().withExtension(AreaDao.class, query::apply);
    }

    private <T> T write(Function<AreaDao, T> change) {
        try {
            return Retry.onConcurrentChange(ATTEMPTS, () -> session.jdbi().withExtension(AreaDao.class, change::apply));
        } catch (RuntimeException e) {
            throw asConflictWhenStale(ErrorClassifier.classify(e));
        }
    }

    /** A stale version is a conflict, not a validation error (the database raises both as P0001). */
    static TowerException asConflictWhenStale(TowerException e) {
        if (e instanceof ValidationException v && v.code().endsWith(".changed_meanwhile")) {
            return new ConflictException(null, v.plainMessage(), v);
        }
        return e;
    }
}
