package dev.marketlens.emulator.world;

import java.util.List;

/** Word lists the world draws names, places and labels from. */
final class Vocabulary {

  private Vocabulary() {}

  /** A country as the reporting API names it, with its Marketplace region. */
  record Country(String name, String region, List<String> cities, List<String> states) {}

  static final List<Country> COUNTRIES =
      List.of(
          new Country(
              "United States",
              "Americas",
              List.of("Austin", "Denver", "Seattle", "Boston", "Chicago"),
              List.of("TX", "CO", "WA", "MA", "IL")),
          new Country(
              "United States",
              "Americas",
              List.of("San Jose", "Atlanta", "Portland", "Raleigh", "Miami"),
              List.of("CA", "GA", "OR", "NC", "FL")),
          new Country(
              "Canada",
              "Americas",
              List.of("Toronto", "Vancouver", "Montreal"),
              List.of("ON", "BC", "QC")),
          new Country("Brazil", "Americas", List.of("Sao Paulo", "Curitiba"), List.of("SP", "PR")),
          new Country(
              "Germany", "EMEA", List.of("Berlin", "Munich", "Hamburg", "Cologne"), List.of()),
          new Country("Germany", "EMEA", List.of("Stuttgart", "Leipzig", "Dresden"), List.of()),
          new Country(
              "United Kingdom",
              "EMEA",
              List.of("London", "Manchester", "Leeds", "Bristol"),
              List.of()),
          new Country("France", "EMEA", List.of("Paris", "Lyon", "Toulouse"), List.of()),
          new Country(
              "Netherlands", "EMEA", List.of("Amsterdam", "Utrecht", "Eindhoven"), List.of()),
          new Country("Switzerland", "EMEA", List.of("Zurich", "Basel", "Bern"), List.of()),
          new Country("Poland", "EMEA", List.of("Warsaw", "Krakow", "Wroclaw"), List.of()),
          new Country("Sweden", "EMEA", List.of("Stockholm", "Gothenburg"), List.of()),
          new Country("Spain", "EMEA", List.of("Madrid", "Barcelona", "Valencia"), List.of()),
          new Country("Israel", "EMEA", List.of("Tel Aviv", "Haifa"), List.of()),
          new Country(
              "Australia",
              "APAC",
              List.of("Sydney", "Melbourne", "Brisbane"),
              List.of("NSW", "VIC", "QLD")),
          new Country("Japan", "APAC", List.of("Tokyo", "Osaka", "Fukuoka"), List.of()),
          new Country(
              "India",
              "APAC",
              List.of("Bengaluru", "Pune", "Hyderabad"),
              List.of("KA", "MH", "TG")),
          new Country("Singapore", "APAC", List.of("Singapore"), List.of()),
          new Country("South Korea", "APAC", List.of("Seoul", "Busan"), List.of()),
          new Country("New Zealand", "APAC", List.of("Auckland", "Wellington"), List.of()));

  static final List<String> COMPANY_FIRST =
      List.of(
          "Acme",
          "Northwind",
          "Blue Harbor",
          "Copperline",
          "Brightpath",
          "Stonebridge",
          "Redwood",
          "Silverleaf",
          "Ironclad",
          "Clearwater",
          "Summit",
          "Granite",
          "Lumen",
          "Vertex",
          "Orbital",
          "Pinecrest",
          "Harborview",
          "Keystone",
          "Meridian",
          "Nimbus",
          "Quantum",
          "Riverbend",
          "Sparrow",
          "Tidewater",
          "Evergreen",
          "Falcon",
          "Halcyon",
          "Juniper",
          "Kestrel",
          "Lighthouse",
          "Mosaic",
          "Nova",
          "Oakridge",
          "Polaris",
          "Quartz",
          "Saffron",
          "Tandem",
          "Umbra",
          "Vantage",
          "Willow",
          "Zephyr",
          "Aurora",
          "Beacon",
          "Cobalt",
          "Delta",
          "Ember",
          "Fjord",
          "Glacier",
          "Helix",
          "Indigo");

  static final List<String> COMPANY_SECOND =
      List.of(
          "Logistics",
          "Software",
          "Systems",
          "Health",
          "Bank",
          "Insurance",
          "Media",
          "Labs",
          "Robotics",
          "Energy",
          "Retail",
          "Analytics",
          "Telecom",
          "Foods",
          "Mobility",
          "Aerospace",
          "Pharma",
          "Consulting",
          "Games",
          "Security",
          "Learning",
          "Capital",
          "Networks",
          "Manufacturing",
          "Studios");

  static final List<String> LEGAL_SUFFIX =
      List.of("Inc.", "Ltd", "GmbH", "LLC", "AG", "S.A.", "B.V.", "Pty Ltd", "K.K.", "");

  static final List<String> TLDS =
      List.of("com", "io", "net", "de", "co.uk", "fr", "nl", "com.au", "jp", "org");

  static final List<String> FIRST_NAMES =
      List.of(
          "Alex", "Maria", "Jonas", "Priya", "Chen", "Fatima", "Lukas", "Sofia", "Kenji", "Olivia",
          "Mateo", "Anna", "David", "Emma", "Hiro", "Ines", "Jakub", "Lea", "Noah", "Sara", "Tom",
          "Yuki", "Zoe", "Omar", "Nina", "Pablo", "Rita", "Sven", "Tara", "Victor");

  static final List<String> LAST_NAMES =
      List.of(
          "Smith",
          "Muller",
          "Garcia",
          "Kowalski",
          "Tanaka",
          "Nguyen",
          "Johansson",
          "Rossi",
          "Dubois",
          "Schmidt",
          "Patel",
          "Kim",
          "Silva",
          "Novak",
          "Jensen",
          "Brown",
          "Wagner",
          "Lopez",
          "Sato",
          "Cohen",
          "Fischer",
          "Martin",
          "Costa",
          "Berg",
          "Walsh");

  static final List<String> FREE_MAIL =
      List.of("gmail.com", "outlook.com", "yahoo.com", "gmx.de", "proton.me");

  static final List<String> STREETS =
      List.of(
          "Main Street",
          "Harbour Road",
          "Market Square",
          "Station Road",
          "Park Avenue",
          "Lindenstrasse",
          "Rue de la Paix",
          "King Street",
          "Queen's Way",
          "Elm Street");

  /** Solution Partners and resellers, with their type on the wire. */
  record Partner(String name, String domain, boolean expert) {}

  static final List<Partner> PARTNERS =
      List.of(
          new Partner("Cloudbridge Consulting", "cloudbridge-consulting.com", true),
          new Partner("Agile Atelier", "agile-atelier.eu", true),
          new Partner("Northstar Solutions", "northstar-solutions.com", true),
          new Partner("Tooling Partners GmbH", "tooling-partners.de", true),
          new Partner("Kanban Works", "kanbanworks.co.uk", true),
          new Partner("Pacific Devtools", "pacific-devtools.com.au", true),
          new Partner("Software Resale Direct", "softwareresale.net", false),
          new Partner("License Depot", "licensedepot.com", false));

  static final List<String> APP_FIRST =
      List.of(
          "Timesheet",
          "Roadmap",
          "Checklist",
          "Approval",
          "Diagram",
          "Test",
          "Release",
          "Budget",
          "Survey",
          "Automation",
          "Table",
          "Asset",
          "Forms",
          "Gantt",
          "Notes",
          "Translation",
          "Backup",
          "Audit");

  static final List<String> APP_SECOND =
      List.of("Pro", "Suite", "Planner", "Manager", "Studio", "Hub", "Toolkit");

  static final List<String> VENDOR_NAMES =
      List.of(
          "Bitwise Apps",
          "Lattice Labs",
          "Fernweh Software",
          "Cardinal Plugins",
          "Orchid Apps",
          "Tessellate",
          "Glasshouse Tools",
          "Sundial Software",
          "Kite Studio",
          "Monolith Apps",
          "Parallax Works",
          "Ridgeline Apps",
          "Sablewood",
          "Trellis Tools",
          "Upland Apps",
          "Vireo Software",
          "Wavelet",
          "Yonder Labs",
          "Zinc Apps",
          "Alder Apps");

  static final List<String> ATTRIBUTION_CHANNELS =
      List.of(
          "Organic Search",
          "Paid Search",
          "Direct",
          "Referral",
          "Marketplace Search",
          "Email",
          "Social");

  static final List<String> PROMO_CODES =
      List.of("WELCOME10", "SPRING20", "SUMMIT25", "BLACKFRIDAY30", "NEWTEAM15");

  static final List<String> PARENT_EDITIONS = List.of("Free", "Standard", "Premium", "Enterprise");
}
