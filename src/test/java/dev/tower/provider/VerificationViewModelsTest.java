package dev.tower.provider;

import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue and provider page ViewModels, no toolkit, against the real database. */
class VerificationViewModelsTest {
    private final TestRows rows = TestRows.in(TestDatabase.get());
    private final ProviderFixtures fixtures = new ProviderFixtures(rows);

    @Test
    void queueFiltersTabsKeyboardAndBulkVerify() throws Exception {
        String tag = "VmQ" + System.nanoTime();
        UUID ready = fixtures.readyProvider(tag + " Ready");
        UUID alsoReady = fixtures.readyProvider(tag + " Also Ready");
        UUID notReady = fixtures.droneProvider(tag + " Not Ready");
        try (var admin = AdminSession.open()) {
            var vm = new VerificationQueueViewModel(new ProviderService(admin.session()), new SyncTaskExecutor(), true);
            vm.searchProperty().set(tag);
            vm.load();
            assertThat(vm.list().rows()).extracting(QueueRow::id).containsExactlyInAnyOrder(ready, alsoReady, notReady);
            assertThat(vm.tabLabel(ProviderStatus.PENDING).get()).matches("Pending \\((about )?\\d+\\)");

            vm.selectNext();
            assertThat(vm.selectedProperty().get()).isEqualTo(vm.list().rows().get(0));
            vm.selectNext();
            vm.selectPrevious();
            assertThat(vm.selectedProperty().get()).isEqualTo(vm.list().rows().get(0));

            vm.providerTypeProperty().set("courier");
            vm.applyFilters();
            assertThat(vm.list().rows()).isEmpty();
            vm.providerTypeProperty().set("drone");
            vm.applyFilters();

            assertThat(vm.bulkVerify().isExecutable()).isFalse();
            vm.list().rows().forEach(vm::toggleChecked);
            assertThat(vm.bulkVerify().execute()).isTrue();
            assertThat(vm.state().error().text()).contains("Nothing was verified").contains(tag + " Not Ready");
            vm.toggleChecked(vm.list().rows().stream().filter(r -> r.id().equals(notReady)).findFirst().orElseThrow());
            assertThat(vm.bulkVerify().execute()).isTrue();
            assertThat(vm.state().error()).isNull();
            assertThat(vm.state().notice()).isEqualTo("Verified 2 providers.");
            assertThat(vm.list().rows()).extracting(QueueRow::id).containsExactly(notReady);

            vm.tabProperty().set(ProviderStatus.VERIFIED);
            assertThat(vm.list().rows()).extracting(QueueRow::id).containsExactlyInAnyOrder(ready, alsoReady);
        }
    }

    @Test
    void aLinkShowsOneStatusTabInOneAreaWithTheOtherFiltersCleared() {
        TestDatabase.withDemoData();
        try (var admin = AdminSession.open()) {
            var vm = new VerificationQueueViewModel(new ProviderService(admin.session()), new SyncTaskExecutor(), true);
            vm.searchProperty().set("nobody matches this");
            vm.providerTypeProperty().set("drone");
            vm.load();
            vm.showLink(java.util.Map.of("status", "verified", "area", "Downtown Detroit"));
            assertThat(vm.tabProperty().get()).isEqualTo(ProviderStatus.VERIFIED);
            assertThat(vm.searchProperty().get()).isEmpty();
            assertThat(vm.providerTypeProperty().get()).isEmpty();
            assertThat(vm.serviceAreaProperty().get()).isEqualTo("Downtown Detroit");
            assertThat(vm.list().rows()).isNotEmpty().allSatisfy(r -> assertThat(r.certificationStatus()).isEqualTo("verified"));
            long inDowntown = vm.list().rows().size();

            vm.showLink(java.util.Map.of("status", "verified"));
            assertThat(vm.serviceAreaProperty().get()).isEmpty();
            assertThat(vm.list().rows().size()).isGreaterThanOrEqualTo((int) inDowntown);
            vm.showLink(java.util.Map.of("status", "no such status"));
            assertThat(vm.tabProperty().get()).as("left as it was").isEqualTo(ProviderStatus.VERIFIED);
        }
    }

    @Test
    void opsSeeTheQueueWithoutBulkVerify() {
        try (var ops = AdminSession.open("demo_ops", dev.tower.security.Role.OPS)) {
            var vm = new VerificationQueueViewModel(new ProviderService(ops.session()), new SyncTaskExecutor(), false);
            vm.load();
            assertThat(vm.state().error()).isNull();
            vm.list().rows().stream().findFirst().ifPresent(vm::toggleChecked);
            assertThat(vm.bulkVerify().isExecutable()).isFalse();
        }
    }

    @Test
    void providerPageAcceptsEachDocumentThenVerifies() throws Exception {
        UUID provider = fixtures.droneProvider("VmPage Drones");
        fixtures.document(provider, "faa_part_107", LocalDate.now().plusDays(10));
        fixtures.document(provider, "insurance", LocalDate.now().plusYears(1));
        fixtures.document(provider, "background_check", null);
        try (var admin = AdminSession.open()) {
            var vm = new ProviderPageViewModel(new ProviderService(admin.session()), new SyncTaskExecutor(), true, true,
                    Clock.systemDefaultZone());
            vm.open(provider);
            assertThat(vm.detailsProperty().get().businessName()).isEqualTo("VmPage Drones");
            assertThat(vm.documents()).hasSize(3);
            assertThat(vm.verify().isExecutable()).as("verify is offered; the database names what is missing").isTrue();
            vm.verify().execute();
            assertThat(vm.state().error().text()).contains("Missing: FAA Part 107 (not reviewed yet)");

            assertThat(vm.selectedDocumentProperty().get().kind()).isEqualTo("faa_part_107");
            assertThat(vm.viewer().imageProperty().get()).as("the fixture's image is shown").isNotNull();
            assertThat(vm.viewer().problemProperty().get()).isEmpty();
            assertThat(vm.viewer().hashWarningProperty().get()).isEmpty();
            assertThat(vm.expiryWords(vm.selectedDocumentProperty().get())).isEqualTo("Expires in 10 days");
            assertThat(vm.rejectDocument().isExecutable()).as("reject needs a reason").isFalse();
            for (int i = 0; i < 3; i++) {
                assertThat(vm.acceptDocument().execute()).isTrue();
                assertThat(vm.state().notice()).isEqualTo("Document accepted.");
            }
            assertThat(vm.documents()).allMatch(d -> d.decision().equals("approved"));
            assertThat(vm.acceptDocument().isExecutable()).isFalse();
            vm.verify().execute();
            assertThat(vm.state().notice()).isEqualTo("Provider verified.");
            assertThat(vm.detailsProperty().get().certificationStatus()).isEqualTo("verified");
            assertThat(vm.decisions()).extracting(PastDecision::action).first().isEqualTo("verify_provider");
            assertThat(vm.suspend().isExecutable()).isFalse();
            vm.reasonProperty().set("Complaints");
            assertThat(vm.suspend().isExecutable()).isTrue();
        }
    }

    @Test
    void whenAnotherAdminDecidedFirstThePageReloadsAndSaysWho() throws Exception {
        UUID provider = fixtures.readyProvider("VmRace Drones");
        try (var admin = AdminSession.open()) {
            ProviderService service = new ProviderService(admin.session());
            var vm = new ProviderPageViewModel(service, new SyncTaskExecutor(), true, true, Clock.systemDefaultZone());
            vm.open(provider);
            service.verify(provider, vm.detailsProperty().get().verificationVersion());   // the other admin
            vm.reasonProperty().set("Looks fake");
            vm.reject().execute();
            assertThat(vm.state().error().text()).contains("already decided by demo_admin at");
            assertThat(vm.detailsProperty().get().certificationStatus()).as("reloaded").isEqualTo("verified");
            assertThat(vm.reject().isExecutable()).isFalse();
        }
    }

    @Test
    void acceptIsOffWhileTheViewerCannotShowTheFile() throws Exception {
        UUID provider = fixtures.droneProvider("VmViewer Drones");
        byte[] png = ProviderVerificationUiTest.png();
        UUID corrupt = fixtures.document(provider, "faa_part_107", null,
                ("%PDF-1.4 not really " + provider).getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf", "corrupt.pdf");
        UUID truncated = fixtures.document(provider, "insurance", null, java.util.Arrays.copyOf(png, png.length / 2),
                "image/png", "truncated.png");
        UUID missing = fixtures.documentWithoutFile(provider, "background_check");
        UUID good = fixtures.document(provider, "identity", null);
        try (var admin = AdminSession.open()) {
            var vm = new ProviderPageViewModel(new ProviderService(admin.session()), new SyncTaskExecutor(), true, true,
                    Clock.systemDefaultZone());
            vm.open(provider);
            for (UUID unreadable : new UUID[] {corrupt, truncated, missing}) {
                select(vm, unreadable);
                assertThat(vm.viewer().imageProperty().get()).as("nothing shown for " + unreadable).isNull();
                assertThat(vm.acceptDocument().isExecutable()).as("accept for an unreadable file").isFalse();
                assertThat(vm.acceptDocument().execute()).isFalse();
                vm.reasonProperty().set("The file cannot be opened; please upload it again.");
                assertThat(vm.rejectDocument().isExecutable()).as("rejecting it stays possible").isTrue();
                vm.reasonProperty().set("");
            }
            select(vm, good);
            assertThat(vm.acceptDocument().isExecutable()).isTrue();
            // the same document, but the bytes now differ from the stored SHA-256 (the schema itself refuses
            // to store such a file, so the mismatch is fed to the viewer directly)
            vm.viewer().open(() -> new dev.tower.ui.kit.DocumentBytes("identity.png", "image/png", png, "0".repeat(64), png.length));
            assertThat(vm.viewer().hashWarningProperty().get()).isNotEmpty();
            assertThat(vm.acceptDocument().isExecutable()).as("accept for bytes that do not match their hash").isFalse();
            assertThat(vm.documents()).as("nothing was decided").allMatch(ProviderDocument::pending);
        } finally {
            rows.update("DELETE FROM provider_documents WHERE id = ?", missing);
        }
    }

    @Test
    void tabCountsReloadAfterEachDecisionOnThePage() throws Exception {
        UUID provider = fixtures.readyProvider("VmCounts Drones");
        try (var admin = AdminSession.open()) {
            var service = new ProviderService(admin.session());
            var queue = new VerificationQueueViewModel(service, new SyncTaskExecutor(), true);
            var page = new ProviderPageViewModel(service, new SyncTaskExecutor(), true, true, Clock.systemDefaultZone());
            queue.recountAfterDecisionsOn(page);
            queue.load();
            long pendingBefore = tabCount(queue, ProviderStatus.PENDING);
            long verifiedBefore = tabCount(queue, ProviderStatus.VERIFIED);
            page.open(provider);
            assertThat(page.verify().execute()).isTrue();
            assertThat(page.state().notice()).isEqualTo("Provider verified.");
            assertThat(tabCount(queue, ProviderStatus.PENDING)).isEqualTo(pendingBefore - 1);
            assertThat(tabCount(queue, ProviderStatus.VERIFIED)).isEqualTo(verifiedBefore + 1);

            page.reasonProperty().set("Complaints about late deliveries");
            assertThat(page.suspend().execute()).isTrue();
            assertThat(tabCount(queue, ProviderStatus.VERIFIED)).isEqualTo(verifiedBefore);
            assertThat(tabCount(queue, ProviderStatus.SUSPENDED)).isPositive();
        }
    }

    private static long tabCount(VerificationQueueViewModel queue, ProviderStatus status) {
        var m = java.util.regex.Pattern.compile("\\((?:about )?(\\d+)\\)").matcher(queue.tabLabel(status).get());
        assertThat(m.find()).as(queue.tabLabel(status).get()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void select(ProviderPageViewModel vm, UUID document) {
        vm.selectedDocumentProperty().set(vm.documents().stream().filter(d -> d.id().equals(document)).findFirst().orElseThrow());
    }

    @Test
    void providerPageShowsTheWeeklyScheduleListingsAndOnlyMaskedPayoutDetails() throws Exception {
        UUID provider = fixtures.droneProvider("VmWeek Drones");
        rows.update("""
                INSERT INTO provider_schedules (provider_id, day_of_week, start_time, end_time, is_available,
                                                break_start_time, break_end_time, max_bookings_per_day)
                VALUES (?, 1, '08:00', '17:00', true, '12:00', '12:30', 6),
                       (?, 0, '10:00', '14:00', false, NULL, NULL, 2),
                       (?, 2, '09:00', '18:00', true, NULL, NULL, 1)""", provider, provider, provider);
        rows.listing(provider, "aerial_imaging", "Roof inspection", "Aerial photos of the roof", new java.math.BigDecimal("149.00"));
        UUID hidden = rows.listing(provider, "site_mapping", "Acreage survey", "Orthomosaic", new java.math.BigDecimal("420.50"));
        rows.update("UPDATE listings SET active = false WHERE id = ?", hidden);
        rows.update("""
                INSERT INTO provider_payout_details (provider_id, bank_account_pgp, bank_account_mask, tax_id_pgp, tax_id_mask)
                VALUES (?, tower_internal.seal_for_payments('acct 000111222333'), tower_internal.payout_mask('000111222333'),
                        tower_internal.seal_for_payments('tin 12-3456789'), tower_internal.payout_mask('12-3456789'))""", provider);
        try (var ops = AdminSession.open("demo_ops", dev.tower.security.Role.OPS)) {
            var vm = new ProviderPageViewModel(new ProviderService(ops.session()), new SyncTaskExecutor(), false, false,
                    Clock.systemDefaultZone());
            vm.open(provider);
            assertThat(vm.state().error()).isNull();
            assertThat(vm.schedule()).extracting(ScheduleDay::words).containsExactly(
                    "Sun unavailable",
                    "Mon 08:00–17:00 (break 12:00–12:30) · up to 6 bookings",
                    "Tue 09:00–18:00 · up to 1 booking");
            assertThat(vm.listings()).extracting(ProviderListing::words).containsExactly(
                    "Roof inspection · aerial_imaging · USD 149.00 fixed · active",
                    "Acreage survey · site_mapping · USD 420.50 fixed · inactive");
            assertThat(vm.moreListingsProperty().get()).isFalse();
            ProviderDetails d = vm.detailsProperty().get();
            assertThat(d.bankAccountMask()).isEqualTo("•••• 2333");
            assertThat(d.taxIdMask()).isEqualTo("•••• 6789");
            assertThat(ProviderPagePane.payoutLine(d)).isEqualTo("Bank account •••• 2333  ·  Tax ID •••• 6789");
        }
        try (var admin = AdminSession.open()) {
            var vm = new ProviderPageViewModel(new ProviderService(admin.session()), new SyncTaskExecutor(), true, true,
                    Clock.systemDefaultZone());
            vm.open(fixtures.droneProvider("VmEmpty Drones"));
            assertThat(vm.schedule()).isEmpty();
            assertThat(vm.listings()).isEmpty();
            assertThat(ProviderPagePane.payoutLine(vm.detailsProperty().get())).isEqualTo("No bank or tax details on file");
        }
    }
}
