package dev.marketlens.metrics.identity;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The customer a license lineage belongs to (§3.3), first match wins:
 *
 * <ol>
 *   <li>a manual override of the lineage's key, domain or company;
 *   <li>the registrable domain of the technical contact's e-mail, unless it is a free-mail domain,
 *       a partner's domain or redacted ({@code RTBF});
 *   <li>the same for the billing contact;
 *   <li>a domain already known for the lineage's company: when another lineage with the same
 *       normalised company name has a domain, it is the same customer (this keeps a customer whose
 *       contacts were redacted or use free mail on some licenses together);
 *   <li>the normalised company name (lower case, no punctuation or accents, legal suffixes
 *       removed);
 *   <li>the lineage itself, as a customer of one license.
 * </ol>
 *
 * Keys read {@code domain:acme.com}, {@code company:acme}, {@code license:E-123}; an override names
 * the customer directly ({@code customer:NAME}).
 */
public final class CustomerKeys {

  /** Public free-mail and disposable domains: an address there says nothing about the company. */
  public static final Set<String> FREE_MAIL =
      Set.of(
          "gmail.com",
          "googlemail.com",
          "outlook.com",
          "hotmail.com",
          "hotmail.co.uk",
          "live.com",
          "msn.com",
          "yahoo.com",
          "yahoo.co.uk",
          "yahoo.fr",
          "yahoo.de",
          "ymail.com",
          "aol.com",
          "icloud.com",
          "me.com",
          "mac.com",
          "gmx.de",
          "gmx.net",
          "gmx.com",
          "web.de",
          "t-online.de",
          "proton.me",
          "protonmail.com",
          "pm.me",
          "mail.com",
          "mail.ru",
          "yandex.ru",
          "yandex.com",
          "qq.com",
          "163.com",
          "126.com",
          "naver.com",
          "zoho.com",
          "fastmail.com",
          "tutanota.com",
          "hey.com",
          "orange.fr",
          "free.fr",
          "laposte.net",
          "libero.it",
          "mailinator.com",
          "guerrillamail.com",
          "10minutemail.com",
          "yopmail.com",
          "temp-mail.org");

  private static final Set<String> SECOND_LEVEL =
      Set.of("co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go", "gv", "nic", "ltd");

  private static final Pattern LEGAL_SUFFIX =
      Pattern.compile(
          "\\b(inc|incorporated|ltd|limited|llc|llp|lp|plc|gmbh|ag|kg|se|sa|sas|sarl|srl|spa|bv|nv"
              + "|oy|oyj|ab|as|asa|aps|kk|pty|pte|corp|corporation|co|company|sl|sro|doo|zrt|kft"
              + "|ooo|bhd|sdn)\\b");

  /** The lineage's contact hints, in the order they count (its license first, then its lines). */
  public record Hints(String technicalEmail, String billingEmail, String company) {}

  private final Set<String> partnerDomains;
  private final Map<String, String> overrides;

  /**
   * @param partnerDomains domains of Solution Partners (from {@code partnerDetails} and the
   *     vendor's list); contacts there are the partner's, not the customer's
   * @param overrides customer names by lineage key ({@code E-123}), {@code domain:…} or {@code
   *     company:…}
   */
  public CustomerKeys(Collection<String> partnerDomains, Map<String, String> overrides) {
    this.partnerDomains =
        Set.copyOf(partnerDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * The customer of every lineage.
   *
   * @param hints each lineage's hints by lineage key
   * @return the customer key by lineage key
   */
  public Map<String, String> assign(Map<String, List<Hints>> hints) {
    Map<String, String> byLineage = new HashMap<>();
    Map<String, String> domainOfCompany = new HashMap<>();
    Map<String, String> companyOfLineage = new HashMap<>();
    // Lineages in key order, so that a company seen with two domains takes the same one every run.
    for (String lineage : new java.util.TreeSet<>(hints.keySet())) {
      String domain = null;
      String company = null;
      for (Hints h : hints.get(lineage)) {
        if (domain == null) {
          domain = usableDomain(h.technicalEmail());
        }
        if (company == null) {
          company = normalisedCompany(h.company());
        }
      }
      if (domain == null) {
        for (Hints h : hints.get(lineage)) {
          domain = usableDomain(h.billingEmail());
          if (domain != null) {
            break;
          }
        }
      }
      if (company != null) {
        companyOfLineage.put(lineage, company);
      }
      if (domain != null) {
        byLineage.put(lineage, "domain:" + domain);
        if (company != null) {
          domainOfCompany.putIfAbsent(company, "domain:" + domain);
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    for (String lineage : hints.keySet()) {
      String company = companyOfLineage.get(lineage);
      String key = byLineage.get(lineage);
      if (key == null && company != null) {
        key = domainOfCompany.getOrDefault(company, "company:" + company);
      }
      if (key == null) {
        key = "license:" + lineage;
      }
      out.put(lineage, override(lineage, key, company));
    }
    return out;
  }

  private String override(String lineage, String key, String company) {
    String name = overrides.get(lineage);
    if (name == null) {
      name = overrides.get(key);
    }
    if (name == null && company != null) {
      name = overrides.get("company:" + company);
    }
    return name == null ? key : "customer:" + name;
  }

  /** The registrable domain of an address, or null when it says nothing about the customer. */
  String usableDomain(String email) {
    String domain = registrableDomain(email);
    if (domain == null || FREE_MAIL.contains(domain) || partnerDomains.contains(domain)) {
      return null;
    }
    return domain;
  }

  /**
   * The registrable domain of an e-mail address: its last two labels, or three under a country's
   * generic second level ({@code acme.co.uk}). Null for a missing, redacted or malformed address.
   */
  public static String registrableDomain(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0 || at == email.length() - 1) {
      return null;
    }
    String host = email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    String[] labels = host.split("\\.");
    if (labels.length < 2 || host.contains("..")) {
      return null;
    }
    int n = labels.length;
    int keep =
        n >= 3 && labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]) ? 3 : 2;
    return String.join(".", List.of(labels).subList(n - keep, n));
  }

  /** A company name for matching: lower case, no accents or punctuation, no legal suffixes. */
  public static String normalisedCompany(String company) {
    if (company == null || company.isBlank() || company.equals("RTBF")) {
      return null;
    }
    String s =
        Normalizer.normalize(company, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace('&', ' ')
            .replaceAll("[^\\p{L}\\p{N}]+", " ");
    s = LEGAL_SUFFIX.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").trim();
    return s.isEmpty() ? null : s;
  }
}
