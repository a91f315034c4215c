package dev.tower.area;

import dev.tower.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Map cells are whole numbers of the database's 0.01° cells. */
class DemandGridTest {
    @Test
    void sizesRoundToTheNearestWholeNumberOfGridCells() {
        assertThat(DemandGrid.cells(0.01)).isEqualTo(1);
        assertThat(DemandGrid.cells(0.001)).isEqualTo(1);
        assertThat(DemandGrid.cells(0.0135)).isEqualTo(1);
        assertThat(DemandGrid.cells(0.016)).isEqualTo(2);
        assertThat(DemandGrid.cells(0.05)).isEqualTo(5);
        assertThat(DemandGrid.cells(7)).isEqualTo(100);
        assertThat(DemandGrid.size(0.05)).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aSizeThatIsNotPositiveIsRefusedInPlainWords() {
        for (double bad : new double[] {0, -0.01, Double.NaN}) {
            assertThatThrownBy(() -> DemandGrid.cells(bad)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("positive number of degrees");
        }
    }
}
