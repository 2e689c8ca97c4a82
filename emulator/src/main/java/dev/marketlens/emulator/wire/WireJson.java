package dev.marketlens.emulator.wire;

import java.io.OutputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Jackson streaming plumbing shared by the JSON writers: creates UTF-8 generators that never close
 * their target, and writes the pieces licenses and transactions have in common. Every helper omits
 * a property whose value is null, an empty list or an object without any field to write.
 */
public final class WireJson {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private WireJson() {}

  /**
   * A compact UTF-8 JSON generator over {@code out}, e.g. for the HTTP list envelope {@code
   * {"_links":…, "licenses":[…]}}. Closing the generator flushes {@code out} but does not close it.
   */
  public static JsonGenerator createGenerator(OutputStream out) {
    return FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
  }

  /**
   * {@code dunningStatus} as compact JSON text, the way the CSV export carries it (spec §8.3
   * [EMU]).
   */
  static String dunningJson(List<DunningAttempt> attempts) {
    StringWriter text = new StringWriter(64 * attempts.size());
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      writeDunningArray(g, attempts);
    }
    return text.toString();
  }

  /**
   * The license identifiers, flattened at the record's top level; {@code cloudSiteHostname} exists
   * on licenses only.
   */
  static void ids(JsonGenerator g, LicenseIds ids, boolean withSiteHostname) {
    if (ids == null) {
      return;
    }
    string(g, "addonLicenseId", ids.addonLicenseId());
    string(g, "hostLicenseId", ids.hostLicenseId());
    string(g, "licenseId", ids.licenseId());
    string(g, "appEntitlementId", ids.appEntitlementId());
    string(g, "appEntitlementNumber", ids.appEntitlementNumber());
    string(g, "hostEntitlementId", ids.hostEntitlementId());
    string(g, "hostEntitlementNumber", ids.hostEntitlementNumber());
    string(g, "cloudId", ids.cloudId());
    if (withSiteHostname) {
      string(g, "cloudSiteHostname", ids.cloudSiteHostname());
    }
  }

  /** {@code addonKey}, {@code productId} (v3 only) and {@code addonName}. */
  static void app(
      JsonGenerator g, WireFormat wire, String addonKey, String productId, String name) {
    string(g, "addonKey", addonKey);
    if (wire.includesProductId()) {
      string(g, "productId", productId);
    }
    string(g, "addonName", name);
  }

  static void string(JsonGenerator g, String name, String value) {
    if (value != null) {
      g.writeStringProperty(name, value);
    }
  }

  static void date(JsonGenerator g, String name, LocalDate value) {
    if (value != null) {
      g.writeStringProperty(name, DateText.of(value));
    }
  }

  static void wire(JsonGenerator g, String name, WireValue value) {
    if (value != null) {
      g.writeStringProperty(name, value.wire());
    }
  }

  static void tier(JsonGenerator g, String name, Tier value) {
    if (value != null) {
      g.writeStringProperty(name, value.wire());
    }
  }

  static void money(JsonGenerator g, String name, long cents) {
    g.writeName(name);
    g.writeNumber(Cents.toDecimalString(cents));
  }

  static void strings(JsonGenerator g, String name, List<String> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    g.writeArrayPropertyStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  /**
   * A contact object. License contacts carry all eight fields ({@code full}); transaction contacts
   * only {@code email} and {@code name}.
   */
  static void contact(JsonGenerator g, String name, Contact c, boolean full) {
    if (c == null || !hasContent(c, full)) {
      return;
    }
    g.writeObjectPropertyStart(name);
    string(g, "email", c.email());
    string(g, "name", c.name());
    if (full) {
      string(g, "phone", c.phone());
      string(g, "address1", c.address1());
      string(g, "address2", c.address2());
      string(g, "city", c.city());
      string(g, "state", c.state());
      string(g, "postcode", c.postcode());
    }
    g.writeEndObject();
  }

  /**
   * {@code contactDetails} of a license ({@code full} contacts) or {@code customerDetails} of a
   * transaction.
   */
  static void contactDetails(JsonGenerator g, String name, ContactDetails d, boolean full) {
    if (d == null) {
      return;
    }
    boolean any =
        d.company() != null
            || d.country() != null
            || d.region() != null
            || (d.technicalContact() != null && hasContent(d.technicalContact(), full))
            || (d.billingContact() != null && hasContent(d.billingContact(), full));
    if (!any) {
      return;
    }
    g.writeObjectPropertyStart(name);
    string(g, "company", d.company());
    string(g, "country", d.country());
    string(g, "region", d.region());
    contact(g, "technicalContact", d.technicalContact(), full);
    contact(g, "billingContact", d.billingContact(), full);
    g.writeEndObject();
  }

  /**
   * {@code partnerDetails}; the partner's billing contact has the license or transaction contact
   * shape.
   */
  static void partnerDetails(JsonGenerator g, PartnerDetails p, boolean fullContact) {
    if (p == null) {
      return;
    }
    g.writeObjectPropertyStart("partnerDetails");
    string(g, "partnerName", p.partnerName());
    wire(g, "partnerType", p.partnerType());
    contact(g, "billingContact", p.billingContact(), fullContact);
    g.writeEndObject();
  }

  static void dunningStatus(JsonGenerator g, List<DunningAttempt> attempts) {
    if (attempts == null || attempts.isEmpty()) {
      return;
    }
    g.writeName("dunningStatus");
    writeDunningArray(g, attempts);
  }

  private static void writeDunningArray(JsonGenerator g, List<DunningAttempt> attempts) {
    g.writeStartArray();
    for (DunningAttempt a : attempts) {
      g.writeStartObject();
      g.writeNumberProperty("attemptCount", a.attemptCount());
      string(g, "errorCode", a.errorCode());
      date(g, "paymentAttemptDate", a.paymentAttemptDate());
      date(g, "nextPaymentAttemptDate", a.nextPaymentAttemptDate());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static boolean hasContent(Contact c, boolean full) {
    if (c.email() != null || c.name() != null) {
      return true;
    }
    return full
        && (c.phone() != null
            || c.address1() != null
            || c.address2() != null
            || c.city() != null
            || c.state() != null
            || c.postcode() != null);
  }
}
