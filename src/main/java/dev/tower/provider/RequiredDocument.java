package dev.tower.provider;

/** A document kind a provider type needs (table provider_required_documents). */
public record RequiredDocument(String providerType, String kind, String label) {}
