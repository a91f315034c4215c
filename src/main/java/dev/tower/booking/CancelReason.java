package dev.tower.booking;

/** One of the fixed reasons a booking may be cancelled for (ref_codes, type booking_cancel_reason). */
public record CancelReason(String code, String label) {}
