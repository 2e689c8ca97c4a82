package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.wire.Contact;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.PartnerDetails;
import dev.marketlens.emulator.wire.Transaction;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The filter rules of the spec (§7.2, §8.2), written from the spec's text against the engine's
 * records, so that the tests' expectations do not come from the code under test.
 */
final class SpecRules {

  private static final Pattern USERS = Pattern.compile("(\\d+) Users");
  private static final Pattern PER_UNIT = Pattern.compile("Per Unit Pricing \\((\\d+) Users\\)");

  private SpecRules() {}

  /** §7.2 {@code showLifeTimeFreeLicenses}: the app has always been free. */
  static boolean lifetimeFreeApp(String addonKey) {
    return Emulator.vendor().apps().stream()
        .anyMatch(a -> a.addonKey().equals(addonKey) && a.paymentModel() == PaymentModel.FREE);
  }

  /** The vendor's apps that are not lifetime-free. */
  static List<App> paidApps() {
    return Emulator.vendor().apps().stream()
        .filter(a -> a.paymentModel() != PaymentModel.FREE)
        .toList();
  }

  /**
   * §7.2/§8.2 {@code cloudComplianceBoundaries}: without the parameter a cloud row is served only
   * in the commercial boundary; rows of other hostings are not affected.
   */
  static boolean commercialBoundary(String hosting, List<String> boundaries) {
    return !"Cloud".equals(hosting)
        || boundaries == null
        || boundaries.isEmpty()
        || boundaries.contains("commercial");
  }

  /**
   * What a license request without filters returns (§7.2 defaults): no Atlassian-owned licenses
   * ({@code includeAtlassianLicenses=false}), no licenses of lifetime-free apps ({@code
   * showLifeTimeFreeLicenses=false}), cloud licenses of the commercial boundary only.
   */
  static boolean defaultLicense(License l) {
    return !"Atlassian".equals(l.licenseSourceType())
        && !lifetimeFreeApp(l.addonKey())
        && commercialBoundary(l.hosting().wire(), l.cloudComplianceBoundaries());
  }

  /**
   * What a transaction request without filters returns (§8.2 defaults): no manual invoices ({@code
   * includeManualInvoice=false}), cloud rows of the commercial boundary only.
   */
  static boolean defaultTransaction(Transaction t) {
    return !Boolean.TRUE.equals(t.isInvoiceManual())
        && commercialBoundary(t.purchaseDetails().hosting().wire(), t.cloudComplianceBoundaries());
  }

  /** The licenses of vendor 0 served today that pass the defaults and {@code filter}. */
  static List<License> licenses(Predicate<License> filter) {
    return Api.view().licenses().stream().filter(SpecRules::defaultLicense).filter(filter).toList();
  }

  /** The transactions of vendor 0 served today that pass the defaults and {@code filter}. */
  static List<Transaction> transactions(Predicate<Transaction> filter) {
    return Api.view().transactions().stream()
        .filter(SpecRules::defaultTransaction)
        .filter(filter)
        .toList();
  }

  static List<String> licenseKeys(Collection<License> licenses) {
    return licenses.stream().map(License::key).toList();
  }

  static List<String> transactionKeys(Collection<Transaction> transactions) {
    return transactions.stream().map(Transaction::transactionLineItemId).toList();
  }

  /**
   * §7.2 {@code tier}: the user count a tier string names, {@code "N Users"} or {@code "Per Unit
   * Pricing (N Users)"}; empty for tiers without a count ({@code Evaluation}, {@code Unlimited
   * Users}).
   */
  static OptionalInt users(String tier) {
    if (tier == null) {
      return OptionalInt.empty();
    }
    Matcher m = USERS.matcher(tier);
    if (m.matches()) {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
    m = PER_UNIT.matcher(tier);
    if (m.matches()) {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
    return OptionalInt.empty();
  }

  /**
   * §7.2 {@code text} on licenses: a case-insensitive substring of {@code licenseId}, {@code
   * addonLicenseId}, {@code appEntitlementId}, {@code appEntitlementNumber}, {@code
   * hostEntitlementNumber}, {@code cloudId}, {@code cloudSiteHostname}, the company, contact emails
   * and names, the partner name and the partner's contact.
   */
  static boolean textMatches(License l, String text) {
    LicenseIds ids = l.ids();
    return contains(
        text,
        Stream.concat(
            Stream.of(
                ids.licenseId(),
                ids.addonLicenseId(),
                ids.appEntitlementId(),
                ids.appEntitlementNumber(),
                ids.hostEntitlementNumber(),
                ids.cloudId(),
                ids.cloudSiteHostname()),
            Stream.concat(people(l.contactDetails()), partner(l.partnerDetails()))));
  }

  /**
   * §8.2 {@code text} on transactions: {@code transactionId}, {@code transactionLineItemId}, the
   * license ids, the customer's company, emails and names, the partner's name and contact.
   */
  static boolean textMatches(Transaction t, String text) {
    LicenseIds ids = t.ids();
    return contains(
        text,
        Stream.concat(
            Stream.of(
                t.transactionId(),
                t.transactionLineItemId(),
                ids.licenseId(),
                ids.addonLicenseId(),
                ids.appEntitlementNumber(),
                ids.appEntitlementId(),
                ids.cloudId()),
            Stream.concat(people(t.customerDetails()), partner(t.partnerDetails()))));
  }

  private static Stream<String> people(ContactDetails d) {
    if (d == null) {
      return Stream.empty();
    }
    return Stream.concat(
        Stream.of(d.company()),
        Stream.concat(contact(d.technicalContact()), contact(d.billingContact())));
  }

  private static Stream<String> partner(PartnerDetails p) {
    return p == null
        ? Stream.empty()
        : Stream.concat(Stream.of(p.partnerName()), contact(p.billingContact()));
  }

  private static Stream<String> contact(Contact c) {
    return c == null ? Stream.empty() : Stream.of(c.email(), c.name());
  }

  private static boolean contains(String needle, Stream<String> haystack) {
    String n = needle.toLowerCase(Locale.ROOT);
    return haystack.filter(Objects::nonNull).anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(n));
  }
}
