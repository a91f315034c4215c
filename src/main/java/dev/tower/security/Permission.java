package dev.tower.security;

/**
 * Every staff action in Tower, including those of features not built yet, so the matrix (and the
 * README) describes the whole product. Descriptions are lower-case phrases that read after
 * "allows you to", e.g. in access-denied messages.
 */
public enum Permission {
    VIEW_PROVIDERS("see providers, their profiles and verification state"),
    REVIEW_PROVIDER_DOCUMENTS("open providers' verification documents and record a decision on each"),
    VERIFY_PROVIDER("verify or reject a provider"),
    VIEW_SERVICE_AREAS("see service areas and the providers serving them"),
    MANAGE_SERVICE_AREAS("create, rename and retire service areas"),
    VIEW_BOOKINGS("see bookings and their status history"),
    CHANGE_BOOKING_STATUS("move a booking to another legal status"),
    READ_BOOKING_MESSAGES("read the messages exchanged about a booking"),
    VIEW_DISPUTES("see the disputes queue"),
    RESOLVE_DISPUTE("take a dispute under review and resolve it"),
    ISSUE_REFUND("issue refunds up to the limit set in system settings"),
    APPROVE_LARGE_REFUND("approve refunds above the limit"),
    VIEW_ANALYTICS("see the analytics dashboards"),
    REFRESH_ANALYTICS("refresh the analytics data"),
    EXPORT_ANALYTICS("export dashboards as CSV or PNG"),
    VIEW_CUSTOMER_CONTACT("see customers' email, phone and address"),
    VIEW_SCHEMA_STATUS("see which database migrations are applied and pending"),
    APPLY_MIGRATIONS("apply pending database migrations"),
    MANAGE_STAFF("add staff logins, change their role and disable them"),
    MANAGE_SETTINGS("change system settings such as the refund limit"),
    VIEW_AUDIT_LOG("read the audit log of staff actions"),
    VERIFY_AUDIT_CHAIN("check that the audit log has not been tampered with"),
    CHANGE_OWN_PASSWORD("change your own password"),
    VIEW_DATABASE_HEALTH("see the database's health and run ANALYZE or cancel a runaway statement");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    public String description() { return description; }
}
