package dev.tower.booking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order-number range the prefix search reads from the unique index: its bounds, carries and edges. */
class BookingFilterOrderNumberTest {
    private static BookingFilter searching(String term) {
        return BookingFilter.ANY.withSearch(term);
    }

    @Test
    void aPrefixIsReadFromItselfToTheNextNumberOfTheSameLength() {
        assertThat(searching("sm-0095").orderNumberFrom()).isEqualTo("SM-0095");
        assertThat(searching("sm-0095").orderNumberBelow()).isEqualTo("SM-0096");
        assertThat(searching("SM-00000001").orderNumberBelow()).isEqualTo("SM-00000002");
    }

    @Test
    void nineCarriesAndTheLastPrefixEndsBeforeTheNextLetters() {
        assertThat(searching("SM-0099").orderNumberBelow()).isEqualTo("SM-0100");
        assertThat(searching("SM-1999").orderNumberBelow()).isEqualTo("SM-2000");
        assertThat(searching("SM-9999").orderNumberBelow()).isEqualTo("SN");
        assertThat("SM-99999999").isLessThan("SN");
    }

    @Test
    void anythingElseIsNoOrderNumberRange() {
        assertThat(searching("SM-09").orderNumberFrom()).as("too short to be a range").isNull();
        assertThat(searching("Woodward").orderNumberBelow()).isNull();
        assertThat(BookingFilter.ANY.orderNumberBelow()).isNull();
    }
}
