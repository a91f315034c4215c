package dev.tower.dispute;

import dev.tower.booking.BookingPage;
import dev.tower.booking.ThreadMessage;
import dev.tower.booking.TimelineEvent;
import dev.tower.refund.RefundRow;
import dev.tower.ui.kit.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Lays a dispute's evidence out as one PDF a payment processor or a court can read on its own: the
 * dispute, the booking and its price breakdown, refunds with who pays them back, the timeline, the
 * message thread, the provider's documents (summarised), photos, and on every page its number and when
 * and by whom it was generated. Times are shown in {@code zone} with the zone named.
 */
final class EvidencePackWriter {
    private final DateTimeFormatter time;

    EvidencePackWriter(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
    }

    byte[] write(EvidencePack pack) {
        try (PdfPages pdf = new PdfPages()) {
            DisputeDetail d = pack.dispute();
            BookingPage b = pack.story().booking();
            pdf.title("Evidence pack: dispute on booking " + b.orderNumber());
            pdf.paragraph("Generated " + at(pack.generatedAt()) + " by " + pack.generatedBy()
                    + " from the marketplace's records. Amounts in USD.");

            pdf.heading("Dispute");
            pdf.field("Reason", d.reason());
            pdf.field("Note", d.note());
            pdf.field("Opened", at(d.openedAt()));
            pdf.field("Due", at(d.dueAt()));
            pdf.field("Status", d.status().replace('_', ' '));
            pdf.field("Assigned to", d.assignedTo());
            if (d.resolved()) {
                pdf.field("Resolution", d.resolution().replace('_', ' ') + " by " + d.resolvedBy() + " at " + at(d.resolvedAt()));
                pdf.field("Resolution note", d.resolutionNote());
            }

            pdf.heading("Booking");
            pdf.field("Order number", b.orderNumber());
            pdf.field("Status", b.status());
            pdf.field("Customer", b.customerName());
            pdf.field("Provider", b.providerName());
            pdf.field("Service", b.listingTitle() + " (" + b.category() + ")");
            pdf.field("Booked", at(b.createdAt()));
            pdf.field("Scheduled", at(b.scheduledAt()) + (b.scheduledEndAt() == null ? "" : " to " + at(b.scheduledEndAt())));
            pdf.field("Actual", at(b.actualStartAt()) + " to " + at(b.actualEndAt()));
            pdf.field("Pick-up", b.pickupAddress());
            pdf.field("Drop-off", b.dropoffAddress());
            pdf.field("Instructions", b.specialInstructions());
            pdf.field("Customer notes", b.customerNotes());
            pdf.field("Provider notes", b.providerNotes());

            pdf.heading("Price breakdown");
            pdf.field("Service price", money(b.recordedServicePrice()));
            pdf.field("Platform fee", money(b.recordedPlatformFee()));
            pdf.field("Tax", money(b.recordedTax()));
            pdf.field("Total", money(b.recordedTotal()));
            pdf.field("Paid (captured)", money(b.paid()));
            pdf.field("Refunded", money(b.refunded()));
            pdf.field("Payment status", b.paymentStatus());

            pdf.heading("Refunds");
            if (pack.refunds().isEmpty()) {
                pdf.paragraph("No refunds.");
            }
            for (RefundRow r : pack.refunds()) {
                pdf.bullet(money(r.amount()) + " requested " + at(r.requestedAt()) + " by " + r.requesterName()
                        + " (" + (r.reasonCode() == null ? "no reason code" : r.reasonCode().replace('_', ' ')) + "): "
                        + r.stateText() + (r.platformFeeShare() == null ? ""
                        : "; platform fee share " + money(r.platformFeeShare()) + ", provider share " + money(r.providerShare()))
                        + ". " + r.note());
            }

            pdf.heading("Timeline");
            for (TimelineEvent e : pack.story().timeline()) {
                pdf.bullet(at(e.at()) + " \u2014 " + e.summary() + (e.actor() == null ? "" : " (" + e.actor() + ")"));
            }

            pdf.heading("Message thread");
            if (pack.story().thread().isEmpty()) {
                pdf.paragraph("No messages were exchanged about this booking.");
            }
            for (ThreadMessage m : pack.story().thread()) {
                pdf.bullet(at(m.at()) + " \u2014 " + m.sender() + " to " + m.recipient() + ": " + m.content());
            }

            pdf.heading("Provider's documents");
            if (pack.providerDocuments().isEmpty()) {
                pdf.paragraph("The provider has no verification documents on file.");
            }
            for (ProviderDocumentSummary doc : pack.providerDocuments()) {
                pdf.bullet(doc.kind().replace('_', ' ') + ": " + doc.fileName() + " \u2014 " + doc.decision()
                        + (doc.reviewedBy() == null ? "" : " by " + doc.reviewedBy() + " at " + at(doc.reviewedAt()))
                        + (doc.expiresOn() == null ? "" : "; expires " + doc.expiresOn()));
            }

            pdf.heading("Photos");
            pdf.paragraph("No photos are stored with this booking or its messages.");

            return pdf.finish("Evidence pack for " + b.orderNumber() + ", dispute " + d.id() + " \u2014 generated "
                    + at(pack.generatedAt()) + " by " + pack.generatedBy());
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence pack could not be laid out", e);
        }
    }

    private String at(OffsetDateTime t) {
        return t == null ? "\u2014" : time.format(t);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "\u2014" : Money.rounded(amount, Money.USD).display();
    }
}
