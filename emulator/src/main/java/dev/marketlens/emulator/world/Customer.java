package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Contact;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.PartnerDetails;
import dev.marketlens.emulator.wire.PartnerType;
import dev.marketlens.emulator.wire.ProratedDetail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A customer company: where it is, who its contacts are over time, how many users its host products
 * have over time, how it buys (directly or through a partner) and its cloud site.
 */
final class Customer {

  /** A user-count change of the customer's host products. */
  record Growth(LocalDate date, int users) {}

  final int index;
  private final String key;
  private final ContactDetails[] transactionContacts = new ContactDetails[2];
  private final ContactDetails[] licenseContacts = new ContactDetails[2];
  final Vendor vendor;
  final LocalDate arrival;

  /** Who holds the licenses when it is not a paying customer. */
  enum Internal {
    NONE,
    /** Atlassian itself: internal-use licenses, reported only with includeAtlassianLicenses. */
    ATLASSIAN,
    /** The vendor's own test licenses, given to it for free (seed 002 item 9). */
    VENDOR_TEST
  }

  final Internal internal;
  final String company;
  final String domain;
  final Vocabulary.Country country;
  final String city;
  final String state;
  final String postcode;
  final String street;
  final Contact billing;
  final List<Contact> technicalContacts = new ArrayList<>();

  /**
   * When the technical contact is replaced (null: never), and when the first one asks to be
   * forgotten.
   */
  LocalDate contactChange;

  LocalDate rtbf;
  final boolean missingTechnicalContact;
  final PartnerDetails partner;
  final boolean expertPartner;
  final List<Growth> growth = new ArrayList<>();
  final int billingDay;
  final String siteSlug;
  final String parentBillingCycle;
  final String initialEdition;
  final boolean sandbox;
  final boolean concession;

  Customer(int index, Vendor vendor, LocalDate arrival, Rates rates, Rng rng) {
    this.index = index;
    this.key = "C" + index;
    this.vendor = vendor;
    this.arrival = arrival;
    String first = rng.pick(Vocabulary.COMPANY_FIRST);
    String second = rng.pick(Vocabulary.COMPANY_SECOND);
    String suffix = rng.pick(Vocabulary.LEGAL_SUFFIX);
    String tag = Integer.toString(index, 36);
    String tld = rng.pick(Vocabulary.TLDS);
    int kind =
        rng.weighted(
            rates.atlassianOwnedPpm(),
            rates.vendorTestPpm(),
            Rates.MILLION - rates.atlassianOwnedPpm() - rates.vendorTestPpm());
    this.internal =
        kind == 0 ? Internal.ATLASSIAN : kind == 1 ? Internal.VENDOR_TEST : Internal.NONE;
    switch (internal) {
      case ATLASSIAN -> {
        this.company = "Atlassian";
        this.domain = "atlassian.com";
      }
      case VENDOR_TEST -> {
        this.company = vendor.name();
        this.domain = vendor.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".com";
      }
      default -> {
        this.company = (first + " " + second + " " + tag + " " + suffix).trim();
        this.domain =
            (first + "-" + second + "-" + tag).toLowerCase(Locale.ROOT).replace(' ', '-')
                + "."
                + tld;
      }
    }
    this.country = rng.pick(Vocabulary.COUNTRIES);
    this.city = rng.pick(country.cities());
    this.state = country.states().isEmpty() ? null : rng.pick(country.states());
    this.postcode = Integer.toString(rng.between(10_000, 99_999));
    this.street = rng.between(1, 250) + " " + rng.pick(Vocabulary.STREETS);
    boolean freeMail = rng.chance(rates.freeMailPpm());
    this.technicalContacts.add(person(rng, freeMail));
    this.billing = rng.chance(Rates.ppm(55)) ? technicalContacts.get(0) : person(rng, freeMail);
    technicalContacts.add(person(rng, freeMail));
    if (rng.chance(rates.contactChangePpm())) {
      contactChange = arrival.plusDays(rng.between(120, 1500));
      boolean asksToBeForgotten = rng.chance(rates.rtbfPpm());
      LocalDate when = contactChange.plusDays(rng.between(20, 400));
      // Only a replaced contact can be forgotten; one who is still the billing contact is not
      // replaced.
      if (asksToBeForgotten && billing != technicalContacts.get(0)) {
        rtbf = when;
      }
    }
    this.missingTechnicalContact = rng.chance(rates.missingTechnicalContactPpm());
    if (rng.chance(rates.partnerSalePpm())) {
      Vocabulary.Partner p = rng.pick(Vocabulary.PARTNERS);
      String who = rng.pick(Vocabulary.FIRST_NAMES);
      this.partner =
          new PartnerDetails(
              p.name(),
              p.expert() ? PartnerType.EXPERT : PartnerType.RESELLER,
              Contact.of(
                  who.toLowerCase(Locale.ROOT) + "@" + p.domain(),
                  who + " " + rng.pick(Vocabulary.LAST_NAMES)));
      this.expertPartner = p.expert();
    } else {
      this.partner = null;
      this.expertPartner = false;
    }
    int users = rng.logNormal(3.3, 1.4, 1, 20_000);
    growth.add(new Growth(arrival, users));
    LocalDate d = arrival;
    for (int i = 0; i < 12; i++) {
      d = d.plusDays(rng.between(90, 700));
      int change = rng.weighted(70, 20, 10);
      users =
          switch (change) {
            case 0 -> Math.min(20_000, users + Math.max(1, users * rng.between(10, 80) / 100));
            case 1 -> users;
            default -> Math.max(1, users - Math.max(1, users * rng.between(5, 40) / 100));
          };
      growth.add(new Growth(d, users));
    }
    this.billingDay = rng.between(1, 28);
    this.siteSlug = (first + second + tag).toLowerCase(Locale.ROOT).replace(" ", "");
    this.parentBillingCycle = rng.chance(Rates.ppm(70)) ? "MONTHLY" : "ANNUAL";
    this.initialEdition =
        users <= 10
            ? rng.pick(List.of("Free", "Standard"))
            : rng.pick(List.of("Standard", "Standard", "Premium", "Enterprise"));
    this.sandbox = rng.chance(rates.sandboxPpm());
    this.concession = rng.chance(rates.outageConcessionPpm());
  }

  private Contact person(Rng rng, boolean freeMail) {
    String first = rng.pick(Vocabulary.FIRST_NAMES);
    String last = rng.pick(Vocabulary.LAST_NAMES);
    String local = (first + "." + last).toLowerCase(Locale.ROOT);
    String mailDomain = freeMail ? rng.pick(Vocabulary.FREE_MAIL) : domain;
    if (freeMail) {
      local = local + rng.between(1, 999);
    }
    String phone =
        "+" + rng.between(1, 99) + " " + rng.between(100, 999) + " " + rng.between(1000, 9999);
    return new Contact(
        local + "@" + mailDomain, first + " " + last, phone, street, null, city, state, postcode);
  }

  /**
   * Users added on the site during a monthly billing cycle {@code (from, to]}, as cloud quantity
   * billing reports them ({@code purchaseDetails.proratedDetails}): each increase of the user count
   * in the cycle, split over up to three days before it, chosen by {@code salt}. Empty when the
   * count did not grow.
   */
  List<ProratedDetail> usersAddedBetween(LocalDate from, LocalDate to, long salt) {
    List<ProratedDetail> added = new ArrayList<>();
    for (int i = 1; i < growth.size(); i++) {
      Growth g = growth.get(i);
      int more = g.users() - growth.get(i - 1).users();
      if (more <= 0 || !g.date().isAfter(from) || g.date().isAfter(to)) {
        continue;
      }
      long h = Rng.hash(salt, i);
      int parts = (int) Math.min(more, 1 + Math.floorMod(h, 3));
      int gap = 1 + (int) Math.floorMod(h >>> 8, 4);
      for (int k = 0; k < parts; k++) {
        int users = more / parts + (k < more % parts ? 1 : 0);
        LocalDate day = g.date().minusDays((long) gap * (parts - 1 - k));
        added.add(new ProratedDetail(users, day.isAfter(from) ? day : from.plusDays(1)));
      }
    }
    return added;
  }

  /** Users of the customer's host products on {@code day}. */
  int usersOn(LocalDate day) {
    int users = growth.get(0).users();
    for (Growth g : growth) {
      if (g.date().isAfter(day)) {
        break;
      }
      users = g.users();
    }
    return users;
  }

  /** The technical contact on {@code day}, null when the records lack one. */
  Contact technicalContactOn(LocalDate day) {
    if (missingTechnicalContact) {
      return null;
    }
    return contactChange != null && !day.isBefore(contactChange)
        ? technicalContacts.get(1)
        : technicalContacts.get(0);
  }

  /** The parent product edition of the cloud site on {@code day}. */
  String editionOn(LocalDate day) {
    int users = usersOn(day);
    if (users <= 10 && initialEdition.equals("Free")) {
      return "Free";
    }
    if (initialEdition.equals("Free")) {
      return "Standard";
    }
    return initialEdition;
  }

  /** The next cloud billing date strictly after {@code day}. */
  LocalDate nextBillingDate(LocalDate day) {
    LocalDate candidate = day.withDayOfMonth(billingDay);
    if (!candidate.isAfter(day)) {
      candidate = candidate.plusMonths(1);
    }
    return candidate;
  }

  /** The first billing date on or after {@code day}. */
  LocalDate billingDateOnOrAfter(LocalDate day) {
    LocalDate candidate = day.withDayOfMonth(billingDay);
    return candidate.isBefore(day) ? candidate.plusMonths(1) : candidate;
  }

  String key() {
    return key;
  }

  /** Contact details as transaction records carry them (email and name only) on {@code day}. */
  ContactDetails transactionContactsOn(LocalDate day) {
    boolean replaced = contactChange != null && !day.isBefore(contactChange);
    int i = replaced ? 1 : 0;
    if (transactionContacts[i] == null) {
      Contact tech = technicalContactOn(day);
      transactionContacts[i] =
          new ContactDetails(
              company,
              country.name(),
              country.region(),
              tech == null ? null : Contact.of(tech.email(), tech.name()),
              Contact.of(billing.email(), billing.name()));
    }
    return transactionContacts[i];
  }

  /** Full contact details on {@code day} (license records). */
  ContactDetails contactDetailsOn(LocalDate day) {
    boolean replaced = contactChange != null && !day.isBefore(contactChange);
    int i = replaced ? 1 : 0;
    if (licenseContacts[i] == null) {
      licenseContacts[i] =
          new ContactDetails(
              company, country.name(), country.region(), technicalContactOn(day), billing);
    }
    return licenseContacts[i];
  }
}
