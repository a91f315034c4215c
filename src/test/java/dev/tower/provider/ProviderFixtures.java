package dev.tower.provider;

import dev.tower.testing.TestRows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

/** Providers and documents for verification tests, written as the superuser (as the apps would). */
final class ProviderFixtures {
    private final TestRows rows;

    ProviderFixtures(TestRows rows) {
        this.rows = rows;
    }

    UUID droneProvider(String businessName) {
        UUID provider = rows.provider(businessName + " Owner", false);
        rows.update("UPDATE providers SET business_name = ? WHERE id = ?", businessName, provider);
        return provider;
    }

    /** A pending drone provider whose three required documents are accepted and valid for a year. */
    UUID readyProvider(String businessName) throws Exception {
        UUID provider = droneProvider(businessName);
        for (String kind : new String[] {"faa_part_107", "insurance", "background_check"}) {
            approve(document(provider, kind, LocalDate.now().plusYears(1)));
        }
        return provider;
    }

    void approve(UUID document) {
        rows.update("UPDATE provider_documents SET decision = 'approved', reviewed_by = 'fixture', reviewed_at = now() WHERE id = ?",
                document);
    }

    UUID document(UUID provider, String kind, LocalDate expiresOn) throws Exception {
        // a real image, so the viewer shows it and accepting is possible
        return document(provider, kind, expiresOn, ProviderVerificationUiTest.png(), "image/png", kind + ".png");
    }

    /**
     * A document row whose file is not stored, as a broken import would leave it: the key check is off for
     * this one insert (replica mode, the superuser only), since the schema itself never allows it.
     */
    UUID documentWithoutFile(UUID provider, String kind) {
        UUID id = UUID.randomUUID();
        rows.update("""
                DO $$ BEGIN
                    PERFORM set_config('session_replication_role', 'replica', true);
                    INSERT INTO provider_documents (id, provider_id, kind, file_name, content_type, sha256)
                    VALUES ('%s', '%s', '%s', 'missing.png', 'image/png', repeat('ab', 32));
                END $$""".formatted(id, provider, kind));
        return id;
    }

    UUID document(UUID provider, String kind, LocalDate expiresOn, byte[] content, String contentType, String fileName)
            throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        rows.update("INSERT INTO document_files (sha256, content) VALUES (?, ?) ON CONFLICT DO NOTHING", sha, content);
        return rows.queryUuid("""
                INSERT INTO provider_documents (provider_id, kind, file_name, content_type, sha256, expires_on)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""",
                provider, kind, fileName, contentType, sha, expiresOn);
    }
}
