package dev.tower.area;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@UseClasspathSqlLocator
public interface AreaDao {
    record Row(UUID id, String name, BigDecimal centerLat, BigDecimal centerLng, int radiusMiles, boolean active,
               int version, Instant updatedAt, String updatedBy, long providersVerified, long providersAll,
               long recentDropoffs, String[] overlaps) {
        ServiceArea toArea() {
            return new ServiceArea(id, name, centerLat, centerLng, radiusMiles, active, version, updatedAt, updatedBy,
                    providersVerified, providersAll, recentDropoffs, Arrays.asList(overlaps));
        }
    }

    record Created(UUID id, int version) {}

    @SqlQuery
    @RegisterConstructorMapper(Row.class)
    List<Row> listAreas();

    /** @param rows map cell height in 0.01° cells; @param cols map cell width in 0.01° cells */
    @SqlQuery
    @RegisterConstructorMapper(DemandCell.class)
    List<DemandCell> demandCells(@Bind("rows") int rows, @Bind("cols") int cols);

    @SqlQuery
    @RegisterConstructorMapper(Created.class)
    Created create(@Bind("name") String name, @Bind("centerLat") BigDecimal centerLat,
                   @Bind("centerLng") BigDecimal centerLng, @Bind("radiusMiles") int radiusMiles);

    /** @return the area's new version */
    @SqlQuery
    int edit(@Bind("id") UUID id, @Bind("expectedVersion") int expectedVersion, @Bind("name") String name,
             @Bind("centerLat") BigDecimal centerLat, @Bind("centerLng") BigDecimal centerLng,
             @Bind("radiusMiles") int radiusMiles);

    @SqlQuery
    int deactivate(@Bind("id") UUID id, @Bind("expectedVersion") int expectedVersion, @Bind("confirmed") boolean confirmed);

    @SqlQuery
    int reactivate(@Bind("id") UUID id, @Bind("expectedVersion") int expectedVersion);
}
