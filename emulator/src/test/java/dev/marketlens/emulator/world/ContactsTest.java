package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.wire.Contact;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed 000 (SR-R1, SR-R4) / K20, K37: customer contacts")
class ContactsTest {

  private final World world = Worlds.standard();
  private final Worlds.Index index = Worlds.index();

  @Test
  @DisplayName(
      "SR-R1 / K37 (seed 000): licenses of free apps show no contact emails, and free apps have no"
          + " transactions")
  void freeAppsHaveNoContactsAndNoSales() {
    List<License> free =
        world.licenses().stream()
            .filter(l -> index.app(l.addonKey()).paymentModel() == PaymentModel.FREE)
            .toList();
    assertThat(free).as("licenses of the free app").isNotEmpty();
    Violations v = new Violations("SR-R1 free licenses without emails");
    for (RecordHistory<License> h : world.licenseHistories()) {
      if (index.app(h.latest().addonKey()).paymentModel() != PaymentModel.FREE) {
        continue;
      }
      for (Versioned<License> version : h.versions()) {
        ContactDetails c = version.record().contactDetails();
        v.check(
            c == null
                || ((c.technicalContact() == null || c.technicalContact().email() == null)
                    && (c.billingContact() == null || c.billingContact().email() == null)),
            () -> describe(version.record()) + " " + c);
      }
    }
    v.assertNone();
    assertThat(world.transactions())
        .noneMatch(t -> index.app(t.addonKey()).paymentModel() != PaymentModel.PAID_VIA_ATLASSIAN);
  }

  /** A record that reads RTBF: when it first did and what it showed the day before. */
  private record Redaction(String company, LocalDate day, String forgottenEmail, String example) {}

  private static boolean redacted(ContactDetails c) {
    return c != null
        && ((c.technicalContact() != null && c.technicalContact().isRedacted())
            || (c.billingContact() != null && c.billingContact().isRedacted()));
  }

  private static <T> void findRedactions(
      List<RecordHistory<T>> histories,
      Function<T, ContactDetails> contacts,
      Function<T, String> describe,
      List<Redaction> out) {
    for (RecordHistory<T> h : histories) {
      List<Versioned<T>> versions = h.versions();
      for (int i = 1; i < versions.size(); i++) {
        ContactDetails before = contacts.apply(versions.get(i - 1).record());
        ContactDetails after = contacts.apply(versions.get(i).record());
        if (redacted(after) && !redacted(before)) {
          Contact forgotten =
              after.technicalContact() != null && after.technicalContact().isRedacted()
                  ? before.technicalContact()
                  : before.billingContact();
          out.add(
              new Redaction(
                  after.company().trim(),
                  versions.get(i).since(),
                  forgotten == null ? null : forgotten.email(),
                  describe.apply(versions.get(i).record())));
        }
      }
    }
  }

  /**
   * Every version served on or after a redaction day (including the one still served on that day)
   * must not contain the forgotten email anywhere.
   */
  private static <T> void checkNoTrace(
      List<RecordHistory<T>> histories,
      Function<T, String> describe,
      Iterable<Redaction> redactions,
      Violations v) {
    for (RecordHistory<T> h : histories) {
      List<Versioned<T>> versions = h.versions();
      for (int i = 0; i < versions.size(); i++) {
        Versioned<T> version = versions.get(i);
        LocalDate servedUntil = i + 1 < versions.size() ? versions.get(i + 1).since() : null;
        String text = version.record().toString();
        for (Redaction r : redactions) {
          boolean servedFromRedaction = servedUntil == null || servedUntil.isAfter(r.day());
          if (servedFromRedaction) {
            v.check(
                !text.contains(r.forgottenEmail()),
                () ->
                    describe.apply(version.record())
                        + " version of "
                        + version.since()
                        + " is served after "
                        + r.forgottenEmail()
                        + " was forgotten on "
                        + r.day());
          }
        }
      }
    }
  }

  @Test
  @DisplayName(
      "SR-R4 / K20 (seed 000): some records read RTBF, and from the redaction day no version of"
          + " any record of that customer shows the forgotten email")
  void rightToBeForgottenRedactsEveryRecord() {
    List<Redaction> redactions = new ArrayList<>();
    findRedactions(world.licenseHistories(), License::contactDetails, Worlds::describe, redactions);
    findRedactions(
        world.transactionHistories(), Transaction::customerDetails, Worlds::describe, redactions);
    assertThat(redactions).as("records that turned RTBF").isNotEmpty();
    assertThat(redactions)
        .as("an RTBF record redacts a real email")
        .allSatisfy(r -> assertThat(r.forgottenEmail()).as(r.example()).isNotBlank());

    // The first redaction day of each forgotten email.
    Map<String, Redaction> byEmail = new HashMap<>();
    for (Redaction r : redactions) {
      byEmail.merge(r.forgottenEmail(), r, (a, b) -> a.day().isBefore(b.day()) ? a : b);
    }
    Violations v = new Violations("SR-R4 no trace of a forgotten email after its redaction day");
    checkNoTrace(world.licenseHistories(), Worlds::describe, byEmail.values(), v);
    checkNoTrace(world.transactionHistories(), Worlds::describe, byEmail.values(), v);
    v.assertNone();
  }

  @Test
  @DisplayName(
      "SR-R4 / K20 (seed 000): the free starter tier export shows no forgotten contact either")
  void freeStarterEntitlementsShowNoForgottenEmail() {
    List<Redaction> redactions = new ArrayList<>();
    findRedactions(world.licenseHistories(), License::contactDetails, Worlds::describe, redactions);
    findRedactions(
        world.transactionHistories(), Transaction::customerDetails, Worlds::describe, redactions);
    assertThat(redactions).isNotEmpty();
    assertThat(world.freeStarterEntitlements()).isNotEmpty();
    for (Redaction r : redactions) {
      assertThat(world.freeStarterEntitlements())
          .as("forgotten on " + r.day() + ": " + r.forgottenEmail())
          .noneMatch(e -> r.forgottenEmail().equals(e.technicalEmail()));
    }
  }
}
