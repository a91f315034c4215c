package dev.tower.provider;

import java.math.BigDecimal;
import java.util.UUID;

/** One of a provider's listings as the provider page shows it. */
public record ProviderListing(UUID id, String title, String category, BigDecimal priceBase, String pricingType,
                              String currency, boolean active) {

    /** "Roof inspection · aerial_imaging · USD 149.00 fixed · active". */
    public String words() {
        return title + " · " + category + " · " + currency + " " + priceBase.toPlainString() + " " + pricingType
                + " · " + (active ? "active" : "inactive");
    }
}
