package dev.tower.booking;

/** Shown only to roles with VIEW_CUSTOMER_CONTACT. */
public record CustomerContact(String email, String phone, String address) {}
