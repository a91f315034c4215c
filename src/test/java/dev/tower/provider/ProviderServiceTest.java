package dev.tower.provider;

import dev.tower.error.AccessDeniedException;
import dev.tower.error.ConflictException;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProviderServiceTest {
    private final TestRows rows = TestRows.in(TestDatabase.get());
    private final ProviderFixtures fixtures = new ProviderFixtures(rows);

    @Test
    void queueIsOldestFirstKeysetPagedAndSearchable() throws Exception {
        String tag = "Qtest" + System.nanoTime();
        UUID first = fixtures.droneProvider(tag + " Alpha Aerial");
        UUID second = fixtures.droneProvider(tag + " Beta Aerial");
        UUID third = fixtures.droneProvider(tag + " Gamma Aerial");
        rows.update("UPDATE providers SET submitted_for_verification_at = now() - interval '3 days' WHERE id = ?", first);
        rows.update("UPDATE providers SET submitted_for_verification_at = now() - interval '2 days' WHERE id = ?", second);
        rows.update("UPDATE providers SET submitted_for_verification_at = now() - interval '2 days' WHERE id = ?", third);
        try (var admin = AdminSession.open()) {
            ProviderService service = new ProviderService(admin.session());
            QueueFilter search = QueueFilter.PENDING.withSearch(tag.toLowerCase());
            List<QueueRow> page1 = service.queue(search, null, 2);
            assertThat(page1).extracting(QueueRow::id).element(0).isEqualTo(first);
            List<QueueRow> page2 = service.queue(search, page1.getLast().key(), 2);
            assertThat(page1.size() + page2.size()).isEqualTo(3);
            assertThat(page2).extracting(QueueRow::id).doesNotContainAnyElementsOf(page1.stream().map(QueueRow::id).toList());
            // searching by the person's name too; % in the text is literal, not a wildcard
            assertThat(service.queue(QueueFilter.PENDING.withSearch(tag + " Beta Aerial Owner"), null, 10))
                    .extracting(QueueRow::id).containsExactly(second);
            assertThat(service.queue(QueueFilter.PENDING.withSearch(tag + "%"), null, 10)).isEmpty();
            assertThat(service.queue(search.withStatus(ProviderStatus.VERIFIED), null, 10)).isEmpty();
            assertThat(service.counts()).extracting(StatusCount::status)
                    .containsExactly("pending", "verified", "rejected", "suspended", "reverification");
        }
    }

    @Test
    void expiringAndReverificationQueues() throws Exception {
        String tag = "Rtest" + System.nanoTime();
        UUID provider = fixtures.readyProvider(tag + " Expiring Drones");
        try (var admin = AdminSession.open()) {
            ProviderService service = new ProviderService(admin.session());
            int version = service.details(provider).verificationVersion();
            service.verify(provider, version);
            QueueFilter reverify = new QueueFilter(ProviderStatus.NEEDS_REVERIFICATION, null, null, null, tag);
            assertThat(service.queue(reverify, null, 10)).isEmpty();
            rows.update("UPDATE provider_documents SET expires_on = current_date + 10 WHERE provider_id = ? AND kind = 'insurance'",
                    provider);
            assertThat(service.queue(reverify, null, 10)).extracting(QueueRow::id).containsExactly(provider);
            assertThat(service.queue(new QueueFilter(ProviderStatus.VERIFIED, "drone", null, 14, tag), null, 10))
                    .singleElement().extracting(QueueRow::nextExpiry).isEqualTo(LocalDate.now().plusDays(10));
            assertThat(service.details(provider).needsReverification()).isFalse();
            rows.update("UPDATE provider_documents SET expires_on = current_date - 1 WHERE provider_id = ? AND kind = 'insurance'",
                    provider);
            assertThat(service.details(provider).needsReverification()).isTrue();
            assertThat(service.queue(reverify, null, 10)).singleElement().extracting(QueueRow::needsReverification).isEqualTo(true);
        }
    }

    @Test
    void decisionsThroughTheServiceAndAStaleOneIsAConflict() throws Exception {
        UUID provider = fixtures.droneProvider("Service Decisions Drones");
        UUID licence = fixtures.document(provider, "faa_part_107", LocalDate.now().plusYears(1));
        UUID insurance = fixtures.document(provider, "insurance", LocalDate.now().plusYears(1));
        UUID background = fixtures.document(provider, "background_check", null);
        try (var admin = AdminSession.open()) {
            ProviderService service = new ProviderService(admin.session());
            assertThatThrownBy(() -> service.rejectDocument(licence, " "))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
            service.acceptDocument(licence);
            service.acceptDocument(insurance);
            Throwable missing = catchThrowable(() -> service.verify(provider, 0));
            assertThat(ErrorClassifier.classify(missing).getMessage()).contains("Background check (not reviewed yet)");
            service.acceptDocument(background);
            assertThat(service.documents(provider)).allMatch(d -> d.decision().equals("approved") && d.required());
            assertThat(service.verify(provider, 0)).isEqualTo(1);
            Throwable stale = catchThrowable(() -> service.reject(provider, 0, "Too late"));
            assertThat(ErrorClassifier.classify(stale)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already decided by demo_admin at");
            assertThat(service.decisions(provider)).extracting(PastDecision::action)
                    .containsExactly("verify_provider", "accept_provider_document", "accept_provider_document",
                            "accept_provider_document");
            assertThat(service.requiredDocuments()).hasSize(6);
        }
    }

    @Test
    void opsMaySeeTheQueueButNotDecide() throws Exception {
        UUID provider = fixtures.droneProvider("Ops Looks Drones");
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            ProviderService service = new ProviderService(ops.session());
            assertThat(service.details(provider).businessName()).isEqualTo("Ops Looks Drones");
            assertThatThrownBy(() -> service.verify(provider, 0)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.decisions(provider)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
